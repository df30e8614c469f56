/**
 * Input checks shared by the closed-form classics (MODEL.md §5).
 *
 * Every classic validates its one object argument before computing, and a bad
 * field throws a `RangeError` whose message names the function, the field, the
 * bad value and the allowed range, e.g.
 * `rubinsteinSplit: deltaA = 1.2 is outside (0, 1]`. One error type for every
 * bad input (missing, wrong type, out of range) keeps callers simple: catch
 * `RangeError`, show its message.
 */

/**
 * Allowed range of a number. Omitted bounds are unbounded. Bounds are
 * inclusive unless `minExclusive` / `maxExclusive` is set. `integer` also
 * requires a whole number. Non-finite values (NaN, ±Infinity) are always
 * rejected.
 */
export interface NumberBounds {
  /** Lower bound (inclusive unless `minExclusive`). */
  min?: number;
  /** Upper bound (inclusive unless `maxExclusive`). */
  max?: number;
  /** Make `min` exclusive. */
  minExclusive?: boolean;
  /** Make `max` exclusive. */
  maxExclusive?: boolean;
  /** Require an integer. */
  integer?: boolean;
}

/** Bounds of a probability: [0, 1]. */
export const PROBABILITY: Readonly<NumberBounds> = Object.freeze({ min: 0, max: 1 });
/** Bounds of a discount factor: (0, 1]. */
export const DISCOUNT: Readonly<NumberBounds> = Object.freeze({ min: 0, max: 1, minExclusive: true });
/** Bounds of a cost: [0, ∞). */
export const NON_NEGATIVE: Readonly<NumberBounds> = Object.freeze({ min: 0 });
/** Bounds of a strictly positive quantity: (0, ∞). */
export const POSITIVE: Readonly<NumberBounds> = Object.freeze({ min: 0, minExclusive: true });

/** Format bounds as an interval, e.g. `(0, 1]`, `[0, ∞)`, `integers in [1, 1000]`. */
export function formatRange(bounds: Readonly<NumberBounds>): string {
  const lo = bounds.min === undefined ? '(−∞' : `${bounds.minExclusive ? '(' : '['}${bounds.min}`;
  const hi = bounds.max === undefined ? '∞)' : `${bounds.max}${bounds.maxExclusive ? ')' : ']'}`;
  return `${bounds.integer ? 'integers in ' : ''}${lo}, ${hi}`;
}

export { showValue } from '../show.ts';
import { showValue } from '../show.ts';

/** Whether `value` is a finite number inside `bounds`. */
export function inBounds(value: number, bounds: Readonly<NumberBounds>): boolean {
  if (!Number.isFinite(value)) return false;
  if (bounds.integer && !Number.isInteger(value)) return false;
  if (bounds.min !== undefined && (bounds.minExclusive ? value <= bounds.min : value < bounds.min)) return false;
  if (bounds.max !== undefined && (bounds.maxExclusive ? value >= bounds.max : value > bounds.max)) return false;
  return true;
}

/**
 * Return `value` if it is a finite number inside `bounds`; otherwise throw a
 * `RangeError` naming `fn`, `name`, the value and the range.
 *
 * @param fn - the calling function's name (message prefix)
 * @param name - the field's name, e.g. `deltaA` or `priorA[0]`
 * @param value - the untrusted value
 * @param bounds - the allowed range (default: any finite number)
 * @throws RangeError `fn: name = value is outside range` (or `is not a finite number in range`)
 */
export function requireNumber(fn: string, name: string, value: unknown, bounds: Readonly<NumberBounds> = {}): number {
  const range = formatRange(bounds);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} = ${showValue(value)} is not a finite number in ${range}`);
  }
  if (bounds.integer && !Number.isInteger(value)) {
    throw new RangeError(`${fn}: ${name} = ${showValue(value)} is not an integer (allowed: ${range})`);
  }
  if (!inBounds(value, bounds)) throw new RangeError(`${fn}: ${name} = ${showValue(value)} is outside ${range}`);
  return value;
}

/** `requireNumber` with the bounds [0, 1]. */
export function requireProbability(fn: string, name: string, value: unknown): number {
  return requireNumber(fn, name, value, PROBABILITY);
}

/**
 * Return `value` if it is one of `allowed`; otherwise throw a `RangeError`
 * such as `rubinsteinSplit: proposer = "C" is not one of 'A', 'B'`.
 */
export function requireOneOf<const T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new RangeError(`${fn}: ${name} = ${showValue(value)} is not one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
}

/**
 * Return the input argument as a record of unknown fields, or throw a
 * `RangeError` if it is not a plain object (e.g. `undefined`, `null`, an array).
 */
export function requireInput(fn: string, input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RangeError(`${fn}: input = ${showValue(input)} is not an object`);
  }
  return input as Record<string, unknown>;
}

/**
 * Return a pair `[x, y]` of numbers, each inside `bounds`; otherwise throw a
 * `RangeError` naming the field (`name`, or `name[0]` / `name[1]`).
 */
export function requireNumberPair(
  fn: string,
  name: string,
  value: unknown,
  bounds: Readonly<NumberBounds> = {},
): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new RangeError(`${fn}: ${name} = ${showValue(value)} is not a pair [number, number]`);
  }
  return [requireNumber(fn, `${name}[0]`, value[0], bounds), requireNumber(fn, `${name}[1]`, value[1], bounds)];
}
