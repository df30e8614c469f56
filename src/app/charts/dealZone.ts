/**
 * Chart 1, the deal zone over time (pure: trace in, Chart.js config out).
 * A's and B's reservation points with the band between them filled green
 * where a zone is open (r_B ≥ r_A) and red where it is shut; the line of
 * control for reference; markers where the zone first opens, where a deal is
 * struck, and at each scheduled event.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Scenario, Trace } from '../../../models/index.ts';
import type { ChartSpec } from './mount.ts';

export const COLORS = {
  A: '#b03a2e',
  B: '#1f5fa8',
  open: 'rgba(46, 160, 67, 0.28)',
  shut: 'rgba(214, 69, 65, 0.16)',
  control: '#6b6b6b',
  deal: '#1a7f37',
  event: '#8a6d00',
};

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** The plain-language finding of a run (aria-label and caption). */
export function dealZoneFinding(trace: Trace, scenario: Scenario): string {
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const s = trace.summary;
  const H = scenario.horizonMonths;
  if (s.dealAt !== null && s.terms) {
    const opened = s.zoneOpensAt === 0 ? 'A deal zone is open from the start' : `A deal zone opens in month ${s.zoneOpensAt}`;
    return `${opened}; a deal is struck in month ${s.dealAt} giving ${pct(s.terms[0]!)} of the contested stakes to ${A}.`;
  }
  if (s.outcome === 'victoryA' || s.outcome === 'victoryB') {
    return `No deal: ${s.outcome === 'victoryA' ? A : B} wins decisively in month ${s.endedAt}${s.zoneOpensAt !== null ? ` (a zone had opened in month ${s.zoneOpensAt})` : ''}.`;
  }
  if (s.zoneOpensAt !== null) return `A deal zone opens in month ${s.zoneOpensAt}, but no talks strike a deal within ${H} months.`;
  const last = trace.fields.surplus[H]!;
  return `No deal zone in ${H} months: ${A}'s reservation point stays above ${B}'s (gap ${Math.abs(last).toFixed(2)} of the stakes at the end).`;
}

/** Options: the month under the cursor, if any. */
export interface DealZoneOptions {
  cursor?: number | null;
}

export function dealZoneChart(trace: Trace, scenario: Scenario, options: DealZoneOptions = {}): ChartSpec {
  const F = trace.fields;
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const months = Array.from(trace.months);
  const pts = (a: Float64Array) => months.map((x, i) => ({ x, y: a[i]! }));
  const annotations: Record<string, object> = {};
  const s = trace.summary;
  if (s.zoneOpensAt !== null) {
    annotations.zoneOpens = { type: 'line', xMin: s.zoneOpensAt, xMax: s.zoneOpensAt, borderColor: COLORS.deal, borderWidth: 2, borderDash: [2, 2], label: { display: true, content: 'zone opens', position: 'start', backgroundColor: 'rgba(26,127,55,0.85)', font: { size: 11 } } };
  }
  if (s.dealAt !== null && s.terms) {
    annotations.deal = { type: 'point', xValue: s.dealAt, yValue: s.terms[0], radius: 7, backgroundColor: COLORS.deal, borderColor: '#fff', borderWidth: 2 };
    annotations.dealLabel = { type: 'label', xValue: s.dealAt, yValue: s.terms[0], yAdjust: -18, content: [`deal: ${pct(s.terms[0]!)} to ${A}`], font: { size: 11, weight: 'bold' }, color: COLORS.deal };
  }
  trace.events.filter((e) => e.kind === 'event').forEach((e, i) => {
    annotations[`event${i}`] = { type: 'line', xMin: e.month, xMax: e.month, borderColor: COLORS.event, borderWidth: 1, borderDash: [4, 3], label: { display: true, content: e.label, position: 'end', rotation: 0, backgroundColor: 'rgba(138,109,0,0.8)', font: { size: 10 } } };
  });
  if (options.cursor !== null && options.cursor !== undefined) {
    annotations.cursor = { type: 'line', xMin: options.cursor, xMax: options.cursor, borderColor: '#222', borderWidth: 1 };
  }
  const config: ChartConfiguration<'line', { x: number; y: number }[]> = {
    type: 'line',
    data: {
      datasets: [
        { label: `${A}: least it accepts (r_A)`, data: pts(F.reservationA), borderColor: COLORS.A, backgroundColor: COLORS.A, borderWidth: 2, pointRadius: 0, fill: false },
        {
          label: `${B}: most it concedes (r_B)`, data: pts(F.reservationB), borderColor: COLORS.B, backgroundColor: COLORS.B, borderWidth: 2, pointRadius: 0,
          fill: { target: 0, above: COLORS.open, below: COLORS.shut },
        },
        { label: `Line of control (${A}'s share held)`, data: pts(F.control), borderColor: COLORS.control, borderWidth: 1, borderDash: [3, 3], pointRadius: 0, fill: false, stepped: true },
      ],
    },
    options: {
      parsing: false,
      normalized: true,
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', min: 0, max: scenario.horizonMonths, title: { display: true, text: 'month' } },
        y: { min: -0.25, max: 1.25, title: { display: true, text: `share of the stakes to ${A}` }, ticks: { callback: (v) => (Number(v) >= 0 && Number(v) <= 1 ? pct(Number(v)) : '') } },
      },
      plugins: {
        legend: { position: 'bottom' },
        annotation: { annotations },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${(c.parsed.y as number).toFixed(3)}` } },
      },
    },
  };
  return {
    config: config as unknown as ChartConfiguration,
    finding: dealZoneFinding(trace, scenario),
    table: {
      columns: ['month', `r_A (${A})`, `r_B (${B})`, 'surplus', 'zone open', 'control'],
      rows: months.map((m, i) => [m, F.reservationA[i]!, F.reservationB[i]!, F.surplus[i]!, F.zoneOpen[i] ? 'yes' : 'no', F.control[i]!]),
    },
  };
}
