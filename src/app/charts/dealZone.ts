/**
 * Chart 1, the deal zone over time (pure: trace in, Chart.js config out).
 * A's and B's reservation points (MODEL.md §3) with the band between them
 * filled green where a zone is open (r_B ≥ r_A) and red where it is shut; the
 * line of control for reference; markers where the zone first opens, where a
 * deal is struck, at each scheduled event, and where the war ends. Months
 * after the end are frozen in the trace and are not drawn as fighting.
 * Optionally a pinned baseline's reservation points, dashed.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Scenario, Trace } from '../../../models/index.ts';
import type { ChartSpec } from './mount.ts';
import { cursorAnnotation, endAnnotations, lastMonth, monthAxis, monthAxisMax, pct, series, shownUpTo, stake, type RunChartOptions } from './runCommon.ts';
import { TIME_SERIES_OPTIONS } from './options.ts';

/** Event labels longer than this are cut on the chart (the full text is in the events panel). */
const EVENT_LABEL_MAX = 32;

export const COLORS = {
  A: '#b03a2e',
  B: '#1f5fa8',
  open: 'rgba(46, 160, 67, 0.28)',
  shut: 'rgba(214, 69, 65, 0.22)',
  control: '#6b6b6b',
  deal: '#1a7f37',
  event: '#8a6d00',
};

/** Several issues on the table: the lines are issue 0 alone, the zone is judged on the whole package. */
export function severalIssues(scenario: Scenario): boolean {
  return (scenario.issues?.length ?? 0) > 1;
}

/** "100% of Territory and 63% of Sanctions relief", or "60% of the contested stakes". */
export function termsWords(terms: readonly number[], scenario: Scenario): string {
  if (!severalIssues(scenario)) return `${pct(terms[0]!)} of the contested stakes`;
  const parts = scenario.issues!.map((it, k) => `${pct(terms[k] ?? 0)} of ${it.label}`);
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What the colours mean, for the line under the chart's title. */
export function dealZoneNote(scenario: Scenario): string {
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  if (severalIssues(scenario)) {
    const issue0 = scenario.issues![0]!.label;
    return `Several issues: the two lines are each side's limit on ${issue0} alone; whether a deal zone is open is judged on the whole package (trading issues, see the utility plane below), shown by the strip along the top: green = open, red = shut.`;
  }
  return `Green band: a deal zone is open, every split between the two lines is better for both sides than fighting on. `
    + `Red band: no such deal exists (${A} insists on more than ${B} will give). The strip along the top shows which, month by month.`;
}

/**
 * The plain-language finding of a run (aria-label and caption). During
 * playback (`to` before the run's end) only what has happened so far, so the
 * ending is not given away.
 */
export function dealZoneFinding(trace: Trace, scenario: Scenario, to: number = lastMonth(trace)): string {
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const s = trace.summary;
  if (to < lastMonth(trace)) {
    const F = trace.fields;
    const gap = F.surplus[to]!;
    const state = F.zoneOpen[to] ? `the zone is open (${stake(gap)} wide)` : `the zone is shut (gap ${stake(-gap)} of the stakes)`;
    const opened = s.zoneOpensAt !== null && s.zoneOpensAt <= to ? (s.zoneOpensAt === 0 ? 'a zone has been open from the start' : `a zone first opened in month ${s.zoneOpensAt}`) : 'no deal zone has opened yet';
    const deal = s.dealAt !== null && s.dealAt <= to ? `; a deal was struck in month ${s.dealAt}` : '';
    return `So far (months 0–${to} of ${scenario.horizonMonths}): ${opened}${deal}; in month ${to} ${state}.`;
  }
  const H = scenario.horizonMonths;
  if (s.dealAt !== null && s.terms) {
    const opened = s.zoneOpensAt === 0 ? 'A deal zone is open from the start' : `A deal zone opens in month ${s.zoneOpensAt}`;
    const stop = s.endedAt === s.dealAt ? ' and the war ends' : '';
    return `${opened}; a deal is struck in month ${s.dealAt}${stop}, giving ${A} ${termsWords(s.terms, scenario)}.`;
  }
  if (s.outcome === 'victoryA' || s.outcome === 'victoryB') {
    return `No deal: ${s.outcome === 'victoryA' ? A : B} wins decisively in month ${s.endedAt}${s.zoneOpensAt !== null ? ` (a zone had opened in month ${s.zoneOpensAt})` : ''}.`;
  }
  if (s.zoneOpensAt !== null) return `A deal zone opens in month ${s.zoneOpensAt}, but no talks strike a deal within ${H} months.`;
  const last = trace.fields.surplus[H]!;
  return `No deal zone in ${H} months: ${A}'s least acceptable share stays above the most ${B} will concede (gap ${stake(Math.abs(last))} of the stakes at the end).`;
}

/** A pinned run to compare with (its reservation points are drawn dashed). */
export interface Baseline {
  trace: Trace;
  scenario: Scenario;
  seed: number;
}

export interface DealZoneOptions extends RunChartOptions {
  baseline?: Baseline | null;
}

/**
 * A strip along the top of the plot: one box per stretch of months with the
 * zone open (green) or shut (red), so the state reads at a glance even when
 * the band between the lines is thin.
 */
export function zoneStrip(trace: Trace, to: number, yMin: number, yMax: number): Record<string, object> {
  const open = trace.fields.zoneOpen;
  const out: Record<string, object> = {};
  let start = 0;
  for (let m = 1; m <= to + 1; m++) {
    if (m <= to && open[m] === open[start]) continue;
    const isOpen = open[start] === 1;
    const wide = m - start >= 3;
    out[`strip${start}`] = {
      type: 'box', xMin: Math.max(0, start - 0.5), xMax: Math.min(m - 0.5, to), yMin, yMax, borderWidth: 0,
      backgroundColor: isOpen ? 'rgba(46,160,67,0.75)' : 'rgba(214,69,65,0.6)',
      label: { display: wide, content: isOpen ? 'zone open' : 'zone shut', color: '#fff', font: { size: 10, weight: 'bold' }, padding: 0 },
    };
    start = m;
  }
  return out;
}

export function dealZoneChart(trace: Trace, scenario: Scenario, options: DealZoneOptions = {}): ChartSpec & { note: string } {
  const F = trace.fields;
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const to = shownUpTo(trace, options.upTo);
  const s = trace.summary;
  // y range: what the lines reach over the whole run (not just the months revealed, so playback
  // does not rescale), with a margin, on a 5% grid; the zone band is often thin, so no fixed [0, 1].
  let lo = Infinity, hi = -Infinity;
  const reach = (a: Float64Array, upTo: number) => { for (let m = 0; m <= upTo; m++) { const v = a[m]!; if (v < lo) lo = v; if (v > hi) hi = v; } };
  const last = lastMonth(trace);
  for (const a of [F.reservationA, F.reservationB, F.control]) reach(a, last);
  const b = options.baseline;
  if (b) for (const a of [b.trace.fields.reservationA, b.trace.fields.reservationB]) reach(a, lastMonth(b.trace));
  if (s.terms) { lo = Math.min(lo, s.terms[0]!); hi = Math.max(hi, s.terms[0]!); }
  const yMin = Math.max(-1, Math.min(0.9, Math.floor((lo - 0.05) * 20) / 20));
  const yMax = Math.min(2, Math.max(yMin + 0.1, Math.ceil((hi + 0.05) * 20) / 20));
  const annotations: Record<string, object> = {};
  if (s.zoneOpensAt !== null && s.zoneOpensAt <= to) {
    annotations.zoneOpens = { type: 'line', xMin: s.zoneOpensAt, xMax: s.zoneOpensAt, borderColor: COLORS.deal, borderWidth: 2, borderDash: [2, 2], label: { display: s.zoneOpensAt > 0, content: 'zone opens', position: 'end', yAdjust: 18, backgroundColor: 'rgba(26,127,55,0.85)', font: { size: 11 }, padding: 3 } };
  }
  // Scheduled events: dotted lines labelled along the bottom, staggered so neighbours do not overlap.
  const scheduled = [...scenario.events].sort((a, b) => a.month - b.month);
  scheduled.forEach((e, i) => {
    const text = e.label.length > EVENT_LABEL_MAX ? `${e.label.slice(0, EVENT_LABEL_MAX - 1)}…` : e.label;
    annotations[`event${i}`] = { type: 'line', xMin: e.month, xMax: e.month, borderColor: COLORS.event, borderWidth: 1, borderDash: [4, 3], label: { display: true, content: `m${e.month}: ${text}`, position: 'start', yAdjust: -4 - 20 * (i % 3), backgroundColor: 'rgba(138,109,0,0.85)', font: { size: 10 }, padding: 3 } };
  });
  trace.events.filter((e) => e.kind === 'proposalRejected' && e.month <= to && e.terms).forEach((e, i) => {
    annotations[`rejected${i}`] = { type: 'point', xValue: e.month, yValue: e.terms![0], radius: 4, pointStyle: 'crossRot', borderColor: COLORS.event, borderWidth: 2, backgroundColor: 'transparent' };
  });
  const xMax = monthAxisMax(options.baseline ? [trace, options.baseline.trace] : [trace]);
  if (s.endedAt !== null && s.endedAt <= to) Object.assign(annotations, endAnnotations(trace, scenario, true, xMax));
  if (s.dealAt !== null && s.terms && s.dealAt <= to) {
    annotations.deal = { type: 'point', xValue: s.dealAt, yValue: s.terms[0], radius: 7, backgroundColor: COLORS.deal, borderColor: '#fff', borderWidth: 2 };
    const high = (s.terms[0]! - yMin) / (yMax - yMin) > 0.8;
    const right = s.dealAt / xMax > 0.6; // label to the left of the point, inside the plot
    const what = severalIssues(scenario) ? `${pct(s.terms[0]!)} of ${scenario.issues![0]!.label.replace(/\s*\(.*\)$/, '')}` : pct(s.terms[0]!);
    annotations.dealLabel = { type: 'label', xValue: s.dealAt, yValue: s.terms[0], xAdjust: right ? -10 : 10, yAdjust: high ? 44 : -18, position: right ? 'end' : 'start', content: [`deal: ${what} to ${A}`], font: { size: 12, weight: 'bold' }, color: COLORS.deal, backgroundColor: 'rgba(255,255,255,0.85)' };
  }
  Object.assign(annotations, cursorAnnotation(options.cursor));

  const datasets: object[] = [
    { label: `${A}: least it accepts (r_A)`, data: series(F.reservationA, to), borderColor: COLORS.A, backgroundColor: COLORS.A, borderWidth: 2.5, pointRadius: 0, fill: false },
    {
      label: `${B}: most it concedes (r_B)`, data: series(F.reservationB, to), borderColor: COLORS.B, backgroundColor: COLORS.B, borderWidth: 2.5, pointRadius: 0,
      // With several issues the zone is not the gap between these two lines: no band.
      fill: severalIssues(scenario) ? false : { target: 0, above: COLORS.open, below: COLORS.shut },
    },
    { label: `Line of control (${A}'s share held)`, data: series(F.control, to), borderColor: COLORS.control, backgroundColor: COLORS.control, borderWidth: 1.5, borderDash: [3, 3], pointRadius: 0, fill: false, stepped: true },
  ];
  if (b) {
    const bto = lastMonth(b.trace);
    datasets.push(
      { label: `Baseline: ${A} least (r_A)`, data: series(b.trace.fields.reservationA, bto), borderColor: 'rgba(176,58,46,0.6)', backgroundColor: 'rgba(176,58,46,0.6)', borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0, fill: false },
      { label: `Baseline: ${B} most (r_B)`, data: series(b.trace.fields.reservationB, bto), borderColor: 'rgba(31,95,168,0.6)', backgroundColor: 'rgba(31,95,168,0.6)', borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0, fill: false },
    );
  }

  Object.assign(annotations, zoneStrip(trace, to, yMax - (yMax - yMin) * 0.045, yMax));

  const config = {
    type: 'line',
    data: { datasets },
    options: {
      ...TIME_SERIES_OPTIONS,
      scales: {
        x: monthAxis(xMax),
        y: {
          min: yMin, max: yMax,
          title: { display: true, text: `${A}'s share of the stakes` },
          ticks: { callback: (v: number | string) => (Number(v) >= 0 && Number(v) <= 1 ? pct(Number(v)) : '') },
        },
      },
      plugins: {
        legend: { position: 'bottom' },
        annotation: { annotations },
        tooltip: { callbacks: { label: (c: { dataset: { label?: string }; parsed: { y: number } }) => `${c.dataset.label}: ${pct(c.parsed.y, 1)}` } },
      },
    },
  };
  const rows: (string | number)[][] = [];
  for (let m = 0; m <= last; m++) {
    const row: (string | number)[] = [m, F.reservationA[m]!, F.reservationB[m]!, F.surplus[m]!, F.zoneOpen[m] ? 'yes' : 'no', F.control[m]!];
    if (b) row.push(b.trace.fields.reservationA[Math.min(m, lastMonth(b.trace))]!, b.trace.fields.reservationB[Math.min(m, lastMonth(b.trace))]!);
    rows.push(row);
  }
  return {
    config: config as unknown as ChartConfiguration,
    finding: dealZoneFinding(trace, scenario, to),
    note: dealZoneNote(scenario),
    table: {
      columns: ['month', `r_A (${A})`, `r_B (${B})`, 'surplus', 'zone open', 'control', ...(b ? ['baseline r_A', 'baseline r_B'] : [])],
      rows,
    },
  };
}
