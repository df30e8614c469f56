/**
 * URL state (src/app/url.ts): a scenario as a difference from its preset;
 * a round trip gives the same scenario (so the same run); bad values are
 * reported naming the parameter, value and range, and the rest still applies.
 */
import { describe, expect, it } from 'vitest';
import { scenarios, setParam, simulate, validateScenario, type Scenario } from '../../models/index.ts';
import { decodeUrlState, encodeUrlState } from '../../src/app/url.ts';

const alaska = scenarios['alaska-2025']!;
const defaults = { presetId: 'alaska-2025' };
const valid = (s: Scenario) => { const r = validateScenario(s); if (!r.ok) throw new Error(JSON.stringify(r.errors)); return r.scenario; };

describe('encode', () => {
  it('an unmodified preset is just its id and the seed', () => {
    expect(encodeUrlState({ presetId: 'alaska-2025', scenario: alaska, seed: 1, view: 'run', month: null }, scenarios)).toBe('s=alaska-2025&seed=1');
  });
  it('writes only the differences, by path', () => {
    const armistice = !alaska.bargaining.armistice;
    const s = setParam(setParam(alaska, 'sides.A.discount', 0.98), 'bargaining.armistice', armistice);
    expect(encodeUrlState({ presetId: 'alaska-2025', scenario: s, seed: 7, view: 'run', month: 12 }, scenarios))
      .toBe(`s=alaska-2025&seed=7&month=12&sides.A.discount=0.98&bargaining.armistice=${armistice}`);
  });
  it('keeps the views\' own keys', () => {
    const keep = new URLSearchParams('montecarlo.runs=5000&foo=1');
    expect(encodeUrlState({ presetId: 'alaska-2025', scenario: alaska, seed: 1, view: 'montecarlo', month: null }, scenarios, keep))
      .toBe('s=alaska-2025&seed=1&view=montecarlo&montecarlo.runs=5000');
  });
});

describe('round trip', () => {
  it('a modified scenario → URL → the same scenario, seed, view and month, and the same run', () => {
    let s: Scenario = alaska;
    for (const [p, v] of [['sides.A.discount', 0.9871234567], ['war.stalemateChance', 0.45], ['levers.sanctions', 0.8], ['bargaining.stopAtDeal', false], ['horizonMonths', 48], ['war.decisiveSteps', 24], ['sides.B.label', 'Kyiv & co'], ['title', 'My what-if?']] as const) s = setParam(s, p, v);
    s = { ...s, events: [{ month: 6, label: 'sanctions = 1 & aid', set: { sanctions: 1, aid: 0.2 }, shock: { exhaustionB: -0.1 } }, { month: 12, label: 'proposal', proposal: [0.55] }] };
    s = valid(s);
    const q = encodeUrlState({ presetId: 'alaska-2025', scenario: s, seed: 4_000_000_001, view: 'sweep', month: 9 }, scenarios);
    const d = decodeUrlState(`?${q}`, scenarios, defaults);
    expect(d.errors).toEqual([]);
    expect(d.scenario).toEqual(s);
    expect(d).toMatchObject({ presetId: 'alaska-2025', seed: 4_000_000_001, view: 'sweep', month: 9 });
    expect(simulate(d.scenario, { seed: d.seed }).fields.reservationA).toEqual(simulate(s, { seed: 4_000_000_001 }).fields.reservationA);
  });
  it('issues (several) round-trip as JSON', () => {
    const s = valid(setParam(alaska, 'issues', [
      { id: 'territory', label: 'Territory', weightA: 0.6, weightB: 0.8 },
      { id: 'sanctions', label: 'Sanctions relief', weightA: 0.4, weightB: 0.2, low: 0, high: 1 },
    ]));
    const d = decodeUrlState(encodeUrlState({ presetId: 'alaska-2025', scenario: s, seed: 1, view: 'run', month: null }, scenarios), scenarios, defaults);
    expect(d.errors).toEqual([]);
    expect(d.scenario).toEqual(s);
  });
  it('a scenario from another preset keeps its preset', () => {
    const f = setParam(scenarios['textbook-fearon']!, 'sides.A.baseCost', 0.01);
    const d = decodeUrlState(encodeUrlState({ presetId: 'textbook-fearon', scenario: f, seed: 2, view: 'run', month: null }, scenarios), scenarios, defaults);
    expect(d.presetId).toBe('textbook-fearon');
    expect(d.scenario).toEqual(valid(f));
  });
});

describe('bad URLs: a message naming the parameter, value and range; the rest applies', () => {
  it('an out-of-range value', () => {
    const d = decodeUrlState('s=alaska-2025&sides.A.discount=1.5&levers.sanctions=0.6', scenarios, defaults);
    expect(d.errors).toEqual(['URL parameter sides.A.discount = 1.5 is outside the allowed range (0, 1]; ignored']);
    expect(d.scenario.sides.A.discount).toBe(alaska.sides.A.discount);
    expect(d.scenario.levers.sanctions).toBe(0.6);
  });
  it('not a number, a bad boolean, a non-integer, an unknown key', () => {
    const d = decodeUrlState('war.stalemateChance=abc&bargaining.armistice=maybe&war.decisiveSteps=2.5&sides.C.discount=1&levers.aid=0.9', scenarios, defaults);
    expect(d.errors).toEqual([
      'URL parameter war.stalemateChance = "abc" is not a number (allowed: [0, 1)); ignored',
      'URL parameter bargaining.armistice = "maybe" must be true or false; ignored',
      'URL parameter war.decisiveSteps = 2.5 is outside the allowed range an integer from 2 to 1000; ignored',
      'unknown URL parameter "sides.C.discount"; ignored',
    ]);
    expect(d.scenario.levers.aid).toBe(0.9);
  });
  it('a bad seed, preset, view or month', () => {
    const d = decodeUrlState('s=nope&seed=-3&view=map&month=999&levers.aid=0.1', scenarios, defaults);
    expect(d.errors).toEqual([
      `URL parameter s = "nope" is not a preset (presets: ${Object.keys(scenarios).join(', ')}); using alaska-2025`,
      'URL parameter seed = "-3" must be an integer from 0 to 4294967295; using 1',
      'URL parameter view = "map" is not a view (views: run, montecarlo, sweep, sensitivity); ignored',
      `URL parameter month = "999" must be an integer from 0 to ${alaska.horizonMonths}; ignored`,
    ]);
    expect(d).toMatchObject({ presetId: 'alaska-2025', seed: 1, view: 'run', month: null });
    expect(d.scenario.levers.aid).toBe(0.1);
  });
  it('events: bad JSON, or an event that does not validate, is dropped with the path named', () => {
    const bad = decodeUrlState('events=[{"month":', scenarios, defaults);
    expect(bad.errors[0]).toMatch(/^URL parameter events is not valid JSON/);
    const e = JSON.stringify([{ month: 3, label: 'ok' }, { month: 0, label: 'too early', set: { sanctions: 2 } }]);
    const d = decodeUrlState(`events=${encodeURIComponent(e)}&levers.aid=0.2`, scenarios, defaults);
    expect(d.errors).toHaveLength(1);
    expect(d.errors[0]).toBe(`URL parameter events ignored: events.1.month = 0 must be an integer from 1 to the horizon (${alaska.horizonMonths}); events.1.set.sanctions = 2 is outside the allowed range [0, 1]`);
    expect(d.scenario.events).toEqual(alaska.events);
    expect(d.scenario.levers.aid).toBe(0.2);
  });
  it('a horizon shorter than an event: the events are refused, the horizon and the rest apply', () => {
    const e = JSON.stringify([{ month: 30, label: 'late' }]);
    const d = decodeUrlState(`events=${encodeURIComponent(e)}&horizonMonths=24&levers.aid=0.2`, scenarios, defaults);
    expect(d.errors).toHaveLength(1);
    expect(d.errors[0]).toMatch(/events\.0\.month = 30 must be an integer from 1 to the horizon \(24\)/);
    expect(d.scenario.horizonMonths).toBe(24);
    expect(d.scenario.events).toEqual(alaska.events);
    expect(d.scenario.levers.aid).toBe(0.2);
  });
  it('always yields a valid scenario', () => {
    const d = decodeUrlState('issues=%7B%7D&title=' + 'x'.repeat(500), scenarios, defaults);
    expect(d.errors.length).toBe(2);
    expect(validateScenario(d.scenario).ok).toBe(true);
  });
});
