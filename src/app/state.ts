/**
 * The app's state: the scenario being explored (always valid), where it came
 * from, the seed, the current view, playback, a pinned baseline and the
 * latest results. Everything the charts show is computed in the worker pool;
 * this holds results, never model code.
 */
import { scenarios, SHIPPED_SCENARIO_ID, type Scenario, type Trace } from '../../models/index.ts';
import { createStore } from './store.ts';

export const VIEW_IDS = ['run', 'montecarlo', 'sweep', 'sensitivity'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** Classroom playback: off (the whole run, cursor follows the pointer), or revealing months up to `month`. */
export type Playback = 'off' | 'playing' | 'paused';

/** A run pinned for comparison. */
export interface Baseline {
  scenario: Scenario;
  seed: number;
  trace: Trace;
}

export interface AppState {
  /** The preset the URL expresses the scenario against (a key of `scenarios`). */
  presetId: string;
  /** What the scenario picker shows: `preset:<id>`, `saved:<name>` or `file:<title>`. */
  source: string;
  /** The values "reset" returns to: the preset, or the saved or imported scenario. */
  base: Scenario;
  scenario: Scenario;
  seed: number;
  view: ViewId;
  /** Latest single-run trace for (scenario, seed), or null while computing. */
  trace: Trace | null;
  /** Month under the cursor / playback position (null = none). */
  month: number | null;
  playback: Playback;
  /** Playback speed, months per second. */
  speed: number;
  baseline: Baseline | null;
}

export function initialState(): AppState {
  return {
    presetId: SHIPPED_SCENARIO_ID,
    source: `preset:${SHIPPED_SCENARIO_ID}`,
    base: scenarios[SHIPPED_SCENARIO_ID]!,
    scenario: scenarios[SHIPPED_SCENARIO_ID]!,
    seed: 1,
    view: 'run',
    trace: null,
    month: null,
    playback: 'off',
    speed: 3,
    baseline: null,
  };
}

export const store = createStore<AppState>(initialState());
