/** Expiry scheduling for session URLs (which are never kept beyond their `expiresAt`). */

/** setTimeout's largest delay; longer waits are chained. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Calls `fn` once when `expiresAt` (ms since epoch) is reached, `skewMs` early (to not hand the
 * platform a URL at the edge of its life). Returns a cancel function.
 */
export function scheduleExpiry(
  expiresAt: number,
  fn: () => void,
  skewMs = 0,
  now: () => number = Date.now,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    const left = expiresAt - skewMs - now();
    if (left <= 0) {
      timer = undefined;
      fn();
    } else timer = setTimeout(arm, Math.min(left, MAX_DELAY));
  };
  arm();
  return () => clearTimeout(timer);
}

/**
 * Parses an ISO date-time into ms since epoch. Never throws: an unparsable value (a non-string
 * included) counts as already expired.
 */
export function expiryTime(iso: string): number {
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? 0 : t;
}
