// createHttpHost against the real reference host over real HTTP (started by the test run, see
// scripts/wtr-dev-servers.mjs). Bad answers come from the reference host's test fault header
// (`x-qys-fault`), not from a mocked fetch.
import { expect } from '@open-wc/testing';
import { createHttpHost, type HttpHostOptions } from '../../src/api/http-host.js';
import {
  QysAuthError,
  QysConflictError,
  QysContractError,
  QysError,
  QysNetworkError,
  QysNotFoundError,
  QysRedirectError,
  QysServerError,
  QysTimeoutError,
  QysValidationError,
} from '../../src/api/errors.js';
import type { BindingInput, PrivateBinding, SyncProgress } from '../../src/api/schemas.js';

let ref = '';
let sim = '';
/** The simulator's signing web app (its own origin, beside the open API `sim`). */
let signingApp = '';
let redirector = '';

const host = (o: Partial<HttpHostOptions> = {}) =>
  createHttpHost({ baseUrl: ref, retry: { limit: 2, delay: () => 10 }, pollInterval: 20, ...o });
const faulty = (fault: string, o: Partial<HttpHostOptions> = {}) =>
  host({ headers: { 'x-qys-fault': fault }, ...o });

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

const attempts = async (key: string) =>
  ((await (await fetch(`${ref}/__ref/attempts?key=${key}`)).json()) as { attempts: number }).attempts;

let counter = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${counter++}`;

function privateInput(scoped: string, over: Partial<BindingInput> = {}): BindingInput {
  return {
    serviceType: 'private',
    provider: 'qiyuesuo',
    name: '浏览器测试',
    isDefault: false,
    appToken: 'qys-sim-app-token-0001',
    appSecret: 'qys-sim-app-secret-0001',
    signatories: [],
    openApiUrl: scoped,
    encryptionKey: '60fb3ed9-3e18-4f',
    signingUrlExternal: scoped.startsWith(sim) ? signingApp + scoped.slice(sim.length) : scoped,
    signingUrlInternal: '',
    autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
    ...over,
  } as BindingInput;
}

before(async () => {
  const env = (await (await fetch('/__qys/env')).json()) as {
    referenceHost?: string;
    simulator?: string;
    simulatorSigning?: string;
    redirector?: string;
  };
  if (!env.referenceHost || !env.simulator)
    throw new Error('dev servers are not running (/__qys/env is empty)');
  ref = env.referenceHost;
  sim = env.simulator;
  signingApp = env.simulatorSigning ?? env.simulator;
  redirector = env.redirector ?? '';
});

describe('createHttpHost: answers parsed by their schemas', () => {
  it('lists the seeded services without any secret', async () => {
    const list = await host().services.list();
    expect(list.map((s) => s.serviceType)).to.include.members(['private', 'public']);
    for (const s of list) {
      expect(s.appSecretSet).to.equal(true);
      expect(s).not.to.have.property('appSecret');
    }
  });

  it('creates, updates and refuses a stale version with QysConflictError carrying the current record', async () => {
    const h = host();
    const created = await h.services.save(privateInput(sim));
    expect(created.version).to.equal(1);
    const updated = await h.services.save({
      ...privateInput(sim),
      id: created.id,
      version: 1,
      appSecret: undefined,
      name: '新名字',
    } as BindingInput);
    expect(updated.version).to.equal(2);
    expect(updated.name).to.equal('新名字');
    const err = await rejection(
      h.services.save({ ...privateInput(sim), id: created.id, version: 1, name: '旧' } as BindingInput),
    );
    expect(err).to.be.instanceOf(QysConflictError);
    const current = (err as QysConflictError<PrivateBinding>).current!;
    expect(current.version).to.equal(2);
    expect(current.name).to.equal('新名字');
    const staleDelete = await rejection(h.services.delete(created.id, 1));
    expect(staleDelete).to.be.instanceOf(QysConflictError);
    expect(
      (staleDelete as QysConflictError<PrivateBinding>).current?.version,
      'current record on a stale delete',
    ).to.equal(2);
    await h.services.delete(created.id, 2);
    const gone = await rejection(h.services.get(created.id));
    expect(gone).to.be.instanceOf(QysNotFoundError);
  });

  it('maps 422 to QysValidationError with field paths and message codes', async () => {
    const err = await rejection(host().services.save(privateInput('ftp://qys.example.com')));
    expect(err).to.be.instanceOf(QysValidationError);
    const issues = (err as QysValidationError).issues;
    expect(issues.find((i) => i.path === 'openApiUrl')?.code).to.equal('url.protocol');
  });

  it('the reference host refuses a 加密密钥 that is not 16 characters (422 encryptionKey.format) on save', async () => {
    for (const encryptionKey of ['abc', '60fb3ed9-3e18-4f6b-9a51-2d1c7e0b9181']) {
      const err = await rejection(host().services.save(privateInput(sim, { encryptionKey })));
      expect(err, encryptionKey).to.be.instanceOf(QysValidationError);
      const issue = (err as QysValidationError).issues.find((i) => i.path === 'encryptionKey');
      expect(issue?.code, encryptionKey).to.equal('encryptionKey.format');
    }
  });

  it('org: children, search by pinyin initials, resolve, count', async () => {
    const h = host();
    const root = await h.org.children(null);
    expect(root.items[0]!.type).to.equal('subcompany');
    const found = await h.org.search('zw', { limit: 500, types: ['person'] });
    expect(found.items.some((n) => n.name === '张伟')).to.equal(true);
    expect(found.items.every((n) => n.type === 'person')).to.equal(true);
    const { nodes, missing } = await h.org.resolve([
      { type: 'subcompany', id: '102' },
      { type: 'person', id: '99999998' },
    ]);
    expect(nodes[0]!.name).to.equal('北京分公司');
    expect(missing).to.deep.equal([{ type: 'person', id: '99999998' }]);
    const count = await h.org.count({ include: [{ type: 'subcompany', id: '102' }], exclude: [] });
    expect(count.total).to.be.greaterThan(0);
    const scope = await h.org.getScope('1002');
    const saved = await h.org.saveScope(
      '1002',
      { include: [{ type: 'subcompany', id: '103' }], exclude: [] },
      scope.version,
    );
    expect(saved.version).to.equal(scope.version + 1);
    expect(await rejection(h.org.saveScope('1002', saved.scope, scope.version))).to.be.instanceOf(
      QysConflictError,
    );
    await h.org.addRecent([{ type: 'person', id: '10000011' }]);
    expect((await h.org.recent())[0]!.id).to.equal('10000011');
    await h.org.removeRecent({ type: 'person', id: '10000011' });
    expect((await h.org.recent()).some((n) => n.id === '10000011')).to.equal(false);
  });

  it('resources, client context, presets, encryption key, signing session, framing inspection', async () => {
    const h = host();
    const seals = await h.resources.list('electronic-seal', { limit: 3, serviceId: '1002' });
    expect(seals.items).to.have.length(3);
    expect(seals.total).to.be.greaterThan(3);
    const { items, missing } = await h.resources.resolve('electronic-seal', [seals.items[0]!.id, '404'], {
      serviceId: '1002',
    });
    expect(items[0]!.id).to.equal(seals.items[0]!.id);
    expect(missing).to.deep.equal(['404']);
    expect((await h.resources.companies({ serviceId: '1002' })).length).to.be.greaterThan(0);
    expect(await h.resources.lastSynced({ serviceId: '1002' })).to.equal(null);
    const ctx = await h.client.context();
    expect(ctx.clientIp).to.equal('127.0.0.1');
    expect((await h.client.segmentPresets()).length).to.be.greaterThan(0);
    // 加密密钥 in the Qiyuesuo field's format (16 characters, as seed 001's `60fb3ed9-3e18-4f`).
    const key = await h.services.generateEncryptionKey();
    expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{2}$/);
    // The platform opens signing pages only for contracts it has.
    await fetch(`${sim}/__sim/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contracts: [{ id: 'c-http-1', status: 'SIGNING' }] }),
    });
    const session = await h.signing.createSession({
      page: 'sign',
      lang: 'zh-CN',
      zone: 'external',
      nonce: unique('nonce-0123456789'),
      display: 'frame',
      contractId: 'c-http-1',
      serviceId: '1001',
    });
    expect(session.url).to.match(/\/sign\?viewToken=/);
    expect(session.returnOrigin).to.equal(ref);
    expect(Date.parse(session.expiresAt)).to.be.greaterThan(Date.now());
    const framing = await h.client.inspectFraming!(`${signingApp}/sign`);
    expect(framing.reachable).to.equal(true);
    expect(framing.contentSecurityPolicy).to.contain('frame-ancestors');
  });
});

describe('createHttpHost: sync job', () => {
  it('starts the job, reports progress and resolves with the report', async () => {
    const h = host();
    const scoped = `${sim}/s/${unique('http-host-sync')}`;
    const svc = await h.services.save(privateInput(scoped));
    const progress: SyncProgress[] = [];
    const report = await h.services.sync(svc.id, { onProgress: (p) => progress.push(p) });
    expect(report.serviceId).to.equal(svc.id);
    expect(report.seals.total).to.be.greaterThan(0);
    expect(report.seals.added).to.equal(report.seals.total);
    expect(progress.length).to.be.greaterThan(1);
    expect(progress.at(-1)!.ratio).to.equal(1);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.ratio).to.be.at.least(progress[i - 1]!.ratio);
    expect(await h.resources.lastSynced({ serviceId: svc.id })).to.equal(report.finishedAt);
    await h.services.delete(svc.id);
  });

  it('a failing job (wrong secret) rejects with QysServerError naming the provider code', async () => {
    const h = host();
    const svc = await h.services.save(
      privateInput(`${sim}/s/${unique('bad')}`, { appSecret: 'not-the-secret' }),
    );
    const err = await rejection(h.services.sync(svc.id));
    expect(err).to.be.instanceOf(QysServerError);
    expect((err as Error).message).to.contain('qys.1003');
    await h.services.delete(svc.id);
  });

  it('an abort while polling rejects with the abort reason', async () => {
    const h = host({ pollInterval: 200 });
    const svc = await h.services.save(privateInput(`${sim}/s/${unique('abort')}`));
    const ctrl = new AbortController();
    const reason = new Error('user left');
    const p = h.services.sync(svc.id, { signal: ctrl.signal, onProgress: () => ctrl.abort(reason) });
    expect(await rejection(p)).to.equal(reason);
    await new Promise((r) => setTimeout(r, 800)); // let the job finish before deleting
    await h.services.delete(svc.id);
  });
});

describe('createHttpHost: failures', () => {
  it('a malformed answer is a QysContractError naming the path and the endpoint', async () => {
    const err = await rejection(faulty('malformed').org.children(null));
    expect(err).to.be.instanceOf(QysContractError);
    expect((err as QysContractError).path).to.equal('items.0.id');
    expect((err as QysContractError).endpoint).to.equal('GET /org/children');
    const notJson = await rejection(faulty('notjson').services.list());
    expect(notJson).to.be.instanceOf(QysContractError);
    expect((notJson as QysContractError).endpoint).to.equal('GET /services');
  });

  it('maps 401/403 to QysAuthError, 404 to QysNotFoundError, 5xx to QysServerError', async () => {
    expect(await rejection(faulty('401').services.list())).to.be.instanceOf(QysAuthError);
    expect(await rejection(faulty('403').client.context())).to.be.instanceOf(QysAuthError);
    expect(await rejection(faulty('404').services.list())).to.be.instanceOf(QysNotFoundError);
    const server = await rejection(faulty('500', { retry: 0 }).services.list());
    expect(server).to.be.instanceOf(QysServerError);
    expect((server as QysServerError).status).to.equal(500);
    expect((server as QysServerError).code).to.equal('server');
  });

  it('a 405, 413 or 415 is the server refusing the request (QysServerError with its status), not a network failure', async () => {
    for (const status of [405, 413, 415]) {
      const err = await rejection(faulty(String(status), { retry: 0 }).services.list());
      expect(err, String(status)).to.be.instanceOf(QysServerError);
      expect((err as QysServerError).status).to.equal(status);
      expect((err as QysServerError).code).to.equal('server');
    }
  });

  it('retries GETs with backoff, never POSTs', async () => {
    const getKey = unique('get');
    const list = await faulty(`flaky:${getKey}:2`).services.list();
    expect(list.length).to.be.greaterThan(0);
    expect(await attempts(getKey)).to.equal(3);

    const postKey = unique('post');
    const err = await rejection(faulty(`flaky:${postKey}:2`).org.count({ include: [], exclude: [] }));
    expect(err).to.be.instanceOf(QysServerError);
    expect(await attempts(postKey)).to.equal(1);

    const giveUp = unique('give-up');
    expect(await rejection(faulty(`flaky:${giveUp}:9`).services.list())).to.be.instanceOf(QysServerError);
    expect(await attempts(giveUp)).to.equal(3);
  });

  it('a slow answer past the timeout is a QysTimeoutError', async () => {
    const err = await rejection(faulty('slow:2000', { timeout: 200, retry: 0 }).services.list());
    expect(err).to.be.instanceOf(QysTimeoutError);
    expect((err as QysTimeoutError).timeoutMs).to.equal(200);
  });

  it('a body that stalls after the headers is a QysTimeoutError too', async () => {
    const started = performance.now();
    const err = await rejection(faulty('stall:3000', { timeout: 300, retry: 0 }).services.list());
    expect(err).to.be.instanceOf(QysTimeoutError);
    expect(performance.now() - started).to.be.lessThan(2500);
  });

  it('an abort rejects with the signal reason, not a QysError', async () => {
    const ctrl = new AbortController();
    const reason = new DOMException('newer request', 'AbortError');
    const p = faulty('slow:1500').services.list({ signal: ctrl.signal });
    setTimeout(() => ctrl.abort(reason), 50);
    const err = await rejection(p);
    expect(err).to.equal(reason);
    expect(err).not.to.be.instanceOf(QysError);
    const already = AbortSignal.abort('gone');
    expect(await rejection(host().services.list({ signal: already }))).to.equal('gone');
  });

  it('an unreachable host is a QysNetworkError', async () => {
    const err = await rejection(createHttpHost({ baseUrl: 'http://127.0.0.1:9', retry: 0 }).services.list());
    expect(err).to.be.instanceOf(QysNetworkError);
    expect(err).not.to.be.instanceOf(QysServerError);
  });

  it('a failed save or connection test carries no App Secret anywhere in the error (cause included)', async () => {
    /** Every string reachable from `value` through own properties (non-enumerable ones too: cause, stack). */
    function reachableStrings(value: unknown, seen = new Set<unknown>(), depth = 0): string[] {
      if (typeof value === 'string') return [value];
      if (!value || typeof value !== 'object' || seen.has(value) || depth > 8) return [];
      seen.add(value);
      return Object.getOwnPropertyNames(value).flatMap((k) => {
        let v: unknown;
        try {
          v = (value as Record<string, unknown>)[k];
        } catch {
          return [];
        }
        return reachableStrings(v, seen, depth + 1);
      });
    }
    const secret = unique('top-secret-value');
    const h = host({ retry: 0 });
    const created = await h.services.save(privateInput(sim, { appSecret: secret }));
    const failures = [
      // 409: stale version
      await rejection(
        h.services.save({ ...privateInput(sim, { appSecret: secret }), id: created.id, version: 0 }),
      ),
      // 422: refused input
      await rejection(h.services.save(privateInput('ftp://qys.example.com', { appSecret: secret }))),
      // 500 from the host
      await rejection(
        faulty('500', { retry: 0 }).services.testConnection(privateInput(sim, { appSecret: secret })),
      ),
      // timeout
      await rejection(
        faulty('slow:2000', { timeout: 150, retry: 0 }).services.save(
          privateInput(sim, { appSecret: secret }),
        ),
      ),
    ];
    expect(failures.map((e) => e?.constructor)).to.deep.equal([
      QysConflictError,
      QysValidationError,
      QysServerError,
      QysTimeoutError,
    ]);
    for (const e of failures) {
      const leaked = reachableStrings(e).filter((t) => t.includes(secret));
      expect(leaked, (e as Error).name).to.deep.equal([]);
    }
    await h.services.delete(created.id);
  });

  it('a 400 is a QysValidationError that keeps its status (it said 422)', async () => {
    const err = await rejection(faulty('400').services.list());
    expect(err).to.be.instanceOf(QysValidationError);
    expect((err as QysValidationError).status).to.equal(400);
    const refused = await rejection(host().services.save(privateInput('ftp://qys.example.com')));
    expect((refused as QysValidationError).status).to.equal(422);
  });

  it('a redirect is never followed in the browser (its target is hidden): QysRedirectError, nothing reaches the target', async () => {
    // A third origin that only redirects: /<status>/<base64url target>/… (scripts/wtr-dev-servers.mjs).
    const via = (status: number, to: string) =>
      `${redirector}/${status}/${btoa(to).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    for (const status of [302, 307, 308]) {
      const key = unique(`redirect-${status}`);
      const h = createHttpHost({
        baseUrl: via(status, `${ref}/services`),
        retry: 0,
        headers: { 'x-qys-fault': `flaky:${key}:0` },
      });
      for (const p of [h.services.list(), h.services.testConnection(privateInput(sim))]) {
        const err = await rejection(p);
        expect(err, String(err)).to.be.instanceOf(QysRedirectError);
        expect((err as QysRedirectError).code).to.equal('redirect');
      }
      expect(await attempts(key), 'requests that reached the other origin').to.equal(0);
    }
    // Same origin too: the browser hides where it goes, so it cannot be checked and is not followed.
    const same = await rejection(
      createHttpHost({ baseUrl: via(302, '/elsewhere'), retry: 0 }).services.list(),
    );
    expect(same).to.be.instanceOf(QysRedirectError);
  });

  it('calls a headers function before every call (fresh token each time)', async () => {
    let n = 0;
    const key = unique('hdr');
    const h = host({ headers: () => ({ 'x-qys-fault': `flaky:${key}-${++n}:0` }) });
    await h.services.list();
    await h.client.context();
    expect(n).to.equal(2);
    expect(await attempts(`${key}-1`)).to.equal(1);
    expect(await attempts(`${key}-2`)).to.equal(1);
  });
});

describe('reference host return page (/qys-return)', () => {
  const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  function frame(src: string): { el: HTMLIFrameElement; message: Promise<MessageEvent | null> } {
    const el = document.createElement('iframe');
    const message = new Promise<MessageEvent | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 1500);
      window.addEventListener('message', function on(e: MessageEvent) {
        if (e.source !== el.contentWindow) return;
        clearTimeout(timer);
        window.removeEventListener('message', on);
        resolve(e);
      });
    });
    el.src = src;
    document.body.append(el);
    return { el, message };
  }

  it('posts the bridge message to the embedding page, from the OA origin', async () => {
    const { el, message } = frame(
      `${ref}/qys-return/o/${b64url(location.origin)}?nonce=n-123&type=signed&contractId=c-9`,
    );
    const e = await message;
    el.remove();
    expect(e, 'a message arrived').to.not.equal(null);
    expect(e!.origin).to.equal(ref);
    expect(e!.data).to.deep.equal({
      source: 'qys-bridge',
      type: 'signed',
      nonce: 'n-123',
      contractId: 'c-9',
    });
  });

  it('without a (loopback) parent origin it posts only to its own origin: a foreign page gets nothing', async () => {
    const { el, message } = frame(`${ref}/qys-return?nonce=n-1&type=signed`);
    const e = await message;
    el.remove();
    expect(e).to.equal(null);
  });
});
