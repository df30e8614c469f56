/**
 * The app's entry: header controls, tabs, the parameter panel and the views.
 * Every model number comes from the worker pool (src/app/engine.ts).
 */
import { scenarios, type Scenario } from '../../models/index.ts';
import { runLatest } from './engine.ts';
import { store, type ViewId } from './state.ts';
import { notify } from './notify.ts';
import { renderParams } from './panels/params.ts';
import { renderTopControls } from './panels/top.ts';
import { views } from './views/index.ts';
import type { View } from './views/registry.ts';

const main = document.getElementById('view')!;
const tabs = document.getElementById('tabs')!;

async function rerun(scenario: Scenario, seed: number): Promise<void> {
  const r = await runLatest(scenario, seed);
  if (r === null) return; // a newer run was asked for
  if (!r.ok) { notify(r.error, 'error'); return; }
  store.set({ trace: r.value });
}

let current: View | null = null;

function show(id: ViewId): void {
  const next = views.find((v) => v.id === id) ?? views[0]!;
  if (current === next) return;
  current?.unmount();
  main.replaceChildren();
  current = next;
  next.mount(main);
  for (const b of tabs.querySelectorAll('button')) b.setAttribute('aria-selected', String(b.dataset.view === next.id));
}

function renderTabs(): void {
  tabs.replaceChildren(...views.map((v) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.role = 'tab';
    b.dataset.view = v.id;
    b.id = `tab-${v.id}`;
    b.textContent = v.label;
    b.addEventListener('click', () => store.set({ view: v.id }));
    return b;
  }));
}

store.subscribe((s, changed) => {
  if (changed.has('scenario') || changed.has('seed')) void rerun(s.scenario, s.seed);
  if (changed.has('view')) show(s.view);
});

renderTopControls(document.getElementById('top-controls')!, scenarios);
renderParams(document.getElementById('params')!);
renderTabs();
show(store.get().view);
void rerun(store.get().scenario, store.get().seed);
