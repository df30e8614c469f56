/**
 * Header controls: the scenario picker (presets and the user's saved
 * scenarios), the seed with a new-seed button, saving a named scenario in the
 * browser, JSON import (validated: a bad file changes nothing) and export
 * (the scenario with a manifest), and a link to the current state.
 */
import { SEED_MAX, type Scenario } from '../../../models/index.ts';
import { store, type AppState } from '../state.ts';
import { h } from '../dom.ts';
import { notify } from '../notify.ts';
import { download, fileName, manifest } from '../export.ts';
import { queryFor } from '../url.ts';
import { deleteSaved, parseScenarioFile, saveScenario, savedScenarios, scenarioFileText } from './library.ts';

function button(text: string, id: string, title = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = text;
  if (title) b.title = title;
  return b;
}

/** The state that loading `scenario` as the new reset point gives. */
function loadPatch(scenario: Scenario, source: string, presets: Readonly<Record<string, Scenario>>): Partial<AppState> {
  const presetId = Object.hasOwn(presets, scenario.id) ? scenario.id : store.get().presetId;
  return { presetId, source, base: scenario, scenario, month: null, playback: 'off' };
}

export function renderTopControls(root: HTMLElement, presets: Readonly<Record<string, Scenario>>): void {
  // Scenario picker.
  const pickLabel = h('label', { class: 'field', for: 'scenario-picker', text: 'Scenario' });
  const pick = h('select', { id: 'scenario-picker' });
  const fillPicker = () => {
    const s = store.get();
    const presetGroup = document.createElement('optgroup');
    presetGroup.label = 'Presets';
    for (const [id, p] of Object.entries(presets)) presetGroup.appendChild(new Option(p.title, `preset:${id}`));
    const groups: HTMLOptGroupElement[] = [presetGroup];
    const saved = savedScenarios();
    if (saved.size) {
      const g = document.createElement('optgroup');
      g.label = 'Saved in this browser';
      for (const name of saved.keys()) g.appendChild(new Option(name, `saved:${name}`));
      groups.push(g);
    }
    if (s.source.startsWith('file:')) {
      const g = document.createElement('optgroup');
      g.label = 'Imported';
      g.appendChild(new Option(s.source.slice(5), s.source));
      groups.push(g);
    }
    pick.replaceChildren(...groups);
    pick.value = s.source;
    delSaved.hidden = !s.source.startsWith('saved:');
  };
  pick.addEventListener('change', () => {
    const v = pick.value;
    if (v.startsWith('preset:')) {
      const p = presets[v.slice(7)];
      if (p) store.set({ ...loadPatch(p, v, presets), presetId: v.slice(7) });
    } else if (v.startsWith('saved:')) {
      const s = savedScenarios().get(v.slice(6));
      if (s) store.set(loadPatch(s, v, presets));
      else { notify(`the saved scenario "${v.slice(6)}" is gone or no longer valid`, 'error'); fillPicker(); }
    }
  });

  // Seed.
  const seedLabel = h('label', { class: 'field', for: 'seed', text: 'Seed' });
  const seed = h('input', { id: 'seed', type: 'number', min: '0', max: String(SEED_MAX), step: '1' });
  seed.value = String(store.get().seed);
  seed.addEventListener('change', () => {
    const v = seed.value.trim() === '' ? Number.NaN : Number(seed.value);
    if (Number.isInteger(v) && v >= 0 && v <= SEED_MAX) store.set({ seed: v });
    else {
      notify(`Seed = ${seed.value === '' ? '(not a number)' : seed.value} must be an integer from 0 to ${SEED_MAX}; keeping ${store.get().seed}.`, 'error');
      seed.value = String(store.get().seed);
    }
  });
  const newSeed = button('New seed', 'new-seed', 'Draw a new random seed: the same scenario, another war');
  newSeed.addEventListener('click', () => store.set({ seed: crypto.getRandomValues(new Uint32Array(1))[0]! }));

  // Save in the browser.
  const saveBtn = button('Save…', 'save-open', 'Save this scenario in this browser under a name');
  const saveForm = document.createElement('form');
  saveForm.className = 'save-form';
  saveForm.hidden = true;
  const nameInput = document.createElement('input');
  nameInput.type = 'text';
  nameInput.id = 'save-name';
  nameInput.maxLength = 80;
  nameInput.placeholder = 'name';
  nameInput.setAttribute('aria-label', 'Name to save the scenario under');
  const saveOk = document.createElement('button');
  saveOk.type = 'submit';
  saveOk.textContent = 'Save';
  const saveCancel = button('Cancel', 'save-cancel');
  saveForm.append(nameInput, saveOk, saveCancel);
  saveBtn.addEventListener('click', () => {
    saveForm.hidden = false;
    saveBtn.hidden = true;
    const s = store.get();
    nameInput.value = s.source.startsWith('saved:') ? s.source.slice(6) : `${s.scenario.title.slice(0, 40)} (${new Date().toISOString().slice(0, 10)})`;
    nameInput.select();
    nameInput.focus();
  });
  const closeSave = () => { saveForm.hidden = true; saveBtn.hidden = false; saveBtn.focus(); };
  saveCancel.addEventListener('click', closeSave);
  saveForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = nameInput.value.trim();
    if (!name) { notify('Give the scenario a name to save it under.', 'error'); nameInput.focus(); return; }
    const err = saveScenario(name, store.get().scenario);
    if (err) { notify(err, 'error'); return; }
    store.set({ source: `saved:${name}`, base: store.get().scenario });
    fillPicker();
    notify(`Saved "${name}" in this browser.`);
    closeSave();
  });
  const delSaved = button('Delete saved', 'delete-saved', 'Delete this saved scenario from this browser');
  delSaved.addEventListener('click', () => {
    const s = store.get();
    if (!s.source.startsWith('saved:')) return;
    deleteSaved(s.source.slice(6));
    store.set({ source: `preset:${s.presetId}`, base: presets[s.presetId]! });
    fillPicker();
    notify(`Deleted "${s.source.slice(6)}"; the scenario stays loaded, compared with the preset.`);
  });

  // Import / export.
  const file = document.createElement('input');
  file.type = 'file';
  file.id = 'import-file';
  file.accept = '.json,application/json';
  file.className = 'visually-hidden';
  file.tabIndex = -1;
  file.setAttribute('aria-label', 'Scenario file to import');
  const importBtn = button('Import JSON…', 'import-json', 'Load a scenario file (validated; a bad file changes nothing)');
  importBtn.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    const r = parseScenarioFile(await f.text());
    if (!r.ok) {
      notify([`Import refused: ${f.name} is not a valid scenario (nothing was changed).`, ...r.errors.map((e) => `${e.path || '(file)'}: ${e.message}`)], 'error');
      return;
    }
    store.set(loadPatch(r.scenario, `file:${r.scenario.title}`, presets));
    fillPicker();
    notify(`Imported "${r.scenario.title}" from ${f.name}.`);
  });
  const exportBtn = button('Export JSON', 'export-json', 'Download this scenario as JSON, with a manifest');
  exportBtn.addEventListener('click', () => {
    const s = store.get();
    const m = manifest(s.scenario, s.seed, { url: `?${queryFor(s)}` });
    download(`${fileName('deal-zone', s.scenario.id, 'seed', s.seed)}.scenario.json`, scenarioFileText(s.scenario, m), 'application/json');
  });
  const linkBtn = button('Copy link', 'copy-link', 'Copy a link that reproduces this run exactly');
  linkBtn.addEventListener('click', async () => {
    const url = `${location.origin}${location.pathname}?${queryFor(store.get())}`;
    try {
      await navigator.clipboard.writeText(url);
      notify('Link copied: it reproduces this run exactly.');
    } catch {
      notify(`Copy this link: ${url}`);
    }
  });

  const group = (cls: string, ...els: HTMLElement[]) => { const d = document.createElement('div'); d.className = `ctl-group ${cls}`; d.append(...els); return d; };
  root.replaceChildren(
    group('ctl-scenario', pickLabel, pick),
    group('ctl-seed', seedLabel, seed, newSeed),
    group('ctl-files', saveBtn, saveForm, delSaved, importBtn, file, exportBtn, linkBtn),
  );
  fillPicker();
  store.subscribe((s, changed) => {
    if (changed.has('seed')) seed.value = String(s.seed);
    if (changed.has('source')) fillPicker();
  });
}
