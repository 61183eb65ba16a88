/**
 * A windowed list with a fixed row height, an active item and WAI-ARIA keyboard navigation, as a Lit
 * ReactiveController. The element renders `indices` (the items in the window, plus the active one so
 * `aria-activedescendant` always resolves), binds `onScroll` to its scroller's `scroll` event and passes
 * key events to `handleKey`; the controller keeps the scroll position, measures the viewport
 * (ResizeObserver, and at each scroll event, where layout is clean), scrolls the active item into view
 * and tells the element when the window moves (`onRangeChange`: load those pages, prefetch around them).
 *
 * A grid is the same list with `columns` items per row: ↑/↓ move by a row, ←/→ by one item (when
 * `columns > 1`; a one-column list leaves ←/→ to the element, a tree uses them to collapse / expand).
 *
 * The position lives in a `state` object that the element may swap (one list showing several data sets,
 * e.g. tabs, each keeping its own active item and scroll position).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { computeWindow, scrollIntoViewTop } from '../core/window.js';

export interface VirtualListState {
  /** The active item (keyboard focus within the list). */
  active: number;
  /** Scroll position of the scroller, px. */
  scrollTop: number;
}

export interface VirtualRange {
  /** First rendered item (inclusive). */
  start: number;
  /** Last rendered item (exclusive). */
  end: number;
  /** First item (partly) in the viewport. */
  visibleStart: number;
  /** After the last item (partly) in the viewport. */
  visibleEnd: number;
  /** Height of the whole list, px (for the scroll spacer). */
  totalHeight: number;
}

export interface VirtualListOptions {
  /** Number of items. */
  count: () => number;
  /** Row height, px (a number or read at each use). */
  rowHeight: number | (() => number);
  /** Items per row (a grid); default 1. */
  columns?: () => number;
  /** Extra rows rendered above and below the viewport (default 4). */
  overscan?: number;
  /** The scrolling element, when rendered (read after each update). */
  scroller: () => HTMLElement | null | undefined;
  /** Viewport height until measured, px (default 320). */
  viewportHeight?: number;
  /** The rendered window changed (scroll, resize, count): load what it shows, prefetch around it. */
  onRangeChange?: (range: VirtualRange) => void;
  /** The active item changed (keyboard, `setActive`). */
  onActiveChange?: (index: number) => void;
}

/** Keys `handleKey` acts on. */
export const NAV_KEYS: ReadonlySet<string> = new Set([
  'ArrowDown',
  'ArrowUp',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageDown',
  'PageUp',
]);

export class VirtualListController implements ReactiveController {
  /** The active item and scroll position (swap it to show another data set). */
  state: VirtualListState = { active: 0, scrollTop: 0 };
  /** Measured viewport size, px. */
  viewportHeight: number;
  viewportWidth = 0;

  private readonly host: ReactiveControllerHost;
  private readonly opts: VirtualListOptions;
  private pendingScroll: number | null = null;
  private resizeObserver: ResizeObserver | undefined;
  private observed: HTMLElement | undefined;
  private lastRange = '';

  constructor(host: ReactiveControllerHost, options: VirtualListOptions) {
    this.host = host;
    this.opts = options;
    this.viewportHeight = options.viewportHeight ?? 320;
    host.addController(this);
  }

  get rowHeight(): number {
    const h = typeof this.opts.rowHeight === 'function' ? this.opts.rowHeight() : this.opts.rowHeight;
    return h > 0 ? h : 1;
  }

  get columns(): number {
    return Math.max(1, Math.floor(this.opts.columns?.() ?? 1));
  }

  get count(): number {
    return Math.max(0, Math.floor(this.opts.count()));
  }

  /** The active item, clamped to the list (-1 when empty). */
  get active(): number {
    const n = this.count;
    return n ? Math.max(0, Math.min(n - 1, this.state.active)) : -1;
  }

  /** Rows (of `columns` items) that fit the viewport: PageUp / PageDown move by this many, less one. */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
  }

  /** The rendered window, in items. O(1). */
  get range(): VirtualRange {
    const cols = this.columns;
    const n = this.count;
    const h = this.rowHeight;
    const w = computeWindow({
      count: Math.ceil(n / cols),
      rowHeight: h,
      scrollTop: this.state.scrollTop,
      viewportHeight: this.viewportHeight,
      overscan: this.opts.overscan,
    });
    const top = Math.min(Math.max(0, this.state.scrollTop), Math.max(0, w.totalHeight - this.viewportHeight));
    const firstRow = Math.floor(top / h);
    const lastRow = Math.ceil((top + Math.max(0, this.viewportHeight)) / h);
    return {
      start: Math.min(n, w.start * cols),
      end: Math.min(n, w.end * cols),
      visibleStart: Math.min(n, firstRow * cols),
      visibleEnd: Math.min(n, lastRow * cols),
      totalHeight: w.totalHeight,
    };
  }

  /** Items to render: the window, then the active item when it is outside it. */
  get indices(): number[] {
    const { start, end } = this.range;
    const out: number[] = [];
    for (let i = start; i < end; i++) out.push(i);
    const a = this.active;
    if (a >= 0 && (a < start || a >= end)) out.push(a);
    return out;
  }

  /** Top of item `i`'s row, px (for `transform: translateY`). */
  offsetOf(i: number): number {
    return Math.floor(i / this.columns) * this.rowHeight;
  }

  /** Makes item `i` active (clamped) and, unless `scroll` is false, scrolls it into view. */
  setActive(i: number, scroll = true): void {
    const n = this.count;
    if (!n) return;
    const next = Math.max(0, Math.min(n - 1, Math.floor(i)));
    const changed = next !== this.state.active;
    this.state.active = next;
    if (scroll) this.scrollToIndex(next);
    if (changed) this.opts.onActiveChange?.(next);
    this.host.requestUpdate();
  }

  /** Scrolls the least that brings item `i` into view (applied to the scroller after the next update). */
  scrollToIndex(i: number): void {
    const row = Math.floor(i / this.columns);
    const top = scrollIntoViewTop(row, this.rowHeight, this.state.scrollTop, this.viewportHeight);
    if (top === null) return;
    this.state.scrollTop = top;
    this.pendingScroll = top;
    this.reportRange();
    this.host.requestUpdate();
  }

  /** The item a navigation key moves to, or undefined when the key is not one (or does nothing here). */
  targetOf(key: string): number | undefined {
    const n = this.count;
    if (!n) return undefined;
    const cols = this.columns;
    const a = this.active;
    switch (key) {
      case 'ArrowDown':
        return a + cols < n ? a + cols : cols > 1 ? a : n - 1;
      case 'ArrowUp':
        return a - cols >= 0 ? a - cols : cols > 1 ? a : 0;
      case 'ArrowRight':
        return cols > 1 ? Math.min(n - 1, a + 1) : undefined;
      case 'ArrowLeft':
        return cols > 1 ? Math.max(0, a - 1) : undefined;
      case 'Home':
        return 0;
      case 'End':
        return n - 1;
      case 'PageDown':
        return Math.min(n - 1, a + this.pageRows * cols);
      case 'PageUp':
        return Math.max(0, a - this.pageRows * cols);
      default:
        return undefined;
    }
  }

  /**
   * ↑/↓, Home/End, PageUp/PageDown (and ←/→ in a grid): moves the active item, scrolls it into view and
   * prevents the default. Returns whether the key was handled (other keys are left to the element).
   */
  handleKey(e: KeyboardEvent): boolean {
    if (!NAV_KEYS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return false;
    const next = this.targetOf(e.key);
    if (next === undefined) return false;
    e.preventDefault();
    this.setActive(next);
    return true;
  }

  /** Bind to the scroller's `scroll` event. */
  readonly onScroll = (e: Event): void => {
    const el = e.currentTarget instanceof HTMLElement ? e.currentTarget : (e.target as HTMLElement);
    this.state.scrollTop = el.scrollTop;
    // Layout is clean during a scroll event: a free moment to catch a resize the observer missed
    // (ResizeObserver does not run in background tabs).
    if (el.clientHeight > 0) this.viewportHeight = el.clientHeight;
    if (el.clientWidth > 0) this.viewportWidth = el.clientWidth;
    // Report before the update so the element can start loading the new window's pages now: with a
    // fast host they arrive before the update renders, and the frame shows loaded rows.
    this.reportRange();
    this.host.requestUpdate();
  };

  /** Calls `onRangeChange` when the window differs from the last one reported. */
  reportRange(force = false): void {
    if (!this.opts.onRangeChange) return;
    const r = this.range;
    const key = `${r.start},${r.end},${r.visibleStart},${r.visibleEnd}`;
    if (!force && key === this.lastRange) return;
    this.lastRange = key;
    this.opts.onRangeChange(r);
  }

  /** Forgets the last reported window (e.g. the data set changed): the next check reports again. */
  resetRange(): void {
    this.lastRange = '';
  }

  hostUpdated(): void {
    const el = this.opts.scroller() ?? undefined;
    // The scroller is replaced when a list re-renders from scratch: observe whichever one is there.
    if (el !== this.observed) {
      if (this.observed) this.resizeObserver?.unobserve(this.observed);
      this.observed = el;
      if (el && typeof ResizeObserver !== 'undefined') {
        this.resizeObserver ??= new ResizeObserver(() => this.measure());
        this.resizeObserver.observe(el);
      }
      // A new scroller starts where the state says.
      if (el && this.pendingScroll === null && this.state.scrollTop)
        this.pendingScroll = this.state.scrollTop;
    }
    if (el && this.pendingScroll !== null) {
      el.scrollTop = this.pendingScroll;
      this.pendingScroll = null;
    }
    this.reportRange();
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = undefined;
  }

  /**
   * A resize observed: re-render only when that changes what is rendered (the rendered window; for a grid, whose
   * columns may follow the width, any width change). The first observation of every list comes inside its first
   * frame, so an update it did not need would render and lay the list out twice before that frame is painted.
   */
  private measure(): void {
    const el = this.observed;
    if (!el) return;
    const h = el.clientHeight;
    const w = el.clientWidth;
    const before = this.range;
    let widthChanged = false;
    if (h > 0) this.viewportHeight = h;
    if (w > 0 && w !== this.viewportWidth) {
      this.viewportWidth = w;
      widthChanged = true;
    }
    const after = this.range;
    if ((widthChanged && this.opts.columns) || before.start !== after.start || before.end !== after.end)
      this.host.requestUpdate();
    else this.reportRange();
  }
}
