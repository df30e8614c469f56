/**
 * The parameter panel, generated from the schema's descriptors: grouped, each
 * parameter a slider plus a number field with its unit and help. Out-of-range
 * input is refused with a message naming the field, value and range, and the
 * last valid value stays.
 */
import { describeParam, formatRange, getParam, inRange, parameterDescriptors, setParam, validateScenario, type ParameterDescriptor } from '../../../models/index.ts';
import { store } from '../state.ts';

function control(p: ParameterDescriptor): HTMLElement {
  const row = document.createElement('div');
  row.className = 'param';
  const id = `p-${p.path.replace(/\./g, '-')}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = p.label;
  label.title = p.help;
  row.appendChild(label);
  const value = () => getParam(store.get().scenario, p.path);
  const commit = (v: number | boolean, input: HTMLInputElement) => {
    const d = describeParam(p.path)!;
    if (typeof v === 'number' && !inRange(d, v)) {
      input.setCustomValidity(`${p.path} = ${v} is outside ${formatRange(d)}`);
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    const r = validateScenario(setParam(store.get().scenario, p.path, v));
    if (r.ok) store.set({ scenario: r.scenario });
  };
  if (p.kind === 'boolean') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.checked = value() === true;
    box.addEventListener('change', () => commit(box.checked, box));
    row.appendChild(box);
    return row;
  }
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = String(p.plausible[0]);
  slider.max = String(p.plausible[1]);
  slider.step = String(p.step);
  slider.value = String(value());
  slider.setAttribute('aria-label', `${p.label} (${p.unit})`);
  const num = document.createElement('input');
  num.type = 'number';
  num.id = id;
  num.step = String(p.step);
  num.value = String(value());
  slider.addEventListener('input', () => { num.value = slider.value; commit(Number(slider.value), slider); });
  num.addEventListener('change', () => { slider.value = num.value; commit(Number(num.value), num); });
  const unit = document.createElement('span');
  unit.className = 'unit';
  unit.textContent = p.unit;
  row.append(slider, num, unit);
  store.subscribe((s, changed) => {
    if (!changed.has('scenario')) return;
    const v = String(getParam(s.scenario, p.path));
    if (num !== document.activeElement) num.value = v;
    if (slider !== document.activeElement) slider.value = v;
  });
  return row;
}

export function renderParams(root: HTMLElement): void {
  const groups = new Map<string, ParameterDescriptor[]>();
  for (const p of parameterDescriptors) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const parts: HTMLElement[] = [];
  for (const [group, ps] of groups) {
    const fs = document.createElement('details');
    fs.open = group === 'Mediator levers';
    const sum = document.createElement('summary');
    sum.textContent = group;
    fs.appendChild(sum);
    for (const p of ps) fs.appendChild(control(p));
    parts.push(fs);
  }
  root.replaceChildren(...parts);
}
