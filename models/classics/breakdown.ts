/**
 * Bargaining with a risk of breakdown (Binmore, Rubinstein & Wolinsky 1986,
 * *The Nash Bargaining Solution in Economic Modelling*; MODEL.md §5).
 */

import { PROBABILITY, requireInput, requireNumber } from './validate.ts';

/** Input of {@link breakdownBargaining}. */
export interface BreakdownInput {
  /** Probability `q` that talks break down for good after a rejected offer, in [0, 1]. */
  breakdownChance: number;
  /** A's payoff if talks break down (outside option), in [0, 1]. */
  outsideA: number;
  /** B's payoff if talks break down, in [0, 1]; `outsideA + outsideB ≤ 1`. */
  outsideB: number;
}

/** Output of {@link breakdownBargaining}. */
export interface BreakdownResult {
  /** A's share when A proposes first, in [outsideA, 1 − outsideB]. */
  shareA: number;
  /** B's share, `1 − shareA`. */
  shareB: number;
}

/**
 * Alternating offers without discounting, where each rejection ends the talks
 * with probability `q` and each side then gets its outside option (BRW 1986;
 * MODEL.md §5). A proposes first. The stationary subgame-perfect split is
 *
 *   `shareA = (1 + (1 − q)·outsideA − outsideB)/(2 − q)`.
 *
 * `q = 1` is an ultimatum (`shareA = 1 − outsideB`); as `q → 0` it tends to the
 * symmetric Nash solution with the outside options as disagreement point
 * (`q = 0` returns that limit). `shareA` rises with `outsideA` and falls with
 * `outsideB`.
 *
 * @example breakdownBargaining({ breakdownChance: 0.5, outsideA: 0.2, outsideB: 0.2 }).shareA // 0.9/1.5 = 0.6
 * @throws RangeError if a field is outside [0, 1] or `outsideA + outsideB > 1`.
 */
export function breakdownBargaining(input: BreakdownInput): BreakdownResult {
  const fn = 'breakdownBargaining';
  const o = requireInput(fn, input);
  const q = requireNumber(fn, 'breakdownChance', o.breakdownChance, PROBABILITY);
  const outsideA = requireNumber(fn, 'outsideA', o.outsideA, PROBABILITY);
  const outsideB = requireNumber(fn, 'outsideB', o.outsideB, PROBABILITY);
  if (outsideA + outsideB > 1) {
    throw new RangeError(
      `${fn}: outsideA + outsideB = ${outsideA + outsideB} is outside [0, 1] (no split beats breakdown for both)`,
    );
  }
  const shareA = Math.min(1, Math.max(0, (1 + (1 - q) * outsideA - outsideB) / (2 - q)));
  return { shareA, shareB: 1 - shareA };
}
