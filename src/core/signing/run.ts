/**
 * The signing run of `<qys-signing-frame>` as a DOM-free state machine: where a run is (idle → preparing →
 * loading → ready, or popup; then signed, declined, cancelled, blocked or error), why it is blocked, the note
 * to show, the frame's URL, and what ends it. The element drives it: it feeds the inputs (a session URL, the
 * frame's load, the reachability probe, a CSP violation, a return-page message, a platform marker, the link's
 * expiry, the popup closing) and does the side effects the hooks ask for (events, stopping timers and requests,
 * renewing the session, confirming the contract state with the host). Timers are the element's: a timeout is
 * an input here (`urlExpired`, `popupClosed`). Messages (return page, platform markers) go through
 * `handleMessage` (run-messages.ts), an on-demand chunk the element loads ahead of the first session.
 */
import type { SigningBlockedCause, SigningOutcome } from '../../api/events.js';
import { BridgeGate } from './bridge.js';
import { diagnose, type BlankFrameSignals } from './diagnose.js';

export type SigningFrameState =
  | 'idle'
  | 'preparing'
  | 'loading'
  | 'ready'
  | 'popup'
  | 'signed'
  | 'declined'
  | 'cancelled'
  | 'expired'
  | 'blocked'
  | 'error';

export type SigningDisplay = 'frame' | 'popup';

/** What the status line or the problem panel says: a message key of the element's catalogue and its params. */
export interface SigningNote {
  key: string;
  params?: Record<string, string | number>;
  hint?: string;
  origin?: string;
}

/** The decided signing zone (see the element's `target`). */
export interface SigningTargetInfo {
  zone: 'internal' | 'external';
  url: string;
  serviceId: string;
}

/** The events a run tells (the element dispatches them as `qys-*` CustomEvents). */
export interface SigningRunEvents {
  'qys-ready': { zone: 'internal' | 'external'; url: string };
  'qys-signed': { contractId?: string; confirmed?: string };
  'qys-declined': { contractId?: string; confirmed?: string };
  'qys-cancelled': { contractId?: string };
  'qys-expired': { contractId?: string };
  'qys-error': { error: Error; code: string };
  'qys-blocked': { cause: SigningBlockedCause; message: string; origin: string };
}

export interface SigningRunHooks {
  emit<K extends keyof SigningRunEvents>(name: K, detail: SigningRunEvents[K]): void;
  /** Something shown changed (state, cause, note, frame URL, target). */
  changed(): void;
  /** Ends the side effects of the run that stops: its requests, timers and (unless `keepPopup`) its popup. */
  stopEffects(keepPopup: boolean): void;
  /** Starts a new session for the same display (a renewal: the report counters are kept). */
  renew(display: SigningDisplay): Promise<void>;
  /** The host's state of the contract (undefined when it cannot tell). */
  confirm(contractId: string, serviceId: string | undefined): Promise<string | undefined>;
  /** The blocked cause's message in the element's language (it goes into the qys-blocked event). */
  causeText(cause: SigningBlockedCause, origin: string): string;
  /** The page's URL (mixed content and the page's frame-src apply to a frame only). */
  pageUrl(): string;
}

/** A `message` event's parts the run looks at. */
export type SigningMessage = { data: unknown; origin: string; source: unknown };

/** The origin of a URL, or '' when it is not one. */
export const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

const FINAL = ['signed', 'declined', 'cancelled'];

export class SigningRun {
  /** Accepts return-page messages: origin, source, nonce, once (`messageStats` counts the rest). */
  readonly gate = new BridgeGate();
  /** The generation: every stop begins a new one, and an answer for an older generation is dropped. */
  run = 0;
  display: SigningDisplay = 'frame';
  /** The frame fired `load` for the session URL. */
  loaded = false;
  probe: 'pending' | 'ok' | 'failed' = 'pending';
  expiredReports = 0;
  loginReports = 0;
  /** The session URL until it is spent or expires. */
  sessionUrl: string | undefined;
  platformOrigin = '';
  gateNonce = '';
  gateOrigin = '';
  sessionContractId: string | undefined;
  private outcome: Promise<SigningOutcome> | undefined;
  /** Settles this run's `result` (a newer run replaces it). */
  settle: ((o: SigningOutcome) => void) | undefined;
  /** What is shown: each set to a new value calls `hooks.changed()` (accessors defined below the class). */
  private readonly v: Record<string, unknown> = { state: 'idle' };
  declare state: SigningFrameState;
  declare cause: SigningBlockedCause | undefined;
  declare note: SigningNote | undefined;
  /** The URL the frame shows (undefined: no frame). */
  declare src: string | undefined;
  declare target: SigningTargetInfo | undefined;

  constructor(readonly hooks: SigningRunHooks) {}

  /** Settles once per run with its outcome (see the element's `result`). */
  get result(): Promise<SigningOutcome> {
    return (this.outcome ??= new Promise((r) => (this.settle = r)));
  }

  isFinal(): boolean {
    return FINAL.includes(this.state);
  }

  /** Ends the current run's side effects and begins a new generation; the frame goes. */
  stop(keepPopup = false): void {
    this.run++;
    this.hooks.stopEffects(keepPopup);
    this.src = undefined;
    this.sessionUrl = undefined;
    this.loaded = false;
  }

  /**
   * The start of `open()` / `openInWindow()` / a renewal: stops what runs, starts a new `result` after a final
   * state, and clears the cause and note. The platform is probed again on every run.
   */
  reset(display: SigningDisplay, renewal: boolean): void {
    this.stop(display === 'popup');
    if (!renewal) this.expiredReports = this.loginReports = 0;
    if (this.isFinal()) this.outcome = undefined; // a new run
    void this.result;
    this.display = display;
    this.cause = undefined;
    this.note = undefined;
    this.probe = 'pending';
  }

  /** A new generation for the session about to be asked for: `preparing`. Returns the generation. */
  begin(): number {
    const run = ++this.run;
    this.state = 'preparing';
    return run;
  }

  /** The session to show: the gate expects its return origin and nonce (the source once the frame exists). */
  accept(url: string, returnOrigin: string, nonce: string, contractId: string | undefined): void {
    this.platformOrigin = originOf(url);
    this.sessionUrl = url;
    this.loaded = false;
    this.probe = 'pending';
    this.gate.expect({ origin: returnOrigin, source: null, nonce });
    this.gateNonce = nonce;
    this.gateOrigin = returnOrigin;
    this.sessionContractId = contractId;
  }

  /** Messages must come from this window (the frame's WindowProxy, or the popup). */
  expectSource(source: unknown): void {
    this.gate.expect({ origin: this.gateOrigin, source: source as Window | null, nonce: this.gateNonce });
  }

  fail(key: string, params?: Record<string, string | number>): void {
    this.state = 'error';
    this.note = { key, ...(params ? { params } : {}) };
  }

  /** The host failed (`code` from the error: `binding` is a configuration problem). */
  hostFailed(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string } | null)?.code ?? 'unknown';
    if (code === 'binding') this.fail('badBinding');
    else this.fail('hostError', { message });
    this.hooks.emit('qys-error', { error: e instanceof Error ? e : new Error(message), code });
  }

  /** Runs the decision table with what is known now; shows and tells the cause, if any. */
  blockIf(s: Partial<BlankFrameSignals> & { targetUrl: string }): boolean {
    // A popup is a top-level window: neither mixed content nor this page's frame-src applies.
    const pageUrl = this.display === 'frame' ? this.hooks.pageUrl() : '';
    const cause = diagnose({ pageUrl, probe: this.probe, ...s });
    if (cause) this.block(cause, cause === 'csp' ? this.platformOrigin : originOf(s.targetUrl));
    return !!cause;
  }

  /** `name`: the origin the message names (platform for CSP / unreachable, this page for the whitelist). */
  block(cause: SigningBlockedCause, name: string): void {
    this.stop();
    this.state = 'blocked';
    this.cause = cause;
    this.note = { key: `cause.${cause}`, hint: `hint.${cause}`, params: { origin: name }, origin: name };
    this.hooks.emit('qys-blocked', { cause, message: this.hooks.causeText(cause, name), origin: name });
  }

  /** The frame's `load` for the session URL. */
  frameLoaded(): void {
    this.loaded = true;
  }

  /** The reachability probe of generation `run` answered. */
  probed(run: number, p: 'ok' | 'failed', probeUrl: string): void {
    if (run !== this.run) return;
    this.probe = p;
    if (!this.blockIf({ targetUrl: probeUrl })) this.maybeReady(run);
  }

  /** Ready once the frame loaded and the platform answered the probe. */
  maybeReady(run: number): void {
    if (run !== this.run || this.state !== 'loading' || !this.loaded || this.probe !== 'ok') return;
    this.state = 'ready';
    this.hooks.emit('qys-ready', { zone: this.target!.zone, url: this.target!.url || this.platformOrigin });
  }

  /**
   * Input: the session URL of generation `run` reached its expiry. Unused yet: a fresh one is asked for.
   * `contractId`: the element's, told when the session named none.
   */
  urlExpired(run: number, contractId?: string): void {
    this.sessionUrl = undefined; // never kept beyond its life
    if (run === this.run && !this.loaded && (this.state === 'preparing' || this.state === 'loading')) {
      this.hooks.emit('qys-expired', { contractId: this.sessionContractId ?? contractId });
      if (!this.blockIf({ targetUrl: this.platformOrigin, expiredReports: ++this.expiredReports }))
        void this.hooks.renew(this.display);
    }
  }

  /** Input: the popup of generation `run` was found closed. */
  popupClosed(run: number): void {
    if (run === this.run && this.state === 'popup') {
      this.stop();
      this.finish('cancelled', undefined);
    }
  }

  /** Input: a CSP violation on this page (`blockedURI`, `effectiveDirective`). */
  violation(blockedURI: string, directive: string): void {
    if (!this.platformOrigin || !blockedURI.startsWith(this.platformOrigin)) return;
    if (
      /^(frame|child|default)-src/.test(directive) &&
      (this.state === 'loading' || this.state === 'ready')
    ) {
      this.blockIf({ targetUrl: this.sessionUrl ?? this.platformOrigin, cspViolation: true });
    } else if (directive === 'connect-src') {
      this.probe = 'ok'; // our probe was refused by the page's CSP: it says nothing about the platform
      this.maybeReady(this.run);
    }
  }

  /** A final state: tells it and settles `result`. */
  finish(type: SigningOutcome['type'], contractId: string | undefined, confirmed?: string): void {
    this.state = type;
    this.src = undefined;
    this.note =
      confirmed && confirmed !== type ? { key: 'unconfirmed', params: { status: confirmed } } : undefined;
    if (type === 'signed') this.hooks.emit('qys-signed', { contractId, confirmed });
    else if (type === 'declined') this.hooks.emit('qys-declined', { contractId, confirmed });
    else this.hooks.emit('qys-cancelled', { contractId });
    void this.result;
    this.settle?.({ type, contractId, ...(confirmed ? { confirmed } : {}) });
  }

  /** `cancel()`: a live run ends as cancelled. */
  cancel(): void {
    if (this.state === 'idle' || this.isFinal()) return;
    this.stop();
    this.finish('cancelled', undefined);
  }

  /** The element left the page: the run stops; a live state goes back to idle. */
  detach(): void {
    this.stop();
    if (!this.isFinal() && this.state !== 'idle') this.state = 'idle';
  }
}

for (const k of ['state', 'cause', 'note', 'src', 'target'])
  Object.defineProperty(SigningRun.prototype, k, {
    get(this: { v: Record<string, unknown> }) {
      return this.v[k];
    },
    set(this: { v: Record<string, unknown>; hooks: SigningRunHooks }, x: unknown) {
      if (this.v[k] === x) return;
      this.v[k] = x;
      this.hooks.changed();
    },
  });
