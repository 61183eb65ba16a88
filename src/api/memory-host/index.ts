/**
 * `createMemoryHost(options)`: a complete, deterministic, in-memory `QysHost` for Storybook, tests
 * and benchmarks. Same seed → same data. It behaves like a real host: every call is asynchronous,
 * honours its `AbortSignal` (also while waiting for the simulated latency), validates its own
 * answers with the contract schemas (so an injected `malformed` answer surfaces as a
 * `QysContractError` naming the failing path, as with `createHttpHost`), and returns fresh copies.
 *
 * Rules of the simulation (documented here because stories and tests rely on them):
 * - `services.testConnection` steps `reach` → `auth` → `signing`. `reach` fails when the address's
 *   host name contains `unreachable`; `auth` fails (`auth.rejected`) when the App Secret (the one
 *   typed, or else the stored one) or the App Token is `wrong`, and (`auth.secretMissing`) when there
 *   is no secret at all; `signing` fails when the signing address's host contains `unreachable`. A
 *   failed step skips the ones after it.
 * - `services.sync` reports progress over three stages (`seals`, `templates`, `flows`). The OA's
 *   copy of the provider's data starts slightly behind: the first sync adds the two newest items of
 *   each kind, removes one stale item per kind and updates one; later syncs report no changes.
 * - Resources are kept per service (`serviceId`; none: the default service's). The seeded services
 *   have data; a service created at runtime has none until its first sync, which brings all of its
 *   provider's data. `resources.companies` lists the companies that own a seal in that data.
 * - `org.count(scope)`: every active person under an included unit (computed at call time, so
 *   people who join later are covered), plus included persons, minus excluded persons and the
 *   subtrees of excluded units; a part-time person is counted once; inactive (离职 / 无效) persons
 *   are not in `total` but in `inactive`. A person reached through an included unit and also
 *   excluded is not counted.
 * - `org.match(inputs)`: exact (case-insensitive) match on name, 工号 or login account, and unit
 *   name; active persons only.
 * - `client.inspectFraming(url)`: a host name containing `unreachable` is unreachable; one
 *   containing `noframe` answers `frame-ancestors 'none'` + `X-Frame-Options: DENY`; any other
 *   answers `frame-ancestors 'self'` plus `embedWhitelist` (default: this page's and the OA's origin).
 * - The current user (`client.context().userId`) heads a level-1 department that has sub-departments:
 *   `org.sameDepartment` lists the others listed under it (part-time members included);
 *   `org.subordinates` their direct reports: its main members plus the heads of the departments
 *   right under it.
 * - `org.search(query)`: name, full pinyin, pinyin initials, 工号 and login for persons; name,
 *   pinyin and initials for units. Ranked exact > prefix > contains; within a rank units come
 *   before persons, then org order.
 */
import * as z from 'zod/mini';
import {
  QysAuthError,
  QysConflictError,
  QysContractError,
  QysNetworkError,
  QysNotFoundError,
  QysServerError,
  QysTimeoutError,
  QysValidationError,
} from '../errors.js';
import {
  CONTRACT_METHODS,
  type CallOptions,
  type ContractMethod,
  type PageOptions,
  type QysHost,
} from '../host.js';
import {
  BindingInputSchema,
  BindingSchema,
  ClientContextSchema,
  CompanySchema,
  ConnectionReportSchema,
  ProviderProbeSchema,
  type ProviderProbe,
  ContractStatusSchema,
  FramingInspectionSchema,
  OrgCapabilitiesSchema,
  OrgCountSchema,
  OrgMatchSchema,
  OrgNodePageSchema,
  OrgNodeSchema,
  OrgRefSchema,
  OrgResolveResultSchema,
  OrgScopeRecordSchema,
  OrgScopeSchema,
  ResourcePageSchema,
  ResourceResolveResultSchema,
  SegmentPresetSchema,
  SigningSessionRequestSchema,
  SigningSessionSchema,
  SyncReportSchema,
  EncryptionKeyValueSchema,
  isEncryptionKey,
  isHttpUrl,
  refKey,
  toValidationIssues,
  type Binding,
  type ClientContext,
  type ConnectionReport,
  type ConnectionStep,
  type ContractStatus,
  type FramingInspection,
  type OrgCapabilities,
  type OrgCount,
  type OrgNode,
  type OrgNodeType,
  type OrgPathItem,
  type OrgRef,
  type OrgScope,
  type OrgScopeRecord,
  type OrgTab,
  type Page,
  type Resource,
  type ResourceKind,
  type SegmentPreset,
  type SigningSession,
  type SigningSessionRequest,
  type SyncCounts,
  type SyncReport,
} from '../schemas.js';
import {
  COMPANIES,
  ORG_SIZES,
  RESOURCE_KINDS,
  STATUS_ACTIVE,
  STATUS_INVALID,
  STATUS_RESIGNED,
  UNIT_SUBCOMPANY,
  createRandom,
  employeeNo,
  generateOrg,
  generateResources,
  personId,
  personIndexOf,
  resourceId,
  sealImageUrl,
  seedNumber,
  unitId,
  unitIndexOf,
  type GeneratedResource,
  type OrgData,
  type OrgSize,
} from './data.js';

export {
  generateOrg,
  generateResources,
  sealImageUrl,
  sealSvg,
  createRandom,
  seedNumber,
  ORG_SIZES,
  COMPANIES,
} from './data.js';
export type { OrgData, OrgSize, GeneratedResource, ResourceKindName } from './data.js';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/**
 * An injected failure, after the latency wait: `network` → QysNetworkError, `timeout` →
 * QysTimeoutError, `server` → QysServerError (500), `auth` → QysAuthError (401), `not-found` →
 * QysNotFoundError, `conflict` → QysConflictError (carrying the current record for `services.save`
 * and `org.saveScope`), `malformed` → the call runs but its answer is corrupted, fails its schema
 * and surfaces as QysContractError with the failing path (state changes of the call do happen).
 */
export type FailureKind = 'network' | 'timeout' | 'server' | 'conflict' | 'malformed' | 'auth' | 'not-found';

/** A failure to inject: a kind (always), or a kind for the next `times` calls. */
export type FailureSpec = FailureKind | { kind: FailureKind; times?: number };

/**
 * Failures per method, keyed `area.method` (`org.children`, `services.save`, …) or `*` for every
 * method. An array is used in order: each entry with `times` is used up before the next one applies.
 */
export type FailureMap = Record<string, FailureSpec | FailureSpec[]>;

export type Latency = number | { min: number; max: number };

export interface MemoryHostOptions {
  /** PRNG seed (default fixed): same seed → same data. */
  seed?: number | string;
  /** Org size: `small` (default, ~200 persons), `large` (100,000 persons, ~5,000 departments, 8 分部) or explicit. */
  orgSize?: OrgSize | 'small' | 'large';
  /**
   * Resources per kind (default: a dozen or two each); 10,000 for large browse-field stories. The
   * OA's copy starts one sync behind the provider: the two newest items of each kind appear only
   * after `services.sync` (so `resources: 2` gives empty lists that a sync fills), and one stale
   * item per kind (when there are 4 or more) disappears with it.
   */
  resources?: number;
  /** Simulated latency per call in ms (default 0). A range draws from the seeded PRNG. */
  latency?: Latency;
  /** Injected failures (see `FailureMap`). */
  failures?: FailureMap;
  /** Whether this user may see 离职 / 无效 persons (`capabilities().canShowInactive`, default true). */
  canShowInactive?: boolean;
  /** Tabs the org picker may offer (default all five). */
  tabs?: OrgTab[];
  /** Client IP the host reports (default `10.1.2.3`; null: unknown). */
  clientIp?: string | null;
  /** The OA's base URL (default `https://oa.example.com`). */
  oaBaseUrl?: string;
  /** Builds the signing URL of a session (default: on the default service's signing address). */
  signingUrl?: (request: SigningSessionRequest) => string;
  /** Origin the return page posts from (default: the page's origin, else the OA base URL's). */
  returnOrigin?: string;
  /**
   * Origins the simulated signing platform lets frame it (`client.inspectFraming` reports them as CSP
   * `frame-ancestors`). Default: this page's origin and the OA's.
   */
  embedWhitelist?: string[];
  /** Start with no services (the first-run state). */
  noServices?: boolean;
  /** Validate every answer with its schema (default true). */
  validate?: boolean;
  /** Clock (default `Date.now`). */
  now?: () => number;
  /** Page size when a call gives none (default 100); hosts cap pages at 500. */
  defaultPageSize?: number;
}

/** Notable records of the generated data, for tests and stories. */
export interface MemoryHostSamples {
  currentUser: OrgRef;
  currentDepartment: OrgRef;
  /** Two (or more) persons named 张伟, in different departments. */
  duplicateNames: OrgRef[];
  /** A person listed under two departments. */
  partTimePerson: OrgRef & { departments: OrgRef[] };
  resignedPerson: OrgRef;
  invalidPerson: OrgRef;
  /** The department with the most direct persons (2,000 at the large size). */
  largestDepartment: OrgRef & { persons: number };
  /** A department without persons or sub-units (null for tiny orgs). */
  emptyDepartment: OrgRef | null;
  subcompanies: OrgRef[];
  defaultServiceId: string | null;
  services: { id: string; serviceType: 'private' | 'public' }[];
}

export interface MemoryHostControl {
  /** Replaces the injected failures (e.g. fail once, then succeed after a retry). */
  setFailures(failures: FailureMap): void;
  /** Adds a failure for the next `times` calls of `method` (default once). */
  failNext(method: string, kind: FailureKind, times?: number): void;
  setLatency(latency: Latency): void;
  /** Number of calls of `method` so far (all methods when omitted). */
  calls(method?: string): number;
  /** Sets a contract's status (what `signing.contractStatus` reports). */
  setContractStatus(contractId: string, status: ContractStatus['status']): void;
  readonly samples: MemoryHostSamples;
  /** The generated org (read-only; indexes, for benchmarks and the reference host). */
  readonly org: OrgData;
}

export interface MemoryHost extends QysHost {
  control: MemoryHostControl;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const MAX_PAGE = 500;
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    if (ms <= 0) {
      queueMicrotask(() => (signal?.aborted ? reject(signal.reason as Error) : resolve()));
      return;
    }
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason as Error);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw signal.reason;
}

/** Replaces the first string found (depth first) with a number, so the schema fails there. */
function corrupt(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') {
    return typeof value === 'string' ? 12345 : { unexpected: true };
  }
  const walk = (v: unknown): boolean => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] === 'string') {
          v[i] = 12345;
          return true;
        }
        if (v[i] && typeof v[i] === 'object' && walk(v[i])) return true;
      }
      return false;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (typeof o[k] === 'string') {
        o[k] = 12345;
        return true;
      }
    }
    for (const k of Object.keys(o)) if (o[k] && typeof o[k] === 'object' && walk(o[k])) return true;
    return false;
  };
  if (!walk(value)) {
    if (Array.isArray(value)) return { unexpected: true };
    (value as Record<string, unknown>).total = -1;
    (value as Record<string, unknown>).ok = 'yes';
  }
  return value;
}

const norm = (s: string) => s.trim().toLowerCase();

// ---------------------------------------------------------------------------------------------
// The host
// ---------------------------------------------------------------------------------------------

interface StoredResource extends GeneratedResource {
  /** In the OA's copy (false: only at the provider until the next sync). */
  synced: boolean;
  /** Only in the OA's copy (removed at the provider; goes on the next sync). */
  stale?: boolean;
}

export function createMemoryHost(options: MemoryHostOptions = {}): MemoryHost {
  const seed = seedNumber(options.seed);
  const size = typeof options.orgSize === 'object' ? options.orgSize : ORG_SIZES[options.orgSize ?? 'small'];
  const org = generateOrg(seed, size);
  const now = options.now ?? (() => Date.now());
  const iso = () => new Date(now()).toISOString();
  const validate = options.validate !== false;
  const defaultLimit = options.defaultPageSize ?? 100;
  const canShowInactive = options.canShowInactive ?? true;
  const tabs: OrgTab[] = options.tabs ?? ['tree', 'search', 'recent', 'same-department', 'subordinates'];
  const latencyRandom = createRandom(seed ^ 0x1a7e);
  const keyRandom = createRandom(seed ^ 0x4e7);
  let latency: Latency = options.latency ?? 0;
  let failures: Map<string, FailureSpec[]> = toFailureQueues(options.failures ?? {});
  const callCounts = new Map<string, number>();
  let totalCalls = 0;

  function toFailureQueues(map: FailureMap): Map<string, FailureSpec[]> {
    const m = new Map<string, FailureSpec[]>();
    for (const [k, v] of Object.entries(map)) {
      if (k !== '*' && !(MEMORY_HOST_METHODS as readonly string[]).includes(k)) {
        console.warn(`createMemoryHost: no method "${k}" to fail (keys look like "org.children")`);
      }
      m.set(
        k,
        (Array.isArray(v) ? v : [v]).map((s) => (typeof s === 'string' ? s : { ...s })),
      );
    }
    return m;
  }

  function takeFailure(method: string): FailureKind | null {
    for (const key of [method, '*']) {
      const queue = failures.get(key);
      while (queue && queue.length > 0) {
        const spec = queue[0]!;
        if (typeof spec === 'string') return spec;
        if (spec.times === undefined) return spec.kind;
        if (spec.times > 0) {
          spec.times--;
          if (spec.times === 0) queue.shift();
          return spec.kind;
        }
        queue.shift(); // used up (or given with times: 0)
      }
    }
    return null;
  }

  function latencyMs(): number {
    if (typeof latency === 'number') return latency;
    return latency.min + Math.round(latencyRandom() * Math.max(0, latency.max - latency.min));
  }

  /**
   * Runs one host call: abort check, latency, injected failure, the operation, then validation of
   * the answer against its schema.
   */
  async function call<T>(
    method: string,
    signal: AbortSignal | undefined,
    schema: z.ZodMiniType | null,
    op: () => T | Promise<T>,
    conflictCurrent?: () => unknown,
  ): Promise<T> {
    throwIfAborted(signal);
    totalCalls++;
    callCounts.set(method, (callCounts.get(method) ?? 0) + 1);
    await delay(latencyMs(), signal);
    throwIfAborted(signal);
    const failure = takeFailure(method);
    switch (failure) {
      case 'network':
        throw new QysNetworkError(`Injected network failure (${method})`);
      case 'timeout':
        throw new QysTimeoutError(`Injected timeout (${method})`, { timeoutMs: 15000 });
      case 'server':
        throw new QysServerError(`Injected server error (${method})`, { status: 500 });
      case 'auth':
        throw new QysAuthError(`Injected auth failure (${method})`, { status: 401 });
      case 'not-found':
        throw new QysNotFoundError(`Injected not-found (${method})`);
      case 'conflict':
        throw new QysConflictError(`Injected conflict (${method})`, { current: conflictCurrent?.() });
      default:
        break;
    }
    let result: unknown = await op();
    throwIfAborted(signal);
    if (failure === 'malformed') result = corrupt(result);
    if ((validate || failure === 'malformed') && schema) {
      const parsed = z.safeParse(schema, result);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new QysContractError(issue ? issue.path.map(String).join('.') : '', undefined, {
          endpoint: method,
        });
      }
    } else if (failure === 'malformed') {
      throw new QysContractError('', undefined, { endpoint: method });
    }
    return result as T;
  }

  const paging = (o: PageOptions | undefined) => {
    const offset = Math.max(0, Math.floor(o?.offset ?? 0));
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(o?.limit ?? defaultLimit)));
    return { offset, limit };
  };

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
      name: org.personName[p]!,
      parentId: unitId(org, dept),
      path: pathThrough(dept),
      hasChildren: false,
      status: STATUS_NAMES[org.personStatus[p]!]!,
      employeeNo: employeeNo(p),
      loginId: org.personLogin[p]!,
      title: org.personTitle[p]!,
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
   * One string per searchable field, persons separated by U+0002, with each person's start offset:
   * a search is a few native `indexOf` calls instead of 100,000 `includes` (built on first use).
   */
  interface Haystack {
    text: string;
    starts: Int32Array;
  }
  let nameHay: Haystack | null = null;
  let employeeNoHay: Haystack | null = null;
  let latinHay: Haystack | null = null;
  function haystack(field: (p: number) => string): Haystack {
    const n = org.personCount;
    const parts = new Array<string>(n);
    const starts = new Int32Array(n + 1);
    let pos = 0;
    for (let p = 0; p < n; p++) {
      const f = field(p);
      parts[p] = f;
      starts[p] = pos;
      pos += f.length + 1;
    }
    starts[n] = pos;
    return { text: parts.join('\u0002'), starts };
  }
  /** Calls `visit` once per person whose segment contains `needle`, in org order. */
  function scan(h: Haystack, needle: string, visit: (p: number) => void) {
    const { text, starts } = h;
    const n = starts.length - 1;
    for (let from = 0; ;) {
      const i = text.indexOf(needle, from);
      if (i < 0) return;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= i) lo = mid;
        else hi = mid - 1;
      }
      visit(lo);
      from = starts[lo + 1]!;
    }
  }
  /** Rank of one field: 0 exact, 1 prefix, 2 contains, 3 no match. */
  const rankOf = (f: string, q: string): number =>
    f === q ? 0 : f.startsWith(q) ? 1 : f.includes(q) ? 2 : 3;

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
        ? (nameHay ??= haystack((p) => org.personName[p]!))
        : digits
          ? (employeeNoHay ??= haystack((p) => employeeNo(p)))
          : // the login starts with the full pinyin, so initials + login cover pinyin matches too
            (latinHay ??= haystack((p) => `${org.personInitials[p]}\u0001${org.personLogin[p]}`));
      scan(hay, needle, (p) => {
        if (!inactive && status[p] !== STATUS_ACTIVE) return;
        const r = cjk
          ? rankOf(org.personName[p]!, needle)
          : digits
            ? rankOf(employeeNo(p), needle)
            : Math.min(
                rankOf(org.personPinyin[p]!, needle),
                rankOf(org.personInitials[p]!, needle),
                rankOf(org.personLogin[p]!, needle),
              );
        persons[r]!.push(p);
      });
    }
    return { units, persons };
  }

  // ---------------------------------------------------------------- match indexes (lazy)
  let nameIndex: Map<string, number[]> | null = null;
  let loginIndex: Map<string, number> | null = null;
  let unitNameIndex: Map<string, number[]> | null = null;
  function buildMatchIndexes() {
    if (nameIndex) return;
    nameIndex = new Map();
    loginIndex = new Map();
    unitNameIndex = new Map();
    for (let p = 0; p < org.personCount; p++) {
      const n = org.personName[p]!;
      const list = nameIndex.get(n);
      if (list) list.push(p);
      else nameIndex.set(n, [p]);
      loginIndex.set(org.personLogin[p]!, p);
    }
    for (let u = 0; u < org.unitCount; u++) {
      const n = org.unitName[u]!;
      const list = unitNameIndex.get(n);
      if (list) list.push(u);
      else unitNameIndex.set(n, [u]);
    }
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

  // ---------------------------------------------------------------- services state
  const bindings = new Map<string, Binding>();
  const secrets = new Map<string, string>();
  const scopes = new Map<string, OrgScopeRecord>();
  let idCounter = 0;
  const newId = () => `2861${String(seed % 1000).padStart(3, '0')}${String(++idCounter).padStart(12, '0')}`;
  const seedTime = '2026-11-02T01:30:00.000Z';

  if (!options.noServices) {
    const priv: Binding = {
      serviceType: 'private',
      id: newId(),
      version: 3,
      provider: 'qiyuesuo',
      name: '契约锁私有云',
      isDefault: true,
      appToken: 'Tk8vQ2mZ7pLx',
      appSecretSet: true,
      signatories: [{ type: 'person', id: personId(org.currentUser) }],
      status: 'ok',
      lastSyncedAt: '2026-11-01T02:00:00.000Z',
      updatedAt: seedTime,
      openApiUrl: 'http://10.0.0.21:9182',
      encryptionKey: 'a3f9c2e1-7b6d-4e',
      signingUrlExternal: 'https://qys.example.com',
      signingUrlInternal: 'http://10.0.0.21:9180',
      autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [], segmentPresetIds: [] },
    };
    const pub: Binding = {
      serviceType: 'public',
      id: newId(),
      version: 1,
      provider: 'qiyuesuo',
      name: '契约锁公有云',
      isDefault: false,
      appToken: 'PubT0ken9x2',
      appSecretSet: true,
      signatories: [],
      status: 'unknown',
      lastSyncedAt: null,
      updatedAt: seedTime,
      ssoEnabled: true,
      e10Url: 'https://e10.example.com',
      tenantId: 't-20485',
    };
    for (const b of [priv, pub]) {
      bindings.set(b.id, b);
      secrets.set(b.id, `secret-${b.id.slice(-4)}`);
    }
    const sub = org.roots[0]!;
    const firstDept = org.unitChildren[sub]!.at(-1);
    scopes.set(priv.id, {
      serviceId: priv.id,
      scope: {
        include: [{ type: 'subcompany', id: unitId(org, sub) }],
        exclude:
          firstDept !== undefined && org.unitChildren[sub]!.length > 1
            ? [{ type: 'department', id: unitId(org, firstDept) }]
            : [],
      },
      version: 1,
      updatedAt: seedTime,
    });
  }

  const defaultService = () => [...bindings.values()].find((b) => b.isDefault) ?? null;

  function getBinding(id: string): Binding {
    const b = bindings.get(id);
    if (!b) throw new QysNotFoundError(`No service ${id}`);
    return b;
  }

  function checkService(serviceId: string | undefined) {
    if (serviceId !== undefined) getBinding(serviceId);
  }

  // ---------------------------------------------------------------- resources state
  /** One service's copy of its provider's data (seals, templates, flows). */
  interface ResourceStore {
    lists: Map<ResourceKind, StoredResource[]>;
    index: Map<string, StoredResource>;
    /** Kinds with one item changed at the provider since the last sync (the first sync updates it). */
    pendingUpdate: Set<ResourceKind>;
  }
  const stores = new Map<string, ResourceStore>();
  let storeCounter = 0;

  /**
   * `behind`: the OA's copy starts one sync behind the provider (two newest per kind missing, one
   * stale item present); otherwise the OA has nothing yet and the first sync brings everything.
   */
  function makeStore(storeSeed: number, behind: boolean): ResourceStore {
    const offset = storeCounter++ * 1_000_000_000;
    const gen = generateResources(storeSeed, options.resources, offset);
    const store: ResourceStore = {
      lists: new Map(),
      index: new Map(),
      pendingUpdate: new Set(behind ? RESOURCE_KINDS : []),
    };
    RESOURCE_KINDS.forEach((kind, ki) => {
      const list: StoredResource[] = gen[kind].map((r) => ({ ...r, synced: behind }));
      if (behind) {
        for (let i = Math.max(0, list.length - 2); i < list.length; i++) list[i]!.synced = false;
        if (list.length >= 4) {
          const company = COMPANIES[0]!;
          list.push({
            id: resourceId(ki, 9_000_000_000_000_000 + offset + 1),
            kind,
            name: kind.endsWith('seal')
              ? `${company.short}旧版公章`
              : `已停用的${kind === 'file-template' ? '模板' : '流程'}`,
            company: company.name,
            companyId: company.id,
            ...(kind.endsWith('seal') ? { sealType: '公章' } : { category: '行政' }),
            status: 'disabled',
            updatedAt: '2025-01-10T02:00:00.000Z',
            synced: true,
            stale: true,
          });
        }
      }
      store.lists.set(kind, list);
      for (const r of list) store.index.set(r.id, r);
    });
    return store;
  }

  // The seeded services' data (the default service keeps the host's seed). Without services, calls
  // without a serviceId still get the seeded data.
  {
    const seeded = [...bindings.values()];
    if (seeded.length === 0) stores.set('', makeStore(seed, true));
    seeded.forEach((b, k) => stores.set(b.id, makeStore(k === 0 ? seed : seed ^ (0x9b1c + k), true)));
  }

  /** The data of `serviceId` (QysNotFoundError when unknown), or of the default service. */
  function storeFor(serviceId: string | undefined): ResourceStore {
    const key = serviceId !== undefined ? getBinding(serviceId).id : (defaultService()?.id ?? '');
    let store = stores.get(key);
    if (!store) {
      // a service created at runtime: its provider has data, the OA has none until the first sync
      store = key === '' ? makeStore(seed, true) : makeStore(seed ^ seedNumber(key), false);
      stores.set(key, store);
    }
    return store;
  }

  function toResource(r: StoredResource): Resource {
    const out: Resource = { id: r.id, kind: r.kind, name: r.name, status: r.status, updatedAt: r.updatedAt };
    if (r.company !== undefined) out.company = r.company;
    if (r.companyId !== undefined) out.companyId = r.companyId;
    if (r.category !== undefined) out.category = r.category;
    if (r.sealType !== undefined) {
      out.sealType = r.sealType;
      out.image = sealImageUrl(r.company ?? '', r.sealType, r.kind === 'physical-seal');
    }
    return out;
  }

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

  const contracts = new Map<string, ContractStatus>([
    ['2880000000000000001', { contractId: '2880000000000000001', status: 'signing', updatedAt: seedTime }],
    ['2880000000000000002', { contractId: '2880000000000000002', status: 'signed', updatedAt: seedTime }],
    ['2880000000000000003', { contractId: '2880000000000000003', status: 'declined', updatedAt: seedTime }],
  ]);

  const segmentPresets: SegmentPreset[] = [
    { id: 'hq-intranet', name: '总部内网', rules: ['10.0.0.0/8'] },
    { id: 'branch-offices', name: '分支机构', rules: ['172.16.0.0/12'] },
    { id: 'office-wifi', name: '办公 Wi-Fi', rules: ['192.168.0.0/16'] },
  ];

  // ---------------------------------------------------------------- helpers for services
  function validationError(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) {
    return new QysValidationError(toValidationIssues(issues));
  }

  function hostOf(url: string | undefined): string {
    try {
      return url && isHttpUrl(url.trim()) ? new URL(url.trim()).hostname : '';
    } catch {
      return '';
    }
  }

  const oaOrigin = () => new URL(options.oaBaseUrl ?? 'https://oa.example.com').origin;
  /** This page's origin (browser), else the OA's (Node). */
  const pageOrigin = () =>
    typeof location !== 'undefined' && location.origin && location.origin !== 'null'
      ? location.origin
      : oaOrigin();

  // ---------------------------------------------------------------- samples
  const personRef = (p: number): OrgRef => ({ type: 'person', id: personId(p) });
  const unitRef = (u: number): OrgRef => ({ type: unitTypeName(u), id: unitId(org, u) });
  const findPerson = (pred: (p: number) => boolean) => {
    for (let p = 0; p < org.personCount; p++) if (pred(p)) return p;
    return 0;
  };
  const ptp = findPerson((p) => org.personExtraDept[p]! >= 0);
  const samples: MemoryHostSamples = {
    currentUser: personRef(org.currentUser),
    currentDepartment: unitRef(org.personMainDept[org.currentUser]!),
    duplicateNames: org.duplicateNamePersons.map(personRef),
    partTimePerson: {
      ...personRef(ptp),
      departments: [unitRef(org.personMainDept[ptp]!), unitRef(Math.max(0, org.personExtraDept[ptp]!))],
    },
    resignedPerson: personRef(findPerson((p) => org.personStatus[p] === STATUS_RESIGNED)),
    invalidPerson: personRef(findPerson((p) => org.personStatus[p] === STATUS_INVALID)),
    largestDepartment: {
      ...unitRef(org.largestDepartment),
      persons: org.unitMembers[org.largestDepartment]!.length,
    },
    emptyDepartment: org.emptyDepartment >= 0 ? unitRef(org.emptyDepartment) : null,
    subcompanies: org.roots.map(unitRef),
    defaultServiceId: defaultService()?.id ?? null,
    services: [...bindings.values()].map((b) => ({ id: b.id, serviceType: b.serviceType })),
  };

  // =============================================================== the API
  const host: MemoryHost = {
    services: {
      list: (o) =>
        call('services.list', o?.signal, z.array(BindingSchema), () => [...bindings.values()].map(clone)),

      get: (id, o) => call('services.get', o?.signal, BindingSchema, () => clone(getBinding(id))),

      save: (input, o) =>
        call(
          'services.save',
          o?.signal,
          BindingSchema,
          () => {
            const parsed = z.safeParse(BindingInputSchema, input);
            if (!parsed.success) throw validationError(parsed.error.issues);
            const data = parsed.data;
            const existing = data.id !== undefined ? bindings.get(data.id) : undefined;
            if (data.id !== undefined && !existing) throw new QysNotFoundError(`No service ${data.id}`);
            if (existing) {
              if (data.version === undefined)
                throw new QysValidationError([{ path: 'version', code: 'required' }]);
              if (data.version !== existing.version) {
                throw new QysConflictError('The service was changed by someone else', {
                  current: clone(existing),
                });
              }
              // The stored secret is bound to the address it was entered for (as the reference host).
              const norm = (u: string) => u.trim().replace(/\/+$/, '');
              if (
                data.appSecret === undefined &&
                existing.serviceType === 'private' &&
                secrets.has(existing.id) &&
                (data.serviceType !== 'private' || norm(data.openApiUrl) !== norm(existing.openApiUrl))
              )
                throw new QysValidationError([
                  { path: 'appSecret', code: 'appSecret.requiredForNewAddress' },
                ]);
            }
            const { appSecret, ...rest } = data;
            const id = existing?.id ?? newId();
            const base = { ...rest } as Record<string, unknown>;
            delete base.id;
            delete base.version;
            // 泛微团队识别码 / OA version: kept when a save omits them (a form that does not show them).
            if (existing?.serviceType === 'private' && base.serviceType === 'private') {
              if (base.tenantCode === undefined && existing.tenantCode !== undefined)
                base.tenantCode = existing.tenantCode;
              if (base.oaVersion === undefined && existing.oaVersion !== undefined)
                base.oaVersion = existing.oaVersion;
            }
            const record = {
              ...base,
              ...(existing?.createdBy ? { createdBy: existing.createdBy } : {}),
              ...(existing?.personSync ? { personSync: existing.personSync } : {}),
              id,
              version: existing ? existing.version + 1 : 1,
              appSecretSet: appSecret !== undefined || secrets.has(id),
              status: existing?.status ?? 'unknown',
              lastSyncedAt: existing?.lastSyncedAt ?? null,
              updatedAt: iso(),
            } as Binding;
            if (appSecret !== undefined) secrets.set(id, appSecret);
            if (record.isDefault) {
              for (const other of bindings.values()) {
                if (other.id !== id && other.isDefault) {
                  bindings.set(other.id, {
                    ...other,
                    isDefault: false,
                    version: other.version + 1,
                    updatedAt: iso(),
                  });
                }
              }
            }
            bindings.set(id, record);
            return clone(record);
          },
          () =>
            input.id !== undefined && bindings.has(input.id) ? clone(bindings.get(input.id)) : undefined,
        ),

      delete: (id, version, o) =>
        call('services.delete', o?.signal, null, () => {
          const b = getBinding(id);
          if (version !== undefined && version !== b.version) {
            throw new QysConflictError('The service was changed by someone else', { current: clone(b) });
          }
          bindings.delete(id);
          secrets.delete(id);
          scopes.delete(id);
          stores.delete(id);
        }),

      testConnection: (input, o) =>
        call('services.testConnection', o?.signal, ConnectionReportSchema, (): ConnectionReport => {
          const steps: ConnectionStep[] = [];
          const address = input.serviceType === 'private' ? input.openApiUrl : input.e10Url;
          const reachHost = hostOf(address);
          const reachOk = reachHost !== '' && !reachHost.includes('unreachable');
          steps.push({
            id: 'reach',
            status: reachOk ? 'pass' : 'fail',
            code: reachOk ? 'reach.ok' : reachHost ? 'reach.failed' : 'reach.invalidUrl',
            detail: address,
            durationMs: 12,
          });
          // The stored secret signs only for the address it was saved with.
          const saved = input.id !== undefined ? bindings.get(input.id) : undefined;
          const norm = (u: string) => u.trim().replace(/\/+$/, '');
          const sameAddress =
            saved !== undefined &&
            saved.serviceType === input.serviceType &&
            (saved.serviceType !== 'private' ||
              input.serviceType !== 'private' ||
              norm(saved.openApiUrl) === norm(input.openApiUrl));
          const secret = input.appSecret ?? (sameAddress ? secrets.get(saved.id) : undefined);
          let authOk = false;
          if (!reachOk) steps.push({ id: 'auth', status: 'skip', code: 'skipped' });
          else if (!secret) steps.push({ id: 'auth', status: 'fail', code: 'auth.secretMissing' });
          else {
            authOk = secret !== 'wrong' && input.appToken !== 'wrong' && input.appToken.trim() !== '';
            steps.push({
              id: 'auth',
              status: authOk ? 'pass' : 'fail',
              code: authOk ? 'auth.ok' : 'auth.rejected',
              durationMs: 20,
            });
          }
          let signingOk = false;
          if (!authOk) steps.push({ id: 'signing', status: 'skip', code: 'skipped' });
          else {
            const signing = input.serviceType === 'private' ? input.signingUrlExternal : input.e10Url;
            const h = hostOf(signing);
            signingOk = h !== '' && !h.includes('unreachable');
            steps.push({
              id: 'signing',
              status: signingOk ? 'pass' : 'fail',
              code: signingOk ? 'signing.ok' : h ? 'signing.failed' : 'signing.invalidUrl',
              detail: signing,
              durationMs: 15,
            });
          }
          // Private cloud: single sign-on with the 加密密钥 (an AES-128 key: 16 characters).
          if (input.serviceType === 'private') {
            if (!signingOk) steps.push({ id: 'sso', status: 'skip', code: 'skipped' });
            else {
              const keyOk = isEncryptionKey(input.encryptionKey);
              steps.push({
                id: 'sso',
                status: keyOk ? 'pass' : 'fail',
                code: keyOk ? 'sso.ok' : 'sso.keyFormat',
                durationMs: 10,
              });
            }
          }
          const report = { ok: steps.every((s) => s.status === 'pass'), steps, checkedAt: iso() };
          if (input.id !== undefined && bindings.has(input.id)) {
            const b = bindings.get(input.id)!;
            bindings.set(b.id, { ...b, status: report.ok ? 'ok' : 'error' });
          }
          return report;
        }),

      sync: (id, o) =>
        call('services.sync', o?.signal, SyncReportSchema, async (): Promise<SyncReport> => {
          const store = storeFor(id);
          const startedAt = iso();
          const stages: [string, ResourceKind[]][] = [
            ['seals', ['electronic-seal', 'physical-seal']],
            ['templates', ['file-template']],
            ['flows', ['electronic-seal-flow', 'physical-seal-flow']],
          ];
          const counts: Record<string, SyncCounts> = {};
          const step = Math.max(5, latencyMs());
          for (let s = 0; s < stages.length; s++) {
            const [stage, kinds] = stages[s]!;
            o?.onProgress?.({ ratio: s / stages.length, stage });
            await delay(step, o?.signal);
            const c: SyncCounts = { total: 0, added: 0, removed: 0, updated: 0 };
            for (const kind of kinds) {
              const list = store.lists.get(kind)!;
              let updatedOne = !store.pendingUpdate.delete(kind);
              for (const r of list) {
                if (!r.synced) {
                  r.synced = true;
                  r.updatedAt = iso();
                  c.added++;
                } else if (r.stale) {
                  store.index.delete(r.id);
                  c.removed++;
                } else if (!updatedOne) {
                  // an item changed at the provider since the last sync
                  updatedOne = true;
                  r.updatedAt = iso();
                  c.updated++;
                }
              }
              const kept = list.filter((r) => !r.stale);
              list.length = 0;
              list.push(...kept);
              c.total += list.length;
            }
            counts[stage] = c;
          }
          o?.onProgress?.({ ratio: 1, stage: 'flows' });
          const finishedAt = iso();
          const b = getBinding(id);
          bindings.set(id, { ...b, lastSyncedAt: finishedAt });
          return {
            serviceId: id,
            startedAt,
            finishedAt,
            seals: counts.seals!,
            templates: counts.templates!,
            flows: counts.flows!,
          };
        }),

      generateEncryptionKey: (o) =>
        call('services.generateEncryptionKey', o?.signal, EncryptionKeyValueSchema, () => {
          // 16 characters in the layout of seed 001's `60fb3ed9-3e18-4f` (the Qiyuesuo field's format).
          const alphabet = '0123456789abcdef';
          let s = '';
          for (let i = 0; i < 14; i++) s += alphabet[Math.floor(keyRandom() * 16)];
          return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
        }),

      // No provider to ask: a private service's checks pass (a prototype's happy path); the public
      // cloud cannot be asked.
      probe: (id, kind, o) =>
        call('services.probe', o?.signal, ProviderProbeSchema, (): ProviderProbe => {
          const b = getBinding(id);
          return b.serviceType === 'private'
            ? { kind, status: 'pass', code: `probe.${kind}.ok` }
            : { kind, status: 'cannot-check', code: 'probe.publicCloud' };
        }),
    },

    org: {
      capabilities: (o) =>
        call('org.capabilities', o?.signal, OrgCapabilitiesSchema, (): OrgCapabilities => ({
          tabs: [...tabs],
          canShowInactive,
          pinyinSearch: true,
        })),

      children: (parent, o) =>
        call('org.children', o?.signal, OrgNodePageSchema, (): Page<OrgNode> => {
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
            items.push(
              i < units.length ? unitNode(units[i]!) : personNode(persons[i - units.length]!, under),
            );
          }
          return { items, total, offset };
        }),

      search: (query, o) =>
        call('org.search', o?.signal, OrgNodePageSchema, (): Page<OrgNode> => {
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
        }),

      resolve: (refs, o) =>
        call('org.resolve', o?.signal, OrgResolveResultSchema, () => {
          const nodes: OrgNode[] = [];
          const missing: OrgRef[] = [];
          for (const ref of refs) {
            const n = nodeOf(ref);
            if (n) nodes.push(n);
            else missing.push({ type: ref.type, id: ref.id });
          }
          return { nodes, missing };
        }),

      count: (scope, o) =>
        call('org.count', o?.signal, OrgCountSchema, () => {
          const parsed = z.safeParse(OrgScopeSchema, scope);
          if (!parsed.success) throw validationError(parsed.error.issues);
          return countScope(parsed.data);
        }),

      match: (inputs, o) =>
        call('org.match', o?.signal, z.array(OrgMatchSchema), () => {
          buildMatchIndexes();
          const types = o?.types;
          return inputs.map((input) => {
            const q = input.trim();
            const matches: OrgNode[] = [];
            if (q) {
              const seen = new Set<number>();
              if (wants(types, 'person')) {
                const add = (p: number | undefined) => {
                  if (p === undefined || p < 0 || seen.has(p) || org.personStatus[p] !== STATUS_ACTIVE)
                    return;
                  seen.add(p);
                  matches.push(personNode(p));
                };
                for (const p of nameIndex!.get(q) ?? []) add(p);
                if (/^\d+$/.test(q)) {
                  const p = Number(q) - 100001;
                  if (p >= 0 && p < org.personCount && employeeNo(p) === q) add(p);
                }
                add(loginIndex!.get(q.toLowerCase()));
              }
              for (const u of unitNameIndex!.get(q) ?? [])
                if (wants(types, unitTypeName(u))) matches.push(unitNode(u));
            }
            return { input, matches };
          });
        }),

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
        call('org.sameDepartment', o?.signal, OrgNodePageSchema, (): Page<OrgNode> => {
          const { offset, limit } = paging(o);
          const dept = org.personMainDept[org.currentUser]!;
          const list = org.unitActiveMembers[dept]!.filter((p) => p !== org.currentUser);
          return {
            items: list.slice(offset, offset + limit).map((p) => personNode(p, dept)),
            total: list.length,
            offset,
          };
        }),

      subordinates: (o) =>
        call('org.subordinates', o?.signal, OrgNodePageSchema, (): Page<OrgNode> => {
          // direct reports: the user heads their department, so its members (main department) and
          // the heads of the departments right under it report to them
          const { offset, limit } = paging(o);
          const me = org.currentUser;
          const dept = org.personMainDept[me]!;
          const list = org.unitActiveMembers[dept]!.filter((p) => p !== me && org.personMainDept[p] === dept);
          for (const child of org.unitChildren[dept]!) {
            const head = org.unitMembers[child]!.find((p) => org.personMainDept[p] === child);
            if (head !== undefined && org.personStatus[head] === STATUS_ACTIVE && head !== me)
              list.push(head);
          }
          return {
            items: list.slice(offset, offset + limit).map((p) => personNode(p)),
            total: list.length,
            offset,
          };
        }),

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
    },

    resources: {
      list: (kind, o) =>
        call('resources.list', o?.signal, ResourcePageSchema, (): Page<Resource> => {
          const store = storeFor(o?.serviceId);
          const { offset, limit } = paging(o);
          const kw = norm(o?.keyword ?? '');
          const list = store.lists.get(kind);
          if (!list) throw new QysValidationError([{ path: 'kind', code: 'invalid' }]);
          let matched = 0;
          const items: Resource[] = [];
          for (const r of list) {
            if (!r.synced) continue;
            if (o?.companyId && r.companyId !== o.companyId) continue;
            if (
              kw &&
              !r.name.toLowerCase().includes(kw) &&
              !(r.category ?? '').includes(kw) &&
              !(r.company ?? '').includes(kw)
            )
              continue;
            if (matched >= offset && items.length < limit) items.push(toResource(r));
            matched++;
          }
          return { items, total: matched, offset };
        }),

      resolve: (kind, ids, o) =>
        call('resources.resolve', o?.signal, ResourceResolveResultSchema, () => {
          const store = storeFor(o?.serviceId);
          const items: Resource[] = [];
          const missing: string[] = [];
          for (const id of ids) {
            const r = store.index.get(id);
            if (r && r.kind === kind && r.synced) items.push(toResource(r));
            else missing.push(id);
          }
          return { items, missing };
        }),

      companies: (o) =>
        call('resources.companies', o?.signal, z.array(CompanySchema), () => {
          // the companies that own a seal in this service's data
          const store = storeFor(o?.serviceId);
          const owners = new Set<string>();
          for (const kind of ['electronic-seal', 'physical-seal'] as const) {
            for (const r of store.lists.get(kind)!) if (r.synced && r.companyId) owners.add(r.companyId);
          }
          return COMPANIES.filter((c) => owners.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
        }),

      lastSynced: (o) =>
        call('resources.lastSynced', o?.signal, z.nullable(z.string()), () => {
          const b = o?.serviceId !== undefined ? getBinding(o.serviceId) : defaultService();
          return b?.lastSyncedAt ?? null;
        }),
    },

    client: {
      context: (o) =>
        call('client.context', o?.signal, ClientContextSchema, (): ClientContext => ({
          clientIp: options.clientIp === undefined ? '10.1.2.3' : options.clientIp,
          oaBaseUrl: options.oaBaseUrl ?? 'https://oa.example.com',
          userId: personId(org.currentUser),
          userName: org.personName[org.currentUser]!,
        })),
      inspectFraming: (url, o) =>
        call('client.inspectFraming', o?.signal, FramingInspectionSchema, (): FramingInspection => {
          const h = hostOf(url);
          if (!h)
            return {
              url,
              reachable: false,
              contentSecurityPolicy: null,
              xFrameOptions: null,
              error: 'invalid-url',
            };
          if (h.includes('unreachable')) {
            return {
              url,
              reachable: false,
              contentSecurityPolicy: null,
              xFrameOptions: null,
              error: 'ECONNREFUSED',
            };
          }
          if (h.includes('noframe')) {
            return {
              url,
              reachable: true,
              status: 200,
              contentSecurityPolicy: "frame-ancestors 'none'",
              xFrameOptions: 'DENY',
            };
          }
          const allowed = options.embedWhitelist ?? [pageOrigin(), oaOrigin()];
          return {
            url,
            reachable: true,
            status: 200,
            contentSecurityPolicy: `frame-ancestors 'self' ${[...new Set(allowed)].join(' ')}`.trim(),
            xFrameOptions: null,
          };
        }),
      segmentPresets: (o) =>
        call('client.segmentPresets', o?.signal, z.array(SegmentPresetSchema), () => clone(segmentPresets)),
    },

    signing: {
      createSession: (request, o) =>
        call('signing.createSession', o?.signal, SigningSessionSchema, (): SigningSession => {
          const parsed = z.safeParse(SigningSessionRequestSchema, request);
          if (!parsed.success) throw validationError(parsed.error.issues);
          const req = parsed.data;
          const b = req.serviceId !== undefined ? getBinding(req.serviceId) : defaultService();
          if (!b) throw new QysNotFoundError('No signing service is configured');
          let url: string;
          if (options.signingUrl) url = options.signingUrl(req);
          else {
            const base =
              b.serviceType === 'private'
                ? req.zone === 'internal' && b.signingUrlInternal.trim()
                  ? b.signingUrlInternal
                  : b.signingUrlExternal
                : b.e10Url;
            const u = new URL(`/${req.page === 'view' ? 'view' : 'sign'}`, base);
            if (req.contractId) u.searchParams.set('contractId', req.contractId);
            u.searchParams.set('ticket', `st-${Math.floor(keyRandom() * 1e12).toString(36)}`);
            u.searchParams.set('lang', req.lang);
            u.searchParams.set('nonce', req.nonce);
            url = u.href;
          }
          if (req.contractId && !contracts.has(req.contractId)) {
            contracts.set(req.contractId, {
              contractId: req.contractId,
              status: 'signing',
              updatedAt: iso(),
            });
          }
          const origin = options.returnOrigin ?? pageOrigin();
          const session: SigningSession = {
            url,
            expiresAt: new Date(now() + 5 * 60_000).toISOString(),
            returnOrigin: origin,
          };
          if (req.contractId) session.contractId = req.contractId;
          return session;
        }),

      contractStatus: (contractId, o) =>
        call('signing.contractStatus', o?.signal, ContractStatusSchema, () => {
          checkService(o?.serviceId);
          return clone(contracts.get(contractId) ?? { contractId, status: 'unknown' as const });
        }),
    },

    control: {
      setFailures(map) {
        failures = toFailureQueues(map);
      },
      failNext(method, kind, times = 1) {
        if (!(MEMORY_HOST_METHODS as readonly string[]).includes(method) && method !== '*') {
          console.warn(`createMemoryHost: no method "${method}" to fail (keys look like "org.children")`);
        }
        const q = failures.get(method) ?? [];
        // a once-failure goes before an "always" entry so it is used first
        q.unshift({ kind, times });
        failures.set(method, q);
      },
      setLatency(l) {
        latency = l;
      },
      calls: (method) => (method === undefined ? totalCalls : (callCounts.get(method) ?? 0)),
      setContractStatus(contractId, status) {
        contracts.set(contractId, { contractId, status, updatedAt: iso() });
      },
      get samples() {
        return clone(samples);
      },
      org,
    },
  };
  return host;
}

/** Keys of `FailureMap`: every method of the host (the contract's one list, `CONTRACT_METHODS`). */
export const MEMORY_HOST_METHODS: readonly ContractMethod[] = CONTRACT_METHODS;

export type { CallOptions };
