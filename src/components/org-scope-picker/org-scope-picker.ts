import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { QysFormField } from '../../internal/form-field.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import type { QysHost } from '../../api/host.js';
import type {
  OrgCapabilities,
  OrgCount,
  OrgMatch,
  OrgNode,
  OrgNodeType,
  OrgRef,
  OrgScope,
  OrgTab,
} from '../../api/schemas.js';
import {
  OrgSelection,
  isOrgRef,
  isOrgScope,
  keyOf,
  scopeFromEntries,
  scopeToEntries,
  type OrgSelectionMode,
  type ToggleTarget,
} from '../../core/org-selection/org-selection.js';
import { OrgTree, type PageLoader } from '../../core/org-tree/org-tree.js';
import { computeWindow, scrollIntoViewTop } from '../../core/window.js';
import { orgScopePickerMessages } from './org-scope-picker.messages.js';
import { orgScopePickerStyles } from './org-scope-picker.styles.js';

/** An entry of `pickedItems` / `disabledItems` / `requiredItems`: a ref and why. */
export interface OrgItemRule extends OrgRef {
  /** Shown on hover and focus (and read by screen readers). Defaults to a generic reason. */
  reason?: string;
}

type TabId = OrgTab | 'bulk';
type ListTab = Exclude<TabId, 'bulk'>;

interface ViewState {
  active: number;
  scrollTop: number;
}

interface BulkState {
  text: string;
  busy: boolean;
  added: number | undefined;
  ambiguous: OrgMatch[];
  unmatched: string[];
  error: string;
}

const EMPTY: OrgScope = { include: [], exclude: [] };
const PERSON_TABS: OrgTab[] = ['recent', 'same-department', 'subordinates'];
const SEARCH_DEBOUNCE_MS = 250;
const COUNT_DEBOUNCE_MS = 150;
const TYPEAHEAD_RESET_MS = 600;
const abortReason = () => new DOMException('superseded', 'AbortError');

let instances = 0;

/**
 * The 分部 / 部门 / 人员 picker for 组织架构同步 (`mode="scope"`) and 签章人员 (`mode="persons"`), built
 * to stay instant at 100,000 persons: children load lazily page by page, only the visible rows are in
 * the DOM, and the selection is a set of rules (`OrgScope`), never a snapshot.
 *
 * **Value.** `value` is `{ include, exclude }`: an included unit covers everything under it, including
 * people who join later; `exclude` lists persons or sub-units under an included unit that are left out.
 * Nearest rule wins (see `src/core/org-selection`). In `persons` mode only persons are included and
 * `exclude` stays empty. A value set by the page reads back exactly; the form submits one entry per rule
 * as one comma-separated entry (`type:id`, `!type:id` for exclusions: `department:12,!person:34`).
 *
 * **Sources.** Tabs over one shared selection, as the host's `capabilities().tabs` allow: 组织结构 (the
 * tree), 搜索 (name, pinyin, initials, 工号, account; results show their full path), and in persons mode
 * 最近 / 同部门 / 我的下属; plus 批量添加 (paste names or 工号).
 *
 * **Keyboard.** The WAI-ARIA tree pattern with `aria-activedescendant` (focus stays on the tree while
 * rows are windowed): ↑/↓, ←/→ (collapse / expand, parent / first child), Home/End, PageUp/PageDown,
 * type-ahead, Space or Enter to select, `*` expands all siblings, Delete removes a row from 最近.
 *
 * `pickedItems`, `disabledItems` and `requiredItems` are named so because `disabled` and `required`
 * are the form-field booleans every qys field has.
 *
 * @summary 分部 / 部门 / 人员 picker for up to 100,000 persons (`mode="scope"` or `"persons"`); a form field.
 * @tag qys-org-scope-picker
 * @fires {CustomEvent<{ value: OrgScope }>} qys-change - The user changed the selection. `detail: { value: OrgScope }`.
 * @csspart base - The outer box.
 * @csspart summary - The counts line ("3 个分部 · 12 个部门 · 40 人 · 共 4,210 人").
 * @csspart chips - The list of selected items.
 * @csspart chip - One selected item (classes: `excluded`, `missing`, `inactive`).
 * @csspart chip-remove - The remove button of a chip.
 * @csspart more - The "+N" button that shows every chip.
 * @csspart flag - A warning about missing IDs or resigned persons in the selection.
 * @csspart message - Over-limit and validation messages.
 * @csspart tabs - The source tab list.
 * @csspart tab - One source tab.
 * @csspart search - The search input.
 * @csspart filter - The 显示离职 / 无效人员 switch.
 * @csspart tree - The scrolling tree / list (role=tree).
 * @csspart row - A rendered row (role=treeitem); the active one also has `row-active`.
 * @csspart checkbox - A row's check box.
 * @csspart row-label - A row's name.
 * @csspart row-path - The path of a search / list result (分部 / 部门).
 * @csspart row-meta - 工号, head count, 兼职 and status badges.
 * @csspart row-reason - Why a row cannot be changed.
 * @csspart status - Loading / empty text.
 * @csspart error - A load failure with its retry button.
 * @csspart retry - The retry button.
 * @csspart current - The full text of the active row.
 * @csspart bulk - The paste panel.
 * @csspart bulk-submit - The paste panel's submit button.
 * @csspart recent-remove - Removes the active row from 最近.
 * @cssprop --qys-org-picker-row-height - Row height (keep equal to the `row-height` property; default 32px).
 * @cssprop --qys-org-picker-height - Maximum height of the tree viewport: it is as tall as its rows up to this, then scrolls (default 320px).
 * @cssprop --qys-org-picker-chip-background - Chip background.
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
export class QysOrgScopePicker extends QysFormField {
  static override styles = [sharedStyles, orgScopePickerStyles];
  // Reactive properties and internal state, declared in one place without decorators (smaller
  // bundle); the custom-elements analyzer reads this block too.
  static override properties = {
    max: { type: Number },
    min: { type: Number },
    maxPersons: { type: Number, attribute: 'max-persons' },
    minPersons: { type: Number, attribute: 'min-persons' },
    maxUnits: { type: Number, attribute: 'max-units' },
    minUnits: { type: Number, attribute: 'min-units' },
    overLimitMessage: { attribute: 'over-limit-message' },
    pickedItems: { attribute: false },
    disabledItems: { attribute: false },
    requiredItems: { attribute: false },
    rowHeight: { type: Number, attribute: 'row-height' },
    chipLimit: { type: Number, attribute: 'chip-limit' },
    label: {},
    mode: { reflect: true },
    value: { attribute: false },
    sel: { state: true },
    caps: { state: true },
    tab: { state: true },
    query: { state: true },
    showInactive: { state: true },
    missing: { state: true },
    count: { state: true },
    countState: { state: true },
    message: { state: true },
    announcement: { state: true },
    chipsExpanded: { state: true },
    viewportHeight: { state: true },
    bulk: { state: true },
    tick: { state: true },
  };
  protected override messages = [orgScopePickerMessages];

  private readonly uid = `osp${++instances}`;

  // ---------------------------------------------------------------------------------------------
  // Public properties
  // ---------------------------------------------------------------------------------------------

  private _mode: OrgSelectionMode = 'scope';
  /** `scope`: units and persons (组织架构同步); `persons`: persons only (签章人员). */
  get mode(): OrgSelectionMode {
    return this._mode;
  }
  set mode(v: OrgSelectionMode) {
    const m = v ?? 'scope';
    if (m !== 'scope' && m !== 'persons') {
      // Named by type unless a string: JSON.stringify throws on a BigInt, and a setter never throws.
      const got = typeof v === 'string' ? JSON.stringify(v) : `a ${v === null ? 'null' : typeof v}`;
      this.warnOnce('mode', `mode must be "scope" or "persons"; got ${got}. Ignored.`);
      return;
    }
    if (m === this._mode) return;
    const old = this._mode;
    this._mode = m;
    this.sel = OrgSelection.from(this.sel.value, m, this.sel);
    this.resetTrees();
    this.requestUpdate('mode', old);
    this.commitIfConnected();
  }

  /** The selection rules. Setting it replaces the selection (a bad value warns once and is ignored). */
  get value(): OrgScope {
    return this.sel.value;
  }
  set value(v: OrgScope) {
    const scope = v ?? EMPTY;
    if (!isOrgScope(scope)) {
      this.warnOnce('value', 'value must be { include: OrgRef[], exclude: OrgRef[] }. Ignored.');
      return;
    }
    const old = this.sel.value;
    this.sel = OrgSelection.from(scope, this._mode, this.sel);
    if (!this.hasConnected) this.defaultValue = this.sel.value;
    this.requestUpdate('value', old);
    this.scheduleResolve();
    this.scheduleCount();
    this.commitIfConnected();
  }

  /** Most items (rules in `include`) that may be selected. */
  max: number | undefined;
  /** Fewest items that must be selected (the field is invalid below it). */
  min: number | undefined;
  /** Most persons that may be selected. */
  maxPersons: number | undefined;
  minPersons: number | undefined;
  /** Most units (分部 + 部门) that may be selected. */
  maxUnits: number | undefined;
  minUnits: number | undefined;
  /** Replaces the over-limit message; `{max}` is replaced by the limit. */
  overLimitMessage = '';
  /** Already chosen elsewhere: shown checked, cannot be picked here. */
  pickedItems: OrgItemRule[] = [];
  /** Cannot be selected. */
  disabledItems: OrgItemRule[] = [];
  /** Must stay selected: cannot be removed. */
  requiredItems: OrgItemRule[] = [];
  /** Row height in px (the windowing arithmetic uses it). */
  rowHeight = 32;
  /** Chips shown before the rest collapse into "+N". */
  chipLimit = 8;
  /** Accessible name of the tree (default: 组织架构 / 人员). */
  label = '';

  // ---------------------------------------------------------------------------------------------
  // Internal state
  // ---------------------------------------------------------------------------------------------

  private sel: OrgSelection = OrgSelection.from(EMPTY, 'scope');
  private defaultValue: OrgScope = EMPTY;
  private hasConnected = false;
  private caps: OrgCapabilities | undefined;
  private tab: TabId = 'tree';
  private readonly trees = new Map<ListTab, OrgTree>();
  private readonly views = new Map<ListTab, ViewState>();
  private query = '';
  private searchedQuery = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private showInactive = false;
  /** Every node seen (tree pages, search results, resolve): labels for chips. */
  private readonly nodes = new Map<string, OrgNode>();
  private missing = new Set<string>();
  private count: OrgCount | undefined;
  private countState: 'idle' | 'loading' | 'error' = 'idle';
  private message = '';
  private announcement = '';
  private chipsExpanded = false;
  private viewportHeight = 320;
  private bulk: BulkState = {
    text: '',
    busy: false,
    added: undefined,
    ambiguous: [],
    unmatched: [],
    error: '',
  };
  private tick = 0;
  private seenHost: QysHost | undefined;
  private capsCtrl: AbortController | undefined;
  private resolveCtrl: AbortController | undefined;
  private countCtrl: AbortController | undefined;
  private bulkCtrl: AbortController | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  private resolveQueued = false;
  private typeBuffer = '';
  private typeTimer: ReturnType<typeof setTimeout> | undefined;
  private scrollPending: number | null = null;
  private resizeObserver: ResizeObserver | undefined;
  private observed: HTMLElement | undefined;

  private get treeEl(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part="tree"]') ?? null;
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle
  // ---------------------------------------------------------------------------------------------

  override connectedCallback(): void {
    this.hasConnected = true;
    super.connectedCallback();
    // Moved or re-attached: pick the host up again (willUpdate reloads what was dropped on disconnect).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resetTrees();
    this.capsCtrl?.abort(abortReason());
    this.resolveCtrl?.abort(abortReason());
    this.countCtrl?.abort(abortReason());
    this.bulkCtrl?.abort(abortReason());
    clearTimeout(this.countTimer);
    clearTimeout(this.searchTimer);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = undefined;
    this.seenHost = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const host = this.effectiveHost;
    if (host !== this.seenHost && this.isConnected) {
      this.seenHost = host;
      this.resetTrees();
      this.caps = undefined;
      if (host) {
        void this.loadCaps(host);
        this.scheduleResolve();
        this.scheduleCount();
      }
    }
    if (
      changed.has('max') ||
      changed.has('min') ||
      changed.has('maxPersons') ||
      changed.has('minPersons') ||
      changed.has('maxUnits') ||
      changed.has('minUnits') ||
      changed.has('required')
    )
      this.commitIfConnected();
  }

  protected override updated(): void {
    const el = this.treeEl;
    // The tree element is replaced when a list reloads: observe whichever one is rendered.
    if (el && el !== this.observed && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver ??= new ResizeObserver(() => {
        const h = this.treeEl?.clientHeight ?? 0;
        if (h > 0 && h !== this.viewportHeight) this.viewportHeight = h;
      });
      if (this.observed) this.resizeObserver.unobserve(this.observed);
      this.resizeObserver.observe(el);
      this.observed = el;
    }
    if (el && this.scrollPending !== null) {
      el.scrollTop = this.scrollPending;
      this.scrollPending = null;
    }
  }

  private commitIfConnected(): void {
    if (this.isConnected) this.commitValue();
  }

  // ---------------------------------------------------------------------------------------------
  // Form field
  // ---------------------------------------------------------------------------------------------

  protected formValue(): string | FormData | null {
    const entries = scopeToEntries(this.sel.value);
    return entries.length ? entries.join(',') : null;
  }

  protected validate(): { flags: ValidityStateFlags; message: string; anchor?: HTMLElement } {
    const c = this.sel.counts();
    const units = c.subcompany + c.department;
    const total = units + c.person;
    const anchor = this.treeEl ?? undefined;
    if (this.required && total === 0)
      return { flags: { valueMissing: true }, message: this.t('valueMissing.select'), anchor };
    const under = this.underMinMessage(total, c.person, units);
    if (under) return { flags: { rangeUnderflow: true }, message: under, anchor };
    const over = this.overLimit(total, c.person, units);
    if (over) return { flags: { rangeOverflow: true }, message: over, anchor };
    return { flags: {}, message: '' };
  }

  private underMinMessage(total: number, persons: number, units: number): string {
    if (total === 0 && !this.required) return '';
    if (this.min !== undefined && total < this.min) return this.t('underMin', { min: this.min });
    if (this.minPersons !== undefined && persons < this.minPersons)
      return this.t('underMinPersons', { min: this.minPersons });
    if (this.minUnits !== undefined && units < this.minUnits)
      return this.t('underMinUnits', { min: this.minUnits });
    return '';
  }

  private overLimit(total: number, persons: number, units: number): string {
    const custom = (max: number, key: string) =>
      this.overLimitMessage ? this.overLimitMessage.replace(/\{max\}/g, String(max)) : this.t(key, { max });
    if (this.max !== undefined && total > this.max) return custom(this.max, 'overLimit');
    if (this.maxPersons !== undefined && persons > this.maxPersons)
      return custom(this.maxPersons, 'overLimitPersons');
    if (this.maxUnits !== undefined && units > this.maxUnits) return custom(this.maxUnits, 'overLimitUnits');
    return '';
  }

  protected resetValue(): void {
    this.sel = OrgSelection.from(this.defaultValue, this._mode, this.sel);
    this.message = '';
    this.scheduleResolve();
    this.scheduleCount();
  }

  protected restoreValue(state: string | FormData | File | null): void {
    let entries: string[] = [];
    if (typeof state === 'string') entries = state.split(',');
    else if (state instanceof FormData)
      entries = state.getAll(this.name).flatMap((e) => (typeof e === 'string' ? e.split(',') : []));
    this.sel = OrgSelection.from(scopeFromEntries(entries), this._mode, this.sel);
    this.scheduleResolve();
    this.scheduleCount();
  }

  // ---------------------------------------------------------------------------------------------
  // Host data
  // ---------------------------------------------------------------------------------------------

  private async loadCaps(host: QysHost): Promise<void> {
    this.capsCtrl?.abort(abortReason());
    const ctrl = (this.capsCtrl = new AbortController());
    try {
      const caps = await host.org.capabilities({ signal: ctrl.signal });
      if (this.seenHost === host) this.caps = caps;
    } catch {
      // Without capabilities the picker still offers the tree and search.
      if (!ctrl.signal.aborted && this.seenHost === host)
        this.caps = { tabs: ['tree', 'search'], canShowInactive: false, pinyinSearch: false };
    }
  }

  private get tabs(): TabId[] {
    const offered = this.caps?.tabs ?? ['tree', 'search'];
    const out: TabId[] = [];
    for (const t of offered) {
      if (PERSON_TABS.includes(t) && this._mode !== 'persons') continue;
      if (!out.includes(t)) out.push(t);
    }
    if (!out.includes('tree')) out.unshift('tree');
    out.push('bulk');
    return out;
  }

  private get searchTypes(): OrgNodeType[] | undefined {
    return this._mode === 'persons' ? ['person'] : undefined;
  }

  private get includeInactive(): boolean {
    return !!this.caps?.canShowInactive && this.showInactive;
  }

  private treeFor(tab: ListTab): OrgTree | undefined {
    const existing = this.trees.get(tab);
    if (existing) return existing;
    const host = this.effectiveHost;
    if (!host) return undefined;
    if (tab === 'search' && !this.searchedQuery) return undefined;
    const includeInactive = this.includeInactive;
    const children: PageLoader = (parent, offset, limit, signal) =>
      host.org.children(parent, { offset, limit, signal, includeInactive });
    let root: PageLoader | undefined;
    if (tab === 'search') {
      const q = this.searchedQuery;
      const types = this.searchTypes;
      root = (_p, offset, limit, signal) =>
        host.org.search(q, { offset, limit, signal, types, includeInactive });
    } else if (tab === 'recent') {
      root = async (_p, offset, _limit, signal) => {
        const items = offset === 0 ? await host.org.recent({ signal }) : [];
        return { items, total: items.length, offset };
      };
    } else if (tab === 'same-department') {
      root = (_p, offset, limit, signal) => host.org.sameDepartment({ offset, limit, signal });
    } else if (tab === 'subordinates') {
      root = (_p, offset, limit, signal) => host.org.subordinates({ offset, limit, signal });
    }
    const tree = new OrgTree({
      children,
      root,
      pageSize: 100,
      onNodes: (nodes) => this.learn(nodes),
      onChange: () => this.tick++,
    });
    this.trees.set(tab, tree);
    this.views.set(tab, { active: 0, scrollTop: 0 });
    void tree.start();
    return tree;
  }

  private learn(nodes: readonly OrgNode[]): void {
    for (const n of nodes) {
      this.nodes.set(keyOf(n), n);
      this.sel.learn(n);
    }
  }

  private resetTrees(): void {
    for (const t of this.trees.values()) t.dispose();
    this.trees.clear();
    this.views.clear();
  }

  /** Names, places, statuses and missing IDs of the selected refs (a value set by the page). */
  private scheduleResolve(): void {
    if (this.resolveQueued) return;
    this.resolveQueued = true;
    queueMicrotask(() => {
      this.resolveQueued = false;
      void this.resolveRefs();
    });
  }

  private async resolveRefs(): Promise<void> {
    const host = this.effectiveHost;
    if (!host || !this.isConnected) return;
    const refs = [...this.sel.includes, ...this.sel.excludes].filter((r) => {
      const k = keyOf(r);
      return !this.nodes.has(k) && !this.missing.has(k);
    });
    if (!refs.length) return;
    this.resolveCtrl?.abort(abortReason());
    const ctrl = (this.resolveCtrl = new AbortController());
    try {
      const res = await host.org.resolve(refs, { signal: ctrl.signal });
      this.learn(res.nodes);
      if (res.missing.length) {
        const m = new Set(this.missing);
        for (const r of res.missing) m.add(keyOf(r));
        this.missing = m;
      }
      this.requestUpdate();
    } catch {
      // Chips keep showing IDs; nothing selected is lost. The next change tries again.
    }
  }

  private scheduleCount(): void {
    clearTimeout(this.countTimer);
    if (!this.isConnected && !this.hasConnected) return;
    this.countTimer = setTimeout(() => void this.loadCount(), COUNT_DEBOUNCE_MS);
  }

  private async loadCount(): Promise<void> {
    const host = this.effectiveHost;
    if (!host || !this.isConnected) return;
    this.countCtrl?.abort(abortReason());
    if (this.sel.isEmpty) {
      this.count = { total: 0, byRef: {} };
      this.countState = 'idle';
      return;
    }
    const ctrl = (this.countCtrl = new AbortController());
    this.countState = 'loading';
    try {
      this.count = await host.org.count(this.sel.value, { signal: ctrl.signal });
      this.countState = 'idle';
    } catch {
      if (!ctrl.signal.aborted) this.countState = 'error';
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Selection changes
  // ---------------------------------------------------------------------------------------------

  private ruleMap(list: OrgItemRule[]): Map<string, string> {
    const m = new Map<string, string>();
    for (const r of Array.isArray(list) ? list : []) if (isOrgRef(r)) m.set(keyOf(r), r.reason ?? '');
    return m;
  }

  private lockReason(node: OrgRef): { kind: 'picked' | 'disabled' | 'required'; reason: string } | undefined {
    const k = keyOf(node);
    const picked = this.ruleMap(this.pickedItems).get(k);
    if (picked !== undefined) return { kind: 'picked', reason: picked || this.t('reason.picked') };
    const disabled = this.ruleMap(this.disabledItems).get(k);
    if (disabled !== undefined) return { kind: 'disabled', reason: disabled || this.t('reason.disabled') };
    const required = this.ruleMap(this.requiredItems).get(k);
    if (required !== undefined) return { kind: 'required', reason: required || this.t('reason.required') };
    return undefined;
  }

  private targetOf(node: OrgNode): ToggleTarget {
    return {
      ref: { type: node.type, id: node.id },
      path: node.path.map(keyOf),
      departmentIds: node.departmentIds,
    };
  }

  /** A required item at or under `ref` (whose place is known) blocks unchecking it. */
  private requiredUnder(ref: OrgRef): string | undefined {
    const k = keyOf(ref);
    for (const r of Array.isArray(this.requiredItems) ? this.requiredItems : []) {
      if (!isOrgRef(r)) continue;
      const rk = keyOf(r);
      if (rk === k || this.sel.knownPath(rk)?.includes(k)) return r.reason || this.t('reason.required');
    }
    return undefined;
  }

  /** Applies a user change, unless it breaks a limit. Returns whether it was applied. */
  private apply(next: OrgSelection, announce?: string): boolean {
    if (next === this.sel || next.sameAs(this.sel)) return false;
    const c = next.counts();
    const before = this.sel.counts();
    const units = c.subcompany + c.department;
    const over = this.overLimit(units + c.person, c.person, units);
    const grew = units + c.person > before.subcompany + before.department + before.person;
    if (over && grew) {
      this.message = over;
      this.announcement = over;
      return false;
    }
    const added = next.includes.filter((r) => r.type === 'person' && !this.sel.isIncluded(r));
    this.sel = next;
    this.message = '';
    if (announce) this.announcement = announce;
    this.commitValue();
    this.markInteracted();
    this.emit('qys-change', { value: this.sel.value });
    this.scheduleCount();
    const host = this.effectiveHost;
    if (host && added.length) host.org.addRecent(added).catch(() => undefined);
    return true;
  }

  private toggleNode(node: OrgNode): void {
    if (this.isDisabled) return;
    const lock = this.lockReason(node);
    if (lock && lock.kind !== 'required') {
      this.message = lock.reason;
      this.announcement = lock.reason;
      return;
    }
    if (!this.sel.canToggle(node.type)) {
      this.message = this.t('unitNotSelectable');
      this.announcement = this.message;
      return;
    }
    const t = this.targetOf(node);
    const checked = this.sel.stateOf(t) === 'checked';
    if (checked) {
      const req = this.requiredUnder(node);
      if (req) {
        this.message = req;
        this.announcement = req;
        return;
      }
    }
    this.apply(this.sel.toggle(t), this.t(checked ? 'deselected' : 'selected', { name: node.name }));
  }

  private removeRule(ref: OrgRef): void {
    if (this.isDisabled) return;
    if (this.sel.isIncluded(ref)) {
      const req = this.requiredUnder(ref);
      if (req) {
        this.message = req;
        return;
      }
    }
    const name = this.nodes.get(keyOf(ref))?.name ?? ref.id;
    if (this.apply(this.sel.remove(ref), this.t('deselected', { name }))) {
      if (this.missing.has(keyOf(ref))) {
        const m = new Set(this.missing);
        m.delete(keyOf(ref));
        this.missing = m;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Search
  // ---------------------------------------------------------------------------------------------

  private onSearchInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.runSearch(), SEARCH_DEBOUNCE_MS);
    if (this.query.trim() && this.tab !== 'search' && this.tabs.includes('search')) this.tab = 'search';
  }

  private runSearch(): void {
    const q = this.query.trim();
    if (q === this.searchedQuery && this.trees.has('search')) return;
    // A new query aborts the previous one (dispose aborts every request of the old result list).
    this.trees.get('search')?.dispose();
    this.trees.delete('search');
    this.views.delete('search');
    this.searchedQuery = q;
    if (q) this.treeFor('search');
    this.tick++;
  }

  /** Enter searches now; ↓ also moves into the results. (Escape: the search input clears itself.) */
  private onSearchKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'Enter') return;
    e.preventDefault();
    clearTimeout(this.searchTimer);
    this.runSearch();
    if (e.key === 'ArrowDown') this.treeEl?.focus();
  }

  private onShowInactive(e: Event): void {
    this.showInactive = (e.target as HTMLInputElement).checked;
    this.resetTrees();
  }

  // ---------------------------------------------------------------------------------------------
  // Tabs
  // ---------------------------------------------------------------------------------------------

  private selectTab(tab: TabId, focus = false): void {
    this.tab = tab;
    if (focus)
      void this.updateComplete.then(() =>
        (this.renderRoot as ShadowRoot).querySelector<HTMLElement>(`#${this.uid}-tab-${tab}`)?.focus(),
      );
  }

  private onTabKey(e: KeyboardEvent): void {
    const tabs = this.tabs;
    const i = tabs.indexOf(this.currentTab);
    let j = i;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    else return;
    e.preventDefault();
    this.selectTab(tabs[j]!, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Tree keyboard and pointer
  // ---------------------------------------------------------------------------------------------

  /** The selected tab, or the tree when the selected one is not offered (any more). */
  private get currentTab(): TabId {
    return this.tabs.includes(this.tab) ? this.tab : 'tree';
  }

  private get listTab(): ListTab | undefined {
    const t = this.currentTab;
    return t === 'bulk' ? undefined : t;
  }

  private view(tab: ListTab): ViewState {
    let v = this.views.get(tab);
    if (!v) this.views.set(tab, (v = { active: 0, scrollTop: 0 }));
    return v;
  }

  private setActive(tab: ListTab, i: number): void {
    const v = this.view(tab);
    v.active = i;
    const top = scrollIntoViewTop(i, this.rowHeight, v.scrollTop, this.viewportHeight);
    if (top !== null) {
      v.scrollTop = top;
      this.scrollPending = top;
    }
    this.tick++;
  }

  private onTreeKey(e: KeyboardEvent): void {
    const tab = this.listTab;
    if (!tab) return;
    const tree = this.trees.get(tab);
    if (!tree || !tree.rows.length) return;
    const v = this.view(tab);
    const n = tree.rows.length;
    const i = Math.min(v.active, n - 1);
    const row = tree.rows[i]!;
    const node = tree.nodeAt(row);
    const page = Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
    const expandable = !!node && node.type !== 'person' && node.hasChildren;
    switch (e.key) {
      case 'ArrowDown':
        this.setActive(tab, Math.min(n - 1, i + 1));
        break;
      case 'ArrowUp':
        this.setActive(tab, Math.max(0, i - 1));
        break;
      case 'Home':
        this.setActive(tab, 0);
        break;
      case 'End':
        this.setActive(tab, n - 1);
        break;
      case 'PageDown':
        this.setActive(tab, Math.min(n - 1, i + page));
        break;
      case 'PageUp':
        this.setActive(tab, Math.max(0, i - page));
        break;
      case 'ArrowRight':
        if (expandable && node && !tree.isExpanded(keyOf(node))) void tree.expand(i);
        else if (expandable && i + 1 < n && tree.rows[i + 1]!.level > row.level) this.setActive(tab, i + 1);
        break;
      case 'ArrowLeft':
        if (expandable && node && tree.isExpanded(keyOf(node))) tree.collapse(i);
        else {
          const p = tree.parentIndex(i);
          if (p >= 0) this.setActive(tab, p);
        }
        break;
      case ' ':
      case 'Enter':
        if (node) this.toggleNode(node);
        break;
      case '*':
        void tree.expandSiblings(i).then(() => this.tick++);
        // Keep the same row active: expanding siblings above it shifts indices.
        this.setActive(tab, Math.max(0, tree.rows.indexOf(row)));
        break;
      case 'Delete':
        if (tab === 'recent' && node) this.removeRecent(node);
        else return;
        break;
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key.trim()) {
          this.typeahead(tab, tree, e.key);
          break;
        }
        return;
    }
    e.preventDefault();
  }

  private typeahead(tab: ListTab, tree: OrgTree, ch: string): void {
    clearTimeout(this.typeTimer);
    this.typeTimer = setTimeout(() => (this.typeBuffer = ''), TYPEAHEAD_RESET_MS);
    const v = this.view(tab);
    // Repeating one letter cycles through matches; a longer buffer searches from the current row.
    const repeat = this.typeBuffer.length > 0 && [...this.typeBuffer].every((c) => c === ch);
    this.typeBuffer = repeat ? ch : this.typeBuffer + ch;
    const from = this.typeBuffer.length === 1 ? v.active : v.active - 1;
    const j = tree.typeahead(this.typeBuffer, from);
    if (j >= 0) this.setActive(tab, j);
  }

  private onRowClick(e: MouseEvent, tab: ListTab, i: number): void {
    const tree = this.trees.get(tab);
    if (!tree) return;
    const row = tree.rows[i];
    const node = row && tree.nodeAt(row);
    this.view(tab).active = i;
    this.treeEl?.focus({ preventScroll: true });
    const onTwisty = (e.target as HTMLElement).closest('.twisty');
    if (node && onTwisty && node.type !== 'person' && node.hasChildren) {
      if (tree.isExpanded(keyOf(node))) tree.collapse(i);
      else void tree.expand(i);
    } else if (node) this.toggleNode(node);
    this.tick++;
  }

  private onScroll(e: Event): void {
    const tab = this.listTab;
    if (!tab) return;
    const el = e.target as HTMLElement;
    this.view(tab).scrollTop = el.scrollTop;
    // Layout is clean during a scroll event: a free moment to catch a resize the observer missed
    // (ResizeObserver does not run in background tabs).
    if (el.clientHeight > 0) this.viewportHeight = el.clientHeight;
    this.tick++;
  }

  private removeRecent(node: OrgNode): void {
    const host = this.effectiveHost;
    const tree = this.trees.get('recent');
    if (!host || !tree) return;
    host.org
      .removeRecent({ type: node.type, id: node.id })
      .then(() => {
        tree.dispose();
        this.trees.delete('recent');
        this.tick++;
      })
      .catch((err: unknown) => (this.message = this.errorText(err)));
  }

  // ---------------------------------------------------------------------------------------------
  // Bulk paste
  // ---------------------------------------------------------------------------------------------

  private async onBulkSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const host = this.effectiveHost;
    const inputs = this.bulk.text
      .split(/[\n,，;；、\t]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!inputs.length) {
      this.bulk = { ...this.bulk, error: this.t('bulk.empty') };
      return;
    }
    if (!host) return;
    const sent = this.bulk.text;
    this.bulk = { ...this.bulk, busy: true, error: '', added: undefined, ambiguous: [], unmatched: [] };
    this.bulkCtrl?.abort(abortReason());
    const { signal } = (this.bulkCtrl = new AbortController());
    try {
      const matches = await host.org.match(inputs, { types: this.searchTypes, signal });
      signal.throwIfAborted(); // a host that ignores the signal
      const unique: OrgNode[] = [];
      const ambiguous: OrgMatch[] = [];
      const unmatched: string[] = [];
      for (const m of matches) {
        if (m.matches.length === 1) unique.push(m.matches[0]!);
        else if (m.matches.length > 1) ambiguous.push(m);
        else unmatched.push(m.input);
      }
      this.learn(matches.flatMap((m) => m.matches));
      const addable = unique.filter((n) => !this.lockReason(n) && this.sel.canToggle(n.type));
      const applied = this.apply(this.sel.addAll(addable.map((n) => this.targetOf(n))));
      this.bulk = {
        // Emptied when all went in, unless more was typed meanwhile.
        text: ambiguous.length || unmatched.length || this.bulk.text !== sent ? this.bulk.text : '',
        busy: false,
        added: applied ? addable.length : 0,
        ambiguous,
        unmatched,
        error: '',
      };
    } catch (err) {
      if (signal.aborted) return void (this.bulk = { ...this.bulk, busy: false });
      // The pasted text stays in the box.
      this.bulk = { ...this.bulk, busy: false, error: this.errorText(err) };
    }
  }

  private chooseAmbiguous(m: OrgMatch, node: OrgNode): void {
    if (this.apply(this.sel.addAll([this.targetOf(node)]), this.t('selected', { name: node.name })))
      this.bulk = { ...this.bulk, ambiguous: this.bulk.ambiguous.filter((x) => x !== m) };
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  private typeName(type: OrgNodeType): string {
    return this.t(`type.${type}`);
  }

  private nameOf(ref: OrgRef): string {
    return (
      this.nodes.get(keyOf(ref))?.name ??
      this.t('chip.unknown', { type: this.typeName(ref.type), id: ref.id })
    );
  }

  private pathText(node: OrgNode): string {
    return node.path.map((p) => p.name).join(' / ');
  }

  private inactiveSelected(): OrgRef[] {
    return this.sel.includes.filter((r) => {
      const s = this.nodes.get(keyOf(r))?.status;
      return r.type === 'person' && (s === 'resigned' || s === 'invalid');
    });
  }

  private renderSummary(): TemplateResult {
    const c = this.sel.counts();
    const parts: string[] = [];
    if (c.subcompany) parts.push(this.t('summary.subcompany', { n: c.subcompany }));
    if (c.department) parts.push(this.t('summary.department', { n: c.department }));
    if (c.person) parts.push(this.t('summary.person', { n: c.person }));
    const excluded = this.sel.excludes.length;
    if (excluded) parts.push(this.t('summary.excluded', { n: excluded }));
    // Only persons chosen: their number is the total already ("3 人", not "3 人 共 3 人").
    const onlyPersons = !c.subcompany && !c.department && !excluded;
    let total = '';
    if (!this.sel.isEmpty) {
      if (this.countState === 'error') total = onlyPersons ? '' : this.t('summary.countFailed');
      else if (this.count && this.countState === 'idle') {
        const parts = onlyPersons ? [] : [this.t('summary.total', { n: this.count.total })];
        if (this.count.inactive) parts.push(this.t('summary.inactive', { n: this.count.inactive }));
        total = parts.join(' · ');
      } else if (!onlyPersons) total = this.t('summary.counting');
    }
    return html`<div part="summary" id="${this.uid}-summary">
      <span>${parts.length ? parts.join(' · ') : this.t('summary.none')}</span>
      ${total ? html`<span data-total>${total}</span>` : nothing}
    </div>`;
  }

  private chipLabel(ref: OrgRef, excluded: boolean): string {
    const k = keyOf(ref);
    if (this.missing.has(k)) return this.t('chip.missing', { type: this.typeName(ref.type), id: ref.id });
    const name = this.nameOf(ref);
    if (excluded) return this.t('chip.excluded', { name });
    if (ref.type === 'person') {
      const s = this.nodes.get(k)?.status;
      return s === 'resigned' || s === 'invalid' ? `${name}（${this.t(`status.${s}`)}）` : name;
    }
    const n = this.count?.byRef[k];
    const node = this.nodes.get(k);
    const partial = node ? this.sel.stateOf(this.targetOf(node)) === 'mixed' : false;
    // While counting, the number shows as "…".
    return this.t(partial ? 'chip.unitPart' : 'chip.unitAll', { name, n: n ?? '…' });
  }

  private renderChip(ref: OrgRef, excluded: boolean): TemplateResult {
    const k = keyOf(ref);
    const missing = this.missing.has(k);
    const s = this.nodes.get(k)?.status;
    const inactive = !excluded && (s === 'resigned' || s === 'invalid');
    const label = this.chipLabel(ref, excluded);
    const req = !excluded ? this.ruleMap(this.requiredItems).get(k) : undefined;
    const title = missing ? this.t('chip.missingTitle', { type: this.typeName(ref.type) }) : (req ?? label);
    const cls = excluded ? 'excluded' : missing ? 'missing' : inactive ? 'inactive' : '';
    return html`<li part="chip" class=${cls} title=${title} data-key=${k}>
      <span class="chip-text">${label}</span>
      ${
        req !== undefined
          ? html`<span class="sr-only">${req || this.t('reason.required')}</span>`
          : this.isDisabled
            ? nothing
            : html`<button
                part="chip-remove"
                type="button"
                aria-label=${this.t('chip.remove', { name: label })}
                @click=${() => this.removeRule(ref)}
              >
                ×
              </button>`
      }
    </li>`;
  }

  private renderChips(): TemplateResult | typeof nothing {
    const all: [OrgRef, boolean][] = [
      ...this.sel.includes.map((r) => [r, false] as [OrgRef, boolean]),
      ...this.sel.excludes.map((r) => [r, true] as [OrgRef, boolean]),
    ];
    if (!all.length) return nothing;
    const limit = Math.max(1, this.chipLimit || 8);
    const shown = this.chipsExpanded ? all : all.slice(0, limit);
    const rest = all.length - shown.length;
    return html`<ul part="chips" aria-label=${this.t('selectionLabel')}>
      ${shown.map(([r, ex]) => this.renderChip(r, ex))}
      ${
        all.length > limit
          ? html`<li>
              <button
                part="more"
                type="button"
                aria-expanded=${this.chipsExpanded ? 'true' : 'false'}
                aria-label=${this.chipsExpanded ? nothing : this.t('chip.moreLabel', { n: rest })}
                @click=${() => (this.chipsExpanded = !this.chipsExpanded)}
              >
                ${this.chipsExpanded ? this.t('chip.less') : this.t('chip.more', { n: rest })}
              </button>
            </li>`
          : nothing
      }
    </ul>`;
  }

  private renderFlags(): TemplateResult[] {
    const out: TemplateResult[] = [];
    const inactive = this.inactiveSelected().length;
    if (inactive)
      out.push(html`<p part="flag" data-flag="inactive">${this.t('flag.inactive', { n: inactive })}</p>`);
    const missing = [...this.sel.includes, ...this.sel.excludes].filter((r) =>
      this.missing.has(keyOf(r)),
    ).length;
    if (missing)
      out.push(html`<p part="flag" data-flag="missing">${this.t('flag.missing', { n: missing })}</p>`);
    return out;
  }

  private renderTabs(): TemplateResult {
    const tabs = this.tabs;
    const current = this.currentTab;
    return html`<div part="tabs" role="tablist" aria-label=${this.label || this.defaultLabel}>
      ${tabs.map(
        (t) =>
          html`<button
            part="tab"
            role="tab"
            type="button"
            id="${this.uid}-tab-${t}"
            aria-selected=${t === current ? 'true' : 'false'}
            aria-controls="${this.uid}-panel"
            tabindex=${t === current ? 0 : -1}
            @click=${() => this.selectTab(t)}
            @keydown=${this.onTabKey}
          >
            ${this.t(`tab.${t}`)}
          </button>`,
      )}
    </div>`;
  }

  private get defaultLabel(): string {
    return this.t(this._mode === 'persons' ? 'labelPersons' : 'label');
  }

  private renderToolbar(): TemplateResult {
    const search = this.tabs.includes('search');
    return html`<div class="toolbar">
      ${
        search
          ? html`<input
              part="search"
              type="search"
              .value=${this.query}
              aria-label=${this.t('searchLabel')}
              placeholder=${this.t('searchPlaceholder')}
              aria-controls="${this.uid}-panel"
              @input=${this.onSearchInput}
              @keydown=${this.onSearchKey}
            />`
          : nothing
      }
      ${
        this.caps?.canShowInactive
          ? html`<label part="filter"
              ><input type="checkbox" .checked=${this.showInactive} @change=${this.onShowInactive} />${this.t(
                'showInactive',
              )}</label
            >`
          : nothing
      }
    </div>`;
  }

  private renderRow(tab: ListTab, tree: OrgTree, i: number, active: boolean): TemplateResult {
    const row = tree.rows[i]!;
    const node = tree.nodeAt(row);
    const id = `${this.uid}-${tab}-r${i}`;
    const k = node ? keyOf(node) : '';
    const expandable = !!node && node.type !== 'person' && node.hasChildren;
    const expanded = expandable && tree.isExpanded(k);
    const lock = node && this.lockReason(node);
    const picked = lock?.kind === 'picked';
    // Units in persons mode cannot be selected but still show whether persons under them are (mixed).
    const selectable = !!node && (this.sel.canToggle(node.type) || picked || node.type !== 'person');
    const state = picked ? 'checked' : node ? this.sel.stateOf(this.targetOf(node)) : 'unchecked';
    const path = node && tab !== 'tree' && row.level === 1 ? this.pathText(node) : '';
    // 工号, head count, 兼职 and status in one line; a placeholder row says loading / failed.
    const meta = node
      ? [
          node.employeeNo,
          node.type !== 'person' && node.headCount !== undefined
            ? this.t('headCount', { n: node.headCount })
            : '',
          node.partTime ? this.t('partTime') : '',
          node.status && node.status !== 'active' ? this.t(`status.${node.status}`) : '',
        ]
          .filter(Boolean)
          .join(' · ')
      : this.t(tree.failedAt(row) !== undefined ? 'placeholderFailed' : 'loading');
    const full = node ? [node.name, path].filter(Boolean).join(' · ') : meta;
    const locked = !!lock && !(lock.kind === 'required' && state !== 'checked');
    return html`<div
      role="treeitem"
      part=${active ? 'row row-active' : 'row'}
      id=${id}
      aria-level=${row.level}
      aria-setsize=${tree.setSize(row)}
      aria-posinset=${row.index + 1}
      aria-busy=${node ? nothing : String(tree.failedAt(row) === undefined)}
      aria-expanded=${expandable ? String(expanded) : nothing}
      aria-checked=${selectable ? (state === 'mixed' ? 'mixed' : String(state === 'checked')) : nothing}
      aria-disabled=${node && (locked || this.isDisabled) ? 'true' : nothing}
      aria-describedby=${lock ? `${id}-reason` : nothing}
      title=${lock ? `${full} — ${lock.reason}` : full}
      data-key=${k || nothing}
      style="transform:translateY(${i * this.rowHeight}px);padding-inline-start:${(row.level - 1) * 18 + 4}px"
      @click=${(e: MouseEvent) => this.onRowClick(e, tab, i)}
    >
      <span
        class="twisty"
        ?data-open=${expanded}
        ?data-closed=${expandable && !expanded}
        aria-hidden="true"
      ></span>
      ${selectable ? html`<span part="checkbox" data-state=${state} aria-hidden="true"></span>` : nothing}
      <span part="row-label">${node?.name ?? ''}</span>
      ${path ? html`<span part="row-path">${path}</span>` : nothing}
      ${meta ? html`<span part="row-meta">${meta}</span>` : nothing}
      ${lock ? html`<span part="row-reason" id="${id}-reason">${lock.reason}</span>` : nothing}
    </div>`;
  }

  private renderStatus(text: string, busy = false): TemplateResult {
    return html`<p part="status" role="status" aria-busy=${busy ? 'true' : nothing}>${text}</p>`;
  }

  private renderRetry(text: string, tree: OrgTree): TemplateResult {
    return html`<div part="error" role="alert">
      <span>${text}</span>
      <button part="retry" type="button" @click=${() => void tree.retry()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderList(tab: ListTab): TemplateResult {
    const host = this.effectiveHost;
    if (!host) return this.renderStatus(this.t('noHost'));
    if (tab === 'search' && !this.searchedQuery)
      return this.renderStatus(this.t(this.query ? 'searching' : 'searchHint'));
    const tree = this.treeFor(tab);
    if (!tree) return html``;
    const root = tree.rootList;
    const rootFailed = root?.total === undefined ? root?.failed.get(0) : undefined;
    if (rootFailed !== undefined)
      return this.renderRetry(this.t('loadFailed', { message: this.errorText(rootFailed) }), tree);
    if (!root || root.total === undefined)
      return this.renderStatus(this.t(tab === 'search' ? 'searching' : 'loading'), true);
    if (root.total === 0)
      return this.renderStatus(
        this.t(tab === 'search' ? 'searchEmpty' : tab === 'tree' ? 'emptyOrg' : 'empty', {
          query: this.searchedQuery,
        }),
      );
    const v = this.view(tab);
    const n = tree.rows.length;
    if (v.active >= n) v.active = n - 1;
    const w = computeWindow({
      count: n,
      rowHeight: this.rowHeight,
      scrollTop: v.scrollTop,
      viewportHeight: this.viewportHeight,
    });
    tree.ensureRange(w.start, w.end);
    const indices: number[] = [];
    for (let i = w.start; i < w.end; i++) indices.push(i);
    // The active row stays in the DOM even when scrolled away, so aria-activedescendant always resolves.
    if (v.active < w.start || v.active >= w.end) indices.push(v.active);
    const activeId = `${this.uid}-${tab}-r${v.active}`;
    const activeRow = tree.rows[v.active];
    const activeNode = activeRow && tree.nodeAt(activeRow);
    const current = activeNode
      ? [activeNode.name, this.pathText(activeNode)].filter(Boolean).join(' · ')
      : '';
    return html`<div
        part="tree"
        role="tree"
        tabindex="0"
        aria-multiselectable="true"
        aria-label=${tab === 'search' ? this.t('resultsLabel') : this.label || this.defaultLabel}
        aria-activedescendant=${activeId}
        aria-disabled=${this.isDisabled ? 'true' : nothing}
        aria-describedby="${this.uid}-summary"
        @keydown=${this.onTreeKey}
        @scroll=${this.onScroll}
        style="--qys-org-picker-row-height:${this.rowHeight}px"
      >
        <div class="spacer" role="none" style="block-size:${w.totalHeight}px">
          ${indices.map((i) => this.renderRow(tab, tree, i, i === v.active))}
        </div>
      </div>
      ${tree.hasErrors ? this.renderRetry(this.t('someFailed'), tree) : nothing}
      ${
        tab === 'recent' && activeNode
          ? html`<button part="recent-remove" type="button" @click=${() => this.removeRecent(activeNode)}>
              ${this.t('recent.remove')}
            </button>`
          : nothing
      }
      <p part="current">${current}</p>`;
  }

  private renderBulk(): TemplateResult {
    const b = this.bulk;
    return html`<form part="bulk" @submit=${this.onBulkSubmit}>
      <label for="${this.uid}-bulk">${this.t('bulk.label')}</label>
      <textarea
        id="${this.uid}-bulk"
        .value=${b.text}
        ?disabled=${this.isDisabled}
        @input=${(e: Event) => (this.bulk = { ...this.bulk, text: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <div class="toolbar">
        <button part="bulk-submit" type="submit" ?disabled=${b.busy || this.isDisabled}>
          ${this.t('bulk.submit')}
        </button>
        <span role="status">
          ${b.busy ? this.t('loading') : b.added !== undefined ? this.t('bulk.added', { n: b.added }) : ''}
        </span>
      </div>
      ${b.error ? html`<p part="message" role="alert">${b.error}</p>` : nothing}
      ${b.ambiguous.map(
        (m) =>
          html`<fieldset data-input=${m.input}>
            <legend>${this.t('bulk.ambiguous', { input: m.input })}</legend>
            ${m.matches.map(
              (node) =>
                html`<label
                    ><input
                      type="radio"
                      name="${this.uid}-amb-${m.input}"
                      @change=${() => this.chooseAmbiguous(m, node)}
                    />
                    ${node.name}${node.employeeNo ? ` · ${node.employeeNo}` : ''} ·
                    ${this.pathText(node)}</label
                  ><br />`,
            )}
          </fieldset>`,
      )}
      ${
        b.unmatched.length
          ? html`<p part="flag" data-flag="unmatched">
              ${this.t('bulk.unmatched', { list: b.unmatched.join('、') })}
            </p>`
          : nothing
      }
    </form>`;
  }

  override render(): TemplateResult {
    void this.tick;
    const tab = this.currentTab;
    const listTab = this.listTab;
    const shownError = this.message || (this.showErrors ? this.validationMessage : '');
    return html`<div part="base">
      ${this.renderSummary()} ${this.renderChips()} ${this.renderFlags()}
      <p part="message" role="alert">${shownError}</p>
      ${this.renderTabs()} ${this.renderToolbar()}
      <div role="tabpanel" id="${this.uid}-panel" aria-labelledby="${this.uid}-tab-${tab}">
        ${listTab ? this.renderList(listTab) : this.renderBulk()}
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
