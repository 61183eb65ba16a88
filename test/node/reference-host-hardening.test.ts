// #12.3 and #12.5 on the reference host alone (no simulator needed): a stored App Secret is bound to
// its address; malformed path IDs, out-of-range paging and over-long requests answer 4xx JSON.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startReferenceHost, type ReferenceHost } from '../../dev/reference-host/server.js';

let ref: ReferenceHost;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qys-ref-hard-'));
  ref = await startReferenceHost({
    port: 0,
    dataDir,
    quiet: true,
    simulatorUrl: 'http://127.0.0.1:9',
    orgSize: 200,
    syncStageDelayMs: 0,
  });
});
after(async () => {
  await ref?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(ref.url + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON answers
    json: text ? (JSON.parse(text) as any) : undefined,
  };
}

/** Sends raw bytes (fetch would refuse or re-encode what this test must send). */
function raw(request: string): Promise<string> {
  const { port } = new URL(ref.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
    let out = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (out += d));
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('reference host: a stored App Secret is bound to its address (#12.3)', () => {
  it('PUT with a new openApiUrl and no appSecret is 422 appSecret.requiredForNewAddress; nothing changes', async () => {
    const svc = (await call('GET', '/services/1001')).json;
    const { appSecretSet: _a, status: _s, lastSyncedAt: _l, updatedAt: _u, ...input } = svc;
    const moved = await call('PUT', '/services/1001', { ...input, openApiUrl: 'http://127.0.0.1:1/evil' });
    assert.equal(moved.status, 422);
    assert.deepEqual(
      moved.json.error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`),
      ['appSecret:appSecret.requiredForNewAddress'],
    );
    const after = (await call('GET', '/services/1001')).json;
    assert.equal(after.openApiUrl, svc.openApiUrl);
    assert.equal(after.version, svc.version);
    // to another service type without the secret: refused the same way
    const toPublic = await call('PUT', '/services/1001', {
      ...input,
      serviceType: 'public',
      ssoEnabled: true,
      e10Url: 'https://e10.example.com',
      tenantId: 't1',
    });
    assert.equal(toPublic.status, 422);
    // the same address (a trailing slash added) keeps the stored secret
    const same = await call('PUT', '/services/1001', { ...input, openApiUrl: svc.openApiUrl + '/' });
    assert.equal(same.status, 200);
    // a new address with the secret typed again is saved
    const withSecret = await call('PUT', '/services/1001', {
      ...input,
      version: same.json.version,
      openApiUrl: 'http://127.0.0.1:2',
      appSecret: 'typed-again',
    });
    assert.equal(withSecret.status, 200);
    assert.equal(withSecret.json.openApiUrl, 'http://127.0.0.1:2');
    assert.equal(JSON.stringify(withSecret.json).includes('typed-again'), false);
  });
});

describe('reference host: bad input answers 4xx JSON, never 500 (#12.5)', () => {
  for (const id of ['%', '%zz', '%E0%A4%A', '%FF', 'ok%'])
    it(`malformed percent-encoding in a path ID (${id}) is a 400 JSON error`, async () => {
      for (const path of [`/services/${id}`, `/services/${id}/scope`, `/signing/contracts/${id}/status`]) {
        const r = await call('GET', path);
        assert.equal(r.status, 400, path);
        assert.match(r.type, /application\/json/);
        assert.equal(r.json.error.code, 'bad-request');
      }
    });

  for (const q of [
    'offset=1e21',
    'limit=9007199254740993',
    'offset=9007199254740992',
    'offset=-1',
    'limit=1.5',
  ])
    it(`paging beyond the safe-integer range or malformed (${q}) is a 400 naming the parameter`, async () => {
      for (const path of [`/org/children?${q}`, `/resources/electronic-seal?${q}`, `/org/search?q=a&${q}`]) {
        const r = await call('GET', path);
        assert.equal(r.status, 400, path);
        assert.equal(r.json.error.issues[0].code, 'number.invalid');
        assert.equal(r.json.error.issues[0].path, q.split('=')[0]);
      }
    });

  it('a safe large offset still pages (empty page, echoed as sent)', async () => {
    const r = await call('GET', '/org/children?offset=9007199254740991');
    assert.equal(r.status, 200);
    assert.equal(r.json.offset, 9007199254740991);
    assert.deepEqual(r.json.items, []);
  });

  it('a URL over Node’s header limit gets a JSON 431 body, not an empty answer', async () => {
    const answer = await raw(`GET /services?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 431 /);
    assert.match(answer, /content-type: application\/json/i);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    assert.equal(body.error.code, 'too-large');
  });

  it('headers over the limit get the JSON 431 too; a garbled request line a JSON 400', async () => {
    const big = await raw(
      `GET /services HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    assert.match(big, /^HTTP\/1\.1 431 /);
    assert.equal(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4)).error.code, 'too-large');
    const garbled = await raw('GARBAGE\r\n\r\n');
    assert.match(garbled, /^HTTP\/1\.1 400 /);
    assert.equal(JSON.parse(garbled.slice(garbled.indexOf('\r\n\r\n') + 4)).error.code, 'bad-request');
  });
});
