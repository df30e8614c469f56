/**
 * The Node engine worker (worker_threads): the same job API as the browser's,
 * over comlink's Node adapter.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createEngine } from './api.ts';

if (!parentPort) throw new Error('node-worker.ts must run in a worker thread');
expose(createEngine(), nodeEndpoint(parentPort));
