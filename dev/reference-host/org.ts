/**
 * The OA's organisation as the reference host sees it: read-only, generated deterministically in memory
 * at start (it is the OA's data, not the integration's, so it is not in the JSON store). `OrgIndex`
 * answers the org part of the contract: children (units first, paged), search by name / full pinyin /
 * pinyin initials / 工号 / login, resolve, live head counts of a scope, bulk match.
 */
import { pinyin } from 'pinyin-pro';
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
// Deterministic sample data
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣晨阳佳琪子涵梓轩宇航思远雨桐一诺浩然嘉怡';
const DEPTS = [
  '行政部',
  '人力资源部',
  '财务部',
  '法务部',
  '市场部',
  '销售部',
  '研发中心',
  '产品部',
  '客户服务部',
  '采购部',
  '质量管理部',
  '信息技术部',
];
const SUBDEPTS = ['一组', '二组', '三组'];
const TITLES = ['专员', '高级专员', '主管', '经理', '工程师', '高级工程师', '助理', '总监'];

/** Sample org: a group with 分部, departments (some nested) and persons; two 张伟 on purpose. */
export function generateOrg(options: { seed?: number; persons?: number } = {}): OrgData {
  const rand = mulberry32(options.seed ?? 20240601);
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(rand() * list.length)]!;
  const units: OrgUnit[] = [{ type: 'subcompany', id: 'sc-1', name: '泛微集团', parentId: null }];
  const subs = ['上海总部', '北京分部', '深圳分部', '成都分部'];
  subs.forEach((name, i) => units.push({ type: 'subcompany', id: `sc-${i + 2}`, name, parentId: 'sc-1' }));
  const leafDepts: string[] = [];
  let d = 100;
  for (const sc of units.filter((u) => u.parentId === 'sc-1')) {
    const n = 5 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) {
      const dept: OrgUnit = {
        type: 'department',
        id: `d-${++d}`,
        name: DEPTS[(i + d) % DEPTS.length]!,
        parentId: sc.id,
      };
      units.push(dept);
      if (rand() < 0.35) {
        for (const s of SUBDEPTS.slice(0, 2 + Math.floor(rand() * 2))) {
          const sub: OrgUnit = {
            type: 'department',
            id: `d-${++d}`,
            name: dept.name.replace(/部|中心$/, '') + s,
            parentId: dept.id,
          };
          units.push(sub);
          leafDepts.push(sub.id);
        }
      }
      leafDepts.push(dept.id);
    }
  }
  const total = options.persons ?? 600;
  const persons: OrgPerson[] = [];
  const logins = new Map<string, number>();
  const heads = new Map<string, string>();
  for (let i = 0; i < total; i++) {
    const name =
      i === 0 || i === 1 ? '张伟' : pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : '');
    const dept =
      i === 1 ? leafDepts[leafDepts.length - 1]! : leafDepts[Math.floor(rand() * leafDepts.length)]!;
    const py = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' });
    const base = py.join('');
    const seen = logins.get(base) ?? 0;
    logins.set(base, seen + 1);
    const head = heads.get(dept);
    const person: OrgPerson = {
      id: `u-${1001 + i}`,
      name,
      employeeNo: `E${String(10001 + i)}`,
      loginId: seen ? `${base}${seen + 1}` : base,
      title: head ? pick(TITLES) : '经理',
      status: i > 3 && rand() < 0.04 ? (rand() < 0.7 ? 'resigned' : 'invalid') : 'active',
      departmentIds: [dept],
      pinyin: base,
      initials: py.map((s) => s[0]).join(''),
    };
    if (head) person.managerId = head;
    else heads.set(dept, person.id);
    if (rand() < 0.05) {
      const other = leafDepts[Math.floor(rand() * leafDepts.length)]!;
      if (other !== dept) person.departmentIds.push(other);
    }
    persons.push(person);
  }
  return { units, persons, currentUserId: persons[0]!.id };
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
      const py = pinyin(u.name, { toneType: 'none', type: 'array' });
      const full = py.join('');
      const initials = py.map((s) => s[0]).join('');
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
