import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { QysFormField } from '../../internal/form-field.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import type { QysHost } from '../../api/host.js';
import type { OrgCapabilities, OrgNode, OrgNodeType, OrgRef, OrgScope } from '../../api/schemas.js';
import {
  OrgSelection,
  isOrgScope,
  keyOf,
  scopeFromEntries,
  scopeToEntries,
  type OrgSelectionMode,
} from '../../core/org-selection/org-selection.js';
import {
  ItemRules,
  overLimit,
  underLimit,
  type LimitProblem,
  type Lock,
} from '../../core/org-selection/rules.js';
import { OnDemandParts } from '../../controllers/on-demand.js';
import type { RefResolverController } from '../../controllers/ref-resolver.js';
import type { BulkPaste } from './bulk-paste.js';
import type { HeadCount } from './head-count.js';
import { pathText, targetOf, type ListTab } from './list-parts.js';
import { OrgLists } from './lists.js';
import { offeredTabs, renderStatus, renderTabBar, renderToolbar, type TabId } from './tab-bar.js';
import { renderSummary, type SelectionViewContext } from './selection-view.js';
import { loadPanelStrings, orgScopePickerMessages } from './org-scope-picker.messages.js';
import { orgScopePickerStyles } from './org-scope-picker.styles.js';
import { nextFrame } from '../../internal/next-frame.js';

/** An entry of `pickedItems` / `disabledItems` / `requiredItems`: a ref and why. */
export interface OrgItemRule extends OrgRef {
  /** Shown on hover and focus (and read by screen readers). Defaults to a generic reason. */
  reason?: string;
}

const EMPTY: OrgScope = { include: [], exclude: [] };
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
 * @cssprop --qys-font - Font shorthand for the element. Default: the page's font (inherited).
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
    showInactive: { state: true },
    message: { state: true },
    announcement: { state: true },
    chipsExpanded: { state: true },
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
    this.lists.reset();
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
    this.selectionReplaced();
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
  private showInactive = false;
  private message = '';
  private announcement = '';
  private chipsExpanded = false;
  private seenHost: QysHost | undefined;
  private capsCtrl: AbortController | undefined;
  private rulesOf: [unknown, unknown, unknown, ItemRules] | undefined;

  /** The list tabs: their data, positions, search and keys. */
  private readonly lists = new OrgLists(this, {
    host: () => this.effectiveHost,
    shown: () => this.listTab,
    showSearch: () => {
      if (this.tab !== 'search' && this.tabs.includes('search')) this.tab = 'search';
    },
    types: () => this.searchTypes,
    includeInactive: () => !!this.caps?.canShowInactive && this.showInactive,
    rowHeight: () => this.rowHeight,
    scroller: () => this.treeEl,
    learn: (nodes) => this.learn(nodes),
    toggle: (node) => this.toggleNode(node),
    error: (err) => (this.message = this.errorText(err)),
    onDemand: (name, load) => this.onDemand(name, load),
  });

  /**
   * Every node seen (tree pages, search results, resolved refs): names, places, statuses for chips. Its
   * module loads with the chips (right after the first render) or at the first ref to resolve; what it
   * learns or is asked for before is kept in `early` and handed over.
   */
  private nodes: RefResolverController<OrgRef, OrgNode> | undefined;
  private early: { seen: (readonly OrgNode[])[]; asked: OrgRef[] } = { seen: [], asked: [] };

  private loadNodes(): void {
    this.onDemand('nodes', () =>
      import('../../controllers/ref-resolver.js').then(({ RefResolverController }) => {
        const nodes = new RefResolverController<OrgRef, OrgNode>(this, {
          refKey: keyOf,
          itemKey: keyOf,
          load: (refs, signal) =>
            this.effectiveHost?.org
              .resolve(refs, { signal })
              .then((r) => ({ found: r.nodes, missing: r.missing })),
          onFound: (found) => this.learnPaths(found),
        });
        for (const seen of this.early.seen) nodes.learn(seen);
        if (this.isConnected) nodes.request(this.early.asked);
        this.early = { seen: [], asked: [] };
        this.nodes = nodes;
      }),
    );
  }

  /** Resolves refs by ID (names, places, which no longer exist). */
  private resolve(refs: OrgRef[]): void {
    if (this.nodes) return this.nodes.request(refs);
    this.early.asked.push(...refs);
    if (refs.length) this.loadNodes();
  }

  // Parts the first rows do not need load on demand: the live head count (asked for 150 ms after a
  // change anyway), the chips and flags with their styles and zh-CN strings (when there is a selection,
  // or right after the first render), the ref resolver (`nodes`, above), the tree keys (right after the
  // first render; keys pressed before are replayed, see OrgLists.onKey) and the 批量添加 panel (when its
  // tab is first shown). The parts take lit from here (init) rather than importing it: they then share
  // no module with this entry, and a bundler that splits (esbuild) keeps the entry in one file. updateComplete waits for those on their way.
  private headCount: HeadCount | undefined;
  private chips: typeof import('./chips.js') | undefined;
  private bulk: BulkPaste | undefined;
  private readonly parts = new OnDemandParts(this);

  private onDemand(name: string, load: () => Promise<void>): void {
    this.parts.load(name, load);
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.parts.settled(() => super.getUpdateComplete());
  }

  private loadChips(): void {
    this.onDemand('chips', () =>
      Promise.all([import('./chips.js'), loadPanelStrings()]).then(([m]) => {
        this.parts.adopt(m.init({ html, nothing, css }));
        this.chips = m;
      }),
    );
  }

  private loadBulk(): void {
    this.onDemand('bulk', () =>
      Promise.all([import('./bulk-paste.js'), loadPanelStrings()]).then(([{ BulkPaste, init }]) => {
        this.parts.adopt(init({ html, nothing, css }));
        this.bulk = new BulkPaste(this, {
          uid: this.uid,
          host: () => this.effectiveHost,
          types: () => this.searchTypes,
          disabled: () => this.isDisabled,
          t: (key, params) => this.t(key, params),
          errorText: (err) => this.errorText(err),
          pathText,
          learn: (nodes) => this.learn(nodes),
          addAll: (nodes) => {
            const addable = nodes.filter((n) => !this.rules.lockOf(n) && this.sel.canToggle(n.type));
            return this.apply(this.sel.addAll(addable.map(targetOf))) ? addable.length : 0;
          },
          choose: (node) =>
            this.apply(this.sel.addAll([targetOf(node)]), this.t('selected', { name: node.name })),
        });
      }),
    );
  }

  private get treeEl(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part="tree"]') ?? null;
  }

  /** pickedItems / disabledItems / requiredItems, looked up by key (rebuilt when a list is replaced). */
  private get rules(): ItemRules {
    const c = this.rulesOf;
    if (c && c[0] === this.pickedItems && c[1] === this.disabledItems && c[2] === this.requiredItems)
      return c[3];
    const rules = new ItemRules(this.pickedItems, this.disabledItems, this.requiredItems);
    this.rulesOf = [this.pickedItems, this.disabledItems, this.requiredItems, rules];
    return rules;
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
    this.capsCtrl?.abort(abortReason());
    this.seenHost = undefined;
  }

  /**
   * The first render waits for the first rows, at most until the browser is about to paint: with a host that
   * answers at once, the first frame shows them after one render instead of an empty list and a second render.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated && this.isConnected) {
      this.syncHost();
      const tab = this.listTab;
      const first = tab && this.lists.treeFor(tab)?.started;
      if (first) return Promise.race([first, nextFrame(false, 100)]).then(() => super.scheduleUpdate());
    }
    return super.scheduleUpdate();
  }

  /** A new host in force (set, from context, or back after a disconnect): its lists, capabilities, selection. */
  private syncHost(): void {
    const host = this.effectiveHost;
    if (host === this.seenHost || !this.isConnected) return;
    this.seenHost = host;
    this.lists.reset();
    this.caps = undefined;
    if (host) {
      void this.loadCaps(host);
      this.selectionReplaced();
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The form field's own: the validation message again in a new language, `required` / `disabled` to the form.
    super.willUpdate(changed);
    this.syncHost();
    // Required items' places let a toggle know what it may not uncheck; names label the rows' reasons.
    if (changed.has('pickedItems') || changed.has('disabledItems') || changed.has('requiredItems'))
      this.resolve(this.rules.refs());
    if (
      changed.has('max') ||
      changed.has('min') ||
      changed.has('maxPersons') ||
      changed.has('minPersons') ||
      changed.has('maxUnits') ||
      changed.has('minUnits')
    )
      this.commitIfConnected();
  }

  protected override firstUpdated(): void {
    // Once the first frame is painted: their module requests would compete with it. Registered as a part of its
    // own, so updateComplete waits for them; a key pressed before loads the tree keys at once (OrgLists.onKey).
    this.onDemand('painted', () =>
      nextFrame(true).then(() => {
        this.loadNodes();
        this.loadChips();
        this.lists.loadKeys();
      }),
    );
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
    const anchor = this.treeEl ?? undefined;
    const under = underLimit(c, this);
    if (under?.key === 'valueMissing')
      return { flags: { valueMissing: true }, message: this.t('valueMissing.select'), anchor };
    if (under) return { flags: { rangeUnderflow: true }, message: this.limitText(under), anchor };
    const over = overLimit(c, this);
    if (over) return { flags: { rangeOverflow: true }, message: this.limitText(over), anchor };
    return { flags: {}, message: '' };
  }

  private limitText(p: LimitProblem): string {
    if ('max' in p && this.overLimitMessage) return this.overLimitMessage.replace(/\{max\}/g, String(p.max));
    return this.t(p.key, p);
  }

  protected resetValue(): void {
    this.sel = OrgSelection.from(this.defaultValue, this._mode, this.sel);
    this.message = '';
    this.selectionReplaced();
  }

  protected restoreValue(state: string | FormData | File | null): void {
    let entries: string[] = [];
    if (typeof state === 'string') entries = state.split(',');
    else if (state instanceof FormData)
      entries = state.getAll(this.name).flatMap((e) => (typeof e === 'string' ? e.split(',') : []));
    this.sel = OrgSelection.from(scopeFromEntries(entries), this._mode, this.sel);
    this.selectionReplaced();
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
    return offeredTabs(this.caps?.tabs, this._mode);
  }

  private get searchTypes(): OrgNodeType[] | undefined {
    return this._mode === 'persons' ? ['person'] : undefined;
  }

  private learn(nodes: readonly OrgNode[]): void {
    if (this.nodes) this.nodes.learn(nodes);
    else this.early.seen.push(nodes);
    this.learnPaths(nodes);
  }

  private learnPaths(nodes: readonly OrgNode[]): void {
    for (const n of nodes) this.sel.learn(n);
  }

  /** A new value (set, reset, restored, a new host): resolve what it names and count it. */
  private selectionReplaced(): void {
    if (this.isConnected) this.resolve([...this.sel.includes, ...this.sel.excludes]);
    this.scheduleCount();
  }

  private scheduleCount(): void {
    if (!this.isConnected && !this.hasConnected) return;
    if (this.headCount) return this.headCount.schedule();
    // Nothing chosen counts 0 without asking: the counter loads with the first selection.
    if (this.sel.isEmpty) return;
    this.onDemand('count', () =>
      import('./head-count.js').then(({ HeadCount }) => {
        this.headCount = new HeadCount(this, () => ({
          host: this.effectiveHost,
          scope: this.sel.value,
          connected: this.isConnected,
        }));
        this.headCount.schedule();
      }),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Selection changes
  // ---------------------------------------------------------------------------------------------

  /** The lock on a node, its reason in words. */
  private lockOf(node: OrgRef): Lock | undefined {
    const lock = this.rules.lockOf(node);
    return lock && { kind: lock.kind, reason: lock.reason || this.t(`reason.${lock.kind}`) };
  }

  /** A required item at or under `ref` (whose place is known) blocks unchecking it: its reason. */
  private requiredUnder(ref: OrgRef): string | undefined {
    const r = this.rules.requiredUnder(ref, (k) => this.sel.knownPath(k));
    return r === undefined ? undefined : r || this.t('reason.required');
  }

  /** Shows a refusal (message and announcement). */
  private refuse(text: string): void {
    this.message = text;
    this.announcement = text;
  }

  /** Applies a user change, unless it breaks a limit. Returns whether it was applied. */
  private apply(next: OrgSelection, announce?: string): boolean {
    if (next === this.sel || next.sameAs(this.sel)) return false;
    const c = next.counts();
    const before = this.sel.counts();
    const over = overLimit(c, this);
    const grew =
      c.subcompany + c.department + c.person > before.subcompany + before.department + before.person;
    if (over && grew) {
      this.refuse(this.limitText(over));
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
    const lock = this.lockOf(node);
    if (lock && lock.kind !== 'required') return this.refuse(lock.reason);
    if (!this.sel.canToggle(node.type)) return this.refuse(this.t('unitNotSelectable'));
    const t = targetOf(node);
    const checked = this.sel.stateOf(t) === 'checked';
    const req = checked ? this.requiredUnder(node) : undefined;
    if (req) return this.refuse(req);
    this.apply(this.sel.toggle(t), this.t(checked ? 'deselected' : 'selected', { name: node.name }));
  }

  private removeRule(ref: OrgRef): void {
    if (this.isDisabled) return;
    const req = this.sel.isIncluded(ref) ? this.requiredUnder(ref) : undefined;
    if (req) {
      this.message = req;
      return;
    }
    const name = this.nodes?.get(keyOf(ref))?.name ?? ref.id;
    if (this.apply(this.sel.remove(ref), this.t('deselected', { name }))) this.nodes?.forget(keyOf(ref));
  }

  // ---------------------------------------------------------------------------------------------
  // Search
  // ---------------------------------------------------------------------------------------------

  private onShowInactive(e: Event): void {
    this.showInactive = (e.target as HTMLInputElement).checked;
    this.lists.reset();
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

  /** The selected tab, or the tree when the selected one is not offered (any more). */
  private get currentTab(): TabId {
    return this.tabs.includes(this.tab) ? this.tab : 'tree';
  }

  private get listTab(): ListTab | undefined {
    const t = this.currentTab;
    return t === 'bulk' ? undefined : t;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  private renderTabs(): TemplateResult {
    return renderTabBar({
      uid: this.uid,
      tabs: this.tabs,
      current: this.currentTab,
      label: this.label || this.defaultLabel,
      t: (key, params) => this.t(key, params),
      select: (tab, focus) => this.selectTab(tab, focus),
    });
  }

  private get defaultLabel(): string {
    return this.t(this._mode === 'persons' ? 'labelPersons' : 'label');
  }

  private renderToolbar(): TemplateResult {
    return renderToolbar({
      uid: this.uid,
      search: this.tabs.includes('search'),
      lists: this.lists,
      filter: !!this.caps?.canShowInactive,
      showInactive: this.showInactive,
      onShowInactive: (e) => this.onShowInactive(e),
      t: (key, params) => this.t(key, params),
    });
  }

  private renderList(tab: ListTab): TemplateResult {
    return this.lists.render(tab, {
      uid: this.uid,
      hasHost: !!this.effectiveHost,
      label: this.label || this.defaultLabel,
      sel: this.sel,
      disabled: this.isDisabled,
      rowHeight: this.rowHeight,
      t: (key, params) => this.t(key, params),
      errorText: (err) => this.errorText(err),
      lockOf: (n) => this.lockOf(n),
    });
  }

  private renderBulk(): TemplateResult {
    if (this.bulk) return this.bulk.render();
    void this.loadBulk();
    return renderStatus(this.t('loading'), true);
  }

  override render(): TemplateResult {
    const tab = this.currentTab;
    const listTab = this.listTab;
    const shownError = this.message || (this.showErrors ? this.validationMessage : '');
    if (!this.chips && !this.sel.isEmpty) this.loadChips();
    const selection: SelectionViewContext = {
      uid: this.uid,
      sel: this.sel,
      count: this.headCount?.count,
      countState: this.headCount?.state ?? 'idle',
      rules: this.rules,
      disabled: this.isDisabled,
      chipLimit: this.chipLimit,
      chipsExpanded: this.chipsExpanded,
      t: (key, params) => this.t(key, params),
      node: (k) => this.nodes?.get(k),
      isMissing: (k) => !!this.nodes?.isMissing(k),
      targetOf,
      remove: (ref) => this.removeRule(ref),
      toggleChips: () => (this.chipsExpanded = !this.chipsExpanded),
    };
    return html`<div part="base">
      ${renderSummary(selection)} ${this.chips?.renderChipsAndFlags(selection) ?? nothing}
      <p part="message" role="alert">${shownError}</p>
      ${this.renderTabs()} ${this.renderToolbar()}
      <div role="tabpanel" id="${this.uid}-panel" aria-labelledby="${this.uid}-tab-${tab}">
        ${listTab ? this.renderList(listTab) : this.renderBulk()}
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
