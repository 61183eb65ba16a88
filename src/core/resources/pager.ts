import { isAbortError } from '../../api/errors.js';
import type { Page, Resource } from '../../api/schemas.js';

export type PageFetcher = (offset: number, limit: number, signal: AbortSignal) => Promise<Page<Resource>>;

/**
 * A sparse, page-by-page cache of one query's results (no DOM). The list asks for the rows it is
 * about to show (`ensure`); missing pages are fetched once each. A new query (`reset`) aborts every
 * request of the previous one, so a slow old answer can never overwrite a newer list.
 *
 * With `keep`, a new query leaves the previous results on show (`stale`) until its first page
 * answers, so the list does not flash empty on every keystroke.
 */
export class ResourcePager<K = unknown> {
  /** Loaded items by index (holes: not loaded yet). */
  items: (Resource | undefined)[] = [];
  /** Total matching items; null until the first page answers. */
  total: number | null = null;
  /** The last failure of this query (cleared by `retry`). */
  error: unknown = null;
  /** The key of the query whose results are on show. */
  key: K | undefined;
  /** The shown results belong to the previous query; the new one's first page is on its way. */
  stale = false;

  private nextKey: K | undefined;
  private fetcher: PageFetcher | undefined;
  private controller = new AbortController();
  private readonly pending = new Set<number>();
  private readonly failed = new Set<number>();
  private readonly loaded = new Set<number>();
  private lastRange: [number, number] = [0, 1];

  constructor(
    private readonly onChange: () => void,
    readonly pageSize = 100,
  ) {}

  /** True while a page of the current query is being fetched. */
  get loading(): boolean {
    return this.pending.size > 0;
  }

  /** Starts a new query (aborting the previous one's requests) and fetches its first page. */
  reset(fetcher: PageFetcher | undefined, key?: K, keep = false): void {
    this.controller.abort(new DOMException('superseded', 'AbortError'));
    this.controller = new AbortController();
    this.fetcher = fetcher;
    this.nextKey = key;
    this.stale = keep && this.total !== null && !!fetcher;
    if (!this.stale) this.clear();
    this.error = null;
    this.pending.clear();
    this.failed.clear();
    this.loaded.clear();
    this.lastRange = [0, 1];
    if (fetcher) this.ensure(0, 1);
  }

  private clear(): void {
    this.items = [];
    this.total = null;
    this.key = this.nextKey;
    this.stale = false;
  }

  /** Aborts everything in flight (the dialog closed). */
  abort(): void {
    this.controller.abort(new DOMException('closed', 'AbortError'));
    this.controller = new AbortController();
    this.pending.clear();
  }

  /** Makes sure the items in [start, end) are loaded or loading. */
  ensure(start: number, end: number): void {
    this.lastRange = [start, end];
    if (!this.fetcher) return;
    if (this.stale) {
      // The indexes are the old query's: only the new query's first page is wanted now.
      if (!this.pending.has(0) && !this.failed.has(0)) void this.load(0);
      return;
    }
    const last = this.total === null ? start : Math.min(end, this.total);
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const stop = Math.floor(Math.max(start, last - 1) / this.pageSize);
    for (let p = first; p <= stop; p++) {
      if (this.pending.has(p) || this.failed.has(p) || this.loaded.has(p)) continue;
      void this.load(p);
    }
  }

  /** Fetches again the pages that failed (and the visible range). */
  retry(): void {
    this.error = null;
    this.failed.clear();
    if (this.total === null) this.ensure(0, 1);
    this.ensure(...this.lastRange);
    this.onChange();
  }

  private async load(p: number): Promise<void> {
    const fetcher = this.fetcher!;
    const { signal } = this.controller;
    this.pending.add(p);
    try {
      const page = await fetcher(p * this.pageSize, this.pageSize, signal);
      if (signal.aborted) return;
      if (this.stale) this.clear();
      this.total = page.total;
      page.items.forEach((item, i) => (this.items[page.offset + i] = item));
      this.loaded.add(p);
      this.error = null;
    } catch (e) {
      if (signal.aborted || isAbortError(e)) return;
      if (this.stale) this.clear();
      this.error = e;
      this.failed.add(p);
    } finally {
      if (!signal.aborted) {
        this.pending.delete(p);
        this.onChange();
        // Rows scrolled into view while this page loaded may need the next one.
        if (!this.error) this.ensure(...this.lastRange);
      }
    }
  }
}
