import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QysElement } from '../../internal/qys-element.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { QysConflictError, QysNotFoundError, QysValidationError, isAbortError } from '../../api/errors.js';
import type { Binding, OrgRef, OrgScope } from '../../api/schemas.js';
import { bindingSettingsMessages } from './binding-settings.messages.js';
import type { Catalog } from '../../internal/localize.js';
import { bindingSettingsStyles } from './binding-settings.styles.js';
import {
  FIELDS,
  draftFromBinding,
  errorsFromIssues,
  fieldApplies,
  isDirty,
  mergeDrafts,
  newDraft,
  sameValue,
  toInput,
  validateDraft,
  type Draft,
  type FieldErrors,
  type FieldName,
} from '../../core/binding/form-model.js';
import { generateEncryptionKey } from '../../core/binding/encryption-key.js';
import { renderList } from './views/list.js';
import {
  EMBEDDED_TAGS,
  loadEmbeddedElements,
  loadFormView,
  loadSchema,
  loadedFormView,
  loadedSchema,
} from './lazy.js';

export type { ConflictState, DialogRequest, ScopeState, SyncState, TestState } from './state.js';
import type { ConflictState, DialogRequest, ScopeState, SyncState, TestState } from './state.js';
import { loadScope } from './actions.js';

/**
 * The whole 绑定设置 page: the list of service configurations (服务配置), the edit form (基本信息 for
 * private and public cloud), 组织架构同步, 同步服务商数据 and 测试连接.
 *
 * - The App Secret is write-only: a stored one shows as “已设置” with a replace action; a typed one
 *   lives only in the password input until the save succeeds, and is never put in an attribute, an
 *   event detail or the console.
 * - Nothing typed is lost: a failed save keeps every value and says why; a save over a newer version
 *   (409) shows what changed on the server, field by field, and lets the user choose; leaving with
 *   unsaved changes (another service, back to the list, page unload) asks first.
 *
 * Uses `<qys-network-strategy-editor>` (内外网自动登录) and `<qys-org-scope-picker>` (签章人员 and the
 * sync scope); import their define entries too (the `binding-settings.js` entry does).
 *
 * @summary The whole 绑定设置 page: services, edit form, org sync scope, 同步服务商数据, 测试连接.
 * @tag qys-binding-settings
 *
 * @fires qys-save - A service was saved. `detail.binding` is the saved record (never the secret).
 * @fires qys-delete - A service was deleted. `detail.id`.
 * @fires qys-sync-complete - 同步服务商数据 finished. `detail.serviceId`, `detail.report`.
 * @fires qys-dirty-change - The form got or lost unsaved changes. `detail.dirty`.
 * @fires qys-scope-save - The 组织架构同步 scope was saved. `detail.serviceId`, `detail.scope`.
 * @fires qys-copy - The encryption key was copied. `detail.key` is `encryptionKey`.
 * @fires qys-signatories-change - 签章人员 changed in the form (before it is saved). `detail.signatories`: the persons.
 *
 * @csspart list - The services table.
 * @csspart form - The edit form.
 * @csspart section - Each form section (基本信息, 组织架构同步, 同步服务商数据, 测试连接).
 * @csspart field - Each labelled field.
 * @csspart error - A field's error message.
 * @csspart summary - The error summary at the top of the form.
 * @csspart button - Every button.
 * @csspart primary-button - The main action of a view (保存, 添加服务).
 * @csspart dialog - The confirmation and conflict dialogs.
 * @csspart progress - The sync progress bar.
 *
 * @cssprop --qys-font-size - Base font size, over the one `--qys-font` gives. Default `14px`.
 * @cssprop --qys-binding-settings-label-width - Width of the label column. Default `14em`.
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
 * @cssprop --qys-font - Font shorthand (size: `--qys-font-size`). Default: the page's font (inherited).
 * @cssprop --qys-font-mono - Monospace font for values and code.
 */
export class QysBindingSettings extends QysElement {
  static override styles = [sharedStyles, bindingSettingsStyles];

  /** Opens this service directly (its ID); without it the list is shown. */
  @property({ attribute: 'service-id' }) serviceId = '';

  /** View only: nothing can be added, changed, deleted or synced. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  // The connection-test catalogue comes with the form view (on demand): only the form shows its texts.
  protected override messages: Catalog[] = [bindingSettingsMessages];

  // ---- internal state (read by the view modules; not part of the public API) ----
  /** @internal */ @state() view: 'list' | 'form' = 'list';
  /** @internal */ @state() bindings: Binding[] | undefined;
  /** @internal */ @state() listLoading = false;
  /** @internal */ @state() listError = '';
  /** @internal */ @state() listMessage = '';
  /** @internal */ @state() formLoading = false;
  /** @internal */ @state() formError = '';
  /** @internal */ @state() current: Binding | undefined;
  /** @internal */ @state() base: Draft = newDraft('', false);
  /** @internal */ @state() draft: Draft = newDraft('', false);
  /** @internal */ @state() replacingSecret = false;
  /** @internal */ @state() secretTyped = false;
  /** @internal */ @state() touched = new Set<FieldName>();
  /** @internal */ @state() errors: FieldErrors = { fields: {}, other: [] };
  /** @internal */ @state() showSummary = false;
  /** @internal */ @state() saving = false;
  /** @internal */ @state() saveError = '';
  /** @internal */ @state() savedNotice = false;
  /** @internal */ @state() announcement = '';
  /** @internal */ @state() dialog: DialogRequest | undefined;
  /** @internal */ @state() conflict: ConflictState | undefined;
  /** @internal */ @state() scope: ScopeState = { loading: false, saving: false };
  /** @internal */ @state() sync: SyncState = { running: false };
  /** @internal */ @state() test: TestState = { running: false };
  /** @internal */ @state() oaBaseUrl = '';

  /**
   * The App Secret the user typed. Kept out of reactive state and out of the draft on purpose: it
   * is read from the password input only when a save or test sends it, and cleared after a save.
   */
  /** @internal */ get typedSecret(): string {
    const input = this.renderRoot?.querySelector<HTMLInputElement>('#f-appSecret');
    return input?.value ?? '';
  }

  private aborts = new Map<string, AbortController>();
  private lastDirty = false;
  /** @internal */ opener: HTMLElement | null = null;
  private openedServiceId = '';

  private readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    e.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    e.returnValue = '';
  };

  /** True when the form has changes that are not saved (including the sync scope and a typed secret). */
  get dirty(): boolean {
    if (this.view !== 'form' || this.readonly) return false;
    const s = this.scope;
    const scopeDirty = !!(s.record && s.value && !sameValue(s.value, s.record.scope));
    return isDirty(this.draft, this.base) || this.secretTyped || scopeDirty;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onBeforeUnload);
    // Off the initial download, loaded at once: the validation schema (zod) and the two embedded
    // elements, which the form needs only after the list of services has come from the host.
    // Each piece renders again when it lands: the form may be on screen already (a service opened by
    // `service-id` on a fast host), and nothing else would update it.
    void loadSchema().then(
      () => this.view === 'form' && (this.touched.size || this.showSummary) && this.revalidate(),
      () => this.requestUpdate(),
    );
    void loadFormView().then(
      (view) => {
        if (!this.messages.includes(view.connectionMessages))
          this.messages = [bindingSettingsMessages, view.connectionMessages];
        this.requestUpdate();
      },
      () => this.requestUpdate(),
    );
    void loadEmbeddedElements().catch(() => this.requestUpdate());
    // Defined by the chunk above or by the page (its own entry): either way, render with it.
    for (const tag of EMBEDDED_TAGS) void customElements.whenDefined(tag).then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    for (const c of this.aborts.values()) c.abort();
    this.aborts.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('readonly') && typeof this.readonly !== 'boolean') {
      this.warnOnce('readonly', `readonly must be a boolean; got a ${typeof this.readonly}`);
      this.readonly = !!this.readonly;
    }
    if (changed.has('serviceId') && typeof this.serviceId !== 'string') {
      this.warnOnce('service-id', `service-id must be a string; ignored`);
      this.serviceId = '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const hostChanged = changed.has('host') || changed.has('contextHost' as keyof QysBindingSettings);
    if (hostChanged && this.effectiveHost) {
      void this.loadList();
      void this.loadClientContext();
    }
    if (
      (changed.has('serviceId') || hostChanged) &&
      this.effectiveHost &&
      this.serviceId !== this.openedServiceId
    ) {
      this.openedServiceId = this.serviceId;
      if (this.serviceId) void this.openService(this.serviceId);
    }
    // A rendered dialog opens as a modal (focus goes to its `autofocus` button).
    for (const dlg of this.renderRoot.querySelectorAll('dialog')) if (!dlg.open) dlg.showModal();
    const d = this.dirty;
    if (d !== this.lastDirty) {
      this.lastDirty = d;
      this.emit('qys-dirty-change', { dirty: d });
    }
  }

  /** Reloads the list of services from the host. */
  async reload(): Promise<void> {
    await this.loadList();
  }

  // ------------------------------------------------------------------------------------------
  // Host calls (each with its own AbortController; a newer call of the same kind aborts the older)
  // ------------------------------------------------------------------------------------------

  /** @internal */ abortTask(kind: string): void {
    this.aborts.get(kind)?.abort();
  }

  /** @internal */ signal(kind: string): AbortSignal {
    this.aborts.get(kind)?.abort();
    const c = new AbortController();
    this.aborts.set(kind, c);
    return c.signal;
  }

  /** @internal */ async loadList(): Promise<void> {
    const host = this.effectiveHost;
    if (!host) return;
    const signal = this.signal('list');
    this.listLoading = true;
    this.listError = '';
    try {
      const list = await host.services.list({ signal });
      // A host that answers after the abort (it need not reject): a newer call or another host supersedes it.
      if (!signal.aborted) this.bindings = list;
    } catch (e) {
      if (isAbortError(e) || signal.aborted) return;
      this.listError = this.t('list.loadFailed', { reason: this.errorText(e) });
    } finally {
      if (!signal.aborted) this.listLoading = false;
    }
  }

  private async loadClientContext(): Promise<void> {
    const host = this.effectiveHost;
    if (!host) return;
    const signal = this.signal('client');
    try {
      const ctx = await host.client.context({ signal });
      if (!signal.aborted) this.oaBaseUrl = ctx.oaBaseUrl ?? '';
    } catch {
      // Only used for the protocol warning; the page's own protocol still counts.
    }
  }

  /** The default service other than the one being edited (it loses the flag when this one takes it). */
  /** @internal */ otherDefault(): Binding | undefined {
    return this.bindings?.find((b) => b.isDefault && b.id !== this.draft.id);
  }

  /** @internal */ bindingName(b: Pick<Binding, 'name' | 'id'> | undefined): string {
    if (!b) return '';
    return b.name.trim() || this.t('list.unnamed');
  }

  // ------------------------------------------------------------------------------------------
  // Navigation (with the unsaved-changes guard)
  // ------------------------------------------------------------------------------------------

  /** Asks before discarding unsaved changes. Resolves true when it is fine to leave. */
  /** @internal */ async confirmLeave(): Promise<boolean> {
    if (!this.dirty) return true;
    return this.ask({
      kind: 'confirm',
      title: this.t('leave.title'),
      body: this.t('leave.body'),
      confirmLabel: this.t('leave.discard'),
      cancelLabel: this.t('leave.stay'),
      danger: true,
    });
  }

  /** @internal */ async openNew(): Promise<void> {
    if (this.readonly || !(await this.confirmLeave())) return;
    const d = newDraft(generateEncryptionKey(), !this.bindings?.some((b) => b.isDefault));
    this.enterForm(undefined, d);
  }

  /** @internal */ async openBinding(b: Binding): Promise<void> {
    if (this.view === 'form' && this.draft.id === b.id) return;
    if (!(await this.confirmLeave())) return;
    this.enterForm(b, draftFromBinding(b));
  }

  private async openService(id: string): Promise<void> {
    const host = this.effectiveHost;
    if (!host || !(await this.confirmLeave())) return;
    const signal = this.signal('get');
    this.view = 'form';
    this.formLoading = true;
    this.formError = '';
    try {
      const b = await host.services.get(id, { signal });
      if (signal.aborted) return;
      // Opened by the page (service-id), not from inside: take the focus only if the user was
      // already working in the element, else the page (or a docs page of stories) jumps to it.
      this.enterForm(b, draftFromBinding(b), this.matches(':focus-within'));
    } catch (e) {
      if (isAbortError(e) || signal.aborted) return;
      this.view = 'list';
      this.listMessage =
        e instanceof QysNotFoundError
          ? this.t('list.notFound', { id })
          : this.t('form.loadFailed', { reason: this.errorText(e) });
    } finally {
      if (!signal.aborted) this.formLoading = false;
    }
  }

  private enterForm(b: Binding | undefined, d: Draft, focus = true): void {
    for (const k of ['save', 'scope', 'sync', 'test', 'get']) this.abortTask(k);
    this.current = b;
    this.base = structuredClone(d);
    this.draft = d;
    this.replacingSecret = !b;
    this.secretTyped = false;
    this.touched = new Set();
    this.errors = { fields: {}, other: [] };
    this.showSummary = false;
    this.saving = false;
    this.saveError = '';
    this.savedNotice = false;
    this.conflict = undefined;
    this.sync = { running: false };
    this.test = { running: false };
    this.scope = { loading: false, saving: false };
    this.listMessage = '';
    this.formLoading = false;
    this.view = 'form';
    this.clearSecretInput();
    if (b) void loadScope(this, b.id);
    if (focus)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#form-title')?.focus());
  }

  /** @internal */ async closeForm(): Promise<void> {
    if (!(await this.confirmLeave())) return;
    this.leaveForm();
  }

  /** @internal */ leaveForm(): void {
    for (const k of ['save', 'scope', 'sync', 'test', 'get']) this.abortTask(k);
    const id = this.draft.id;
    this.view = 'list';
    this.current = undefined;
    this.draft = newDraft('', false);
    this.base = structuredClone(this.draft);
    this.secretTyped = false;
    this.scope = { loading: false, saving: false };
    this.clearSecretInput();
    void this.updateComplete.then(() => {
      const row = id
        ? this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .edit`)
        : null;
      (row ?? this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
    });
  }

  /** @internal */ clearSecretInput(): void {
    const input = this.renderRoot?.querySelector<HTMLInputElement>('#f-appSecret');
    if (input) input.value = '';
  }

  // ------------------------------------------------------------------------------------------
  // Editing
  // ------------------------------------------------------------------------------------------

  /** @internal */ setField<K extends keyof Draft>(field: K, value: Draft[K]): void {
    if (this.readonly) return;
    this.draft = { ...this.draft, [field]: value };
    this.saveError = '';
    this.savedNotice = false;
    // Re-check as the user types once an error is visible, so it clears when fixed.
    if (this.touched.has(field as FieldName) || this.showSummary) this.revalidate();
  }

  /** The admin changed 签章人员 in the form (not saved yet): the page hears it as its own event. */
  /** @internal */ changeSignatories(signatories: OrgRef[]): void {
    if (this.readonly) return;
    this.setField('signatories', signatories);
    this.emit('qys-signatories-change', { signatories: structuredClone(signatories) });
  }

  /** @internal */ touch(field: FieldName): void {
    if (this.touched.has(field)) return;
    this.touched = new Set(this.touched).add(field);
    this.revalidate();
  }

  /** @internal */ onSecretInput(): void {
    this.secretTyped = this.typedSecret !== '';
    this.savedNotice = false;
    if (this.touched.has('appSecret') || this.showSummary) this.revalidate();
  }

  /** @internal */ replaceSecret(on: boolean): void {
    this.replacingSecret = on;
    if (!on) {
      this.clearSecretInput();
      this.secretTyped = false;
    }
    this.revalidate();
    if (on)
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#f-appSecret')?.focus(),
      );
    else
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('.replace-secret')?.focus(),
      );
  }

  /** Validation with the shared schema plus the embedded editor's own validity. */
  private computeErrors(): FieldErrors {
    const schema = loadedSchema();
    // The schema chunk loads right after connect; a check asked for before it lands runs when it does.
    if (!schema) {
      void loadSchema().then(() => this.revalidate());
      return this.errors;
    }
    const errs = validateDraft(this.draft, this.typedSecret, this.replacingSecret, schema);
    if (this.draft.serviceType === 'private' && this.draft.autoLogin.mode !== 'off') {
      const editor = this.renderRoot?.querySelector('qys-network-strategy-editor') as
        (HTMLElement & { validity?: ValidityState }) | null;
      if (editor?.validity && !editor.validity.valid) errs.fields.autoLogin ??= 'field.autoLogin.invalid';
    }
    return errs;
  }

  private revalidate(): void {
    this.errors = this.computeErrors();
  }

  /** @internal */ announce(text: string): void {
    // Re-announce identical text by clearing first.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /** @internal */ focusField(field: FieldName): void {
    const root = this.renderRoot;
    const target =
      root.querySelector<HTMLElement>(`#f-${field}`) ??
      root.querySelector<HTMLElement>(`[data-field="${field}"] input, [data-field="${field}"] button`);
    if (!target) return;
    target.focus();
    // An embedded element (strategy editor, person picker) may not take focus itself: its first control does.
    if (target.shadowRoot && this.shadowRoot?.activeElement !== target) {
      const inner = target.shadowRoot.querySelector<HTMLElement>(
        'input:not([disabled]), button:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])',
      );
      inner?.focus();
    }
    target.scrollIntoView?.({ block: 'center' });
  }

  // ------------------------------------------------------------------------------------------
  // Save, with validation, failure handling and the 409 conflict flow
  // ------------------------------------------------------------------------------------------

  /** @internal */ async save(): Promise<void> {
    const host = this.effectiveHost;
    if (!host || this.readonly || this.saving) return;
    await loadSchema();
    this.touched = new Set(FIELDS);
    this.errors = this.computeErrors();
    const invalid = FIELDS.filter((f) => this.errors.fields[f] && fieldApplies(f, this.draft.serviceType));
    if (invalid.length) {
      this.showSummary = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
      return;
    }
    this.showSummary = false;
    this.saveError = '';
    this.savedNotice = false;
    this.saving = true;
    const signal = this.signal('save');
    const input = toInput(this.draft, this.typedSecret || undefined);
    const sent = structuredClone(this.draft);
    try {
      const saved = await host.services.save(input, { signal });
      if (signal.aborted) return;
      this.onSaved(saved, sent);
    } catch (e) {
      if (isAbortError(e) || signal.aborted) return;
      await this.onSaveFailed(e);
    } finally {
      if (!signal.aborted) this.saving = false;
    }
  }

  /** `sent`: the draft the save sent; what was typed since stays in the form, unsaved. */
  private onSaved(record: Binding, sent: Draft): void {
    // Never kept, even from a host that echoes the secret back.
    const { appSecret: _drop, ...saved } = record as Binding & { appSecret?: unknown };
    const wasNew = this.draft.id === undefined;
    const keepScope = this.scope;
    // A fresh form from the saved record; the secret leaves the DOM here.
    this.clearSecretInput();
    this.secretTyped = false;
    this.replacingSecret = false;
    this.current = saved;
    const d = draftFromBinding(saved);
    this.base = structuredClone(d);
    const later = new Set(
      FIELDS.filter(
        (f) => f !== 'appSecret' && !sameValue(this.draft[f as keyof Draft], sent[f as keyof Draft]),
      ),
    );
    this.draft = later.size ? mergeDrafts(this.draft, d, later) : d;
    this.touched = new Set();
    this.errors = { fields: {}, other: [] };
    this.conflict = undefined;
    this.scope = keepScope;
    // Shown next to 保存 until the next edit (what was typed during the save counts as an edit).
    this.savedNotice = later.size === 0;
    this.announce(this.t('form.saved'));
    this.emit('qys-save', { binding: saved });
    if (wasNew) void loadScope(this, saved.id);
    void this.loadList();
  }

  private async onSaveFailed(e: unknown): Promise<void> {
    if (e instanceof QysValidationError) {
      const errs = errorsFromIssues(e.issues);
      this.errors = errs;
      this.touched = new Set(FIELDS);
      this.showSummary = true;
      this.saveError = this.t('form.saveFailed', { reason: this.errorText(e) });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
      return;
    }
    if (e instanceof QysConflictError || (e instanceof QysNotFoundError && this.draft.id)) {
      // The conflict view (and its diff) is in the form's chunk, there since the form that saved.
      await (
        await loadFormView()
      ).openConflict(this, e instanceof QysConflictError ? (e.current as Binding | undefined) : null);
      return;
    }
    this.saveError = this.t('form.saveFailed', { reason: this.errorText(e) });
  }

  /** @internal */ restoreFocus(): void {
    this.renderRoot.querySelector('dialog')?.close();
    const el = this.opener;
    this.opener = null;
    void this.updateComplete.then(() => el?.focus());
  }

  // ------------------------------------------------------------------------------------------
  // List actions: delete, set default
  // ------------------------------------------------------------------------------------------

  // ------------------------------------------------------------------------------------------
  // 组织架构同步
  // ------------------------------------------------------------------------------------------

  /** @internal */ setScopeValue(value: OrgScope): void {
    if (this.readonly) return;
    this.scope = { ...this.scope, value, saved: false, error: undefined };
  }

  // ------------------------------------------------------------------------------------------
  // 同步服务商数据 and 测试连接
  // ------------------------------------------------------------------------------------------

  /** @internal */ formatTime(iso: string | null): string {
    if (!iso) return this.t('list.never');
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(this.effectiveLang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  }

  // ------------------------------------------------------------------------------------------
  // Dialogs
  // ------------------------------------------------------------------------------------------

  /** @internal */ ask(req: Omit<DialogRequest, 'resolve'>): Promise<boolean> {
    this.dialog?.resolve(false);
    this.opener = this.activeInside();
    return new Promise((resolve) => {
      this.dialog = { ...req, resolve };
    });
  }

  /** @internal */ closeDialog(ok: boolean): void {
    const d = this.dialog;
    if (!d) return;
    this.dialog = undefined;
    // Focus goes back where it was before the question; what follows the answer may move it on.
    const opener = this.opener;
    this.opener = null;
    // Close the modal first: while it is open the rest of the page is inert and cannot take focus.
    this.renderRoot.querySelector('dialog')?.close();
    if (opener?.isConnected) opener.focus();
    d.resolve(ok);
  }

  private activeInside(): HTMLElement | null {
    return (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
  }

  // ------------------------------------------------------------------------------------------

  /** The edit form comes in an on-demand chunk (requested at connect); until it lands, say so. */
  private renderFormView(): TemplateResult {
    const view = loadedFormView();
    if (view) return view.renderForm(this);
    void loadFormView().then(() => this.requestUpdate());
    return html`<p class="notice" role="status">${this.t('loading')}</p>`;
  }

  /** The dialogs are in the form view's chunk too (requested at connect): shown once it is there. */
  private renderDialog(): TemplateResult | typeof nothing {
    const view = loadedFormView();
    if (view) return view.renderDialog(this);
    void loadFormView().then(() => this.requestUpdate());
    return nothing;
  }

  override render(): TemplateResult {
    // The form's CSS comes with its chunk (views/form.styles.ts): adopted once it is there, before the form
    // (or the conflict dialog, in the same chunk) can render.
    const sheet = loadedFormView()?.formStyles.styleSheet;
    const root = this.renderRoot as ShadowRoot;
    if (sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    if (!this.effectiveHost) return html`<p class="notice" role="alert">${this.t('noHost')}</p>`;
    return html`
      <div class="page">
        ${this.view === 'list' ? renderList(this) : this.renderFormView()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
      ${this.dialog || this.conflict ? this.renderDialog() : nothing}
    `;
  }
}
