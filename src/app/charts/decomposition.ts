/**
 * Chart 4, "why there is (no) deal" (pure): each month's surplus decomposed
 * into its named terms, which add up exactly (MODEL.md §3):
 *   surplus = costs − optimism − commitment − domestic − indivisibility + logrolling.
 * Each term is drawn as its signed contribution (stacked bars: what opens the
 * zone above zero, what closes it below), with the surplus as a line: the
 * zone is open iff the line is at or above zero.
 *
 * `explainMonth` turns one month's terms into one plain sentence for the
 * explanation panel (names the largest closing term and compares it with the
 * costs; when the zone is open, says what keeps it open).
 */
import type { ChartConfiguration } from 'chart.js';
import type { Scenario, Trace } from '../../../models/index.ts';
import type { ChartSpec } from './mount.ts';
import { cursorAnnotation, endAnnotations, endWords, lastMonth, monthAxisMax, pct, shownUpTo, stake, type RunChartOptions } from './runCommon.ts';
import { TIME_SERIES_OPTIONS } from './options.ts';

/** Terms smaller than this (stake units) are not worth a word. */
const NEGLIGIBLE = 5e-4;

/** A decomposition term's display: name, colour and sign in the surplus. */
export const TERMS = [
  { field: 'costsTerm', sign: +1, label: 'remaining costs of fighting (open)', color: 'rgba(46,160,67,0.75)' },
  { field: 'optimismTerm', sign: -1, label: 'optimism (closes)', color: 'rgba(230,126,34,0.8)' },
  { field: 'commitmentTerm', sign: -1, label: 'commitment problem (closes)', color: 'rgba(142,68,173,0.75)' },
  { field: 'domesticTerm', sign: -1, label: 'domestic bounds (close)', color: 'rgba(121,85,72,0.8)' },
  { field: 'indivisibilityTerm', sign: -1, label: 'indivisibility (closes)', color: 'rgba(120,120,120,0.8)' },
  { field: 'logrollingTerm', sign: +1, label: 'trading across issues (opens)', color: 'rgba(0,150,136,0.75)' },
] as const;

/** A term in words: the full name (when it is the one named) and a short one (in lists with amounts). */
type Named = { name: string; short: string; v: number };

function list(items: Named[], amounts = true): string {
  const words = items.map((i) => (amounts ? `${i.short} (${stake(i.v)})` : i.short));
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Who the optimism term belongs to: the side whose belief errs most in its own favour. */
function optimismName(trace: Trace, scenario: Scenario, m: number): string {
  const F = trace.fields;
  const psi = F.winChance[m]!, bA = F.beliefA[m]!, bB = F.beliefB[m]!;
  if (Math.abs(bA - bB) < 0.005) return "the sides' different expectations of the war";
  const gA = bA - psi, gB = psi - bB;
  if (gA > 0 && gB > 0 && Math.min(gA, gB) / Math.max(gA, gB) >= 0.5) return "both sides' optimism";
  if (gA >= gB && gA > 0) return `${scenario.sides.A.label}'s optimism`;
  if (gB > 0) return `${scenario.sides.B.label}'s optimism`;
  return "the sides' disagreement about who is winning";
}

function commitmentName(trace: Trace, scenario: Scenario, m: number): string {
  const A = scenario.sides.A.label, B = scenario.sides.B.label;
  const g = trace.fields.guarantee[m]!;
  const fear = scenario.bargaining.vulnerability * (1 - g) > 0;
  const cost = scenario.bargaining.guaranteeCostA * g > 0;
  if (fear && cost) return `the commitment problem (${B}'s fear that ceded ground invites a new attack, and the guarantee's cost to ${A})`;
  if (fear) return `${B}'s fear that ceded ground invites a new attack (the commitment problem)`;
  return `the cost of ${B}'s security guarantee to ${A}`;
}

function domesticShort(scenario: Scenario): string {
  return scenario.bargaining.armistice ? `${scenario.sides.A.label}'s armistice discount and domestic floor` : 'the domestic bounds';
}

function domesticName(scenario: Scenario): string {
  const A = scenario.sides.A, B = scenario.sides.B;
  if (scenario.bargaining.armistice) return `${A.label}'s discount on an armistice line${A.domesticBound > 0 ? ` and its domestic floor of ${pct(A.domesticBound)}` : ''}`;
  const parts: string[] = [];
  if (A.domesticBound > 0) parts.push(`${A.label} cannot sell less than ${pct(A.domesticBound)} at home`);
  if (B.domesticBound < 1) parts.push(`${B.label} cannot cede more than ${pct(B.domesticBound)}`);
  return parts.length ? `the domestic bounds (${parts.join(', ')})` : 'the domestic bounds';
}

/**
 * One plain sentence on why there is or is no deal zone in `month`, from the
 * trace's decomposition terms. Months after the run ended show the last month
 * fought.
 */
export function explainMonth(trace: Trace, scenario: Scenario, month: number): string {
  const H = trace.months.length - 1;
  let m = Math.max(0, Math.min(H, Math.round(month)));
  const end = trace.summary.endedAt;
  let when = `In month ${m}`;
  if (end !== null && m > end) {
    m = end;
    when = `The war is over (${endWords(trace, scenario)}); in its last month`;
  }
  const F = trace.fields;
  const costs = F.costsTerm[m]!, opt = F.optimismTerm[m]!, com = F.commitmentTerm[m]!;
  const dom = F.domesticTerm[m]!, ind = F.indivisibilityTerm[m]!, log = F.logrollingTerm[m]!;
  const surplus = F.surplus[m]!;
  const closers: Named[] = [];
  const optimism = optimismName(trace, scenario, m);
  if (opt > NEGLIGIBLE) closers.push({ name: optimism, short: optimism, v: opt });
  if (com > NEGLIGIBLE) closers.push({ name: commitmentName(trace, scenario, m), short: 'the commitment problem', v: com });
  if (dom > NEGLIGIBLE) closers.push({ name: domesticName(scenario), short: domesticShort(scenario), v: dom });
  if (ind > NEGLIGIBLE) closers.push({ name: `indivisibility (deals only in steps of ${scenario.bargaining.granularity})`, short: 'indivisibility', v: ind });
  if (log < -NEGLIGIBLE) closers.push({ name: 'the other issues on the table', short: 'the other issues', v: -log });
  closers.sort((a, b) => b.v - a.v);
  const costsName = "both sides' remaining costs of fighting";
  const openers: Named[] = [{ name: costsName, short: costsName, v: costs }];
  if (opt < -NEGLIGIBLE) openers.push({ name: "both sides' pessimism about the war", short: "both sides' pessimism about the war", v: -opt });
  if (log > NEGLIGIBLE) openers.push({ name: 'trading across issues', short: 'trading across issues', v: log });
  const opening = openers.reduce((s, o) => s + o.v, 0);

  if (surplus < 0) {
    const top = closers[0];
    if (!top) return `${when} there is no deal zone: it is shut by ${stake(-surplus)} of the stakes.`;
    if (top.v >= opening) {
      const rest = closers.slice(1);
      const restSum = rest.reduce((s, c) => s + c.v, 0);
      const tail = restSum > NEGLIGIBLE ? `, with ${list(rest, false)} adding ${stake(restSum)} more` : '';
      return `${when} there is no deal zone: ${top.name} outweighs ${list(openers, false)} by ${stake(top.v - opening)}${tail}.`;
    }
    const named = closers.slice(0, 3);
    const others = closers.slice(3).reduce((s, c) => s + c.v, 0);
    if (others > NEGLIGIBLE) named.push({ name: 'other obstacles', short: 'other obstacles', v: others });
    return `${when} there is no deal zone: ${list(named)} together outweigh ${list(openers)} by ${stake(-surplus)}.`;
  }
  if (closers.length === 0) {
    return `${when} a deal zone ${stake(surplus)} wide is open: nothing offsets ${list(openers, false)}.`;
  }
  const named = closers.slice(0, 3);
  const others = closers.slice(3).reduce((s, c) => s + c.v, 0);
  if (others > NEGLIGIBLE) named.push({ name: 'other obstacles', short: 'other obstacles', v: others });
  const verb = openers.length === 1 ? 'outweigh' : 'together outweigh';
  return `${when} a deal zone is open: ${list(openers)} ${verb} ${list(named)} by ${stake(surplus)}.`;
}

/** The run-level finding: how often the zone was shut and what mainly shut it. */
export function decompositionFinding(trace: Trace, scenario: Scenario, to = lastMonth(trace)): string {
  const F = trace.fields;
  let shut = 0;
  const peak = new Map<string, number>();
  let cMin = Infinity, cMax = -Infinity;
  for (let m = 0; m <= to; m++) {
    if (F.surplus[m]! < 0) shut++;
    cMin = Math.min(cMin, F.costsTerm[m]!); cMax = Math.max(cMax, F.costsTerm[m]!);
    for (const t of TERMS) if (t.sign < 0) peak.set(t.field, Math.max(peak.get(t.field) ?? 0, F[t.field][m]!));
  }
  const months = to + 1;
  const [mainField, mainPeak] = [...peak.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const costs = cMin.toFixed(2) === cMax.toFixed(2) ? `about ${stake(cMax)}` : `${stake(cMin)}–${stake(cMax)}`;
  const mainName = mainField === 'optimismTerm' ? optimismName(trace, scenario, 0)
    : mainField === 'commitmentTerm' ? 'the commitment problem'
      : mainField === 'domesticTerm' ? 'the domestic bounds' : 'indivisibility';
  const obstacle = mainPeak > NEGLIGIBLE ? `; the largest obstacle is ${mainName} (up to ${stake(mainPeak)})` : '; nothing stands against them';
  const state = shut === 0 ? `The zone is open in every month shown` : shut === months ? `The zone is shut in every month shown` : `The zone is shut in ${shut} of ${months} months`;
  return `${state}: both sides' remaining costs of fighting are worth ${costs} of the stakes${obstacle}.`;
}

export function decompositionChart(trace: Trace, scenario: Scenario, options: RunChartOptions = {}): ChartSpec {
  const F = trace.fields;
  const to = shownUpTo(trace, options.upTo);
  const last = lastMonth(trace);
  const datasets: object[] = [];
  for (const t of TERMS) {
    const a = F[t.field];
    let used = t.field === 'costsTerm' || t.field === 'optimismTerm';
    for (let m = 0; m <= last && !used; m++) if (Math.abs(a[m]!) > 1e-12) used = true;
    if (!used) continue;
    const data: { x: number; y: number }[] = [];
    for (let m = 0; m <= to; m++) data.push({ x: m, y: t.sign * a[m]! });
    const label = t.field === 'costsTerm' ? `+ ${t.label}` : t.field === 'logrollingTerm' ? `+ ${t.label}` : `− ${t.label}`;
    datasets.push({ type: 'bar', label, data, backgroundColor: t.color, borderWidth: 0, stack: 'terms', barPercentage: 1, categoryPercentage: 0.9 });
  }
  const surplus: { x: number; y: number }[] = [];
  for (let m = 0; m <= to; m++) surplus.push({ x: m, y: F.surplus[m]! });
  datasets.push({ type: 'line', label: 'surplus = sum of the terms (zone open when ≥ 0)', data: surplus, borderColor: '#111', backgroundColor: '#111', borderWidth: 2.5, pointRadius: 0, stack: 'surplus', fill: false, order: -1 });

  const annotations: Record<string, object> = {
    zero: { type: 'line', yMin: 0, yMax: 0, borderColor: '#111', borderWidth: 1 },
    ...(trace.summary.endedAt !== null && trace.summary.endedAt <= to ? endAnnotations(trace, scenario, false) : {}),
    ...cursorAnnotation(options.cursor),
  };
  const config = {
    type: 'bar',
    data: { datasets },
    options: {
      ...TIME_SERIES_OPTIONS,
      scales: {
        x: { type: 'linear', min: 0, max: monthAxisMax([trace]), offset: true, stacked: true, title: { display: true, text: 'month' }, ticks: { precision: 0 } },
        y: { stacked: true, title: { display: true, text: 'contribution to the surplus (stakes)' } },
      },
      plugins: {
        legend: { position: 'bottom' },
        annotation: { annotations },
        tooltip: { callbacks: { label: (c: { dataset: { label?: string }; parsed: { y: number } }) => `${c.dataset.label}: ${c.parsed.y >= 0 ? '+' : ''}${c.parsed.y.toFixed(3)}` } },
      },
    },
  };
  const rows: (string | number)[][] = [];
  for (let m = 0; m <= last; m++) rows.push([m, ...TERMS.map((t) => F[t.field][m]!), F.surplus[m]!]);
  return {
    config: config as unknown as ChartConfiguration,
    finding: decompositionFinding(trace, scenario, to),
    table: { columns: ['month', ...TERMS.map((t) => t.field), 'surplus'], rows },
  };
}
