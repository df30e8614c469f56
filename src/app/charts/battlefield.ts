/**
 * Chart 2, the battlefield (pure): A's share of the contested ground
 * (`control`), the true chance that A wins a month that moves (`winChance`,
 * ψ, MODEL.md §1) and what each side believes it is (`beliefA`, `beliefB`,
 * ψ̂, §4 step 5). The gap between the beliefs is what keeps a zone shut
 * (Slantchev 2003); watch it close as the war teaches both sides.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Scenario, Trace } from '../../../models/index.ts';
import type { ChartSpec } from './mount.ts';
import { SIDE_COLORS, cursorAnnotation, endAnnotations, lastMonth, monthAxis, monthAxisMax, pct, series, shownUpTo, type RunChartOptions } from './runCommon.ts';
import { TIME_SERIES_OPTIONS } from './options.ts';

export const TRUTH_COLOR = '#222';
export const CONTROL_COLOR = '#8d8d8d';

/** The finding: where beliefs start and end, against the truth, and how the line moved. */
export function battlefieldFinding(trace: Trace, scenario: Scenario, to = lastMonth(trace)): string {
  const F = trace.fields;
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const start = `At the start ${A} puts its chance of winning a month of fighting that moves at ${pct(F.beliefA[0]!)} and ${B} puts it at ${pct(F.beliefB[0]!)}, against a true ${pct(F.winChance[0]!)}`;
  if (to === 0) return `${start}; ${A} holds ${pct(F.control[0]!)} of the contested ground.`;
  const gap = Math.abs(F.beliefA[to]! - F.beliefB[to]!) * 100;
  return `${start}; by month ${to} the beliefs are ${pct(F.beliefA[to]!)} and ${pct(F.beliefB[to]!)} (${gap.toFixed(0)} points apart) and ${A} holds ${pct(F.control[to]!)} of the contested ground (from ${pct(F.control[0]!)}).`;
}

export function battlefieldChart(trace: Trace, scenario: Scenario, options: RunChartOptions = {}): ChartSpec {
  const F = trace.fields;
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const to = shownUpTo(trace, options.upTo);
  const annotations: Record<string, object> = { ...(trace.summary.endedAt !== null && trace.summary.endedAt <= to ? endAnnotations(trace, scenario, false) : {}), ...cursorAnnotation(options.cursor) };
  const config = {
    type: 'line',
    data: {
      datasets: [
        { label: `${A}'s share of the ground (control)`, data: series(F.control, to), borderColor: CONTROL_COLOR, backgroundColor: 'rgba(141,141,141,0.15)', borderWidth: 1.5, pointRadius: 0, stepped: true, fill: 'origin' },
        { label: `True chance ${A} wins a moving month (ψ)`, data: series(F.winChance, to), borderColor: TRUTH_COLOR, backgroundColor: TRUTH_COLOR, borderWidth: 2, pointRadius: 0, fill: false },
        { label: `${A} believes (ψ̂_A)`, data: series(F.beliefA, to), borderColor: SIDE_COLORS.A, backgroundColor: SIDE_COLORS.A, borderWidth: 2, borderDash: [6, 3], pointRadius: 0, fill: false },
        { label: `${B} believes (ψ̂_B)`, data: series(F.beliefB, to), borderColor: SIDE_COLORS.B, backgroundColor: SIDE_COLORS.B, borderWidth: 2, borderDash: [6, 3], pointRadius: 0, fill: false },
      ],
    },
    options: {
      ...TIME_SERIES_OPTIONS,
      scales: {
        x: monthAxis(monthAxisMax([trace])),
        y: { min: 0, max: 1, title: { display: true, text: 'share / probability' }, ticks: { callback: (v: number | string) => pct(Number(v)) } },
      },
      plugins: {
        legend: { position: 'bottom' },
        annotation: { annotations },
        tooltip: { callbacks: { label: (c: { dataset: { label?: string }; parsed: { y: number } }) => `${c.dataset.label}: ${pct(c.parsed.y, 1)}` } },
      },
    },
  };
  const last = lastMonth(trace);
  const rows: (string | number)[][] = [];
  for (let m = 0; m <= last; m++) rows.push([m, F.control[m]!, F.winChance[m]!, F.beliefA[m]!, F.beliefB[m]!]);
  return {
    config: config as unknown as ChartConfiguration,
    finding: battlefieldFinding(trace, scenario, to),
    table: { columns: ['month', 'control', 'winChance (ψ)', `beliefA (${A})`, `beliefB (${B})`], rows },
  };
}
