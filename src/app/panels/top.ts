/** Header controls: scenario picker and seed (with a new-seed button). */
import { SEED_MAX, type Scenario } from '../../../models/index.ts';
import { store } from '../state.ts';

export function renderTopControls(root: HTMLElement, presets: Readonly<Record<string, Scenario>>): void {
  const pick = document.createElement('select');
  pick.id = 'scenario-picker';
  pick.setAttribute('aria-label', 'Scenario');
  for (const [id, s] of Object.entries(presets)) pick.add(new Option(s.title, id));
  pick.value = store.get().presetId;
  pick.addEventListener('change', () => {
    const s = presets[pick.value];
    if (s) store.set({ presetId: pick.value, scenario: s });
  });
  const seedLabel = document.createElement('label');
  seedLabel.textContent = 'Seed ';
  const seed = document.createElement('input');
  seed.id = 'seed';
  seed.type = 'number';
  seed.min = '0';
  seed.max = String(SEED_MAX);
  seed.value = String(store.get().seed);
  seed.addEventListener('change', () => {
    const v = Number(seed.value);
    if (Number.isInteger(v) && v >= 0 && v <= SEED_MAX) store.set({ seed: v });
    else seed.value = String(store.get().seed);
  });
  seedLabel.appendChild(seed);
  const newSeed = document.createElement('button');
  newSeed.type = 'button';
  newSeed.textContent = 'New seed';
  newSeed.addEventListener('click', () => {
    const v = crypto.getRandomValues(new Uint32Array(1))[0]!;
    seed.value = String(v);
    store.set({ seed: v });
  });
  root.replaceChildren(pick, seedLabel, newSeed);
  store.subscribe((s, changed) => {
    if (changed.has('seed')) seed.value = String(s.seed);
    if (changed.has('presetId')) pick.value = s.presetId;
  });
}
