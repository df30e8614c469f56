/**
 * The practical limit of this runtime: MODEL.md §4's month loop for one issue,
 * hand-fused into one function with every quantity a local, no trace, no
 * events, runs stopping at the first deal. It shares no code with models/ on
 * purpose (it is the yardstick), and the benchmark checks that it reaches the
 * same deals as the engine, run for run.
 */
import type { Scenario } from '../models/index.ts';
// The model's deterministic elementary functions (bitwise the same in every engine): the
// engine must use them, so the yardstick does too.
import { atanh, exp, expm1, log, log1p } from '../models/detmath.ts';

function mix32(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h >>> 0;
}

/** PV of MODEL.md §2: the same operations as models/war.ts, fused (so the same bits). */
function pv(j: number, n: number, sigma: number, delta: number, psi: number): number {
  if (psi < 0.001) psi = 0.001; else if (psi > 0.999) psi = 0.999;
  if (psi < 0.5) { j = n - j; psi = 1 - psi; }
  if (j <= 0 || j >= n) return 0;
  const move = 1 - sigma, omd = 1 - delta, a = delta * move * psi, b = 1 - delta * sigma, m = delta * move * (2 * psi - 1);
  const spread = 1 + delta - 2 * delta * sigma;
  const s = Math.sqrt(omd * spread + m * m);
  if (s === 0) return (j * (n - j)) / move;
  const q = (spread / (s + m) + 1) / (2 * a), e = omd * q, l = log1p(e), ratio = s / b, L = -2 * atanh(ratio < 1 ? ratio : 1);
  let rj: number, rr: number, rhoJ: number;
  if (L === 0) { rj = j / n; rr = (n - j) / n; rhoJ = 1; } else {
    const den = expm1(n * L), emj = expm1(j * L);
    rj = emj / den; rr = expm1((n - j) * L) / den; rhoJ = 1 + emj;
  }
  const down = l === 0 ? j - n : expm1((j - n) * l) / l;
  const up = j * l < 1 ? (l === 0 ? j : expm1(j * l) / l) * rhoJ : (exp(j * (l + L)) - rhoJ) / l;
  const v = -(down * rj + up * rr) * ((e === 0 ? 1 : l / e) * q);
  return v > 0 ? v : 0;
}

/**
 * Run `runs` runs of seed `seed` (one issue; events ignored, levers fixed).
 * Returns the months simulated and the number of deals, plus a checksum of deal months.
 */
export function baselineRuns(sc: Scenario, seed: number, runs: number): { months: number; deals: number; dealMonthSum: number } {
  const A = sc.sides.A, B = sc.sides.B, w = sc.war, bg = sc.bargaining;
  const N = w.decisiveSteps, sigma = w.stalemateChance, H = sc.horizonMonths, lam = bg.memory;
  const sanctions = sc.levers.sanctions, aid = sc.levers.aid, g = sc.levers.guarantee;
  const logit0 = log(w.baseWinChance / (1 - w.baseWinChance));
  const lnDA = log(A.discount), lnDB = log(B.discount);
  const armF = bg.armistice ? 1 - bg.armisticeDiscount : 1;
  const h = bg.granularity;
  let months = 0, deals = 0, dealMonthSum = 0;
  for (let r = 0; r < runs; r++) {
    // xoshiro128** seeded as models/rng.ts does (so both see the same dice).
    const key = mix32((seed >>> 0) ^ mix32(((r >>> 0) + 0x9e3779b9) >>> 0));
    let x = key;
    x = (x + 0x9e3779b9) >>> 0; let s0 = mix32(x);
    x = (x + 0x9e3779b9) >>> 0; let s1 = mix32(x);
    x = (x + 0x9e3779b9) >>> 0; let s2 = mix32(x);
    x = (x + 0x9e3779b9) >>> 0; let s3 = mix32(x);
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
    let j = Math.round(w.initialControl * N);
    let eA = A.initialExhaustion, eB = B.initialExhaustion;
    let aA = A.priorWins, bA = A.priorLosses, aB = B.priorWins, bB = B.priorLosses;
    for (let t = 1; t <= H; t++) {
      months++;
      const psi0 = 1 / (1 + exp(-(logit0 + w.exhaustionEffect * (eB - eA) - w.sanctionsEffect * sanctions - w.aidEffect * aid)));
      const psi = psi0 < 0.001 ? 0.001 : psi0 > 0.999 ? 0.999 : psi0;
      // Two xoshiro128** steps: u_battle, then u_talks (MODEL.md §1).
      let m5 = Math.imul(s1, 5);
      const u = (Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0) / 4294967296;
      let tt = (s1 << 9) >>> 0;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tt; s3 = (s3 << 11) | (s3 >>> 21);
      m5 = Math.imul(s1, 5);
      const uTalks = (Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0) / 4294967296;
      tt = (s1 << 9) >>> 0;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tt; s3 = (s3 << 11) | (s3 >>> 21);
      let aWon = false, bWon = false;
      if (u >= sigma) { if ((u - sigma) / (1 - sigma) < psi) { j++; aWon = true; } else { j--; bWon = true; } }
      eA += (A.casualtiesPerMonth * (1 + (bWon ? A.lossSurge : 0))) / A.casualtyTolerance - A.recoveryPerMonth;
      eA = eA < 0 ? 0 : eA > 1 ? 1 : eA;
      eB += (B.casualtiesPerMonth * (1 + (aWon ? B.lossSurge : 0))) / B.casualtyTolerance - B.recoveryPerMonth - w.aidRecovery * aid;
      eB = eB < 0 ? 0 : eB > 1 ? 1 : eB;
      if (aWon || bWon) { const p = aWon ? 1 : 0, q = bWon ? 1 : 0; aA = lam * aA + p; bA = lam * bA + q; aB = lam * aB + p; bB = lam * bB + q; }
      if (j <= 0 || j >= N) break;
      const kA = A.baseCost + A.exhaustionCost * eA + bg.sanctionsCostA * sanctions;
      const kB0 = B.baseCost + B.exhaustionCost * eB - bg.aidReliefB * aid, kB = kB0 > 0 ? kB0 : 0;
      const dA = A.exhaustionImpatience === 0 ? A.discount : exp((1 + A.exhaustionImpatience * eA) * lnDA);
      const dB = B.exhaustionImpatience === 0 ? B.discount : exp((1 + B.exhaustionImpatience * eB) * lnDB);
      const pA = aA / (aA + bA), pB = aB / (aB + bB), c = j / N;
      const muA = (1 - sigma) * (2 * (pA < 0.001 ? 0.001 : pA > 0.999 ? 0.999 : pA) - 1);
      const muB = (1 - sigma) * (2 * (pB < 0.001 ? 0.001 : pB > 0.999 ? 0.999 : pB) - 1);
      const vA = c + pv(j, N, sigma, dA, pA) * ((dA * muA) / N - kA);
      const vB = 1 - c - pv(j, N, sigma, dB, pB) * ((dB * muB) / N + kB);
      let rA = vA + bg.guaranteeCostA * g;
      let rB = (1 - vB) / (1 + bg.vulnerability * (1 - g));
      if (rA > 2) rA = 2;
      if (bg.armistice && rA > 0) rA = armF * 2 <= rA ? 2 : rA / armF;
      if (A.domesticBound > 0 && rA < A.domesticBound) rA = A.domesticBound;
      if (!bg.armistice && B.domesticBound < 1 && rB > B.domesticBound) rB = B.domesticBound;
      if (h > 0) { rA = Math.ceil((rA - 1e-12) / h) * h; rB = Math.floor((rB + 1e-12) / h) * h; }
      const open = rA <= 1 && rB >= 0 ? rB - rA >= 0 : false;
      if (open && uTalks < bg.talkChance) { deals++; dealMonthSum += t; if (bg.stopAtDeal) break; }
    }
  }
  return { months, deals, dealMonthSum };
}
