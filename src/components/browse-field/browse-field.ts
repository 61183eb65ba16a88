import { html, nothing, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QysUnsafeUrlError } from '../../api/errors.js';
import type { Resource, ResourceKind, ResourceResolveResult } from '../../api/schemas.js';
import { checkImageUrl, type HostUrlCode } from '../../core/url.js';
import { isSealKind, parseIds, RESOURCE_KINDS as KINDS, sameIds } from '../../core/resources/ids.js';
import { HostTask } from '../../controllers/host-task.js';
import { QysFormField } from '../../internal/form-field.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { browseFieldMessages } from './browse-field.messages.js';
import { browseFieldStyles } from './browse-field.styles.js';
import { BrowseDialog, isDisabledItem } from './browse-dialog.js';
import { renderDialog, type DialogView } from './dialog.part.js';
import { imageSrc, onImageError } from './seal-image.js';

/**
 * The e-signature browse field that form designers add (seed 000 FAQ 2): pick 电子印章 / 物理印章 /
 * 文件模板 / 电子用印流程 / 物理用印流程 from the data synced from Qiyuesuo.
 *
 * Closed, it shows the chosen items as tags (seals with their image); IDs deleted in Qiyuesuo are
 * shown as 已失效 (停用 ones as 已停用) and kept until the user removes them. 停用 items are listed, marked, and
 * cannot be picked. The browse button opens a modal dialog with
 * keyword search (through the host, debounced, a new query aborts the previous one) over a windowed
 * list that pages in more as the user scrolls: seals as an image grid, templates and flows as rows.
 * When the list is empty it explains 同步服务商数据 and, with `allow-sync`, runs the sync itself.
 *
 * Form-associated: the value is an array of IDs, submitted as one comma-separated string.
 *
 * Keyboard (dialog): typing searches (Enter in the search box searches at once); ↓ from the search
 * box enters the list; arrows move (2-D in the seal grid), Home / End, PageUp / PageDown; Space
 * selects; Enter selects (single) and confirms; Escape cancels; focus returns to the browse button.
 * Double-click confirms a single choice.
 *
 * Sync permission: the empty state offers 同步服务商数据 only with `allow-sync` (the host page sets it
 * for users allowed to sync, e.g. administrators); it syncs `service-id`, else the host's default
 * service, shows the progress the host reports, then reloads the list.
 *
 * @summary E-signature browse field (seals, file templates, seal flows); a form field.
 * @tag qys-browse-field
 * @fires {CustomEvent<{ value: string[] }>} qys-change - The user changed the value (confirm, remove a tag, clear). `detail.value`: the IDs.
 * @fires qys-sync-complete - The empty-state sync finished. `detail`: `{ serviceId, report }`.
 * @fires qys-error - A seal image URL from the host is not http(s) nor `data:image/…` and was not shown: `{ error, code }` (`url.unsafeScheme`, `url.notAbsolute`).
 * @csspart field - The closed field (tags and buttons).
 * @csspart tags - The list of chosen items.
 * @csspart tag - One chosen item. Also `tag-missing` when it no longer exists, `tag-disabled` when it is 停用 in Qiyuesuo.
 * @csspart tag-image - The seal image in a tag.
 * @csspart tag-remove - The remove button of a tag.
 * @csspart browse - The button that opens the dialog.
 * @csspart clear - The button that clears the value.
 * @csspart error - The validation message.
 * @csspart dialog - The `<dialog>`.
 * @csspart search - The keyword input.
 * @csspart company - The company filter (seals).
 * @csspart status - The live result count.
 * @csspart picked - The picks so far in the dialog (`multiple`), each removable.
 * @csspart list - The scrolling list (rows or seal grid).
 * @csspart option - One row or seal cell. Also `option-disabled` for a 停用 item (marked 已停用, aria-disabled, not pickable).
 * @csspart empty - The empty state (同步服务商数据 explanation and sync action).
 * @csspart sync - The sync button.
 * @csspart confirm - The confirm button.
 * @csspart cancel - The cancel button.
 * @cssprop --qys-browse-field-tag-background - Background of a tag.
 * @cssprop --qys-browse-field-missing-background - Background of a 已失效 or 已停用 tag.
 * @cssprop --qys-browse-field-disabled-background - Background of a 停用 row or cell in the dialog.
 * @cssprop --qys-browse-field-tag-image-size - Size of the seal image in a tag (default 24px).
 * @cssprop --qys-browse-field-selected-background - Background of selected rows and cells.
 * @cssprop --qys-browse-field-dialog-width - Width of the dialog (default 760px).
 * @cssprop --qys-browse-field-list-height - Height of the list in the dialog (default 360px).
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
export class QysBrowseField extends QysFormField {
  static override styles = [sharedStyles, browseFieldStyles];
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  protected override messages = [browseFieldMessages];

  private _kind: ResourceKind = 'electronic-seal';
  /** What to browse: `electronic-seal` (default), `physical-seal`, `file-template`, `electronic-seal-flow`, `physical-seal-flow`. */
  @property({ reflect: true })
  get kind(): ResourceKind {
    return this._kind;
  }
  set kind(v: ResourceKind) {
    if (!KINDS.includes(v)) {
      this.warnOnce(`kind:${String(v)}`, `kind="${String(v)}" is not one of ${KINDS.join(', ')}; ignored.`);
      return;
    }
    const old = this._kind;
    this._kind = v;
    this.requestUpdate('kind', old);
  }

  private _value: string[] = [];
  private dirtyValue = false;
  /**
   * The chosen IDs (a copy). Accepts an array or a comma-separated string; anything else warns once
   * and is ignored.
   */
  @property({ attribute: false })
  get value(): string[] {
    return [...this._value];
  }
  set value(v: string[] | string) {
    const ids = parseIds(v);
    if (!ids) {
      this.warnOnce('value', 'value must be an array of IDs or a comma-separated string; ignored.');
      return;
    }
    this.dirtyValue = true;
    this.setValue(ids);
  }

  private _default: string[] = [];
  /** The initial value (the `value` attribute, comma-separated IDs): what a form reset goes back to. */
  @property({ attribute: 'value' })
  get defaultValue(): string {
    return this._default.join(',');
  }
  set defaultValue(v: string) {
    const ids = parseIds(v);
    if (!ids) {
      this.warnOnce('defaultValue', 'the value attribute must be comma-separated IDs; ignored.');
      return;
    }
    const old = this.defaultValue;
    this._default = ids;
    if (!this.dirtyValue) this.setValue(ids);
    this.requestUpdate('defaultValue', old);
  }

  /** Several items may be chosen (default: one). */
  @property({ type: Boolean, reflect: true }) multiple = false;
  /** Shows the chosen items only: no browse, remove or clear. Not validated (like a readonly input). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Browse the data of this service only (default: the host's default). */
  @property({ attribute: 'service-id' }) serviceId = '';
  /** Seals: the company (内部企业) ID the dialog filters by at first; the user can change it. */
  @property() company = '';
  /**
   * Lets the empty state run 同步服务商数据 (`host.services.sync`) itself. The host page decides: set
   * it for users who may sync (administrators); without it the empty state only explains what to do.
   */
  @property({ type: Boolean, attribute: 'allow-sync' }) allowSync = false;
  /** Accessible name of the field (names the browse button and the dialog). Default: the kind. */
  @property() label = '';
  /** Milliseconds to wait after a keystroke before searching. */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 250;

  /** Resources known by ID (resolved, or picked in the dialog). */
  private known = new Map<string, Resource>();
  /** IDs the host reported as no longer existing. */
  private missing = new Set<string>();
  /** Set when a seal image URL from the host was refused (not http(s) nor data:image). */
  @state() private unsafeImage: HostUrlCode | null = null;
  private refusedImages = new Set<string>();

  /** Looks up the names of stored IDs (host.resources.resolve). */
  private readonly resolver = new HostTask<[ResourceKind, string[], string], ResourceResolveResult>(this, {
    task: ([kind, ids, serviceId], { host, signal }) =>
      host.resources.resolve(kind, ids, serviceId ? { signal, serviceId } : { signal }),
    onValue: (r) => {
      for (const item of r.items) this.known.set(item.id, item);
      for (const id of r.missing) this.missing.add(id);
    },
  });

  /** The browse dialog's session (state, host calls, keyboard); its templates are dialog.part.ts. */
  private readonly browse = new BrowseDialog(this, {
    value: () => [...this._value],
    known: this.known,
    missing: this.missing,
    commit: (ids) => this.userChange(ids),
    closed: () => this.browseButton?.focus(),
  });

  private get browseButton(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector<HTMLButtonElement>('[part~="browse"]') ?? null;
  }

  // ------------------------------------------------------------------------------------------
  // Form association
  // ------------------------------------------------------------------------------------------

  private setValue(ids: string[]): void {
    const old = this._value;
    this._value = ids;
    if (this.internals) this.commitValue();
    this.requestUpdate('value', old);
  }

  protected formValue(): string {
    return this._value.join(',');
  }

  protected validate() {
    if (this.required && !this.readonly && this._value.length === 0)
      return {
        flags: { valueMissing: true },
        message: this.t('valueMissing.select'),
        anchor: this.browseButton ?? undefined,
      };
    return { flags: {}, message: '' };
  }

  protected resetValue(): void {
    this.dirtyValue = false;
    this._value = [...this._default];
    this.requestUpdate('value');
  }

  protected restoreValue(state: string | FormData | File | null): void {
    this._value = typeof state === 'string' ? (parseIds(state) ?? []) : [];
    this.requestUpdate('value');
  }

  /** A change by the user: commit, show validity, tell the page. */
  private userChange(ids: string[]): void {
    if (sameIds(ids, this._value)) return;
    this.dirtyValue = true;
    this.setValue(ids);
    this.markInteracted();
    this.emit('qys-change', { value: [...ids] });
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle
  // ------------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected: resolve again what the disconnect aborted.
    if (this.hasUpdated) this.requestUpdate('value');
  }

  protected override firstUpdated(): void {
    this.commitValue(); // point validity at the browse button, now rendered
  }

  protected override updated(changedProps: PropertyValues<this>): void {
    const changed = changedProps as Map<string, unknown>;
    const scope = this.hostChanged(changedProps) || changed.has('kind') || changed.has('serviceId');
    if (scope) {
      this.known.clear();
      this.missing.clear();
      if (this.browse.open) this.browse.close();
    }
    if (scope || changed.has('value')) this.resolveChosen();
    // Validity depends on these too (and its message on the language).
    if (this.hasUpdated && ['required', 'readonly', 'lang'].some((k) => changed.has(k))) this.commitValue();
  }

  /** Looks up the names of stored IDs the element does not know yet. */
  private resolveChosen(retry = false): void {
    if (!this.effectiveHost || !this.isConnected) return;
    const ids = this._value.filter((id) => !this.known.has(id) && !this.missing.has(id));
    if (!ids.length && !retry) {
      if (this.resolver.status !== 'idle') {
        this.resolver.reset();
        this.requestUpdate();
      }
      return;
    }
    void this.resolver.run(this.kind, ids, this.serviceId);
  }

  // ------------------------------------------------------------------------------------------
  // Closed field
  // ------------------------------------------------------------------------------------------

  private get kindLabel(): string {
    return this.t(`kind.${this.kind}`);
  }
  private get fieldLabel(): string {
    return this.label || this.kindLabel;
  }

  override render() {
    const host = this.effectiveHost;
    const editable = !this.readonly && !this.isDisabled;
    const showError = this.showErrors && !this.readonly && !this.internals.validity.valid;
    return html`
      <div part="field" class="field">
        ${
          this._value.length
            ? html`<ul part="tags" class="tags" aria-label=${this.fieldLabel}>
                ${this._value.map((id) => this.renderTag(id, editable))}
              </ul>`
            : nothing
        }
        ${
          this.readonly
            ? nothing
            : html`<button
                  part="browse"
                  type="button"
                  aria-haspopup="dialog"
                  aria-label=${this.t('browseLabel', { kind: this.fieldLabel })}
                  aria-describedby=${showError ? 'error' : nothing}
                  ?disabled=${this.isDisabled || !host}
                  @click=${this.openDialog}
                >
                  ${this.t('browse')}
                </button>
                ${
                  this._value.length
                    ? html`<button
                        part="clear"
                        type="button"
                        aria-label=${this.t('clearLabel', { kind: this.fieldLabel })}
                        ?disabled=${!editable}
                        @click=${this.onClear}
                      >
                        ${this.t('clear')}
                      </button>`
                    : nothing
                }`
        }
        ${!host ? html`<p class="notice muted">${this.t('noHost')}</p>` : nothing} ${this.renderUnsafeImage()}
        ${
          this.resolver.status === 'error'
            ? html`<p class="notice error" role="alert">
                ${this.t('resolveFailed', { error: this.errorText(this.resolver.error) })}
                <button type="button" @click=${() => this.resolveChosen(true)}>${this.t('retry')}</button>
              </p>`
            : nothing
        }
        ${
          showError
            ? html`<p part="error" id="error" class="error">${this.internals.validationMessage}</p>`
            : nothing
        }
      </div>
      <dialog
        part="dialog"
        aria-labelledby="title"
        @close=${this.browse.onCloseEvent}
        @keydown=${this.browse.onDialogKeydown}
      >
        ${this.browse.open ? renderDialog(this.dialogView()) : nothing}
      </dialog>
    `;
  }

  private renderTag(id: string, editable: boolean): TemplateResult {
    const item = this.known.get(id);
    const missing = this.missing.has(id);
    const off = isDisabledItem(item);
    const pending = !item && !missing;
    const name = item?.name ?? id;
    const flag = missing ? this.t('missing') : off ? this.t('disabledBadge') : '';
    return html`<li
      part=${missing ? 'tag tag-missing' : off ? 'tag tag-disabled' : 'tag'}
      class="tag ${missing || off ? 'missing' : ''}"
      title=${missing ? this.t('missingTitle', { id }) : off ? this.t('disabledTagTitle', { id }) : nothing}
      aria-busy=${pending && this.resolver.loading ? 'true' : nothing}
    >
      ${item?.image && isSealKind(this.kind) ? this.sealImage(item, 'tag') : nothing}
      <span class="tag-name">${name}</span>
      ${flag ? html`<span class="badge">${flag}</span>` : nothing}
      ${pending && this.resolver.loading ? html`<span class="muted">${this.t('resolving')}</span>` : nothing}
      ${
        editable
          ? html`<button
              part="tag-remove"
              class="icon"
              type="button"
              aria-label=${this.t('removeLabel', { name: flag ? `${name} ${flag}` : name })}
              @click=${() => this.removeId(id)}
            >
              ×
            </button>`
          : nothing
      }
    </li>`;
  }

  private removeId(id: string): void {
    const index = this._value.indexOf(id);
    this.userChange(this._value.filter((x) => x !== id));
    // Keep the keyboard user in place: the next tag's remove button, else the browse button.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="tag-remove"]');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.browseButton)?.focus();
    });
  }

  private onClear = (): void => {
    this.userChange([]);
    void this.updateComplete.then(() => this.browseButton?.focus());
  };

  // ------------------------------------------------------------------------------------------
  // Dialog
  // ------------------------------------------------------------------------------------------

  /**
   * Resolves once the element has rendered, including the pass the dialog runs after its cells are first
   * painted (seal images, company filter).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const pass = this.browse.pendingPass;
    if (pass) {
      await pass;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Opens the browse dialog (what the browse button does). */
  async openDialog(): Promise<void> {
    if (!this.effectiveHost || this.browse.open || this.isDisabled || this.readonly) return;
    this.browse.start();
    await this.updateComplete; // the update that renders the dialog also shows it (BrowseDialog.hostUpdated)
  }

  private dialogView(): DialogView {
    return {
      d: this.browse,
      t: (key, params) => this.t(key, params),
      errorText: (e) => this.errorText(e),
      kindLabel: this.kindLabel,
      fieldLabel: this.fieldLabel,
      multiple: this.multiple,
      allowSync: this.allowSync,
      lang: this.effectiveLang,
      known: this.known,
      missing: this.missing,
      image: (item) => this.sealImage(item, 'cell'),
      unsafeImage: () => this.renderUnsafeImage(),
    };
  }

  /**
   * A seal image as it may reach `<img src>`: an absolute http(s) URL or a `data:image/…` URL
   * (checkImageUrl). Anything else (javascript:, blob:, data:text/html, relative) is not rendered; it
   * is reported once per URL with a qys-error and a notice. A cell's image gets its `src` once the
   * dialog's cells have been painted (BrowseDialog.imagesOn).
   */
  private sealImage(item: Resource, where: 'tag' | 'cell'): TemplateResult | typeof nothing {
    const checked = checkImageUrl(item.image);
    if (!checked.ok) {
      this.refuseImage(item.image ?? '', checked.code);
      return nothing;
    }
    if (where === 'tag')
      return html`<img part="tag-image" src=${imageSrc(checked.url)} alt="" @error=${onImageError} />`;
    const src = this.browse.imagesOn ? imageSrc(checked.url) : nothing;
    return html`<img src=${src} alt="" decoding="async" @error=${onImageError} />`;
  }

  private refuseImage(url: string, code: HostUrlCode): void {
    if (this.refusedImages.has(url) || this.refusedImages.size >= 100) return;
    this.refusedImages.add(url);
    // Called while rendering: the state change and the event come right after this update.
    queueMicrotask(() => {
      this.unsafeImage = code;
      this.emit('qys-error', { error: new QysUnsafeUrlError(code, 'image'), code });
    });
  }

  private renderUnsafeImage(): TemplateResult | typeof nothing {
    return this.unsafeImage
      ? html`<p class="notice error" role="alert">${this.t(`image.${this.unsafeImage}`)}</p>`
      : nothing;
  }
}
