/**
 * The single-run workbench in a real Chromium: live re-runs from the
 * parameter panel, the URL that reproduces a run, classroom playback and the
 * cursor, the keyboard, the what-if events editor and the baseline.
 */
import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scenarios } from '../../models/index.ts';
import { closeBrowser, openApp } from './fixtures.ts';

afterAll(closeBrowser);

const label = (page: Page, id: string) => page.locator(`#${id} canvas[role="img"]`).getAttribute('aria-label');

async function ready(page: Page): Promise<void> {
  await page.locator('#chart-deal-zone canvas[role="img"]').waitFor();
  await page.waitForFunction(() => (document.querySelector('#chart-deal-zone figcaption')?.textContent ?? '').length > 20);
  await page.locator('#chart-pressure canvas').waitFor();
}

/** The "show data" table of a chart, as text. */
async function tableText(page: Page, id: string): Promise<string> {
  const details = page.locator(`#${id} details`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect.poll(() => page.locator(`#${id} .data-table`).textContent()).toMatch(/^month|^point/);
  return (await page.locator(`#${id} .data-table`).textContent()) ?? '';
}

it('loads with four charts and no console errors; a slider move re-runs, redraws and updates the URL, and the URL reproduces the run', async () => {
  const { page, errors } = await openApp();
  await ready(page);
  for (const id of ['chart-deal-zone', 'chart-decomposition', 'chart-battlefield', 'chart-pressure']) {
    expect(await label(page, id)).toMatch(/^.{30,}$/);
    expect(await page.locator(`#${id} figcaption`).textContent()).toMatch(/^.{30,}$/);
  }
  expect(await page.locator('#chart-deal-zone .chart-note').textContent()).toMatch(/Green band: a deal zone is open/);
  const pressureBefore = await label(page, 'chart-pressure');
  const tableBefore = await tableText(page, 'chart-deal-zone');

  // Side A's base cost to its slider maximum, with the keyboard.
  await page.locator('details[data-group="Side A"] > summary').click();
  const slider = page.locator('[data-path="sides.A.baseCost"] input[type=range]');
  await slider.focus();
  await page.keyboard.press('End');
  await page.waitForFunction((before) => document.querySelector('#chart-pressure canvas')?.getAttribute('aria-label') !== before, pressureBefore);
  const pressureAfter = await label(page, 'chart-pressure');
  expect(pressureAfter).toMatch(/A month of war costs Russia \d+\.\d\d%/);
  expect(await tableText(page, 'chart-deal-zone')).not.toBe(tableBefore);
  expect(await page.locator('[data-path="sides.A.baseCost"] input[type=number]').inputValue()).toBe('0.02');
  expect(await page.locator('[data-path="sides.A.baseCost"]').getAttribute('class')).toMatch(/changed/);
  await page.waitForFunction(() => location.search.includes('sides.A.baseCost=0.02'));
  const url = page.url();

  // The same URL in a fresh page: the same picture.
  const want = {
    aria: await label(page, 'chart-deal-zone'),
    caption: await page.locator('#chart-deal-zone figcaption').textContent(),
    table: await tableText(page, 'chart-deal-zone'),
    decomposition: await tableText(page, 'chart-decomposition'),
  };
  const again = await openApp(url.slice(url.indexOf('?')));
  await ready(again.page);
  await again.page.waitForFunction((want) => document.querySelector('#chart-pressure canvas')?.getAttribute('aria-label') === want, pressureAfter);
  expect(await label(again.page, 'chart-deal-zone')).toBe(want.aria);
  expect(await again.page.locator('#chart-deal-zone figcaption').textContent()).toBe(want.caption);
  expect(await tableText(again.page, 'chart-deal-zone')).toBe(want.table);
  expect(await tableText(again.page, 'chart-decomposition')).toBe(want.decomposition);
  expect(await again.page.locator('[data-path="sides.A.baseCost"] input[type=number]').inputValue()).toBe('0.02');
  expect(again.errors).toEqual([]);

  // Reset to the preset's value: the field, the chart and the URL follow.
  await again.page.locator('details[data-group="Side A"] > summary').click();
  await again.page.getByRole('button', { name: /^Reset Base cost to / }).click();
  await again.page.waitForFunction(() => !location.search.includes('sides.A.baseCost'));
  expect(await again.page.locator('[data-path="sides.A.baseCost"] input[type=number]').inputValue()).toBe(String(scenarios['alaska-2025']!.sides.A.baseCost));
  await again.page.waitForFunction((before) => document.querySelector('#chart-pressure canvas')?.getAttribute('aria-label') === before, pressureBefore);
  await again.page.context().close();

  expect(errors).toEqual([]);
  await page.context().close();
});

it('play and step move the cursor month, and the explanation sentence follows; hovering a chart sets the month', async () => {
  const { page, errors } = await openApp();
  await ready(page);
  const sentence = page.locator('#explanation .sentence');
  const readout = page.locator('#month-readout');
  await page.locator('#step').click();
  await expect.poll(() => readout.textContent()).toMatch(/^Month 0 of \d+$/);
  expect(await sentence.textContent()).toMatch(/^In month 0 (there is no deal zone|a deal zone)/);
  await page.locator('#step').click();
  await expect.poll(() => sentence.textContent()).toMatch(/^In month 1 /);
  expect(await page.locator('#explanation .zone-chip').textContent()).toMatch(/^zone (open|shut)$/);

  await page.locator('#speed').selectOption('8');
  await page.locator('#play').click();
  expect(await page.locator('#play').getAttribute('data-state')).toBe('playing');
  await expect.poll(async () => Number((await readout.textContent())!.match(/Month (\d+)/)?.[1] ?? 0), { timeout: 5000 }).toBeGreaterThan(3);
  await page.locator('#play').click();
  expect(await page.locator('#play').getAttribute('data-state')).toBe('paused');
  const m = Number((await readout.textContent())!.match(/Month (\d+)/)![1]);
  expect(await sentence.textContent()).toMatch(new RegExp(`^(In month ${m} |The war is over)`));

  // Reset: the whole run again; hovering the deal-zone chart moves the cursor.
  await page.locator('#reset-playback').click();
  await expect.poll(() => readout.textContent()).toMatch(/^Months 0–\d+/);
  const box = (await page.locator('#chart-deal-zone canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.move(box.x + box.width * 0.31, box.y + box.height * 0.5);
  await expect.poll(() => readout.textContent()).toMatch(/^Month \d+ of \d+$/);
  expect(await sentence.textContent()).toMatch(/^In month \d+ /);
  expect(errors).toEqual([]);
  await page.context().close();
});

it('keyboard: Tab reaches the play button, Enter toggles it, arrow keys step months', async () => {
  const { page, errors } = await openApp();
  await ready(page);
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'play');
  }
  expect(reached).toBe(true);
  // A visible focus indicator.
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  expect(await page.locator('#play').getAttribute('data-state')).toBe('playing');
  await page.keyboard.press('Enter');
  expect(await page.locator('#play').getAttribute('data-state')).toBe('paused');
  const before = Number((await page.locator('#month-readout').textContent())!.match(/Month (\d+)/)![1]);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.locator('#month-readout').textContent()).toMatch(new RegExp(`^Month ${Math.max(0, before - 1)} of`));
  await page.keyboard.press('Home');
  await expect.poll(() => page.locator('#explanation .sentence').textContent()).toMatch(/^In month 0 /);
  expect(errors).toEqual([]);
  await page.context().close();
});

it('what-if events: add one (drawn, re-run, in the URL), a bad one is refused naming the path, delete; pin a baseline and compare', async () => {
  const { page, errors } = await openApp();
  await ready(page);
  await page.locator('#events-group > summary').click();
  const n0 = await page.locator('.event-list li:not(.empty)').count();
  await page.locator('#event-add').click();
  await page.locator('#ev-month').fill('3');
  await page.locator('#ev-label').fill('sanctions to the max');
  await page.locator('input[name="set.sanctions"]').fill('1.5');
  await page.locator('.event-form button[type=submit]').click();
  const err = page.locator('.event-form .form-error');
  await expect.poll(() => err.textContent()).toMatch(new RegExp(`events\\.${n0}\\.set\\.sanctions = 1\\.5 is outside the allowed range \\[0, 1\\]`));
  expect(await page.locator('input[name="set.sanctions"]').inputValue()).toBe('1.5'); // nothing lost
  expect(await page.locator('.event-list li:not(.empty)').count()).toBe(n0);

  await page.locator('#pin-baseline').click();
  await expect.poll(() => page.locator('#run-compare').textContent()).toMatch(/Nothing differs/);

  await page.locator('input[name="set.sanctions"]').fill('1');
  await page.locator('.event-form button[type=submit]').click();
  await expect.poll(() => page.locator('.event-list li:not(.empty)').count()).toBe(n0 + 1);
  expect(await page.locator('.event-list').textContent()).toMatch(/Month 3: sanctions to the max/);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('events')?.includes('sanctions to the max'));
  await expect.poll(() => page.locator('#run-compare').textContent()).toMatch(/Scheduled events/);
  expect(await page.locator('#chart-deal-zone .chart-note').textContent()).toMatch(/Dashed: the pinned baseline/);
  expect(await tableText(page, 'chart-deal-zone')).toMatch(/baseline r_A/);

  await page.getByRole('button', { name: 'Delete event: month 3, sanctions to the max' }).click();
  await expect.poll(() => page.locator('.event-list li:not(.empty)').count()).toBe(n0);
  await page.locator('#clear-baseline').click();
  await expect.poll(() => page.locator('#run-compare').isHidden()).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
});
