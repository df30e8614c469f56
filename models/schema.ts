/**
 * The scenario: its type, a descriptor for every parameter path of MODEL.md §7,
 * validation of untrusted input, and immutable get/set by dotted path.
 *
 * The path names are a public contract (scenario files, URLs, CLI `--set`,
 * CSV headers, the parameter panel): extend them, never rename them.
 */

import { showValue } from './show.ts';

/** The two belligerents: A (in the shipped scenario Russia) and B (Ukraine). */
export type SideId = 'A' | 'B';

/** One belligerent's parameters (MODEL.md §4, §7). */
export interface Side {
  label: string;
  priorWins: number;
  priorLosses: number;
  discount: number;
  baseCost: number;
  exhaustionCost: number;
  exhaustionImpatience: number;
  casualtiesPerMonth: number;
  casualtyTolerance: number;
  lossSurge: number;
  recoveryPerMonth: number;
  initialExhaustion: number;
  hurtThreshold: number;
  domesticBound: number;
}

/** The battlefield (MODEL.md §1). */
export interface War {
  decisiveSteps: number;
  initialControl: number;
  baseWinChance: number;
  stalemateChance: number;
  exhaustionEffect: number;
  sanctionsEffect: number;
  aidEffect: number;
  aidRecovery: number;
}

/** Bargaining rules and adjustments (MODEL.md §3, §4). */
export interface Bargaining {
  talkChance: number;
  sanctionsCostA: number;
  aidReliefB: number;
  vulnerability: number;
  guaranteeCostA: number;
  armistice: boolean;
  armisticeDiscount: number;
  granularity: number;
  memory: number;
  stalemateBand: number;
  stopAtDeal: boolean;
}

/** The mediator's levers at month 0 (MODEL.md §7). */
export interface Levers {
  sanctions: number;
  aid: number;
  guarantee: number;
}

/** A scheduled intervention or shock, applied at step 1 of its month (MODEL.md §4). */
export interface ScenarioEvent {
  month: number;
  label: string;
  set?: { sanctions?: number; aid?: number; guarantee?: number; talkChance?: number };
  /** Added to exhaustion (negative = relief, e.g. a mobilisation), then clamped to [0, 1]. */
  shock?: { exhaustionA?: number; exhaustionB?: number };
  /** A mediator proposal: A's share of each issue (one number with one issue); `null` withdraws it. */
  proposal?: number[] | null;
}

/** One issue on the table (MODEL.md §3); issue 0 is the contested stakes. */
export interface Issue {
  id: string;
  label: string;
  weightA: number;
  weightB: number;
  /** Least share of this issue A can get (default 0). */
  low?: number;
  /** Most share of this issue A can get (default 1). */
  high?: number;
}

/** Where a number comes from. */
export interface Provenance {
  source: string;
  note: string;
  confidence: 'fact' | 'estimate' | 'judgement' | 'textbook' | (string & {});
}

/** One scenario: one JSON document (MODEL.md §7). */
export interface Scenario {
  id: string;
  title: string;
  description: string;
  horizonMonths: number;
  sides: { A: Side; B: Side };
  war: War;
  bargaining: Bargaining;
  levers: Levers;
  events: ScenarioEvent[];
  issues?: Issue[];
  provenance?: Record<string, Provenance>;
}

/** How a parameter is grouped in the panel. */
export type ParamGroup = 'Scenario' | 'Side A' | 'Side B' | 'War' | 'Bargaining' | 'Mediator levers';

/**
 * Everything the UI, the CLI and validation need to know about one parameter.
 * `min`/`max` are the hard range (validation); `plausible` is the slider range
 * and the low/high ends used by the sensitivity analysis.
 */
export interface ParameterDescriptor {
  path: string;
  label: string;
  unit: string;
  kind: 'number' | 'integer' | 'boolean';
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  plausible: [number, number];
  step: number;
  default: number | boolean;
  help: string;
  group: ParamGroup;
  /** Model symbol, for the lesson pages (e.g. "δ"). */
  symbol?: string;
}

type SideField = Exclude<keyof Side, 'label'>;

interface SideSpec {
  field: SideField;
  label: string;
  unit: string;
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  plausible: [number, number];
  step: number;
  defaults: [number, number];
  help: (side: SideId) => string;
  symbol?: string;
}

const INF = Number.POSITIVE_INFINITY;

const SIDE_SPECS: SideSpec[] = [
  { field: 'priorWins', label: 'Prior wins', unit: 'pseudo-months', min: 0, max: INF, minExclusive: true, plausible: [0.5, 40], step: 0.5, defaults: [5, 5],
    help: (s) => `Side ${s}'s Beta prior count of months A wins; with prior losses it sets ${s}'s belief about A's chance (larger counts = more stubborn).`, symbol: 'α₀' },
  { field: 'priorLosses', label: 'Prior losses', unit: 'pseudo-months', min: 0, max: INF, minExclusive: true, plausible: [0.5, 40], step: 0.5, defaults: [5, 5],
    help: (s) => `Side ${s}'s Beta prior count of months A loses (B advances).`, symbol: 'β₀' },
  { field: 'discount', label: 'Discount factor', unit: 'per month', min: 0, max: 1, minExclusive: true, plausible: [0.95, 1], step: 0.001, defaults: [0.99, 0.99],
    help: (s) => `How much side ${s} values next month relative to this one (1 = perfectly patient).`, symbol: 'δ₀' },
  { field: 'baseCost', label: 'Base cost', unit: 'stakes/month', min: 0, max: INF, plausible: [0, 0.02], step: 0.0005, defaults: [0.005, 0.005],
    help: (s) => `What a month of war costs side ${s}, in shares of the stakes, when fresh.`, symbol: 'k₀' },
  { field: 'exhaustionCost', label: 'Exhaustion cost', unit: 'stakes/month', min: 0, max: INF, plausible: [0, 0.02], step: 0.0005, defaults: [0, 0],
    help: (s) => `Extra monthly cost to side ${s} at full exhaustion.` },
  { field: 'exhaustionImpatience', label: 'Exhaustion impatience', unit: '×', min: 0, max: 10, plausible: [0, 5], step: 0.1, defaults: [0, 0],
    help: (s) => `ζ: exhaustion multiplies side ${s}'s discount rate: δ = δ₀^(1 + ζE).`, symbol: 'ζ' },
  { field: 'casualtiesPerMonth', label: 'Casualties', unit: 'people/month', min: 0, max: INF, plausible: [0, 60000], step: 500, defaults: [0, 0],
    help: (s) => `Side ${s}'s killed and wounded in an ordinary month.` },
  { field: 'casualtyTolerance', label: 'Casualty tolerance', unit: 'people', min: 0, max: INF, minExclusive: true, plausible: [100000, 3000000], step: 10000, defaults: [1000000, 1000000],
    help: (s) => `Casualties that take side ${s}'s exhaustion from 0 to 1.` },
  { field: 'lossSurge', label: 'Loss surge', unit: '× extra', min: 0, max: INF, plausible: [0, 2], step: 0.05, defaults: [0, 0],
    help: (s) => `Extra share of casualties for side ${s} in a month it loses ground.` },
  { field: 'recoveryPerMonth', label: 'Recovery', unit: 'exhaustion/month', min: 0, max: INF, plausible: [0, 0.05], step: 0.001, defaults: [0, 0],
    help: (s) => `Exhaustion side ${s} recovers each month (recruitment, rest, production).` },
  { field: 'initialExhaustion', label: 'Initial exhaustion', unit: '0–1', min: 0, max: 1, plausible: [0, 1], step: 0.01, defaults: [0, 0],
    help: (s) => `Side ${s}'s exhaustion at month 0.` },
  { field: 'hurtThreshold', label: 'Hurt threshold', unit: 'stakes/month', min: 0, max: INF, plausible: [0, 0.02], step: 0.0005, defaults: [0.005, 0.005],
    help: (s) => `Monthly cost at which side ${s} feels the stalemate hurts (ripeness, Zartman).` },
  { field: 'domesticBound', label: 'Domestic bound', unit: 'share to A', min: 0, max: 1, plausible: [0, 1], step: 0.01, defaults: [0, 1],
    help: (s) => s === 'A'
      ? 'The least share A can sell at home (0 = no floor).'
      : 'The most B can formally cede to A (1 = no ceiling); lifted in armistice mode.' },
];

function d(
  path: string, group: ParamGroup, label: string, unit: string, kind: ParameterDescriptor['kind'],
  range: [number, number], plausible: [number, number], step: number, def: number | boolean, help: string,
  extra: Partial<ParameterDescriptor> = {},
): ParameterDescriptor {
  return { path, group, label, unit, kind, min: range[0], max: range[1], plausible, step, default: def, help, ...extra };
}

/**
 * A descriptor for every scalar parameter path of MODEL.md §7 (identity text,
 * events, issues and provenance are described by the scenario type instead).
 */
export const parameterDescriptors: readonly ParameterDescriptor[] = Object.freeze([
  d('horizonMonths', 'Scenario', 'Horizon', 'months', 'integer', [1, 600], [12, 120], 1, 60, 'Months to simulate.'),
  ...(['A', 'B'] as const).flatMap((side) => SIDE_SPECS.map((s) => {
    const desc: ParameterDescriptor = {
      path: `sides.${side}.${s.field}`, group: side === 'A' ? 'Side A' : 'Side B', label: s.label, unit: s.unit,
      kind: 'number', min: s.min, max: s.max, plausible: s.plausible, step: s.step,
      default: side === 'A' ? s.defaults[0] : s.defaults[1], help: s.help(side),
    };
    if (s.minExclusive) desc.minExclusive = true;
    if (s.maxExclusive) desc.maxExclusive = true;
    if (s.symbol) desc.symbol = `${s.symbol} (${side})`;
    return desc;
  })),
  d('war.decisiveSteps', 'War', 'Decisive steps', 'steps', 'integer', [2, 1000], [4, 60], 1, 20,
    'N: lattice steps between the two decisive victories.', { symbol: 'N' }),
  d('war.initialControl', 'War', 'Initial control', 'share to A', 'number', [0, 1], [0, 1], 0.01, 0.5,
    "A's starting control c = j/N (rounded to the lattice)."),
  d('war.baseWinChance', 'War', 'Base win chance', 'probability', 'number', [0, 1], [0.2, 0.8], 0.01, 0.5,
    "ψ₀: A's chance to win a month that moves, before exhaustion, sanctions and aid.", { minExclusive: true, maxExclusive: true, symbol: 'ψ₀' }),
  d('war.stalemateChance', 'War', 'Stalemate chance', 'probability', 'number', [0, 1], [0, 0.9], 0.01, 0.5,
    'σ: the chance that a month moves nothing.', { maxExclusive: true, symbol: 'σ' }),
  d('war.exhaustionEffect', 'War', 'Exhaustion effect', 'logit/unit', 'number', [0, INF], [0, 3], 0.05, 0,
    "γE: how much the exhaustion gap shifts A's win chance (logit scale).", { symbol: 'γE' }),
  d('war.sanctionsEffect', 'War', 'Sanctions effect', 'logit', 'number', [0, INF], [0, 2], 0.05, 0,
    "γS: how much full sanctions lower A's win chance (logit scale).", { symbol: 'γS' }),
  d('war.aidEffect', 'War', 'Aid effect', 'logit', 'number', [0, INF], [0, 2], 0.05, 0,
    "γA: how much full aid lowers A's win chance (logit scale).", { symbol: 'γA' }),
  d('war.aidRecovery', 'War', 'Aid recovery', 'exhaustion/month', 'number', [0, INF], [0, 0.05], 0.001, 0,
    "Extra exhaustion B recovers each month at full aid."),
  d('bargaining.talkChance', 'Bargaining', 'Talk chance', 'probability/month', 'number', [0, 1], [0, 1], 0.01, 0.5,
    'Chance that talks happen in a month; a deal needs talks and an open zone.'),
  d('bargaining.sanctionsCostA', 'Bargaining', 'Sanctions cost to A', 'stakes/month', 'number', [0, INF], [0, 0.02], 0.0005, 0,
    'Monthly cost to A at full sanctions.'),
  d('bargaining.aidReliefB', 'Bargaining', 'Aid relief to B', 'stakes/month', 'number', [0, INF], [0, 0.02], 0.0005, 0,
    "Reduction of B's monthly cost at full aid."),
  d('bargaining.vulnerability', 'Bargaining', 'Vulnerability', '× share', 'number', [0, INF], [0, 1], 0.01, 0,
    "φ: ground ceded today is a base for tomorrow's attack; B values a deal x at 1 − x − φ·x·(1 − g) (Powell).", { symbol: 'φ' }),
  d('bargaining.guaranteeCostA', 'Bargaining', 'Guarantee cost to A', 'stakes', 'number', [0, INF], [0, 0.2], 0.005, 0,
    'κg: what a full security guarantee for B costs A in a deal.', { symbol: 'κg' }),
  d('bargaining.armistice', 'Bargaining', 'Armistice mode', '', 'boolean', [0, 1], [0, 1], 1, false,
    "A line of separation instead of cession: B's domestic bound is lifted, A discounts the deal."),
  d('bargaining.armisticeDiscount', 'Bargaining', 'Armistice discount', 'share of value', 'number', [0, 1], [0, 0.5], 0.01, 0,
    'How much less A values a line of separation than a formal cession.'),
  d('bargaining.granularity', 'Bargaining', 'Granularity', 'share', 'number', [0, 0.5], [0, 0.25], 0.01, 0,
    'h: only multiples of h are deals (indivisibility); 0 = perfectly divisible.', { symbol: 'h' }),
  d('bargaining.memory', 'Bargaining', 'Memory', 'per month', 'number', [0, 1], [0.8, 1], 0.01, 1,
    'λ: how much of past battle evidence is kept each month (1 = never forget).', { minExclusive: true, symbol: 'λ' }),
  d('bargaining.stalemateBand', 'Bargaining', 'Stalemate band', '|2ψ̂ − 1|', 'number', [0, 1], [0, 0.5], 0.01, 0.2,
    'A side perceives a stalemate when |2ψ̂ − 1| is at most this (ripeness).'),
  d('bargaining.stopAtDeal', 'Bargaining', 'Stop at deal', '', 'boolean', [0, 1], [0, 1], 1, true,
    'Stop the run at the first deal (off: record it and fight on).'),
  d('levers.sanctions', 'Mediator levers', 'Sanctions', '0–1', 'number', [0, 1], [0, 1], 0.01, 0, 'Sanctions on A at month 0.'),
  d('levers.aid', 'Mediator levers', 'Aid', '0–1', 'number', [0, 1], [0, 1], 0.01, 0, 'Aid to B at month 0.'),
  d('levers.guarantee', 'Mediator levers', 'Guarantee', '0–1', 'number', [0, 1], [0, 1], 0.01, 0,
    'Security guarantee for B in force at month 0 (g).'),
]);

const DESCRIPTOR_BY_PATH: ReadonlyMap<string, ParameterDescriptor> = new Map(parameterDescriptors.map((p) => [p.path, p]));

/** The descriptor of a scalar parameter path, or undefined. */
export function describeParam(path: string): ParameterDescriptor | undefined {
  return DESCRIPTOR_BY_PATH.get(path);
}

/** The numeric parameters (what sweeps and sensitivity range over). */
export const numericParameterPaths: readonly string[] = parameterDescriptors.filter((p) => p.kind !== 'boolean').map((p) => p.path);

/** "[0, 1]", "(0, 1]", "≥ 0", "> 0", "integer 2–1000". */
export function formatRange(p: Pick<ParameterDescriptor, 'min' | 'max' | 'minExclusive' | 'maxExclusive' | 'kind'>): string {
  if (p.kind === 'boolean') return 'true or false';
  if (p.kind === 'integer') return `an integer from ${p.min} to ${p.max}`;
  if (p.max === INF) return p.minExclusive ? `> ${p.min}` : `≥ ${p.min}`;
  return `${p.minExclusive ? '(' : '['}${p.min}, ${p.max}${p.maxExclusive ? ')' : ']'}`;
}

/** Whether a value lies in a descriptor's hard range (for numbers and integers). */
export function inRange(p: ParameterDescriptor, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (p.kind === 'integer' && !Number.isInteger(v)) return false;
  if (p.minExclusive ? v <= p.min : v < p.min) return false;
  if (p.maxExclusive ? v >= p.max : v > p.max) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Paths: get and set (immutable)

/** Split a dotted path ("sides.A.discount", "events.0.month") into keys. */
export function splitPath(path: string): string[] {
  return path.split('.').filter((k) => k.length > 0);
}

/** The value at a dotted path, or undefined when the path leads nowhere. */
export function getParam(scenario: Scenario, path: string): unknown {
  let cur: unknown = scenario;
  for (const key of splitPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * A new scenario with `value` at `path`; the input is not modified (structural
 * sharing: only objects on the path are copied). Creates missing plain objects
 * on the way. Throws a RangeError for an empty path or a path through a
 * non-object. It does not validate: run {@link validateScenario} on the result
 * when the value comes from a user.
 */
export function setParam<T extends object = Scenario>(scenario: T, path: string, value: unknown): T {
  const keys = splitPath(path);
  if (keys.length === 0) throw new RangeError('setParam: empty path');
  const write = (node: unknown, i: number): unknown => {
    const key = keys[i]!;
    if (node !== undefined && (node === null || typeof node !== 'object')) {
      throw new RangeError(`setParam: ${keys.slice(0, i).join('.')} is not an object`);
    }
    const copy: Record<string, unknown> = Array.isArray(node) ? [...node] as unknown as Record<string, unknown> : { ...(node as object | undefined) };
    copy[key] = i === keys.length - 1 ? value : write(copy[key], i + 1);
    return copy;
  };
  return write(scenario, 0) as T;
}

// ---------------------------------------------------------------------------
// Validation of untrusted input

/** One validation problem: where, and what is wrong (with value and allowed range). */
export interface ValidationError {
  path: string;
  message: string;
}

/** What validateScenario returns: the checked scenario (defaults filled), or every problem found. */
export type ValidationResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; errors: ValidationError[] };

export { showValue };

const SCENARIO_KEYS = new Set(['id', 'title', 'description', 'horizonMonths', 'sides', 'war', 'bargaining', 'levers', 'events', 'issues', 'provenance']);
const EVENT_KEYS = new Set(['month', 'label', 'set', 'shock', 'proposal']);
const EVENT_SET_KEYS = ['sanctions', 'aid', 'guarantee', 'talkChance'] as const;
const EVENT_SHOCK_KEYS = ['exhaustionA', 'exhaustionB'] as const;
const ISSUE_KEYS = new Set(['id', 'label', 'weightA', 'weightB', 'low', 'high']);
const PROVENANCE_KEYS = new Set(['source', 'note', 'confidence']);
const WEIGHT_TOLERANCE = 1e-6;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function ownKeys(v: Record<string, unknown>): string[] {
  return Object.keys(v);
}

/** Every path a provenance entry may name: the scalar parameters and the sections. */
function isKnownPath(path: string): boolean {
  if (DESCRIPTOR_BY_PATH.has(path)) return true;
  return /^(sides\.[AB]\.label|events(\.\d+)?|issues(\.\d+)?(\.\w+)?|id|title|description)$/.test(path);
}

/**
 * Check untrusted input (a parsed JSON file, URL state, CLI flags) against the
 * scenario schema. Never throws. Missing scalar parameters take their
 * descriptor defaults; unknown fields, wrong types and out-of-range values are
 * errors that name the path, the value and the allowed range.
 */
export function validateScenario(input: unknown): ValidationResult {
  const errors: ValidationError[] = [];
  try {
    const scenario = checkScenario(input, errors);
    if (errors.length > 0 || scenario === null) return { ok: false, errors };
    return { ok: true, scenario };
  } catch (e) {
    // Defensive: a getter or proxy in hostile input must not escape as a throw.
    errors.push({ path: '', message: `could not read the scenario: ${e instanceof Error ? e.message : String(e)}` });
    return { ok: false, errors };
  }
}

function checkScenario(input: unknown, errors: ValidationError[]): Scenario | null {
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isRecord(input)) {
    err('', `a scenario must be a JSON object, got ${showValue(input)}`);
    return null;
  }
  for (const k of ownKeys(input)) if (!SCENARIO_KEYS.has(k)) err(k, `unknown field "${k}"`);

  const text = (path: string, v: unknown, fallback: string): string => {
    if (v === undefined) return fallback;
    if (typeof v !== 'string') { err(path, `${path} must be text, got ${showValue(v)}`); return fallback; }
    if (v.length > 10000) { err(path, `${path} is too long (${v.length} characters, at most 10000)`); return fallback; }
    return v;
  };

  const num = (path: string, v: unknown): number | boolean => {
    const desc = DESCRIPTOR_BY_PATH.get(path)!;
    if (v === undefined) return desc.default;
    if (desc.kind === 'boolean') {
      if (typeof v !== 'boolean') { err(path, `${path} must be true or false, got ${showValue(v)}`); return desc.default; }
      return v;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      err(path, `${path} must be a number ${formatRange(desc)}, got ${showValue(v)}`);
      return desc.default;
    }
    if (!inRange(desc, v)) err(path, `${path} = ${v} is outside the allowed range ${formatRange(desc)}`);
    return v;
  };

  const section = (name: string, v: unknown): Record<string, unknown> => {
    if (v === undefined) return {};
    if (!isRecord(v)) { err(name, `${name} must be an object, got ${showValue(v)}`); return {}; }
    return v;
  };

  const fill = <T>(prefix: string, raw: Record<string, unknown>, fields: readonly string[], extra: Record<string, unknown> = {}): T => {
    const allowed = new Set([...fields, ...Object.keys(extra)]);
    for (const k of ownKeys(raw)) if (!allowed.has(k)) err(`${prefix}.${k}`, `unknown field "${prefix}.${k}"`);
    const out: Record<string, unknown> = { ...extra };
    for (const f of fields) out[f] = num(`${prefix}.${f}`, raw[f]);
    return out as T;
  };

  const id = text('id', input.id, 'custom');
  const title = text('title', input.title, id);
  const description = text('description', input.description, '');
  const horizonMonths = num('horizonMonths', input.horizonMonths) as number;

  const sidesRaw = section('sides', input.sides);
  for (const k of ownKeys(sidesRaw)) if (k !== 'A' && k !== 'B') err(`sides.${k}`, `unknown side "${k}" (the sides are A and B)`);
  const sideFields = SIDE_SPECS.map((s) => s.field);
  const side = (s: SideId): Side => {
    const raw = section(`sides.${s}`, sidesRaw[s]);
    const label = text(`sides.${s}.label`, raw.label, s);
    return fill<Side>(`sides.${s}`, raw, sideFields, { label });
  };
  const sides = { A: side('A'), B: side('B') };

  const war = fill<War>('war', section('war', input.war),
    ['decisiveSteps', 'initialControl', 'baseWinChance', 'stalemateChance', 'exhaustionEffect', 'sanctionsEffect', 'aidEffect', 'aidRecovery']);
  const bargaining = fill<Bargaining>('bargaining', section('bargaining', input.bargaining),
    ['talkChance', 'sanctionsCostA', 'aidReliefB', 'vulnerability', 'guaranteeCostA', 'armistice', 'armisticeDiscount', 'granularity', 'memory', 'stalemateBand', 'stopAtDeal']);
  const levers = fill<Levers>('levers', section('levers', input.levers), ['sanctions', 'aid', 'guarantee']);

  const issues = checkIssues(input.issues, err);
  const nIssues = issues ? issues.length : 1;
  const events = checkEvents(input.events, horizonMonths, nIssues, err);
  const provenance = checkProvenance(input.provenance, err);

  const scenario: Scenario = { id, title, description, horizonMonths, sides, war, bargaining, levers, events };
  if (issues) scenario.issues = issues;
  if (provenance) scenario.provenance = provenance;
  return scenario;
}

function unit(path: string, v: unknown, err: (p: string, m: string) => void, lo = 0, hi = 1): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    err(path, `${path} = ${showValue(v)} is outside the allowed range [${lo}, ${hi}]`);
    return undefined;
  }
  return v;
}

function checkEvents(raw: unknown, horizon: number, nIssues: number, err: (p: string, m: string) => void): ScenarioEvent[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) { err('events', `events must be a list, got ${showValue(raw)}`); return []; }
  if (raw.length > 10000) { err('events', `events has ${raw.length} entries (at most 10000)`); return []; }
  const out: ScenarioEvent[] = [];
  raw.forEach((e: unknown, i) => {
    const p = `events.${i}`;
    if (!isRecord(e)) { err(p, `${p} must be an object, got ${showValue(e)}`); return; }
    for (const k of ownKeys(e)) if (!EVENT_KEYS.has(k)) err(`${p}.${k}`, `unknown field "${p}.${k}"`);
    const month = e.month;
    if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > horizon) {
      err(`${p}.month`, `${p}.month = ${showValue(month)} must be an integer from 1 to the horizon (${horizon})`);
    }
    const label = e.label === undefined ? `event ${i + 1}` : e.label;
    if (typeof label !== 'string') err(`${p}.label`, `${p}.label must be text, got ${showValue(label)}`);
    const ev: ScenarioEvent = { month: month as number, label: String(label) };
    if (e.set !== undefined) {
      if (!isRecord(e.set)) err(`${p}.set`, `${p}.set must be an object, got ${showValue(e.set)}`);
      else {
        const set: NonNullable<ScenarioEvent['set']> = {};
        for (const k of ownKeys(e.set)) {
          if (!(EVENT_SET_KEYS as readonly string[]).includes(k)) { err(`${p}.set.${k}`, `unknown lever "${k}" (levers: ${EVENT_SET_KEYS.join(', ')})`); continue; }
          const v = unit(`${p}.set.${k}`, e.set[k], err);
          if (v !== undefined) set[k as (typeof EVENT_SET_KEYS)[number]] = v;
        }
        ev.set = set;
      }
    }
    if (e.shock !== undefined) {
      if (!isRecord(e.shock)) err(`${p}.shock`, `${p}.shock must be an object, got ${showValue(e.shock)}`);
      else {
        const shock: NonNullable<ScenarioEvent['shock']> = {};
        for (const k of ownKeys(e.shock)) {
          if (!(EVENT_SHOCK_KEYS as readonly string[]).includes(k)) { err(`${p}.shock.${k}`, `unknown shock "${k}" (shocks: ${EVENT_SHOCK_KEYS.join(', ')})`); continue; }
          const v = unit(`${p}.shock.${k}`, e.shock[k], err, -1, 1);
          if (v !== undefined) shock[k as (typeof EVENT_SHOCK_KEYS)[number]] = v;
        }
        ev.shock = shock;
      }
    }
    if (e.proposal !== undefined) {
      if (e.proposal === null) ev.proposal = null;
      else if (!Array.isArray(e.proposal) || e.proposal.length !== nIssues) {
        err(`${p}.proposal`, `${p}.proposal must be null or a list of ${nIssues} share${nIssues > 1 ? 's' : ''} in [0, 1] (one per issue), got ${showValue(e.proposal)}`);
      } else {
        const prop: number[] = [];
        e.proposal.forEach((x: unknown, k: number) => { const v = unit(`${p}.proposal.${k}`, x, err); prop.push(v ?? 0); });
        ev.proposal = prop;
      }
    }
    out.push(ev);
  });
  return out;
}

function checkIssues(raw: unknown, err: (p: string, m: string) => void): Issue[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) { err('issues', `issues must be a non-empty list, got ${showValue(raw)}`); return undefined; }
  if (raw.length > 20) { err('issues', `issues has ${raw.length} entries (at most 20)`); return undefined; }
  const out: Issue[] = [];
  const ids = new Set<string>();
  let sumA = 0, sumB = 0;
  raw.forEach((it: unknown, i) => {
    const p = `issues.${i}`;
    if (!isRecord(it)) { err(p, `${p} must be an object, got ${showValue(it)}`); return; }
    for (const k of ownKeys(it)) if (!ISSUE_KEYS.has(k)) err(`${p}.${k}`, `unknown field "${p}.${k}"`);
    const id = typeof it.id === 'string' && it.id ? it.id : (err(`${p}.id`, `${p}.id must be non-empty text, got ${showValue(it.id)}`), `issue${i}`);
    if (ids.has(id)) err(`${p}.id`, `${p}.id = "${id}" is used twice`);
    ids.add(id);
    const label = typeof it.label === 'string' ? it.label : id;
    const weightA = unit(`${p}.weightA`, it.weightA, err) ?? 0;
    const weightB = unit(`${p}.weightB`, it.weightB, err) ?? 0;
    sumA += weightA; sumB += weightB;
    const issue: Issue = { id, label, weightA, weightB };
    if (it.low !== undefined) issue.low = unit(`${p}.low`, it.low, err) ?? 0;
    if (it.high !== undefined) issue.high = unit(`${p}.high`, it.high, err) ?? 1;
    if ((issue.low ?? 0) > (issue.high ?? 1)) err(`${p}.low`, `${p}.low = ${issue.low ?? 0} is above ${p}.high = ${issue.high ?? 1}`);
    out.push(issue);
  });
  if (Math.abs(sumA - 1) > WEIGHT_TOLERANCE) err('issues', `the weightA of the issues must sum to 1, got ${sumA}`);
  if (Math.abs(sumB - 1) > WEIGHT_TOLERANCE) err('issues', `the weightB of the issues must sum to 1, got ${sumB}`);
  return out;
}

function checkProvenance(raw: unknown, err: (p: string, m: string) => void): Record<string, Provenance> | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) { err('provenance', `provenance must be an object, got ${showValue(raw)}`); return undefined; }
  const out: Record<string, Provenance> = {};
  for (const key of ownKeys(raw)) {
    const p = `provenance.${key}`;
    if (!isKnownPath(key)) err(p, `provenance names an unknown parameter "${key}"`);
    const v = raw[key];
    if (!isRecord(v)) { err(p, `${p} must be an object {source, note, confidence}, got ${showValue(v)}`); continue; }
    for (const k of ownKeys(v)) if (!PROVENANCE_KEYS.has(k)) err(`${p}.${k}`, `unknown field "${p}.${k}"`);
    const field = (k: 'source' | 'note' | 'confidence'): string => {
      const x = v[k];
      if (x === undefined) return '';
      if (typeof x !== 'string') { err(`${p}.${k}`, `${p}.${k} must be text, got ${showValue(x)}`); return ''; }
      return x;
    };
    out[key] = { source: field('source'), note: field('note'), confidence: field('confidence') };
  }
  return out;
}

/**
 * A scenario document as files carry it: a bare scenario, or an export with a
 * manifest, `{ "manifest": {...}, "scenario": {...} }` (what the app and the
 * CLI write). Validated like any untrusted input; never throws.
 */
export function validateScenarioDocument(input: unknown): ValidationResult {
  if (isRecord(input) && 'scenario' in input && 'manifest' in input) return validateScenario(input.scenario);
  return validateScenario(input);
}

/** A scenario with every parameter at its descriptor default (symmetric, no adjustments). */
export function defaultScenario(): Scenario {
  const r = validateScenario({ id: 'default', title: 'Default' });
  if (!r.ok) throw new Error('schema defaults do not validate: ' + r.errors.map((e) => e.message).join('; '));
  return r.scenario;
}
