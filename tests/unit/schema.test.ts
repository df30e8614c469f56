/** The scenario schema: descriptors, validation messages, get/set (MODEL.md §7). */
import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import {
  defaultScenario, getParam, numericParameterPaths, parameterDescriptors, scenarios, setParam, validateScenario,
} from '../../models/index.ts';
import { NUM_RUNS } from '../properties/runs.ts';

const SECTION7_PATHS = [
  'horizonMonths', 'war.decisiveSteps', 'war.initialControl', 'war.baseWinChance', 'war.stalemateChance', 'war.exhaustionEffect',
  'war.sanctionsEffect', 'war.aidEffect', 'war.aidRecovery', 'bargaining.talkChance', 'bargaining.sanctionsCostA',
  'bargaining.aidReliefB', 'bargaining.vulnerability', 'bargaining.guaranteeCostA', 'bargaining.armistice',
  'bargaining.armisticeDiscount', 'bargaining.granularity', 'bargaining.memory', 'bargaining.stalemateBand',
  'bargaining.stopAtDeal', 'levers.sanctions', 'levers.aid', 'levers.guarantee',
  ...['A', 'B'].flatMap((s) => ['priorWins', 'priorLosses', 'discount', 'baseCost', 'exhaustionCost', 'exhaustionImpatience',
    'casualtiesPerMonth', 'casualtyTolerance', 'lossSurge', 'recoveryPerMonth', 'initialExhaustion', 'hurtThreshold', 'domesticBound'].map((f) => `sides.${s}.${f}`)),
];

describe('parameter descriptors', () => {
  it('describe every scalar path of MODEL.md §7, once, with label, unit, range, default, help and group', () => {
    expect(parameterDescriptors.map((p) => p.path).sort()).toEqual([...SECTION7_PATHS].sort());
    for (const p of parameterDescriptors) {
      expect(p.label.length, p.path).toBeGreaterThan(0);
      expect(p.help.length, p.path).toBeGreaterThan(10);
      expect(p.group.length, p.path).toBeGreaterThan(0);
      expect(p.plausible[0], p.path).toBeLessThanOrEqual(p.plausible[1]);
    }
  });
  it('defaults validate', () => {
    expect(validateScenario(defaultScenario()).ok).toBe(true);
  });
  it('numeric paths exclude the booleans', () => {
    expect(numericParameterPaths).not.toContain('bargaining.armistice');
    expect(numericParameterPaths).toContain('sides.A.discount');
  });
});

describe('validateScenario messages name the path, the value and the range', () => {
  const cases: [string, unknown, RegExp][] = [
    ['sides.A.discount', 1.2, /sides\.A\.discount = 1\.2 is outside the allowed range \(0, 1\]/],
    ['war.decisiveSteps', 2.5, /war\.decisiveSteps = 2\.5 .*integer from 2 to 1000/],
    ['horizonMonths', 601, /horizonMonths = 601 .*integer from 1 to 600/],
    ['war.stalemateChance', 1, /war\.stalemateChance = 1 .*\[0, 1\)/],
    ['sides.B.baseCost', -0.1, /sides\.B\.baseCost = -0\.1 .*≥ 0/],
    ['bargaining.armistice', 'yes', /bargaining\.armistice must be true or false, got "yes"/],
    ['levers.aid', 'lots', /levers\.aid must be a number \[0, 1\], got "lots"/],
  ];
  for (const [path, value, re] of cases) {
    it(`${path} = ${JSON.stringify(value)}`, () => {
      const r = validateScenario(setParam(scenarios['alaska-2025']!, path, value));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors.map((e) => e.path)).toContain(path);
      expect(r.errors.map((e) => e.message).join('\n')).toMatch(re);
    });
  }
  it('unknown fields, bad events and weights that do not sum to 1', () => {
    const r = validateScenario({
      sides: { A: { discont: 0.9 } }, events: [{ month: 0, set: { bombs: 1 } }],
      issues: [{ id: 'a', weightA: 0.5, weightB: 1 }, { id: 'b', weightA: 0.2, weightB: 0 }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['sides.A.discont', 'events.0.month', 'events.0.set.bombs', 'issues']));
    expect(r.errors.find((e) => e.path === 'issues')!.message).toMatch(/weightA .* sum to 1, got 0\.7/);
  });
  it('a non-object is refused, not thrown', () => {
    for (const bad of [null, 3, 'x', [], undefined]) expect(validateScenario(bad).ok).toBe(false);
  });
});

describe('getParam / setParam', () => {
  it('set is immutable and shares untouched branches', () => {
    const s = scenarios['alaska-2025']!;
    const t = setParam(s, 'sides.A.discount', 0.9);
    expect(getParam(t, 'sides.A.discount')).toBe(0.9);
    expect(getParam(s, 'sides.A.discount')).not.toBe(0.9);
    expect(t.sides.B).toBe(s.sides.B);
    expect(t.war).toBe(s.war);
  });
  it('works through arrays', () => {
    const s = { ...defaultScenario(), events: [{ month: 2, label: 'x' }] };
    const t = setParam(s, 'events.0.month', 4);
    expect(getParam(t, 'events.0.month')).toBe(4);
    expect(Array.isArray(t.events)).toBe(true);
  });
});

describe('fuzz: validateScenario never throws and every error names a path', () => {
  test.prop([fc.jsonValue()], { numRuns: NUM_RUNS })('arbitrary JSON', (v) => {
    const r = validateScenario(v);
    if (!r.ok) for (const e of r.errors) { expect(typeof e.path).toBe('string'); expect(e.message.length).toBeGreaterThan(0); }
  });
  const paths = parameterDescriptors.map((p) => p.path);
  test.prop([fc.constantFrom(...paths), fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.jsonValue())], { numRuns: NUM_RUNS })(
    'any value at any known path: valid, or an error naming that path', (path, value) => {
      const r = validateScenario(setParam(scenarios['alaska-2025']!, path, value));
      if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
    });
});

describe('validateScenarioDocument', () => {
  it('accepts a bare scenario or an export with a manifest, and validates either', async () => {
    const { validateScenarioDocument } = await import('../../models/index.ts');
    const s = scenarios['textbook-fearon']!;
    expect(validateScenarioDocument(s)).toEqual({ ok: true, scenario: s });
    expect(validateScenarioDocument({ manifest: { seed: 1 }, scenario: s })).toEqual({ ok: true, scenario: s });
    const bad = validateScenarioDocument({ manifest: {}, scenario: setParam(s, 'war.decisiveSteps', 1) });
    expect(bad.ok).toBe(false);
  });
});
