// Worked numbers of MODEL.md §5 and input validation of the classics.
// Imports the individual files (not classics/index.ts) so these tests do not
// depend on gamblersRuin.ts.
import { describe, expect, it } from 'vitest';
import { warOfAttrition } from '../../models/classics/attrition.ts';
import { breakdownBargaining } from '../../models/classics/breakdown.ts';
import { fearonRange, fearonRiskReturn } from '../../models/classics/fearon.ts';
import { betaLearning } from '../../models/classics/learning.ts';
import { nashBargaining } from '../../models/classics/nash.ts';
import { powellCommitment } from '../../models/classics/powell.ts';
import { rubinsteinSplit } from '../../models/classics/rubinstein.ts';
import {
  formatRange,
  requireInput,
  requireNumber,
  requireNumberPair,
  requireOneOf,
  requireProbability,
} from '../../models/classics/validate.ts';

const DIGITS = 12;

describe('fearonRange (MODEL.md §5)', () => {
  it('worked check: p 0.6, costs 0.1 and 0.15 give [0.5, 0.75]', () => {
    const r = fearonRange({ p: 0.6, costA: 0.1, costB: 0.15 });
    expect(r.low).toBeCloseTo(0.5, DIGITS);
    expect(r.high).toBeCloseTo(0.75, DIGITS);
    expect(r.width).toBeCloseTo(0.25, DIGITS);
    expect(r.exists).toBe(true);
  });

  it('clips to [0, 1] and measures the width after clipping', () => {
    const r = fearonRange({ p: 0.95, costA: 1.2, costB: 0.2 });
    expect(r).toEqual({ low: 0, high: 1, width: 1, exists: true });
    const top = fearonRange({ p: 0.9, costA: 0.1, costB: 0.3 });
    expect(top.high).toBe(1);
    expect(top.width).toBeCloseTo(0.2, DIGITS);
  });

  it('is a single point when war is free', () => {
    expect(fearonRange({ p: 0.3, costA: 0, costB: 0 })).toEqual({ low: 0.3, high: 0.3, width: 0, exists: true });
  });
});

describe('fearonRiskReturn (MODEL.md §5)', () => {
  it('worked check: p 0.5, costA 0.1, costBMax 0.4 offers 0.65 with war probability 0.375', () => {
    const r = fearonRiskReturn({ p: 0.5, costA: 0.1, costBMax: 0.4 });
    expect(r.offer).toBeCloseTo(0.65, DIGITS);
    expect(r.warProbability).toBeCloseTo(0.375, DIGITS);
    // (1 − 0.375)·0.65 + 0.375·(0.5 − 0.1)
    expect(r.expectedUtilityA).toBeCloseTo(0.55625, DIGITS);
  });

  it('offers p (no war) when A’s own war is at least as costly as B’s worst', () => {
    const r = fearonRiskReturn({ p: 0.4, costA: 0.5, costBMax: 0.3 });
    expect(r).toEqual({ offer: 0.4, warProbability: 0, expectedUtilityA: 0.4 });
  });

  it('with a costless war for A demands p + costBMax/2 and risks war half the time', () => {
    // the upper clamp p + costBMax never binds for costA ≥ 0
    const r = fearonRiskReturn({ p: 0.2, costA: 0, costBMax: 0.4 });
    expect(r.offer).toBeCloseTo(0.4, DIGITS);
    expect(r.warProbability).toBeCloseTo(0.5, DIGITS);
  });

  it('caps the offer at 1', () => {
    const r = fearonRiskReturn({ p: 0.9, costA: 0, costBMax: 0.4 });
    expect(r.offer).toBe(1);
    expect(r.warProbability).toBeCloseTo(0.25, DIGITS);
    expect(r.expectedUtilityA).toBeCloseTo(0.75 * 1 + 0.25 * 0.9, DIGITS);
  });
});

describe('rubinsteinSplit (MODEL.md §5)', () => {
  it('worked check: δA 0.9, δB 0.8, A proposes: shareA = 0.2/0.28', () => {
    const r = rubinsteinSplit({ deltaA: 0.9, deltaB: 0.8, proposer: 'A' });
    expect(r.shareA).toBeCloseTo(0.7142857142857143, DIGITS);
    expect(r.shareA).toBeCloseTo(0.2 / 0.28, DIGITS);
    expect(r.shareB).toBeCloseTo(0.08 / 0.28, DIGITS);
  });

  it('B proposing: shareB = (1 − δA)/(1 − δA·δB)', () => {
    const r = rubinsteinSplit({ deltaA: 0.9, deltaB: 0.8, proposer: 'B' });
    expect(r.shareB).toBeCloseTo(0.1 / 0.28, DIGITS);
    expect(r.shareA).toBeCloseTo(0.18 / 0.28, DIGITS);
  });

  it('equal patience: the proposer gets 1/(1 + δ)', () => {
    expect(rubinsteinSplit({ deltaA: 0.5, deltaB: 0.5, proposer: 'A' }).shareA).toBeCloseTo(2 / 3, DIGITS);
  });

  it('returns the symmetric limit 0.5/0.5 at δA = δB = 1', () => {
    expect(rubinsteinSplit({ deltaA: 1, deltaB: 1, proposer: 'A' })).toEqual({ shareA: 0.5, shareB: 0.5 });
    expect(rubinsteinSplit({ deltaA: 1, deltaB: 1, proposer: 'B' })).toEqual({ shareA: 0.5, shareB: 0.5 });
  });

  it('gives everything to a side that alone is perfectly patient', () => {
    expect(rubinsteinSplit({ deltaA: 1, deltaB: 0.9, proposer: 'B' }).shareA).toBe(1);
    expect(rubinsteinSplit({ deltaA: 0.9, deltaB: 1, proposer: 'A' }).shareA).toBe(0);
  });

  it('keeps its digits near δ = 1', () => {
    const d = 1 - 1e-10;
    // (1 − d)/(1 − d²) = 1/(1 + d)
    expect(rubinsteinSplit({ deltaA: d, deltaB: d, proposer: 'A' }).shareA).toBeCloseTo(1 / (1 + d), 9);
  });
});

describe('nashBargaining (MODEL.md §5)', () => {
  it('shareA = dA + weightA·(1 − dA − dB)', () => {
    expect(nashBargaining({ disagreementA: 0.2, disagreementB: 0.3, weightA: 0.5 }).shareA).toBeCloseTo(0.45, DIGITS);
    expect(nashBargaining({ disagreementA: 0.2, disagreementB: 0.3, weightA: 0.8 }).shareA).toBeCloseTo(0.6, DIGITS);
  });

  it('weights 0 and 1 give the disagreement points', () => {
    expect(nashBargaining({ disagreementA: 0.2, disagreementB: 0.3, weightA: 0 }).shareA).toBeCloseTo(0.2, DIGITS);
    expect(nashBargaining({ disagreementA: 0.2, disagreementB: 0.3, weightA: 1 }).shareA).toBeCloseTo(0.7, DIGITS);
  });

  it('returns exactly { shareA }', () => {
    expect(Object.keys(nashBargaining({ disagreementA: 0, disagreementB: 0, weightA: 0.5 }))).toEqual(['shareA']);
  });
});

describe('breakdownBargaining (MODEL.md §5)', () => {
  it('shareA = (1 + (1 − q)·outsideA − outsideB)/(2 − q)', () => {
    const r = breakdownBargaining({ breakdownChance: 0.5, outsideA: 0.2, outsideB: 0.2 });
    expect(r.shareA).toBeCloseTo(0.9 / 1.5, DIGITS);
    expect(r.shareB).toBeCloseTo(0.6 / 1.5, DIGITS);
  });

  it('q = 1 is an ultimatum and q = 0 splits the surplus over the outside options', () => {
    expect(breakdownBargaining({ breakdownChance: 1, outsideA: 0.1, outsideB: 0.3 }).shareA).toBeCloseTo(0.7, DIGITS);
    expect(breakdownBargaining({ breakdownChance: 0, outsideA: 0.1, outsideB: 0.3 }).shareA).toBeCloseTo(0.4, DIGITS);
  });
});

describe('powellCommitment (MODEL.md §5)', () => {
  it('worked check: δ 0.9, pNow 0.3, pNext 0.6, costs 0.5 is war with threshold 0.438888…', () => {
    const r = powellCommitment({ delta: 0.9, pNow: 0.3, pNext: 0.6, costDeclining: 0.5, costRising: 0.5 });
    expect(r.war).toBe(true);
    expect(r.thresholdPNext).toBeCloseTo(0.4388888888888889, DIGITS);
    expect(r.thresholdPNext).toBeCloseTo(0.395 / 0.9, DIGITS);
  });

  it('no war when the shift stays below the threshold', () => {
    const r = powellCommitment({ delta: 0.9, pNow: 0.3, pNext: 0.43, costDeclining: 0.5, costRising: 0.5 });
    expect(r.war).toBe(false);
  });

  it('at δ = 1 the threshold is pNow', () => {
    const r = powellCommitment({ delta: 1, pNow: 0.3, pNext: 0.31, costDeclining: 0.5, costRising: 0.5 });
    expect(r.thresholdPNext).toBe(0.3);
    expect(r.war).toBe(true);
  });
});

describe('betaLearning (MODEL.md §5)', () => {
  it('worked check: Beta(7,3) vs Beta(3,7), total cost 0.12: first deal after 24 battles', () => {
    const r = betaLearning({ priorA: [7, 3], priorB: [3, 7], totalCost: 0.12 });
    expect(r.initialGap).toBeCloseTo(0.4, DIGITS);
    expect(r.firstDealBattle).toBe(24);
    // the gap after n battles is 0.4·10/(10 + n): 0.1176… ≤ 0.12 < 0.1212…
    expect((0.4 * 10) / 34).toBeLessThanOrEqual(0.12);
    expect((0.4 * 10) / 33).toBeGreaterThan(0.12);
  });

  it('does not bump an exact integer up by float noise', () => {
    // x = 5·(0.6/0.05 − 1) = 55 exactly, but floats give 55.00000000000001
    expect(betaLearning({ priorA: [4, 1], priorB: [1, 4], totalCost: 0.05 }).firstDealBattle).toBe(55);
    expect(betaLearning({ priorA: [7, 3], priorB: [3, 7], totalCost: 0.1 }).firstDealBattle).toBe(30);
  });

  it('is 0 when the gap is already within the total cost, or negative', () => {
    expect(betaLearning({ priorA: [6, 4], priorB: [5, 5], totalCost: 0.1 }).firstDealBattle).toBe(0);
    const pessimistic = betaLearning({ priorA: [3, 7], priorB: [7, 3], totalCost: 0.05 });
    expect(pessimistic.initialGap).toBeCloseTo(-0.4, DIGITS);
    expect(pessimistic.firstDealBattle).toBe(0);
  });

  it('stubbornness scales the wait: 10× the prior counts, about 10× the battles', () => {
    expect(betaLearning({ priorA: [70, 30], priorB: [30, 70], totalCost: 0.12 }).firstDealBattle).toBe(234);
  });

  it('accepts real prior counts whose totals differ only by float noise', () => {
    // 0.1 + 0.2 = 0.30000000000000004 ≠ 0.3
    expect(() => betaLearning({ priorA: [0.1, 0.2], priorB: [0.15, 0.15], totalCost: 0.1 })).not.toThrow();
  });
});

describe('warOfAttrition (MODEL.md §5)', () => {
  it('worked check: symmetric V = 12, c = 1 lasts 6 on average', () => {
    const r = warOfAttrition({ valueA: 12, valueB: 12, costA: 1, costB: 1 });
    expect(r.hazardA).toBeCloseTo(1 / 12, DIGITS);
    expect(r.hazardB).toBeCloseTo(1 / 12, DIGITS);
    expect(r.expectedDuration).toBeCloseTo(6, DIGITS);
    expect(r.probAWins).toBeCloseTo(0.5, DIGITS);
  });

  it('asymmetric: hazardA = costB/valueB, hazardB = costA/valueA', () => {
    const r = warOfAttrition({ valueA: 10, valueB: 5, costA: 1, costB: 1 });
    expect(r.hazardA).toBeCloseTo(0.2, DIGITS);
    expect(r.hazardB).toBeCloseTo(0.1, DIGITS);
    expect(r.expectedDuration).toBeCloseTo(1 / 0.3, DIGITS);
    expect(r.probAWins).toBeCloseTo(1 / 3, DIGITS);
  });

  it('a side that fights for free never concedes', () => {
    const r = warOfAttrition({ valueA: 10, valueB: 5, costA: 0, costB: 1 });
    expect(r.hazardB).toBe(0);
    expect(r.probAWins).toBe(0);
    expect(r.expectedDuration).toBeCloseTo(5, DIGITS);
  });
});

describe('input validation: RangeError naming function, field, value and range', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['rubinsteinSplit deltaA', () => rubinsteinSplit({ deltaA: 1.2, deltaB: 0.8, proposer: 'A' }), /^rubinsteinSplit: deltaA = 1\.2 is outside \(0, 1\]$/],
    ['rubinsteinSplit deltaB = 0', () => rubinsteinSplit({ deltaA: 0.9, deltaB: 0, proposer: 'A' }), /rubinsteinSplit: deltaB = 0 is outside \(0, 1\]/],
    ['rubinsteinSplit proposer', () => rubinsteinSplit({ deltaA: 0.9, deltaB: 0.8, proposer: 'C' as 'A' }), /rubinsteinSplit: proposer = "C" is not one of 'A', 'B'/],
    ['fearonRange p', () => fearonRange({ p: 1.5, costA: 0.1, costB: 0.1 }), /fearonRange: p = 1\.5 is outside \[0, 1\]/],
    ['fearonRange costA', () => fearonRange({ p: 0.5, costA: -0.1, costB: 0.1 }), /fearonRange: costA = -0\.1 is outside \[0, ∞\)/],
    ['fearonRange costB NaN', () => fearonRange({ p: 0.5, costA: 0.1, costB: NaN }), /fearonRange: costB = NaN is not a finite number in \[0, ∞\)/],
    ['fearonRiskReturn costBMax', () => fearonRiskReturn({ p: 0.5, costA: 0.1, costBMax: 0 }), /fearonRiskReturn: costBMax = 0 is outside \(0, ∞\)/],
    ['fearonRiskReturn p missing', () => fearonRiskReturn({ costA: 0.1, costBMax: 0.4 } as never), /fearonRiskReturn: p = undefined is not a finite number/],
    ['nashBargaining weightA', () => nashBargaining({ disagreementA: 0.1, disagreementB: 0.1, weightA: 2 }), /nashBargaining: weightA = 2 is outside \[0, 1\]/],
    ['nashBargaining sum', () => nashBargaining({ disagreementA: 0.6, disagreementB: 0.5, weightA: 0.5 }), /nashBargaining: disagreementA \+ disagreementB = 1\.1 is outside \[0, 1\]/],
    ['breakdownBargaining q', () => breakdownBargaining({ breakdownChance: -0.1, outsideA: 0, outsideB: 0 }), /breakdownBargaining: breakdownChance = -0\.1 is outside \[0, 1\]/],
    ['breakdownBargaining sum', () => breakdownBargaining({ breakdownChance: 0.5, outsideA: 0.7, outsideB: 0.4 }), /breakdownBargaining: outsideA \+ outsideB = 1\.1/],
    ['powellCommitment delta', () => powellCommitment({ delta: 0, pNow: 0.3, pNext: 0.6, costDeclining: 0.5, costRising: 0.5 }), /powellCommitment: delta = 0 is outside \(0, 1\]/],
    ['powellCommitment pNext', () => powellCommitment({ delta: 0.9, pNow: 0.3, pNext: 1.6, costDeclining: 0.5, costRising: 0.5 }), /powellCommitment: pNext = 1\.6 is outside \[0, 1\]/],
    ['powellCommitment costRising', () => powellCommitment({ delta: 0.9, pNow: 0.3, pNext: 0.6, costDeclining: 0.5, costRising: -1 }), /powellCommitment: costRising = -1 is outside \[0, ∞\)/],
    ['betaLearning prior count', () => betaLearning({ priorA: [0, 10], priorB: [3, 7], totalCost: 0.1 }), /betaLearning: priorA\[0\] = 0 is outside \(0, ∞\)/],
    ['betaLearning prior shape', () => betaLearning({ priorA: [7, 3, 1] as never, priorB: [3, 7], totalCost: 0.1 }), /betaLearning: priorA = an array of length 3 is not a pair/],
    ['betaLearning unequal counts', () => betaLearning({ priorA: [7, 3], priorB: [3, 8], totalCost: 0.1 }), /betaLearning: priorA and priorB have unequal counts 10 and 11/],
    ['betaLearning totalCost', () => betaLearning({ priorA: [7, 3], priorB: [3, 7], totalCost: 0 }), /betaLearning: totalCost = 0 is outside \(0, ∞\)/],
    ['warOfAttrition valueA', () => warOfAttrition({ valueA: 0, valueB: 1, costA: 1, costB: 1 }), /warOfAttrition: valueA = 0 is outside \(0, ∞\)/],
    ['warOfAttrition costB Infinity', () => warOfAttrition({ valueA: 1, valueB: 1, costA: 1, costB: Infinity }), /warOfAttrition: costB = Infinity is not a finite number/],
    ['warOfAttrition both costs 0', () => warOfAttrition({ valueA: 1, valueB: 1, costA: 0, costB: 0 }), /warOfAttrition: costA = 0, costB = 0/],
    ['input not an object', () => fearonRange(undefined as never), /fearonRange: input = undefined is not an object/],
    ['string instead of number', () => rubinsteinSplit({ deltaA: '0.9' as never, deltaB: 0.8, proposer: 'A' }), /rubinsteinSplit: deltaA = "0\.9" is not a finite number in \(0, 1\]/],
  ];

  it.each(cases)('%s', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});

describe('validate.ts helpers', () => {
  it('formats ranges', () => {
    expect(formatRange({ min: 0, max: 1, minExclusive: true })).toBe('(0, 1]');
    expect(formatRange({ min: 0 })).toBe('[0, ∞)');
    expect(formatRange({})).toBe('(−∞, ∞)');
    expect(formatRange({ min: 1, max: 1000, integer: true })).toBe('integers in [1, 1000]');
    expect(formatRange({ max: 1, maxExclusive: true })).toBe('(−∞, 1)');
  });

  it('requireNumber returns good values and rejects bad ones', () => {
    expect(requireNumber('f', 'x', 0.5, { min: 0, max: 1 })).toBe(0.5);
    expect(() => requireNumber('f', 'x', 1, { max: 1, maxExclusive: true })).toThrow(/^f: x = 1 is outside \(−∞, 1\)$/);
    expect(() => requireNumber('gamblersRuin', 'steps', 2.5, { min: 2, max: 1000, integer: true })).toThrow(
      /^gamblersRuin: steps = 2\.5 is not an integer \(allowed: integers in \[2, 1000\]\)$/,
    );
    expect(() => requireNumber('f', 'x', -Infinity)).toThrow(RangeError);
    expect(requireProbability('f', 'p', 1)).toBe(1);
    expect(() => requireProbability('f', 'p', 1.01)).toThrow(/f: p = 1\.01 is outside \[0, 1\]/);
  });

  it('requireOneOf, requireInput and requireNumberPair', () => {
    expect(requireOneOf('f', 'side', 'B', ['A', 'B'])).toBe('B');
    expect(() => requireOneOf('f', 'side', 3, ['A', 'B'])).toThrow(/f: side = 3 is not one of 'A', 'B'/);
    expect(() => requireInput('f', null)).toThrow(/f: input = null is not an object/);
    expect(() => requireInput('f', [1])).toThrow(RangeError);
    expect(requireNumberPair('f', 'prior', [1, 2], { min: 0 })).toEqual([1, 2]);
    expect(() => requireNumberPair('f', 'prior', [1, -2], { min: 0 })).toThrow(/f: prior\[1\] = -2 is outside \[0, ∞\)/);
  });
});
