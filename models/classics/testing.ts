/**
 * Testing helpers for the classics (MODEL.md §5, §6 invariant 12): fast-check
 * arbitraries of valid inputs, and reusable invariant checks that throw an
 * `Error` with a clear message when a classic (or a modeller's variant of one)
 * breaks its closed form or comparative statics.
 *
 * This module imports fast-check (a devDependency): import it from tests only,
 * never from app code. Every check takes the input and, optionally, the
 * implementation to check (default: the shipped classic, so a modeller can pass
 * a variant), and returns the result it checked.
 *
 * @example
 *   import { test } from '@fast-check/vitest';
 *   test.prop([arbitraryRubinsteinInput()])('Rubinstein statics', (input) => {
 *     checkRubinsteinComparativeStatics(input);
 *   });
 */

import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { breakdownBargaining } from './breakdown.ts';
import type { BreakdownInput, BreakdownResult } from './breakdown.ts';
import { fearonRange, fearonRiskReturn } from './fearon.ts';
import type { FearonRangeInput, FearonRangeResult, FearonRiskReturnInput, FearonRiskReturnResult } from './fearon.ts';
import { betaLearning } from './learning.ts';
import type { BetaLearningInput, BetaLearningResult } from './learning.ts';
import { nashBargaining } from './nash.ts';
import type { NashInput, NashResult } from './nash.ts';
import { powellCommitment } from './powell.ts';
import type { PowellInput, PowellResult } from './powell.ts';
import { rubinsteinSplit } from './rubinstein.ts';
import type { RubinsteinInput, RubinsteinResult } from './rubinstein.ts';
import { warOfAttrition } from './attrition.ts';
import type { AttritionInput, AttritionResult } from './attrition.ts';

// ---------------------------------------------------------------------------
// Tolerances and small helpers
// ---------------------------------------------------------------------------

/** Tolerance of the checks: `|a − b| ≤ TOLERANCE·max(1, |a|, |b|)` counts as equal (float rounding only). */
export const TOLERANCE = 1e-12;

/** Whether `a` and `b` agree up to `tol`, relative to their size (absolute below 1). */
export function approxEqual(a: number, b: number, tol: number = TOLERANCE): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

function show(input: unknown): string {
  return JSON.stringify(input);
}

function fail(check: string, what: string, input: unknown): never {
  throw new Error(`${check}: ${what} (input: ${show(input)})`);
}

function expectClose(check: string, field: string, actual: number, expected: number, input: unknown, tol = TOLERANCE): void {
  if (!approxEqual(actual, expected, tol)) fail(check, `${field} = ${actual}, closed form gives ${expected}`, input);
}

function expectInUnit(check: string, field: string, value: number, input: unknown): void {
  if (!(value >= 0 && value <= 1)) fail(check, `${field} = ${value} is outside [0, 1]`, input);
}

/** a ≤ b up to TOLERANCE. */
function leq(a: number, b: number): boolean {
  return a <= b + TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A probability in [0, 1] with 0 and 1 reachable. */
const unit = (): Arbitrary<number> => fc.double({ min: 0, max: 1, noNaN: true });
/** A discount factor in (0, 1], often exactly 1 or close to it. */
const discount = (): Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true }), weight: 3 },
    { arbitrary: fc.double({ min: 0.9, max: 1, noNaN: true }), weight: 2 },
    { arbitrary: fc.constant(1), weight: 1 },
  );

// ---------------------------------------------------------------------------
// Arbitraries of valid inputs
// ---------------------------------------------------------------------------

/** Valid {@link FearonRangeInput}: `p ∈ [0, 1]`, costs in [0, 1.5] (so clipping happens too). */
export function arbitraryFearonRangeInput(): Arbitrary<FearonRangeInput> {
  const cost = fc.double({ min: 0, max: 1.5, noNaN: true });
  return fc.record({ p: unit(), costA: cost, costB: cost });
}

/** Valid {@link FearonRiskReturnInput}: `p ∈ [0, 1]`, `costA ∈ [0, 1]`, `costBMax ∈ [1e-6, 1]`. */
export function arbitraryFearonRiskReturnInput(): Arbitrary<FearonRiskReturnInput> {
  return fc.record({
    p: unit(),
    costA: fc.double({ min: 0, max: 1, noNaN: true }),
    costBMax: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  });
}

/** Valid {@link RubinsteinInput}: deltas in (0, 1] (often near or at 1), either proposer. */
export function arbitraryRubinsteinInput(): Arbitrary<RubinsteinInput> {
  return fc.record({ deltaA: discount(), deltaB: discount(), proposer: fc.constantFrom('A' as const, 'B' as const) });
}

/** Valid {@link NashInput}: disagreement points in [0, 1] with `dA + dB ≤ 1`, `weightA ∈ [0, 1]`. */
export function arbitraryNashInput(): Arbitrary<NashInput> {
  return fc
    .tuple(unit(), unit(), unit())
    .map(([disagreementA, fraction, weightA]) => ({ disagreementA, disagreementB: fraction * (1 - disagreementA), weightA }));
}

/** Valid {@link BreakdownInput}: `breakdownChance ∈ [0, 1]`, outside options in [0, 1] with sum ≤ 1. */
export function arbitraryBreakdownInput(): Arbitrary<BreakdownInput> {
  return fc
    .tuple(unit(), unit(), unit())
    .map(([breakdownChance, outsideA, fraction]) => ({ breakdownChance, outsideA, outsideB: fraction * (1 - outsideA) }));
}

/** Valid {@link PowellInput}: `delta ∈ (0, 1]`, probabilities in [0, 1], lump-sum costs in [0, 1]. */
export function arbitraryPowellInput(): Arbitrary<PowellInput> {
  const cost = fc.double({ min: 0, max: 1, noNaN: true });
  return fc.record({ delta: discount(), pNow: unit(), pNext: unit(), costDeclining: cost, costRising: cost });
}

/**
 * Valid {@link BetaLearningInput}: equal prior counts `n0` (whole counts in
 * 2..200, or real counts in [0.5, 200]), prior means in [0.01, 0.99],
 * `totalCost ∈ [0.001, 1]`.
 */
export function arbitraryBetaLearningInput(): Arbitrary<BetaLearningInput> {
  const wholeCounts = fc
    .integer({ min: 2, max: 200 })
    .chain((n0) =>
      fc.tuple(fc.integer({ min: 1, max: n0 - 1 }), fc.integer({ min: 1, max: n0 - 1 })).map(([wA, wB]) => ({
        priorA: [wA, n0 - wA] as [number, number],
        priorB: [wB, n0 - wB] as [number, number],
      })),
    );
  const mean = fc.double({ min: 0.01, max: 0.99, noNaN: true });
  const realCounts = fc.tuple(fc.double({ min: 0.5, max: 200, noNaN: true }), mean, mean).map(([n0, mA, mB]) => ({
    priorA: [mA * n0, n0 - mA * n0] as [number, number],
    priorB: [mB * n0, n0 - mB * n0] as [number, number],
  }));
  return fc
    .tuple(fc.oneof(wholeCounts, realCounts), fc.double({ min: 0.001, max: 1, noNaN: true }))
    .map(([priors, totalCost]) => ({ ...priors, totalCost }));
}

/** Valid {@link AttritionInput}: values in [0.01, 100], costs in {0} ∪ [0.001, 10], not both 0. */
export function arbitraryAttritionInput(): Arbitrary<AttritionInput> {
  const value = fc.double({ min: 0.01, max: 100, noNaN: true });
  const cost = fc.oneof(
    { arbitrary: fc.double({ min: 0.001, max: 10, noNaN: true }), weight: 4 },
    { arbitrary: fc.constant(0), weight: 1 },
  );
  return fc
    .record({ valueA: value, valueB: value, costA: cost, costB: cost })
    .filter((input) => input.costA + input.costB > 0);
}

// ---------------------------------------------------------------------------
// Invariant checks (MODEL.md §6 invariant 12)
// ---------------------------------------------------------------------------

/**
 * Fearon range: closed form `[max(0, p − costA), min(1, p + costB)]`, `low ≤ p ≤ high`,
 * `width = high − low`, and `width = costA + costB` whenever no clipping occurs.
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkFearonRange(input: FearonRangeInput, impl: typeof fearonRange = fearonRange): FearonRangeResult {
  const check = 'checkFearonRange';
  const r = impl(input);
  const { p, costA, costB } = input;
  expectClose(check, 'low', r.low, Math.max(0, p - costA), input);
  expectClose(check, 'high', r.high, Math.min(1, p + costB), input);
  expectInUnit(check, 'low', r.low, input);
  expectInUnit(check, 'high', r.high, input);
  if (!(r.low <= p && p <= r.high)) fail(check, `p = ${p} is not inside [${r.low}, ${r.high}]`, input);
  if (r.width !== r.high - r.low) fail(check, `width = ${r.width} differs from high − low = ${r.high - r.low}`, input);
  if (!r.exists) fail(check, 'exists is false although costs are non-negative', input);
  if (p - costA >= 0 && p + costB <= 1) expectClose(check, 'unclipped width', r.width, costA + costB, input);
  return r;
}

/**
 * Fearon risk-return: closed form, `warProbability ∈ [0, 1]`, offer within
 * `[p, min(1, p + costBMax)]`, and no other demand on a grid of that interval
 * gives A a higher expected payoff.
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkFearonRiskReturn(
  input: FearonRiskReturnInput,
  impl: typeof fearonRiskReturn = fearonRiskReturn,
): FearonRiskReturnResult {
  const check = 'checkFearonRiskReturn';
  const r = impl(input);
  const { p, costA, costBMax } = input;
  const top = Math.min(1, p + costBMax);
  const offer = Math.min(top, Math.max(p, p + (costBMax - costA) / 2));
  expectClose(check, 'offer', r.offer, offer, input);
  expectClose(check, 'warProbability', r.warProbability, (r.offer - p) / costBMax, input, 1e-9);
  expectInUnit(check, 'warProbability', r.warProbability, input);
  if (!(leq(p, r.offer) && leq(r.offer, top))) fail(check, `offer = ${r.offer} is outside [${p}, ${top}]`, input);
  const payoff = (x: number): number => {
    const war = Math.min(1, Math.max(0, (x - p) / costBMax));
    return (1 - war) * x + war * (p - costA);
  };
  expectClose(check, 'expectedUtilityA', r.expectedUtilityA, payoff(r.offer), input);
  // (x − p)/costBMax amplifies rounding in x by 1/costBMax.
  const tol = TOLERANCE + 1e-15 / costBMax;
  for (let i = 0; i <= 20; i++) {
    const x = p + ((top - p) * i) / 20;
    if (!(payoff(x) <= r.expectedUtilityA + tol)) {
      fail(check, `demand ${x} pays A ${payoff(x)} > ${r.expectedUtilityA} at the offer ${r.offer}`, input);
    }
  }
  return r;
}

/**
 * Rubinstein closed form: proposer share `(1 − δ_other)/(1 − δA·δB)`, 0.5/0.5
 * at δA = δB = 1, shares in [0, 1] summing to 1. The naive formula loses digits
 * near δ = 1, so the tolerance grows as `1 − δA·δB` shrinks.
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkRubinsteinClosedForm(input: RubinsteinInput, impl: typeof rubinsteinSplit = rubinsteinSplit): RubinsteinResult {
  const check = 'checkRubinsteinClosedForm';
  const r = impl(input);
  const { deltaA, deltaB, proposer } = input;
  expectInUnit(check, 'shareA', r.shareA, input);
  expectInUnit(check, 'shareB', r.shareB, input);
  expectClose(check, 'shareA + shareB', r.shareA + r.shareB, 1, input);
  if (deltaA === 1 && deltaB === 1) {
    if (r.shareA !== 0.5 || r.shareB !== 0.5) fail(check, `at δA = δB = 1 expected 0.5/0.5, got ${r.shareA}/${r.shareB}`, input);
    return r;
  }
  const denom = 1 - deltaA * deltaB;
  const proposerShare = (1 - (proposer === 'A' ? deltaB : deltaA)) / denom;
  const expectedA = proposer === 'A' ? proposerShare : 1 - proposerShare;
  expectClose(check, 'shareA', r.shareA, expectedA, input, TOLERANCE + 4e-16 / denom);
  return r;
}

/**
 * Rubinstein comparative statics: A's share weakly rises in δA, weakly falls in
 * δB (each moved halfway to 1, to 1, and halved), and moving first never hurts.
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkRubinsteinComparativeStatics(
  input: RubinsteinInput,
  impl: typeof rubinsteinSplit = rubinsteinSplit,
): RubinsteinResult {
  const check = 'checkRubinsteinComparativeStatics';
  const r = impl(input);
  const variants = (d: number): number[] => [d + (1 - d) / 2, 1, d / 2].filter((x) => x > 0 && x <= 1 && x !== d);
  for (const deltaA of variants(input.deltaA)) {
    const s = impl({ ...input, deltaA }).shareA;
    const ok = deltaA > input.deltaA ? leq(r.shareA, s) : leq(s, r.shareA);
    if (!ok) fail(check, `shareA moved from ${r.shareA} to ${s} when deltaA moved from ${input.deltaA} to ${deltaA}`, input);
  }
  for (const deltaB of variants(input.deltaB)) {
    const s = impl({ ...input, deltaB }).shareA;
    const ok = deltaB > input.deltaB ? leq(s, r.shareA) : leq(r.shareA, s);
    if (!ok) fail(check, `shareA moved from ${r.shareA} to ${s} when deltaB moved from ${input.deltaB} to ${deltaB}`, input);
  }
  const first = impl({ ...input, proposer: 'A' }).shareA;
  const second = impl({ ...input, proposer: 'B' }).shareA;
  if (!leq(second, first)) fail(check, `A gets ${first} proposing but ${second} responding`, input);
  return r;
}

/**
 * Nash bargaining: closed form `dA + weightA·(1 − dA − dB)`, share between the
 * disagreement points (`dA ≤ shareA ≤ 1 − dB`), weakly rising in `weightA`.
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkNashBargaining(input: NashInput, impl: typeof nashBargaining = nashBargaining): NashResult {
  const check = 'checkNashBargaining';
  const r = impl(input);
  const { disagreementA: dA, disagreementB: dB, weightA } = input;
  expectClose(check, 'shareA', r.shareA, dA + weightA * (1 - dA - dB), input);
  if (!(leq(dA, r.shareA) && leq(r.shareA, 1 - dB))) fail(check, `shareA = ${r.shareA} is outside [${dA}, ${1 - dB}]`, input);
  const more = impl({ ...input, weightA: weightA + (1 - weightA) / 2 }).shareA;
  if (!leq(r.shareA, more)) fail(check, `shareA fell from ${r.shareA} to ${more} as weightA rose`, input);
  return r;
}

/**
 * Breakdown bargaining: closed form, `outsideA ≤ shareA ≤ 1 − outsideB`,
 * `shareA` weakly rises in `outsideA` and falls in `outsideB`, and `q = 1` is
 * an ultimatum (`shareA = 1 − outsideB`).
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkBreakdownBargaining(
  input: BreakdownInput,
  impl: typeof breakdownBargaining = breakdownBargaining,
): BreakdownResult {
  const check = 'checkBreakdownBargaining';
  const r = impl(input);
  const { breakdownChance: q, outsideA, outsideB } = input;
  expectClose(check, 'shareA', r.shareA, (1 + (1 - q) * outsideA - outsideB) / (2 - q), input);
  expectClose(check, 'shareA + shareB', r.shareA + r.shareB, 1, input);
  if (!(leq(outsideA, r.shareA) && leq(r.shareA, 1 - outsideB))) {
    fail(check, `shareA = ${r.shareA} is outside [${outsideA}, ${1 - outsideB}]`, input);
  }
  if (q === 1) expectClose(check, 'ultimatum shareA', r.shareA, 1 - outsideB, input);
  const room = 1 - outsideA - outsideB;
  if (room > 0) {
    const higherA = impl({ ...input, outsideA: outsideA + room / 2 }).shareA;
    if (!leq(r.shareA, higherA)) fail(check, `shareA fell from ${r.shareA} to ${higherA} as outsideA rose`, input);
    const higherB = impl({ ...input, outsideB: outsideB + room / 2 }).shareA;
    if (!leq(higherB, r.shareA)) fail(check, `shareA rose from ${r.shareA} to ${higherB} as outsideB rose`, input);
  }
  return r;
}

/**
 * Powell: closed-form threshold, `war` agrees exactly with `pNext > thresholdPNext`,
 * and with MODEL.md's `(δ·pNext − pNow)/(1 − δ) > costDeclining + δ·costRising`
 * away from the boundary (δ < 1, the two sides differing by more than 1e-9).
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkPowellCommitment(input: PowellInput, impl: typeof powellCommitment = powellCommitment): PowellResult {
  const check = 'checkPowellCommitment';
  const r = impl(input);
  const { delta, pNow, pNext, costDeclining, costRising } = input;
  const threshold = (pNow + (1 - delta) * (costDeclining + delta * costRising)) / delta;
  if (Number.isFinite(threshold)) expectClose(check, 'thresholdPNext', r.thresholdPNext, threshold, input);
  if (r.war !== pNext > r.thresholdPNext) {
    fail(check, `war = ${r.war} but pNext = ${pNext} vs thresholdPNext = ${r.thresholdPNext}`, input);
  }
  if (delta < 1) {
    const lhs = (delta * pNext - pNow) / (1 - delta);
    const rhs = costDeclining + delta * costRising;
    if (Math.abs(lhs - rhs) > 1e-9 * Math.max(1, Math.abs(lhs), Math.abs(rhs)) && r.war !== lhs > rhs) {
      fail(check, `war = ${r.war} but (δ·pNext − pNow)/(1 − δ) = ${lhs} vs costDeclining + δ·costRising = ${rhs}`, input);
    }
  }
  return r;
}

/**
 * Beta learning: the closed form of `initialGap`, and `firstDealBattle` through
 * its defining property: a whole number ≥ 0 such that after `firstDealBattle` battles the gap
 * `initialGap·n0/(n0 + n)` is ≤ `totalCost`, after one battle fewer it is
 * > `totalCost` (both up to a relative 1e-9, the ceiling's slack).
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkBetaLearning(input: BetaLearningInput, impl: typeof betaLearning = betaLearning): BetaLearningResult {
  const check = 'checkBetaLearning';
  const r = impl(input);
  const [wA, lA] = input.priorA;
  const [wB, lB] = input.priorB;
  const n0 = (wA + lA + wB + lB) / 2;
  expectClose(check, 'initialGap', r.initialGap, wA / (wA + lA) - wB / (wB + lB), input);
  const k = r.firstDealBattle;
  if (!(Number.isInteger(k) && k >= 0)) fail(check, `firstDealBattle = ${k} is not a whole number ≥ 0`, input);
  const gapAfter = (n: number): number => (r.initialGap * n0) / (n0 + n);
  const slack = 1e-9;
  if (!(gapAfter(k) <= input.totalCost * (1 + slack))) {
    fail(check, `after firstDealBattle = ${k} battles the gap ${gapAfter(k)} is still > totalCost ${input.totalCost}`, input);
  }
  if (k > 0 && !(gapAfter(k - 1) > input.totalCost * (1 - slack))) {
    fail(check, `after ${k - 1} battles the gap ${gapAfter(k - 1)} is already ≤ totalCost ${input.totalCost}`, input);
  }
  if (r.initialGap <= input.totalCost && k !== 0) fail(check, `initialGap ≤ totalCost but firstDealBattle = ${k}`, input);
  return r;
}

/**
 * MODEL.md §6 invariant 7 for the Beta–Bernoulli update of §4 step 5 with λ = 1:
 * both sides add each battle to their counts (`outcomes[i]` true = A won it);
 * with equal prior counts `n0` the gap after `n` battles is `gap0·n0/(n0 + n)`,
 * whatever the outcomes.
 *
 * @param input - the two priors (equal total counts)
 * @param outcomes - the battles in order, `true` when A won
 * @returns the gaps after 0..outcomes.length battles
 * @throws Error naming the battle after which the gap left the closed form
 */
export function checkBeliefGapConvergence(
  input: Pick<BetaLearningInput, 'priorA' | 'priorB'>,
  outcomes: readonly boolean[],
): number[] {
  const check = 'checkBeliefGapConvergence';
  let [aA, bA] = input.priorA;
  let [aB, bB] = input.priorB;
  const n0 = (aA + bA + aB + bB) / 2;
  const gap0 = aA / (aA + bA) - aB / (aB + bB);
  const gaps = [gap0];
  outcomes.forEach((aWon, i) => {
    const won = aWon ? 1 : 0;
    aA += won;
    bA += 1 - won;
    aB += won;
    bB += 1 - won;
    const gap = aA / (aA + bA) - aB / (aB + bB);
    const n = i + 1;
    if (!approxEqual(gap, (gap0 * n0) / (n0 + n), 1e-10)) {
      fail(check, `after ${n} battles the gap is ${gap}, expected gap0·n0/(n0 + n) = ${(gap0 * n0) / (n0 + n)}`, { input, outcomes });
    }
    gaps.push(gap);
  });
  return gaps;
}

/**
 * War of attrition: closed-form hazards, each side's hazard keeps the other
 * indifferent (`hazardA·valueB = costB`, `hazardB·valueA = costA`),
 * `expectedDuration·(hazardA + hazardB) = 1`, `probAWins = hazardB·expectedDuration`
 * in [0, 1].
 *
 * @param input - a valid input of the classic
 * @param impl - the implementation to check (default: the shipped classic)
 * @returns the checked result
 * @throws Error naming the check, what failed, and the input
 */
export function checkWarOfAttrition(input: AttritionInput, impl: typeof warOfAttrition = warOfAttrition): AttritionResult {
  const check = 'checkWarOfAttrition';
  const r = impl(input);
  const { valueA, valueB, costA, costB } = input;
  expectClose(check, 'hazardA', r.hazardA, costB / valueB, input);
  expectClose(check, 'hazardB', r.hazardB, costA / valueA, input);
  expectClose(check, 'hazardA·valueB', r.hazardA * valueB, costB, input);
  expectClose(check, 'hazardB·valueA', r.hazardB * valueA, costA, input);
  if (!(r.hazardA >= 0 && r.hazardB >= 0)) fail(check, `negative hazard ${r.hazardA}, ${r.hazardB}`, input);
  if (!(r.expectedDuration > 0 && Number.isFinite(r.expectedDuration))) {
    fail(check, `expectedDuration = ${r.expectedDuration} is not a positive finite number`, input);
  }
  expectClose(check, 'expectedDuration·(hazardA + hazardB)', r.expectedDuration * (r.hazardA + r.hazardB), 1, input);
  expectInUnit(check, 'probAWins', r.probAWins, input);
  expectClose(check, 'probAWins', r.probAWins, r.hazardB * r.expectedDuration, input);
  expectClose(check, 'probAWins + P(B wins)', r.probAWins + r.hazardA * r.expectedDuration, 1, input);
  return r;
}
