/**
 * `npm run bench` (figures, not pass/fail): single-thread throughput against
 * the hand-fused baseline, a 10,000 × 120 Monte Carlo through the pool, the
 * pool's speed-up over one worker, sweep cells per second, cancel latency,
 * the app's initial JavaScript (gzipped), and in Chromium the time from a
 * slider move to redrawn charts. `npm run bench -- --json`
 * prints one JSON object as the last line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { Simulator, scenarios, setParam, SHIPPED_SCENARIO_ID, type Scenario } from '../models/index.ts';
import { createNodePool } from '../worker/node.ts';
import { baselineRuns } from './baseline.ts';
import { sliderRedrawLatency } from './browser.ts';

const json = process.argv.includes('--json');
const log = (...a: unknown[]) => { if (!json) console.log(...a); };

/** The shipped scenario at a 120-month horizon, one issue, no scheduled events (what the baseline models). */
const shipped: Scenario = { ...setParam(scenarios[SHIPPED_SCENARIO_ID]!, 'horizonMonths', 120), events: [] };
/** The same, fought to the horizon (talks never happen): months per run are all 120. */
const longRuns = setParam(shipped, 'bargaining.talkChance', 0);

function best<T>(times: number, f: () => T): { seconds: number; value: T } {
  let bestS = Infinity, value: T | undefined;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    value = f();
    bestS = Math.min(bestS, (performance.now() - t0) / 1000);
  }
  return { seconds: bestS, value: value as T };
}

function engineMonths(s: Scenario, runs: number): { months: number; deals: number; dealMonthSum: number } {
  const sim = new Simulator(s);
  let months = 0, deals = 0, dealMonthSum = 0;
  for (let r = 0; r < runs; r++) {
    sim.run(1, r, { recordEvents: false });
    months += sim.monthsSimulated;
    if (sim.dealAt >= 0) { deals++; dealMonthSum += sim.dealAt; }
  }
  return { months, deals, dealMonthSum };
}

// 1. Single thread: engine vs baseline, on runs fought to the horizon (and a check on the shipped scenario).
const RUNS = 4000;
engineMonths(longRuns, 500); baselineRuns(longRuns, 1, 500); // warm up the JIT
const eng = best(3, () => engineMonths(longRuns, RUNS));
const base = best(3, () => baselineRuns(longRuns, 1, RUNS));
const monthsPerSecond = eng.value.months / eng.seconds;
const baselineMonthsPerSecond = base.value.months / base.seconds;
const check = { engine: engineMonths(shipped, 2000), baseline: baselineRuns(shipped, 1, 2000) };
const baselineAgrees = check.engine.deals === check.baseline.deals && check.engine.dealMonthSum === check.baseline.dealMonthSum;
log(`single thread: engine ${(monthsPerSecond / 1e6).toFixed(2)} M months/s, baseline ${(baselineMonthsPerSecond / 1e6).toFixed(2)} M months/s (same deals: ${baselineAgrees})`);

// 2. The pool.
const threads = availableParallelism();
const pool = createNodePool(threads);
const single = createNodePool(1);
const mcJob = (p: typeof pool, s: Scenario, runs: number) => p.monteCarlo(s, { runs, seed: 1 });
// Start and warm every worker on both jobs, so neither pool is measured while its JIT warms up.
for (const p of [pool, single]) { await mcJob(p, shipped, 4000); await mcJob(p, longRuns, 4000); }
const timeIt = async (f: () => Promise<unknown>) => { const t0 = performance.now(); await f(); return (performance.now() - t0) / 1000; };
const bestOf = async (n: number, f: () => Promise<unknown>) => { let b = Infinity; for (let i = 0; i < n; i++) b = Math.min(b, await timeIt(f)); return b; };
const mc10kSeconds = await bestOf(3, () => mcJob(pool, shipped, 10_000));
const mc10kLongSeconds = await bestOf(3, () => mcJob(pool, longRuns, 10_000));
const oneWorkerSeconds = await bestOf(3, () => mcJob(single, longRuns, 10_000));
const poolSpeedup = oneWorkerSeconds / mc10kLongSeconds;
log(`Monte Carlo 10,000 × 120 through ${threads} workers: ${mc10kSeconds.toFixed(3)} s (shipped scenario, runs stop at a deal); ${mc10kLongSeconds.toFixed(3)} s fought to the horizon; one worker ${oneWorkerSeconds.toFixed(3)} s → speed-up ${poolSpeedup.toFixed(2)}`);

const sweepOpts = { x: { path: 'levers.sanctions', values: [0, 0.2, 0.4, 0.6, 0.8, 1] }, y: { path: 'levers.guarantee', values: [0, 0.2, 0.4, 0.6, 0.8, 1] }, runs: 200, seed: 1 };
const sweepSeconds = await timeIt(() => pool.sweep(shipped, sweepOpts));
const sweepCellsPerSecond = 36 / sweepSeconds;
log(`sweep 6 × 6 cells × 200 runs × 120 months: ${sweepSeconds.toFixed(3)} s → ${sweepCellsPerSecond.toFixed(1)} cells/s`);

const ac = new AbortController();
const job = pool.monteCarlo(longRuns, { runs: 1_000_000, seed: 1 }, { signal: ac.signal });
await new Promise((r) => setTimeout(r, 200));
const tCancel = performance.now();
ac.abort();
await job;
const cancelMs = performance.now() - tCancel;
// The pool is usable again once in-flight items finish: time a small job right after.
const afterCancelMs = (await timeIt(() => mcJob(pool, shipped, 100))) * 1000;
log(`cancel: settled in ${cancelMs.toFixed(2)} ms; next small job done ${afterCancelMs.toFixed(0)} ms later`);
pool.close();
single.close();

// 3. The app's initial JavaScript, gzipped (what index.html loads before any worker).
let initialJsGzipKB: number | null = null;
try {
  if (!existsSync('dist/index.html') || process.argv.includes('--build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'ignore' });
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  initialJsGzipKB = files.reduce((sum, f) => sum + gzipSync(readFileSync(`dist/${f}`)).length, 0) / 1024;
  log(`initial JavaScript: ${files.join(', ')} = ${initialJsGzipKB.toFixed(1)} KB gzipped (budget 150 KB)`);
} catch (e) {
  log(`initial JavaScript: not measured (${(e as Error).message})`);
}

// 4. Live update in the browser: slider move → charts redrawn (needs Chromium).
const redraw = await sliderRedrawLatency();
log(redraw
  ? `slider move → charts redrawn: median ${redraw.medianMs.toFixed(1)} ms (${(redraw.medianMs / 16.7).toFixed(1)} frames), p95 ${redraw.p95Ms.toFixed(1)} ms over ${redraw.samples} moves`
  : 'slider redraw latency: not measured (no dist/ build or no Chromium)');

const result = {
  machine: { cores: threads, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  monthsPerSecond: Math.round(monthsPerSecond),
  baselineMonthsPerSecond: Math.round(baselineMonthsPerSecond),
  ratioToBaseline: Number((monthsPerSecond / baselineMonthsPerSecond).toFixed(3)),
  baselineAgrees,
  mc10kSeconds: Number(mc10kSeconds.toFixed(4)),
  mc10kLongSeconds: Number(mc10kLongSeconds.toFixed(4)),
  poolSpeedup: Number(poolSpeedup.toFixed(3)),
  sweepCellsPerSecond: Number(sweepCellsPerSecond.toFixed(2)),
  cancelMs: Number(cancelMs.toFixed(3)),
  initialJsGzipKB: initialJsGzipKB === null ? null : Number(initialJsGzipKB.toFixed(1)),
  sliderRedrawMedianMs: redraw ? Number(redraw.medianMs.toFixed(1)) : null,
  sliderRedrawP95Ms: redraw ? Number(redraw.p95Ms.toFixed(1)) : null,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log('');
  console.table(result);
}
