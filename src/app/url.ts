/**
 * The app's state in the URL (pure: no DOM; testable in Node).
 *
 * A URL holds the scenario as a difference from the preset it started from,
 * in the scenario vocabulary of MODEL.md §7, so a link is readable and
 * reproduces the run exactly (same scenario, same seed ⇒ the same trace):
 *
 *   ?s=alaska-2025&seed=7&sides.A.discount=0.98&levers.sanctions=0.6
 *
 * | key | value |
 * | --- | --- |
 * | `s` | the preset id (default: the shipped scenario) |
 * | `seed` | the run's seed, an integer 0 … 2^32 − 1 (default 1) |
 * | `view` | the tab (`run`, `montecarlo`, `sweep`, `sensitivity`; default `run`) |
 * | `month` | the month under the cursor (default: none) |
 * | any scalar parameter path (`sides.A.discount`, `war.stalemateChance`, `bargaining.armistice`, …) | its value where it differs from the preset (numbers as JavaScript prints them, exactly; booleans `true`/`false`) |
 * | `sides.A.label`, `sides.B.label`, `title`, `id` | text, where it differs |
 * | `issues`, `events` | the whole list as JSON, where it differs from the preset's |
 *
 * Keys `<view>.<name>` (e.g. `montecarlo.runs`) belong to the views and are
 * left alone here. The description and provenance are not carried: they come
 * from the preset and do not change a run.
 *
 * Decoding treats the URL as untrusted input: a bad value is reported with
 * the parameter, the value and the allowed range, and skipped; the rest of
 * the URL still applies, and the result always validates.
 */
import {
  SEED_MAX, scenarios as presets0, describeParam, formatRange, getParam, inRange, parameterDescriptors, setParam, validateScenario,
  type Scenario,
} from '../../models/index.ts';
import { VIEW_IDS, type ViewId } from './state.ts';

export interface UrlState {
  presetId: string;
  scenario: Scenario;
  seed: number;
  view: ViewId;
  month: number | null;
}

export interface DecodedUrl extends UrlState {
  /** One message per parameter that could not be used (it was skipped). */
  errors: string[];
}

const TEXT_PATHS = ['id', 'title', 'sides.A.label', 'sides.B.label'] as const;
const TEXT_MAX = 200;
const CONTROL_KEYS = new Set(['s', 'seed', 'view', 'month', 'issues', 'events', ...TEXT_PATHS]);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The query string (without "?") for a state: the scenario as a difference from its preset. */
export function encodeUrlState(state: UrlState, presets: Readonly<Record<string, Scenario>>, keep?: URLSearchParams): string {
  const preset = presets[state.presetId];
  const q = new URLSearchParams();
  q.set('s', state.presetId);
  q.set('seed', String(state.seed));
  if (state.view !== 'run') q.set('view', state.view);
  if (state.month !== null) q.set('month', String(state.month));
  for (const path of TEXT_PATHS) {
    const v = getParam(state.scenario, path);
    if (!preset || v !== getParam(preset, path)) q.set(path, String(v));
  }
  for (const p of parameterDescriptors) {
    const v = getParam(state.scenario, p.path);
    if (!preset || !Object.is(v, getParam(preset, p.path))) q.set(p.path, String(v));
  }
  if (!preset || !same(state.scenario.issues, preset.issues)) q.set('issues', JSON.stringify(state.scenario.issues ?? null));
  if (!preset || !same(state.scenario.events, preset.events)) q.set('events', JSON.stringify(state.scenario.events));
  if (keep) for (const [k, v] of keep) if (isViewKey(k)) q.append(k, v);
  return q.toString();
}

/** The query string of an app state against the shipped presets (for manifests and links). */
export function queryFor(state: UrlState, keep?: URLSearchParams): string {
  return encodeUrlState(state, presets0, keep);
}

/** Keys that belong to a view (`montecarlo.runs`): not part of the scenario. */
export function isViewKey(key: string): boolean {
  const dot = key.indexOf('.');
  return dot > 0 && (VIEW_IDS as readonly string[]).includes(key.slice(0, dot));
}

function shown(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

/** Read a scalar parameter's URL text, or say why it cannot be used. */
function parseParam(path: string, raw: string): { ok: true; value: number | boolean } | { ok: false; error: string } {
  const d = describeParam(path)!;
  if (d.kind === 'boolean') {
    if (raw === 'true' || raw === '1') return { ok: true, value: true };
    if (raw === 'false' || raw === '0') return { ok: true, value: false };
    return { ok: false, error: `URL parameter ${path} = ${shown(raw)} must be true or false; ignored` };
  }
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(v)) return { ok: false, error: `URL parameter ${path} = ${shown(raw)} is not a number (allowed: ${formatRange(d)}); ignored` };
  if (!inRange(d, v)) return { ok: false, error: `URL parameter ${path} = ${raw} is outside the allowed range ${formatRange(d)}; ignored` };
  return { ok: true, value: v };
}

/**
 * The state a query string asks for. Unknown or bad parameters are skipped
 * with a message; the result's scenario always validates.
 */
export function decodeUrlState(
  query: string, presets: Readonly<Record<string, Scenario>>, defaults: { presetId: string; seed?: number },
): DecodedUrl {
  const q = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const errors: string[] = [];
  let presetId = defaults.presetId;
  const s = q.get('s');
  if (s !== null) {
    if (Object.hasOwn(presets, s)) presetId = s;
    else errors.push(`URL parameter s = ${shown(s)} is not a preset (presets: ${Object.keys(presets).join(', ')}); using ${presetId}`);
  }
  const preset = presets[presetId]!;
  let scenario: Scenario = preset;

  let seed = defaults.seed ?? 1;
  const seedRaw = q.get('seed');
  if (seedRaw !== null) {
    const v = seedRaw.trim() === '' ? Number.NaN : Number(seedRaw);
    if (Number.isInteger(v) && v >= 0 && v <= SEED_MAX) seed = v;
    else errors.push(`URL parameter seed = ${shown(seedRaw)} must be an integer from 0 to ${SEED_MAX}; using ${seed}`);
  }

  let view: ViewId = 'run';
  const viewRaw = q.get('view');
  if (viewRaw !== null) {
    if ((VIEW_IDS as readonly string[]).includes(viewRaw)) view = viewRaw as ViewId;
    else errors.push(`URL parameter view = ${shown(viewRaw)} is not a view (views: ${VIEW_IDS.join(', ')}); ignored`);
  }

  for (const [key, raw] of q) {
    if (CONTROL_KEYS.has(key) || isViewKey(key)) continue;
    if (!describeParam(key)) { errors.push(`unknown URL parameter ${shown(key)}; ignored`); continue; }
    const r = parseParam(key, raw);
    if (r.ok) scenario = setParam(scenario, key, r.value);
    else errors.push(r.error);
  }
  for (const path of TEXT_PATHS) {
    const raw = q.get(path);
    if (raw === null) continue;
    if (raw.length > TEXT_MAX) errors.push(`URL parameter ${path} is too long (${raw.length} characters, at most ${TEXT_MAX}); ignored`);
    else scenario = setParam(scenario, path, raw);
  }

  // Lists: JSON, validated with the rest of the scenario; a bad list is dropped whole.
  const list = (key: 'issues' | 'events') => {
    const raw = q.get(key);
    if (raw === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      errors.push(`URL parameter ${key} is not valid JSON (${e instanceof Error ? e.message : String(e)}); ignored`);
      return;
    }
    const candidate: Record<string, unknown> = { ...scenario, [key]: parsed };
    if (key === 'issues' && parsed === null) delete candidate.issues;
    const r = validateScenario(candidate);
    const own = r.ok ? [] : r.errors.filter((e) => e.path === key || e.path.startsWith(`${key}.`));
    if (r.ok || own.length === 0) scenario = candidate as unknown as Scenario;
    else errors.push(`URL parameter ${key} ignored: ${own.map((e) => e.message).join('; ')}`);
  };
  list('issues');
  list('events');

  // Whatever combination remains must validate (e.g. a shorter horizon than a preset event's month).
  let checked = validateScenario(scenario);
  if (!checked.ok) {
    errors.push(`the URL's scenario does not validate (${checked.errors.map((e) => e.message).join('; ')}); using the preset's events and horizon`);
    scenario = { ...scenario, events: preset.events, horizonMonths: preset.horizonMonths };
    checked = validateScenario(scenario);
    if (!checked.ok) { scenario = preset; checked = validateScenario(preset); }
  }
  scenario = checked.ok ? checked.scenario : preset;

  let month: number | null = null;
  const monthRaw = q.get('month');
  if (monthRaw !== null) {
    const v = monthRaw.trim() === '' ? Number.NaN : Number(monthRaw);
    if (Number.isInteger(v) && v >= 0 && v <= scenario.horizonMonths) month = v;
    else errors.push(`URL parameter month = ${shown(monthRaw)} must be an integer from 0 to ${scenario.horizonMonths}; ignored`);
  }
  return { presetId, scenario, seed, view, month, errors };
}
