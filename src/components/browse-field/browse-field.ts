import { html, nothing, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isAbortError, QysUnsafeUrlError } from '../../api/errors.js';
import type { Company, Resource, ResourceKind, SyncProgress } from '../../api/schemas.js';
import { computeWindow, scrollIntoViewTop } from '../../core/window.js';
import { checkImageUrl, type HostUrlCode } from '../../core/url.js';
import { QysFormField } from '../../internal/form-field.js';
import { browseFieldMessages } from './browse-field.messages.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { browseFieldStyles } from './browse-field.styles.js';
import { ResourcePager } from '../../core/resources/pager.js';
import { isSealKind, parseIds, RESOURCE_KINDS as KINDS, sameIds } from '../../core/resources/ids.js';

/** Row height of the template / flow list, px. */
const ROW_HEIGHT = 56;
/** Height of one row of the seal grid, px (72px image + name + facts). */
const CELL_HEIGHT = 148;
/** Narrowest seal cell, px: the grid has as many columns as fit. */
const CELL_MIN_WIDTH = 136;
const PAGE_SIZE = 100;
/** Picks listed in the dialog (multiple); the rest are counted. */
const DRAFT_SHOWN = 30;

/**
 * Seal images arrive as `data:` URLs, which Chrome decodes synchronously while the grid renders
 * (~1 ms per SVG seal). Served as `blob:` URLs (one per distinct image), they load off the render.
 */
const blobUrls = new Map<string, string>();
const dataUrls = new Map<string, string>();
/** Set when the page's CSP refused a blob: image (img-src without blob:): data: URLs from then on. */
let blobRefused = false;
/**
 * An SVG served as a blob: URL is a document of this page's origin when opened on its own ("open
 * image in new tab"), scripts included. One that could script or navigate stays a data: URL, which
 * browsers never open as a top-level document (in an <img> neither runs anything).
 */
const ACTIVE_SVG =
  /<script|<foreignObject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|href\s*=\s*(?!["']?#)/i;
function imageSrc(src: string): string {
  if (blobRefused || !src.startsWith('data:') || typeof URL.createObjectURL !== 'function') return src;
  let url = blobUrls.get(src);
  if (url) return url;
  const comma = src.indexOf(',');
  const meta = src.slice(5, comma);
  const data = src.slice(comma + 1);
  try {
    const body = meta.endsWith(';base64')
      ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
      : decodeURIComponent(data);
    const type = meta.replace(/;base64$/, '').split(';')[0] || 'text/plain';
    if (type.toLowerCase() === 'image/svg+xml') {
      const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
      if (ACTIVE_SVG.test(text)) return src;
    }
    url = URL.createObjectURL(new Blob([body], { type }));
  } catch {
    return src;
  }
  if (blobUrls.size >= 500) {
    const [oldest] = blobUrls;
    URL.revokeObjectURL(oldest![1]);
    blobUrls.delete(oldest![0]);
    dataUrls.delete(oldest![1]);
  }
  blobUrls.set(src, url);
  dataUrls.set(url, src);
  return url;
}
/** A blob: image that failed to load (CSP) falls back to its data: URL. */
function onImageError(e: Event): void {
  const img = e.target as HTMLImageElement;
  const original = dataUrls.get(img.getAttribute('src') ?? '');
  if (!original) return;
  blobRefused = true;
  img.src = original;
}

type SyncState =
  | { phase: 'idle' }
  | { phase: 'running'; ratio: number; stage: string }
  | { phase: 'done' }
  | { phase: 'error'; message: string };

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
 * @cssprop --qys-font - Font shorthand. Default 14px/1.6 system-ui.
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
  @state() private resolving = false;
  @state() private resolveError: unknown = null;
  /** Set when a seal image URL from the host was refused (not http(s) nor data:image). */
  @state() private unsafeImage: HostUrlCode | null = null;
  private refusedImages = new Set<string>();
  private resolveController: AbortController | undefined;

  @state() private open = false;
  @state() private draft: string[] = [];
  @state() private keyword = '';
  @state() private companyId = '';
  @state() private companies: Company[] = [];
  @state() private active = 0;
  @state() private listScrollTop = 0;
  @state() private viewport = { width: 0, height: 0 };
  @state() private sync: SyncState = { phase: 'idle' };
  @state() private lastSynced: string | null | undefined = undefined;
  /** Said in the status line when the user tries to pick a 停用 item. */
  @state() private refusedPick = '';

  private readonly pager = new ResourcePager<{ keyword: string; companyId: string }>(
    () => this.requestUpdate(),
    PAGE_SIZE,
  );
  private dialogController: AbortController | undefined;
  /** showModal() ran for the current session. */
  private showing = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private observed: Element | undefined;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('[part~="browse"]') private browseButton!: HTMLButtonElement | null;
  @query('[part~="search"]') private searchInput!: HTMLInputElement | null;
  @query('.scroller') private scroller!: HTMLElement | null;
  @query('.list') private listEl!: HTMLElement | null;

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resolveController?.abort();
    this.resolveController = undefined;
    if (this.open) this.closeDialog();
    this.resizeObserver?.disconnect();
    this.observed = undefined;
  }

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
    const scope = ['kind', 'serviceId', 'host', 'contextHost'];
    if (scope.some((k) => changed.has(k))) {
      this.known.clear();
      this.missing.clear();
      if (this.open) this.closeDialog();
    }
    if (scope.some((k) => changed.has(k)) || changed.has('value')) this.resolveChosen();
    // Validity depends on these too (and its message on the language).
    if (this.hasUpdated && ['required', 'readonly', 'lang'].some((k) => changed.has(k))) this.commitValue();
    if (this.open) this.afterDialogRender();
  }

  /** Looks up the names of stored IDs the element does not know yet. */
  private resolveChosen(retry = false): void {
    const host = this.effectiveHost;
    if (!host || !this.isConnected) return;
    const ids = this._value.filter((id) => !this.known.has(id) && !this.missing.has(id));
    if (!ids.length && !retry) {
      if (this.resolving) this.resolving = false;
      if (this.resolveError) this.resolveError = null;
      this.resolveController?.abort();
      return;
    }
    this.resolveController?.abort();
    const ctrl = (this.resolveController = new AbortController());
    this.resolving = true;
    this.resolveError = null;
    const options = this.serviceId
      ? { signal: ctrl.signal, serviceId: this.serviceId }
      : { signal: ctrl.signal };
    host.resources.resolve(this.kind, ids, options).then(
      (r) => {
        if (ctrl.signal.aborted) return;
        for (const item of r.items) this.known.set(item.id, item);
        for (const id of r.missing) this.missing.add(id);
        this.resolving = false;
      },
      (e: unknown) => {
        if (ctrl.signal.aborted || isAbortError(e)) return;
        this.resolving = false;
        this.resolveError = e;
      },
    );
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
          this.resolveError
            ? html`<p class="notice error" role="alert">
                ${this.t('resolveFailed', { error: this.errorText(this.resolveError) })}
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
        @close=${this.onCloseEvent}
        @keydown=${this.onDialogKeydown}
      >
        ${this.open ? this.renderDialog() : nothing}
      </dialog>
    `;
  }

  private renderTag(id: string, editable: boolean): TemplateResult {
    const item = this.known.get(id);
    const missing = this.missing.has(id);
    const off = QysBrowseField.isDisabled(item);
    const pending = !item && !missing;
    const name = item?.name ?? id;
    const flag = missing ? this.t('missing') : off ? this.t('disabledBadge') : '';
    return html`<li
      part=${missing ? 'tag tag-missing' : off ? 'tag tag-disabled' : 'tag'}
      class="tag ${missing || off ? 'missing' : ''}"
      title=${missing ? this.t('missingTitle', { id }) : off ? this.t('disabledTagTitle', { id }) : nothing}
      aria-busy=${pending && this.resolving ? 'true' : nothing}
    >
      ${item?.image && isSealKind(this.kind) ? this.sealImage(item, 'tag') : nothing}
      <span class="tag-name">${name}</span>
      ${flag ? html`<span class="badge">${flag}</span>` : nothing}
      ${pending && this.resolving ? html`<span class="muted">${this.t('resolving')}</span>` : nothing}
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

  /** Opens the browse dialog (what the browse button does). */
  async openDialog(): Promise<void> {
    const host = this.effectiveHost;
    if (!host || this.open || this.isDisabled || this.readonly) return;
    this.open = true;
    this.draft = [...this._value];
    this.keyword = '';
    this.companyId = isSealKind(this.kind) ? this.company : '';
    this.companies = [];
    this.active = 0;
    this.listScrollTop = 0;
    this.sync = { phase: 'idle' };
    this.lastSynced = undefined;
    this.refusedPick = '';
    this.dialogController = new AbortController();
    this.startQuery();
    if (isSealKind(this.kind)) this.loadCompanies();
    await this.updateComplete;
    if (!this.open) return;
    if (!this.dialog.open) this.dialog.showModal();
    this.showing = true;
    this.searchInput?.focus();
  }

  private closeDialog(): void {
    if (this.dialog?.open) this.dialog.close();
    this.onDialogClosed(); // the close event comes later; the field is closed now
  }

  /** The dialog closed by itself (Escape). A late close event of an earlier session is ignored. */
  private onCloseEvent = (): void => {
    if (this.showing && !this.dialog.open) this.onDialogClosed();
  };

  private onDialogClosed = (): void => {
    if (!this.open) return;
    this.open = false;
    this.showing = false;
    clearTimeout(this.searchTimer);
    this.pager.abort();
    this.dialogController?.abort();
    this.dialogController = undefined;
    this.resizeObserver?.disconnect();
    this.observed = undefined;
    this.browseButton?.focus();
  };

  private confirm(): void {
    const ids = [...this.draft];
    this.closeDialog();
    this.userChange(ids);
  }

  private listOptions(): { signal?: AbortSignal; serviceId?: string } {
    const o: { signal?: AbortSignal; serviceId?: string } = {};
    if (this.dialogController) o.signal = this.dialogController.signal;
    if (this.serviceId) o.serviceId = this.serviceId;
    return o;
  }

  /** The keyword of the query whose results are on show. */
  private get shownKeyword(): string {
    return this.pager.key?.keyword ?? '';
  }
  private get shownFiltered(): boolean {
    return !!(this.pager.key?.keyword || this.pager.key?.companyId);
  }

  /** Runs the query for the current keyword and company. `keep`: show the old results until it answers. */
  private startQuery(keep = false): void {
    clearTimeout(this.searchTimer);
    const host = this.effectiveHost;
    const kind = this.kind;
    const keyword = this.keyword.trim();
    const companyId = this.companyId;
    const serviceId = this.serviceId;
    this.active = 0;
    this.listScrollTop = 0;
    this.refusedPick = '';
    if (this.scroller) this.scroller.scrollTop = 0;
    this.pager.reset(
      host
        ? (offset, limit, signal) =>
            host.resources.list(kind, {
              offset,
              limit,
              signal,
              ...(keyword ? { keyword } : {}),
              ...(serviceId ? { serviceId } : {}),
              ...(companyId ? { companyId } : {}),
            })
        : undefined,
      { keyword, companyId },
      keep,
    );
    this.requestUpdate();
  }

  private loadCompanies(): void {
    const host = this.effectiveHost;
    const signal = this.dialogController?.signal;
    host?.resources.companies(this.listOptions()).then(
      (list) => {
        if (!signal?.aborted) this.companies = list;
      },
      () => {
        /* no company filter: the list still works */
      },
    );
  }

  private loadLastSynced(): void {
    const host = this.effectiveHost;
    if (!host || this.lastSynced !== undefined) return;
    this.lastSynced = null;
    const signal = this.dialogController?.signal;
    host.resources.lastSynced(this.listOptions()).then(
      (t) => {
        if (!signal?.aborted) this.lastSynced = t;
      },
      () => {},
    );
  }

  private onSearchInput = (e: Event): void => {
    this.keyword = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.startQuery(true), Math.max(0, this.searchDelay));
  };

  private onSearchKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.startQuery(true);
    } else if (e.key === 'ArrowDown' && (this.pager.total ?? 0) > 0) {
      e.preventDefault();
      this.listEl?.focus();
    }
  };

  private onCompanyChange = (e: Event): void => {
    this.companyId = (e.target as HTMLSelectElement).value;
    this.startQuery(true);
  };

  private onDialogKeydown = (e: KeyboardEvent): void => {
    // Escape is the dialog's own cancel; stop it reaching page handlers that might act on it too.
    if (e.key === 'Escape') e.stopPropagation();
  };

  // ------------------------------------------------------------------------------------------
  // Windowed list
  // ------------------------------------------------------------------------------------------

  private get seal(): boolean {
    return isSealKind(this.kind);
  }
  private get cols(): number {
    if (!this.seal) return 1;
    return Math.max(1, Math.floor((this.viewport.width - 16) / CELL_MIN_WIDTH));
  }
  private get rowHeight(): number {
    return this.seal ? CELL_HEIGHT : ROW_HEIGHT;
  }

  private afterDialogRender(): void {
    const scroller = this.scroller;
    if (scroller && scroller !== this.observed) {
      this.resizeObserver ??= new ResizeObserver(() => this.measure());
      this.resizeObserver.disconnect();
      this.resizeObserver.observe(scroller);
      this.observed = scroller;
      this.measure();
    }
    const total = this.pager.total;
    if (total === null) return;
    if (total === 0 && !this.shownFiltered) this.loadLastSynced();
    const w = this.windowRange();
    this.pager.ensure(w.start * this.cols, Math.min(total, w.end * this.cols));
  }

  private measure(): void {
    const s = this.scroller;
    if (!s) return;
    const next = { width: s.clientWidth, height: s.clientHeight };
    if (next.width !== this.viewport.width || next.height !== this.viewport.height) this.viewport = next;
  }

  private windowRange() {
    const rows = Math.ceil((this.pager.total ?? 0) / this.cols);
    return computeWindow({
      count: rows,
      rowHeight: this.rowHeight,
      scrollTop: this.listScrollTop,
      viewportHeight: this.viewport.height || 360,
      overscan: this.seal ? 1 : 4,
    });
  }

  private onScroll = (e: Event): void => {
    this.listScrollTop = (e.target as HTMLElement).scrollTop;
  };

  private setActive(index: number): void {
    const total = this.pager.total ?? 0;
    if (!total) return;
    const i = Math.max(0, Math.min(total - 1, index));
    this.active = i;
    const s = this.scroller;
    if (s) {
      const row = Math.floor(i / this.cols);
      const top = scrollIntoViewTop(row, this.rowHeight, s.scrollTop, s.clientHeight || 360);
      if (top !== null) {
        s.scrollTop = top;
        this.listScrollTop = s.scrollTop;
      }
    }
  }

  /** 停用 in Qiyuesuo: shown, marked, never picked (a stored one is kept and flagged). */
  private static isDisabled(item: Resource | undefined): boolean {
    return item?.status === 'disabled';
  }

  /** True when the item at `index` may be picked now (a 停用 item only when it is to be removed). */
  private pickable(index: number): boolean {
    const item = this.pager.items[index];
    if (!item) return false;
    if (!QysBrowseField.isDisabled(item) || this.draft.includes(item.id)) return true;
    this.refusedPick = this.t('disabledRefused', { name: item.name });
    return false;
  }

  private toggle(index: number): void {
    const item = this.pager.items[index];
    if (!item || !this.pickable(index)) return;
    this.refusedPick = '';
    this.known.set(item.id, item);
    if (!this.multiple) this.draft = [item.id];
    else
      this.draft = this.draft.includes(item.id)
        ? this.draft.filter((x) => x !== item.id)
        : [...this.draft, item.id];
  }

  private onListKeydown = (e: KeyboardEvent): void => {
    const total = this.pager.total ?? 0;
    if (!total) return;
    const cols = this.cols;
    const pageRows = Math.max(1, Math.floor((this.viewport.height || 360) / this.rowHeight));
    const a = this.active;
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = a + cols < total ? a + cols : a;
        break;
      case 'ArrowUp':
        next = a - cols >= 0 ? a - cols : a;
        break;
      case 'ArrowRight':
        if (cols > 1) next = a + 1;
        break;
      case 'ArrowLeft':
        if (cols > 1) next = a - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = total - 1;
        break;
      case 'PageDown':
        next = Math.min(total - 1, a + pageRows * cols);
        break;
      case 'PageUp':
        next = Math.max(0, a - pageRows * cols);
        break;
      case ' ':
        e.preventDefault();
        this.toggle(a);
        return;
      case 'Enter':
        e.preventDefault();
        // Single: Enter picks the active item and confirms. Multiple: Enter confirms the selection
        // (picking the active item first when nothing is selected yet).
        if (!this.multiple || this.draft.length === 0) {
          if (!this.pager.items[a]) return;
          if (!this.multiple || !this.draft.includes(this.pager.items[a].id)) {
            if (!this.pickable(a)) return;
            this.toggle(a);
          }
        }
        this.confirm();
        return;
      default:
        return;
    }
    if (next === undefined) return;
    e.preventDefault();
    this.setActive(next);
  };

  private indexFromEvent(e: Event): number | null {
    const el = (e.target as Element).closest<HTMLElement>('[data-index]');
    return el ? Number(el.dataset.index) : null;
  }

  private onListClick = (e: MouseEvent): void => {
    const i = this.indexFromEvent(e);
    if (i === null) return;
    this.active = i;
    this.toggle(i);
  };

  private onListDblClick = (e: MouseEvent): void => {
    const i = this.indexFromEvent(e);
    if (i === null || this.multiple || !this.pager.items[i] || !this.pickable(i)) return;
    this.draft = [this.pager.items[i].id];
    this.confirm();
  };

  // ------------------------------------------------------------------------------------------
  // Sync (empty state)
  // ------------------------------------------------------------------------------------------

  private async runSync(): Promise<void> {
    const host = this.effectiveHost;
    const signal = this.dialogController?.signal;
    if (!host || !signal || this.sync.phase === 'running') return;
    this.sync = { phase: 'running', ratio: 0, stage: '' };
    try {
      let serviceId = this.serviceId;
      if (!serviceId) {
        const services = await host.services.list({ signal });
        serviceId = (services.find((s) => s.isDefault) ?? services[0])?.id ?? '';
      }
      if (!serviceId) {
        this.sync = { phase: 'error', message: this.t('noService') };
        return;
      }
      const report = await host.services.sync(serviceId, {
        signal,
        onProgress: (p: SyncProgress) => {
          if (!signal.aborted) this.sync = { phase: 'running', ratio: p.ratio, stage: p.stage };
        },
      });
      if (signal.aborted) return;
      this.sync = { phase: 'done' };
      this.lastSynced = report.finishedAt;
      this.emit('qys-sync-complete', { serviceId, report });
      this.startQuery();
      if (this.seal) this.loadCompanies();
      await this.updateComplete;
      // The sync button is gone once data arrived: keep focus inside the dialog.
      const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
      if (!focused || focused === this.dialog) this.searchInput?.focus();
    } catch (e) {
      if (signal.aborted || isAbortError(e)) return;
      this.sync = { phase: 'error', message: this.t('syncFailed', { error: this.errorText(e) }) };
    }
  }

  // ------------------------------------------------------------------------------------------
  // Dialog rendering
  // ------------------------------------------------------------------------------------------

  private statusText(): string {
    if (this.refusedPick) return this.refusedPick;
    const s = this.sync;
    if (s.phase === 'running') {
      const key = `stage.${s.stage}`;
      const stage = this.t(key);
      return this.t('syncing', { stage: stage === key ? s.stage || '…' : stage });
    }
    if (s.phase === 'error') return s.message;
    const total = this.pager.total;
    if (total === null) {
      if (this.pager.error)
        return this.t('listFailed', { kind: this.kindLabel, error: this.errorText(this.pager.error) });
      return this.t('listLoading', { kind: this.kindLabel });
    }
    const keyword = this.shownKeyword;
    if (total === 0 && keyword) return this.t('noMatch', { keyword, kind: this.kindLabel });
    if (total === 0) return this.t('emptyTitle', { kind: this.kindLabel });
    const count = keyword ? this.t('countKeyword', { total, keyword }) : this.t('countAll', { total });
    return s.phase === 'done' ? `${this.t('syncDone')} · ${count}` : count;
  }

  private renderDialog(): TemplateResult {
    const title = this.t('dialogTitle', { kind: this.fieldLabel });
    return html`<div class="dialog">
      <h2 id="title">${title}</h2>
      <div class="toolbar">
        <input
          part="search"
          type="text"
          role="searchbox"
          autocomplete="off"
          enterkeyhint="search"
          aria-label=${this.t('searchLabel', { kind: this.kindLabel })}
          placeholder=${this.t('searchPlaceholder')}
          .value=${this.keyword}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeydown}
        />
        ${
          this.seal && this.companies.length
            ? html`<select
                part="company"
                aria-label=${this.t('companyLabel')}
                .value=${this.companyId}
                @change=${this.onCompanyChange}
              >
                <option value="" ?selected=${!this.companyId}>${this.t('companyAll')}</option>
                ${this.companies.map(
                  (c) => html`<option value=${c.id} ?selected=${c.id === this.companyId}>${c.name}</option>`,
                )}
              </select>`
            : nothing
        }
      </div>
      <div part="status" class="status" role="status">${this.statusText()}</div>
      ${this.renderBody()} ${this.multiple && this.draft.length ? this.renderDraft() : nothing}
      <div class="footer">
        <span class="count">${this.t('selectedCount', { count: this.draft.length })}</span>
        <button part="cancel" type="button" @click=${() => this.closeDialog()}>${this.t('cancel')}</button>
        <button part="confirm" class="primary" type="button" @click=${() => this.confirm()}>
          ${this.t('confirm')}
        </button>
      </div>
    </div>`;
  }

  /** Multiple: the picks so far (also those outside the current search), each removable. */
  private renderDraft(): TemplateResult {
    const shown = this.draft.slice(0, DRAFT_SHOWN);
    const more = this.draft.length - shown.length;
    return html`<ul part="picked" class="tags picked" aria-label=${this.t('pickedLabel')}>
      ${shown.map((id) => {
        const name = this.known.get(id)?.name ?? id;
        const missing = this.missing.has(id);
        const flag = missing
          ? this.t('missing')
          : QysBrowseField.isDisabled(this.known.get(id))
            ? this.t('disabledBadge')
            : '';
        return html`<li class="tag ${flag ? 'missing' : ''}">
          <span class="tag-name">${name}</span>
          ${flag ? html`<span class="badge">${flag}</span>` : nothing}
          <button
            class="icon"
            type="button"
            aria-label=${this.t('removeLabel', { name })}
            @click=${() => (this.draft = this.draft.filter((x) => x !== id))}
          >
            ×
          </button>
        </li>`;
      })}
      ${more > 0 ? html`<li class="muted">${this.t('pickedMore', { count: more })}</li>` : nothing}
    </ul>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const p = this.pager;
    if (p.total === null) {
      if (p.error) return this.renderListError();
      return nothing;
    }
    if (p.total === 0) {
      if (this.shownFiltered) return nothing;
      return this.renderEmpty();
    }
    return html`${p.error ? this.renderListError() : nothing}${this.renderUnsafeImage()}${this.renderList()}`;
  }

  /**
   * A seal image as it may reach `<img src>`: an absolute http(s) URL or a `data:image/…` URL
   * (checkImageUrl). Anything else (javascript:, blob:, data:text/html, relative) is not rendered; it
   * is reported once per URL with a qys-error and a notice.
   */
  private sealImage(item: Resource, where: 'tag' | 'cell'): TemplateResult | typeof nothing {
    const checked = checkImageUrl(item.image);
    if (!checked.ok) {
      this.refuseImage(item.image ?? '', checked.code);
      return nothing;
    }
    const src = imageSrc(checked.url);
    return where === 'tag'
      ? html`<img part="tag-image" src=${src} alt="" @error=${onImageError} />`
      : html`<img src=${src} alt="" decoding="async" @error=${onImageError} />`;
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

  private renderListError(): TemplateResult {
    return html`<div class="notice error" role="alert">
      ${this.t('listFailed', { kind: this.kindLabel, error: this.errorText(this.pager.error) })}
      <button type="button" @click=${() => this.pager.retry()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderEmpty(): TemplateResult {
    const s = this.sync;
    const running = s.phase === 'running';
    const percent = running ? Math.round(s.ratio * 100) : 0;
    return html`<div part="empty" class="empty">
      <p><strong>${this.t('emptyTitle', { kind: this.kindLabel })}</strong></p>
      <p>${this.t('emptyExplain')}</p>
      <p class="muted">
        ${
          this.lastSynced
            ? this.t('lastSynced', { time: new Date(this.lastSynced).toLocaleString(this.effectiveLang) })
            : this.t('neverSynced')
        }
      </p>
      ${
        this.allowSync
          ? html`<div>
                <button
                  part="sync"
                  class="primary"
                  type="button"
                  aria-disabled=${running ? 'true' : 'false'}
                  @click=${() => void this.runSync()}
                >
                  ${this.t('sync')}
                </button>
              </div>
              ${
                running
                  ? html`<div
                      class="progress"
                      role="progressbar"
                      aria-label=${this.t('syncProgress')}
                      aria-valuemin="0"
                      aria-valuemax="100"
                      aria-valuenow=${percent}
                    >
                      <div style="inline-size:${percent}%"></div>
                    </div>`
                  : nothing
              }`
          : html`<p>${this.t('emptyAskAdmin')}</p>`
      }
    </div>`;
  }

  private renderList(): TemplateResult {
    const total = this.pager.total ?? 0;
    const cols = this.cols;
    const w = this.windowRange();
    const rowsOf = [] as number[];
    for (let r = w.start; r < w.end; r++) rowsOf.push(r);
    // The active item stays in the DOM (aria-activedescendant must point at something).
    const activeRow = Math.floor(Math.min(this.active, total - 1) / cols);
    if (activeRow < w.start || activeRow >= w.end) rowsOf.push(activeRow);
    const common = {
      id: 'list',
      tabindex: '0',
      'aria-labelledby': 'title',
      'aria-multiselectable': this.multiple ? 'true' : 'false',
      'aria-activedescendant': `o-${Math.min(this.active, total - 1)}`,
    };
    const body = this.seal
      ? html`<div
          class="list"
          role="grid"
          id=${common.id}
          tabindex=${common.tabindex}
          aria-labelledby=${common['aria-labelledby']}
          aria-multiselectable=${common['aria-multiselectable']}
          aria-activedescendant=${common['aria-activedescendant']}
          aria-busy=${this.pager.stale ? 'true' : nothing}
          aria-rowcount=${Math.ceil(total / cols)}
          aria-colcount=${cols}
          style="block-size:${w.totalHeight}px"
          @keydown=${this.onListKeydown}
          @click=${this.onListClick}
          @dblclick=${this.onListDblClick}
        >
          ${rowsOf.map((r) => this.renderGridRow(r, cols, total))}
        </div>`
      : html`<div
          class="list"
          role="listbox"
          id=${common.id}
          tabindex=${common.tabindex}
          aria-labelledby=${common['aria-labelledby']}
          aria-multiselectable=${common['aria-multiselectable']}
          aria-activedescendant=${common['aria-activedescendant']}
          aria-busy=${this.pager.stale ? 'true' : nothing}
          style="block-size:${w.totalHeight}px"
          @keydown=${this.onListKeydown}
          @click=${this.onListClick}
          @dblclick=${this.onListDblClick}
        >
          ${rowsOf.map((i) => this.renderRow(i, total))}
        </div>`;
    return html`<div part="list" class="scroller" @scroll=${this.onScroll}>${body}</div>`;
  }

  private renderRow(i: number, total: number): TemplateResult {
    const item = this.pager.items[i];
    const selected = !!item && this.draft.includes(item.id);
    const off = QysBrowseField.isDisabled(item);
    const facts = item
      ? [item.category, this.t(`status.${item.status}`), item.company].filter(Boolean).join(' · ')
      : '';
    return html`<div
      part=${off ? 'option option-disabled' : 'option'}
      class="row ${i === this.active ? 'active' : ''} ${off ? 'off' : ''}"
      role="option"
      id="o-${i}"
      data-index=${i}
      aria-selected=${selected ? 'true' : 'false'}
      aria-disabled=${off ? 'true' : nothing}
      title=${off ? this.t('disabledTitle') : nothing}
      aria-setsize=${total}
      aria-posinset=${i + 1}
      aria-busy=${item ? nothing : 'true'}
      style="block-size:${ROW_HEIGHT}px;transform:translateY(${i * ROW_HEIGHT}px)"
    >
      ${
        item
          ? html`<span class="line"
                ><span class="name">${item.name}</span>${
                  off ? html`<span class="badge">${this.t('disabledBadge')}</span>` : nothing
                }</span
              ><span class="facts">${facts}</span>`
          : html`<span class="name">${this.t('loading')}</span>`
      }
    </div>`;
  }

  private renderGridRow(r: number, cols: number, total: number): TemplateResult {
    const cells = [] as TemplateResult[];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (i >= total) break;
      const item = this.pager.items[i];
      const selected = !!item && this.draft.includes(item.id);
      const off = QysBrowseField.isDisabled(item);
      cells.push(
        html`<div
          part=${off ? 'option option-disabled' : 'option'}
          class="cell ${i === this.active ? 'active' : ''} ${off ? 'off' : ''}"
          role="gridcell"
          id="o-${i}"
          data-index=${i}
          aria-colindex=${c + 1}
          aria-selected=${selected ? 'true' : 'false'}
          aria-disabled=${off ? 'true' : nothing}
          title=${off ? this.t('disabledTitle') : nothing}
          aria-busy=${item ? nothing : 'true'}
        >
          ${
            item
              ? html`${item.image ? this.sealImage(item, 'cell') : nothing}
                  <span class="name">${item.name}</span>
                  ${off ? html`<span class="badge">${this.t('disabledBadge')}</span>` : nothing}
                  <span class="facts">${[item.sealType, item.company].filter(Boolean).join(' · ')}</span>`
              : html`<span class="name">${this.t('loading')}</span>`
          }
        </div>`,
      );
    }
    return html`<div
      class="grid-row"
      role="row"
      aria-rowindex=${r + 1}
      style="block-size:${CELL_HEIGHT}px;transform:translateY(${r * CELL_HEIGHT}px);grid-template-columns:repeat(${cols},minmax(0,1fr))"
    >
      ${cells}
    </div>`;
  }
}
