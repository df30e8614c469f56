/**
 * Rubinstein (1982), *Perfect Equilibrium in a Bargaining Model*: alternating
 * offers over a pie of size 1 with discount factors δA, δB (MODEL.md §5).
 */

import { DISCOUNT, requireInput, requireNumber, requireOneOf } from './validate.ts';

/** Input of {@link rubinsteinSplit}. */
export interface RubinsteinInput {
  /** A's discount factor per round, in (0, 1]; higher = more patient. */
  deltaA: number;
  /** B's discount factor per round, in (0, 1]. */
  deltaB: number;
  /** Who makes the first offer. */
  proposer: 'A' | 'B';
}

/** Output of {@link rubinsteinSplit}. */
export interface RubinsteinResult {
  /** A's share in the unique subgame-perfect equilibrium (agreed at once). */
  shareA: number;
  /** B's share, `1 − shareA`. */
  shareB: number;
}

/**
 * Rubinstein's alternating-offers split (Rubinstein 1982; MODEL.md §5): the
 * proposer gets `(1 − δ_other)/(1 − δA·δB)` and the responder the rest.
 * The share rises in one's own patience and falls in the other's.
 *
 * The denominator is computed as `(1 − δ_proposer) + δ_proposer·(1 − δ_other)`
 * (the same number, without cancellation near δ = 1).
 *
 * At `deltaA = deltaB = 1` the formula is 0/0; the limit depends on how the two
 * discount rates vanish, and we return the symmetric limit 0.5/0.5 (equal rates;
 * it matches the Nash weight ½ of MODEL.md §3 when both δ = 1). When only one δ
 * is 1 that side takes everything.
 *
 * @example rubinsteinSplit({ deltaA: 0.9, deltaB: 0.8, proposer: 'A' }).shareA // 0.2/0.28 = 0.714285…
 * @throws RangeError if a δ is outside (0, 1] or `proposer` is not 'A' or 'B'.
 */
export function rubinsteinSplit(input: RubinsteinInput): RubinsteinResult {
  const fn = 'rubinsteinSplit';
  const o = requireInput(fn, input);
  const deltaA = requireNumber(fn, 'deltaA', o.deltaA, DISCOUNT);
  const deltaB = requireNumber(fn, 'deltaB', o.deltaB, DISCOUNT);
  const proposer = requireOneOf(fn, 'proposer', o.proposer, ['A', 'B'] as const);
  if (deltaA === 1 && deltaB === 1) return { shareA: 0.5, shareB: 0.5 };
  const [dP, dR] = proposer === 'A' ? [deltaA, deltaB] : [deltaB, deltaA];
  // Proposer's share; ≤ 1 in exact arithmetic, clamp against rounding.
  const proposerShare = Math.min(1, (1 - dR) / (1 - dP + dP * (1 - dR)));
  return proposer === 'A'
    ? { shareA: proposerShare, shareB: 1 - proposerShare }
    : { shareA: 1 - proposerShare, shareB: proposerShare };
}
