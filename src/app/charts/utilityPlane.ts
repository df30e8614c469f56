/**
 * Chart 5, the utility plane for scenarios with several issues (pure).
 * u_A(x) = Σ wA_k x_k, u_B(x) = Σ wB_k (1 − x_k) with the month's adjustments
 * (MODEL.md §3). The Pareto frontier comes from the model
 * (ZoneSolver.frontierVertices: the greedy fractional knapsack of §3). On it:
 * the two war values of the month under the cursor (V_A as a vertical line,
 * V_B as a horizontal one), the part of the frontier north-east of that
 * disagreement point (the zone), and the deal struck, if any.
 */
import type { ChartConfiguration } from 'chart.js';
import { ZoneSolver, type Scenario, type Trace } from '../../../models/index.ts';
import type { ChartSpec } from './mount.ts';
import { SIDE_COLORS, lastMonth, stake } from './runCommon.ts';

export interface UtilityPoint { x: number; y: number }

/** The frontier's vertices in month m (x = u_A rising, y = u_B falling), from the model. */
export function frontier(scenario: Scenario, guarantee: number): UtilityPoint[] {
  return new ZoneSolver(scenario).frontierVertices(guarantee).map((p) => ({ x: p.uA, y: p.uB }));
}

/** The part of the frontier with u_A ≥ vA and u_B ≥ vB (empty when there is none). */
export function zoneOnFrontier(pts: readonly UtilityPoint[], vA: number, vB: number): UtilityPoint[] {
  const out: UtilityPoint[] = [];
  const push = (p: UtilityPoint) => { const q = out[out.length - 1]; if (!q || q.x !== p.x || q.y !== p.y) out.push(p); };
  for (let i = 0; i + 1 < pts.length; i++) {
    const p = pts[i]!, q = pts[i + 1]!;
    const dx = q.x - p.x, dy = q.y - p.y;
    let t0 = 0, t1 = 1;
    if (dx !== 0) { const t = (vA - p.x) / dx; if (dx > 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t); } else if (p.x < vA) continue;
    if (dy !== 0) { const t = (vB - p.y) / dy; if (dy < 0) t1 = Math.min(t1, t); else t0 = Math.max(t0, t); } else if (p.y < vB) continue;
    if (t0 > t1) continue;
    push({ x: p.x + t0 * dx, y: p.y + t0 * dy });
    push({ x: p.x + t1 * dx, y: p.y + t1 * dy });
  }
  if (out.length === 0 && pts.length === 1 && pts[0]!.x >= vA && pts[0]!.y >= vB) out.push(pts[0]!);
  return out;
}

/** max{u_B on the frontier : u_A ≥ vA} − vB (−Infinity when A cannot get vA at all). */
export function frontierMargin(pts: readonly UtilityPoint[], vA: number, vB: number): number {
  let best = -Infinity;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    if (p.x >= vA) best = Math.max(best, p.y);
    const q = pts[i + 1];
    if (q && (p.x - vA) * (q.x - vA) < 0) best = Math.max(best, p.y + ((vA - p.x) / (q.x - p.x)) * (q.y - p.y));
  }
  return best - vB;
}

export interface UtilityPlaneOptions {
  /** The month whose war values are drawn (default: the run's last month). */
  month?: number | null;
}

export function utilityPlaneChart(trace: Trace, scenario: Scenario, options: UtilityPlaneOptions = {}): ChartSpec {
  const issues = scenario.issues ?? [];
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const last = lastMonth(trace);
  const m = Math.max(0, Math.min(last, Math.round(options.month ?? last)));
  const vA = trace.fields.valueA[m]!, vB = trace.fields.valueB[m]!;
  const g = trace.fields.guarantee[m]!;
  const pts = frontier(scenario, g);
  const zone = zoneOnFrontier(pts, vA, vB);
  const margin = frontierMargin(pts, vA, vB);
  const s = trace.summary;
  const dealU = s.dealAt !== null && s.terms && s.dealAt <= m ? new ZoneSolver(scenario).dealUtilities(trace.fields.guarantee[s.dealAt]!, s.terms) : null;
  const deal = dealU ? { x: dealU.uA, y: dealU.uB } : null;
  const datasets: object[] = [
    { label: 'Frontier: the best deals (trading issues)', order: 3, data: pts, showLine: true, borderColor: '#555', backgroundColor: '#555', borderWidth: 2, pointRadius: 3 },
    { label: 'Zone: deals both prefer to fighting on', order: 2, data: zone, showLine: true, borderColor: 'rgba(46,160,67,0.9)', backgroundColor: 'rgba(46,160,67,0.9)', borderWidth: 7, pointRadius: 0 },
    { label: `War values this month (V_A, V_B)`, order: 1, data: [{ x: vA, y: vB }], borderColor: '#111', backgroundColor: '#111', pointRadius: 6, pointStyle: 'rectRot' },
  ];
  if (deal) datasets.push({ label: `Deal struck in month ${s.dealAt}`, order: 0, data: [deal], borderColor: '#0b3d1a', backgroundColor: '#fff', pointRadius: 8, borderWidth: 3, pointStyle: 'circle' });
  let lo = 0, hi = 1;
  for (const v of [vA, vB, ...pts.flatMap((p) => [p.x, p.y])]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const range = { min: Math.max(-1, Math.floor((lo - 0.05) * 10) / 10), max: Math.min(2, Math.ceil((hi + 0.05) * 10) / 10) };
  const annotations = {
    valueA: { type: 'line', xMin: vA, xMax: vA, borderColor: SIDE_COLORS.A, borderWidth: 1.5, borderDash: [5, 4], label: { display: true, content: `${A}'s war value ${vA.toFixed(2)}`, position: 'end', backgroundColor: SIDE_COLORS.A, font: { size: 10 }, padding: 3 } },
    valueB: { type: 'line', yMin: vB, yMax: vB, borderColor: SIDE_COLORS.B, borderWidth: 1.5, borderDash: [5, 4], label: { display: true, content: `${B}'s war value ${vB.toFixed(2)}`, position: 'start', backgroundColor: SIDE_COLORS.B, font: { size: 10 }, padding: 3 } },
  };
  const config = {
    type: 'scatter',
    data: { datasets },
    options: {
      parsing: false,
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', ...range, title: { display: true, text: `${A}'s utility u_A` } },
        y: { type: 'linear', ...range, title: { display: true, text: `${B}'s utility u_B` } },
      },
      plugins: {
        legend: { position: 'bottom' },
        annotation: { annotations },
        tooltip: { callbacks: { label: (c: { dataset: { label?: string }; parsed: { x: number; y: number } }) => `${c.dataset.label}: u_A ${c.parsed.x.toFixed(3)}, u_B ${c.parsed.y.toFixed(3)}` } },
      },
    },
  };
  const where = margin >= 0
    ? `the frontier passes north-east of that point, so trading the ${issues.length} issues gives both more than war (${B} keeps up to ${stake(margin)} more than its war value)`
    : `the frontier passes south-west of that point, so no trade of the ${issues.length} issues gives both more than war (short by ${Number.isFinite(margin) ? stake(-margin) : 'more than the whole frontier'})`;
  // The plane is continuous; with a grid on issue 0 the model's verdict can differ: say so.
  const open = trace.fields.zoneOpen[m] === 1;
  const verdict = (margin >= 0) !== open ? `; but only a grid of shares of ${scenario.issues?.[0]?.label ?? 'issue 0'} can be agreed, and on it the zone is ${open ? 'open' : 'shut'} this month` : '';
  const finding = `In month ${m} ${A} values fighting on at ${vA.toFixed(2)} and ${B} at ${vB.toFixed(2)}; ${where}${verdict}${deal ? `; the deal of month ${s.dealAt} gives u_A ${deal.x.toFixed(2)}, u_B ${deal.y.toFixed(2)}` : ''}.`;
  const rows: (string | number)[][] = pts.map((p, i) => [`frontier ${i}`, p.x, p.y]);
  rows.push(['war values (V_A, V_B)', vA, vB]);
  zone.forEach((p, i) => rows.push([`zone ${i}`, p.x, p.y]));
  if (deal) rows.push(['deal', deal.x, deal.y]);
  return {
    config: config as unknown as ChartConfiguration,
    finding,
    table: { columns: ['point', 'u_A', 'u_B'], rows },
  };
}
