/**
 * The user's named scenarios, saved in this browser (localStorage), and the
 * scenario file format. Everything read back (storage, files) is untrusted
 * and goes through validateScenario.
 *
 * A scenario file is either a bare scenario (MODEL.md §7) or what the app
 * exports: `{ "manifest": {...}, "scenario": {...} }`.
 */
import { validateScenario, validateScenarioDocument, type Scenario, type ValidationError } from '../../../models/index.ts';
import type { Manifest } from '../export.ts';

const KEY = 'dealzone.savedScenarios.v1';

function readAll(): Record<string, unknown> {
  try {
    const raw = localStorage.getItem(KEY);
    const v: unknown = raw ? JSON.parse(raw) : {};
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Saved scenarios by name (those that no longer validate are left out). */
export function savedScenarios(): Map<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const [name, raw] of Object.entries(readAll()).sort(([a], [b]) => a.localeCompare(b))) {
    const r = validateScenario(raw);
    if (r.ok) out.set(name, r.scenario);
  }
  return out;
}

/** Save (or overwrite) a named scenario; returns an error message if storage refuses. */
export function saveScenario(name: string, scenario: Scenario): string | null {
  const all = readAll();
  all[name] = scenario;
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
    return null;
  } catch (e) {
    return `could not save "${name}" in this browser: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export function deleteSaved(name: string): void {
  const all = readAll();
  delete all[name];
  try { localStorage.setItem(KEY, JSON.stringify(all)); } catch { /* storage unavailable: nothing to delete */ }
}

/** A scenario file's text → a scenario, or the problems (path: message). */
export function parseScenarioFile(text: string): { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)})` }] };
  }
  return validateScenarioDocument(parsed);
}

/** The exported file: the scenario with a manifest. */
export function scenarioFileText(scenario: Scenario, m: Manifest): string {
  return JSON.stringify({ manifest: m, scenario }, null, 2) + '\n';
}
