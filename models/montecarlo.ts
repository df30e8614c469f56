/**
 * Monte Carlo over runs of one scenario (MODEL.md §1, §4), chunkable and
 * exactly mergeable.
 *
 * Run r always uses the generator state derived from (seed, r), so chunk i of
 * n (runs ⌊iR/n⌋ to ⌊(i+1)R/n⌋ − 1) is a pure function of (scenario, seed, i,
 * n), and {@link mergeMonteCarlo} of the parts gives exactly the result of one
 * unsplit job, whatever the split.
 *
 * What is kept is counts, never floating sums, so merging is exact:
 * - event months (`zoneOpensAt`, `dealAt`, victories): a count per month;
 * - per-month distributions of the fan fields: fixed-bin histograms
 *   (FAN_BINS bins over each field's range, values outside clamped to the
 *   end bins); percentiles are read from them with linear interpolation inside
 *   a bin, so they are accurate to a bin width (documented in the README);
 * - deal terms: a histogram of A's share of each issue.
 */

import { MODEL_VERSION } from './version.ts';
import type { Scenario } from './schema.ts';
import { Simulator, OUTCOMES, type Outcome } from './simulate.ts';

/** The fields whose per-month percentiles a Monte Carlo reports. */
export const FAN_FIELDS = ['control', 'reservationA', 'reservationB', 'surplus', 'exhaustionA', 'exhaustionB'] as const;
/** A field with per-month percentile bands. */
export type FanField = (typeof FAN_FIELDS)[number];

/** Histogram range of each fan field (stake units or shares). */
export const FAN_RANGES: Readonly<Record<FanField, readonly [number, number]>> = {
  control: [0, 1], exhaustionA: [0, 1], exhaustionB: [0, 1],
  reservationA: [-1, 2], reservationB: [-1, 2], surplus: [-1.5, 1.5],
};
/** Bins per fan-field histogram. */
export const FAN_BINS = 600;
/** Bins of the deal-terms histogram over [0, 1]. */
export const TERM_BINS = 200;
/** The percentiles reported. */
export const PERCENTILES = [5, 25, 50, 75, 95] as const;
/** The keys of the percentile bands. */
export type PercentileKey = 'p5' | 'p25' | 'p50' | 'p75' | 'p95';

/** Which runs a chunk covers: chunk `index` of `count`. */
export interface Chunk {
  index: number;
  count: number;
}

/** Runs [from, to) of chunk i of n over R runs: ⌊iR/n⌋ .. ⌊(i+1)R/n⌋. */
export function chunkRange(total: number, chunk?: Chunk): [number, number] {
  if (!chunk) return [0, total];
  const { index, count } = chunk;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`chunk ${index}/${count}: the index must be an integer from 0 to count − 1`);
  }
  return [Math.floor((index * total) / count), Math.floor(((index + 1) * total) / count)];
}

/** The mergeable counts of a Monte Carlo (what shards hold). */
export interface MonteCarloCounts {
  /** Runs counted. */
  runs: number;
  /** Count of runs whose zone first opened in month t (t = 0..H). */
  zoneOpensAt: Uint32Array;
  /** Count of runs whose first deal was in month t. */
  dealAt: Uint32Array;
  victoryAAt: Uint32Array;
  victoryBAt: Uint32Array;
  /** Count of runs by outcome, in the order of OUTCOMES. */
  outcomes: Uint32Array;
  /** Count of runs whose first ripe month was t. */
  ripeAt: Uint32Array;
  /** Per fan field: (H + 1) × FAN_BINS counts, month-major. */
  fan: Record<FanField, Uint32Array>;
  /** Deal terms: issueCount × TERM_BINS counts of A's share. */
  terms: Uint32Array;
}

/** Percentile curves of one field. */
export type PercentileBands = Record<PercentileKey, Float64Array>;

/** What a Monte Carlo returns (and the CLI prints, as JSON). */
export interface MonteCarloResult {
  scenarioId: string;
  seed: number;
  /** Total runs of the job. */
  runs: number;
  /** Runs [from, to) this result covers (the whole job unless a chunk). */
  runRange: [number, number];
  modelVersion: string;
  horizonMonths: number;
  issueCount: number;
  /** Month numbers 0..H. */
  months: Float64Array;
  /** Probability curves, by month t: P(event at or before t). */
  probabilities: { zoneOpenBy: Float64Array; dealBy: Float64Array; victoryABy: Float64Array; victoryBBy: Float64Array; ripeBy: Float64Array };
  /** Per-month percentiles of the fan fields. */
  quantiles: Record<FanField, PercentileBands>;
  /** Share of runs by outcome at the horizon. */
  outcomeShares: Record<Outcome, number>;
  /** Medians (null when fewer than half the runs have the event). */
  medians: { zoneOpensAt: number | null; dealAt: number | null; terms: number[] | null };
  counts: MonteCarloCounts;
}

/** Options of {@link monteCarlo}. */
export interface MonteCarloOptions {
  runs: number;
  seed: number;
  /** Compute only chunk `index` of `count`. */
  chunk?: Chunk;
  /** Called every `progressEvery` runs with the runs done so far in this chunk. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
  /** Checked between runs: return true to stop (the partial counts are returned). */
  shouldStop?: () => boolean;
}

/** Empty counts for a horizon and issue count. */
export function emptyCounts(horizon: number, issueCount: number): MonteCarloCounts {
  const m = horizon + 1;
  const fan = {} as Record<FanField, Uint32Array>;
  for (const f of FAN_FIELDS) fan[f] = new Uint32Array(m * FAN_BINS);
  return {
    runs: 0, zoneOpensAt: new Uint32Array(m), dealAt: new Uint32Array(m), victoryAAt: new Uint32Array(m),
    victoryBAt: new Uint32Array(m), outcomes: new Uint32Array(OUTCOMES.length), ripeAt: new Uint32Array(m),
    fan, terms: new Uint32Array(issueCount * TERM_BINS),
  };
}

function binOf(x: number, lo: number, hi: number, bins: number): number {
  const b = Math.floor(((x - lo) / (hi - lo)) * bins);
  return b < 0 ? 0 : b >= bins ? bins - 1 : b;
}

/** Add the simulator's last run to the counts (allocation-free). */
export function countRun(c: MonteCarloCounts, sim: Simulator): void {
  c.runs++;
  if (sim.zoneOpensAt >= 0) c.zoneOpensAt[sim.zoneOpensAt]!++;
  if (sim.dealAt >= 0) c.dealAt[sim.dealAt]!++;
  if (sim.ripeAt >= 0) c.ripeAt[sim.ripeAt]!++;
  c.outcomes[sim.outcome]!++;
  if (sim.outcome === 2) c.victoryAAt[sim.endedAt]!++;
  else if (sim.outcome === 3) c.victoryBAt[sim.endedAt]!++;
  const m = sim.horizon + 1;
  for (let f = 0; f < FAN_FIELDS.length; f++) {
    const name = FAN_FIELDS[f]!;
    const [lo, hi] = FAN_RANGES[name];
    const src = sim.fields[name];
    const dst = c.fan[name];
    for (let t = 0; t < m; t++) dst[t * FAN_BINS + binOf(src[t]!, lo, hi, FAN_BINS)]!++;
  }
  if (sim.dealAt >= 0) {
    for (let k = 0; k < sim.issueCount; k++) c.terms[k * TERM_BINS + binOf(sim.terms[k]!, 0, 1, TERM_BINS)]!++;
  }
}

/** Sum counts into `into` (exact). Throws if the shapes differ. */
export function addCounts(into: MonteCarloCounts, from: MonteCarloCounts): MonteCarloCounts {
  const add = (a: Uint32Array, b: Uint32Array, what: string) => {
    if (a.length !== b.length) throw new RangeError(`cannot merge: ${what} has ${b.length} entries, expected ${a.length} (different horizon or issues?)`);
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
  };
  into.runs += from.runs;
  add(into.zoneOpensAt, from.zoneOpensAt, 'zoneOpensAt');
  add(into.dealAt, from.dealAt, 'dealAt');
  add(into.victoryAAt, from.victoryAAt, 'victoryAAt');
  add(into.victoryBAt, from.victoryBAt, 'victoryBAt');
  add(into.outcomes, from.outcomes, 'outcomes');
  add(into.ripeAt, from.ripeAt, 'ripeAt');
  add(into.terms, from.terms, 'terms');
  for (const f of FAN_FIELDS) add(into.fan[f], from.fan[f], `fan.${f}`);
  return into;
}

/** Run the chunk's runs of a Monte Carlo into counts. */
export function monteCarloCounts(scenario: Scenario, options: MonteCarloOptions, sim = new Simulator(scenario)): MonteCarloCounts {
  const [from, to] = chunkRange(options.runs, options.chunk);
  const c = emptyCounts(scenario.horizonMonths, sim.issueCount);
  const every = options.progressEvery ?? 100;
  for (let r = from; r < to; r++) {
    if (options.shouldStop && (r - from) % 16 === 0 && options.shouldStop()) break;
    sim.run(options.seed, r, { recordEvents: false });
    countRun(c, sim);
    if (options.onProgress && (r - from + 1) % every === 0) options.onProgress(r - from + 1);
  }
  return c;
}

/**
 * Percentile `q` (0–100) of a histogram row: the value below which q% of the
 * mass lies, interpolating linearly inside the bin.
 */
export function histogramPercentile(counts: ArrayLike<number>, offset: number, bins: number, lo: number, hi: number, q: number, total: number): number {
  if (total <= 0) return Number.NaN;
  const target = (q / 100) * total;
  const width = (hi - lo) / bins;
  let cum = 0;
  for (let b = 0; b < bins; b++) {
    const n = counts[offset + b]!;
    if (n > 0 && cum + n >= target) return lo + (b + (target - cum) / n) * width;
    cum += n;
  }
  return hi;
}

/** Median month of an event-month histogram, or null when fewer than half the runs have it. */
export function medianMonth(hist: ArrayLike<number>, runs: number): number | null {
  let cum = 0;
  for (let t = 0; t < hist.length; t++) {
    cum += hist[t]!;
    if (cum * 2 >= runs && cum > 0) return t;
  }
  return null;
}

function cumulative(hist: Uint32Array, runs: number): Float64Array {
  const out = new Float64Array(hist.length);
  let cum = 0;
  for (let t = 0; t < hist.length; t++) { cum += hist[t]!; out[t] = runs > 0 ? cum / runs : 0; }
  return out;
}

/** Derive probabilities, percentiles and medians from counts. */
export function finishMonteCarlo(scenario: Scenario, seed: number, runs: number, runRange: [number, number], c: MonteCarloCounts, issueCount: number): MonteCarloResult {
  const H = scenario.horizonMonths;
  const months = new Float64Array(H + 1);
  for (let t = 0; t <= H; t++) months[t] = t;
  const quantiles = {} as Record<FanField, PercentileBands>;
  for (const f of FAN_FIELDS) {
    const [lo, hi] = FAN_RANGES[f];
    const bands = {} as PercentileBands;
    for (const q of PERCENTILES) {
      const arr = new Float64Array(H + 1);
      for (let t = 0; t <= H; t++) arr[t] = histogramPercentile(c.fan[f], t * FAN_BINS, FAN_BINS, lo, hi, q, c.runs);
      bands[`p${q}` as PercentileKey] = arr;
    }
    quantiles[f] = bands;
  }
  let dealt = 0;
  for (let t = 0; t <= H; t++) dealt += c.dealAt[t]!;
  // A median read inside a bin can pass an issue's bounds by part of a bin: clamp to them.
  const bound = (k: number, x: number) => {
    const it = issueCount > 1 ? scenario.issues?.[k] : undefined;
    const lo = it?.low ?? 0, hi = it?.high ?? 1;
    return x < lo ? lo : x > hi ? hi : x;
  };
  const terms: number[] | null = dealt > 0
    ? Array.from({ length: issueCount }, (_, k) => bound(k, histogramPercentile(c.terms, k * TERM_BINS, TERM_BINS, 0, 1, 50, dealt)))
    : null;
  const outcomeShares = {} as Record<Outcome, number>;
  OUTCOMES.forEach((o, i) => { outcomeShares[o] = c.runs > 0 ? c.outcomes[i]! / c.runs : 0; });
  return {
    scenarioId: scenario.id, seed, runs, runRange, modelVersion: MODEL_VERSION, horizonMonths: H, issueCount,
    months,
    probabilities: {
      zoneOpenBy: cumulative(c.zoneOpensAt, c.runs), dealBy: cumulative(c.dealAt, c.runs),
      victoryABy: cumulative(c.victoryAAt, c.runs), victoryBBy: cumulative(c.victoryBAt, c.runs), ripeBy: cumulative(c.ripeAt, c.runs),
    },
    quantiles, outcomeShares,
    medians: { zoneOpensAt: medianMonth(c.zoneOpensAt, c.runs), dealAt: medianMonth(c.dealAt, c.runs), terms },
    counts: c,
  };
}

/**
 * Monte Carlo of `runs` runs of a scenario with base seed `seed` (or chunk
 * `chunk` of them): probability curves, per-month percentiles, outcome shares
 * and medians. Pure: the same inputs give the same result, in any thread.
 */
export function monteCarlo(scenario: Scenario, options: MonteCarloOptions): MonteCarloResult {
  const sim = new Simulator(scenario);
  const counts = monteCarloCounts(scenario, options, sim);
  const [from, to] = chunkRange(options.runs, options.chunk);
  return finishMonteCarlo(scenario, options.seed, options.runs, [from, from + counts.runs > to ? to : from + counts.runs], counts, sim.issueCount);
}

/**
 * Merge the results of chunks of one job into exactly the unsplit result.
 * Throws if the parts are of different jobs or overlap.
 */
export function mergeMonteCarlo(scenario: Scenario, parts: readonly MonteCarloResult[]): MonteCarloResult {
  if (parts.length === 0) throw new RangeError('nothing to merge');
  const first = parts[0]!;
  for (const p of parts) {
    if (p.seed !== first.seed || p.runs !== first.runs || p.scenarioId !== first.scenarioId || p.horizonMonths !== first.horizonMonths) {
      throw new RangeError(`cannot merge parts of different jobs (scenario ${p.scenarioId}/${first.scenarioId}, seed ${p.seed}/${first.seed}, runs ${p.runs}/${first.runs})`);
    }
  }
  const sorted = [...parts].sort((a, b) => a.runRange[0] - b.runRange[0]);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.runRange[0] < sorted[i - 1]!.runRange[1]) throw new RangeError(`parts overlap: runs ${sorted[i]!.runRange.join('–')} and ${sorted[i - 1]!.runRange.join('–')}`);
  }
  const c = emptyCounts(first.horizonMonths, first.issueCount);
  for (const p of sorted) addCounts(c, p.counts);
  const range: [number, number] = [sorted[0]!.runRange[0], sorted[sorted.length - 1]!.runRange[1]];
  return finishMonteCarlo(scenario, first.seed, first.runs, range, c, first.issueCount);
}
