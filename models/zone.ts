/**
 * Reservation points, the deal zone, the multi-issue frontier, the Nash deal
 * point and the surplus decomposition (MODEL.md §3; Fearon 1995, Powell 2006,
 * Rubinstein 1982).
 *
 * A {@link ZoneSolver} is built once per scenario and reused every month: it
 * owns its scratch arrays, so `assess` and `dealTerms` allocate nothing.
 *
 * Surplus, stage by stage (each stage adds one adjustment, in MODEL.md's order):
 *   S0 = r_B − r_A with r_A = V_A, r_B = 1 − V_B           (= costs − optimism)
 *   S1: commitment: r_A += κg·g; r_B ← r_B / (1 + φ(1 − g))
 *   S2: domestic: armistice ? r_A ← r_A/(1 − d) : r_B ← min(r_B, bound_B); r_A ← max(r_A, bound_A)
 *   S3: indivisibility: r_A ← ⌈r_A/h⌉h, r_B ← ⌊r_B/h⌋h
 *   S  = S3 for one issue; with several issues, B's utility margin on the
 *        frontier, deflated by the commitment factor (see `marginAt`);
 *        logrolling = S − S3.
 * Each term is the drop between stages, so the terms add up to the surplus by
 * construction: surplus = costs − optimism − commitment − domestic − indivisibility + logrolling.
 *
 * A choice MODEL.md leaves open, documented here and in the README: an
 * adjustment can push a bound past the stakes (A asking for more than
 * everything through the guarantee's cost or the armistice discount, B for
 * more than nothing). The zone is then shut whatever the other bound, and the
 * stage's surplus is the shortfall to that end of the stakes,
 * min(1 − r_A, r_B, r_B − r_A) < 0, so "open iff surplus ≥ 0" always holds.
 * Without adjustments V_A ≤ 1 and V_B ≤ 1, so S0 is never affected and
 * MODEL.md's unclipped formula holds exactly.
 */

import { log } from './detmath.ts';
import type { Scenario } from './schema.ts';

/**
 * Grid rounding tolerance, in shares (0.6/0.2 is 2.9999999999999996). Absolute,
 * not relative to h, so that halving h never rounds a bound the other way.
 */
const GRID_EPS = 1e-12;
/** Bounds an adjustment pushes past the stakes are shown at most this far out. */
const BOUND_CAP = 1;
/** Tolerance for "a deal lies inside the zone", in stake units. */
export const ZONE_TOLERANCE = 1e-9;
/** A's requirement counts as met when the shortfall is below this (rounding in Σ w·x). */
const FEASIBILITY_EPS = 1e-12;

/** What each side's war is worth this month, with what it is made of (MODEL.md §2). */
export interface Valuation {
  valueA: number;
  valueB: number;
  /** PV_A, PV_B: expected discounted months of war as each side sees it. */
  warMonthsA: number;
  warMonthsB: number;
  /** δ_A, δ_B this month. */
  patienceA: number;
  patienceB: number;
  /** μ_A, μ_B: believed drift toward A, in steps per month. */
  driftA: number;
  driftB: number;
  /** k_A, k_B this month. */
  costA: number;
  costB: number;
  /** N. */
  steps: number;
}

/** The zone this month (scratch, reused). Share bounds are A's share of issue 0. */
export interface ZoneAssessment {
  reservationA: number;
  reservationB: number;
  /** The zone [low, high] ∩ [0, 1] in shares of issue 0 (low > high when shut). */
  low: number;
  high: number;
  surplus: number;
  open: boolean;
  costsTerm: number;
  optimismTerm: number;
  commitmentTerm: number;
  domesticTerm: number;
  indivisibilityTerm: number;
  logrollingTerm: number;
  /** Value-based bounds (after commitment and the armistice discount, before domestic bounds and grid), for the deal point. */
  valueBoundA: number;
  valueBoundB: number;
}

/** A fresh assessment (all zeros). */
export function newZoneAssessment(): ZoneAssessment {
  return {
    reservationA: 0, reservationB: 0, low: 0, high: 0, surplus: 0, open: false,
    costsTerm: 0, optimismTerm: 0, commitmentTerm: 0, domesticTerm: 0, indivisibilityTerm: 0, logrollingTerm: 0,
    valueBoundA: 0, valueBoundB: 0,
  };
}

/** Why a proposal failed: who rejects it (MODEL.md §4 step 9). */
export type Rejection = 'none' | 'A' | 'B' | 'both';

/**
 * Width of [lo, hi] as a surplus: hi − lo while both bounds are inside the
 * stakes (the unclipped width of MODEL.md), else the shortfall (see the header).
 */
function stageSurplus(lo: number, hi: number): number {
  if (lo <= 1 && hi >= 0) return hi - lo;
  return Math.min(1 - lo, hi, hi - lo);
}

/** α·ln(gainA) + (1 − α)·ln(gainB), with 0·ln 0 = 0 at α ∈ {0, 1}. */
function logNashProduct(alpha: number, gainA: number, gainB: number): number {
  let s = 0;
  if (alpha > 0) s += alpha * log(gainA > 0 ? gainA : 0);
  if (alpha < 1) s += (1 - alpha) * log(gainB > 0 ? gainB : 0);
  return s;
}

function gridUp(x: number, h: number): number {
  return h > 0 ? Math.ceil((x - GRID_EPS) / h) * h : x;
}

function gridDown(x: number, h: number): number {
  return h > 0 ? Math.floor((x + GRID_EPS) / h) * h : x;
}

/**
 * The Rubinstein-limit bargaining weight of A, α_A = ln δ_B / (ln δ_A + ln δ_B);
 * ½ when both are perfectly patient (MODEL.md §3).
 */
export function nashWeightA(patienceA: number, patienceB: number): number {
  const la = log(patienceA);
  const lb = log(patienceB);
  const sum = la + lb;
  return sum === 0 ? 0.5 : lb / sum;
}

/**
 * The zone machinery for one scenario: the bargaining rules, the issues, and
 * scratch space. Not shared between threads.
 */
export class ZoneSolver {
  readonly issueCount: number;
  private readonly vulnerability: number;
  private readonly guaranteeCostA: number;
  private readonly armistice: boolean;
  private readonly armisticeFactor: number;
  private readonly granularity: number;
  private readonly boundA: number;
  private readonly boundB: number;
  // Several issues (MODEL.md §3): weights, bounds, and per-month scratch.
  private readonly wA: Float64Array;
  private readonly wB: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly gainA: Float64Array;
  private readonly lossB: Float64Array;
  private readonly order: Int32Array;
  private readonly x: Float64Array;
  /** hi₀ − lo₀ when issue 0's bounds leave no share (negative), else 0. */
  private readonly blockedGap: number;
  private guarantee = 0;
  private vA = 0;
  private vB = 0;

  constructor(scenario: Scenario) {
    const b = scenario.bargaining;
    this.vulnerability = b.vulnerability;
    this.guaranteeCostA = b.guaranteeCostA;
    this.armistice = b.armistice;
    this.armisticeFactor = b.armistice ? 1 - b.armisticeDiscount : 1;
    this.granularity = b.granularity;
    this.boundA = scenario.sides.A.domesticBound;
    this.boundB = scenario.sides.B.domesticBound;
    const issues = scenario.issues && scenario.issues.length > 1 ? scenario.issues : null;
    const n = issues ? issues.length : 1;
    this.issueCount = n;
    this.wA = new Float64Array(n);
    this.wB = new Float64Array(n);
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n);
    this.gainA = new Float64Array(n);
    this.lossB = new Float64Array(n);
    this.order = new Int32Array(n);
    this.x = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const it = issues?.[k];
      this.wA[k] = it ? it.weightA : 1;
      this.wB[k] = it ? it.weightB : 1;
      this.lo[k] = it?.low ?? 0;
      this.hi[k] = it?.high ?? 1;
    }
    // Issue 0 carries the domestic bounds and the grid (MODEL.md §3).
    let lo0 = Math.max(this.lo[0]!, this.boundA);
    let hi0 = this.armistice ? this.hi[0]! : Math.min(this.hi[0]!, this.boundB);
    if (this.granularity > 0) { lo0 = gridUp(lo0, this.granularity); hi0 = gridDown(hi0, this.granularity); }
    // Bounds that leave no share of issue 0 (A's floor above B's ceiling, or no
    // grid point between them): no deal whatever the other issues.
    this.blockedGap = lo0 > hi0 ? hi0 - lo0 : 0;
    this.lo[0] = lo0;
    this.hi[0] = lo0 > hi0 ? lo0 : hi0;
  }

  /**
   * The zone for this month's valuation and guarantee `g` (MODEL.md §3). Writes
   * into `out` and returns it.
   */
  assess(v: Valuation, guarantee: number, out: ZoneAssessment): ZoneAssessment {
    const h = this.granularity;
    this.guarantee = guarantee;
    this.vA = v.valueA;
    this.vB = v.valueB;

    out.costsTerm = v.costA * v.warMonthsA + v.costB * v.warMonthsB;
    out.optimismTerm = (v.patienceA * v.driftA * v.warMonthsA - v.patienceB * v.driftB * v.warMonthsB) / v.steps;

    // S0: Fearon's range from the war values.
    let rA = v.valueA;
    let rB = 1 - v.valueB;
    const s0 = rB - rA;

    // S1: commitment (Powell) and the guarantee's cost to A.
    rA += this.guaranteeCostA * guarantee;
    rB /= 1 + this.vulnerability * (1 - guarantee);
    if (rA > 1 + BOUND_CAP) rA = 1 + BOUND_CAP;
    const s1 = stageSurplus(rA, rB);

    // S2: domestic bounds, or the armistice's discount instead of B's bound.
    if (this.armistice && rA > 0) rA = this.armisticeFactor * (1 + BOUND_CAP) <= rA ? 1 + BOUND_CAP : rA / this.armisticeFactor;
    out.valueBoundA = rA;
    out.valueBoundB = rB;
    // A floor of 0 and a ceiling of 1 are "no bound": the stakes' own ends are
    // not domestic red lines, and the surplus stays unclipped (MODEL.md §3).
    if (this.boundA > 0 && rA < this.boundA) rA = this.boundA;
    if (!this.armistice && this.boundB < 1 && rB > this.boundB) rB = this.boundB;
    const s2 = stageSurplus(rA, rB);

    // S3: indivisibility.
    if (h > 0) { rA = gridUp(rA, h); rB = gridDown(rB, h); }
    const s3 = stageSurplus(rA, rB);

    out.reservationA = rA;
    out.reservationB = rB;
    out.low = rA > 0 ? rA : 0;
    out.high = rB < 1 ? rB : (h > 0 ? gridDown(1, h) : 1);
    out.commitmentTerm = s0 - s1;
    out.domesticTerm = s1 - s2;
    out.indivisibilityTerm = s2 - s3;

    if (this.issueCount === 1) {
      out.logrollingTerm = 0;
      out.surplus = s3;
    } else {
      const margin = this.bestMargin();
      out.logrollingTerm = margin - s3;
      out.surplus = margin;
    }
    out.open = out.surplus >= 0;
    return out;
  }

  /**
   * The asymmetric Nash bargaining solution on the frontier, with disagreement
   * point (V_A, V_B) and weight α_A (MODEL.md §3), for the month last assessed.
   * Writes A's share of each issue into `terms`. Call only when the zone is open.
   */
  dealTerms(zone: ZoneAssessment, weightA: number, terms: Float64Array): void {
    if (this.issueCount === 1) {
      terms[0] = this.oneIssueDeal(zone, weightA);
      return;
    }
    this.frontierNash(weightA, Number.NaN);
    if (this.granularity > 0) {
      const h = this.granularity;
      const x0 = this.x[0]!;
      const down = gridDown(x0, h);
      const up = gridUp(x0, h);
      const sDown = this.onIssue0(down) ? this.frontierNash(weightA, down) : Number.NEGATIVE_INFINITY;
      const sUp = this.onIssue0(up) ? this.frontierNash(weightA, up) : Number.NEGATIVE_INFINITY;
      this.frontierNash(weightA, sUp > sDown ? up : down);
    }
    terms.set(this.x);
  }

  /** Who rejects a proposal (A's share of each issue) this month, if anyone. */
  rejection(zone: ZoneAssessment, proposal: ArrayLike<number>): Rejection {
    const p0 = proposal[0] ?? 0;
    const h = this.granularity;
    const offGrid = h > 0 && Math.abs(p0 - Math.round(p0 / h) * h) > GRID_EPS;
    let aOk: boolean, bOk: boolean;
    if (this.issueCount === 1) {
      aOk = p0 >= zone.reservationA - ZONE_TOLERANCE;
      bOk = p0 <= zone.reservationB + ZONE_TOLERANCE;
    } else {
      aOk = this.utilityA(proposal) >= this.vA - ZONE_TOLERANCE && p0 >= this.lo[0]! - ZONE_TOLERANCE;
      bOk = this.utilityB(proposal) >= this.vB - ZONE_TOLERANCE && p0 <= this.hi[0]! + ZONE_TOLERANCE && this.blockedGap === 0;
    }
    if (offGrid) aOk = bOk = false;
    return aOk ? (bOk ? 'none' : 'B') : (bOk ? 'A' : 'both');
  }

  /** A's utility of a deal with the month's adjustments (MODEL.md §3). */
  utilityA(x: ArrayLike<number>): number {
    let u = -this.guaranteeCostA * this.guarantee;
    for (let k = 0; k < this.issueCount; k++) u += this.wA[k]! * (k === 0 ? this.armisticeFactor : 1) * x[k]!;
    return u;
  }

  /** B's utility of a deal with the month's adjustments (MODEL.md §3). */
  utilityB(x: ArrayLike<number>): number {
    let u = 0;
    for (let k = 0; k < this.issueCount; k++) u += this.wB[k]! * (1 - x[k]!);
    return u - this.wB[0]! * this.vulnerability * (1 - this.guarantee) * x[0]!;
  }

  /**
   * The frontier's vertices (u_A, u_B) with guarantee g in force, from the
   * deal best for B to the deal best for A, with this scenario's adjustments
   * (armistice discount, vulnerability, guarantee cost, issue 0's domestic and
   * grid bounds). Display geometry for the utility plane.
   */
  frontierVertices(guarantee: number): { uA: number; uB: number }[] {
    this.guarantee = guarantee;
    this.prepareFrontier();
    let uA = -this.guaranteeCostA * guarantee, uB = 0;
    for (let k = 0; k < this.issueCount; k++) {
      uA += this.gainA[k]! * this.lo[k]!;
      uB += this.wB[k]! - this.lossB[k]! * this.lo[k]!;
    }
    const out = [{ uA, uB }];
    for (let i = 0; i < this.issueCount; i++) {
      const k = this.order[i]!;
      const span = this.hi[k]! - this.lo[k]!;
      if (span <= 0 || (this.gainA[k] === 0 && this.lossB[k] === 0)) continue;
      uA += this.gainA[k]! * span;
      uB -= this.lossB[k]! * span;
      out.push({ uA, uB });
    }
    return out;
  }

  /** u_A and u_B of a deal with guarantee g in force (the adjusted utilities of MODEL.md §3). */
  dealUtilities(guarantee: number, terms: ArrayLike<number>): { uA: number; uB: number } {
    this.guarantee = guarantee;
    return { uA: this.utilityA(terms), uB: this.utilityB(terms) };
  }

  // -------------------------------------------------------------------------
  // One issue

  private oneIssueDeal(zone: ZoneAssessment, weightA: number): number {
    const rA = zone.valueBoundA;
    const rB = zone.valueBoundB;
    let x = rA + weightA * (rB - rA);
    if (x < zone.low) x = zone.low;
    if (x > zone.high) x = zone.high;
    const h = this.granularity;
    if (h <= 0) return x;
    // The Nash product is concave in x: the best grid point is a neighbour.
    const down = gridDown(x, h);
    const up = gridUp(x, h);
    const ok = (c: number) => c >= zone.low - ZONE_TOLERANCE && c <= zone.high + ZONE_TOLERANCE;
    if (!ok(down)) return up;
    if (!ok(up)) return down;
    const sd = logNashProduct(weightA, down - rA, rB - down);
    const su = logNashProduct(weightA, up - rA, rB - up);
    if (sd === su) return Math.abs(down - x) <= Math.abs(up - x) ? down : up;
    return sd > su ? down : up;
  }

  // -------------------------------------------------------------------------
  // Several issues: the frontier by a fractional knapsack (MODEL.md §3)

  /** Per-month coefficients and the greedy order (best ratio wA_k/wB_k first). */
  private prepareFrontier(): void {
    const n = this.issueCount;
    for (let k = 0; k < n; k++) {
      this.gainA[k] = this.wA[k]! * (k === 0 ? this.armisticeFactor : 1);
      this.lossB[k] = this.wB[k]! * (k === 0 ? 1 + this.vulnerability * (1 - this.guarantee) : 1);
    }
    const ord = this.order;
    for (let k = 0; k < n; k++) ord[k] = k;
    // Insertion sort: n ≤ 20, no allocation. Ties keep issue order.
    for (let i = 1; i < n; i++) {
      const k = ord[i]!;
      let j = i - 1;
      while (j >= 0 && this.before(k, ord[j]!)) { ord[j + 1] = ord[j]!; j--; }
      ord[j + 1] = k;
    }
  }

  /** Whether issue k gives A more per unit of B's loss than issue m. */
  private before(k: number, m: number): boolean {
    return this.ratio(k) > this.ratio(m);
  }

  /** wA/wB with the month's adjustments: +∞ for what only A values, −1 for what A does not value (a total order). */
  private ratio(k: number): number {
    const g = this.gainA[k]!, l = this.lossB[k]!;
    return g <= 0 ? -1 : l <= 0 ? Number.POSITIVE_INFINITY : g / l;
  }

  /**
   * Fill this.x with the frontier point that gives A exactly `targetA` (or the
   * most it can), issue 0 fixed at `fixedX0` unless NaN. Returns the utility
   * A still lacks (≤ 0 when reached).
   */
  private frontierAt(targetA: number, fixedX0: number): number {
    const n = this.issueCount;
    let need = targetA + this.guaranteeCostA * this.guarantee;
    for (let k = 0; k < n; k++) {
      this.x[k] = k === 0 && !Number.isNaN(fixedX0) ? fixedX0 : this.lo[k]!;
      need -= this.gainA[k]! * this.x[k]!;
    }
    for (let i = 0; i < n && need > FEASIBILITY_EPS; i++) {
      const k = this.order[i]!;
      if (k === 0 && !Number.isNaN(fixedX0)) continue;
      const g = this.gainA[k]!;
      if (g <= 0) continue;
      const room = (this.hi[k]! - this.lo[k]!) * g;
      if (room >= need) { this.x[k] = this.lo[k]! + need / g; need = 0; }
      else { this.x[k] = this.hi[k]!; need -= room; }
    }
    return need > FEASIBILITY_EPS ? need : 0;
  }

  /**
   * B's margin max{u_B : u_A ≥ V_A} − V_B with issue 0 free or fixed, in
   * stake units deflated by the commitment factor 1 + φ(1 − g): with one issue
   * that is exactly the zone's width r_B − r_A, so the surplus keeps its unit
   * whatever the number of issues; splitting the stakes into issues both value
   * alike adds nothing, and adding an issue only A values never shrinks it
   * (MODEL.md §6.11). When no deal can give A its war value, the surplus is A's
   * shortfall in stake units (negative).
   */
  private marginAt(fixedX0: number): number {
    const short = this.frontierAt(this.vA, fixedX0);
    const margin = (this.utilityB(this.x) - this.vB) / (1 + this.vulnerability * (1 - this.guarantee));
    return short > 0 ? Math.min(margin, -short) : margin;
  }

  /** The best margin, with issue 0 on the grid when there is one. */
  private bestMargin(): number {
    this.prepareFrontier();
    const free = this.marginAt(Number.NaN);
    if (this.blockedGap < 0) return Math.min(free, this.blockedGap);
    const h = this.granularity;
    if (h <= 0) return free;
    // With issue 0 fixed the margin is concave in x0: a grid neighbour is best.
    const x0 = this.x[0]!;
    const down = gridDown(x0, h);
    const up = gridUp(x0, h);
    // lo₀ and hi₀ are grid points, so at least one neighbour is within them.
    const mDown = this.onIssue0(down) ? this.marginAt(down) : Number.NEGATIVE_INFINITY;
    const mUp = this.onIssue0(up) ? this.marginAt(up) : Number.NEGATIVE_INFINITY;
    return mDown > mUp ? mDown : mUp;
  }

  /** Whether a share of issue 0 lies within its (domestic, grid) bounds. */
  private onIssue0(x0: number): boolean {
    return x0 >= this.lo[0]! - ZONE_TOLERANCE && x0 <= this.hi[0]! + ZONE_TOLERANCE;
  }

  /**
   * Asymmetric Nash point on the frontier (issue 0 free or fixed): walk the
   * frontier's linear pieces in greedy order, maximise the Nash product on each
   * in closed form, keep the best. Leaves it in this.x; returns its log-product.
   */
  private frontierNash(alpha: number, fixedX0: number): number {
    const n = this.issueCount;
    const fixed = !Number.isNaN(fixedX0);
    // Frontier start: A's least (u_A at the lower bounds).
    let uA = -this.guaranteeCostA * this.guarantee;
    let uB = 0;
    for (let k = 0; k < n; k++) {
      const xk = k === 0 && fixed ? fixedX0 : this.lo[k]!;
      uA += this.gainA[k]! * xk;
      uB += this.wB[k]! - this.lossB[k]! * xk;
    }
    let bestScore = this.nashScore(alpha, uA, uB);
    let bestUA = uA;
    for (let i = 0; i < n; i++) {
      const k = this.order[i]!;
      if (k === 0 && fixed) continue;
      const len = this.hi[k]! - this.lo[k]!;
      const dA = this.gainA[k]! * len;
      const dB = -this.lossB[k]! * len;
      if (dA <= 0) continue;
      // Stationary point of α ln(uA + t dA − V_A) + (1−α) ln(uB + t dB − V_B).
      let t = dB === 0 ? 1 : -(alpha * dA * (uB - this.vB) + (1 - alpha) * dB * (uA - this.vA)) / (dA * dB);
      if (!(t >= 0)) t = 0;
      if (t > 1) t = 1;
      const sMid = this.nashScore(alpha, uA + t * dA, uB + t * dB);
      if (sMid > bestScore) { bestScore = sMid; bestUA = uA + t * dA; }
      const sEnd = this.nashScore(alpha, uA + dA, uB + dB);
      if (sEnd > bestScore) { bestScore = sEnd; bestUA = uA + dA; }
      uA += dA;
      uB += dB;
    }
    // A zone of zero width: the one point where A gets exactly V_A.
    if (bestScore === Number.NEGATIVE_INFINITY) bestUA = this.vA;
    this.frontierAt(bestUA, fixedX0);
    return bestScore;
  }

  /** log of the asymmetric Nash product; −∞ outside the zone. */
  private nashScore(alpha: number, uA: number, uB: number): number {
    const ga = uA - this.vA, gb = uB - this.vB;
    if (ga < -ZONE_TOLERANCE || gb < -ZONE_TOLERANCE) return Number.NEGATIVE_INFINITY;
    return logNashProduct(alpha, ga, gb);
  }
}
