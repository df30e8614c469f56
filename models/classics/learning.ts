/**
 * Learning through fighting: Beta–Bernoulli beliefs converge as battles reveal
 * the balance of power, and a deal becomes possible once the sides' optimism gap
 * is smaller than what the war costs them (Slantchev 2003, *The Principle of
 * Convergence in Wartime Negotiations*; MODEL.md §4 step 5, §5, §6 invariant 7).
 */

import { POSITIVE, requireInput, requireNumber, requireNumberPair } from './validate.ts';

/** Relative tolerance of the equal-prior-counts check (float noise in real counts such as 0.1 + 0.2). */
const COUNT_TOLERANCE = 1e-9;
/** Slack below an integer in the ceiling, so an exact integer is not bumped up by float noise. */
const CEIL_SLACK = 1e-9;

/** Input of {@link betaLearning}. */
export interface BetaLearningInput {
  /** A's Beta prior on A's chance to win a battle, as `[wins, losses]` pseudo-counts, each > 0. */
  priorA: [number, number];
  /** B's Beta prior on A's chance to win a battle, `[wins, losses]` (wins are A's), each > 0; same total count as `priorA`. */
  priorB: [number, number];
  /** What the war costs both sides together (the width of the zone without optimism, e.g. `costA + costB`), > 0. */
  totalCost: number;
}

/** Output of {@link betaLearning}. */
export interface BetaLearningResult {
  /** Optimism gap `wA/(wA + lA) − wB/(wB + lB)`: how much more A expects to win than B thinks it will (may be ≤ 0). */
  initialGap: number;
  /** First number of decided battles after which the gap is ≤ `totalCost` (0 if it already is; `Infinity` only if it overflows a double). */
  firstDealBattle: number;
}

/**
 * Convergence of beliefs (Slantchev 2003; MODEL.md §5). Both sides watch the
 * same battles and add each to their Beta counts (`α += [A won]`, `β += [B won]`).
 * With equal prior counts `n0 = wA + lA = wB + lB` the gap after `n` battles is
 * `initialGap·n0/(n0 + n)` whatever the outcomes (MODEL.md §6 invariant 7), so
 * the gap first falls to `totalCost` after
 *
 *   `firstDealBattle = max(0, ⌈n0·(initialGap/totalCost − 1)⌉)`
 *
 * battles (0 when `initialGap ≤ totalCost`). The ceiling is taken of
 * `x − 1e-9`, so that an `x` that is an integer up to float noise is not bumped
 * up by one. Stubbornness (a large `n0`) delays the deal in proportion.
 *
 * @example betaLearning({ priorA: [7, 3], priorB: [3, 7], totalCost: 0.12 }).firstDealBattle // 24
 * @throws RangeError if a prior count is not > 0, the two prior totals differ
 *   (beyond a relative 1e-9), or `totalCost ≤ 0`.
 */
export function betaLearning(input: BetaLearningInput): BetaLearningResult {
  const fn = 'betaLearning';
  const o = requireInput(fn, input);
  const [winsA, lossesA] = requireNumberPair(fn, 'priorA', o.priorA, POSITIVE);
  const [winsB, lossesB] = requireNumberPair(fn, 'priorB', o.priorB, POSITIVE);
  const totalCost = requireNumber(fn, 'totalCost', o.totalCost, POSITIVE);
  const countA = winsA + lossesA;
  const countB = winsB + lossesB;
  if (Math.abs(countA - countB) > COUNT_TOLERANCE * Math.max(countA, countB)) {
    throw new RangeError(
      `${fn}: priorA and priorB have unequal counts ${countA} and ${countB}; the closed form needs wA + lA = wB + lB`,
    );
  }
  const n0 = (countA + countB) / 2;
  const initialGap = winsA / countA - winsB / countB;
  if (initialGap <= totalCost) return { initialGap, firstDealBattle: 0 };
  const x = n0 * (initialGap / totalCost - 1);
  return { initialGap, firstDealBattle: Math.max(0, Math.ceil(x - CEIL_SLACK)) };
}
