/**
 * How an untrusted value is shown in an error message (schema validation and
 * the classics' input checks): numbers as JavaScript prints them, text quoted
 * and cut at 40 characters, anything else by its kind.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
