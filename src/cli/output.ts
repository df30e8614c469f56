/**
 * What the CLI prints: readable tables, CSV and JSON for each job, and the
 * shard files that `merge` combines. JSON has a `manifest` that holds only
 * what determines the numbers (scenario, changes, seed, runs, model version)
 * and a separate `timing` object for what varies from run to run.
 */
import {
  MODEL_VERSION, TRACE_FIELDS, FAN_FIELDS, PERCENTILES,
  type MonteCarloResult, type SweepResult, type SensitivityResult, type Trace, type Scenario,
} from '../../models/index.ts';

export interface Manifest {
  tool: 'deal-zone';
  command: string;
  scenario: string;
  sets: string[];
  seed: number;
  runs: number;
  modelVersion: string;
  [key: string]: unknown;
}

export function makeManifest(command: string, scenario: Scenario, sets: string[], seed: number, runs: number, extra: Record<string, unknown> = {}): Manifest {
  return { tool: 'deal-zone', command, scenario: scenario.id, sets, seed, runs, modelVersion: MODEL_VERSION, ...extra };
}

/** JSON with typed arrays as plain arrays (and NaN as null, as JSON must). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v), 2);
}

function num(v: number, digits = 3): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '–';
}

function pct(v: number): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–';
}

/** A plain text table with right-aligned columns. */
export function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function csv(head: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [head.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** Months worth a row in a table: 0, 1, 3, 6, 12, then every 12, and the horizon. */
export function tableMonths(horizon: number): number[] {
  const ms = new Set([0, 1, 3, 6].filter((m) => m <= horizon));
  for (let m = 12; m <= horizon; m += 12) ms.add(m);
  ms.add(horizon);
  return [...ms].sort((a, b) => a - b);
}

// --- run ---------------------------------------------------------------

export function formatRun(trace: Trace, scenario: Scenario, manifest: Manifest, format: 'table' | 'csv' | 'json'): string {
  const F = trace.fields;
  const months = Array.from(trace.months);
  if (format === 'json') return toJson({ manifest, summary: trace.summary, events: trace.events, months: trace.months, fields: F }) + '\n';
  if (format === 'csv') return csv(['month', ...TRACE_FIELDS], months.map((m, i) => [m, ...TRACE_FIELDS.map((f) => F[f][i]!)]));
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const s = trace.summary;
  const end = s.endedAt ?? scenario.horizonMonths;
  const rows = months.filter((m) => m <= end).map((m) => [
    String(m), num(F.control[m]!), num(F.beliefA[m]!), num(F.beliefB[m]!), num(F.reservationA[m]!), num(F.reservationB[m]!),
    num(F.surplus[m]!), F.zoneOpen[m] ? 'open' : 'shut', F.deal[m] ? 'DEAL' : '',
  ]);
  const head = `${scenario.title}\nseed ${manifest.seed}, model ${MODEL_VERSION}: outcome ${s.outcome}; zone opens ${s.zoneOpensAt ?? 'never'}; deal ${s.dealAt ?? 'none'}${s.terms ? ` at ${pct(s.terms[0]!)} to ${A}` : ''}\n`;
  return head + textTable(['month', 'control', `belief ${A}`, `belief ${B}`, `r_A`, `r_B`, 'surplus', 'zone', 'deal'], rows) + '\n';
}

// --- mc ----------------------------------------------------------------

/** The CLI's Monte Carlo JSON: `{manifest, months, probabilities, quantiles, outcomeShares, medians}`. */
export function monteCarloJson(r: MonteCarloResult, manifest: Manifest): Record<string, unknown> {
  const { zoneOpenBy, dealBy, victoryABy, victoryBBy } = r.probabilities;
  return { manifest, months: r.months, probabilities: { zoneOpenBy, dealBy, victoryABy, victoryBBy }, quantiles: r.quantiles, outcomeShares: r.outcomeShares, medians: r.medians };
}

export function formatMonteCarlo(r: MonteCarloResult, scenario: Scenario, manifest: Manifest, format: 'table' | 'csv' | 'json', timing?: Record<string, number>): string {
  if (format === 'json') return toJson({ ...monteCarloJson(r, manifest), ...(timing ? { timing } : {}) }) + '\n';
  const P = r.probabilities;
  if (format === 'csv') {
    const head = ['month', 'zoneOpenBy', 'dealBy', 'victoryABy', 'victoryBBy', ...FAN_FIELDS.flatMap((f) => PERCENTILES.map((q) => `${f}_p${q}`))];
    const rows = Array.from(r.months).map((m, t) => [m, P.zoneOpenBy[t]!, P.dealBy[t]!, P.victoryABy[t]!, P.victoryBBy[t]!, ...FAN_FIELDS.flatMap((f) => PERCENTILES.map((q) => r.quantiles[f][`p${q}`][t]!))]);
    return csv(head, rows);
  }
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const o = r.outcomeShares;
  const lines = [
    `Monte Carlo: ${scenario.title}`,
    `${r.runs} runs, seed ${r.seed}, model ${r.modelVersion}${timing ? `, ${timing.seconds!.toFixed(2)} s on ${timing.threads} thread(s)` : ''}`,
    `outcomes at month ${r.horizonMonths}: deal ${pct(o.deal)}, victory ${A} ${pct(o.victoryA)}, victory ${B} ${pct(o.victoryB)}, still fighting ${pct(o.ongoing)}`,
    `median month the zone opens: ${r.medians.zoneOpensAt ?? `not within ${r.horizonMonths} months`}; median deal month: ${r.medians.dealAt ?? 'none'}${r.medians.terms ? `; median terms ${pct(r.medians.terms[0]!)} to ${A}` : ''}`,
    '',
  ];
  const rows = tableMonths(r.horizonMonths).map((t) => [
    String(t), pct(P.zoneOpenBy[t]!), pct(P.dealBy[t]!), pct(P.victoryABy[t]!), pct(P.victoryBBy[t]!),
    num(r.quantiles.surplus.p5[t]!), num(r.quantiles.surplus.p50[t]!), num(r.quantiles.surplus.p95[t]!),
  ]);
  return lines.join('\n') + textTable(['month', 'P(zone open)', 'P(deal)', `P(${A} wins)`, `P(${B} wins)`, 'surplus p5', 'p50', 'p95'], rows) + '\n';
}

// --- sweep ---------------------------------------------------------------

export function formatSweep(r: SweepResult, manifest: Manifest, format: 'table' | 'csv' | 'json', timing?: Record<string, number>): string {
  const xs = r.x.values, ys = r.y ? r.y.values : [Number.NaN];
  const cells = ys.flatMap((y, iy) => xs.map((x, ix) => ({ x, y, i: iy * xs.length + ix })));
  if (format === 'json') {
    return toJson({ manifest, x: r.x, y: r.y, dealProbability: r.dealProbability, medianZoneOpensAt: r.medianZoneOpensAt, medianTerms: r.medianTerms, ...(timing ? { timing } : {}) }) + '\n';
  }
  if (format === 'csv') {
    return csv([r.x.path, ...(r.y ? [r.y.path] : []), 'dealProbability', 'medianZoneOpensAt', 'medianTerms'],
      cells.map((c) => [c.x, ...(r.y ? [c.y] : []), r.dealProbability[c.i]!, r.medianZoneOpensAt[c.i]!, r.medianTerms[c.i]!]));
  }
  const title = `P(deal within the horizon), ${r.runs} runs per cell, seed ${r.seed}`;
  const head = [r.y ? `${r.y.path} \\ ${r.x.path}` : r.x.path, ...xs.map((x) => num(x, 3))];
  const rows = ys.map((y, iy) => [r.y ? num(y, 3) : 'P(deal)', ...xs.map((_x, ix) => pct(r.dealProbability[iy * xs.length + ix]!))]);
  const rows2 = ys.map((y, iy) => [r.y ? num(y, 3) : 'median month', ...xs.map((_x, ix) => {
    const v = r.medianZoneOpensAt[iy * xs.length + ix]!;
    return v > (manifest.horizon as number) ? 'never' : String(v);
  })]);
  return `${title}\n${textTable(head, rows)}\n\nmedian month the zone opens ("never" = not within the horizon)\n${textTable(head, rows2)}\n`;
}

// --- sensitivity ------------------------------------------------------------

export function formatSensitivity(r: SensitivityResult, manifest: Manifest, format: 'table' | 'csv' | 'json', timing?: Record<string, number>): string {
  if (format === 'json') return toJson({ manifest, output: r.output, base: r.base, tornado: r.tornado, morris: r.morris, ...(timing ? { timing } : {}) }) + '\n';
  if (format === 'csv') {
    const m = new Map(r.morris.map((e) => [e.path, e]));
    return csv(['path', 'low', 'high', 'outputLow', 'outputHigh', 'swing', 'morrisMu', 'morrisMuStar', 'morrisSigma'],
      r.tornado.map((b) => [b.path, b.low, b.high, b.outputLow, b.outputHigh, b.swing, m.get(b.path)?.mu ?? Number.NaN, m.get(b.path)?.muStar ?? Number.NaN, m.get(b.path)?.sigma ?? Number.NaN]));
  }
  const t = textTable(['parameter', 'low', 'high', 'output at low', 'at high', 'swing'],
    r.tornado.slice(0, 20).map((b) => [b.path, num(b.low), num(b.high), num(b.outputLow), num(b.outputHigh), num(b.swing)]));
  const mo = textTable(['parameter', 'μ*', 'μ', 'σ'], r.morris.slice(0, 20).map((e) => [e.path, num(e.muStar), num(e.mu), num(e.sigma)]));
  return `Sensitivity of ${r.output} (base ${num(r.base)}), ${r.runs} runs per point, seed ${r.seed}\n\nTornado (one at a time over each plausible range)\n${t}\n\nMorris screening (μ* = importance, σ = interactions/non-linearity)\n${mo}\n`;
}
