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
  validateScenario, parameterDescriptors, numericParameterPaths, describeParam, getParam, setParam,
  defaultScenario, formatRange, inRange,
  type Scenario, type Side, type SideId, type War, type Bargaining, type Levers, type ScenarioEvent, type Issue,
  type Provenance, type ParameterDescriptor, type ParamGroup, type ValidationError, type ValidationResult,
} from './schema.ts';

export { scenarios, SHIPPED_SCENARIO_ID } from './scenarios/index.ts';

export { valueWar, newWarValuation, valueOfWarA, valueOfWarB, drift, clampPsi, PSI_MIN, PSI_MAX, type WarValuation } from './war.ts';

export {
  ZoneSolver, newZoneAssessment, nashWeightA, ZONE_TOLERANCE,
  type Valuation, type ZoneAssessment, type Rejection,
} from './zone.ts';

export { Rng, deriveSeed, mix32, SEED_MAX } from './rng.ts';

export * from './classics/index.ts';
