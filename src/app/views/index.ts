/** The tabs, in order. */
import type { View } from './registry.ts';
import { runView } from './run.ts';
import { placeholderView } from './placeholder.ts';

export const views: readonly View[] = [
  runView,
  placeholderView('montecarlo', 'Monte Carlo'),
  placeholderView('sweep', 'Sweep'),
  placeholderView('sensitivity', 'Sensitivity'),
];
