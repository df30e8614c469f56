// MODEL.md §6 invariant 12 (and 7 for beliefs): each classic matches its closed
// form and its comparative statics. The checks live in models/classics/testing.ts
// so that modellers can run them on their own variants.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { warOfAttrition } from '../../models/classics/attrition.ts';
import { breakdownBargaining } from '../../models/classics/breakdown.ts';
import { fearonRange, fearonRiskReturn } from '../../models/classics/fearon.ts';
import { betaLearning } from '../../models/classics/learning.ts';
import { nashBargaining } from '../../models/classics/nash.ts';
import { powellCommitment } from '../../models/classics/powell.ts';
import { rubinsteinSplit } from '../../models/classics/rubinstein.ts';
import type { RubinsteinInput } from '../../models/classics/rubinstein.ts';
import {
  arbitraryAttritionInput,
  arbitraryBetaLearningInput,
  arbitraryBreakdownInput,
  arbitraryFearonRangeInput,
  arbitraryFearonRiskReturnInput,
  arbitraryNashInput,
  arbitraryPowellInput,
  arbitraryRubinsteinInput,
  checkBeliefGapConvergence,
  checkBetaLearning,
  checkBreakdownBargaining,
  checkFearonRange,
  checkFearonRiskReturn,
  checkNashBargaining,
  checkPowellCommitment,
  checkRubinsteinClosedForm,
  checkRubinsteinComparativeStatics,
  checkWarOfAttrition,
} from '../../models/classics/testing.ts';
import { NUM_RUNS } from './runs.ts';

const params = { numRuns: NUM_RUNS };
const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe('Fearon (invariant 12)', () => {
  test.prop([arbitraryFearonRangeInput()], params)('range matches its closed form and clipping', (input) => {
    checkFearonRange(input);
  });

  // Inputs that never clip: costA ≤ p, costB ≤ 1 − p.
  test.prop([unit, unit, unit], params)('width is costA + costB before clipping', (p, a, b) => {
    const costA = a * p;
    const costB = b * (1 - p);
    fc.pre(p - costA >= 0 && p + costB <= 1);
    expect(fearonRange({ p, costA, costB }).width).toBeCloseTo(costA + costB, 12);
  });

  test.prop([arbitraryFearonRiskReturnInput()], params)('risk-return offer is the closed form and optimal', (input) => {
    checkFearonRiskReturn(input);
  });
});

describe('Rubinstein (invariant 12)', () => {
  test.prop([arbitraryRubinsteinInput()], params)('matches (1 − δ_other)/(1 − δA·δB)', (input) => {
    checkRubinsteinClosedForm(input);
  });

  test.prop([arbitraryRubinsteinInput()], params)('share rises in own patience, falls in the other’s', (input) => {
    checkRubinsteinComparativeStatics(input);
  });

  test.prop({ input: arbitraryRubinsteinInput(), d1: unit, d2: unit }, params)(
    'monotone in δA and δB over random pairs',
    ({ input, d1, d2 }) => {
      // map [0, 1] to (0, 1], keeping order
      const lo = Math.max(Math.min(d1, d2), Number.MIN_VALUE);
      const hi = Math.max(d1, d2, Number.MIN_VALUE);
      const share = (patch: Partial<RubinsteinInput>): number => rubinsteinSplit({ ...input, ...patch }).shareA;
      expect(share({ deltaA: hi })).toBeGreaterThanOrEqual(share({ deltaA: lo }) - 1e-12);
      expect(share({ deltaB: hi })).toBeLessThanOrEqual(share({ deltaB: lo }) + 1e-12);
    },
  );

  it('the checks catch an implementation with the patience effect reversed', () => {
    const reversed = (input: RubinsteinInput) => rubinsteinSplit({ ...input, deltaA: input.deltaB, deltaB: input.deltaA });
    expect(() => checkRubinsteinComparativeStatics({ deltaA: 0.5, deltaB: 0.9, proposer: 'A' }, reversed)).toThrow(
      /checkRubinsteinComparativeStatics: shareA moved from .* when deltaA moved from 0\.5 to 0\.75/,
    );
    expect(() => checkRubinsteinClosedForm({ deltaA: 0.5, deltaB: 0.9, proposer: 'A' }, reversed)).toThrow(
      /checkRubinsteinClosedForm: shareA = .*, closed form gives/,
    );
  });
});

describe('Nash and breakdown bargaining (invariant 12)', () => {
  test.prop([arbitraryNashInput()], params)('Nash share is the closed form, between the disagreement points', (input) => {
    const { shareA } = checkNashBargaining(input);
    expect(shareA).toBeGreaterThanOrEqual(input.disagreementA - 1e-12);
    expect(shareA).toBeLessThanOrEqual(1 - input.disagreementB + 1e-12);
  });

  test.prop([arbitraryBreakdownInput()], params)('breakdown share is the closed form, monotone in outside options', (input) => {
    checkBreakdownBargaining(input);
  });

  test.prop({ input: arbitraryBreakdownInput(), t: unit }, params)('breakdown shareA rises in outsideA', ({ input, t }) => {
    const room = 1 - input.outsideA - input.outsideB;
    fc.pre(room > 0);
    const higher = breakdownBargaining({ ...input, outsideA: input.outsideA + t * room }).shareA;
    expect(higher).toBeGreaterThanOrEqual(breakdownBargaining(input).shareA - 1e-12);
  });

  it('the Nash check catches a share outside the disagreement points', () => {
    const broken = () => ({ shareA: 0.95 });
    expect(() => checkNashBargaining({ disagreementA: 0.2, disagreementB: 0.3, weightA: 0.5 }, broken)).toThrow(/checkNashBargaining/);
    expect(nashBargaining({ disagreementA: 0.2, disagreementB: 0.3, weightA: 0.5 }).shareA).toBeCloseTo(0.45, 12);
  });
});

describe('Powell (invariant 12)', () => {
  test.prop([arbitraryPowellInput()], params)('war flag agrees with pNext > thresholdPNext and the MODEL.md condition', (input) => {
    const r = checkPowellCommitment(input);
    expect(r.war).toBe(input.pNext > r.thresholdPNext);
  });

  test.prop({ input: arbitraryPowellInput(), t: unit }, params)('a larger shift never removes a war', ({ input, t }) => {
    fc.pre(powellCommitment(input).war);
    const pNext = input.pNext + t * (1 - input.pNext);
    expect(powellCommitment({ ...input, pNext }).war).toBe(true);
  });
});

describe('Beta learning (invariants 7 and 12)', () => {
  test.prop([arbitraryBetaLearningInput()], params)('firstDealBattle is the first battle with gap ≤ totalCost', (input) => {
    checkBetaLearning(input);
  });

  test.prop({ input: arbitraryBetaLearningInput(), outcomes: fc.array(fc.boolean(), { maxLength: 300 }) }, params)(
    'gap after n battles is gap0·n0/(n0 + n) whatever the outcomes',
    ({ input, outcomes }) => {
      const gaps = checkBeliefGapConvergence(input, outcomes);
      const n0 = input.priorA[0] + input.priorA[1];
      const gap0 = betaLearning(input).initialGap;
      expect(gaps.at(-1)).toBeCloseTo((gap0 * n0) / (n0 + outcomes.length), 10);
    },
  );

  test.prop([arbitraryBetaLearningInput()], params)('the deal comes exactly at firstDealBattle along any path', (input) => {
    const { firstDealBattle: k } = betaLearning(input);
    fc.pre(k > 0 && k < 5000);
    const gaps = checkBeliefGapConvergence(input, Array.from({ length: k }, (_, i) => i % 3 === 0));
    expect(gaps[k]).toBeLessThanOrEqual(input.totalCost * (1 + 1e-9));
    expect(gaps[k - 1]).toBeGreaterThan(input.totalCost * (1 - 1e-9));
  });
});

describe('war of attrition (invariant 12)', () => {
  test.prop([arbitraryAttritionInput()], params)('probabilities in [0, 1], hazards consistent', (input) => {
    const r = checkWarOfAttrition(input);
    expect(r.probAWins).toBeGreaterThanOrEqual(0);
    expect(r.probAWins).toBeLessThanOrEqual(1);
    expect(r.hazardA * input.valueB).toBeCloseTo(input.costB, 10);
  });

  test.prop({ input: arbitraryAttritionInput(), scale: fc.double({ min: 0.1, max: 10, noNaN: true }) }, params)(
    'scaling both costs and values by the same factor changes nothing but time units',
    ({ input, scale }) => {
      const r = warOfAttrition(input);
      const s = warOfAttrition({ ...input, valueA: input.valueA * scale, valueB: input.valueB * scale, costA: input.costA * scale, costB: input.costB * scale });
      expect(s.probAWins).toBeCloseTo(r.probAWins, 10);
      expect(s.expectedDuration / r.expectedDuration).toBeCloseTo(1, 10);
    },
  );
});

describe('any numbers in: a RangeError or finite numbers out', () => {
  const anyNumber = fc.oneof(fc.double(), unit, fc.constant(1), fc.constant(0));
  const finiteOrBoolean = (result: object): boolean =>
    Object.values(result).every((v: unknown) => typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)));
  const expectRangeErrorOrFinite = (call: () => object): void => {
    let result: object;
    try {
      result = call();
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      return;
    }
    expect(finiteOrBoolean(result)).toBe(true);
  };

  test.prop([anyNumber, anyNumber, anyNumber], params)('fearonRange, fearonRiskReturn', (p, a, b) => {
    expectRangeErrorOrFinite(() => fearonRange({ p, costA: a, costB: b }));
    expectRangeErrorOrFinite(() => fearonRiskReturn({ p, costA: a, costBMax: b }));
  });

  test.prop([anyNumber, anyNumber, anyNumber], params)('rubinsteinSplit, nashBargaining, breakdownBargaining', (x, y, z) => {
    expectRangeErrorOrFinite(() => rubinsteinSplit({ deltaA: x, deltaB: y, proposer: z > 0.5 ? 'A' : 'B' }));
    expectRangeErrorOrFinite(() => nashBargaining({ disagreementA: x, disagreementB: y, weightA: z }));
    expectRangeErrorOrFinite(() => breakdownBargaining({ breakdownChance: x, outsideA: y, outsideB: z }));
  });

  test.prop([anyNumber, anyNumber, anyNumber, anyNumber, anyNumber], params)('powellCommitment, warOfAttrition', (d, p, q, c, k) => {
    // thresholdPNext may be +Infinity for a vanishing delta (war then impossible): allowed
    try {
      const r = powellCommitment({ delta: d, pNow: p, pNext: q, costDeclining: c, costRising: k });
      expect(Number.isNaN(r.thresholdPNext)).toBe(false);
      expect(r.thresholdPNext).toBeGreaterThanOrEqual(0);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
    }
    expectRangeErrorOrFinite(() => warOfAttrition({ valueA: d, valueB: p, costA: c, costB: k }));
  });

  test.prop([anyNumber, anyNumber, anyNumber, anyNumber, anyNumber], params)('betaLearning', (w, l, v, m, t) => {
    try {
      const r = betaLearning({ priorA: [w, l], priorB: [v, m], totalCost: t });
      expect(Number.isFinite(r.initialGap)).toBe(true);
      expect(r.firstDealBattle).toBeGreaterThanOrEqual(0);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
    }
  });
});
