/**
 * The many-runs chart builders (pure: results in, Chart.js config + finding +
 * table out), checked without a canvas on results computed by the models in
 * Node with few runs, or on hand-made results where a finding must be exact.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  TERM_BINS, axisValues, monteCarlo, pointOutput, scenarios, sensitivity, setParam, sweep,
  type MonteCarloResult, type Scenario, type SensitivityResult, type SweepResult,
} from '../../models/index.ts';
import { COLORS } from '../../src/app/charts/dealZone.ts';
import { BAND_ALPHA, fitRange, formatCount, reservationFanChart, surplusFanChart, withAlpha, type FanDataset } from '../../src/app/charts/fan.ts';
import { CURVE_COLORS, probabilityCurvesChart } from '../../src/app/charts/probabilities.ts';
import { coarsenTerms, termsHistogramChart } from '../../src/app/charts/terms.ts';
import { MISSING_COLOR, heatColor, heatmapChart, sweepValues, thresholdSentence, type HeatmapCell } from '../../src/app/charts/heatmap.ts';
import { formatOutput, outputLabel, paramName, paramPhrase, tornadoChart, tornadoFinding } from '../../src/app/charts/tornado.ts';
import { labelledPoints, listWords, morrisChart, morrisColor } from '../../src/app/charts/morris.ts';

// The views import the app's worker pool, which needs a browser: stand in for it.
vi.mock('../../src/app/engine.ts', () => ({ pool: { size: 1 }, runLatest: async () => null }));

const shipped = scenarios['alaska-2025']!;
const H = shipped.horizonMonths;

type Cfg = { type: string; data: { labels?: unknown[]; datasets: Record<string, unknown>[] }; options: Record<string, any> };
const cfg = (c: unknown) => c as Cfg;

let mc: MonteCarloResult;
beforeAll(() => {
  mc = monteCarlo(shipped, { runs: 2000, seed: 1 });
});

describe('fan charts', () => {
  it('draws both reservation points as 5-dataset fans in the deal-zone colours', () => {
    const spec = reservationFanChart(mc, shipped);
    const c = cfg(spec.config);
    expect(c.type).toBe('line');
    const ds = c.data.datasets as unknown as FanDataset[];
    expect(ds).toHaveLength(10);
    expect(ds.map((d) => d.role)).toEqual(['edge', 'outer', 'edge', 'inner', 'median', 'edge', 'outer', 'edge', 'inner', 'median']);
    // Bands fill down to the edge before them; medians are solid lines in COLORS.
    expect(ds[1]!.fill).toBe('-1');
    expect(ds[3]!.fill).toBe('-1');
    expect(ds[4]!.borderColor).toBe(COLORS.A);
    expect(ds[9]!.borderColor).toBe(COLORS.B);
    expect(ds[1]!.backgroundColor).toBe(withAlpha(COLORS.A, BAND_ALPHA.outer));
    expect(ds[8]!.backgroundColor).toBe(withAlpha(COLORS.B, BAND_ALPHA.inner));
    // The data are the percentiles, month by month.
    const qa = mc.quantiles.reservationA, qb = mc.quantiles.reservationB;
    expect(ds[0]!.data).toHaveLength(H + 1);
    expect(ds[0]!.data[7]).toEqual({ x: 7, y: qa.p5[7] });
    expect(ds[1]!.data[7]!.y).toBe(qa.p95[7]);
    expect(ds[4]!.data[30]!.y).toBe(qa.p50[30]);
    expect(ds[9]!.data[30]!.y).toBe(qb.p50[30]);
    // Band edges stay out of the legend.
    const filter = c.options.plugins.legend.labels.filter;
    expect(filter({ datasetIndex: 0 }, c.data)).toBe(false);
    expect(filter({ datasetIndex: 4 }, c.data)).toBe(true);
    expect(c.options.parsing).toBe(false);
    expect(c.options.animation).toBe(false);
    // The y axis fits the 90% bands.
    const lo = Math.min(...qa.p5, ...qb.p5), hi = Math.max(...qa.p95, ...qb.p95);
    expect(c.options.scales.y.min).toBeLessThanOrEqual(lo);
    expect(c.options.scales.y.max).toBeGreaterThanOrEqual(hi);
    // Finding and table.
    expect(spec.finding).toContain('2,000 runs');
    expect(spec.finding).toContain('Russia');
    expect(spec.finding).toContain('Ukraine');
    expect(spec.table.columns).toEqual(['month', 'r_A p5', 'r_A p25', 'r_A p50', 'r_A p75', 'r_A p95', 'r_B p5', 'r_B p25', 'r_B p50', 'r_B p75', 'r_B p95']);
    expect(spec.table.rows).toHaveLength(H + 1);
    expect(spec.table.rows[12]).toEqual([12, qa.p5[12], qa.p25[12], qa.p50[12], qa.p75[12], qa.p95[12], qb.p5[12], qb.p25[12], qb.p50[12], qb.p75[12], qb.p95[12]]);
  });

  it('overlays a baseline\'s medians as dashed lines', () => {
    const other = monteCarlo(setParam(shipped, 'levers.sanctions', 1), { runs: 300, seed: 1 });
    const ds = cfg(reservationFanChart(mc, shipped, { baseline: other }).config).data.datasets as unknown as FanDataset[];
    expect(ds).toHaveLength(12);
    const [a, b] = [ds[10]!, ds[11]!];
    expect(a.role).toBe('baseline');
    expect(a.borderDash).toEqual([6, 4]);
    expect(a.data[5]!.y).toBe(other.quantiles.reservationA.p50[5]);
    expect(b.data[5]!.y).toBe(other.quantiles.reservationB.p50[5]);
    expect(a.label).toMatch(/Baseline/);
  });

  it('shows the surplus with the zero line and zone open / shut regions', () => {
    const spec = surplusFanChart(mc, shipped);
    const c = cfg(spec.config);
    const ds = c.data.datasets as unknown as FanDataset[];
    expect(ds).toHaveLength(5);
    expect(ds[4]!.data[20]!.y).toBe(mc.quantiles.surplus.p50[20]);
    const ann = c.options.plugins.annotation.annotations;
    expect(ann.zero).toMatchObject({ type: 'line', yMin: 0, yMax: 0 });
    expect(ann.open).toMatchObject({ type: 'box', yMin: 0 });
    expect(ann.shut).toMatchObject({ type: 'box', yMax: 0 });
    expect(c.options.scales.y.min).toBeLessThan(0);
    expect(c.options.scales.y.max).toBeGreaterThan(0);
    expect(spec.finding).toMatch(/above zero = zone open/);
    expect(spec.table.columns).toEqual(['month', 'surplus p5', 'surplus p25', 'surplus p50', 'surplus p75', 'surplus p95']);
  });

  it('fits a range to the data in whole steps', () => {
    expect(fitRange([[0.62, 0.7], [0.81]], 0.1, -1, 2)).toEqual({ min: 0.5, max: 0.9 });
    expect(fitRange([[]], 0.1, -1, 2)).toEqual({ min: -1, max: 2 });
    expect(fitRange([[5]], 0.1, -1, 2).max).toBe(2);
    expect(formatCount(2000)).toBe('2,000');
  });
});

describe('probability curves', () => {
  it('draws P(zone open), P(deal), both victories (and hidden P(ripe)) by month', () => {
    const spec = probabilityCurvesChart(mc, shipped);
    const c = cfg(spec.config);
    const ds = c.data.datasets as { label: string; data: { x: number; y: number }[]; borderColor: string; hidden?: boolean }[];
    expect(ds.map((d) => d.borderColor)).toEqual([CURVE_COLORS.zoneOpen, CURVE_COLORS.deal, COLORS.A, COLORS.B, CURVE_COLORS.ripe]);
    expect(ds[0]!.label).toMatch(/zone open/);
    expect(ds[2]!.label).toContain('Russia');
    expect(ds[3]!.label).toContain('Ukraine');
    expect(ds[4]!.hidden).toBe(true);
    expect(ds[0]!.data[12]!.y).toBe(mc.probabilities.zoneOpenBy[12]);
    expect(ds[1]!.data[H]!.y).toBe(mc.probabilities.dealBy[H]);
    expect(ds[2]!.data[H]!.y).toBe(mc.probabilities.victoryABy[H]);
    expect(c.options.scales.y).toMatchObject({ min: 0, max: 1 });
    // Curves are cumulative: never fall.
    for (const d of ds) for (let t = 1; t < d.data.length; t++) expect(d.data[t]!.y).toBeGreaterThanOrEqual(d.data[t - 1]!.y);
  });

  it('states the finding with the run count and the median opening month', () => {
    const spec = probabilityCurvesChart(mc, shipped);
    const p12 = Math.round(mc.probabilities.zoneOpenBy[12]! * 100);
    const med = mc.medians.zoneOpensAt;
    expect(spec.finding.startsWith(`In ${p12}% of 2,000 runs a deal zone opens within 12 months; `)).toBe(true);
    if (med !== null && med > 0) expect(spec.finding).toContain(`median opening month ${med}`);
    expect(spec.finding).toContain(`By month ${H}, ${Math.round(mc.probabilities.dealBy[H]! * 100)}% end in a deal`);
    expect(spec.table.columns[0]).toBe('month');
    expect(spec.table.rows).toHaveLength(H + 1);
    expect(spec.table.rows[12]![1]).toBe(mc.probabilities.zoneOpenBy[12]);
  });

  it('says so when fewer than half the runs see a zone, and overlays a baseline dashed', () => {
    const shut = monteCarlo(setParam(setParam(shipped, 'sides.A.priorWins', 40), 'sides.A.priorLosses', 0.5), { runs: 200, seed: 3 });
    const spec = probabilityCurvesChart(shut, shipped, { baseline: mc });
    if (shut.medians.zoneOpensAt === null) expect(spec.finding).toContain(`fewer than half the runs see a zone within ${H} months`);
    const ds = cfg(spec.config).data.datasets as { label: string; borderDash?: number[]; data: { y: number }[] }[];
    const base = ds.find((d) => d.label === 'Baseline: P(deal by month t)')!;
    expect(base.borderDash).toEqual([6, 4]);
    expect(base.data[H]!.y).toBe(mc.probabilities.dealBy[H]);
    expect(spec.finding).toContain('200 runs');
  });
});

describe('deal terms histogram', () => {
  it('coarsens the TERM_BINS histogram into ~40 exact bars', () => {
    const bars = coarsenTerms(mc.counts.terms, 0, 40);
    expect(bars).toHaveLength(40);
    expect(bars[0]!.lo).toBe(0);
    expect(bars[39]!.hi).toBe(1);
    expect(bars[1]!.lo).toBeCloseTo(bars[0]!.hi, 12);
    const total = Array.from(mc.counts.terms.subarray(0, TERM_BINS)).reduce((a, b) => a + b, 0);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(total);
    const hand = new Uint32Array(TERM_BINS);
    hand[0] = 2; hand[4] = 3; hand[5] = 7; hand[199] = 1;
    expect(coarsenTerms(hand, 0, 40).slice(0, 2).map((b) => b.count)).toEqual([5, 7]);
    expect(coarsenTerms(hand, 0, 40)[39]!.count).toBe(1);
  });

  it('draws the bars with the median marked and states who gets what', () => {
    const spec = termsHistogramChart(mc, shipped);
    const c = cfg(spec.config);
    expect(c.type).toBe('bar');
    const data = c.data.datasets[0]!.data as { x: number; y: number }[];
    expect(data).toHaveLength(40);
    expect(data[0]!.x).toBeCloseTo(1.25, 9);
    const deals = data.reduce((s, d) => s + d.y, 0);
    expect(deals).toBe(Math.round(mc.probabilities.dealBy[H]! * 2000));
    expect(c.options.plugins.annotation.annotations.median.xMin).toBeCloseTo(mc.medians.terms![0]! * 100, 6);
    expect(spec.finding).toContain(`${formatCount(deals)} of 2,000 runs`);
    expect(spec.finding).toMatch(/the median deal gives Russia \d+% of the contested stakes/);
    expect(spec.table.rows).toHaveLength(40);
    // The x axis zooms onto the bars that have deals.
    const used = data.filter((d) => d.y > 0).map((d) => d.x);
    expect(c.options.scales.x.min).toBeLessThanOrEqual(Math.min(...used));
    expect(c.options.scales.x.max).toBeGreaterThanOrEqual(Math.max(...used));
  });

  it('says there are no terms when no run strikes a deal', () => {
    const none = monteCarlo(setParam(shipped, 'bargaining.talkChance', 0), { runs: 50, seed: 1 });
    const spec = termsHistogramChart(none, shipped);
    expect(spec.finding).toBe(`No run of 50 strikes a deal within ${H} months, so there are no deal terms to show.`);
    expect(cfg(spec.config).options.plugins.annotation.annotations.median).toBeUndefined();
  });
});

describe('sweep heatmap', () => {
  let sw: SweepResult;
  beforeAll(() => {
    sw = sweep(shipped, { x: { path: 'levers.sanctions', values: axisValues(0, 1, 3) }, y: { path: 'levers.guarantee', values: axisValues(0, 1, 2) }, runs: 40, seed: 1 });
  });

  it('lays cells out row-major as matrix data with colours from the ramp', () => {
    const spec = heatmapChart(sw, shipped, 'dealProbability');
    const c = cfg(spec.config);
    expect(c.type).toBe('matrix');
    const data = c.data.datasets[0]!.data as { x: number; y: number; v: number }[];
    expect(data).toHaveLength(6);
    expect(spec.nx).toBe(3);
    expect(spec.ny).toBe(2);
    expect(data[4]).toEqual({ x: 1, y: 1, v: sw.dealProbability[4] });
    expect(spec.cells[4]).toMatchObject({ index: 4, ix: 1, iy: 1, x: 0.5, y: 1 });
    expect(spec.cells[4]!.color).toBe(heatColor(sw.dealProbability[4]!));
    const bg = c.data.datasets[0]!.backgroundColor as (ctx: { dataIndex: number }) => string;
    expect(bg({ dataIndex: 4 })).toBe(spec.cells[4]!.color);
    // Cell size follows the chart area.
    const width = c.data.datasets[0]!.width as (ctx: unknown) => number;
    const height = c.data.datasets[0]!.height as (ctx: unknown) => number;
    expect(width({ chart: { chartArea: { width: 600, height: 300 } } })).toBe(200);
    expect(height({ chart: { chartArea: { width: 600, height: 300 } } })).toBe(150);
    expect(c.options.scales.x).toMatchObject({ min: -0.5, max: 2.5 });
    expect(c.options.scales.y).toMatchObject({ min: -0.5, max: 1.5 });
    expect(c.options.scales.x.ticks.callback(1)).toBe('0.5');
    // Legend: probabilities on a fixed 0–1 scale.
    expect(spec.legend).toMatchObject({ min: 0, max: 1, minLabel: '0.00', maxLabel: '1.00', missing: null });
    expect(spec.legend.gradient).toContain(heatColor(0));
    expect(spec.legend.gradient).toContain(heatColor(1));
    // Tooltip and table carry the values.
    expect(c.options.plugins.tooltip.callbacks.label({ dataIndex: 4 })).toBe(`P(deal within ${H} months): ${sw.dealProbability[4]!.toFixed(2)}`);
    expect(spec.table.rows).toHaveLength(6);
    expect(spec.table.rows[4]!.slice(0, 3)).toEqual([0.5, 1, sw.dealProbability[4]]);
    expect(spec.finding).toMatch(/^P\(deal within \d+ months\) (ranges from|is .* in every cell)/);
    expect(spec.finding).toContain('6 cells (3 × 2) of 40 runs each');
  });

  it('reports a click on a cell with its parameter values', () => {
    const clicked: HeatmapCell[] = [];
    const c = cfg(heatmapChart(sw, shipped, 'zoneOpenBy12', { onCellClick: (cell) => clicked.push(cell) }).config);
    c.options.onClick({}, [{ index: 5 }]);
    c.options.onClick({}, []);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatchObject({ index: 5, x: 1, y: 1 });
  });

  it('offers P(zone open by month 12) from the cell counts', () => {
    const v = sweepValues(sw, 'zoneOpenBy12');
    sw.cells.forEach((st, i) => expect(v[i]).toBe(pointOutput(st, 'zoneOpenBy12')));
    const spec = heatmapChart(sw, shipped, 'zoneOpenBy12');
    expect(spec.legend.title).toBe('P(zone open by month 12)');
    expect(spec.cells.map((c) => c.v)).toEqual(Array.from(v));
  });

  it('greys out cells whose median run sees no zone, and makes earlier months brighter', () => {
    const hand: SweepResult = { ...sw, medianZoneOpensAt: Float64Array.from([3, 10, H + 1, 3, 10, 20]) };
    const spec = heatmapChart(hand, shipped, 'medianZoneOpensAt');
    expect(spec.cells[2]!.color).toBe(MISSING_COLOR);
    expect(spec.cells[2]!.text).toBe(`not within ${H} months`);
    expect(spec.cells[0]!.color).toBe(heatColor(1));
    expect(spec.cells[5]!.color).toBe(heatColor(0));
    expect(spec.legend).toMatchObject({ min: 3, max: 20, minLabel: 'month 3', maxLabel: 'month 20', missing: { color: MISSING_COLOR, label: `not within ${H} months` } });
    expect(spec.finding).toContain(`In 1 of 6 cells the median run sees no zone within ${H} months (grey).`);
  });

  it('handles a 1-D sweep as one row', () => {
    const one = sweep(shipped, { x: { path: 'levers.sanctions', values: [0, 0.5, 1] }, runs: 20, seed: 2 });
    const spec = heatmapChart(one, shipped, 'dealProbability');
    expect(spec.ny).toBe(1);
    expect(spec.cells.every((c) => c.y === null && c.iy === 0)).toBe(true);
    expect(spec.table.columns).toHaveLength(5);
    expect(cfg(spec.config).options.scales.y.title.display).toBe(false);
  });

  it('answers "what level of sanctions opens a zone within a year" in words', () => {
    const fake = { x: { path: 'levers.sanctions', values: [0, 0.5, 1] }, y: { path: 'levers.guarantee', values: [0, 1] } } as unknown as SweepResult;
    const mk = (vs: number[]): HeatmapCell[] => vs.map((v, i) => ({ index: i, ix: i % 3, iy: Math.floor(i / 3), x: [0, 0.5, 1][i % 3]!, y: [0, 1][Math.floor(i / 3)]!, v, color: '', text: '' }));
    expect(thresholdSentence(fake, shipped, mk([0.1, 0.3, 0.6, 0.2, 0.7, 0.9]))).toBe('It is at least 50% from sanctions 1 with guarantee 0, and from sanctions 0.5 with guarantee 1.');
    expect(thresholdSentence(fake, shipped, mk([0.1, 0.6, 0.9, 0.2, 0.7, 0.9]))).toBe('It is at least 50% from sanctions 0.5 with guarantee 0 to 1.');
    expect(thresholdSentence(fake, shipped, mk([0.1, 0.1, 0.1, 0.1, 0.1, 0.6]))).toBe('It stays below 50% with guarantee 0, and is at least 50% from sanctions 1 with guarantee 1.');
    expect(thresholdSentence(fake, shipped, mk([0.9, 0.6, 0.1, 0.9, 0.9, 0.9]))).toBe('It is at least 50% up to sanctions 0.5 with guarantee 0, and at every sanctions with guarantee 1.');
    expect(thresholdSentence(fake, shipped, mk([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]))).toBe('It stays below 50% everywhere in this grid.');
    expect(thresholdSentence(fake, shipped, mk([0.5, 0.6, 0.9, 0.7, 0.7, 0.9]))).toBe('It is at least 50% everywhere in this grid.');
    // A 1-D sweep of a lever that lowers the odds.
    const one = { x: { path: 'sides.A.priorWins', values: [0.5, 20, 40] }, y: null } as unknown as SweepResult;
    const cells1 = [0.9, 0.6, 0.1].map((v, i) => ({ index: i, ix: i, iy: 0, x: [0.5, 20, 40][i]!, y: null, v, color: '', text: '' }));
    expect(thresholdSentence(one, shipped, cells1)).toBe('It is at least 50% up to Russia prior wins 20.');
  });
});

describe('tornado', () => {
  const hand: SensitivityResult = {
    scenarioId: 'alaska-2025', output: 'dealBy24', runs: 100, seed: 1, base: 0.4,
    tornado: [
      { path: 'sides.A.priorWins', label: 'Side A: Prior wins', low: 0.5, high: 40, outputLow: 0.85, outputHigh: 0.1, swing: 0.75 },
      { path: 'levers.sanctions', label: 'Mediator levers: Sanctions', low: 0, high: 1, outputLow: 0.3, outputHigh: 0.6, swing: 0.3 },
      { path: 'bargaining.talkChance', label: 'Bargaining: Talk chance', low: 0, high: 1, outputLow: 0, outputHigh: 0.2, swing: 0.2 },
      { path: 'war.aidEffect', label: 'War: Aid effect', low: 0, high: 2, outputLow: 0.4, outputHigh: 0.4, swing: 0 },
    ],
    morris: [],
  };

  it('states the strongest lever in words', () => {
    expect(tornadoFinding(hand, shipped)).toBe(
      "The probability of a deal by month 24 is most sensitive to Russia's prior wins: from 0.85 to 0.10 across its plausible range (0.5–40 pseudo-months); next come the mediator's sanctions and the talk chance. 3 of 4 parameters move it at all (base 0.40, 100 runs per point).",
    );
  });

  it('draws floating bars from the base to each end, labelled with the range', () => {
    const spec = tornadoChart(hand, shipped, { top: 3 });
    const c = cfg(spec.config);
    expect(c.type).toBe('bar');
    expect(c.options.indexAxis).toBe('y');
    expect(c.data.labels).toEqual([
      ['Russia: Prior wins', '0.5 → 40 pseudo-months'],
      ['Mediator levers: Sanctions', '0 → 1'],
      ['Bargaining: Talk chance', '0 → 1 probability/month'],
    ]);
    expect(c.data.datasets[0]!.data).toEqual([[0.4, 0.85], [0.4, 0.3], [0.4, 0]]);
    expect(c.data.datasets[1]!.data).toEqual([[0.4, 0.1], [0.4, 0.6], [0.4, 0.2]]);
    expect(c.options.plugins.annotation.annotations.base).toMatchObject({ xMin: 0.4, xMax: 0.4 });
    expect(c.options.scales.x).toMatchObject({ min: 0, max: 1 });
    expect(c.options.plugins.tooltip.callbacks.label({ dataIndex: 0, datasetIndex: 0 })).toBe('at 0.5 pseudo-months: 0.85 (base 0.40)');
    // The table lists every parameter, not just the top ones.
    expect(spec.table.rows).toHaveLength(4);
  });

  it('names outputs, parameters and values', () => {
    expect(outputLabel('dealBy24', 60)).toBe('P(deal by month 24)');
    expect(outputLabel('zoneOpenBy12', 6)).toBe('P(zone open by month 6)');
    expect(outputLabel('medianTerms', 60, 'Russia')).toBe("median deal terms (Russia's share)");
    expect(formatOutput('medianZoneOpensAt', 61, 60)).toBe('not within 60 months');
    expect(formatOutput('medianZoneOpensAt', 14, 60)).toBe('month 14');
    expect(formatOutput('medianTerms', Number.NaN, 60)).toBe('no deal');
    expect(paramName('sides.B.baseCost', shipped)).toBe('Ukraine: Base cost');
    expect(paramPhrase('sides.B.baseCost', shipped)).toBe("Ukraine's base cost");
    expect(paramPhrase('levers.guarantee', shipped)).toBe("the mediator's guarantee");
  });

  it('builds from a real (small) sensitivity analysis', () => {
    const res = sensitivity(shipped, { output: 'zoneOpenBy12', runs: 20, seed: 1, paths: ['levers.sanctions', 'levers.aid', 'sides.A.baseCost', 'sides.B.priorWins'], trajectories: 2 });
    const spec = tornadoChart(res, shipped);
    expect(cfg(spec.config).data.datasets[0]!.data).toHaveLength(4);
    expect(spec.finding).toMatch(/^The probability that a deal zone opens by month 12 /);
    const m = morrisChart(res, shipped, { trajectories: 2 });
    expect((cfg(m.config).data.datasets[0]!.data as unknown[]).length).toBe(4);
    expect(m.finding).toContain('2 trajectories');
  });
});

describe('Morris screening', () => {
  const res: SensitivityResult = {
    scenarioId: 'alaska-2025', output: 'dealBy24', runs: 50, seed: 1, base: 0.5, tornado: [],
    morris: [
      { path: 'bargaining.talkChance', label: 'Bargaining: Talk chance', mu: 0.5, muStar: 0.5, sigma: 0.8 },
      { path: 'sides.A.domesticBound', label: 'Side A: Domestic bound', mu: -0.3, muStar: 0.3, sigma: 0.1 },
      { path: 'sides.A.baseCost', label: 'Side A: Base cost', mu: 0.29, muStar: 0.29, sigma: 0.11 },
      { path: 'sides.B.baseCost', label: 'Side B: Base cost', mu: 0.1, muStar: 0.1, sigma: 0.05 },
      { path: 'war.aidEffect', label: 'War: Aid effect', mu: 0, muStar: 0.001, sigma: 0 },
    ],
  };

  it('plots μ* against σ coloured by side, with the σ = μ* line', () => {
    const spec = morrisChart(res, shipped, { trajectories: 6 });
    const c = cfg(spec.config);
    expect(c.type).toBe('scatter');
    expect(c.data.datasets[0]!.data).toEqual(res.morris.map((m) => ({ x: m.muStar, y: m.sigma })));
    expect(c.data.datasets[0]!.pointBorderColor).toEqual(['#555555', COLORS.A, COLORS.A, COLORS.B, '#555555']);
    expect(morrisColor('levers.aid')).toBe('#8a6d00');
    const ann = c.options.plugins.annotation.annotations;
    expect(ann.diagonal).toMatchObject({ type: 'line', xMin: 0, yMin: 0 });
    // Labels: the important ones, not the crowded neighbour nor the negligible one.
    expect(labelledPoints(res.morris, 8)).toEqual([{ index: 0, side: 'right' }, { index: 1, side: 'right' }, { index: 2, side: 'left' }, { index: 3, side: 'right' }]);
    expect(labelledPoints(res.morris, 2)).toHaveLength(2);
    expect(Object.keys(ann).filter((k) => k.startsWith('label'))).toEqual(['label0', 'label1', 'label2', 'label3']);
    expect(ann.label2).toMatchObject({ position: { x: 'end', y: 'center' }, xAdjust: -7 });
    expect(ann.label0.content).toEqual(['Bargaining: Talk chance']);
    expect(spec.table.rows[1]).toEqual(['Russia: Domestic bound', 'sides.A.domesticBound', 0.3, -0.3, 0.1]);
  });

  it('names the most influential parameters and flags interactions', () => {
    expect(morrisChart(res, shipped, { trajectories: 6 }).finding).toBe(
      "Morris screening of P(deal by month 24) (6 trajectories, 50 runs per point): the most influential parameters are the talk chance (μ* 0.500), Russia's domestic bound (μ* 0.300) and Russia's base cost (μ* 0.290). For the talk chance, σ exceeds μ*: the effect depends on the other parameters (non-linear or interacting).",
    );
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('view helpers', () => {
  it('lists the parameters that differ between a baseline and a result', async () => {
    const { scenarioDifferences } = await import('../../src/app/views/montecarlo.ts');
    const b: Scenario = setParam(setParam(shipped, 'levers.sanctions', 0.9), 'sides.A.priorWins', 12);
    const diffs = scenarioDifferences(shipped, b);
    expect(diffs.map((d) => d.path).sort()).toEqual(['levers.sanctions', 'sides.A.priorWins']);
    expect(diffs.find((d) => d.path === 'levers.sanctions')).toMatchObject({ label: 'Mediator levers: Sanctions', from: String(shipped.levers.sanctions), to: '0.9' });
    expect(scenarioDifferences(shipped, shipped)).toEqual([]);
  });

  it('turns the sweep form into axes, and a cell into a valid scenario', async () => {
    const { axisFromForm, scenarioForCell, PRESET_AXES, sweepableParams } = await import('../../src/app/views/sweep.ts');
    expect(axisFromForm(PRESET_AXES.x, 'x')).toEqual({ ok: true, axis: { path: 'levers.sanctions', values: axisValues(0, 1, 6) } });
    expect(PRESET_AXES.y).toEqual({ path: 'levers.guarantee', lo: 0, hi: 1, steps: 6 });
    const bad = axisFromForm({ path: 'levers.sanctions', lo: 0, hi: 1.5, steps: 6 }, 'x');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/x to: levers.sanctions = 1.5 is outside/);
    // Integer parameters are rounded and de-duplicated.
    const steps = axisFromForm({ path: 'war.decisiveSteps', lo: 4, hi: 6, steps: 6 }, 'y');
    expect(steps).toEqual({ ok: true, axis: { path: 'war.decisiveSteps', values: [4, 5, 6] } });
    expect(sweepableParams().some((d) => d.path === 'horizonMonths' || d.kind === 'boolean')).toBe(false);
    const r = scenarioForCell(shipped, { x: { path: 'levers.sanctions', values: [] }, y: { path: 'levers.guarantee', values: [] } }, { x: 0.8, y: 0.2 });
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.scenario.levers.sanctions, r.scenario.levers.guarantee]).toEqual([0.8, 0.2]);
  });
});
