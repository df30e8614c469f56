/**
 * `npm run sim -- <command> [options]`: batch runs from a terminal or a batch
 * system, on the same engine as the app (models/ through worker/).
 * See HELP in args.ts and the README.
 */
import { writeFileSync } from 'node:fs';
import { simulate } from '../../models/index.ts';
import { createNodePool, hardwareThreads } from '../../worker/node.ts';
import type { EnginePool, Progress } from '../../worker/pool.ts';
import { HELP, UsageError, parseArgs, type CliOptions } from './args.ts';
import { formatMonteCarlo, formatRun, formatSensitivity, formatSweep, makeManifest, monteCarloJson, toJson } from './output.ts';
import { mergeShards, type ShardFile } from './shards.ts';

class JobFailed extends Error {}

function progressBar(enabled: boolean): ((p: Progress) => void) | undefined {
  if (!enabled) return undefined;
  return (p) => {
    const width = 30;
    const filled = Math.round(p.fraction * width);
    const eta = p.etaSeconds === null ? '' : `, ETA ${p.etaSeconds.toFixed(1)} s`;
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(p.fraction * 100).toFixed(0).padStart(3)}% ${p.done}/${p.total} runs${eta}`);
    if (p.fraction >= 1) process.stderr.write('\n');
  };
}

function emit(o: CliOptions, text: string): void {
  if (o.out) writeFileSync(o.out, text);
  else process.stdout.write(text);
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new JobFailed(r.error);
  return r.value;
}

async function runJob(o: CliOptions, pool: EnginePool): Promise<void> {
  const threads = pool.size;
  const started = performance.now();
  const onProgress = progressBar(o.progress || process.stderr.isTTY === true);
  const timing = () => ({ seconds: (performance.now() - started) / 1000, threads });
  const base = (extra: Record<string, unknown> = {}) => makeManifest(o.command, o.scenario, o.sets, o.seed, o.runs, extra);
  const shardFile = (job: ShardFile['job'], range: [number, number], body: Partial<ShardFile>): ShardFile => ({
    kind: 'deal-zone-shard', job, manifest: { ...base(job === 'sweep' ? { x: o.x!.path, y: o.y?.path ?? null } : job === 'sensitivity' ? { output: o.output, trajectories: o.trajectories } : {}) },
    shard: o.shard!, scenario: o.scenario, range, ...body,
  });

  if (o.command === 'mc') {
    const r = unwrap(await pool.monteCarlo(o.scenario, { runs: o.runs, seed: o.seed, chunk: o.shard ?? undefined }, { onProgress }));
    if (o.shard) return emit(o, toJson(shardFile('mc', r.runRange, { issueCount: r.issueCount, counts: r.counts })) + '\n');
    return emit(o, formatMonteCarlo(r, o.scenario, base(), o.format, o.format === 'table' || o.format === 'json' ? timing() : undefined));
  }
  if (o.command === 'sweep') {
    const r = unwrap(await pool.sweep(o.scenario, { x: o.x!, y: o.y ?? undefined, runs: o.runs, seed: o.seed, chunk: o.shard ?? undefined }, { onProgress }));
    if (o.shard) return emit(o, toJson(shardFile('sweep', r.cellRange, { x: r.x, y: r.y, stats: r.cells })) + '\n');
    return emit(o, formatSweep(r, base({ x: o.x!.path, y: o.y?.path ?? null, horizon: o.scenario.horizonMonths }), o.format, o.format === 'csv' ? undefined : timing()));
  }
  if (o.command === 'sensitivity') {
    const options = { output: o.output, runs: o.runs, seed: o.seed, trajectories: o.trajectories };
    if (o.shard) {
      const r = unwrap(await pool.sensitivityPoints(o.scenario, options, o.shard, { onProgress }));
      return emit(o, toJson(shardFile('sensitivity', r.range, { output: o.output, trajectories: o.trajectories, stats: r.stats })) + '\n');
    }
    const r = unwrap(await pool.sensitivity(o.scenario, options, { onProgress }));
    return emit(o, formatSensitivity(r, base({ output: o.output, trajectories: o.trajectories }), o.format, o.format === 'csv' ? undefined : timing()));
  }
}

async function main(argv: string[]): Promise<number> {
  let o: CliOptions | null;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`deal-zone: ${e.message}\n`); return 2; }
    throw e;
  }
  if (!o) { process.stdout.write(HELP); return 0; }
  try {
    if (o.command === 'run') {
      const trace = simulate(o.scenario, { seed: o.seed });
      emit(o, formatRun(trace, o.scenario, makeManifest('run', o.scenario, o.sets, o.seed, 1), o.format));
      return 0;
    }
    if (o.command === 'merge') {
      const m = mergeShards(o.files);
      if (m.job === 'mc') emit(o, o.format === 'json' ? toJson(monteCarloJson(m.result, m.manifest)) + '\n' : formatMonteCarlo(m.result, m.scenario, m.manifest, o.format));
      else if (m.job === 'sweep') emit(o, formatSweep(m.result, { ...m.manifest, horizon: m.scenario.horizonMonths }, o.format));
      else emit(o, formatSensitivity(m.result, m.manifest, o.format));
      return 0;
    }
    const pool = createNodePool(o.threads ?? hardwareThreads());
    try {
      await runJob(o, pool);
    } finally {
      pool.close();
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`deal-zone: ${e.message}\n`); return 2; }
    if (e instanceof JobFailed || e instanceof RangeError) { process.stderr.write(`deal-zone: ${e.message}\n`); return e instanceof RangeError ? 2 : 1; }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
