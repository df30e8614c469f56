/**
 * Chart 3, the pressure on each side (pure): three small panels stacked on
 * one time axis (Chart.js stacked scales), so each quantity keeps a readable
 * scale: the monthly cost of war `costA/B` (stakes per month, §4 step 6),
 * exhaustion `exhaustionA/B` (0–1, step 4) and patience `patienceA/B`, the
 * monthly discount factor δ (step 7: exhaustion makes a side impatient).
 */
import type { ChartConfiguration } from 'chart.js';
import type { Scenario, Trace } from '../../../models/index.ts';
import type { ChartSpec } from './mount.ts';
import { SIDE_COLORS, cursorAnnotation, endAnnotations, lastMonth, monthAxis, monthAxisMax, pct, series, shownUpTo, type RunChartOptions } from './runCommon.ts';
import { TIME_SERIES_OPTIONS } from './options.ts';

/** Annotations span all three panels through a y scale id that no panel has. */
export const ALL_PANELS = { yScaleID: 'allPanels' } as const;

/** The finding: how costs, exhaustion and patience moved over the months shown. */
export function pressureFinding(trace: Trace, scenario: Scenario, to = lastMonth(trace)): string {
  const F = trace.fields;
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const c = (x: number) => `${(x * 100).toFixed(2)}%`;
  const span = to === 0 ? 'at the start' : `from month 0 to ${to}`;
  return `A month of war costs ${A} ${c(F.costA[0]!)}${to > 0 ? ` → ${c(F.costA[to]!)}` : ''} of the stakes and ${B} ${c(F.costB[0]!)}${to > 0 ? ` → ${c(F.costB[to]!)}` : ''} ${span}; `
    + `exhaustion is ${pct(F.exhaustionA[to]!)} for ${A} and ${pct(F.exhaustionB[to]!)} for ${B}, `
    + `and patience δ is ${F.patienceA[to]!.toFixed(3)} and ${F.patienceB[to]!.toFixed(3)} per month${to > 0 ? ` in month ${to}` : ''}.`;
}

export function pressureChart(trace: Trace, scenario: Scenario, options: RunChartOptions = {}): ChartSpec {
  const F = trace.fields;
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const to = shownUpTo(trace, options.upTo);
  const last = lastMonth(trace);
  // Patience panel range: δ sits just under 1; show its own spread.
  let dMin = 1;
  for (let m = 0; m <= last; m++) dMin = Math.min(dMin, F.patienceA[m]!, F.patienceB[m]!);
  const patienceMin = Math.max(0, Math.floor((dMin - 0.002) * 500) / 500);
  let kMax = 0;
  for (let m = 0; m <= last; m++) kMax = Math.max(kMax, F.costA[m]!, F.costB[m]!);
  const costMax = kMax > 0 ? Math.ceil(kMax * 1.15 * 1000) / 1000 : 0.01;
  const line = (label: string, data: Float64Array, color: string, axis: string, dash: number[] = []) => ({
    label, data: series(data, to), yAxisID: axis, borderColor: color, backgroundColor: color, borderWidth: 2, borderDash: dash, pointRadius: 0, fill: false,
  });
  const annotations: Record<string, object> = { ...(trace.summary.endedAt !== null && trace.summary.endedAt <= to ? endAnnotations(trace, scenario, false) : {}), ...cursorAnnotation(options.cursor) };
  for (const a of Object.values(annotations) as { yScaleID?: string }[]) a.yScaleID = ALL_PANELS.yScaleID;
  const panel = (title: string, weight: number, extra: object) => ({
    type: 'linear', position: 'left', stack: 'pressure', stackWeight: weight, offset: true,
    title: { display: true, text: title }, border: { color: '#999' }, ...extra,
  });
  const config = {
    type: 'line',
    data: {
      datasets: [
        line(`${A}: cost per month`, F.costA, SIDE_COLORS.A, 'cost'),
        line(`${B}: cost per month`, F.costB, SIDE_COLORS.B, 'cost'),
        line(`${A}: exhaustion`, F.exhaustionA, SIDE_COLORS.A, 'exhaustion', [6, 3]),
        line(`${B}: exhaustion`, F.exhaustionB, SIDE_COLORS.B, 'exhaustion', [6, 3]),
        line(`${A}: patience δ`, F.patienceA, SIDE_COLORS.A, 'patience', [2, 2]),
        line(`${B}: patience δ`, F.patienceB, SIDE_COLORS.B, 'patience', [2, 2]),
      ],
    },
    options: {
      ...TIME_SERIES_OPTIONS,
      scales: {
        x: monthAxis(monthAxisMax([trace])),
        // Stacked panels: the first listed is drawn at the bottom.
        patience: panel('patience δ', 1, { min: patienceMin, max: 1, ticks: { maxTicksLimit: 3, callback: (v: number | string) => Number(v).toFixed(3) } }),
        exhaustion: panel('exhaustion', 1, { min: 0, max: 1, ticks: { maxTicksLimit: 3, callback: (v: number | string) => pct(Number(v)) } }),
        cost: panel('cost / month', 1, { min: 0, max: costMax, ticks: { maxTicksLimit: 4, callback: (v: number | string) => `${(Number(v) * 100).toFixed(1)}%` } }),
      },
      plugins: {
        legend: { position: 'bottom' },
        annotation: { annotations },
        tooltip: {
          callbacks: {
            label: (c: { dataset: { label?: string; yAxisID?: string }; parsed: { y: number } }) => {
              const y = c.parsed.y;
              const v = c.dataset.yAxisID === 'cost' ? `${(y * 100).toFixed(2)}% of the stakes` : c.dataset.yAxisID === 'exhaustion' ? pct(y, 1) : y.toFixed(4);
              return `${c.dataset.label}: ${v}`;
            },
          },
        },
      },
    },
  };
  const rows: (string | number)[][] = [];
  for (let m = 0; m <= last; m++) rows.push([m, F.costA[m]!, F.costB[m]!, F.exhaustionA[m]!, F.exhaustionB[m]!, F.patienceA[m]!, F.patienceB[m]!]);
  return {
    config: config as unknown as ChartConfiguration,
    finding: pressureFinding(trace, scenario, to),
    table: { columns: ['month', `costA (${A})`, `costB (${B})`, 'exhaustionA', 'exhaustionB', 'patienceA (δ)', 'patienceB (δ)'], rows },
  };
}
