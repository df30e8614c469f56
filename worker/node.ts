/**
 * The engine pool on worker_threads, for the CLI, benchmarks and tests: the
 * same API as in the browser. Workers run the TypeScript source through tsx.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineApi } from './api.ts';
import { EnginePool, failureSignal, type EngineWorker } from './pool.ts';

/** Start one Node engine worker. */
export function startNodeWorker(): EngineWorker {
  const worker = new Worker(new URL('./node-worker.mjs', import.meta.url));
  const signal = failureSignal();
  worker.on('error', (e) => signal.fail(e.message));
  worker.on('exit', (code) => signal.fail(`exit code ${code}`));
  worker.unref();
  return {
    api: wrap<EngineApi>(nodeEndpoint(worker)),
    onFailure: signal.onFailure,
    terminate: () => { signal.mute(); void worker.terminate(); },
  };
}

/** The hardware's parallelism (at least 1). */
export function hardwareThreads(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of `size` worker threads (default: one per core). */
export function createNodePool(size = hardwareThreads()): EnginePool {
  return new EnginePool(startNodeWorker, size);
}
