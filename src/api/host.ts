/**
 * The host contract: everything the elements need from the OA, grouped by concern. Elements never
 * call `fetch`; they get a `QysHost` from context (`<qys-host-provider>`) and call it.
 *
 * Rules every implementation follows:
 * - every call takes an optional `AbortSignal`; an aborted call rejects with the signal's reason;
 * - every failure is one of the typed errors in `errors.ts`;
 * - every value returned matches its schema in `schemas.ts` (createHttpHost parses each response);
 * - the App Secret is never returned.
 */
import type {
  Binding,
  BindingInput,
  ClientContext,
  Company,
  ConnectionReport,
  ContractStatus,
  OrgCapabilities,
  OrgCount,
  OrgMatch,
  OrgNode,
  OrgNodeType,
  OrgRef,
  OrgResolveResult,
  OrgScope,
  OrgScopeRecord,
  Page,
  Resource,
  ResourceKind,
  ResourceResolveResult,
  SegmentPreset,
  FramingInspection,
  ProviderProbe,
  ProviderProbeKind,
  SigningSession,
  SigningSessionRequest,
  SyncProgress,
  SyncReport,
} from './schemas.js';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface PageOptions extends CallOptions {
  offset?: number;
  /** Page size; hosts cap it (the reference host at 500). */
  limit?: number;
}

export interface ServicesApi {
  list(options?: CallOptions): Promise<Binding[]>;
  /** Rejects with QysNotFoundError for an unknown ID. */
  get(id: string, options?: CallOptions): Promise<Binding>;
  /**
   * Creates (no `id`) or updates (`id` + the `version` it was read at). A stale version rejects with
   * `QysConflictError` carrying the current record; it never overwrites. Making a service the default
   * clears the flag on the previous default.
   */
  save(input: BindingInput, options?: CallOptions): Promise<Binding>;
  /** `version` guards against deleting a record someone else changed. */
  delete(id: string, version?: number, options?: CallOptions): Promise<void>;
  /**
   * Checks the open-platform address and credentials, step by step. Takes the form's current values
   * (the stored secret is used when `appSecret` is absent and `id` names a saved service).
   */
  testConnection(input: BindingInput, options?: CallOptions): Promise<ConnectionReport>;
  /** 同步服务商数据: pulls seals, templates and flows from the provider into the OA. */
  sync(id: string, options?: CallOptions & { onProgress?: (p: SyncProgress) => void }): Promise<SyncReport>;
  /** A new 加密密钥 (the elements can also generate one with Web Crypto). */
  generateEncryptionKey(options?: CallOptions): Promise<string>;
  /**
   * Optional. Asks the provider, through the OA server, to check what only it can: deliver a
   * CALLBACK_CHECK to the OA's callback address (`callback`), or reach the OA's /openserver with the
   * open-platform credentials (`openserver`). Used by the integration checklist.
   */
  probe?(id: string, kind: ProviderProbeKind, options?: CallOptions): Promise<ProviderProbe>;
}

export interface OrgSearchOptions extends PageOptions {
  types?: OrgNodeType[];
  /** Include 离职 / 无效 persons (only honoured when `capabilities().canShowInactive`). */
  includeInactive?: boolean;
}

export interface OrgApi {
  capabilities(options?: CallOptions): Promise<OrgCapabilities>;
  /** Children of a unit (`null`: the root 分部), units first, then persons; paged. */
  children(
    parent: OrgRef | null,
    options?: PageOptions & { includeInactive?: boolean; types?: OrgNodeType[] },
  ): Promise<Page<OrgNode>>;
  /**
   * Search the whole org by name, pinyin, pinyin initials, 工号 and login account. Results carry
   * their `path` so two 张伟 can be told apart.
   */
  search(query: string, options?: OrgSearchOptions): Promise<Page<OrgNode>>;
  /** Resolve stored refs; refs whose node no longer exists come back in `missing`. */
  resolve(refs: OrgRef[], options?: CallOptions): Promise<OrgResolveResult>;
  /** Live head count of what a scope covers (part-time persons counted once). */
  count(scope: OrgScope, options?: CallOptions): Promise<OrgCount>;
  /** Bulk entry: each input line (name or 工号 or login) with its matches (0, 1 or several). */
  match(inputs: string[], options?: CallOptions & { types?: OrgNodeType[] }): Promise<OrgMatch[]>;
  /** Person-oriented sources (when listed in `capabilities().tabs`). */
  recent(options?: CallOptions): Promise<OrgNode[]>;
  addRecent(refs: OrgRef[], options?: CallOptions): Promise<void>;
  removeRecent(ref: OrgRef, options?: CallOptions): Promise<void>;
  sameDepartment(options?: PageOptions): Promise<Page<OrgNode>>;
  subordinates(options?: PageOptions): Promise<Page<OrgNode>>;
  /** The sync scope (组织架构同步) of a service. */
  getScope(serviceId: string, options?: CallOptions): Promise<OrgScopeRecord>;
  /** Stale `version` rejects with QysConflictError. */
  saveScope(
    serviceId: string,
    scope: OrgScope,
    version: number,
    options?: CallOptions,
  ): Promise<OrgScopeRecord>;
}

export interface ResourceListOptions extends PageOptions {
  keyword?: string;
  serviceId?: string;
  companyId?: string;
}

export interface ResourcesApi {
  list(kind: ResourceKind, options?: ResourceListOptions): Promise<Page<Resource>>;
  /** IDs that no longer exist (deleted in Qiyuesuo) come back in `missing`. */
  resolve(
    kind: ResourceKind,
    ids: string[],
    options?: CallOptions & { serviceId?: string },
  ): Promise<ResourceResolveResult>;
  /** Companies that own seals (for the `company` filter); empty when the host has none. */
  companies(options?: CallOptions & { serviceId?: string }): Promise<Company[]>;
  /** When the provider's data was last synced (null: never). */
  lastSynced(options?: CallOptions & { serviceId?: string }): Promise<string | null>;
}

export interface ClientApi {
  /** What the OA server sees of this browser (client IP) and the OA's base URL. */
  context(options?: CallOptions): Promise<ClientContext>;
  /** Named network-segment presets the OA offers (may be empty). */
  segmentPresets(options?: CallOptions): Promise<SegmentPreset[]>;
  /**
   * Optional. The OA server requests `url` and reports the headers that decide whether a browser may
   * frame it (CSP `frame-ancestors`, `X-Frame-Options`). A parent page cannot observe a refused
   * cross-origin frame (Chromium fires `load` either way), so this is how the embed whitelist (seed 000
   * FAQ 1) is checked; `evaluateFraming()` in src/core decides against the page's origin.
   */
  inspectFraming?(url: string, options?: CallOptions): Promise<FramingInspection>;
}

export interface SigningApi {
  /**
   * Asks the OA server, at the moment it is needed, for a short-lived single-use signing URL built on
   * the internal or external signing address (`zone`), with a return URL carrying `nonce`.
   */
  createSession(request: SigningSessionRequest, options?: CallOptions): Promise<SigningSession>;
  /** The contract's real state, to confirm what the return page said. */
  contractStatus(contractId: string, options?: CallOptions & { serviceId?: string }): Promise<ContractStatus>;
}

export interface QysHost {
  services: ServicesApi;
  org: OrgApi;
  resources: ResourcesApi;
  client: ClientApi;
  signing: SigningApi;
}

/** A contract method, `group.method` (`org.children`, `services.save`): derived from `QysHost`. */
export type ContractMethod = {
  [G in keyof QysHost]: `${G}.${Extract<keyof QysHost[G], string>}`;
}[keyof QysHost];

type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
/** The methods a host may leave out (`services.probe`, `client.inspectFraming`). */
export type OptionalContractMethod = {
  [G in keyof QysHost]: `${G}.${Extract<OptionalKeys<QysHost[G]>, string>}`;
}[keyof QysHost];

/**
 * Every contract method, once. The compiler checks this table against `QysHost` both ways (a method
 * added to an interface and not here, or listed here and gone from the interface, is a type error);
 * the memory host's failure keys, the REST routes (`METHOD_ROUTES` in rest.ts) and the conformance
 * suite derive from it. `true`: optional in `QysHost` (a host may leave it out).
 */
const METHODS = {
  'services.list': false,
  'services.get': false,
  'services.save': false,
  'services.delete': false,
  'services.testConnection': false,
  'services.sync': false,
  'services.generateEncryptionKey': false,
  'services.probe': true,
  'org.capabilities': false,
  'org.children': false,
  'org.search': false,
  'org.resolve': false,
  'org.count': false,
  'org.match': false,
  'org.recent': false,
  'org.addRecent': false,
  'org.removeRecent': false,
  'org.sameDepartment': false,
  'org.subordinates': false,
  'org.getScope': false,
  'org.saveScope': false,
  'resources.list': false,
  'resources.resolve': false,
  'resources.companies': false,
  'resources.lastSynced': false,
  'client.context': false,
  'client.segmentPresets': false,
  'client.inspectFraming': true,
  'signing.createSession': false,
  'signing.contractStatus': false,
} as const satisfies { [M in ContractMethod]: M extends OptionalContractMethod ? true : false };

/** Every contract method, `group.method`, in `QysHost` order. */
export const CONTRACT_METHODS = Object.keys(METHODS) as readonly ContractMethod[];

/** Whether a contract method is optional in `QysHost` (`services.probe`, `client.inspectFraming`). */
export const isOptionalMethod = (m: ContractMethod): boolean => METHODS[m];
