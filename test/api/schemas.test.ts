import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import * as schemas from '../../src/api/schemas.js';
import {
  isHttpUrl,
  pageOf,
  refKey,
  toValidationIssues,
  type Binding,
  type BindingInput,
  type OrgNode,
} from '../../src/api/schemas.js';

/** `path:code` of every issue (codes as the elements see them, through toValidationIssues). */
function issuesOf(schema: z.ZodMiniType, value: unknown): string[] {
  const r = z.safeParse(schema, value);
  return r.success ? [] : toValidationIssues(r.error.issues).map((i) => `${i.path}:${i.code}`);
}

const T = '2026-11-23T08:00:00.000Z';
const ID19 = '2850000000000000001';

const person: OrgNode = {
  type: 'person',
  id: '10000001',
  name: '张伟',
  parentId: '200001',
  path: [
    { type: 'subcompany', id: '101', name: '总部' },
    { type: 'department', id: '200001', name: '研发中心' },
  ],
  hasChildren: false,
  status: 'active',
  employeeNo: '100001',
  loginId: 'zhangwei',
  title: '工程师',
  departmentIds: ['200001'],
  partTime: false,
};
const unit: OrgNode = {
  type: 'department',
  id: '200001',
  name: '研发中心',
  parentId: '101',
  path: [{ type: 'subcompany', id: '101', name: '总部' }],
  hasChildren: true,
  childCount: 3,
  headCount: 120,
};

const privateBinding: Binding = {
  serviceType: 'private',
  id: ID19,
  version: 2,
  provider: 'qiyuesuo',
  name: '私有云',
  isDefault: true,
  appToken: 'tok',
  appSecretSet: true,
  signatories: [{ type: 'person', id: '10000001' }],
  status: 'ok',
  lastSyncedAt: null,
  updatedAt: T,
  openApiUrl: 'http://10.0.0.21:9182',
  encryptionKey: 'k'.repeat(16),
  signingUrlExternal: 'https://qys.example.com',
  signingUrlInternal: 'http://10.0.0.21:9180',
  autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [] },
};
const publicBinding: Binding = {
  serviceType: 'public',
  id: '2',
  version: 0,
  provider: 'qiyuesuo',
  name: '',
  isDefault: false,
  appToken: 'tok',
  appSecretSet: false,
  signatories: [],
  status: 'unknown',
  lastSyncedAt: T,
  updatedAt: T,
  ssoEnabled: true,
  e10Url: 'https://e10.example.com',
  tenantId: 't1',
};
const { appSecretSet: _1, status: _2, lastSyncedAt: _3, updatedAt: _4, ...privateRest } = privateBinding;
const privateInput: BindingInput = { ...(privateRest as BindingInput) };
const newPublicInput: BindingInput = {
  serviceType: 'public',
  provider: 'qiyuesuo',
  name: '公有云',
  isDefault: false,
  appToken: 'tok',
  appSecret: 's',
  signatories: [],
  ssoEnabled: false,
  e10Url: 'https://e10.example.com',
  tenantId: 't1',
};
const syncCounts = { total: 3, added: 1, removed: 0, updated: 2 };
const syncReport = {
  serviceId: ID19,
  startedAt: T,
  finishedAt: T,
  seals: syncCounts,
  templates: syncCounts,
  flows: syncCounts,
};
const seal = {
  id: ID19,
  kind: 'electronic-seal',
  name: '公章',
  company: '华信科技股份有限公司',
  companyId: '2853171010100000001',
  status: 'enabled',
  image: 'data:image/svg+xml,%3Csvg%3E',
  sealType: '公章',
  updatedAt: T,
};
const sessionRequest = {
  contractId: ID19,
  params: { a: 'x', b: 1, c: true },
  page: 'sign',
  lang: 'zh-CN',
  zone: 'internal',
  nonce: 'n'.repeat(16),
  display: 'frame',
};

/**
 * For every schema: values it must accept, and values it must refuse with the issues expected
 * (`path:code`; `invalid` is what a non-code message becomes). `[value, null]` just expects a refusal.
 */
const cases: Record<
  string,
  { schema: z.ZodMiniType; valid: unknown[]; invalid: [unknown, string[] | null][] }
> = {
  IdSchema: {
    schema: schemas.IdSchema,
    valid: ['1', ID19, 'abc-DEF_1'],
    invalid: [
      ['', [':id.required']],
      ['x'.repeat(129), null],
      [2850000000000000001, null],
    ],
  },
  DateTimeSchema: {
    schema: schemas.DateTimeSchema,
    valid: [T, '2026-11-23T08:00:00+08:00', '2026-11-23T08:00:00Z'],
    invalid: [
      ['2026-11-23', [':datetime.invalid']],
      ['yesterday', [':datetime.invalid']],
      [Date.now(), null],
    ],
  },
  HttpUrlSchema: {
    schema: schemas.HttpUrlSchema,
    valid: ['http://a.b', 'https://qys.example.com:9182/path?x=1', ' https://trim.me '],
    invalid: [
      ['', [':required']],
      ['   ', [':required']],
      ['ftp://qys.example.com', [':url.protocol']],
      ['javascript:alert(1)', [':url.protocol']],
      ['qys.example.com', [':url.invalid']],
      ['http://', [':url.invalid']],
    ],
  },
  OptionalHttpUrlSchema: {
    schema: schemas.OptionalHttpUrlSchema,
    valid: ['', '  ', 'http://10.0.0.21:9180'],
    invalid: [
      ['ws://x.y', [':url.protocol']],
      ['not a url', [':url.invalid']],
    ],
  },
  AutoLoginModeSchema: {
    schema: schemas.AutoLoginModeSchema,
    valid: ['off', 'segment', 'domain'],
    invalid: [['auto', [':invalid']]],
  },
  AutoLoginSchema: {
    schema: schemas.AutoLoginSchema,
    valid: [
      { mode: 'off', segmentRules: [], domainRules: [] },
      {
        mode: 'domain',
        segmentRules: ['10.0.0.0/8'],
        domainRules: ['*.corp.example'],
        segmentPresetIds: ['hq'],
      },
    ],
    invalid: [
      [{ mode: 'segment', segmentRules: ['x'.repeat(201)], domainRules: [] }, ['segmentRules.0:invalid']],
      [{ mode: 'segment', domainRules: [] }, ['segmentRules:invalid']],
      [
        { mode: 'off', segmentRules: [], domainRules: [], segmentPresetIds: [''] },
        ['segmentPresetIds.0:id.required'],
      ],
    ],
  },
  SegmentPresetSchema: {
    schema: schemas.SegmentPresetSchema,
    valid: [{ id: 'hq', name: '总部内网', rules: ['10.0.0.0/8'] }],
    invalid: [[{ id: 'hq', name: '总部内网', rules: '10.0.0.0/8' }, ['rules:invalid']]],
  },
  OrgNodeTypeSchema: {
    schema: schemas.OrgNodeTypeSchema,
    valid: ['subcompany', 'department', 'person'],
    invalid: [['team', [':invalid']]],
  },
  PersonStatusSchema: {
    schema: schemas.PersonStatusSchema,
    valid: ['active', 'resigned', 'invalid'],
    invalid: [['retired', [':invalid']]],
  },
  OrgRefSchema: {
    schema: schemas.OrgRefSchema,
    valid: [{ type: 'person', id: '1' }],
    invalid: [
      [{ type: 'person', id: '' }, ['id:id.required']],
      [{ type: 'group', id: '1' }, ['type:invalid']],
    ],
  },
  OrgPathItemSchema: {
    schema: schemas.OrgPathItemSchema,
    valid: [{ type: 'subcompany', id: '101', name: '总部' }],
    invalid: [[{ type: 'subcompany', id: '101' }, ['name:invalid']]],
  },
  OrgNodeSchema: {
    schema: schemas.OrgNodeSchema,
    valid: [person, unit, { ...unit, type: 'subcompany', parentId: null, path: [] }],
    invalid: [
      [{ ...unit, headCount: -1 }, ['headCount:invalid']],
      [{ ...unit, childCount: 1.5 }, ['childCount:invalid']],
      [{ ...person, status: 'gone' }, ['status:invalid']],
      [{ ...person, parentId: undefined }, ['parentId:invalid']],
      [{ ...person, path: [{ type: 'department', id: '', name: 'x' }] }, ['path.0.id:id.required']],
    ],
  },
  OrgScopeSchema: {
    schema: schemas.OrgScopeSchema,
    valid: [
      { include: [], exclude: [] },
      { include: [{ type: 'subcompany', id: '101' }], exclude: [{ type: 'person', id: '1' }] },
    ],
    invalid: [
      [{ include: [] }, ['exclude:invalid']],
      [{ include: [{ type: 'x', id: '1' }], exclude: [] }, ['include.0.type:invalid']],
    ],
  },
  OrgScopeRecordSchema: {
    schema: schemas.OrgScopeRecordSchema,
    valid: [{ serviceId: '1', scope: { include: [], exclude: [] }, version: 0, updatedAt: null }],
    invalid: [
      [
        { serviceId: '1', scope: { include: [], exclude: [] }, version: -1, updatedAt: null },
        ['version:invalid'],
      ],
      [
        { serviceId: '1', scope: { include: [], exclude: [] }, version: 1, updatedAt: 'x' },
        ['updatedAt:datetime.invalid'],
      ],
    ],
  },
  OrgCountSchema: {
    schema: schemas.OrgCountSchema,
    valid: [
      { total: 4210, byRef: { 'department:200001': 132 } },
      { total: 0, byRef: {}, inactive: 3 },
    ],
    invalid: [
      [{ total: 1, byRef: { a: -1 } }, ['byRef.a:invalid']],
      [{ total: 1.5, byRef: {} }, ['total:invalid']],
    ],
  },
  OrgTabSchema: {
    schema: schemas.OrgTabSchema,
    valid: ['tree', 'search', 'recent', 'same-department', 'subordinates'],
    invalid: [['favourites', [':invalid']]],
  },
  OrgCapabilitiesSchema: {
    schema: schemas.OrgCapabilitiesSchema,
    valid: [{ tabs: ['tree'], canShowInactive: false, pinyinSearch: true }],
    invalid: [[{ tabs: ['tree', 'x'], canShowInactive: false, pinyinSearch: true }, ['tabs.1:invalid']]],
  },
  OrgMatchSchema: {
    schema: schemas.OrgMatchSchema,
    valid: [
      { input: '张伟', matches: [person, person] },
      { input: 'x', matches: [] },
    ],
    invalid: [[{ input: 1, matches: [] }, ['input:invalid']]],
  },
  OrgResolveResultSchema: {
    schema: schemas.OrgResolveResultSchema,
    valid: [{ nodes: [unit], missing: [{ type: 'person', id: '9' }] }],
    invalid: [[{ nodes: [], missing: [{ type: 'person' }] }, ['missing.0.id:invalid']]],
  },
  OrgNodePageSchema: {
    schema: schemas.OrgNodePageSchema,
    valid: [{ items: [person], total: 1, offset: 0 }],
    invalid: [
      [{ items: [], total: -1, offset: 0 }, ['total:invalid']],
      [{ items: [{ ...person, name: 5 }], total: 1, offset: 0 }, ['items.0.name:invalid']],
    ],
  },
  ServiceTypeSchema: {
    schema: schemas.ServiceTypeSchema,
    valid: ['private', 'public'],
    invalid: [['hybrid', [':invalid']]],
  },
  ProviderSchema: {
    schema: schemas.ProviderSchema,
    valid: ['qiyuesuo', 'other'],
    invalid: [['', [':required']]],
  },
  ServiceStatusSchema: {
    schema: schemas.ServiceStatusSchema,
    valid: ['ok', 'error', 'unknown'],
    invalid: [['fine', [':invalid']]],
  },
  BindingSchema: {
    schema: schemas.BindingSchema,
    valid: [
      privateBinding,
      publicBinding,
      {
        ...privateBinding,
        signingUrlInternal: '',
        autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
      },
    ],
    invalid: [
      [{ ...privateBinding, appToken: '' }, ['appToken:required']],
      [{ ...privateBinding, openApiUrl: 'ftp://x' }, ['openApiUrl:url.protocol']],
      [
        { ...privateBinding, signingUrlInternal: '' },
        ['signingUrlInternal:signingUrlInternal.requiredForAutoLogin'],
      ],
      [{ ...publicBinding, tenantId: ' ' }, ['tenantId:required']],
      [{ ...publicBinding, name: 'x'.repeat(101) }, ['name:text.tooLong']],
      [{ ...publicBinding, serviceType: 'hybrid' }, null],
      [{ ...publicBinding, version: -1 }, ['version:invalid']],
    ],
  },
  BindingInputSchema: {
    schema: schemas.BindingInputSchema,
    valid: [
      privateInput,
      newPublicInput,
      { ...privateInput, appSecret: 'new' },
      { ...privateInput, encryptionKey: '60fb3ed9-3e18-4f' },
      { ...privateInput, encryptionKey: 'Ab3$Ab3$Ab3$Ab3$' },
    ],
    invalid: [
      [{ ...newPublicInput, appSecret: undefined }, ['appSecret:required']],
      [{ ...newPublicInput, appSecret: '' }, ['appSecret:required']],
      [{ ...newPublicInput, appSecret: '  \t' }, ['appSecret:required']],
      [{ ...privateInput, appSecret: ' ' }, ['appSecret:required']],
      [{ ...newPublicInput, e10Url: 'e10' }, ['e10Url:url.invalid']],
      [{ ...privateInput, encryptionKey: '' }, ['encryptionKey:required']],
      // 加密密钥: exactly 16 characters (an AES-128 key), printable ASCII, as seed 001's `60fb3ed9-3e18-4f`.
      [{ ...privateInput, encryptionKey: 'abc' }, ['encryptionKey:encryptionKey.format']],
      [{ ...privateInput, encryptionKey: 'k'.repeat(129) }, ['encryptionKey:encryptionKey.format']],
      [
        { ...privateInput, encryptionKey: 'a3f9c2e17b6d4e8f9a0b1c2d3e4f5a6b' },
        ['encryptionKey:encryptionKey.format'],
      ],
      [
        { ...privateInput, encryptionKey: '60fb3ed9-3e18-4f6b-9a51-2d1c7e0b9181' },
        ['encryptionKey:encryptionKey.format'],
      ],
      [{ ...privateInput, encryptionKey: '60fb3ed9 3e18-4f' }, ['encryptionKey:encryptionKey.format']],
      [
        { ...privateInput, encryptionKey: '加密密钥加密密钥加密密钥加密密钥' },
        ['encryptionKey:encryptionKey.format'],
      ],
      [
        {
          ...privateInput,
          signingUrlInternal: ' ',
          autoLogin: { mode: 'domain', segmentRules: [], domainRules: [] },
        },
        ['signingUrlInternal:signingUrlInternal.requiredForAutoLogin'],
      ],
    ],
  },
  EncryptionKeyValueSchema: {
    schema: schemas.EncryptionKeyValueSchema,
    valid: ['60fb3ed9-3e18-4f', 'ABCDEFGHijklmn01', '!#$%&()*+,-./:;<'],
    invalid: [
      ['', [':required']],
      ['abc', [':encryptionKey.format']],
      ['60fb3ed9-3e18-4f6', [':encryptionKey.format']],
      ['60fb3ed9-3e18-4f6b-9a51-2d1c7e0b9181', [':encryptionKey.format']],
      [' 60fb3ed9-3e18-4', [':encryptionKey.format']],
      ['加密密钥加密密钥加密密钥加密密钥', [':encryptionKey.format']],
    ],
  },
  ConnectionStepSchema: {
    schema: schemas.ConnectionStepSchema,
    valid: [{ id: 'reach', status: 'pass', code: 'reach.ok', durationMs: 3 }],
    invalid: [[{ id: 'reach', status: 'ok', code: 'reach.ok' }, ['status:invalid']]],
  },
  ConnectionReportSchema: {
    schema: schemas.ConnectionReportSchema,
    valid: [{ ok: false, steps: [{ id: 'auth', status: 'fail', code: 'auth.rejected' }], checkedAt: T }],
    invalid: [[{ ok: true, steps: [], checkedAt: 'now' }, ['checkedAt:datetime.invalid']]],
  },
  SyncCountsSchema: {
    schema: schemas.SyncCountsSchema,
    valid: [syncCounts],
    invalid: [[{ ...syncCounts, added: -1 }, ['added:invalid']]],
  },
  SyncReportSchema: {
    schema: schemas.SyncReportSchema,
    valid: [syncReport],
    invalid: [[{ ...syncReport, flows: undefined }, ['flows:invalid']]],
  },
  SyncProgressSchema: {
    schema: schemas.SyncProgressSchema,
    valid: [
      { ratio: 0, stage: 'seals' },
      { ratio: 1, stage: 'flows' },
      { ratio: 0.5, stage: 'templates' },
    ],
    invalid: [
      [{ ratio: 1.2, stage: 'seals' }, ['ratio:invalid']],
      [{ ratio: -0.1, stage: 'seals' }, ['ratio:invalid']],
    ],
  },
  SyncJobSchema: {
    schema: schemas.SyncJobSchema,
    valid: [
      { jobId: 'j1', state: 'running', progress: { ratio: 0.3, stage: 'seals' } },
      { jobId: 'j1', state: 'done', progress: { ratio: 1, stage: 'flows' }, report: syncReport },
      {
        jobId: 'j1',
        state: 'failed',
        progress: { ratio: 0.3, stage: 'seals' },
        error: { code: 'auth', message: 'x' },
      },
    ],
    invalid: [[{ jobId: 'j1', state: 'queued', progress: { ratio: 0, stage: '' } }, ['state:invalid']]],
  },
  ResourceKindSchema: {
    schema: schemas.ResourceKindSchema,
    valid: [
      'electronic-seal',
      'physical-seal',
      'file-template',
      'electronic-seal-flow',
      'physical-seal-flow',
    ],
    invalid: [['seal', [':invalid']]],
  },
  ResourceSchema: {
    schema: schemas.ResourceSchema,
    valid: [seal, { id: '1', kind: 'file-template', name: '劳动合同', status: 'disabled', category: '人事' }],
    invalid: [
      [{ ...seal, status: 'on' }, ['status:invalid']],
      [{ ...seal, updatedAt: '2026' }, ['updatedAt:datetime.invalid']],
    ],
  },
  ResourcePageSchema: {
    schema: schemas.ResourcePageSchema,
    valid: [{ items: [seal], total: 10_000, offset: 9_999 }],
    invalid: [[{ items: [{ ...seal, kind: 'x' }], total: 1, offset: 0 }, ['items.0.kind:invalid']]],
  },
  ResourceResolveResultSchema: {
    schema: schemas.ResourceResolveResultSchema,
    valid: [{ items: [seal], missing: ['2850000000999999999'] }],
    invalid: [[{ items: [], missing: [''] }, ['missing.0:id.required']]],
  },
  CompanySchema: {
    schema: schemas.CompanySchema,
    valid: [{ id: '1', name: '华信' }],
    invalid: [[{ id: '1' }, ['name:invalid']]],
  },
  ClientContextSchema: {
    schema: schemas.ClientContextSchema,
    valid: [
      { clientIp: null },
      { clientIp: '10.1.2.3', oaBaseUrl: 'https://oa', userId: '1', userName: '张伟' },
    ],
    invalid: [[{}, ['clientIp:invalid']]],
  },
  FramingInspectionSchema: {
    schema: schemas.FramingInspectionSchema,
    valid: [
      {
        url: 'https://qys',
        reachable: true,
        status: 200,
        contentSecurityPolicy: null,
        xFrameOptions: 'DENY',
      },
      {
        url: 'https://qys',
        reachable: false,
        contentSecurityPolicy: null,
        xFrameOptions: null,
        error: 'DNS',
      },
    ],
    invalid: [
      [
        { url: 'https://qys', reachable: true, status: 200, xFrameOptions: null },
        ['contentSecurityPolicy:invalid'],
      ],
    ],
  },
  SigningPageSchema: {
    schema: schemas.SigningPageSchema,
    valid: ['sign', 'view'],
    invalid: [['edit', [':invalid']]],
  },
  SigningZoneSchema: {
    schema: schemas.SigningZoneSchema,
    valid: ['internal', 'external'],
    invalid: [['dmz', [':invalid']]],
  },
  SigningSessionRequestSchema: {
    schema: schemas.SigningSessionRequestSchema,
    valid: [
      sessionRequest,
      { page: 'view', lang: 'en', zone: 'external', nonce: 'x'.repeat(128), display: 'popup' },
    ],
    invalid: [
      [{ ...sessionRequest, nonce: 'short' }, ['nonce:invalid']],
      [{ ...sessionRequest, lang: 'fr' }, ['lang:invalid']],
      [{ ...sessionRequest, params: { a: null } }, null],
    ],
  },
  SigningSessionSchema: {
    schema: schemas.SigningSessionSchema,
    valid: [
      { url: 'https://qys.example.com/sign?t=1', expiresAt: T, returnOrigin: 'https://oa', contractId: ID19 },
    ],
    invalid: [
      [{ url: 'javascript:alert(1)', expiresAt: T, returnOrigin: 'x' }, ['url:url.invalid']],
      [{ url: 'https://q', expiresAt: 'soon', returnOrigin: 'x' }, ['expiresAt:datetime.invalid']],
    ],
  },
  ContractStatusSchema: {
    schema: schemas.ContractStatusSchema,
    valid: ['draft', 'signing', 'signed', 'declined', 'expired', 'cancelled', 'unknown'].map((status) => ({
      contractId: '1',
      status,
    })),
    invalid: [[{ contractId: '1', status: 'done' }, ['status:invalid']]],
  },
  BridgeMessageSchema: {
    schema: schemas.BridgeMessageSchema,
    valid: [{ source: 'qys-bridge', type: 'signed', nonce: 'n', contractId: '1' }],
    invalid: [
      [{ source: 'other', type: 'signed', nonce: 'n' }, ['source:invalid']],
      [{ source: 'qys-bridge', type: 'hacked', nonce: 'n' }, ['type:invalid']],
    ],
  },
  ValidationIssueSchema: {
    schema: schemas.ValidationIssueSchema,
    valid: [{ path: 'autoLogin.segmentRules.3', code: 'segment.invalid' }],
    invalid: [[{ path: 'a' }, ['code:invalid']]],
  },
  ErrorBodySchema: {
    schema: schemas.ErrorBodySchema,
    valid: [
      { error: { code: 'validation', message: 'x', issues: [{ path: 'a', code: 'required' }] } },
      { error: { code: 'conflict', message: 'x', current: privateBinding } },
    ],
    invalid: [
      [{ error: { code: 'x' } }, ['error.message:invalid']],
      [{ message: 'x' }, ['error:invalid']],
    ],
  },
  OaVersionSchema: {
    schema: schemas.OaVersionSchema,
    valid: ['E9', 'E10'],
    invalid: [['E8', [':invalid']]],
  },
  PersonSyncSchema: {
    schema: schemas.PersonSyncSchema,
    valid: [{ at: T, subcompanies: 1, departments: 12, persons: 348 }],
    invalid: [[{ at: T, subcompanies: 1, departments: 12, persons: -1 }, ['persons:invalid']]],
  },
  ProviderProbeKindSchema: {
    schema: schemas.ProviderProbeKindSchema,
    valid: ['callback', 'openserver'],
    invalid: [['ping', [':invalid']]],
  },
  ProviderProbeSchema: {
    schema: schemas.ProviderProbeSchema,
    valid: [
      { kind: 'callback', status: 'pass', code: 'probe.callback.ok', detail: 'https://oa/papi' },
      { kind: 'openserver', status: 'cannot-check', code: 'probe.notSimulator' },
    ],
    invalid: [[{ kind: 'callback', status: 'ok', code: 'x' }, ['status:invalid']]],
  },
};

describe('schemas', () => {
  it('every exported schema has test samples here', () => {
    const exported = Object.keys(schemas).filter((k) => k.endsWith('Schema'));
    const missing = exported.filter((k) => !(k in cases));
    expect(missing, 'add valid and invalid samples for these schemas').to.deep.equal([]);
  });

  for (const [name, c] of Object.entries(cases)) {
    describe(name, () => {
      it('accepts valid samples', () => {
        for (const v of c.valid) expect(issuesOf(c.schema, v), JSON.stringify(v)).to.deep.equal([]);
      });
      it('refuses invalid samples with the expected paths and codes', () => {
        for (const [v, expected] of c.invalid) {
          const got = issuesOf(c.schema, v);
          expect(got.length, `should refuse ${JSON.stringify(v)}`).to.be.greaterThan(0);
          if (expected) expect(got, JSON.stringify(v)).to.include.members(expected);
        }
      });
    });
  }

  it('isHttpUrl accepts only absolute http(s) URLs with a host', () => {
    expect(['http://a', 'https://a.b/c', 'HTTPS://A.B'].map(isHttpUrl)).to.deep.equal([true, true, true]);
    expect(['', 'a.b', '//a.b', 'mailto:x@y', 'http:/a', 'file:///etc'].map(isHttpUrl)).to.deep.equal([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('pageOf builds a page schema for any item', () => {
    const page = pageOf(schemas.CompanySchema);
    expect(issuesOf(page, { items: [{ id: '1', name: 'x' }], total: 1, offset: 0 })).to.deep.equal([]);
    expect(issuesOf(page, { items: [{ id: '', name: 'x' }], total: 1, offset: 0 })).to.deep.equal([
      'items.0.id:id.required',
    ]);
  });

  it('refKey joins type and id', () => {
    expect(refKey({ type: 'department', id: '200001' })).to.equal('department:200001');
  });

  it('toValidationIssues keeps codes, maps prose to "invalid", joins paths with dots', () => {
    expect(
      toValidationIssues([
        { path: ['autoLogin', 'segmentRules', 3], message: 'segment.invalid' },
        { path: [], message: 'Invalid input: expected string' },
      ]),
    ).to.deep.equal([
      { path: 'autoLogin.segmentRules.3', code: 'segment.invalid', message: 'segment.invalid' },
      { path: '', code: 'invalid', message: 'Invalid input: expected string' },
    ]);
  });
});
