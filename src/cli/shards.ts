/**
 * Shard files: `--shard i/n` writes part i of n of a job as JSON, holding the
 * integer counts (not the derived numbers) and the scenario, so `merge`
 * rebuilds exactly the unsharded result. Any batch system (GNU parallel,
 * Slurm job arrays, Kubernetes indexed Jobs) can run the parts.
 */
import { readFileSync } from 'node:fs';
import {
  FAN_FIELDS, emptyCounts, addCounts, finishMonteCarlo, finishSweep, finishSensitivity, sensitivityDesign, validateScenario,
  type MonteCarloCounts, type PointStats, type Scenario, type SweepAxis, type PointOutput, type MonteCarloResult,
  type SweepResult, type SensitivityResult,
} from '../../models/index.ts';
import { UsageError } from './args.ts';
import type { Manifest } from './output.ts';

export type ShardJob = 'mc' | 'sweep' | 'sensitivity';

export interface ShardFile {
  kind: 'deal-zone-shard';
  job: ShardJob;
  manifest: Manifest;
  shard: { index: number; count: number };
  scenario: Scenario;
  /** mc: runs [from, to); sweep, sensitivity: points [from, to). */
  range: [number, number];
  issueCount?: number;
  counts?: MonteCarloCounts;
  x?: SweepAxis;
  y?: SweepAxis | null;
  output?: PointOutput;
  trajectories?: number;
  stats?: PointStats[];
}

const u32 = (a: unknown, what: string): Uint32Array => {
  if (!Array.isArray(a) || !a.every((v) => Number.isInteger(v) && v >= 0)) throw new UsageError(`shard: ${what} is not a list of counts`);
  return Uint32Array.from(a as number[]);
};

function readCounts(raw: Record<string, unknown>): MonteCarloCounts {
  const fan = raw.fan as Record<string, unknown> | undefined;
  if (!fan) throw new UsageError('shard: counts.fan is missing');
  return {
    runs: Number(raw.runs), zoneOpensAt: u32(raw.zoneOpensAt, 'zoneOpensAt'), dealAt: u32(raw.dealAt, 'dealAt'),
    victoryAAt: u32(raw.victoryAAt, 'victoryAAt'), victoryBAt: u32(raw.victoryBAt, 'victoryBAt'), outcomes: u32(raw.outcomes, 'outcomes'),
    ripeAt: u32(raw.ripeAt, 'ripeAt'), terms: u32(raw.terms, 'terms'),
    fan: Object.fromEntries(FAN_FIELDS.map((f) => [f, u32(fan[f], `fan.${f}`)])) as MonteCarloCounts['fan'],
  };
}

function readStats(raw: unknown): PointStats[] {
  if (!Array.isArray(raw)) throw new UsageError('shard: stats is not a list');
  return raw.map((s: Record<string, unknown>, i) => ({
    runs: Number(s.runs), dealAt: u32(s.dealAt, `stats.${i}.dealAt`), zoneOpensAt: u32(s.zoneOpensAt, `stats.${i}.zoneOpensAt`), terms: u32(s.terms, `stats.${i}.terms`),
  }));
}

/** Read and check one shard file. */
export function readShard(path: string): ShardFile {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`merge: ${path}: ${(e as Error).message}`);
  }
  if (raw.kind !== 'deal-zone-shard') throw new UsageError(`merge: ${path} is not a Deal Zone shard file (written with --shard i/n)`);
  const sc = validateScenario(raw.scenario);
  if (!sc.ok) throw new UsageError(`merge: ${path}: its scenario does not validate: ${sc.errors[0]!.message}`);
  const f = raw as unknown as ShardFile;
  f.scenario = sc.scenario;
  if (f.job === 'mc') f.counts = readCounts(raw.counts as Record<string, unknown>);
  else f.stats = readStats(raw.stats);
  return f;
}

/** Check the parts are of one job and together cover shards 0..n−1 exactly once. */
function checkParts(parts: ShardFile[]): ShardFile[] {
  const first = parts[0]!;
  const key = (p: ShardFile) => JSON.stringify({ job: p.job, m: { ...p.manifest, shard: undefined }, n: p.shard.count });
  for (const p of parts) {
    if (key(p) !== key(first)) throw new UsageError(`merge: the files are parts of different jobs (shard ${p.shard.index}/${p.shard.count} vs ${first.shard.index}/${first.shard.count})`);
  }
  const sorted = [...parts].sort((a, b) => a.shard.index - b.shard.index);
  const seen = sorted.map((p) => p.shard.index);
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.includes(i));
  if (missing.length) throw new UsageError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${first.shard.count}`);
  if (new Set(seen).size !== seen.length) throw new UsageError('merge: a shard is given twice');
  return sorted;
}

export type Merged =
  | { job: 'mc'; manifest: Manifest; scenario: Scenario; result: MonteCarloResult }
  | { job: 'sweep'; manifest: Manifest; scenario: Scenario; result: SweepResult }
  | { job: 'sensitivity'; manifest: Manifest; scenario: Scenario; result: SensitivityResult };

/** Combine shard files into exactly the unsharded result. */
export function mergeShards(paths: string[]): Merged {
  const parts = checkParts(paths.map(readShard));
  const first = parts[0]!;
  const manifest = { ...first.manifest };
  delete manifest.shard;
  const s = first.scenario;
  if (first.job === 'mc') {
    const c = emptyCounts(s.horizonMonths, first.issueCount ?? 1);
    for (const p of parts) addCounts(c, p.counts!);
    return { job: 'mc', manifest, scenario: s, result: finishMonteCarlo(s, manifest.seed, manifest.runs, [0, manifest.runs], c, first.issueCount ?? 1) };
  }
  const stats = parts.flatMap((p) => p.stats!);
  if (first.job === 'sweep') {
    return { job: 'sweep', manifest, scenario: s, result: finishSweep(s, { x: first.x!, y: first.y ?? undefined, runs: manifest.runs, seed: manifest.seed }, 0, stats) };
  }
  const options = { output: first.output!, runs: manifest.runs, seed: manifest.seed, trajectories: first.trajectories };
  return { job: 'sensitivity', manifest, scenario: s, result: finishSensitivity(s, options, sensitivityDesign(s, options), stats) };
}
