/**
 * MODEL.md §6.8: the same seed and inputs give bitwise-identical traces in
 * Node and in the browser. The built app's own engine worker runs in Chromium
 * (spoken to in comlink's wire format), and every field of every month is
 * compared bit for bit with `simulate` in Node.
 */
import { readdirSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { TRACE_FIELDS, scenarios, setParam, simulate, type Scenario } from '../../models/index.ts';
import { closeBrowser, openApp } from './fixtures.ts';

afterAll(closeBrowser);

function hexBits(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}

const adjusted: Scenario = [
  ['bargaining.vulnerability', 0.3], ['bargaining.guaranteeCostA', 0.05], ['bargaining.granularity', 0.05],
  ['sides.A.domesticBound', 0.3], ['sides.B.domesticBound', 0.8], ['levers.guarantee', 0.4], ['sides.A.exhaustionImpatience', 2],
].reduce<Scenario>((s, [p, v]) => setParam(s, p as string, v), scenarios['alaska-2025']!);
const multi: Scenario = {
  ...adjusted,
  issues: [
    { id: 'territory', label: 'Territory', weightA: 0.6, weightB: 0.4 },
    { id: 'security', label: 'Security', weightA: 0.1, weightB: 0.5 },
    { id: 'sanctions', label: 'Sanctions relief', weightA: 0.3, weightB: 0.1 },
  ],
};

const cases: [string, Scenario, number][] = [
  ...Object.values(scenarios).map((s) => [s.id, s, 2025] as [string, Scenario, number]),
  ['alaska, seed 0', scenarios['alaska-2025']!, 0],
  ['alaska, seed 2^32 − 1', scenarios['alaska-2025']!, 0xffffffff],
  ['every adjustment', adjusted, 7],
  ['three issues', multi, 11],
  ['long, no talks', setParam(setParam(scenarios['alaska-2025']!, 'bargaining.talkChance', 0), 'horizonMonths', 600), 3],
];

it('traces from the built worker in Chromium equal Node traces bit for bit', async () => {
  const workerFile = readdirSync('dist/assets').find((f) => /^engine\.worker-.*\.js$/.test(f));
  expect(workerFile, 'the build has an engine worker').toBeDefined();
  const { page, errors } = await openApp();
  const browserBits = await page.evaluate(async ({ url, jobs, fields }) => {
    const worker = new Worker(url, { type: 'module' });
    const call = (id: string, scenario: unknown, seed: number) => new Promise<Record<string, string>>((resolve, reject) => {
      const onMessage = (ev: MessageEvent) => {
        if (ev.data?.id !== id) return;
        worker.removeEventListener('message', onMessage);
        const result = ev.data.value as { ok: boolean; error?: string; value?: { fields: Record<string, Float64Array> } };
        if (!result.ok) { reject(new Error(result.error)); return; }
        const out: Record<string, string> = {};
        for (const f of fields) {
          const a = result.value!.fields[f]!;
          out[f] = Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), (b) => b.toString(16).padStart(2, '0')).join('');
        }
        resolve(out);
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage({ id, type: 'APPLY', path: ['simulate'], argumentList: [{ type: 'RAW', value: scenario }, { type: 'RAW', value: seed }] });
    });
    const results: Record<string, string>[] = [];
    for (let i = 0; i < jobs.length; i++) results.push(await call(String(i), jobs[i]![0], jobs[i]![1]));
    worker.terminate();
    return results;
  }, { url: `/assets/${workerFile}`, jobs: cases.map(([, s, seed]) => [s, seed] as [Scenario, number]), fields: [...TRACE_FIELDS] });

  cases.forEach(([name, s, seed], i) => {
    const node = simulate(s, { seed });
    for (const f of TRACE_FIELDS) {
      const b = browserBits[i]![f]!, n = hexBits(node.fields[f]);
      if (b !== n) {
        const k = [...Array(b.length / 16).keys()].find((m) => b.slice(16 * m, 16 * m + 16) !== n.slice(16 * m, 16 * m + 16))!;
        const v = (h: string) => Buffer.from(h.slice(16 * k, 16 * k + 16), "hex").readDoubleLE(0);
        console.log(`${name} ${f}[${k}]: browser ${v(b)} node ${v(n)}`);
      }
      expect(b, `${name}: ${f}`).toBe(n);
    }
  });
  expect(errors).toEqual([]);
  await page.context().close();
});
