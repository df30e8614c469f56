/**
 * The single-run workbench: one run of the scenario (computed in a worker
 * whenever a parameter or the seed changes) drawn as five charts: the deal
 * zone, why there is (no) deal, the battlefield, the pressure, and, with
 * several issues, the utility plane. Classroom playback and the cursor move
 * through the months; a run can be pinned as a baseline to compare with.
 */
import { store, type AppState } from '../state.ts';
import { h } from '../dom.ts';
import { mountChart, type ChartSpec, type MountedChart } from '../charts/mount.ts';
import { dealZoneChart, dealZoneFinding, dealZoneNote } from '../charts/dealZone.ts';
import { decompositionChart } from '../charts/decomposition.ts';
import { battlefieldChart } from '../charts/battlefield.ts';
import { ALL_PANELS, pressureChart } from '../charts/pressure.ts';
import { utilityPlaneChart } from '../charts/utilityPlane.ts';
import { paramDiff } from '../charts/compare.ts';
import { download, fileName, manifest, traceCsv, type Manifest } from '../export.ts';
import { queryFor } from '../url.ts';
import { addPngButton, onHoverMonth, setCursor, setNote } from '../panels/chartActions.ts';
import { createPlayback, moveCursor, type PlaybackPanel } from '../panels/playback.ts';
import type { View } from './registry.ts';

/** Cursor and playback position, as every time chart takes them. */
type TimeOptions = { cursor: number | null; upTo: number | null };

interface TimeChart {
  id: string;
  title: string;
  build(s: AppState, o: TimeOptions): ChartSpec;
  /** Extra options of the cursor line (the pressure chart's spans all its panels). */
  extra: Record<string, unknown>;
}

/** The time charts, in page order. */
const TIME_CHARTS: readonly TimeChart[] = [
  { id: 'chart-deal-zone', title: 'The deal zone over time', build: (s, o) => dealZoneChart(s.trace!, s.scenario, { ...o, baseline: s.baseline }), extra: {} },
  { id: 'chart-decomposition', title: 'Why is there (no) deal? The surplus, term by term', build: (s, o) => decompositionChart(s.trace!, s.scenario, o), extra: {} },
  { id: 'chart-battlefield', title: 'The battlefield: ground held, true odds, and what each side believes', build: (s, o) => battlefieldChart(s.trace!, s.scenario, o), extra: {} },
  { id: 'chart-pressure', title: 'The pressure: monthly cost, exhaustion and patience', build: (s, o) => pressureChart(s.trace!, s.scenario, o), extra: ALL_PANELS },
];

const NOTES: Record<string, (s: AppState) => string> = {
  'chart-deal-zone': (s) => `${dealZoneNote(s.scenario)}${s.baseline ? ' Dashed: the pinned baseline.' : ''}`,
  'chart-decomposition': () => 'Bars above zero open the zone (the costs both still expect to pay), bars below close it; the black line is their sum, the surplus: the zone is open when it is at or above zero.',
  'chart-battlefield': () => 'Solid black: the true chance that a month of fighting that moves goes to A. Dashed: what each side believes it is. The grey area is the ground A holds.',
  'chart-pressure': () => 'Three panels on one time axis: the monthly cost of the war (share of the stakes), exhaustion (0–1), and patience δ (the monthly discount factor; lower = more impatient).',
  'chart-utility': (s) => `Several issues: each point of the grey frontier is a best package deal. Deals right of the red line beat fighting for ${s.scenario.sides.A.label}, deals above the blue line for ${s.scenario.sides.B.label}; green: both.`,
};

interface Ctx {
  root: HTMLElement;
  charts: HTMLElement;
  mounted: Map<string, MountedChart>;
  playback: PlaybackPanel;
  compare: HTMLElement;
  pinBtn: HTMLButtonElement;
  clearBtn: HTMLButtonElement;
  csvBtn: HTMLButtonElement;
  status: HTMLElement;
  off: () => void;
}

let ctx: Ctx | null = null;

function exportManifest(s: AppState, extra: Record<string, string | number> = {}): Manifest {
  const t = s.trace;
  return manifest(s.scenario, s.seed, {
    title: s.scenario.title,
    ...(t ? { outcome: t.summary.outcome, endedAt: t.summary.endedAt ?? 'none' } : {}),
    url: `?${queryFor(s)}`,
    ...extra,
  });
}

function mountOne(c: Ctx, id: string, title: string, spec: ChartSpec, parent: HTMLElement, hover: boolean): MountedChart {
  const m = mountChart(parent, title, spec, id);
  addPngButton(m, title, () => {
    const s = store.get();
    return { name: fileName('deal-zone', s.scenario.id, 'seed', s.seed, id.replace(/^chart-/, '')), manifest: exportManifest(s, { chart: title }) };
  });
  if (hover) onHoverMonth(m, (month) => { if (store.get().playback === 'off' && store.get().month !== month) store.set({ month }); });
  c.mounted.set(id, m);
  return m;
}

function renderCompare(c: Ctx, s: AppState): void {
  c.clearBtn.hidden = !s.baseline;
  c.compare.hidden = !s.baseline;
  if (!s.baseline) { c.compare.replaceChildren(); return; }
  const b = s.baseline;
  const h = document.createElement('h2');
  h.textContent = 'Compared with the pinned baseline';
  const p = document.createElement('p');
  p.className = 'run-compare-finding';
  p.textContent = `Baseline (seed ${b.seed}): ${dealZoneFinding(b.trace, b.scenario)} Now: ${s.trace ? dealZoneFinding(s.trace, s.scenario) : '…'}`;
  const diff = paramDiff(b.scenario, s.scenario, { baseline: b.seed, current: s.seed });
  const parts: HTMLElement[] = [h, p];
  if (diff.length === 0) {
    const none = document.createElement('p');
    none.textContent = 'Nothing differs: same scenario and seed. Move a slider to compare.';
    parts.push(none);
  } else {
    const table = document.createElement('table');
    table.className = 'diff-table';
    const cap = document.createElement('caption');
    cap.textContent = `${diff.length} difference${diff.length > 1 ? 's' : ''} from the baseline`;
    table.appendChild(cap);
    const head = table.createTHead().insertRow();
    for (const col of ['Parameter', 'Path', 'Baseline', 'Current']) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = col; head.appendChild(th); }
    const body = table.createTBody();
    for (const d of diff) {
      const tr = body.insertRow();
      for (const v of [d.label, d.path, d.baseline, d.current]) tr.insertCell().textContent = v;
    }
    parts.push(table);
  }
  c.compare.replaceChildren(...parts);
}

/** Redraw everything from the store. */
function render(c: Ctx): void {
  const s = store.get();
  c.playback.refresh();
  renderCompare(c, s);
  c.csvBtn.disabled = !s.trace;
  if (!s.trace) { c.status.textContent = 'Computing the run in a worker…'; return; }
  c.status.textContent = '';
  const upTo = s.playback === 'off' ? null : s.month;
  const o = { cursor: s.month, upTo };
  const grid = c.charts.querySelector<HTMLElement>('.run-grid')!;
  for (const def of TIME_CHARTS) {
    const spec = def.build(s, o);
    const parent = def.id === 'chart-battlefield' || def.id === 'chart-pressure' ? grid : c.charts;
    let m = c.mounted.get(def.id);
    if (m) m.update(spec); else m = mountOne(c, def.id, def.title, spec, parent, true);
    setNote(m, NOTES[def.id]!(s));
  }
  // Page order: deal zone, comparison, decomposition, the two-column grid (moved only when
  // out of place: moving a node would take the keyboard focus away from inside it).
  const dz = c.mounted.get('chart-deal-zone')!.figure;
  const dec = c.mounted.get('chart-decomposition')!.figure;
  if (dz.nextElementSibling !== c.compare) dz.after(c.compare);
  if (c.compare.nextElementSibling !== dec) c.compare.after(dec);
  if (dec.nextElementSibling !== grid) dec.after(grid);
  renderUtility(c, s);
}

function renderUtility(c: Ctx, s: AppState): void {
  const several = !!s.trace && (s.scenario.issues?.length ?? 0) > 1;
  let m = c.mounted.get('chart-utility');
  if (!several) {
    if (m) { m.destroy(); c.mounted.delete('chart-utility'); }
    return;
  }
  const spec = utilityPlaneChart(s.trace!, s.scenario, { month: s.month });
  if (m) m.update(spec); else m = mountOne(c, 'chart-utility', 'Several issues: the utility plane', spec, c.charts, false);
  setNote(m, NOTES['chart-utility']!(s));
}

function onKey(e: KeyboardEvent): void {
  const t = e.target as HTMLElement;
  if (t.closest('input, select, textarea, [contenteditable]')) return;
  const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : e.key === 'Home' ? 'first' : e.key === 'End' ? 'last' : null;
  if (d === null) return;
  e.preventDefault();
  moveCursor(d);
}

export const runView: View = {
  id: 'run',
  label: 'Single run',
  mount(root) {
    const section = document.createElement('section');
    section.className = 'run-view';
    section.tabIndex = 0;
    section.setAttribute('aria-label', 'Single run (arrow keys move the month)');
    const pinBtn = h('button', { type: 'button', id: 'pin-baseline', text: 'Pin as baseline', title: 'Keep this run to compare with: its reservation points stay on the deal-zone chart, dashed' });
    const clearBtn = h('button', { type: 'button', id: 'clear-baseline', text: 'Clear baseline' });
    const csvBtn = h('button', { type: 'button', id: 'export-csv', text: 'Trace CSV', title: 'Download every trace field, month by month, with a manifest' });
    const playback = createPlayback([pinBtn, clearBtn, csvBtn]);
    const status = h('p', { class: 'run-status', role: 'status' });
    const grid = h('div', { class: 'run-grid' });
    const charts = h('div', { class: 'run-charts' }, grid);
    const compare = document.createElement('section');
    compare.className = 'run-compare';
    compare.id = 'run-compare';
    compare.setAttribute('aria-label', 'Comparison with the baseline');
    section.append(playback.element, status, charts);
    root.appendChild(section);

    const c: Ctx = { root: section, charts, mounted: new Map(), playback, compare, pinBtn, clearBtn, csvBtn, status, off: () => {} };
    ctx = c;
    pinBtn.addEventListener('click', () => {
      const s = store.get();
      if (s.trace) store.set({ baseline: { scenario: s.scenario, seed: s.seed, trace: s.trace } });
    });
    clearBtn.addEventListener('click', () => { store.set({ baseline: null }); pinBtn.focus(); });
    csvBtn.addEventListener('click', () => {
      const s = store.get();
      if (!s.trace) return;
      download(`${fileName('deal-zone', s.scenario.id, 'seed', s.seed, 'trace')}.csv`, traceCsv(s.trace, exportManifest(s)), 'text/csv');
    });
    section.addEventListener('keydown', onKey);
    render(c);
    c.off = store.subscribe((s, ch) => {
      if (ch.has('trace') || ch.has('baseline') || ch.has('playback')) { render(c); return; }
      if (ch.has('scenario') || ch.has('seed')) renderCompare(c, s);
      if (ch.has('month')) {
        if (s.playback === 'off') {
          // Only the cursor moved: move the cursor lines, redraw the utility plane.
          for (const def of TIME_CHARTS) { const m = c.mounted.get(def.id); if (m) setCursor(m, s.month, def.extra); }
          renderUtility(c, s);
        } else render(c);
      }
    });
  },
  unmount() {
    if (!ctx) return;
    ctx.off();
    ctx.playback.destroy();
    for (const m of ctx.mounted.values()) m.destroy();
    ctx = null;
  },
};
