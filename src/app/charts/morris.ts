/**
 * Morris screening (pure): each parameter as a point at (μ*, σ) — μ* the mean
 * absolute elementary effect (importance: how much the output changes when
 * the parameter moves across its plausible range), σ their spread (a large σ
 * relative to μ* means the effect depends on where the other parameters are:
 * non-linearity or interactions). Morris 1991; Campolongo et al. 2007.
 */
import type { ChartConfiguration } from 'chart.js';
import type { MorrisEffect, Scenario, SensitivityResult } from '../../../models/index.ts';
import { COLORS } from './dealZone.ts';
import { withAlpha } from './fan.ts';
import type { ChartSpec } from './mount.ts';
import { isMonthOutput, outputLabel, paramName, paramPhrase } from './tornado.ts';

export interface MorrisOptions {
  /** How many of the most important points get a text label (default 8). */
  labelled?: number;
  /** Morris trajectories used (for the finding). */
  trajectories?: number;
}

/** Point colour by parameter group: side A, side B, everything else. */
export function morrisColor(path: string): string {
  if (path.startsWith('sides.A.')) return COLORS.A;
  if (path.startsWith('sides.B.')) return COLORS.B;
  if (path.startsWith('levers.')) return '#8a6d00';
  return '#555555';
}

const g = (v: number, o: string) => (isMonthOutput(o as never) ? v.toFixed(1) : v.toFixed(3));

export function morrisFinding(res: SensitivityResult, scenario: Scenario, trajectories?: number): string {
  const H = scenario.horizonMonths;
  const moving = res.morris.filter((m) => m.muStar > 0);
  const label = outputLabel(res.output, H, scenario.sides.A.label);
  const traj = trajectories !== undefined ? `${trajectories} trajectories, ` : '';
  if (res.morris.length === 0 || moving.length === 0) return `Morris screening (${traj}${res.runs} runs per point) finds no parameter that moves ${label}.`;
  const top = moving.slice(0, 3).map((m) => `${paramPhrase(m.path, scenario)} (μ* ${g(m.muStar, res.output)})`);
  const interacting = moving.slice(0, 10).filter((m) => m.sigma > m.muStar).slice(0, 3).map((m) => paramPhrase(m.path, scenario));
  const inter = interacting.length
    ? ` For ${listWords(interacting)}, σ exceeds μ*: the effect depends on the other parameters (non-linear or interacting).`
    : ' Among the ten most important, σ stays below μ*: their effects are fairly steady across the parameter space.';
  return `Morris screening of ${label} (${traj}${res.runs} runs per point): the most influential parameters are ${listWords(top)}.${inter}`;
}

/**
 * Which points get a text label, and on which side: the `n` most important
 * (by μ*) that matter (μ* at least 5% of the largest). A label goes to the
 * right of its point unless that crowds a label already placed there, then to
 * the left; if both sides are crowded the point stays unlabelled (it is in
 * the tooltip and the table).
 */
export function labelledPoints(pts: readonly MorrisEffect[], n: number): { index: number; side: 'right' | 'left' }[] {
  const maxV = Math.max(1e-12, ...pts.map((m) => Math.max(m.muStar, m.sigma)));
  const out: { index: number; side: 'right' | 'left' }[] = [];
  const crowds = (i: number, side: 'right' | 'left') => out.some((o) => {
    const a = pts[o.index]!, b = pts[i]!;
    if (Math.abs(a.sigma - b.sigma) >= 0.05 * maxV) return false;
    // Labels run ~0.2 of the axis away from their point, on their side.
    const [a0, a1] = o.side === 'right' ? [a.muStar, a.muStar + 0.22 * maxV] : [a.muStar - 0.22 * maxV, a.muStar];
    const [b0, b1] = side === 'right' ? [b.muStar, b.muStar + 0.22 * maxV] : [b.muStar - 0.22 * maxV, b.muStar];
    return a0 < b1 && b0 < a1;
  });
  for (let i = 0; i < pts.length && out.length < n; i++) {
    const m = pts[i]!;
    if (m.muStar < 0.05 * maxV) break;
    if (!crowds(i, 'right')) out.push({ index: i, side: 'right' });
    else if (m.muStar > 0.22 * maxV && !crowds(i, 'left')) out.push({ index: i, side: 'left' });
  }
  return out;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** μ* against σ, one point per parameter, labels on the most important ones, and the σ = μ* line. */
export function morrisChart(res: SensitivityResult, scenario: Scenario, options: MorrisOptions = {}): ChartSpec {
  const pts: MorrisEffect[] = res.morris;
  const nLabel = options.labelled ?? 8;
  const maxV = Math.max(1e-9, ...pts.map((m) => Math.max(m.muStar, m.sigma)));
  const annotations: Record<string, object> = {
    diagonal: { type: 'line', xMin: 0, yMin: 0, xMax: maxV * 1.08, yMax: maxV * 1.08, borderColor: '#aaa', borderWidth: 1, borderDash: [4, 4], label: { display: true, content: 'σ = μ*', position: 'end', backgroundColor: 'rgba(120,120,120,0.7)', font: { size: 10 } } },
  };
  for (const { index: i, side } of labelledPoints(pts, nLabel)) {
    const m = pts[i]!;
    annotations[`label${i}`] = { type: 'label', xValue: m.muStar, yValue: m.sigma, content: [paramName(m.path, scenario)], position: { x: side === 'right' ? 'start' : 'end', y: 'center' }, xAdjust: side === 'right' ? 7 : -7, color: morrisColor(m.path), font: { size: 10, weight: 'bold' }, backgroundColor: 'rgba(255,255,255,0.75)', padding: 1 };
  }
  const unit = isMonthOutput(res.output) ? 'months' : 'probability';
  const config = {
    type: 'scatter',
    data: {
      datasets: [{
        label: 'parameters',
        data: pts.map((m) => ({ x: m.muStar, y: m.sigma })),
        pointBackgroundColor: pts.map((m) => withAlpha(morrisColor(m.path), 0.75)),
        pointBorderColor: pts.map((m) => morrisColor(m.path)),
        pointRadius: 4.5,
        pointHoverRadius: 6,
      }],
    },
    options: {
      parsing: false,
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', min: 0, suggestedMax: maxV * 1.1, title: { display: true, text: `μ*: mean |effect| of moving across the plausible range (${unit}) → more important` } },
        y: { type: 'linear', min: 0, suggestedMax: maxV * 1.1, title: { display: true, text: `σ: spread of effects (${unit}) → more non-linear / interacting` } },
      },
      plugins: {
        legend: { display: false },
        annotation: { annotations },
        tooltip: {
          callbacks: {
            title: (items: { dataIndex: number }[]) => paramName(pts[items[0]?.dataIndex ?? 0]!.path, scenario),
            label: (c: { dataIndex: number }) => { const m = pts[c.dataIndex]!; return `μ* ${g(m.muStar, res.output)}, μ ${g(m.mu, res.output)}, σ ${g(m.sigma, res.output)}`; },
          },
        },
      },
    },
  };
  return {
    config: config as unknown as ChartConfiguration,
    finding: morrisFinding(res, scenario, options.trajectories),
    table: {
      columns: ['parameter', 'path', 'μ* (importance)', 'μ (mean effect)', 'σ (spread)'],
      rows: pts.map((m) => [paramName(m.path, scenario), m.path, m.muStar, m.mu, m.sigma]),
    },
  };
}
