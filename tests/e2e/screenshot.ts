/**
 * `npx tsx tests/e2e/screenshot.ts <url> <out.png> [width height]`: a
 * developer's look at the app (not a test).
 */
import { launchChromium } from './browser.ts';

const [url = 'http://127.0.0.1:4173/', out = 'tmp/shot.png', w = '1400', h = '900'] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[console.${m.type()}]`, m.text()); });
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(Number(process.env.WAIT ?? 800));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log('saved', out);
