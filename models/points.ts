/**
 * Monte Carlo at many points of parameter space, with common random numbers:
 * every point uses runs 0..R−1 of the same seed, so differences between
 * points are the parameters' doing, not the dice's (MODEL.md §1). Sweeps and
 * sensitivity analyses are lists of points; chunk i of n of a list is a pure
 * function of (scenario, points, seed, i, n), and the chunks concatenate.
 */

import { chunkRange, medianMonth, TERM_BINS, histogramPercentile, type Chunk } from './montecarlo.ts';
import { describeParam, formatRange, inRange, setParam, validateScenario, type Scenario } from './schema.ts';
import { Simulator } from './simulate.ts';

/** One point: values for some parameter paths, the rest as in the scenario. */
export type DesignPoint = Readonly<Record<string, number>>;

/** Mergeable counts at one point. */
export interface PointStats {
  runs: number;
  /** Count of runs whose first deal was in month t (0..H). */
  dealAt: Uint32Array;
  /** Count of runs whose zone first opened in month t. */
  zoneOpensAt: Uint32Array;
  /** Deal terms (issue 0) histogram over [0, 1]. */
  terms: Uint32Array;
}

/** The outputs one can ask of a point. */
export type PointOutput = 'dealProbability' | 'medianZoneOpensAt' | 'medianTerms' | `dealBy${number}` | `zoneOpenBy${number}`;

/** Check that a path can be varied over a design, and that a value fits its range. */
export function checkDesignValue(path: string, value: number): string | null {
  const d = describeParam(path);
  if (!d) return `unknown parameter "${path}"`;
  if (d.kind === 'boolean') return `${path} is true/false and cannot be swept`;
  if (path === 'horizonMonths') return 'horizonMonths cannot be swept (it changes the shape of every result)';
  if (!inRange(d, value)) return `${path} = ${value} is outside the allowed range ${formatRange(d)}`;
  return null;
}

/** The scenario at a point (validated; throws a RangeError naming the path if not). */
export function scenarioAt(base: Scenario, point: DesignPoint): Scenario {
  let s = base;
  for (const [path, value] of Object.entries(point)) {
    const problem = checkDesignValue(path, value);
    if (problem) throw new RangeError(problem);
    s = setParam(s, path, value);
  }
  const r = validateScenario(s);
  if (!r.ok) throw new RangeError(r.errors.map((e) => e.message).join('; '));
  return r.scenario;
}

/** Empty stats for a horizon. */
export function emptyPointStats(horizon: number): PointStats {
  return { runs: 0, dealAt: new Uint32Array(horizon + 1), zoneOpensAt: new Uint32Array(horizon + 1), terms: new Uint32Array(TERM_BINS) };
}

/** Add runs [from, to) of seed `seed` of the simulator's scenario to `st` (allocation-free). */
export function addPointRuns(st: PointStats, sim: Simulator, seed: number, from: number, to: number): PointStats {
  for (let r = from; r < to; r++) {
    sim.run(seed, r, { recordEvents: false });
    st.runs++;
    if (sim.dealAt >= 0) {
      st.dealAt[sim.dealAt]!++;
      const x = sim.terms[0]!;
      st.terms[Math.min(TERM_BINS - 1, Math.max(0, Math.floor(x * TERM_BINS)))]!++;
    }
    if (sim.zoneOpensAt >= 0) st.zoneOpensAt[sim.zoneOpensAt]!++;
  }
  return st;
}

/** Sum stats of the same point (exact). */
export function addPointStats(into: PointStats, from: PointStats): PointStats {
  into.runs += from.runs;
  for (let i = 0; i < into.dealAt.length; i++) { into.dealAt[i]! += from.dealAt[i]!; into.zoneOpensAt[i]! += from.zoneOpensAt[i]!; }
  for (let i = 0; i < into.terms.length; i++) into.terms[i]! += from.terms[i]!;
  return into;
}

/** Evaluate points [from, to) of a design (or chunk `chunk` of it), all runs of each in one thread. */
export function evaluatePoints(
  base: Scenario, points: readonly DesignPoint[],
  options: { runs: number; seed: number; chunk?: Chunk; onProgress?: (pointsDone: number) => void; shouldStop?: () => boolean },
): PointStats[] {
  const [from, to] = chunkRange(points.length, options.chunk);
  const out: PointStats[] = [];
  for (let i = from; i < to; i++) {
    if (options.shouldStop?.()) break;
    out.push(addPointRuns(emptyPointStats(base.horizonMonths), new Simulator(scenarioAt(base, points[i]!)), options.seed, 0, options.runs));
    options.onProgress?.(i - from + 1);
  }
  return out;
}

function countUpTo(hist: Uint32Array, month: number): number {
  let n = 0;
  for (let t = 0; t <= month && t < hist.length; t++) n += hist[t]!;
  return n;
}

/**
 * An output of a point. Medians of months are censored: when fewer than half
 * the runs see the event, the month is horizon + 1 (numeric outputs need a
 * number); `medianTerms` is NaN when no run strikes a deal.
 */
export function pointOutput(st: PointStats, output: PointOutput): number {
  const H = st.dealAt.length - 1;
  if (output === 'dealProbability') return st.runs > 0 ? countUpTo(st.dealAt, H) / st.runs : 0;
  if (output === 'medianZoneOpensAt') return medianMonth(st.zoneOpensAt, st.runs) ?? H + 1;
  if (output === 'medianTerms') {
    const deals = countUpTo(st.dealAt, H);
    return deals > 0 ? histogramPercentile(st.terms, 0, TERM_BINS, 0, 1, 50, deals) : Number.NaN;
  }
  const m = /^(dealBy|zoneOpenBy)(\d+)$/.exec(output);
  if (!m) throw new RangeError(`unknown output "${output}" (try dealProbability, dealBy24, zoneOpenBy12, medianZoneOpensAt, medianTerms)`);
  const month = Math.min(Number(m[2]), H);
  const hist = m[1] === 'dealBy' ? st.dealAt : st.zoneOpensAt;
  return st.runs > 0 ? countUpTo(hist, month) / st.runs : 0;
}

/** Check an output name (for the CLI and the UI). */
export function isPointOutput(s: string): s is PointOutput {
  return s === 'dealProbability' || s === 'medianZoneOpensAt' || s === 'medianTerms' || /^(dealBy|zoneOpenBy)\d+$/.test(s);
}
