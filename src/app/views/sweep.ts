/**
 * The sweep view: a Monte Carlo in every cell of a one- or two-parameter grid
 * (common random numbers: every cell uses the same run dice), shown as a
 * heatmap of the chosen output with a colour legend, a keyboard-accessible
 * grid of the cells, and the data table. Clicking a cell (or choosing it in
 * the grid) loads that parameter pair into the single-run view.
 *
 * The default axes answer "what level of sanctions opens a zone within a
 * year, and does a guarantee help?": sanctions × guarantee, 6 × 6.
 */
import {
  axisValues, checkDesignValue, describeParam, numericParameterPaths, setParam, validateScenario,
  type ParameterDescriptor, type Scenario, type SweepAxis, type SweepResult,
} from '../../../models/index.ts';
import type { Chart } from 'chart.js';
import { pool } from '../engine.ts';
import { store } from '../state.ts';
import { notify } from '../notify.ts';
import { download, fileName, manifest, toCsv } from '../export.ts';
import { mountChart, type MountedChart } from '../charts/mount.ts';
import '../charts/matrix.ts';
import { SWEEP_OUTPUTS, heatmapChart, lightBackground, shortParam, sweepValues, type HeatmapCell, type HeatmapSpec, type SweepOutput } from '../charts/heatmap.ts';
import { formatParamValue, outputLabel, paramName } from '../charts/tornado.ts';
import { JobRunner, count, createJobPanel, nextTask, numberField, type JobPanel, type JobStatus } from './progress.ts';
import { h } from '../dom.ts';
import type { View } from './registry.ts';

/** Default runs per cell. */
export const DEFAULT_RUNS_PER_CELL = 200;
/** Most steps on one axis, and most cells in a grid. */
export const MAX_STEPS = 50;
export const MAX_CELLS = 2500;
/** Most runs in one sweep (cells × runs). */
export const MAX_TOTAL_RUNS = 20_000_000;

/** An axis as the form holds it. */
export interface AxisForm {
  path: string;
  lo: number;
  hi: number;
  steps: number;
}

/** The preset axes: sanctions 0–1 × guarantee 0–1, 6 × 6. */
export const PRESET_AXES: { x: AxisForm; y: AxisForm } = {
  x: { path: 'levers.sanctions', lo: 0, hi: 1, steps: 6 },
  y: { path: 'levers.guarantee', lo: 0, hi: 1, steps: 6 },
};

/** Numeric parameters that can be swept (not horizonMonths). */
export function sweepableParams(): ParameterDescriptor[] {
  return numericParameterPaths.filter((p) => p !== 'horizonMonths').map((p) => describeParam(p)!);
}

/** The values of an axis (integers rounded and de-duplicated), or an error naming the field. */
export function axisFromForm(a: AxisForm, which: 'x' | 'y'): { ok: true; axis: SweepAxis } | { ok: false; error: string } {
  const d = describeParam(a.path);
  if (!d) return { ok: false, error: `${which}: unknown parameter ${a.path}` };
  if (!Number.isInteger(a.steps) || a.steps < 1 || a.steps > MAX_STEPS) return { ok: false, error: `${which} steps = ${a.steps} must be a whole number from 1 to ${MAX_STEPS}` };
  for (const [name, v] of [['from', a.lo], ['to', a.hi]] as const) {
    if (!Number.isFinite(v)) return { ok: false, error: `${which} ${name}: enter a number for ${a.path}` };
    const p = checkDesignValue(a.path, v);
    if (p) return { ok: false, error: `${which} ${name}: ${p}` };
  }
  const values = [...new Set(axisValues(a.lo, a.hi, a.steps, d.kind === 'integer'))];
  return { ok: true, axis: { path: a.path, values } };
}

/** The scenario with a cell's parameter pair set (validated), from the sweep's base scenario. */
export function scenarioForCell(base: Scenario, sw: Pick<SweepResult, 'x' | 'y'>, cell: Pick<HeatmapCell, 'x' | 'y'>): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  let s = setParam(base, sw.x.path, cell.x);
  if (sw.y && cell.y !== null) s = setParam(s, sw.y.path, cell.y);
  const r = validateScenario(s);
  return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, error: r.errors.map((e) => e.message).join('; ') };
}

interface SweepRun {
  result: SweepResult;
  scenario: Scenario;
  seed: number;
  key: string;
  seconds: number;
}

const keyOf = (scenario: Scenario, seed: number) => `${seed}|${JSON.stringify(scenario)}`;

const state: {
  x: AxisForm;
  y: AxisForm | null;
  runs: number;
  output: SweepOutput;
} = {
  x: { ...PRESET_AXES.x },
  y: { ...PRESET_AXES.y },
  runs: DEFAULT_RUNS_PER_CELL,
  output: 'zoneOpenBy12',
};
const job = new JobRunner<SweepRun>('The sweep', 'sweep');

interface AxisUi { select: HTMLSelectElement; lo: HTMLInputElement; hi: HTMLInputElement; steps: HTMLInputElement; row: HTMLElement }

interface Ui {
  panel: JobPanel;
  x: AxisUi;
  y: AxisUi;
  runs: HTMLInputElement;
  output: HTMLSelectElement;
  runButton: HTMLButtonElement;
  csvButton: HTMLButtonElement;
  estimate: HTMLElement;
  meta: HTMLElement;
  resultBox: HTMLElement;
  legend: HTMLElement;
  grid: HTMLElement;
  chart: MountedChart | null;
  off: () => void;
}

let ui: Ui | null = null;
let renderToken = 0;

const setStatus = (kind: JobStatus, message: string): void => job.setStatus(kind, message);

function paramOptions(select: HTMLSelectElement, withNone: boolean): void {
  const s = store.get().scenario;
  if (withNone) select.add(new Option('none (1-D sweep)', ''));
  const groups = new Map<string, ParameterDescriptor[]>();
  for (const d of sweepableParams()) {
    const m = /^sides\.(A|B)\./.exec(d.path);
    const g = m ? `${d.group} (${s.sides[m[1] as 'A' | 'B'].label})` : d.group;
    groups.set(g, [...(groups.get(g) ?? []), d]);
  }
  for (const [g, ds] of groups) {
    const og = document.createElement('optgroup');
    og.label = g;
    for (const d of ds) og.appendChild(new Option(`${paramName(d.path, s)}${d.unit ? ` (${d.unit})` : ''}`, d.path));
    select.appendChild(og);
  }
}

function axisUi(which: 'x' | 'y', form: AxisForm | null): AxisUi {
  const select = h('select', { id: `sw-${which}`, 'aria-label': which === 'x' ? 'First parameter (x axis)' : 'Second parameter (y axis)' });
  paramOptions(select, which === 'y');
  const a = form ?? { path: '', lo: 0, hi: 1, steps: 6 };
  select.value = a.path;
  const lo = numberField(`sw-${which}-lo`, 'from', a.lo);
  const hi = numberField(`sw-${which}-hi`, 'to', a.hi);
  const steps = numberField(`sw-${which}-steps`, 'steps', a.steps, { min: 1, max: MAX_STEPS, step: 1 });
  const row = h('div', { class: 'axis-row' },
    h('label', { class: 'field', for: `sw-${which}` }, h('span', { text: which === 'x' ? 'x axis' : 'y axis' })), select, lo.label, hi.label, steps.label);
  return { select, lo: lo.input, hi: hi.input, steps: steps.input, row };
}

function setAxisInputs(a: AxisUi, form: AxisForm | null): void {
  a.select.value = form?.path ?? '';
  const off = !form;
  a.lo.disabled = a.hi.disabled = a.steps.disabled = off;
  if (form) { a.lo.value = String(form.lo); a.hi.value = String(form.hi); a.steps.value = String(form.steps); }
}

function readAxis(a: AxisUi): AxisForm | null {
  if (!a.select.value) return null;
  return { path: a.select.value, lo: Number(a.lo.value), hi: Number(a.hi.value), steps: Number(a.steps.value) };
}

/** A fresh axis over a parameter's plausible range. */
function defaultAxis(path: string, steps: number): AxisForm {
  const d = describeParam(path)!;
  return { path, lo: d.plausible[0], hi: d.plausible[1], steps: d.kind === 'integer' ? Math.min(steps, d.plausible[1] - d.plausible[0] + 1) : steps };
}

function updateEstimate(): void {
  if (!ui) return;
  const x = readAxis(ui.x), y = readAxis(ui.y);
  const runs = Number(ui.runs.value);
  const nx = x ? Math.max(1, x.steps) : 0, ny = y ? Math.max(1, y.steps) : 1;
  ui.estimate.textContent = Number.isFinite(nx * ny * runs) && nx > 0
    ? `${y ? `${nx} × ${ny} = ${count(nx * ny)} cells` : `${count(nx)} values`} × ${count(runs)} runs = ${count(nx * ny * runs)} runs in all.`
    : '';
}

function describeMeta(): void {
  if (!ui) return;
  const run = job.last;
  if (!run) { ui.meta.textContent = 'No sweep yet: choose the parameters and press Run sweep. (The preset asks which sanctions level opens a zone within a year, with and without a guarantee.)'; return; }
  const { scenario, seed } = store.get();
  const stale = keyOf(scenario, seed) !== run.key;
  const r = run.result;
  ui.meta.replaceChildren(
    h('span', { text: `“${run.scenario.title}” · seed ${run.seed} · ${count(r.runs)} runs per cell · ${r.dealProbability.length} cells · ${run.seconds.toFixed(1)} s. Other parameters as in the scenario when the sweep ran.` }),
    ...(stale ? [h('strong', { class: 'stale', text: ' The parameters or seed have changed since: press Run sweep to update.' })] : []),
  );
}

function loadCell(cell: HeatmapCell): void {
  const run = job.last;
  if (!run) return;
  const r = scenarioForCell(run.scenario, run.result, cell);
  if (!r.ok) { notify(r.error, 'error'); return; }
  const s = run.scenario;
  const parts = [`${paramName(run.result.x.path, s)} = ${formatParamValue(run.result.x.path, cell.x)}`];
  if (run.result.y && cell.y !== null) parts.push(`${paramName(run.result.y.path, s)} = ${formatParamValue(run.result.y.path, cell.y)}`);
  store.set({ scenario: r.scenario, seed: run.seed, view: 'run' });
  notify(`Loaded ${parts.join(', ')} into the single run (seed ${run.seed}).`);
}

function renderLegend(spec: HeatmapSpec): void {
  if (!ui) return;
  const L = spec.legend;
  ui.legend.replaceChildren(
    h('span', { class: 'legend-title', text: L.title }),
    h('span', { class: 'legend-end', text: L.minLabel }),
    h('span', { class: 'legend-bar', style: `background: ${L.gradient}`, role: 'img', 'aria-label': `colour scale from ${L.minLabel} to ${L.maxLabel}` }),
    h('span', { class: 'legend-end', text: L.maxLabel }),
    ...(L.missing ? [h('span', { class: 'legend-missing' }, h('span', { class: 'swatch', style: `background: ${L.missing.color}` }), L.missing.label)] : []),
  );
}

function renderGrid(spec: HeatmapSpec, sw: SweepResult, scenario: Scenario): void {
  if (!ui) return;
  const xName = paramName(sw.x.path, scenario), yName = sw.y ? paramName(sw.y.path, scenario) : null;
  const table = h('table', { class: 'cell-grid', id: 'sw-cells' });
  table.createCaption().textContent = `Cells: choose one to open it in the single run. Columns: ${xName}${yName ? `; rows: ${yName}` : ''}.`;
  const head = table.createTHead().insertRow();
  head.appendChild(h('th', { scope: 'col', text: yName ? `${yName.split(': ').pop()} ↓ / ${xName.split(': ').pop()} →` : xName.split(': ').pop()! }));
  for (const v of sw.x.values) head.appendChild(h('th', { scope: 'col', text: formatParamValue(sw.x.path, v) }));
  const body = table.createTBody();
  for (let iy = spec.ny - 1; iy >= 0; iy--) {
    const tr = body.insertRow();
    tr.appendChild(h('th', { scope: 'row', text: sw.y ? formatParamValue(sw.y.path, sw.y.values[iy]!) : '' }));
    for (let ix = 0; ix < spec.nx; ix++) {
      const c = spec.cells[iy * spec.nx + ix]!;
      const label = `${xName} ${formatParamValue(sw.x.path, c.x)}${sw.y && c.y !== null ? `, ${yName} ${formatParamValue(sw.y.path, c.y)}` : ''}: ${spec.legend.title} ${c.text}. Open in the single run.`;
      const b = h('button', { type: 'button', class: `cell${lightBackground(c.color) ? ' light' : ''}`, style: `background: ${c.color}`, 'aria-label': label, title: label, 'data-index': c.index, text: c.text.replace(/^month /, '').replace(/^not within .*/, '—') });
      b.addEventListener('click', () => loadCell(c));
      tr.insertCell().appendChild(b);
    }
  }
  ui.grid.replaceChildren(table);
}

/** Draw (or redraw) the heatmap for the current output. */
async function renderResults(): Promise<void> {
  const token = ++renderToken;
  describeMeta();
  if (ui) ui.csvButton.disabled = !job.last;
  const run = job.last;
  const u = ui;
  if (!run || !u) return;
  await nextTask();
  if (token !== renderToken || ui !== u) return;
  const spec = heatmapChart(run.result, run.scenario, state.output, { onCellClick: loadCell });
  u.resultBox.hidden = false;
  if (u.chart) u.chart.update(spec);
  else {
    // Record where the cells are drawn after every layout (for tools and tests that click a cell).
    spec.config.plugins = [{ id: 'dzArea', afterLayout: (chart: Chart) => { const a = chart.chartArea; chart.canvas.dataset.area = `${a.left},${a.top},${a.right},${a.bottom}`; } }];
    u.chart = mountChart(u.resultBox, 'Sweep heatmap', spec, 'chart-sweep-heatmap');
    u.chart.figure.querySelector('.canvas-box')!.after(u.legend);
  }
  const title = spec.legend.title.charAt(0).toUpperCase() + spec.legend.title.slice(1);
  u.chart.figure.querySelector('h2')!.textContent = `${title} by ${shortParam(run.result.x.path, run.scenario)}${run.result.y ? ` and ${shortParam(run.result.y.path, run.scenario)}` : ''}`;
  u.chart.figure.classList.toggle('one-row', spec.ny === 1);
  u.chart.chart.canvas.dataset.nx = String(spec.nx);
  u.chart.chart.canvas.dataset.ny = String(spec.ny);
  renderLegend(spec);
  await nextTask();
  if (token !== renderToken || ui !== u) return;
  renderGrid(spec, run.result, run.scenario);
  u.resultBox.dataset.rendered = String(token);
}

async function run(): Promise<void> {
  if (job.running || !ui) return;
  const xf = readAxis(ui.x), yf = readAxis(ui.y);
  if (!xf) { setStatus('error', 'Choose the x-axis parameter.'); return; }
  const x = axisFromForm(xf, 'x');
  if (!x.ok) { setStatus('error', x.error); return; }
  let y: SweepAxis | undefined;
  if (yf) {
    if (yf.path === xf.path) { setStatus('error', `Both axes sweep ${xf.path}: choose another y parameter (or none).`); return; }
    const r = axisFromForm(yf, 'y');
    if (!r.ok) { setStatus('error', r.error); return; }
    y = r.axis;
  }
  const runs = Number(ui.runs.value);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) { setStatus('error', `Runs per cell = ${ui.runs.value || '(empty)'}: enter a whole number from 1 to 100,000.`); return; }
  const cells = x.axis.values.length * (y ? y.values.length : 1);
  if (cells > MAX_CELLS) { setStatus('error', `${count(cells)} cells is too many: at most ${count(MAX_CELLS)}.`); return; }
  if (cells * runs > MAX_TOTAL_RUNS) { setStatus('error', `${count(cells * runs)} runs in all is too many: at most ${count(MAX_TOTAL_RUNS)} (fewer cells or runs per cell).`); return; }
  state.x = xf; state.y = yf; state.runs = runs;
  const { scenario, seed } = store.get();
  ui.runButton.disabled = true;
  const r = await job.run(`Sweeping ${count(cells)} cells × ${count(runs)} runs (seed ${seed})…`,
    (controls) => pool.sweep(scenario, { x: x.axis, y, runs, seed }, controls));
  if (ui) ui.runButton.disabled = false;
  if (r) {
    job.last = { result: r.value, scenario, seed, key: keyOf(scenario, seed), seconds: r.seconds };
    setStatus('done', `Done: ${count(cells)} cells × ${count(runs)} runs in ${r.seconds.toFixed(1)} s (seed ${seed}). Click a cell to open it in the single run.`);
    void renderResults();
  }
}

function exportCsv(): void {
  const run = job.last;
  if (!run) return;
  const spec = heatmapChart(run.result, run.scenario, state.output);
  const zone12 = sweepValues(run.result, 'zoneOpenBy12');
  const m = manifest(run.scenario, run.seed, { runs: run.result.runs, view: 'sweep', x: run.result.x.path, y: run.result.y?.path ?? 'none' });
  const cols = [run.result.x.path, ...(run.result.y ? [run.result.y.path] : []), 'dealProbability', 'zoneOpenBy12', 'medianZoneOpensAt', 'medianTerms'];
  const rows = spec.cells.map((c) => [c.x, ...(c.y !== null ? [c.y] : []), run.result.dealProbability[c.index], zone12[c.index], run.result.medianZoneOpensAt[c.index], run.result.medianTerms[c.index]]);
  download(fileName(run.scenario.id, 'sweep', run.result.x.path, run.result.y?.path ?? '', `seed${run.seed}`) + '.csv', toCsv(m, cols, rows), 'text/csv');
}

export const sweepView: View = {
  id: 'sweep',
  label: 'Sweep',
  mount(root) {
    const x = axisUi('x', state.x);
    const y = axisUi('y', state.y);
    setAxisInputs(x, state.x);
    setAxisInputs(y, state.y);
    const runs = numberField('sw-runs', 'Runs per cell', state.runs, { min: 1, max: 100000, step: 1 });
    const output = h('select', { id: 'sw-output' });
    const A = store.get().scenario.sides.A.label;
    for (const o of SWEEP_OUTPUTS) output.add(new Option(outputLabel(o, store.get().scenario.horizonMonths, A), o));
    output.value = state.output;
    const runButton = h('button', { type: 'submit', id: 'sw-run', class: 'primary', text: 'Run sweep' });
    const preset = h('button', { type: 'button', id: 'sw-preset', text: 'Preset: sanctions × guarantee (6 × 6)', title: 'Which sanctions level opens a zone within a year, and does a guarantee help?' });
    const csvButton = h('button', { type: 'button', id: 'sw-csv', text: 'Download CSV', disabled: true });
    const estimate = h('p', { class: 'estimate', id: 'sw-estimate' });
    const panel = createJobPanel('sw', 'runs', () => job.cancel());
    const meta = h('p', { class: 'meta', id: 'sw-meta' });
    const legend = h('div', { class: 'heat-legend', id: 'sw-legend' });
    const grid = h('div', { class: 'cell-grid-box', id: 'sw-grid' });
    const resultBox = h('div', { class: 'many-charts', id: 'sw-result', hidden: true });
    const form = h('form', { class: 'many-controls sweep-form', id: 'sw-form' },
      x.row, y.row,
      h('div', { class: 'axis-row' }, runs.label, h('label', { class: 'field', for: 'sw-output' }, h('span', { text: 'Show' })), output, runButton, preset, csvButton),
      estimate);
    const section = h('section', { class: 'many', id: 'sw-view', 'aria-labelledby': 'sw-title' },
      h('h2', { id: 'sw-title', class: 'view-title', text: 'Sweep: how one or two parameters change the odds' }),
      h('p', { class: 'intro', text: 'Every cell is a small Monte Carlo with the two parameters set to the cell’s values (the rest as in the scenario); all cells use the same dice, so differences between cells come from the parameters. Click a cell to open that pair in the single run.' }),
      form, panel.element, meta, resultBox, grid);
    root.appendChild(section);
    const onAxisChange = (which: 'x' | 'y') => {
      const a = which === 'x' ? x : y;
      const path = a.select.value;
      const form = path ? defaultAxis(path, Number(a.steps.value) || 6) : null;
      setAxisInputs(a, form);
      updateEstimate();
    };
    x.select.addEventListener('change', () => onAxisChange('x'));
    y.select.addEventListener('change', () => onAxisChange('y'));
    form.addEventListener('input', updateEstimate);
    form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
    preset.addEventListener('click', () => {
      setAxisInputs(x, PRESET_AXES.x); setAxisInputs(y, PRESET_AXES.y);
      output.value = 'zoneOpenBy12';
      state.output = 'zoneOpenBy12';
      updateEstimate();
      void renderResults();
    });
    output.addEventListener('change', () => { state.output = output.value as SweepOutput; void renderResults(); });
    csvButton.addEventListener('click', exportCsv);
    const off = store.subscribe((_s, changed) => { if (changed.has('scenario') || changed.has('seed')) describeMeta(); });
    ui = { panel, x, y, runs: runs.input, output, runButton, csvButton, estimate, meta, resultBox, legend, grid, chart: null, off };
    job.attach(panel); // restore what was going on when the tab was left
    runButton.disabled = job.running;
    updateEstimate();
    void renderResults();
  },
  unmount() {
    job.detach();
    if (!ui) return;
    ui.off();
    ui.chart?.destroy();
    ui = null;
    renderToken++;
  },
};
