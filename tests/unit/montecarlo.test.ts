/** Pure jobs: chunks merge into exactly the unsplit result; sweeps and sensitivity are sane. */
import { describe, expect, it } from 'vitest';
import {
  monteCarlo, mergeMonteCarlo, sweep, mergeSweep, sensitivity, scenarios, setParam, chunkRange, simulate, histogramPercentile,
  FAN_FIELDS, type MonteCarloResult,
} from '../../models/index.ts';

const s = setParam(scenarios['textbook-fearon']!, 'horizonMonths', 36);

function same(a: MonteCarloResult, b: MonteCarloResult): void {
  expect(a.counts.runs).toBe(b.counts.runs);
  expect(Array.from(a.counts.dealAt)).toEqual(Array.from(b.counts.dealAt));
  for (const f of FAN_FIELDS) expect(Buffer.from(a.counts.fan[f].buffer).equals(Buffer.from(b.counts.fan[f].buffer))).toBe(true);
  expect(Array.from(a.probabilities.dealBy)).toEqual(Array.from(b.probabilities.dealBy));
  expect(Array.from(a.quantiles.surplus.p50)).toEqual(Array.from(b.quantiles.surplus.p50));
  expect(a.medians).toEqual(b.medians);
}

describe('monteCarlo', () => {
  it('chunk ranges tile the runs exactly', () => {
    for (const [n, k] of [[1000, 3], [7, 7], [5, 8], [10000, 16]] as const) {
      let next = 0;
      for (let i = 0; i < k; i++) { const [a, b] = chunkRange(n, { index: i, count: k }); expect(a).toBe(next); next = b; }
      expect(next).toBe(n);
    }
    expect(() => chunkRange(10, { index: 3, count: 3 })).toThrow(/index/);
  });
  it('any split merges into exactly the unsplit result', () => {
    const whole = monteCarlo(s, { runs: 600, seed: 42 });
    for (const k of [2, 5]) {
      const parts = Array.from({ length: k }, (_, i) => monteCarlo(s, { runs: 600, seed: 42, chunk: { index: i, count: k } }));
      same(mergeMonteCarlo(s, parts.reverse()), whole);
    }
  });
  it('counts agree with individual runs', () => {
    const r = monteCarlo(s, { runs: 50, seed: 7 });
    let deals = 0;
    for (let run = 0; run < 50; run++) if (simulate(s, { seed: 7, run }).summary.dealAt !== null) deals++;
    expect(r.probabilities.dealBy[36]).toBeCloseTo(deals / 50, 12);
  });
  it('refuses to merge parts of different jobs or overlapping parts', () => {
    const a = monteCarlo(s, { runs: 100, seed: 1, chunk: { index: 0, count: 2 } });
    const b = monteCarlo(s, { runs: 100, seed: 2, chunk: { index: 1, count: 2 } });
    expect(() => mergeMonteCarlo(s, [a, b])).toThrow(/different jobs/);
    expect(() => mergeMonteCarlo(s, [a, a])).toThrow(/overlap/);
  });
  it('reads percentiles from histograms to within a bin', () => {
    const counts = new Uint32Array(10);
    counts[2] = 50; counts[7] = 50;
    expect(histogramPercentile(counts, 0, 10, 0, 1, 25, 100)).toBeCloseTo(0.25, 12);
    expect(histogramPercentile(counts, 0, 10, 0, 1, 75, 100)).toBeCloseTo(0.75, 12);
  });
});

describe('sweep and sensitivity', () => {
  it('sweep chunks concatenate into the unsplit sweep, with common random numbers', () => {
    const opts = { x: { path: 'sides.A.baseCost', values: [0, 0.005, 0.01] }, y: { path: 'levers.sanctions', values: [0, 1] }, runs: 60, seed: 3 };
    const whole = sweep(s, opts);
    const merged = mergeSweep(s, [sweep(s, { ...opts, chunk: { index: 1, count: 2 } }), sweep(s, { ...opts, chunk: { index: 0, count: 2 } })]);
    expect(Array.from(merged.dealProbability)).toEqual(Array.from(whole.dealProbability));
    // More cost to A never lowers the chance of a deal here (same dice in every cell).
    expect(whole.dealProbability[2]!).toBeGreaterThanOrEqual(whole.dealProbability[0]!);
  });
  it('refuses a bad axis with the path and range', () => {
    expect(() => sweep(s, { x: { path: 'levers.aid', values: [0, 2] }, runs: 5, seed: 1 })).toThrow(/levers\.aid = 2 is outside/);
    expect(() => sweep(s, { x: { path: 'horizonMonths', values: [10] }, runs: 5, seed: 1 })).toThrow(/horizonMonths cannot be swept/);
  });
  it('sensitivity finds the talk chance matters for the chance of a deal', () => {
    const r = sensitivity(s, { output: 'dealBy12', runs: 40, seed: 1, trajectories: 2, paths: ['bargaining.talkChance', 'war.aidRecovery', 'sides.A.baseCost'] });
    expect(r.tornado[0]!.path).toBe('bargaining.talkChance');
    expect(r.tornado.find((b) => b.path === 'war.aidRecovery')!.swing).toBe(0);
    expect(r.morris).toHaveLength(3);
    expect(r.morris.find((m) => m.path === 'bargaining.talkChance')!.muStar).toBeGreaterThan(0);
  });
});

describe('median deal terms', () => {
  it('stay within each issue\'s bounds', () => {
    const s = scenarios['alaska-2025-issues']!;
    const r = monteCarlo(s, { runs: 400, seed: 2025 });
    expect(r.medians.terms).not.toBeNull();
    r.medians.terms!.forEach((x, k) => {
      const it = s.issues![k]!;
      expect(x).toBeGreaterThanOrEqual(it.low ?? 0);
      expect(x).toBeLessThanOrEqual(it.high ?? 1);
    });
  });
});
