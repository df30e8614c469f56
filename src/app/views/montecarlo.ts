/**
 * The Monte Carlo view: many runs of the scenario (each with dice derived
 * from the seed and the run number), computed in the worker pool with
 * progress and cancel, shown as probability curves, fans of the reservation
 * points and of the surplus, and a histogram of deal terms. A result can be
 * pinned as a baseline: later results overlay its P(deal by t) and medians
 * (dashed) and list the parameters that differ.
 *
 * The result and the baseline live in this module, so they survive switching
 * tabs; a job keeps running in the background when the tab is left.
 */
import { MODEL_VERSION, getParam, parameterDescriptors, type MonteCarloResult, type Scenario } from '../../../models/index.ts';
import { pool } from '../engine.ts';
import { store } from '../state.ts';
import { download, fileName, manifest, toCsv } from '../export.ts';
import { mountChart, type ChartSpec, type MountedChart } from '../charts/mount.ts';
import { reservationFanChart, surplusFanChart } from '../charts/fan.ts';
import { probabilityCurvesChart } from '../charts/probabilities.ts';
import { termsHistogramChart } from '../charts/terms.ts';
import { paramName, formatParamValue } from '../charts/tornado.ts';
import { JobRunner, count, createJobPanel, nextTask, numberField, type JobPanel, type JobStatus } from './progress.ts';
import { h } from '../dom.ts';
import type { View } from './registry.ts';

/** Default number of runs. */
export const DEFAULT_RUNS = 2000;
/** Most runs one job may ask for. */
export const MAX_RUNS = 1_000_000;

interface McRun {
  result: MonteCarloResult;
  scenario: Scenario;
  seed: number;
  /** Identity of (scenario, seed), to tell when the inputs changed since. */
  key: string;
  seconds: number;
}

/** One parameter that differs between two scenarios. */
export interface ParamDifference {
  path: string;
  label: string;
  from: string;
  to: string;
}

/** Parameters (descriptor paths, via getParam) plus events and issues that differ from `a` to `b`. */
export function scenarioDifferences(a: Scenario, b: Scenario): ParamDifference[] {
  const out: ParamDifference[] = [];
  const show = (path: string, v: unknown) => (typeof v === 'number' ? formatParamValue(path, v) : String(v));
  for (const d of parameterDescriptors) {
    const va = getParam(a, d.path), vb = getParam(b, d.path);
    if (!Object.is(va, vb)) out.push({ path: d.path, label: paramName(d.path, b), from: show(d.path, va), to: show(d.path, vb) });
  }
  if (JSON.stringify(a.events) !== JSON.stringify(b.events)) out.push({ path: 'events', label: 'Scheduled events', from: `${a.events.length} events`, to: `${b.events.length} events` });
  if (JSON.stringify(a.issues ?? []) !== JSON.stringify(b.issues ?? [])) out.push({ path: 'issues', label: 'Issues', from: `${(a.issues ?? []).length || 1}`, to: `${(b.issues ?? []).length || 1}` });
  for (const side of ['A', 'B'] as const) {
    if (a.sides[side].label !== b.sides[side].label) out.push({ path: `sides.${side}.label`, label: `Side ${side} name`, from: a.sides[side].label, to: b.sides[side].label });
  }
  return out;
}

const keyOf = (scenario: Scenario, seed: number) => `${seed}|${JSON.stringify(scenario)}`;

const state: { runs: number; baseline: McRun | null } = { runs: DEFAULT_RUNS, baseline: null };
const job = new JobRunner<McRun>('The Monte Carlo', 'result');

interface Ui {
  panel: JobPanel;
  runsInput: HTMLInputElement;
  runButton: HTMLButtonElement;
  pinButton: HTMLButtonElement;
  unpinButton: HTMLButtonElement;
  csvButton: HTMLButtonElement;
  meta: HTMLElement;
  baselineBox: HTMLElement;
  chartsBox: HTMLElement;
  charts: Map<string, MountedChart>;
  off: () => void;
}

let ui: Ui | null = null;
let renderToken = 0;

const setStatus = (kind: JobStatus, message: string): void => job.setStatus(kind, message);

function syncButtons(): void {
  if (!ui) return;
  const running = job.running;
  ui.runButton.disabled = running;
  ui.runsInput.disabled = running;
  ui.pinButton.disabled = !job.last || state.baseline === job.last;
  ui.unpinButton.hidden = !state.baseline;
  ui.csvButton.disabled = !job.last;
}

function describeMeta(): void {
  if (!ui) return;
  const run = job.last;
  if (!run) {
    ui.meta.textContent = job.controller ? 'No result yet.' : `No result yet: press Run to simulate ${count(state.runs)} runs of “${store.get().scenario.title}” with seed ${store.get().seed}.`;
    return;
  }
  const { scenario, seed } = store.get();
  const stale = keyOf(scenario, seed) !== run.key;
  ui.meta.replaceChildren(
    h('span', { text: `“${run.scenario.title}” · seed ${run.seed} · ${count(run.result.counts.runs)} runs · ${run.result.horizonMonths} months · model ${MODEL_VERSION} · ${run.seconds.toFixed(1)} s` }),
    ...(stale ? [h('strong', { class: 'stale', text: ' · The parameters or seed have changed since: press Run to update.' })] : []),
  );
}

function describeBaseline(): void {
  if (!ui) return;
  const base = state.baseline, run = job.last;
  if (!base) { ui.baselineBox.hidden = true; ui.baselineBox.replaceChildren(); return; }
  ui.baselineBox.hidden = false;
  const head = h('p', {}, h('strong', { text: 'Baseline (dashed lines): ' }), `“${base.scenario.title}”, seed ${base.seed}, ${count(base.result.counts.runs)} runs.`);
  if (!run || run === base) {
    ui.baselineBox.replaceChildren(head, h('p', { text: 'Change parameters (or the seed) and press Run: the new result is drawn over the baseline, and the differences are listed here.' }));
    return;
  }
  const diffs = scenarioDifferences(base.scenario, run.scenario);
  const extra: string[] = [];
  if (base.seed !== run.seed) extra.push(`seed ${base.seed} → ${run.seed}`);
  if (base.result.counts.runs !== run.result.counts.runs) extra.push(`runs ${count(base.result.counts.runs)} → ${count(run.result.counts.runs)}`);
  const pd = (r: MonteCarloResult) => r.probabilities.dealBy[r.horizonMonths]!;
  const summary = h('p', { text: `P(deal within the horizon): baseline ${(pd(base.result) * 100).toFixed(0)}%, now ${(pd(run.result) * 100).toFixed(0)}%.` });
  if (diffs.length === 0 && extra.length === 0) {
    ui.baselineBox.replaceChildren(head, summary, h('p', { text: 'Same parameters and seed as the current result.' }));
    return;
  }
  const list = h('ul', { class: 'diffs', id: 'mc-diffs' }, ...diffs.map((d) => h('li', {}, h('span', { text: `${d.label}: ` }), h('code', { text: d.from }), ' → ', h('code', { text: d.to }))), ...extra.map((e) => h('li', { text: e })));
  ui.baselineBox.replaceChildren(head, summary, h('p', { text: diffs.length ? `What differs in the current result (${diffs.length} parameter${diffs.length === 1 ? '' : 's'}):` : 'Same parameters; differs in:' }), list);
}

const CHARTS: { id: string; title: string; tall?: boolean; build: (run: McRun, base: MonteCarloResult | null) => ChartSpec }[] = [
  { id: 'chart-mc-probabilities', title: 'How often a zone opens, a deal is struck, or a side wins', build: (r, b) => probabilityCurvesChart(r.result, r.scenario, { baseline: b }) },
  { id: 'chart-mc-reservation', title: 'Reservation points across runs (median, middle 50%, 90%)', tall: true, build: (r, b) => reservationFanChart(r.result, r.scenario, { baseline: b }) },
  { id: 'chart-mc-surplus', title: 'The surplus across runs: above zero a deal zone is open', build: (r, b) => surplusFanChart(r.result, r.scenario, { baseline: b }) },
  { id: 'chart-mc-terms', title: 'Deal terms across runs', build: (r) => termsHistogramChart(r.result, r.scenario) },
];

/** Draw (or update) the result charts, one per task so no task runs long. */
async function renderResults(): Promise<void> {
  const token = ++renderToken;
  describeMeta();
  describeBaseline();
  syncButtons();
  const run = job.last;
  const u = ui;
  if (!run || !u) return;
  const base = state.baseline && state.baseline !== run ? state.baseline.result : null;
  for (const c of CHARTS) {
    await nextTask();
    if (token !== renderToken || ui !== u) return;
    const spec = c.build(run, base);
    const existing = u.charts.get(c.id);
    if (existing) existing.update(spec);
    else {
      const m = mountChart(u.chartsBox, c.title, spec, c.id);
      if (c.tall) m.figure.classList.add('tall');
      u.charts.set(c.id, m);
    }
  }
  u.chartsBox.dataset.rendered = String(token);
}

function readRuns(): number | null {
  if (!ui) return state.runs;
  const v = Number(ui.runsInput.value);
  if (!Number.isInteger(v) || v < 1 || v > MAX_RUNS) {
    ui.runsInput.setCustomValidity(`runs = ${ui.runsInput.value} must be a whole number from 1 to ${count(MAX_RUNS)}`);
    ui.runsInput.reportValidity();
    setStatus('error', `Runs: ${ui.runsInput.value || '(empty)'} is not allowed; enter a whole number from 1 to ${count(MAX_RUNS)}.`);
    return null;
  }
  ui.runsInput.setCustomValidity('');
  return v;
}

async function run(): Promise<void> {
  if (job.running) return;
  const runs = readRuns();
  if (runs === null) return;
  state.runs = runs;
  const { scenario, seed } = store.get();
  const started = job.run(`Running ${count(runs)} runs of “${scenario.title}” (seed ${seed}) in ${pool.size} worker${pool.size === 1 ? '' : 's'}…`,
    (controls) => pool.monteCarlo(scenario, { runs, seed }, controls));
  describeMeta();
  syncButtons();
  const r = await started;
  if (r) {
    job.last = { result: r.value, scenario, seed, key: keyOf(scenario, seed), seconds: r.seconds };
    setStatus('done', `Done: ${count(runs)} runs in ${r.seconds.toFixed(1)} s (seed ${seed}).`);
    void renderResults();
  }
  describeMeta();
  syncButtons();
}

function cancel(): void {
  job.cancel();
}

function pin(): void {
  if (!job.last) return;
  state.baseline = job.last;
  setStatus(job.status.kind === 'running' ? 'running' : 'idle', `Pinned the result (seed ${job.last.seed}, ${count(job.last.result.counts.runs)} runs) as the baseline.`);
  void renderResults();
}

function unpin(): void {
  state.baseline = null;
  void renderResults();
}

function exportCsv(): void {
  const run = job.last;
  if (!run) return;
  const r = run.result;
  const q = r.quantiles;
  const cols = ['month', 'P_zoneOpenBy', 'P_dealBy', 'P_victoryABy', 'P_victoryBBy', 'P_ripeBy',
    ...(['reservationA', 'reservationB', 'surplus'] as const).flatMap((f) => (['p5', 'p25', 'p50', 'p75', 'p95'] as const).map((p) => `${f}_${p}`))];
  const rows = Array.from(r.months, (m, i) => [m, r.probabilities.zoneOpenBy[i], r.probabilities.dealBy[i], r.probabilities.victoryABy[i], r.probabilities.victoryBBy[i], r.probabilities.ripeBy[i],
    ...(['reservationA', 'reservationB', 'surplus'] as const).flatMap((f) => (['p5', 'p25', 'p50', 'p75', 'p95'] as const).map((p) => q[f][p][i]))]);
  const m = manifest(run.scenario, run.seed, { runs: r.counts.runs, view: 'montecarlo' });
  download(fileName(run.scenario.id, 'montecarlo', `seed${run.seed}`, `${r.counts.runs}runs`) + '.csv', toCsv(m, cols, rows), 'text/csv');
}

export const montecarloView: View = {
  id: 'montecarlo',
  label: 'Monte Carlo',
  mount(root) {
    const { label: runsLabel, input: runsInput } = numberField('mc-runs', 'Runs', state.runs, { min: 1, max: MAX_RUNS, step: 1, title: 'How many runs to simulate (each with its own dice, derived from the seed)' });
    const runButton = h('button', { type: 'submit', id: 'mc-run', class: 'primary', text: 'Run' });
    const pinButton = h('button', { type: 'button', id: 'mc-pin', text: 'Pin as baseline', title: 'Keep this result to compare later results against it' });
    const unpinButton = h('button', { type: 'button', id: 'mc-unpin', text: 'Clear baseline' });
    const csvButton = h('button', { type: 'button', id: 'mc-csv', text: 'Download CSV', title: 'Probabilities and percentiles by month, with a manifest (scenario, seed, runs, model version)' });
    const panel = createJobPanel('mc', 'runs', cancel);
    const meta = h('p', { class: 'meta', id: 'mc-meta' });
    const baselineBox = h('div', { class: 'baseline', id: 'mc-baseline', hidden: true });
    const chartsBox = h('div', { class: 'many-charts', id: 'mc-charts' });
    const section = h('section', { class: 'many', id: 'mc-view', 'aria-labelledby': 'mc-title' },
      h('h2', { id: 'mc-title', class: 'view-title', text: 'Monte Carlo: what happens across many runs' }),
      h('p', { class: 'intro', text: 'The same scenario is run many times, each run with its own dice (derived from the seed and the run number). The charts show how often a deal zone opens, a deal is struck or a side wins by each month, and how the two sides’ reservation points spread across runs. Runs that end (a deal or a decisive victory) keep their last values.' }),
      h('form', { class: 'many-controls', id: 'mc-form' }, runsLabel, runButton, pinButton, unpinButton, csvButton),
      panel.element, meta, baselineBox, chartsBox);
    root.appendChild(section);
    section.querySelector('form')!.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
    pinButton.addEventListener('click', pin);
    unpinButton.addEventListener('click', unpin);
    csvButton.addEventListener('click', exportCsv);
    runsInput.addEventListener('input', () => runsInput.setCustomValidity(''));
    const off = store.subscribe((_s, changed) => { if (changed.has('scenario') || changed.has('seed')) describeMeta(); });
    ui = { panel, runsInput, runButton, pinButton, unpinButton, csvButton, meta, baselineBox, chartsBox, charts: new Map(), off };
    job.attach(panel); // restore what was going on when the tab was left
    syncButtons();
    void renderResults();
  },
  unmount() {
    job.detach();
    if (!ui) return;
    ui.off();
    for (const c of ui.charts.values()) c.destroy();
    ui = null;
    renderToken++;
  },
};
