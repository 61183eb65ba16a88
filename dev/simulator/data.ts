/**
 * Deterministic sample data of the simulated Qiyuesuo deployment: companies, seals (electronic and
 * physical; images are drawn on request, png.ts), file templates, business categories (用印流程),
 * contracts and users. IDs are 19-digit integers carried as strings. The open API (openapi.ts) turns
 * these records into the real API's shapes.
 */
import { SIMULATOR_TEST_USER, type SimulatorUser } from './defaults.js';

export type SealKind = 'ELECTRONIC' | 'PHYSICAL';
export type ItemStatus = 'NORMAL' | 'DISABLED';

export interface Company {
  id: string;
  name: string;
  /** The platform's own company is CORPORATE, the others INNER_COMPANY (内部企业). */
  tenantType: 'CORPORATE' | 'INNER_COMPANY';
}

export interface Seal {
  id: string;
  name: string;
  category: SealKind;
  companyId: string;
  companyName: string;
  sealType: string;
  status: ItemStatus;
  createTime: string;
  updateTime: string;
}

export interface Template {
  id: string;
  name: string;
  categoryName: string;
  companyName: string;
  status: ItemStatus;
  updateTime: string;
}

export interface Category {
  id: string;
  name: string;
  type: SealKind;
  companyName: string;
  status: ItemStatus;
  updateTime: string;
}

/** Real-service contract states; `toContractStatus` maps them to the host contract's states. */
export type ContractState = 'DRAFT' | 'SIGNING' | 'COMPLETE' | 'REJECTED' | 'EXPIRED' | 'RECALLED';

export interface Contract {
  id: string;
  subject: string;
  companyName: string;
  status: ContractState;
  createTime: string;
  updateTime: string;
  /** Who acted last (the SSO user), when someone did. */
  operator?: string;
  rejectReason?: string;
  categoryId?: string;
  categoryName?: string;
}

export interface Dataset {
  companies: Company[];
  seals: Seal[];
  templates: Template[];
  categories: Category[];
  contracts: Contract[];
  /** Persons known to the platform, matched by mobile (SSO, signing URLs). */
  users: SimulatorUser[];
  /** Next serial for new IDs (mutations). */
  serial: number;
  /** Logical clock for `updateTime`. */
  clock: number;
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_BASE = 2_961_458_800_000_000_000n;

/** A 19-digit ID: `kind` separates the ranges so IDs never collide across kinds. */
export function makeId(kind: number, serial: number): string {
  return (ID_BASE + BigInt(kind) * 10_000_000_000n + BigInt(serial) * 7_919n).toString();
}

const KIND = { company: 1, seal: 2, template: 3, category: 4, contract: 5 } as const;

const COMPANY_NAMES = [
  '上海泛微网络科技股份有限公司',
  '泛微华东信息技术有限公司',
  '泛微华南软件服务有限公司',
  '北京泛微协同科技有限公司',
];

const SEAL_TYPES: Array<[string, string]> = [
  ['COMMON', '公章'],
  ['CONTRACT', '合同专用章'],
  ['FINANCE', '财务专用章'],
  ['LEGAL', '法定代表人章'],
  ['HR', '人事专用章'],
  ['INVOICE', '发票专用章'],
];

const TEMPLATE_NAMES = [
  '劳动合同',
  '采购合同',
  '销售合同',
  '保密协议',
  '框架协议',
  '租赁合同',
  '服务协议',
  '授权委托书',
  '入职通知书',
  '离职证明',
  '收入证明',
  '竞业限制协议',
];

const CATEGORY_NAMES = [
  '合同用印',
  '人事用印',
  '财务用印',
  '法务用印',
  '行政用印',
  '采购用印',
  '销售用印',
  '证明类用印',
];

const CONTRACT_SUBJECTS = [
  '2026 年度办公设备采购合同',
  '技术服务框架协议（续签）',
  '员工劳动合同 — 张伟',
  '办公场地租赁合同',
  '软件许可及维护协议',
  '保密协议 — 合作伙伴',
];

/** Fixed start of the logical clock, so sample data is the same on every run. */
const EPOCH = Date.UTC(2026, 0, 5, 1, 30, 0);

export function timeAt(clock: number): string {
  return new Date(EPOCH + clock * 60_000).toISOString();
}

export interface DatasetSize {
  electronicSeals?: number;
  physicalSeals?: number;
  templates?: number;
  electronicCategories?: number;
  physicalCategories?: number;
}

export function createDataset(seed = 9181, size: DatasetSize = {}): Dataset {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const companies: Company[] = COMPANY_NAMES.map((name, i) => ({
    id: makeId(KIND.company, i + 1),
    name,
    tenantType: i === 0 ? 'CORPORATE' : 'INNER_COMPANY',
  }));
  let clock = 0;
  const seals: Seal[] = [];
  const addSeals = (kind: SealKind, count: number) => {
    for (let i = 0; i < count; i++) {
      const company = companies[i % companies.length] as Company;
      const [sealType, typeName] = SEAL_TYPES[Math.floor(i / companies.length) % SEAL_TYPES.length] as [
        string,
        string,
      ];
      const round = Math.floor(i / (companies.length * SEAL_TYPES.length));
      const name = `${company.name.replace(/(股份)?有限公司$/, '')}${typeName}${round ? `（${round + 1}）` : ''}`;
      seals.push({
        id: makeId(KIND.seal, seals.length + 1),
        name,
        category: kind,
        companyId: company.id,
        companyName: company.name,
        sealType,
        status: rnd() < 0.1 ? 'DISABLED' : 'NORMAL',
        createTime: timeAt(clock),
        updateTime: timeAt(clock++),
      });
    }
  };
  addSeals('ELECTRONIC', size.electronicSeals ?? 36);
  addSeals('PHYSICAL', size.physicalSeals ?? 14);

  const categories: Category[] = [];
  const addCategories = (type: SealKind, count: number) => {
    for (let i = 0; i < count; i++) {
      const base = CATEGORY_NAMES[i % CATEGORY_NAMES.length] as string;
      const round = Math.floor(i / CATEGORY_NAMES.length);
      categories.push({
        id: makeId(KIND.category, categories.length + 1),
        name: `${type === 'ELECTRONIC' ? '电子' : '物理'}${base}${round ? `（${round + 1}）` : ''}`,
        type,
        companyName: pick(COMPANY_NAMES),
        status: rnd() < 0.1 ? 'DISABLED' : 'NORMAL',
        updateTime: timeAt(clock++),
      });
    }
  };
  addCategories('ELECTRONIC', size.electronicCategories ?? 12);
  addCategories('PHYSICAL', size.physicalCategories ?? 6);

  const templates: Template[] = [];
  const templateCount = size.templates ?? 40;
  for (let i = 0; i < templateCount; i++) {
    const base = TEMPLATE_NAMES[i % TEMPLATE_NAMES.length] as string;
    const round = Math.floor(i / TEMPLATE_NAMES.length);
    templates.push({
      id: makeId(KIND.template, i + 1),
      name: `${base}${round ? `（${round + 1}）` : ''}`,
      categoryName: (categories[i % Math.max(1, categories.length)] ?? { name: '合同用印' }).name,
      companyName: pick(COMPANY_NAMES),
      status: rnd() < 0.08 ? 'DISABLED' : 'NORMAL',
      updateTime: timeAt(clock++),
    });
  }

  const contracts: Contract[] = CONTRACT_SUBJECTS.map((subject, i) => ({
    id: makeId(KIND.contract, i + 1),
    subject,
    companyName: COMPANY_NAMES[i % COMPANY_NAMES.length] as string,
    status: 'SIGNING' as const,
    createTime: timeAt(clock),
    updateTime: timeAt(clock++),
    ...(categories[i] ? { categoryId: categories[i].id, categoryName: categories[i].name } : {}),
  }));

  const users: SimulatorUser[] = [
    { ...SIMULATOR_TEST_USER },
    { mobile: '13900000001', name: '张伟' },
    { mobile: '13900000002', name: '王芳' },
  ];
  return { companies, seals, templates, categories, contracts, users, serial: 1000, clock };
}

export function newContract(data: Dataset, id?: string, subject?: string): Contract {
  const serial = data.serial++;
  const t = timeAt(data.clock++);
  return {
    id: id ?? makeId(KIND.contract, serial),
    subject: subject ?? `示例合同 ${serial}`,
    companyName: COMPANY_NAMES[serial % COMPANY_NAMES.length] as string,
    status: 'SIGNING',
    createTime: t,
    updateTime: t,
  };
}

export type ResourceName = 'seal' | 'template' | 'category';

export interface Mutation {
  op: 'add' | 'update' | 'remove';
  resource: ResourceName;
  /** For seals and categories: which kind (default ELECTRONIC). */
  type?: SealKind;
  /** For update/remove; default: the first item of that kind. */
  id?: string;
  /** Fields to set (add/update): name, status, … */
  fields?: Record<string, unknown>;
}

type AnyItem = Seal | Template | Category;

function listOf(data: Dataset, resource: ResourceName): AnyItem[] {
  return resource === 'seal' ? data.seals : resource === 'template' ? data.templates : data.categories;
}

function kindOf(item: AnyItem): SealKind | undefined {
  return 'category' in item ? item.category : 'type' in item ? item.type : undefined;
}

/** Applies one change; answers the item (added, updated or removed) or `undefined` when none matched. */
export function mutate(data: Dataset, m: Mutation): AnyItem | undefined {
  const list = listOf(data, m.resource);
  const type = m.type ?? 'ELECTRONIC';
  const matches = (item: AnyItem) =>
    m.id ? item.id === m.id : m.resource === 'template' || kindOf(item) === type;
  const stringField = (key: string) =>
    typeof m.fields?.[key] === 'string' ? (m.fields[key] as string) : undefined;
  if (m.op === 'add') {
    const serial = data.serial++;
    const company = data.companies[serial % data.companies.length] as Company;
    const t = timeAt(data.clock++);
    const status: ItemStatus = stringField('status') === 'DISABLED' ? 'DISABLED' : 'NORMAL';
    let item: AnyItem;
    if (m.resource === 'seal') {
      const name = stringField('name') ?? `新增印章 ${serial}`;
      item = {
        id: makeId(KIND.seal, serial),
        name,
        category: type,
        companyId: company.id,
        companyName: company.name,
        sealType: stringField('sealType') ?? 'COMMON',
        status,
        createTime: t,
        updateTime: t,
      };
    } else if (m.resource === 'template') {
      item = {
        id: makeId(KIND.template, serial),
        name: stringField('name') ?? `新增模板 ${serial}`,
        categoryName: stringField('categoryName') ?? '合同用印',
        companyName: company.name,
        status,
        updateTime: t,
      };
    } else {
      item = {
        id: makeId(KIND.category, serial),
        name: stringField('name') ?? `新增${type === 'ELECTRONIC' ? '电子' : '物理'}用印流程 ${serial}`,
        type,
        companyName: company.name,
        status,
        updateTime: t,
      };
    }
    list.push(item);
    return item;
  }
  const index = list.findIndex(matches);
  if (index < 0) return undefined;
  const item = list[index] as AnyItem;
  if (m.op === 'remove') {
    list.splice(index, 1);
    return item;
  }
  const next: Record<string, unknown> = { ...item };
  for (const [key, value] of Object.entries(m.fields ?? {})) {
    if (key === 'id' || key === 'category' || key === 'type') continue;
    if (typeof value === 'string') next[key] = value;
  }
  if (!m.fields || Object.keys(m.fields).length === 0) next.name = `${item.name}（已更新）`;
  next.updateTime = timeAt(data.clock++);
  list[index] = next as unknown as AnyItem;
  return list[index];
}

/** One visible change of every kind: for each resource list, one added, one updated, one removed. */
export function churn(data: Dataset): { added: string[]; updated: string[]; removed: string[] } {
  const out = { added: [] as string[], updated: [] as string[], removed: [] as string[] };
  const plan: Array<Pick<Mutation, 'resource' | 'type'>> = [
    { resource: 'seal', type: 'ELECTRONIC' },
    { resource: 'seal', type: 'PHYSICAL' },
    { resource: 'template' },
    { resource: 'category', type: 'ELECTRONIC' },
    { resource: 'category', type: 'PHYSICAL' },
  ];
  for (const p of plan) {
    const list = listOf(data, p.resource).filter((i) => p.resource === 'template' || kindOf(i) === p.type);
    const toRemove = list[0];
    const toUpdate = list[1];
    if (toRemove) {
      mutate(data, { ...p, op: 'remove', id: toRemove.id });
      out.removed.push(toRemove.id);
    }
    if (toUpdate) {
      mutate(data, { ...p, op: 'update', id: toUpdate.id });
      out.updated.push(toUpdate.id);
    }
    const added = mutate(data, { ...p, op: 'add' });
    if (added) out.added.push(added.id);
  }
  return out;
}

/** Maps a Qiyuesuo contract state to the host contract's `ContractStatus.status`. */
export function toContractStatus(state: ContractState): string {
  switch (state) {
    case 'DRAFT':
      return 'draft';
    case 'SIGNING':
      return 'signing';
    case 'COMPLETE':
      return 'signed';
    case 'REJECTED':
      return 'declined';
    case 'EXPIRED':
      return 'expired';
    case 'RECALLED':
      return 'cancelled';
  }
}
