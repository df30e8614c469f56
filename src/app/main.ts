/**
 * The app's entry: state from the URL, header controls, tabs, the parameter
 * panel and the views; the URL follows the state (history.replaceState).
 * Every model number comes from the worker pool (src/app/engine.ts).
 */
import { scenarios, SHIPPED_SCENARIO_ID, type Scenario } from '../../models/index.ts';
import { runLatest } from './engine.ts';
import { store, type ViewId } from './state.ts';
import { notify } from './notify.ts';
import { decodeUrlState, queryFor } from './url.ts';
import { lastMonth } from './charts/runCommon.ts';
import { renderParams } from './panels/params.ts';
import { renderTopControls } from './panels/top.ts';
import { tabs as viewTabs } from './views/index.ts';
import type { View } from './views/registry.ts';

const main = document.getElementById('view')!;
const tabs = document.getElementById('tabs')!;

async function rerun(scenario: Scenario, seed: number): Promise<void> {
  const r = await runLatest(scenario, seed);
  if (r === null) return; // a newer run was asked for
  if (!r.ok) { notify(r.error, 'error'); return; }
  const s = store.get();
  const end = lastMonth(r.value);
  // Playback never points past the end of the new run.
  const month = s.month !== null && s.playback !== 'off' && s.month > end ? end : s.month !== null && s.month > scenario.horizonMonths ? null : s.month;
  store.set({ trace: r.value, month });
}

let current: View | null = null;
let showing = 0;

async function show(id: ViewId): Promise<void> {
  const tab = viewTabs.find((v) => v.id === id) ?? viewTabs[0]!;
  if (current?.id === tab.id) return;
  const ticket = ++showing;
  for (const b of tabs.querySelectorAll<HTMLButtonElement>('button')) {
    const on = b.dataset.view === tab.id;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
  }
  let next: View;
  try {
    next = await tab.load();
  } catch (e) {
    notify(`The ${tab.label} view could not be loaded (${e instanceof Error ? e.message : String(e)}); reload the page to try again.`, 'error');
    return;
  }
  if (ticket !== showing) return; // another tab was chosen meanwhile
  current?.unmount();
  main.replaceChildren();
  current = next;
  next.mount(main);
  main.setAttribute('aria-labelledby', `tab-${next.id}`);
}

function renderTabs(): void {
  const buttons = viewTabs.map((v) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.role = 'tab';
    b.dataset.view = v.id;
    b.id = `tab-${v.id}`;
    b.setAttribute('aria-controls', 'view');
    b.textContent = v.label;
    b.addEventListener('click', () => store.set({ view: v.id }));
    return b;
  });
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  tabs.addEventListener('keydown', (e) => {
    const i = buttons.findIndex((b) => b === document.activeElement);
    if (i < 0 || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const next = buttons[(i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]!;
    next.focus();
    next.click();
  });
  tabs.replaceChildren(...buttons);
}

// State from the URL (untrusted: bad values are reported and skipped).
const fromUrl = decodeUrlState(location.search, scenarios, { presetId: SHIPPED_SCENARIO_ID });
store.set({
  presetId: fromUrl.presetId,
  source: `preset:${fromUrl.presetId}`,
  base: scenarios[fromUrl.presetId]!,
  scenario: fromUrl.scenario,
  seed: fromUrl.seed,
  view: fromUrl.view,
  month: fromUrl.month,
});
if (fromUrl.errors.length) notify(['Some of the link could not be used; the rest applies:', ...fromUrl.errors], 'error');

// The URL follows the state (replaceState: no history entry per slider step).
let urlTimer = 0;
function writeUrl(): void {
  window.clearTimeout(urlTimer);
  urlTimer = window.setTimeout(() => {
    const s = store.get();
    const keep = new URLSearchParams(location.search);
    const q = queryFor({ ...s, month: s.playback === 'playing' ? null : s.month }, keep);
    if (`?${q}` !== location.search) history.replaceState(history.state, '', `${location.pathname}?${q}${location.hash}`);
  }, 150);
}

store.subscribe((s, changed) => {
  if (changed.has('scenario') || changed.has('seed')) void rerun(s.scenario, s.seed);
  if (changed.has('view')) void show(s.view);
  if (changed.has('scenario') || changed.has('seed') || changed.has('presetId') || changed.has('view') || changed.has('month') || changed.has('playback')) writeUrl();
});

renderTopControls(document.getElementById('top-controls')!, scenarios);
renderParams(document.getElementById('params')!);
renderTabs();
void show(store.get().view);
void rerun(store.get().scenario, store.get().seed);
writeUrl();
