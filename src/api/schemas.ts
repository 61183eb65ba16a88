/**
 * Every wire shape of the host contract, as zod/mini schemas (zod/mini keeps browser bundles small;
 * see docs/decisions.md). Types are inferred from these schemas; the REST contract in docs/ is
 * generated from them (`npm run contract`).
 *
 * Validation messages are message *codes* (`url.protocol`, `required`, …), not prose: the elements
 * localise them (zh-CN / en) and the reference host returns the same codes in 422 responses, so the
 * form shows exactly the message the server would.
 *
 * IDs are strings everywhere: Qiyuesuo IDs are 19-digit integers, beyond Number.MAX_SAFE_INTEGER.
 */
import * as z from 'zod/mini';

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

/** An opaque identifier (Qiyuesuo: 19-digit integer as a string; OA: whatever the OA uses). */
export const IdSchema = z.string().check(z.minLength(1, { error: 'id.required' }), z.maxLength(128));

/** ISO-8601 date-time string. */
export const DateTimeSchema = z.iso.datetime({ offset: true, error: 'datetime.invalid' });

/** True when `value` is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * An absolute http(s) URL. Codes: `required` (empty), `url.protocol` (not http/https),
 * `url.invalid` (not a URL at all).
 */
export const HttpUrlSchema = z.string().check(
  z.superRefine((value, ctx) => {
    const v = value.trim();
    if (v === '') ctx.issues.push({ code: 'custom', message: 'required', input: value });
    else if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^https?:/i.test(v))
      ctx.issues.push({ code: 'custom', message: 'url.protocol', input: value });
    else if (!isHttpUrl(v)) ctx.issues.push({ code: 'custom', message: 'url.invalid', input: value });
  }),
);

/** Optional http(s) URL: empty string means "not set". */
export const OptionalHttpUrlSchema = z.string().check(
  z.superRefine((value, ctx) => {
    const v = value.trim();
    if (v === '') return;
    if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^https?:/i.test(v))
      ctx.issues.push({ code: 'custom', message: 'url.protocol', input: value });
    else if (!isHttpUrl(v)) ctx.issues.push({ code: 'custom', message: 'url.invalid', input: value });
  }),
);

const RequiredText = (max = 256) =>
  z.string().check(
    z.refine((v) => v.trim().length > 0, { error: 'required' }),
    z.maxLength(max, { error: 'text.tooLong' }),
  );

// ---------------------------------------------------------------------------------------------
// Network strategy (内外网自动登录)
// ---------------------------------------------------------------------------------------------

export const AutoLoginModeSchema = z.enum(['off', 'segment', 'domain']);

/**
 * `autoLogin`: `mode` decides which list is in force. Both lists are kept whatever the mode, so
 * switching modes never throws away rules the admin typed. Rules are raw strings; their syntax is
 * checked by `parseSegmentRules` / `parseDomainRules` in src/core.
 */
export const AutoLoginSchema = z.object({
  mode: AutoLoginModeSchema,
  segmentRules: z.array(z.string().check(z.maxLength(200))),
  domainRules: z.array(z.string().check(z.maxLength(260))),
  /** IDs of host-defined named segment presets that are included (see `SegmentPreset`). */
  segmentPresetIds: z.optional(z.array(IdSchema)),
});

export const SegmentPresetSchema = z.object({
  id: IdSchema,
  name: z.string(),
  rules: z.array(z.string()),
});

// ---------------------------------------------------------------------------------------------
// Organisation (分部 / 部门 / 人员)
// ---------------------------------------------------------------------------------------------

export const OrgNodeTypeSchema = z.enum(['subcompany', 'department', 'person']);
export const PersonStatusSchema = z.enum(['active', 'resigned', 'invalid']);

/** A reference to an OA unit or person. */
export const OrgRefSchema = z.object({ type: OrgNodeTypeSchema, id: IdSchema });

export const OrgPathItemSchema = z.object({ type: OrgNodeTypeSchema, id: IdSchema, name: z.string() });

/**
 * A node as the host returns it. `path` lists the ancestors from the root 分部 down to the parent
 * (it does not include the node itself). For persons listed under a department (`parentId`),
 * `departmentIds` holds every department they belong to (兼职 / part-time included).
 */
export const OrgNodeSchema = z.object({
  type: OrgNodeTypeSchema,
  id: IdSchema,
  name: z.string(),
  parentId: z.nullable(IdSchema),
  path: z.array(OrgPathItemSchema),
  /** Units: has child units or persons. Persons: false. */
  hasChildren: z.boolean(),
  /** Units: number of direct children (units + persons), when known. */
  childCount: z.optional(z.int().check(z.nonnegative())),
  /** Units: active persons in the whole subtree (part-time counted once), when known. */
  headCount: z.optional(z.int().check(z.nonnegative())),
  /** Persons only. */
  status: z.optional(PersonStatusSchema),
  employeeNo: z.optional(z.string()),
  loginId: z.optional(z.string()),
  title: z.optional(z.string()),
  departmentIds: z.optional(z.array(IdSchema)),
  /** Persons: true when listed under a department that is not their main one. */
  partTime: z.optional(z.boolean()),
});

/**
 * The sync scope as rules, not a snapshot: an included unit covers everything under it, including
 * people who join later; `exclude` lists persons or sub-units under an included unit that are left out.
 */
export const OrgScopeSchema = z.object({
  include: z.array(OrgRefSchema),
  exclude: z.array(OrgRefSchema),
});

export const OrgScopeRecordSchema = z.object({
  serviceId: IdSchema,
  scope: OrgScopeSchema,
  version: z.int().check(z.nonnegative()),
  updatedAt: z.nullable(DateTimeSchema),
});

/** Live head count of what a scope covers, computed by the host. Keys of `byRef` are `type:id`. */
export const OrgCountSchema = z.object({
  total: z.int().check(z.nonnegative()),
  byRef: z.record(z.string(), z.int().check(z.nonnegative())),
  /** Persons in the scope that are no longer active (离职 / 无效). */
  inactive: z.optional(z.int().check(z.nonnegative())),
});

export const OrgTabSchema = z.enum(['tree', 'search', 'recent', 'same-department', 'subordinates']);

export const OrgCapabilitiesSchema = z.object({
  tabs: z.array(OrgTabSchema),
  /** Whether this user may see resigned / invalid persons. */
  canShowInactive: z.boolean(),
  /** Search matches pinyin / pinyin initials. */
  pinyinSearch: z.boolean(),
});

/** Result of resolving pasted names / employee numbers (bulk entry). */
export const OrgMatchSchema = z.object({
  input: z.string(),
  matches: z.array(OrgNodeSchema),
});

export const OrgResolveResultSchema = z.object({
  nodes: z.array(OrgNodeSchema),
  missing: z.array(OrgRefSchema),
});

// ---------------------------------------------------------------------------------------------
// Paging
// ---------------------------------------------------------------------------------------------

export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.int().check(z.nonnegative()),
    offset: z.int().check(z.nonnegative()),
  });

export const OrgNodePageSchema = pageOf(OrgNodeSchema);

// ---------------------------------------------------------------------------------------------
// Services (服务配置 / bindings)
// ---------------------------------------------------------------------------------------------

export const ServiceTypeSchema = z.enum(['private', 'public']);
/** Open enum: `qiyuesuo` today. */
export const ProviderSchema = z.string().check(z.minLength(1, { error: 'required' }));
export const ServiceStatusSchema = z.enum(['ok', 'error', 'unknown']);
/** The OA generation the Qiyuesuo integration is configured for (seed 001: 泛微E9及以下版本 → 泛微E10). */
export const OaVersionSchema = z.enum(['E9', 'E10']);

/** The last person sync (人员同步) Qiyuesuo pulled through the OA's /openserver routes (seed 001 §4). */
export const PersonSyncSchema = z.object({
  at: DateTimeSchema,
  subcompanies: z.int().check(z.nonnegative()),
  departments: z.int().check(z.nonnegative()),
  /** Active persons handed over (part-time counted once). */
  persons: z.int().check(z.nonnegative()),
});

const BindingCommon = {
  id: IdSchema,
  /** Optimistic-concurrency version; a save must send the version it was read at. */
  version: z.int().check(z.nonnegative()),
  provider: ProviderSchema,
  name: z.string().check(z.maxLength(100, { error: 'text.tooLong' })),
  isDefault: z.boolean(),
  appToken: RequiredText(256),
  /** Whether an App Secret is stored. The secret itself is never returned. */
  appSecretSet: z.boolean(),
  /** 签章人员: persons allowed to start signing directly (meaningful for the default service). */
  signatories: z.array(OrgRefSchema),
  status: ServiceStatusSchema,
  lastSyncedAt: z.nullable(DateTimeSchema),
  updatedAt: DateTimeSchema,
  /** Read-only. `deploy`: created by 一键部署 from the Qiyuesuo console (seed 000 §3.1). */
  createdBy: z.optional(z.enum(['admin', 'deploy'])),
  /** Read-only. Fields the admin still has to fill (`signatories`, `scope`, …), e.g. after 一键部署. */
  pendingFields: z.optional(z.array(z.string())),
  /** Read-only. The last person sync pulled by Qiyuesuo; null: never. */
  personSync: z.optional(z.nullable(PersonSyncSchema)),
};

/**
 * 加密密钥 (encryption key) as the Qiyuesuo field takes it: the AES-128 key of private-cloud SSO
 * (`qystoken`), so exactly 16 characters of printable ASCII (16 bytes; no spaces), as seed 001's
 * `60fb3ed9-3e18-4f`. Checked on input (the form, every save, 测试连接); a stored record is read as is.
 */
export const ENCRYPTION_KEY_PATTERN = /^[\x21-\x7e]{16}$/;
export const isEncryptionKey = (value: unknown): value is string =>
  typeof value === 'string' && ENCRYPTION_KEY_PATTERN.test(value);
export const EncryptionKeyValueSchema = z.string().check(
  z.refine((v) => v.trim().length > 0, { error: 'required' }),
  z.regex(ENCRYPTION_KEY_PATTERN, { error: 'encryptionKey.format' }),
);

const PrivateFields = {
  openApiUrl: HttpUrlSchema,
  encryptionKey: RequiredText(128),
  signingUrlExternal: HttpUrlSchema,
  signingUrlInternal: OptionalHttpUrlSchema,
  autoLogin: AutoLoginSchema,
  /** 泛微团队识别码 (E10 tenant code) as entered in the Qiyuesuo integration; shown by the checklist. */
  tenantCode: z.optional(z.string().check(z.maxLength(128, { error: 'text.tooLong' }))),
  /** OA version chosen in the Qiyuesuo integration (E9 until the upgrade switch, seed 001 §1). */
  oaVersion: z.optional(OaVersionSchema),
};

const PublicFields = {
  ssoEnabled: z.boolean(),
  e10Url: HttpUrlSchema,
  tenantId: RequiredText(128),
};

const internalUrlRequired = z.refine(
  (value: unknown) => {
    const b = value as { serviceType: string; autoLogin?: { mode: string }; signingUrlInternal?: string };
    return (
      b.serviceType !== 'private' || b.autoLogin?.mode === 'off' || (b.signingUrlInternal ?? '').trim() !== ''
    );
  },
  { error: 'signingUrlInternal.requiredForAutoLogin', path: ['signingUrlInternal'] },
);

/** A service configuration as the host returns it (never carries the App Secret). */
export const BindingSchema = z
  .discriminatedUnion('serviceType', [
    z.object({ serviceType: z.literal('private'), ...BindingCommon, ...PrivateFields }),
    z.object({ serviceType: z.literal('public'), ...BindingCommon, ...PublicFields }),
  ])
  .check(internalUrlRequired);

const InputCommon = {
  /** Absent when creating. */
  id: z.optional(IdSchema),
  /** Required when updating: the version the edit started from. */
  version: z.optional(z.int().check(z.nonnegative())),
  provider: ProviderSchema,
  name: z.string().check(z.maxLength(100, { error: 'text.tooLong' })),
  isDefault: z.boolean(),
  appToken: RequiredText(256),
  /**
   * Write-only. Send only to set or replace the secret; omit to keep the stored one.
   * Required when creating.
   */
  appSecret: z.optional(
    z.string().check(
      // Only spaces (a bad paste) is no secret: it would be stored and fail every signature.
      z.regex(/\S/, { error: 'required' }),
      z.maxLength(256),
    ),
  ),
  signatories: z.array(OrgRefSchema),
};

/** What a save sends. */
export const BindingInputSchema = z
  .discriminatedUnion('serviceType', [
    z.object({
      serviceType: z.literal('private'),
      ...InputCommon,
      ...PrivateFields,
      encryptionKey: EncryptionKeyValueSchema,
    }),
    z.object({ serviceType: z.literal('public'), ...InputCommon, ...PublicFields }),
  ])
  .check(
    internalUrlRequired,
    z.refine(
      (value: unknown) =>
        (value as { id?: string }).id !== undefined || !!(value as { appSecret?: string }).appSecret?.trim(),
      {
        error: 'required',
        path: ['appSecret'],
      },
    ),
  );

export const ConnectionStepSchema = z.object({
  /** e.g. `reach` (address answers), `auth` (credentials accepted), `signing` (signing address answers). */
  id: z.string(),
  status: z.enum(['pass', 'fail', 'skip']),
  /** Message code, localised by the element. */
  code: z.string(),
  detail: z.optional(z.string()),
  durationMs: z.optional(z.number()),
});

export const ConnectionReportSchema = z.object({
  ok: z.boolean(),
  steps: z.array(ConnectionStepSchema),
  checkedAt: DateTimeSchema,
});

/**
 * A check only the provider can make (the checklist asks through the host): `callback` = Qiyuesuo sent
 * CALLBACK_CHECK to the OA's callback address and got `success`; `openserver` = Qiyuesuo reached the OA's
 * /openserver with the open-platform credentials.
 */
export const ProviderProbeKindSchema = z.enum(['callback', 'openserver']);
export const ProviderProbeSchema = z.object({
  kind: ProviderProbeKindSchema,
  status: z.enum(['pass', 'fail', 'cannot-check']),
  /** Message code (`probe.callback.ok`, `probe.notSimulator`, …). */
  code: z.string(),
  detail: z.optional(z.string()),
});

export const SyncCountsSchema = z.object({
  total: z.int().check(z.nonnegative()),
  added: z.int().check(z.nonnegative()),
  removed: z.int().check(z.nonnegative()),
  updated: z.int().check(z.nonnegative()),
});

export const SyncReportSchema = z.object({
  serviceId: IdSchema,
  startedAt: DateTimeSchema,
  finishedAt: DateTimeSchema,
  seals: SyncCountsSchema,
  templates: SyncCountsSchema,
  flows: SyncCountsSchema,
});

export const SyncProgressSchema = z.object({
  /** 0..1 */
  ratio: z.number().check(z.gte(0), z.lte(1)),
  /** What is being fetched now: `seals`, `templates`, `flows`. */
  stage: z.string(),
});

/** A long-running sync as the HTTP contract exposes it (POST starts, GET polls). */
export const SyncJobSchema = z.object({
  jobId: IdSchema,
  state: z.enum(['running', 'done', 'failed']),
  progress: SyncProgressSchema,
  report: z.optional(SyncReportSchema),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
});

// ---------------------------------------------------------------------------------------------
// Resources (seals, templates, flows) — 同步服务商数据 brings them into the OA
// ---------------------------------------------------------------------------------------------

export const ResourceKindSchema = z.enum([
  'electronic-seal',
  'physical-seal',
  'file-template',
  'electronic-seal-flow',
  'physical-seal-flow',
]);

export const ResourceSchema = z.object({
  id: IdSchema,
  kind: ResourceKindSchema,
  name: z.string(),
  /** Owning company (内部企业) name. */
  company: z.optional(z.string()),
  companyId: z.optional(IdSchema),
  /** Templates and flows: business category (业务分类). */
  category: z.optional(z.string()),
  status: z.enum(['enabled', 'disabled']),
  /** Seals: image as a `data:image/svg+xml` or `data:image/png` URL, or an https URL. */
  image: z.optional(z.string()),
  /** Seals: 公章 / 合同专用章 / 财务专用章 …  */
  sealType: z.optional(z.string()),
  updatedAt: z.optional(DateTimeSchema),
});

export const ResourcePageSchema = pageOf(ResourceSchema);

export const ResourceResolveResultSchema = z.object({
  items: z.array(ResourceSchema),
  missing: z.array(IdSchema),
});

export const CompanySchema = z.object({ id: IdSchema, name: z.string() });

// ---------------------------------------------------------------------------------------------
// Client context and signing
// ---------------------------------------------------------------------------------------------

/** What the OA server sees of this browser. */
export const ClientContextSchema = z.object({
  /** Client IP as the OA server sees it (after trusted proxies); null when unknown. */
  clientIp: z.nullable(z.string()),
  /** The OA's own public base URL (E10 address), when the host knows it. */
  oaBaseUrl: z.optional(z.string()),
  userId: z.optional(IdSchema),
  userName: z.optional(z.string()),
  /**
   * The E10 open platform's app_key and corpId that Qiyuesuo uses for /openserver (person sync) and
   * 一键部署, shown by the checklist. Never the app_secret.
   */
  openPlatform: z.optional(z.object({ appKey: z.string(), corpId: z.string() })),
});

/** What the OA server saw when it requested a URL on the signing platform (see `ClientApi.inspectFraming`). */
export const FramingInspectionSchema = z.object({
  url: z.string(),
  reachable: z.boolean(),
  status: z.optional(z.int()),
  /** The response's `Content-Security-Policy` header values joined by `, `, or null when absent. */
  contentSecurityPolicy: z.nullable(z.string()),
  xFrameOptions: z.nullable(z.string()),
  /** Why it was unreachable (DNS, refused, timeout, TLS…). */
  error: z.optional(z.string()),
});

export const SigningPageSchema = z.enum(['sign', 'view']);
export const SigningZoneSchema = z.enum(['internal', 'external']);

export const SigningSessionRequestSchema = z.object({
  contractId: z.optional(IdSchema),
  /** Host-defined parameters instead of (or besides) a contract ID. */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  serviceId: z.optional(IdSchema),
  page: SigningPageSchema,
  lang: z.enum(['zh-CN', 'en']),
  /** Which signing address to build on, decided by the network strategy. */
  zone: SigningZoneSchema,
  /** Single-use value the element issues; the return page echoes it back. */
  nonce: z.string().check(z.minLength(16), z.maxLength(128)),
  /** `frame` (embedded) or `popup` (fallback window). */
  display: z.enum(['frame', 'popup']),
});

export const SigningSessionSchema = z.object({
  /** Short-lived, single-use URL (carries the SSO ticket). Never cache beyond `expiresAt`. */
  url: z.string().check(z.refine(isHttpUrl, { error: 'url.invalid' })),
  expiresAt: DateTimeSchema,
  /** Origin the return page posts from (the OA origin that serves it). */
  returnOrigin: z.string(),
  contractId: z.optional(IdSchema),
});

export const ContractStatusSchema = z.object({
  contractId: IdSchema,
  status: z.enum(['draft', 'signing', 'signed', 'declined', 'expired', 'cancelled', 'unknown']),
  updatedAt: z.optional(DateTimeSchema),
});

/** What the return page posts to the parent (or opener) window. */
export const BridgeMessageSchema = z.object({
  source: z.literal('qys-bridge'),
  type: z.enum(['signed', 'declined', 'cancelled', 'expired', 'error', 'login-required']),
  nonce: z.string(),
  contractId: z.optional(z.string()),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
});

// ---------------------------------------------------------------------------------------------
// Errors on the wire
// ---------------------------------------------------------------------------------------------

export const ValidationIssueSchema = z.object({
  /** Field path, dot-joined: `openApiUrl`, `autoLogin.segmentRules.3`. */
  path: z.string(),
  /** Message code (see the element catalogues). */
  code: z.string(),
  message: z.optional(z.string()),
});

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(ValidationIssueSchema)),
    /** 409: the current server-side record. */
    current: z.optional(z.unknown()),
  }),
});

// ---------------------------------------------------------------------------------------------
// Inferred types
// ---------------------------------------------------------------------------------------------

export type Id = z.infer<typeof IdSchema>;
export type AutoLoginMode = z.infer<typeof AutoLoginModeSchema>;
export type AutoLogin = z.infer<typeof AutoLoginSchema>;
export type SegmentPreset = z.infer<typeof SegmentPresetSchema>;
export type OrgNodeType = z.infer<typeof OrgNodeTypeSchema>;
export type PersonStatus = z.infer<typeof PersonStatusSchema>;
export type OrgRef = z.infer<typeof OrgRefSchema>;
export type OrgPathItem = z.infer<typeof OrgPathItemSchema>;
export type OrgNode = z.infer<typeof OrgNodeSchema>;
export type OrgScope = z.infer<typeof OrgScopeSchema>;
export type OrgScopeRecord = z.infer<typeof OrgScopeRecordSchema>;
export type OrgCount = z.infer<typeof OrgCountSchema>;
export type OrgTab = z.infer<typeof OrgTabSchema>;
export type OrgCapabilities = z.infer<typeof OrgCapabilitiesSchema>;
export type OrgMatch = z.infer<typeof OrgMatchSchema>;
export type OrgResolveResult = z.infer<typeof OrgResolveResultSchema>;
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}
export type ServiceType = z.infer<typeof ServiceTypeSchema>;
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;
export type OaVersion = z.infer<typeof OaVersionSchema>;
export type PersonSync = z.infer<typeof PersonSyncSchema>;
export type Binding = z.infer<typeof BindingSchema>;
export type PrivateBinding = Extract<Binding, { serviceType: 'private' }>;
export type PublicBinding = Extract<Binding, { serviceType: 'public' }>;
export type BindingInput = z.infer<typeof BindingInputSchema>;
export type ConnectionStep = z.infer<typeof ConnectionStepSchema>;
export type ConnectionReport = z.infer<typeof ConnectionReportSchema>;
export type SyncCounts = z.infer<typeof SyncCountsSchema>;
export type ProviderProbeKind = z.infer<typeof ProviderProbeKindSchema>;
export type ProviderProbe = z.infer<typeof ProviderProbeSchema>;
export type SyncReport = z.infer<typeof SyncReportSchema>;
export type SyncProgress = z.infer<typeof SyncProgressSchema>;
export type SyncJob = z.infer<typeof SyncJobSchema>;
export type ResourceKind = z.infer<typeof ResourceKindSchema>;
export type Resource = z.infer<typeof ResourceSchema>;
export type ResourceResolveResult = z.infer<typeof ResourceResolveResultSchema>;
export type Company = z.infer<typeof CompanySchema>;
export type ClientContext = z.infer<typeof ClientContextSchema>;
export type FramingInspection = z.infer<typeof FramingInspectionSchema>;
export type SigningPage = z.infer<typeof SigningPageSchema>;
export type SigningZone = z.infer<typeof SigningZoneSchema>;
export type SigningSessionRequest = z.infer<typeof SigningSessionRequestSchema>;
export type SigningSession = z.infer<typeof SigningSessionSchema>;
export type ContractStatus = z.infer<typeof ContractStatusSchema>;
export type BridgeMessage = z.infer<typeof BridgeMessageSchema>;
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** `type:id`, the key used for OrgRefs in maps and in `OrgCount.byRef`. */
export const refKey = (ref: OrgRef): string => `${ref.type}:${ref.id}`;

/** Turns zod issues into wire validation issues (dot-joined path + message code). */
export function toValidationIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string }>,
): ValidationIssue[] {
  return issues.map((i) => ({
    path: i.path.map(String).join('.'),
    code: /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(i.message) ? i.message : 'invalid',
    message: i.message,
  }));
}
