/**
 * Seeded generator of the memory host's sample data: a Chinese organisation (分部 / 部门 / 人员) at a
 * configurable size, and the provider's resources (seals with SVG images, file templates, seal flows).
 *
 * Pure TypeScript, no DOM: the reference host in dev/ uses it in Node too. Same seed → same data.
 *
 * The org is held as flat arrays indexed by number (struct of arrays), which keeps 100,000 persons fast
 * to generate and to query. Names are built from a fixed character table that carries each
 * character's pinyin, so full pinyin (`zhangwei`) and initials (`zw`) are known without a pinyin
 * library.
 */

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for sample data. Returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hashes a string seed to a 32-bit number (numbers pass through). */
export function seedNumber(seed: number | string | undefined): number {
  if (seed === undefined) return 20240601;
  if (typeof seed === 'number') return seed >>> 0;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Character tables (character + pinyin without tones)
// ---------------------------------------------------------------------------------------------

interface Syl {
  c: string;
  p: string;
}
const table = (s: string): Syl[] =>
  s
    .trim()
    .split(/\s+/)
    .map((e) => {
      const [c, p] = e.split(':') as [string, string];
      return { c, p };
    });

/** Surnames, most common first (weighted towards the top of the list). Two compound surnames. */
export const SURNAMES: Syl[] = table(`
王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma 朱:zhu
胡:hu 郭:guo 何:he 高:gao 林:lin 罗:luo 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang 许:xu 韩:han 冯:feng
邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 田:tian 董:dong 袁:yuan 潘:pan 于:yu 蒋:jiang 蔡:cai 余:yu 杜:du
叶:ye 程:cheng 苏:su 魏:wei 吕:lv 丁:ding 任:ren 沈:shen 姚:yao 卢:lu 姜:jiang 崔:cui 钟:zhong 谭:tan
陆:lu 汪:wang 范:fan 金:jin 石:shi 廖:liao 贾:jia 夏:xia 韦:wei 付:fu 方:fang 白:bai 邹:zou 孟:meng
熊:xiong 秦:qin 邱:qiu 江:jiang 尹:yin 薛:xue 闫:yan 段:duan 雷:lei 侯:hou 龙:long 史:shi 陶:tao 黎:li
贺:he 顾:gu 毛:mao 郝:hao 龚:gong 邵:shao 万:wan 钱:qian 严:yan 覃:qin 武:wu 戴:dai 莫:mo 孔:kong
欧阳:ouyang 司马:sima
`);

/** Initials of each surname (欧阳 → oy). */
export const SURNAME_INITIALS: readonly string[] = SURNAMES.map((x) => x.p[0]! + surSecondInitial(x));

/** Characters used in given names. */
export const GIVEN: Syl[] = table(`
伟:wei 芳:fang 娜:na 秀:xiu 英:ying 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan
杰:jie 娟:juan 涛:tao 明:ming 超:chao 霞:xia 平:ping 刚:gang 桂:gui 华:hua 建:jian 国:guo 文:wen 辉:hui
玲:ling 鹏:peng 斌:bin 宇:yu 浩:hao 凯:kai 健:jian 俊:jun 帆:fan 帅:shuai 旭:xu 宁:ning 龙:long 林:lin
欣:xin 怡:yi 婷:ting 雪:xue 琳:lin 晨:chen 阳:yang 佳:jia 嘉:jia 子:zi 梓:zi 萱:xuan 轩:xuan 涵:han
思:si 雨:yu 博:bo 然:ran 志:zhi 红:hong 海:hai 波:bo 云:yun 峰:feng 慧:hui 颖:ying 倩:qian 鑫:xin
亮:liang 兰:lan 凤:feng 梅:mei 琴:qin 燕:yan 莉:li 飞:fei 斌:bin 彬:bin 坤:kun 晶:jing 瑶:yao 璐:lu
楠:nan 航:hang 睿:rui 泽:ze 铭:ming 昊:hao 诗:shi 语:yu 可:ke 心:xin 天:tian 一:yi 若:ruo 安:an
`);

// Unit names: "name|syllables" (space-separated pinyin per character).
const SUBCOMPANY_NAMES = [
  '总部|zong bu',
  '北京分公司|bei jing fen gong si',
  '上海分公司|shang hai fen gong si',
  '广州分公司|guang zhou fen gong si',
  '深圳分公司|shen zhen fen gong si',
  '成都分公司|cheng du fen gong si',
  '武汉分公司|wu han fen gong si',
  '西安分公司|xi an fen gong si',
  '南京分公司|nan jing fen gong si',
  '杭州分公司|hang zhou fen gong si',
  '重庆分公司|chong qing fen gong si',
  '天津分公司|tian jin fen gong si',
];

/** Level-1 departments: full name, and the short stem used to name their sub-departments. */
const DEPT_L1 = [
  '研发中心|yan fa zhong xin|研发|yan fa',
  '市场部|shi chang bu|市场|shi chang',
  '销售部|xiao shou bu|销售|xiao shou',
  '财务部|cai wu bu|财务|cai wu',
  '人力资源部|ren li zi yuan bu|人事|ren shi',
  '行政部|xing zheng bu|行政|xing zheng',
  '法务部|fa wu bu|法务|fa wu',
  '采购部|cai gou bu|采购|cai gou',
  '生产部|sheng chan bu|生产|sheng chan',
  '质量部|zhi liang bu|质量|zhi liang',
  '客服中心|ke fu zhong xin|客服|ke fu',
  '信息技术部|xin xi ji shu bu|信息|xin xi',
  '运营中心|yun ying zhong xin|运营|yun ying',
  '战略发展部|zhan lve fa zhan bu|战略|zhan lve',
  '审计部|shen ji bu|审计|shen ji',
];
const NUMERALS = '一:yi 二:er 三:san 四:si 五:wu 六:liu 七:qi 八:ba 九:jiu 十:shi'.split(' ').map((e) => {
  const [c, p] = e.split(':') as [string, string];
  return { c, p };
});
const DEPT_L3 = [
  '平台组|ping tai zu',
  '应用组|ying yong zu',
  '测试组|ce shi zu',
  '支持组|zhi chi zu',
  '综合组|zong he zu',
  '华东组|hua dong zu',
  '华南组|hua nan zu',
  '华北组|hua bei zu',
  '西南组|xi nan zu',
  '项目组|xiang mu zu',
  '数据组|shu ju zu',
  '运维组|yun wei zu',
];
const DEPT_L4 = ['一班|yi ban', '二班|er ban', '三班|san ban', '四班|si ban', '五班|wu ban', '六班|liu ban'];

const TITLES = [
  '工程师',
  '高级工程师',
  '产品经理',
  '会计',
  '出纳',
  '人事专员',
  '销售代表',
  '客户经理',
  '行政助理',
  '法务专员',
  '测试工程师',
  '运维工程师',
  '设计师',
  '项目经理',
  '采购专员',
  '专员',
  '主管',
];

/** The k-th root of n, rounded, with exact arithmetic only (Math.pow may differ across engines). */
function intRoot(n: number, k: number): number {
  let r = 1;
  const pow = (x: number) => {
    let v = 1;
    for (let i = 0; i < k; i++) v *= x;
    return v;
  };
  while (pow(r + 0.5) <= n) r++;
  return r;
}

/** 一, 二, … 十, 十一 … 九十九 with pinyin syllables. */
function numeral(n: number): { c: string; s: string[] } {
  const d = (k: number) => NUMERALS[k - 1]!;
  if (n <= 10) return { c: d(n).c, s: [d(n).p] };
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const c: string[] = [];
  const s: string[] = [];
  if (tens > 1) {
    c.push(d(tens).c);
    s.push(d(tens).p);
  }
  c.push('十');
  s.push('shi');
  if (ones) {
    c.push(d(ones).c);
    s.push(d(ones).p);
  }
  return { c: c.join(''), s };
}

// ---------------------------------------------------------------------------------------------
// Org
// ---------------------------------------------------------------------------------------------

export const UNIT_SUBCOMPANY = 0;
export const UNIT_DEPARTMENT = 1;
export const STATUS_ACTIVE = 0;
export const STATUS_RESIGNED = 1;
export const STATUS_INVALID = 2;

/** ID ranges: 分部 `101…`, 部门 `200001…`, 人员 `10000001…` (numeric strings, like an OA's). */
export const SUBCOMPANY_ID_BASE = 100;
export const DEPARTMENT_ID_BASE = 200000;
export const PERSON_ID_BASE = 10000000;
/** 工号 = 100001 + person index. */
export const EMPLOYEE_NO_BASE = 100001;

export interface OrgSize {
  persons: number;
  departments: number;
  subcompanies: number;
}

export const ORG_SIZES: Record<'small' | 'large' | 'huge', OrgSize> = {
  small: { persons: 200, departments: 20, subcompanies: 3 },
  large: { persons: 100_000, departments: 5_000, subcompanies: 8 },
  /** 300,000 persons: the scale of issue #16 (data ≤ 30 MB, a search ≤ 30 ms). */
  huge: { persons: 300_000, departments: 15_000, subcompanies: 12 },
};

/** Job titles: a department's head (总监 at level 1, else 部门经理), then the others. */
export const PERSON_TITLES: readonly string[] = ['总监', '部门经理', ...TITLES];
/** `personGiven2` of a person whose given name has one character. */
export const NO_GIVEN = 255;

/**
 * The generated org. Units (分部 and 部门) share one index space; persons have their own. Arrays are
 * indexed by unit or person index; IDs are derived from indexes (see the ID bases).
 */
export interface OrgData {
  size: OrgSize;
  // units
  unitCount: number;
  subcompanyCount: number;
  unitType: Uint8Array;
  unitName: string[];
  /** Full pinyin without spaces, lower case. */
  unitPinyin: string[];
  unitInitials: string[];
  /** Parent unit index, -1 for a root 分部. */
  unitParent: Int32Array;
  unitDepth: Uint8Array;
  unitChildren: number[][];
  /** Persons listed under each department: main members first, then part-time members. */
  unitMembers: number[][];
  /** Active persons listed under each department (same order). */
  unitActiveMembers: number[][];
  /** Active persons in the whole subtree, part-time counted once. */
  unitHeadCount: Int32Array;
  /** Root 分部 indexes, in order. */
  roots: number[];
  // persons: a name is three table indexes, so 300,000 persons hold no string of their own (see nameOf, pinyinOf,
  // initialsOf, loginOf, titleOf, which write one when asked)
  personCount: number;
  /** SURNAMES index. */
  personSurname: Uint8Array;
  /** GIVEN index of the given name's first character. */
  personGiven1: Uint8Array;
  /** GIVEN index of the second character, NO_GIVEN when the given name has one. */
  personGiven2: Uint8Array;
  /** The number after a login whose pinyin an earlier person has (`zhangwei2` → 2); 0 for the first. */
  personLoginNo: Uint32Array;
  /** PERSON_TITLES index. */
  personTitleIndex: Uint8Array;
  /** Every person's name, as an array: written on first access (tests, tools); the org model uses `nameOf`. */
  readonly personName: readonly string[];
  /** Full pinyin without spaces, lower case (as an array on first access; see `pinyinOf`). */
  readonly personPinyin: readonly string[];
  /** Initials (as an array on first access; see `initialsOf`). */
  readonly personInitials: readonly string[];
  /** Login accounts (as an array on first access; see `loginOf`). */
  readonly personLogin: readonly string[];
  /** Job titles (as an array on first access; see `titleOf`). */
  readonly personTitle: readonly string[];
  personStatus: Uint8Array;
  personMainDept: Int32Array;
  /** Second (part-time) department, -1 when none. */
  personExtraDept: Int32Array;
  // notable records (for tests and stories)
  currentUser: number;
  /** Person indexes named 张伟 (at least two, in different departments). */
  duplicateNamePersons: number[];
  /** The department with the most direct persons (2,000 at the large size). */
  largestDepartment: number;
  /** A department with no persons and no sub-units. -1 when the org is too small. */
  emptyDepartment: number;
}

const givenOf = (org: OrgData, p: number) => org.personGiven2[p]!;
/** Person `p`'s name (张伟). */
export function nameOf(org: OrgData, p: number): string {
  const g2 = givenOf(org, p);
  return (
    SURNAMES[org.personSurname[p]!]!.c +
    GIVEN[org.personGiven1[p]!]!.c +
    (g2 === NO_GIVEN ? '' : GIVEN[g2]!.c)
  );
}
/** Person `p`'s full pinyin without spaces (zhangwei). */
export function pinyinOf(org: OrgData, p: number): string {
  const g2 = givenOf(org, p);
  return (
    SURNAMES[org.personSurname[p]!]!.p +
    GIVEN[org.personGiven1[p]!]!.p +
    (g2 === NO_GIVEN ? '' : GIVEN[g2]!.p)
  );
}
/** Person `p`'s initials (zw; 欧阳 gives oy). */
export function initialsOf(org: OrgData, p: number): string {
  const sur = SURNAMES[org.personSurname[p]!]!;
  const g2 = givenOf(org, p);
  return (
    sur.p[0]! +
    surSecondInitial(sur) +
    GIVEN[org.personGiven1[p]!]!.p[0]! +
    (g2 === NO_GIVEN ? '' : GIVEN[g2]!.p[0]!)
  );
}
/** Person `p`'s login: the pinyin, with a number when an earlier person's pinyin is the same (zhangwei2). */
export function loginOf(org: OrgData, p: number): string {
  const n = org.personLoginNo[p]!;
  return n ? pinyinOf(org, p) + n : pinyinOf(org, p);
}
export const titleOf = (org: OrgData, p: number): string => PERSON_TITLES[org.personTitleIndex[p]!]!;

export const subcompanyId = (i: number) => String(SUBCOMPANY_ID_BASE + 1 + i);
export const departmentId = (unit: number, subcompanyCount: number) =>
  String(DEPARTMENT_ID_BASE + 1 + unit - subcompanyCount);
export const personId = (i: number) => String(PERSON_ID_BASE + 1 + i);
export const employeeNo = (i: number) => String(EMPLOYEE_NO_BASE + i);

/** Unit index of an ID, or -1. */
export function unitIndexOf(data: OrgData, type: 'subcompany' | 'department', id: string): number {
  if (!/^\d{1,9}$/.test(id)) return -1;
  const n = Number(id);
  if (type === 'subcompany') {
    const i = n - SUBCOMPANY_ID_BASE - 1;
    return i >= 0 && i < data.subcompanyCount && String(n) === id ? i : -1;
  }
  const i = n - DEPARTMENT_ID_BASE - 1 + data.subcompanyCount;
  return i >= data.subcompanyCount && i < data.unitCount && String(n) === id ? i : -1;
}

export function personIndexOf(data: OrgData, id: string): number {
  if (!/^\d{1,9}$/.test(id)) return -1;
  const i = Number(id) - PERSON_ID_BASE - 1;
  return i >= 0 && i < data.personCount && String(Number(id)) === id ? i : -1;
}

export const unitId = (data: OrgData, u: number) =>
  data.unitType[u] === UNIT_SUBCOMPANY ? subcompanyId(u) : departmentId(u, data.subcompanyCount);

const splitName = (e: string) => {
  const [name, syl, stem, stemSyl] = e.split('|') as [string, string, string?, string?];
  return { name, syl: syl.split(' '), stem: stem ?? name, stemSyl: (stemSyl ?? syl).split(' ') };
};

export function generateOrg(seed: number, size: OrgSize): OrgData {
  const rnd = createRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const S = Math.max(1, Math.floor(size.subcompanies));
  const D = Math.max(S, Math.floor(size.departments));
  const P = Math.max(4, Math.floor(size.persons));

  // ---- units ----
  const unitCap = S + D;
  const unitType = new Uint8Array(unitCap);
  const unitName: string[] = [];
  const unitPinyin: string[] = [];
  const unitInitials: string[] = [];
  const unitParent = new Int32Array(unitCap).fill(-1);
  const unitDepth = new Uint8Array(unitCap);
  const unitChildren: number[][] = [];
  let unitCount = 0;
  const stems: { stem: string; stemSyl: string[] }[] = [];

  const addUnit = (type: number, name: string, syl: string[], parent: number, depth: number) => {
    const u = unitCount++;
    unitType[u] = type;
    unitName[u] = name;
    unitPinyin[u] = syl.join('');
    unitInitials[u] = syl.map((s) => s[0]).join('');
    unitParent[u] = parent;
    unitDepth[u] = depth;
    unitChildren[u] = [];
    if (parent >= 0) unitChildren[parent]!.push(u);
    return u;
  };

  const roots: number[] = [];
  for (let s = 0; s < S; s++) {
    const e = SUBCOMPANY_NAMES[s];
    if (e) {
      const n = splitName(e);
      roots.push(addUnit(UNIT_SUBCOMPANY, n.name, n.syl, -1, 0));
    } else {
      const num = numeral(s + 1);
      roots.push(addUnit(UNIT_SUBCOMPANY, `第${num.c}分部`, ['di', ...num.s, 'fen', 'bu'], -1, 0));
    }
    stems[roots[s]!] = { stem: '', stemSyl: [] };
  }

  // Departments: each 分部 gets an equal share of the budget, spread over up to four levels.
  const nameChild = (parent: number, depth: number, k: number): { name: string; syl: string[] } => {
    if (depth === 1) {
      const e = splitName(DEPT_L1[k % DEPT_L1.length]!);
      const round = Math.floor(k / DEPT_L1.length);
      if (round === 0) return { name: e.name, syl: e.syl };
      const num = numeral(round + 1);
      return { name: `${e.name}${num.c}`, syl: [...e.syl, ...num.s] };
    }
    if (depth === 2) {
      const st = stems[parent]!;
      const num = numeral(k + 1);
      return { name: `${st.stem}${num.c}部`, syl: [...st.stemSyl, ...num.s, 'bu'] };
    }
    const list = depth === 3 ? DEPT_L3 : DEPT_L4;
    const e = splitName(list[k % list.length]!);
    const round = Math.floor(k / list.length);
    if (round === 0) return { name: e.name, syl: e.syl };
    const num = numeral(round + 1);
    return { name: `${e.name}${num.c}`, syl: [...e.syl, ...num.s] };
  };

  const build = (parent: number, depth: number, budget: number) => {
    if (budget <= 0) return;
    const c = depth >= 4 ? budget : Math.min(budget, Math.max(2, intRoot(budget, 5 - depth)));
    let rest = budget - c;
    const kids: number[] = [];
    for (let k = 0; k < c; k++) {
      const n = nameChild(parent, depth, k);
      const u = addUnit(UNIT_DEPARTMENT, n.name, n.syl, parent, depth);
      if (depth === 1) {
        const e = splitName(DEPT_L1[k % DEPT_L1.length]!);
        stems[u] = { stem: e.stem, stemSyl: e.stemSyl };
      }
      kids.push(u);
    }
    if (depth >= 4) return;
    for (let k = 0; k < kids.length; k++) {
      // uneven split: some units get more sub-units than others
      const share =
        k === kids.length - 1 ? rest : Math.min(rest, Math.round((rest / (kids.length - k)) * (0.5 + rnd())));
      rest -= share;
      build(kids[k]!, depth + 1, share);
    }
  };
  let deptBudget = D;
  for (let s = 0; s < S; s++) {
    const share = s === S - 1 ? deptBudget : Math.round(D / S);
    deptBudget -= share;
    build(roots[s]!, 1, share);
  }
  const deptStart = S;
  const deptCount = unitCount - S;

  // ---- persons per department ----
  const perDept = new Int32Array(unitCount);
  // the largest department: a level-2 department (or the first department) with 2,000 persons at scale
  let largest = -1;
  for (let u = deptStart; u < unitCount; u++) {
    if (unitDepth[u] === 2) {
      largest = u;
      break;
    }
  }
  if (largest < 0) largest = deptStart;
  // the empty department: the last leaf department (when there are enough departments)
  let empty = -1;
  if (deptCount >= 6) {
    for (let u = unitCount - 1; u >= deptStart; u--) {
      if (unitChildren[u]!.length === 0 && u !== largest) {
        empty = u;
        break;
      }
    }
  }
  const bigShare = P >= 20_000 ? 2_000 : Math.max(1, Math.round(P / deptCount) * 3);
  perDept[largest] = Math.min(bigShare, P);
  let remaining = P - perDept[largest]!;
  const weights = new Float64Array(unitCount);
  let wSum = 0;
  for (let u = deptStart; u < unitCount; u++) {
    if (u === largest || u === empty) continue;
    const w = 0.3 + rnd() * 1.4;
    weights[u] = w;
    wSum += w;
  }
  let acc = 0;
  let given = 0;
  for (let u = deptStart; u < unitCount; u++) {
    if (weights[u] === 0) continue;
    acc += weights[u]!;
    const target = Math.round((acc / wSum) * remaining);
    perDept[u] = target - given;
    given = target;
  }
  remaining -= given;
  if (remaining > 0) perDept[largest] = perDept[largest]! + remaining;

  // ---- persons ----
  const personSurname = new Uint8Array(P);
  const personGiven1 = new Uint8Array(P);
  const personGiven2 = new Uint8Array(P).fill(NO_GIVEN);
  const personLoginNo = new Uint32Array(P);
  const personTitleIndex = new Uint8Array(P);
  const personStatus = new Uint8Array(P);
  const personMainDept = new Int32Array(P);
  const personExtraDept = new Int32Array(P).fill(-1);
  const unitMembers: number[][] = [];
  for (let u = 0; u < unitCount; u++) unitMembers[u] = [];
  const nS = SURNAMES.length;
  const nG = GIVEN.length;

  let p = 0;
  for (let u = deptStart; u < unitCount; u++) {
    const n = perDept[u]!;
    const members = unitMembers[u]!;
    for (let k = 0; k < n; k++, p++) {
      // surnames: skewed towards the common ones
      const r = rnd();
      const si = Math.floor(r * r * nS);
      personSurname[p] = si;
      personGiven1[p] = int(nG);
      if (rnd() < 0.62) personGiven2[p] = int(nG);
      personMainDept[p] = u;
      personTitleIndex[p] = k === 0 ? (unitDepth[u] === 1 ? 0 : 1) : 2 + int(TITLES.length);
      const s = rnd();
      personStatus[p] = s < 0.01 ? STATUS_RESIGNED : s < 0.015 ? STATUS_INVALID : STATUS_ACTIVE;
      if (k === 0) personStatus[p] = STATUS_ACTIVE;
      members.push(p);
    }
  }

  // Two 张伟 in different departments, always (small orgs included).
  const ZHANG = SURNAMES.findIndex((x) => x.c === '张');
  const WEI = GIVEN.findIndex((x) => x.c === '伟');
  const isZhangWei = (i: number) =>
    personSurname[i] === ZHANG && personGiven1[i] === WEI && personGiven2[i] === NO_GIVEN;
  const dup: number[] = [];
  {
    const a = p > 3 ? 2 : 0;
    let b = -1;
    for (let i = P - 2; i > a; i--) {
      if (personMainDept[i] !== personMainDept[a]) {
        b = i;
        break;
      }
    }
    for (const i of [a, b]) {
      if (i < 0) continue;
      personSurname[i] = ZHANG;
      personGiven1[i] = WEI;
      personGiven2[i] = NO_GIVEN;
      personStatus[i] = STATUS_ACTIVE;
    }
    for (let i = 0; i < P; i++) if (isZhangWei(i)) dup.push(i);
  }

  // login accounts: pinyin, plus a number for repeats (zhangwei, zhangwei2, …). Counted by pinyin string, as
  // different syllables can spell the same (li+nan, lin+an); the strings are dropped once counted.
  {
    const loginCounter = new Map<string, number>();
    const sp = SURNAMES.map((x) => x.p);
    const gp = GIVEN.map((x) => x.p);
    for (let i = 0; i < P; i++) {
      const g2 = personGiven2[i]!;
      const key = sp[personSurname[i]!]! + gp[personGiven1[i]!]! + (g2 === NO_GIVEN ? '' : gp[g2]!);
      const c = (loginCounter.get(key) ?? 0) + 1;
      loginCounter.set(key, c);
      if (c > 1) personLoginNo[i] = c;
    }
  }

  // part-time: ~1% have a second department (at least two when possible)
  if (deptCount > 1) {
    const want = Math.max(2, Math.round(P * 0.01));
    let placed = 0;
    for (let tries = 0; placed < want && tries < want * 4; tries++) {
      const i = tries < 2 ? (tries === 0 ? 1 : P - 1) : int(P);
      if (personExtraDept[i] !== -1 || personStatus[i] !== STATUS_ACTIVE) continue;
      let d = deptStart + int(deptCount);
      if (d === personMainDept[i] || d === empty) d = d + 1 < unitCount ? d + 1 : deptStart;
      if (d === personMainDept[i] || d === empty) continue;
      personExtraDept[i] = d;
      placed++;
    }
    for (let i = 0; i < P; i++) {
      const d = personExtraDept[i]!;
      if (d >= 0) unitMembers[d]!.push(i);
    }
  }
  // at least one resigned and one invalid person, whatever the size
  if (!personStatus.includes(STATUS_RESIGNED)) personStatus[findPlain(P - 3)] = STATUS_RESIGNED;
  if (!personStatus.includes(STATUS_INVALID)) personStatus[findPlain(P - 4)] = STATUS_INVALID;
  function findPlain(from: number): number {
    for (let i = from; i > 0; i--) {
      if (
        personStatus[i] === STATUS_ACTIVE &&
        personExtraDept[i] === -1 &&
        !isZhangWei(i) &&
        unitMembers[personMainDept[i]!]![0] !== i
      )
        return i;
    }
    return Math.max(0, from);
  }

  // ---- indexes: active members, head counts ----
  const unitActiveMembers: number[][] = [];
  for (let u = 0; u < unitCount; u++) {
    unitActiveMembers[u] = unitMembers[u]!.filter((i) => personStatus[i] === STATUS_ACTIVE);
  }
  const unitHeadCount = new Int32Array(unitCount);
  const stamp = new Int32Array(unitCount).fill(-1);
  for (let i = 0; i < P; i++) {
    if (personStatus[i] !== STATUS_ACTIVE) continue;
    for (let u = personMainDept[i]!; u >= 0; u = unitParent[u]!) {
      unitHeadCount[u]!++;
      stamp[u] = i;
    }
    const x = personExtraDept[i]!;
    if (x >= 0) for (let u = x; u >= 0; u = unitParent[u]!) if (stamp[u] !== i) unitHeadCount[u]!++;
  }

  // ---- the current user: head of the first level-1 department that has sub-departments ----
  let userDept = -1;
  for (let u = deptStart; u < unitCount; u++) {
    if (unitDepth[u] === 1 && unitChildren[u]!.length > 0 && unitMembers[u]!.length > 1) {
      userDept = u;
      break;
    }
  }
  if (userDept < 0) userDept = personMainDept[0]!;
  const currentUser = unitMembers[userDept]![0] ?? 0;

  const data: OrgData = {
    size: { persons: P, departments: deptCount, subcompanies: S },
    unitCount,
    subcompanyCount: S,
    unitType: unitType.subarray(0, unitCount),
    unitName,
    unitPinyin,
    unitInitials,
    unitParent: unitParent.subarray(0, unitCount),
    unitDepth: unitDepth.subarray(0, unitCount),
    unitChildren,
    unitMembers,
    unitActiveMembers,
    unitHeadCount,
    roots,
    personCount: P,
    personSurname,
    personGiven1,
    personGiven2,
    personLoginNo,
    personTitleIndex,
    get personName() {
      return asArray('personName', nameOf);
    },
    get personPinyin() {
      return asArray('personPinyin', pinyinOf);
    },
    get personInitials() {
      return asArray('personInitials', initialsOf);
    },
    get personLogin() {
      return asArray('personLogin', loginOf);
    },
    get personTitle() {
      return asArray('personTitle', titleOf);
    },
    personStatus,
    personMainDept,
    personExtraDept,
    currentUser,
    duplicateNamePersons: dup,
    largestDepartment: largest,
    emptyDepartment: empty,
  };
  const arrays = new Map<string, readonly string[]>();
  function asArray(key: string, of: (org: OrgData, p: number) => string): readonly string[] {
    let a = arrays.get(key);
    if (!a) {
      const out = new Array<string>(P);
      for (let i = 0; i < P; i++) out[i] = of(data, i);
      arrays.set(key, (a = Object.freeze(out)));
    }
    return a;
  }
  return data;
}

/** Second syllable initial of a compound surname (欧阳 → y, 司马 → m). */
function surSecondInitial(sur: Syl): string {
  return sur.c === '欧阳' ? 'y' : sur.c === '司马' ? 'm' : '';
}

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

export type ResourceKindName =
  'electronic-seal' | 'physical-seal' | 'file-template' | 'electronic-seal-flow' | 'physical-seal-flow';

export const RESOURCE_KINDS: ResourceKindName[] = [
  'electronic-seal',
  'physical-seal',
  'file-template',
  'electronic-seal-flow',
  'physical-seal-flow',
];

export interface GeneratedCompany {
  id: string;
  name: string;
  short: string;
}

export const COMPANIES: GeneratedCompany[] = [
  { id: '2853171010100000001', name: '华信科技股份有限公司', short: '华信科技' },
  { id: '2853171010100000002', name: '华信（北京）数据服务有限公司', short: '华信数据' },
  { id: '2853171010100000003', name: '上海云岭智能制造有限公司', short: '云岭制造' },
  { id: '2853171010100000004', name: '深圳前湾供应链管理有限公司', short: '前湾供应链' },
  { id: '2853171010100000005', name: '成都锦程软件有限公司', short: '锦程软件' },
  { id: '2853171010100000006', name: '杭州青禾商贸有限公司', short: '青禾商贸' },
];

export const SEAL_TYPES = ['公章', '合同专用章', '财务专用章', '人事专用章', '法定代表人章', '业务专用章'];
const TEMPLATE_NAMES = [
  '劳动合同',
  '保密协议',
  '采购合同',
  '销售合同',
  '房屋租赁合同',
  '技术服务协议',
  '框架合作协议',
  '授权委托书',
  '入职通知书',
  '离职证明',
  '竞业限制协议',
  '借款合同',
  '报价单',
  '验收单',
  '付款申请单',
  '实习协议',
  '代理协议',
  '软件许可协议',
];
const TEMPLATE_CATEGORIES = ['人事', '采购', '销售', '行政', '法务', '财务'];
const FLOW_NAMES = [
  '合同用印',
  '人事用印',
  '财务用印',
  '对外公函用印',
  '资质文件用印',
  '招投标用印',
  '证明材料用印',
  '授权书用印',
];
const FLOW_CATEGORIES = ['合同类', '人事类', '财务类', '行政类'];

export interface GeneratedResource {
  id: string;
  kind: ResourceKindName;
  name: string;
  company?: string;
  companyId?: string;
  category?: string;
  status: 'enabled' | 'disabled';
  /** Seals: key into the image cache (`company|sealType|physical`). */
  sealType?: string;
  updatedAt: string;
}

/** Default number of resources per kind. */
export const DEFAULT_RESOURCE_COUNTS: Record<ResourceKindName, number> = {
  'electronic-seal': 12,
  'physical-seal': 8,
  'file-template': 24,
  'electronic-seal-flow': 8,
  'physical-seal-flow': 6,
};

/** 19-digit Qiyuesuo-style ID: `28` + kind digit + 16-digit sequence. */
export const resourceId = (kindIndex: number, n: number) =>
  `28${kindIndex + 5}${String(n).padStart(16, '0')}`;

const BASE_TIME = Date.UTC(2026, 9, 31, 8, 0, 0);

/**
 * The provider's resources per kind. `count` per kind (a number applies to every kind). Generation
 * is deterministic; names repeat with a sequence suffix once the tables run out.
 */
export function generateResources(
  seed: number,
  count?: number | Partial<Record<ResourceKindName, number>>,
  /** Added to every ID's sequence number, so two data sets never share an ID. */
  idOffset = 0,
): Record<ResourceKindName, GeneratedResource[]> {
  const rnd = createRandom(seed ^ 0x5eed);
  const out = {} as Record<ResourceKindName, GeneratedResource[]>;
  RESOURCE_KINDS.forEach((kind, ki) => {
    const n = typeof count === 'number' ? count : (count?.[kind] ?? DEFAULT_RESOURCE_COUNTS[kind]);
    const list: GeneratedResource[] = [];
    for (let i = 0; i < n; i++) {
      const company = COMPANIES[i % COMPANIES.length]!;
      const updatedAt = new Date(BASE_TIME - Math.floor(rnd() * 400 * 86_400_000)).toISOString();
      const status: 'enabled' | 'disabled' = rnd() < 0.08 ? 'disabled' : 'enabled';
      const id = resourceId(ki, idOffset + i + 1);
      if (kind === 'electronic-seal' || kind === 'physical-seal') {
        const round = Math.floor(i / COMPANIES.length);
        const sealType = SEAL_TYPES[round % SEAL_TYPES.length]!;
        const seq = Math.floor(round / SEAL_TYPES.length);
        const name = `${company.short}${sealType}${seq ? `（${seq + 1}）` : ''}`;
        list.push({
          id,
          kind,
          name,
          company: company.name,
          companyId: company.id,
          sealType,
          status,
          updatedAt,
        });
      } else if (kind === 'file-template') {
        const base = TEMPLATE_NAMES[i % TEMPLATE_NAMES.length]!;
        const seq = Math.floor(i / TEMPLATE_NAMES.length);
        list.push({
          id,
          kind,
          name: seq ? `${base}（${2020 + (seq % 7)}版 ${seq}）` : base,
          category: TEMPLATE_CATEGORIES[(i * 7 + seq) % TEMPLATE_CATEGORIES.length],
          company: company.name,
          companyId: company.id,
          status,
          updatedAt,
        });
      } else {
        const base = FLOW_NAMES[i % FLOW_NAMES.length]!;
        const seq = Math.floor(i / FLOW_NAMES.length);
        const suffix = kind === 'physical-seal-flow' ? '（物理）' : '';
        list.push({
          id,
          kind,
          name: `${company.short}${base}${suffix}${seq ? ` ${seq + 1}` : ''}`,
          category: FLOW_CATEGORIES[i % FLOW_CATEGORIES.length],
          company: company.name,
          companyId: company.id,
          status,
          updatedAt,
        });
      }
    }
    out[kind] = list;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Seal images
// ---------------------------------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function starPoints(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let k = 0; k < 10; k++) {
    const rr = k % 2 === 0 ? r : r * 0.382;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    pts.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return pts.join(' ');
}
const STAR = starPoints(100, 100, 26);

/**
 * A round red stamp: the company name around the upper arc, a star in the middle, the seal type
 * below. Physical seals get a double ring. Returned as SVG text.
 */
export function sealSvg(company: string, sealType: string, physical = false): string {
  const color = '#d0141c';
  const chars = [...company].length;
  const size = chars > 14 ? 15 : chars > 10 ? 17 : 19;
  // spread the name over most of the upper arc (r 68, ~236°: ~280 units), whatever the font
  const spread = Math.min(252, Math.round(chars * size * 1.5));
  const rings = physical
    ? `<circle cx="100" cy="100" r="94" fill="none" stroke="${color}" stroke-width="3"/><circle cx="100" cy="100" r="87" fill="none" stroke="${color}" stroke-width="2"/>`
    : `<circle cx="100" cy="100" r="92" fill="none" stroke="${color}" stroke-width="6"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200" role="img" aria-label="${esc(company)} ${esc(sealType)}">` +
    `<defs><path id="arc" d="M 38 132 A 68 68 0 1 1 162 132"/></defs>` +
    rings +
    `<text fill="${color}" font-size="${size}" font-family="SimSun, 'Songti SC', serif" font-weight="bold"><textPath href="#arc" startOffset="50%" text-anchor="middle" textLength="${spread}" lengthAdjust="spacing">${esc(company)}</textPath></text>` +
    `<polygon points="${STAR}" fill="${color}"/>` +
    `<text x="100" y="158" fill="${color}" font-size="16" font-family="SimSun, 'Songti SC', serif" text-anchor="middle">${esc(sealType)}</text>` +
    `</svg>`
  );
}

const imageCache = new Map<string, string>();

/** `data:image/svg+xml` URL of a seal image (cached: one per company, type and kind). */
export function sealImageUrl(company: string, sealType: string, physical = false): string {
  const key = `${company}|${sealType}|${physical ? 1 : 0}`;
  let url = imageCache.get(key);
  if (!url) {
    url = `data:image/svg+xml,${encodeURIComponent(sealSvg(company, sealType, physical))}`;
    imageCache.set(key, url);
  }
  return url;
}
