// The simulator's `sessionCookie` mode: the signing link's token is exchanged for a session cookie, as
// the real platform's sign-on does, and `frame-blocked` plays a browser that keeps no cookies for a
// cross-site frame (WebKit / Safari; Chrome with third-party cookies off) — the signing frame's
// `third-party-storage` diagnosis is tested against it in the browsers.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedHeaders } from '../../dev/simulator/crypto.js';
import { SIMULATOR_DEFAULT_APP as APP, SIMULATOR_TEST_USER as USER } from '../../dev/simulator/defaults.js';
import { startSimulator, type Simulator } from '../../dev/simulator/server.js';

const CONTRACT = '2961458850000007919';
let sim: Simulator;

before(async () => {
  sim = await startSimulator({
    host: '127.0.0.1',
    ports: { openApi: 0, signing: 0, console: 0 },
    quiet: true,
  });
});
after(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.root.reset();
});

async function state(patch: unknown) {
  const res = await fetch(`${sim.urls.openApi}/__sim/state`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function signLink(): Promise<URL> {
  const res = await fetch(`${sim.urls.openApi}/contract/signurl`, {
    method: 'POST',
    headers: { ...signedHeaders(APP.appToken, APP.appSecret, 0), 'content-type': 'application/json' },
    body: JSON.stringify({ contractId: CONTRACT, contact: USER.mobile }),
  });
  const body = (await res.json()) as { code: number; signUrl: string };
  assert.equal(body.code, 0);
  return new URL(body.signUrl);
}

/** GET without following redirects, as a page of the given kind (`Sec-Fetch-Dest`). */
const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { redirect: 'manual', headers });
const marker = (html: string) => /"source":"qys-platform","page":"(\w+)"(?:,"reason":"([\w-]+)")?/.exec(html);

describe('simulator: sessionCookie', () => {
  it('off (default): the link itself opens the signing page', async () => {
    const link = await signLink();
    const res = await get(link.href, { 'sec-fetch-dest': 'iframe' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.equal(marker(await res.text())?.[1], 'sign');
  });

  it('on: the token becomes a cookie scoped to the deployment; the page after it needs the cookie', async () => {
    const set = await state({ sessionCookie: 'on' });
    assert.equal(set.status, 200);
    assert.equal(set.body.sessionCookie, 'on');
    const link = await signLink();
    const first = await get(link.href);
    assert.equal(first.status, 302);
    const cookie = first.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^qys_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const next = new URL(first.headers.get('location')!, link);
    assert.equal(next.pathname, '/sign');
    assert.equal(next.searchParams.get('sso'), '1');
    assert.equal(next.searchParams.get('viewToken'), null);

    const withCookie = await get(next.href, { cookie: cookie.split(';')[0]!, 'sec-fetch-dest': 'iframe' });
    assert.equal(marker(await withCookie.text())?.[1], 'sign'); // 'on' leaves frames to the browser
    const without = marker(await (await get(next.href)).text());
    assert.deepEqual([without?.[1], without?.[2]], ['login', 'cookie-blocked']);
    // without sso=1 (nobody just signed on), no cookie is an ordinary "sign in first"
    const plain = marker(await (await get(`${sim.urls.signing}/sign`)).text());
    assert.deepEqual([plain?.[1], plain?.[2]], ['login', 'no-session']);
  });

  it('frame-blocked: a frame gets the login page (cookie-blocked), a top-level window the signing page', async () => {
    assert.equal((await state({ sessionCookie: 'frame-blocked' })).status, 200);
    const link = await signLink();
    const first = await get(link.href, { 'sec-fetch-dest': 'iframe' });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const next = new URL(first.headers.get('location')!, link).href;
    const framed = marker(await (await get(next, { cookie, 'sec-fetch-dest': 'iframe' })).text());
    assert.deepEqual([framed?.[1], framed?.[2]], ['login', 'cookie-blocked']);
    const window = marker(await (await get(next, { cookie, 'sec-fetch-dest': 'document' })).text());
    assert.equal(window?.[1], 'sign');
  });

  it('a bad value is a 400 naming the choices, and changes nothing', async () => {
    const bad = await state({ sessionCookie: 'sometimes' });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /sessionCookie must be 'off', 'on' or 'frame-blocked'/);
    assert.equal(sim.root.sessionCookie, 'off');
  });
});
