/**
 * The app's live-update latency in a real Chromium (issue 4: a slider move
 * redraws "within one animation frame or two"): from a slider's input event
 * to the charts' captions showing the new run, over many moves. Needs the
 * built app (dist/) and Debian's Chromium; returns null without them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/browser.ts';

export interface RedrawLatency {
  samples: number;
  medianMs: number;
  p95Ms: number;
}

export async function sliderRedrawLatency(port = 4199, moves = 30): Promise<RedrawLatency | null> {
  if (!existsSync('dist/index.html')) return null;
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(url)).ok) break; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.waitForSelector('#chart-deal-zone figcaption');
      // Sent as source text: tsx would wrap named functions in a helper the page lacks.
      const times = await page.evaluate<number[]>(`(async (n) => {
        const slider = document.querySelector('input[type=range][aria-label^="Sanctions"]');
        const captions = () => Array.from(document.querySelectorAll('figcaption'), (c) => c.textContent).join('|');
        const out = [];
        for (let i = 0; i < n; i++) {
          const before = captions();
          const t0 = performance.now();
          slider.value = String((i % 10) / 10 + 0.05);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          // Poll once per animation frame until the captions show the new run.
          const changed = await new Promise((resolve) => {
            const poll = () => { if (captions() !== before) resolve(true); else if (performance.now() - t0 > 2000) resolve(false); else requestAnimationFrame(poll); };
            requestAnimationFrame(poll);
          });
          if (changed) out.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 50));
        }
        return out;
      })(${moves})`);
      if (times.length === 0) return null;
      const sorted = [...times].sort((a, b) => a - b);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
      return { samples: times.length, medianMs: q(0.5), p95Ms: q(0.95) };
    } finally {
      await browser.close();
    }
  } catch (e) {
    if (process.env.DEBUG_BENCH) console.error(e);
    return null;
  } finally {
    if (server.pid) try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
  }
}
