/**
 * A job's progress bar with a Cancel button and a status line, shared by the
 * many-runs views (Monte Carlo, sweep, sensitivity). Updates are cheap DOM
 * writes made at most once per progress event (the pool sends ~10 a second),
 * so the main thread stays free while the workers compute.
 *
 * Also the small DOM helpers those views share.
 */
import type { Progress } from '../../../worker/pool.ts';
import '../many.css';

/** Create an element with attributes/properties and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('aria-') || k.startsWith('data-') || k === 'role' || k === 'for' || k === 'style') el.setAttribute(k, String(v));
    else (el as unknown as Record<string, unknown>)[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** A labelled number input (label wraps the input). */
export function numberField(id: string, label: string, value: number, attrs: { min?: number; max?: number; step?: number | 'any'; title?: string } = {}): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = h('input', { id, type: 'number', value: String(value), min: attrs.min !== undefined ? String(attrs.min) : undefined, max: attrs.max !== undefined ? String(attrs.max) : undefined, step: attrs.step !== undefined ? String(attrs.step) : 'any', title: attrs.title });
  return { label: h('label', { class: 'field' }, h('span', { text: label }), input), input };
}

/** 2000 → "2,000". */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** "about 3 s left", "about 2 min left". */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating time left…';
  if (seconds < 1) return 'less than a second left';
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The widget. */
export interface JobPanel {
  readonly element: HTMLElement;
  /** Show the bar at 0 and enable Cancel. */
  start(message: string): void;
  /** A progress event of the running job. */
  progress(p: Progress): void;
  /** The job ended: hide the bar, say how. */
  finish(status: Exclude<JobStatus, 'idle' | 'running'>, message: string): void;
  /** Set the status line without a job (e.g. "Press Run"). */
  say(message: string, status?: JobStatus): void;
  readonly status: JobStatus;
}

/**
 * Build the widget. `prefix` makes ids (`${prefix}-progress`, `${prefix}-cancel`,
 * `${prefix}-status`); `unit` names what is counted ("runs"); `onCancel` is
 * called when the user presses Cancel (or Escape while the widget has focus).
 */
export function createJobPanel(prefix: string, unit: string, onCancel: () => void): JobPanel {
  const bar = h('progress', { id: `${prefix}-progress`, max: 1, value: 0, 'aria-label': `Progress of the ${unit}` });
  const text = h('span', { class: 'job-text', id: `${prefix}-progress-text` });
  const cancel = h('button', { type: 'button', id: `${prefix}-cancel`, class: 'cancel', text: 'Cancel', disabled: true });
  const row = h('div', { class: 'job-row', hidden: true }, bar, text, cancel);
  const status = h('p', { class: 'job-status', id: `${prefix}-status`, role: 'status', 'aria-live': 'polite' });
  const element = h('div', { class: 'job', id: `${prefix}-job` }, row, status);
  let state: JobStatus = 'idle';
  cancel.addEventListener('click', () => { if (state === 'running') onCancel(); });
  element.addEventListener('keydown', (e) => { if (e.key === 'Escape' && state === 'running') onCancel(); });
  const setStatus = (s: JobStatus, message: string) => {
    state = s;
    status.dataset.status = s;
    status.textContent = message;
  };
  return {
    element,
    get status() { return state; },
    start(message) {
      row.hidden = false;
      bar.value = 0;
      bar.removeAttribute('value'); // indeterminate until the first progress event
      text.textContent = 'starting…';
      cancel.disabled = false;
      setStatus('running', message);
    },
    progress(p) {
      if (state !== 'running') return;
      bar.value = p.fraction;
      text.textContent = `${count(p.done)} of ${count(p.total)} ${unit} · ${Math.floor(p.fraction * 100)}% · ${formatEta(p.etaSeconds)}`;
    },
    finish(s, message) {
      row.hidden = true;
      cancel.disabled = true;
      setStatus(s, message);
    },
    say(message, s = 'idle') {
      if (state === 'running' && s !== 'running') row.hidden = true;
      setStatus(s, message);
    },
  };
}

/** Yield to the event loop so that one long render becomes several short tasks. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
