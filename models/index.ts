/**
 * Deal Zone's model: the public API (MODEL.md §5). Pure and deterministic:
 * no DOM, no workers, no I/O, no Math.random. The worker, the CLI and the app
 * all go through these functions.
 *
 * @packageDocumentation
 */

/** Package version; every export's manifest carries it. */
export { MODEL_VERSION } from './version.ts';

export {
  simulate, Simulator, TRACE_FIELDS, TERM_FIELDS, OUTCOMES,
  type Trace, type TraceFields, type TraceField, type TraceEvent, type RunSummary, type Outcome,
  type SimulateOptions, type RunOptions,
} from './simulate.ts';

export {
  validateScenario, validateScenarioDocument, parameterDescriptors, numericParameterPaths, describeParam, getParam, setParam,
  defaultScenario, formatRange, inRange,
  type Scenario, type Side, type SideId, type War, type Bargaining, type Levers, type ScenarioEvent, type Issue,
  type Provenance, type ParameterDescriptor, type ParamGroup, type ValidationError, type ValidationResult,
} from './schema.ts';

export { scenarios, SHIPPED_SCENARIO_ID } from './scenarios/index.ts';

export {
  monteCarlo, monteCarloCounts, mergeMonteCarlo, finishMonteCarlo, emptyCounts, addCounts, countRun, chunkRange,
  histogramPercentile, medianMonth, FAN_FIELDS, FAN_RANGES, FAN_BINS, TERM_BINS, PERCENTILES,
  type MonteCarloResult, type MonteCarloCounts, type MonteCarloOptions, type Chunk, type FanField, type PercentileBands, type PercentileKey,
} from './montecarlo.ts';

export { evaluatePoints, emptyPointStats, addPointRuns, addPointStats, pointOutput, isPointOutput, scenarioAt, checkDesignValue, type DesignPoint, type PointStats, type PointOutput } from './points.ts';

export { sweep, sweepPoints, finishSweep, mergeSweep, axisValues, type SweepAxis, type SweepOptions, type SweepResult } from './sweep.ts';

export {
  sensitivity, sensitivityDesign, finishSensitivity, sensitivityPaths,
  type SensitivityOptions, type SensitivityResult, type SensitivityDesign, type TornadoBar, type MorrisEffect,
} from './sensitivity.ts';

export { valueWar, warMonths, newWarValuation, valueOfWarA, valueOfWarB, drift, clampPsi, PSI_MIN, PSI_MAX, type WarValuation } from './war.ts';

export {
  ZoneSolver, newZoneAssessment, nashWeightA, ZONE_TOLERANCE,
  type Valuation, type ZoneAssessment, type Rejection,
} from './zone.ts';

export { Rng, deriveSeed, mix32, SEED_MAX } from './rng.ts';

export * from './classics/index.ts';
