/**
 * Fan charts of a Monte Carlo (pure: result in, Chart.js config out).
 *
 * - Reservation points: A's r_A and B's r_B per month, each as a median line
 *   with a darker p25–p75 band and a lighter p5–p95 band, in the deal-zone
 *   chart's colours (dealZone.ts COLORS). A pinned baseline adds its two
 *   medians as dashed lines.
 * - Surplus: r_B − r_A per month with the same bands and a zero line; above
 *   zero a zone is open (MODEL.md §3).
 *
 * Bands are percentiles across runs, month by month (models/montecarlo.ts,
 * accurate to a histogram bin); a run that ended (deal with stopAtDeal, or a
 * victory) keeps its last values.
 */
import type { ChartConfiguration } from 'chart.js';
import type { MonteCarloResult, PercentileBands, Scenario } from '../../../models/index.ts';
import { COLORS } from './dealZone.ts';
import type { ChartSpec } from './mount.ts';
import { TIME_SERIES_OPTIONS } from './options.ts';

/** `#rrggbb` with an alpha, as `rgba(...)`. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

/** 2000 → "2,000". */
export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');
/** 0.384 → "38%". */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Band opacities: the 5–95% band is lighter than the 25–75% band. */
export const BAND_ALPHA = { outer: 0.13, inner: 0.3 } as const;

/** Colours of the surplus fan. */
export const SURPLUS_COLOR = '#2f6f4f';

export interface FanOptions {
  /** A pinned Monte Carlo result: its medians are drawn dashed. */
  baseline?: MonteCarloResult | null;
}

type Pt = { x: number; y: number };
/** What a fan dataset draws (kept on the dataset for legend and tooltip filters). */
export type FanRole = 'edge' | 'outer' | 'inner' | 'median' | 'baseline';
export interface FanDataset {
  label: string;
  role: FanRole;
  data: Pt[];
  borderColor: string;
  backgroundColor: string;
  borderWidth: number;
  borderDash?: number[];
  pointRadius: number;
  pointHoverRadius?: number;
  fill: false | string;
}

const series = (months: Float64Array, a: Float64Array): Pt[] => Array.from(months, (x, i) => ({ x, y: a[i]! }));

/**
 * Five datasets drawing one fan: p5 edge, p95 filled down to it, p25 edge,
 * p75 filled down to it, then the median line (order matters: fill '-1').
 */
export function fanDatasets(months: Float64Array, bands: PercentileBands, color: string, name: string): FanDataset[] {
  const edge = (label: string, a: Float64Array): FanDataset => ({ label, role: 'edge', data: series(months, a), borderColor: 'transparent', backgroundColor: 'transparent', borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, fill: false });
  return [
    edge(`${name}, 5th percentile`, bands.p5),
    { label: `${name}: 90% of runs (5th–95th percentile)`, role: 'outer', data: series(months, bands.p95), borderColor: 'transparent', backgroundColor: withAlpha(color, BAND_ALPHA.outer), borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, fill: '-1' },
    edge(`${name}, 25th percentile`, bands.p25),
    { label: `${name}: middle 50% of runs`, role: 'inner', data: series(months, bands.p75), borderColor: 'transparent', backgroundColor: withAlpha(color, BAND_ALPHA.inner), borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, fill: '-1' },
    { label: `${name}: median`, role: 'median', data: series(months, bands.p50), borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, fill: false },
  ];
}

function baselineDataset(label: string, months: Float64Array, a: Float64Array, color: string): FanDataset {
  return { label, role: 'baseline', data: series(months, a), borderColor: withAlpha(color, 0.75), backgroundColor: withAlpha(color, 0.75), borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0, fill: false };
}

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/**
 * A y range that fits the 90% bands (and any extra series) with a little
 * room, rounded to `step`, within [floor, ceil]: the bands are what the eye
 * must compare, so the axis zooms onto them.
 */
export function fitRange(series: readonly ArrayLike<number>[], step: number, floor: number, ceil: number, minSpan = step * 2): { min: number; max: number } {
  let lo = Infinity, hi = -Infinity;
  for (const a of series) for (let i = 0; i < a.length; i++) { const v = a[i]!; if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; } }
  if (lo > hi) return { min: floor, max: ceil };
  let min = Math.max(floor, Math.floor((lo - step / 2) / step) * step);
  let max = Math.min(ceil, Math.ceil((hi + step / 2) / step) * step);
  if (max - min < minSpan) { const mid = (min + max) / 2; min = Math.max(floor, mid - minSpan / 2); max = Math.min(ceil, mid + minSpan / 2); }
  return { min: Number(min.toFixed(6)), max: Number(max.toFixed(6)) };
}

/** Shared options: linear month axis, legend without band edges, tooltips that read the bands. */
function fanOptions(H: number, yTitle: string, bandsByMedian: Map<number, PercentileBands>, yTicks: (v: number) => string, range: { min: number; max: number }, annotations: Record<string, object>): ChartConfiguration['options'] {
  return {
    ...TIME_SERIES_OPTIONS,
    scales: {
      x: { type: 'linear', min: 0, max: H, title: { display: true, text: 'month' } },
      y: { min: range.min, max: range.max, title: { display: true, text: yTitle }, ticks: { callback: (v) => yTicks(Number(v)) } },
    },
    plugins: {
      legend: { position: 'bottom', labels: { filter: (item, data) => (data.datasets[item.datasetIndex ?? 0] as unknown as FanDataset).role !== 'edge' } },
      annotation: { annotations },
      tooltip: {
        filter: (item) => { const r = (item.dataset as unknown as FanDataset).role; return r === 'median' || r === 'baseline'; },
        callbacks: {
          title: (items) => `month ${items[0]?.parsed.x ?? ''}`,
          label: (c) => {
            const b = bandsByMedian.get(c.datasetIndex);
            const i = c.dataIndex;
            if (!b) return `${c.dataset.label}: ${f2(c.parsed.y as number)}`;
            return `${c.dataset.label} ${f2(b.p50[i]!)} (middle 50%: ${f2(b.p25[i]!)} to ${f2(b.p75[i]!)}; 90%: ${f2(b.p5[i]!)} to ${f2(b.p95[i]!)})`;
          },
        },
      },
    },
  };
}

/** First month at which `ok(t)` holds from then on to the horizon, or null. */
function firstFromThenOn(n: number, ok: (t: number) => boolean): number | null {
  let first: number | null = null;
  for (let t = 0; t < n; t++) {
    if (ok(t)) { if (first === null) first = t; } else first = null;
  }
  return first;
}

/** The finding of the reservation-point fan. */
export function reservationFanFinding(mc: MonteCarloResult, scenario: Scenario): string {
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const qa = mc.quantiles.reservationA.p50, qb = mc.quantiles.reservationB.p50;
  const H = mc.horizonMonths;
  const n = qa.length;
  const cross = firstFromThenOn(n, (t) => qb[t]! >= qa[t]!);
  const crossText = cross === null
    ? `the medians never overlap for good within ${H} months (in the median run no zone stays open)`
    : cross === 0 ? `the median of ${B}'s is at or above ${A}'s throughout (a zone in the median run from the start)`
      : `from month ${cross} on the median of ${B}'s is at or above ${A}'s (a zone in the median run)`;
  return `Across ${formatCount(mc.counts.runs)} runs, the median least ${A} accepts goes from ${pct(qa[0]!)} to ${pct(qa[n - 1]!)} of the stakes and the median most ${B} concedes from ${pct(qb[0]!)} to ${pct(qb[n - 1]!)} over ${H} months; ${crossText}.`;
}

/** Reservation points of both sides as fans (median, 50% and 90% bands), with an optional dashed baseline. */
export function reservationFanChart(mc: MonteCarloResult, scenario: Scenario, options: FanOptions = {}): ChartSpec {
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const qa = mc.quantiles.reservationA, qb = mc.quantiles.reservationB;
  const datasets: FanDataset[] = [
    ...fanDatasets(mc.months, qa, COLORS.A, `${A}: least it accepts (r_A)`),
    ...fanDatasets(mc.months, qb, COLORS.B, `${B}: most it concedes (r_B)`),
  ];
  const bandsByMedian = new Map<number, PercentileBands>([[4, qa], [9, qb]]);
  const base = options.baseline;
  if (base) {
    datasets.push(
      baselineDataset(`Baseline: median r_A (${A})`, base.months, base.quantiles.reservationA.p50, COLORS.A),
      baselineDataset(`Baseline: median r_B (${B})`, base.months, base.quantiles.reservationB.p50, COLORS.B),
    );
  }
  const H = Math.max(mc.horizonMonths, base?.horizonMonths ?? 0);
  const range = fitRange([qa.p5, qa.p95, qb.p5, qb.p95, ...(base ? [base.quantiles.reservationA.p50, base.quantiles.reservationB.p50] : [])], 0.1, -1, 2);
  const config = {
    type: 'line',
    data: { datasets },
    options: fanOptions(H, `share of the stakes to ${A}`, bandsByMedian, (v) => `${Math.round(v * 100)}%`, range, {}),
  };
  const cols = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;
  return {
    config: config as unknown as ChartConfiguration,
    finding: reservationFanFinding(mc, scenario),
    table: {
      columns: ['month', ...cols.map((c) => `r_A ${c}`), ...cols.map((c) => `r_B ${c}`)],
      rows: Array.from(mc.months, (m, i) => [m, ...cols.map((c) => qa[c][i]!), ...cols.map((c) => qb[c][i]!)]),
    },
  };
}

/** The finding of the surplus fan. */
export function surplusFanFinding(mc: MonteCarloResult, scenario: Scenario): string {
  const q = mc.quantiles.surplus;
  const H = mc.horizonMonths;
  const n = q.p50.length;
  const from = firstFromThenOn(n, (t) => q.p50[t]! >= 0);
  const sign = (v: number) => (v >= 0 ? `+${v.toFixed(2)}` : `−${Math.abs(v).toFixed(2)}`);
  const when = from === null ? `it is not above zero for good within ${H} months`
    : from === 0 ? 'it is at or above zero throughout (a zone is open in the median run)'
      : `it is at or above zero from month ${from} on`;
  const openEnd = q.p5[n - 1]! >= 0 ? 'at the horizon even the 5th percentile is above zero'
    : q.p95[n - 1]! < 0 ? 'at the horizon even the 95th percentile is below zero'
      : `at the horizon the 90% band spans ${sign(q.p5[n - 1]!)} to ${sign(q.p95[n - 1]!)}`;
  void scenario;
  return `The median surplus (r_B − r_A; above zero = zone open) is ${sign(q.p50[0]!)} of the stakes at month 0 and ${sign(q.p50[n - 1]!)} at month ${H}; ${when}; ${openEnd}.`;
}

/** The surplus as a fan with the zero line: above zero a deal zone is open. */
export function surplusFanChart(mc: MonteCarloResult, scenario: Scenario, options: FanOptions = {}): ChartSpec {
  const q = mc.quantiles.surplus;
  const datasets: FanDataset[] = fanDatasets(mc.months, q, SURPLUS_COLOR, 'Surplus r_B − r_A');
  const base = options.baseline;
  if (base) datasets.push(baselineDataset('Baseline: median surplus', base.months, base.quantiles.surplus.p50, SURPLUS_COLOR));
  const H = Math.max(mc.horizonMonths, base?.horizonMonths ?? 0);
  // The axis always shows zero, with room on both sides for the two shaded regions.
  const fit = fitRange([q.p5, q.p95, ...(base ? [base.quantiles.surplus.p50] : [])], 0.05, -1.5, 1.5);
  const range = { min: Math.min(fit.min, -0.05), max: Math.max(fit.max, 0.05) };
  const annotations: Record<string, object> = {
    open: { type: 'box', yMin: 0, yMax: range.max, backgroundColor: 'rgba(46, 160, 67, 0.07)', borderWidth: 0, drawTime: 'beforeDatasetsDraw', label: { display: true, content: 'zone open (surplus ≥ 0)', position: { x: 'end', y: 'start' }, color: '#1a7f37', font: { size: 11, weight: 'bold' } } },
    shut: { type: 'box', yMin: range.min, yMax: 0, backgroundColor: 'rgba(214, 69, 65, 0.06)', borderWidth: 0, drawTime: 'beforeDatasetsDraw', label: { display: true, content: 'zone shut (surplus < 0)', position: { x: 'end', y: 'end' }, color: '#b42318', font: { size: 11, weight: 'bold' } } },
    zero: { type: 'line', yMin: 0, yMax: 0, borderColor: '#1d1d1f', borderWidth: 1.5 },
  };
  const config = {
    type: 'line',
    data: { datasets },
    options: fanOptions(H, 'surplus (share of the stakes)', new Map([[4, q]]), (v) => v.toFixed(2), range, annotations),
  };
  const cols = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;
  return {
    config: config as unknown as ChartConfiguration,
    finding: surplusFanFinding(mc, scenario),
    table: {
      columns: ['month', ...cols.map((c) => `surplus ${c}`)],
      rows: Array.from(mc.months, (m, i) => [m, ...cols.map((c) => q[c][i]!)]),
    },
  };
}
