/**
 * Shared pieces of the single-run chart builders (pure: no DOM, no Chart.js
 * runtime). A run's trace is frozen after it ends (MODEL.md §4), so every
 * builder draws months 0..lastMonth only, and the playback cursor can reveal
 * the run month by month.
 */
import type { Scenario, Trace } from '../../../models/index.ts';

export const SIDE_COLORS = { A: '#b03a2e', B: '#1f5fa8' } as const;

/** Options every single-run chart takes. */
export interface RunChartOptions {
  /** The month under the cursor (a vertical line), or null. */
  cursor?: number | null;
  /** Classroom playback: draw data only up to this month (null = the whole run). */
  upTo?: number | null;
}

/** A point series for Chart.js with `parsing: false`. */
export type XY = { x: number; y: number };

/** The last month the war was fought: the month the run ended, else the horizon. */
export function lastMonth(trace: Trace): number {
  return trace.summary.endedAt ?? trace.months.length - 1;
}

/** The last month drawn: the run's last month, or the playback cursor if earlier. */
export function shownUpTo(trace: Trace, upTo?: number | null): number {
  const last = lastMonth(trace);
  return upTo === null || upTo === undefined ? last : Math.max(0, Math.min(last, Math.floor(upTo)));
}

/** Points (month, value) for months 0..to. */
export function series(a: Float64Array, to: number): XY[] {
  const out: XY[] = [];
  for (let m = 0; m <= to && m < a.length; m++) out.push({ x: m, y: a[m]! });
  return out;
}

/** "42%" */
export function pct(x: number, digits = 0): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** A share of the stakes: two decimals, three when tiny. */
export function stake(x: number): string {
  const a = Math.abs(x);
  return a !== 0 && a < 0.005 ? x.toFixed(3) : x.toFixed(2);
}

/** How the run ended, in words ("a deal in month 5", "Russia's decisive victory in month 23"). */
export function endWords(trace: Trace, scenario: Scenario): string | null {
  const s = trace.summary;
  if (s.endedAt === null) return null;
  if (s.outcome === 'victoryA') return `${scenario.sides.A.label}'s decisive victory in month ${s.endedAt}`;
  if (s.outcome === 'victoryB') return `${scenario.sides.B.label}'s decisive victory in month ${s.endedAt}`;
  return `a deal in month ${s.endedAt}`;
}

/** The vertical cursor line (the month is shown in the playback bar, so no label). */
export function cursorAnnotation(cursor: number | null | undefined): Record<string, object> {
  if (cursor === null || cursor === undefined) return {};
  return { cursor: { type: 'line', xMin: cursor, xMax: cursor, borderColor: 'rgba(0,0,0,0.7)', borderWidth: 1.5 } };
}

/**
 * The last month on the time axis. A run that ends early is drawn up to a
 * little after its end (the grey "war over" strip), not across the whole
 * horizon where it would be squeezed into a corner; with a baseline, up to
 * the later of the two ends. Playback does not change it, so the revealed
 * run grows into a fixed frame.
 */
export function monthAxisMax(traces: readonly Trace[]): number {
  const H = Math.max(...traces.map((t) => t.months.length - 1));
  const end = Math.max(...traces.map((t) => t.summary.endedAt ?? H));
  if (end >= H) return H;
  return Math.min(H, Math.max(12, end + Math.max(3, Math.ceil(end * 0.2))));
}

/**
 * The end of the war: a line at the month it ended and a grey box over the
 * frozen months after it, so nobody reads them as fighting.
 */
export function endAnnotations(trace: Trace, scenario: Scenario, labels = true, axisMax = trace.months.length - 1): Record<string, object> {
  const s = trace.summary;
  const H = axisMax;
  if (s.endedAt === null) return {};
  const deal = s.outcome === 'deal';
  const color = deal ? '#1a7f37' : s.outcome === 'victoryA' ? SIDE_COLORS.A : SIDE_COLORS.B;
  const how = deal ? ['a deal', `in month ${s.endedAt}`] : [`${s.outcome === 'victoryA' ? scenario.sides.A.label : scenario.sides.B.label} wins`, `in month ${s.endedAt}`];
  return {
    end: { type: 'line', xMin: s.endedAt, xMax: s.endedAt, borderColor: color, borderWidth: 2 },
    after: {
      type: 'box', xMin: s.endedAt, xMax: Math.max(H, s.endedAt), backgroundColor: 'rgba(120,120,120,0.09)', borderWidth: 0,
      label: { display: labels, content: ['war over:', ...how, '(nothing', 'changes after)'], color, font: { size: 11, weight: 'bold' }, textAlign: 'center', position: { x: 'center', y: 'end' }, yAdjust: -6 },
    },
  };
}

/** The shared x axis: months 0..max. */
export function monthAxis(max: number): object {
  return { type: 'linear', min: 0, max, title: { display: true, text: 'month' }, ticks: { precision: 0 } };
}
