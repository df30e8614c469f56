/**
 * The closed-form classics of MODEL.md §5: classroom pages and test oracles.
 * Each is a pure function of one object argument; shares are A's (player 1's).
 * Bad input throws a `RangeError` naming the function, field, value and range.
 */

export { fearonRange, fearonRiskReturn } from './fearon.ts';
export type { FearonRangeInput, FearonRangeResult, FearonRiskReturnInput, FearonRiskReturnResult } from './fearon.ts';
export { rubinsteinSplit } from './rubinstein.ts';
export type { RubinsteinInput, RubinsteinResult } from './rubinstein.ts';
export { nashBargaining } from './nash.ts';
export type { NashInput, NashResult } from './nash.ts';
export { breakdownBargaining } from './breakdown.ts';
export type { BreakdownInput, BreakdownResult } from './breakdown.ts';
export { powellCommitment } from './powell.ts';
export type { PowellInput, PowellResult } from './powell.ts';
export { betaLearning } from './learning.ts';
export type { BetaLearningInput, BetaLearningResult } from './learning.ts';
export { warOfAttrition } from './attrition.ts';
export type { AttritionInput, AttritionResult } from './attrition.ts';
export { gamblersRuin } from './gamblersRuin.ts';
export type { GamblersRuinInput, GamblersRuinResult } from './gamblersRuin.ts';
