/**
 * Probability curves of a Monte Carlo (pure): P(zone open by t), P(deal by t),
 * P(victory A by t), P(victory B by t) — each the share of runs in which the
 * event happened at or before month t (models/montecarlo.ts). P(ripe by t)
 * is included but hidden (click its legend entry to show it). A pinned
 * baseline adds its P(deal by t) and P(zone open by t) dashed.
 */
import type { ChartConfiguration } from 'chart.js';
import type { MonteCarloResult, Scenario } from '../../../models/index.ts';
import { COLORS } from './dealZone.ts';
import { formatCount, pct, withAlpha } from './fan.ts';
import type { ChartSpec } from './mount.ts';
import { TIME_SERIES_OPTIONS } from './options.ts';

export const CURVE_COLORS = {
  zoneOpen: '#2ea043',
  deal: '#1d1d1f',
  victoryA: COLORS.A,
  victoryB: COLORS.B,
  ripe: '#8a6d00',
} as const;

export interface ProbabilityOptions {
  baseline?: MonteCarloResult | null;
}

/** The month used for "within a year" statements (capped at the horizon). */
export const YEAR = 12;

/** The finding: e.g. "In 38% of 2,000 runs a deal zone opens within 12 months; median opening month 15; …". */
export function probabilityFinding(mc: MonteCarloResult, scenario: Scenario): string {
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const H = mc.horizonMonths;
  const p = mc.probabilities;
  const m = Math.min(YEAR, H);
  const median = mc.medians.zoneOpensAt;
  const medianText = median === null ? `fewer than half the runs see a zone within ${H} months`
    : median === 0 ? 'median opening month 0 (open from the start)' : `median opening month ${median}`;
  const dealMedian = mc.medians.dealAt;
  const dealText = dealMedian === null ? '' : ` (median deal month ${dealMedian})`;
  return `In ${pct(p.zoneOpenBy[m]!)} of ${formatCount(mc.counts.runs)} runs a deal zone opens within ${m} months; ${medianText}. `
    + `By month ${H}, ${pct(p.dealBy[H]!)} end in a deal${dealText}, ${pct(p.victoryABy[H]!)} in a decisive ${A} victory and ${pct(p.victoryBBy[H]!)} in a decisive ${B} victory.`;
}

type Pt = { x: number; y: number };
const series = (months: Float64Array, a: Float64Array): Pt[] => Array.from(months, (x, i) => ({ x, y: a[i]! }));

export function probabilityCurvesChart(mc: MonteCarloResult, scenario: Scenario, options: ProbabilityOptions = {}): ChartSpec {
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const p = mc.probabilities;
  const line = (label: string, a: Float64Array, color: string, width = 2, extra: object = {}) => ({ label, data: series(mc.months, a), borderColor: color, backgroundColor: color, borderWidth: width, pointRadius: 0, fill: false, ...extra });
  const datasets = [
    line('P(deal zone open by month t)', p.zoneOpenBy, CURVE_COLORS.zoneOpen, 2.5),
    line('P(deal by month t)', p.dealBy, CURVE_COLORS.deal, 2.5),
    line(`P(decisive ${A} victory by month t)`, p.victoryABy, CURVE_COLORS.victoryA),
    line(`P(decisive ${B} victory by month t)`, p.victoryBBy, CURVE_COLORS.victoryB),
    line('P(ripe by month t)', p.ripeBy, CURVE_COLORS.ripe, 1.5, { hidden: true, borderDash: [2, 2] }),
  ];
  const base = options.baseline;
  if (base) {
    datasets.push(
      { ...line('Baseline: P(deal by month t)', base.probabilities.dealBy, withAlpha(CURVE_COLORS.deal, 0.6), 2, { borderDash: [6, 4] }), data: series(base.months, base.probabilities.dealBy) },
      { ...line('Baseline: P(zone open by month t)', base.probabilities.zoneOpenBy, withAlpha(CURVE_COLORS.zoneOpen, 0.7), 1.5, { borderDash: [6, 4] }), data: series(base.months, base.probabilities.zoneOpenBy) },
    );
  }
  const H = Math.max(mc.horizonMonths, base?.horizonMonths ?? 0);
  const m = Math.min(YEAR, mc.horizonMonths);
  const config = {
    type: 'line',
    data: { datasets },
    options: {
      ...TIME_SERIES_OPTIONS,
      scales: {
        x: { type: 'linear', min: 0, max: H, title: { display: true, text: 'month' } },
        y: { min: 0, max: 1, title: { display: true, text: 'share of runs' }, ticks: { callback: (v: number | string) => pct(Number(v)) } },
      },
      plugins: {
        legend: { position: 'bottom' },
        annotation: {
          annotations: {
            year: { type: 'line', xMin: m, xMax: m, borderColor: '#888', borderWidth: 1, borderDash: [3, 3], label: { display: true, content: `month ${m}`, position: 'end', backgroundColor: 'rgba(90,90,90,0.75)', font: { size: 10 } } },
          },
        },
        tooltip: { callbacks: { title: (items: { parsed: { x: number } }[]) => `by month ${items[0]?.parsed.x ?? ''}`, label: (c: { dataset: { label?: string }; parsed: { y: number } }) => `${c.dataset.label}: ${(c.parsed.y * 100).toFixed(1)}%` } },
      },
    },
  };
  return {
    config: config as unknown as ChartConfiguration,
    finding: probabilityFinding(mc, scenario),
    table: {
      columns: ['month', 'P(zone open by t)', 'P(deal by t)', `P(${A} victory by t)`, `P(${B} victory by t)`, 'P(ripe by t)'],
      rows: Array.from(mc.months, (t, i) => [t, p.zoneOpenBy[i]!, p.dealBy[i]!, p.victoryABy[i]!, p.victoryBBy[i]!, p.ripeBy[i]!]),
    },
  };
}
