/**
 * What continuing the war is worth (MODEL.md §2): the gambler's-ruin valuation
 * of a lazy random walk on {0..N} with discounting (Smith & Stam 2004).
 *
 * With a = δ(1−σ)ψ̂, b = 1 − δσ, c' = δ(1−σ)(1−ψ̂), the roots λ₋ ≤ 1 ≤ λ₊ of
 * aλ² − bλ + c' = 0 give W_A(j) = (λ₊^j − λ₋^j)/(λ₊^N − λ₋^N) and
 * W_B(j) = (λ₊^N λ₋^j − λ₋^N λ₊^j)/(λ₊^N − λ₋^N). We never form those powers:
 * with ρ = λ₋/λ₊ ≤ 1 and R(m) = (1 − ρ^m)/(1 − ρ^N),
 *
 *   W_A = λ₊^(j−N) · R(j),     W_B = λ₋^j · R(N − j),
 *
 * where every factor lies in [0, 1] (scaled powers, no overflow for N ≤ 1000).
 * The discriminant is written without cancellation,
 *   b² − 4ac' = (1 − δ)(1 + δ − 2δσ) + (δ(1−σ)(2ψ̂ − 1))²,
 * and ln ρ = −2·atanh(√D / b), so R is continuous through the double root
 * (δ = 1, ψ̂ = ½, where R(m) → m/N).
 *
 * PV = (1 − W_A − W_B)/(1 − δ) is 0/0 at δ = 1. For ψ̂ ≥ ½ the identity
 *   1 − W_A − W_B = −expm1((j−N)ℓ₊)·R(j) − expm1(jℓ₊)·ρ^j·R(N−j),  ℓ₊ = ln λ₊,
 * holds exactly, and ℓ₊/(1−δ) has a finite closed form, so PV is computed
 * without dividing two small numbers; ψ̂ < ½ uses the mirror
 * PV(j; ψ̂) = PV(N − j; 1 − ψ̂). At δ = 1 the same expression is the expected
 * number of months E[T] (steps/(1−σ)).
 */

import { atanh, exp, expm1, log1p } from './detmath.ts';

/** Beliefs and true chances are clamped to this range everywhere (MODEL.md §1–2). */
export const PSI_MIN = 0.001;
/** Upper clamp of beliefs and true chances (MODEL.md §1). */
export const PSI_MAX = 0.999;

/** Clamp a win chance to [PSI_MIN, PSI_MAX]. */
export function clampPsi(psi: number): number {
  return psi < PSI_MIN ? PSI_MIN : psi > PSI_MAX ? PSI_MAX : psi;
}

/** expm1(x·ℓ)/ℓ, with its limit x at ℓ = 0. */
function expm1Ratio(x: number, l: number): number {
  return l === 0 ? x : expm1(x * l) / l;
}

/**
 * Scratch result of {@link valueWar}: reused, so the month loop allocates nothing.
 * Every field is finite for j ∈ [0, N], N ≤ 1000, ψ̂ ∈ [0.001, 0.999], δ ∈ (0, 1].
 */
export interface WarValuation {
  /** E[δ^T · 1{A wins}] from position j. */
  winA: number;
  /** E[δ^T · 1{B wins}] from position j. */
  winB: number;
  /** Expected discounted months of war, Σ_{t<T} δ^t (E[T] in months at δ = 1). */
  warMonths: number;
}

/** A fresh scratch valuation (all zeros). */
export function newWarValuation(): WarValuation {
  return { winA: 0, winB: 0, warMonths: 0 };
}

/**
 * The discounted gambler's ruin for a walk that A believes moves its way with
 * chance `psi` per moving month (MODEL.md §2). Writes into `out` and returns it.
 *
 * @param j position (0 = B's decisive victory, N = A's)
 * @param n N, `war.decisiveSteps`
 * @param sigma σ, the chance that a month does not move
 * @param delta δ, the monthly discount factor
 * @param psi ψ̂, the believed chance that A wins a month that moves (clamped)
 */
export function valueWar(j: number, n: number, sigma: number, delta: number, psi: number, out: WarValuation): WarValuation {
  psi = clampPsi(psi);
  if (psi < 0.5) {
    // Mirror (MODEL.md §6.6): A's walk at ψ̂ is B's walk at 1 − ψ̂ from N − j.
    out.warMonths = solveUpward(n - j, n, sigma, delta, 1 - psi, out);
    const w = out.winA;
    out.winA = out.winB;
    out.winB = w;
    return out;
  }
  out.warMonths = solveUpward(j, n, sigma, delta, psi, out);
  return out;
}

/**
 * PV alone: the expected discounted months of war (MODEL.md §2). The month
 * loop's hot path: it skips W_A and W_B.
 */
export function warMonths(j: number, n: number, sigma: number, delta: number, psi: number): number {
  psi = clampPsi(psi);
  return psi < 0.5 ? solveUpward(n - j, n, sigma, delta, 1 - psi, null) : solveUpward(j, n, sigma, delta, psi, null);
}

/**
 * The case ψ̂ ≥ ½ (drift toward A, λ₊ → 1 as δ → 1). Returns PV; writes W_A
 * and W_B into `out` when given.
 */
function solveUpward(j: number, n: number, sigma: number, delta: number, psi: number, out: WarValuation | null): number {
  if (j <= 0 || j >= n) {
    if (out) { out.winA = j >= n ? 1 : 0; out.winB = j <= 0 ? 1 : 0; }
    return 0;
  }
  const move = 1 - sigma;
  const oneMinusDelta = 1 - delta;
  const a = delta * move * psi;
  const b = 1 - delta * sigma;
  const m = delta * move * (2 * psi - 1); // ≥ 0 here
  const spread = 1 + delta - 2 * delta * sigma;
  const s = Math.sqrt(oneMinusDelta * spread + m * m);

  if (s === 0) {
    // Double root: δ = 1 and ψ̂ = ½. Limits from MODEL.md §2.
    if (out) { out.winA = j / n; out.winB = (n - j) / n; }
    return (j * (n - j)) / move;
  }

  // q = (λ₊ − 1)/(1 − δ), written without cancellation since m ≥ 0.
  const q = (spread / (s + m) + 1) / (2 * a);
  const ePlus = oneMinusDelta * q; // λ₊ − 1 ≥ 0
  const lPlus = log1p(ePlus); // ℓ₊ = ln λ₊
  const ratio = s / b; // ≤ 1 in exact arithmetic; rounding can exceed it as δ → 0
  const L = -2 * atanh(ratio < 1 ? ratio : 1); // ln ρ ≤ 0 (−∞ when ρ = 0)

  // R(m) = (1 − ρ^m)/(1 − ρ^N); m/N at L = 0.
  let rj: number, rRest: number, rhoJ: number;
  if (L === 0) { rj = j / n; rRest = (n - j) / n; rhoJ = 1; }
  else {
    const den = expm1(n * L);
    const emj = expm1(j * L);
    rj = emj / den;
    rRest = expm1((n - j) * L) / den;
    rhoJ = 1 + emj;
  }
  const lMinus = lPlus + L; // ln λ₋ ≤ 0
  const downJ = expm1Ratio(j - n, lPlus); // (λ₊^(j−N) − 1)/ℓ₊, bounded
  // (λ₊^j − 1)·ρ^j/ℓ₊ = (λ₋^j − ρ^j)/ℓ₊: with expm1 while ℓ₊·j is small (δ near 1),
  // in log space when λ₊^j would overflow (δ near 0).
  const upJrhoJ = j * lPlus < 1 ? expm1Ratio(j, lPlus) * rhoJ : (exp(j * lMinus) - rhoJ) / lPlus;
  if (out) {
    out.winA = exp((j - n) * lPlus) * rj; // λ₊^(j−N)·R(j)
    out.winB = exp(j * lMinus) * rRest; // λ₋^j·R(N−j)
  }
  // ℓ₊/(1−δ) = (ℓ₊/e₊)·q, with log1p(e)/e → 1 as e → 0.
  const scale = (ePlus === 0 ? 1 : lPlus / ePlus) * q;
  const pv = -(downJ * rj + upJrhoJ * rRest) * scale;
  return pv > 0 ? pv : 0;
}

/**
 * Believed drift μ = (1 − σ)(2ψ̂ − 1), in lattice steps per month (MODEL.md §2).
 */
export function drift(sigma: number, psi: number): number {
  return (1 - sigma) * (2 * clampPsi(psi) - 1);
}

/**
 * Value of fighting on for A: V_A = c + PV_A·(δ_A·μ_A/N − k_A) (MODEL.md §2).
 * @param control c = j/N
 * @param warMonths PV_A from {@link valueWar} with A's belief and patience
 */
export function valueOfWarA(control: number, warMonths: number, delta: number, mu: number, n: number, cost: number): number {
  return control + warMonths * ((delta * mu) / n - cost);
}

/**
 * Value of fighting on for B: V_B = (1 − c) − PV_B·(δ_B·μ_B/N + k_B) (MODEL.md §2),
 * with μ_B from B's belief about A's chance.
 */
export function valueOfWarB(control: number, warMonths: number, delta: number, mu: number, n: number, cost: number): number {
  return 1 - control - warMonths * ((delta * mu) / n + cost);
}
