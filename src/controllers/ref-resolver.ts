/**
 * Resolves stored references (IDs a page set as a value, or named in item rules) into what they show:
 * names, places, statuses, and which no longer exist. A ReactiveController: requests made in one task
 * are batched into one host call (microtask), each ref is asked for once (found ones are cached, missing
 * ones remembered), a newer call aborts the one in flight, and disconnecting aborts it too. The host is
 * the caller's: `load` gets the refs still unknown and a signal.
 *
 * Generic over the ref and item types (an org ref and an `OrgNode`; a resource ID and a `Resource`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RefResolverOptions<R, N> {
  /** Key of a ref. */
  refKey: (ref: R) => string;
  /** Key of a found item (the same key as its ref). */
  itemKey: (item: N) => string;
  /**
   * Asks the host for these refs; `undefined` when there is no host to ask now. Rejections are kept
   * quiet (the refs stay unknown and are asked for again at the next `request`).
   */
  load: (refs: R[], signal: AbortSignal) => Promise<{ found: N[]; missing: R[] }> | undefined;
  /** Items that arrived (from `load`); `learn` does not call it. */
  onFound?: (items: readonly N[]) => void;
}

const superseded = () => new DOMException('superseded', 'AbortError');

export class RefResolverController<R, N> implements ReactiveController {
  /** Every item seen: resolved here or learnt from elsewhere (a list page, a search). */
  readonly known = new Map<string, N>();
  /** Keys of refs the host said no longer exist (a new Set on each change). */
  missing: ReadonlySet<string> = new Set();

  private readonly host: ReactiveControllerHost;
  private readonly opts: RefResolverOptions<R, N>;
  private readonly queued = new Map<string, R>();
  /** Refs of the call in flight: a newer call that aborts it asks for them too. */
  private inflight = new Map<string, R>();
  private scheduled = false;
  private ctrl: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: RefResolverOptions<R, N>) {
    this.host = host;
    this.opts = options;
    host.addController(this);
  }

  get(key: string): N | undefined {
    return this.known.get(key);
  }

  isMissing(key: string): boolean {
    return this.missing.has(key);
  }

  /** Items seen elsewhere: cached so they are never asked for. */
  learn(items: readonly N[]): void {
    for (const n of items) this.known.set(this.opts.itemKey(n), n);
  }

  /** Forgets that a ref was missing (it was removed from the value, or may exist again). */
  forget(key: string): void {
    if (!this.missing.has(key)) return;
    const m = new Set(this.missing);
    m.delete(key);
    this.missing = m;
    this.host.requestUpdate();
  }

  /** Resolves the refs not known and not missing yet, in one batched host call. Returns at once. */
  request(refs: Iterable<R>): void {
    for (const r of refs) {
      const k = this.opts.refKey(r);
      if (!this.known.has(k) && !this.missing.has(k)) this.queued.set(k, r);
    }
    if (this.scheduled || !this.queued.size) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Aborts the call in flight (its refs are asked for again at the next `request`). */
  abort(): void {
    this.ctrl?.abort(superseded());
    this.ctrl = undefined;
    this.inflight = new Map();
  }

  hostDisconnected(): void {
    this.abort();
    this.queued.clear();
  }

  private async flush(): Promise<void> {
    const all = new Map([...this.inflight, ...this.queued]);
    this.queued.clear();
    for (const k of all.keys()) if (this.known.has(k) || this.missing.has(k)) all.delete(k);
    if (!all.size) return;
    const refs = [...all.values()];
    this.abort();
    this.inflight = all;
    const ctrl = (this.ctrl = new AbortController());
    const pending = this.opts.load(refs, ctrl.signal);
    if (!pending) {
      this.ctrl = undefined;
      this.inflight = new Map();
      return;
    }
    try {
      const res = await pending;
      if (ctrl.signal.aborted) return; // a host that ignores the signal
      this.learn(res.found);
      if (res.missing.length) {
        const m = new Set(this.missing);
        for (const r of res.missing) m.add(this.opts.refKey(r));
        this.missing = m;
      }
      this.opts.onFound?.(res.found);
      this.host.requestUpdate();
    } catch {
      // Shown as IDs meanwhile; nothing is lost. The next request tries again.
    } finally {
      if (this.ctrl === ctrl) {
        this.ctrl = undefined;
        this.inflight = new Map();
      }
    }
  }
}
