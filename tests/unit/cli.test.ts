/** The CLI as a user runs it: `npm run sim -- ...` (through tsx, in a child process). */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../models/index.ts';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'deal-zone-cli-'));

async function sim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('npx', ['tsx', 'src/cli/main.ts', ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run sim', () => {
  it('--help prints usage', async () => {
    const r = await sim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: npm run sim -- <command>/);
    expect(r.stdout).toMatch(/--shard i\/n/);
  });

  it('bad flags, unknown paths and out-of-range values: one line, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['mc', '--bogus', '1'], /unknown option --bogus/],
      [['mc', '--set', 'sides.A.discont=0.9'], /sides\.A\.discont: unknown parameter/],
      [['mc', '--set', 'sides.A.discount=1.5'], /sides\.A\.discount=1\.5: outside the allowed range \(0, 1\]/],
      [['mc', '--runs', 'many'], /--runs "many": expected an integer/],
      [['sweep', '--x', 'levers.aid=0:2:3'], /--x .*levers\.aid in \[0, 1\]/],
      [['fly'], /unknown command "fly"/],
    ];
    for (const [args, re] of cases) {
      const r = await sim(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(re);
    }
  });

  it('run prints a readable table; csv has every trace field', async () => {
    const t = await sim('run', '--scenario', 'textbook-fearon', '--seed', '4');
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/month +control/);
    const c = await sim('run', '--scenario', 'textbook-fearon', '--seed', '4', '--format', 'csv');
    const header = c.stdout.split('\n')[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['month', 'reservationA', 'reservationB', 'surplus', 'logrollingTerm']));
  });

  it('mc --format json has the documented shape and a stable manifest', async () => {
    const r = await sim('mc', '--scenario', 'textbook-fearon', '--runs', '300', '--seed', '5', '--threads', '2', '--format', 'json', '--set', 'horizonMonths=24');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j.probabilities).sort()).toEqual(['dealBy', 'victoryABy', 'victoryBBy', 'zoneOpenBy']);
    expect(Object.keys(j.quantiles.surplus)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
    expect(j.months).toHaveLength(25);
    expect(j.manifest).toMatchObject({ scenario: 'textbook-fearon', seed: 5, runs: 300, sets: ['horizonMonths=24'] });
    expect(typeof j.manifest.modelVersion).toBe('string');
    expect(j.timing.threads).toBe(2);
  });

  it('shards merge into exactly the unsharded result, whatever the thread count', async () => {
    const common = ['mc', '--scenario', 'alaska-2025', '--runs', '900', '--seed', '21'];
    for (let i = 0; i < 3; i++) {
      const r = await sim(...common, '--shard', `${i}/3`, '--threads', String(1 + (i % 2)), '--out', join(dir, `part${i}.json`));
      expect(r.code).toBe(0);
    }
    const merged = await sim('merge', join(dir, 'part2.json'), join(dir, 'part0.json'), join(dir, 'part1.json'), '--format', 'json');
    const whole = await sim(...common, '--format', 'json');
    const w = JSON.parse(whole.stdout);
    delete w.timing;
    expect(JSON.parse(merged.stdout)).toEqual(w);
    const missing = await sim('merge', join(dir, 'part0.json'), join(dir, 'part1.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing shard 2 of 3/);
  });

  it('a scenario file is validated like any input', async () => {
    const r = await sim('run', '--scenario', 'tests/fixtures/bad-scenario.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sides\.A\.discount = 2/);
    const good = JSON.parse(readFileSync('models/scenarios/textbook-fearon.json', 'utf8'));
    expect(validateScenario(good).ok).toBe(true);
  });
});
