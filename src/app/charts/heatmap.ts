/**
 * The heatmap of a sweep (pure): one coloured cell per parameter pair
 * (chartjs-chart-matrix), row-major like the SweepResult (cell = iy·nx + ix),
 * x = first parameter, y = second (one row for a 1-D sweep). The colour scale
 * is returned too, for a legend drawn in the DOM next to the chart.
 *
 * Colours: a viridis-like ramp where brighter always means "more deal-prone":
 * a higher probability, or an earlier opening month. Cells whose zone does
 * not open within the horizon in the median run, or with no deal for median
 * terms, are grey.
 */
import type { ChartConfiguration } from 'chart.js';
import { describeParam, pointOutput, type Scenario, type SweepResult } from '../../../models/index.ts';
import type { ChartSpec } from './mount.ts';
import { formatOutput, formatParamValue, isMonthOutput, isProbabilityOutput, outputLabel, paramName } from './tornado.ts';

/** What a sweep cell can show. */
export const SWEEP_OUTPUTS = ['dealProbability', 'zoneOpenBy12', 'medianZoneOpensAt', 'medianTerms'] as const;
export type SweepOutput = (typeof SWEEP_OUTPUTS)[number];

/** Viridis, five stops (dark purple → yellow). */
const RAMP: readonly [number, number, number][] = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
/** Grey for "not within the horizon" / "no deal". */
export const MISSING_COLOR = '#c8c8c8';

/** The ramp's colour at t ∈ [0, 1] (clamped). */
export function heatColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const a = RAMP[i]!, b = RAMP[i + 1]!;
  const c = (k: number) => Math.round(a[k]! + (b[k]! - a[k]!) * f);
  return `rgb(${c(0)}, ${c(1)}, ${c(2)})`;
}

/** Whether dark text reads better than white on a ramp colour. */
export function lightBackground(color: string): boolean {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(color);
  if (!m) return true;
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150;
}

/** The values of an output per cell (row-major; NaN outside the result's cells). */
export function sweepValues(sw: SweepResult, output: SweepOutput): Float64Array {
  if (output === 'dealProbability') return sw.dealProbability;
  if (output === 'medianZoneOpensAt') return sw.medianZoneOpensAt;
  if (output === 'medianTerms') return sw.medianTerms;
  const out = new Float64Array(sw.dealProbability.length).fill(Number.NaN);
  sw.cells.forEach((st, i) => { out[sw.cellRange[0] + i] = pointOutput(st, output); });
  return out;
}

/** One cell of the heatmap. */
export interface HeatmapCell {
  index: number;
  ix: number;
  iy: number;
  /** The x parameter's value. */
  x: number;
  /** The y parameter's value (null in a 1-D sweep). */
  y: number | null;
  v: number;
  color: string;
  /** The value in words ("0.42", "month 14", "not within 60 months"). */
  text: string;
}

/** The colour legend: a gradient from the lowest to the highest value shown. */
export interface HeatmapLegend {
  title: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** A CSS linear-gradient from the colour at min to the colour at max. */
  gradient: string;
  /** The grey used for cells without a value, and what it means; null when none. */
  missing: { color: string; label: string } | null;
}

export interface HeatmapSpec extends ChartSpec {
  cells: HeatmapCell[];
  legend: HeatmapLegend;
  nx: number;
  ny: number;
}

export interface HeatmapOptions {
  /** Called with the cell under a click. */
  onCellClick?: (cell: HeatmapCell) => void;
}

/** "Sanctions", "Russia prior wins": how a cell's coordinate is named in a sentence. */
export function shortParam(path: string, scenario: Scenario): string {
  const d = describeParam(path);
  if (!d) return path;
  const m = /^sides\.(A|B)\./.exec(path);
  return m ? `${scenario.sides[m[1] as 'A' | 'B'].label} ${d.label.toLowerCase()}` : d.label.toLowerCase();
}

function axisTitle(path: string, scenario: Scenario): string {
  const d = describeParam(path);
  return `${paramName(path, scenario)}${d?.unit ? ` (${d.unit})` : ''}`;
}

/**
 * Where along x a probability is at least 50%, in words: "from sanctions
 * 0.6", "up to Russia prior wins 29.2", "between … and …", "nowhere",
 * "everywhere". For a 2-D sweep, at the low and the high end of y. E.g. "It
 * is at least 50% from sanctions 0.6 with guarantee 0, and from sanctions
 * 0.2 with guarantee 1."
 */
export function thresholdSentence(sw: SweepResult, scenario: Scenario, cells: readonly HeatmapCell[]): string {
  const xs = shortParam(sw.x.path, scenario);
  const xv = (v: number) => `${xs} ${formatParamValue(sw.x.path, v)}`;
  const valued = cells.filter((c) => Number.isFinite(c.v));
  if (valued.every((c) => c.v >= 0.5)) return 'It is at least 50% everywhere in this grid.';
  if (!valued.some((c) => c.v >= 0.5)) return 'It stays below 50% everywhere in this grid.';
  const where = (iy: number): string => {
    const row = valued.filter((c) => c.iy === iy).sort((a, b) => a.x - b.x);
    const hit = row.filter((c) => c.v >= 0.5);
    if (hit.length === 0) return 'nowhere';
    if (hit.length === row.length) return `at every ${xs}`;
    const first = hit[0]!, last = hit[hit.length - 1]!;
    const contiguous = row.indexOf(last) - row.indexOf(first) + 1 === hit.length;
    if (contiguous && last === row[row.length - 1]) return `from ${xv(first.x)}`;
    if (contiguous && first === row[0]) return `up to ${xv(last.x)}`;
    if (contiguous) return `between ${xv(first.x)} and ${formatParamValue(sw.x.path, last.x)}`;
    return `at ${hit.map((c) => formatParamValue(sw.x.path, c.x)).join(', ')} of ${xs}`;
  };
  const clause = (w: string) => (w === 'nowhere' ? 'stays below 50%' : `is at least 50% ${w}`);
  if (!sw.y) return `It ${clause(where(0))}.`;
  const ys = shortParam(sw.y.path, scenario);
  const yv = (iy: number) => `${ys} ${formatParamValue(sw.y!.path, sw.y!.values[iy]!)}`;
  const ny = sw.y.values.length;
  const low = where(0), high = where(ny - 1);
  if (ny === 1 || low === high) return `It ${clause(low)} with ${ys} ${formatParamValue(sw.y.path, sw.y.values[0]!)}${ny > 1 ? ` to ${formatParamValue(sw.y.path, sw.y.values[ny - 1]!)}` : ''}.`;
  if (low !== 'nowhere' && high !== 'nowhere') return `It is at least 50% ${low} with ${yv(0)}, and ${high} with ${yv(ny - 1)}.`;
  return `It ${clause(low)} with ${yv(0)}, and ${clause(high)} with ${yv(ny - 1)}.`;
}

/** The finding: the output's range over the grid, where it is reached, and (for probabilities) where it first reaches 50%. */
export function heatmapFinding(sw: SweepResult, scenario: Scenario, output: SweepOutput, cells: readonly HeatmapCell[]): string {
  const H = scenario.horizonMonths;
  const label = outputLabel(output, H, scenario.sides.A.label);
  const at = (c: HeatmapCell) => `${shortParam(sw.x.path, scenario)} ${formatParamValue(sw.x.path, c.x)}${sw.y && c.y !== null ? `, ${shortParam(sw.y.path, scenario)} ${formatParamValue(sw.y.path, c.y)}` : ''}`;
  const size = `${cells.length} ${sw.y ? `cells (${sw.x.values.length} × ${sw.y.values.length})` : 'values'} of ${sw.runs.toLocaleString('en-US')} runs each`;
  const valued = cells.filter((c) => Number.isFinite(c.v));
  if (valued.length === 0) return `${label.charAt(0).toUpperCase() + label.slice(1)}: no values in this sweep (${size}).`;
  const key = (c: HeatmapCell) => c.v;
  let lo = valued[0]!, hi = valued[0]!;
  for (const c of valued) { if (key(c) < key(lo)) lo = c; if (key(c) > key(hi)) hi = c; }
  const Label = label.charAt(0).toUpperCase() + label.slice(1);
  let text = lo.v === hi.v
    ? `${Label} is ${formatOutput(output, lo.v, H)} in every cell (${size}).`
    : `${Label} ranges from ${formatOutput(output, lo.v, H)} (at ${at(lo)}) to ${formatOutput(output, hi.v, H)} (at ${at(hi)}) across ${size}.`;
  if (isProbabilityOutput(output) && lo.v !== hi.v) text += ` ${thresholdSentence(sw, scenario, cells)}`;
  if (isMonthOutput(output)) {
    const within = valued.filter((c) => c.v <= H).length;
    if (within < valued.length) text += ` In ${valued.length - within} of ${valued.length} cells the median run sees no zone within ${H} months (grey).`;
  }
  return text;
}

/** The heatmap spec: Chart.js matrix config, cells, legend, finding and table. */
export function heatmapChart(sw: SweepResult, scenario: Scenario, output: SweepOutput, options: HeatmapOptions = {}): HeatmapSpec {
  const H = scenario.horizonMonths;
  const nx = sw.x.values.length;
  const ny = sw.y ? sw.y.values.length : 1;
  const values = sweepValues(sw, output);
  const missing = (v: number) => !Number.isFinite(v) || (isMonthOutput(output) && v > H);
  const shown = Array.from(values).filter((v) => !missing(v));
  let min: number, max: number;
  if (isProbabilityOutput(output)) { min = 0; max = 1; } else if (shown.length) { min = Math.min(...shown); max = Math.max(...shown); } else { min = 0; max = 1; }
  // Brighter = more deal-prone: earlier months are brighter.
  const reversed = isMonthOutput(output);
  const tOf = (v: number) => { const t = max > min ? (v - min) / (max - min) : 0.5; return reversed ? 1 - t : t; };
  const cells: HeatmapCell[] = [];
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const index = iy * nx + ix;
      const v = values[index]!;
      const isMissing = missing(v);
      cells.push({ index, ix, iy, x: sw.x.values[ix]!, y: sw.y ? sw.y.values[iy]! : null, v, color: isMissing ? MISSING_COLOR : heatColor(tOf(v)), text: formatOutput(output, v, H) });
    }
  }
  const anyMissing = cells.some((c) => missing(c.v));
  const stops = Array.from({ length: 9 }, (_, i) => heatColor(tOf(min + ((max - min) * i) / 8)));
  const legend: HeatmapLegend = {
    title: outputLabel(output, H, scenario.sides.A.label),
    min, max,
    minLabel: isMonthOutput(output) ? `month ${Math.round(min)}` : min.toFixed(2),
    maxLabel: isMonthOutput(output) ? `month ${Math.round(max)}` : max.toFixed(2),
    gradient: `linear-gradient(to right, ${stops.join(', ')})`,
    missing: anyMissing ? { color: MISSING_COLOR, label: output === 'medianTerms' ? 'no deal' : `not within ${H} months` } : null,
  };
  const colors = cells.map((c) => c.color);
  const xLabels = sw.x.values.map((v) => formatParamValue(sw.x.path, v));
  const yLabels = sw.y ? sw.y.values.map((v) => formatParamValue(sw.y!.path, v)) : [''];
  const ticksAt = (n: number) => (axis: { ticks: { value: number }[] }) => { axis.ticks = Array.from({ length: n }, (_, i) => ({ value: i })); };
  const config = {
    type: 'matrix',
    data: {
      datasets: [{
        label: outputLabel(output, H, scenario.sides.A.label),
        data: cells.map((c) => ({ x: c.ix, y: c.iy, v: c.v })),
        backgroundColor: (ctx: { dataIndex: number }) => colors[ctx.dataIndex] ?? MISSING_COLOR,
        borderColor: 'rgba(255, 255, 255, 0.9)',
        borderWidth: 1,
        hoverBorderColor: '#1d1d1f',
        hoverBorderWidth: 2,
        width: ({ chart }: { chart: { chartArea?: { width: number } } }) => Math.max(1, (chart.chartArea?.width ?? 0) / nx),
        height: ({ chart }: { chart: { chartArea?: { height: number } } }) => Math.max(1, (chart.chartArea?.height ?? 0) / ny),
      }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', offset: false, min: -0.5, max: nx - 0.5, grid: { display: false }, afterBuildTicks: ticksAt(nx), ticks: { callback: (v: number | string) => xLabels[Number(v)] ?? '' }, title: { display: true, text: axisTitle(sw.x.path, scenario) } },
        y: { type: 'linear', offset: false, reverse: false, min: -0.5, max: ny - 0.5, grid: { display: false }, afterBuildTicks: ticksAt(ny), ticks: { callback: (v: number | string) => yLabels[Number(v)] ?? '' }, title: { display: sw.y !== null, text: sw.y ? axisTitle(sw.y.path, scenario) : '' } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items: { dataIndex: number }[]) => {
              const c = cells[items[0]?.dataIndex ?? 0]!;
              return `${paramName(sw.x.path, scenario)} = ${xLabels[c.ix]}${sw.y ? `, ${paramName(sw.y.path, scenario)} = ${yLabels[c.iy]}` : ''}`;
            },
            label: (c: { dataIndex: number }) => `${outputLabel(output, H, scenario.sides.A.label)}: ${cells[c.dataIndex]!.text}`,
            footer: () => 'Click to open this pair in the single run',
          },
        },
      },
      onClick: (_evt: unknown, elements: { index: number }[]) => {
        const el = elements[0];
        if (el && options.onCellClick) options.onCellClick(cells[el.index]!);
      },
      onHover: (_evt: unknown, elements: unknown[], chart: { canvas: HTMLCanvasElement }) => {
        if (chart?.canvas) chart.canvas.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  };
  const all = {
    dealProbability: sw.dealProbability,
    zoneOpenBy12: sweepValues(sw, 'zoneOpenBy12'),
    medianZoneOpensAt: sw.medianZoneOpensAt,
    medianTerms: sw.medianTerms,
  };
  const xName = paramName(sw.x.path, scenario);
  const yName = sw.y ? paramName(sw.y.path, scenario) : null;
  return {
    config: config as unknown as ChartConfiguration,
    finding: heatmapFinding(sw, scenario, output, cells),
    table: {
      columns: [xName, ...(yName ? [yName] : []), outputLabel('dealProbability', H), outputLabel('zoneOpenBy12', H), outputLabel('medianZoneOpensAt', H), outputLabel('medianTerms', H, scenario.sides.A.label)],
      rows: cells.map((c) => [c.x, ...(c.y !== null ? [c.y] : []), all.dealProbability[c.index]!, all.zoneOpenBy12[c.index]!, formatOutput('medianZoneOpensAt', all.medianZoneOpensAt[c.index]!, H), formatOutput('medianTerms', all.medianTerms[c.index]!, H)]),
    },
    cells,
    legend,
    nx,
    ny,
  };
}
