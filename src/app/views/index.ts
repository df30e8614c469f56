/** The tabs, in order. */
import type { View } from './registry.ts';
import { runView } from './run.ts';
import { montecarloView } from './montecarlo.ts';
import { sweepView } from './sweep.ts';
import { sensitivityView } from './sensitivity.ts';

export const views: readonly View[] = [
  runView,
  montecarloView,
  sweepView,
  sensitivityView,
];
