/**
 * What-if: the scenario's scheduled events (MODEL.md §4 step 1, §7 `events[]`)
 * as a timeline list with add, edit and delete. An event sets mediator levers
 * (sanctions, aid, guarantee, talk chance) from its month on, shocks either
 * side's exhaustion, or tables a proposal (A's share of each issue). Every
 * edit is validated with validateScenario; a bad value is refused with a
 * message naming its path, and the form keeps what the user typed.
 */
import { validateScenario, type Scenario, type ScenarioEvent } from '../../../models/index.ts';
import { store } from '../state.ts';

const SET_KEYS = [
  ['sanctions', 'Sanctions on A', '0–1'],
  ['aid', 'Aid to B', '0–1'],
  ['guarantee', 'Guarantee for B', '0–1'],
  ['talkChance', 'Talk chance', 'per month'],
] as const;
const SHOCK_KEYS = [
  ['exhaustionA', 'A', '−1 to 1'],
  ['exhaustionB', 'B', '−1 to 1'],
] as const;

function describeEvent(e: ScenarioEvent, s: Scenario): string {
  const parts: string[] = [];
  for (const [k, name] of SET_KEYS) if (e.set?.[k] !== undefined) parts.push(`${name.toLowerCase()} → ${e.set[k]}`);
  if (e.shock?.exhaustionA) parts.push(`${s.sides.A.label} exhaustion ${e.shock.exhaustionA > 0 ? '+' : ''}${e.shock.exhaustionA}`);
  if (e.shock?.exhaustionB) parts.push(`${s.sides.B.label} exhaustion ${e.shock.exhaustionB > 0 ? '+' : ''}${e.shock.exhaustionB}`);
  if (e.proposal === null) parts.push('proposal withdrawn');
  else if (e.proposal) parts.push(`proposal: ${e.proposal.map((x) => `${Math.round(x * 100)}%`).join(' / ')} to ${s.sides.A.label}`);
  return parts.length ? parts.join(', ') : 'no change (a marker)';
}

function field(labelText: string, input: HTMLInputElement, unit = ''): HTMLLabelElement {
  const l = document.createElement('label');
  l.className = 'ev-field';
  const span = document.createElement('span');
  span.textContent = labelText;
  l.append(span, input);
  if (unit) { const u = document.createElement('span'); u.className = 'unit'; u.textContent = unit; l.appendChild(u); }
  return l;
}

function numberInput(name: string, min: number, max: number): HTMLInputElement {
  const i = document.createElement('input');
  i.type = 'number';
  i.name = name;
  i.step = 'any';
  i.min = String(min);
  i.max = String(max);
  i.placeholder = '—';
  return i;
}

export function renderEventsEditor(root: HTMLElement): void {
  const summary = document.createElement('summary');
  const intro = document.createElement('p');
  intro.className = 'help';
  intro.textContent = 'Mediator moves and shocks from a given month on; each is drawn on the deal-zone chart. Leave a field blank for "no change".';
  const list = document.createElement('ol');
  list.className = 'event-list';
  const add = document.createElement('button');
  add.type = 'button';
  add.id = 'event-add';
  add.textContent = 'Add event';

  // The form (one, reused for add and edit).
  const form = document.createElement('form');
  form.className = 'event-form';
  form.hidden = true;
  form.noValidate = true;
  const legend = document.createElement('p');
  legend.className = 'ev-legend';
  const month = numberInput('month', 1, 600);
  month.id = 'ev-month';
  const label = document.createElement('input');
  label.type = 'text';
  label.name = 'label';
  label.id = 'ev-label';
  label.maxLength = 200;
  const sets = new Map<string, HTMLInputElement>(SET_KEYS.map(([k]) => [k, numberInput(`set.${k}`, 0, 1)]));
  const shocks = new Map<string, HTMLInputElement>(SHOCK_KEYS.map(([k]) => [k, numberInput(`shock.${k}`, -1, 1)]));
  const proposalBox = document.createElement('div');
  proposalBox.className = 'ev-proposal';
  let proposalInputs: HTMLInputElement[] = [];
  const withdraw = document.createElement('input');
  withdraw.type = 'checkbox';
  withdraw.name = 'withdraw';
  const error = document.createElement('div');
  error.className = 'form-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const save = document.createElement('button');
  save.type = 'submit';
  save.textContent = 'Save event';
  save.className = 'primary';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';

  const levers = document.createElement('fieldset');
  const lg = document.createElement('legend');
  lg.textContent = 'Set levers from this month';
  levers.append(lg, ...SET_KEYS.map(([k, name, unit]) => field(name, sets.get(k)!, unit)));
  const shockSet = document.createElement('fieldset');
  const sg = document.createElement('legend');
  sg.textContent = 'Exhaustion shock (negative = relief)';
  shockSet.append(sg);
  const prop = document.createElement('fieldset');
  const pg = document.createElement('legend');
  pg.textContent = 'Mediator proposal';
  const withdrawLabel = document.createElement('label');
  withdrawLabel.className = 'ev-check';
  withdrawLabel.append(withdraw, ' withdraw the active proposal');
  prop.append(pg, proposalBox, withdrawLabel);
  const buttons = document.createElement('div');
  buttons.className = 'ev-buttons';
  buttons.append(save, cancel);
  form.append(legend, field('Month', month), field('Label', label), levers, shockSet, prop, error, buttons);

  let editing = -1; // index in scenario.events, or −1 when adding

  const layoutForScenario = (s: Scenario) => {
    shockSet.replaceChildren(sg, ...SHOCK_KEYS.map(([k, side, unit]) => field(`${s.sides[side].label}`, shocks.get(k)!, unit)));
    const issues = s.issues && s.issues.length > 1 ? s.issues : [{ label: 'contested stakes' }];
    const old = proposalInputs.map((i) => i.value);
    proposalInputs = issues.map((_, k) => { const i = numberInput(`proposal.${k}`, 0, 1); i.value = old[k] ?? ''; return i; });
    proposalBox.replaceChildren(...proposalInputs.map((i, k) => field(`${s.sides.A.label}'s share of ${issues[k]!.label}`, i, '0–1')));
    month.max = String(s.horizonMonths);
  };

  const open = (index: number) => {
    const s = store.get().scenario;
    editing = index;
    layoutForScenario(s);
    const e: ScenarioEvent | undefined = index >= 0 ? s.events[index] : undefined;
    legend.textContent = e ? `Edit event ${index + 1}` : 'New event';
    month.value = e ? String(e.month) : String(Math.min(s.horizonMonths, Math.max(1, store.get().month ?? 6)));
    label.value = e?.label ?? '';
    for (const [k, i] of sets) i.value = e?.set?.[k as keyof NonNullable<ScenarioEvent['set']>] !== undefined ? String(e.set![k as keyof NonNullable<ScenarioEvent['set']>]) : '';
    for (const [k, i] of shocks) i.value = e?.shock?.[k as keyof NonNullable<ScenarioEvent['shock']>] !== undefined ? String(e.shock![k as keyof NonNullable<ScenarioEvent['shock']>]) : '';
    proposalInputs.forEach((i, k) => { i.value = e?.proposal ? String(e.proposal[k] ?? '') : ''; });
    withdraw.checked = e?.proposal === null;
    error.hidden = true;
    form.hidden = false;
    add.hidden = true;
    month.focus();
  };
  const close = () => {
    form.hidden = true;
    add.hidden = false;
    error.hidden = true;
    editing = -1;
  };

  /** The form's event: numbers where typed, text kept as typed so validation can name it. */
  const readForm = (): { event: Record<string, unknown>; problems: string[] } => {
    const problems: string[] = [];
    const idx = editing >= 0 ? editing : store.get().scenario.events.length;
    const p = `events.${idx}`;
    const num = (i: HTMLInputElement, path: string): number | undefined => {
      if (i.validity.badInput) { problems.push(`${path} is not a number`); return undefined; }
      if (i.value.trim() === '') return undefined;
      return Number(i.value);
    };
    const ev: Record<string, unknown> = { month: num(month, `${p}.month`) ?? Number.NaN, label: label.value.trim() || 'event' };
    const set: Record<string, number> = {};
    for (const [k, i] of sets) { const v = num(i, `${p}.set.${k}`); if (v !== undefined) set[k] = v; }
    if (Object.keys(set).length) ev.set = set;
    const shock: Record<string, number> = {};
    for (const [k, i] of shocks) { const v = num(i, `${p}.shock.${k}`); if (v !== undefined) shock[k] = v; }
    if (Object.keys(shock).length) ev.shock = shock;
    const shares = proposalInputs.map((i, k) => num(i, `${p}.proposal.${k}`));
    if (withdraw.checked) ev.proposal = null;
    else if (shares.some((v) => v !== undefined)) {
      if (shares.some((v) => v === undefined)) problems.push(`${p}.proposal needs one share per issue (${shares.length})`);
      else ev.proposal = shares;
    }
    return { event: ev, problems };
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = store.get().scenario;
    const { event, problems } = readForm();
    let messages = problems;
    if (messages.length === 0) {
      const events: unknown[] = [...s.events];
      if (editing >= 0) events[editing] = event; else events.push(event);
      const r = validateScenario({ ...s, events });
      if (r.ok) {
        store.set({ scenario: r.scenario });
        close();
        add.focus();
        return;
      }
      messages = r.errors.map((x) => x.message);
    }
    error.replaceChildren();
    const head = document.createElement('strong');
    head.textContent = 'Not saved: ';
    error.append(head, messages.join('; '));
    error.hidden = false;
  });
  cancel.addEventListener('click', () => { close(); add.focus(); });
  add.addEventListener('click', () => open(-1));

  const renderList = (s: Scenario) => {
    summary.textContent = `What-if: scheduled events (${s.events.length})`;
    const order = s.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.month - b.e.month || a.i - b.i);
    list.replaceChildren(...order.map(({ e, i }) => {
      const li = document.createElement('li');
      const text = document.createElement('div');
      text.className = 'ev-text';
      const when = document.createElement('strong');
      when.textContent = `Month ${e.month}: `;
      text.append(when, e.label);
      const what = document.createElement('div');
      what.className = 'ev-what';
      what.textContent = describeEvent(e, s);
      const edit = document.createElement('button');
      edit.type = 'button';
      edit.textContent = 'Edit';
      edit.setAttribute('aria-label', `Edit event: month ${e.month}, ${e.label}`);
      edit.addEventListener('click', () => open(i));
      const del = document.createElement('button');
      del.type = 'button';
      del.textContent = 'Delete';
      del.setAttribute('aria-label', `Delete event: month ${e.month}, ${e.label}`);
      del.addEventListener('click', () => {
        const cur = store.get().scenario;
        const r = validateScenario({ ...cur, events: cur.events.filter((_, k) => k !== i) });
        if (r.ok) store.set({ scenario: r.scenario });
        if (editing === i) close();
        add.focus();
      });
      const btns = document.createElement('div');
      btns.className = 'ev-buttons';
      btns.append(edit, del);
      li.append(text, what, btns);
      return li;
    }));
    if (s.events.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = 'No events: the levers stay as set at month 0.';
      list.appendChild(li);
    }
  };

  root.replaceChildren(summary, intro, list, add, form);
  renderList(store.get().scenario);
  store.subscribe((s, ch) => {
    if (!ch.has('scenario')) return;
    renderList(s.scenario);
    if (!form.hidden) layoutForScenario(s.scenario);
    if (editing >= s.scenario.events.length) close();
  });
}
