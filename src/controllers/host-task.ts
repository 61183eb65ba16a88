/**
 * One call to the host at a time, as a Lit ReactiveController: "call the host, track loading / error,
 * abort, retry, ignore stale answers". Each `run()` aborts the previous call of this task and hands the
 * new one an AbortSignal; an answer that arrives after a newer `run()`, an `abort()`, a change of the
 * host in force or a disconnect is dropped (never applied, never reported). The element reads `status`,
 * `value` and `error` in `render()` (each change requests an update) and offers `retry()` next to an
 * error.
 *
 * The host in force is the element's `effectiveHost` (its `host` property or the one from context):
 * the controller notices a change of it in `hostUpdate()`, the one place an element needs to, aborts the
 * call in flight and calls `onHostChange`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QysHost } from '../api/host.js';
import { isAbortError } from '../api/errors.js';

export type HostTaskStatus = 'idle' | 'loading' | 'done' | 'error';

/** The element side: a Lit element that knows the host in force (every QysElement does). */
export interface HostTaskElement extends ReactiveControllerHost {
  readonly effectiveHost: QysHost | undefined;
}

export interface HostTaskContext {
  /** The host in force when the call started. */
  host: QysHost;
  /** Aborted when this call is superseded, aborted, the host changes or the element disconnects. */
  signal: AbortSignal;
}

export interface HostTaskOptions<A extends unknown[], R> {
  /** The call. Its promise may reject with the signal's reason once aborted: that is not an error. */
  task: (args: A, ctx: HostTaskContext) => Promise<R>;
  /** The answer of the latest call (not superseded, not aborted), before the element updates. */
  onValue?: (value: R, args: A) => void;
  /** The failure of the latest call, before the element updates. */
  onError?: (error: unknown, args: A) => void;
  /** The host in force changed (after the call in flight, if any, was aborted). */
  onHostChange?: () => void;
}

export class HostTask<A extends unknown[] = [], R = unknown> implements ReactiveController {
  /** `idle` (not run, or aborted), `loading`, `done` (value set) or `error` (error set). */
  status: HostTaskStatus = 'idle';
  /** The answer of the last completed call. */
  value: R | undefined;
  /** The failure of the last call (`null` unless `status` is `error`). */
  error: unknown = null;

  private readonly el: HostTaskElement;
  private readonly opts: HostTaskOptions<A, R>;
  private controller: AbortController | undefined;
  private lastArgs: A | undefined;
  private boundHost: QysHost | undefined;

  constructor(el: HostTaskElement, options: HostTaskOptions<A, R>) {
    this.el = el;
    this.opts = options;
    el.addController(this);
  }

  get loading(): boolean {
    return this.status === 'loading';
  }

  /** The signal of the call in flight (undefined when none). */
  get signal(): AbortSignal | undefined {
    return this.controller?.signal;
  }

  /**
   * Starts the call with `args`, aborting the previous one. Resolves with the value, or `undefined` when
   * there is no host, the call failed (see `error`) or it was superseded / aborted. Never rejects.
   */
  run(...args: A): Promise<R | undefined> {
    this.abort('superseded');
    this.lastArgs = args;
    const host = this.el.effectiveHost;
    this.boundHost = host;
    if (!host) return Promise.resolve(undefined);
    const ctrl = (this.controller = new AbortController());
    this.status = 'loading';
    this.error = null;
    this.el.requestUpdate();
    let call: Promise<R>;
    try {
      call = this.opts.task(args, { host, signal: ctrl.signal });
    } catch (e) {
      call = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    const current = () => !ctrl.signal.aborted && this.controller === ctrl;
    return call.then(
      (value) => {
        if (!current()) return undefined;
        this.controller = undefined;
        this.status = 'done';
        this.value = value;
        this.opts.onValue?.(value, args);
        this.el.requestUpdate();
        return value;
      },
      (e: unknown) => {
        if (!current()) return undefined;
        this.controller = undefined;
        if (isAbortError(e)) {
          // The host gave up by itself (its own timeout signal): nothing to show, nothing applied.
          this.status = 'idle';
        } else {
          this.status = 'error';
          this.error = e;
          this.opts.onError?.(e, args);
        }
        this.el.requestUpdate();
        return undefined;
      },
    );
  }

  /** Runs the last call again (the retry button next to an error). */
  retry(): Promise<R | undefined> {
    return this.lastArgs ? this.run(...this.lastArgs) : Promise.resolve(undefined);
  }

  /** Aborts the call in flight, if any (its answer is dropped); `status` goes back to `idle`. */
  abort(reason = 'aborted'): void {
    const ctrl = this.controller;
    if (!ctrl) return;
    this.controller = undefined;
    ctrl.abort(new DOMException(reason, 'AbortError'));
    if (this.status === 'loading') {
      this.status = 'idle';
      this.el.requestUpdate();
    }
  }

  /** Aborts and forgets: no value, no error, `idle`. */
  reset(): void {
    this.abort('reset');
    this.status = 'idle';
    this.value = undefined;
    this.error = null;
    this.lastArgs = undefined;
  }

  hostConnected(): void {
    this.boundHost = this.el.effectiveHost;
  }

  hostUpdate(): void {
    const host = this.el.effectiveHost;
    if (host === this.boundHost) return;
    this.boundHost = host;
    this.abort('host changed');
    this.opts.onHostChange?.();
  }

  hostDisconnected(): void {
    this.abort('disconnected');
  }
}
