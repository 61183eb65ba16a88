/**
 * Guards for the public functions of src/core that promise to never throw: a JS caller (or a host
 * answer that skipped its schema) may pass anything where a string or a list is typed.
 */

/** A string as it is; a number, bigint or boolean as its text; anything else as `''`. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return '';
}

/** `value` when it is a list of strings (the same array, so caches keyed by it still hit), else its items as text. */
export function textsOf(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  return value.every((v) => typeof v === 'string') ? value : value.map(textOf);
}

/** `value` when it is a non-null object (an array included), else `undefined`. */
export function objectOf<T extends object>(value: unknown): Partial<T> | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}
