/**
 * Fearon (1995), *Rationalist Explanations for War*: the bargaining range under
 * complete information, and the risk-return trade-off under private
 * information about costs (MODEL.md §5). Shares are A's share of the stakes.
 */

import { NON_NEGATIVE, POSITIVE, requireInput, requireNumber, requireProbability } from './validate.ts';

/** Input of {@link fearonRange}. */
export interface FearonRangeInput {
  /** A's probability of winning the war, in [0, 1]. */
  p: number;
  /** A's cost of war, in stake units, ≥ 0. */
  costA: number;
  /** B's cost of war, in stake units, ≥ 0. */
  costB: number;
}

/** Output of {@link fearonRange}. */
export interface FearonRangeResult {
  /** Least share A accepts, `max(0, p − costA)`. */
  low: number;
  /** Largest share B concedes, `min(1, p + costB)`. */
  high: number;
  /** `high − low` after clipping; `costA + costB` when no clipping occurs. */
  width: number;
  /** Whether the range is non-empty (`low ≤ high`); always true for valid costs. */
  exists: boolean;
}

/**
 * Fearon's bargaining range (Fearon 1995; MODEL.md §5): with risk-neutral sides,
 * A's war value is `p − costA` and B's is `1 − p − costB`, so every split `x`
 * (A's share) in `[p − costA, p + costB]` beats war for both. The bounds are
 * clipped to [0, 1]; `width = high − low` after clipping.
 *
 * @example fearonRange({ p: 0.6, costA: 0.1, costB: 0.15 }) // { low: 0.5, high: 0.75, width: 0.25, exists: true }
 * @throws RangeError if `p ∉ [0, 1]` or a cost is negative or not finite.
 */
export function fearonRange(input: FearonRangeInput): FearonRangeResult {
  const fn = 'fearonRange';
  const o = requireInput(fn, input);
  const p = requireProbability(fn, 'p', o.p);
  const costA = requireNumber(fn, 'costA', o.costA, NON_NEGATIVE);
  const costB = requireNumber(fn, 'costB', o.costB, NON_NEGATIVE);
  const low = Math.max(0, p - costA);
  const high = Math.min(1, p + costB);
  return { low, high, width: high - low, exists: low <= high };
}

/** Input of {@link fearonRiskReturn}. */
export interface FearonRiskReturnInput {
  /** A's probability of winning the war, in [0, 1]. */
  p: number;
  /** A's cost of war, in stake units, ≥ 0 (known to both). */
  costA: number;
  /** Upper end of B's cost, > 0: B's cost is private, uniform on [0, costBMax]. */
  costBMax: number;
}

/** Output of {@link fearonRiskReturn}. */
export interface FearonRiskReturnResult {
  /** A's optimal take-it-or-leave-it demand (A's share), in [p, min(1, p + costBMax)]. */
  offer: number;
  /** Probability that B rejects and fights, `(offer − p)/costBMax`, in [0, 1]. */
  warProbability: number;
  /** A's expected payoff, `(1 − warProbability)·offer + warProbability·(p − costA)`. */
  expectedUtilityA: number;
}

/**
 * Fearon's risk-return trade-off (Fearon 1995; MODEL.md §5). A makes a
 * take-it-or-leave-it demand `x` (A's share); B, whose cost `c_B ~ U[0, costBMax]`
 * only B knows, accepts iff `1 − x ≥ 1 − p − c_B`, i.e. with probability
 * `1 − (x − p)/costBMax`. Maximising A's expected payoff gives
 *
 *   `offer = min(p + costBMax, max(p, p + (costBMax − costA)/2))`,
 *
 * further capped at 1 (a share cannot exceed the stakes; A's payoff is concave
 * in `x`, so the cap is the constrained optimum). Then
 * `warProbability = (offer − p)/costBMax` and
 * `expectedUtilityA = (1 − warProbability)·offer + warProbability·(p − costA)`.
 * War happens with positive probability whenever `costA < costBMax`: the price of
 * A's reach for a better deal.
 *
 * @example fearonRiskReturn({ p: 0.5, costA: 0.1, costBMax: 0.4 }) // offer 0.65, warProbability 0.375
 * @throws RangeError if `p ∉ [0, 1]`, `costA < 0` or `costBMax ≤ 0` (or not finite).
 */
export function fearonRiskReturn(input: FearonRiskReturnInput): FearonRiskReturnResult {
  const fn = 'fearonRiskReturn';
  const o = requireInput(fn, input);
  const p = requireProbability(fn, 'p', o.p);
  const costA = requireNumber(fn, 'costA', o.costA, NON_NEGATIVE);
  const costBMax = requireNumber(fn, 'costBMax', o.costBMax, POSITIVE);
  const offer = Math.min(1, p + costBMax, Math.max(p, p + (costBMax - costA) / 2));
  // Clamp: (p + costBMax) − p can round above costBMax.
  const warProbability = Math.min(1, Math.max(0, (offer - p) / costBMax));
  const expectedUtilityA = (1 - warProbability) * offer + warProbability * (p - costA);
  return { offer, warProbability, expectedUtilityA };
}
