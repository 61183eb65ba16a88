/**
 * The picker's tree keys beyond the list controller's ↑/↓/Home/End/PageUp/PageDown (WAI-ARIA tree):
 * ←/→ (collapse / expand, parent / first child), Space/Enter (select), `*` (expand every sibling),
 * Delete (remove from 最近) and type-ahead. Loaded on demand (right after the first render, or at the
 * first key): `OrgLists` queues the keys pressed before it is here and replays them in order.
 */
import type { OrgNode } from '../../api/schemas.js';
import type { OrgTree } from '../../core/org-tree/org-tree.js';
import { expandSiblings, parentIndex, typeahead } from '../../core/org-tree/tree-nav.js';
import type { ListTab } from './list-parts.js';
import type { OrgLists, TreeKey } from './lists.js';

const TYPEAHEAD_RESET_MS = 600;
// The key of an expanded unit (keyOf / nodeKey), written here so this chunk shares no module with the element's.
const keyOf = (n: OrgNode) => `${n.type}:${n.id}`;

/** What the type-ahead keeps between keys, per list set. */
const typed = new WeakMap<OrgLists, { buffer: string; timer?: ReturnType<typeof setTimeout> }>();

/** Acts on a key pressed on the shown list `tab` (its tree has rows); returns whether it was handled. */
export function treeKey(lists: OrgLists, tab: ListTab, tree: OrgTree, e: TreeKey): boolean {
  const list = lists.list;
  const i = list.active;
  const row = tree.rows[i]!;
  const node = tree.nodeAt(row);
  const expandable = !!node && node.type !== 'person' && node.hasChildren;
  switch (e.key) {
    case 'ArrowRight':
      if (expandable && !tree.isExpanded(keyOf(node))) void tree.expand(i);
      else if (expandable && i + 1 < tree.rows.length && tree.rows[i + 1]!.level > row.level)
        list.setActive(i + 1);
      break;
    case 'ArrowLeft':
      if (expandable && tree.isExpanded(keyOf(node))) tree.collapse(i);
      else if (parentIndex(tree, i) >= 0) list.setActive(parentIndex(tree, i));
      break;
    case ' ':
    case 'Enter':
      if (node) lists.toggle(node);
      break;
    case '*':
      void expandSiblings(tree, i).then(() => lists.changed());
      // Keep the same row active: expanding siblings above it shifts indices.
      list.setActive(Math.max(0, tree.rows.indexOf(row)));
      break;
    case 'Delete':
      if (tab !== 'recent' || !node) return false;
      lists.removeRecent(node);
      break;
    default: {
      if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey || !e.key.trim()) return false;
      const t = typed.get(lists) ?? { buffer: '' };
      typed.set(lists, t);
      clearTimeout(t.timer);
      t.timer = setTimeout(() => (t.buffer = ''), TYPEAHEAD_RESET_MS);
      // Repeating one letter cycles through matches; a longer buffer searches from the current row.
      const repeat = t.buffer.length > 0 && [...t.buffer].every((c) => c === e.key);
      t.buffer = repeat ? e.key : t.buffer + e.key;
      const j = typeahead(tree, t.buffer, t.buffer.length === 1 ? i : i - 1);
      if (j >= 0) list.setActive(j);
    }
  }
  lists.changed();
  return true;
}
