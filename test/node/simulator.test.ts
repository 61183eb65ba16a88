import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import {
  createSsoTicket,
  openApiSignature,
  signedHeaders,
  verifyOpenApiSignature,
} from '../../dev/simulator/crypto.js';
import { SIMULATOR_DEFAULT_APP as APP } from '../../dev/simulator/defaults.js';
import { startSimulator, type Simulator } from '../../dev/simulator/server.js';

let sim: Simulator;

before(async () => {
  sim = await startSimulator({ host: '127.0.0.1', port: 0, quiet: true });
});
after(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.root.reset();
});

async function open(
  path: string,
  headers: Record<string, string> = signedHeaders(APP.appToken, APP.appSecret),
) {
  const res = await fetch(`${sim.url}${path}`, { headers });
  assert.equal(res.status, 200);
  return (await res.json()) as { code: number; message: string; result?: Record<string, unknown> };
}

async function control(path: string, body?: unknown) {
  const res = await fetch(`${sim.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function ticketFor(payload: Partial<Parameters<typeof createSsoTicket>[0]> = {}, key = APP.encryptionKey) {
  return createSsoTicket(
    {
      userId: 'zhangwei',
      contractId: '2961458850000007919',
      exp: Date.now() + 60_000,
      nonce: 'nonce-0123456789abcdef',
      returnUrl: 'http://127.0.0.1:8787/qys/return?lang=zh-CN',
      ...payload,
    },
    key,
  );
}

async function sso(ticket: string | undefined, target = '/sign?contractId=2961458850000007919') {
  const url = new URL(`${sim.url}/sso/login`);
  if (ticket !== undefined) url.searchParams.set('ticket', ticket);
  url.searchParams.set('target', target);
  const res = await fetch(url, { redirect: 'manual' });
  return { res, html: await res.text() };
}

describe('open API signature check', () => {
  it('answers code 0 with the right signature', async () => {
    const body = await open('/open/app/info');
    assert.equal(body.code, 0);
    assert.equal(body.message, 'SUCCESS');
    assert.equal(body.result?.tenantId, APP.tenantId);
  });

  it('signature is md5(token + secret + timestamp)', async () => {
    const ts = String(Date.now());
    const body = await open('/open/app/info', {
      'x-qys-accesstoken': APP.appToken,
      'x-qys-timestamp': ts,
      'x-qys-signature': openApiSignature(APP.appToken, APP.appSecret, ts).toUpperCase(),
    });
    assert.equal(body.code, 0, 'upper-case hex is accepted too');
    assert.match(openApiSignature('a', 'b', '1'), /^[0-9a-f]{32}$/);
  });

  it('refuses a wrong App Secret with 1003', async () => {
    const body = await open('/open/seal/list?type=ELECTRONIC', signedHeaders(APP.appToken, 'wrong-secret'));
    assert.equal(body.code, 1003);
    assert.equal(body.result, undefined);
  });

  it('compares signatures with a constant-time check (any case, refusing near misses and non-hex)', async () => {
    const ts = String(Date.now());
    const good = openApiSignature(APP.appToken, APP.appSecret, ts);
    assert.equal(verifyOpenApiSignature(APP.appToken, APP.appSecret, ts, good), true);
    assert.equal(verifyOpenApiSignature(APP.appToken, APP.appSecret, ts, good.toUpperCase()), true);
    const nearMiss = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    assert.equal(verifyOpenApiSignature(APP.appToken, APP.appSecret, ts, nearMiss), false);
    assert.equal(verifyOpenApiSignature(APP.appToken, APP.appSecret, ts, good.slice(1)), false);
    // Same string length, more bytes: refused, not a crash.
    const latin1 = 'é'.repeat(32);
    assert.equal(verifyOpenApiSignature(APP.appToken, APP.appSecret, ts, latin1), false);
    const body = await open('/open/app/info', {
      'x-qys-accesstoken': APP.appToken,
      'x-qys-timestamp': ts,
      'x-qys-signature': latin1,
    });
    assert.equal(body.code, 1003);
  });

  it('refuses an unknown App Token with 1002', async () => {
    const body = await open('/open/app/info', signedHeaders('nobody', APP.appSecret));
    assert.equal(body.code, 1002);
  });

  for (const header of ['x-qys-accesstoken', 'x-qys-timestamp', 'x-qys-signature']) {
    it(`refuses a missing ${header} with 1001 naming it`, async () => {
      const headers = signedHeaders(APP.appToken, APP.appSecret);
      delete headers[header];
      const body = await open('/open/template/list', headers);
      assert.equal(body.code, 1001);
      assert.ok(body.message.includes(header), body.message);
    });
  }

  it('refuses a stale timestamp with 1004, even when correctly signed', async () => {
    const stale = await open(
      '/open/app/info',
      signedHeaders(APP.appToken, APP.appSecret, Date.now() - 6 * 60_000),
    );
    assert.equal(stale.code, 1004);
    const future = await open(
      '/open/app/info',
      signedHeaders(APP.appToken, APP.appSecret, Date.now() + 6 * 60_000),
    );
    assert.equal(future.code, 1004);
    const near = await open(
      '/open/app/info',
      signedHeaders(APP.appToken, APP.appSecret, Date.now() - 4 * 60_000),
    );
    assert.equal(near.code, 0);
  });

  it('ping needs no signature', async () => {
    const body = await open('/open/ping', {});
    assert.equal(body.code, 0);
    assert.equal(body.result?.version, '4.3.8');
  });

  it('apps set through /__sim/state replace the known credentials', async () => {
    const { status } = await control('/__sim/state', {
      apps: [{ appToken: 'tok-2', appSecret: 'sec-2', encryptionKey: 'key-2' }],
    });
    assert.equal(status, 200);
    assert.equal((await open('/open/app/info', signedHeaders('tok-2', 'sec-2'))).code, 0);
    assert.equal((await open('/open/app/info')).code, 1002);
  });
});

describe('open API data', () => {
  it('pages seals with 19-digit string IDs and SVG images', async () => {
    const p1 = await open('/open/seal/list?type=ELECTRONIC&pageNo=1&pageSize=10');
    const p2 = await open('/open/seal/list?type=ELECTRONIC&pageNo=2&pageSize=10');
    const list1 = p1.result?.list as Array<Record<string, string>>;
    const list2 = p2.result?.list as Array<Record<string, string>>;
    assert.equal(list1.length, 10);
    assert.equal(p1.result?.total, 36);
    for (const seal of [...list1, ...list2]) {
      assert.match(seal.id as string, /^\d{19}$/);
      assert.equal(seal.category, 'ELECTRONIC');
      assert.match(seal.image as string, /^data:image\/svg\+xml;base64,/);
      assert.match(
        Buffer.from((seal.image as string).split(',')[1] as string, 'base64').toString(),
        /^<svg /,
      );
    }
    const ids = new Set([...list1, ...list2].map((s) => s.id));
    assert.equal(ids.size, 20, 'pages do not overlap');
    const physical = await open('/open/seal/list?type=PHYSICAL&pageSize=200');
    assert.equal(physical.result?.total, 14);
  });

  it('is deterministic across restarts', async () => {
    const other = await startSimulator({ port: 0, quiet: true });
    try {
      const a = await open('/open/template/list?pageSize=5');
      const res = await fetch(`${other.url}/open/template/list?pageSize=5`, {
        headers: signedHeaders(APP.appToken, APP.appSecret),
      });
      assert.deepEqual(((await res.json()) as { result: unknown }).result, a.result);
    } finally {
      await other.stop();
    }
  });

  it('rejects bad paging and type parameters', async () => {
    assert.equal((await open('/open/seal/list?type=GOLD')).code, 1010);
    assert.equal((await open('/open/category/list?pageSize=0')).code, 1010);
    assert.equal((await open('/open/template/list?pageNo=abc')).code, 1010);
  });

  it('churn adds, updates and removes items visible to the next sync', async () => {
    const before = (await open('/open/category/list?type=PHYSICAL&pageSize=200')).result?.list as Array<
      Record<string, string>
    >;
    const { body } = await control('/__sim/churn', {});
    const after = (await open('/open/category/list?type=PHYSICAL&pageSize=200')).result?.list as Array<
      Record<string, string>
    >;
    const beforeIds = new Set(before.map((c) => c.id));
    const afterIds = new Set(after.map((c) => c.id));
    const added = after.filter((c) => !beforeIds.has(c.id));
    const removed = before.filter((c) => !afterIds.has(c.id));
    const changed = after.filter((c) => {
      const old = before.find((b) => b.id === c.id);
      return old && old.name !== c.name;
    });
    assert.equal(added.length, 1);
    assert.equal(removed.length, 1);
    assert.equal(changed.length, 1);
    assert.ok((body.added as string[]).includes(added[0]?.id as string));
    assert.ok((body.removed as string[]).includes(removed[0]?.id as string));
    assert.match(added[0]?.id as string, /^\d{19}$/);
  });

  it('mutate changes a single item', async () => {
    const first = (
      (await open('/open/template/list?pageSize=1')).result?.list as Array<Record<string, string>>
    )[0];
    const res = await control('/__sim/mutate', {
      op: 'update',
      resource: 'template',
      id: first?.id,
      fields: { name: '新名称', status: 'DISABLED' },
    });
    assert.equal(res.status, 200);
    const again = (
      (await open('/open/template/list?pageSize=1')).result?.list as Array<Record<string, string>>
    )[0];
    assert.equal(again?.name, '新名称');
    assert.equal(again?.status, 'DISABLED');
    assert.equal((await control('/__sim/mutate', { op: 'explode', resource: 'template' })).status, 400);
  });

  it('contract detail reports the state; unknown contracts answer 1404', async () => {
    const detail = await open('/open/contract/detail?contractId=2961458850000007919');
    assert.equal(detail.code, 0);
    assert.equal(detail.result?.status, 'SIGNING');
    assert.equal(detail.result?.contractStatus, 'signing');
    assert.equal((await open('/open/contract/detail?contractId=1')).code, 1404);
    assert.equal((await open('/open/contract/detail?contractId=2961458850000007919', {})).code, 1001);
  });
});

describe('SSO ticket', () => {
  it('a good ticket redirects to the signing page, which signs and returns to the OA page', async () => {
    const { res } = await sso(ticketFor());
    assert.equal(res.status, 302);
    const location = res.headers.get('location') as string;
    assert.match(location, /^\/sign\?contractId=2961458850000007919&session=/);
    const page = await fetch(`${sim.url}${location}`);
    const html = await page.text();
    assert.match(html, /data-qys-page="sign"/);
    assert.match(html, /签署/);
    assert.match(html, /拒签/);
    const session = new URL(location, sim.url).searchParams.get('session') as string;
    const act = await fetch(`${sim.url}/sign/action`, {
      method: 'POST',
      body: new URLSearchParams({ session, action: 'sign' }),
      redirect: 'manual',
    });
    assert.equal(act.status, 303);
    const back = new URL(act.headers.get('location') as string);
    assert.equal(back.origin + back.pathname, 'http://127.0.0.1:8787/qys/return');
    assert.equal(back.searchParams.get('lang'), 'zh-CN', 'existing return-page parameters are kept');
    assert.equal(back.searchParams.get('nonce'), 'nonce-0123456789abcdef');
    assert.equal(back.searchParams.get('type'), 'signed');
    assert.equal(back.searchParams.get('contractId'), '2961458850000007919');
    const detail = await open('/open/contract/detail?contractId=2961458850000007919');
    assert.equal(detail.result?.status, 'COMPLETE');
  });

  it('decline and expire return with their types and change the contract state', async () => {
    for (const [action, type, state, id] of [
      ['decline', 'declined', 'REJECTED', '2961458850000015838'],
      ['expire', 'expired', 'EXPIRED', '2961458850000023757'],
    ] as const) {
      const { res } = await sso(ticketFor({ contractId: id, nonce: `nonce-${action}-0123456789` }));
      const session = new URL(res.headers.get('location') as string, sim.url).searchParams.get(
        'session',
      ) as string;
      const act = await fetch(`${sim.url}/sign/action`, {
        method: 'POST',
        body: new URLSearchParams({ session, action, reason: '条款不符' }),
        redirect: 'manual',
      });
      const back = new URL(act.headers.get('location') as string);
      assert.equal(back.searchParams.get('type'), type);
      assert.equal(back.searchParams.get('nonce'), `nonce-${action}-0123456789`);
      assert.equal((await open(`/open/contract/detail?contractId=${id}`)).result?.status, state);
    }
  });

  it('a ticket signed with another key shows the login page', async () => {
    const { res, html } = await sso(ticketFor({}, 'not-the-encryption-key'));
    assert.equal(res.status, 200);
    assert.match(html, /<title>契约锁 登录<\/title>/);
    assert.match(html, /data-qys-page="login"/);
    assert.match(html, /data-qys-reason="signature"/);
  });

  it('a tampered or malformed ticket shows the login page', async () => {
    const good = ticketFor();
    const [body, sig] = good.split('.') as [string, string];
    const tampered = Buffer.from(
      JSON.stringify({ userId: 'admin', exp: Date.now() + 60_000, nonce: 'x' }),
    ).toString('base64url');
    assert.match((await sso(`${tampered}.${sig}`)).html, /data-qys-reason="signature"/);
    assert.match((await sso(`${body}`)).html, /data-qys-reason="malformed"/);
    assert.match((await sso(undefined)).html, /data-qys-reason="missing"/);
  });

  it('an expired ticket shows the login page', async () => {
    const { res, html } = await sso(ticketFor({ exp: Date.now() - 1 }));
    assert.equal(res.status, 200);
    assert.match(html, /data-qys-reason="expired"/);
  });

  it('a ticket works once; the second use shows the login page', async () => {
    const ticket = ticketFor();
    assert.equal((await sso(ticket)).res.status, 302);
    const second = await sso(ticket);
    assert.equal(second.res.status, 200);
    assert.match(second.html, /data-qys-reason="reused"/);
  });

  it('ssoReject serves the login page for a good ticket', async () => {
    await control('/__sim/state', { ssoReject: true });
    const { res, html } = await sso(ticketFor());
    assert.equal(res.status, 200);
    assert.match(html, /data-qys-reason="rejected"/);
  });

  it('a target on another origin is refused', async () => {
    const { res, html } = await sso(ticketFor(), 'https://evil.example/steal');
    assert.equal(res.status, 200);
    assert.match(html, /data-qys-page="login"/);
  });

  it('a target whose path starts with // never becomes a protocol-relative redirect', async () => {
    for (const [i, target] of [
      '/.//evil.example/steal',
      '/%2e//evil.example',
      '/a/..//evil.example',
    ].entries()) {
      const { res } = await sso(ticketFor({ nonce: `double-slash-nonce-${i}` }), target);
      const location = res.headers.get('location');
      if (res.status === 302) {
        assert.ok(location && !location.startsWith('//'), `${target} → ${location}`);
        assert.equal(new URL(location, sim.url).origin, sim.url);
      } else assert.equal(res.status, 200);
    }
  });

  it('an expired signing session shows the login page', async () => {
    const { res } = await sso(ticketFor());
    const location = res.headers.get('location') as string;
    await control('/__sim/sessions/expire', {});
    const html = await (await fetch(`${sim.url}${location}`)).text();
    assert.match(html, /data-qys-reason="session-expired"/);
  });
});

describe('embed whitelist (frame-ancestors)', () => {
  function frameAncestors(res: Response): string {
    const csp = res.headers.get('content-security-policy') ?? '';
    return /frame-ancestors ([^;]*)/.exec(csp)?.[1] ?? '';
  }

  it('every page carries frame-ancestors built from the whitelist, and no X-Frame-Options', async () => {
    await control('/__sim/state', { whitelist: ['http://oa.example.com:8080', 'https://e10.example.com'] });
    const pages = [
      await fetch(`${sim.url}/`),
      (await sso(ticketFor({ exp: 0 }))).res,
      await fetch(`${sim.url}/sign?session=none`),
      await fetch(`${sim.url}/no-such-page`),
    ];
    for (const res of pages) {
      assert.equal(frameAncestors(res), "'self' http://oa.example.com:8080 https://e10.example.com");
      assert.equal(res.headers.get('x-frame-options'), null);
    }
    const redirect = (await sso(ticketFor())).res;
    assert.equal(frameAncestors(redirect), "'self' http://oa.example.com:8080 https://e10.example.com");
  });

  it('an empty whitelist allows only the platform itself; a change is seen at once', async () => {
    assert.equal(frameAncestors(await fetch(`${sim.url}/`)), "'self'");
    await control('/__sim/state', { whitelist: ['http://127.0.0.1:*'] });
    assert.equal(frameAncestors(await fetch(`${sim.url}/`)), "'self' http://127.0.0.1:*");
  });

  it('rejects entries that are not CSP sources (no header injection)', async () => {
    const res = await control('/__sim/state', { whitelist: ["http://a.com; script-src 'unsafe-inline'"] });
    assert.equal(res.status, 400);
    assert.equal(frameAncestors(await fetch(`${sim.url}/`)), "'self'");
  });

  it('can send X-Frame-Options and no CSP, like a differently configured platform', async () => {
    await control('/__sim/state', { frameAncestors: false, xFrameOptions: 'SAMEORIGIN' });
    const res = await fetch(`${sim.url}/`);
    assert.equal(res.headers.get('content-security-policy'), null);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal((await control('/__sim/state', { xFrameOptions: 'ALLOWALL' })).status, 400);
    await control('/__sim/reset', {});
    const after = await fetch(`${sim.url}/`);
    assert.equal(after.headers.get('x-frame-options'), null);
    assert.equal(frameAncestors(after), "'self'");
  });

  it('scopes under /s/<id> keep their own whitelist and state', async () => {
    await control('/s/case-1/__sim/state', { whitelist: ['https://only.example'] });
    assert.equal(frameAncestors(await fetch(`${sim.url}/s/case-1/`)), "'self' https://only.example");
    assert.equal(frameAncestors(await fetch(`${sim.url}/`)), "'self'");
    const { res } = await sso(ticketFor(), '/sign?contractId=2961458850000007919');
    assert.ok((res.headers.get('location') as string).startsWith('/sign'));
    const url = new URL(`${sim.url}/s/case-1/sso/login`);
    url.searchParams.set('ticket', ticketFor({ nonce: 'scoped-nonce-0123456' }));
    url.searchParams.set('target', '/sign?contractId=2961458850000007919');
    const scoped = await fetch(url, { redirect: 'manual' });
    assert.match(scoped.headers.get('location') as string, /^\/s\/case-1\/sign\?/);
  });
});

describe('unreachable mode', () => {
  it('closes connections without an answer, while /__sim stays reachable', async () => {
    await control('/__sim/state', { unreachable: true });
    await assert.rejects(fetch(`${sim.url}/open/ping`), /fetch failed/);
    await assert.rejects(fetch(`${sim.url}/sign?session=x`), /fetch failed/);
    assert.equal((await control('/__sim/state')).body.unreachable, 'reset');
    await control('/__sim/state', { unreachable: false });
    assert.equal((await open('/open/ping', {})).code, 0);
  });

  it("'hang' keeps the request open with no answer until reachable again", async () => {
    await control('/__sim/state', { unreachable: 'hang' });
    const socket = connect(sim.port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET /open/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(received, '', 'no answer while hanging');
    await control('/__sim/state', { unreachable: false });
    await closed;
    assert.equal(received, '');
  });

  it("a hanging scope is not released by another scope's change", async () => {
    await control('/s/hang-a/__sim/state', { unreachable: 'hang' });
    const socket = connect(sim.port, '127.0.0.1');
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.write('GET /s/hang-a/open/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((r) => setTimeout(r, 200));
    await control('/s/hang-b/__sim/state', { unreachable: false });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(closed, false, 'still hanging');
    await control('/s/hang-a/__sim/state', { unreachable: false });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(closed, true, 'released with its own scope');
  });

  it('only the scope that is unreachable stops answering', async () => {
    await control('/s/down/__sim/state', { unreachable: true });
    await assert.rejects(fetch(`${sim.url}/s/down/open/ping`), /fetch failed/);
    assert.equal((await open('/open/ping', {})).code, 0);
  });
});

describe('control endpoints', () => {
  it('answer CORS preflights so browser tests can drive them', async () => {
    const res = await fetch(`${sim.url}/__sim/state`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'POST' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:8000');
  });

  it('refuse pages of other sites (no CORS grant, 403), so no foreign page can mint a ticket', async () => {
    const evil = { origin: 'https://evil.example', 'content-type': 'text/plain' };
    const pre = await fetch(`${sim.url}/__sim/tickets`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const minted = await fetch(`${sim.url}/__sim/tickets`, { method: 'POST', headers: evil, body: '{}' });
    assert.equal(minted.status, 403);
    assert.equal(minted.headers.get('access-control-allow-origin'), null);
    assert.doesNotMatch(await minted.text(), /ticket=/);
    const changed = await fetch(`${sim.url}/__sim/state`, {
      method: 'POST',
      headers: evil,
      body: JSON.stringify({ ssoReject: true }),
    });
    assert.equal(changed.status, 403);
    assert.equal(((await control('/__sim/state')).body as { ssoReject: boolean }).ssoReject, false);
    // The simulator reached by its LAN address from a page on that address: allowed; by a DNS name
    // (which another site could rebind to this machine): refused.
    const viaHost = (host: string, origin: string) =>
      new Promise<number>((resolve, reject) => {
        const r = request(
          { host: '127.0.0.1', port: sim.port, path: '/__sim/state', headers: { host, origin } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        r.on('error', reject);
        r.end();
      });
    assert.equal(await viaHost('192.168.1.5:9181', 'http://192.168.1.5:5173'), 200);
    assert.equal(await viaHost('rebind.example:9181', 'http://rebind.example'), 403);
    // A loopback page on another port (the demo, the test runner) is allowed.
    const lan = await fetch(`${sim.url}/__sim/state`, { headers: { origin: 'http://127.0.0.1:5173' } });
    assert.equal(lan.status, 200);
    assert.equal(lan.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
  });

  it('/__sim/tickets builds a login URL that opens the signing page', async () => {
    const { body } = await control('/__sim/tickets', {
      contractId: '2961458850000031676',
      returnUrl: 'http://127.0.0.1:1/r',
    });
    const res = await fetch(body.url as string, { redirect: 'manual' });
    assert.equal(res.status, 302);
    const html = await (await fetch(`${sim.url}${res.headers.get('location')}`)).text();
    assert.match(html, /2961458850000031676/);
  });

  it('reset restores the initial state', async () => {
    await control('/__sim/state', { whitelist: ['https://x.example'], ssoReject: true });
    await control('/__sim/reset', {});
    const { body } = await control('/__sim/state');
    assert.deepEqual(body.whitelist, []);
    assert.equal(body.ssoReject, false);
  });
});

describe('signing page details', () => {
  async function openSession(payload: Partial<Parameters<typeof createSsoTicket>[0]>, target?: string) {
    const { res } = await sso(ticketFor(payload), target);
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location') as string, sim.url);
    return { location, session: location.searchParams.get('session') as string };
  }

  it('a ticket without a contract starts a new 19-digit contract', async () => {
    const { location } = await openSession(
      { contractId: undefined, nonce: 'no-contract-nonce-0001' },
      '/sign',
    );
    const id = location.searchParams.get('contractId') as string;
    assert.match(id, /^\d{19}$/);
    assert.equal((await open(`/open/contract/detail?contractId=${id}`)).result?.status, 'SIGNING');
  });

  it('page=view shows the contract without sign / decline buttons', async () => {
    const { location } = await openSession({}, '/sign?contractId=2961458850000007919&page=view');
    const html = await (await fetch(location)).text();
    assert.match(html, /data-qys-page="view"/);
    assert.doesNotMatch(html, /data-action="sign"/);
    assert.match(html, /data-action="cancel"/);
  });

  it('lang=en serves English pages', async () => {
    const { location } = await openSession({}, '/sign?contractId=2961458850000007919&lang=en');
    const html = await (await fetch(location)).text();
    assert.match(html, /<html lang="en"/);
    assert.match(html, />Sign</);
    assert.match(html, />Decline</);
  });

  it('cancel leaves the contract as it was; acting on a finished contract returns an error type', async () => {
    const { session } = await openSession({});
    const post = (action: string) =>
      fetch(`${sim.url}/sign/action`, {
        method: 'POST',
        body: new URLSearchParams({ session, action }),
        redirect: 'manual',
      });
    const cancel = new URL((await post('cancel')).headers.get('location') as string);
    assert.equal(cancel.searchParams.get('type'), 'cancelled');
    assert.equal(
      (await open('/open/contract/detail?contractId=2961458850000007919')).result?.status,
      'SIGNING',
    );
    await post('sign');
    const again = new URL((await post('decline')).headers.get('location') as string);
    assert.equal(again.searchParams.get('type'), 'error');
    assert.equal(again.searchParams.get('code'), 'contract-not-signing');
    assert.equal(
      (await open('/open/contract/detail?contractId=2961458850000007919')).result?.status,
      'COMPLETE',
    );
  });

  it('the page marker (posted to any origin) names only the page and reason, never the contract or its state', async () => {
    const markerOf = (html: string) => {
      const m = /var m=(\{.*?\});/.exec(html);
      assert.ok(m, 'a page marker');
      return JSON.parse(m[1] as string) as Record<string, unknown>;
    };
    const { location, session } = await openSession({});
    assert.deepEqual(markerOf(await (await fetch(location)).text()), {
      source: 'qys-platform',
      page: 'sign',
    });
    const done = await fetch(`${sim.url}/sign/action`, {
      method: 'POST',
      body: new URLSearchParams({ session, action: 'sign' }),
      redirect: 'manual',
    });
    assert.equal(done.status, 303);
    // Without a return page the platform shows its own result page.
    const { session: bare } = await openSession({ returnUrl: undefined, nonce: 'no-return-nonce-0001' });
    const result = await fetch(`${sim.url}/sign/action`, {
      method: 'POST',
      body: new URLSearchParams({ session: bare, action: 'cancel' }),
    });
    assert.deepEqual(markerOf(await result.text()), { source: 'qys-platform', page: 'result' });
  });

  it('every page tells a framing window what it is (page marker)', async () => {
    const login = (await sso('bad')).html;
    assert.match(login, /"source":"qys-platform","page":"login","reason":"malformed"/);
    const home = await (await fetch(`${sim.url}/`)).text();
    assert.match(home, /"source":"qys-platform","page":"home"/);
  });
});

describe('more control endpoints', () => {
  it('collects CSP violation reports sent to report-uri', async () => {
    const report = {
      'csp-report': { 'violated-directive': 'frame-ancestors', 'document-uri': `${sim.url}/` },
    };
    const res = await fetch(`${sim.url}/__sim/csp-report`, {
      method: 'POST',
      headers: { 'content-type': 'application/csp-report' },
      body: JSON.stringify(report),
    });
    assert.equal(res.status, 204);
    const { body } = await control('/__sim/csp-reports');
    assert.deepEqual(body.reports, [report]);
  });

  it('an added seal shows up in the next list with an SVG image', async () => {
    const { body } = await control('/__sim/mutate', {
      op: 'add',
      resource: 'seal',
      type: 'PHYSICAL',
      fields: { name: '新增物理公章' },
    });
    const item = body.item as Record<string, string>;
    assert.match(item.id as string, /^\d{19}$/);
    const list = (await open('/open/seal/list?type=PHYSICAL&pageSize=200')).result?.list as Array<
      Record<string, string>
    >;
    const found = list.find((s) => s.id === item.id);
    assert.equal(found?.name, '新增物理公章');
    assert.match(found?.image as string, /^data:image\/svg\+xml;base64,/);
  });

  it('an unknown open-API path answers 404 with code 1404', async () => {
    const res = await fetch(`${sim.url}/open/nothing`, {
      headers: signedHeaders(APP.appToken, APP.appSecret),
    });
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { code: number }).code, 1404);
  });

  it('records open-API calls with their answer code', async () => {
    await open('/open/app/info', signedHeaders(APP.appToken, 'wrong'));
    await open('/open/app/info');
    const { body } = await control('/__sim/calls');
    const calls = (body.calls as Array<{ path: string; code: number }>).filter(
      (c) => c.path === '/open/app/info',
    );
    assert.deepEqual(
      calls.map((c) => c.code),
      [1003, 0],
    );
  });
});
