/**
 * The worker pool on worker_threads (the same pool the browser uses):
 * results independent of pool size, chunk/merge equality, progress, cancel
 * within 100 ms, a crashed worker replaced and its job failed clearly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { monteCarlo, scenarios, setParam, sweep } from '../../models/index.ts';
import { createNodePool } from '../../worker/node.ts';
import { PROGRESS_INTERVAL_MS, type Progress } from '../../worker/pool.ts';

const s = setParam(scenarios['textbook-fearon']!, 'horizonMonths', 48);
const long = setParam(setParam(s, 'bargaining.talkChance', 0), 'horizonMonths', 240);

const one = createNodePool(1);
const three = createNodePool(3);
afterAll(() => { one.close(); three.close(); });

describe('engine pool', () => {
  it('a Monte Carlo does not depend on the pool size and equals the in-thread result', async () => {
    const a = await one.monteCarlo(s, { runs: 3000, seed: 11 });
    const b = await three.monteCarlo(s, { runs: 3000, seed: 11 });
    const direct = monteCarlo(s, { runs: 3000, seed: 11 });
    if (!a.ok || !b.ok) throw new Error('job failed');
    for (const r of [a.value, b.value]) {
      expect(Array.from(r.counts.dealAt)).toEqual(Array.from(direct.counts.dealAt));
      expect(Array.from(r.quantiles.reservationA.p50)).toEqual(Array.from(direct.quantiles.reservationA.p50));
      expect(Array.from(r.counts.fan.surplus)).toEqual(Array.from(direct.counts.fan.surplus));
    }
  });

  it('a sweep does not depend on the pool size', async () => {
    const opts = { x: { path: 'levers.sanctions', values: [0, 0.5, 1] }, runs: 300, seed: 5 };
    const a = await one.sweep(s, opts), b = await three.sweep(s, opts);
    if (!a.ok || !b.ok) throw new Error('job failed');
    expect(Array.from(b.value.dealProbability)).toEqual(Array.from(a.value.dealProbability));
    expect(Array.from(b.value.dealProbability)).toEqual(Array.from(sweep(s, opts).dealProbability));
  });

  it('reports progress at most ~10 times a second, ending at 1, with an ETA', async () => {
    const seen: (Progress & { at: number })[] = [];
    const r = await three.monteCarlo(long, { runs: 4000, seed: 2 }, { onProgress: (p) => seen.push({ ...p, at: Date.now() }) });
    expect(r.ok).toBe(true);
    expect(seen.at(-1)!.fraction).toBe(1);
    expect(seen.at(-1)!.done).toBe(4000);
    for (let i = 1; i < seen.length - 1; i++) expect(seen[i]!.at - seen[i - 1]!.at).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS - 5);
    expect(seen.some((p) => p.etaSeconds !== null && p.etaSeconds > 0)).toBe(true);
  });

  it('cancel settles the job within 100 ms and the pool keeps working', async () => {
    const ac = new AbortController();
    const job = three.monteCarlo(long, { runs: 2_000_000, seed: 3 }, { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    ac.abort();
    const r = await job;
    const latency = performance.now() - t0;
    expect(r).toMatchObject({ ok: false, cancelled: true });
    expect(latency).toBeLessThan(100);
    const again = await three.monteCarlo(s, { runs: 200, seed: 1 });
    expect(again.ok).toBe(true);
  });

  it('bad input comes back as a clear error value', async () => {
    const r = await three.monteCarlo(setParam(s, 'war.stalemateChance', 3), { runs: 10, seed: 1 });
    expect(r).toEqual({ ok: false, error: 'war.stalemateChance = 3 is outside the allowed range [0, 1)' });
    const t = await three.simulate({ sides: 'nope' }, 1);
    expect(t.ok).toBe(false);
  });

  it('a worker that dies is replaced and its job fails with a clear error instead of hanging', async () => {
    const pool = createNodePool(2);
    try {
      const job = pool.monteCarlo(long, { runs: 200_000, seed: 4 });
      await new Promise((r) => setTimeout(r, 400));
      void pool.workers[0]!.api.crashForTest();
      const r = await job;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/worker stopped unexpectedly/);
      const after = await pool.monteCarlo(s, { runs: 500, seed: 1 });
      expect(after.ok).toBe(true);
      if (after.ok) expect(Array.from(after.value.counts.dealAt)).toEqual(Array.from(monteCarlo(s, { runs: 500, seed: 1 }).counts.dealAt));
    } finally {
      pool.close();
    }
  });
});
