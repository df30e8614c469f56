/** The app loads on the shipped scenario and draws the deal-zone chart, with no console errors. */
import { afterAll, expect, it } from 'vitest';
import { closeBrowser, openApp } from './fixtures.ts';

afterAll(closeBrowser);

it('loads with the deal-zone chart and no console errors', async () => {
  const { page, errors } = await openApp();
  const canvas = page.locator('#chart-deal-zone canvas[role="img"]');
  await canvas.waitFor();
  await page.waitForFunction(() => (document.querySelector('#chart-deal-zone figcaption')?.textContent ?? '').length > 20);
  expect(await canvas.getAttribute('aria-label')).toMatch(/deal zone|deal/i);
  expect(errors).toEqual([]);
  await page.context().close();
});
