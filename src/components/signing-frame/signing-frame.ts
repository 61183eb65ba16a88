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
import type { MessageStats } from '../../core/signing/bridge.js';
import { SigningRun, originOf, type SigningFrameState } from '../../core/signing/run.js';
import { createNonce } from '../../core/signing/nonce.js';
import { expiryTime, scheduleExpiry } from '../../core/signing/expiry.js';
import { checkHostUrl, type HostUrlCode } from '../../core/url.js';
import {
  decideTarget,
  loadFraming,
  loadMessages,
  loadedMessages,
  prefetchTarget,
  type DecidedTarget,
} from './target.js';
import { signingFrameMessages } from './signing-frame.messages.js';
import { tokensCss } from '../../internal/tokens.styles.js';
import { styles } from './signing-frame.styles.js';

export type { SigningFrameState } from '../../core/signing/run.js';

/** This page, as the zone decision reads it. */
const PAGE = () => ({ host: location.host, protocol: location.protocol });
const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads';
const PAGES = ['sign', 'view'];
/** Budget for the embed-whitelist check before the frame loads anyway (the whole diagnosis is < 3 s). */
const INSPECT_WAIT_MS = 2000;
/** A page's value as text for a warning; never throws (BigInt, null-prototype objects, cycles). */
const describe = (x: unknown): string => {
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return Object.prototype.toString.call(x);
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
let panel: typeof import('./signing-frame.panel.js') | undefined;
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
          panel = m;
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
 * At idle after its first render, an element with a host gets its first `open()` ready: the hidden blank frame the
 * session's page will load in, and (with a contract, without `auto-open`) the zone decided from the binding
 * (`host.services`, `host.client.context`). `open()` asks for the session on that zone while it reads the binding
 * again, and uses that session only if the fresh decision is the same; nothing of the idle work shows or is reported.
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
 * @cssprop --qys-font - Font shorthand for the element. Default: the page's font (inherited).
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

  declare private _ctxHost: QysHost | undefined;

  private readonly v: Record<string, unknown> = {
    page: 'sign',
    autoOpen: false,
    allowCamera: false,
    sandboxExtra: '',
  };
  private pending: Promise<boolean> | undefined;
  private unsubscribe: (() => void) | undefined;
  private abort: AbortController | undefined;
  private popupWin: Window | null = null;
  private popupName = '';
  private langObserver: MutationObserver | undefined;
  private offTranslations: (() => void) | undefined;
  private popupPoll: ReturnType<typeof setInterval> | undefined;
  private stopExpiry: (() => void) | undefined;
  private autoOpened = false;
  /** The hidden blank frame made at idle for the next session (null: asked for); see `newFrame`. */
  private spare: HTMLIFrameElement | null | undefined;
  /** The zone decided at idle for the first open (see `start`); null once an open came (once per connection). */
  private ahead?: {
    host: QysHost;
    id?: string;
    target: Promise<DecidedTarget | void>;
    ctl: AbortController;
  } | null;
  /** The signing run (src/core/signing/run.ts): this element feeds it and does the side effects it asks for. */
  private readonly m: SigningRun = new SigningRun({
    emit: (name, detail) => this.emit(name, detail as never),
    changed: () => this.requestUpdate(),
    stopEffects: (keepPopup) => {
      this.abort?.abort();
      this.stopExpiry?.();
      this.stopExpiry = undefined;
      clearInterval(this.popupPoll);
      if (!keepPopup) this.closePopup();
    },
    renew: (display) => this.start(display, true),
    confirm: async (contractId, serviceId) => {
      const host = this.effectiveHost;
      if (!host) return undefined;
      try {
        const ctl = (this.abort = new AbortController());
        return (await host.signing.contractStatus(contractId, { signal: ctl.signal, serviceId })).status;
      } catch {
        return undefined; // the host could not confirm: report what the return page said, unconfirmed
      }
    },
    causeText: (cause, origin) => this.t(`cause.${cause}`, { origin }),
    pageUrl: () => this.pageUrl,
  });

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
    return this.m.state;
  }

  /** Why the frame is blocked (when `state` is `blocked`). */
  get blockedCause(): SigningBlockedCause | undefined {
    return this.m.cause;
  }

  /** The decided signing zone and address, and the rule that decided (after `open()`). */
  get target(): Readonly<DecidedTarget> | undefined {
    return this.m.target as DecidedTarget | undefined;
  }

  /** Counters of accepted and ignored `message` events, by reason (for debugging). */
  get messageStats(): Readonly<MessageStats> {
    return { ...this.m.gate.stats };
  }

  /**
   * Settles once per signing run with its outcome: `signed`, `declined` or `cancelled` (with the
   * host-confirmed contract state in `confirmed`). Blocked, error and expired states are retried or
   * renewed, so they do not settle it. After it settles, `open()` starts a new run with a new promise.
   */
  get result(): Promise<SigningOutcome> {
    return this.m.result;
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
    return this.m.display === 'popup' ? this.openInWindow() : this.open();
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
      this.m.stop();
      this.m.fail('popupBlocked');
      return Promise.resolve();
    }
    return this.start('popup');
  }

  /** Cancels the current run (closes the popup, clears the frame) and settles `result` with `cancelled`. */
  cancel(): void {
    this.m.cancel();
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
    this.m.detach();
    this.autoOpened = false;
    this.spare?.remove();
    this.spare = undefined;
    this.ahead?.ctl.abort();
    this.ahead = undefined;
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
    const panel = PANEL.test(this.m.state) && loadPanel();
    if (panel) return panel.then(() => this.flush());
    this.pending = undefined;
    this.render();
    // With a host, what a first open() would load is fetched now (a cold open waited most of its time for it).
    const host = this.effectiveHost;
    if (host && this.isConnected) {
      prefetchTarget(host);
      if (this.spare === undefined && !this.m.src) {
        this.spare = null;
        // WebKit has no requestIdleCallback: a while after the first render there.
        (window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 300)))(() => this.prepareOpen());
      }
    }
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
    const m = this.m;
    m.reset(display, renewal);
    if (!host) return m.fail('noHost');
    if (!this.hasSubject()) return m.fail('noContract');
    const run = m.begin();
    void loadMessages().catch(() => undefined); // there before the session's page can post
    const ctl = (this.abort = new AbortController());
    const signal = ctl.signal;
    const a = this.ahead;
    this.ahead = null;
    try {
      const fresh = decideTarget(host, this.serviceId, PAGE(), signal);
      const settled = fresh.then(
        () => undefined,
        () => undefined,
      );
      // With the zone decided at idle (same host and service), the session is asked for on it while the binding is
      // read again, and used only if the fresh decision is the same: one host round trip less on the first open. An
      // idle decision still pending when the fresh one is back is not waited for.
      const early =
        a && !renewal && a.host === host && a.id === this.serviceId
          ? await Promise.race([a.target, settled])
          : undefined;
      a?.ctl.abort();
      let nonce = createNonce();
      const ahead = early && this.createSession(host, early, nonce, display, signal);
      ahead?.catch(() => undefined);
      const target = await fresh;
      if (run !== m.run) return; // superseded (the host need not reject once aborted): never applied
      m.target = target;
      if (target.url && m.blockIf({ targetUrl: target.url })) return;
      // The verdict code loads with the inspection (on demand: a host without inspectFraming never needs it).
      const inspect =
        host.client.inspectFraming && display === 'frame' && target.url
          ? Promise.all([host.client.inspectFraming(target.url, { signal }), loadFraming()]).then(
              ([inspection, f]) => inspection && f.evaluateFraming(inspection, location.origin),
              () => undefined,
            )
          : undefined;
      let session = await (ahead && JSON.stringify(early) === JSON.stringify(target)
        ? ahead
        : this.createSession(host, target, (nonce = createNonce()), display, signal));
      if (expiryTime(session.expiresAt) <= Date.now()) {
        // Already past its life on arrival (clock skew, a slow host): ask once more, with a new nonce.
        nonce = createNonce();
        session = await this.createSession(host, target, nonce, display, signal);
      }
      if (run !== m.run) return;
      // Only an absolute http(s) URL may reach the iframe or the popup (a javascript: URL would run
      // in this page, or in the popup with this page as its opener).
      const checked = checkHostUrl(session.url);
      if (!checked.ok) return this.refuseUrl(checked.code, 'session.url');
      const url = checked.url;
      m.platformOrigin = originOf(url);
      m.sessionUrl = url;
      if (m.blockIf({ targetUrl: url, expiresAt: expiryTime(session.expiresAt), now: Date.now() })) return;
      this.stopExpiry = scheduleExpiry(expiryTime(session.expiresAt), () =>
        m.urlExpired(run, this.contractId),
      );
      if (inspect) {
        const verdict = await Promise.race([
          inspect,
          new Promise<undefined>((r) => setTimeout(r, INSPECT_WAIT_MS)),
        ]);
        if (run !== m.run) return;
        if (verdict && verdict.verdict === 'refused') return m.block('frame-refused', verdict.addOrigin);
      }
      m.accept(url, session.returnOrigin, nonce, session.contractId ?? this.contractId);
      if (display === 'popup') {
        const win = this.popupWin;
        if (!win || win.closed) return m.finish('cancelled', undefined);
        m.expectSource(win);
        // Navigated through a link with its own referrer policy: `win.location.href = url` would send
        // the OA page's full URL as the referrer whenever the page's own policy allows it.
        const a = document.createElement('a');
        a.href = url;
        a.target = this.popupName;
        a.referrerPolicy = 'strict-origin';
        a.rel = 'opener';
        a.click();
        m.state = 'popup';
        this.popupPoll = setInterval(() => win.closed && m.popupClosed(run), 500);
        return;
      }
      m.state = 'loading';
      m.src = url;
      await this.updateComplete;
      if (run !== m.run) return;
      this.expectFrame();
      const probeUrl = target.url || `${m.platformOrigin}/`;
      // The probe comes with the run's message handling (loaded since the element had a host).
      void loadMessages()
        .then((r) => r.probeReachable(probeUrl, 2500, signal))
        .then(
          (p) => m.probed(run, p, probeUrl),
          () => undefined,
        );
    } catch (e) {
      if (signal.aborted || run !== m.run) return;
      m.hostFailed(e);
    }
  }

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
    if (!this.m.src || frame.getAttribute('src') !== this.m.src) return;
    this.m.frameLoaded();
    this.expectFrame();
    this.m.maybeReady(this.m.run);
  };

  /** The session's frame: the one with a src (a blank one made ahead has none). */
  private frame(): HTMLIFrameElement | null {
    return this.shadowRoot!.querySelector('iframe[src]');
  }

  /** Messages must come from this frame's window (a WindowProxy: stable across its navigations). */
  private expectFrame() {
    this.m.expectSource(this.frame()?.contentWindow ?? null);
  }

  private onViolation = (e: SecurityPolicyViolationEvent) =>
    this.m.violation(e.blockedURI, e.effectiveDirective);

  /** Messages go to the run's message handling (an on-demand chunk, loaded ahead; in order if not there yet). */
  private onMessage = (e: MessageEvent) => {
    const win = this.m.display === 'popup' ? this.popupWin : this.frame()?.contentWindow;
    const go = (r: { handleMessage: typeof import('../../core/signing/run-messages.js').handleMessage }) =>
      r.handleMessage(this.m, e, win);
    const r = loadedMessages();
    if (r) go(r);
    else loadMessages().then(go, () => undefined);
  };

  /**
   * A URL from the host that is not absolute http(s): an error, and it goes nowhere. The error's class comes on
   * demand (a host sending one is rare, and the entry has a 10 kB budget); the event follows once it is there.
   */
  private refuseUrl(code: HostUrlCode, field: string) {
    this.m.stop();
    this.m.fail('badUrl');
    void import('../../api/errors.js').then(({ QysUnsafeUrlError }) =>
      this.emit('qys-error', { error: new QysUnsafeUrlError(code, field), code }),
    );
  }

  private closePopup() {
    if (this.popupWin && !this.popupWin.closed) this.popupWin.close();
    this.popupWin = null;
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

  private readonly warned = new Set<string>();

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`[qys-elements] <qys-signing-frame>: ${message}`);
  }

  // ------------------------------------------------------------------------------------------
  // Render

  private parts: Record<
    'status' | 'next' | 'problem' | 'title' | 'hint' | 'details' | 'retry' | 'win',
    HTMLElement
  > = undefined!;

  /**
   * A new hidden frame with the sandbox, referrer policy and camera permission in force. One is made at idle for the
   * next session: creating a frame's browsing context costs more than navigating it (issue #16: ~4 ms of the first
   * open). A session uses it only if it was made with the attributes then in force; it is never navigated before,
   * so each session still gets a browsing context of its own, with no history, and a frame per session URL.
   */
  private newFrame(): HTMLIFrameElement {
    const f = document.createElement('iframe');
    f.hidden = true;
    f.setAttribute('sandbox', [SANDBOX, ...this.sandboxTokens()].join(' '));
    f.setAttribute('referrerpolicy', 'strict-origin');
    if (this.allowCamera) f.setAttribute('allow', 'camera');
    return f;
  }

  /**
   * At idle, once a blank frame is asked for (`spare` null): makes it, and the first time on this connection decides
   * the zone of the first open (never with auto-open, which has opened; never without a contract).
   */
  private prepareOpen(): void {
    if (this.spare !== null) return;
    this.spare = undefined;
    if (!this.isConnected || this.m.src) return;
    this.shadowRoot!.prepend((this.spare = this.newFrame()));
    const h = this.effectiveHost;
    if (h && this.ahead === undefined && !this.autoOpen && this.hasSubject()) {
      const ctl = new AbortController();
      this.ahead = {
        host: h,
        id: this.serviceId,
        ctl,
        target: decideTarget(h, this.serviceId, PAGE(), ctl.signal).catch(() => undefined),
      };
    }
  }

  /** Updates the shadow DOM from the state (a fixed skeleton; the frame is created per session URL). */
  private render(): void {
    const root = this.shadowRoot!;
    if (!this.parts) {
      root.innerHTML =
        '<div part="result" data-outcome=""><p part="status" role="status"></p><p part="result-hint"></p></div>' +
        '<div part="problem" role="alert" hidden><p part="problem-title"></p>' +
        '<p part="problem-hint"></p><div part="actions"><button part="button"></button><button part="button"></button>' +
        '</div></div><p part="details" hidden></p>';
      // In the skeleton's order: result, status, result-hint, problem, problem-title, problem-hint, actions, the
      // two buttons, details.
      const [, status, next, problem, title, hint, , retry, win, details] =
        root.querySelectorAll<HTMLElement>('[part]') as unknown as HTMLElement[];
      retry!.onclick = () => this.retry();
      win!.onclick = () => this.openInWindow();
      this.parts = {
        status: status!,
        next: next!,
        problem: problem!,
        title: title!,
        hint: hint!,
        details: details!,
        retry: retry!,
        win: win!,
      };
    }
    if (panelSheet && !root.adoptedStyleSheets.includes(panelSheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, panelSheet];
    const p = this.parts;
    const s = this.m.state;
    const note = this.m.note;
    // Without the panels' module (it could not load) a problem's text shows in the status line, unstyled.
    const problem = !!panel && (s === 'blocked' || s === 'error') && !!note;
    const noteText = note ? this.t(note.key, note.params) : '';
    p.status.textContent = problem
      ? ''
      : [/^(preparing|loading|popup|signed|declined|cancelled)$/.test(s) ? this.t(s) : '', noteText]
          .filter(Boolean)
          .join(' ');
    panel?.renderPanels(p, s, problem, note, noteText, !!this.m.cause, (k, x) => this.t(k, x));
    const tg = this.m.target as DecidedTarget | undefined;
    p.details.hidden = !tg;
    p.details.textContent = tg
      ? this.t(tg.matchedRule ? 'rule' : 'zone', { zone: this.t(tg.zone), rule: tg.matchedRule?.rule ?? '' })
      : '';

    // The frame: one per session URL (a fresh browsing context; sandbox and allow apply from its start).
    const want = this.m.display === 'frame' ? this.m.src : undefined;
    let f = this.frame();
    if (f && f.getAttribute('src') !== want) {
      f.remove();
      f = null;
    }
    if (want && !f) {
      // The blank frame made at idle, if made with the attributes now in force (it has never been navigated).
      const spare = this.spare;
      this.spare = undefined;
      f = this.newFrame();
      if (spare?.outerHTML === f.outerHTML) f = spare!;
      else spare?.remove();
      f.hidden = false;
      f.setAttribute('part', 'frame');
      f.addEventListener('load', this.onLoad);
      f.src = want;
      if (f !== spare) root.prepend(f); // src first: a frame inserted without one makes a blank document first
    }
    if (f) f.title = this.t('title');
  }
}

for (const k of [...PUBLIC, '_ctxHost'])
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
