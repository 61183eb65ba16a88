/**
 * The picker's list tabs (组织结构, 搜索, 最近, 同部门, 我的下属) as one ReactiveController: each tab's
 * `OrgTree` (made on first show, dropped when the host, mode or filter changes), its own active row and
 * scroll position in the shared `VirtualListController`, the search query (debounced; a new query aborts
 * the previous one's requests), prefetching around the window, and the WAI-ARIA tree keys: ↑/↓, Home/End,
 * PageUp/PageDown here, ←/→, Space/Enter, `*`, Delete and type-ahead in ./tree-keys.ts (on demand).
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { QysHost } from '../../api/host.js';
import type { OrgNode, OrgNodeType } from '../../api/schemas.js';
import { keyOf } from '../../core/org-selection/org-selection.js';
import type { OrgTree } from '../../core/org-tree/org-tree.js';
import { NAV_KEYS, VirtualListController, type VirtualListState } from '../../controllers/virtual-list.js';
import { createListTree, pathText, renderRow, type ListTab, type RowContext } from './list-parts.js';
import { renderRetry, renderStatus } from './tab-bar.js';

/** What a list shows beyond its data. */
export interface ListViewContext extends Omit<RowContext, 'onRowClick'> {
  readonly hasHost: boolean;
  /** Accessible name of the tree. */
  readonly label: string;
  errorText(err: unknown): string;
}

/**
 * Typing pauses this long before a search goes out, so results paint within ~120 ms of the last key:
 * every pause of 60 ms or more sends the query typed so far, and a new query aborts the one in flight
 * (a 2-character query typed at 120 ms a key costs 2 host calls, the bench counts them). Fast typing
 * (under 60 ms a key) costs one call.
 */
export const SEARCH_DEBOUNCE_MS = 60;
/**
 * Rows loaded beyond each side of the rendered window, so a wheel step never shows a placeholder: at a
 * fast wheel (3 rows a frame) 40 rows are ~13 frames (~220 ms) of lead for the next page, and a list
 * that fits its first page (a search's first results) costs no second call.
 */
const PREFETCH_ROWS = 40;

/** A key as the tree reads it (from a KeyboardEvent, also one kept until the key handlers loaded). */
export type TreeKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>;
/** Keys the tree may act on besides type-ahead letters (kept while ./tree-keys.ts loads). */
const TREE_KEYS = [...NAV_KEYS, 'Enter', 'Delete'];
/** Keys that only move the active row (the virtual list's; ←/→ expand and collapse, in ./tree-keys.ts). */
const MOVE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

export interface OrgListsContext {
  host(): QysHost | undefined;
  /** The list tab shown (undefined: the paste panel). */
  shown(): ListTab | undefined;
  /** Shows the search tab (the user typed a query). */
  showSearch(): void;
  types(): OrgNodeType[] | undefined;
  includeInactive(): boolean;
  rowHeight(): number;
  scroller(): HTMLElement | null;
  learn(nodes: OrgNode[]): void;
  toggle(node: OrgNode): void;
  error(err: unknown): void;
  /** Loads a part on demand (the element's updateComplete waits for it). */
  onDemand(name: string, load: () => Promise<void>): void;
}

export class OrgLists implements ReactiveController {
  /** What is typed in the search box. */
  query = '';
  /** The query the search tab shows results of. */
  searchedQuery = '';
  readonly list: VirtualListController;
  private readonly trees = new Map<ListTab, OrgTree>();
  private readonly views = new Map<ListTab, VirtualListState>();
  private readonly host: ReactiveControllerHost;
  private readonly ctx: OrgListsContext;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private keys: typeof import('./tree-keys.js') | undefined;
  /** Keys pressed before ./tree-keys.ts loaded, in order. */
  private queued: TreeKey[] | undefined;

  constructor(host: ReactiveControllerHost, ctx: OrgListsContext) {
    this.host = host;
    this.ctx = ctx;
    this.list = new VirtualListController(host, {
      count: () => this.shownTree()?.rows.length ?? 0,
      rowHeight: () => ctx.rowHeight(),
      scroller: () => ctx.scroller(),
      // Loads the rows' pages and those around them from the scroll handler, before the update renders.
      onRangeChange: (r) => this.ensureRows(r.start, r.end),
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
    clearTimeout(this.searchTimer);
  }

  private shownTree(): OrgTree | undefined {
    const tab = this.ctx.shown();
    return tab && this.trees.get(tab);
  }

  /** A tab's list, made (and its first page requested) on first use; undefined without a host or query. */
  treeFor(tab: ListTab): OrgTree | undefined {
    const existing = this.trees.get(tab);
    if (existing) return existing;
    const host = this.ctx.host();
    if (!host || (tab === 'search' && !this.searchedQuery)) return undefined;
    const tree = createListTree(host.org, tab, {
      query: this.searchedQuery,
      types: this.ctx.types(),
      includeInactive: this.ctx.includeInactive(),
      onNodes: (nodes) => this.ctx.learn(nodes),
      onChange: () => this.host.requestUpdate(),
    });
    this.trees.set(tab, tree);
    this.views.set(tab, { active: 0, scrollTop: 0 });
    return tree;
  }

  /** Drops every list (a new host, mode or filter): each loads again when shown. */
  reset(): void {
    for (const t of this.trees.values()) t.dispose();
    this.trees.clear();
    this.views.clear();
  }

  /** Drops one list (e.g. 最近 after a removal). */
  drop(tab: ListTab): void {
    this.trees.get(tab)?.dispose();
    this.trees.delete(tab);
    this.views.delete(tab);
    this.host.requestUpdate();
  }

  /** Points the list controller at a tab's own position and returns it. */
  viewOf(tab: ListTab): VirtualListState {
    let v = this.views.get(tab);
    if (!v) this.views.set(tab, (v = { active: 0, scrollTop: 0 }));
    this.list.state = v;
    return v;
  }

  /** Loads the pages of rows [start, end) of the shown list and PREFETCH_ROWS on each side. */
  ensureRows(start: number, end: number): void {
    this.shownTree()?.ensureRange(Math.max(0, start - PREFETCH_ROWS), end + PREFETCH_ROWS);
  }

  // ---------------------------------------------------------------------------------------------
  // Search
  // ---------------------------------------------------------------------------------------------

  readonly onSearchInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.runSearch(), SEARCH_DEBOUNCE_MS);
    if (this.query.trim()) this.ctx.showSearch();
    this.host.requestUpdate();
  };

  runSearch(): void {
    clearTimeout(this.searchTimer);
    const q = this.query.trim();
    if (q === this.searchedQuery && this.trees.has('search')) return;
    // A new query aborts the previous one (dispose aborts every request of the old result list).
    this.drop('search');
    this.searchedQuery = q;
    if (q) this.treeFor('search');
  }

  /** Enter searches now; ↓ also moves into the results. (Escape: the search input clears itself.) */
  readonly onSearchKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'Enter') return;
    e.preventDefault();
    this.runSearch();
    if (e.key === 'ArrowDown') this.ctx.scroller()?.focus();
  };

  // ---------------------------------------------------------------------------------------------
  // Keyboard and pointer
  // ---------------------------------------------------------------------------------------------

  /**
   * Keys on the tree. ↑/↓, Home/End, PageUp/PageDown move at once; the other tree keys (←/→, Space/Enter,
   * `*`, Delete, type-ahead) are in ./tree-keys.ts, loaded right after the first render or at the first
   * key: until it is here, keys are kept (their default prevented) and replayed in order when it lands.
   */
  readonly onKey = (e: KeyboardEvent): void => {
    const k: TreeKey = { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey };
    // ↑/↓, Home/End, PageUp/PageDown need no module: they move at once (unless kept keys wait to be replayed first).
    if (!this.queued && (this.keys || MOVE_KEYS.has(k.key))) {
      if (this.key(k)) e.preventDefault();
      return;
    }
    const mod = k.ctrlKey || k.metaKey || k.altKey;
    if (!this.shownRows() || !(TREE_KEYS.includes(k.key) || (!mod && k.key.length === 1))) return;
    e.preventDefault();
    (this.queued ??= []).push(k);
    this.loadKeys();
  };

  /** Loads the tree keys (./tree-keys.ts), then replays the keys pressed meanwhile. */
  loadKeys(): void {
    this.ctx.onDemand('keys', () =>
      import('./tree-keys.js').then((m) => {
        this.keys = m;
        const q = this.queued ?? [];
        this.queued = undefined;
        for (const k of q) this.key(k);
      }),
    );
  }

  /** The shown list's tab and tree when it has rows. */
  private shownRows(): [ListTab, OrgTree] | undefined {
    const tab = this.ctx.shown();
    const tree = tab && this.trees.get(tab);
    return tab && tree?.rows.length ? [tab, tree] : undefined;
  }

  /** Acts on a key; returns whether it was one of the tree's. */
  private key(k: TreeKey): boolean {
    const shown = this.shownRows();
    if (!shown) return false;
    this.viewOf(shown[0]);
    const next = k.altKey || k.ctrlKey || k.metaKey ? undefined : this.list.targetOf(k.key);
    if (next !== undefined) {
      this.list.setActive(next);
      return true;
    }
    return !!this.keys?.treeKey(this, shown[0], shown[1], k);
  }

  /** Selects or deselects a node (Space / Enter). */
  toggle(node: OrgNode): void {
    this.ctx.toggle(node);
  }

  /** Renders again. */
  changed(): void {
    this.host.requestUpdate();
  }

  /** A click on row `i`: the twisty expands / collapses, elsewhere toggles the selection. */
  onRowClick(e: MouseEvent, tab: ListTab, i: number): void {
    const tree = this.trees.get(tab);
    if (!tree) return;
    const row = tree.rows[i];
    const node = row && tree.nodeAt(row);
    this.viewOf(tab).active = i;
    this.ctx.scroller()?.focus({ preventScroll: true });
    const onTwisty = (e.target as HTMLElement).closest('.twisty');
    if (node && onTwisty && node.type !== 'person' && node.hasChildren) {
      if (tree.isExpanded(keyOf(node))) tree.collapse(i);
      else void tree.expand(i);
    } else if (node) this.ctx.toggle(node);
    this.host.requestUpdate();
  }

  /** Removes a person from 最近 (host), then reloads that tab. */
  removeRecent(node: OrgNode): void {
    const host = this.ctx.host();
    if (!host || !this.trees.has('recent')) return;
    host.org
      .removeRecent({ type: node.type, id: node.id })
      .then(() => this.drop('recent'))
      .catch((err: unknown) => this.ctx.error(err));
  }

  /** The list of a tab: its rows in the window, or what stands instead (no host, loading, empty, failed). */
  render(tab: ListTab, c: ListViewContext): TemplateResult {
    if (!c.hasHost) return renderStatus(c.t('noHost'));
    if (tab === 'search' && !this.searchedQuery)
      return renderStatus(c.t(this.query ? 'searching' : 'searchHint'));
    const tree = this.treeFor(tab);
    if (!tree) return html``;
    const root = tree.rootList;
    const rootFailed = root?.total === undefined ? root?.failed.get(0) : undefined;
    if (rootFailed !== undefined)
      return renderRetry(
        c.t('loadFailed', { message: c.errorText(rootFailed) }),
        c.t('retry'),
        () => void tree.retry(),
      );
    if (!root || root.total === undefined)
      return renderStatus(c.t(tab === 'search' ? 'searching' : 'loading'), true);
    if (root.total === 0)
      return renderStatus(
        c.t(tab === 'search' ? 'searchEmpty' : tab === 'tree' ? 'emptyOrg' : 'empty', {
          query: this.searchedQuery,
        }),
      );
    const v = this.viewOf(tab);
    const list = this.list;
    v.active = list.active;
    const range = list.range;
    // Rows shown (and prefetched around them) whose page is not loaded yet start loading now.
    this.ensureRows(range.start, range.end);
    const activeNode = tree.nodeAt(tree.rows[v.active]!);
    const current = activeNode ? [activeNode.name, pathText(activeNode)].filter(Boolean).join(' · ') : '';
    const ctx: RowContext = { ...c, onRowClick: (e, t, i) => this.onRowClick(e, t, i) };
    return html`<div
        part="tree"
        role="tree"
        tabindex="0"
        aria-multiselectable="true"
        aria-label=${tab === 'search' ? c.t('resultsLabel') : c.label}
        aria-activedescendant="${c.uid}-${tab}-r${v.active}"
        aria-disabled=${c.disabled ? 'true' : nothing}
        aria-describedby="${c.uid}-summary"
        @keydown=${this.onKey}
        @scroll=${list.onScroll}
        style="--qys-org-picker-row-height:${c.rowHeight}px"
      >
        <div class="spacer" role="none" style="block-size:${range.totalHeight}px">
          ${list.indices.map((i) => renderRow(ctx, tab, tree, i, i === v.active))}
        </div>
      </div>
      ${tree.hasErrors ? renderRetry(c.t('someFailed'), c.t('retry'), () => void tree.retry()) : nothing}
      ${
        tab === 'recent' && activeNode
          ? html`<button part="recent-remove" type="button" @click=${() => this.removeRecent(activeNode)}>
              ${c.t('recent.remove')}
            </button>`
          : nothing
      }
      <p part="current">${current}</p>`;
  }
}
