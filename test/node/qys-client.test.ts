// The reference host's Qiyuesuo client (dev/reference-host/qys-client.ts) against the running simulator
// over real HTTP: each mapping of the real API's shapes to the contract's resources, and the reference
// host's 测试连接 / seal images / signing sessions built on it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  contractStatus,
  fromQysTime,
  hostContractStatus,
  listCategories,
  listCompanies,
  listCompanySeals,
  listInnerCompanySeals,
  listTemplates,
  personMobile,
  QysApiError,
  qysCall,
  qysHealth,
  qysToken,
  sealImage,
  signUrl,
  viewUrl,
  type QysCredentials,
} from '../../dev/reference-host/qys-client.js';
import { mobileOf } from '../../dev/reference-host/openserver.js';
import { readQysToken } from '../../dev/simulator/crypto.js';
import { SIMULATOR_DEFAULT_APP as APP, SIMULATOR_TEST_USER as USER } from '../../dev/simulator/defaults.js';
import { startSimulator, type Simulator } from '../../dev/simulator/server.js';
import { startDevServers, type DevServers } from '../../dev/servers.js';

let sim: Simulator;
let n = 0;
/** Credentials for a fresh simulator scope (its own data, so tests do not interfere). */
const scoped = (): QysCredentials & { base: string; signing: string } => {
  const id = `client-${process.pid}-${n++}`;
  return {
    openApiUrl: `${sim.url}/s/${id}`,
    appToken: APP.appToken,
    appSecret: APP.appSecret,
    base: id,
    signing: `${sim.urls.signing}/s/${id}`,
  };
};

before(async () => {
  sim = await startSimulator({
    host: '127.0.0.1',
    ports: { openApi: 0, signing: 0, console: 0 },
    quiet: true,
  });
});
after(() => sim.stop());

async function simState(scope: string, patch: unknown) {
  const r = await fetch(`${sim.url}/s/${scope}/__sim/state`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  assert.equal(r.status, 200, await r.clone().text());
}

describe('qys-client: transport', () => {
  it('checkHealth passes on the simulator; another server is "notQiyuesuo"; a closed port "unreachable"', async () => {
    await qysHealth(sim.url);
    await qysHealth(`${sim.url}/`);
    const other = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"nope"}');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
      await assert.rejects(qysHealth(url), (e) => e instanceof QysApiError && e.code === 'notQiyuesuo');
      await assert.rejects(
        qysCall({ openApiUrl: url, appToken: 'a', appSecret: 'b' }, 'GET', '/contract/categories'),
        (e) => e instanceof QysApiError && e.code === 'notQiyuesuo',
      );
    } finally {
      await new Promise<void>((r) => other.close(() => r()));
    }
    await assert.rejects(
      qysHealth('http://127.0.0.1:9'),
      (e) => e instanceof QysApiError && e.code === 'unreachable',
    );
  });

  it('a refused call carries the platform code (wrong secret 1003, unknown token 1002)', async () => {
    const c = scoped();
    await assert.rejects(
      qysCall({ ...c, appSecret: 'wrong' }, 'GET', '/contract/categories'),
      (e) => e instanceof QysApiError && e.code === '1003',
    );
    await assert.rejects(
      qysCall({ ...c, appToken: 'nobody' }, 'GET', '/contract/categories'),
      (e) => e instanceof QysApiError && e.code === '1002',
    );
  });

  it('signs with a fresh ms timestamp, accepted also when the platform has a freshness window on', async () => {
    const c = scoped();
    await simState(c.base, { timestampWindowMs: 60_000 });
    const env = await qysCall(c, 'GET', '/contract/categories');
    assert.equal(env.code, 0);
    const calls = (await (await fetch(`${c.openApiUrl}/__sim/calls`)).json()) as {
      calls: Array<{ code: number }>;
    };
    assert.deepEqual(
      calls.calls.map((x) => x.code),
      [0],
    );
  });

  it('never follows a redirect with the signed headers', async () => {
    let followed = false;
    const target = createServer((_req, res) => {
      followed = true;
      res.end('{}');
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    const redirector = createServer((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${(target.address() as { port: number }).port}/x` });
      res.end();
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(redirector.address() as { port: number }).port}`;
      await assert.rejects(
        qysCall({ openApiUrl: url, appToken: 'a', appSecret: 'b' }, 'GET', '/company/list'),
      );
      assert.equal(followed, false);
    } finally {
      await new Promise<void>((r) => redirector.close(() => r()));
      await new Promise<void>((r) => target.close(() => r()));
    }
  });
});

describe('qys-client: mapping the real shapes', () => {
  it('seals of all inner companies (ELECTRONIC / PHYSICS) with status objects → kinds and 停用 flags', async () => {
    const c = scoped();
    const data = sim.scope(c.base).data;
    const electronic = await listInnerCompanySeals(c, 'ELECTRONIC');
    const physical = await listInnerCompanySeals(c, 'PHYSICS');
    assert.equal(electronic.length, data.seals.filter((s) => s.category === 'ELECTRONIC').length);
    assert.equal(physical.length, data.seals.filter((s) => s.category === 'PHYSICAL').length);
    assert.ok(electronic.every((r) => r.kind === 'electronic-seal'));
    assert.ok(physical.every((r) => r.kind === 'physical-seal'));
    for (const r of [...electronic, ...physical]) {
      const source = data.seals.find((s) => s.id === r.id)!;
      assert.equal(r.status, source.status === 'NORMAL' ? 'enabled' : 'disabled', r.name);
      assert.equal(r.company, source.companyName);
      assert.equal(r.companyId, source.companyId);
      assert.equal(r.image, undefined, 'no platform URL: the reference host sets its own');
    }
    assert.ok(
      electronic.some((r) => r.status === 'disabled'),
      'the sample data has 停用 seals',
    );
  });

  it('seals of one company read result[] as well as list[]', async () => {
    const c = scoped();
    const companies = await listCompanies(c);
    const a = await listCompanySeals(c, { companyId: companies[0]!.id }, 'PHYSICS');
    await simState(c.base, { sealListKey: 'list' });
    const b = await listCompanySeals(c, { companyName: companies[0]!.name }, 'PHYSICS');
    assert.ok(a.length > 0);
    assert.deepEqual(b, a);
    assert.ok(a.every((r) => r.kind === 'physical-seal'));
  });

  it('templates: every page, `title` as the name, status 1/0 → enabled/disabled, 2 (deleted) left out', async () => {
    const c = scoped();
    const data = sim.scope(c.base).data;
    for (let i = 0; i < 150; i++)
      data.templates.push({
        ...data.templates[0]!,
        id: String(9_000_000_000_000_000_000n + BigInt(i)),
        name: `模板 ${i}`,
      });
    let pages = 0;
    const list = await (async () => {
      const r = await listTemplates(c, () => pages++);
      return r;
    })();
    assert.equal(list.length, data.templates.length);
    assert.ok(pages >= 2, 'more than one page of 100');
    const first = data.templates[0]!;
    const mapped = list.find((r) => r.id === first.id)!;
    assert.equal(mapped.name, first.name);
    assert.equal(mapped.kind, 'file-template');
    assert.equal(
      list.filter((r) => r.status === 'disabled').length,
      data.templates.filter((t) => t.status !== 'NORMAL').length,
    );
  });

  it('categories (用印流程) per company, 停用 ones included, PHYSICAL vs ELECTRONIC → the two flow kinds', async () => {
    const c = scoped();
    const data = sim.scope(c.base).data;
    const list = await listCategories(c);
    assert.equal(list.length, data.categories.length);
    for (const r of list) {
      const source = data.categories.find((x) => x.id === r.id)!;
      assert.equal(r.kind, source.type === 'PHYSICAL' ? 'physical-seal-flow' : 'electronic-seal-flow');
      assert.equal(r.status, source.status === 'NORMAL' ? 'enabled' : 'disabled');
      assert.equal(r.company, source.companyName);
    }
    assert.ok(list.some((r) => r.status === 'disabled'));
  });

  it('seal image: the PNG bytes from /seal/image; an unknown seal is the platform code', async () => {
    const c = scoped();
    const seal = sim.scope(c.base).data.seals[0]!;
    const img = await sealImage(c, seal.id);
    assert.equal(img.type, 'image/png');
    assert.equal(img.body.subarray(1, 4).toString('ascii'), 'PNG');
    await assert.rejects(sealImage(c, '1'), (e) => e instanceof QysApiError && e.code === '1404');
  });

  it('contract detail: real status → host status, `yyyy-MM-dd HH:mm:ss` (UTC+8) → ISO', async () => {
    assert.equal(fromQysTime('2026-01-05 09:30:00'), '2026-01-05T01:30:00.000Z');
    assert.equal(fromQysTime('2026-01-05T09:30:00Z'), undefined);
    assert.equal(fromQysTime(42), undefined);
    const table: Record<string, string> = {
      DRAFT: 'draft',
      SIGNING: 'signing',
      FILLING: 'signing',
      COMPLETE: 'signed',
      FINISHED: 'signed',
      REJECTED: 'declined',
      EXPIRED: 'expired',
      RECALLED: 'cancelled',
      TERMINATED: 'cancelled',
      NONSENSE: 'unknown',
    };
    for (const [real, host] of Object.entries(table)) assert.equal(hostContractStatus(real), host, real);
    const c = scoped();
    const contract = sim.scope(c.base).data.contracts[0]!;
    const s = await contractStatus(c, contract.id);
    assert.equal(s.status, 'signing');
    assert.equal(
      s.updatedAt,
      new Date(Math.floor(Date.parse(contract.updateTime) / 1000) * 1000).toISOString(),
    );
    await simState(c.base, { contracts: [{ id: contract.id, status: 'REJECTED' }] });
    assert.equal((await contractStatus(c, contract.id)).status, 'declined');
    await assert.rejects(contractStatus(c, '1'), (e) => e instanceof QysApiError && e.code === '1404');
  });

  it('signUrl (POST, callbackPage) and viewUrl open pages of the signing app', async () => {
    const c = scoped();
    const contract = sim.scope(c.base).data.contracts[1]!;
    const url = await signUrl(c, {
      contractId: contract.id,
      contact: USER.mobile,
      callbackPage: 'http://127.0.0.1:1/back?nonce=q',
    });
    assert.ok(url.startsWith(`${c.signing}/sign?viewToken=`), url);
    assert.match(await (await fetch(url)).text(), /data-qys-page="sign"/);
    const view = await viewUrl(c, contract.id);
    assert.match(await (await fetch(view)).text(), /data-qys-page="view"/);
    await assert.rejects(
      signUrl(c, { contractId: contract.id, contact: '13000000000', callbackPage: 'http://127.0.0.1:1/' }),
      (e) => e instanceof QysApiError && e.code === '1404',
    );
  });

  it('qystoken is what the simulator (Weaver-style) decrypts; a key other than 16 characters is refused', () => {
    const t = qysToken(USER.mobile, APP.encryptionKey);
    assert.equal(readQysToken(t, APP.encryptionKey), USER.mobile);
    assert.throws(
      () => qysToken(USER.mobile, 'abc'),
      (e) => e instanceof QysApiError && e.code === 'keyFormat',
    );
    assert.match(personMobile('p-1'), /^139\d{8}$/);
    assert.equal(personMobile('p-1'), personMobile('p-1'));
    assert.notEqual(personMobile('p-1'), personMobile('p-2'));
    // The same number the OA's /openserver gives the person (what person sync brings to Qiyuesuo).
    for (const id of ['10000011', '10000012', 'p-1']) assert.equal(personMobile(id), mobileOf(id));
  });
});

describe('reference host on the client: 测试连接, seal images, signing sessions', () => {
  let servers: DevServers;
  let dataDir = '';
  let ref = '';
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qys-client-'));
    servers = await startDevServers({ referencePort: 0, simulatorPort: 0, dataDir, quiet: true });
    ref = servers.urls.referenceHost;
  });
  after(async () => {
    await servers?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const input = (scope: string, over: Record<string, unknown> = {}) => ({
    serviceType: 'private',
    provider: 'qiyuesuo',
    name: '客户端测试',
    isDefault: false,
    appToken: APP.appToken,
    appSecret: APP.appSecret,
    signatories: [],
    openApiUrl: `${servers.urls.simulator}/s/${scope}`,
    encryptionKey: APP.encryptionKey,
    signingUrlExternal: `${servers.urls.simulatorSigning}/s/${scope}`,
    signingUrlInternal: '',
    autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
    ...over,
  });
  const post = async (path: string, body: unknown, origin?: string) => {
    const r = await fetch(`${ref}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      body: JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reads arbitrary JSON answers
    return { status: r.status, json: (await r.json()) as any };
  };
  const summary = (r: { steps: { id: string; status: string; code: string }[] }) =>
    r.steps.map((s) => `${s.id}:${s.status}:${s.code}`);

  it('测试连接: checkHealth, signed call, signing app, embed whitelist, then the 加密密钥 with an SSO round trip', async () => {
    const good = (await post('/services/test-connection', input('tc-good'), 'http://127.0.0.1:5173')).json;
    assert.deepEqual(summary(good), [
      'reach:pass:reach.ok',
      'auth:pass:auth.ok',
      'signing:pass:signing.ok',
      'embed:pass:embed.ok',
      'sso:pass:sso.ok',
    ]);
    assert.equal(good.ok, true);
    // The calls the platform saw: /checkHealth, then /contract/categories signed.
    const calls = (await (await fetch(`${servers.urls.simulator}/s/tc-good/__sim/calls`)).json()) as {
      calls: Array<{ path: string; code: number }>;
    };
    assert.deepEqual(
      calls.calls.map((c) => `${c.path}:${c.code}`),
      ['/checkHealth:0', '/contract/categories:0'],
    );
  });

  it('a wrong 加密密钥 lands on the platform login page: a failed step with a clear code', async () => {
    const r = (
      await post('/services/test-connection', input('tc-key', { encryptionKey: 'wrong-key-123456' }))
    ).json;
    assert.equal(r.ok, false);
    assert.equal(summary(r).at(-1), 'sso:fail:sso.badKey');
    // A key of another length: refused on input (422, once the schema checks the format) or a failed step.
    const short = await post('/services/test-connection', input('tc-key', { encryptionKey: 'abc' }));
    if (short.status === 422) assert.match(JSON.stringify(short.json), /encryptionKey/);
    else assert.equal(summary(short.json).at(-1), 'sso:fail:sso.keyFormat');
  });

  it('an unknown person (mobile) is its own failed step; an OA page outside the whitelist fails the embed step', async () => {
    const scope = 'tc-user';
    await fetch(`${servers.urls.simulator}/s/${scope}/__sim/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ whitelist: ['https://other.example'] }),
    });
    const r = (await post('/services/test-connection', input(scope), 'http://127.0.0.1:5173')).json;
    assert.equal(
      summary(r).find((s) => s.startsWith('embed:')),
      'embed:fail:embed.refused',
    );
    // A scope whose persons do not include the OA user: built by a simulator with no users pushed.
    const bare = await startSimulator({ ports: { openApi: 0, signing: 0, console: 0 }, quiet: true });
    try {
      const u = (
        await post('/services/test-connection', {
          ...input(scope),
          openApiUrl: bare.url,
          signingUrlExternal: bare.urls.signing,
        })
      ).json;
      assert.equal(summary(u).at(-1), 'sso:fail:sso.unknownUser');
    } finally {
      await bare.stop();
    }
  });

  it('/checkHealth answering something else than OK: not a Qiyuesuo open platform', async () => {
    const r = (await post('/services/test-connection', input('tc-x', { openApiUrl: ref }))).json;
    assert.deepEqual(summary(r).slice(0, 1), ['reach:fail:reach.notQiyuesuo']);
  });

  it('synced seals carry a reference-host image URL that serves the platform PNG (no Qiyuesuo URL, no credentials)', async () => {
    const created = await post('/services', input('img-sync'));
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const id = created.json.id as string;
    const job = (await post(`/services/${id}/sync`, {})).json;
    let state = job;
    for (let i = 0; i < 200 && state.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = await (await fetch(`${ref}/sync-jobs/${job.jobId}`)).json();
    }
    assert.equal(state.state, 'done', JSON.stringify(state.error));
    const seals = (await (
      await fetch(`${ref}/resources/physical-seal?serviceId=${id}&limit=500`)
    ).json()) as {
      items: Array<{ id: string; image?: string; status: string }>;
    };
    assert.ok(seals.items.length > 0);
    for (const s of seals.items) {
      assert.ok(s.image?.startsWith(`${ref}/qys-seal-image/`), s.image);
      assert.doesNotMatch(s.image!, new RegExp(new URL(servers.urls.simulator).port));
      assert.doesNotMatch(s.image!, /secret|token|signature/i);
    }
    const img = await fetch(seals.items[0]!.image!);
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.equal(
      Buffer.from(await img.arrayBuffer())
        .subarray(1, 4)
        .toString('ascii'),
      'PNG',
    );
    assert.equal((await fetch(`${ref}/qys-seal-image/${id}/1`)).status, 404);
    assert.equal((await fetch(`${ref}/qys-seal-image/${id}/abc`)).status, 404);
    const flows = (await (
      await fetch(`${ref}/resources/electronic-seal-flow?serviceId=${id}&limit=500`)
    ).json()) as {
      items: Array<{ status: string }>;
    };
    assert.ok(
      flows.items.some((f) => f.status === 'disabled'),
      '停用 flows come through as disabled',
    );
  });

  it('a signing session is a signUrl on the zone address that returns to the OA page with the nonce', async () => {
    const created = await post('/services', input('sess'));
    const id = created.json.id as string;
    const contract = sim.root.data.contracts[0]!.id; // the scope has the same sample contracts
    const s = await post(
      '/signing/sessions',
      {
        serviceId: id,
        contractId: contract,
        nonce: 'nonce-client-000001',
        zone: 'external',
        page: 'sign',
        lang: 'zh-CN',
        display: 'frame',
      },
      'http://127.0.0.1:5173',
    );
    assert.equal(s.status, 201, JSON.stringify(s.json));
    const url = new URL(s.json.url);
    assert.equal(url.origin + url.pathname, `${servers.urls.simulatorSigning}/s/sess/sign`);
    assert.ok(url.searchParams.get('viewToken'));
    assert.equal(url.searchParams.get('qystoken'), null, 'the short-lived signUrl, not the replayable token');
    const page = await fetch(url);
    const html = await page.text();
    assert.match(html, /data-qys-page="sign"/);
    const session = /name="session" value="([^"]+)"/.exec(html)![1]!;
    const done = await fetch(`${servers.urls.simulatorSigning}/s/sess/sign/action`, {
      method: 'POST',
      body: new URLSearchParams({ session, action: 'sign' }),
      redirect: 'manual',
    });
    const back = new URL(done.headers.get('location')!);
    assert.equal(back.origin, ref);
    assert.match(back.pathname, /^\/qys-return\/o\//);
    assert.equal(back.searchParams.get('nonce'), 'nonce-client-000001');
    assert.equal(back.searchParams.get('type'), 'signed');
    const status = (await (
      await fetch(`${ref}/signing/contracts/${contract}/status?serviceId=${id}`)
    ).json()) as {
      status: string;
    };
    assert.equal(status.status, 'signed');
  });

  it('public cloud: /open/ssogateway with a single-use ticket the gateway validates at the OA (CAS-style), back to the nonce page', async () => {
    const contract = sim.root.data.contracts[2]!.id;
    const s = await post(
      '/signing/sessions',
      {
        serviceId: '1002',
        contractId: contract,
        nonce: 'nonce-public-0000001',
        zone: 'external',
        page: 'sign',
        lang: 'zh-CN',
        display: 'frame',
      },
      'http://127.0.0.1:5173',
    );
    assert.equal(s.status, 201, JSON.stringify(s.json));
    const url = new URL(s.json.url);
    assert.equal(url.origin + url.pathname, `${servers.urls.simulatorSigning}/open/ssogateway`);
    assert.equal(url.searchParams.get('pageType'), 'SIGN_PAGE');
    assert.equal(url.searchParams.get('contractId'), contract);
    const ticket = url.searchParams.get('ticket')!;
    assert.match(ticket, /^[0-9a-f-]{36}$/);
    // The gateway POSTs the ticket to the reference host, which answers the contact once.
    const gate = await fetch(url, { redirect: 'manual' });
    assert.equal(gate.status, 302);
    const page = await fetch(new URL(gate.headers.get('location')!, url));
    const html = await page.text();
    assert.match(html, /data-qys-page="sign"/);
    const session = /name="session" value="([^"]+)"/.exec(html)![1]!;
    const done = await fetch(`${servers.urls.simulatorSigning}/sign/action`, {
      method: 'POST',
      body: new URLSearchParams({ session, action: 'sign' }),
      redirect: 'manual',
    });
    const back = new URL(done.headers.get('location')!);
    assert.equal(back.origin, ref);
    assert.equal(back.searchParams.get('nonce'), 'nonce-public-0000001');
    assert.equal(back.searchParams.get('type'), 'signed');
    // Single use: the same link again does not sign anyone in.
    const again = await fetch(url, { redirect: 'manual' });
    assert.match(new URL(again.headers.get('location')!, url).search, /reason=ticket-invalid/);
    // The validation endpoint itself: an unknown ticket is refused (code != 0), a missing one is a 400.
    const validate = (body: string, type = 'application/x-www-form-urlencoded') =>
      fetch(`${ref}/qys/sso/validate`, { method: 'POST', headers: { 'content-type': type }, body });
    const unknown = (await (await validate(`ticket=${ticket}`)).json()) as { code: number };
    assert.notEqual(unknown.code, 0);
    assert.equal((await validate('ticket=')).status, 400);
    assert.equal((await validate('{"ticket":', 'application/json')).status, 400);
    assert.equal((await fetch(`${ref}/qys/sso/validate`)).status, 405);
  });
});
