/**
 * Classroom playback of one run: play, pause, step a month (back or on),
 * reset, speed and a month scrubber. Playback moves the store's `month`; the
 * charts then show the run up to that month, and the explanation sentence
 * follows. With playback off, the whole run is shown and `month` is just the
 * cursor (set by hovering a chart or the arrow keys).
 */
import { explainMonth } from '../charts/decomposition.ts';
import { lastMonth } from '../charts/runCommon.ts';
import { store } from '../state.ts';
import { h } from '../dom.ts';

const SPEEDS: readonly [number, string][] = [[1, 'slow (1 month/s)'], [3, 'normal (3 months/s)'], [8, 'fast (8 months/s)']];

function last(): number {
  const t = store.get().trace;
  return t ? lastMonth(t) : store.get().scenario.horizonMonths;
}

export function play(): void {
  const s = store.get();
  if (!s.trace) return;
  const m = s.playback === 'off' || s.month === null || s.month >= last() ? 0 : s.month;
  store.set({ playback: 'playing', month: m });
}

export function pause(): void {
  if (store.get().playback === 'playing') store.set({ playback: 'paused' });
}

export function togglePlay(): void {
  if (store.get().playback === 'playing') pause(); else play();
}

/** Step `d` months in playback (entering it, paused, if it was off). */
export function step(d: number): void {
  const s = store.get();
  const from = s.month ?? (d > 0 ? -1 : last() + 1);
  store.set({ playback: 'paused', month: Math.max(0, Math.min(last(), from + d)) });
}

/** Move the cursor `d` months (arrow keys): steps playback if it is on, else just moves the cursor. */
export function moveCursor(d: number | 'first' | 'last'): void {
  const s = store.get();
  if (s.playback !== 'off') {
    if (d === 'first') store.set({ playback: 'paused', month: 0 });
    else if (d === 'last') store.set({ playback: 'paused', month: last() });
    else step(d);
    return;
  }
  const m = d === 'first' ? 0 : d === 'last' ? last() : Math.max(0, Math.min(last(), (s.month ?? (d > 0 ? -1 : last() + 1)) + d));
  store.set({ month: m });
}

export function resetPlayback(): void {
  store.set({ playback: 'off', month: null });
}

function btn(text: string, id: string, label?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = text;
  if (label) b.setAttribute('aria-label', label);
  return b;
}

export interface PlaybackPanel {
  readonly element: HTMLElement;
  /** Refresh from the store (month, playback, trace). */
  refresh(): void;
  destroy(): void;
}

/** The playback bar and the explanation sentence; `extra` buttons go at the bar's end. */
export function createPlayback(extra: HTMLElement[]): PlaybackPanel {
  const el = document.createElement('div');
  el.className = 'run-sticky';
  const bar = document.createElement('div');
  bar.className = 'playbar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Playback of the run, month by month');
  const playBtn = btn('▶ Play', 'play');
  const back = btn('◀ −1', 'step-back', 'Back one month');
  const fwd = btn('+1 ▶', 'step', 'Step one month');
  const reset = btn('Reset', 'reset-playback', 'Reset playback: show the whole run');
  const speedLabel = document.createElement('label');
  speedLabel.className = 'field';
  speedLabel.textContent = 'Speed ';
  const speed = document.createElement('select');
  speed.id = 'speed';
  for (const [v, t] of SPEEDS) speed.add(new Option(t, String(v)));
  speedLabel.appendChild(speed);
  const scrub = document.createElement('input');
  scrub.type = 'range';
  scrub.id = 'month-scrub';
  scrub.min = '0';
  scrub.step = '1';
  scrub.setAttribute('aria-label', 'Month');
  const readout = document.createElement('output');
  readout.id = 'month-readout';
  readout.htmlFor.add('month-scrub');
  const spacer = document.createElement('span');
  spacer.className = 'spacer';
  bar.append(playBtn, back, fwd, reset, speedLabel, scrub, readout, spacer, ...extra);

  const chip = h('span', { class: 'zone-chip' });
  const sentence = h('span', { class: 'sentence' });
  const hint = h('span', { class: 'hint', text: ' Hover a chart, press Play, or use the arrow keys to see another month.' });
  const explain = h('p', { id: 'explanation', class: 'explanation', 'aria-live': 'polite' }, chip, sentence, hint);
  el.append(bar, explain);

  playBtn.addEventListener('click', togglePlay);
  back.addEventListener('click', () => step(-1));
  fwd.addEventListener('click', () => step(1));
  reset.addEventListener('click', resetPlayback);
  speed.addEventListener('change', () => store.set({ speed: Number(speed.value) }));
  scrub.addEventListener('input', () => store.set({ playback: store.get().playback === 'playing' ? 'playing' : 'paused', month: Number(scrub.value) }));

  let timer = 0;
  const schedule = () => {
    window.clearInterval(timer);
    timer = 0;
    const s = store.get();
    if (s.playback !== 'playing') return;
    timer = window.setInterval(() => {
      const st = store.get();
      const end = last();
      const next = (st.month ?? -1) + 1;
      if (next >= end) store.set({ month: end, playback: 'paused' });
      else store.set({ month: next });
    }, 1000 / s.speed);
  };

  const refresh = () => {
    const s = store.get();
    const end = last();
    playBtn.textContent = s.playback === 'playing' ? '❚❚ Pause' : '▶ Play';
    playBtn.dataset.state = s.playback;
    speed.value = String(s.speed);
    scrub.max = String(end);
    scrub.value = String(s.month ?? end);
    const H = s.scenario.horizonMonths;
    readout.textContent = s.month === null ? `Months 0–${end}${end < H ? ` (ended)` : ''}` : `Month ${s.month} of ${end}`;
    const t = s.trace;
    if (!t) { sentence.textContent = 'Computing the run…'; chip.textContent = ''; return; }
    const m = Math.min(s.month ?? end, H);
    const fm = Math.min(m, end);
    const open = t.fields.zoneOpen[fm]! === 1;
    chip.textContent = open ? 'zone open' : 'zone shut';
    chip.dataset.open = String(open);
    sentence.textContent = explainMonth(t, s.scenario, m);
    hint.hidden = s.month !== null;
  };

  const off = store.subscribe((_s, ch) => {
    if (ch.has('playback') || ch.has('speed')) schedule();
    if (ch.has('month') || ch.has('playback') || ch.has('trace') || ch.has('speed') || ch.has('scenario')) refresh();
  });
  refresh();
  schedule();
  return {
    element: el,
    refresh,
    destroy() {
      off();
      window.clearInterval(timer);
      if (store.get().playback === 'playing') store.set({ playback: 'paused' });
    },
  };
}
