/**
 * The E10 open platform (`<E10 address>/openserver`) as the reference host offers it to Qiyuesuo:
 * person sync (seed 001 §4) and 一键部署 (seed 000 §3.1, deploy.ts). The real E10 open-platform API is
 * not public: this shape is **the project's choice**, documented in docs/contract-e10.md.
 *
 * Auth: `POST /openserver/oauth2/token` with the open platform's `app_key`, `app_secret` and `corpId`
 * (JSON) answers a bearer token (2 h); every other /openserver route wants `Authorization: Bearer …`.
 * Org routes take `appToken` (the Qiyuesuo App Token of the integration) and answer only what that
 * service's saved sync scope covers:
 * - `GET /openserver/api/ping` → `{ok, corpId}` (the checklist's reachability check);
 * - `GET /openserver/api/org/units?appToken=` → `{subcompanies[], departments[]}` `{id, name, parentId}`;
 * - `GET /openserver/api/org/persons?appToken=&offset=&limit=` (limit ≤ 1000) →
 *   `{total, offset, persons[] {id, name, mobile, employeeNo, loginId, title, departmentIds}}`; serving
 *   the last page records the person sync on the service (`personSync` in the binding).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PersonSync } from '../../src/api/schemas.js';
import type { StoreDoc, StoredService } from './model.js';
import type { OrgNode } from '../../src/api/schemas.js';
import type { ReferenceOrg } from './server.js';
import type { JsonStore } from './store.js';

export interface OpenPlatformCredentials {
  appKey: string;
  appSecret: string;
  corpId: string;
}

/** Development credentials of the reference host's open platform (override with options.openPlatform). */
export { E10_DEV_OPEN_PLATFORM } from './e10-defaults.js';

const TOKEN_TTL_MS = 2 * 60 * 60 * 1000;
const MAX_PERSON_PAGE = 1000;

export class OpenServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A stable mobile number per OA person (the generated org has none; Qiyuesuo matches users by mobile). */
export function mobileOf(personId: string): string {
  const n = createHash('sha256').update(personId).digest().readUInt32BE(0) % 100_000_000;
  return `139${String(n).padStart(8, '0')}`;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export interface OpenServerDeps {
  store: JsonStore<StoreDoc>;
  org: ReferenceOrg;
  credentials: OpenPlatformCredentials;
  log(line: string): void;
}

export interface OpenServer {
  /** Throws OpenServerError (401) unless the request carries a live bearer token. */
  authorize(req: IncomingMessage): void;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: () => Promise<string>): Promise<boolean>;
}

export function createOpenServer(deps: OpenServerDeps): OpenServer {
  const tokens = new Map<string, number>();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  function authorize(req: IncomingMessage): void {
    const m = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(String(req.headers.authorization ?? ''));
    const exp = m ? tokens.get(m[1]!) : undefined;
    if (!exp || exp < Date.now()) {
      if (m) tokens.delete(m[1]!);
      throw new OpenServerError(401, 'openserver.token', 'A valid open-platform bearer token is required');
    }
  }

  function serviceFor(url: URL): StoredService {
    const appToken = url.searchParams.get('appToken') ?? '';
    if (!appToken)
      throw new OpenServerError(400, 'openserver.appToken', 'appToken (the Qiyuesuo App Token) is required');
    const s = deps.store.data.services.find((x) => x.serviceType === 'private' && x.appToken === appToken);
    if (!s) throw new OpenServerError(404, 'not-found', 'No service is configured with this App Token');
    return s;
  }

  /** What the service's sync scope covers, by the org module's rules (nearest rule wins). */
  function snapshot(s: StoredService): { units: OrgNode[]; persons: OrgNode[] } {
    const scope = deps.store.data.scopes[s.id]?.scope ?? { include: [], exclude: [] };
    return deps.org.model.members(scope);
  }

  function intParam(url: URL, name: string, fallback: number, max: number): number {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n > max)
      throw new OpenServerError(400, 'number.invalid', `${name} must be a whole number from 0 to ${max}`);
    return n;
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: () => Promise<string>,
  ): Promise<boolean> {
    const path = url.pathname;
    if (path !== '/openserver' && !path.startsWith('/openserver/')) return false;
    try {
      if (path === '/openserver/oauth2/token') {
        if (req.method !== 'POST') throw new OpenServerError(405, 'method', 'POST the credentials as JSON');
        let b: Record<string, unknown>;
        try {
          b = JSON.parse(await body()) as Record<string, unknown>;
          if (!b || typeof b !== 'object') throw new Error();
        } catch {
          throw new OpenServerError(400, 'bad-request', 'The body is not JSON');
        }
        const c = deps.credentials;
        const ok =
          typeof b.app_key === 'string' &&
          typeof b.app_secret === 'string' &&
          typeof b.corpId === 'string' &&
          same(b.app_key, c.appKey) &&
          same(b.app_secret, c.appSecret) &&
          same(b.corpId, c.corpId);
        if (!ok)
          throw new OpenServerError(
            401,
            'openserver.credentials',
            'app_key, app_secret or corpId is not right',
          );
        const token = randomBytes(24).toString('base64url');
        const now = Date.now();
        for (const [t, exp] of tokens) if (exp < now) tokens.delete(t);
        tokens.set(token, now + TOKEN_TTL_MS);
        send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: TOKEN_TTL_MS / 1000 });
        return true;
      }
      if (req.method !== 'GET') return false; // deploy (POST) is deploy.ts's
      authorize(req);
      if (path === '/openserver/api/ping') {
        send(res, 200, { ok: true, corpId: deps.credentials.corpId });
        return true;
      }
      if (path === '/openserver/api/org/units') {
        const { units } = snapshot(serviceFor(url));
        const pick = (type: OrgNode['type']) =>
          units.filter((u) => u.type === type).map((u) => ({ id: u.id, name: u.name, parentId: u.parentId }));
        send(res, 200, { subcompanies: pick('subcompany'), departments: pick('department') });
        return true;
      }
      if (path === '/openserver/api/org/persons') {
        const service = serviceFor(url);
        const offset = intParam(url, 'offset', 0, Number.MAX_SAFE_INTEGER);
        const limit = intParam(url, 'limit', 500, MAX_PERSON_PAGE);
        const { units, persons } = snapshot(service);
        const page = persons.slice(offset, offset + limit).map((p) => ({
          id: p.id,
          name: p.name,
          mobile: mobileOf(p.id),
          employeeNo: p.employeeNo,
          loginId: p.loginId,
          title: p.title,
          departmentIds: p.departmentIds,
        }));
        if (offset + limit >= persons.length) {
          const record: PersonSync = {
            at: new Date().toISOString(),
            subcompanies: units.filter((u) => u.type === 'subcompany').length,
            departments: units.filter((u) => u.type === 'department').length,
            persons: persons.length,
          };
          await deps.store.update((d) => {
            const s = d.services.find((x) => x.id === service.id);
            if (s) s.personSync = record; // server-side state: no version bump
          });
          deps.log(`person sync ${service.id}: ${record.persons} persons`);
        }
        // Recorded before answering: whoever reads the binding after the last page sees this sync.
        send(res, 200, { total: persons.length, offset, persons: page });
        return true;
      }
      throw new OpenServerError(404, 'not-found', `${req.method} ${path} is not an open-platform route`);
    } catch (e) {
      if (!(e instanceof OpenServerError)) throw e;
      send(res, e.status, { error: { code: e.code, message: e.message } });
      return true;
    }
  }

  return { authorize, handle };
}
