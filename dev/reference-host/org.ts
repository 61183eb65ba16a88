/**
 * The OA's organisation as the reference host sees it: read-only, generated deterministically in memory
 * at start (it is the OA's data, not the integration's, so it is not in the JSON store). `OrgIndex`
 * answers the org part of the contract: children (units first, paged), search by name / full pinyin /
 * pinyin initials / 工号 / login, resolve, live head counts of a scope, bulk match.
 */
import { pinyin } from 'pinyin-pro';
import * as gen from '../../src/api/memory-host/data.js';
import type {
  OrgCount,
  OrgNode,
  OrgNodeType,
  OrgRef,
  OrgScope,
  Page,
  PersonStatus,
} from '../../src/api/schemas.js';

export interface OrgUnit {
  type: 'subcompany' | 'department';
  id: string;
  name: string;
  parentId: string | null;
  /** Full pinyin without spaces and initials (computed when absent). */
  pinyin?: string;
  initials?: string;
}

export interface OrgPerson {
  id: string;
  name: string;
  employeeNo: string;
  loginId: string;
  title: string;
  status: PersonStatus;
  /** Main department first, then part-time (兼职) ones. */
  departmentIds: string[];
  managerId?: string;
  /** Full pinyin without spaces and initials (computed when absent). */
  pinyin?: string;
  initials?: string;
}

export interface OrgData {
  units: OrgUnit[];
  persons: OrgPerson[];
  /** The signed-in user of the reference host (recent / same department / subordinates). */
  currentUserId: string;
}

// ---------------------------------------------------------------------------------------------
// Sample data: the memory host's deterministic generator (src/api/memory-host/data.ts)
// ---------------------------------------------------------------------------------------------

/**
 * The sample org of the memory host's generator (same seed, same org), as flat units and persons.
 * Each department's first main member manages the others (for 我的下属).
 */
export function generateOrg(options: { seed?: number; persons?: number } = {}): OrgData {
  const persons = options.persons ?? 2000;
  const g = gen.generateOrg(gen.seedNumber(options.seed), {
    persons,
    departments: Math.max(8, Math.round(persons / 20)),
    subcompanies: persons >= 50_000 ? 8 : 4,
  });
  const units: OrgUnit[] = [];
  for (let u = 0; u < g.unitCount; u++) {
    const parent = g.unitParent[u]!;
    units.push({
      type: g.unitType[u] === gen.UNIT_SUBCOMPANY ? 'subcompany' : 'department',
      id: gen.unitId(g, u),
      name: g.unitName[u]!,
      parentId: parent < 0 ? null : gen.unitId(g, parent),
      pinyin: g.unitPinyin[u]!,
      initials: g.unitInitials[u]!,
    });
  }
  const head = new Map<number, number>();
  for (let u = 0; u < g.unitCount; u++) {
    const first = g.unitMembers[u]?.find((p) => g.personMainDept[p] === u);
    if (first !== undefined) head.set(u, first);
  }
  const status = ['active', 'resigned', 'invalid'] as const;
  const people: OrgPerson[] = [];
  for (let i = 0; i < g.personCount; i++) {
    const main = g.personMainDept[i]!;
    const extra = g.personExtraDept[i]!;
    const manager = head.get(main);
    people.push({
      id: gen.personId(i),
      name: g.personName[i]!,
      employeeNo: gen.employeeNo(i),
      loginId: g.personLogin[i]!,
      title: g.personTitle[i]!,
      status: status[g.personStatus[i]!] ?? 'active',
      departmentIds: [gen.unitId(g, main), ...(extra >= 0 ? [gen.unitId(g, extra)] : [])],
      ...(manager !== undefined && manager !== i ? { managerId: gen.personId(manager) } : {}),
      pinyin: g.personPinyin[i]!,
      initials: g.personInitials[i]!,
    });
  }
  // The signed-in user manages their department, so 我的下属 is not empty.
  const me = g.currentUser;
  const myDept = g.personMainDept[me]!;
  for (const p of people)
    if (p.departmentIds[0] === gen.unitId(g, myDept) && p.id !== gen.personId(me))
      p.managerId = gen.personId(me);
  return { units, persons: people, currentUserId: gen.personId(me) };
}

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

const key = (type: OrgNodeType, id: string) => `${type}:${id}`;

export class OrgIndex {
  readonly currentUserId: string;
  readonly #units = new Map<string, OrgUnit>();
  readonly #persons = new Map<string, OrgPerson>();
  readonly #childUnits = new Map<string | null, OrgUnit[]>();
  readonly #deptPersons = new Map<string, OrgPerson[]>();
  readonly #subtreePersons = new Map<string, Set<string>>();

  constructor(data: OrgData) {
    this.currentUserId = data.currentUserId;
    for (const u of data.units) {
      if (u.pinyin === undefined || u.initials === undefined) {
        const py = pinyin(u.name, { toneType: 'none', type: 'array' });
        u.pinyin ??= py.join('');
        u.initials ??= py.map((x) => x[0]).join('');
      }
      this.#units.set(u.id, u);
      const list = this.#childUnits.get(u.parentId) ?? [];
      list.push(u);
      this.#childUnits.set(u.parentId, list);
    }
    for (const p of data.persons) {
      if (p.pinyin === undefined || p.initials === undefined) {
        const py = pinyin(p.name, { toneType: 'none', type: 'array', surname: 'head' });
        p.pinyin ??= py.join('');
        p.initials ??= py.map((s) => s[0]).join('');
      }
      this.#persons.set(p.id, p);
      for (const d of p.departmentIds) {
        const list = this.#deptPersons.get(d) ?? [];
        list.push(p);
        this.#deptPersons.set(d, list);
      }
    }
  }

  get personCount(): number {
    return this.#persons.size;
  }

  /** Person IDs (any status) in a unit's subtree; part-time members counted once. */
  #subtree(unitId: string): Set<string> {
    let set = this.#subtreePersons.get(unitId);
    if (set) return set;
    set = new Set((this.#deptPersons.get(unitId) ?? []).map((p) => p.id));
    for (const child of this.#childUnits.get(unitId) ?? [])
      for (const id of this.#subtree(child.id)) set.add(id);
    this.#subtreePersons.set(unitId, set);
    return set;
  }

  #activeCount(ids: Iterable<string>): number {
    let n = 0;
    for (const id of ids) if (this.#persons.get(id)?.status === 'active') n++;
    return n;
  }

  #path(parentId: string | null): OrgNode['path'] {
    const path: OrgNode['path'] = [];
    for (
      let u = parentId ? this.#units.get(parentId) : undefined;
      u;
      u = u.parentId ? this.#units.get(u.parentId) : undefined
    )
      path.unshift({ type: u.type, id: u.id, name: u.name });
    return path;
  }

  unitNode(u: OrgUnit): OrgNode {
    const units = this.#childUnits.get(u.id)?.length ?? 0;
    const persons = this.#deptPersons.get(u.id)?.length ?? 0;
    return {
      type: u.type,
      id: u.id,
      name: u.name,
      parentId: u.parentId,
      path: this.#path(u.parentId),
      hasChildren: units + persons > 0,
      childCount: units + persons,
      headCount: this.#activeCount(this.#subtree(u.id)),
    };
  }

  /** A person as listed under `underDept` (default: the main department). */
  personNode(p: OrgPerson, underDept = p.departmentIds[0]!): OrgNode {
    return {
      type: 'person',
      id: p.id,
      name: p.name,
      parentId: underDept,
      path: this.#path(underDept),
      hasChildren: false,
      status: p.status,
      employeeNo: p.employeeNo,
      loginId: p.loginId,
      title: p.title,
      departmentIds: [...p.departmentIds],
      partTime: underDept !== p.departmentIds[0],
    };
  }

  node(ref: OrgRef): OrgNode | undefined {
    if (ref.type === 'person') {
      const p = this.#persons.get(ref.id);
      return p && this.personNode(p);
    }
    const u = this.#units.get(ref.id);
    return u && u.type === ref.type ? this.unitNode(u) : undefined;
  }

  exists(ref: OrgRef): boolean {
    return ref.type === 'person' ? this.#persons.has(ref.id) : this.#units.get(ref.id)?.type === ref.type;
  }

  /** The root 分部 (no parent). */
  roots(): OrgRef[] {
    return (this.#childUnits.get(null) ?? []).map((u) => ({ type: u.type, id: u.id }));
  }

  person(id: string): OrgPerson | undefined {
    return this.#persons.get(id);
  }

  /** Children of a unit (null: the root), units first, then persons; undefined when the parent is unknown. */
  children(
    parent: OrgRef | null,
    o: { offset: number; limit: number; includeInactive: boolean; types?: OrgNodeType[] },
  ): Page<OrgNode> | undefined {
    if (parent && (parent.type === 'person' || !this.exists(parent))) return undefined;
    const pid = parent?.id ?? null;
    const want = (t: OrgNodeType) => !o.types || o.types.includes(t);
    const units = (this.#childUnits.get(pid) ?? []).filter((u) => want(u.type));
    const persons =
      pid && want('person')
        ? (this.#deptPersons.get(pid) ?? []).filter((p) => o.includeInactive || p.status === 'active')
        : [];
    const total = units.length + persons.length;
    const items: OrgNode[] = [];
    for (let i = o.offset; i < Math.min(total, o.offset + o.limit); i++) {
      items.push(
        i < units.length ? this.unitNode(units[i]!) : this.personNode(persons[i - units.length]!, pid!),
      );
    }
    return { items, total, offset: o.offset };
  }

  /** Search by name, full pinyin, pinyin initials, 工号 and login (persons first, then units). */
  search(
    query: string,
    o: { offset: number; limit: number; includeInactive: boolean; types?: OrgNodeType[] },
  ): Page<OrgNode> {
    const q = query.trim().toLowerCase().replace(/\s+/g, '');
    if (!q) return { items: [], total: 0, offset: o.offset };
    const want = (t: OrgNodeType) => !o.types || o.types.includes(t);
    const hits: { rank: number; node: () => OrgNode }[] = [];
    if (want('person')) {
      for (const p of this.#persons.values()) {
        if (!o.includeInactive && p.status !== 'active') continue;
        const rank =
          p.name === query.trim() || p.employeeNo.toLowerCase() === q || p.loginId === q
            ? 0
            : p.name.includes(q) || p.pinyin!.startsWith(q) || p.initials!.startsWith(q)
              ? 1
              : p.pinyin!.includes(q) || p.employeeNo.toLowerCase().includes(q) || p.loginId.includes(q)
                ? 2
                : -1;
        if (rank >= 0) hits.push({ rank, node: () => this.personNode(p) });
      }
    }
    for (const u of this.#units.values()) {
      if (!want(u.type)) continue;
      const full = u.pinyin!;
      const initials = u.initials!;
      const rank =
        u.name === query.trim()
          ? 0
          : u.name.includes(q) || full.startsWith(q) || initials.startsWith(q)
            ? 1
            : -1;
      if (rank >= 0) hits.push({ rank: rank + 0.5, node: () => this.unitNode(u) });
    }
    hits.sort((a, b) => a.rank - b.rank);
    return {
      items: hits.slice(o.offset, o.offset + o.limit).map((h) => h.node()),
      total: hits.length,
      offset: o.offset,
    };
  }

  /** Each input line (name, 工号 or login) with its exact matches. */
  match(inputs: string[], types?: OrgNodeType[]): { input: string; matches: OrgNode[] }[] {
    const want = (t: OrgNodeType) => !types || types.includes(t);
    return inputs.map((input) => {
      const v = input.trim();
      const lower = v.toLowerCase();
      const matches: OrgNode[] = [];
      if (v && want('person'))
        for (const p of this.#persons.values())
          if (p.name === v || p.employeeNo.toLowerCase() === lower || p.loginId === lower)
            matches.push(this.personNode(p));
      if (v)
        for (const u of this.#units.values())
          if (want(u.type) && u.name === v) matches.push(this.unitNode(u));
      return { input, matches };
    });
  }

  /** Live head count of a scope: included units cover their whole subtree; excludes are taken out. */
  count(scope: OrgScope): OrgCount {
    const excluded = new Set<string>();
    for (const ref of scope.exclude) {
      if (ref.type === 'person') excluded.add(ref.id);
      else if (this.exists(ref)) for (const id of this.#subtree(ref.id)) excluded.add(id);
    }
    const all = new Set<string>();
    const byRef: Record<string, number> = {};
    for (const ref of scope.include) {
      const ids =
        ref.type === 'person'
          ? this.#persons.has(ref.id)
            ? [ref.id]
            : []
          : this.exists(ref)
            ? [...this.#subtree(ref.id)]
            : [];
      const kept = ids.filter((id) => !excluded.has(id));
      kept.forEach((id) => all.add(id));
      byRef[key(ref.type, ref.id)] = this.#activeCount(kept);
    }
    const total = this.#activeCount(all);
    return { total, byRef, inactive: all.size - total };
  }

  /**
   * What a sync scope covers, for person sync (/openserver): the included units with every unit under
   * them and the persons in them (active only, part-time counted once), minus what is excluded.
   */
  scopeSnapshot(scope: OrgScope): { units: OrgUnit[]; persons: OrgPerson[] } {
    const excludedUnits = new Set<string>();
    const excludedPersons = new Set<string>();
    const walk = (id: string, into: Set<string>) => {
      into.add(id);
      for (const c of this.#childUnits.get(id) ?? []) walk(c.id, into);
    };
    for (const ref of scope.exclude) {
      if (ref.type === 'person') excludedPersons.add(ref.id);
      else if (this.#units.has(ref.id)) {
        walk(ref.id, excludedUnits);
        for (const id of this.#subtree(ref.id)) excludedPersons.add(id);
      }
    }
    const units = new Set<string>();
    const persons = new Set<string>();
    for (const ref of scope.include) {
      if (ref.type === 'person') {
        if (this.#persons.has(ref.id)) persons.add(ref.id);
      } else if (this.#units.has(ref.id)) {
        walk(ref.id, units);
        for (const id of this.#subtree(ref.id)) persons.add(id);
      }
    }
    return {
      units: [...units].filter((id) => !excludedUnits.has(id)).map((id) => this.#units.get(id)!),
      persons: [...persons]
        .filter((id) => !excludedPersons.has(id))
        .map((id) => this.#persons.get(id)!)
        .filter((p) => p.status === 'active'),
    };
  }

  sameDepartment(): OrgPerson[] {
    const me = this.#persons.get(this.currentUserId);
    if (!me) return [];
    return (this.#deptPersons.get(me.departmentIds[0]!) ?? []).filter(
      (p) => p.id !== me.id && p.status === 'active',
    );
  }

  subordinates(): OrgPerson[] {
    return [...this.#persons.values()].filter(
      (p) => p.managerId === this.currentUserId && p.status === 'active',
    );
  }
}
