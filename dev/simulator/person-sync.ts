/**
 * 人员同步 (seed 001 §4): Qiyuesuo pulls the OA org through `<E10 address>/openserver` with the E10 open
 * platform's app_key / app_secret / corpId. The route shapes are the reference host's (the project's
 * choice, docs/contract-e10.md): a bearer token, then units and paged persons of the integration's saved
 * sync scope. Persons become signing-app users matched by mobile.
 */
export interface OpenPlatformLogin {
  appKey: string;
  appSecret: string;
  corpId: string;
}

export interface PersonSyncResult {
  ok: boolean;
  at: string;
  counts: { subcompanies: number; departments: number; persons: number };
  users: { mobile: string; name: string }[];
  error?: string;
}

const PAGE = 1000;
const MAX_PERSONS = 100_000;

async function json(r: Response, what: string): Promise<Record<string, unknown>> {
  const text = await r.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${what}: HTTP ${r.status}, not JSON`);
  }
  if (!r.ok) {
    const e = (body as { error?: { code?: string; message?: string } })?.error;
    throw new Error(`${what}: HTTP ${r.status} ${e?.code ?? ''} ${e?.message ?? ''}`.trim());
  }
  if (!body || typeof body !== 'object') throw new Error(`${what}: not a JSON object`);
  return body as Record<string, unknown>;
}

export async function openServerToken(openServerUrl: string, login: OpenPlatformLogin): Promise<string> {
  const r = await fetch(`${openServerUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_key: login.appKey, app_secret: login.appSecret, corpId: login.corpId }),
    signal: AbortSignal.timeout(10_000),
    redirect: 'manual',
  });
  const body = await json(r, 'token');
  if (typeof body.access_token !== 'string') throw new Error('token: no access_token');
  return body.access_token;
}

export async function runPersonSync(o: {
  openServerUrl: string;
  credentials: OpenPlatformLogin;
  appToken: string;
}): Promise<PersonSyncResult> {
  const at = new Date().toISOString();
  const counts = { subcompanies: 0, departments: 0, persons: 0 };
  try {
    const token = await openServerToken(o.openServerUrl, o.credentials);
    const get = async (path: string, q: Record<string, string | number>) => {
      const u = new URL(`${o.openServerUrl}${path}`);
      u.searchParams.set('appToken', o.appToken);
      for (const [k, v] of Object.entries(q)) u.searchParams.set(k, String(v));
      return json(
        await fetch(u, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(20_000),
          redirect: 'manual',
        }),
        path,
      );
    };
    const units = await get('/api/org/units', {});
    counts.subcompanies = Array.isArray(units.subcompanies) ? units.subcompanies.length : 0;
    counts.departments = Array.isArray(units.departments) ? units.departments.length : 0;
    const users: PersonSyncResult['users'] = [];
    for (let offset = 0; offset < MAX_PERSONS; offset += PAGE) {
      const page = await get('/api/org/persons', { offset, limit: PAGE });
      const persons = Array.isArray(page.persons)
        ? (page.persons as { mobile?: unknown; name?: unknown }[])
        : [];
      for (const p of persons)
        if (typeof p.mobile === 'string' && /^[0-9+-]{3,20}$/.test(p.mobile) && typeof p.name === 'string')
          users.push({ mobile: p.mobile, name: p.name.slice(0, 100) });
      const total = typeof page.total === 'number' ? page.total : 0;
      if (persons.length === 0 || offset + PAGE >= total) break;
    }
    counts.persons = users.length;
    return { ok: true, at, counts, users };
  } catch (e) {
    return { ok: false, at, counts, users: [], error: (e as Error).message };
  }
}
