import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QysElement } from '../../internal/qys-element.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { isAbortError, QysUnsafeUrlError } from '../../api/errors.js';
import { checkHostUrl, type HostUrlCode } from '../../core/url.js';
import type { Binding } from '../../api/schemas.js';
import { bindingToInput } from '../../api/binding.js';
import {
  buildChecklist,
  checkProtocols,
  checkSyncFreshness,
  signingTargets,
  type Checklist,
  type ChecklistItem,
  type CheckOutcome,
  type UpgradeMode,
} from '../../core/integration/checklist.js';
import { evaluateFraming } from '../../core/integration/framing.js';
import { checklistToMarkdown, type CheckLine } from '../../core/integration/markdown.js';
import { copyText } from '../../internal/clipboard.js';
import { checklistMessages } from './integration-checklist.messages.js';
import { connectionMessages } from '../../internal/connection.messages.js';
import { styles } from './integration-checklist.styles.js';

type CheckId =
  | 'framing-external'
  | 'framing-internal'
  | 'protocol'
  | 'connection'
  | 'callback'
  | 'openserver'
  | 'sync-fresh';
interface CheckState {
  id: CheckId;
  running: boolean;
  outcome?: CheckOutcome;
  fix?: string;
}

const UPGRADE_MODES: UpgradeMode[] = ['none', 'same-address', 'new-address'];

/**
 * What an administrator must configure on the Qiyuesuo side (seed 001), computed from a service
 * configuration and the OA address, each value copyable; plus checks of what can be checked: the embed
 * whitelist (seed 000 FAQ 1, through `host.client.inspectFraming`), matching protocols, the open
 * platform and credentials (`host.services.testConnection`), and sync freshness (seed 000 FAQ 2).
 * Exports as Markdown and as a print view.
 *
 * @summary What to configure on the Qiyuesuo side, computed and checked.
 * @tag qys-integration-checklist
 * @fires qys-copy - A value was copied; detail `{ key, value }` (never a secret: none is shown).
 * @fires qys-error - A URL from the host (signing address, OA address) is not absolute http(s) and was not used: `{ error, code }` (`url.unsafeScheme`, `url.notAbsolute`).
 * @csspart header - Title, service line and actions.
 * @csspart inputs - The OA address / tenant / upgrade inputs.
 * @csspart section - One group of items.
 * @csspart item - One item row.
 * @csspart value - A value to enter on the Qiyuesuo side.
 * @csspart copy-button - The copy button of a value.
 * @csspart checks - The list of checks.
 * @csspart check - One check row (also `check-pass`, `check-fail`, `check-cannot-check`).
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
export class QysIntegrationChecklist extends QysElement {
  static override styles = [sharedStyles, styles];

  /** Read the service configuration with this ID from the host. */
  @property({ attribute: 'service-id' }) serviceId = '';
  /** Or pass the service configuration directly (wins over `service-id`). */
  @property({ attribute: false }) binding: Binding | undefined;
  /** The OA (E10) address. Default: the host's `client.context().oaBaseUrl`, else this page's origin. */
  @property({ attribute: 'oa-url' }) oaUrl = '';
  /** 泛微E10租户识别码 (private cloud: 团队识别码), when known. */
  @property({ attribute: 'tenant-id' }) tenantId = '';
  /** E9 → E10 upgrade: `none`, `same-address` or `new-address`. */
  @property() upgrade: UpgradeMode = 'none';
  /** The former E9 address (for `upgrade="new-address"`). */
  @property({ attribute: 'e9-url' }) e9Url = '';
  /** Provider data older than this many days fails the sync check. */
  @property({ type: Number, attribute: 'stale-days' }) staleDays = 7;
  /** Do not run the checks by themselves; wait for "check again" or `runChecks()`. */
  @property({ type: Boolean, attribute: 'manual-check' }) manualCheck = false;

  @state() private loadedBinding: Binding | undefined;
  @state() private loading = false;
  @state() private loadError: unknown;
  @state() private contextOaUrl = '';
  /** The host's `oaBaseUrl` was refused (not an absolute http(s) URL); the page origin is used. */
  @state() private contextUrlError: HostUrlCode | undefined;
  @state() private contextOpenPlatform: { appKey?: string; corpId?: string } | undefined;
  @state() private checks: CheckState[] = [];
  @state() private announcement = '';
  @state() private notice = '';

  protected override messages = [checklistMessages, connectionMessages];
  private loadAbort?: AbortController;
  private checkAbort?: AbortController;
  private checkedFor = '';

  /** The binding in force. */
  get currentBinding(): Binding | undefined {
    return this.binding ?? this.loadedBinding;
  }

  /** The OA address in force. */
  get effectiveOaUrl(): string {
    return this.oaUrl || this.contextOaUrl || (typeof location !== 'undefined' ? location.origin : '');
  }

  /** The computed checklist (null until a binding is known). */
  get checklist(): Checklist | null {
    const b = this.currentBinding;
    if (!b) return null;
    return buildChecklist({
      binding: b,
      oaBaseUrl: this.effectiveOaUrl,
      tenantId: this.tenantId || undefined,
      upgrade: UPGRADE_MODES.includes(this.upgrade) ? this.upgrade : 'none',
      e9BaseUrl: this.e9Url,
      ...(this.contextOpenPlatform ? { openPlatform: this.contextOpenPlatform } : {}),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.checkAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('upgrade') && !UPGRADE_MODES.includes(this.upgrade)) {
      this.warnOnce(
        'upgrade',
        `upgrade="${String(this.upgrade)}" is not one of ${UPGRADE_MODES.join(', ')}; using "none".`,
      );
    }
    if (changed.has('staleDays') && !(Number.isFinite(this.staleDays) && this.staleDays >= 0)) {
      this.warnOnce(
        'stale-days',
        `stale-days="${String(this.staleDays)}" is not a non-negative number; using 7.`,
      );
      this.staleDays = 7;
    }
    const hostChanged = this.hostChanged(changed);
    if ((changed.has('serviceId') || hostChanged) && !this.binding) void this.loadBinding();
    if (hostChanged && !this.oaUrl) void this.loadContext();
  }

  private checkKey(): string {
    const b = this.currentBinding;
    return b
      ? `${b.id}@${b.version}|${b.lastSyncedAt}|${this.effectiveOaUrl}|${this.effectiveHost ? 'h' : ''}`
      : '';
  }

  protected override updated(): void {
    const key = this.checkKey();
    if (key && key !== this.checkedFor && !this.manualCheck) {
      this.checkedFor = key;
      void this.runChecks({ reload: false });
    }
  }

  private async loadContext() {
    const host = this.effectiveHost;
    if (!host) return;
    try {
      const ctx = await host.client.context();
      const oa = ctx.oaBaseUrl ? checkHostUrl(ctx.oaBaseUrl) : undefined;
      this.contextUrlError = oa && !oa.ok ? oa.code : undefined;
      if (oa && !oa.ok) this.refuseUrl(oa.code, 'oaBaseUrl');
      this.contextOaUrl = oa?.ok ? ctx.oaBaseUrl! : '';
      this.contextOpenPlatform = ctx.openPlatform;
    } catch {
      /* the page origin is a fine default */
    }
  }

  private async loadBinding({ keepShown = false } = {}) {
    const host = this.effectiveHost;
    this.loadAbort?.abort();
    if (!host || !this.serviceId) {
      this.loadedBinding = undefined;
      return;
    }
    const ac = (this.loadAbort = new AbortController());
    this.loading = !keepShown;
    this.loadError = undefined;
    try {
      this.loadedBinding = await host.services.get(this.serviceId, { signal: ac.signal });
    } catch (e) {
      if (isAbortError(e)) return;
      this.loadError = e;
    } finally {
      if (this.loadAbort === ac) this.loading = false;
    }
  }

  /** A URL from the host that is not absolute http(s): a qys-error (the caller shows the text). */
  private refuseUrl(code: HostUrlCode, field: string) {
    this.emit('qys-error', { error: new QysUnsafeUrlError(code, field), code });
  }

  /** Runs every check again (aborting a run in progress). Resolves when all have finished. */
  async runChecks(options: { reload?: boolean } = {}): Promise<void> {
    // "Check again" re-reads a service loaded by ID: a sync or an edit since may have changed it.
    if (options.reload !== false && !this.binding && this.serviceId && this.loadedBinding) {
      await this.loadBinding({ keepShown: true });
      this.checkedFor = this.checkKey();
    }
    const b = this.currentBinding;
    if (!b) return;
    this.checkAbort?.abort();
    const ac = (this.checkAbort = new AbortController());
    const targets = signingTargets(b);
    const ids: CheckId[] = [];
    if (b.serviceType === 'private') {
      ids.push('framing-external');
      if (targets.some((t) => t.zone === 'internal')) ids.push('framing-internal');
      ids.push('protocol');
    }
    ids.push('connection');
    // What only Qiyuesuo can tell (asked through the OA server): callbacks and /openserver reach it.
    if (b.serviceType === 'private') ids.push('callback', 'openserver');
    ids.push('sync-fresh');
    this.checks = ids.map((id) => ({ id, running: true }));

    const set = (id: CheckId, outcome: CheckOutcome, fix?: string) => {
      if (ac.signal.aborted) return;
      this.checks = this.checks.map((c) => (c.id === id ? { id, running: false, outcome, fix } : c));
    };
    const host = this.effectiveHost;
    const page = this.effectiveOaUrl;
    let pageOrigin = '';
    try {
      pageOrigin = new URL(page).origin;
    } catch {
      /* reported as a problem of the OA address */
    }

    const jobs: Promise<void>[] = [];
    for (const target of targets) {
      const id: CheckId = target.zone === 'internal' ? 'framing-internal' : 'framing-external';
      jobs.push(
        (async () => {
          // A signing address that is not absolute http(s) is refused before anything uses it.
          const safe = checkHostUrl(target.url);
          if (!safe.ok) {
            this.refuseUrl(
              safe.code,
              target.zone === 'internal' ? 'signingUrlInternal' : 'signingUrlExternal',
            );
            return set(id, { status: 'fail', reason: safe.code });
          }
          if (!host?.client.inspectFraming)
            return set(id, { status: 'cannot-check', reason: 'reason.noInspect' });
          if (!pageOrigin)
            return set(id, {
              status: 'cannot-check',
              reason: 'problem.oaBaseUrl',
              params: { message: this.t('url.invalid') },
            });
          try {
            const inspection = await host.client.inspectFraming(target.url, { signal: ac.signal });
            const v = evaluateFraming(inspection, pageOrigin);
            if (v.verdict === 'allowed')
              set(id, {
                status: 'pass',
                reason: 'reason.framingAllowed',
                params: { url: target.url, origin: pageOrigin },
              });
            else if (v.verdict === 'refused')
              set(
                id,
                {
                  status: 'fail',
                  reason: 'reason.framingRefused',
                  params: {
                    url: target.url,
                    origin: v.addOrigin,
                    policy: v.directive
                      ? `frame-ancestors ${v.directive}`
                      : `X-Frame-Options ${inspection.xFrameOptions ?? ''}`.trim(),
                  },
                },
                'fix.framingRefused',
              );
            else
              set(
                id,
                {
                  status: 'cannot-check',
                  reason: 'reason.unreachable',
                  params: {
                    url: target.url,
                    detail: v.reason === 'unreachable' ? (v.detail ?? '') : v.reason,
                  },
                },
                'fix.unreachable',
              );
          } catch (e) {
            if (isAbortError(e)) return;
            set(id, {
              status: 'cannot-check',
              reason: 'reason.connectionError',
              params: { message: this.errorText(e) },
            });
          }
        })(),
      );
    }
    if (b.serviceType === 'private') {
      const p = checkProtocols(page, targets);
      set('protocol', p, p.status === 'fail' ? 'fix.protocol' : undefined);
    }
    jobs.push(
      (async () => {
        if (!host)
          return set('connection', {
            status: 'cannot-check',
            reason: 'reason.connectionError',
            params: { message: this.t('noHost') },
          });
        try {
          const report = await host.services.testConnection(bindingToInput(b), { signal: ac.signal });
          if (report.ok) return set('connection', { status: 'pass', reason: 'reason.connectionOk' });
          const failed = report.steps.find((s) => s.status === 'fail');
          const stepKey = `step.${failed?.id ?? 'reach'}`;
          const detailKey = failed?.code ?? '';
          const detail = this.t(detailKey) !== detailKey ? this.t(detailKey) : (failed?.detail ?? detailKey);
          set(
            'connection',
            { status: 'fail', reason: 'reason.connectionFailed', params: { step: this.t(stepKey), detail } },
            'fix.connection',
          );
        } catch (e) {
          if (isAbortError(e)) return;
          set('connection', {
            status: 'cannot-check',
            reason: 'reason.connectionError',
            params: { message: this.errorText(e) },
          });
        }
      })(),
    );
    if (b.serviceType === 'private')
      for (const kind of ['callback', 'openserver'] as const)
        jobs.push(
          (async () => {
            if (!host?.services.probe) return set(kind, { status: 'cannot-check', reason: 'reason.noProbe' });
            try {
              const p = await host.services.probe(b.id, kind, { signal: ac.signal });
              set(
                kind,
                { status: p.status, reason: p.code, params: { detail: p.detail ?? '' } },
                p.status === 'fail' ? `fix.${kind}` : undefined,
              );
            } catch (e) {
              if (isAbortError(e)) return;
              set(kind, {
                status: 'cannot-check',
                reason: 'reason.connectionError',
                params: { message: this.errorText(e) },
              });
            }
          })(),
        );
    const fresh = checkSyncFreshness(b.lastSyncedAt, new Date(), this.staleDays);
    set('sync-fresh', fresh, fresh.status === 'fail' ? 'fix.sync' : undefined);
    await Promise.all(jobs);
  }

  /** The checklist (with the latest check results) as Markdown, in the element's language. */
  toMarkdown(): string {
    const list = this.checklist;
    if (!list) return '';
    const checks: CheckLine[] = this.checks
      .filter((c) => c.outcome)
      .map((c) => ({ id: c.id, outcome: c.outcome!, fix: c.fix }));
    return checklistToMarkdown(list, (k, p) => this.t(k, p), {
      title: this.t('title'),
      serviceLine: this.serviceLine(),
      checks,
    });
  }

  private serviceLine(): string {
    const b = this.currentBinding;
    return b ? this.t('serviceLine', { name: b.name || b.id, type: this.t(`type.${b.serviceType}`) }) : '';
  }

  private downloadMarkdown() {
    const blob = new Blob([this.toMarkdown()], { type: 'text/markdown;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.t('title')}.md`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /**
   * Opens a print view of the checklist in a new window and, unless `print: false`, starts printing.
   * Returns the window (null when the browser blocked it; the element then says so).
   */
  openPrintView({ print = true }: { print?: boolean } = {}): Window | null {
    const w = window.open('', '_blank');
    if (!w) {
      this.notice = this.t('popupBlocked');
      return null;
    }
    const doc = w.document;
    doc.title = this.t('printTitle');
    doc.documentElement.lang = this.effectiveLang;
    const style = doc.createElement('style');
    style.textContent =
      'body{font:14px/1.6 system-ui,sans-serif;margin:2rem;color:#111}pre,code{font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-all}h2{margin-top:1.5rem;border-bottom:1px solid #ccc}li{margin:.4rem 0}';
    doc.head.append(style);
    const pre = doc.createElement('pre');
    // Plain text (textContent): nothing from the binding can become markup in the print window.
    pre.textContent = this.toMarkdown();
    doc.body.append(pre);
    if (print) setTimeout(() => w.print(), 0);
    return w;
  }

  private async copy(item: ChecklistItem) {
    if (!item.value) return;
    const label = this.t(`item.${item.id}`);
    const ok = await copyText(item.value);
    // Re-announce even when the same item is copied twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = ok ? this.t('copiedLabel', { label }) : this.t('copyFailed');
    if (ok) this.emit('qys-copy', { key: item.id, value: item.value });
  }

  private onOaInput(e: Event) {
    this.oaUrl = (e.target as HTMLInputElement).value;
  }

  private renderItem(item: ChecklistItem) {
    const label = this.t(`item.${item.id}`);
    const noteKey = `note.${item.id}`;
    const note = this.t(noteKey, item.params);
    const valueId = `v-${item.id}`;
    return html`<li part="item" class="item">
      <div class="label" id="l-${item.id}">${label}</div>
      <div class="body">
        ${
          item.value
            ? html`<div class="value-row">
                ${
                  item.code
                    ? html`<pre part="value" class="value code" id=${valueId}>${item.value}</pre>`
                    : html`<code part="value" class="value" id=${valueId}>${item.value}</code>`
                }
                <button
                  part="copy-button"
                  class="copy"
                  type="button"
                  aria-label=${this.t('copyLabel', { label })}
                  @click=${() => this.copy(item)}
                >
                  ${this.t('copy')}
                </button>
              </div>`
            : item.setting
              ? html`<span class="setting">${this.t(item.setting)}</span>`
              : item.where
                ? nothing
                : html`<span class="missing">${this.t('missingValue')}</span>`
        }
        ${item.where && !item.value ? html`<div class="where">${this.t(item.where)}</div>` : nothing}
        ${note !== noteKey ? html`<div class="note">${note}</div>` : nothing}
      </div>
    </li>`;
  }

  private renderChecks() {
    if (this.checks.length === 0) return nothing;
    return html`<section part="section checks" class="section" aria-labelledby="h-checks">
      <div class="section-head">
        <h3 id="h-checks">${this.t('section.checks')}</h3>
        <button type="button" class="secondary" @click=${() => this.runChecks()}>
          ${this.t('runChecks')}
        </button>
      </div>
      <ul class="checks" aria-busy=${this.checks.some((c) => c.running) ? 'true' : 'false'}>
        ${this.checks.map((c) => {
          const status = c.running ? 'running' : c.outcome!.status;
          return html`<li part="check check-${status}" class="check ${status}">
            <span class="badge" aria-hidden="true"
              >${status === 'pass' ? '✓' : status === 'fail' ? '✗' : status === 'running' ? '…' : '?'}</span
            >
            <div>
              <div class="check-title">
                ${this.t(`check.${c.id}`)} — <strong class="status">${this.t(`status.${status}`)}</strong>
              </div>
              ${c.outcome ? html`<div class="reason">${this.t(c.outcome.reason, c.outcome.params)}</div>` : nothing}
              ${
                c.fix && c.outcome && c.outcome.status !== 'pass'
                  ? html`<div class="fix">${this.t(c.fix, c.outcome.params)}</div>`
                  : nothing
              }
            </div>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  override render() {
    if (!this.currentBinding) {
      return html`<div class="state" role=${this.loadError ? 'alert' : 'status'}>
        ${
          this.loading
            ? this.t('loadingBinding')
            : this.loadError
              ? html`${this.errorText(this.loadError)}
                  <button type="button" @click=${() => this.loadBinding()}>${this.t('retry')}</button>`
              : !this.effectiveHost && this.serviceId
                ? this.t('noHost')
                : this.t('noBinding')
        }
      </div>`;
    }
    const list = this.checklist!;
    const problem = (field: 'oaBaseUrl' | 'e9BaseUrl') => list.problems.find((p) => p.field === field);
    const oaProblem = problem('oaBaseUrl');
    const e9Problem = problem('e9BaseUrl');
    let section = '';
    const groups: { section: string; items: ChecklistItem[] }[] = [];
    for (const item of list.items) {
      if (item.section !== section) groups.push({ section: (section = item.section), items: [] });
      groups[groups.length - 1]!.items.push(item);
    }
    return html`
      <header part="header" class="header">
        <div>
          <h2>${this.t('title')}</h2>
          <p class="muted">${this.serviceLine()}</p>
          <p class="muted">${this.t('intro')}</p>
        </div>
        <div class="actions">
          <button type="button" class="secondary" @click=${this.downloadMarkdown}>
            ${this.t('exportMarkdown')}
          </button>
          <button type="button" class="secondary" @click=${() => this.openPrintView()}>
            ${this.t('print')}
          </button>
        </div>
      </header>
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      <div part="inputs" class="inputs">
        <label class="field">
          <span>${this.t('oaUrlLabel')}</span>
          <input
            type="url"
            .value=${this.effectiveOaUrl}
            aria-invalid=${oaProblem ? 'true' : 'false'}
            aria-describedby="oa-hint oa-error"
            @change=${this.onOaInput}
          />
          <small id="oa-hint" class="muted">${this.t('oaUrlHint')}</small>
          ${oaProblem ? html`<small id="oa-error" class="error">${this.t('problem.oaBaseUrl', { message: this.t(oaProblem.code) })}</small>` : nothing}
          ${this.contextUrlError ? html`<small class="error" role="alert">${this.t('problem.oaBaseUrl', { message: this.t(this.contextUrlError) })}</small>` : nothing}
        </label>
        ${
          list.serviceType === 'private'
            ? html`<label class="field">
                  <span>${this.t('tenantLabel')}</span>
                  <input
                    .value=${this.tenantId}
                    aria-describedby="tenant-hint"
                    @change=${(e: Event) => (this.tenantId = (e.target as HTMLInputElement).value.trim())}
                  />
                  <small id="tenant-hint" class="muted">${this.t('tenantHint')}</small>
                </label>
                <fieldset class="field">
                  <legend>${this.t('upgradeLabel')}</legend>
                  ${UPGRADE_MODES.map(
                    (m) =>
                      html`<label class="radio"
                        ><input
                          type="radio"
                          name="upgrade"
                          .checked=${this.upgrade === m}
                          @change=${() => (this.upgrade = m)}
                        />${this.t(`upgrade.${m}`)}</label
                      >`,
                  )}
                </fieldset>
                ${
                  this.upgrade === 'new-address'
                    ? html`<label class="field">
                        <span>${this.t('e9UrlLabel')}</span>
                        <input
                          type="url"
                          .value=${this.e9Url}
                          aria-invalid=${e9Problem ? 'true' : 'false'}
                          aria-describedby="e9-error"
                          @change=${(e: Event) => (this.e9Url = (e.target as HTMLInputElement).value)}
                        />
                        ${
                          e9Problem
                            ? html`<small id="e9-error" class="error"
                                >${this.t('problem.e9BaseUrl', { message: this.t(e9Problem.code) })}</small
                              >`
                            : nothing
                        }
                      </label>`
                    : nothing
                }`
            : nothing
        }
      </div>
      ${groups.map(
        (g) =>
          html`<section part="section" class="section" aria-labelledby="h-${g.section}">
            <h3 id="h-${g.section}">${this.t(`section.${g.section}`)}</h3>
            <ul class="items">
              ${g.items.map((i) => this.renderItem(i))}
            </ul>
          </section>`,
      )}
      ${this.renderChecks()}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }
}
