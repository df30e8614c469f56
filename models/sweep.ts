/**
 * Parameter sweeps: a Monte Carlo in every cell of a one- or two-parameter
 * grid, all cells with the same run seeds (common random numbers).
 */

import type { Chunk } from './montecarlo.ts';
import { checkDesignValue, evaluatePoints, pointOutput, type DesignPoint, type PointStats } from './points.ts';
import type { Scenario } from './schema.ts';

/** One axis of a sweep. */
export interface SweepAxis {
  path: string;
  values: number[];
}

/** Options of {@link sweep}. */
export interface SweepOptions {
  x: SweepAxis;
  y?: SweepAxis;
  runs: number;
  seed: number;
  /** Compute only chunk `index` of `count` of the cells (row-major: cell = iy·nx + ix). */
  chunk?: Chunk;
  onProgress?: (cellsDone: number) => void;
  shouldStop?: () => boolean;
}

/** A sweep's result: per cell, the deal probability, median opening month and median terms. */
export interface SweepResult {
  scenarioId: string;
  seed: number;
  runs: number;
  x: SweepAxis;
  y: SweepAxis | null;
  /** Cells [from, to) this result holds. */
  cellRange: [number, number];
  /** P(deal within the horizon), per cell (row-major; NaN outside cellRange). */
  dealProbability: Float64Array;
  /** Median month the zone first opens (horizon + 1 = not within the horizon). */
  medianZoneOpensAt: Float64Array;
  /** Median deal terms (A's share of issue 0); NaN when no deal. */
  medianTerms: Float64Array;
  /** Mergeable counts of the cells in cellRange. */
  cells: PointStats[];
}

/** An evenly spaced axis: `steps` values from lo to hi (integers rounded). */
export function axisValues(lo: number, hi: number, steps: number, integer = false): number[] {
  if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new RangeError(`steps = ${steps} must be an integer from 1 to 1000`);
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    const v = steps === 1 ? lo : lo + ((hi - lo) * i) / (steps - 1);
    out.push(integer ? Math.round(v) : v);
  }
  return out;
}

/** The design points of a sweep, row-major. Throws a RangeError for a bad axis. */
export function sweepPoints(x: SweepAxis, y?: SweepAxis): DesignPoint[] {
  for (const axis of y ? [x, y] : [x]) {
    if (axis.values.length === 0) throw new RangeError(`the ${axis.path} axis has no values`);
    for (const v of axis.values) { const p = checkDesignValue(axis.path, v); if (p) throw new RangeError(p); }
  }
  if (y && y.path === x.path) throw new RangeError(`both axes sweep ${x.path}`);
  const pts: DesignPoint[] = [];
  for (const vy of y ? y.values : [Number.NaN]) for (const vx of x.values) pts.push(y ? { [x.path]: vx, [y.path]: vy } : { [x.path]: vx });
  return pts;
}

/** Assemble a sweep result from the cell stats of cells [from, from + cells.length). */
export function finishSweep(scenario: Scenario, options: Pick<SweepOptions, 'x' | 'y' | 'runs' | 'seed'>, from: number, cells: PointStats[]): SweepResult {
  const n = options.x.values.length * (options.y ? options.y.values.length : 1);
  const dealProbability = new Float64Array(n).fill(Number.NaN);
  const medianZoneOpensAt = new Float64Array(n).fill(Number.NaN);
  const medianTerms = new Float64Array(n).fill(Number.NaN);
  cells.forEach((st, i) => {
    dealProbability[from + i] = pointOutput(st, 'dealProbability');
    medianZoneOpensAt[from + i] = pointOutput(st, 'medianZoneOpensAt');
    medianTerms[from + i] = pointOutput(st, 'medianTerms');
  });
  return {
    scenarioId: scenario.id, seed: options.seed, runs: options.runs, x: options.x, y: options.y ?? null,
    cellRange: [from, from + cells.length], dealProbability, medianZoneOpensAt, medianTerms, cells,
  };
}

/** Sweep one or two parameters (MODEL.md §7 paths) with common random numbers. */
export function sweep(scenario: Scenario, options: SweepOptions): SweepResult {
  const points = sweepPoints(options.x, options.y);
  const cells = evaluatePoints(scenario, points, options);
  const from = options.chunk ? Math.floor((options.chunk.index * points.length) / options.chunk.count) : 0;
  return finishSweep(scenario, options, from, cells);
}

/** Merge chunks of one sweep into the whole (exact: cells are concatenated). */
export function mergeSweep(scenario: Scenario, parts: readonly SweepResult[]): SweepResult {
  if (parts.length === 0) throw new RangeError('nothing to merge');
  const sorted = [...parts].sort((a, b) => a.cellRange[0] - b.cellRange[0]);
  const first = sorted[0]!;
  const cells: PointStats[] = [];
  let next = first.cellRange[0];
  for (const p of sorted) {
    if (p.seed !== first.seed || p.runs !== first.runs || p.x.path !== first.x.path || (p.y?.path ?? null) !== (first.y?.path ?? null)) {
      throw new RangeError('cannot merge parts of different sweeps');
    }
    if (p.cellRange[0] !== next) throw new RangeError(`sweep parts leave a gap or overlap at cell ${next}`);
    cells.push(...p.cells);
    next = p.cellRange[1];
  }
  return finishSweep(scenario, { x: first.x, y: first.y ?? undefined, runs: first.runs, seed: first.seed }, first.cellRange[0], cells);
}
