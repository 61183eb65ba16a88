/**
 * The reference host's client of the Qiyuesuo open API (docs/simulator-api.md): signed headers, the
 * `{ code, message, result }` envelope, and the mapping of provider records to contract resources.
 */
import { signedHeaders } from '../simulator/crypto.js';
import type { Resource, ResourceKind } from '../../src/api/schemas.js';

export class QysApiError extends Error {
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

/** An unsigned GET (reachability). Rejects with QysApiError('unreachable') when nothing answers. */
export async function qysPing(openApiUrl: string): Promise<{ version?: string; name?: string }> {
  return qysGet({ openApiUrl, appToken: '', appSecret: '' }, '/open/ping', {}, false);
}

export async function qysGet<T = unknown>(
  cred: QysCredentials,
  path: string,
  query: Record<string, string | number> = {},
  signed = true,
): Promise<T> {
  const url = new URL(cred.openApiUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  let res: Response;
  try {
    res = await fetch(url, {
      headers: signed ? signedHeaders(cred.appToken, cred.appSecret) : {},
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    throw new QysApiError('unreachable', `${url.origin} did not answer (${cause})`);
  }
  let body: { code?: unknown; message?: unknown; result?: unknown };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new QysApiError(
      'notQiyuesuo',
      `${url.origin}${path} answered HTTP ${res.status} without a JSON envelope`,
    );
  }
  if (typeof body?.code !== 'number') {
    throw new QysApiError(
      'notQiyuesuo',
      `${url.origin}${path} answered HTTP ${res.status} without a Qiyuesuo envelope`,
    );
  }
  if (body.code !== 0) throw new QysApiError(String(body.code), String(body.message ?? 'refused'));
  return body.result as T;
}

interface ListResult<T> {
  list: T[];
  total: number;
}

/** Pulls every page of a list endpoint. */
export async function qysPages<T>(
  cred: QysCredentials,
  path: string,
  query: Record<string, string>,
  onPage?: (got: number, total: number) => void,
): Promise<T[]> {
  const out: T[] = [];
  const pageSize = 100;
  for (let pageNo = 1; ; pageNo++) {
    const r = await qysGet<ListResult<T>>(cred, path, { ...query, pageNo, pageSize });
    const list = Array.isArray(r?.list) ? r.list : [];
    out.push(...list);
    onPage?.(out.length, r?.total ?? out.length);
    if (list.length < pageSize || out.length >= (r?.total ?? 0)) return out;
  }
}

interface QysRecord {
  id: string | number;
  name: string;
  companyId?: string | number;
  companyName?: string;
  categoryName?: string;
  sealType?: string;
  status?: string;
  image?: string;
}

const enabled = (status: string | undefined): Resource['status'] =>
  status && /DISABLE|INVALID|DELETE|FREEZE/i.test(status) ? 'disabled' : 'enabled';

/** A provider record as a contract resource (no `updatedAt`; the sync sets it). */
export function toResource(kind: ResourceKind, r: QysRecord): Resource {
  const out: Resource = { id: String(r.id), kind, name: String(r.name), status: enabled(r.status) };
  if (r.companyName) out.company = r.companyName;
  if (r.companyId !== undefined && r.companyId !== '') out.companyId = String(r.companyId);
  if (r.categoryName) out.category = r.categoryName;
  if (kind.endsWith('-flow')) out.category ??= r.name;
  if (r.sealType) out.sealType = r.sealType;
  if (r.image) out.image = r.image;
  return out;
}
