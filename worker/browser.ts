/**
 * The engine pool in the browser: module workers started by Vite's
 * `new Worker(new URL(...), { type: 'module' })` pattern.
 */
import { wrap } from 'comlink';
import type { EngineApi } from './api.ts';
import { EnginePool, failureSignal, type EngineWorker } from './pool.ts';

/** Start one browser engine worker. */
export function startBrowserWorker(): EngineWorker {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const signal = failureSignal();
  worker.addEventListener('error', (e) => { e.preventDefault(); signal.fail(e.message || 'worker error'); });
  worker.addEventListener('messageerror', () => signal.fail('a message could not be read'));
  return {
    api: wrap<EngineApi>(worker),
    onFailure: signal.onFailure,
    terminate: () => { signal.mute(); worker.terminate(); },
  };
}

/** A pool sized from the hardware: navigator.hardwareConcurrency, at least 1, at most 8. */
export function createBrowserPool(size = Math.min(8, Math.max(1, navigator.hardwareConcurrency || 1))): EnginePool {
  return new EnginePool(startBrowserWorker, size);
}
