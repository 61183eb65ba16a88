// The reachability probe of the blank-frame diagnosis (diagnose.ts). A module of its own: the signing frame runs it
// only once a session's page is in the frame, so it comes with the run's on-demand message handling
// (run-messages.ts), not in the element's entry.

/**
 * Probes whether this browser reaches the signing platform: a `no-cors` HEAD to `url` — the signing
 * address of the binding or the platform's origin, never the session URL (its ticket is single use) —
 * with no credentials and no referrer. Resolves `ok` on any HTTP answer, `failed` on a network error
 * or after `timeoutMs`.
 */
export async function probeReachable(
  url: string,
  timeoutMs = 2500,
  signal?: AbortSignal,
): Promise<'ok' | 'failed'> {
  // An own controller and timer rather than AbortSignal.any([signal, AbortSignal.timeout()]): WebKit
  // can collect the timeout signal held only by the combined one, and the probe then never ends.
  const ctl = new AbortController();
  const timer = setTimeout(
    () => ctl.abort(new DOMException('The probe timed out', 'TimeoutError')),
    timeoutMs,
  );
  const onAbort = () => ctl.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await fetch(url, {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: ctl.signal,
    });
    return 'ok';
  } catch (e) {
    if (signal?.aborted) throw e;
    return 'failed';
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
