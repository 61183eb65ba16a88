/**
 * The windowed org tree's data side: a per-parent page cache and a flat index of the visible rows
 * (the Vaadin data-provider pattern). No DOM.
 *
 * - `lists`: for each parent (a unit key, or `ROOT`), the child count once known and a sparse array of
 *   the children loaded so far, page by page. A row that is not loaded yet is a placeholder; rendering
 *   it asks for its page (`ensureRange`).
 * - `rows`: the flat list of visible rows in display order. A row points at (parent list, index), so a
 *   page arriving fills rows in place without rebuilding; expanding or collapsing splices one segment.
 *   Cost is O(rows in the segment), never O(org size).
 * - The root list comes from a loader: the org's root 分部 (tree tab) or the results of a search.
 */
import type { OrgNode, OrgRef, Page } from '../../api/schemas.js';

export const ROOT = '';

export type PageLoader = (
  parent: OrgRef | null,
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<Page<OrgNode>>;

export interface ChildList {
  /** Number of children, once the first page arrived. */
  total: number | undefined;
  /** Loaded children, sparse. */
  items: (OrgNode | undefined)[];
  loading: Set<number>;
  /** Pages whose load failed (retry clears them). */
  failed: Map<number, unknown>;
}

export interface TreeRow {
  /** Key of the parent list (`ROOT` for top level). */
  readonly parent: string;
  /** Position among the parent's children. */
  readonly index: number;
  /** 1-based depth (aria-level). */
  readonly level: number;
}

export const nodeKey = (n: OrgRef): string => `${n.type}:${n.id}`;

export interface OrgTreeOptions {
  /** Children of a unit. */
  children: PageLoader;
  /** The top-level list (default: `children(null, …)`). */
  root?: PageLoader;
  pageSize?: number;
  /** Called after any change to rows or loaded data. */
  onChange?: () => void;
  /** Called with each loaded node (lets the selection learn paths). */
  onNodes?: (nodes: OrgNode[]) => void;
}

export class OrgTree {
  readonly lists = new Map<string, ChildList>();
  readonly expanded = new Set<string>();
  rows: TreeRow[] = [];
  private readonly opts: OrgTreeOptions;
  private readonly pageSize: number;
  private readonly controllers = new Set<AbortController>();
  private disposed = false;

  constructor(opts: OrgTreeOptions) {
    this.opts = opts;
    this.pageSize = opts.pageSize ?? 100;
  }

  /** The last start()'s first page: resolves when it settled (never rejects). */
  started: Promise<void> | undefined;

  /** Starts loading the top level. Resolves when the first page settled (never rejects). */
  start(): Promise<void> {
    this.rows = [];
    this.lists.set(ROOT, newList());
    this.rows = this.segment(ROOT, 1);
    return (this.started = this.loadPage(ROOT, 0));
  }

  /** Aborts every request in flight. */
  dispose(): void {
    this.disposed = true;
    for (const c of this.controllers) c.abort(new DOMException('closed', 'AbortError'));
    this.controllers.clear();
  }

  get rootList(): ChildList | undefined {
    return this.lists.get(ROOT);
  }

  /** The node shown by a row (undefined: not loaded yet). */
  nodeAt(row: TreeRow): OrgNode | undefined {
    return this.lists.get(row.parent)?.items[row.index];
  }

  /** Size of the row's sibling set (aria-setsize). */
  setSize(row: TreeRow): number {
    const l = this.lists.get(row.parent);
    return l?.total ?? Math.max(1, l?.items.length ?? 1);
  }

  /** Whether a row is a placeholder whose page failed to load. */
  failedAt(row: TreeRow): unknown {
    const l = this.lists.get(row.parent);
    return l?.failed.get(Math.floor(row.index / this.pageSize));
  }

  isExpanded(key: string): boolean {
    return this.expanded.has(key);
  }

  /** Rows under a parent, with expanded descendants (recursively). */
  private segment(parent: string, level: number): TreeRow[] {
    const out: TreeRow[] = [];
    const list = this.lists.get(parent);
    // Children not counted yet: one placeholder row (shows loading / error).
    const n = list?.total ?? 1;
    for (let i = 0; i < n; i++) {
      out.push({ parent, index: i, level });
      const node = list?.items[i];
      if (node && node.type !== 'person' && this.expanded.has(nodeKey(node))) {
        const sub = this.segment(nodeKey(node), level + 1);
        for (const r of sub) out.push(r);
      }
    }
    return out;
  }

  /** Index of the row showing unit `key` (first occurrence), or -1. */
  indexOfKey(key: string): number {
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i]!;
      const n = this.nodeAt(r);
      if (n && nodeKey(n) === key) return i;
    }
    return -1;
  }

  /** Number of rows after `i` that belong to its subtree. */
  private subtreeLength(i: number): number {
    const level = this.rows[i]!.level;
    let j = i + 1;
    while (j < this.rows.length && this.rows[j]!.level > level) j++;
    return j - i - 1;
  }

  /** Expands the unit at row `i` (loads its first page when needed). */
  expand(i: number): Promise<void> {
    const row = this.rows[i];
    const node = row && this.nodeAt(row);
    if (!node || node.type === 'person' || !node.hasChildren) return Promise.resolve();
    const key = nodeKey(node);
    if (this.expanded.has(key)) return Promise.resolve();
    this.expanded.add(key);
    if (!this.lists.has(key)) this.lists.set(key, newList());
    this.relayout(key);
    this.changed();
    const list = this.lists.get(key)!;
    if (list.total === undefined && !list.loading.has(0)) return this.loadPage(key, 0);
    return Promise.resolve();
  }

  collapse(i: number): void {
    const row = this.rows[i];
    const node = row && this.nodeAt(row);
    if (!node) return;
    const key = nodeKey(node);
    if (!this.expanded.delete(key)) return;
    this.relayout(key);
    this.changed();
  }

  private splice(at: number, remove: number, insert: TreeRow[]): void {
    // Array#splice with spread is limited by argument count; build a new array for big inserts.
    if (insert.length < 10_000) this.rows.splice(at, remove, ...insert);
    else this.rows = [...this.rows.slice(0, at), ...insert, ...this.rows.slice(at + remove)];
  }

  /** Loads every page that has a placeholder in rows [start, end). */
  ensureRange(start: number, end: number): void {
    const wanted = new Set<string>();
    for (let i = Math.max(0, start); i < Math.min(end, this.rows.length); i++) {
      const r = this.rows[i]!;
      const list = this.lists.get(r.parent);
      if (!list || list.total === undefined || list.items[r.index]) continue;
      const page = Math.floor(r.index / this.pageSize);
      if (list.loading.has(page) || list.failed.has(page)) continue;
      wanted.add(`${page}\u0000${r.parent}`);
    }
    for (const w of wanted) {
      const [page, parent] = w.split('\u0000') as [string, string];
      void this.loadPage(parent, Number(page));
    }
  }

  /** Retries every failed page (and first pages that failed). */
  retry(): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const [key, list] of this.lists) {
      for (const page of [...list.failed.keys()]) {
        list.failed.delete(page);
        waits.push(this.loadPage(key, page));
      }
    }
    this.changed();
    return Promise.all(waits).then(() => undefined);
  }

  /** True when some page failed to load. */
  get hasErrors(): boolean {
    for (const l of this.lists.values()) if (l.failed.size) return true;
    return false;
  }

  private refOf(key: string): OrgRef | null {
    if (key === ROOT) return null;
    const i = key.indexOf(':');
    return { type: key.slice(0, i) as OrgRef['type'], id: key.slice(i + 1) };
  }

  private async loadPage(key: string, page: number): Promise<void> {
    const list = this.lists.get(key);
    if (!list || this.disposed) return;
    list.loading.add(page);
    list.failed.delete(page);
    const ctrl = new AbortController();
    this.controllers.add(ctrl);
    const offset = page * this.pageSize;
    const loader = key === ROOT && this.opts.root ? this.opts.root : this.opts.children;
    try {
      const result = await loader(this.refOf(key), offset, this.pageSize, ctrl.signal);
      if (this.lists.get(key) !== list) return; // replaced (a new search)
      const firstCount = list.total === undefined;
      list.total = result.total;
      if (list.items.length < result.total) list.items.length = result.total;
      result.items.forEach((n, j) => (list.items[result.offset + j] = n));
      this.opts.onNodes?.(result.items);
      if (firstCount) this.recount(key);
    } catch (err) {
      if (ctrl.signal.aborted) return;
      list.failed.set(page, err);
    } finally {
      list.loading.delete(page);
      this.controllers.delete(ctrl);
      if (!this.disposed) this.changed();
    }
  }

  /** The child count of `key` became known: replace its one placeholder by the real segment. */
  private recount(key: string): void {
    if (key === ROOT) {
      this.rows = this.segment(ROOT, 1);
      return;
    }
    if (this.expanded.has(key)) this.relayout(key);
  }

  /**
   * Lays out the rows under every row showing unit `key`, as its expanded state says. A unit can show
   * more than once (search results: a match and, under an expanded parent match, again), and the
   * expanded state is per unit, so all of them change together.
   */
  private relayout(key: string): void {
    const open = this.expanded.has(key);
    // Bottom-up: splicing under row i leaves the rows above it where they are.
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const n = this.nodeAt(this.rows[i]!);
      if (!n || nodeKey(n) !== key) continue;
      this.splice(i + 1, this.subtreeLength(i), open ? this.segment(key, this.rows[i]!.level + 1) : []);
    }
  }

  private changed(): void {
    this.opts.onChange?.();
  }
}

function newList(): ChildList {
  return { total: undefined, items: [], loading: new Set(), failed: new Map() };
}
