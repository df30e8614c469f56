/**
 * The asymmetric Nash bargaining solution over a pie of size 1 (Nash 1950;
 * Binmore, Rubinstein & Wolinsky 1986 for the weights as relative patience;
 * MODEL.md §3, §5).
 */

import { PROBABILITY, requireInput, requireNumber } from './validate.ts';

/** Input of {@link nashBargaining}. */
export interface NashInput {
  /** A's payoff if talks fail (A's disagreement point), in [0, 1]. */
  disagreementA: number;
  /** B's payoff if talks fail, in [0, 1]; `disagreementA + disagreementB ≤ 1`. */
  disagreementB: number;
  /** A's bargaining weight α_A, in [0, 1] (½ = symmetric Nash). */
  weightA: number;
}

/** Output of {@link nashBargaining}. */
export interface NashResult {
  /** A's share: `disagreementA + weightA·(1 − disagreementA − disagreementB)`, in [disagreementA, 1 − disagreementB]. */
  shareA: number;
}

/**
 * Asymmetric Nash bargaining (MODEL.md §5): maximise
 * `(x − dA)^α · (1 − x − dB)^(1−α)` over A's share `x`, which gives
 * `shareA = dA + α·(1 − dA − dB)`: each side gets its disagreement payoff plus
 * its weight's part of the surplus. In the simulator `α_A = ln δB/(ln δA + ln δB)`,
 * the Rubinstein limit (MODEL.md §3).
 *
 * @example nashBargaining({ disagreementA: 0.2, disagreementB: 0.3, weightA: 0.5 }).shareA // 0.45
 * @throws RangeError if a field is outside [0, 1] or `disagreementA + disagreementB > 1`
 *   (no split beats disagreement for both).
 */
export function nashBargaining(input: NashInput): NashResult {
  const fn = 'nashBargaining';
  const o = requireInput(fn, input);
  const dA = requireNumber(fn, 'disagreementA', o.disagreementA, PROBABILITY);
  const dB = requireNumber(fn, 'disagreementB', o.disagreementB, PROBABILITY);
  const weightA = requireNumber(fn, 'weightA', o.weightA, PROBABILITY);
  if (dA + dB > 1) {
    throw new RangeError(
      `${fn}: disagreementA + disagreementB = ${dA + dB} is outside [0, 1] (no split beats disagreement for both)`,
    );
  }
  // max(0, …): when dA + dB rounds to 1 the exact surplus may be −1 ulp.
  const surplus = Math.max(0, 1 - dA - dB);
  return { shareA: Math.min(1 - dB, Math.max(dA, dA + weightA * surplus)) };
}
