/**
 * Fixed-row-height list windowing: which rows of a long list are in the DOM for a given scroll
 * position. Pure arithmetic, O(1) per call, so scrolling through 100,000 rows costs the same as 100.
 */
export interface WindowInput {
  /** Total rows in the list. */
  count: number;
  /** Height of one row in px (> 0). */
  rowHeight: number;
  scrollTop: number;
  /** Height of the visible viewport in px. */
  viewportHeight: number;
  /** Extra rows rendered above and below the viewport (default 4). */
  overscan?: number;
}

export interface WindowRange {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
  /** translateY of the first rendered row, px. */
  offset: number;
  /** Height of the whole list, px (for the scroll spacer). */
  totalHeight: number;
}

export function computeWindow({
  count,
  rowHeight,
  scrollTop,
  viewportHeight,
  overscan = 4,
}: WindowInput): WindowRange {
  const h = rowHeight > 0 ? rowHeight : 1;
  const n = Math.max(0, Math.floor(count));
  const totalHeight = n * h;
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, totalHeight - viewportHeight));
  const first = Math.floor(top / h);
  const visible = Math.ceil(Math.max(0, viewportHeight) / h) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(n, first + visible + overscan);
  return { start, end: Math.max(start, end), offset: start * h, totalHeight };
}

/** The scrollTop that brings row `index` into view (minimal scroll), or null when it already is. */
export function scrollIntoViewTop(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return rowBottom - viewportHeight;
  return null;
}
