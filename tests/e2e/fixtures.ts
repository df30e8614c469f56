/**
 * Shared helpers of the browser tests: one Chromium per test file, a fresh
 * page per test that records console errors and page errors.
 */
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';

export const baseUrl = (): string => inject('baseUrl');

export interface PageWithErrors {
  page: Page;
  errors: string[];
}

let browser: Browser | null = null;

export async function getBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/** Open the app (at `path`, e.g. "?seed=3") and collect console errors. */
export async function openApp(path = '', viewport = { width: 1400, height: 900 }): Promise<PageWithErrors> {
  const b = await getBrowser();
  const context = await b.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl() + path, { waitUntil: 'load' });
  return { page, errors };
}
