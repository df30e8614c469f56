/**
 * The parameter panel, generated from the schema's descriptors (MODEL.md §7):
 * grouped (the sides by name: "Side A: Russia"), each parameter a slider plus
 * a number field with its unit, a one-line help, its source from the
 * scenario's provenance, and a reset to the preset's value. Out-of-range input
 * is refused with a message naming the field, the value and the allowed
 * range; the last valid value stays in the scenario and the typed text stays
 * in the field to be corrected.
 */
import {
  formatRange, getParam, inRange, parameterDescriptors, setParam, validateScenario,
  type ParamGroup, type ParameterDescriptor, type Scenario,
} from '../../../models/index.ts';
import { store } from '../state.ts';
import { h } from '../dom.ts';
import { renderEventsEditor } from './events.ts';

/** Group order in the panel: the mediator's levers first, the horizon last. */
const GROUP_ORDER: readonly ParamGroup[] = ['Mediator levers', 'Side A', 'Side B', 'War', 'Bargaining', 'Scenario'];

export function groupLabel(group: ParamGroup, scenario: Scenario): string {
  if (group === 'Side A') return `Side A: ${scenario.sides.A.label}`;
  if (group === 'Side B') return `Side B: ${scenario.sides.B.label}`;
  return group;
}

const idFor = (path: string) => `p-${path.replace(/\./g, '-')}`;

function show(v: unknown): string {
  return typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v);
}

/** Parameters that differ from the reset values. */
export function changedPaths(s: Scenario, base: Scenario): string[] {
  return parameterDescriptors.filter((p) => !Object.is(getParam(s, p.path), getParam(base, p.path))).map((p) => p.path);
}

type Refresh = (s: Scenario, base: Scenario) => void;

function control(p: ParameterDescriptor, refreshers: Refresh[]): HTMLElement {
  const row = document.createElement('div');
  row.className = 'param';
  row.dataset.path = p.path;
  const id = idFor(p.path);
  const top = document.createElement('div');
  top.className = 'param-top';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = p.label;
  if (p.symbol) { const sym = document.createElement('span'); sym.className = 'sym'; sym.textContent = ` ${p.symbol.replace(/ \([AB]\)$/, '')}`; label.appendChild(sym); }
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.className = 'reset';
  reset.textContent = '↺';
  top.append(label, reset);
  row.appendChild(top);

  const help = document.createElement('p');
  help.className = 'help';
  help.id = `${id}-help`;
  help.textContent = p.help;
  const source = document.createElement('p');
  source.className = 'source';
  const error = document.createElement('p');
  error.className = 'param-error';
  error.id = `${id}-error`;
  error.setAttribute('role', 'alert');
  error.hidden = true;

  const fieldName = () => `${groupLabel(p.group, store.get().scenario)} · ${p.label} (${p.path})`;
  const current = () => getParam(store.get().scenario, p.path);
  let inputs: HTMLInputElement[] = [];
  const setError = (msg: string | null) => {
    error.hidden = msg === null;
    error.textContent = msg ?? '';
    for (const i of inputs) {
      if (msg === null) i.removeAttribute('aria-invalid'); else i.setAttribute('aria-invalid', 'true');
    }
  };
  const commit = (v: number | boolean, raw: string) => {
    if (typeof v === 'number' && !inRange(p, v)) {
      setError(Number.isNaN(v)
        ? `${fieldName()}: "${raw}" is not a number (allowed: ${formatRange(p)}); keeping ${show(current())}.`
        : `${fieldName()} = ${raw} is outside the allowed range ${formatRange(p)}; keeping ${show(current())}.`);
      return;
    }
    const r = validateScenario(setParam(store.get().scenario, p.path, v));
    if (!r.ok) {
      setError(`${fieldName()} = ${raw} is refused: ${r.errors.map((e) => e.message).join('; ')}; keeping ${show(current())}.`);
      return;
    }
    setError(null);
    store.set({ scenario: r.scenario });
  };

  if (p.kind === 'boolean') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.setAttribute('aria-describedby', `${help.id} ${error.id}`);
    box.addEventListener('change', () => commit(box.checked, String(box.checked)));
    inputs = [box];
    const wrap = document.createElement('div');
    wrap.className = 'param-inputs';
    wrap.appendChild(box);
    row.append(wrap);
    refreshers.push((s) => { box.checked = getParam(s, p.path) === true; });
  } else {
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.min = String(p.plausible[0]);
    slider.max = String(p.plausible[1]);
    slider.step = String(p.step);
    slider.setAttribute('aria-label', `${p.label} (${p.unit}), slider`);
    slider.setAttribute('aria-describedby', help.id);
    const num = document.createElement('input');
    num.type = 'number';
    num.id = id;
    num.step = 'any';
    num.setAttribute('aria-describedby', `${help.id} ${error.id}`);
    slider.addEventListener('input', () => { num.value = slider.value; commit(Number(slider.value), slider.value); });
    num.addEventListener('change', () => {
      const raw = num.value;
      const v = raw.trim() === '' ? Number.NaN : Number(raw);
      commit(v, raw);
      if (inRange(p, v)) slider.value = raw;
    });
    const unit = document.createElement('span');
    unit.className = 'unit';
    unit.textContent = p.unit;
    const wrap = document.createElement('div');
    wrap.className = 'param-inputs';
    wrap.append(slider, num, unit);
    row.append(wrap);
    inputs = [slider, num];
    refreshers.push((s) => {
      const v = String(getParam(s, p.path));
      if (num !== document.activeElement || error.hidden) num.value = v;
      if (slider !== document.activeElement) slider.value = v;
    });
  }
  row.append(help, source, error);

  reset.addEventListener('click', () => {
    const v = getParam(store.get().base, p.path) as number | boolean;
    setError(null);
    commit(v, show(v));
  });
  refreshers.push((s, base) => {
    const b = getParam(base, p.path);
    const changed = !Object.is(getParam(s, p.path), b);
    row.classList.toggle('changed', changed);
    reset.hidden = !changed;
    reset.title = `Reset to ${show(b)}`;
    reset.setAttribute('aria-label', `Reset ${p.label} to ${show(b)}`);
    const prov = s.provenance?.[p.path] ?? base.provenance?.[p.path];
    source.hidden = !prov;
    if (prov) {
      source.textContent = `Source: ${prov.source || 'unstated'}${prov.confidence ? ` · ${prov.confidence}` : ''}`;
      source.title = prov.note;
    }
  });
  return row;
}

export function renderParams(root: HTMLElement): void {
  const refreshers: Refresh[] = [];
  const head = h('div', { class: 'params-head' });
  const title = h('h2', { text: 'Parameters' });
  const changed = h('span', { class: 'changed-count', id: 'changed-count' });
  const resetAll = h('button', { type: 'button', id: 'reset-all', text: 'Reset all', title: 'Every parameter and event back to the preset (or saved scenario)' });
  resetAll.addEventListener('click', () => {
    for (const e of root.querySelectorAll<HTMLElement>('.param-error')) { e.hidden = true; e.textContent = ''; }
    store.set({ scenario: store.get().base });
  });
  const helpToggle = document.createElement('label');
  helpToggle.className = 'help-toggle';
  const helpBox = document.createElement('input');
  helpBox.type = 'checkbox';
  helpBox.checked = true;
  helpBox.id = 'show-help';
  helpBox.addEventListener('change', () => root.classList.toggle('hide-help', !helpBox.checked));
  helpToggle.append(helpBox, ' help');
  head.append(title, changed, resetAll, helpToggle);

  const groups = new Map<ParamGroup, ParameterDescriptor[]>();
  for (const p of parameterDescriptors) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const parts: HTMLElement[] = [head];
  const summaries: [ParamGroup, HTMLElement, HTMLElement][] = [];
  for (const group of GROUP_ORDER) {
    const ps = groups.get(group);
    if (!ps) continue;
    const fs = document.createElement('details');
    fs.className = 'group';
    fs.dataset.group = group;
    fs.open = group === 'Mediator levers';
    const sum = document.createElement('summary');
    const name = document.createElement('span');
    const badge = document.createElement('span');
    badge.className = 'badge';
    sum.append(name, badge);
    fs.appendChild(sum);
    for (const p of ps) fs.appendChild(control(p, refreshers));
    parts.push(fs);
    summaries.push([group, name, badge]);
  }
  const events = document.createElement('details');
  events.className = 'group';
  events.id = 'events-group';
  parts.push(events);
  root.replaceChildren(...parts);
  renderEventsEditor(events);

  const refresh = (s: Scenario, base: Scenario) => {
    for (const r of refreshers) r(s, base);
    const n = changedPaths(s, base);
    const eventsChanged = JSON.stringify(s.events) !== JSON.stringify(base.events);
    const count = n.length + (eventsChanged ? 1 : 0);
    changed.textContent = count === 0 ? 'as preset' : `${count} changed`;
    resetAll.disabled = count === 0 && JSON.stringify(s.issues ?? null) === JSON.stringify(base.issues ?? null);
    for (const [group, name, badge] of summaries) {
      name.textContent = groupLabel(group, s);
      const k = n.filter((path) => parameterDescriptors.find((d) => d.path === path)?.group === group).length;
      badge.textContent = k ? `${k} changed` : '';
    }
  };
  refresh(store.get().scenario, store.get().base);
  store.subscribe((s, ch) => { if (ch.has('scenario') || ch.has('base')) refresh(s.scenario, s.base); });
}
