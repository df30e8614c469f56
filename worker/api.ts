/**
 * The engine's job API: what one worker does, as a thin layer over models/.
 * The browser worker (engine.worker.ts), the Node worker (node-worker.ts) and
 * in-process callers (tests, `--threads 1`) all expose this same object; the
 * pool (pool.ts) splits jobs into small work items over N of them.
 *
 * Work items are small (tens of milliseconds) so that cancel takes effect
 * quickly and progress is smooth. Monte Carlo counts stay in the worker until
 * the pool takes them once at the end (one transfer per worker, not per item).
 * Expected errors come back as values `{ ok: false, error }` (comlink drops
 * custom fields of thrown errors), never as throws.
 */

import { transfer } from 'comlink';
import {
  Simulator, addCounts, addPointRuns, countRun, emptyCounts, emptyPointStats, scenarioAt, simulate,
  validateScenario, TRACE_FIELDS, FAN_FIELDS,
  type DesignPoint, type MonteCarloCounts, type PointStats, type Scenario, type Trace,
} from '../models/index.ts';

/** A job's answer: a value, or a message that says what went wrong. */
export type JobResult<T> = { ok: true; value: T } | { ok: false; error: string; cancelled?: boolean };

/** Wrap a computation so that any thrown error becomes `{ ok: false, error }`. */
export function attempt<T>(f: () => T): JobResult<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Validate untrusted input into a scenario, or throw a RangeError listing the problems. */
export function requireScenario(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new RangeError(r.errors.map((e) => e.message).join('; '));
  return r.scenario;
}

/** The buffers of a trace, for transfer. */
export function traceBuffers(t: Trace): ArrayBuffer[] {
  return [t.months.buffer as ArrayBuffer, ...TRACE_FIELDS.map((f) => t.fields[f].buffer as ArrayBuffer)];
}

/** The buffers of Monte Carlo counts, for transfer. */
export function countsBuffers(c: MonteCarloCounts): ArrayBuffer[] {
  return [c.zoneOpensAt, c.dealAt, c.victoryAAt, c.victoryBAt, c.outcomes, c.ripeAt, c.terms, ...FAN_FIELDS.map((f) => c.fan[f])].map((a) => a.buffer as ArrayBuffer);
}

/** The buffers of point stats, for transfer. */
export function pointStatsBuffers(s: PointStats): ArrayBuffer[] {
  return [s.dealAt.buffer as ArrayBuffer, s.zoneOpensAt.buffer as ArrayBuffer, s.terms.buffer as ArrayBuffer];
}

/** What one worker offers. Every method is synchronous in the worker; comlink makes it a promise outside. */
export interface EngineApi {
  /** One run's trace (its arrays transferred). */
  simulate(scenario: unknown, seed: number, run?: number): JobResult<Trace>;
  /** Add runs [from, to) of a Monte Carlo to job `job`'s counts, kept in this worker. Returns the runs done. */
  monteCarloRuns(job: string, scenario: Scenario, seed: number, from: number, to: number): JobResult<number>;
  /** Hand over (and forget) job `job`'s counts; null if this worker did none of its runs. */
  takeCounts(job: string): JobResult<MonteCarloCounts | null>;
  /** Runs [from, to) at one design point (counts transferred). */
  pointRuns(scenario: Scenario, point: DesignPoint, seed: number, from: number, to: number): JobResult<PointStats>;
  /** Forget a cancelled job's state. */
  discard(job: string): void;
  /** For the pool's crash test: throw outside any call, as a dying worker would. */
  crashForTest(): void;
}

interface McState {
  sim: Simulator;
  counts: MonteCarloCounts;
}

/** The engine of one worker (or of the calling thread). */
export function createEngine(): EngineApi {
  const jobs = new Map<string, McState>();
  return {
    simulate(scenario, seed, run = 0) {
      const r = attempt(() => simulate(requireScenario(scenario), { seed, run }));
      return r.ok ? transfer(r, traceBuffers(r.value)) : r;
    },
    monteCarloRuns(job, scenario, seed, from, to) {
      return attempt(() => {
        let st = jobs.get(job);
        if (!st) {
          const sim = new Simulator(scenario);
          st = { sim, counts: emptyCounts(scenario.horizonMonths, sim.issueCount) };
          jobs.set(job, st);
        }
        for (let r = from; r < to; r++) {
          st.sim.run(seed, r, { recordEvents: false });
          countRun(st.counts, st.sim);
        }
        return to - from;
      });
    },
    takeCounts(job) {
      const st = jobs.get(job);
      jobs.delete(job);
      if (!st) return { ok: true, value: null };
      return transfer({ ok: true as const, value: st.counts }, countsBuffers(st.counts));
    },
    pointRuns(scenario, point, seed, from, to) {
      const r = attempt(() => addPointRuns(emptyPointStats(scenario.horizonMonths), new Simulator(scenarioAt(scenario, point)), seed, from, to));
      return r.ok ? transfer(r, pointStatsBuffers(r.value)) : r;
    },
    discard(job) {
      jobs.delete(job);
    },
    crashForTest() {
      setTimeout(() => { throw new Error('crash requested by a test'); }, 0);
    },
  };
}

/** Sum per-worker counts into one (exact: integer counts). */
export function sumCounts(horizon: number, issueCount: number, parts: readonly (MonteCarloCounts | null)[]): MonteCarloCounts {
  const total = emptyCounts(horizon, issueCount);
  for (const p of parts) if (p) addCounts(total, p);
  return total;
}
