/**
 * What the run view adds to a mounted chart (charts/mount.ts): a PNG export
 * button, a line saying what the colours mean, the month under the pointer,
 * and a cheap cursor update that redraws only the cursor line.
 */
import type { MountedChart } from '../charts/mount.ts';
import { cursorAnnotation } from '../charts/runCommon.ts';
import { canvasPng, download, type Manifest } from '../export.ts';
import { notify } from '../notify.ts';

/** A "PNG" button in the figure's header that downloads the canvas with the manifest under it. */
export function addPngButton(m: MountedChart, title: string, file: () => { name: string; manifest: Manifest }): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'png';
  b.textContent = 'PNG';
  b.setAttribute('aria-label', `Download "${title}" as PNG`);
  b.addEventListener('click', async () => {
    try {
      const f = file();
      download(`${f.name}.png`, await canvasPng(m.chart.canvas, f.manifest));
    } catch (e) {
      notify(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  });
  const actions = document.createElement('div');
  actions.className = 'fig-actions';
  actions.appendChild(b);
  m.figure.querySelector('h2')!.after(actions);
  return b;
}

/** A small line under the title (e.g. what the green and red bands mean). */
export function setNote(m: MountedChart, text: string): void {
  let p = m.figure.querySelector<HTMLParagraphElement>('p.chart-note');
  if (!p) {
    p = document.createElement('p');
    p.className = 'chart-note';
    m.figure.querySelector('.canvas-box')!.before(p);
  }
  if (p.textContent !== text) p.textContent = text;
}

/** Call `f(month)` as the pointer moves over the plot area (x = months, rounded). */
export function onHoverMonth(m: MountedChart, f: (month: number) => void): void {
  const canvas = m.chart.canvas;
  let pending = false;
  let last: MouseEvent | null = null;
  canvas.addEventListener('mousemove', (e) => {
    last = e;
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const ev = last;
      const x = m.chart.scales.x;
      const area = m.chart.chartArea;
      if (!ev || !x || !area || ev.offsetX < area.left || ev.offsetX > area.right) return;
      const v = Math.round(x.getValueForPixel(ev.offsetX) ?? Number.NaN);
      if (Number.isFinite(v)) f(Math.max(0, Math.min(Math.round(x.max), v)));
    });
  });
}

/** Move only the cursor line (no new data): cheap enough for every pointer move. */
export function setCursor(m: MountedChart, month: number | null, extra: Record<string, unknown> = {}): void {
  const plugins = m.chart.options.plugins as { annotation?: { annotations?: Record<string, unknown> } } | undefined;
  const ann = plugins?.annotation?.annotations;
  if (!ann) return;
  const next = cursorAnnotation(month);
  if (next.cursor) ann.cursor = { ...next.cursor, ...extra }; else delete ann.cursor;
  m.chart.update('none');
}
