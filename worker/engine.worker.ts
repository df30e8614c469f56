/**
 * The browser's engine worker: exposes the job API of api.ts with comlink.
 * `expose` is called synchronously at start-up (DESIGN.md), so no message is
 * lost. mathjs is never imported here unless a formula needs it.
 */
import { expose } from 'comlink';
import { createEngine } from './api.ts';

expose(createEngine());
