/**
 * The picker's list side, apart from the element: the data source of each tab (an `OrgTree` over the
 * host's org API: the org chart, search results, 最近, 同部门, 我的下属) and the template of one row.
 */
import type { Params } from '../../internal/localize.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { OrgApi } from '../../api/host.js';
import type { OrgNode, OrgNodeType, OrgTab } from '../../api/schemas.js';
import { keyOf, type OrgSelection, type ToggleTarget } from '../../core/org-selection/org-selection.js';
import type { Lock } from '../../core/org-selection/rules.js';
import { OrgTree, type PageLoader } from '../../core/org-tree/org-tree.js';

export type ListTab = OrgTab;

export interface ListSourceOptions {
  /** The search tab's query. */
  query: string;
  types: OrgNodeType[] | undefined;
  includeInactive: boolean;
  onNodes: (nodes: OrgNode[]) => void;
  onChange: () => void;
}

/** The tree (or flat list) a tab shows, with its top level loading. */
export function createListTree(org: OrgApi, tab: ListTab, o: ListSourceOptions): OrgTree {
  const { includeInactive, types, query } = o;
  const children: PageLoader = (parent, offset, limit, signal) =>
    org.children(parent, { offset, limit, signal, includeInactive });
  let root: PageLoader | undefined;
  if (tab === 'search')
    root = (_p, offset, limit, signal) =>
      org.search(query, { offset, limit, signal, types, includeInactive });
  else if (tab === 'recent')
    root = async (_p, offset, _limit, signal) => {
      const items = offset === 0 ? await org.recent({ signal }) : [];
      return { items, total: items.length, offset };
    };
  else if (tab === 'same-department')
    root = (_p, offset, limit, signal) => org.sameDepartment({ offset, limit, signal });
  else if (tab === 'subordinates')
    root = (_p, offset, limit, signal) => org.subordinates({ offset, limit, signal });
  const tree = new OrgTree({ children, root, pageSize: 100, onNodes: o.onNodes, onChange: o.onChange });
  void tree.start();
  return tree;
}

export const pathText = (node: OrgNode): string => node.path.map((p) => p.name).join(' / ');

export const targetOf = (node: OrgNode): ToggleTarget => ({
  ref: { type: node.type, id: node.id },
  path: node.path.map(keyOf),
  departmentIds: node.departmentIds,
});

export interface RowContext {
  readonly uid: string;
  readonly sel: OrgSelection;
  readonly disabled: boolean;
  readonly rowHeight: number;
  t(key: string, params?: Params): string;
  /** A lock with its reason in words (the default reason when none was given). */
  lockOf(node: OrgNode): Lock | undefined;
  onRowClick(e: MouseEvent, tab: ListTab, i: number): void;
}

export function renderRow(
  c: RowContext,
  tab: ListTab,
  tree: OrgTree,
  i: number,
  active: boolean,
): TemplateResult {
  const row = tree.rows[i]!;
  const node = tree.nodeAt(row);
  const id = `${c.uid}-${tab}-r${i}`;
  const k = node ? keyOf(node) : '';
  const expandable = !!node && node.type !== 'person' && node.hasChildren;
  const expanded = expandable && tree.isExpanded(k);
  const lock = node && c.lockOf(node);
  const picked = lock?.kind === 'picked';
  // Units in persons mode cannot be selected but still show whether persons under them are (mixed).
  const selectable = !!node && (c.sel.canToggle(node.type) || picked || node.type !== 'person');
  const state = picked ? 'checked' : node ? c.sel.stateOf(targetOf(node)) : 'unchecked';
  const path = node && tab !== 'tree' && row.level === 1 ? pathText(node) : '';
  // 工号, head count, 兼职 and status in one line; a placeholder row says loading / failed.
  const meta = node
    ? [
        node.employeeNo,
        node.type !== 'person' && node.headCount !== undefined ? c.t('headCount', { n: node.headCount }) : '',
        node.partTime ? c.t('partTime') : '',
        node.status && node.status !== 'active' ? c.t(`status.${node.status}`) : '',
      ]
        .filter(Boolean)
        .join(' · ')
    : c.t(tree.failedAt(row) !== undefined ? 'placeholderFailed' : 'loading');
  const full = node ? [node.name, path].filter(Boolean).join(' · ') : meta;
  const locked = !!lock && !(lock.kind === 'required' && state !== 'checked');
  return html`<div
    role="treeitem"
    part=${active ? 'row row-active' : 'row'}
    id=${id}
    aria-level=${row.level}
    aria-setsize=${tree.setSize(row)}
    aria-posinset=${row.index + 1}
    aria-busy=${node ? nothing : String(tree.failedAt(row) === undefined)}
    aria-expanded=${expandable ? String(expanded) : nothing}
    aria-checked=${selectable ? (state === 'mixed' ? 'mixed' : String(state === 'checked')) : nothing}
    aria-disabled=${node && (locked || c.disabled) ? 'true' : nothing}
    aria-describedby=${lock ? `${id}-reason` : nothing}
    title=${lock ? `${full} — ${lock.reason}` : full}
    data-key=${k || nothing}
    style="transform:translateY(${i * c.rowHeight}px);padding-inline-start:${(row.level - 1) * 18 + 4}px"
    @click=${(e: MouseEvent) => c.onRowClick(e, tab, i)}
  >
    <span
      class="twisty"
      ?data-open=${expanded}
      ?data-closed=${expandable && !expanded}
      aria-hidden="true"
    ></span>
    ${selectable ? html`<span part="checkbox" data-state=${state} aria-hidden="true"></span>` : nothing}
    <span part="row-label">${node?.name ?? ''}</span>
    ${path ? html`<span part="row-path">${path}</span>` : nothing}
    ${meta ? html`<span part="row-meta">${meta}</span>` : nothing}
    ${lock ? html`<span part="row-reason" id="${id}-reason">${lock.reason}</span>` : nothing}
  </div>`;
}
