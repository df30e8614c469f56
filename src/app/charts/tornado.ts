/**
 * The tornado chart of a sensitivity analysis (pure): for the parameters with
 * the largest swings, a bar from the base output to the output with the
 * parameter at the low end of its plausible range, and one to the output at
 * the high end (one at a time, others as in the scenario; models/sensitivity.ts).
 *
 * Also the words shared by the many-runs charts: how to name a parameter
 * ("Russia: Prior wins", "Russia's prior wins") and an output
 * ("P(deal by month 24)") and how to print their values.
 */
import type { ChartConfiguration } from 'chart.js';
import { describeParam, type PointOutput, type Scenario, type SensitivityResult } from '../../../models/index.ts';
import type { ChartSpec } from './mount.ts';

/** The outputs the sensitivity view offers. */
export const SENSITIVITY_OUTPUTS = ['dealBy24', 'zoneOpenBy12', 'medianZoneOpensAt', 'dealProbability'] as const satisfies readonly PointOutput[];

/** Whether an output is a month (medianZoneOpensAt) rather than a probability or share. */
export const isMonthOutput = (o: PointOutput): boolean => o === 'medianZoneOpensAt';
/** Whether an output is a probability (0–1). */
export const isProbabilityOutput = (o: PointOutput): boolean => o === 'dealProbability' || /^(dealBy|zoneOpenBy)\d+$/.test(o);

function byMonth(o: PointOutput): { kind: 'dealBy' | 'zoneOpenBy'; month: number } | null {
  const m = /^(dealBy|zoneOpenBy)(\d+)$/.exec(o);
  return m ? { kind: m[1] as 'dealBy' | 'zoneOpenBy', month: Number(m[2]) } : null;
}

/** A short label: "P(deal by month 24)". `H` is the horizon (months). */
export function outputLabel(o: PointOutput, H: number, sideA = 'A'): string {
  const b = byMonth(o);
  if (b) return b.kind === 'dealBy' ? `P(deal by month ${Math.min(b.month, H)})` : `P(zone open by month ${Math.min(b.month, H)})`;
  if (o === 'dealProbability') return `P(deal within ${H} months)`;
  if (o === 'medianZoneOpensAt') return 'median month the zone opens';
  return `median deal terms (${sideA}'s share)`;
}

/** The output as the subject of a sentence: "The probability of a deal by month 24". */
export function outputPhrase(o: PointOutput, H: number, sideA = 'A'): string {
  const b = byMonth(o);
  if (b) return b.kind === 'dealBy' ? `The probability of a deal by month ${Math.min(b.month, H)}` : `The probability that a deal zone opens by month ${Math.min(b.month, H)}`;
  if (o === 'dealProbability') return `The probability of a deal within ${H} months`;
  if (o === 'medianZoneOpensAt') return 'The median month the deal zone opens';
  return `The median deal's share to ${sideA}`;
}

/** A value of an output: "0.42", "month 14", "not within 60 months", "no deal". */
export function formatOutput(o: PointOutput, v: number, H: number): string {
  if (!Number.isFinite(v)) return o === 'medianTerms' ? 'no deal' : '–';
  if (isMonthOutput(o)) return v > H ? `not within ${H} months` : `month ${Math.round(v)}`;
  return v.toFixed(2);
}

/** A parameter's value with its unit, compactly: "0.5 pseudo-months", "60,000 people/month". */
export function formatParamValue(path: string, v: number, withUnit = false): string {
  const d = describeParam(path);
  let s: string;
  if (!Number.isFinite(v)) s = String(v);
  else if (Math.abs(v) >= 1000) s = Math.round(v).toLocaleString('en-US');
  else if (Number.isInteger(v)) s = String(v);
  else s = String(Number(v.toPrecision(3)));
  return withUnit && d?.unit ? `${s} ${d.unit}` : s;
}

function sideOf(path: string): 'A' | 'B' | null {
  const m = /^sides\.(A|B)\./.exec(path);
  return m ? (m[1] as 'A' | 'B') : null;
}

/** "Russia: Prior wins", "Mediator levers: Sanctions". */
export function paramName(path: string, scenario: Scenario): string {
  const d = describeParam(path);
  if (!d) return path;
  const side = sideOf(path);
  return `${side ? scenario.sides[side].label : d.group}: ${d.label}`;
}

/** "Russia's prior wins", "the mediator's sanctions", "the talk chance". */
export function paramPhrase(path: string, scenario: Scenario): string {
  const d = describeParam(path);
  if (!d) return path;
  const side = sideOf(path);
  const label = d.label.charAt(0).toLowerCase() + d.label.slice(1);
  if (side) return `${scenario.sides[side].label}'s ${label}`;
  if (d.group === 'Mediator levers') return `the mediator's ${label}`;
  return `the ${label}`;
}

export const TORNADO_COLORS = { low: '#b9b3dd', high: '#54278f', base: '#1d1d1f' } as const;

export interface TornadoOptions {
  /** How many parameters (largest swing first; default 15). */
  top?: number;
}

/** The tornado's finding: "The probability of a deal by month 24 is most sensitive to Russia's prior wins: from 0.10 to 0.85 across its plausible range …". */
export function tornadoFinding(res: SensitivityResult, scenario: Scenario): string {
  const H = scenario.horizonMonths;
  const o = res.output;
  const moving = res.tornado.filter((b) => b.swing > 0);
  const subject = outputPhrase(o, H, scenario.sides.A.label);
  const baseText = `base ${formatOutput(o, res.base, H)}, ${res.runs.toLocaleString('en-US')} runs per point`;
  if (moving.length === 0) return `${subject} (${baseText}) does not change when any one parameter moves across its plausible range.`;
  const top = moving[0]!;
  const [from, to] = [top.outputLow, top.outputHigh];
  const d = describeParam(top.path);
  const range = `${formatParamValue(top.path, top.low)}–${formatParamValue(top.path, top.high)}${d?.unit ? ` ${d.unit}` : ''}`;
  const next = moving.slice(1, 3).map((b) => paramPhrase(b.path, scenario));
  const nextText = next.length ? `; next come${next.length === 1 ? 's' : ''} ${next.join(' and ')}` : '';
  return `${subject} is most sensitive to ${paramPhrase(top.path, scenario)}: from ${formatOutput(o, from, H)} to ${formatOutput(o, to, H)} across its plausible range (${range})${nextText}. ${moving.length} of ${res.tornado.length} parameters move it at all (${baseText}).`;
}

/** Horizontal floating bars from the base to the output at each end of a parameter's range. */
export function tornadoChart(res: SensitivityResult, scenario: Scenario, options: TornadoOptions = {}): ChartSpec {
  const H = scenario.horizonMonths;
  const o = res.output;
  const bars = res.tornado.slice(0, options.top ?? 15);
  const labels = bars.map((b) => {
    const d = describeParam(b.path);
    const unit = d?.unit && d.unit !== '0–1' ? ` ${d.unit}` : '';
    return [paramName(b.path, scenario), `${formatParamValue(b.path, b.low)} → ${formatParamValue(b.path, b.high)}${unit}`];
  });
  const finite = (v: number) => (Number.isFinite(v) ? v : res.base);
  const xScale = isProbabilityOutput(o) ? { min: 0, max: 1 } : isMonthOutput(o) ? { min: 0, max: H + 1 } : { suggestedMin: 0, suggestedMax: 1 };
  const config = {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: 'parameter at the low end of its plausible range', data: bars.map((b) => [res.base, finite(b.outputLow)]), backgroundColor: TORNADO_COLORS.low, borderColor: TORNADO_COLORS.low, borderWidth: 0, barPercentage: 0.9, categoryPercentage: 0.85 },
        { label: 'parameter at the high end', data: bars.map((b) => [res.base, finite(b.outputHigh)]), backgroundColor: TORNADO_COLORS.high, borderColor: TORNADO_COLORS.high, borderWidth: 0, barPercentage: 0.9, categoryPercentage: 0.85 },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { ...xScale, title: { display: true, text: outputLabel(o, H, scenario.sides.A.label) + (isMonthOutput(o) ? ` (${H + 1} = not within ${H} months)` : '') }, ticks: { callback: (v: number | string) => (isMonthOutput(o) && Number(v) > H ? `> ${H}` : String(v)) } },
        y: { ticks: { autoSkip: false, font: { size: 11 } } },
      },
      plugins: {
        legend: { position: 'bottom' },
        annotation: {
          annotations: {
            base: { type: 'line', xMin: res.base, xMax: res.base, borderColor: TORNADO_COLORS.base, borderWidth: 1.5, borderDash: [4, 3], label: { display: true, content: `base ${formatOutput(o, res.base, H)}`, position: 'start', backgroundColor: 'rgba(29,29,31,0.8)', font: { size: 11 } } },
          },
        },
        tooltip: {
          callbacks: {
            title: (items: { dataIndex: number }[]) => paramName(bars[items[0]?.dataIndex ?? 0]!.path, scenario),
            label: (c: { dataIndex: number; datasetIndex: number }) => {
              const b = bars[c.dataIndex]!;
              const [v, out] = c.datasetIndex === 0 ? [b.low, b.outputLow] : [b.high, b.outputHigh];
              return `at ${formatParamValue(b.path, v, true)}: ${formatOutput(o, out, H)} (base ${formatOutput(o, res.base, H)})`;
            },
          },
        },
      },
    },
  };
  return {
    config: config as unknown as ChartConfiguration,
    finding: tornadoFinding(res, scenario),
    table: {
      columns: ['parameter', 'path', 'low value', `${outputLabel(o, H, scenario.sides.A.label)} at low`, 'high value', `${outputLabel(o, H, scenario.sides.A.label)} at high`, 'swing'],
      rows: res.tornado.map((b) => [paramName(b.path, scenario), b.path, b.low, b.outputLow, b.high, b.outputHigh, b.swing]),
    },
  };
}
