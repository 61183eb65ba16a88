/**
 * Moves over an `OrgTree`'s rows that only the keyboard needs (`*`, ←, type-ahead): functions, not methods,
 * so a page that has not pressed a key yet does not load them (the picker's ./tree-keys.ts imports them).
 */
import type { OrgTree } from './org-tree.js';

/** `*`: expands every expandable sibling of row `i`. */
export function expandSiblings(tree: OrgTree, i: number): Promise<void> {
  const row = tree.rows[i];
  if (!row) return Promise.resolve();
  const waits: Promise<void>[] = [];
  // Walk siblings bottom-up so earlier indices stay valid while splicing.
  const siblings: number[] = [];
  for (let j = 0; j < tree.rows.length; j++) {
    const r = tree.rows[j]!;
    if (r.parent === row.parent && r.level === row.level) siblings.push(j);
  }
  for (const j of siblings.reverse()) waits.push(tree.expand(j));
  return Promise.all(waits).then(() => undefined);
}

/** Index of the parent row of row `i`, or -1 at top level. */
export function parentIndex(tree: OrgTree, i: number): number {
  const level = tree.rows[i]?.level ?? 1;
  for (let j = i - 1; j >= 0; j--) if (tree.rows[j]!.level < level) return j;
  return -1;
}

/**
 * Type-ahead: the next loaded row after `from` (wrapping) whose name, 工号 or login starts with
 * `prefix` (case-insensitive). -1 when none.
 */
export function typeahead(tree: OrgTree, prefix: string, from: number): number {
  const p = prefix.toLocaleLowerCase();
  if (!p) return -1;
  const n = tree.rows.length;
  for (let k = 1; k <= n; k++) {
    const i = (from + k) % n;
    const node = tree.nodeAt(tree.rows[i]!);
    if (!node) continue;
    if (
      node.name.toLocaleLowerCase().startsWith(p) ||
      node.employeeNo?.toLocaleLowerCase().startsWith(p) ||
      node.loginId?.toLocaleLowerCase().startsWith(p)
    )
      return i;
  }
  return -1;
}
