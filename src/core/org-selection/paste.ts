/**
 * The picker's 批量添加 (paste) helpers, DOM-free: splitting a pasted list and sorting the host's matches.
 * Kept apart from ./rules.ts so they load with the paste panel, not with the picker's first paint.
 */
import type { OrgMatch, OrgNode } from '../../api/schemas.js';

/** A pasted list split into entries: lines, commas (also full-width), semicolons, 、 and tabs. */
export function splitPasted(text: string): string[] {
  return text
    .split(/[\n,，;；、\t]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Bulk matches sorted: one match (added), several (the user chooses), none (reported). */
export function partitionMatches(matches: readonly OrgMatch[]): {
  unique: OrgNode[];
  ambiguous: OrgMatch[];
  unmatched: string[];
} {
  const unique: OrgNode[] = [];
  const ambiguous: OrgMatch[] = [];
  const unmatched: string[] = [];
  for (const m of matches) {
    if (m.matches.length === 1) unique.push(m.matches[0]!);
    else if (m.matches.length > 1) ambiguous.push(m);
    else unmatched.push(m.input);
  }
  return { unique, ambiguous, unmatched };
}
