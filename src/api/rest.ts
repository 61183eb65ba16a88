/**
 * The REST contract: one route per `QysHost` method. `createHttpHost` calls these routes and parses
 * each answer with `res`; the reference host (dev/reference-host) serves them and validates request
 * bodies with `body`; `scripts/gen-contract.ts` turns this table into docs/contract.openapi.json.
 *
 * Paths use `{name}` for path parameters. Query values are strings on the wire; lists are
 * comma-separated (`types=department,person`); booleans are `true` / `false`.
 * Errors answer with `ErrorBodySchema` and the statuses listed in the OpenAPI document.
 */
import * as z from 'zod/mini';
import {
  BindingInputSchema,
  BindingSchema,
  ClientContextSchema,
  CompanySchema,
  ConnectionReportSchema,
  ContractStatusSchema,
  DateTimeSchema,
  FramingInspectionSchema,
  HttpUrlSchema,
  IdSchema,
  OrgCapabilitiesSchema,
  OrgCountSchema,
  OrgMatchSchema,
  OrgNodePageSchema,
  OrgNodeSchema,
  OrgNodeTypeSchema,
  OrgRefSchema,
  OrgResolveResultSchema,
  OrgScopeRecordSchema,
  OrgScopeSchema,
  ProviderProbeKindSchema,
  ProviderProbeSchema,
  ResourcePageSchema,
  ResourceResolveResultSchema,
  SegmentPresetSchema,
  SigningSessionRequestSchema,
  SigningSessionSchema,
  SyncJobSchema,
  EncryptionKeyValueSchema,
} from './schemas.js';
import type { ContractMethod } from './host.js';

/** Query parameter types (for parsing on the server and for the OpenAPI document). */
export type QueryType = 'string' | 'integer' | 'boolean' | 'list';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryType>;
  body?: z.ZodMiniType;
  /** Response body schema; absent: 204 No Content. */
  res?: z.ZodMiniType;
  /** Success status (200 unless stated). */
  status?: 200 | 201 | 202 | 204;
  /** Schema of `error.current` in a 409 answer, when it is not `res` (a delete answers no body). */
  current?: z.ZodMiniType;
}

export const EncryptionKeySchema = z.object({
  /** 16 characters, the Qiyuesuo 加密密钥 format (see EncryptionKeyValueSchema). */
  key: EncryptionKeyValueSchema,
});
export const LastSyncedSchema = z.object({ lastSyncedAt: z.nullable(DateTimeSchema) });
export const OrgRefsBodySchema = z.object({ refs: z.array(OrgRefSchema) });
export const OrgMatchBodySchema = z.object({
  inputs: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1000, { error: 'list.tooLong' })),
  types: z.optional(z.array(OrgNodeTypeSchema)),
});
export const ScopeBodySchema = z.object({
  scope: OrgScopeSchema,
  version: z.int().check(z.nonnegative()),
});
export const ResourceResolveBodySchema = z.object({
  ids: z.array(IdSchema).check(z.maxLength(1000, { error: 'list.tooLong' })),
  serviceId: z.optional(IdSchema),
});

export const InspectFramingBodySchema = z.object({ url: HttpUrlSchema });
export const ProbeBodySchema = z.object({ kind: ProviderProbeKindSchema });

const page = { offset: 'integer', limit: 'integer' } as const;
const orgFilter = { ...page, types: 'list', includeInactive: 'boolean' } as const;

export const routes = {
  listServices: { method: 'GET', path: '/services', res: z.array(BindingSchema) },
  getService: { method: 'GET', path: '/services/{id}', res: BindingSchema },
  createService: {
    method: 'POST',
    path: '/services',
    body: BindingInputSchema,
    res: BindingSchema,
    status: 201,
  },
  updateService: { method: 'PUT', path: '/services/{id}', body: BindingInputSchema, res: BindingSchema },
  deleteService: {
    method: 'DELETE',
    path: '/services/{id}',
    query: { version: 'integer' },
    status: 204,
    current: BindingSchema,
  },
  testConnection: {
    method: 'POST',
    path: '/services/test-connection',
    body: BindingInputSchema,
    res: ConnectionReportSchema,
  },
  startSync: { method: 'POST', path: '/services/{id}/sync', res: SyncJobSchema, status: 202 },
  probeService: {
    method: 'POST',
    path: '/services/{id}/probe',
    body: ProbeBodySchema,
    res: ProviderProbeSchema,
  },
  getSyncJob: { method: 'GET', path: '/sync-jobs/{jobId}', res: SyncJobSchema },
  createEncryptionKey: {
    method: 'POST',
    path: '/encryption-keys',
    res: EncryptionKeySchema,
    status: 201,
  },
  getScope: { method: 'GET', path: '/services/{id}/scope', res: OrgScopeRecordSchema },
  saveScope: {
    method: 'PUT',
    path: '/services/{id}/scope',
    body: ScopeBodySchema,
    res: OrgScopeRecordSchema,
  },

  orgCapabilities: { method: 'GET', path: '/org/capabilities', res: OrgCapabilitiesSchema },
  orgChildren: {
    method: 'GET',
    path: '/org/children',
    query: { type: 'string', id: 'string', ...orgFilter },
    res: OrgNodePageSchema,
  },
  orgSearch: {
    method: 'GET',
    path: '/org/search',
    query: { q: 'string', ...orgFilter },
    res: OrgNodePageSchema,
  },
  orgResolve: { method: 'POST', path: '/org/resolve', body: OrgRefsBodySchema, res: OrgResolveResultSchema },
  orgCount: { method: 'POST', path: '/org/count', body: OrgScopeSchema, res: OrgCountSchema },
  orgMatch: { method: 'POST', path: '/org/match', body: OrgMatchBodySchema, res: z.array(OrgMatchSchema) },
  orgRecent: { method: 'GET', path: '/org/recent', res: z.array(OrgNodeSchema) },
  orgAddRecent: { method: 'POST', path: '/org/recent', body: OrgRefsBodySchema, status: 204 },
  orgRemoveRecent: {
    method: 'DELETE',
    path: '/org/recent',
    query: { type: 'string', id: 'string' },
    status: 204,
  },
  orgSameDepartment: { method: 'GET', path: '/org/same-department', query: page, res: OrgNodePageSchema },
  orgSubordinates: { method: 'GET', path: '/org/subordinates', query: page, res: OrgNodePageSchema },

  resourceCompanies: {
    method: 'GET',
    path: '/resources/companies',
    query: { serviceId: 'string' },
    res: z.array(CompanySchema),
  },
  resourceLastSynced: {
    method: 'GET',
    path: '/resources/last-synced',
    query: { serviceId: 'string' },
    res: LastSyncedSchema,
  },
  listResources: {
    method: 'GET',
    path: '/resources/{kind}',
    query: { keyword: 'string', serviceId: 'string', companyId: 'string', ...page },
    res: ResourcePageSchema,
  },
  resolveResources: {
    method: 'POST',
    path: '/resources/{kind}/resolve',
    body: ResourceResolveBodySchema,
    res: ResourceResolveResultSchema,
  },

  clientContext: { method: 'GET', path: '/client/context', res: ClientContextSchema },
  segmentPresets: { method: 'GET', path: '/client/segment-presets', res: z.array(SegmentPresetSchema) },
  inspectFraming: {
    method: 'POST',
    path: '/client/inspect-framing',
    body: InspectFramingBodySchema,
    res: FramingInspectionSchema,
  },

  createSigningSession: {
    method: 'POST',
    path: '/signing/sessions',
    body: SigningSessionRequestSchema,
    res: SigningSessionSchema,
    status: 201,
  },
  contractStatus: {
    method: 'GET',
    path: '/signing/contracts/{id}/status',
    query: { serviceId: 'string' },
    res: ContractStatusSchema,
  },
} satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;

/**
 * The routes each contract method calls (`CONTRACT_METHODS` in host.ts is the one list of methods):
 * the compiler checks that every method has its routes; test/api/contract-methods.test.ts that every
 * route belongs to exactly one method. `services.save` creates or updates; `services.sync` starts a
 * job and polls it.
 */
export const METHOD_ROUTES = {
  'services.list': ['listServices'],
  'services.get': ['getService'],
  'services.save': ['createService', 'updateService'],
  'services.delete': ['deleteService'],
  'services.testConnection': ['testConnection'],
  'services.sync': ['startSync', 'getSyncJob'],
  'services.generateEncryptionKey': ['createEncryptionKey'],
  'services.probe': ['probeService'],
  'org.capabilities': ['orgCapabilities'],
  'org.children': ['orgChildren'],
  'org.search': ['orgSearch'],
  'org.resolve': ['orgResolve'],
  'org.count': ['orgCount'],
  'org.match': ['orgMatch'],
  'org.recent': ['orgRecent'],
  'org.addRecent': ['orgAddRecent'],
  'org.removeRecent': ['orgRemoveRecent'],
  'org.sameDepartment': ['orgSameDepartment'],
  'org.subordinates': ['orgSubordinates'],
  'org.getScope': ['getScope'],
  'org.saveScope': ['saveScope'],
  'resources.list': ['listResources'],
  'resources.resolve': ['resolveResources'],
  'resources.companies': ['resourceCompanies'],
  'resources.lastSynced': ['resourceLastSynced'],
  'client.context': ['clientContext'],
  'client.segmentPresets': ['segmentPresets'],
  'client.inspectFraming': ['inspectFraming'],
  'signing.createSession': ['createSigningSession'],
  'signing.contractStatus': ['contractStatus'],
} as const satisfies Record<ContractMethod, readonly RouteName[]>;
