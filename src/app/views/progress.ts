/**
 * A job's progress bar with a Cancel button and a status line, shared by the
 * many-runs views (Monte Carlo, sweep, sensitivity). Updates are cheap DOM
 * writes made at most once per progress event (the pool sends ~10 a second),
 * so the main thread stays free while the workers compute.
 *
 * Also the small DOM helpers those views share.
 */
import type { JobControls, Progress } from '../../../worker/pool.ts';
import type { JobResult } from '../../../worker/api.ts';
import '../many.css';
import { h } from '../dom.ts';

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

/**
 * One view's job, kept across tab switches: its status line, its cancel
 * controller, its last progress and its last result. The three many-runs views
 * run their pool jobs through `run`, which owns the running → done /
 * cancelled / error messages, so they read the same everywhere.
 */
export class JobRunner<R> {
  status: { kind: JobStatus; message: string } = { kind: 'idle', message: '' };
  controller: AbortController | null = null;
  progress: Progress | null = null;
  /** The last finished result (kept when a later job is cancelled or fails). */
  last: R | null = null;
  private panel: JobPanel | null = null;

  /** @param what The job's name for messages ("The sweep"); `shown` what the charts show of `last`. */
  constructor(private readonly what: string, private readonly shown: string) {}

  get running(): boolean {
    return this.controller !== null;
  }

  /** Set the status line (and the mounted panel, if any). */
  setStatus(kind: JobStatus, message: string): void {
    this.status = { kind, message };
    const p = this.panel;
    if (!p) return;
    if (kind === 'running') p.start(message);
    else if (kind === 'idle') p.say(message);
    else p.finish(kind, message);
  }

  /** A newly mounted panel shows what was going on when the tab was left. */
  attach(panel: JobPanel): void {
    this.panel = panel;
    const st = this.status;
    if (this.controller) { panel.start(st.message); if (this.progress) panel.progress(this.progress); }
    else if (st.message) { if (st.kind === 'idle') panel.say(st.message); else panel.finish(st.kind as Exclude<JobStatus, 'idle' | 'running'>, st.message); }
  }

  detach(): void {
    this.panel = null;
  }

  cancel(): void {
    this.controller?.abort();
  }

  /**
   * Run a pool job with progress and cancel. Resolves to the value and the
   * seconds it took, or null when it was cancelled or failed (the status line
   * then says so). The caller sets `last` and the "done" message.
   */
  async run<T>(startMessage: string, job: (controls: JobControls) => Promise<JobResult<T>>): Promise<{ value: T; seconds: number } | null> {
    const controller = new AbortController();
    this.controller = controller;
    this.progress = null;
    this.setStatus('running', startMessage);
    const started = performance.now();
    const r = await job({ signal: controller.signal, onProgress: (p) => { this.progress = p; this.panel?.progress(p); } });
    this.controller = null;
    if (r.ok) return { value: r.value, seconds: (performance.now() - started) / 1000 };
    if (r.cancelled) {
      const p = this.progress as Progress | null; // set by onProgress while awaiting
      const after = p ? `after ${count(p.done)} of ${count(p.total)} runs` : 'before any runs finished';
      this.setStatus('cancelled', `Cancelled ${after}. ${this.last ? `The charts still show the previous ${this.shown}.` : `No ${this.shown} to show yet.`}`);
    } else {
      this.setStatus('error', `${this.what} failed: ${r.error}`);
    }
    return null;
  }
}
