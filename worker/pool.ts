/**
 * A pool of engine workers with a work queue, progress and cancel, the same
 * in the browser (engine.worker.ts) and in Node (node.ts): only the factory
 * that starts a worker differs.
 *
 * Jobs are split into small work items (a few tens of milliseconds each).
 * Monte Carlo runs r use the seed derived from (seed, r) whichever worker runs
 * them, and counts are integers summed at the end, so results do not depend
 * on the pool size or the order items finish in.
 *
 * Cancel (an AbortSignal) settles the job at once with `{ ok: false,
 * cancelled: true }`; items already running finish in the background and are
 * ignored. A worker that dies is replaced, and every job that had work or
 * counts in it fails with a clear error instead of hanging.
 */

import type { Remote } from 'comlink';
import {
  chunkRange, finishMonteCarlo, finishSensitivity, finishSweep, sensitivityDesign, sweepPoints, emptyPointStats, addPointStats,
  type Chunk, type DesignPoint, type MonteCarloResult, type PointStats, type Scenario, type SensitivityOptions,
  type SensitivityResult, type SweepOptions, type SweepResult, type Trace, type MonteCarloCounts, Simulator,
} from '../models/index.ts';
import { requireScenario, sumCounts, type EngineApi, type JobResult } from './api.ts';

/** One started worker, whatever the platform. */
export interface EngineWorker {
  readonly api: Remote<EngineApi>;
  /** Register the listener called (once) if the worker dies. */
  onFailure(listener: (reason: string) => void): void;
  terminate(): void;
}

export type WorkerFactory = () => EngineWorker;

/**
 * The failure signal of one worker: `fail(reason)` tells the listeners once;
 * the platform adapters (browser.ts, node.ts) call it from their error events.
 */
export function failureSignal(): { fail: (reason: string) => void; onFailure: (listener: (reason: string) => void) => void; mute: () => void } {
  let done = false;
  const listeners: ((reason: string) => void)[] = [];
  return {
    fail(reason) {
      if (done) return;
      done = true;
      for (const l of listeners) l(reason);
    },
    onFailure: (l) => { listeners.push(l); },
    mute: () => { done = true; },
  };
}

/** Progress of a job. */
export interface Progress {
  /** 0..1 */
  fraction: number;
  done: number;
  total: number;
  /** What `done` counts. */
  unit: 'runs';
  /** Seconds left at the current pace, or null before there is a pace. */
  etaSeconds: number | null;
}

/** Per-job controls. */
export interface JobControls {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** Progress callbacks are throttled to this interval (ms): at most ~10 a second. */
export const PROGRESS_INTERVAL_MS = 100;
/** A work item aims at about this many simulated months (≈ 10–40 ms). */
export const MONTHS_PER_ITEM = 40_000;

interface Slot {
  worker: EngineWorker;
  busy: boolean;
  /** Rejects the item running in this slot when the worker dies. */
  failInFlight: ((reason: string) => void) | null;
  /** Monte Carlo jobs whose counts live in this worker. */
  holds: Set<Job>;
}

class Job {
  done = false;
  failure: string | null = null;
  readonly cancelled: Promise<void>;
  private cancel!: () => void;
  constructor(readonly signal?: AbortSignal) {
    this.cancelled = new Promise((resolve) => { this.cancel = resolve; });
    signal?.addEventListener('abort', () => this.cancel(), { once: true });
    if (signal?.aborted) this.cancel();
  }
  get stopped(): boolean {
    return this.done || this.failure !== null || this.signal?.aborted === true;
  }
}

let jobCounter = 0;

/** Worker crash message. */
function crashMessage(reason: string): string {
  return `a worker stopped unexpectedly (${reason}); the job was abandoned, and a new worker has taken its place: run it again`;
}

/** The pool. Size: from the hardware unless given; at least 1. */
export class EnginePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiters: ((slot: Slot) => void)[] = [];
  private closed = false;

  constructor(private readonly factory: WorkerFactory, size: number) {
    this.size = Math.max(1, Math.floor(size) || 1);
    for (let i = 0; i < this.size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const slot: Slot = { worker: this.factory(), busy: false, failInFlight: null, holds: new Set() };
    slot.worker.onFailure((reason) => this.replace(slot, reason));
    return slot;
  }

  /** A worker died: fail what depended on it and start a new one in its place. */
  private replace(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    for (const job of slot.holds) job.failure ??= crashMessage(reason);
    slot.failInFlight?.(reason);
    try { slot.worker.terminate(); } catch { /* already gone */ }
    const fresh = this.start();
    this.slots[i] = fresh;
    this.release(fresh);
  }

  private acquire(priority = false): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) { free.busy = true; return Promise.resolve(free); }
    return new Promise((resolve) => {
      const take = (slot: Slot) => { slot.busy = true; resolve(slot); };
      if (priority) this.waiters.unshift(take); else this.waiters.push(take);
    });
  }

  private release(slot: Slot): void {
    slot.busy = false;
    slot.failInFlight = null;
    const next = this.waiters.shift();
    if (next && this.slots.includes(slot)) next(slot);
  }

  /** Run one item on a worker; rejects if the worker dies meanwhile. */
  private async onWorker<T>(call: (api: Remote<EngineApi>, slot: Slot) => Promise<T>, priority = false): Promise<T> {
    if (this.closed) throw new Error('the engine pool is closed');
    const slot = await this.acquire(priority);
    try {
      return await new Promise<T>((resolve, reject) => {
        slot.failInFlight = (reason) => reject(new Error(crashMessage(reason)));
        call(slot.worker.api, slot).then(resolve, reject);
      });
    } finally {
      if (this.slots.includes(slot)) this.release(slot);
    }
  }

  /**
   * Run work items over the pool until done, failed or cancelled; the job
   * settles at once on cancel.
   */
  private async runItems<I>(job: Job, items: I[], exec: (item: I, api: Remote<EngineApi>, slot: Slot) => Promise<number>, total: number, controls: JobControls): Promise<JobResult<true>> {
    const started = Date.now();
    let done = 0;
    let lastReport = 0;
    const report = (force: boolean) => {
      if (!controls.onProgress) return;
      const now = Date.now();
      if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return;
      lastReport = now;
      const elapsed = (now - started) / 1000;
      controls.onProgress({ fraction: total > 0 ? done / total : 1, done, total, unit: 'runs', etaSeconds: done > 0 ? (elapsed / done) * (total - done) : null });
    };
    report(true);
    let next = 0;
    const lane = async (): Promise<void> => {
      try {
        while (!job.stopped && next < items.length) {
          const item = items[next++]!;
          const n = await this.onWorker((api, slot) => exec(item, api, slot));
          if (job.stopped) return;
          done += n;
          report(false);
        }
      } catch (e) {
        job.failure ??= e instanceof Error ? e.message : String(e);
      }
    };
    const lanes = Promise.all(Array.from({ length: Math.min(this.size, items.length) }, lane));
    const outcome = await Promise.race([lanes.then(() => 'finished' as const), job.cancelled.then(() => 'cancelled' as const)]);
    if (outcome === 'cancelled' || job.signal?.aborted) { job.done = true; return { ok: false, error: 'cancelled', cancelled: true }; }
    if (job.failure !== null) { job.done = true; return { ok: false, error: job.failure }; }
    report(true);
    return { ok: true, value: true };
  }

  /** One run's trace (a priority item: it jumps the queue of long jobs). */
  async simulate(scenario: unknown, seed: number, run = 0): Promise<JobResult<Trace>> {
    try {
      return await this.onWorker<JobResult<Trace>>((api) => api.simulate(scenario, seed, run), true);
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Monte Carlo (or one chunk of it, for sharding): see models/montecarlo.ts. */
  async monteCarlo(input: unknown, options: { runs: number; seed: number; chunk?: Chunk }, controls: JobControls = {}): Promise<JobResult<MonteCarloResult>> {
    let scenario: Scenario;
    try {
      scenario = requireScenario(input);
      checkRuns(options.runs);
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
    const [from, to] = chunkRange(options.runs, options.chunk);
    const id = `mc${++jobCounter}`;
    const job = new Job(controls.signal);
    const step = Math.max(1, Math.floor(MONTHS_PER_ITEM / (scenario.horizonMonths + 1)));
    const items: [number, number][] = [];
    for (let r = from; r < to; r += step) items.push([r, Math.min(to, r + step)]);
    const used = new Set<Slot>();
    const res = await this.runItems(job, items, async ([a, b], api, slot) => {
      used.add(slot);
      slot.holds.add(job);
      const r = await api.monteCarloRuns(id, scenario, options.seed, a, b);
      if (!r.ok) { job.failure ??= r.error; return 0; }
      return r.value;
    }, to - from, controls);
    if (!res.ok) {
      for (const s of used) { s.holds.delete(job); if (this.slots.includes(s)) void s.worker.api.discard(id); }
      return res;
    }
    const parts: (MonteCarloCounts | null)[] = [];
    for (const s of used) {
      s.holds.delete(job);
      if (!this.slots.includes(s)) return { ok: false, error: crashMessage('lost during the job') };
      const r = await this.onWorkerDirect(s, () => s.worker.api.takeCounts(id));
      if (!r.ok) return r;
      parts.push(r.value);
    }
    job.done = true;
    const issueCount = new Simulator(scenario).issueCount;
    const counts = sumCounts(scenario.horizonMonths, issueCount, parts);
    return { ok: true, value: finishMonteCarlo(scenario, options.seed, options.runs, [from, to], counts, issueCount) };
  }

  /** Call a specific worker (to collect what it holds), even while it is busy. */
  private async onWorkerDirect<T>(slot: Slot, call: () => Promise<JobResult<T>>): Promise<JobResult<T>> {
    return await new Promise<JobResult<T>>((resolve) => {
      const prev = slot.failInFlight;
      slot.failInFlight = (reason) => { prev?.(reason); resolve({ ok: false, error: crashMessage(reason) }); };
      call().then(resolve, (e: unknown) => resolve({ ok: false, error: String(e) }));
    });
  }

  /** Evaluate design points over the pool: each point's runs split in items, counts summed per point. */
  private async points(scenario: Scenario, points: readonly DesignPoint[], runs: number, seed: number, range: [number, number], controls: JobControls): Promise<JobResult<PointStats[]>> {
    checkRuns(runs);
    const job = new Job(controls.signal);
    const step = Math.max(1, Math.floor(MONTHS_PER_ITEM / (scenario.horizonMonths + 1)));
    const items: [number, number, number][] = [];
    for (let p = range[0]; p < range[1]; p++) for (let r = 0; r < runs; r += step) items.push([p, r, Math.min(runs, r + step)]);
    const stats = Array.from({ length: range[1] - range[0] }, () => emptyPointStats(scenario.horizonMonths));
    const res = await this.runItems(job, items, async ([p, a, b], api) => {
      const r = await api.pointRuns(scenario, points[p]!, seed, a, b);
      if (!r.ok) { job.failure ??= r.error; return 0; }
      addPointStats(stats[p - range[0]]!, r.value);
      return b - a;
    }, (range[1] - range[0]) * runs, controls);
    return res.ok ? { ok: true, value: stats } : res;
  }

  /** A one- or two-parameter sweep (or a chunk of its cells). */
  async sweep(input: unknown, options: Omit<SweepOptions, 'onProgress' | 'shouldStop'>, controls: JobControls = {}): Promise<JobResult<SweepResult>> {
    let scenario: Scenario, pts: DesignPoint[];
    try {
      scenario = requireScenario(input);
      pts = sweepPoints(options.x, options.y);
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
    const range = chunkRange(pts.length, options.chunk);
    const r = await this.guard(() => this.points(scenario, pts, options.runs, options.seed, range, controls));
    return r.ok ? { ok: true, value: finishSweep(scenario, options, range[0], r.value) } : r;
  }

  /** Tornado and Morris screening (the whole design; shards use `sensitivityPoints`). */
  async sensitivity(input: unknown, options: Omit<SensitivityOptions, 'onProgress' | 'shouldStop' | 'chunk'>, controls: JobControls = {}): Promise<JobResult<SensitivityResult>> {
    let scenario: Scenario;
    try { scenario = requireScenario(input); } catch (e) { return { ok: false, error: (e as Error).message }; }
    const r = await this.sensitivityPoints(scenario, options, undefined, controls);
    if (!r.ok) return r;
    return this.guard(async () => ({ ok: true as const, value: finishSensitivity(scenario, options, r.value.design, r.value.stats) }));
  }

  /** The stats of chunk `chunk` of a sensitivity design's points (for shards). */
  async sensitivityPoints(input: unknown, options: Omit<SensitivityOptions, 'onProgress' | 'shouldStop' | 'chunk'>, chunk: Chunk | undefined, controls: JobControls = {}): Promise<JobResult<{ design: ReturnType<typeof sensitivityDesign>; range: [number, number]; stats: PointStats[] }>> {
    return this.guard(async () => {
      const scenario = requireScenario(input);
      const design = sensitivityDesign(scenario, options);
      const range = chunkRange(design.points.length, chunk);
      const r = await this.points(scenario, design.points, options.runs, options.seed, range, controls);
      return r.ok ? { ok: true as const, value: { design, range, stats: r.value } } : r;
    });
  }

  private async guard<T>(f: () => Promise<JobResult<T>>): Promise<JobResult<T>> {
    try {
      return await f();
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** The workers (for tests: e.g. to make one crash). */
  get workers(): readonly EngineWorker[] {
    return this.slots.map((s) => s.worker);
  }

  /** Stop every worker. */
  close(): void {
    this.closed = true;
    for (const s of this.slots) s.worker.terminate();
  }
}

function checkRuns(runs: number): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > 10_000_000) throw new RangeError(`runs = ${runs} must be an integer from 1 to 10000000`);
}
