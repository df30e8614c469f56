/**
 * The distribution of deal terms in a Monte Carlo (pure): A's share of issue
 * 0 (the contested stakes) in the runs that struck a deal, from the counts'
 * TERM_BINS-bin histogram over [0, 1], coarsened to about 40 bars.
 */
import type { ChartConfiguration } from 'chart.js';
import { TERM_BINS, histogramPercentile, type MonteCarloResult, type Scenario } from '../../../models/index.ts';
import { COLORS } from './dealZone.ts';
import { formatCount, pct, withAlpha } from './fan.ts';
import type { ChartSpec } from './mount.ts';

/** One bar: the share interval [lo, hi) and the runs whose deal fell in it. */
export interface TermBar {
  lo: number;
  hi: number;
  count: number;
}

/** Group the fine histogram of issue `issue` into about `bars` bars (exact sums of whole bins). */
export function coarsenTerms(counts: ArrayLike<number>, issue = 0, bars = 40, bins = TERM_BINS): TermBar[] {
  const group = Math.max(1, Math.round(bins / Math.max(1, bars)));
  const out: TermBar[] = [];
  for (let b = 0; b < bins; b += group) {
    let n = 0;
    const end = Math.min(bins, b + group);
    for (let i = b; i < end; i++) n += counts[issue * bins + i]!;
    out.push({ lo: b / bins, hi: end / bins, count: n });
  }
  return out;
}

export interface TermsOptions {
  /** About how many bars (default 40). */
  bars?: number;
}

/** Deal terms (A's share of the contested stakes) as a histogram with the median marked. */
export function termsHistogramChart(mc: MonteCarloResult, scenario: Scenario, options: TermsOptions = {}): ChartSpec {
  const A = scenario.sides.A.label;
  const bars = coarsenTerms(mc.counts.terms, 0, options.bars ?? 40);
  const deals = bars.reduce((s, b) => s + b.count, 0);
  const runs = mc.counts.runs;
  const q = (p: number) => histogramPercentile(mc.counts.terms, 0, TERM_BINS, 0, 1, p, deals);
  const annotations: Record<string, object> = {};
  // Zoom onto the bars with deals (in steps of 10%), at least 30% wide.
  const used = bars.filter((b) => b.count > 0);
  let xMin = used.length ? Math.max(0, Math.floor(used[0]!.lo * 10 - 0.5) * 10) : 0;
  let xMax = used.length ? Math.min(100, Math.ceil(used[used.length - 1]!.hi * 10 + 0.5) * 10) : 100;
  if (xMax - xMin < 30) { const mid = (xMin + xMax) / 2; xMin = Math.max(0, Math.min(70, Math.round((mid - 15) / 10) * 10)); xMax = xMin + 30; }
  let finding: string;
  if (deals === 0) {
    finding = `No run of ${formatCount(runs)} strikes a deal within ${mc.horizonMonths} months, so there are no deal terms to show.`;
  } else {
    const med = q(50), lo = q(25), hi = q(75);
    annotations.median = { type: 'line', xMin: med * 100, xMax: med * 100, borderColor: COLORS.deal, borderWidth: 2, label: { display: true, content: `median ${pct(med)}`, position: 'end', backgroundColor: 'rgba(26,127,55,0.85)', font: { size: 11 } } };
    finding = `${formatCount(deals)} of ${formatCount(runs)} runs (${pct(deals / runs)}) end in a deal; the median deal gives ${A} ${pct(med)} of the contested stakes, and half the deals lie between ${pct(lo)} and ${pct(hi)}.`;
  }
  const config = {
    type: 'bar',
    data: {
      datasets: [{
        label: `Deals by ${A}'s share of the contested stakes`,
        data: bars.map((b) => ({ x: ((b.lo + b.hi) / 2) * 100, y: b.count })),
        backgroundColor: withAlpha(COLORS.deal, 0.7),
        borderColor: COLORS.deal,
        borderWidth: 0,
        barPercentage: 1,
        categoryPercentage: 1,
      }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', offset: false, min: xMin, max: xMax, title: { display: true, text: `${A}'s share of the contested stakes in the deal` }, ticks: { callback: (v: number | string) => `${v}%` } },
        y: { beginAtZero: true, title: { display: true, text: 'runs' }, ticks: { precision: 0 } },
      },
      plugins: {
        legend: { display: false },
        annotation: { annotations },
        tooltip: {
          callbacks: {
            title: (items: { dataIndex: number }[]) => { const b = bars[items[0]?.dataIndex ?? 0]!; return `${(b.lo * 100).toFixed(1)}–${(b.hi * 100).toFixed(1)}% to ${A}`; },
            label: (c: { parsed: { y: number } }) => `${formatCount(c.parsed.y)} runs (${deals > 0 ? ((c.parsed.y / deals) * 100).toFixed(1) : '0'}% of deals)`,
          },
        },
      },
    },
  };
  return {
    config: config as unknown as ChartConfiguration,
    finding,
    table: {
      columns: [`${A}'s share from`, 'to', 'runs', 'share of deals'],
      rows: bars.map((b) => [b.lo, b.hi, b.count, deals > 0 ? b.count / deals : 0]),
    },
  };
}
