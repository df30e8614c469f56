/**
 * The single-run chart builders (src/app/charts): data in, Chart.js config
 * out, without a canvas. Also `explainMonth`, the one-sentence explanation of
 * a month's decomposition, on constructed traces.
 */
import { describe, expect, it } from 'vitest';
import { TRACE_FIELDS, TERM_FIELDS, defaultScenario, setParam, simulate, validateScenario, type Scenario, type Trace, type TraceField, type RunSummary } from '../../models/index.ts';
import { dealZoneChart, dealZoneFinding } from '../../src/app/charts/dealZone.ts';
import { battlefieldChart } from '../../src/app/charts/battlefield.ts';
import { pressureChart } from '../../src/app/charts/pressure.ts';
import { decompositionChart, explainMonth } from '../../src/app/charts/decomposition.ts';
import { frontier, frontierMargin, utilityPlaneChart, zoneOnFrontier } from '../../src/app/charts/utilityPlane.ts';
import { paramDiff } from '../../src/app/charts/compare.ts';

/**
 * A frozen scenario (the first Alaska calibration), so these tests do not move
 * when the presets are recalibrated.
 */
const alaska = validOrThrow({
  id: 'test-run',
  title: 'Test run (frozen copy of the first Alaska calibration)',
  description: '',
  horizonMonths: 60,
  sides: {
    A: { label: 'Russia', priorWins: 24, priorLosses: 8, discount: 0.995, baseCost: 0.004, exhaustionCost: 0.006, exhaustionImpatience: 1, casualtiesPerMonth: 35000, casualtyTolerance: 2500000, lossSurge: 0.3, recoveryPerMonth: 0.01, initialExhaustion: 0.45, hurtThreshold: 0.008, domesticBound: 0.6 },
    B: { label: 'Ukraine', priorWins: 10, priorLosses: 10, discount: 0.99, baseCost: 0.004, exhaustionCost: 0.006, exhaustionImpatience: 1, casualtiesPerMonth: 15000, casualtyTolerance: 900000, lossSurge: 0.3, recoveryPerMonth: 0.008, initialExhaustion: 0.55, hurtThreshold: 0.006, domesticBound: 0.75 },
  },
  war: { decisiveSteps: 20, initialControl: 0.6, baseWinChance: 0.55, stalemateChance: 0.6, exhaustionEffect: 0.5, sanctionsEffect: 0.3, aidEffect: 0.4, aidRecovery: 0.01 },
  bargaining: { talkChance: 0.3, sanctionsCostA: 0.004, aidReliefB: 0.002, vulnerability: 0.3, guaranteeCostA: 0.02, armistice: false, armisticeDiscount: 0.1, granularity: 0, memory: 0.97, stalemateBand: 0.2, stopAtDeal: true },
  levers: { sanctions: 0.3, aid: 0.5, guarantee: 0.2 },
  events: [],
});
/** Seed 1: the zone is open from month 0 and a deal ends the war in month 5. */
const dealRun = simulate(alaska, { seed: 1 });
/** Russia sure of winning, Ukraine pessimistic about Russia: no zone, the war goes on. */
const stubborn = [['sides.A.priorWins', 40], ['sides.A.priorLosses', 5], ['sides.B.priorWins', 5], ['sides.B.priorLosses', 15]]
  .reduce<Scenario>((s, [p, v]) => setParam(s, p as string, v), alaska);
const noDealRun = simulate(stubborn, { seed: 1 });

function validOrThrow(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.scenario;
}

type Ds = { label: string; data: { x: number; y: number }[]; type?: string; yAxisID?: string; borderDash?: number[]; fill?: unknown; stack?: string };
const datasets = (spec: { config: { data: { datasets: unknown[] } } }) => spec.config.data.datasets as Ds[];
const annotations = (spec: { config: { options?: unknown } }) => (spec.config.options as { plugins: { annotation: { annotations: Record<string, Record<string, unknown>> } } }).plugins.annotation.annotations;

/** A trace of `H + 1` months with every field 0 except those given (a number = every month). */
function makeTrace(H: number, fields: Partial<Record<TraceField, number | number[]>>, summary: Partial<RunSummary> = {}): Trace {
  const f = {} as Record<TraceField, Float64Array>;
  for (const k of TRACE_FIELDS) {
    const v = fields[k];
    f[k] = new Float64Array(H + 1);
    if (typeof v === 'number') f[k].fill(v);
    else if (v) f[k].set(v);
  }
  const months = new Float64Array(H + 1).map((_, i) => i);
  return { months, fields: f, events: [], summary: { seed: 1, run: 0, zoneOpensAt: null, dealAt: null, terms: null, outcome: 'ongoing', ripeAt: null, endedAt: null, ...summary } };
}

/** Constructed one-month decomposition: surplus = costs − optimism − commitment − domestic − indivisibility + logrolling. */
function monthTrace(terms: Partial<Record<(typeof TERM_FIELDS)[number], number>>, beliefs = { winChance: 0.5, beliefA: 0.75, beliefB: 0.5 }, summary: Partial<RunSummary> = {}): Trace {
  const t = { costsTerm: 0, optimismTerm: 0, commitmentTerm: 0, domesticTerm: 0, indivisibilityTerm: 0, logrollingTerm: 0, ...terms };
  const surplus = t.costsTerm - t.optimismTerm - t.commitmentTerm - t.domesticTerm - t.indivisibilityTerm + t.logrollingTerm;
  return makeTrace(12, { ...t, surplus, zoneOpen: surplus >= 0 ? 1 : 0, ...beliefs }, summary);
}

describe('dealZoneChart', () => {
  it('draws the reservation points only while the war is fought, and marks the deal that ends it', () => {
    const spec = dealZoneChart(dealRun, alaska);
    const ds = datasets(spec);
    expect(dealRun.summary.endedAt).toBe(5);
    expect(ds.map((d) => d.label)).toEqual(['Russia: least it accepts (r_A)', 'Ukraine: most it concedes (r_B)', "Line of control (Russia's share held)"]);
    for (const d of ds) expect(d.data.map((p) => p.x)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ds[0]!.data[3]!.y).toBe(dealRun.fields.reservationA[3]);
    expect(ds[1]!.fill).toMatchObject({ target: 0 });
    const a = annotations(spec);
    expect(a.end).toMatchObject({ type: 'line', xMin: 5, xMax: 5 });
    expect(a.after).toMatchObject({ type: 'box', xMin: 5, xMax: 12, label: { content: ['war over:', 'a deal', 'in month 5', '(nothing', 'changes after)'] } });
    expect(a.deal).toMatchObject({ type: 'point', xValue: 5, yValue: dealRun.summary.terms![0] });
    // The time axis stops a little after the end (at least 12 months), not at the 60-month horizon.
    expect((spec.config.options as { scales: { x: { max: number } } }).scales.x.max).toBe(12);
    expect(a.zoneOpens).toMatchObject({ xMin: 0 });
    expect(spec.finding).toMatch(/deal is struck in month 5 and the war ends, giving Russia \d+% of the contested stakes\.$/);
    expect(spec.note).toMatch(/Green band: a deal zone is open/);
    expect(spec.table.columns).toEqual(['month', 'r_A (Russia)', 'r_B (Ukraine)', 'surplus', 'zone open', 'control']);
    expect(spec.table.rows).toHaveLength(6);
    expect(spec.table.rows[0]).toEqual([0, dealRun.fields.reservationA[0], dealRun.fields.reservationB[0], dealRun.fields.surplus[0], 'yes', 0.6]);
  });

  it('reveals data up to the playback month, with the cursor line, and nothing of the end yet', () => {
    const spec = dealZoneChart(dealRun, alaska, { upTo: 3, cursor: 3 });
    expect(datasets(spec)[0]!.data).toHaveLength(4);
    const a = annotations(spec);
    expect(a.cursor).toMatchObject({ type: 'line', xMin: 3, xMax: 3 });
    expect(a.end).toBeUndefined();
    expect(a.deal).toBeUndefined();
    // The caption tells only what has happened so far.
    expect(spec.finding).toMatch(/^So far \(months 0–3 of 60\): a zone has been open from the start; in month 3 the zone is open \(0\.\d+ wide\)\.$/);
  });

  it('a war that goes on: the whole horizon drawn, red band, the gap in the finding', () => {
    const spec = dealZoneChart(noDealRun, stubborn);
    expect(datasets(spec)[0]!.data).toHaveLength(61);
    expect(annotations(spec).end).toBeUndefined();
    expect(dealZoneFinding(noDealRun, stubborn)).toMatch(/^No deal zone in 60 months: Russia's least acceptable share stays above the most Ukraine will concede \(gap 0\.\d+ of the stakes at the end\)\.$/);
  });

  it('overlays a pinned baseline dashed, and adds its columns to the table', () => {
    const spec = dealZoneChart(dealRun, alaska, { baseline: { trace: noDealRun, scenario: stubborn, seed: 1 } });
    const ds = datasets(spec);
    expect(ds).toHaveLength(5);
    expect(ds[3]!.label).toBe('Baseline: Russia least (r_A)');
    expect(ds[3]!.borderDash).toEqual([6, 4]);
    expect(ds[4]!.data).toHaveLength(61);
    expect(spec.table.columns.slice(-2)).toEqual(['baseline r_A', 'baseline r_B']);
  });

  it('draws scheduled events as annotations', () => {
    const s: Scenario = { ...alaska, events: [{ month: 3, label: 'sanctions up', set: { sanctions: 0.9 } }] };
    const spec = dealZoneChart(simulate(s, { seed: 1 }), s);
    expect(annotations(spec).event0).toMatchObject({ type: 'line', xMin: 3, label: { content: 'm3: sanctions up' } });
  });
});

describe('battlefieldChart', () => {
  it('control, the true win chance and both beliefs, with the belief gap in the finding', () => {
    const spec = battlefieldChart(noDealRun, stubborn);
    const ds = datasets(spec);
    expect(ds.map((d) => d.label)).toEqual([
      "Russia's share of the ground (control)", 'True chance Russia wins a moving month (ψ)', 'Russia believes (ψ̂_A)', 'Ukraine believes (ψ̂_B)',
    ]);
    expect(ds[2]!.data[10]!.y).toBe(noDealRun.fields.beliefA[10]);
    expect(spec.finding).toMatch(/^At the start Russia puts its chance of winning a month of fighting that moves at 89% and Ukraine puts it at 25%, against a true \d+%; by month 60/);
    expect(spec.table.columns).toEqual(['month', 'control', 'winChance (ψ)', 'beliefA (Russia)', 'beliefB (Ukraine)']);
  });
  it('stops at the end of the war', () => {
    const spec = battlefieldChart(dealRun, alaska);
    expect(datasets(spec)[1]!.data).toHaveLength(6);
    expect(spec.finding).toMatch(/by month 5/);
  });
});

describe('pressureChart', () => {
  it('costs, exhaustion and patience per side on three stacked panels', () => {
    const spec = pressureChart(noDealRun, stubborn);
    const ds = datasets(spec);
    expect(ds.map((d) => `${d.label}@${d.yAxisID}`)).toEqual([
      'Russia: cost per month@cost', 'Ukraine: cost per month@cost', 'Russia: exhaustion@exhaustion', 'Ukraine: exhaustion@exhaustion',
      'Russia: patience δ@patience', 'Ukraine: patience δ@patience',
    ]);
    const scales = (spec.config.options as { scales: Record<string, { stack?: string; min?: number; max?: number }> }).scales;
    for (const id of ['cost', 'exhaustion', 'patience']) expect(scales[id]!.stack).toBe('pressure');
    expect(scales.patience!.max).toBe(1);
    expect(scales.patience!.min).toBeLessThan(Math.min(...noDealRun.fields.patienceA));
    expect(scales.cost!.max).toBeGreaterThan(Math.max(...noDealRun.fields.costA));
    expect(spec.finding).toMatch(/^A month of war costs Russia [\d.]+% → [\d.]+% of the stakes and Ukraine/);
    expect(spec.table.columns).toHaveLength(7);
  });
});

describe('decompositionChart', () => {
  it('stacks each term as its signed contribution, and the bars add up to the surplus line', () => {
    const spec = decompositionChart(dealRun, alaska);
    const ds = datasets(spec);
    const bars = ds.filter((d) => d.type === 'bar');
    const line = ds.find((d) => d.type === 'line')!;
    expect(bars.map((d) => d.label)).toEqual([
      '+ remaining costs of fighting (open)', '− optimism (closes)', '− commitment problem (closes)', '− domestic bounds (close)',
    ]); // indivisibility and logrolling are zero throughout: not drawn
    expect(bars[1]!.data[0]!.y).toBe(-dealRun.fields.optimismTerm[0]!);
    expect(line.stack).toBe('surplus');
    for (let m = 0; m <= 5; m++) {
      const sum = bars.reduce((s, d) => s + d.data[m]!.y, 0);
      expect(sum).toBeCloseTo(line.data[m]!.y, 12);
    }
    expect(line.data).toHaveLength(6);
    expect(annotations(spec).zero).toMatchObject({ yMin: 0, yMax: 0 });
    expect(spec.finding).toMatch(/^The zone is open in every month shown: both sides' remaining costs of fighting are worth 0\.\d\d–0\.\d\d of the stakes; the largest obstacle is/);
    expect(spec.table.columns).toEqual(['month', ...TERM_FIELDS, 'surplus']);
  });
  it('says how often the zone is shut', () => {
    expect(decompositionChart(noDealRun, stubborn).finding).toMatch(/^The zone is shut in every month shown: .*largest obstacle is both sides' optimism \(up to 0\.\d\d\)\.$/);
  });
});

describe('explainMonth', () => {
  it('names the largest closing term and how far it outweighs the costs', () => {
    const t = monthTrace({ costsTerm: 0.22, optimismTerm: 0.34 });
    expect(explainMonth(t, alaska, 3)).toBe("In month 3 there is no deal zone: Russia's optimism outweighs both sides' remaining costs of fighting by 0.12.");
  });
  it('adds what widens the gap further', () => {
    const t = monthTrace({ costsTerm: 0.2, optimismTerm: 0.3, domesticTerm: 0.05 });
    expect(explainMonth(t, alaska, 2)).toBe(
      "In month 2 there is no deal zone: Russia's optimism outweighs both sides' remaining costs of fighting by 0.10, with the domestic bounds adding 0.05 more.",
    );
  });
  it('several obstacles together', () => {
    const t = monthTrace({ costsTerm: 0.35, optimismTerm: 0.3, commitmentTerm: 0.1 });
    const s = setParam(alaska, 'levers.guarantee', 0);
    const tt = { ...t, fields: { ...t.fields, guarantee: new Float64Array(13) } };
    expect(explainMonth(tt, setParam(s, 'bargaining.guaranteeCostA', 0), 4)).toBe(
      "In month 4 there is no deal zone: Russia's optimism (0.30) and the commitment problem (0.10) together outweigh both sides' remaining costs of fighting (0.35) by 0.05.",
    );
  });
  it('when the zone is open, says what keeps it open', () => {
    const t = monthTrace({ costsTerm: 0.6, optimismTerm: 0.3, indivisibilityTerm: 0.1 });
    expect(explainMonth(t, setParam(alaska, 'bargaining.granularity', 0.1), 1)).toBe(
      "In month 1 a deal zone is open: both sides' remaining costs of fighting (0.60) outweigh Russia's optimism (0.30) and indivisibility (0.10) by 0.20.",
    );
    expect(explainMonth(monthTrace({ costsTerm: 0.4 }), alaska, 0)).toBe("In month 0 a deal zone 0.40 wide is open: nothing offsets both sides' remaining costs of fighting.");
  });
  it('counts pessimism and trading across issues as what opens the zone', () => {
    const t = monthTrace({ costsTerm: 0.2, optimismTerm: -0.05, logrollingTerm: 0.1, domesticTerm: 0.25 }, { winChance: 0.5, beliefA: 0.4, beliefB: 0.6 });
    expect(explainMonth(t, alaska, 5)).toMatch(/^In month 5 a deal zone is open: both sides' remaining costs of fighting \(0\.20\), both sides' pessimism about the war \(0\.05\) and trading across issues \(0\.10\) together outweigh the domestic bounds \(0\.25\) by 0\.10\.$/);
  });
  it("attributes optimism to both sides when both err in their own favour", () => {
    const t = monthTrace({ costsTerm: 0.1, optimismTerm: 0.3 }, { winChance: 0.5, beliefA: 0.7, beliefB: 0.3 });
    expect(explainMonth(t, alaska, 1)).toMatch(/^In month 1 there is no deal zone: both sides' optimism outweighs/);
  });
  it('after the war ended, explains its last month', () => {
    const t = monthTrace({ costsTerm: 0.4, optimismTerm: 0.1 }, undefined, { endedAt: 5, dealAt: 5, outcome: 'deal', terms: [0.6] });
    expect(explainMonth(t, alaska, 9)).toBe("The war is over (a deal in month 5); in its last month a deal zone is open: both sides' remaining costs of fighting (0.40) outweigh Russia's optimism (0.10) by 0.30.");
  });
  it('reads a real run: its sentence agrees with the sign of the surplus', () => {
    // Russia believes 89%, Ukraine 25%, the truth is near 50%: both err in their own favour.
    expect(explainMonth(noDealRun, stubborn, 10)).toMatch(/^In month 10 there is no deal zone: both sides' optimism outweighs both sides' remaining costs of fighting by 0\.\d\d, with the commitment problem adding 0\.\d\d more\.$/);
    expect(explainMonth(dealRun, alaska, 2)).toMatch(/^In month 2 a deal zone is open:/);
  });
});

describe('utilityPlaneChart', () => {
  const issues = [
    { id: 'territory', label: 'Territory', weightA: 0.6, weightB: 0.8 },
    { id: 'sanctions', label: 'Sanctions relief', weightA: 0.4, weightB: 0.2 },
  ];
  it('the frontier gives A the issues in decreasing order of wA/wB (MODEL.md §3)', () => {
    const f = frontier(setParam(defaultScenario(), 'issues', issues), 0);
    expect(f).toHaveLength(3);
    expect(f[0]).toEqual({ x: 0, y: 1 });
    expect(f[1]!.x).toBeCloseTo(0.4, 12); expect(f[1]!.y).toBeCloseTo(0.8, 12);
    expect(f[2]!.x).toBeCloseTo(1, 12); expect(f[2]!.y).toBeCloseTo(0, 12);
    const z = zoneOnFrontier(f, 0.5, 0.3);
    expect(z).toHaveLength(2);
    expect(z[0]!.x).toBeCloseTo(0.5, 12); expect(z[0]!.y).toBeCloseTo(0.8 - 0.8 / 6, 12);
    expect(z[1]!.x).toBeCloseTo(0.775, 12); expect(z[1]!.y).toBeCloseTo(0.3, 12);
    expect(frontierMargin(f, 0.5, 0.3)).toBeCloseTo(0.8 - 0.8 / 6 - 0.3, 12);
    expect(zoneOnFrontier(f, 0.9, 0.5)).toEqual([]);
    expect(frontierMargin(f, 0.9, 0.5)).toBeLessThan(0);
  });
  it('draws the frontier, the zone, the war values of the month and the deal', () => {
    const s = setParam(alaska, 'issues', issues);
    const t = simulate(s, { seed: 1 });
    const spec = utilityPlaneChart(t, s, { month: 5 });
    const ds = datasets(spec);
    expect(ds.map((d) => d.label)).toEqual([
      'Frontier: the best deals (trading issues)', 'Zone: deals both prefer to fighting on', 'War values this month (V_A, V_B)', `Deal struck in month ${t.summary.dealAt}`,
    ]);
    expect(ds[2]!.data[0]).toEqual({ x: t.fields.valueA[5], y: t.fields.valueB[5] });
    const a = annotations(spec);
    expect(a.valueA).toMatchObject({ xMin: t.fields.valueA[5], xMax: t.fields.valueA[5] });
    expect(a.valueB).toMatchObject({ yMin: t.fields.valueB[5], yMax: t.fields.valueB[5] });
    expect(spec.finding).toMatch(/^In month 5 Russia values fighting on at 0\.\d\d and Ukraine at 0\.\d\d; the frontier passes north-east/);
    expect(spec.table.columns).toEqual(['point', 'u_A', 'u_B']);
    // Before the deal: no deal point.
    expect(datasets(utilityPlaneChart(t, s, { month: 2 }))).toHaveLength(3);
  });
  it('draws the adjusted frontier, so the plane agrees with the model\'s zone every month', () => {
    const s = setParam(alaska, 'issues', issues);
    const t = simulate(s, { seed: 1 });
    for (let m = 0; m <= (t.summary.endedAt ?? s.horizonMonths); m++) {
      const finding = utilityPlaneChart(t, s, { month: m }).finding;
      expect(finding, `month ${m}`).toMatch(t.fields.zoneOpen[m] === 1 ? /north-east/ : /south-west/);
      expect(finding).not.toMatch(/; but /);
    }
  });
  it('says so when only a grid of shares can be agreed and the grid shuts a zone the plane shows open', () => {
    const s = setParam(alaska, 'issues', issues);
    const t = simulate(s, { seed: 1 });
    const opened = t.fields.zoneOpen.indexOf(1);
    const m = opened >= 0 ? opened : 0;
    const f = { ...t.fields, zoneOpen: t.fields.zoneOpen.map((v, i) => (i === m ? 1 - v : v)) };
    expect(utilityPlaneChart({ ...t, fields: f }, s, { month: m }).finding).toMatch(/; but only a grid of shares of Territory can be agreed/);
  });
  it('the deal-zone chart with several issues: no band between the issue-0 lines, the strip decides, the deal lists every issue', () => {
    const s = setParam(alaska, 'issues', issues);
    const t = simulate(s, { seed: 1 });
    const spec = dealZoneChart(t, s);
    expect(datasets(spec)[1]!.fill).toBe(false);
    expect(spec.note).toMatch(/^Several issues: the two lines are each side's limit on Territory alone/);
    expect(spec.finding).toMatch(/giving Russia \d+% of Territory and \d+% of Sanctions relief\.$/);
    expect(Object.keys(annotations(spec)).some((k) => k.startsWith('strip'))).toBe(true);
  });
});

describe('paramDiff', () => {
  it('lists the parameters, seed and events that differ, with labels', () => {
    const cur: Scenario = { ...setParam(setParam(alaska, 'sides.A.discount', 0.98), 'bargaining.armistice', true), events: [{ month: 2, label: 'talks', set: { talkChance: 1 } }] };
    expect(paramDiff(alaska, cur, { baseline: 1, current: 7 })).toEqual([
      { path: 'seed', label: 'Seed', baseline: '1', current: '7' },
      { path: 'sides.A.discount', label: 'Russia: Discount factor (per month)', baseline: '0.995', current: '0.98' },
      { path: 'bargaining.armistice', label: 'Armistice mode', baseline: 'off', current: 'on' },
      { path: 'events', label: 'Scheduled events', baseline: 'none', current: 'm2 talks' },
    ]);
    expect(paramDiff(alaska, alaska)).toEqual([]);
  });
});
