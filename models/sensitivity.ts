/**
 * Sensitivity of an output to every numeric parameter (MODEL.md §7 paths):
 * a one-at-a-time tornado over each parameter's plausible range, and Morris
 * elementary effects for global screening (Morris 1991; Campolongo et al.
 * 2007's μ*). All points share the run seeds (common random numbers).
 *
 * The design (list of points) is a pure function of (scenario, options); the
 * points are evaluated in chunks by {@link evaluatePoints}; the analysis is
 * assembled by {@link finishSensitivity}.
 */

import type { Chunk } from './montecarlo.ts';
import { evaluatePoints, pointOutput, type DesignPoint, type PointOutput, type PointStats } from './points.ts';
import { Rng, deriveSeed } from './rng.ts';
import { describeParam, numericParameterPaths, type Scenario } from './schema.ts';

/** Options of {@link sensitivity}. */
export interface SensitivityOptions {
  output: PointOutput;
  runs: number;
  seed: number;
  /** Parameters to vary (default: every numeric parameter but horizonMonths). */
  paths?: string[];
  /** Morris trajectories (default 6; 0 = tornado only). */
  trajectories?: number;
  /** Morris grid levels (default 4). */
  levels?: number;
  chunk?: Chunk;
  onProgress?: (pointsDone: number) => void;
  shouldStop?: () => boolean;
}

/** One bar of the tornado. */
export interface TornadoBar {
  path: string;
  label: string;
  low: number;
  high: number;
  outputLow: number;
  outputHigh: number;
  /** |outputHigh − outputLow|, what the bars are sorted by. */
  swing: number;
}

/** Morris screening of one parameter. */
export interface MorrisEffect {
  path: string;
  label: string;
  /** Mean elementary effect (per unit of the plausible range). */
  mu: number;
  /** Mean absolute elementary effect: the importance. */
  muStar: number;
  /** Spread of the effects: non-linearity or interactions. */
  sigma: number;
}

/** The result: base output, tornado (largest swing first) and Morris effects. */
export interface SensitivityResult {
  scenarioId: string;
  output: PointOutput;
  runs: number;
  seed: number;
  base: number;
  tornado: TornadoBar[];
  morris: MorrisEffect[];
}

/** The design: the points to evaluate and how they are laid out. */
export interface SensitivityDesign {
  paths: string[];
  points: DesignPoint[];
  trajectories: number;
  levels: number;
}

/** Default parameters varied: numeric paths with a non-empty plausible range. */
export function sensitivityPaths(): string[] {
  return numericParameterPaths.filter((p) => p !== 'horizonMonths' && describeParam(p)!.plausible[0] < describeParam(p)!.plausible[1]);
}

function valueAt(path: string, u: number): number {
  const d = describeParam(path)!;
  const v = d.plausible[0] + u * (d.plausible[1] - d.plausible[0]);
  return d.kind === 'integer' ? Math.round(v) : v;
}

/**
 * Points: [base, then low/high of each path, then trajectories × (k + 1)
 * Morris points]. Morris coordinates live on a `levels`-level grid of [0, 1]
 * mapped to each plausible range; each trajectory moves one parameter at a
 * time by Δ = levels/(2(levels − 1)), in a random order (seeded).
 */
export function sensitivityDesign(scenario: Scenario, options: Pick<SensitivityOptions, 'paths' | 'trajectories' | 'levels' | 'seed'>): SensitivityDesign {
  const paths = options.paths ?? sensitivityPaths();
  for (const p of paths) {
    const d = describeParam(p);
    if (!d || d.kind === 'boolean' || p === 'horizonMonths') throw new RangeError(`cannot vary "${p}" (numeric MODEL.md §7 parameters only, not horizonMonths)`);
  }
  const trajectories = options.trajectories ?? 6;
  const levels = options.levels ?? 4;
  if (!Number.isInteger(trajectories) || trajectories < 0 || trajectories > 100) throw new RangeError(`trajectories = ${trajectories} must be an integer from 0 to 100`);
  if (!Number.isInteger(levels) || levels < 2 || levels > 20) throw new RangeError(`levels = ${levels} must be an integer from 2 to 20`);
  const points: DesignPoint[] = [{}];
  for (const p of paths) {
    const d = describeParam(p)!;
    points.push({ [p]: d.plausible[0] }, { [p]: d.plausible[1] });
  }
  const delta = levels / (2 * (levels - 1));
  const rng = new Rng();
  for (let r = 0; r < trajectories; r++) {
    rng.reseed(deriveSeed(options.seed, r), 0x5e45);
    const u = paths.map(() => Math.floor(rng.next() * (levels / 2)) / (levels - 1));
    const order = paths.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rng.next() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    const point = (): DesignPoint => Object.fromEntries(paths.map((p, i) => [p, valueAt(p, u[i]!)]));
    points.push(point());
    for (const i of order) { u[i] = u[i]! + delta; points.push(point()); }
  }
  return { paths, points, trajectories, levels };
}

/** Assemble the analysis from the stats of every point of the design, in order. */
export function finishSensitivity(scenario: Scenario, options: Pick<SensitivityOptions, 'output' | 'runs' | 'seed'>, design: SensitivityDesign, stats: readonly PointStats[]): SensitivityResult {
  if (stats.length !== design.points.length) throw new RangeError(`sensitivity needs all ${design.points.length} points, got ${stats.length}`);
  const y = stats.map((s) => pointOutput(s, options.output));
  const k = design.paths.length;
  const tornado: TornadoBar[] = design.paths.map((path, i) => {
    const d = describeParam(path)!;
    const outputLow = y[1 + 2 * i]!, outputHigh = y[2 + 2 * i]!;
    return { path, label: `${d.group}: ${d.label}`, low: d.plausible[0], high: d.plausible[1], outputLow, outputHigh, swing: Math.abs(outputHigh - outputLow) || 0 };
  }).sort((a, b) => b.swing - a.swing);
  const effects = design.paths.map(() => [] as number[]);
  const delta = design.levels / (2 * (design.levels - 1));
  let at = 1 + 2 * k;
  for (let r = 0; r < design.trajectories; r++) {
    const pts = design.points.slice(at, at + k + 1);
    for (let step = 1; step <= k; step++) {
      const prev = pts[step - 1]!, cur = pts[step]!;
      const i = design.paths.findIndex((p) => prev[p] !== cur[p]);
      if (i >= 0) effects[i]!.push((y[at + step]! - y[at + step - 1]!) / delta);
    }
    at += k + 1;
  }
  const morris: MorrisEffect[] = design.paths.map((path, i) => {
    const e = effects[i]!.filter((v) => Number.isFinite(v));
    const n = e.length;
    const mu = n ? e.reduce((a, b) => a + b, 0) / n : 0;
    const muStar = n ? e.reduce((a, b) => a + Math.abs(b), 0) / n : 0;
    const sigma = n > 1 ? Math.sqrt(e.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1)) : 0;
    const d = describeParam(path)!;
    return { path, label: `${d.group}: ${d.label}`, mu, muStar, sigma };
  }).sort((a, b) => b.muStar - a.muStar);
  return { scenarioId: scenario.id, output: options.output, runs: options.runs, seed: options.seed, base: y[0]!, tornado, morris };
}

/** Tornado and Morris screening of `output` (one thread; the engine chunks the points). */
export function sensitivity(scenario: Scenario, options: SensitivityOptions): SensitivityResult {
  const design = sensitivityDesign(scenario, options);
  const stats = evaluatePoints(scenario, design.points, { runs: options.runs, seed: options.seed, onProgress: options.onProgress, shouldStop: options.shouldStop });
  return finishSensitivity(scenario, options, design, stats);
}
