/**
 * The browse dialog of `<qys-browse-field>` as a ReactiveController: one session from open to confirm or
 * cancel — the draft selection, keyword search (debounced, a new query aborts the previous one), the
 * company filter, the windowed list or seal grid (VirtualListController) paged in from the host
 * (ResourcePager), keyboard picking, and the empty state's 同步服务商数据. The templates are in
 * dialog.part.ts and list.part.ts; the element keeps the value, the form and the closed field.
 *
 * First open, fast: the dialog is shown (showModal) by the update that renders it, the list's viewport is
 * measured right then (layout is fresh), so the first grid is rendered once with its real column count;
 * the seal images of a session are given their `src` only after the frame that first paints the cells
 * (an SVG image is a document of its own: parsing two dozen of them used to hold back that frame), and
 * the company filter is asked for then too.
 */
import type { ReactiveController } from 'lit';
import type { Company, Resource, ResourceKind, SyncProgress, SyncReport } from '../../api/schemas.js';
import type { QysEventMap } from '../../api/events.js';
import { HostTask, type HostTaskElement } from '../../controllers/host-task.js';
import { VirtualListController } from '../../controllers/virtual-list.js';
import { ResourcePager } from '../../core/resources/pager.js';
import { isSealKind } from '../../core/resources/ids.js';
import { nextFrame } from '../../internal/next-frame.js';

/** Row height of the template / flow list, px. */
export const ROW_HEIGHT = 56;
/** Height of one row of the seal grid, px (72px image + name + facts). */
export const CELL_HEIGHT = 148;
/** Narrowest seal cell, px: the grid has as many columns as fit. */
const CELL_MIN_WIDTH = 136;
const PAGE_SIZE = 100;

export type SyncState =
  | { phase: 'idle' }
  | { phase: 'running'; ratio: number; stage: string }
  | { phase: 'done' }
  | { phase: 'error'; message: string };

type Params = Record<string, string | number>;

/** What the dialog needs of the element (its public side). */
export interface BrowseFieldElement extends HostTaskElement {
  readonly kind: ResourceKind;
  readonly multiple: boolean;
  readonly serviceId: string;
  readonly company: string;
  readonly searchDelay: number;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly effectiveLang: string;
  t(key: string, params?: Params): string;
  errorText(error: unknown): string;
  emit<K extends keyof QysEventMap>(
    name: K,
    detail: QysEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): boolean;
}

/** What the dialog needs of the element's private side, handed over at construction. */
export interface BrowseFieldBridge {
  /** The chosen IDs now. */
  value(): string[];
  /** Resources known by ID (names of the picks); the dialog adds what the user picks. */
  known: Map<string, Resource>;
  /** IDs the host reported as gone. */
  missing: Set<string>;
  /** The user confirmed: commit the value (fires the change events when it differs). */
  commit(ids: string[]): void;
  /** The dialog closed: focus goes back to the browse button. */
  closed(): void;
}

export interface QueryKey {
  keyword: string;
  companyId: string;
}

/** 停用 in Qiyuesuo: shown, marked, never picked (a stored one is kept and flagged). */
export const isDisabledItem = (item: Resource | undefined): boolean => item?.status === 'disabled';

export class BrowseDialog implements ReactiveController {
  open = false;
  draft: string[] = [];
  keyword = '';
  companyId = '';
  /** Said in the status line when the user tries to pick a 停用 item. */
  refusedPick = '';
  sync: SyncState = { phase: 'idle' };
  /** Seal images of this session get their src (after the cells first painted). */
  imagesOn = false;

  readonly pager = new ResourcePager<QueryKey>(() => this.el.requestUpdate(), PAGE_SIZE);
  readonly list: VirtualListController;
  readonly companies: HostTask<[], Company[]>;
  readonly lastSynced: HostTask<[], string | null>;
  private readonly syncTask: HostTask<[], { serviceId: string; report: SyncReport } | null>;

  /** showModal() ran for the current session. */
  private showing = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private imagesPending = false;
  private deferred: Promise<void> | undefined;

  constructor(
    private readonly el: BrowseFieldElement,
    private readonly bridge: BrowseFieldBridge,
  ) {
    el.addController(this);
    const seal = () => this.seal;
    this.list = new VirtualListController(el, {
      count: () => this.pager.total ?? 0,
      rowHeight: () => (seal() ? CELL_HEIGHT : ROW_HEIGHT),
      columns: () => this.cols,
      get overscan() {
        return seal() ? 1 : 4;
      },
      scroller: () => this.scroller,
      viewportHeight: 360,
      onRangeChange: (r) => this.pager.ensure(r.start, r.end),
    });
    this.companies = new HostTask(el, {
      task: (_, { host, signal }) => host.resources.companies({ ...this.scope(), signal }),
    });
    this.lastSynced = new HostTask(el, {
      task: (_, { host, signal }) => host.resources.lastSynced({ ...this.scope(), signal }),
    });
    this.syncTask = new HostTask(el, {
      task: async (_, { host, signal }) => {
        let serviceId = this.el.serviceId;
        if (!serviceId) {
          const services = await host.services.list({ signal });
          serviceId = (services.find((s) => s.isDefault) ?? services[0])?.id ?? '';
        }
        if (!serviceId) return null;
        const report = await host.services.sync(serviceId, {
          signal,
          onProgress: (p: SyncProgress) => {
            if (signal.aborted) return;
            this.sync = { phase: 'running', ratio: p.ratio, stage: p.stage };
            this.el.requestUpdate();
          },
        });
        return { serviceId, report };
      },
      onValue: (r) => void this.synced(r),
      onError: (e) =>
        (this.sync = { phase: 'error', message: this.el.t('syncFailed', { error: this.el.errorText(e) }) }),
    });
  }

  get seal(): boolean {
    return isSealKind(this.el.kind);
  }
  /** Items per row: 1 for the list; as many seal cells as fit (0 until the viewport is measured). */
  get cols(): number {
    if (!this.seal) return 1;
    return Math.max(1, Math.floor((this.list.viewportWidth - 16) / CELL_MIN_WIDTH));
  }
  /** The seal grid waits for its width before rendering cells (so they are laid out once). */
  get measured(): boolean {
    return !this.seal || this.list.viewportWidth > 0;
  }
  get scroller(): HTMLElement | null {
    return this.el.renderRoot.querySelector<HTMLElement>('.scroller');
  }
  private get dialog(): HTMLDialogElement | null {
    return this.el.renderRoot.querySelector('dialog');
  }
  private get searchInput(): HTMLInputElement | null {
    return this.el.renderRoot.querySelector('[part~="search"]');
  }
  /** The keyword of the query whose results are on show. */
  get shownKeyword(): string {
    return this.pager.key?.keyword ?? '';
  }
  get shownFiltered(): boolean {
    return !!(this.pager.key?.keyword || this.pager.key?.companyId);
  }

  private scope(): { serviceId?: string } {
    return this.el.serviceId ? { serviceId: this.el.serviceId } : {};
  }

  // ------------------------------------------------------------------------------------------
  // Session
  // ------------------------------------------------------------------------------------------

  /** Starts a session; the element's next update renders and shows the dialog. */
  start(): void {
    this.open = true;
    this.draft = this.bridge.value();
    this.keyword = '';
    this.companyId = this.seal ? this.el.company : '';
    this.companies.reset();
    this.lastSynced.reset();
    this.syncTask.reset();
    this.sync = { phase: 'idle' };
    this.refusedPick = '';
    this.imagesOn = false;
    this.imagesPending = false;
    this.startQuery();
    this.el.requestUpdate();
  }

  /** Closes the dialog now (the close event comes later; the session is over at once). */
  close(): void {
    const d = this.dialog;
    if (d?.open) d.close();
    this.ended();
  }

  /** The dialog closed by itself (Escape). A late close event of an earlier session is ignored. */
  readonly onCloseEvent = (): void => {
    if (this.showing && !this.dialog?.open) this.ended();
  };

  private ended(): void {
    if (!this.open) return;
    this.open = false;
    this.showing = false;
    clearTimeout(this.searchTimer);
    this.pager.abort();
    this.companies.abort();
    this.lastSynced.abort();
    this.syncTask.abort();
    this.el.requestUpdate();
    this.bridge.closed();
  }

  confirm(): void {
    const ids = [...this.draft];
    this.close();
    this.bridge.commit(ids);
  }

  hostUpdated(): void {
    if (!this.open) return;
    const dialog = this.dialog;
    if (dialog && !this.showing) {
      if (!dialog.open) dialog.showModal();
      this.showing = true;
      // showModal just laid the dialog out: its list viewport is known now, before any cell renders.
      const s = this.scroller;
      if (s && s.clientWidth > 0) {
        this.list.viewportWidth = s.clientWidth;
        this.list.viewportHeight = s.clientHeight || this.list.viewportHeight;
        this.el.requestUpdate();
      }
      this.searchInput?.focus();
    }
    const total = this.pager.total;
    if (total === 0 && !this.shownFiltered && this.lastSynced.status === 'idle' && !this.lastSynced.value)
      void this.lastSynced.run();
    // What the first cells do not need waits until they are painted: the seal images, the company filter.
    if (total !== null && this.seal && !this.imagesOn && !this.imagesPending && this.measured)
      this.afterPaint(() => {
        this.imagesOn = true;
        if (this.companies.status === 'idle' && !this.companies.value) void this.companies.run();
        this.el.requestUpdate();
      });
  }

  hostDisconnected(): void {
    if (this.open) this.close();
  }

  /** Runs `fn` once the frame now being prepared has been painted (nextFrame). */
  private afterPaint(fn: () => void): void {
    this.imagesPending = true;
    this.deferred = nextFrame(true).then(() => {
      this.imagesPending = false;
      if (this.open) fn();
    });
  }

  /** While the after-paint pass (images, company filter) is scheduled: resolves once it has run. */
  get pendingPass(): Promise<void> | undefined {
    return this.imagesPending ? this.deferred : undefined;
  }

  // ------------------------------------------------------------------------------------------
  // Query
  // ------------------------------------------------------------------------------------------

  /** Runs the query for the current keyword and company. `keep`: show the old results until it answers. */
  startQuery(keep = false): void {
    clearTimeout(this.searchTimer);
    const host = this.el.effectiveHost;
    const kind = this.el.kind;
    const keyword = this.keyword.trim();
    const companyId = this.companyId;
    const scope = this.scope();
    this.list.state = { active: 0, scrollTop: 0 };
    this.list.resetRange();
    this.refusedPick = '';
    const s = this.scroller;
    if (s) s.scrollTop = 0;
    this.pager.reset(
      host
        ? (offset, limit, signal) =>
            host.resources.list(kind, {
              offset,
              limit,
              signal,
              ...(keyword ? { keyword } : {}),
              ...scope,
              ...(companyId ? { companyId } : {}),
            })
        : undefined,
      { keyword, companyId },
      keep,
    );
    this.el.requestUpdate();
  }

  readonly onSearchInput = (e: Event): void => {
    this.keyword = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.startQuery(true), Math.max(0, this.el.searchDelay));
    this.el.requestUpdate();
  };

  readonly onSearchKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.startQuery(true);
    } else if (e.key === 'ArrowDown' && (this.pager.total ?? 0) > 0) {
      e.preventDefault();
      this.el.renderRoot.querySelector<HTMLElement>('.list')?.focus();
    }
  };

  readonly onCompanyChange = (e: Event): void => {
    this.companyId = (e.target as HTMLSelectElement).value;
    this.startQuery(true);
  };

  readonly onDialogKeydown = (e: KeyboardEvent): void => {
    // Escape is the dialog's own cancel; stop it reaching page handlers that might act on it too.
    if (e.key === 'Escape') e.stopPropagation();
  };

  // ------------------------------------------------------------------------------------------
  // Picking
  // ------------------------------------------------------------------------------------------

  /** True when the item at `index` may be picked now (a 停用 item only when it is to be removed). */
  private pickable(index: number): boolean {
    const item = this.pager.items[index];
    if (!item) return false;
    if (!isDisabledItem(item) || this.draft.includes(item.id)) return true;
    this.refusedPick = this.el.t('disabledRefused', { name: item.name });
    this.el.requestUpdate();
    return false;
  }

  private toggle(index: number): void {
    const item = this.pager.items[index];
    if (!item || !this.pickable(index)) return;
    this.refusedPick = '';
    this.bridge.known.set(item.id, item);
    if (!this.el.multiple) this.draft = [item.id];
    else
      this.draft = this.draft.includes(item.id)
        ? this.draft.filter((x) => x !== item.id)
        : [...this.draft, item.id];
    this.el.requestUpdate();
  }

  unpick(id: string): void {
    this.draft = this.draft.filter((x) => x !== id);
    this.el.requestUpdate();
  }

  readonly onListKeydown = (e: KeyboardEvent): void => {
    const total = this.pager.total ?? 0;
    if (!total || this.list.handleKey(e)) return;
    const a = this.list.active;
    if (e.key === ' ') {
      e.preventDefault();
      this.toggle(a);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Single: Enter picks the active item and confirms. Multiple: Enter confirms the selection
      // (picking the active item first when nothing is selected yet).
      if (!this.el.multiple || this.draft.length === 0) {
        const item = this.pager.items[a];
        if (!item) return;
        if (!this.el.multiple || !this.draft.includes(item.id)) {
          if (!this.pickable(a)) return;
          this.toggle(a);
        }
      }
      this.confirm();
    }
  };

  private indexFromEvent(e: Event): number | null {
    const el = (e.target as Element).closest<HTMLElement>('[data-index]');
    return el ? Number(el.dataset.index) : null;
  }

  readonly onListClick = (e: MouseEvent): void => {
    const i = this.indexFromEvent(e);
    if (i === null) return;
    this.list.setActive(i, false);
    this.toggle(i);
  };

  readonly onListDblClick = (e: MouseEvent): void => {
    const i = this.indexFromEvent(e);
    const item = i === null ? undefined : this.pager.items[i];
    if (i === null || this.el.multiple || !item || !this.pickable(i)) return;
    this.draft = [item.id];
    this.confirm();
  };

  // ------------------------------------------------------------------------------------------
  // Sync (empty state)
  // ------------------------------------------------------------------------------------------

  runSync(): void {
    if (!this.open || this.sync.phase === 'running' || !this.el.effectiveHost) return;
    this.sync = { phase: 'running', ratio: 0, stage: '' };
    void this.syncTask.run();
  }

  private async synced(r: { serviceId: string; report: SyncReport } | null): Promise<void> {
    if (!r) {
      this.sync = { phase: 'error', message: this.el.t('noService') };
      return;
    }
    this.sync = { phase: 'done' };
    this.lastSynced.value = r.report.finishedAt;
    this.el.emit('qys-sync-complete', r);
    this.startQuery();
    if (this.seal) void this.companies.run();
    await this.el.updateComplete;
    // The sync button is gone once data arrived: keep focus inside the dialog.
    const root = this.el.renderRoot;
    const focused = root instanceof ShadowRoot ? root.activeElement : null;
    if (!focused || focused === this.dialog) this.searchInput?.focus();
  }
}
