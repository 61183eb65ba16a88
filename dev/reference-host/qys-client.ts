/**
 * The reference host's client of the Qiyuesuo (契约锁) private-cloud open API, as documented
 * (/work/shared/qiyuesuo-real-api.md; docs/simulator-api.md lists each endpoint with its source):
 * `x-qys-accesstoken / x-qys-timestamp / x-qys-signature` headers, `{ code, message, <key> }` answers
 * whose payload key differs per endpoint, and the mapping of the real records to the contract's
 * resources. Self-contained (node:crypto and fetch only), so an OA backend team can copy it.
 */
import { createCipheriv, createHash } from 'node:crypto';
import type { ContractStatus, Resource, ResourceKind } from '../../src/api/schemas.js';

export class QysApiError extends Error {
  /** `unreachable`, `notQiyuesuo`, `badAnswer`, or the platform's numeric code as a string. */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface QysCredentials {
  openApiUrl: string;
  appToken: string;
  appSecret: string;
}

const TIMEOUT_MS = 8000;
/** Weaver's integration sends this User-Agent; the platform does not require it. */
export const QYS_USER_AGENT = 'privateapp-java-client';

/** md5(appToken + appSecret + timestamp), lower-case hex; timestamp in ms (the platform also accepts 0). */
export function qysHeaders(cred: QysCredentials, timestamp = Date.now()): Record<string, string> {
  const ts = String(timestamp);
  return {
    'x-qys-accesstoken': cred.appToken,
    'x-qys-timestamp': ts,
    'x-qys-signature': createHash('md5')
      .update(cred.appToken + cred.appSecret + ts, 'utf8')
      .digest('hex'),
    'user-agent': QYS_USER_AGENT,
  };
}

/**
 * Private-cloud SSO token (Weaver's): `base64(AES-128-ECB/PKCS7(mobile + "|", 加密密钥))`; the key is
 * exactly 16 characters. Put it in a URL with URLSearchParams (it encodes `+ / =`).
 */
export function qysToken(mobile: string, encryptionKey: string): string {
  if (Buffer.byteLength(encryptionKey, 'utf8') !== 16)
    throw new QysApiError('keyFormat', 'The 加密密钥 must be 16 characters');
  const cipher = createCipheriv('aes-128-ecb', Buffer.from(encryptionKey, 'utf8'), null);
  return Buffer.concat([cipher.update(`${mobile}|`, 'utf8'), cipher.final()]).toString('base64');
}

const base = (openApiUrl: string) => openApiUrl.trim().replace(/\/+$/, '');

async function send(url: URL, init: RequestInit, timeoutMs = TIMEOUT_MS): Promise<Response> {
  try {
    // Never follow a redirect with the signed headers (or a body) to wherever it points.
    return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    throw new QysApiError('unreachable', `${url.origin} did not answer (${cause})`);
  }
}

/** `GET /checkHealth` (no signature): the platform answers plain `OK`. */
export async function qysHealth(openApiUrl: string): Promise<void> {
  const url = new URL(`${base(openApiUrl)}/checkHealth`);
  const res = await send(url, { headers: { 'user-agent': QYS_USER_AGENT } });
  const text = (await res.text().catch(() => '')).trim();
  if (res.status !== 200 || !/^"?OK"?$/i.test(text))
    throw new QysApiError(
      'notQiyuesuo',
      `${url.origin}${url.pathname} answered HTTP ${res.status} ${JSON.stringify(text.slice(0, 40))}, not OK`,
    );
}

type Envelope = { code: number; message?: string } & Record<string, unknown>;

/** A signed call; answers the whole envelope (`code` 0), the caller reads the endpoint's key. */
export async function qysCall(
  cred: QysCredentials,
  method: 'GET' | 'POST',
  path: string,
  params: Record<string, string | number | undefined> = {},
  options: { timeoutMs?: number } = {},
): Promise<Envelope> {
  const url = new URL(base(cred.openApiUrl) + path);
  const headers: Record<string, string> = { ...qysHeaders(cred), accept: 'application/json' };
  let body: string | undefined;
  if (method === 'GET') {
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(params);
  }
  const res = await send(url, { method, headers, ...(body ? { body } : {}) }, options.timeoutMs);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new QysApiError('notQiyuesuo', `${url.origin}${path} answered HTTP ${res.status} without JSON`);
  }
  const env = json as Envelope;
  if (!env || typeof env !== 'object' || typeof env.code !== 'number')
    throw new QysApiError(
      'notQiyuesuo',
      `${url.origin}${path} answered HTTP ${res.status} without a Qiyuesuo envelope`,
    );
  if (env.code !== 0) throw new QysApiError(String(env.code), String(env.message ?? 'refused'));
  return env;
}

function arrayAt(env: Envelope, ...keys: string[]): unknown[] {
  for (const k of keys) if (Array.isArray(env[k])) return env[k] as unknown[];
  throw new QysApiError('badAnswer', `the answer has no ${keys.join(' / ')} list`);
}

// ---------------------------------------------------------------------------------------------
// The real records and their mapping to the contract's resources
// ---------------------------------------------------------------------------------------------

export interface QysSeal {
  id: string | number;
  name: string;
  owner?: string | number;
  ownerName?: string;
  /** `{ key: 'NORMAL' | 'FREEZE' | 'DELETE' | 'INVALID', description }` (older answers: the key alone). */
  status?: { key?: string; description?: string } | string;
  /** `ELECTRONIC` or `PHYSICS`. */
  category?: string;
  type?: string;
}

export interface QysTemplate {
  id: string | number;
  title?: string;
  name?: string;
  /** 1 启用, 0 停用, 2 删除. */
  status?: number;
  tenantId?: string | number;
  tenantName?: string;
}

export interface QysCategory {
  id: string | number;
  name: string;
  /** 0 启用, 1 停用, 2 删除. */
  state?: number;
  /** `ELECTRONIC` or `PHYSICAL` (seals say PHYSICS, categories PHYSICAL). */
  type?: string;
  tenantId?: string | number;
  tenantName?: string;
}

const sealKey = (s: QysSeal['status']) => (typeof s === 'string' ? s : (s?.key ?? '')).toUpperCase();

/** A seal as a resource; `undefined` for a deleted one. NORMAL is active, FREEZE / INVALID are 停用. */
export function sealResource(seal: QysSeal, company?: { id?: string; name?: string }): Resource | undefined {
  const key = sealKey(seal.status);
  if (key === 'DELETE') return undefined;
  const kind: ResourceKind =
    String(seal.category ?? '').toUpperCase() === 'PHYSICS' ? 'physical-seal' : 'electronic-seal';
  const out: Resource = {
    id: String(seal.id),
    kind,
    name: String(seal.name),
    status: key === '' || key === 'NORMAL' ? 'enabled' : 'disabled',
  };
  const companyName = company?.name ?? seal.ownerName;
  const companyId = company?.id ?? (seal.owner !== undefined ? String(seal.owner) : undefined);
  if (companyName) out.company = companyName;
  if (companyId) out.companyId = companyId;
  return out;
}

/** A file template (`title`, numeric status) as a resource; `undefined` for a deleted one. */
export function templateResource(t: QysTemplate): Resource | undefined {
  if (t.status === 2) return undefined;
  const out: Resource = {
    id: String(t.id),
    kind: 'file-template',
    name: String(t.title ?? t.name ?? ''),
    status: t.status === 0 ? 'disabled' : 'enabled',
  };
  if (t.tenantName) out.company = t.tenantName;
  if (t.tenantId !== undefined && t.tenantId !== '') out.companyId = String(t.tenantId);
  return out;
}

/** A business category (用印流程) as a resource; `undefined` for a deleted one. */
export function categoryResource(c: QysCategory): Resource | undefined {
  if (c.state === 2) return undefined;
  const out: Resource = {
    id: String(c.id),
    kind: String(c.type ?? '').toUpperCase() === 'PHYSICAL' ? 'physical-seal-flow' : 'electronic-seal-flow',
    name: String(c.name),
    status: c.state === 1 ? 'disabled' : 'enabled',
    category: String(c.name),
  };
  if (c.tenantName) out.company = c.tenantName;
  if (c.tenantId !== undefined && c.tenantId !== '') out.companyId = String(c.tenantId);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

export interface QysCompany {
  id: string;
  name: string;
  tenantType?: string;
}

/** `GET /company/list` → `result[]` (the platform company and its inner companies). */
export async function listCompanies(cred: QysCredentials): Promise<QysCompany[]> {
  const env = await qysCall(cred, 'GET', '/company/list');
  return (arrayAt(env, 'result') as Array<{ id: string | number; name: string; tenantType?: string }>).map(
    (c) => ({
      id: String(c.id),
      name: String(c.name),
      ...(c.tenantType ? { tenantType: c.tenantType } : {}),
    }),
  );
}

/**
 * Seals of every inner company: `GET /seal/innercompany/seallist?category=ELECTRONIC|PHYSICS` →
 * `result[] { id, name, seals[] }` (Weaver's sync calls it once per category).
 */
export async function listInnerCompanySeals(
  cred: QysCredentials,
  category: 'ELECTRONIC' | 'PHYSICS',
): Promise<Resource[]> {
  const env = await qysCall(cred, 'GET', '/seal/innercompany/seallist', { category });
  const out: Resource[] = [];
  for (const company of arrayAt(env, 'result') as Array<{
    id?: string | number;
    name?: string;
    seals?: QysSeal[];
  }>) {
    for (const seal of Array.isArray(company.seals) ? company.seals : []) {
      const r = sealResource(
        { category, ...seal },
        {
          ...(company.id !== undefined ? { id: String(company.id) } : {}),
          ...(company.name ? { name: company.name } : {}),
        },
      );
      if (r) out.push(r);
    }
  }
  return out;
}

/** Seals of one company: `GET /seal/list` → `result[]` (the document's example says `list[]`: both read). */
export async function listCompanySeals(
  cred: QysCredentials,
  company: { companyId?: string; companyName?: string },
  category: 'ELECTRONIC' | 'PHYSICS',
): Promise<Resource[]> {
  const env = await qysCall(cred, 'GET', '/seal/list', { ...company, category });
  return (arrayAt(env, 'result', 'list') as QysSeal[]).flatMap((s) => sealResource({ category, ...s }) ?? []);
}

/** `GET /template/list?pageNo&pageSize` → `result[]` + `page { totalPages, totalCount }`, every page. */
export async function listTemplates(
  cred: QysCredentials,
  onPage?: (got: number, total: number) => void,
): Promise<Resource[]> {
  const out: Resource[] = [];
  const pageSize = 100;
  for (let pageNo = 1; pageNo <= 10_000; pageNo++) {
    const env = await qysCall(cred, 'GET', '/template/list', { pageNo, pageSize });
    const list = arrayAt(env, 'result') as QysTemplate[];
    const page = (env.page ?? {}) as { totalPages?: number; totalCount?: number };
    for (const t of list) {
      const r = templateResource(t);
      if (r) out.push(r);
    }
    onPage?.(pageNo * pageSize, page.totalCount ?? 0);
    const last = typeof page.totalPages === 'number' ? pageNo >= page.totalPages : list.length < pageSize;
    if (last || list.length === 0) break;
  }
  return out;
}

/**
 * Business categories (用印流程) with their 停用 ones: `GET /contract/categories?companyId=` per company
 * (without a company the platform lists only the enabled ones) → `categories[]`, unpaged.
 */
export async function listCategories(cred: QysCredentials, companies?: QysCompany[]): Promise<Resource[]> {
  const byId = new Map<string, Resource>();
  for (const company of companies ?? (await listCompanies(cred))) {
    const env = await qysCall(cred, 'GET', '/contract/categories', { companyId: company.id });
    for (const c of arrayAt(env, 'categories') as QysCategory[]) {
      const r = categoryResource({ tenantName: company.name, tenantId: company.id, ...c });
      if (r) byId.set(`${r.kind}:${r.id}`, r);
    }
  }
  return [...byId.values()];
}

/** `GET /seal/image?sealId=` → the PNG (or other image) bytes. */
export async function sealImage(
  cred: QysCredentials,
  sealId: string,
): Promise<{ type: string; body: Buffer }> {
  const url = new URL(`${base(cred.openApiUrl)}/seal/image`);
  url.searchParams.set('sealId', sealId);
  const res = await send(url, { headers: qysHeaders(cred) });
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (res.status === 200 && /^image\/(png|jpeg|gif|webp)$/.test(type))
    return { type, body: Buffer.from(await res.arrayBuffer()) };
  let message = `HTTP ${res.status} ${type}`;
  try {
    const env = (await res.json()) as Envelope;
    if (typeof env.code === 'number') throw new QysApiError(String(env.code), String(env.message ?? ''));
  } catch (e) {
    if (e instanceof QysApiError) throw e;
    message += ' (not an image)';
  }
  throw new QysApiError('badAnswer', message);
}

/** `yyyy-MM-dd HH:mm:ss` (China Standard Time, no zone) → ISO 8601; `undefined` when not that form. */
export function fromQysTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The platform's contract status as the contract's `ContractStatus.status`. */
export function hostContractStatus(status: unknown): ContractStatus['status'] {
  switch (String(status).toUpperCase()) {
    case 'DRAFT':
      return 'draft';
    case 'SIGNING':
    case 'FILLING':
      return 'signing';
    case 'COMPLETE':
    case 'FINISHED':
      return 'signed';
    case 'REJECTED':
      return 'declined';
    case 'EXPIRED':
      return 'expired';
    case 'RECALLED':
    case 'TERMINATING':
    case 'TERMINATED':
    case 'DELETE':
      return 'cancelled';
    default:
      return 'unknown';
  }
}

/**
 * `GET /contract/detail?contractId=` → `contract { status, updateTime, … }`: the contract's state as
 * the platform has it, its own status word (`qysStatus`) kept next to the contract's mapping.
 */
export async function contractDetail(
  cred: QysCredentials,
  contractId: string,
  options: { timeoutMs?: number } = {},
): Promise<ContractStatus & { qysStatus: string }> {
  const env = await qysCall(cred, 'GET', '/contract/detail', { contractId }, options);
  const c = env.contract as { status?: unknown; updateTime?: unknown } | undefined;
  if (!c || typeof c !== 'object' || typeof c.status !== 'string')
    throw new QysApiError('badAnswer', 'the answer has no contract with a status');
  const updatedAt = fromQysTime(c.updateTime);
  return {
    contractId,
    status: hostContractStatus(c.status),
    qysStatus: c.status,
    ...(updatedAt ? { updatedAt } : {}),
  };
}

/** `GET /contract/detail?contractId=` → `contract { status, updateTime, … }`, as a ContractStatus. */
export async function contractStatus(cred: QysCredentials, contractId: string): Promise<ContractStatus> {
  const { qysStatus: _qys, ...status } = await contractDetail(cred, contractId);
  return status;
}

/**
 * `POST /contract/signurl` → `signUrl`: a short-lived signing page for one signatory (`contact`: the
 * mobile the person is known by), returning to `callbackPage` afterwards.
 */
export async function signUrl(
  cred: QysCredentials,
  req: { contractId: string; contact: string; callbackPage: string; expireTime?: number },
): Promise<string> {
  const env = await qysCall(cred, 'POST', '/contract/signurl', {
    contractId: req.contractId,
    tenantType: 'PERSONAL',
    contact: req.contact,
    expireTime: req.expireTime ?? 300,
    callbackPage: req.callbackPage,
  });
  if (typeof env.signUrl !== 'string') throw new QysApiError('badAnswer', 'the answer has no signUrl');
  return env.signUrl;
}

/** `GET /contract/viewurl` → `viewUrl` (read-only page). */
export async function viewUrl(cred: QysCredentials, contractId: string, expireTime = 300): Promise<string> {
  const env = await qysCall(cred, 'GET', '/contract/viewurl', { contractId, expireTime, pageType: 'DETAIL' });
  if (typeof env.viewUrl !== 'string') throw new QysApiError('badAnswer', 'the answer has no viewUrl');
  return env.viewUrl;
}

/**
 * The mobile an OA person is known by in Qiyuesuo (persons are synced with mobile as account). The
 * reference host's generated org has no phone numbers, so one is derived from the person ID.
 */
export function personMobile(personId: string): string {
  const h = createHash('sha256').update(personId, 'utf8').digest();
  return `139${String(h.readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
}
