/**
 * Mount a chart built by a pure builder: a figure with a canvas that has
 * role="img" and an aria-label stating the finding, a caption, a "show data"
 * table for screen readers and keyboard users, and PNG export.
 */
import type { ChartConfiguration } from 'chart.js';
import { Chart } from './setup.ts';

/** Tabular data behind a chart, for the "show data" table and CSV. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/** What a chart view needs: the config, the finding in words, the data. */
export interface ChartSpec {
  config: ChartConfiguration;
  /** One sentence that states what the chart shows (aria-label and caption). */
  finding: string;
  table: ChartTable;
}

export interface MountedChart {
  readonly figure: HTMLElement;
  readonly chart: Chart;
  update(spec: ChartSpec): void;
  destroy(): void;
}

function fmt(v: string | number): string {
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : v;
}

function renderTable(table: ChartTable, into: HTMLElement): void {
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  for (const c of table.columns) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = c; head.appendChild(th); }
  const body = t.createTBody();
  for (const r of table.rows) { const tr = body.insertRow(); for (const v of r) tr.insertCell().textContent = fmt(v); }
  into.replaceChildren(t);
}

/** Mount a chart into `parent`. `title` is the visible heading. */
export function mountChart(parent: HTMLElement, title: string, spec: ChartSpec, id: string): MountedChart {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.id = id;
  const h = document.createElement('h2');
  h.textContent = title;
  const box = document.createElement('div');
  box.className = 'canvas-box';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  box.appendChild(canvas);
  const caption = document.createElement('figcaption');
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Show data';
  const tableBox = document.createElement('div');
  tableBox.className = 'data-table';
  details.append(summary, tableBox);
  figure.append(h, box, caption, details);
  parent.appendChild(figure);
  const chart = new Chart(canvas, spec.config);
  let current = spec;
  const apply = (s: ChartSpec) => {
    canvas.setAttribute('aria-label', `${title}: ${s.finding}`);
    caption.textContent = s.finding;
    if (details.open) renderTable(s.table, tableBox);
  };
  details.addEventListener('toggle', () => { if (details.open) renderTable(current.table, tableBox); });
  apply(spec);
  return {
    figure,
    chart,
    update(s) {
      current = s;
      chart.data = s.config.data;
      if (s.config.options) chart.options = s.config.options;
      chart.update('none');
      apply(s);
    },
    destroy() { chart.destroy(); figure.remove(); },
  };
}
