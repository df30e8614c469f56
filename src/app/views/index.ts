/**
 * The tabs, in order. The single run is in the initial bundle; the many-runs
 * views (and the heatmap's chart type) load when their tab is first opened,
 * which keeps the initial JavaScript small.
 */
import type { ViewId } from '../state.ts';
import type { View } from './registry.ts';
import { runView } from './run.ts';

export interface Tab {
  id: ViewId;
  label: string;
  load(): Promise<View>;
}

export const tabs: readonly Tab[] = [
  { id: 'run', label: runView.label, load: () => Promise.resolve(runView) },
  { id: 'montecarlo', label: 'Monte Carlo', load: () => import('./montecarlo.ts').then((m) => m.montecarloView) },
  { id: 'sweep', label: 'Sweep', load: () => import('./sweep.ts').then((m) => m.sweepView) },
  { id: 'sensitivity', label: 'Sensitivity', load: () => import('./sensitivity.ts').then((m) => m.sensitivityView) },
];
