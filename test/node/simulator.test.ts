// The Qiyuesuo simulator: three origins (open API, signing web app, console), signed open-API calls,
// qystoken SSO and signUrl sessions, the embed whitelist, unreachable modes and the control endpoints.
// Endpoint shapes one by one: simulator-conformance.test.ts.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import {
  createQysToken,
  openApiSignature,
  readQysToken,
  signedHeaders,
  verifyOpenApiSignature,
} from '../../dev/simulator/crypto.js';
import { SIMULATOR_DEFAULT_APP as APP, SIMULATOR_TEST_USER as USER } from '../../dev/simulator/defaults.js';
import { startSimulator, type Simulator } from '../../dev/simulator/server.js';

const CONTRACT = '2961458850000007919';
let sim: Simulator;
let api = '';
let signing = '';

before(async () => {
  sim = await startSimulator({
    host: '127.0.0.1',
    ports: { openApi: 0, signing: 0, console: 0 },
    quiet: true,
  });
  api = sim.urls.openApi;
  signing = sim.urls.signing;
});
after(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.root.reset();
});

type Envelope = { code: number; message: string } & Record<string, unknown>;

async function open(
  path: string,
  headers: Record<string, string> = signedHeaders(APP.appToken, APP.appSecret, 0),
): Promise<Envelope> {
  const res = await fetch(`${api}${path}`, { headers });
  assert.equal(res.status, 200);
  return (await res.json()) as Envelope;
}

async function control(path: string, body?: unknown, base = api) {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function signUrl(body: Record<string, unknown>, prefix = ''): Promise<Envelope> {
  const res = await fetch(`${api}${prefix}/contract/signurl`, {
    method: 'POST',
    headers: { ...signedHeaders(APP.appToken, APP.appSecret, 0), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200);
  return (await res.json()) as Envelope;
}

/** A signing session through POST /contract/signurl; answers the page URL and its viewToken. */
async function session(extra: Record<string, unknown> = {}) {
  const r = await signUrl({ contractId: CONTRACT, contact: USER.mobile, ...extra });
  assert.equal(r.code, 0, r.message);
  const url = new URL(r.signUrl as string);
  return { url, token: url.searchParams.get('viewToken') as string };
}

const act = (token: string, action: string, reason = '') =>
  fetch(`${signing}/sign/action`, {
    method: 'POST',
    body: new URLSearchParams({ session: token, action, reason }),
    redirect: 'manual',
  });

/** GET with any Host header (fetch does not let a caller set Host). */
function viaHost(port: number, path: string, host: string, origin?: string) {
  return new Promise<number>((resolve, reject) => {
    const r = request(
      { host: '127.0.0.1', port, path, headers: { host, ...(origin ? { origin } : {}) } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    r.on('error', reject);
    r.end();
  });
}

describe('three origins', () => {
  it('open API, signing web app and console each on their own port', async () => {
    const ports = new Set([sim.urls.openApi, sim.urls.signing, sim.urls.console].map((u) => new URL(u).port));
    assert.equal(ports.size, 3);
    assert.equal(sim.url, sim.urls.openApi);
    assert.equal(await (await fetch(`${api}/checkHealth`)).text(), 'OK');
    // The open API serves no pages; the signing app and console serve no API.
    assert.equal((await fetch(`${api}/sign?viewToken=x`)).status, 404);
    assert.equal((await fetch(`${signing}/checkHealth`)).status, 404);
    assert.equal((await fetch(`${sim.urls.console}/company/list`)).status, 404);
    assert.match(await (await fetch(`${sim.urls.console}/`)).text(), /data-qys-page="home"/);
    assert.match(await (await fetch(`${signing}/`)).text(), /data-qys-page="home"/);
  });

  it('the default ports are the private cloud ones (9182 / 9180 / 9181)', async () => {
    const { SIMULATOR_DEFAULT_PORTS } = await import('../../dev/simulator/defaults.js');
    assert.deepEqual(SIMULATOR_DEFAULT_PORTS, { openApi: 9182, console: 9181, signing: 9180 });
  });
});

describe('open API signature check', () => {
  it('timestamp 0 with its signature is accepted (what the official examples send)', async () => {
    const body = await open('/contract/categories', signedHeaders(APP.appToken, APP.appSecret, 0));
    assert.equal(body.code, 0);
    assert.equal(body.message, 'SUCCESS');
    const old = await open('/contract/categories', signedHeaders(APP.appToken, APP.appSecret, 1_000));
    assert.equal(old.code, 0, 'no freshness window by default');
  });

  it('signature is md5(token + secret + timestamp), upper-case hex accepted', async () => {
    const ts = String(Date.now());
    const body = await open('/contract/categories', {
      'x-qys-accesstoken': APP.appToken,
      'x-qys-timestamp': ts,
      'x-qys-signature': openApiSignature(APP.appToken, APP.appSecret, ts).toUpperCase(),
    });
    assert.equal(body.code, 0);
    // md5("qys-sim-app-token-0001" + "qys-sim-app-secret-0001" + "0"), computed independently (Python hashlib).
    assert.equal(openApiSignature(APP.appToken, APP.appSecret, '0'), '7707d65a71739b44e957af8a4421d8a5');
  });

  it('refuses a wrong App Secret with 1003 and no payload', async () => {
    const body = await open('/seal/list', signedHeaders(APP.appToken, 'wrong-secret', 0));
    assert.equal(body.code, 1003);
    assert.equal(body.result, undefined);
  });

  it('compares signatures in constant time (any case; near misses and non-hex refused)', async () => {
    const ts = String(Date.now());
    const good = openApiSignature(APP.appToken, APP.appSecret, ts);
    assert.equal(verifyOpenApiSignature(APP.appToken, APP.appSecret, ts, good), true);
    const nearMiss = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    assert.equal(verifyOpenApiSignature(APP.appToken, APP.appSecret, ts, nearMiss), false);
    const latin1 = 'é'.repeat(32);
    assert.equal(verifyOpenApiSignature(APP.appToken, APP.appSecret, ts, latin1), false);
    const body = await open('/contract/categories', {
      'x-qys-accesstoken': APP.appToken,
      'x-qys-timestamp': ts,
      'x-qys-signature': latin1,
    });
    assert.equal(body.code, 1003);
  });

  it('refuses an unknown App Token with 1002', async () => {
    assert.equal((await open('/contract/categories', signedHeaders('nobody', APP.appSecret, 0))).code, 1002);
  });

  for (const header of ['x-qys-accesstoken', 'x-qys-timestamp', 'x-qys-signature']) {
    it(`refuses a missing ${header} with 1001 naming it`, async () => {
      const headers = signedHeaders(APP.appToken, APP.appSecret, 0);
      delete headers[header];
      const body = await open('/template/list', headers);
      assert.equal(body.code, 1001);
      assert.ok(body.message.includes(header), body.message);
    });
  }

  it('a freshness window, when switched on, refuses timestamp 0 and stale ones with 1004', async () => {
    assert.equal((await control('/__sim/state', { timestampWindowMs: 300_000 })).status, 200);
    assert.equal((await open('/contract/categories')).code, 1004);
    const stale = signedHeaders(APP.appToken, APP.appSecret, Date.now() - 6 * 60_000);
    assert.equal((await open('/contract/categories', stale)).code, 1004);
    const fresh = signedHeaders(APP.appToken, APP.appSecret, Date.now() - 60_000);
    assert.equal((await open('/contract/categories', fresh)).code, 0);
    assert.equal((await control('/__sim/state', { timestampWindowMs: -1 })).status, 400);
    await control('/__sim/state', { timestampWindowMs: null });
    assert.equal((await open('/contract/categories')).code, 0);
  });

  it('a non-numeric timestamp is refused (1004), not a crash', async () => {
    const headers = { ...signedHeaders(APP.appToken, APP.appSecret, 0), 'x-qys-timestamp': 'yesterday' };
    assert.equal((await open('/contract/categories', headers)).code, 1004);
  });

  it('/checkHealth needs no signature', async () => {
    const res = await fetch(`${api}/checkHealth`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await res.text(), 'OK');
  });

  it('apps set through /__sim/state replace the known credentials', async () => {
    const { status } = await control('/__sim/state', {
      apps: [{ appToken: 'tok-2', appSecret: 'sec-2', encryptionKey: 'abcdefgh12345678' }],
    });
    assert.equal(status, 200);
    assert.equal((await open('/contract/categories', signedHeaders('tok-2', 'sec-2', 0))).code, 0);
    assert.equal((await open('/contract/categories')).code, 1002);
  });

  it('the invented endpoints are gone (404, code 1404)', async () => {
    for (const path of [
      '/open/ping',
      '/open/app/info',
      '/open/seal/list',
      '/open/template/list',
      '/open/category/list',
      '/open/contract/detail',
    ]) {
      const res = await fetch(`${api}${path}`, { headers: signedHeaders(APP.appToken, APP.appSecret, 0) });
      assert.equal(res.status, 404, path);
      assert.equal(((await res.json()) as Envelope).code, 1404);
    }
    assert.equal((await fetch(`${signing}/sso/login?ticket=x`)).status, 404);
  });

  it('POST /contract/signurl/v3 is not simulated (not in the official document: docs/simulator-api.md)', async () => {
    const res = await fetch(`${api}/contract/signurl/v3`, {
      method: 'POST',
      headers: { ...signedHeaders(APP.appToken, APP.appSecret, 0), 'content-type': 'application/json' },
      body: JSON.stringify({ contractId: CONTRACT, tenantType: 'COMPANY', contact: USER.mobile }),
    });
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as Envelope).code, 1404);
  });

  it('a wrong method answers 405 with a JSON envelope; bad parameters 1000001, never 500', async () => {
    const res = await fetch(`${api}/contract/signurl`, {
      headers: signedHeaders(APP.appToken, APP.appSecret, 0),
    });
    assert.equal(res.status, 405);
    assert.equal(((await res.json()) as Envelope).code, 1000001);
    for (const path of [
      '/seal/list?category=GOLD',
      '/seal/innercompany/seallist?category=physics',
      '/template/list?pageNo=0',
      '/template/list?pageSize=abc',
      '/template/list?pageSize=1e21',
      '/contract/list?selectLimit=9007199254740993',
      '/contract/list?selectOffset=-1',
      '/contract/detail',
      '/company/list?tenantType=NOPE',
      '/seal/image',
      '/contract/viewurl?contractId=' + CONTRACT + '&expireTime=10',
    ]) {
      const body = await open(path);
      assert.equal(body.code, 1000001, path);
      assert.match(body.message, /^参数错误/);
    }
  });
});

describe('open API data', () => {
  it('is deterministic across restarts', async () => {
    const other = await startSimulator({ ports: { openApi: 0, signing: 0, console: 0 }, quiet: true });
    try {
      const a = await open('/template/list?pageSize=5');
      const res = await fetch(`${other.url}/template/list?pageSize=5`, {
        headers: signedHeaders(APP.appToken, APP.appSecret, 0),
      });
      assert.deepEqual(((await res.json()) as Envelope).result, a.result);
    } finally {
      await other.stop();
    }
  });

  it('churn adds, updates and removes categories visible to the next call', async () => {
    const list = async () => (await open('/company/list')).result as Array<{ id: string }>;
    const all = async () => {
      const out: Array<Record<string, unknown>> = [];
      for (const c of await list())
        out.push(
          ...((await open(`/contract/categories?companyId=${c.id}`)).categories as Array<
            Record<string, unknown>
          >),
        );
      return out.filter((c) => c.type === 'PHYSICAL');
    };
    const before = await all();
    const { body } = await control('/__sim/churn', {});
    const afterList = await all();
    const beforeIds = new Set(before.map((c) => c.id));
    const afterIds = new Set(afterList.map((c) => c.id));
    const added = afterList.filter((c) => !beforeIds.has(c.id));
    const removed = before.filter((c) => !afterIds.has(c.id));
    assert.equal(added.length, 1);
    assert.equal(removed.length, 1);
    assert.ok((body.added as string[]).includes(added[0]?.id as string));
    assert.ok((body.removed as string[]).includes(removed[0]?.id as string));
  });

  it('a disabled template answers status 0, a disabled seal a FREEZE or INVALID status object', async () => {
    const first = ((await open('/template/list?pageSize=1')).result as Array<Record<string, unknown>>)[0];
    const res = await control('/__sim/mutate', {
      op: 'update',
      resource: 'template',
      id: first?.id,
      fields: { name: '新名称', status: 'DISABLED' },
    });
    assert.equal(res.status, 200);
    const again = ((await open('/template/list?pageSize=1')).result as Array<Record<string, unknown>>)[0];
    assert.equal(again?.title, '新名称');
    assert.equal(again?.status, 0);
    const seal = await control('/__sim/mutate', {
      op: 'update',
      resource: 'seal',
      fields: { status: 'DISABLED' },
    });
    const sealId = (seal.body.item as { id: string }).id;
    const seals = (await open('/seal/list')).result as Array<{ id: string; status: { key: string } }>;
    assert.match(seals.find((s) => s.id === sealId)?.status.key ?? '', /^(FREEZE|INVALID)$/);
    assert.equal((await control('/__sim/mutate', { op: 'explode', resource: 'template' })).status, 400);
    assert.equal((await control('/__sim/mutate', 'not an object')).status, 400);
    assert.equal((await control('/__sim/state', { contracts: [{ id: 'c-1', subject: 42 }] })).status, 400);
  });

  it('/seal/list answers result[] by default and list[] when asked (the document shows both)', async () => {
    assert.ok(Array.isArray((await open('/seal/list')).result));
    await control('/__sim/state', { sealListKey: 'list' });
    const body = await open('/seal/list');
    assert.ok(Array.isArray(body.list));
    assert.equal(body.result, undefined);
  });

  it('/seal/image answers a PNG that differs per seal', async () => {
    const seals = (await open('/seal/list')).result as Array<{ id: string }>;
    const image = async (id: string) => {
      const res = await fetch(`${api}/seal/image?sealId=${id}`, {
        headers: signedHeaders(APP.appToken, APP.appSecret, 0),
      });
      assert.equal(res.headers.get('content-type'), 'image/png');
      return Buffer.from(await res.arrayBuffer());
    };
    const a = await image(seals[0]!.id);
    const b = await image(seals[1]!.id);
    assert.deepEqual([...a.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(a.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.notDeepEqual(a, b);
    assert.equal((await open('/seal/image?sealId=1')).code, 1404);
  });

  it('contract detail reports the real state; unknown contracts answer 1404', async () => {
    const detail = await open(`/contract/detail?contractId=${CONTRACT}`);
    assert.equal((detail.contract as Record<string, unknown>).status, 'SIGNING');
    assert.equal((await open('/contract/detail?contractId=1')).code, 1404);
    assert.equal((await open(`/contract/detail?contractId=${CONTRACT}`, {})).code, 1001);
  });

  it('records open-API calls with their answer code', async () => {
    await open('/contract/categories', signedHeaders(APP.appToken, 'wrong', 0));
    await open('/contract/categories');
    const { body } = await control('/__sim/calls');
    const calls = (body.calls as Array<{ path: string; code: number }>).filter(
      (c) => c.path === '/contract/categories',
    );
    assert.deepEqual(
      calls.map((c) => c.code),
      [1003, 0],
    );
  });
});

describe('signing sessions from POST /contract/signurl', () => {
  it('signUrl is a page of the signing app; signing returns to callbackPage with the OA query kept', async () => {
    const { url, token } = await session({ callbackPage: 'http://127.0.0.1:8787/qys-return?nonce=n-1' });
    assert.equal(url.origin, signing);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /data-qys-page="sign"/);
    assert.match(html, new RegExp(USER.name));
    const done = await act(token, 'sign');
    assert.equal(done.status, 303);
    const back = new URL(done.headers.get('location') as string);
    assert.equal(back.origin + back.pathname, 'http://127.0.0.1:8787/qys-return');
    assert.equal(back.searchParams.get('nonce'), 'n-1');
    assert.equal(back.searchParams.get('type'), 'signed');
    assert.equal(back.searchParams.get('contractId'), CONTRACT);
    const detail = await open(`/contract/detail?contractId=${CONTRACT}`);
    assert.equal((detail.contract as Record<string, unknown>).status, 'COMPLETE');
  });

  it('decline and expire return with their types and change the contract state', async () => {
    await control('/__sim/state', {
      contracts: [
        { id: '1000000000000000001', status: 'SIGNING' },
        { id: '1000000000000000002', status: 'SIGNING' },
      ],
    });
    const a = await session({ contractId: '1000000000000000001', callbackPage: 'http://127.0.0.1:1/r' });
    const declined = new URL((await act(a.token, 'decline', '价格不对')).headers.get('location') as string);
    assert.equal(declined.searchParams.get('type'), 'declined');
    const d1 = (await open('/contract/detail?contractId=1000000000000000001')).contract as Record<
      string,
      unknown
    >;
    assert.equal(d1.status, 'REJECTED');
    const b = await session({ contractId: '1000000000000000002', callbackPage: 'http://127.0.0.1:1/r' });
    const expired = new URL((await act(b.token, 'expire')).headers.get('location') as string);
    assert.equal(expired.searchParams.get('type'), 'expired');
  });

  it('refuses what the real API refuses: bad expireTime, unknown contract or contact, non-http callbackPage, non-JSON', async () => {
    assert.equal(
      (await signUrl({ contractId: CONTRACT, contact: USER.mobile, expireTime: 299 })).code,
      1000001,
    );
    assert.equal(
      (await signUrl({ contractId: CONTRACT, contact: USER.mobile, expireTime: 259_201 })).code,
      1000001,
    );
    assert.equal(
      (await signUrl({ contractId: CONTRACT, contact: USER.mobile, expireTime: '600' })).code,
      1000001,
    );
    assert.equal((await signUrl({ contact: USER.mobile })).code, 1000001);
    assert.equal((await signUrl({ contractId: CONTRACT })).code, 1000001);
    assert.equal((await signUrl({ contractId: '1', contact: USER.mobile })).code, 1404);
    assert.equal((await signUrl({ contractId: CONTRACT, contact: '13000000000' })).code, 1404);
    assert.equal(
      (await signUrl({ contractId: CONTRACT, contact: USER.mobile, callbackPage: 'javascript:alert(1)' }))
        .code,
      1000001,
    );
    const res = await fetch(`${api}/contract/signurl`, {
      method: 'POST',
      headers: { ...signedHeaders(APP.appToken, APP.appSecret, 0), 'content-type': 'application/json' },
      body: '{nope',
    });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as Envelope).code, 1000001);
  });

  it('ssoReject: the signing link lands on the login page too (nobody is signed in)', async () => {
    const { url } = await session();
    await control('/__sim/state', { ssoReject: true });
    assert.match(await (await fetch(url)).text(), /data-qys-reason="rejected"/);
  });

  it('a session is short-lived: expireTime (at most sessionTtlMs), then the login page', async () => {
    const { url } = await session();
    assert.equal((await control('/__sim/sessions/expire', {})).status, 200);
    const html = await (await fetch(url)).text();
    assert.match(html, /data-qys-page="login"/);
    assert.match(html, /data-qys-reason="session-expired"/);
    const unknown = await (await fetch(`${signing}/sign?viewToken=nothing`)).text();
    assert.match(unknown, /data-qys-reason="no-session"/);
  });

  it('a viewUrl shows the contract read-only, and a sign action through it is refused', async () => {
    const r = await open(`/contract/viewurl?contractId=${CONTRACT}&pageType=CONTENT`);
    const url = new URL(r.viewUrl as string);
    assert.equal(url.origin, signing);
    const html = await (await fetch(url)).text();
    assert.match(html, /data-qys-page="view"/);
    assert.doesNotMatch(html, /data-action="sign"/);
    const refused = await act(url.searchParams.get('viewToken') as string, 'sign');
    assert.match(await refused.text(), /data-qys-result="error"/);
    const detail = await open(`/contract/detail?contractId=${CONTRACT}`);
    assert.equal((detail.contract as Record<string, unknown>).status, 'SIGNING');
  });

  it('cancel leaves the contract as it was; acting on a finished contract returns an error type', async () => {
    const { token } = await session({ callbackPage: 'http://127.0.0.1:1/r' });
    const cancel = new URL((await act(token, 'cancel')).headers.get('location') as string);
    assert.equal(cancel.searchParams.get('type'), 'cancelled');
    await act(token, 'sign');
    const again = new URL((await act(token, 'decline')).headers.get('location') as string);
    assert.equal(again.searchParams.get('type'), 'error');
    assert.equal(again.searchParams.get('code'), 'contract-not-signing');
  });

  it('lang=en serves English pages', async () => {
    const { url } = await session();
    url.searchParams.set('lang', 'en');
    const html = await (await fetch(url)).text();
    assert.match(html, /<html lang="en"/);
    assert.match(html, />Sign</);
  });
});

describe('private-cloud SSO (qystoken)', () => {
  const token = (mobile = USER.mobile, key = APP.encryptionKey) =>
    encodeURIComponent(createQysToken(mobile, key));

  it('qystoken = base64(AES-128-ECB/PKCS7(mobile + "|", 加密密钥))', async () => {
    const { createCipheriv } = await import('node:crypto');
    const c = createCipheriv('aes-128-ecb', Buffer.from(APP.encryptionKey), null);
    const expected = Buffer.concat([c.update(`${USER.mobile}|`), c.final()]).toString('base64');
    assert.equal(createQysToken(USER.mobile, APP.encryptionKey), expected);
    assert.equal(readQysToken(expected, APP.encryptionKey), USER.mobile);
    assert.equal(readQysToken(expected, 'another-key-1234'), undefined);
    assert.equal(readQysToken('%%%', APP.encryptionKey), undefined);
    assert.throws(() => createQysToken(USER.mobile, 'abc'), /16/);
  });

  it('/sign/{contractId}?qystoken= signs the user in and opens the signing page', async () => {
    const res = await fetch(`${signing}/sign/${CONTRACT}?qystoken=${token()}&hide_menu=true`, {
      redirect: 'manual',
    });
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location') as string, signing);
    assert.equal(location.pathname, '/sign');
    const html = await (await fetch(location)).text();
    assert.match(html, /data-qys-page="sign"/);
    assert.match(html, new RegExp(CONTRACT));
  });

  it('a wrong key, an unknown mobile or no token lands on the login page saying why', async () => {
    const reason = async (query: string) => {
      const res = await fetch(`${signing}/usercenter/info${query}`, { redirect: 'manual' });
      assert.equal(res.status, 302);
      const location = new URL(res.headers.get('location') as string, signing);
      assert.equal(location.pathname, '/login');
      const html = await (await fetch(location)).text();
      assert.match(html, /<title>契约锁 登录<\/title>/);
      return location.searchParams.get('reason');
    };
    assert.equal(await reason(`?qystoken=${token(USER.mobile, 'wrong-key-123456')}`), 'signature');
    assert.equal(await reason(`?qystoken=${token('13000000000')}`), 'unknown-user');
    assert.equal(await reason(''), 'missing');
    assert.equal(await reason('?qystoken=not*base64'), 'signature');
    await control('/__sim/state', { ssoReject: true });
    assert.equal(await reason(`?qystoken=${token()}`), 'rejected');
  });

  it('the right key on /usercenter/info shows the signed-in person', async () => {
    const res = await fetch(`${signing}/usercenter/info?qystoken=${token()}`, { redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /data-qys-page="usercenter"[\s\S]*测试用户/);
  });

  it('persons are added through /__sim/state (matched by mobile), also in new scopes', async () => {
    assert.equal(
      (await control('/__sim/state', { users: [{ mobile: '13912345678', name: '李雷' }] })).status,
      200,
    );
    const ok = await fetch(`${signing}/s/users-1/usercenter/info?qystoken=${token('13912345678')}`, {
      redirect: 'manual',
    });
    assert.equal(ok.status, 200);
    assert.equal((await control('/__sim/state', { users: [{ mobile: 'x', name: 1 }] })).status, 400);
  });

  it('an unknown contract on /sign/{id} is a not-found page, not a new contract', async () => {
    const res = await fetch(`${signing}/sign/1234?qystoken=${token()}`, { redirect: 'manual' });
    assert.equal(res.status, 404);
    assert.match(await res.text(), /data-qys-page="not-found"/);
  });
});

describe('public-cloud SSO gateway (/open/ssogateway)', () => {
  it('validates the ticket with the OA (POST ticket), opens the page for the contact, or goes to the OA login', async () => {
    const { createServer } = await import('node:http');
    const seen: string[] = [];
    const oa = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const ticket = new URLSearchParams(body).get('ticket') ?? '';
        seen.push(ticket);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            ticket === 'good-ticket'
              ? { code: 0, message: 'SUCCESS', result: { contact: USER.mobile } }
              : { code: 1, message: 'invalid ticket' },
          ),
        );
      });
    });
    await new Promise<void>((r) => oa.listen(0, '127.0.0.1', () => r()));
    const oaUrl = `http://127.0.0.1:${(oa.address() as { port: number }).port}`;
    try {
      await control('/__sim/state', {
        sso: { validationUrl: `${oaUrl}/cas/validate`, loginUrl: `${oaUrl}/login` },
      });
      const go = (ticket: string, extra = '') =>
        fetch(
          `${signing}/open/ssogateway?ticket=${ticket}&pageType=SIGN_PAGE&contractId=${CONTRACT}${extra}`,
          {
            redirect: 'manual',
          },
        );
      const good = await go(
        'good-ticket',
        `&signReturnUrl=${encodeURIComponent('http://127.0.0.1:1/back?nonce=z')}`,
      );
      assert.equal(good.status, 302);
      const page = new URL(good.headers.get('location') as string, signing);
      assert.match(await (await fetch(page)).text(), /data-qys-page="sign"/);
      const back = new URL(
        (await act(page.searchParams.get('viewToken') as string, 'cancel')).headers.get('location') as string,
      );
      assert.equal(back.searchParams.get('nonce'), 'z');
      const bad = await go('bad-ticket');
      assert.equal(bad.headers.get('location'), `${oaUrl}/login`);
      assert.deepEqual(seen, ['good-ticket', 'bad-ticket']);
      assert.equal((await control('/__sim/state', { sso: { validationUrl: 'ftp://x' } })).status, 400);
    } finally {
      await new Promise<void>((r) => oa.close(() => r()));
    }
  });
});

describe('embed whitelist (frame-ancestors)', () => {
  function frameAncestors(res: Response): string {
    const csp = res.headers.get('content-security-policy') ?? '';
    return /frame-ancestors ([^;]*)/.exec(csp)?.[1] ?? '';
  }

  it('every signing-app page carries frame-ancestors built from the whitelist, and no X-Frame-Options', async () => {
    await control('/__sim/state', { whitelist: ['http://oa.example.com:8080', 'https://e10.example.com'] });
    const { url } = await session();
    const pages = [
      await fetch(`${signing}/`),
      await fetch(url),
      await fetch(`${signing}/sign?viewToken=none`),
      await fetch(`${signing}/no-such-page`),
      await fetch(`${signing}/usercenter/info`, { redirect: 'manual' }),
    ];
    for (const res of pages) {
      assert.equal(frameAncestors(res), "'self' http://oa.example.com:8080 https://e10.example.com");
      assert.equal(res.headers.get('x-frame-options'), null);
    }
  });

  it('an empty whitelist allows only the platform itself; a change is seen at once', async () => {
    assert.equal(frameAncestors(await fetch(`${signing}/`)), "'self'");
    await control('/__sim/state', { whitelist: ['http://127.0.0.1:*'] });
    assert.equal(frameAncestors(await fetch(`${signing}/`)), "'self' http://127.0.0.1:*");
  });

  it('rejects entries that are not CSP sources (no header injection)', async () => {
    const res = await control('/__sim/state', { whitelist: ["http://a.com; script-src 'unsafe-inline'"] });
    assert.equal(res.status, 400);
    assert.equal(frameAncestors(await fetch(`${signing}/`)), "'self'");
  });

  it('can send X-Frame-Options and no CSP, like a differently configured platform', async () => {
    await control('/__sim/state', { frameAncestors: false, xFrameOptions: 'SAMEORIGIN' });
    const res = await fetch(`${signing}/`);
    assert.equal(res.headers.get('content-security-policy'), null);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal((await control('/__sim/state', { xFrameOptions: 'ALLOWALL' })).status, 400);
    await control('/__sim/reset', {});
    assert.equal(frameAncestors(await fetch(`${signing}/`)), "'self'");
  });

  it('scopes under /s/<id> keep their own whitelist, data and sessions on every origin', async () => {
    await control('/s/case-1/__sim/state', { whitelist: ['https://only.example'] }, signing);
    assert.equal(frameAncestors(await fetch(`${signing}/s/case-1/`)), "'self' https://only.example");
    assert.equal(frameAncestors(await fetch(`${signing}/`)), "'self'");
    const r = await signUrl({ contractId: CONTRACT, contact: USER.mobile }, '/s/case-1');
    const url = new URL(r.signUrl as string);
    assert.equal(url.pathname, '/s/case-1/sign');
    assert.match(await (await fetch(url)).text(), /data-qys-page="sign"/);
    // The root knows no such session.
    assert.match(
      await (await fetch(`${signing}/sign?viewToken=${url.searchParams.get('viewToken')}`)).text(),
      /data-qys-reason="no-session"/,
    );
  });
});

describe('unreachable mode', () => {
  it('by default cuts the browser-facing origins only: the OA server still reaches the open API', async () => {
    await control('/__sim/state', { unreachable: true });
    await assert.rejects(fetch(`${signing}/sign?viewToken=x`), /fetch failed/);
    await assert.rejects(fetch(`${sim.urls.console}/`), /fetch failed/);
    assert.equal(await (await fetch(`${api}/checkHealth`)).text(), 'OK');
    const r = await signUrl({ contractId: CONTRACT, contact: USER.mobile });
    assert.equal(r.code, 0, 'a signing link is still handed out; the browser cannot load it');
    assert.equal((await control('/__sim/state', { unreachableApps: ['nowhere'] })).status, 400);
  });

  it('closes connections without an answer, while /__sim stays reachable', async () => {
    await control('/__sim/state', { unreachable: true, unreachableApps: ['openApi', 'signing', 'console'] });
    await assert.rejects(fetch(`${api}/checkHealth`), /fetch failed/);
    await assert.rejects(fetch(`${signing}/sign?viewToken=x`), /fetch failed/);
    assert.equal((await control('/__sim/state')).body.unreachable, 'reset');
    await control('/__sim/state', { unreachable: false });
    assert.equal(await (await fetch(`${api}/checkHealth`)).text(), 'OK');
  });

  it("'hang' keeps the request open with no answer until reachable again", async () => {
    await control('/__sim/state', { unreachable: 'hang', unreachableApps: ['openApi'] });
    const socket = connect(sim.port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET /checkHealth HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(received, '', 'no answer while hanging');
    await control('/__sim/state', { unreachable: false });
    await closed;
    assert.equal(received, '');
  });

  it("a hanging scope is not released by another scope's change", async () => {
    await control('/s/hang-a/__sim/state', { unreachable: 'hang', unreachableApps: ['openApi'] });
    const socket = connect(sim.port, '127.0.0.1');
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.write('GET /s/hang-a/checkHealth HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((r) => setTimeout(r, 200));
    await control('/s/hang-b/__sim/state', { unreachable: false });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(closed, false, 'still hanging');
    await control('/s/hang-a/__sim/state', { unreachable: false });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(closed, true, 'released with its own scope');
  });

  it('only the scope that is unreachable stops answering', async () => {
    await control('/s/down/__sim/state', { unreachable: true, unreachableApps: ['openApi'] });
    await assert.rejects(fetch(`${api}/s/down/checkHealth`), /fetch failed/);
    assert.equal(await (await fetch(`${api}/checkHealth`)).text(), 'OK');
  });
});

describe('control endpoints', () => {
  it('answer on all three origins', async () => {
    for (const base of Object.values(sim.urls)) {
      const { status, body } = await control('/__sim/state', undefined, base);
      assert.equal(status, 200, base);
      assert.deepEqual(body.urls, sim.urls);
    }
  });

  it('answer CORS preflights so browser tests can drive them', async () => {
    const res = await fetch(`${api}/__sim/state`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'POST' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:8000');
  });

  it('refuse pages of other sites (no CORS grant, 403)', async () => {
    const evil = { origin: 'https://evil.example', 'content-type': 'text/plain' };
    const pre = await fetch(`${api}/__sim/state`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const changed = await fetch(`${api}/__sim/state`, {
      method: 'POST',
      headers: evil,
      body: JSON.stringify({ ssoReject: true }),
    });
    assert.equal(changed.status, 403);
    assert.equal(((await control('/__sim/state')).body as { ssoReject: boolean }).ssoReject, false);
    assert.equal(await viaHost(sim.port, '/__sim/state', '192.168.1.5:9182', 'http://192.168.1.5:5173'), 200);
    const lan = await fetch(`${api}/__sim/state`, { headers: { origin: 'http://127.0.0.1:5173' } });
    assert.equal(lan.status, 200);
    assert.equal(lan.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
  });

  it('answer only when reached by an address or localhost, not a DNS name (DNS rebinding), on every origin', async () => {
    const paths = [
      '/__sim/state',
      '/__sim/calls',
      '/__sim/csp-reports',
      '/__sim/scopes',
      '/s/x/__sim/state',
      '/__sim/nothing',
      '/__sim/e10',
    ];
    for (const url of Object.values(sim.urls)) {
      const port = Number(new URL(url).port);
      for (const path of paths) {
        // No Origin header at all: a rebound page's same-origin GET does not need one.
        assert.equal(await viaHost(port, path, `rebind.example:${port}`), 403, `${url}${path}`);
        assert.equal(await viaHost(port, path, 'qys.internal'), 403, `${url}${path}`);
        assert.notEqual(await viaHost(port, path, `127.0.0.1:${port}`), 403, `${url}${path}`);
        assert.notEqual(await viaHost(port, path, `localhost:${port}`), 403, `${url}${path}`);
        assert.notEqual(await viaHost(port, path, `[::1]:${port}`), 403, `${url}${path}`);
      }
    }
    // The platform's own pages still answer to a DNS name (a real deployment is reached by one).
    assert.equal(await viaHost(sim.port, '/checkHealth', 'qys.example.com'), 200);
  });

  it('reset restores the initial state', async () => {
    await control('/__sim/state', { whitelist: ['https://x.example'], ssoReject: true, sealListKey: 'list' });
    await control('/__sim/reset', {});
    const { body } = await control('/__sim/state');
    assert.deepEqual(body.whitelist, []);
    assert.equal(body.ssoReject, false);
    assert.equal(body.sealListKey, 'result');
  });

  it('collects CSP violation reports sent to report-uri', async () => {
    const report = {
      'csp-report': { 'violated-directive': 'frame-ancestors', 'document-uri': `${signing}/` },
    };
    const res = await fetch(`${signing}/__sim/csp-report`, {
      method: 'POST',
      headers: { 'content-type': 'application/csp-report' },
      body: JSON.stringify(report),
    });
    assert.equal(res.status, 204);
    const { body } = await control('/__sim/csp-reports');
    assert.deepEqual(body.reports, [report]);
  });

  it('the page marker (posted to any origin) names only the page and reason, never the contract', async () => {
    const markerOf = (html: string) => {
      const m = /var m=(\{.*?\});/.exec(html);
      assert.ok(m, 'a page marker');
      return JSON.parse(m[1] as string) as Record<string, unknown>;
    };
    const { url, token } = await session();
    assert.deepEqual(markerOf(await (await fetch(url)).text()), { source: 'qys-platform', page: 'sign' });
    const result = await act(token, 'cancel');
    assert.deepEqual(markerOf(await result.text()), { source: 'qys-platform', page: 'result' });
    const login = await (await fetch(`${signing}/login?reason=signature`)).text();
    assert.deepEqual(markerOf(login), { source: 'qys-platform', page: 'login', reason: 'signature' });
    const odd = await (await fetch(`${signing}/login?reason=${encodeURIComponent('<x>')}`)).text();
    assert.equal(markerOf(odd).reason, 'no-session');
  });
});
