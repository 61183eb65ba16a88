/**
 * The reference host: the REST contract (src/api/rest.ts, docs/contract.openapi.json) over Node's
 * `http`, standing in for the E10 backend. Services, scopes, recent picks and synced resources live in a
 * JSON file store (store.ts); the org is generated in memory and answered by the memory host's org module
 * (src/api/memory-host/org.ts, the one implementation of the org semantics). It calls Qiyuesuo's documented
 * private-cloud open API (qys-client.ts; the simulator in development) for 测试连接, 同步服务商数据,
 * contract status and signing sessions (`POST /contract/signurl`), serves seal pictures
 * (`GET /qys-seal-image/…`), the OA-side return page `GET /qys-return` and the contract itself
 * (`GET /openapi.json`).
 *
 * Development only. Test hooks: a request header `x-qys-fault` makes the host answer badly on purpose
 * (`malformed`, `notjson`, `slow[:ms]`, `stall[:ms]` (headers at once, the body after a pause), an HTTP status such as `500` / `401`, `flaky:<key>[:n]`: the
 * first n (default 2) requests with that key answer 503); `GET /__ref/attempts?key=` counts requests per key.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { routes, type RouteDef, type RouteName } from '../../src/api/rest.js';
import {
  ContractStatusSchema,
  ResourceKindSchema,
  toValidationIssues,
  type BindingInput,
  type ConnectionStep,
  type ContractStatus,
  type OrgNode,
  type OrgNodeType,
  type OrgRef,
  type Resource,
  type ResourceKind,
  type SigningSessionRequest,
  type SyncCounts,
  type SyncJob,
  type ValidationIssue,
} from '../../src/api/schemas.js';
import { validateSigningStrategy } from '../../src/core/network-strategy/resolve.js';
import { evaluateFraming } from '../../src/core/integration/framing.js';
import { encryptionKeyFromHex } from '../../src/core/binding/encryption-key.js';
import { SIMULATOR_DEFAULT_APP, SIMULATOR_DEFAULT_PORT, type SimulatorApp } from '../simulator/defaults.js';
import { SEED_PRIVATE_ID, seedDoc, toBinding, type StoreDoc, type StoredService } from './model.js';
import { createOrgModel, type OrgModel } from '../../src/api/memory-host/org.js';
import { generateOrg, seedNumber } from '../../src/api/memory-host/data.js';
import { QysNotFoundError, QysValidationError } from '../../src/api/errors.js';
import { CAS_VALIDATE_PATH, CasTickets, ticketFrom } from './cas.js';
import {
  contractStatus as qysContractStatus,
  listCategories,
  listInnerCompanySeals,
  listTemplates,
  personMobile,
  QysApiError,
  qysHealth,
  qysCall,
  qysToken,
  sealImage,
  signUrl,
  viewUrl,
  type QysCredentials,
} from './qys-client.js';
import { sampleResources } from './sample-resources.js';
import { JsonStore } from './store.js';
import { createCallbackReceiver } from './callbacks.js';
import { bindingView, createDeployRoute } from './deploy.js';
import { createOpenServer, E10_DEV_OPEN_PLATFORM, type OpenPlatformCredentials } from './openserver.js';
import { probeProvider } from './probe.js';

export interface ReferenceHostOptions {
  host?: string;
  /** 0: a free port. Default 9180. */
  port?: number;
  /** Folder of the JSON store (default dev/.data). */
  dataDir?: string;
  /** The Qiyuesuo simulator's open API, which the seeded private service points at. */
  simulatorUrl?: string;
  /** The simulator's signing web app (the seeded service's signing addresses); default: simulatorUrl. */
  simulatorSigningUrl?: string;
  /**
   * The public cloud's address, where a public service with 单点登录 sends the browser
   * (`/open/ssogateway?ticket=…`); in development the simulator's signing app. Unset: public services
   * open no signing sessions.
   */
  publicCloudUrl?: string;
  quiet?: boolean;
  /** Persons in the generated org (default 2000; the memory host's generator, same seed). */
  orgSize?: number;
  /** Pause between sync stages, so progress is visible (default 100 ms). */
  syncStageDelayMs?: number;
  /** The E10 open platform's app_key / app_secret / corpId (/openserver, 一键部署). Default: dev values. */
  openPlatform?: OpenPlatformCredentials;
}

export interface ReferenceHost {
  url: string;
  store: JsonStore<StoreDoc>;
  /** The OA's org (generated; read-only): the memory host's org module over it. */
  org: ReferenceOrg;
  /** Credentials of the seeded private service (dev/servers.ts tells the simulator). */
  simulatorApp: SimulatorApp;
  /** The open platform credentials Qiyuesuo uses for /openserver and 一键部署. */
  openPlatform: OpenPlatformCredentials;
  stop(): Promise<void>;
}

/** The generated org as the reference host serves it. */
export interface ReferenceOrg {
  model: OrgModel;
  currentUserId: string;
  personCount: number;
  roots(): OrgRef[];
  person(id: string): OrgNode | undefined;
}

export const REFERENCE_HOST_DEFAULT_PORT = 9180;
const MAX_LIMIT = 500;
const MAX_BODY = 1 << 20;
const SESSION_TTL_MS = 5 * 60 * 1000;

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { issues?: ValidationIssue[]; current?: unknown } = {},
  ) {
    super(message);
  }
}
const notFound = (what: string) => new HttpFailure(404, 'not-found', `${what} not found`);
const invalid = (issues: ValidationIssue[]) =>
  new HttpFailure(422, 'validation', 'The input was refused', { issues });

/** Loopback origins (any port) may call the host from a browser in development. */
export const isDevOrigin = (origin: string) =>
  /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin);

interface Ctx {
  req: IncomingMessage;
  params: Record<string, string>;
  query: Record<string, string | number | boolean | string[] | undefined>;
  body: unknown;
  self: string;
}
type Result = { status?: number; body?: unknown };

function compile(def: RouteDef): RegExp {
  return new RegExp('^' + def.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)') + '$');
}

function parseQuery(def: RouteDef, sp: URLSearchParams): Ctx['query'] {
  const out: Ctx['query'] = {};
  const issues: ValidationIssue[] = [];
  for (const [name, type] of Object.entries(def.query ?? {})) {
    const raw = sp.get(name);
    if (raw === null || raw === '') continue;
    if (type === 'integer') {
      const n = Number(raw);
      // Beyond the safe-integer range a number is rounded (1e21, 9007199254740993): refused, not echoed.
      if (!Number.isSafeInteger(n) || n < 0) issues.push({ path: name, code: 'number.invalid' });
      else out[name] = n;
    } else if (type === 'boolean') {
      if (raw !== 'true' && raw !== 'false') issues.push({ path: name, code: 'boolean.invalid' });
      else out[name] = raw === 'true';
    } else if (type === 'list') out[name] = raw.split(',').filter(Boolean);
    else out[name] = raw;
  }
  // A malformed query value is a bad request (400), with the same `issues` as a refused body.
  if (issues.length) throw new HttpFailure(400, 'bad-request', 'A query parameter is malformed', { issues });
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new HttpFailure(413, 'too-large', 'Body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Breaks a valid answer at one place, for contract-error tests. */
function corrupt(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [corrupt(value[0]), ...value.slice(1)] : [42];
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('items' in o) return { ...o, items: corrupt(o.items) };
    if ('id' in o) return { ...o, id: 42 };
    const k = Object.keys(o)[0];
    return k === undefined ? 42 : { ...o, [k]: typeof o[k] === 'number' ? 'x' : 42 };
  }
  return { unexpected: true };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => new Date().toISOString();

function returnPage(parentOrigin: string | null): string {
  // The page posts to its parent (frame) or opener (popup). Target origin: the embedding OA page's
  // origin (in production the same origin that serves this page; in development a loopback origin
  // carried in the return URL's path).
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>契约锁 返回</title></head>
<body data-qys-page="return"><p id="m">正在返回… / Returning…</p><script>
(function () {
  var q = new URLSearchParams(location.search);
  var target = ${JSON.stringify(parentOrigin)} || location.origin;
  var msg = { source: 'qys-bridge', type: q.get('type') || 'error', nonce: q.get('nonce') || '' };
  if (q.get('contractId')) msg.contractId = q.get('contractId');
  if (q.get('code')) msg.code = q.get('code');
  var to = window.parent !== window ? window.parent : window.opener;
  if (to) to.postMessage(msg, target);
  else document.getElementById('m').textContent = '签署流程已结束,可以关闭此页面。 / Signing finished; you can close this page.';
})();
</script></body></html>`;
}

export async function startReferenceHost(options: ReferenceHostOptions = {}): Promise<ReferenceHost> {
  const hostname = options.host ?? '127.0.0.1';
  const simulatorUrl = options.simulatorUrl ?? `http://127.0.0.1:${SIMULATOR_DEFAULT_PORT}`;
  const dataDir = options.dataDir ?? join(import.meta.dirname, '..', '.data');
  const stageDelay = options.syncStageDelayMs ?? 100;
  const log = options.quiet ? () => {} : (line: string) => console.log(`[reference-host] ${line}`);

  // The org part of the contract (children, search, resolve, counts, match, same department,
  // subordinates, what a scope covers) is the memory host's org module, the one implementation of those
  // semantics; this host serves it over HTTP and adds `recent` in its store.
  const model = createOrgModel(generateOrg(seedNumber(undefined), orgSizes(options.orgSize ?? 2000)));
  const org: ReferenceOrg = {
    model,
    currentUserId: model.currentUser.id,
    personCount: model.data.personCount,
    roots: model.roots,
    person: (id) => model.nodeOf({ type: 'person', id }) ?? undefined,
  };
  const orgApi = {
    children: async (...a: Parameters<OrgModel['children']>) => model.children(...a),
    search: async (...a: Parameters<OrgModel['search']>) => model.search(...a),
    resolve: async (...a: Parameters<OrgModel['resolve']>) => model.resolve(...a),
    count: async (...a: Parameters<OrgModel['count']>) => model.count(...a),
    match: async (...a: Parameters<OrgModel['match']>) => model.match(...a),
    sameDepartment: async (...a: Parameters<OrgModel['sameDepartment']>) => model.sameDepartment(...a),
    subordinates: async (...a: Parameters<OrgModel['subordinates']>) => model.subordinates(...a),
  };
  /** The org module's typed errors as HTTP answers (404, 422). */
  const orgCall = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (e) {
      if (e instanceof QysNotFoundError) throw new HttpFailure(404, 'not-found', e.message);
      if (e instanceof QysValidationError) throw invalid(e.issues);
      throw e;
    }
  };
  const missingOf = async (refs: OrgRef[]) => {
    const keys = new Set((await orgApi.resolve(refs)).missing.map((r) => `${r.type}:${r.id}`));
    return (r: OrgRef) => keys.has(`${r.type}:${r.id}`);
  };
  const samples = sampleResources();
  const store = await JsonStore.open<StoreDoc>({
    file: join(dataDir, 'reference-host.json'),
    seed: () =>
      seedDoc({
        simulatorUrl,
        ...(options.simulatorSigningUrl ? { signingUrl: options.simulatorSigningUrl } : {}),
        currentUserId: org.currentUserId,
        colleagues: model.sameDepartment({ limit: 500 }).items.map((p) => p.id),
        // The second 分部 (北京分公司) as the private service's sync scope.
        scope: { include: [org.roots()[1] ?? org.roots()[0]!], exclude: [] },
      }),
  });

  const jobs = new Map<string, SyncJob>();
  const runningSync = new Map<string, string>();
  const usedNonces = new Set<string>();
  /** Public-cloud SSO tickets (single use, 5 minutes), validated by Qiyuesuo at CAS_VALIDATE_PATH. */
  const casTickets = new CasTickets();
  /**
   * Signing sessions whose result the return page may still report: nonce → the contract it was
   * opened for (null: the platform starts one). Anyone can load /qys-return, so only the first report
   * with a nonce this host issued, for that session's contract, is believed.
   */
  const openReturns = new Map<string, string | null>();
  const contracts = new Map<string, ContractStatus>();
  /** A session was handed out: its nonce may report once (bounded), its contract is signing until told otherwise. */
  const rememberSession = (nonce: string, contractId: string | undefined) => {
    openReturns.set(nonce, contractId ?? null);
    if (openReturns.size > 10_000) openReturns.delete(openReturns.keys().next().value!);
    if (contractId && !contracts.has(contractId))
      contracts.set(contractId, { contractId, status: 'signing', updatedAt: now() });
  };
  /**
   * A session is asked for: its nonce is used once (409 when seen before), and the return page's path segment names
   * the asking page's origin when that is another dev origin (the frame's parent), else nothing.
   */
  const claimSession = (c: { req: IncomingMessage; self: string }, nonce: string): string => {
    if (usedNonces.has(nonce)) throw new HttpFailure(409, 'nonce.reused', 'This nonce was used before');
    usedNonces.add(nonce);
    const origin = String(c.req.headers.origin ?? '');
    return origin && origin !== c.self && isDevOrigin(origin)
      ? `/o/${Buffer.from(origin).toString('base64url')}`
      : '';
  };
  const attempts = new Map<string, number>();
  const openPlatform = options.openPlatform ?? E10_DEV_OPEN_PLATFORM;
  const callbacks = createCallbackReceiver({
    keys: () => store.data.services.flatMap((s) => (s.callbackKeys ? [s.callbackKeys] : [])),
    // A legacy callback is confirmed with Qiyuesuo through the private services (callbacks.ts).
    confirmers: () =>
      store.data.services.flatMap((s) =>
        s.serviceType === 'private' ? [{ serviceId: s.id, credentials: credentials(s, s.appSecret) }] : [],
      ),
    contracts,
    log,
  });
  const openServer = createOpenServer({ store, org, credentials: openPlatform, log });
  const deployRoute = createDeployRoute({ store, openServer, log });

  const findService = (id: string): StoredService => {
    const s = store.data.services.find((x) => x.id === id);
    if (!s) throw notFound(`Service ${id}`);
    return s;
  };
  const defaultServiceId = () => (store.data.services.find((s) => s.isDefault) ?? store.data.services[0])?.id;
  const page = (q: Ctx['query']) => ({
    offset: (q.offset as number | undefined) ?? 0,
    limit: Math.min((q.limit as number | undefined) ?? 50, MAX_LIMIT),
  });
  const resourcesOf = (serviceId: string | undefined, kind: ResourceKind): Resource[] => {
    const id = serviceId ?? defaultServiceId();
    if (serviceId !== undefined) findService(serviceId);
    const synced = id ? store.data.synced[id] : undefined;
    return synced ? synced.resources.filter((r) => r.kind === kind) : samples[kind];
  };
  const kindParam = (raw: string | undefined): ResourceKind => {
    const r = z.safeParse(ResourceKindSchema, raw);
    if (!r.success) throw notFound(`Resource kind ${raw}`);
    return r.data;
  };
  const credentials = (s: { openApiUrl: string; appToken: string }, secret: string): QysCredentials => ({
    openApiUrl: s.openApiUrl,
    appToken: s.appToken,
    appSecret: secret,
  });
  const setStatus = (id: string, patch: Partial<Pick<StoredService, 'status' | 'lastSyncedAt'>>) =>
    store.update((d) => {
      const s = d.services.find((x) => x.id === id);
      if (s) Object.assign(s, patch); // server-side state: no version bump, so an open form is not stale
    });

  /**
   * 内外网自动登录 rules are checked on save, as signing will read them: a strategy that is on needs at
   * least one rule, every rule of the list in force must parse, and selected presets must exist.
   * Otherwise the binding would save fine and only fail when someone signs.
   */
  function checkStrategy(input: BindingInput): void {
    if (input.serviceType !== 'private') return;
    const issues = validateSigningStrategy(input, { presets: store.data.segmentPresets });
    if (issues.length) throw invalid(issues);
  }

  function fromInput(
    input: BindingInput,
    prev: StoredService | undefined,
    id: string,
    version: number,
  ): StoredService {
    const { appSecret, version: _v, id: _i, ...fields } = input;
    return {
      ...fields,
      id,
      version,
      appSecret: appSecret ?? prev?.appSecret ?? '',
      status: prev?.status ?? 'unknown',
      lastSyncedAt: prev?.lastSyncedAt ?? null,
      updatedAt: now(),
      // Server-side facts a save does not carry.
      ...(prev?.createdBy ? { createdBy: prev.createdBy } : {}),
      // Integration facts (一键部署 sets them; a form that does not show them omits them): kept when omitted.
      ...(fields.serviceType === 'private' && prev?.serviceType === 'private'
        ? {
            ...(fields.tenantCode === undefined && prev.tenantCode !== undefined
              ? { tenantCode: prev.tenantCode }
              : {}),
            ...(fields.oaVersion === undefined && prev.oaVersion !== undefined
              ? { oaVersion: prev.oaVersion }
              : {}),
          }
        : {}),
      ...(prev?.personSync ? { personSync: prev.personSync } : {}),
      ...(prev?.callbackKeys ? { callbackKeys: prev.callbackKeys } : {}),
    } as StoredService;
  }

  async function testConnection(
    input: BindingInput,
    pageOrigin: string,
  ): Promise<{ ok: boolean; steps: ConnectionStep[]; checkedAt: string }> {
    const stored = input.id !== undefined ? findService(input.id) : undefined;
    // The stored secret signs only for the stored open-API address. A signature (md5 of token +
    // secret + timestamp, not bound to a path) sent to a changed address could be replayed against
    // the platform for minutes: the admin types the secret again to test another address.
    const sameAddress = (a: string, b: string) =>
      a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');
    const storedSecret =
      stored?.serviceType === 'private' &&
      input.serviceType === 'private' &&
      sameAddress(stored.openApiUrl, input.openApiUrl)
        ? stored.appSecret
        : '';
    const secret = input.appSecret ?? storedSecret;
    const steps: ConnectionStep[] = [];
    const step = async (
      id: string,
      run: () => Promise<{ code: string; detail?: string }>,
      failCode: (e: unknown) => string,
    ) => {
      const t0 = performance.now();
      try {
        const r = await run();
        steps.push({ id, status: 'pass', ...r, durationMs: Math.round(performance.now() - t0) });
        return true;
      } catch (e) {
        steps.push({
          id,
          status: 'fail',
          code: failCode(e),
          detail: (e as Error).message,
          durationMs: Math.round(performance.now() - t0),
        });
        return false;
      }
    };
    if (input.serviceType === 'public') {
      // The public cloud is not reachable from a development machine; nothing is claimed.
      steps.push({
        id: 'reach',
        status: 'skip',
        code: 'skipped',
        detail: 'The public cloud is not checked by the development host',
      });
    } else {
      // 1. /checkHealth (no signature) 2. the credentials with a signed call 3. the signing web app
      // 4. its embed whitelist for this OA page 5. the 加密密钥 with an SSO round trip.
      const reached = await step(
        'reach',
        async () => {
          await qysHealth(input.openApiUrl);
          return { code: 'reach.ok', detail: 'GET /checkHealth: OK' };
        },
        (e) => (e instanceof QysApiError && e.code === 'notQiyuesuo' ? 'reach.notQiyuesuo' : 'reach.failed'),
      );
      if (reached && !secret) steps.push({ id: 'auth', status: 'fail', code: 'auth.secretMissing' });
      const authed =
        reached &&
        !!secret &&
        (await step(
          'auth',
          async () => {
            // What Weaver's checkServer() calls.
            const env = await qysCall(credentials(input, secret), 'GET', '/contract/categories');
            const n = Array.isArray(env.categories) ? env.categories.length : 0;
            return { code: 'auth.ok', detail: `GET /contract/categories: ${n}` };
          },
          (e) =>
            ({
              '1001': 'auth.rejected',
              '1002': 'auth.badToken',
              '1003': 'auth.badSecret',
              '1004': 'auth.clockSkew',
            })[e instanceof QysApiError ? e.code : ''] ?? 'auth.rejected',
        ));
      if (!reached) steps.push({ id: 'auth', status: 'skip', code: 'skipped' });
      if (!authed) {
        for (const id of ['signing', 'embed', 'sso']) steps.push({ id, status: 'skip', code: 'skipped' });
      } else {
        const signing: [string, string][] = [['signing', input.signingUrlExternal]];
        if (input.signingUrlInternal.trim()) signing.push(['signingInternal', input.signingUrlInternal]);
        let framing: { url: string; csp: string | null; xfo: string | null } | undefined;
        let signingOk = true;
        for (const [id, url] of signing)
          signingOk =
            (await step(
              id,
              async () => {
                const r = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
                await r.body?.cancel();
                if (id === 'signing')
                  framing = {
                    url,
                    csp: r.headers.get('content-security-policy'),
                    xfo: r.headers.get('x-frame-options'),
                  };
                return { code: 'signing.ok', detail: `HTTP ${r.status}` };
              },
              () => 'signing.failed',
            )) && signingOk;
        if (!framing) steps.push({ id: 'embed', status: 'skip', code: 'skipped' });
        else {
          const f = framing;
          await step(
            'embed',
            async () => {
              const v = evaluateFraming(
                {
                  url: f.url,
                  reachable: true,
                  contentSecurityPolicy: f.csp,
                  xFrameOptions: f.xfo,
                },
                pageOrigin,
              );
              if (v.verdict === 'refused')
                throw new QysApiError(
                  'embed.refused',
                  `${pageOrigin} is not in the embed whitelist (${v.directive ?? v.reason})`,
                );
              return { code: 'embed.ok', detail: `${pageOrigin}: ${v.reason}` };
            },
            () => 'embed.refused',
          );
        }
        if (!signingOk) steps.push({ id: 'sso', status: 'skip', code: 'skipped' });
        else
          await step(
            'sso',
            async () => {
              // A qystoken for the person testing (known to Qiyuesuo by mobile) on a page of the signing app:
              // the right key signs in, a wrong one lands on the login page.
              const token = qysToken(personMobile(org.currentUserId), input.encryptionKey);
              const url = new URL('usercenter/info', input.signingUrlExternal.replace(/\/+$/, '') + '/');
              url.searchParams.set('qystoken', token);
              const r = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
              const html = await r.text().catch(() => '');
              const location = r.headers.get('location') ?? '';
              if (r.status >= 300 && r.status < 400 && /\/login\b/.test(location)) {
                const reason = new URL(location, url).searchParams.get('reason') ?? '';
                throw new QysApiError(
                  reason === 'unknown-user' ? 'sso.unknownUser' : 'sso.badKey',
                  `GET /usercenter/info?qystoken=… → ${r.status} ${location}`,
                );
              }
              if (r.status !== 200 || /data-qys-page="login"/.test(html))
                throw new QysApiError('sso.failed', `GET /usercenter/info?qystoken=… → HTTP ${r.status}`);
              return { code: 'sso.ok', detail: 'GET /usercenter/info?qystoken=…: HTTP 200' };
            },
            (e) =>
              e instanceof QysApiError && e.code === 'keyFormat'
                ? 'sso.keyFormat'
                : e instanceof QysApiError && e.code.startsWith('sso.')
                  ? e.code
                  : 'sso.failed',
          );
      }
    }
    const ok = steps.every((s) => s.status === 'pass');
    if (stored) await setStatus(stored.id, { status: ok ? 'ok' : 'error' });
    return { ok, steps, checkedAt: now() };
  }

  async function runSync(job: SyncJob, service: StoredService, self = ''): Promise<void> {
    const startedAt = now();
    try {
      if (service.serviceType !== 'private')
        throw new QysApiError(
          'provider.publicCloud',
          'The public cloud cannot be reached from the development host',
        );
      const cred = credentials(service, service.appSecret);
      const fetched: Resource[] = [];
      // Seals as Weaver's sync reads them (all inner companies, once per category), every page of the
      // templates, and the categories (用印流程) per company so the 停用 ones come too.
      const stages: Array<[stage: string, run: () => Promise<Resource[]>]> = [
        ['seals', () => listInnerCompanySeals(cred, 'ELECTRONIC')],
        ['seals', () => listInnerCompanySeals(cred, 'PHYSICS')],
        ['templates', () => listTemplates(cred)],
        ['flows', () => listCategories(cred)],
      ];
      for (const [i, [stage, run]] of stages.entries()) {
        job.progress = { ratio: i / stages.length, stage };
        const list = await run();
        // Seal pictures come through this host (GET /qys-seal-image/…), never as a platform URL.
        for (const r of list)
          if (r.kind.endsWith('-seal') && self)
            r.image = `${self}/qys-seal-image/${encodeURIComponent(service.id)}/${encodeURIComponent(r.id)}`;
        fetched.push(...list);
        if (stageDelay) await sleep(stageDelay);
      }
      const at = now();
      const report = await store.update((d) => {
        const before = new Map((d.synced[service.id]?.resources ?? []).map((r) => [`${r.kind}:${r.id}`, r]));
        const counts = { seals: zero(), templates: zero(), flows: zero() };
        const group = (k: ResourceKind) =>
          k.endsWith('-flow') ? counts.flows : k === 'file-template' ? counts.templates : counts.seals;
        const next = fetched.map((r) => {
          const c = group(r.kind);
          c.total++;
          const prev = before.get(`${r.kind}:${r.id}`);
          before.delete(`${r.kind}:${r.id}`);
          if (!prev) {
            c.added++;
            return { ...r, updatedAt: at };
          }
          const { updatedAt, ...old } = prev;
          if (JSON.stringify(old) !== JSON.stringify(r)) {
            c.updated++;
            return { ...r, updatedAt: at };
          }
          return { ...r, ...(updatedAt ? { updatedAt } : {}) };
        });
        for (const gone of before.values()) group(gone.kind).removed++;
        d.synced[service.id] = { at, resources: next };
        const s = d.services.find((x) => x.id === service.id);
        if (s) Object.assign(s, { lastSyncedAt: at, status: 'ok' });
        return { serviceId: service.id, startedAt, finishedAt: at, ...counts };
      });
      Object.assign(job, { state: 'done', progress: { ratio: 1, stage: 'done' }, report });
      log(`sync ${service.id}: ${fetched.length} resources`);
    } catch (e) {
      const code =
        e instanceof QysApiError
          ? e.code === 'unreachable'
            ? 'network'
            : /^\d+$/.test(e.code)
              ? `qys.${e.code}`
              : e.code
          : 'server';
      Object.assign(job, { state: 'failed', error: { code, message: (e as Error).message } });
      await setStatus(service.id, { status: 'error' }).catch(() => {});
    } finally {
      runningSync.delete(service.id);
    }
  }

  const handlers: { [N in RouteName]: (c: Ctx) => Result | Promise<Result> } = {
    listServices: () => ({ body: store.data.services.map((s) => bindingView(s, store.data)) }),
    getService: (c) => ({ body: bindingView(findService(c.params.id!), store.data) }),
    createService: async (c) => {
      const input = c.body as BindingInput;
      if (input.id !== undefined) throw invalid([{ path: 'id', code: 'id.notAllowed' }]);
      checkStrategy(input);
      const id = randomUUID();
      const created = await store.update((d) => {
        const s = fromInput(input, undefined, id, 1);
        if (s.isDefault) clearDefault(d, id);
        d.services.push(s);
        return s;
      });
      return { status: 201, body: bindingView(created, store.data) };
    },
    updateService: async (c) => {
      const input = c.body as BindingInput;
      const id = c.params.id!;
      if (input.id !== undefined && input.id !== id) throw invalid([{ path: 'id', code: 'id.mismatch' }]);
      if (input.version === undefined) throw invalid([{ path: 'version', code: 'required' }]);
      checkStrategy(input);
      const saved = await store.update((d) => {
        const i = d.services.findIndex((x) => x.id === id);
        const prev = d.services[i];
        if (!prev) throw notFound(`Service ${id}`);
        if (prev.version !== input.version)
          throw new HttpFailure(409, 'conflict', 'The service was changed by someone else', {
            current: toBinding(prev),
          });
        // #12.3: the stored secret is bound to the address it was entered for.
        if (secretNeededForNewAddress(prev, input))
          throw invalid([{ path: 'appSecret', code: 'appSecret.requiredForNewAddress' }]);
        const s = fromInput(input, prev, id, prev.version + 1);
        if (s.isDefault) clearDefault(d, id);
        d.services[i] = s;
        return s;
      });
      return { body: bindingView(saved, store.data) };
    },
    probeService: async (c) => {
      const service = findService(c.params.id!);
      const { kind } = c.body as { kind: 'callback' | 'openserver' };
      return { body: await probeProvider(service, kind, c.self, openPlatform) };
    },
    deleteService: async (c) => {
      const id = c.params.id!;
      await store.update((d) => {
        const prev = d.services.find((x) => x.id === id);
        if (!prev) throw notFound(`Service ${id}`);
        if (c.query.version !== undefined && c.query.version !== prev.version)
          throw new HttpFailure(409, 'conflict', 'The service was changed by someone else', {
            current: toBinding(prev),
          });
        d.services = d.services.filter((x) => x.id !== id);
        delete d.scopes[id];
        delete d.synced[id];
      });
      return { status: 204 };
    },
    testConnection: async (c) => ({
      // The page that will frame the signing app: the admin page calling (a loopback origin in
      // development), else this host's own origin.
      body: await testConnection(
        c.body as BindingInput,
        typeof c.req.headers.origin === 'string' && isDevOrigin(c.req.headers.origin)
          ? c.req.headers.origin
          : c.self,
      ),
    }),
    startSync: (c) => {
      const service = findService(c.params.id!);
      const running = runningSync.get(service.id);
      if (running) return { status: 202, body: jobs.get(running) };
      const job: SyncJob = { jobId: randomUUID(), state: 'running', progress: { ratio: 0, stage: 'start' } };
      jobs.set(job.jobId, job);
      runningSync.set(service.id, job.jobId);
      void runSync(job, service, c.self);
      return { status: 202, body: structuredClone(job) };
    },
    getSyncJob: (c) => {
      const job = jobs.get(c.params.jobId!);
      if (!job) throw notFound(`Sync job ${c.params.jobId}`);
      return { body: job };
    },
    // 加密密钥 in the Qiyuesuo field's format (src/core/binding/encryption-key.ts), from 7 random bytes.
    createEncryptionKey: () => ({
      status: 201,
      body: { key: encryptionKeyFromHex(randomBytes(7).toString('hex')) },
    }),
    getScope: (c) => {
      const id = c.params.id!;
      findService(id);
      const s = store.data.scopes[id] ?? { scope: { include: [], exclude: [] }, version: 0, updatedAt: null };
      return { body: { serviceId: id, ...s } };
    },
    saveScope: async (c) => {
      const id = c.params.id!;
      const { scope, version } = c.body as { scope: StoreDoc['scopes'][string]['scope']; version: number };
      const isMissing = await missingOf([...scope.include, ...scope.exclude]);
      const missing = [...scope.include, ...scope.exclude]
        .map((r, i) => ({
          r,
          path: i < scope.include.length ? `scope.include.${i}` : `scope.exclude.${i - scope.include.length}`,
        }))
        .filter(({ r }) => isMissing(r));
      if (missing.length) throw invalid(missing.map(({ path }) => ({ path, code: 'org.notFound' })));
      const saved = await store.update((d) => {
        if (!d.services.some((x) => x.id === id)) throw notFound(`Service ${id}`);
        const cur = d.scopes[id] ?? { scope: { include: [], exclude: [] }, version: 0, updatedAt: null };
        if (cur.version !== version)
          throw new HttpFailure(409, 'conflict', 'The scope was changed by someone else', {
            current: { serviceId: id, ...cur },
          });
        d.scopes[id] = { scope, version: version + 1, updatedAt: now() };
        return d.scopes[id];
      });
      return { body: { serviceId: id, ...saved } };
    },

    orgCapabilities: () => ({
      body: {
        tabs: ['tree', 'search', 'recent', 'same-department', 'subordinates'],
        canShowInactive: true,
        pinyinSearch: true,
      },
    }),
    orgChildren: async (c) => {
      const { type, id } = c.query as { type?: OrgNodeType; id?: string };
      if ((type === undefined) !== (id === undefined))
        throw invalid([{ path: type ? 'id' : 'type', code: 'required' }]);
      const parent = type && id ? { type, id } : null;
      const result = await orgCall(
        orgApi.children(parent, {
          ...page(c.query),
          includeInactive: c.query.includeInactive === true,
          types: orgTypes(c.query.types),
        }),
      );
      return { body: result };
    },
    orgSearch: async (c) => ({
      body: await orgCall(
        orgApi.search(String(c.query.q ?? ''), {
          ...page(c.query),
          includeInactive: c.query.includeInactive === true,
          types: orgTypes(c.query.types),
        }),
      ),
    }),
    orgResolve: async (c) => ({ body: await orgCall(orgApi.resolve((c.body as { refs: OrgRef[] }).refs)) }),
    orgCount: async (c) => ({
      body: await orgCall(orgApi.count(c.body as StoreDoc['scopes'][string]['scope'])),
    }),
    orgMatch: async (c) => {
      const b = c.body as { inputs: string[]; types?: OrgNodeType[] };
      return { body: await orgCall(orgApi.match(b.inputs, b.types ? { types: b.types } : {})) };
    },
    orgRecent: async () => ({ body: (await orgCall(orgApi.resolve(store.data.recent))).nodes }),
    orgAddRecent: async (c) => {
      const { refs } = c.body as { refs: OrgRef[] };
      const isMissing = await missingOf(refs);
      const known = refs.filter((r) => !isMissing(r));
      await store.update((d) => {
        const keys = new Set(known.map((r) => `${r.type}:${r.id}`));
        d.recent = [...known, ...d.recent.filter((r) => !keys.has(`${r.type}:${r.id}`))].slice(0, 20);
      });
      return { status: 204 };
    },
    orgRemoveRecent: async (c) => {
      const { type, id } = c.query as { type?: string; id?: string };
      if (!type || !id) throw invalid([{ path: type ? 'id' : 'type', code: 'required' }]);
      await store.update((d) => {
        d.recent = d.recent.filter((r) => r.type !== type || r.id !== id);
      });
      return { status: 204 };
    },
    orgSameDepartment: async (c) => ({ body: await orgCall(orgApi.sameDepartment(page(c.query))) }),
    orgSubordinates: async (c) => ({ body: await orgCall(orgApi.subordinates(page(c.query))) }),

    resourceCompanies: (c) => {
      const seen = new Map<string, string>();
      for (const kind of ['electronic-seal', 'physical-seal'] as const)
        for (const r of resourcesOf(c.query.serviceId as string | undefined, kind))
          if (r.companyId && r.company) seen.set(r.companyId, r.company);
      return { body: [...seen].map(([id, name]) => ({ id, name })) };
    },
    resourceLastSynced: (c) => {
      const id = (c.query.serviceId as string | undefined) ?? defaultServiceId();
      if (c.query.serviceId !== undefined) findService(id!);
      return { body: { lastSyncedAt: (id && store.data.synced[id]?.at) ?? null } };
    },
    listResources: (c) => {
      const kind = kindParam(c.params.kind);
      const kw = String(c.query.keyword ?? '')
        .trim()
        .toLowerCase();
      const { offset, limit } = page(c.query);
      const all = resourcesOf(c.query.serviceId as string | undefined, kind).filter(
        (r) =>
          (!kw ||
            r.name.toLowerCase().includes(kw) ||
            r.id === kw ||
            (r.category ?? '').toLowerCase().includes(kw)) &&
          (c.query.companyId === undefined || r.companyId === c.query.companyId),
      );
      return { body: { items: all.slice(offset, offset + limit), total: all.length, offset } };
    },
    resolveResources: (c) => {
      const kind = kindParam(c.params.kind);
      const { ids, serviceId } = c.body as { ids: string[]; serviceId?: string };
      const byId = new Map(resourcesOf(serviceId, kind).map((r) => [r.id, r]));
      return {
        body: { items: ids.flatMap((id) => byId.get(id) ?? []), missing: ids.filter((id) => !byId.has(id)) },
      };
    },

    clientContext: (c) => {
      const fwd = String(c.req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]!
        .trim();
      const ip = (fwd || c.req.socket.remoteAddress || '').replace(/^::ffff:/, '') || null;
      const me = org.person(org.currentUserId);
      return {
        body: {
          clientIp: ip,
          oaBaseUrl: c.self,
          ...(me ? { userId: me.id, userName: me.name } : {}),
          openPlatform: { appKey: openPlatform.appKey, corpId: openPlatform.corpId },
        },
      };
    },
    segmentPresets: () => ({ body: store.data.segmentPresets }),
    inspectFraming: async (c) => {
      const { url } = c.body as { url: string };
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
        await r.body?.cancel();
        return {
          body: {
            url,
            reachable: true,
            status: r.status,
            contentSecurityPolicy: r.headers.get('content-security-policy'),
            xFrameOptions: r.headers.get('x-frame-options'),
          },
        };
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
        return {
          body: { url, reachable: false, contentSecurityPolicy: null, xFrameOptions: null, error: cause },
        };
      }
    },

    createSigningSession: async (c) => {
      const r = c.body as SigningSessionRequest;
      const service = findService(r.serviceId ?? defaultServiceId() ?? '');
      if (service.serviceType === 'public' && service.ssoEnabled && options.publicCloudUrl) {
        // Public cloud: a single-use ticket for this user, validated by Qiyuesuo at CAS_VALIDATE_PATH;
        // the return page with the nonce stays the one-time part the element checks.
        const parent = claimSession(c, r.nonce);
        const back = new URL(`${c.self}/qys-return${parent}`);
        back.searchParams.set('nonce', r.nonce);
        const me = org.person(org.currentUserId);
        const ticket = casTickets.issue({ contact: personMobile(org.currentUserId), name: me?.name ?? '' });
        const url = new URL(`${options.publicCloudUrl.replace(/\/+$/, '')}/open/ssogateway`);
        url.searchParams.set('ticket', ticket);
        url.searchParams.set(
          'pageType',
          !r.contractId ? 'INDEX_PAGE' : r.page === 'view' ? 'CONTRACT_DETAIL_PAGE' : 'SIGN_PAGE',
        );
        if (r.contractId) url.searchParams.set('contractId', r.contractId);
        url.searchParams.set('signReturnUrl', back.href);
        if (r.lang === 'en') url.searchParams.set('lang', 'en');
        rememberSession(r.nonce, r.contractId);
        return {
          status: 201,
          body: {
            url: url.href,
            expiresAt: new Date(Date.now() + SESSION_TTL_MS).toISOString(),
            returnOrigin: c.self,
            ...(r.contractId ? { contractId: r.contractId } : {}),
          },
        };
      }
      if (service.serviceType !== 'private')
        throw invalid([{ path: 'serviceId', code: 'signing.privateOnly' }]);
      const base = r.zone === 'internal' ? service.signingUrlInternal.trim() : service.signingUrlExternal;
      if (!base) throw invalid([{ path: 'zone', code: 'signingUrlInternal.required' }]);
      const parent = claimSession(c, r.nonce);
      const exp = Date.now() + SESSION_TTL_MS;
      const cred = credentials(service, service.appSecret);
      // The one-time part of the flow is this OA's return page with the nonce (callbackPage): the
      // platform's own sign-on token is deterministic per user and replayable.
      const callbackPage = new URL(`${c.self}/qys-return${parent}`);
      callbackPage.searchParams.set('nonce', r.nonce);
      let platformUrl: string;
      try {
        if (!r.contractId) {
          // Nothing to sign yet: single sign-on (qystoken) into the person's contract list.
          const u = new URL('contractlist', base.replace(/\/+$/, '') + '/');
          u.searchParams.set('qystoken', qysToken(personMobile(org.currentUserId), service.encryptionKey));
          u.searchParams.set('hide_menu', 'true');
          platformUrl = u.href;
        } else if (r.page === 'view') {
          platformUrl = await viewUrl(cred, r.contractId, SESSION_TTL_MS / 1000);
        } else {
          platformUrl = await signUrl(cred, {
            contractId: r.contractId,
            contact: personMobile(org.currentUserId),
            callbackPage: callbackPage.href,
            expireTime: SESSION_TTL_MS / 1000,
          });
        }
      } catch (e) {
        usedNonces.delete(r.nonce);
        if (!(e instanceof QysApiError)) throw e;
        throw new HttpFailure(
          502,
          e.code === 'unreachable' ? 'network' : 'server',
          `Qiyuesuo did not open a signing page (${e.code}: ${e.message})`,
        );
      }
      // The platform answers with its own address of the signing app; the zone decides which one the
      // browser uses (as Weaver rewrites 9182 → 9180): same path and query on the zone's address.
      const zoneBase = new URL(base.replace(/\/+$/, '') + '/');
      const answered = new URL(platformUrl);
      const prefix = zoneBase.pathname.replace(/\/$/, '');
      const url = new URL(
        (answered.pathname.startsWith(`${prefix}/`) ? answered.pathname : prefix + answered.pathname) +
          answered.search,
        zoneBase.origin,
      );
      if (r.lang === 'en') url.searchParams.set('lang', 'en');
      for (const [k, v] of Object.entries(r.params ?? {})) url.searchParams.set(k, String(v));
      rememberSession(r.nonce, r.contractId);
      return {
        status: 201,
        body: {
          url: url.href,
          expiresAt: new Date(exp).toISOString(),
          returnOrigin: c.self,
          ...(r.contractId ? { contractId: r.contractId } : {}),
        },
      };
    },
    contractStatus: async (c) => {
      const id = c.params.id!;
      const service = findService((c.query.serviceId as string | undefined) ?? defaultServiceId() ?? '');
      if (service.serviceType === 'private') {
        try {
          const parsed = z.safeParse(
            ContractStatusSchema,
            await qysContractStatus(credentials(service, service.appSecret), id),
          );
          if (parsed.success) return { body: parsed.data };
        } catch (e) {
          if (e instanceof QysApiError && e.code === '1404')
            return { body: { contractId: id, status: 'unknown' } };
          // Provider unreachable: fall back to what the return page reported.
        }
      }
      return { body: contracts.get(id) ?? { contractId: id, status: 'unknown' } };
    },
  };

  const table = (Object.entries(routes) as [RouteName, RouteDef][])
    .map(([name, def]) => ({ name, def, re: compile(def) }))
    .sort((a, b) => a.def.path.split('{').length - b.def.path.split('{').length);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const self = `http://${req.headers.host ?? `${hostname}`}`;
    // Reached by an address or localhost only: a DNS name could be one another site rebinds to this
    // machine, making its pages same-origin with this host (as Vite's allowedHosts guards).
    let reachedAs = '';
    try {
      reachedAs = new URL(self).hostname;
    } catch {
      /* refused below */
    }
    if (!/^[\d.]+$/.test(reachedAs) && !reachedAs.startsWith('[') && reachedAs !== 'localhost')
      throw new HttpFailure(403, 'host', `Host ${req.headers.host ?? ''} is not accepted`);
    const origin = req.headers.origin;
    if (origin && isDevOrigin(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
      res.setHeader(
        'access-control-allow-headers',
        req.headers['access-control-request-headers'] ?? 'content-type',
      );
      res.setHeader('access-control-max-age', '600');
    }
    const send = (status: number, body?: unknown) => {
      if (body === undefined) return void res.writeHead(status).end();
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(JSON.stringify(body));
    };
    const fail = (e: HttpFailure) =>
      send(e.status, { error: { code: e.code, message: e.message, ...e.extra } });

    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.method === 'GET' && url.pathname.startsWith('/qys-return')) {
      const m = /^\/qys-return(?:\/o\/([A-Za-z0-9_-]+))?$/.exec(url.pathname);
      if (!m) return fail(notFound('Page'));
      const parent = m[1] ? Buffer.from(m[1], 'base64url').toString('utf8') : null;
      const contractId = url.searchParams.get('contractId');
      const type = url.searchParams.get('type');
      const nonce = url.searchParams.get('nonce') ?? '';
      const expected = openReturns.get(nonce);
      if (
        contractId &&
        (type === 'signed' || type === 'declined') &&
        expected !== undefined &&
        expected !== null &&
        expected === contractId
      ) {
        openReturns.delete(nonce);
        contracts.set(contractId, { contractId, status: type, updatedAt: now() });
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(returnPage(parent && isDevOrigin(parent) ? parent : null));
    }
    if (url.pathname === CAS_VALIDATE_PATH) {
      // Called by Qiyuesuo's public cloud (server to server), not by a browser page.
      if (req.method !== 'POST') return fail(new HttpFailure(405, 'method', 'POST a ticket'));
      const ticket = ticketFrom(String(req.headers['content-type'] ?? ''), await readBody(req));
      if (!ticket)
        return send(400, {
          code: 1000001,
          message: 'ticket missing or malformed',
          error: { code: 'bad-request' },
        });
      const person = casTickets.redeem(ticket);
      return person
        ? send(200, { code: 0, message: 'SUCCESS', result: person })
        : send(200, { code: 1001, message: 'ticket unknown, used or expired' });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/qys-seal-image/')) {
      // A seal picture from the platform's GET /seal/image, signed here: the browser never gets a
      // Qiyuesuo URL or credentials.
      const m = /^\/qys-seal-image\/([A-Za-z0-9_-]{1,64})\/(\d{1,30})$/.exec(url.pathname);
      if (!m) return fail(notFound('Seal image'));
      const service = findService(m[1]!);
      if (service.serviceType !== 'private') return fail(notFound('Seal image'));
      try {
        const image = await sealImage(credentials(service, service.appSecret), m[2]!);
        res.writeHead(200, {
          'content-type': image.type,
          'cache-control': 'private, max-age=300',
          'x-content-type-options': 'nosniff',
        });
        return void res.end(image.body);
      } catch (e) {
        if (!(e instanceof QysApiError)) throw e;
        return fail(
          e.code === '1404'
            ? notFound(`Seal ${m[2]}`)
            : new HttpFailure(502, e.code === 'unreachable' ? 'network' : 'server', e.message),
        );
      }
    }
    if (req.method === 'GET' && url.pathname === '/openapi.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end(await readFile(new URL('../../docs/contract.openapi.json', import.meta.url)));
    }
    if (req.method === 'GET' && url.pathname === '/__ref/attempts') {
      return send(200, { attempts: attempts.get(url.searchParams.get('key') ?? '') ?? 0 });
    }
    // Qiyuesuo → OA: callbacks, the open platform (person sync) and 一键部署 (docs/contract-e10.md).
    const body = () => readBody(req);
    if (
      (await callbacks.handle(req, res, url, body)) ||
      (await openServer.handle(req, res, url, body)) ||
      (await deployRoute(req, res, url, body))
    )
      return void log(`${req.method} ${url.pathname} ${res.statusCode}`);
    if (req.method === 'GET' && url.pathname === '/__ref/callbacks')
      return send(200, { applied: callbacks.applied, checks: callbacks.checks });

    const fault = String(req.headers['x-qys-fault'] ?? '');
    if (fault.startsWith('flaky:')) {
      const [, k = '', n = '2'] = fault.split(':');
      const count = (attempts.get(k) ?? 0) + 1;
      attempts.set(k, count);
      if (count <= Number(n)) return fail(new HttpFailure(503, 'unavailable', 'Injected fault: flaky'));
    } else if (/^\d{3}$/.test(fault)) {
      const status = Number(fault);
      const code = status === 401 || status === 403 ? 'auth' : status === 404 ? 'not-found' : 'server';
      return fail(new HttpFailure(status, code, `Injected fault: ${status}`));
    } else if (fault.startsWith('slow')) {
      await sleep(Number(fault.split(':')[1] ?? 2000));
      if (res.destroyed || req.destroyed) return;
    }

    const match = table.find((r) => r.def.method === req.method && r.re.test(url.pathname));
    if (!match) {
      const known = table.some((r) => r.re.test(url.pathname));
      return fail(
        new HttpFailure(
          known ? 405 : 404,
          known ? 'method' : 'not-found',
          `${req.method} ${url.pathname} is not a route`,
        ),
      );
    }
    const params = Object.fromEntries(
      Object.entries(match.re.exec(url.pathname)!.groups ?? {}).map(([k, v]) => [k, decodePathParam(k, v)]),
    );
    // A page on another site can send a "simple" cross-origin POST (text/plain, no preflight) that
    // CORS does not stop: changes come only from this origin or a loopback one, and bodies must be
    // JSON (which a foreign page cannot send without a preflight this host refuses).
    if (req.method !== 'GET' && origin && origin !== self && !isDevOrigin(origin))
      throw new HttpFailure(403, 'origin', `Requests from ${origin} are not accepted`);
    if (match.def.body && !/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? '')))
      throw new HttpFailure(415, 'content-type', 'The body must be sent as application/json');
    const ctx: Ctx = { req, params, query: parseQuery(match.def, url.searchParams), body: undefined, self };
    if (match.def.body) {
      const text = await readBody(req);
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new HttpFailure(400, 'bad-request', 'The body is not JSON');
      }
      const parsed = z.safeParse(match.def.body, raw);
      if (!parsed.success)
        throw invalid(toValidationIssues(parsed.error.issues.map((i) => requiredWhenMissing(i, raw))));
      ctx.body = parsed.data;
    }
    const result = await handlers[match.name](ctx);
    const status = result.status ?? match.def.status ?? 200;
    if (fault.startsWith('stall')) {
      // Headers and the first byte now, the rest of the body after a pause (a stalled proxy).
      const text = JSON.stringify(result.body ?? null);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.write(text.slice(0, 1));
      await sleep(Number(fault.split(':')[1] ?? 2000));
      if (!res.destroyed) res.end(text.slice(1));
      return;
    }
    if (fault === 'notjson') {
      res.writeHead(status, { 'content-type': 'text/plain' });
      return void res.end('<html>not json</html>');
    }
    send(status, fault === 'malformed' ? corrupt(result.body) : result.body);
    log(`${req.method} ${url.pathname} ${status}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const failure = e instanceof HttpFailure ? e : new HttpFailure(500, 'server', 'Internal error');
      if (!(e instanceof HttpFailure)) console.error('[reference-host]', e);
      if (res.headersSent) return void res.end();
      res.writeHead(failure.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: failure.code, message: failure.message, ...failure.extra } }));
      log(`${req.method} ${req.url} ${failure.status}`);
    });
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? REFERENCE_HOST_DEFAULT_PORT, hostname, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
  log(`listening on ${url} (data: ${store.file}, simulator: ${simulatorUrl})`);

  return {
    url,
    store,
    org,
    simulatorApp: seededApp(store.data),
    openPlatform,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A stored App Secret signs only for the open-API address it was entered for: an update that moves a
 * private service to another address (or another service type) must bring the secret again, or the
 * stored one would sign test-connection and sync requests for an address its owner never approved.
 */
export function secretNeededForNewAddress(prev: StoredService, input: BindingInput): boolean {
  if (input.appSecret !== undefined) return false;
  if (prev.serviceType !== 'private' || !prev.appSecret) return false;
  if (input.serviceType !== 'private') return true;
  const norm = (u: string) => u.trim().replace(/\/+$/, '');
  return norm(prev.openApiUrl) !== norm(input.openApiUrl);
}

/** A path parameter, percent-decoded; malformed encoding (`%`, `%zz`, `%FF`) is a 400, not a 500. */
function decodePathParam(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpFailure(400, 'bad-request', `The path parameter ${name} is not valid percent-encoding`);
  }
}

/**
 * Requests Node refuses before any handler runs (URL or headers over its limits: 431; a malformed
 * request line: 400) get the JSON error body of the contract instead of an empty answer.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) return void socket.destroy();
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'too-large', message: 'The request URL or headers are too large' }
      : { code: 'bad-request', message: 'The request could not be parsed' },
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** A missing field reports `required` (zod/mini's type error carries no code of ours). */
function requiredWhenMissing<I extends { code: string; path: PropertyKey[]; message: string }>(
  issue: I,
  raw: unknown,
): I {
  if (issue.code === 'custom') return issue;
  let v: unknown = raw;
  for (const k of issue.path)
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  if (v === undefined) return { ...issue, message: 'required' };
  return issue.code === 'invalid_type' ? { ...issue, message: 'type.invalid' } : issue;
}

function seededApp(d: StoreDoc): SimulatorApp {
  const s = d.services.find((x) => x.id === SEED_PRIVATE_ID);
  return s?.serviceType === 'private'
    ? {
        ...SIMULATOR_DEFAULT_APP,
        appToken: s.appToken,
        appSecret: s.appSecret,
        encryptionKey: s.encryptionKey,
      }
    : SIMULATOR_DEFAULT_APP;
}

const zero = (): SyncCounts => ({ total: 0, added: 0, removed: 0, updated: 0 });

function clearDefault(d: StoreDoc, keepId: string) {
  for (const s of d.services)
    if (s.id !== keepId && s.isDefault) {
      s.isDefault = false;
      s.version++;
      s.updatedAt = now();
    }
}

/** The generator's sizes for an org of `persons` (a department per 20 persons; 4 分部, 8 from 50,000). */
function orgSizes(persons: number) {
  return {
    persons,
    departments: Math.max(8, Math.round(persons / 20)),
    subcompanies: persons >= 50_000 ? 8 : 4,
  };
}

function orgTypes(v: unknown): OrgNodeType[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const bad = v.filter((t) => t !== 'subcompany' && t !== 'department' && t !== 'person');
  if (bad.length) throw invalid([{ path: 'types', code: 'enum.invalid' }]);
  return v as OrgNodeType[];
}
