/**
 * The deterministic elementary functions: within an ulp of the engine's own
 * Math functions everywhere we use them (on Node 20 they agree bit for bit,
 * both being fdlibm), special values handled like Math.
 */
import { describe, expect, it } from 'vitest';
import { atanh, exp, expm1, log, log1p } from '../../models/detmath.ts';
import { Rng } from '../../models/rng.ts';

const f64 = new Float64Array(1), i64 = new BigInt64Array(f64.buffer);
const bits = (x: number) => { f64[0] = x; return i64[0]!; };
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

const rng = new Rng(2026, 0);
const cases: [string, (x: number) => number, (x: number) => number, () => number][] = [
  ['exp', exp, Math.exp, () => (rng.next() - 0.5) * 1500],
  ['exp near 0', exp, Math.exp, () => (rng.next() - 0.5) * 2],
  ['expm1', expm1, Math.expm1, () => (rng.next() - 0.5) * 100],
  ['expm1 near 0', expm1, Math.expm1, () => (rng.next() - 0.5) * 1e-4],
  ['log', log, Math.log, () => Math.exp((rng.next() - 0.5) * 1400)],
  ['log near 1', log, Math.log, () => 1 + (rng.next() - 0.5) * 1e-4],
  ['log1p', log1p, Math.log1p, () => rng.next() * 20 - 0.9999],
  ['log1p near 0', log1p, Math.log1p, () => (rng.next() - 0.5) * 1e-7],
  ['atanh', atanh, Math.atanh, () => rng.next() * 2 - 1],
  ['atanh near 1', atanh, Math.atanh, () => 1 - rng.next() * 1e-9],
];

describe('deterministic math', () => {
  for (const [name, mine, native, gen] of cases) {
    it(`${name}: within 1 ulp of Math on 50,000 inputs`, () => {
      let worst = 0, same = 0;
      for (let i = 0; i < 50_000; i++) {
        const x = gen();
        const d = ulps(mine(x), native(x));
        if (d === 0) same++;
        worst = Math.max(worst, d);
      }
      expect(worst).toBeLessThanOrEqual(1);
      expect(same).toBeGreaterThan(40_000);
    });
  }
  it('special values', () => {
    for (const x of [0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, 1e-310, 709.78, 710, -745.2, -746, 0.5, 2]) {
      for (const [mine, native] of [[exp, Math.exp], [expm1, Math.expm1], [log, Math.log], [log1p, Math.log1p], [atanh, Math.atanh]] as const) {
        expect(Object.is(mine(x), native(x)) || ulps(mine(x), native(x)) <= 1, `${mine.name}(${x})`).toBe(true);
      }
    }
  });
});
