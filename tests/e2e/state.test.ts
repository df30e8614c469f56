/**
 * State, sharing and export in a real Chromium: bad URL values are reported
 * and the rest applies; a bad scenario file is refused and changes nothing;
 * exports are valid files with a manifest (trace CSV, scenario JSON, PNG);
 * an exported scenario imports back to the same run; named scenarios are
 * saved in the browser.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { TRACE_FIELDS, scenarios, validateScenario } from '../../models/index.ts';
import { closeBrowser, openApp } from './fixtures.ts';

afterAll(closeBrowser);

async function ready(page: Page): Promise<void> {
  await page.locator('#chart-deal-zone canvas[role="img"]').waitFor();
  await page.waitForFunction(() => (document.querySelector('#chart-deal-zone figcaption')?.textContent ?? '').length > 20);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]) as [Download, void];
  return { name: dl.suggestedFilename(), bytes: await readFile((await dl.path())!) };
}

const ariaOf = (page: Page) => page.locator('#chart-deal-zone canvas').getAttribute('aria-label');

it('a bad URL value is reported with the parameter, value and range; the rest of the URL applies', async () => {
  const { page, errors } = await openApp('?s=alaska-2025&seed=5&sides.A.discount=1.5&levers.aid=0.9&war.stalemateChance=abc');
  await ready(page);
  const toast = page.locator('#toast');
  await expect.poll(() => toast.textContent()).toMatch(/sides\.A\.discount = 1\.5 is outside the allowed range \(0, 1\]/);
  expect(await toast.textContent()).toMatch(/war\.stalemateChance = "abc" is not a number/);
  expect(await page.locator('#p-levers-aid').inputValue()).toBe('0.9');
  expect(await page.locator('#seed').inputValue()).toBe('5');
  expect(Number(await page.locator('#p-sides-A-discount').inputValue())).toBe(scenarios['alaska-2025']!.sides.A.discount);
  // The URL is rewritten without the bad values.
  await page.waitForFunction(() => location.search.includes('levers.aid=0.9') && !location.search.includes('discount'));
  expect(errors).toEqual([]);
  await page.context().close();
});

it('a typed out-of-range value is refused next to its field, naming field, value and range; the last valid value stays', async () => {
  const { page, errors } = await openApp('?seed=3');
  await ready(page);
  const aria = await ariaOf(page);
  const aid = page.locator('#p-levers-aid');
  await aid.fill('1.7');
  await aid.press('Enter');
  const msg = page.locator('[data-path="levers.aid"] .param-error');
  await expect.poll(() => msg.textContent()).toMatch(/^Mediator levers · Aid \(levers\.aid\) = 1\.7 is outside the allowed range \[0, 1\]; keeping [\d.]+\.$/);
  expect(await aid.inputValue()).toBe('1.7'); // what was typed stays, to be corrected
  expect(await aid.getAttribute('aria-invalid')).toBe('true');
  await page.waitForTimeout(300);
  expect(await ariaOf(page)).toBe(aria);
  expect(page.url()).not.toContain('levers.aid');
  await aid.fill('0.25');
  await aid.press('Enter');
  await expect.poll(() => msg.isHidden()).toBe(true);
  await page.waitForFunction(() => location.search.includes('levers.aid=0.25'));
  expect(errors).toEqual([]);
  await page.context().close();
});

it('a bad scenario file is refused with a message listing path and problem, and changes nothing', async () => {
  const { page, errors } = await openApp('?seed=2');
  await ready(page);
  const before = { aria: await ariaOf(page), url: page.url(), picker: await page.locator('#scenario-picker').inputValue() };
  const bad = { ...scenarios['alaska-2025']!, war: { ...scenarios['alaska-2025']!.war, stalemateChance: 2 }, horizonMonths: 0, color: 'red' };
  await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const toast = page.locator('#toast');
  await expect.poll(() => toast.textContent()).toMatch(/Import refused: bad\.json/);
  const text = (await toast.textContent())!;
  expect(text).toMatch(/war\.stalemateChance: war\.stalemateChance = 2 is outside the allowed range \[0, 1\)/);
  expect(text).toMatch(/horizonMonths: horizonMonths = 0 is outside/);
  expect(text).toMatch(/color: unknown field "color"/);
  await page.locator('#import-file').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"oops": ') });
  await expect.poll(() => toast.textContent()).toMatch(/junk\.json .*not valid JSON/s);
  await page.waitForTimeout(300);
  expect(await ariaOf(page)).toBe(before.aria);
  expect(page.url()).toBe(before.url);
  expect(await page.locator('#scenario-picker').inputValue()).toBe(before.picker);
  expect(errors).toEqual([]);
  await page.context().close();
});

it('exports valid files: the trace CSV (manifest, every trace field), the scenario JSON (validates, imports back to the same run), a chart PNG', async () => {
  const { page, errors } = await openApp('?seed=7&levers.sanctions=0.7');
  await ready(page);
  await page.waitForFunction(() => location.search.includes('levers.sanctions=0.7'));

  const csv = await downloaded(page, () => page.locator('#export-csv').click());
  expect(csv.name).toMatch(/^deal-zone-alaska-2025-seed-7-trace\.csv$/);
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('# scenario: alaska-2025');
  expect(lines[1]).toBe('# seed: 7');
  const manifest = lines.filter((l) => l.startsWith('# '));
  expect(manifest.some((l) => /^# modelVersion: \S+/.test(l))).toBe(true);
  expect(manifest.some((l) => l.includes('levers.sanctions=0.7'))).toBe(true);
  const rows = lines.filter((l) => !l.startsWith('#'));
  expect(rows[0]).toBe(['month', ...TRACE_FIELDS].join(','));
  const horizon = scenarios['alaska-2025']!.horizonMonths;
  expect(rows).toHaveLength(horizon + 2);
  for (const r of rows.slice(1)) {
    const cells = r.split(',').map(Number);
    expect(cells).toHaveLength(TRACE_FIELDS.length + 1);
    expect(cells.every(Number.isFinite)).toBe(true);
  }
  expect(rows[1]!.split(',')[0]).toBe('0');
  expect(rows[1]!.split(',')[1 + TRACE_FIELDS.indexOf('sanctions')]).toBe('0.7');

  const json = await downloaded(page, () => page.locator('#export-json').click());
  expect(json.name).toMatch(/\.scenario\.json$/);
  const doc = JSON.parse(json.bytes.toString('utf8')) as { manifest: Record<string, unknown>; scenario: unknown };
  expect(doc.manifest).toMatchObject({ scenario: 'alaska-2025', seed: 7 });
  const v = validateScenario(doc.scenario);
  expect(v.ok).toBe(true);
  if (v.ok) expect(v.scenario.levers.sanctions).toBe(0.7);

  const png = await downloaded(page, () => page.locator('#chart-deal-zone button.png').click());
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await page.locator('#chart-deal-zone details summary').click();
  await expect.poll(() => page.locator('#chart-deal-zone .data-table').textContent()).toMatch(/^month/);
  const table = await page.locator('#chart-deal-zone .data-table').textContent();

  // The exported file, imported into a fresh page on another preset, gives the same run.
  const other = await openApp('?s=textbook-fearon&seed=7');
  await ready(other.page);
  await other.page.locator('#import-file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
  await expect.poll(() => other.page.locator('#toast').textContent()).toMatch(/^Imported/);
  await expect.poll(() => other.page.locator('#chart-deal-zone canvas').getAttribute('aria-label')).toBe(await ariaOf(page));
  await other.page.locator('#chart-deal-zone details summary').click();
  await expect.poll(() => other.page.locator('#chart-deal-zone .data-table').textContent()).toBe(table);
  expect(await other.page.locator('#scenario-picker option:checked').textContent()).toBe(scenarios['alaska-2025']!.title);
  expect(other.errors).toEqual([]);
  await other.page.context().close();

  expect(errors).toEqual([]);
  await page.context().close();
});

it('a named scenario saved in the browser is listed in the picker after a reload, and loads', async () => {
  const { page, errors } = await openApp('?levers.guarantee=0.9');
  await ready(page);
  await page.locator('#save-open').click();
  await page.locator('#save-name').fill('strong guarantee');
  await page.locator('#save-name').press('Enter');
  await expect.poll(() => page.locator('#scenario-picker').inputValue()).toBe('saved:strong guarantee');
  await page.goto(page.url().replace(/\?.*$/, ''), { waitUntil: 'load' });
  await ready(page);
  expect(await page.locator('#p-levers-guarantee').inputValue()).toBe(String(scenarios['alaska-2025']!.levers.guarantee));
  expect(await page.locator('#scenario-picker option[value="saved:strong guarantee"]').count()).toBe(1);
  await page.locator('#scenario-picker').selectOption('saved:strong guarantee');
  await expect.poll(() => page.locator('#p-levers-guarantee').inputValue()).toBe('0.9');
  await page.waitForFunction(() => location.search.includes('levers.guarantee=0.9'));
  expect(await page.locator('#changed-count').textContent()).toBe('as preset');
  expect(errors).toEqual([]);
  await page.context().close();
});
