/**
 * Powell (2006), *War as a Commitment Problem*: preventive war under a large,
 * rapid shift in power (MODEL.md §5).
 */

import { DISCOUNT, NON_NEGATIVE, requireInput, requireNumber, requireProbability } from './validate.ts';

/** Input of {@link powellCommitment}. */
export interface PowellInput {
  /** Discount factor per period, in (0, 1]. */
  delta: number;
  /** The rising side's probability of winning a war today, in [0, 1]. */
  pNow: number;
  /** The rising side's probability of winning from the next period on, in [0, 1]. */
  pNext: number;
  /** The declining side's lump-sum cost of war, ≥ 0 (units: one period's stakes). */
  costDeclining: number;
  /** The rising side's lump-sum cost of war, ≥ 0. */
  costRising: number;
}

/** Output of {@link powellCommitment}. */
export interface PowellResult {
  /** Whether the declining side fights now: no deal the rising side can commit to is worth as much. */
  war: boolean;
  /** The `pNext` above which war happens, `(pNow + (1 − δ)(costDeclining + δ·costRising))/δ` (may exceed 1: war impossible). */
  thresholdPNext: number;
}

/**
 * Powell's commitment problem (Powell 2006; MODEL.md §5). Stakes are a flow of
 * 1 per period; war is absorbing and gives the rising side `p/(1 − δ)` less a
 * lump-sum cost. The most the declining side can get in peace is the whole flow
 * today plus, from tomorrow, what the stronger rising side leaves it; it fights
 * now iff
 *
 *   `(δ·pNext − pNow)/(1 − δ) > costDeclining + δ·costRising`,
 *
 * i.e. iff `pNext > thresholdPNext = (pNow + (1 − δ)(costDeclining + δ·costRising))/δ`.
 * `war` is computed as `pNext > thresholdPNext` (the same condition multiplied
 * through by `(1 − δ)/δ > 0`; it is also defined at δ = 1, where the threshold is `pNow`).
 *
 * @example powellCommitment({ delta: 0.9, pNow: 0.3, pNext: 0.6, costDeclining: 0.5, costRising: 0.5 })
 *   // { war: true, thresholdPNext: 0.43888… }
 * @throws RangeError if `delta ∉ (0, 1]`, a probability is outside [0, 1] or a cost is negative.
 */
export function powellCommitment(input: PowellInput): PowellResult {
  const fn = 'powellCommitment';
  const o = requireInput(fn, input);
  const delta = requireNumber(fn, 'delta', o.delta, DISCOUNT);
  const pNow = requireProbability(fn, 'pNow', o.pNow);
  const pNext = requireProbability(fn, 'pNext', o.pNext);
  const costDeclining = requireNumber(fn, 'costDeclining', o.costDeclining, NON_NEGATIVE);
  const costRising = requireNumber(fn, 'costRising', o.costRising, NON_NEGATIVE);
  // (1 − δ) distributed over both costs: no 0·∞ at δ = 1 with huge costs.
  const patienceGap = 1 - delta;
  const thresholdPNext = (pNow + patienceGap * costDeclining + patienceGap * delta * costRising) / delta;
  return { war: pNext > thresholdPNext, thresholdPNext };
}
