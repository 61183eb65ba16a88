import { ContextEvent } from '@lit/context';
import { ElementBase } from '../../internal/define.js';
import { hostContext } from '../../api/context.js';
import type { QysHost } from '../../api/host.js';
import type { QysEventMap, SigningBlockedCause, SigningOutcome } from '../../api/events.js';
import type { SigningPage, SigningSession } from '../../api/schemas.js';
import {
  onTranslationsChange,
  primaryLang,
  resolveLang,
  translate,
  whenLoaded,
  type Params,
} from '../../internal/localize.js';
import {
  BridgeGate,
  isPlatformMarker,
  markerCause,
  type BridgeData,
  type MessageStats,
} from '../../core/signing/bridge.js';
import { createNonce } from '../../core/signing/nonce.js';
import { diagnose, probeReachable } from '../../core/signing/diagnose.js';
import { expiryTime, scheduleExpiry } from '../../core/signing/expiry.js';
import { checkHostUrl, type HostUrlCode } from '../../core/url.js';
import { QysUnsafeUrlError } from '../../api/errors.js';
import { decideTarget, loadFraming, prefetchTarget, type DecidedTarget } from './target.js';
import { signingFrameMessages } from './signing-frame.messages.js';
import { tokensCss } from '../../internal/tokens.styles.js';
import { styles } from './signing-frame.styles.js';

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

const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads';
const PAGES = ['sign', 'view'];
/** Budget for the embed-whitelist check before the frame loads anyway (the whole diagnosis is < 3 s). */
const INSPECT_WAIT_MS = 2000;
const warned = new WeakMap<object, Set<string>>();
/** A page's value as text for a warning; never throws (BigInt, null-prototype objects, cycles). */
const describe = (x: unknown): string => {
  try {
    return typeof x === 'string' ? JSON.stringify(x) : (JSON.stringify(x) ?? String(x));
  } catch {
    return Object.prototype.toString.call(x);
  }
};
const origin = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

/** Attribute → [property, kind]: 0 text, 1 boolean, 2 JSON. */
const ATTRS: Record<string, [string, number]> = {
  lang: ['lang', 0],
  'contract-id': ['contractId', 0],
  params: ['params', 2],
  'service-id': ['serviceId', 0],
  page: ['page', 0],
  'auto-open': ['autoOpen', 1],
  'allow-camera': ['allowCamera', 1],
  'sandbox-extra': ['sandboxExtra', 0],
};
const PUBLIC = [
  'host',
  'contractId',
  'params',
  'serviceId',
  'page',
  'autoOpen',
  'allowCamera',
  'sandboxExtra',
];
let sheet: CSSStyleSheet | undefined;
/** States shown in the result or problem panel: rendered once the panel module has arrived. */
const PANEL = /^(signed|declined|cancelled|blocked|error)$/;
let panelSheet: CSSStyleSheet | undefined;
let panelLoad: Promise<void> | undefined;
/**
 * The result and problem panels (their zh-CN strings and CSS) load on demand the first time a run ends,
 * fails or is blocked: `undefined` once they are there (or could not load: then the keys' en / zh-TW
 * text or the bare key shows, unstyled, rather than nothing).
 * @internal exported for the catalogue-completeness test, which loads it as the element would.
 */
export const loadPanel = () =>
  panelSheet
    ? undefined
    : (panelLoad ??= import('./signing-frame.panel.js').then(
        (m) => {
          Object.assign(signingFrameMessages['zh-CN'], m.panelStrings);
          (panelSheet = new CSSStyleSheet()).replaceSync(m.panelCss);
        },
        (e: unknown) => {
          panelSheet = new CSSStyleSheet();
          console.warn('[qys-elements] <qys-signing-frame>: its panels did not load', e);
        },
      ));

/**
 * Embedded 契约锁 signing with SSO handoff. `open()` asks the OA (`host.signing.createSession`) for a
 * short-lived single-use URL at that moment, on the internal or external signing address the network
 * strategy decides, and shows it in a sandboxed frame. Completion comes back through the OA's return
 * page, accepted only from the session's return origin, from this element's own frame (or popup),
 * with the nonce it issued, once, and in the bridge shape. A blank frame is diagnosed (host CSP, embed
 * whitelist, mixed content, expired link, SSO failure, unreachable platform) with what to do, plus
 * "open in a new window" and "retry".
 *
 * A plain `HTMLElement` with a fixed shadow skeleton rather than `QysElement` / `LitElement`: the
 * signing-frame entry has a 10 kB budget (lit included), and this element's view is small (a frame,
 * a status line, a problem panel with two buttons, a details line), so it carries no template engine,
 * only its own strings and a small copy of the base's helpers (attributes, reactive properties,
 * context request, warn-once).
 *
 * @summary Embedded 契约锁 signing with SSO handoff; diagnoses blank frames, popup fallback.
 * @tag qys-signing-frame
 * @attr {string} lang - Language: `zh-CN` (default), `zh-TW`, `en` or a registered one; inherited from the closest `[lang]` ancestor when not set.
 * @attr {string} contract-id - The contract to sign (property `contractId`).
 * @attr {string} params - Host-defined parameters as JSON (property `params`).
 * @attr {string} service-id - The signing service (property `serviceId`); the default service when not set.
 * @attr {'sign' | 'view'} page - `sign` (default) or `view`.
 * @attr {boolean} auto-open - Opens as soon as the element is connected and has a host (property `autoOpen`).
 * @attr {boolean} allow-camera - Lets the signing page use the camera (property `allowCamera`).
 * @attr {string} sandbox-extra - Extra sandbox tokens (`allow-…`), space-separated (property `sandboxExtra`).
 * @fires qys-ready - The signing page loaded and the platform answers: `{ zone, url }` (url: the signing address, never the ticket).
 * @fires qys-signed - The return page reported signed: `{ contractId, confirmed }` (`confirmed`: the host's contract status).
 * @fires qys-declined - The return page reported declined: `{ contractId, confirmed }`.
 * @fires qys-cancelled - Signing was cancelled (return page, `cancel()`, or the popup closed): `{ contractId }`.
 * @fires qys-expired - The signing link expired; a new one is requested once automatically: `{ contractId }`.
 * @fires qys-error - The host or the signing page failed: `{ error, code }`.
 * @fires qys-blocked - The frame cannot show the signing page: `{ cause, message, origin }`.
 * @csspart frame - The iframe.
 * @csspart status - The progress / outcome line (a live region).
 * @csspart result - The outcome panel around the status line: `data-outcome` is signed, declined or cancelled once
 * signing ends (else empty, and the panel is unstyled).
 * @csspart result-hint - What to do next after the outcome.
 * @csspart problem - The blocked / error panel (role alert).
 * @csspart problem-title - What happened.
 * @csspart problem-hint - What to do.
 * @csspart actions - The buttons of the problem panel.
 * @csspart button - Each button (retry, open in a new window).
 * @csspart details - The small line naming the signing zone and the rule that decided it.
 * @cssprop --qys-signing-frame-height - Height of the frame (default 640px).
 * @cssprop --qys-color-primary - Accent: primary buttons, selection, check boxes and radios. Default #1763e6 (dark #5b9aff).
 * @cssprop --qys-color-primary-text - Text in the accent colour (links, secondary buttons). Default #0b4fd1 (dark #8fb8ff).
 * @cssprop --qys-color-on-primary - Text on the accent colour. Default #fff (dark #0d1117).
 * @cssprop --qys-color-focus - Focus ring. Default: --qys-color-primary.
 * @cssprop --qys-color-text - Text. Default #1f2329 (dark #e6e8eb).
 * @cssprop --qys-color-text-secondary - Secondary text: hints, counts, details. Default #5c6066 (dark #a8afb9).
 * @cssprop --qys-color-muted - Old name of --qys-color-text-secondary (alias, still read).
 * @cssprop --qys-color-danger - Errors, failures, destructive actions. Default #c4291c (dark #ff8a80).
 * @cssprop --qys-color-warning - Warnings. Default #8a5a00 (dark #e8b949).
 * @cssprop --qys-color-success - Passed checks and success. Default #16803c (dark #5fd38a).
 * @cssprop --qys-color-border - Borders of fields, buttons and panels. Default #c9cdd4 (dark #5a626e).
 * @cssprop --qys-color-divider - Lines between rows. Default #eceef1 (dark #353b45).
 * @cssprop --qys-color-surface - Background of fields, buttons and dialogs (and of the element in the dark theme). Default #fff (dark #1b1f24).
 * @cssprop --qys-color-surface-muted - Background of values, tags and disabled rows. Default #f4f6f9 (dark #262b32).
 * @cssprop --qys-color-code-bg - Old name of --qys-color-surface-muted (alias, still read).
 * @cssprop --qys-color-selected - Background of selected rows and chips. Default #e8f0fe (dark #1d3557).
 * @cssprop --qys-color-danger-surface - Background of error panels and invalid tags. Default #fef3f2 (dark #3d1f1d).
 * @cssprop --qys-color-warning-surface - Background of warning panels. Default #fff8c5 (dark #3a2f0f).
 * @cssprop --qys-color-info - Text of info badges. Default #0550ae (dark #9ecbff).
 * @cssprop --qys-color-info-surface - Background of info badges. Default #ddf4ff (dark #132f4c).
 * @cssprop --qys-radius - Corner radius. Default 4px.
 * @cssprop --qys-border-radius - Old name of --qys-radius (alias, still read).
 * @cssprop --qys-font - Font shorthand. Default 14px/1.6 system-ui.
 * @cssprop --qys-font-mono - Monospace font for values and code.
 */
export class QysSigningFrame extends ElementBase {
  static observedAttributes = Object.keys(ATTRS);

  /** The host adapter; normally provided by an enclosing `<qys-host-provider>`. */
  declare host: QysHost | undefined;
  /** The contract to sign (`contract-id`). */
  declare contractId: string | undefined;
  /** Host-defined parameters instead of (or besides) a contract ID (`params`, JSON in the attribute). */
  declare params: Record<string, string | number | boolean> | undefined;
  /** The signing service (`service-id`); the default service when not set. */
  declare serviceId: string | undefined;
  /** `sign` (default) or `view`. */
  declare page: SigningPage;
  /** Opens as soon as the element is connected and has a host (`auto-open`). */
  declare autoOpen: boolean;
  /** Lets the signing page use the camera (face check): adds `allow="camera"` to the frame. */
  declare allowCamera: boolean;
  /** Extra sandbox tokens (`allow-…`), space-separated, added to the minimal set (`sandbox-extra`). */
  declare sandboxExtra: string;

  declare private _state: SigningFrameState;
  declare private _cause: SigningBlockedCause | undefined;
  declare private _note: { key: string; params?: Params; hint?: string; origin?: string } | undefined;
  declare private _src: string | undefined;
  declare private _target: DecidedTarget | undefined;
  declare private _ctxHost: QysHost | undefined;

  private readonly v: Record<string, unknown> = {
    page: 'sign',
    autoOpen: false,
    allowCamera: false,
    sandboxExtra: '',
    _state: 'idle',
  };
  private pending: Promise<boolean> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly gate = new BridgeGate();
  private abort: AbortController | undefined;
  private run = 0;
  private display: 'frame' | 'popup' = 'frame';
  private popupWin: Window | null = null;
  private popupName = '';
  private langObserver: MutationObserver | undefined;
  private offTranslations: (() => void) | undefined;
  private popupPoll: ReturnType<typeof setInterval> | undefined;
  private stopExpiry: (() => void) | undefined;
  private sessionUrl: string | undefined;
  private platformOrigin = '';
  private loaded = false;
  private probe: 'pending' | 'ok' | 'failed' = 'pending';
  private expiredReports = 0;
  private loginReports = 0;
  private outcome: Promise<SigningOutcome> | undefined;
  private settle: ((o: SigningOutcome) => void) | undefined;
  private autoOpened = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(tokensCss + styles);
    root.adoptedStyleSheets = [sheet];
  }

  /** The host in force: the `host` property, else the one from context. */
  get effectiveHost(): QysHost | undefined {
    return this.host ?? this._ctxHost;
  }

  /** Where the element is: idle, preparing, loading, ready, popup, signed, declined, cancelled, blocked, error. */
  get state(): SigningFrameState {
    return this._state;
  }

  /** Why the frame is blocked (when `state` is `blocked`). */
  get blockedCause(): SigningBlockedCause | undefined {
    return this._cause;
  }

  /** The decided signing zone and address, and the rule that decided (after `open()`). */
  get target(): Readonly<DecidedTarget> | undefined {
    return this._target;
  }

  /** Counters of accepted and ignored `message` events, by reason (for debugging). */
  get messageStats(): Readonly<MessageStats> {
    return { ...this.gate.stats };
  }

  /**
   * Settles once per signing run with its outcome: `signed`, `declined` or `cancelled` (with the
   * host-confirmed contract state in `confirmed`). Blocked, error and expired states are retried or
   * renewed, so they do not settle it. After it settles, `open()` starts a new run with a new promise.
   */
  get result(): Promise<SigningOutcome> {
    return (this.outcome ??= new Promise((r) => (this.settle = r)));
  }

  /** Resolves when the pending render is done (as LitElement's). */
  get updateComplete(): Promise<boolean> {
    return this.pending ?? Promise.resolve(true);
  }

  /** Asks the host for a fresh signing URL and shows it in the frame. */
  open(): Promise<void> {
    return this.start('frame');
  }

  /** Retries the last way of opening (frame or window). */
  retry(): Promise<void> {
    return this.display === 'popup' ? this.openInWindow() : this.open();
  }

  /**
   * Opens the signing page in a new window (fallback when it cannot be framed). Call it from a user
   * gesture: the window is opened at once (popup blockers allow only that) and navigated when the
   * signing URL arrives. Completion comes through the same return page, via `window.opener`.
   */
  openInWindow(): Promise<void> {
    this.closePopup();
    // A name of its own: two signing frames on one page must not take over each other's window.
    this.popupName = `qys-signing-${createNonce().slice(0, 12)}`;
    this.popupWin = window.open('about:blank', this.popupName, 'popup,width=1024,height=768');
    if (!this.popupWin) {
      this.stop();
      this._state = 'error';
      this._note = { key: 'popupBlocked' };
      return Promise.resolve();
    }
    return this.start('popup');
  }

  /** Cancels the current run (closes the popup, clears the frame) and settles `result` with `cancelled`. */
  cancel(): void {
    if (this._state === 'idle' || this.isFinal()) return;
    this.stop();
    this.finish('cancelled', undefined);
  }

  // ------------------------------------------------------------------------------------------
  // Element plumbing (what LitElement and @lit/context would give, in a few lines)

  connectedCallback(): void {
    // A property set before the element was defined shadows the accessor: move it through.
    for (const k of PUBLIC)
      if (Object.prototype.hasOwnProperty.call(this, k)) {
        const x = (this as unknown as Record<string, unknown>)[k];
        delete (this as unknown as Record<string, unknown>)[k];
        (this as unknown as Record<string, unknown>)[k] = x;
      }
    this.dispatchEvent(
      new ContextEvent(
        hostContext,
        this,
        (h: QysHost | undefined, unsubscribe?: () => void) => {
          this.unsubscribe = unsubscribe;
          this._ctxHost = h;
        },
        true,
      ),
    );
    if (this.effectiveHost) prefetchTarget(this.effectiveHost);
    window.addEventListener('message', this.onMessage);
    document.addEventListener('securitypolicyviolation', this.onViolation);
    // Follow the document's language (E10 switches it in place) like the lit elements do.
    this.langObserver = new MutationObserver(() => this.requestUpdate());
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.offTranslations = onTranslationsChange(() => this.requestUpdate());
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.langObserver?.disconnect();
    this.langObserver = undefined;
    this.offTranslations?.();
    this.offTranslations = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    window.removeEventListener('message', this.onMessage);
    document.removeEventListener('securitypolicyviolation', this.onViolation);
    this.stop();
    if (!this.isFinal() && this._state !== 'idle') this._state = 'idle';
    this.autoOpened = false;
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const [prop, kind] = ATTRS[name]!;
    if (prop === 'lang') return this.requestUpdate();
    let x: unknown = value ?? undefined;
    if (kind === 1) x = value !== null;
    else if (kind === 2 && value) {
      try {
        x = JSON.parse(value);
      } catch {
        /* kept as text: refused (and warned about) by the setter */
      }
    }
    (this as unknown as Record<string, unknown>)[prop] =
      prop === 'page' ? (x ?? 'sign') : prop === 'sandboxExtra' ? (x ?? '') : x;
  }

  /** A bad value from the page warns once and is ignored (never throws). */
  private accepts(k: string, x: unknown): boolean {
    const bad =
      k === 'page'
        ? !PAGES.includes(x as string)
        : k === 'params'
          ? x !== undefined && (typeof x !== 'object' || x === null || Array.isArray(x))
          : k === 'sandboxExtra'
            ? (x !== undefined && typeof x !== 'string') ||
              (x ?? '').split(/\s+/).some((t) => t && !/^allow-[a-z-]+$/.test(t))
            : false;
    if (bad) this.warnOnce(k, `${k}=${describe(x)} is not valid (ignored)`);
    // sandbox-extra keeps a string with some bad tokens (only the allow-… ones are used), never a non-string.
    return !bad || (k === 'sandboxExtra' && (x === undefined || typeof x === 'string'));
  }

  private requestUpdate(): void {
    // Renders once the strings of the language in force are there (en and zh-TW load on demand).
    this.pending ??= Promise.resolve().then(() => {
      const wait = whenLoaded(resolveLang(this), [signingFrameMessages]);
      return wait ? wait.then(() => this.flush()) : this.flush();
    });
  }

  private flush(): boolean | Promise<boolean> {
    // A result or problem panel to show: once its module is there (no unstyled or untranslated flash).
    const panel = PANEL.test(this._state) && loadPanel();
    if (panel) return panel.then(() => this.flush());
    this.pending = undefined;
    this.render();
    // With a host, what a first open() would load is fetched now (a cold open waited most of its time for it).
    const host = this.effectiveHost;
    if (host && this.isConnected) prefetchTarget(host);
    if (this.autoOpen && !this.autoOpened && this.isConnected && this.effectiveHost && this.hasSubject()) {
      this.autoOpened = true;
      void this.open();
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------
  // The run

  /** The page's URL (overridable for tests of the https-only mixed-content path). */
  protected get pageUrl(): string {
    return location.href;
  }

  private async start(display: 'frame' | 'popup', renewal = false): Promise<void> {
    const host = this.effectiveHost;
    this.stop(display === 'popup');
    if (!renewal) this.expiredReports = this.loginReports = 0;
    if (this.isFinal()) this.outcome = undefined; // a new run
    void this.result;
    this.display = display;
    this._cause = undefined;
    this._note = undefined;
    // Every run probes the platform again: an earlier "unreachable" says nothing about now.
    this.probe = 'pending';
    if (!host) return this.fail('noHost');
    if (!this.hasSubject()) return this.fail('noContract');
    const run = ++this.run;
    const ctl = (this.abort = new AbortController());
    const signal = ctl.signal;
    this._state = 'preparing';
    try {
      const target = (this._target = await decideTarget(
        host,
        this.serviceId,
        { host: location.host, protocol: location.protocol },
        signal,
      ));
      if (target.url && this.blockIf({ targetUrl: target.url })) return;
      // The verdict code loads with the inspection (on demand: a host without inspectFraming never needs it).
      const inspect =
        host.client.inspectFraming && display === 'frame' && target.url
          ? Promise.all([host.client.inspectFraming(target.url, { signal }), loadFraming()]).then(
              ([inspection, f]) => inspection && f.evaluateFraming(inspection, location.origin),
              () => undefined,
            )
          : undefined;
      let nonce = createNonce();
      let session = await this.createSession(host, target, nonce, display, signal);
      if (expiryTime(session.expiresAt) <= Date.now()) {
        // Already past its life on arrival (clock skew, a slow host): ask once more, with a new nonce.
        nonce = createNonce();
        session = await this.createSession(host, target, nonce, display, signal);
      }
      if (run !== this.run) return;
      // Only an absolute http(s) URL may reach the iframe or the popup (a javascript: URL would run
      // in this page, or in the popup with this page as its opener).
      const checked = checkHostUrl(session.url);
      if (!checked.ok) return this.refuseUrl(checked.code, 'session.url');
      const url = checked.url;
      this.platformOrigin = origin(url);
      this.sessionUrl = url;
      if (this.blockIf({ targetUrl: url, expiresAt: expiryTime(session.expiresAt), now: Date.now() })) return;
      this.stopExpiry = scheduleExpiry(expiryTime(session.expiresAt), () => this.onUrlExpired(run));
      if (inspect) {
        const verdict = await Promise.race([
          inspect,
          new Promise<undefined>((r) => setTimeout(r, INSPECT_WAIT_MS)),
        ]);
        if (run !== this.run) return;
        if (verdict && verdict.verdict === 'refused') {
          this.block('frame-refused', verdict.addOrigin);
          return;
        }
      }
      this.loaded = false;
      this.probe = 'pending';
      this.gate.expect({ origin: session.returnOrigin, source: null, nonce });
      this.gateNonce = nonce;
      this.gateOrigin = session.returnOrigin;
      this.sessionContractId = session.contractId ?? this.contractId;
      if (display === 'popup') {
        const win = this.popupWin;
        if (!win || win.closed) return this.finish('cancelled', undefined);
        this.gate.expect({ origin: session.returnOrigin, source: win, nonce });
        // Navigated through a link with its own referrer policy: `win.location.href = url` would send
        // the OA page's full URL as the referrer whenever the page's own policy allows it.
        const a = document.createElement('a');
        a.href = url;
        a.target = this.popupName;
        a.referrerPolicy = 'strict-origin';
        a.rel = 'opener';
        a.click();
        this._state = 'popup';
        this.popupPoll = setInterval(() => {
          if (win.closed && run === this.run && this._state === 'popup') {
            this.stop();
            this.finish('cancelled', undefined);
          }
        }, 500);
        return;
      }
      this._state = 'loading';
      this._src = url;
      await this.updateComplete;
      if (run !== this.run) return;
      this.expectFrame();
      const probeUrl = target.url || `${this.platformOrigin}/`;
      void probeReachable(probeUrl, 2500, signal).then(
        (p) => {
          if (run !== this.run) return;
          this.probe = p;
          if (this.blockIf({ targetUrl: probeUrl })) return;
          this.maybeReady(run);
        },
        () => undefined,
      );
    } catch (e) {
      if (signal.aborted || run !== this.run) return;
      this.hostFailed(e);
    }
  }

  private gateNonce = '';
  private gateOrigin = '';
  private sessionContractId: string | undefined;

  private createSession(
    host: QysHost,
    target: DecidedTarget,
    nonce: string,
    display: 'frame' | 'popup',
    signal: AbortSignal,
  ): Promise<SigningSession> {
    const lang = primaryLang(resolveLang(this)); // the platform speaks zh-CN and en
    return host.signing.createSession(
      {
        ...(this.contractId ? { contractId: this.contractId } : {}),
        ...(this.params ? { params: this.params } : {}),
        serviceId: target.serviceId,
        page: this.page,
        lang,
        zone: target.zone,
        nonce,
        display,
      },
      { signal },
    );
  }

  /** The frame's `load` event: the frame is ready once the platform also answered the probe. */
  private onLoad = (e: Event) => {
    const frame = e.target as HTMLIFrameElement;
    if (!this._src || frame.getAttribute('src') !== this._src) return;
    this.loaded = true;
    this.expectFrame();
    this.maybeReady(this.run);
  };

  /** Messages must come from this frame's window (a WindowProxy: stable across its navigations). */
  private expectFrame() {
    const frame = this.shadowRoot!.querySelector('iframe');
    this.gate.expect({
      origin: this.gateOrigin,
      source: frame?.contentWindow ?? null,
      nonce: this.gateNonce,
    });
  }

  private maybeReady(run: number) {
    if (run !== this.run || this._state !== 'loading' || !this.loaded || this.probe !== 'ok') return;
    this._state = 'ready';
    this.emit('qys-ready', { zone: this._target!.zone, url: this._target!.url || this.platformOrigin });
  }

  private onUrlExpired(run: number) {
    // The URL is never kept beyond its life. If it has not been used yet, a fresh one is asked for.
    this.sessionUrl = undefined;
    if (run === this.run && !this.loaded && (this._state === 'preparing' || this._state === 'loading')) {
      this.emit('qys-expired', { contractId: this.sessionContractId ?? this.contractId });
      if (!this.blockIf({ targetUrl: this.platformOrigin, expiredReports: ++this.expiredReports }))
        void this.start(this.display, true);
    }
  }

  private onViolation = (e: SecurityPolicyViolationEvent) => {
    if (!this.platformOrigin || !e.blockedURI.startsWith(this.platformOrigin)) return;
    if (
      /^(frame|child|default)-src/.test(e.effectiveDirective) &&
      (this._state === 'loading' || this._state === 'ready')
    ) {
      this.blockIf({ targetUrl: this.sessionUrl ?? this.platformOrigin, cspViolation: true });
    } else if (e.effectiveDirective === 'connect-src') {
      this.probe = 'ok'; // our probe was refused by the page's CSP: it says nothing about the platform
      this.maybeReady(this.run);
    }
  };

  private onMessage = (e: MessageEvent) => {
    if (isPlatformMarker(e.data)) {
      // A platform's own page marker (not a bridge message, so not counted by the gate: the signing
      // page's marker can arrive after qys-ready, in WebKit): a hint, from our window and the platform only.
      const hint = markerCause(e.data);
      const live = this._state === 'loading' || this._state === 'ready' || this._state === 'popup';
      if (
        hint &&
        live &&
        e.origin === this.platformOrigin &&
        e.source &&
        e.source === this.expectedSource()
      ) {
        const nonce = this.gateNonce;
        this.gateNonce = ''; // the session is spent
        // No cookies in a cross-site frame: a new session would end the same way; the popup, a
        // first-party window, keeps them (offered by the blocked view). A popup with none: SSO failed.
        if (hint === 'third-party-storage' && this.display === 'frame')
          this.blockIf({ targetUrl: this.platformOrigin, storageBlocked: true });
        else
          void this.complete(
            { source: 'qys-bridge', type: hint === 'third-party-storage' ? 'login-required' : hint, nonce },
            this.run,
          );
      }
      return;
    }
    const data = this.gate.check(e);
    if (typeof data === 'string') return;
    void this.complete(data, this.run);
  };

  private expectedSource(): Window | null | undefined {
    return this.display === 'popup' ? this.popupWin : this.shadowRoot!.querySelector('iframe')?.contentWindow;
  }

  private async complete(data: BridgeData, run: number) {
    const host = this.effectiveHost;
    const contractId = data.contractId ?? this.sessionContractId;
    if (data.type === 'login-required' || data.type === 'expired') {
      const n = data.type === 'expired' ? ++this.expiredReports : ++this.loginReports;
      if (data.type === 'expired') this.emit('qys-expired', { contractId });
      if (n > 1) {
        this.blockIf({
          targetUrl: this.platformOrigin,
          expiredReports: this.expiredReports,
          loginReports: this.loginReports,
        });
        return;
      }
      this._state = 'preparing';
      this._note = data.type === 'expired' ? { key: 'expired' } : undefined;
      return this.start(this.display, true);
    }
    if (data.type === 'error') {
      this.stop();
      const error = new Error(data.message ?? data.code ?? 'error');
      this._state = 'error';
      this._note = { key: 'error', params: { message: data.message ?? data.code ?? '' } };
      this.emit('qys-error', { error, code: data.code ?? 'platform' });
      return;
    }
    this.stop();
    if (data.type === 'cancelled') return this.finish('cancelled', contractId);
    this._state = data.type;
    run = this.run; // stop() began a new run: a newer open() now supersedes this confirmation
    void this.result;
    const settle = this.settle; // this run's: a newer open() replaces this.settle
    let confirmed: string | undefined;
    if (host && contractId) {
      try {
        const ctl = (this.abort = new AbortController());
        confirmed = (
          await host.signing.contractStatus(contractId, {
            signal: ctl.signal,
            serviceId: this._target?.serviceId,
          })
        ).status;
      } catch {
        /* the host could not confirm: report what the return page said, unconfirmed */
      }
    }
    if (run !== this.run) {
      // Superseded (a newer open(), or the element was removed) while the host confirmed: the user
      // did sign or decline, so this run's outcome is still told, leaving the newer run alone.
      this.emit(data.type === 'signed' ? 'qys-signed' : 'qys-declined', { contractId, confirmed });
      return settle?.({ type: data.type, contractId, ...(confirmed ? { confirmed } : {}) });
    }
    this.finish(data.type, contractId, confirmed);
  }

  private finish(type: SigningOutcome['type'], contractId: string | undefined, confirmed?: string) {
    this._state = type;
    this._src = undefined;
    this._note =
      confirmed && confirmed !== type ? { key: 'unconfirmed', params: { status: confirmed } } : undefined;
    if (type === 'signed') this.emit('qys-signed', { contractId, confirmed });
    else if (type === 'declined') this.emit('qys-declined', { contractId, confirmed });
    else this.emit('qys-cancelled', { contractId });
    void this.result;
    this.settle?.({ type, contractId, ...(confirmed ? { confirmed } : {}) });
  }

  /** Runs the decision table with what is known now; shows and emits the cause, if any. */
  private blockIf(s: Partial<Parameters<typeof diagnose>[0]> & { targetUrl: string }): boolean {
    // A popup is a top-level window: neither mixed content nor this page's frame-src applies.
    const pageUrl = this.display === 'frame' ? this.pageUrl : '';
    const cause = diagnose({ pageUrl, probe: this.probe, ...s });
    if (cause) this.block(cause, cause === 'csp' ? this.platformOrigin : origin(s.targetUrl));
    return !!cause;
  }

  /** `name`: the origin the message names (platform for CSP / unreachable, this page for the whitelist). */
  private block(cause: SigningBlockedCause, name: string) {
    this.stop();
    this._state = 'blocked';
    this._cause = cause;
    this._note = { key: `cause.${cause}`, hint: `hint.${cause}`, params: { origin: name }, origin: name };
    this.emit('qys-blocked', { cause, message: this.t(`cause.${cause}`, { origin: name }), origin: name });
  }

  private fail(key: string, params?: Params) {
    this._state = 'error';
    this._note = { key, ...(params ? { params } : {}) };
  }

  /** A URL from the host that is not absolute http(s): an error, and it goes nowhere. */
  private refuseUrl(code: HostUrlCode, field: string) {
    this.stop();
    this.fail('badUrl');
    this.emit('qys-error', { error: new QysUnsafeUrlError(code, field), code });
  }

  private hostFailed(e: unknown) {
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code ?? 'unknown';
    if (code === 'binding') this.fail('badBinding');
    else this.fail('hostError', { message });
    this.emit('qys-error', { error: e instanceof Error ? e : new Error(message), code });
  }

  /** Ends the current run's side effects: pending requests, timers, listeners, frame, popup. */
  private stop(keepPopup = false) {
    this.run++;
    this.abort?.abort();
    this.stopExpiry?.();
    this.stopExpiry = undefined;
    clearInterval(this.popupPoll);
    if (!keepPopup) this.closePopup();
    this._src = undefined;
    this.sessionUrl = undefined;
    this.loaded = false;
  }

  private closePopup() {
    if (this.popupWin && !this.popupWin.closed) this.popupWin.close();
    this.popupWin = null;
  }

  private isFinal() {
    return ['signed', 'declined', 'cancelled'].includes(this._state);
  }

  private hasSubject() {
    return !!this.contractId || !!this.params;
  }

  private sandboxTokens(): string[] {
    return (this.sandboxExtra ?? '').split(/\s+/).filter((t) => /^allow-[a-z-]+$/.test(t));
  }

  // ------------------------------------------------------------------------------------------
  // Helpers (a lean copy of QysElement's)

  private t(key: string, params?: Params): string {
    return translate(resolveLang(this), key, params, signingFrameMessages);
  }

  private emit<K extends keyof QysEventMap>(
    name: K,
    detail: QysEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private warnOnce(key: string, message: string): void {
    let seen = warned.get(this);
    if (!seen) warned.set(this, (seen = new Set()));
    if (seen.has(key)) return;
    seen.add(key);
    console.warn(`[qys-elements] <qys-signing-frame>: ${message}`);
  }

  // ------------------------------------------------------------------------------------------
  // Render

  private parts: Record<'status' | 'next' | 'problem' | 'title' | 'hint' | 'details', HTMLElement> & {
    retry: HTMLButtonElement;
    win: HTMLButtonElement;
  } = undefined!;

  /** Updates the shadow DOM from the state (a fixed skeleton; the frame is created per session URL). */
  private render(): void {
    const root = this.shadowRoot!;
    if (!this.parts) {
      root.innerHTML =
        '<div part="result"><p part="status" role="status"></p><p part="result-hint"></p></div>' +
        '<div part="problem" role="alert" hidden><p part="problem-title"></p>' +
        '<p part="problem-hint"></p><div part="actions"><button part="button"></button><button part="button"></button>' +
        '</div></div><p part="details" hidden></p>';
      const q = (sel: string) => root.querySelector<HTMLElement>(sel)!;
      const [retry, win] = root.querySelectorAll('button');
      retry!.onclick = () => this.retry();
      win!.onclick = () => this.openInWindow();
      this.parts = {
        status: q('[part=status]'),
        next: q('[part=result-hint]'),
        problem: q('[part=problem]'),
        title: q('[part=problem-title]'),
        hint: q('[part=problem-hint]'),
        details: q('[part=details]'),
        retry: retry!,
        win: win!,
      };
    }
    if (panelSheet && !root.adoptedStyleSheets.includes(panelSheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, panelSheet];
    const p = this.parts;
    const s = this._state;
    const note = this._note;
    const problem = (s === 'blocked' || s === 'error') && !!note;
    const noteText = note ? this.t(note.key, note.params) : '';
    p.status.textContent = problem
      ? ''
      : [/^(preparing|loading|popup|signed|declined|cancelled)$/.test(s) ? this.t(s) : '', noteText]
          .filter(Boolean)
          .join(' ');
    // signed / declined / cancelled: a result panel (the status line as its title) with what to do next.
    const outcome = /^(signed|declined|cancelled)$/.test(s);
    p.status.parentElement!.dataset.outcome = outcome ? s : '';
    p.next.textContent = outcome ? this.t(`next.${s as 'signed'}`) : '';
    p.problem.hidden = !problem;
    p.title.textContent = problem ? noteText : '';
    p.hint.hidden = !note?.hint;
    p.hint.textContent = note?.hint ? this.t(note.hint, note.params) : '';
    p.retry.textContent = this.t('retry');
    p.win.textContent = this.t('openWindow');
    p.win.hidden = !this._cause;
    const tg = this._target;
    p.details.hidden = !tg;
    p.details.textContent = tg
      ? this.t(tg.matchedRule ? 'rule' : 'zone', { zone: this.t(tg.zone), rule: tg.matchedRule?.rule ?? '' })
      : '';

    // The frame: one per session URL (a fresh browsing context; sandbox and allow apply from its start).
    const want = this.display === 'frame' ? this._src : undefined;
    let f = root.querySelector('iframe');
    if (f && f.getAttribute('src') !== want) {
      f.remove();
      f = null;
    }
    if (want && !f) {
      f = document.createElement('iframe');
      f.setAttribute('part', 'frame');
      f.setAttribute('sandbox', [SANDBOX, ...this.sandboxTokens()].join(' '));
      f.setAttribute('referrerpolicy', 'strict-origin');
      if (this.allowCamera) f.setAttribute('allow', 'camera');
      f.addEventListener('load', this.onLoad);
      f.src = want;
      root.prepend(f);
    }
    if (f) f.title = this.t('title');
  }
}

for (const k of [...PUBLIC, '_state', '_cause', '_note', '_src', '_target', '_ctxHost'])
  Object.defineProperty(QysSigningFrame.prototype, k, {
    get(this: { v: Record<string, unknown> }) {
      return this.v[k];
    },
    set(
      this: { v: Record<string, unknown>; accepts(k: string, x: unknown): boolean; requestUpdate(): void },
      x: unknown,
    ) {
      if (this.v[k] === x || !this.accepts(k, x)) return;
      this.v[k] = x;
      this.requestUpdate();
    },
  });
