/**
 * The war of attrition in continuous time with complete information: its
 * stationary mixed equilibrium (Maynard Smith 1974, *The Theory of Games and
 * the Evolution of Animal Conflicts*; Fudenberg & Tirole 1991, *Game Theory*
 * §4.5; MODEL.md §5).
 */

import { NON_NEGATIVE, POSITIVE, requireInput, requireNumber } from './validate.ts';

/** Input of {@link warOfAttrition}. */
export interface AttritionInput {
  /** What winning (the other side conceding) is worth to A, > 0. */
  valueA: number;
  /** What winning is worth to B, > 0. */
  valueB: number;
  /** A's cost per unit of time while fighting, ≥ 0 (same units as the values). */
  costA: number;
  /** B's cost per unit of time, ≥ 0; `costA + costB > 0`. */
  costB: number;
}

/** Output of {@link warOfAttrition}. */
export interface AttritionResult {
  /** Rate at which A concedes, `costB/valueB` (it keeps B indifferent between quitting and fighting on). */
  hazardA: number;
  /** Rate at which B concedes, `costA/valueA`. */
  hazardB: number;
  /** Expected time until someone concedes, `1/(hazardA + hazardB)` (time units of the costs). */
  expectedDuration: number;
  /** Probability that B concedes first (A wins), `hazardB/(hazardA + hazardB)`. */
  probAWins: number;
}

/**
 * War of attrition (Maynard Smith 1974; Fudenberg & Tirole 1991; MODEL.md §5).
 * Each side concedes at a constant rate that makes the *other* indifferent
 * between quitting now and fighting a moment longer: `hazardA·valueB = costB`,
 * `hazardB·valueA = costA`. The war ends at the first concession, an exponential
 * time with rate `hazardA + hazardB`, so `expectedDuration = 1/(hazardA + hazardB)`
 * and `probAWins = hazardB/(hazardA + hazardB)`. A known oddity of this
 * equilibrium: each side's hazard is pinned down by the *other's* indifference,
 * so A's chance of winning rises with A's own cost and falls with A's own value.
 * (The game also has pure equilibria where one side concedes at once; this is
 * the stationary mixed one.)
 *
 * @example warOfAttrition({ valueA: 12, valueB: 12, costA: 1, costB: 1 }).expectedDuration // 6
 * @throws RangeError if a value is not > 0, a cost is negative, both costs are 0
 *   (nobody ever concedes), or a hazard under- or overflows a double.
 */
export function warOfAttrition(input: AttritionInput): AttritionResult {
  const fn = 'warOfAttrition';
  const o = requireInput(fn, input);
  const valueA = requireNumber(fn, 'valueA', o.valueA, POSITIVE);
  const valueB = requireNumber(fn, 'valueB', o.valueB, POSITIVE);
  const costA = requireNumber(fn, 'costA', o.costA, NON_NEGATIVE);
  const costB = requireNumber(fn, 'costB', o.costB, NON_NEGATIVE);
  const hazardA = costB / valueB;
  const hazardB = costA / valueA;
  const total = hazardA + hazardB;
  if (!(total > 0) || !Number.isFinite(total) || !Number.isFinite(1 / total)) {
    throw new RangeError(
      `${fn}: costA = ${costA}, costB = ${costB} give concession rates ${hazardA} and ${hazardB}; ` +
        'their sum must be a positive finite number (at least one cost > 0, costs and values of sane magnitude)',
    );
  }
  return { hazardA, hazardB, expectedDuration: 1 / total, probAWins: hazardB / total };
}
