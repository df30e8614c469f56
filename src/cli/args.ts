/**
 * Command-line parsing for `npm run sim`: flags in, a checked job description
 * out. Every problem is a {@link UsageError} with one line that names the
 * flag, the value and what is allowed; the CLI prints it and exits with 2.
 */
import { readFileSync } from 'node:fs';
import {
  SEED_MAX, axisValues, describeParam, formatRange, inRange, isPointOutput, scenarios, setParam, validateScenario, validateScenarioDocument,
  type PointOutput, type Scenario, type SweepAxis,
} from '../../models/index.ts';

export class UsageError extends Error {}

export type Command = 'run' | 'mc' | 'sweep' | 'sensitivity' | 'merge';
export type Format = 'table' | 'csv' | 'json';

export interface CliOptions {
  command: Command;
  scenario: Scenario;
  scenarioSource: string;
  sets: string[];
  seed: number;
  runs: number;
  threads: number | null;
  x: SweepAxis | null;
  y: SweepAxis | null;
  format: Format;
  out: string | null;
  shard: { index: number; count: number } | null;
  output: PointOutput;
  trajectories: number;
  files: string[];
  progress: boolean;
}

export const HELP = `Deal Zone: war-termination bargaining simulator

usage: npm run sim -- <command> [options]

commands
  run           one run, month by month
  mc            Monte Carlo: probability curves and percentile bands
  sweep         a Monte Carlo in every cell of a 1- or 2-parameter grid
  sensitivity   tornado and Morris screening of one output
  merge <files> combine shard files (--shard) into the unsharded result

options
  --scenario <id|file.json>  a preset id (${Object.keys(scenarios).join(', ')}) or a scenario file; default alaska-2025
  --set path=value           change one parameter (repeatable), e.g. --set sides.A.discount=0.98
  --seed <n>                 base seed, integer 0–${SEED_MAX} (default 1)
  --runs <n>                 runs (mc), runs per cell (sweep) or per point (sensitivity)
  --threads <n>              worker threads (default: one per core)
  --x path=lo:hi:steps       sweep axis x (required for sweep)
  --y path=lo:hi:steps       sweep axis y (optional)
  --output <name>            sensitivity output: dealProbability, dealBy<month>, zoneOpenBy<month>, medianZoneOpensAt, medianTerms (default dealBy24)
  --trajectories <n>         Morris trajectories (default 6; 0 = tornado only)
  --format table|csv|json    output format (default table)
  --out <file>               write to a file instead of standard output
  --shard i/n                compute part i (0-based) of n; writes a mergeable JSON part
  --progress                 show a progress bar on stderr even when it is not a terminal
  --help                     this text

Exit codes: 0 done, 1 the job failed, 2 bad usage (one line says what).
`;

function parseNumber(flag: string, raw: string, check: (v: number) => boolean, allowed: string): number {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || !check(v)) throw new UsageError(`${flag} ${JSON.stringify(raw)}: expected ${allowed}`);
  return v;
}

/** Parse "path=value" into a typed value for that path (numbers, booleans; JSON for lists). */
export function parseSet(raw: string): { path: string; value: unknown } {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set ${JSON.stringify(raw)}: expected path=value, e.g. sides.A.discount=0.98`);
  const path = raw.slice(0, eq).trim();
  const text = raw.slice(eq + 1).trim();
  const d = describeParam(path);
  if (!d) {
    if (/^(sides\.[AB]\.label|title|description|id)$/.test(path)) return { path, value: text };
    if (/^(events|issues)$/.test(path)) {
      try { return { path, value: JSON.parse(text) }; } catch { throw new UsageError(`--set ${path}: the value must be JSON`); }
    }
    throw new UsageError(`--set ${path}: unknown parameter (see MODEL.md §7 for the paths)`);
  }
  if (d.kind === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new UsageError(`--set ${path}=${text}: expected true or false`);
    return { path, value: text === 'true' };
  }
  const v = Number(text);
  if (text === '' || !inRange(d, v)) throw new UsageError(`--set ${path}=${text}: outside the allowed range ${formatRange(d)}`);
  return { path, value: v };
}

/** Parse "path=lo:hi:steps" into a sweep axis. */
export function parseAxis(flag: string, raw: string): SweepAxis {
  const m = /^([\w.]+)=([^:]+):([^:]+):([^:]+)$/.exec(raw);
  if (!m) throw new UsageError(`${flag} ${JSON.stringify(raw)}: expected path=lo:hi:steps, e.g. levers.sanctions=0:1:11`);
  const [, path, loRaw, hiRaw, stepsRaw] = m as unknown as [string, string, string, string, string];
  const d = describeParam(path);
  if (!d || d.kind === 'boolean' || path === 'horizonMonths') throw new UsageError(`${flag} ${path}: not a numeric parameter that can be swept`);
  const lo = parseNumber(flag, loRaw, (v) => inRange(d, v), `a value of ${path} in ${formatRange(d)}`);
  const hi = parseNumber(flag, hiRaw, (v) => inRange(d, v), `a value of ${path} in ${formatRange(d)}`);
  const steps = parseNumber(flag, stepsRaw, (v) => Number.isInteger(v) && v >= 1 && v <= 1000, 'steps, an integer from 1 to 1000');
  return { path, values: axisValues(lo, hi, steps, d.kind === 'integer') };
}

/** Load a preset id or a scenario file (validated). */
export function loadScenario(ref: string): Scenario {
  if (scenarios[ref]) return scenarios[ref]!;
  if (!/\.json$/i.test(ref)) throw new UsageError(`--scenario ${ref}: not a preset (${Object.keys(scenarios).join(', ')}) nor a .json file`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(ref, 'utf8'));
  } catch (e) {
    throw new UsageError(`--scenario ${ref}: ${(e as Error).message}`);
  }
  const r = validateScenarioDocument(raw); // a bare scenario or the app's {manifest, scenario} export
  if (!r.ok) throw new UsageError(`--scenario ${ref}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.scenario;
}

const COMMANDS: readonly Command[] = ['run', 'mc', 'sweep', 'sensitivity', 'merge'];
const DEFAULT_RUNS: Record<Command, number> = { run: 1, mc: 2000, sweep: 200, sensitivity: 100, merge: 0 };

/** Parse argv (without node and the script). Returns null for --help. */
export function parseArgs(argv: readonly string[]): CliOptions | null {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return null;
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`unknown command ${JSON.stringify(command)}: expected one of ${COMMANDS.join(', ')} (see --help)`);
  const o: CliOptions = {
    command: command as Command, scenario: scenarios['alaska-2025']!, scenarioSource: 'alaska-2025', sets: [], seed: 1,
    runs: DEFAULT_RUNS[command as Command], threads: null, x: null, y: null, format: 'table', out: null, shard: null,
    output: 'dealBy24', trajectories: 6, files: [], progress: false,
  };
  const sets: string[] = [];
  const needValue = (i: number, flag: string): string => {
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value (see --help)`);
    return v;
  };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (!flag.startsWith('--')) {
      if (o.command === 'merge') { o.files.push(flag); continue; }
      throw new UsageError(`unexpected argument ${JSON.stringify(flag)} (see --help)`);
    }
    if (flag === '--progress') { o.progress = true; continue; }
    const v = needValue(i, flag);
    i++;
    switch (flag) {
      case '--scenario': o.scenarioSource = v; o.scenario = loadScenario(v); break;
      case '--set': sets.push(v); break;
      case '--seed': o.seed = parseNumber(flag, v, (x) => Number.isInteger(x) && x >= 0 && x <= SEED_MAX, `an integer from 0 to ${SEED_MAX}`); break;
      case '--runs': o.runs = parseNumber(flag, v, (x) => Number.isInteger(x) && x >= 1 && x <= 10_000_000, 'an integer from 1 to 10000000'); break;
      case '--threads': o.threads = parseNumber(flag, v, (x) => Number.isInteger(x) && x >= 1 && x <= 256, 'an integer from 1 to 256'); break;
      case '--x': o.x = parseAxis(flag, v); break;
      case '--y': o.y = parseAxis(flag, v); break;
      case '--format':
        if (v !== 'table' && v !== 'csv' && v !== 'json') throw new UsageError(`--format ${v}: expected table, csv or json`);
        o.format = v; break;
      case '--out': o.out = v; break;
      case '--shard': {
        const m = /^(\d+)\/(\d+)$/.exec(v);
        const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
        if (!m || count < 1 || index >= count) throw new UsageError(`--shard ${v}: expected i/n with 0 ≤ i < n, e.g. 0/4`);
        o.shard = { index, count }; break;
      }
      case '--output':
        if (!isPointOutput(v)) throw new UsageError(`--output ${v}: expected dealProbability, dealBy<month>, zoneOpenBy<month>, medianZoneOpensAt or medianTerms`);
        o.output = v; break;
      case '--trajectories': o.trajectories = parseNumber(flag, v, (x) => Number.isInteger(x) && x >= 0 && x <= 100, 'an integer from 0 to 100'); break;
      default: throw new UsageError(`unknown option ${flag} (see --help)`);
    }
  }
  for (const raw of sets) {
    const { path, value } = parseSet(raw);
    o.scenario = setParam(o.scenario, path, value);
    o.sets.push(raw);
  }
  const r = validateScenario(o.scenario);
  if (!r.ok) throw new UsageError(r.errors.map((e) => e.message).join('; '));
  o.scenario = r.scenario;
  if (o.command === 'sweep' && !o.x) throw new UsageError('sweep needs --x path=lo:hi:steps');
  if (o.command !== 'sweep' && (o.x || o.y)) throw new UsageError('--x and --y go with the sweep command');
  if (o.command === 'merge' && o.files.length === 0) throw new UsageError('merge needs the shard files to combine');
  if (o.shard && (o.command === 'run' || o.command === 'merge')) throw new UsageError(`--shard goes with mc, sweep and sensitivity, not ${o.command}`);
  return o;
}
