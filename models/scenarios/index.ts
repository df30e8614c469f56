/**
 * The shipped presets, by id (MODEL.md §7). Each JSON file validates (tested);
 * `models/scenarios/README.md` says what each teaches and how to add one.
 */
import { validateScenario, type Scenario } from '../schema.ts';
import alaska2025 from './alaska-2025.json' with { type: 'json' };
import textbookFearon from './textbook-fearon.json' with { type: 'json' };

const RAW: readonly unknown[] = [alaska2025, textbookFearon];

function load(raw: unknown): Scenario {
  const r = validateScenario(raw);
  if (!r.ok) {
    const id = (raw as { id?: unknown }).id;
    throw new Error(`preset ${String(id)} does not validate: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return r.scenario;
}

/** Presets by id. The shipped scenario is `alaska-2025`. */
export const scenarios: Readonly<Record<string, Scenario>> = Object.freeze(
  Object.fromEntries(RAW.map(load).map((s) => [s.id, s])),
);

/** The id of the scenario `npm start` opens. */
export const SHIPPED_SCENARIO_ID = 'alaska-2025';
