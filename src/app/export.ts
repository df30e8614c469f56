/**
 * Downloads with a manifest (DESIGN.md: every export carries scenario, seed,
 * runs and model version). CSV files start with `# key: value` comment lines;
 * JSON files have a `manifest` object; PNGs are chart canvases on white with
 * the manifest in a text chunk-free footer line drawn under the chart.
 */
import { MODEL_VERSION, TRACE_FIELDS, type Scenario, type Trace } from '../../models/index.ts';

export interface Manifest {
  scenario: string;
  seed: number;
  runs?: number;
  modelVersion: string;
  exportedAt: string;
  [key: string]: string | number | undefined;
}

export function manifest(scenario: Scenario, seed: number, extra: Record<string, string | number> = {}): Manifest {
  return { scenario: scenario.id, seed, modelVersion: MODEL_VERSION, exportedAt: new Date().toISOString(), ...extra };
}

function csvCell(v: unknown): string {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v ?? '');
  return /[",\n#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text: manifest comment lines, a header row, then the rows. */
export function toCsv(m: Manifest, columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const head = Object.entries(m).filter(([, v]) => v !== undefined).map(([k, v]) => `# ${k}: ${v}`);
  return [...head, columns.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

/**
 * A single run's trace as CSV: one row per month 0..horizon, a `month`
 * column and every trace field (MODEL.md §4) under its own name. After the
 * run ends (`endedAt` in the manifest) the fields are frozen.
 */
export function traceCsv(trace: Trace, m: Manifest): string {
  const rows: number[][] = [];
  for (let t = 0; t < trace.months.length; t++) rows.push([trace.months[t]!, ...TRACE_FIELDS.map((f) => trace.fields[f][t]!)]);
  return toCsv(m, ['month', ...TRACE_FIELDS], rows);
}

/** Offer a file for download. */
export function download(filename: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A chart canvas as PNG, on white, with the manifest written under it. */
export async function canvasPng(canvas: HTMLCanvasElement, m: Manifest): Promise<Blob> {
  const footer = 22;
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + footer;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  ctx.fillStyle = '#555';
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(`Deal Zone ${m.modelVersion} · scenario ${m.scenario} · seed ${m.seed}${m.runs ? ` · ${m.runs} runs` : ''} · ${m.exportedAt}`, 8, canvas.height + 15);
  return await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** A safe file name from parts. */
export function fileName(...parts: (string | number)[]): string {
  return parts.join('-').replace(/[^\w.-]+/g, '_');
}
