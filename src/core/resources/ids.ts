/**
 * Values of the browse field (DOM-free): the resource kinds, and the chosen IDs as the page gives them
 * (an array, or one comma-separated string as a form submits it).
 */
import type { ResourceKind } from '../../api/schemas.js';

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'electronic-seal',
  'physical-seal',
  'file-template',
  'electronic-seal-flow',
  'physical-seal-flow',
];

/** Seals show as an image grid; templates and flows as rows. */
export const isSealKind = (k: ResourceKind): boolean => k === 'electronic-seal' || k === 'physical-seal';

/**
 * Parses a page-supplied value: an array of IDs (strings or numbers) or a comma-separated string. IDs are
 * trimmed, empty ones dropped and repeats kept once, in order. `null` / `undefined` are no IDs; anything
 * else is unusable (null).
 */
export function parseIds(v: unknown): string[] | null {
  if (v === null || v === undefined) return [];
  const parts = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? (v as unknown[]) : null;
  if (!parts || parts.some((p) => typeof p !== 'string' && typeof p !== 'number')) return null;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    const id = String(p).trim();
    if (id && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

/** The same IDs in the same order. */
export const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
