/**
 * The discounted gambler's ruin as a classroom classic (MODEL.md §2, §5;
 * Smith & Stam 2004): the same valuation the simulator uses, with its inputs
 * checked.
 */
import { newWarValuation, valueWar } from '../war.ts';
import { requireNumber } from './validate.ts';

/** Input of {@link gamblersRuin}. */
export interface GamblersRuinInput {
  /** j, the front's lattice position (0 = B's decisive victory, steps = A's). */
  position: number;
  /** N, lattice steps between the decisive victories (integer 2–1000). */
  steps: number;
  /** ψ, A's chance to win a month that moves, in [0.001, 0.999]. */
  winChance: number;
  /** σ, the chance a month moves nothing, in [0, 1). */
  stalemateChance: number;
  /** δ, the monthly discount factor, in (0, 1]. */
  delta: number;
}

/** Output of {@link gamblersRuin}. */
export interface GamblersRuinResult {
  /** W_A = E[δ^T · 1{A wins}]. */
  discountedWinA: number;
  /** W_B = E[δ^T · 1{B wins}]. */
  discountedWinB: number;
  /** P(A wins) (undiscounted, δ = 1). */
  probAWins: number;
  /** E[T] in months (undiscounted): classic duration in steps divided by (1 − σ). */
  expectedDuration: number;
}

/**
 * Discounted chances of each decisive end of a lazy random walk on {0..N}:
 * W_A = (λ₊^j − λ₋^j)/(λ₊^N − λ₋^N), W_B = (λ₊^N λ₋^j − λ₋^N λ₊^j)/(λ₊^N − λ₋^N),
 * with λ± the roots of δ(1−σ)ψλ² − (1 − δσ)λ + δ(1−σ)(1−ψ) = 0 (MODEL.md §2).
 * Stable for N ≤ 1000 and continuous through the double root δ = 1, ψ = ½.
 */
export function gamblersRuin(input: GamblersRuinInput): GamblersRuinResult {
  const fn = 'gamblersRuin';
  const steps = requireNumber(fn, 'steps', input.steps, { min: 2, max: 1000, integer: true });
  const position = requireNumber(fn, 'position', input.position, { min: 0, max: steps, integer: true });
  const winChance = requireNumber(fn, 'winChance', input.winChance, { min: 0.001, max: 0.999 });
  const sigma = requireNumber(fn, 'stalemateChance', input.stalemateChance, { min: 0, max: 1, maxExclusive: true });
  const delta = requireNumber(fn, 'delta', input.delta, { min: 0, max: 1, minExclusive: true });
  const discounted = valueWar(position, steps, sigma, delta, winChance, newWarValuation());
  const { winA: discountedWinA, winB: discountedWinB } = discounted;
  const plain = valueWar(position, steps, sigma, 1, winChance, newWarValuation());
  return { discountedWinA, discountedWinB, probAWins: plain.winA, expectedDuration: plain.warMonths };
}
