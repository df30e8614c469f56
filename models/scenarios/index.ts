/**
 * The shipped presets, by id (MODEL.md §7). Each JSON file validates (tested);
 * `models/scenarios/README.md` says what each teaches and how to add one.
 */
import { validateScenario, type Scenario } from '../schema.ts';
import alaska2025 from './alaska-2025.json' with { type: 'json' };
import alaska2025Issues from './alaska-2025-issues.json' with { type: 'json' };
import textbookFearon from './textbook-fearon.json' with { type: 'json' };
import rubinsteinPatience from './rubinstein-patience.json' with { type: 'json' };
import convergence from './convergence.json' with { type: 'json' };
import commitmentProblem from './commitment-problem.json' with { type: 'json' };
import armistice1953 from './armistice-1953.json' with { type: 'json' };
import hurtingStalemate from './hurting-stalemate.json' with { type: 'json' };

/** The presets in display order: the calibrations first, then the textbook ideas. */
const RAW: readonly unknown[] = [
  alaska2025, alaska2025Issues,
  textbookFearon, rubinsteinPatience, convergence, commitmentProblem, armistice1953, hurtingStalemate,
];

function load(raw: unknown): Scenario {
  const r = validateScenario(raw);
  if (!r.ok) {
    const id = (raw as { id?: unknown }).id;
    throw new Error(`preset ${String(id)} does not validate: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return r.scenario;
}

/** Presets by id, in display order. The shipped scenario is `alaska-2025`. */
export const scenarios: Readonly<Record<string, Scenario>> = Object.freeze(
  Object.fromEntries(RAW.map(load).map((s) => [s.id, s])),
);

/** The id of the scenario `npm start` opens. */
export const SHIPPED_SCENARIO_ID = 'alaska-2025';
