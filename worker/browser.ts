/**
 * The engine pool in the browser: module workers started by Vite's
 * `new Worker(new URL(...), { type: 'module' })` pattern.
 */
import { wrap } from 'comlink';
import type { EngineApi } from './api.ts';
import { EnginePool, type EngineWorker } from './pool.ts';

/** Start one browser engine worker. */
export function startBrowserWorker(): EngineWorker {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  let failed = false;
  const listeners: ((reason: string) => void)[] = [];
  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    for (const l of listeners) l(reason);
  };
  worker.addEventListener('error', (e) => { e.preventDefault(); fail(e.message || 'worker error'); });
  worker.addEventListener('messageerror', () => fail('a message could not be read'));
  return {
    api: wrap<EngineApi>(worker),
    onFailure: (l) => { listeners.push(l); },
    terminate: () => worker.terminate(),
  };
}

/** A pool sized from the hardware: navigator.hardwareConcurrency, at least 1, at most 8. */
export function createBrowserPool(size = Math.min(8, Math.max(1, navigator.hardwareConcurrency || 1))): EnginePool {
  return new EnginePool(startBrowserWorker, size);
}
