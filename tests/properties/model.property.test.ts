/**
 * The invariants of MODEL.md §6 as fast-check properties, through the
 * reusable checks of models/testing.ts (the same ones modellers run on their
 * own variants). Invariant 12 (the classics) is in classics.property.test.ts.
 */
import { describe } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import {
  arbitraryGamblersRuinInput, arbitraryScenario, arbitrarySeed, checkAdjustmentMonotonicity, checkCommonRandomNumbers,
  checkFearonReduction, checkFirstDrawsUniform, checkGamblersRuin, checkLearning, checkLogrolling, checkMirror,
  checkMoreCostNeverLowersSurplus, checkOptimismNeverRaisesSurplus, checkReproducible, checkTraceInvariants,
} from '../../models/testing.ts';
import { simulate, type Scenario } from '../../models/index.ts';
import { NUM_RUNS } from './runs.ts';

const opts = { numRuns: NUM_RUNS };
const small = { numRuns: Math.max(20, Math.floor(NUM_RUNS / 5)) };

describe('MODEL.md §6 invariants', () => {
  test.prop([arbitraryScenario(), arbitrarySeed()], opts)('1–2, 9: traces are finite, in range, zone open iff surplus ≥ 0, deals inside, frozen after the end', (s, seed) => {
    checkTraceInvariants(simulate(s, { seed }), s);
  });

  test.prop([arbitraryScenario({ adjustments: false, events: false })], opts)('3: Fearon reduction, width = (k_A + k_B)·E[T]', (s) => {
    checkFearonReduction(s);
  });

  test.prop([arbitraryScenario(), arbitrarySeed(), fc.constantFrom('A' as const, 'B' as const), fc.double({ min: 1e-4, max: 0.02, noNaN: true })], opts)(
    '4: more cost never lowers the surplus', (s, seed, side, extra) => {
      checkMoreCostNeverLowersSurplus(s, seed, side, extra);
    });

  test.prop([arbitraryScenario(), arbitrarySeed(), fc.constantFrom('A' as const, 'B' as const), fc.double({ min: 0.1, max: 20, noNaN: true })], opts)(
    '4: more optimism never raises the surplus', (s, seed, side, extra) => {
      checkOptimismNeverRaisesSurplus(s, seed, side, extra);
    });

  test.prop([arbitraryScenario(), arbitrarySeed()], opts)('5: domestic bounds, grid and guarantee move the zone the right way', (s, seed) => {
    checkAdjustmentMonotonicity(s, seed);
  });

  test.prop([arbitraryScenario()], opts)('6: mirror symmetry', (s) => {
    checkMirror(s);
  });

  test.prop([arbitraryScenario({ events: false }), arbitrarySeed(), fc.double({ min: 1, max: 60, noNaN: true }), fc.double({ min: 0.02, max: 0.98, noNaN: true }), fc.double({ min: 0.02, max: 0.98, noNaN: true })], opts)(
    '7: learning, gap after n moving months = gap0·n0/(n0 + n)', (s0, seed, n0, meanA, meanB) => {
      const s: Scenario = {
        ...s0,
        bargaining: { ...s0.bargaining, memory: 1, stopAtDeal: true },
        sides: { A: { ...s0.sides.A, priorWins: n0 * meanA, priorLosses: n0 * (1 - meanA) }, B: { ...s0.sides.B, priorWins: n0 * meanB, priorLosses: n0 * (1 - meanB) } },
      };
      checkLearning(simulate(s, { seed }), s);
    });

  test.prop([arbitraryScenario(), arbitrarySeed()], small)('8: same seed, bitwise-identical trace', (s, seed) => {
    checkReproducible(s, seed);
  });

  test.prop([arbitrarySeed()], small)('8: first draws of runs 0..999 are uniform and uncorrelated', (seed) => {
    checkFirstDrawsUniform(seed);
  });

  const bargainingChange = fc.oneof(
    fc.record({ path: fc.constant('bargaining.talkChance'), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ path: fc.constant('bargaining.vulnerability'), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ path: fc.constant('bargaining.stalemateBand'), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ path: fc.constant('bargaining.granularity'), value: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
    fc.record({ path: fc.constant('sides.A.domesticBound'), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
  );
  test.prop([arbitraryScenario(), arbitrarySeed(), bargainingChange], opts)('9: common random numbers', (s, seed, { path, value }) => {
    checkCommonRandomNumbers(s, seed, path, value);
  });

  test.prop([arbitraryGamblersRuinInput()], opts)('10: gamblersRuin bounds, monotonicity, continuity', (input) => {
    checkGamblersRuin(input);
  });

  test.prop([arbitraryScenario(), arbitrarySeed(), fc.double({ min: 0.01, max: 0.6, noNaN: true })], opts)('11: an issue only A values never shrinks the surplus', (s, seed, w) => {
    checkLogrolling(s, seed, w);
  });
});
