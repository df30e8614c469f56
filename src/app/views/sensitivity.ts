/**
 * The sensitivity view: which parameters matter for an output? A tornado
 * (each parameter at the low and the high end of its plausible range, one at
 * a time) and Morris screening (μ* importance against σ non-linearity or
 * interaction), computed in the worker pool with progress and cancel.
 */
import { sensitivityDesign, type PointOutput, type Scenario, type SensitivityResult } from '../../../models/index.ts';
import { pool } from '../engine.ts';
import { store } from '../state.ts';
import { download, fileName, manifest, toCsv } from '../export.ts';
import { mountChart, type ChartSpec, type MountedChart } from '../charts/mount.ts';
import { SENSITIVITY_OUTPUTS, outputLabel, tornadoChart } from '../charts/tornado.ts';
import { morrisChart } from '../charts/morris.ts';
import { JobRunner, count, createJobPanel, nextTask, numberField, type JobPanel, type JobStatus } from './progress.ts';
import { h } from '../dom.ts';
import type { View } from './registry.ts';

export const DEFAULT_RUNS_PER_POINT = 100;
export const DEFAULT_TRAJECTORIES = 6;
/** Most runs in one analysis (points × runs). */
export const MAX_TOTAL_RUNS = 20_000_000;

interface SensRun {
  result: SensitivityResult;
  scenario: Scenario;
  seed: number;
  trajectories: number;
  points: number;
  key: string;
  seconds: number;
}

const keyOf = (scenario: Scenario, seed: number, output: string, runs: number, trajectories: number) => `${seed}|${output}|${runs}|${trajectories}|${JSON.stringify(scenario)}`;

const state: {
  output: PointOutput;
  runs: number;
  trajectories: number;
} = {
  output: 'dealBy24',
  runs: DEFAULT_RUNS_PER_POINT,
  trajectories: DEFAULT_TRAJECTORIES,
};
const job = new JobRunner<SensRun>('The analysis', 'analysis');

interface Ui {
  panel: JobPanel;
  output: HTMLSelectElement;
  runs: HTMLInputElement;
  trajectories: HTMLInputElement;
  runButton: HTMLButtonElement;
  csvButton: HTMLButtonElement;
  estimate: HTMLElement;
  meta: HTMLElement;
  chartsBox: HTMLElement;
  charts: Map<string, MountedChart>;
  off: () => void;
}

let ui: Ui | null = null;
let renderToken = 0;

const setStatus = (kind: JobStatus, message: string): void => job.setStatus(kind, message);

/** Design size for the form's values (cheap: the design is a list of points). */
function designSize(trajectories: number): number | null {
  try {
    return sensitivityDesign(store.get().scenario, { trajectories, seed: store.get().seed }).points.length;
  } catch {
    return null;
  }
}

function updateEstimate(): void {
  if (!ui) return;
  const t = Number(ui.trajectories.value), r = Number(ui.runs.value);
  const n = Number.isInteger(t) ? designSize(t) : null;
  ui.estimate.textContent = n !== null && Number.isFinite(r)
    ? `${count(n)} points (the base, each parameter at both ends of its plausible range, ${t} Morris trajector${t === 1 ? 'y' : 'ies'}) × ${count(r)} runs = ${count(n * r)} runs in all.`
    : '';
}

function describeMeta(): void {
  if (!ui) return;
  const run = job.last;
  if (!run) { ui.meta.textContent = 'No analysis yet: choose the output and press Run analysis.'; return; }
  const { scenario, seed } = store.get();
  const stale = keyOf(scenario, seed, state.output, Number(ui.runs.value), Number(ui.trajectories.value)) !== run.key;
  ui.meta.replaceChildren(
    h('span', { text: `“${run.scenario.title}” · ${outputLabel(run.result.output, run.scenario.horizonMonths, run.scenario.sides.A.label)} · seed ${run.seed} · ${count(run.result.runs)} runs per point · ${count(run.points)} points · ${run.trajectories} Morris trajectories · ${run.seconds.toFixed(1)} s` }),
    ...(stale ? [h('strong', { class: 'stale', text: ' The output, settings, parameters or seed have changed since: press Run analysis to update.' })] : []),
  );
}

const CHARTS: { id: string; title: string; cls: string; build: (r: SensRun) => ChartSpec }[] = [
  { id: 'chart-sens-tornado', title: 'Tornado: each parameter at the ends of its plausible range', cls: 'tornado', build: (r) => tornadoChart(r.result, r.scenario, { top: 15 }) },
  { id: 'chart-sens-morris', title: 'Morris screening: importance (μ*) against non-linearity or interaction (σ)', cls: 'morris', build: (r) => morrisChart(r.result, r.scenario, { trajectories: r.trajectories }) },
];

async function renderResults(): Promise<void> {
  const token = ++renderToken;
  describeMeta();
  if (ui) ui.csvButton.disabled = !job.last;
  const run = job.last;
  const u = ui;
  if (!run || !u) return;
  for (const c of CHARTS) {
    await nextTask();
    if (token !== renderToken || ui !== u) return;
    if (c.id === 'chart-sens-morris' && run.trajectories === 0) continue;
    const spec = c.build(run);
    const existing = u.charts.get(c.id);
    if (existing) existing.update(spec);
    else {
      const m = mountChart(u.chartsBox, c.title, spec, c.id);
      m.figure.classList.add(c.cls);
      u.charts.set(c.id, m);
    }
  }
  u.chartsBox.dataset.rendered = String(token);
}

async function run(): Promise<void> {
  if (job.running || !ui) return;
  const output = ui.output.value as PointOutput;
  const runs = Number(ui.runs.value), trajectories = Number(ui.trajectories.value);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) { setStatus('error', `Runs per point = ${ui.runs.value || '(empty)'}: enter a whole number from 1 to 100,000.`); return; }
  if (!Number.isInteger(trajectories) || trajectories < 0 || trajectories > 100) { setStatus('error', `Morris trajectories = ${ui.trajectories.value || '(empty)'}: enter a whole number from 0 to 100 (0 = tornado only).`); return; }
  const points = designSize(trajectories) ?? 0;
  if (points * runs > MAX_TOTAL_RUNS) { setStatus('error', `${count(points * runs)} runs in all is too many: at most ${count(MAX_TOTAL_RUNS)}.`); return; }
  state.output = output; state.runs = runs; state.trajectories = trajectories;
  const { scenario, seed } = store.get();
  if (ui) ui.runButton.disabled = true;
  const r = await job.run(`Analysing ${outputLabel(output, scenario.horizonMonths, scenario.sides.A.label)}: ${count(points)} points × ${count(runs)} runs (seed ${seed})…`,
    (controls) => pool.sensitivity(scenario, { output, runs, seed, trajectories }, controls));
  if (ui) ui.runButton.disabled = false;
  if (r) {
    job.last = { result: r.value, scenario, seed, trajectories, points, key: keyOf(scenario, seed, output, runs, trajectories), seconds: r.seconds };
    setStatus('done', `Done: ${count(points)} points × ${count(runs)} runs in ${r.seconds.toFixed(1)} s (seed ${seed}).`);
    void renderResults();
  }
}

function exportCsv(): void {
  const run = job.last;
  if (!run) return;
  const res = run.result;
  const morris = new Map(res.morris.map((m) => [m.path, m]));
  const cols = ['path', 'low', 'high', 'outputLow', 'outputHigh', 'swing', 'muStar', 'mu', 'sigma'];
  const rows = res.tornado.map((b) => { const m = morris.get(b.path); return [b.path, b.low, b.high, b.outputLow, b.outputHigh, b.swing, m?.muStar, m?.mu, m?.sigma]; });
  const m = manifest(run.scenario, run.seed, { runs: res.runs, view: 'sensitivity', output: res.output, base: res.base, trajectories: run.trajectories });
  download(fileName(run.scenario.id, 'sensitivity', res.output, `seed${run.seed}`) + '.csv', toCsv(m, cols, rows), 'text/csv');
}

export const sensitivityView: View = {
  id: 'sensitivity',
  label: 'Sensitivity',
  mount(root) {
    const sc = store.get().scenario;
    const output = h('select', { id: 'sens-output' });
    for (const o of SENSITIVITY_OUTPUTS) output.add(new Option(outputLabel(o, sc.horizonMonths, sc.sides.A.label), o));
    output.value = state.output;
    const runs = numberField('sens-runs', 'Runs per point', state.runs, { min: 1, max: 100000, step: 1 });
    const traj = numberField('sens-trajectories', 'Morris trajectories', state.trajectories, { min: 0, max: 100, step: 1, title: '0 = tornado only' });
    const runButton = h('button', { type: 'submit', id: 'sens-run', class: 'primary', text: 'Run analysis' });
    const csvButton = h('button', { type: 'button', id: 'sens-csv', text: 'Download CSV', disabled: true });
    const estimate = h('p', { class: 'estimate', id: 'sens-estimate' });
    const panel = createJobPanel('sens', 'runs', () => job.cancel());
    const meta = h('p', { class: 'meta', id: 'sens-meta' });
    const chartsBox = h('div', { class: 'many-charts', id: 'sens-charts' });
    const form = h('form', { class: 'many-controls', id: 'sens-form' },
      h('label', { class: 'field', for: 'sens-output' }, h('span', { text: 'Output' })), output, runs.label, traj.label, runButton, csvButton);
    const section = h('section', { class: 'many', id: 'sens-view', 'aria-labelledby': 'sens-title' },
      h('h2', { id: 'sens-title', class: 'view-title', text: 'Sensitivity: which parameters matter?' }),
      h('p', { class: 'intro', text: 'The tornado moves one parameter at a time to each end of its plausible range, the rest as in the scenario. Morris screening moves all of them along random paths and reports how much each one matters on average (μ*) and how much its effect changes with the others (σ). All points use the same dice.' }),
      form, estimate, panel.element, meta, chartsBox);
    root.appendChild(section);
    form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
    form.addEventListener('input', () => { updateEstimate(); describeMeta(); });
    output.addEventListener('change', () => { state.output = output.value as PointOutput; describeMeta(); });
    csvButton.addEventListener('click', exportCsv);
    const off = store.subscribe((_s, changed) => { if (changed.has('scenario') || changed.has('seed')) { describeMeta(); updateEstimate(); } });
    ui = { panel, output, runs: runs.input, trajectories: traj.input, runButton, csvButton, estimate, meta, chartsBox, charts: new Map(), off };
    job.attach(panel); // restore what was going on when the tab was left
    runButton.disabled = job.running;
    updateEstimate();
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
