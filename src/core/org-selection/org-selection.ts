/**
 * The org scope picker's selection model: pure, no DOM, no I/O.
 *
 * ## The model: rules, nearest rule wins
 * The value is an `OrgScope` `{ include, exclude }` of rules, not a snapshot. A node is *covered* by
 * the nearest rule found walking from the node itself up through its ancestors: an `include` rule
 * covers, an `exclude` rule uncovers, no rule means not covered. So "研发部 and everything under it,
 * including people who join later, except 张伟" is `include: [研发部], exclude: [张伟]`.
 *
 * A person rule applies wherever the person is listed (兼职 / part-time persons appear under several
 * departments): an excluded person is out everywhere; a person covered through any of their
 * departments is shown checked under every one of them, and counted once.
 *
 * ## Toggling (what a click or Space does)
 * Toggling node X to `want` (checked when X is unchecked or mixed, unchecked when X is checked):
 * 1. every rule *at or under* X is dropped (the user decides for the whole subtree);
 * 2. if X's ancestors alone already give `want`, nothing is added; otherwise one rule for X is added
 *    (`include` to check, `exclude` to uncheck).
 * This keeps the rules *normal*: every rule differs from what its ancestors give, so there are no
 * redundant rules, and a unit is mixed exactly when some rule of the other polarity lies under it.
 * Deselecting a descendant of a selected unit therefore records an exclusion.
 *
 * ## Round-trip
 * A value set from outside is kept as given (order and all, duplicates dropped), so `value` reads back
 * what was set; only the rules a user toggle touches are changed. Rules whose ancestry is not known yet
 * (not loaded or resolved) are never dropped by a toggle.
 *
 * In `persons` mode only persons are included and `exclude` stays empty.
 */
import type { OrgNode, OrgNodeType, OrgRef, OrgScope } from '../../api/schemas.js';

export type OrgSelectionMode = 'scope' | 'persons';
export type CheckState = 'checked' | 'mixed' | 'unchecked';

/** `type:id` */
export const keyOf = (ref: OrgRef): string => `${ref.type}:${ref.id}`;

export function parseKey(key: string): OrgRef | null {
  const i = key.indexOf(':');
  if (i < 0) return null;
  const type = key.slice(0, i);
  const id = key.slice(i + 1);
  if ((type !== 'subcompany' && type !== 'department' && type !== 'person') || id === '') return null;
  return { type, id };
}

/** Ancestor keys (root first, parent last) of a node as the host returned it. */
export const pathKeysOf = (node: Pick<OrgNode, 'path'>): string[] => node.path.map((p) => keyOf(p));

export interface SelectionCounts {
  subcompany: number;
  department: number;
  person: number;
}

export interface ToggleTarget {
  ref: OrgRef;
  /** Ancestor keys, root first. */
  path: readonly string[];
  /** Persons: every department they belong to (part-time included). */
  departmentIds?: readonly string[];
}

interface PathStore {
  map: Map<string, readonly string[]>;
  version: number;
}

/** Immutable selection state. Every change returns a new `OrgSelection`. */
export class OrgSelection {
  readonly mode: OrgSelectionMode;
  private readonly inc: ReadonlyMap<string, OrgRef>;
  private readonly exc: ReadonlyMap<string, OrgRef>;
  /** Known ancestry of nodes (key → ancestor keys root first); shared between versions. */
  private readonly paths: PathStore;
  /** unit key → number of include / exclude rules strictly under it (rules with known paths). */
  private underCache: Map<string, { inc: number; exc: number }> | undefined;
  private underVersion = -1;

  private constructor(
    mode: OrgSelectionMode,
    inc: ReadonlyMap<string, OrgRef>,
    exc: ReadonlyMap<string, OrgRef>,
    paths: PathStore,
  ) {
    this.mode = mode;
    this.inc = inc;
    this.exc = exc;
    this.paths = paths;
  }

  /** A selection from a stored value. Invalid refs are dropped (see `sanitizeScope`). */
  static from(
    scope: OrgScope | undefined,
    mode: OrgSelectionMode = 'scope',
    /** Keep what this earlier selection learned about node places. */
    previous?: OrgSelection,
  ): OrgSelection {
    const inc = new Map<string, OrgRef>();
    const exc = new Map<string, OrgRef>();
    for (const r of scope?.include ?? []) {
      const k = keyOf(r);
      if (!inc.has(k)) inc.set(k, { type: r.type, id: r.id });
    }
    if (mode === 'scope')
      for (const r of scope?.exclude ?? []) {
        const k = keyOf(r);
        if (!exc.has(k) && !inc.has(k)) exc.set(k, { type: r.type, id: r.id });
      }
    return new OrgSelection(mode, inc, exc, previous?.paths ?? { map: new Map(), version: 0 });
  }

  /** The value: `{ include, exclude }` in the order rules were added. */
  get value(): OrgScope {
    return { include: [...this.inc.values()], exclude: [...this.exc.values()] };
  }

  get includes(): readonly OrgRef[] {
    return [...this.inc.values()];
  }
  get excludes(): readonly OrgRef[] {
    return [...this.exc.values()];
  }
  get isEmpty(): boolean {
    return this.inc.size === 0;
  }

  isIncluded(ref: OrgRef): boolean {
    return this.inc.has(keyOf(ref));
  }
  isExcluded(ref: OrgRef): boolean {
    return this.exc.has(keyOf(ref));
  }

  /** Included refs by type: the "3 个分部 · 12 个部门 · 40 人" summary. */
  counts(): SelectionCounts {
    const c: SelectionCounts = { subcompany: 0, department: 0, person: 0 };
    for (const r of this.inc.values()) c[r.type]++;
    return c;
  }

  /** Records where a node sits (from the tree, search results or resolve). Cheap; idempotent. */
  learn(node: Pick<OrgNode, 'type' | 'id' | 'path'>): void {
    const k = keyOf(node);
    if (this.paths.map.has(k)) return;
    this.learnPath(k, pathKeysOf(node));
  }

  /** Records a path by keys. */
  learnPath(key: string, path: readonly string[]): void {
    if (this.paths.map.has(key)) return;
    this.paths.map.set(key, path);
    this.paths.version++;
  }

  knownPath(key: string): readonly string[] | undefined {
    return this.paths.map.get(key);
  }

  /** Nearest rule along `keys` (self last): true = include, false = exclude, undefined = none. */
  private nearest(keys: readonly string[], self: string | undefined): boolean | undefined {
    if (self !== undefined) {
      if (this.inc.has(self)) return true;
      if (this.exc.has(self)) return false;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (this.inc.has(k)) return true;
      if (this.exc.has(k)) return false;
    }
    return undefined;
  }

  /** Whether the node is in scope, given where it is shown. */
  isCovered(t: ToggleTarget): boolean {
    const self = keyOf(t.ref);
    const r = this.nearest(t.path, self);
    if (r !== undefined) return r;
    if (t.ref.type === 'person' && t.departmentIds) {
      // Part-time: covered through any other department they belong to (whose place is known).
      for (const d of t.departmentIds) {
        const dk = `department:${d}`;
        const dp = this.paths.map.get(dk);
        if (this.nearest(dp ?? [], dk) === true) return true;
      }
    }
    return false;
  }

  private under(): Map<string, { inc: number; exc: number }> {
    if (this.underCache && this.underVersion === this.paths.version) return this.underCache;
    const m = new Map<string, { inc: number; exc: number }>();
    const add = (key: string, which: 'inc' | 'exc') => {
      const p = this.paths.map.get(key);
      if (!p) return;
      for (const a of p) {
        let e = m.get(a);
        if (!e) m.set(a, (e = { inc: 0, exc: 0 }));
        e[which]++;
      }
    };
    for (const k of this.inc.keys()) add(k, 'inc');
    for (const k of this.exc.keys()) add(k, 'exc');
    this.underCache = m;
    this.underVersion = this.paths.version;
    return m;
  }

  /** checked / mixed / unchecked for a node shown at `path`. */
  stateOf(t: ToggleTarget): CheckState {
    const covered = this.isCovered(t);
    if (t.ref.type === 'person') return covered ? 'checked' : 'unchecked';
    const u = this.under().get(keyOf(t.ref));
    if (covered) return u && u.exc > 0 ? 'mixed' : 'checked';
    return u && u.inc > 0 ? 'mixed' : 'unchecked';
  }

  /** Whether a toggle may act on this node in this mode. */
  canToggle(type: OrgNodeType): boolean {
    return this.mode === 'scope' || type === 'person';
  }

  /**
   * The selection after the user toggles `t` (to `want`, default: check unless fully checked).
   * Returns `this` when nothing changes.
   */
  toggle(t: ToggleTarget, want?: boolean): OrgSelection {
    const key = keyOf(t.ref);
    this.learnPath(key, t.path);
    if (!this.canToggle(t.ref.type)) return this;
    const target = want ?? this.stateOf(t) !== 'checked';
    if (this.mode === 'persons') {
      const has = this.inc.has(key);
      if (has === target) return this;
      const inc = new Map(this.inc);
      if (target) inc.set(key, { type: t.ref.type, id: t.ref.id });
      else inc.delete(key);
      return new OrgSelection(this.mode, inc, this.exc, this.paths);
    }
    const inc = new Map(this.inc);
    const exc = new Map(this.exc);
    const isAtOrUnder = (k: string) => k === key || (this.paths.map.get(k)?.includes(key) ?? false);
    for (const k of [...inc.keys()]) if (isAtOrUnder(k)) inc.delete(k);
    for (const k of [...exc.keys()]) if (isAtOrUnder(k)) exc.delete(k);
    // A person is one rule wherever they are listed: a part-time person checked through another
    // department is unchecked with a person-level exclusion.
    const covered = new OrgSelection(this.mode, inc, exc, this.paths).isCovered(t);
    if (target && !covered) inc.set(key, { type: t.ref.type, id: t.ref.id });
    if (!target && covered) exc.set(key, { type: t.ref.type, id: t.ref.id });
    const next = new OrgSelection(this.mode, inc, exc, this.paths);
    return next.sameAs(this) ? this : next;
  }

  /** Removes a rule (a chip's remove button). */
  remove(ref: OrgRef): OrgSelection {
    const k = keyOf(ref);
    if (!this.inc.has(k) && !this.exc.has(k)) return this;
    const inc = new Map(this.inc);
    const exc = new Map(this.exc);
    inc.delete(k);
    exc.delete(k);
    return new OrgSelection(this.mode, inc, exc, this.paths);
  }

  /** Adds refs as include rules (bulk paste, recent). Already covered refs are skipped when their place is known. */
  addAll(targets: readonly ToggleTarget[]): OrgSelection {
    return targets.reduce<OrgSelection>(
      (s, t) => (!s.isCovered(t) || s.isExcluded(t.ref) ? s.toggle(t, true) : s),
      this,
    );
  }

  sameAs(other: OrgSelection): boolean {
    return sameKeys(this.inc, other.inc) && sameKeys(this.exc, other.exc);
  }
}

function sameKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  const ai = [...a.keys()];
  const bi = [...b.keys()];
  return ai.every((k, i) => k === bi[i]);
}

const REF_TYPES = new Set(['subcompany', 'department', 'person']);

/** True when `v` is a well-formed `OrgRef`. */
export function isOrgRef(v: unknown): v is OrgRef {
  if (!v || typeof v !== 'object') return false;
  const r = v as { type?: unknown; id?: unknown };
  return typeof r.type === 'string' && REF_TYPES.has(r.type) && typeof r.id === 'string' && r.id !== '';
}

/** True when `v` is a well-formed `OrgScope`. */
export function isOrgScope(v: unknown): v is OrgScope {
  if (!v || typeof v !== 'object') return false;
  const s = v as { include?: unknown; exclude?: unknown };
  return (
    Array.isArray(s.include) &&
    s.include.every(isOrgRef) &&
    Array.isArray(s.exclude) &&
    s.exclude.every(isOrgRef)
  );
}

/** Form submission: one entry per rule, `type:id` for include and `!type:id` for exclude. */
export function scopeToEntries(scope: OrgScope): string[] {
  return [...scope.include.map(keyOf), ...scope.exclude.map((r) => `!${keyOf(r)}`)];
}

export function scopeFromEntries(entries: readonly string[]): OrgScope {
  const include: OrgRef[] = [];
  const exclude: OrgRef[] = [];
  for (const e of entries) {
    const neg = e.startsWith('!');
    const ref = parseKey(neg ? e.slice(1) : e);
    if (ref) (neg ? exclude : include).push(ref);
  }
  return { include, exclude };
}
