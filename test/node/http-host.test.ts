// createHttpHost in Node (undici's fetch) against real HTTP servers on 127.0.0.1, started and
// stopped by this file. Two servers on two ports are two origins: a request never leaves the base
// URL's origin, so a cross-origin redirect is refused and the other origin receives nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpHost, type HttpHostOptions } from '../../src/api/http-host.js';
import {
  QysNetworkError,
  QysRedirectError,
  QysTimeoutError,
  QysValidationError,
} from '../../src/api/errors.js';
import type { BindingInput } from '../../src/api/schemas.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Handler = (req: Seen, res: ServerResponse) => void;

async function serve(handler: Handler): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(s);
      handler(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const redirect = (res: ServerResponse, status: number, location: string) => {
  res.writeHead(status, { location });
  res.end();
};

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

const SECRET = 'app-secret-that-must-stay-home';
const input = {
  serviceType: 'private',
  provider: 'qiyuesuo',
  name: 'n',
  isDefault: false,
  appToken: 't',
  appSecret: SECRET,
  signatories: [],
  openApiUrl: 'https://qys.example.com:9182',
  encryptionKey: '60fb3ed9-3e18-4f',
  signingUrlExternal: 'https://qys.example.com',
  signingUrlInternal: '',
  autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
} as unknown as BindingInput;

let a: Awaited<ReturnType<typeof serve>>; // the OA backend (base URL)
let b: Awaited<ReturnType<typeof serve>>; // another origin
let route: Handler = () => undefined;

before(async () => {
  a = await serve((req, res) => route(req, res));
  b = await serve((_req, res) => json(res, 200, []));
});
after(() => {
  a.server.close();
  b.server.close();
});

const host = (o: Partial<HttpHostOptions> = {}) =>
  createHttpHost({
    baseUrl: `${a.url}/api`,
    headers: { 'x-csrf-token': 'csrf-123', 'x-custom': 'c' },
    retry: 0,
    pollInterval: 10,
    ...o,
  });

describe('createHttpHost never leaves the base URL origin', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    test(`a ${status} to another origin is refused on GET, on save and on testConnection; the other origin gets nothing`, async () => {
      b.seen.length = 0;
      route = (req, res) => redirect(res, status, `${b.url}/steal${req.url}`);
      const h = host();
      for (const p of [h.services.list(), h.services.save(input), h.services.testConnection(input)]) {
        const err = await rejection(p);
        assert.ok(err instanceof QysRedirectError, String(err));
        assert.ok(err instanceof QysNetworkError);
        assert.equal(err.code, 'redirect');
        assert.equal(err.status, status);
        assert.match(err.location ?? '', /^http:\/\/127\.0\.0\.1:\d+\/steal\/api\/services/);
        // JSON.stringify skips message and stack (not enumerable): each is checked on its own.
        for (const part of [JSON.stringify(err), err.message, String(err.stack), String(err.cause ?? '')])
          assert.ok(!part.includes(SECRET), part);
      }
      assert.deepEqual(b.seen, [], 'the other origin received a request');
    });
  }

  test('a same-origin redirect is followed, headers kept; 307 keeps method and body, 303 turns into GET', async () => {
    route = (req, res) => {
      if (req.url === '/api/services') return redirect(res, 302, '/api/v2/services');
      if (req.url?.startsWith('/api/org/search?')) return redirect(res, 302, '/api/v2/search?page=2');
      if (req.url === '/api/v2/search?page=2') return json(res, 200, { items: [], total: 0, offset: 0 });
      if (req.url === '/api/v2/services') return json(res, 200, []);
      if (req.url === '/api/org/count') return redirect(res, 307, `${a.url}/api/v2/org/count`);
      if (req.url === '/api/v2/org/count' && req.method === 'POST')
        return json(res, 200, { total: JSON.parse(req.body).include.length, byRef: {} });
      if (req.url === '/api/org/recent' && req.method === 'POST') return redirect(res, 303, '/api/done');
      if (req.url === '/api/done' && req.method === 'GET') return void res.writeHead(204).end();
      json(res, 404, { error: { code: 'not-found', message: req.url } });
    };
    a.seen.length = 0;
    const h = host();
    assert.deepEqual(await h.services.list(), []);
    const count = await h.org.count({ include: [{ type: 'person', id: '1' }], exclude: [] });
    assert.equal(count.total, 1);
    await h.org.addRecent([{ type: 'person', id: '1' }]);
    // The Location is followed as it is (its own query, not the first request's).
    assert.deepEqual(await h.org.search('zw', { limit: 5 }), { items: [], total: 0, offset: 0 });
    const follow = a.seen.filter((s) => s.url.startsWith('/api/v2/') || s.url === '/api/done');
    assert.deepEqual(
      follow.map((s) => [s.method, s.url, s.headers['x-csrf-token'], s.body === '' ? '' : 'body']),
      [
        ['GET', '/api/v2/services', 'csrf-123', ''],
        ['POST', '/api/v2/org/count', 'csrf-123', 'body'],
        ['GET', '/api/done', 'csrf-123', ''],
        ['GET', '/api/v2/search?page=2', 'csrf-123', ''],
      ],
    );
  });

  test('a same-origin redirect loop stops with QysRedirectError', async () => {
    a.seen.length = 0;
    route = (req, res) => redirect(res, 302, `/api/services?n=${a.seen.length}`);
    const err = await rejection(host().services.list());
    assert.ok(err instanceof QysRedirectError);
    assert.ok(a.seen.length <= 6, `${a.seen.length} requests`);
  });

  test('a redirect to the same host on another port (another origin) is refused', async () => {
    b.seen.length = 0;
    route = (_req, res) => redirect(res, 302, b.url.replace('127.0.0.1', 'localhost') + '/api/services');
    assert.ok((await rejection(host().services.list())) instanceof QysRedirectError);
    assert.deepEqual(b.seen, []);
  });
});

describe('createHttpHost: statuses and deadlines', () => {
  test('a 400 is a QysValidationError that keeps status 400 (422 stays 422)', async () => {
    route = (req, res) =>
      req.url === '/api/services'
        ? json(res, 400, { error: { code: 'bad-request', message: 'The body is not JSON' } })
        : json(res, 422, {
            error: { code: 'validation', message: 'no', issues: [{ path: 'name', code: 'required' }] },
          });
    const bad = await rejection(host().services.list());
    assert.ok(bad instanceof QysValidationError);
    assert.equal(bad.status, 400);
    assert.equal(bad.message, 'The body is not JSON');
    const refused = await rejection(host().services.get('1'));
    assert.ok(refused instanceof QysValidationError);
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.issues, [{ path: 'name', code: 'required' }]);
  });

  test(
    'services.sync() gives up with QysTimeoutError when the job stays running past syncTimeout',
    { timeout: 10_000 },
    async () => {
      let polls = 0;
      route = (req, res) => {
        if (req.url !== '/api/services/7/sync') polls++;
        json(res, req.method === 'POST' ? 202 : 200, {
          jobId: 'job-1',
          state: 'running',
          progress: { ratio: 0.5, stage: 'seals' },
        });
      };
      const started = Date.now();
      const err = await rejection(host({ syncTimeout: 300 }).services.sync('7'));
      const took = Date.now() - started;
      assert.ok(err instanceof QysTimeoutError, String(err));
      assert.equal(err.timeoutMs, 300);
      assert.ok(took >= 280 && took < 3000, `${took} ms`);
      assert.ok(polls > 3, `${polls} polls`);
    },
  );

  for (const bad of [
    { pollInterval: NaN },
    { pollInterval: -5 },
    { syncTimeout: NaN },
    { syncTimeout: -1 },
  ]) {
    test(
      `a bad option ${JSON.stringify(bad)} (NaN shows as null) falls back to its default`,
      { timeout: 10_000 },
      async () => {
        let polls = 0;
        route = (req, res) => {
          if (req.method === 'GET') polls++;
          json(res, 200, { jobId: 'job-3', state: 'running', progress: { ratio: 0.2, stage: 'seals' } });
        };
        const ctrl = new AbortController();
        const reason = new Error('enough');
        const settled = rejection(host({ ...bad }).services.sync('9', { signal: ctrl.signal }));
        await new Promise((r) => setTimeout(r, 300));
        ctrl.abort(reason);
        // Still polling at the default pace after 300 ms: not timed out at once (syncTimeout), not a
        // tight loop (pollInterval: hundreds of polls); host() itself asks for 10 ms between polls.
        assert.equal(await settled, reason);
        assert.ok(polls <= ('pollInterval' in bad ? 1 : 40), `${polls} polls in 300 ms`);
      },
    );
  }

  test('services.sync() honours an abort while the job is running', async () => {
    route = (req, res) =>
      json(res, 200, { jobId: 'job-2', state: 'running', progress: { ratio: 0.1, stage: 'seals' } });
    const ctrl = new AbortController();
    const reason = new Error('left the page');
    setTimeout(() => ctrl.abort(reason), 100);
    assert.equal(await rejection(host().services.sync('8', { signal: ctrl.signal })), reason);
  });
});
