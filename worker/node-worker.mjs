// Entry of a Node engine worker thread: teach this thread TypeScript (tsx),
// then load the worker itself. Worker threads do not inherit the parent's
// loader, so the CLI, benchmarks and tests all start workers through here.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
