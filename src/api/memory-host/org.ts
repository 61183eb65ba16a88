/**
 * The org group of the contract, the one implementation of its semantics: children (units first,
 * paged), search (name, full pinyin, initials, 工号, login; ranked), resolve with `missing`, live head
 * counts of a scope (nearest rule wins; part-time persons counted once), bulk match, same department,
 * subordinates, and what a scope covers (`members`, the reference host's person sync).
 *
 * `createOrgModel(org)` answers synchronously over a generated org (data.ts); the memory host wraps it
 * in its runtime (`createOrgApi`: latency, failures, validation, recent, sync scopes) and the reference
 * host (dev/reference-host) serves it over HTTP.
 */
import * as z from 'zod/mini';
import { QysConflictError, QysNotFoundError } from '../errors.js';
import type { OrgApi, PageOptions } from '../host.js';
import {
  OrgCapabilitiesSchema,
  OrgCountSchema,
  OrgMatchSchema,
  OrgNodePageSchema,
  OrgNodeSchema,
  OrgRefSchema,
  OrgResolveResultSchema,
  OrgScopeRecordSchema,
  OrgScopeSchema,
  refKey,
  type OrgCapabilities,
  type OrgCount,
  type OrgMatch,
  type OrgNode,
  type OrgNodeType,
  type OrgPathItem,
  type OrgRef,
  type OrgResolveResult,
  type OrgScope,
  type OrgScopeRecord,
  type OrgTab,
  type Page,
} from '../schemas.js';
import {
  EMPLOYEE_NO_BASE,
  GIVEN,
  NO_GIVEN,
  STATUS_ACTIVE,
  SURNAMES,
  SURNAME_INITIALS,
  UNIT_SUBCOMPANY,
  employeeNo,
  loginOf,
  nameOf,
  personId,
  personIndexOf,
  titleOf,
  unitId,
  unitIndexOf,
  type OrgData,
} from './data.js';
import { clone, makePaging, norm, validationError, type Runtime } from './faults.js';

export interface OrgModelOptions {
  /** Whether 离职 / 无效 persons may be listed (`includeInactive`); default true. */
  canShowInactive?: boolean;
  /** Page size when a call gives none (default 100; capped at 500). */
  defaultPageSize?: number;
}

type ChildrenOptions = PageOptions & { includeInactive?: boolean; types?: OrgNodeType[] };

export type OrgModel = ReturnType<typeof createOrgModel>;

export function createOrgModel(org: OrgData, options: OrgModelOptions = {}) {
  const canShowInactive = options.canShowInactive ?? true;
  const paging = makePaging(options.defaultPageSize ?? 100);

  // ---------------------------------------------------------------- org nodes
  const pathCache = new Map<number, OrgPathItem[]>();
  /** Ancestors of unit `u` from the root down to `u`'s parent. */
  function unitAncestors(u: number): OrgPathItem[] {
    let p = pathCache.get(u);
    if (!p) {
      p = [];
      for (let a = org.unitParent[u]!; a >= 0; a = org.unitParent[a]!) p.push(pathItem(a));
      p.reverse();
      pathCache.set(u, p);
    }
    return p;
  }
  const unitTypeName = (u: number): 'subcompany' | 'department' =>
    org.unitType[u] === UNIT_SUBCOMPANY ? 'subcompany' : 'department';
  const pathItem = (u: number): OrgPathItem => ({
    type: unitTypeName(u),
    id: unitId(org, u),
    name: org.unitName[u]!,
  });
  /** Path down to and including unit `u`, as fresh objects. */
  const pathThrough = (u: number): OrgPathItem[] => [...unitAncestors(u).map((i) => ({ ...i })), pathItem(u)];

  function unitNode(u: number): OrgNode {
    const parent = org.unitParent[u]!;
    const childCount = org.unitChildren[u]!.length + org.unitActiveMembers[u]!.length;
    return {
      type: unitTypeName(u),
      id: unitId(org, u),
      name: org.unitName[u]!,
      parentId: parent >= 0 ? unitId(org, parent) : null,
      path: unitAncestors(u).map((i) => ({ ...i })),
      hasChildren: childCount > 0,
      childCount,
      headCount: org.unitHeadCount[u]!,
    };
  }

  const STATUS_NAMES = ['active', 'resigned', 'invalid'] as const;

  /** A person as listed under department `under` (default: the main department). */
  function personNode(p: number, under = -1): OrgNode {
    const main = org.personMainDept[p]!;
    const extra = org.personExtraDept[p]!;
    const dept = under >= 0 ? under : main;
    const departmentIds = [unitId(org, main)];
    if (extra >= 0) departmentIds.push(unitId(org, extra));
    return {
      type: 'person',
      id: personId(p),
      name: nameOf(org, p),
      parentId: unitId(org, dept),
      path: pathThrough(dept),
      hasChildren: false,
      status: STATUS_NAMES[org.personStatus[p]!]!,
      employeeNo: employeeNo(p),
      loginId: loginOf(org, p),
      title: titleOf(org, p),
      departmentIds,
      partTime: dept !== main,
    };
  }

  const showInactive = (flag: boolean | undefined) => !!flag && canShowInactive;
  const wants = (types: OrgNodeType[] | undefined, t: OrgNodeType) =>
    !types || types.length === 0 || types.includes(t);

  function unitOf(ref: OrgRef): number {
    return ref.type === 'person' ? -1 : unitIndexOf(org, ref.type, ref.id);
  }

  function nodeOf(ref: OrgRef): OrgNode | null {
    if (ref.type === 'person') {
      const p = personIndexOf(org, ref.id);
      return p < 0 ? null : personNode(p);
    }
    const u = unitOf(ref);
    return u < 0 ? null : unitNode(u);
  }

  // ---------------------------------------------------------------- search
  /**
   * One string per searchable field, each person's segment ended by U+0002 (`starts[p]` where it begins; a field of
   * one width is padded to it, and `width` replaces `starts`): a search is a few native `indexOf` calls instead of
   * 300,000 `includes`, and the rank of a match is read off the segment without writing the person's strings. Built
   * on first use, one per kind of query (names; 工号; initials + login).
   */
  interface Haystack {
    text: string;
    starts: Int32Array | null;
    width: number;
  }
  const SEP = '\u0002';
  type HayKind = 'name' | 'employeeNo' | 'latin';
  const hays: Partial<Record<HayKind, Haystack>> = {};
  /** A haystack being written, a range of persons at a time (`prepareSearch` in idle slices). */
  interface Building {
    next: number;
    parts: string[];
    length: number;
    starts: Int32Array | null;
    width: number;
  }
  const building: Partial<Record<HayKind, Building>> = {};
  /** A string of UTF-16 code units, in chunks (`fromCharCode` takes a bounded argument list). */
  function stringOf(codes: Uint8Array | Uint16Array): string {
    const parts: string[] = [];
    for (let i = 0; i < codes.length; i += 8192)
      parts.push(
        String.fromCharCode.apply(
          null,
          codes.subarray(i, Math.min(codes.length, i + 8192)) as unknown as number[],
        ),
      );
    return parts.join('');
  }
  const unitsOf = (t: string) => Array.from({ length: t.length }, (_, i) => t.charCodeAt(i));
  const copy = (out: Uint8Array | Uint16Array, k: number, from: readonly number[]) => {
    for (let i = 0; i < from.length; i++) out[k + i] = from[i]!;
    return k + from.length;
  };
  // Code units of the name tables (a person's name is three table indexes: the haystacks are written from these,
  // not by concatenating 300,000 strings).
  let tables:
    | {
        surName: number[][];
        givenName: number[];
        surInitials: number[][];
        surPinyin: number[][];
        givenInitial: number[];
        givenPinyin: number[][];
        numbers: number[][];
      }
    | undefined;
  const codeTables = () =>
    (tables ??= {
      surName: SURNAMES.map((x) => unitsOf(x.c)),
      givenName: GIVEN.map((x) => x.c.charCodeAt(0)),
      surInitials: SURNAME_INITIALS.map(unitsOf),
      surPinyin: SURNAMES.map((x) => unitsOf(x.p)),
      givenInitial: GIVEN.map((x) => x.p.charCodeAt(0)),
      givenPinyin: GIVEN.map((x) => unitsOf(x.p)),
      numbers: [],
    });
  const NAME_WIDTH = 5; // a surname of up to two characters, up to two given, one U+0002 at least
  const employeeNoWidth = () => employeeNo(org.personCount - 1).length + 1;
  /** Persons `from`…`to` of haystack `kind`, as a string (latin: their `starts`, from `b.length`, too). */
  function writeRange(kind: HayKind, from: number, to: number, b: Building): string {
    const t = codeTables();
    const { personSurname, personGiven1, personGiven2, personLoginNo } = org;
    if (kind === 'name') {
      const out = new Uint16Array((to - from) * NAME_WIDTH).fill(2);
      for (let p = from; p < to; p++) {
        let k = copy(out, (p - from) * NAME_WIDTH, t.surName[personSurname[p]!]!);
        out[k++] = t.givenName[personGiven1[p]!]!;
        const g2 = personGiven2[p]!;
        if (g2 !== NO_GIVEN) out[k] = t.givenName[g2]!;
      }
      return stringOf(out);
    }
    if (kind === 'employeeNo') {
      const out = new Uint8Array((to - from) * b.width).fill(2);
      // 工号 = EMPLOYEE_NO_BASE + p, its digits written without making the string
      for (let p = from; p < to; p++) {
        let v = EMPLOYEE_NO_BASE + p;
        const len = v < 1e6 ? 6 : String(v).length; // ≥ 100001: six digits below a million
        for (let i = (p - from) * b.width + len - 1; v > 0; i--, v = Math.floor(v / 10))
          out[i] = 48 + (v % 10);
      }
      return stringOf(out);
    }
    // latin: `initials U+0001 login U+0002`
    const numberOf = (no: number) => (t.numbers[no] ??= unitsOf(String(no)));
    let total = 0;
    for (let p = from; p < to; p++) {
      const sur = personSurname[p]!;
      const g2 = personGiven2[p]!;
      const no = personLoginNo[p]!;
      total +=
        t.surInitials[sur]!.length +
        t.surPinyin[sur]!.length +
        t.givenPinyin[personGiven1[p]!]!.length +
        (g2 === NO_GIVEN ? 1 : 2 + t.givenPinyin[g2]!.length) +
        (no ? numberOf(no).length : 0) +
        2;
    }
    const out = new Uint8Array(total);
    const starts = b.starts!;
    let k = 0;
    for (let p = from; p < to; p++) {
      starts[p] = b.length + k;
      const sur = personSurname[p]!;
      const g1 = personGiven1[p]!;
      const g2 = personGiven2[p]!;
      const no = personLoginNo[p]!;
      k = copy(out, k, t.surInitials[sur]!);
      out[k++] = t.givenInitial[g1]!;
      if (g2 !== NO_GIVEN) out[k++] = t.givenInitial[g2]!;
      out[k++] = 1;
      k = copy(out, k, t.surPinyin[sur]!);
      k = copy(out, k, t.givenPinyin[g1]!);
      if (g2 !== NO_GIVEN) k = copy(out, k, t.givenPinyin[g2]!);
      if (no) k = copy(out, k, t.numbers[no]!);
      out[k++] = 2;
    }
    return stringOf(out);
  }
  const CHUNK = 5_000;
  /** Writes haystack `kind` up to person `until` (all: done, returned). */
  function advance(kind: HayKind, until: number): Haystack | undefined {
    const n = org.personCount;
    const b = (building[kind] ??= {
      next: 0,
      parts: [],
      length: 0,
      starts: kind === 'latin' ? new Int32Array(n + 1) : null,
      width: kind === 'name' ? NAME_WIDTH : kind === 'employeeNo' ? employeeNoWidth() : 0,
    });
    while (b.next < Math.min(until, n)) {
      const to = Math.min(until, n, b.next + CHUNK);
      const part = writeRange(kind, b.next, to, b);
      b.parts.push(part);
      b.length += part.length;
      b.next = to;
    }
    if (b.next < n) return undefined;
    if (b.starts) b.starts[n] = b.length;
    delete building[kind];
    return (hays[kind] = { text: b.parts.join(''), starts: b.starts, width: b.width });
  }
  /** Haystack `kind`, written now when it is not (yet) all there. */
  const haystackOf = (kind: HayKind): Haystack => hays[kind] ?? advance(kind, org.personCount)!;
  /**
   * Writes the search haystacks ahead of the first search, a range of 5,000 persons (a few ms) at a time while `more()`
   * says there is time (default: all at once). Returns true while something is left (call it again when idle).
   */
  function prepareSearch(more: () => boolean = () => true): boolean {
    for (const kind of ['latin', 'name', 'employeeNo'] as const) {
      while (!hays[kind]) {
        if (!more()) return true;
        const b = building[kind];
        advance(kind, (b?.next ?? 0) + CHUNK);
      }
    }
    return false;
  }
  const segStart = (h: Haystack, p: number) => (h.starts ? h.starts[p]! : p * h.width);
  /** The person whose segment holds text position `i`. */
  function personAt(h: Haystack, i: number): number {
    if (!h.starts) return Math.floor(i / h.width);
    const starts = h.starts;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** Calls `visit(p, i)` once per person whose segment contains `needle` (`i`: the first place), in org order. */
  function scan(h: Haystack, needle: string, visit: (p: number, i: number) => void) {
    const { text } = h;
    for (let from = 0; ;) {
      const i = text.indexOf(needle, from);
      if (i < 0) return;
      const p = personAt(h, i);
      visit(p, i);
      from = segStart(h, p + 1);
    }
  }
  /** Rank of one field: 0 exact, 1 prefix, 2 contains, 3 no match. */
  const rankOf = (f: string, q: string): number =>
    f === q ? 0 : f.startsWith(q) ? 1 : f.includes(q) ? 2 : 3;
  /** Rank of a match at `i` in a one-field segment starting at `s` (a name, a 工号). */
  const rankIn = (text: string, s: number, i: number, len: number): number =>
    i !== s ? 2 : text[s + len] === SEP || s + len === text.length ? 0 : 1;
  /**
   * Rank of a match in a latin segment `initials U+0001 login` (the login is the full pinyin, with a number when
   * the pinyin repeats): exact initials, pinyin or login 0; a prefix of initials or login (so of the pinyin) 1;
   * else 2.
   */
  function rankLatin(h: Haystack, p: number, needle: string): number {
    const { text } = h;
    const s = segStart(h, p);
    const end = segStart(h, p + 1) - 1;
    const login = text.indexOf('\u0001', s) + 1;
    const len = needle.length;
    const inInitials = text.startsWith(needle, s);
    const inLogin = text.startsWith(needle, login);
    if (inInitials && login - 1 - s === len) return 0;
    if (inLogin) {
      const no = org.personLoginNo[p]!;
      const pinyinEnd = no ? end - String(no).length : end;
      if (login + len === end || login + len === pinyinEnd) return 0;
    }
    return inInitials || inLogin ? 1 : 2;
  }

  /**
   * Persons and units matching `query`, bucketed by rank (exact, prefix, contains), each bucket in
   * org order. A query with Chinese characters matches names; otherwise pinyin, initials, login
   * and (digits) 工号.
   */
  function search(
    query: string,
    types: OrgNodeType[] | undefined,
    inactive: boolean,
  ): { units: number[][]; persons: number[][] } {
    const q = norm(query);
    const units: number[][] = [[], [], []];
    const persons: number[][] = [[], [], []];
    if (!q) return { units, persons };
    const cjk = /[\u3400-\u9fff\uf900-\ufaff]/.test(q);
    const qp = q.replace(/\s+/g, '');
    const digits = /^\d+$/.test(qp);
    if (wants(types, 'subcompany') || wants(types, 'department')) {
      for (let u = 0; u < org.unitCount; u++) {
        if (!wants(types, unitTypeName(u))) continue;
        const r = cjk
          ? rankOf(org.unitName[u]!, qp)
          : Math.min(rankOf(org.unitPinyin[u]!, qp), rankOf(org.unitInitials[u]!, qp));
        if (r < 3) units[r]!.push(u);
      }
    }
    if (wants(types, 'person')) {
      const status = org.personStatus;
      const needle = qp.replace(/[\u0001\u0002]/g, '');
      if (!needle) return { units, persons };
      const hay = cjk
        ? haystackOf('name')
        : digits
          ? haystackOf('employeeNo')
          : // the login starts with the full pinyin, so initials + login cover pinyin matches too
            haystackOf('latin');
      scan(hay, needle, (p, i) => {
        if (!inactive && status[p] !== STATUS_ACTIVE) return;
        const r =
          cjk || digits ? rankIn(hay.text, segStart(hay, p), i, needle.length) : rankLatin(hay, p, needle);
        persons[r]!.push(p);
      });
    }
    return { units, persons };
  }

  // ---------------------------------------------------------------- match (bulk paste)
  /**
   * Persons by exact name without a map of 300,000 strings: a name is a surname and one or two given-name
   * characters (data.ts tables), so it is a number; persons are sorted by that number once (on first use) and a
   * name is found by binary search. Logins are found in the latin haystack (`U+0001login U+0002`).
   */
  const charIndex = (table: { c: string }[]) => {
    const m = new Map<string, number[]>();
    table.forEach((x, i) => m.set(x.c, [...(m.get(x.c) ?? []), i]));
    return m;
  };
  let byName: { keys: Int32Array; persons: Int32Array } | null = null;
  let surnameIndex: Map<string, number[]> | null = null;
  let givenIndex: Map<string, number[]> | null = null;
  let unitNameIndex: Map<string, number[]> | null = null;
  const nameKey = (s: number, g1: number, g2: number) => s * 65536 + g1 * 256 + g2;
  function buildMatchIndexes() {
    if (byName) return;
    const n = org.personCount;
    // key × 2^20 + person: one native sort of doubles orders by name, then org order
    const packed = new Float64Array(n);
    for (let p = 0; p < n; p++)
      packed[p] = nameKey(org.personSurname[p]!, org.personGiven1[p]!, org.personGiven2[p]!) * 1048576 + p;
    packed.sort();
    const keys = new Int32Array(n); // a name key is < 2^23
    const persons = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = packed[i]!;
      const p = v % 1048576;
      persons[i] = p;
      keys[i] = (v - p) / 1048576;
    }
    byName = { keys, persons };
    surnameIndex = charIndex(SURNAMES);
    givenIndex = charIndex(GIVEN);
    unitNameIndex = new Map();
    for (let u = 0; u < org.unitCount; u++) {
      const name = org.unitName[u]!;
      const list = unitNameIndex.get(name);
      if (list) list.push(u);
      else unitNameIndex.set(name, [u]);
    }
  }
  /** Persons named exactly `q`, in org order. */
  function personsNamed(q: string): number[] {
    const { keys, persons } = byName!;
    const chars = [...q];
    const out: number[] = [];
    for (const surLen of [1, 2]) {
      const rest = chars.slice(surLen);
      if (rest.length < 1 || rest.length > 2) continue;
      for (const s of surnameIndex!.get(chars.slice(0, surLen).join('')) ?? [])
        for (const g1 of givenIndex!.get(rest[0]!) ?? [])
          for (const g2 of rest.length === 2 ? (givenIndex!.get(rest[1]!) ?? []) : [NO_GIVEN]) {
            const key = nameKey(s, g1, g2);
            let lo = 0;
            let hi = keys.length;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (keys[mid]! < key) lo = mid + 1;
              else hi = mid;
            }
            for (let i = lo; i < keys.length && keys[i] === key; i++) out.push(persons[i]!);
          }
    }
    return out.sort((a, b) => a - b);
  }
  /** The person whose login is `q` (lower case), or -1. */
  function personWithLogin(q: string): number {
    if (!q || /[\u0001\u0002]/.test(q)) return -1;
    const h = haystackOf('latin');
    const i = h.text.indexOf(`\u0001${q}${SEP}`);
    return i < 0 ? -1 : personAt(h, i);
  }

  // ---------------------------------------------------------------- count
  const refStamp = new Int32Array(org.personCount);
  const unionStamp = new Int32Array(org.personCount);
  const excludedStamp = new Int32Array(org.personCount);
  let stampGen = 0;
  let countGen = 0;

  function countScope(scope: OrgScope): OrgCount {
    const countId = ++countGen;
    const excludedUnits = new Set<number>();
    for (const r of scope.exclude) {
      if (r.type === 'person') {
        const p = personIndexOf(org, r.id);
        if (p >= 0) excludedStamp[p] = countId;
      } else {
        const u = unitOf(r);
        if (u >= 0) excludedUnits.add(u);
      }
    }
    const byRef: Record<string, number> = {};
    let total = 0;
    let inactive = 0;
    const status = org.personStatus;
    // one pass: `refStamp` dedupes within a ref (part-time persons), `unionStamp` across refs
    for (const ref of scope.include) {
      const gen = ++stampGen;
      let active = 0;
      const visit = (p: number) => {
        if (refStamp[p] === gen || excludedStamp[p] === countId) return;
        refStamp[p] = gen;
        const isActive = status[p] === STATUS_ACTIVE;
        if (isActive) active++;
        if (unionStamp[p] !== countId) {
          unionStamp[p] = countId;
          if (isActive) total++;
          else inactive++;
        }
      };
      if (ref.type === 'person') {
        const p = personIndexOf(org, ref.id);
        if (p >= 0) visit(p);
      } else {
        const u0 = unitOf(ref);
        if (u0 >= 0 && !excludedUnits.has(u0)) {
          const stack = [u0];
          while (stack.length) {
            const u = stack.pop()!;
            for (const p of org.unitMembers[u]!) visit(p);
            for (const c of org.unitChildren[u]!) if (!excludedUnits.has(c)) stack.push(c);
          }
        }
      }
      byRef[refKey(ref)] = active;
    }
    // keep stamps from overflowing in very long sessions
    if (stampGen > 2_000_000_000 || countGen > 2_000_000_000) {
      refStamp.fill(0);
      unionStamp.fill(0);
      excludedStamp.fill(0);
      stampGen = 0;
      countGen = 0;
    }
    return { total, byRef, inactive };
  }

  // ---------------------------------------------------------------- the group's answers
  function children(parent: OrgRef | null, o?: ChildrenOptions): Page<OrgNode> {
    const { offset, limit } = paging(o);
    let units: number[];
    let persons: number[] = [];
    let under = -1;
    if (parent === null) units = org.roots;
    else {
      if (parent.type === 'person') throw new QysNotFoundError('A person has no children');
      const u = unitOf(parent);
      if (u < 0) throw new QysNotFoundError(`No ${parent.type} ${parent.id}`);
      units = org.unitChildren[u]!;
      persons = showInactive(o?.includeInactive) ? org.unitMembers[u]! : org.unitActiveMembers[u]!;
      under = u;
    }
    if (o?.types && o.types.length) {
      units = units.filter((u) => wants(o.types, unitTypeName(u)));
      if (!wants(o.types, 'person')) persons = [];
    }
    const total = units.length + persons.length;
    const items: OrgNode[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      items.push(i < units.length ? unitNode(units[i]!) : personNode(persons[i - units.length]!, under));
    }
    return { items, total, offset };
  }

  function searchPage(query: string, o?: ChildrenOptions): Page<OrgNode> {
    const { offset, limit } = paging(o);
    const r = search(query, o?.types, showInactive(o?.includeInactive));
    const buckets: [boolean, number[]][] = [];
    for (let k = 0; k < 3; k++) buckets.push([true, r.units[k]!], [false, r.persons[k]!]);
    const total = buckets.reduce((n, [, b]) => n + b.length, 0);
    const items: OrgNode[] = [];
    let skip = offset;
    for (const [isUnit, list] of buckets) {
      if (items.length >= limit) break;
      if (skip >= list.length) {
        skip -= list.length;
        continue;
      }
      for (let i = skip; i < list.length && items.length < limit; i++) {
        items.push(isUnit ? unitNode(list[i]!) : personNode(list[i]!));
      }
      skip = 0;
    }
    return { items, total, offset };
  }

  function resolve(refs: OrgRef[]): OrgResolveResult {
    const nodes: OrgNode[] = [];
    const missing: OrgRef[] = [];
    for (const ref of refs) {
      const n = nodeOf(ref);
      if (n) nodes.push(n);
      else missing.push({ type: ref.type, id: ref.id });
    }
    return { nodes, missing };
  }

  function count(scope: OrgScope): OrgCount {
    const parsed = z.safeParse(OrgScopeSchema, scope);
    if (!parsed.success) throw validationError(parsed.error.issues);
    return countScope(parsed.data);
  }

  function match(inputs: string[], o?: { types?: OrgNodeType[] }): OrgMatch[] {
    buildMatchIndexes();
    const types = o?.types;
    return inputs.map((input) => {
      const q = input.trim();
      const matches: OrgNode[] = [];
      if (q) {
        const seen = new Set<number>();
        if (wants(types, 'person')) {
          const add = (p: number | undefined) => {
            if (p === undefined || p < 0 || seen.has(p) || org.personStatus[p] !== STATUS_ACTIVE) return;
            seen.add(p);
            matches.push(personNode(p));
          };
          for (const p of personsNamed(q)) add(p);
          if (/^\d+$/.test(q)) {
            const p = Number(q) - 100001;
            if (p >= 0 && p < org.personCount && employeeNo(p) === q) add(p);
          }
          add(personWithLogin(q.toLowerCase()));
        }
        for (const u of unitNameIndex!.get(q) ?? [])
          if (wants(types, unitTypeName(u))) matches.push(unitNode(u));
      }
      return { input, matches };
    });
  }

  function sameDepartment(o?: PageOptions): Page<OrgNode> {
    const { offset, limit } = paging(o);
    const dept = org.personMainDept[org.currentUser]!;
    const list = org.unitActiveMembers[dept]!.filter((p) => p !== org.currentUser);
    return {
      items: list.slice(offset, offset + limit).map((p) => personNode(p, dept)),
      total: list.length,
      offset,
    };
  }

  function subordinates(o?: PageOptions): Page<OrgNode> {
    // direct reports: the user heads their department, so its members (main department) and
    // the heads of the departments right under it report to them
    const { offset, limit } = paging(o);
    const me = org.currentUser;
    const dept = org.personMainDept[me]!;
    const list = org.unitActiveMembers[dept]!.filter((p) => p !== me && org.personMainDept[p] === dept);
    for (const child of org.unitChildren[dept]!) {
      const head = org.unitMembers[child]!.find((p) => org.personMainDept[p] === child);
      if (head !== undefined && org.personStatus[head] === STATUS_ACTIVE && head !== me) list.push(head);
    }
    return {
      items: list.slice(offset, offset + limit).map((p) => personNode(p)),
      total: list.length,
      offset,
    };
  }

  /**
   * What a scope covers, by the rules `count` follows (nearest rule wins): the included units with the
   * units under them that are not excluded, and the active persons reached (each once), e.g. for person
   * sync. Persons are listed under their main department.
   */
  function members(scope: OrgScope): { units: OrgNode[]; persons: OrgNode[] } {
    const excludedUnits = new Set<number>();
    const excludedPersons = new Set<number>();
    for (const r of scope.exclude) {
      if (r.type === 'person') {
        const p = personIndexOf(org, r.id);
        if (p >= 0) excludedPersons.add(p);
      } else {
        const u = unitOf(r);
        if (u >= 0) excludedUnits.add(u);
      }
    }
    const units = new Set<number>();
    const persons = new Set<number>();
    const reach = (p: number) => {
      if (!excludedPersons.has(p) && org.personStatus[p] === STATUS_ACTIVE) persons.add(p);
    };
    for (const r of scope.include) {
      if (r.type === 'person') {
        const p = personIndexOf(org, r.id);
        if (p >= 0) reach(p);
        continue;
      }
      const u0 = unitOf(r);
      // a ref both included and excluded is excluded (as in `count`)
      if (u0 < 0 || excludedUnits.has(u0)) continue;
      const stack = [u0];
      while (stack.length) {
        const u = stack.pop()!;
        units.add(u);
        for (const p of org.unitMembers[u]!) reach(p);
        for (const c of org.unitChildren[u]!) if (!excludedUnits.has(c)) stack.push(c);
      }
    }
    return {
      units: [...units].sort((a, b) => a - b).map(unitNode),
      persons: [...persons].sort((a, b) => a - b).map((p) => personNode(p)),
    };
  }

  return {
    data: org,
    canShowInactive,
    currentUser: { type: 'person', id: personId(org.currentUser) } as OrgRef,
    roots: (): OrgRef[] => org.roots.map((u) => ({ type: unitTypeName(u), id: unitId(org, u) })),
    unitTypeName,
    unitNode,
    personNode,
    nodeOf,
    children,
    search: searchPage,
    prepareSearch,
    resolve,
    count,
    match,
    sameDepartment,
    subordinates,
    members,
  };
}

export interface OrgApiOptions {
  /** Tabs the org picker may offer (default all five). */
  tabs?: OrgTab[];
  /** The service a scope belongs to (QysNotFoundError when unknown). */
  checkService(serviceId: string): void;
}

/** The memory host's `org`: the model's answers through the runtime, plus recent and sync scopes. */
export function createOrgApi(rt: Runtime, model: OrgModel, options: OrgApiOptions) {
  const { call, iso } = rt;
  const org = model.data;
  const nodeOf = model.nodeOf;
  const getBinding = options.checkService;
  const tabs: OrgTab[] = options.tabs ?? ['tree', 'search', 'recent', 'same-department', 'subordinates'];
  const canShowInactive = model.canShowInactive;
  const scopes = new Map<string, OrgScopeRecord>();
  // ---------------------------------------------------------------- recent
  const recent: OrgRef[] = [];
  {
    const dept = org.personMainDept[org.currentUser]!;
    for (const p of org.unitActiveMembers[dept]!.slice(1, 4))
      recent.push({ type: 'person', id: personId(p) });
    const d = org.duplicateNamePersons[0];
    if (d !== undefined && !recent.some((r) => r.id === personId(d)))
      recent.push({ type: 'person', id: personId(d) });
  }

  const api: OrgApi = {
    capabilities: (o) =>
      call('org.capabilities', o?.signal, OrgCapabilitiesSchema, (): OrgCapabilities => ({
        tabs: [...tabs],
        canShowInactive,
        pinyinSearch: true,
      })),

    children: (parent, o) =>
      call('org.children', o?.signal, OrgNodePageSchema, () => model.children(parent, o)),
    search: (query, o) => call('org.search', o?.signal, OrgNodePageSchema, () => model.search(query, o)),
    resolve: (refs, o) => call('org.resolve', o?.signal, OrgResolveResultSchema, () => model.resolve(refs)),
    count: (scope, o) => call('org.count', o?.signal, OrgCountSchema, () => model.count(scope)),
    match: (inputs, o) => call('org.match', o?.signal, z.array(OrgMatchSchema), () => model.match(inputs, o)),
    recent: (o) =>
      call('org.recent', o?.signal, z.array(OrgNodeSchema), () =>
        recent.map(nodeOf).filter((n): n is OrgNode => n !== null),
      ),

    addRecent: (refs, o) =>
      call('org.addRecent', o?.signal, null, () => {
        for (const ref of [...refs].reverse()) {
          const parsed = z.safeParse(OrgRefSchema, ref);
          if (!parsed.success) throw validationError(parsed.error.issues);
          const i = recent.findIndex((r) => r.type === ref.type && r.id === ref.id);
          if (i >= 0) recent.splice(i, 1);
          recent.unshift({ type: ref.type, id: ref.id });
        }
        recent.length = Math.min(recent.length, 20);
      }),

    removeRecent: (ref, o) =>
      call('org.removeRecent', o?.signal, null, () => {
        const i = recent.findIndex((r) => r.type === ref.type && r.id === ref.id);
        if (i >= 0) recent.splice(i, 1);
      }),

    sameDepartment: (o) =>
      call('org.sameDepartment', o?.signal, OrgNodePageSchema, () => model.sameDepartment(o)),
    subordinates: (o) => call('org.subordinates', o?.signal, OrgNodePageSchema, () => model.subordinates(o)),
    getScope: (serviceId, o) =>
      call('org.getScope', o?.signal, OrgScopeRecordSchema, () => {
        getBinding(serviceId);
        return clone(
          scopes.get(serviceId) ?? {
            serviceId,
            scope: { include: [], exclude: [] },
            version: 0,
            updatedAt: null,
          },
        );
      }),

    saveScope: (serviceId, scope, version, o) =>
      call(
        'org.saveScope',
        o?.signal,
        OrgScopeRecordSchema,
        () => {
          getBinding(serviceId);
          const parsed = z.safeParse(OrgScopeSchema, scope);
          if (!parsed.success)
            throw validationError(parsed.error.issues.map((i) => ({ ...i, path: ['scope', ...i.path] })));
          const current = scopes.get(serviceId) ?? {
            serviceId,
            scope: { include: [], exclude: [] },
            version: 0,
            updatedAt: null,
          };
          if (version !== current.version) {
            throw new QysConflictError('The sync scope was changed by someone else', {
              current: clone(current),
            });
          }
          const record: OrgScopeRecord = {
            serviceId,
            scope: {
              include: parsed.data.include.map((r) => ({ type: r.type, id: r.id })),
              exclude: parsed.data.exclude.map((r) => ({ type: r.type, id: r.id })),
            },
            version: current.version + 1,
            updatedAt: iso(),
          };
          scopes.set(serviceId, record);
          return clone(record);
        },
        () => clone(scopes.get(serviceId)),
      ),
  };
  return {
    api,
    /** Sets a service's scope (seeding). */
    seedScope(record: OrgScopeRecord) {
      scopes.set(record.serviceId, record);
    },
    /** A deleted service's scope goes with it. */
    forget(serviceId: string) {
      scopes.delete(serviceId);
    },
  };
}
