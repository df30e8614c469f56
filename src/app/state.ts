/**
 * The app's state: the scenario being explored (always valid), where it came
 * from, the seed, the current view and the latest results. Everything the
 * charts show is computed in the worker pool; this holds results, never
 * model code.
 */
import { scenarios, SHIPPED_SCENARIO_ID, type Scenario, type Trace } from '../../models/index.ts';
import { createStore } from './store.ts';

export type ViewId = 'run' | 'montecarlo' | 'sweep' | 'sensitivity';

export interface AppState {
  /** The preset the scenario started from (its values are the "reset" values). */
  presetId: string;
  scenario: Scenario;
  seed: number;
  view: ViewId;
  /** Latest single-run trace for (scenario, seed), or null while computing. */
  trace: Trace | null;
  /** Month under the cursor / playback position (null = whole run shown). */
  month: number | null;
}

export function initialState(): AppState {
  return {
    presetId: SHIPPED_SCENARIO_ID,
    scenario: scenarios[SHIPPED_SCENARIO_ID]!,
    seed: 1,
    view: 'run',
    trace: null,
    month: null,
  };
}

export const store = createStore<AppState>(initialState());
