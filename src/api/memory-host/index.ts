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
 *
 * One module per `QysHost` group, each the one implementation of that group's semantics: org.ts
 * (also served over HTTP by the reference host), services.ts, resources.ts, client.ts, signing.ts, and
 * faults.ts (latency, injected failures, validation of answers). This file puts them together.
 */
import { CONTRACT_METHODS, type CallOptions, type ContractMethod, type QysHost } from '../host.js';
import * as z from 'zod/mini';
import {
  BindingSchema,
  type ContractStatus,
  type OrgRef,
  type OrgTab,
  type SigningSessionRequest,
} from '../schemas.js';
import {
  ORG_SIZES,
  STATUS_INVALID,
  STATUS_RESIGNED,
  generateOrg,
  personId,
  seedNumber,
  unitId,
  type OrgData,
  type OrgSize,
} from './data.js';
import { createClient } from './client.js';
import { createRuntime, type FailureKind, type FailureMap, type Latency } from './faults.js';
import { createOrgApi, createOrgModel } from './org.js';
import { createResources } from './resources.js';
import { createServices } from './services.js';
import { createSigning } from './signing.js';

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
export type { FailureKind, FailureSpec, FailureMap, Latency } from './faults.js';
export { createOrgModel, type OrgModel, type OrgModelOptions } from './org.js';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

export interface MemoryHostOptions {
  /** PRNG seed (default fixed): same seed → same data. */
  seed?: number | string;
  /**
   * Org size: `small` (default, ~200 persons), `large` (100,000 persons, ~5,000 departments, 8 分部), `huge`
   * (300,000 persons, ~15,000 departments, 12 分部) or explicit.
   */
  orgSize?: OrgSize | 'small' | 'large' | 'huge';
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

/**
 * Orgs from this many persons get their search haystacks written ahead, in idle slices of a few ms (50–100 ms of
 * work at 100k persons, which a person's first typed query would otherwise wait for); smaller ones write theirs on
 * the first search.
 */
const PREPARE_SEARCH_FROM = 20_000;

/**
 * Runs `step` in idle slices until it reports nothing left: `requestIdleCallback` in browsers (a slice while more
 * than 5 ms are left), else short timers that do not keep Node running.
 */
function whenIdle(step: (more: () => boolean) => boolean): void {
  const ric = (
    globalThis as {
      requestIdleCallback?: (cb: (d: { timeRemaining(): number }) => void) => number;
    }
  ).requestIdleCallback;
  const schedule = () => {
    if (ric) {
      ric((d) => step(() => d.timeRemaining() > 5) && schedule());
      return;
    }
    const t = setTimeout(() => {
      const end = performance.now() + 8;
      if (step(() => performance.now() < end)) schedule();
    }, 10);
    (t as { unref?: () => void }).unref?.();
  };
  schedule();
}

export function createMemoryHost(options: MemoryHostOptions = {}): MemoryHost {
  const seed = seedNumber(options.seed);
  const size = typeof options.orgSize === 'object' ? options.orgSize : ORG_SIZES[options.orgSize ?? 'small'];
  const org = generateOrg(seed, size);
  const rt = createRuntime({
    seed,
    ...(options.latency !== undefined ? { latency: options.latency } : {}),
    ...(options.failures ? { failures: options.failures } : {}),
    ...(options.validate !== undefined ? { validate: options.validate } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.defaultPageSize !== undefined ? { defaultPageSize: options.defaultPageSize } : {}),
  });
  const model = createOrgModel(org, {
    canShowInactive: options.canShowInactive ?? true,
    ...(options.defaultPageSize !== undefined ? { defaultPageSize: options.defaultPageSize } : {}),
  });
  // At scale the search haystacks are written while the page is idle, so the first search is as quick as the next.
  if (org.personCount >= PREPARE_SEARCH_FROM) whenIdle(model.prepareSearch);
  // The groups refer to each other through these late-bound functions (services ↔ org scopes,
  // services ↔ resource data); each module keeps its own state.
  const orgGroup = createOrgApi(rt, model, {
    ...(options.tabs ? { tabs: options.tabs } : {}),
    checkService: (id) => void services.getBinding(id),
  });
  const services = createServices(rt, org, {
    ...(options.noServices ? { noServices: true } : {}),
    seedScope: (record) => orgGroup.seedScope(record),
    forget: (id) => {
      orgGroup.forget(id);
      resources.forget(id);
    },
    storeFor: (id) => resources.storeFor(id),
  });
  const resources = createResources(rt, {
    ...(options.resources !== undefined ? { resources: options.resources } : {}),
    seeded: services.list(),
    getBinding: services.getBinding,
    defaultService: services.defaultService,
  });
  const signing = createSigning(rt, services, options);
  // A host that validates its answers sets its binding schema up while the page is idle (zod builds a schema's
  // lookup tables at its first parse): an element's first call, e.g. the signing frame's open(), then pays for
  // the parse alone.
  if (options.validate !== false)
    whenIdle(() => {
      z.safeParse(z.array(BindingSchema), services.list());
      return false;
    });
  const client = createClient(rt, org, options);

  // ---------------------------------------------------------------- samples
  const unitTypeName = model.unitTypeName;
  const defaultService = services.defaultService;
  const bindings = new Map(services.list().map((b) => [b.id, b]));
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

  const host: MemoryHost = {
    services: services.api,
    org: orgGroup.api,
    resources: resources.api,
    client,
    signing: signing.api,
    control: {
      ...rt.control,
      setContractStatus: signing.setContractStatus,
      get samples() {
        return structuredClone(samples);
      },
      org,
    },
  };
  return host;
}

/** Keys of `FailureMap`: every method of the host (the contract's one list, `CONTRACT_METHODS`). */
export const MEMORY_HOST_METHODS: readonly ContractMethod[] = CONTRACT_METHODS;

export type { CallOptions };
