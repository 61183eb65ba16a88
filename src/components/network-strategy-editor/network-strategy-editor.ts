import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { QysFormField } from '../../internal/form-field.js';
import { HostTask } from '../../controllers/host-task.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import type { QysHost } from '../../api/host.js';
import type { AutoLogin, AutoLoginMode, SegmentPreset } from '../../api/schemas.js';
import type { ParsedSegmentRules } from '../../core/network-strategy/rules.js';
import {
  AUTO_LOGIN_MODES,
  addRules,
  asAutoLogin,
  editRule,
  emptyAutoLogin,
  parseSegmentsWithPresets,
  previewSigningTarget,
  removeRule,
  ruleListKey,
  sameAutoLogin,
  togglePreset,
} from '../../core/network-strategy/value.js';
import { parseDomainRules, type ParsedDomainRules } from '../../core/network-strategy/domain.js';
import { type SigningTargetBinding, type SigningTargetResult } from '../../core/network-strategy/resolve.js';
import type { RuleIssue } from '../../core/network-strategy/issues.js';
import { objectOf, textsOf } from '../../core/input.js';
export { splitRuleText } from '../../core/network-strategy/value.js';
import { networkStrategyMessages } from './network-strategy-editor.messages.js';
import { networkStrategyEditorStyles } from './network-strategy-editor.styles.js';

/** The two signing platform addresses, for the "try an address" preview. */
export interface SigningUrls {
  /** 签署平台外网地址 */
  external?: string;
  /** 签署平台内网地址 */
  internal?: string;
}

type PresetsState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; presets: SegmentPreset[] }
  | { status: 'failed'; error: unknown };

/** A segment preset as the `presets` property takes it (`{ id, name, rules }`). */
const isPreset = (p: unknown): p is SegmentPreset => {
  const o = objectOf<SegmentPreset>(p);
  return typeof o?.id === 'string' && typeof o.name === 'string' && textsOf(o.rules) === o.rules;
};

/**
 * Edits 内外网自动登录 (`autoLogin`): off, by network segment (client IP), or by domain (the OA page's
 * host), with the rule lists, the host's named segment presets, and a "try an address" preview that
 * shows which signing URL an IP or domain would get and which rule decided.
 *
 * Form-associated: `value` is the `AutoLogin` object; the form value is its JSON text. Both rule lists
 * are kept whatever the mode. Validity (only the list of the mode in force is checked):
 * `badInput` when a rule is not valid (the message names the rule and why; each row shows its own
 * error or warning), `valueMissing` when a strategy is on without any rule, or when `required` and off.
 * Invalid rules stay in the value (nothing typed is lost) but never make the field valid.
 *
 * The preview needs the signing addresses: set `signingUrls = { external, internal }`, or `binding`
 * (a binding with `signingUrlExternal` / `signingUrlInternal`); `signingUrls` wins when both are set.
 * It defaults to the client IP from `host.client.context()` and to `location.host`.
 * Presets come from `host.client.segmentPresets()`, or from the `presets` property when set.
 * Rule messages can be localised elsewhere with `ruleIssueText()` / `networkStrategyText()`.
 *
 * @summary Edits 内外网自动登录 (network segment / domain rules) with a "try an address" preview; a form field.
 * @tag qys-network-strategy-editor
 * @fires {CustomEvent<{ value: AutoLogin }>} qys-change - The user changed the value. `detail: { value: AutoLogin }`.
 * @csspart base - The outer fieldset.
 * @csspart legend - The fieldset's title (内外网自动登录); a page that labels the editor itself may hide it visually.
 * @csspart modes - The radio group of modes.
 * @csspart rules - The list of rules.
 * @csspart rule - One rule row.
 * @csspart rule-input - The inline edit field of a rule.
 * @csspart remove-button - The delete button of a rule.
 * @csspart rule-message - The error or warning under a rule.
 * @csspart add-input - The textarea to add rules (several at once).
 * @csspart add-button - The add button.
 * @csspart presets - The host's segment presets.
 * @csspart try - The "try an address" box.
 * @csspart try-result - The result of the preview (a live region).
 * @cssprop --qys-network-strategy-editor-gap - Space between sections (default 0.75rem).
 * @cssprop --qys-network-strategy-editor-list-max-height - Height after which the rule list scrolls (default 24rem).
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
export class QysNetworkStrategyEditor extends QysFormField {
  static override styles = [sharedStyles, networkStrategyEditorStyles];
  protected override messages = [networkStrategyMessages];

  private _value: AutoLogin = emptyAutoLogin();
  private initialValue: AutoLogin | undefined;

  /** The strategy (`autoLogin`). A value that is not an `AutoLogin` warns once and is ignored. */
  @property({ attribute: false })
  get value(): AutoLogin {
    return this._value;
  }
  set value(v: AutoLogin) {
    const next = asAutoLogin(v);
    if (!next) {
      this.warnOnce(
        'value',
        'value must be { mode, segmentRules, domainRules[, segmentPresetIds] }; ignored',
      );
      return;
    }
    // A page echoing back the value from qys-change changes nothing: keep the parsed caches.
    if (sameAutoLogin(next, this._value)) return;
    const old = this._value;
    this._value = next;
    this.requestUpdate('value', old);
    if (this.isConnected) this.commitValue();
  }

  /**
   * Shows the strategy without letting it be changed (viewers): rules are read-only, there is no add
   * box or delete button, but the preview still works and the value is still submitted.
   */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Signing platform addresses for the preview (see the class notes). */
  @property({ attribute: false }) signingUrls: SigningUrls | undefined;

  /** A binding to take the signing addresses from when `signingUrls` is not set. */
  @property({ attribute: false }) binding: SigningTargetBinding | undefined;

  /** Segment presets to offer instead of asking the host (`undefined`: ask the host). */
  @property({ attribute: false }) presets: SegmentPreset[] | undefined;

  /** The host's segment presets, and the client IP for the preview (HostTask: abort on host change / disconnect). */
  private readonly presetsTask = new HostTask<[], SegmentPreset[]>(this, {
    task: async (_, { host, signal }) => {
      const presets = await host.client.segmentPresets({ signal });
      return Array.isArray(presets) ? presets : [];
    },
    onValue: () => this.commitValue(),
    onError: () => this.commitValue(),
  });
  private readonly contextTask = new HostTask<[], string | null>(this, {
    task: async (_, { host, signal }) => (await host.client.context({ signal })).clientIp ?? null,
  });
  @state() private tryIp: string | undefined;
  @state() private tryHost: string | undefined;
  @state() private addText = '';
  @state() private announcement = '';

  private loadedFrom: QysHost | undefined | null = null;
  private segmentMemo:
    | {
        list: readonly string[];
        presets: SegmentPreset[] | undefined;
        ids: string;
        parsed: ParsedSegmentRules;
      }
    | undefined;
  private domainMemo: { list: readonly string[]; parsed: ParsedDomainRules } | undefined;

  // ---------------------------------------------------------------------------------------------
  // Form field
  // ---------------------------------------------------------------------------------------------

  override connectedCallback(): void {
    if (!this.initialValue) this.initialValue = this._value;
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadedFrom = null; // the tasks abort by themselves
  }

  protected formValue(): string {
    return JSON.stringify(this._value);
  }

  protected resetValue(): void {
    this._value = this.initialValue ?? emptyAutoLogin();
    this.addText = '';
    this.requestUpdate();
  }

  protected restoreValue(state: string | FormData | File | null): void {
    if (typeof state !== 'string') return;
    try {
      const v = asAutoLogin(JSON.parse(state));
      if (v) this._value = v;
    } catch {
      /* not ours: keep the current value */
    }
    this.requestUpdate();
  }

  protected validate(): { flags: ValidityStateFlags; message: string; anchor?: HTMLElement } {
    const v = this._value;
    const q = (sel: string) => this.renderRoot?.querySelector?.<HTMLElement>(sel) ?? undefined;
    if (v.mode === 'off') {
      if (this.required)
        return {
          flags: { valueMissing: true },
          message: this.t('validity.required'),
          anchor: q('input[name="mode"]'),
        };
      return { flags: {}, message: '' };
    }
    const list = v.mode === 'segment' ? v.segmentRules : v.domainRules;
    const presetCount = v.mode === 'segment' ? (v.segmentPresetIds?.length ?? 0) : 0;
    if (list.length + presetCount === 0)
      return { flags: { valueMissing: true }, message: this.t('strategy.noRules'), anchor: q('textarea') };
    const errors = this.issuesOf(v.mode).filter((i) => i.severity === 'error');
    if (errors.length) {
      const first = errors[0]!;
      return {
        flags: { badInput: true },
        message: this.t('validity.badInput', {
          count: errors.length,
          n: first.index + 1,
          message: this.issueText(first),
        }),
        anchor: q(`input[data-index="${first.index}"]`),
      };
    }
    if (v.mode === 'segment' && this.unknownPresetIds().length)
      return {
        flags: { customError: true },
        message: this.t('segmentPreset.unknown'),
        anchor: q('.presets input'),
      };
    return { flags: {}, message: '' };
  }

  // ---------------------------------------------------------------------------------------------
  // Derived data
  // ---------------------------------------------------------------------------------------------

  private parsedSegments(): ParsedSegmentRules {
    const list = this._value.segmentRules;
    const presets = this.availablePresets;
    const ids = (this._value.segmentPresetIds ?? []).join('\u0000');
    const m = this.segmentMemo;
    if (m?.list === list && m.presets === presets && m.ids === ids) return m.parsed;
    const parsed = parseSegmentsWithPresets(list, presets, this._value.segmentPresetIds);
    this.segmentMemo = { list, presets, ids, parsed };
    return parsed;
  }

  private parsedDomains(): ParsedDomainRules {
    const list = this._value.domainRules;
    if (this.domainMemo?.list !== list) this.domainMemo = { list, parsed: parseDomainRules(list) };
    return this.domainMemo.parsed;
  }

  private issuesOf(mode: AutoLoginMode): RuleIssue[] {
    if (mode === 'segment') return this.parsedSegments().issues;
    if (mode === 'domain') return this.parsedDomains().issues;
    return [];
  }

  private issueText(issue: RuleIssue): string {
    return this.t(issue.code, issue.params);
  }

  /**
   * The `presets` property as far as it is usable: an array of presets (`{ id, name, rules }`); anything else is
   * warned about once and the host's presets are used instead.
   */
  private get ownPresets(): SegmentPreset[] | undefined {
    const own: unknown = this.presets;
    if (own === undefined || own === null) return undefined;
    if (Array.isArray(own) && own.every(isPreset)) return own;
    this.warnOnce('presets', 'presets must be an array of { id, name, rules }; ignored.');
    return undefined;
  }

  private get availablePresets(): SegmentPreset[] | undefined {
    const own = this.ownPresets;
    if (own) return own;
    return this.presetsTask.status === 'done' ? this.presetsTask.value : undefined;
  }

  private unknownPresetIds(): string[] {
    const presets = this.availablePresets;
    if (!presets) return [];
    return (this._value.segmentPresetIds ?? []).filter((id) => !presets.some((p) => p.id === id));
  }

  private get urls(): SigningUrls | undefined {
    if (this.signingUrls) return this.signingUrls;
    if (this.binding)
      return {
        external: this.binding.signingUrlExternal ?? '',
        internal: this.binding.signingUrlInternal ?? '',
      };
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Host data (presets, client context)
  // ---------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const host = this.effectiveHost;
    if (this.isConnected && host !== this.loadedFrom) {
      this.loadedFrom = host;
      if (!host) this.presetsTask.reset(); // no host, no presets (not the last host's)
      void this.presetsTask.run();
      void this.contextTask.run(); // unknown client IP on failure: the preview says so
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('required') || changed.has('presets')) this.commitValue();
  }

  protected override firstUpdated(): void {
    // Now the inner controls exist, point validity at them.
    this.commitValue();
  }

  /** What the presets section shows: the host's presets loading, there, failed, or none (no host). */
  private get hostPresets(): PresetsState {
    const t = this.presetsTask;
    if (t.status === 'done') return { status: 'ready', presets: t.value ?? [] };
    if (t.status === 'error') return { status: 'failed', error: t.error };
    return { status: t.status === 'loading' ? 'loading' : 'none' };
  }

  // ---------------------------------------------------------------------------------------------
  // User changes
  // ---------------------------------------------------------------------------------------------

  private change(next: AutoLogin): void {
    if (this.readonly) return;
    const old = this._value;
    this._value = next;
    this.requestUpdate('value', old);
    this.commitValue();
    this.markInteracted();
    this.emit('qys-change', { value: next });
  }

  private setMode(mode: AutoLoginMode): void {
    if (mode === this._value.mode) return;
    this.change({ ...this._value, mode });
  }

  private addRules(): void {
    const r = addRules(this._value, this.addText);
    if (!r) return;
    this.addText = '';
    this.change(r.value);
    const errors = new Set(
      this.issuesOf(this._value.mode)
        .filter((i) => i.severity === 'error' && i.index >= r.start)
        .map((i) => i.index),
    ).size;
    this.announcement = errors
      ? this.t('add.doneWithErrors', { count: r.added, errors })
      : this.t('add.done', { count: r.added });
  }

  private editRule(index: number, text: string): void {
    const next = editRule(this._value, index, text);
    if (next) this.change(next);
  }

  private async removeRule(index: number): Promise<void> {
    const r = removeRule(this._value, index);
    if (!r) return;
    this.change(r.value);
    this.announcement = this.t('rule.removed', { rule: r.removed });
    await this.updateComplete;
    const count = r.value.mode === 'domain' ? r.value.domainRules.length : r.value.segmentRules.length;
    const target = count
      ? this.renderRoot.querySelector<HTMLElement>(`input[data-index="${Math.min(index, count - 1)}"]`)
      : this.renderRoot.querySelector<HTMLElement>('textarea');
    target?.focus();
  }

  private togglePreset(id: string, on: boolean): void {
    this.change(togglePreset(this._value, id, on));
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  override render() {
    const v = this._value;
    return html`
      <fieldset part="base" ?disabled=${this.isDisabled}>
        <legend id="title" part="legend">${this.t('title')}</legend>
        <div
          class="modes"
          part="modes"
          role="radiogroup"
          aria-labelledby="title"
          aria-readonly=${this.readonly ? 'true' : nothing}
        >
          ${AUTO_LOGIN_MODES.map(
            (m) =>
              html`<label
                ><input
                  type="radio"
                  name="mode"
                  ?disabled=${this.readonly}
                  .value=${m}
                  .checked=${live(v.mode === m)}
                  aria-describedby="mode-hint"
                  @change=${() => this.setMode(m)}
                />${this.t(`mode.${m}`)}</label
              >`,
          )}
        </div>
        <p class="hint" id="mode-hint">${this.t(`mode.${v.mode}.hint`)}</p>
        ${v.mode === 'off' ? nothing : this.renderRules()}
        ${v.mode === 'segment' ? this.renderPresets() : nothing}
        ${
          this.showErrors && !this.validity.valid && !this.validity.badInput
            ? html`<p class="invalid-text" id="validity">${this.validationMessage}</p>`
            : nothing
        }
        ${this.renderTry()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </fieldset>
    `;
  }

  private renderRules() {
    const mode = this._value.mode as 'segment' | 'domain';
    const list = this._value[ruleListKey(this._value)];
    const issues = this.issuesOf(mode);
    const byIndex = new Map<number, RuleIssue[]>();
    for (const i of issues) {
      const a = byIndex.get(i.index);
      if (a) a.push(i);
      else byIndex.set(i.index, [i]);
    }
    const other = mode === 'segment' ? this._value.domainRules : this._value.segmentRules;
    return html`
      <h3 id="list-title">${this.t(`list.${mode}`, { count: list.length })}</h3>
      ${list.length === 0 ? html`<p class="muted">${this.t('list.empty')}</p>` : nothing}
      ${
        list.length
          ? html`<ol part="rules" aria-labelledby="list-title">
              ${list.map((rule, index) => this.renderRow(rule, index, byIndex.get(index) ?? []))}
            </ol>`
          : nothing
      }
      ${other.length ? html`<p class="muted">${this.t('list.keptOther', { count: other.length })}</p>` : nothing}
      ${this.readonly ? nothing : this.renderAdd(mode)}
    `;
  }

  private renderAdd(mode: 'segment' | 'domain') {
    return html`
      <div class="add">
        <label for="add">${this.t(`add.label.${mode}`)}</label>
        <textarea
          id="add"
          part="add-input"
          rows="2"
          .value=${live(this.addText)}
          placeholder=${this.t(`add.placeholder.${mode}`)}
          aria-describedby="add-hint${this.showErrors && this.validity.valueMissing ? ' validity' : ''}"
          @input=${(e: Event) => (this.addText = (e.target as HTMLTextAreaElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              this.addRules();
            }
          }}
        ></textarea>
        <button type="button" part="add-button" @click=${() => this.addRules()}>
          ${this.t('add.button')}
        </button>
        <p class="hint" id="add-hint">${this.t('add.hint')}</p>
      </div>
    `;
  }

  private renderRow(rule: string, index: number, issues: RuleIssue[]) {
    const n = index + 1;
    const error = issues.find((i) => i.severity === 'error');
    const shown = error ? [error] : issues;
    const msgId = `msg-${index}`;
    return html`<li part="rule">
      <span class="num" aria-hidden="true">${n}</span>
      <input
        type="text"
        part="rule-input"
        data-index=${index}
        ?readonly=${this.readonly}
        .value=${live(rule)}
        aria-label=${this.t('rule.label', { n })}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${shown.length ? msgId : nothing}
        @change=${(e: Event) => this.editRule(index, (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && !e.isComposing) {
            e.preventDefault();
            this.editRule(index, (e.target as HTMLInputElement).value);
          }
        }}
      />
      ${this.readonly ? nothing : this.renderRemove(rule, index)}
      ${
        shown.length
          ? html`<p id=${msgId} part="rule-message" class="msg ${error ? 'error' : 'warning'}">
              ${shown
                .map((i) =>
                  this.t(i.severity === 'error' ? 'issue.error' : 'issue.warning', {
                    message: this.issueText(i),
                  }),
                )
                .join(' ')}
            </p>`
          : nothing
      }
    </li>`;
  }

  private renderRemove(rule: string, index: number) {
    return html`<button
      type="button"
      part="remove-button"
      aria-label=${this.t('rule.removeLabel', { n: index + 1, rule })}
      @click=${() => this.removeRule(index)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Delete' || e.key === 'Backspace') {
          e.preventDefault();
          void this.removeRule(index);
        }
      }}
    >
      ${this.t('rule.remove')}
    </button>`;
  }

  private renderPresets() {
    const own = this.ownPresets;
    const st: PresetsState = own ? { status: 'ready', presets: own } : this.hostPresets;
    if (st.status === 'none') return nothing;
    if (st.status === 'loading')
      return html`<p class="muted" part="presets">${this.t('presets.loading')}</p>`;
    if (st.status === 'failed')
      return html`<div class="presets" part="presets">
        <p class="invalid-text" role="alert">
          ${this.t('presets.failed', { message: this.errorText(st.error) })}
        </p>
        <div>
          <button type="button" @click=${() => void this.presetsTask.run()}>${this.t('retry')}</button>
        </div>
      </div>`;
    const selected = new Set(this._value.segmentPresetIds ?? []);
    const unknown = this.unknownPresetIds();
    if (!st.presets.length && !unknown.length) return nothing;
    return html`<fieldset class="presets" part="presets">
      <legend>${this.t('presets.label')}</legend>
      ${st.presets.map(
        (p) =>
          html`<label title=${p.rules.join('\n')}
            ><input
              type="checkbox"
              ?disabled=${this.readonly}
              .checked=${live(selected.has(p.id))}
              @change=${(e: Event) => this.togglePreset(p.id, (e.target as HTMLInputElement).checked)}
            />${p.name}
            <span class="muted">${this.t('presets.ruleCount', { count: p.rules.length })}</span></label
          >`,
      )}
      ${unknown.map(
        (id) =>
          html`<label class="invalid-text"
            ><input
              type="checkbox"
              ?disabled=${this.readonly}
              checked
              aria-invalid="true"
              @change=${(e: Event) => this.togglePreset(id, (e.target as HTMLInputElement).checked)}
            />${this.t('presets.unknown', { id })}</label
          >`,
      )}
    </fieldset>`;
  }

  private renderTry() {
    const v = this._value;
    const defaultHost = typeof location !== 'undefined' ? location.host : '';
    const ip = this.tryIp ?? this.contextTask.value ?? '';
    const host = this.tryHost ?? defaultHost;
    const preview = previewSigningTarget(
      v,
      this.urls,
      // A host without a port is on the page's scheme's default port.
      { clientIp: ip, hostname: host, protocol: typeof location !== 'undefined' ? location.protocol : null },
      this.availablePresets,
    );
    const ignored = new Set(
      this.issuesOf(v.mode)
        .filter((i) => i.severity === 'error')
        .map((i) => i.index),
    ).size;
    return html`<div class="try" part="try" role="group" aria-labelledby="try-title">
      <h3 id="try-title">${this.t('try.title')}</h3>
      ${
        v.mode === 'segment'
          ? html`<label for="try-ip">${this.t('try.ip')}</label>
              <input
                id="try-ip"
                type="text"
                .value=${live(ip)}
                aria-describedby="try-ip-hint"
                @input=${(e: Event) => (this.tryIp = (e.target as HTMLInputElement).value)}
              />
              <p class="hint" id="try-ip-hint">${this.t('try.ip.hint')}</p>`
          : nothing
      }
      ${
        v.mode === 'domain'
          ? html`<label for="try-host">${this.t('try.host')}</label>
              <input
                id="try-host"
                type="text"
                .value=${live(host)}
                aria-describedby="try-host-hint"
                @input=${(e: Event) => (this.tryHost = (e.target as HTMLInputElement).value)}
              />
              <p class="hint" id="try-host-hint">${this.t('try.host.hint')}</p>`
          : nothing
      }
      <div part="try-result" role="status" aria-live="polite">
        ${this.renderResult(preview.result, preview.urlUnknown, ignored)}
      </div>
    </div>`;
  }

  private renderResult(r: SigningTargetResult, urlUnknown: boolean, ignored: number) {
    if (!r.ok)
      return html`<p class="invalid-text">
        ${this.t('try.invalid', { message: r.issues.map((i) => this.t(i.code)).join(' ') })}
      </p>`;
    const url = urlUnknown ? this.t('try.urlUnknown') : r.url;
    const m = r.matchedRule;
    return html`<p>
        <span class="zone-${r.zone}">${this.t(`try.zone.${r.zone}`)}</span> <span class="url">${url}</span>
      </p>
      <p class="muted">
        ${
          m
            ? this.t('try.reasonWithRule', {
                reason: this.t(`reason.${r.reason}`),
                rule: m.presetId
                  ? this.t('try.matchedPreset', { name: m.presetName ?? m.presetId, rule: m.rule })
                  : this.t('try.matched', { n: m.index + 1, rule: m.rule }),
              })
            : this.t(`reason.${r.reason}`)
        }
      </p>
      ${
        ignored && this._value.mode !== 'off'
          ? html`<p class="invalid-text">${this.t('try.ignored', { count: ignored })}</p>`
          : nothing
      }`;
  }
}
