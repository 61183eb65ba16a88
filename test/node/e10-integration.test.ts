// #14.5 一键部署, #14.6 person sync, and the checklist's probes (#14.4 CALLBACK_CHECK, /openserver reach):
// the simulator console (dev/simulator/console.ts) driving the reference host over real HTTP. The console
// is served here by a small http server with the simulator's control-route hook (`/__sim/e10…`), so the
// test does not depend on the rest of the simulator.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startReferenceHost, type ReferenceHost } from '../../dev/reference-host/server.js';
import { createE10Console, msUntilMidnight, type ConsoleDeployment } from '../../dev/simulator/console.js';
import { SIMULATOR_DEFAULT_APP, SIMULATOR_TEST_USER } from '../../dev/simulator/defaults.js';
import { startSimulator, type Simulator } from '../../dev/simulator/server.js';
import { signUrl } from '../../dev/reference-host/qys-client.js';

let ref: ReferenceHost;
let dataDir: string;
let sim: Server;
let simUrl: string;
const e10 = createE10Console({ quiet: true, sendOptions: { backoffMs: 10, maxAttempts: 2 } });
const users: { mobile: string; name: string }[] = [];
const deployment: ConsoleDeployment = {
  apps: [{ ...SIMULATOR_DEFAULT_APP, appToken: 'deploy-app-token-1', appSecret: 'deploy-app-secret-1' }],
  apply(p) {
    users.push(...(p.users ?? []));
  },
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const c of req) text += c;
  return text ? JSON.parse(text) : {};
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const r = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON answers
  return { status: r.status, text, json: (text ? JSON.parse(text) : undefined) as any };
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qys-e10-'));
  sim = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    e10
      .control(req, res, deployment, url.pathname, { openApi: simUrl, signing: simUrl }, readJson, send)
      .then((handled) => {
        if (!handled) send({ error: 'not found' }, 404);
      })
      .catch((e: unknown) => send({ error: String(e) }, 500));
  });
  await new Promise<void>((r) => sim.listen(0, '127.0.0.1', r));
  simUrl = `http://127.0.0.1:${(sim.address() as { port: number }).port}`;
  ref = await startReferenceHost({ port: 0, dataDir, quiet: true, simulatorUrl: simUrl, orgSize: 300 });
});
after(async () => {
  e10.stop();
  await ref?.stop();
  await new Promise<void>((r) => sim.close(() => r()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the reference host /openserver (project-defined shape)', () => {
  it('answers a token only for the right app_key / app_secret / corpId; routes want the bearer token', async () => {
    const good = {
      app_key: ref.openPlatform.appKey,
      app_secret: ref.openPlatform.appSecret,
      corpId: ref.openPlatform.corpId,
    };
    assert.equal(
      (await call(ref.url, 'POST', '/openserver/oauth2/token', { ...good, app_secret: 'nope' })).status,
      401,
    );
    assert.equal(
      (await call(ref.url, 'POST', '/openserver/oauth2/token', { ...good, corpId: 'other' })).status,
      401,
    );
    const t = await call(ref.url, 'POST', '/openserver/oauth2/token', good);
    assert.equal(t.status, 200);
    assert.equal(typeof t.json.access_token, 'string');
    assert.equal((await call(ref.url, 'GET', '/openserver/api/ping')).status, 401);
    assert.equal(
      (
        await call(ref.url, 'GET', '/openserver/api/ping', undefined, {
          authorization: 'Bearer wrong-token-123456789',
        })
      ).status,
      401,
    );
    const auth = { authorization: `Bearer ${t.json.access_token}` };
    assert.equal((await call(ref.url, 'GET', '/openserver/api/ping', undefined, auth)).json.ok, true);
    assert.equal(
      (await call(ref.url, 'GET', '/openserver/api/org/persons?appToken=unknown', undefined, auth)).status,
      404,
    );
    assert.equal(
      (
        await call(
          ref.url,
          'GET',
          `/openserver/api/org/persons?appToken=${SIMULATOR_DEFAULT_APP.appToken}&limit=1e21`,
          undefined,
          auth,
        )
      ).status,
      400,
    );
    // the deploy route wants the token too
    assert.equal((await call(ref.url, 'POST', '/openserver/api/qiyuesuo/deploy', {})).status, 401);
  });
});

describe('一键部署 from the simulator console (#14.5)', () => {
  it('without the E10 integration configured, the console says so (409)', async () => {
    assert.equal((await call(simUrl, 'POST', '/__sim/e10/deploy', {})).status, 409);
  });

  it('wrong open-platform credentials are refused by the OA and nothing is created', async () => {
    const before = (await call(ref.url, 'GET', '/services')).json.length;
    const cfg = await call(simUrl, 'POST', '/__sim/e10/config', {
      e10Url: ref.url,
      appKey: ref.openPlatform.appKey,
      appSecret: 'not-the-secret',
      corpId: ref.openPlatform.corpId,
    });
    assert.equal(cfg.status, 200);
    assert.equal(cfg.json.config.appSecret, '(set)'); // the console state never shows the secret
    const r = await call(simUrl, 'POST', '/__sim/e10/deploy', {});
    assert.equal(r.json.ok, false);
    assert.equal((await call(ref.url, 'GET', '/services')).json.length, before);
  });

  it('creates a service marked createdBy deploy with what the admin still has to fill; a second push updates it', async () => {
    await call(simUrl, 'POST', '/__sim/e10/config', {
      e10Url: ref.url,
      tenantCode: 'TENANT-42',
      ...ref.openPlatform,
      callbackGeneration: 'new',
    });
    const r = await call(simUrl, 'POST', '/__sim/e10/deploy', {});
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 201);
    const svc = r.json.answer;
    assert.equal(svc.createdBy, 'deploy');
    assert.equal(svc.serviceType, 'private');
    assert.equal(svc.appToken, 'deploy-app-token-1');
    assert.equal(svc.appSecretSet, true);
    assert.equal(svc.openApiUrl, simUrl);
    assert.equal(svc.tenantCode, 'TENANT-42');
    assert.equal(svc.oaVersion, 'E10');
    assert.deepEqual(svc.pendingFields, ['signatories', 'scope', 'signingUrlInternal']);
    assert.equal(JSON.stringify(svc).includes('deploy-app-secret-1'), false);
    const listed = (await call(ref.url, 'GET', '/services')).json.find(
      (s: { id: string }) => s.id === svc.id,
    );
    assert.equal(listed.createdBy, 'deploy');
    // the admin fills the scope and signatories: they leave pendingFields
    const scope = await call(ref.url, 'PUT', `/services/${svc.id}/scope`, {
      scope: { include: [ref.org.roots()[0]], exclude: [] },
      version: 0,
    });
    assert.equal(scope.status, 200);
    const {
      appSecretSet: _a,
      status: _s,
      lastSyncedAt: _l,
      updatedAt: _u,
      createdBy: _c,
      pendingFields: _p,
      tenantCode: _t,
      oaVersion: _o,
      ...input
    } = listed;
    const saved = await call(ref.url, 'PUT', `/services/${svc.id}`, {
      ...input,
      signatories: [{ type: 'person', id: ref.org.currentUserId }],
    });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.json.createdBy, 'deploy');
    assert.deepEqual(saved.json.pendingFields, ['signingUrlInternal']);
    // a save from a form that does not show the integration facts keeps them
    assert.equal(saved.json.tenantCode, 'TENANT-42');
    assert.equal(saved.json.oaVersion, 'E10');
    // pushed again: the same service, refreshed, signatories kept
    const again = await call(simUrl, 'POST', '/__sim/e10/deploy', {});
    assert.equal(again.json.status, 200);
    assert.equal(again.json.answer.id, svc.id);
    assert.deepEqual(again.json.answer.signatories, [{ type: 'person', id: ref.org.currentUserId }]);
  });
});

describe('person sync through /openserver (#14.6)', () => {
  it('pulls only what the saved sync scope covers, hands persons over by mobile, and the binding shows it', async () => {
    const svc = (await call(ref.url, 'GET', '/services')).json.find(
      (s: { appToken: string }) => s.appToken === 'deploy-app-token-1',
    );
    assert.equal(svc.personSync, undefined);
    users.length = 0;
    const r = await call(simUrl, 'POST', '/__sim/e10/person-sync', {});
    assert.equal(r.status, 200, r.text);
    const scope = (await call(ref.url, 'GET', `/services/${svc.id}/scope`)).json.scope;
    const expected = (await call(ref.url, 'POST', '/org/count', scope)).json.total;
    assert.ok(expected > 0);
    assert.equal(r.json.counts.persons, expected);
    assert.equal(users.length, expected);
    assert.ok(users.every((u) => /^139\d{8}$/.test(u.mobile)));
    assert.ok(expected < ref.org.personCount, 'one 分部, not the whole org');
    const after = (await call(ref.url, 'GET', `/services/${svc.id}`)).json;
    assert.equal(after.personSync.persons, expected);
    assert.equal(after.personSync.subcompanies, r.json.counts.subcompanies);
    assert.equal(after.personSync.departments, r.json.counts.departments);
    assert.ok(after.personSync.subcompanies >= 1);
    assert.ok(Date.now() - Date.parse(after.personSync.at) < 60_000);
    // the console state shows the daily schedule is armed
    assert.equal((await call(simUrl, 'GET', '/__sim/e10')).json.personSyncScheduled, true);
  });

  it('an excluded department is left out of the next sync', async () => {
    const svc = (await call(ref.url, 'GET', '/services')).json.find(
      (s: { appToken: string }) => s.appToken === 'deploy-app-token-1',
    );
    const rec = (await call(ref.url, 'GET', `/services/${svc.id}/scope`)).json;
    const dept = (
      await call(
        ref.url,
        'GET',
        `/org/children?type=subcompany&id=${rec.scope.include[0].id}&types=department&limit=1`,
      )
    ).json.items[0];
    await call(ref.url, 'PUT', `/services/${svc.id}/scope`, {
      scope: { include: rec.scope.include, exclude: [{ type: 'department', id: dept.id }] },
      version: rec.version,
    });
    const before = (await call(ref.url, 'GET', `/services/${svc.id}`)).json.personSync.persons;
    const r = await call(simUrl, 'POST', '/__sim/e10/person-sync', {});
    assert.ok(r.json.counts.persons < before);
    assert.equal(
      (await call(ref.url, 'GET', `/services/${svc.id}`)).json.personSync.persons,
      r.json.counts.persons,
    );
  });

  it('the daily schedule is the next local midnight', () => {
    const at = new Date(2026, 0, 5, 23, 30, 0);
    assert.equal(msUntilMidnight(at), 30 * 60 * 1000);
  });
});

describe('the checklist probes through the reference host (#14.4, #14.6)', () => {
  it('callback: the simulator sends CALLBACK_CHECK to the OA callback address and the OA answers success', async () => {
    const svc = (await call(ref.url, 'GET', '/services')).json.find(
      (s: { appToken: string }) => s.appToken === 'deploy-app-token-1',
    );
    const r = await call(ref.url, 'POST', `/services/${svc.id}/probe`, { kind: 'callback' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'pass', r.text);
    assert.equal(r.json.code, 'probe.callback.ok');
    assert.match(r.json.detail, /signCallbackPrivate/);
    const checks = (await call(ref.url, 'GET', '/__ref/callbacks')).json.checks;
    assert.ok(checks.length >= 1);
  });

  it('openserver: the simulator reaches /openserver with the configured credentials; wrong ones fail', async () => {
    const svc = (await call(ref.url, 'GET', '/services')).json.find(
      (s: { appToken: string }) => s.appToken === 'deploy-app-token-1',
    );
    const ok = await call(ref.url, 'POST', `/services/${svc.id}/probe`, { kind: 'openserver' });
    assert.equal(ok.json.status, 'pass', ok.text);
    await call(simUrl, 'POST', '/__sim/e10/config', {
      e10Url: ref.url,
      ...ref.openPlatform,
      corpId: 'wrong',
    });
    const bad = await call(ref.url, 'POST', `/services/${svc.id}/probe`, { kind: 'openserver' });
    assert.equal(bad.json.status, 'fail');
    assert.equal(bad.json.code, 'probe.openserver.failed');
    assert.match(bad.json.detail, /401/);
  });

  it('a provider that is not the simulator cannot be asked: cannot-check; bad kind is 422', async () => {
    const pub = await call(ref.url, 'POST', '/services/1002/probe', { kind: 'callback' });
    assert.equal(pub.json.status, 'cannot-check');
    assert.equal((await call(ref.url, 'POST', '/services/1001/probe', { kind: 'nope' })).status, 422);
    assert.equal((await call(ref.url, 'POST', '/services/nope/probe', { kind: 'callback' })).status, 404);
  });
});

describe('callbacks after sign / decline (#14.4)', () => {
  // A legacy callback is confirmed by the OA with Qiyuesuo (GET /contract/detail), so that part runs
  // against a whole simulator, known to the reference host as a private service.
  let real: Simulator;
  let realServiceId: string;
  before(async () => {
    real = await startSimulator({
      host: '127.0.0.1',
      ports: { openApi: 0, signing: 0, console: 0 },
      quiet: true,
    });
    const created = await call(ref.url, 'POST', '/services', {
      serviceType: 'private',
      provider: 'qiyuesuo',
      name: '契约锁私有云（回调确认）',
      isDefault: false,
      appToken: SIMULATOR_DEFAULT_APP.appToken,
      appSecret: SIMULATOR_DEFAULT_APP.appSecret,
      signatories: [],
      openApiUrl: real.url,
      encryptionKey: SIMULATOR_DEFAULT_APP.encryptionKey,
      signingUrlExternal: real.urls.signing,
      signingUrlInternal: '',
      autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
    });
    assert.equal(created.status, 201, created.text);
    realServiceId = created.json.id;
  });
  after(() => real?.stop());

  it('signing on the simulator changes the contract first, then posts the legacy callback; the OA confirms it and records signed', async () => {
    const cfg = await call(real.url, 'POST', '/__sim/e10/config', {
      e10Url: ref.url,
      ...ref.openPlatform,
      callbackGeneration: 'legacy',
    });
    assert.equal(cfg.status, 200, cfg.text);
    const id = '3900000000000000001';
    real.configure({ contracts: [{ id, status: 'SIGNING' }] });
    const page = await signUrl(
      {
        openApiUrl: real.url,
        appToken: SIMULATOR_DEFAULT_APP.appToken,
        appSecret: SIMULATOR_DEFAULT_APP.appSecret,
      },
      {
        contractId: id,
        contact: SIMULATOR_TEST_USER.mobile,
        callbackPage: `${ref.url}/qys-return?nonce=n-1`,
      },
    );
    const session = new URL(page).searchParams.get('viewToken')!;
    const signed = await fetch(`${real.urls.signing}/sign/action`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session, action: 'sign' }),
      redirect: 'manual',
    });
    assert.equal(signed.status, 303);
    // the callback is posted in the background: wait for the console's delivery record
    type Delivery = {
      generation: string;
      acknowledged: boolean;
      attempts: unknown[];
      payload: { contractId?: string };
    };
    let delivery: Delivery | undefined;
    for (let i = 0; i < 100 && !delivery; i++) {
      const state = (await call(real.url, 'GET', '/__sim/e10')).json as { deliveries: Delivery[] };
      delivery = state.deliveries.find((d) => d.payload.contractId === id);
      if (!delivery) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(delivery, 'the simulator posted no callback');
    assert.equal(delivery.generation, 'legacy');
    assert.equal(delivery.acknowledged, true, JSON.stringify(delivery.attempts));
    assert.equal(
      delivery.attempts.length,
      1,
      'acknowledged at once: the state had changed before the callback',
    );
    const st = (await call(ref.url, 'GET', `/signing/contracts/${id}/status?serviceId=1002`)).json;
    assert.equal(st.status, 'signed');
    const applied = (await call(ref.url, 'GET', '/__ref/callbacks')).json.applied.filter(
      (a: { contractId: string }) => a.contractId === id,
    );
    assert.equal(applied.length, 1);
    assert.equal(applied[0].qysStatus, 'COMPLETE');
    assert.equal(applied[0].confirmedBy, realServiceId);
  });

  it('the new generation is applied as its signature vouches (no confirmation needed)', async () => {
    await call(simUrl, 'POST', '/__sim/e10/config', {
      e10Url: ref.url,
      ...ref.openPlatform,
      callbackGeneration: 'new',
    });
    const id = '3900000000000000002';
    const d = await e10.contractChanged(deployment, { id, status: 'REJECTED' });
    assert.equal(d?.acknowledged, true);
    assert.equal(d?.generation, 'new');
    const st = (await call(ref.url, 'GET', `/signing/contracts/${id}/status?serviceId=1002`)).json;
    assert.equal(st.status, 'declined');
    const state = (await call(simUrl, 'GET', '/__sim/e10')).json;
    assert.ok(
      state.deliveries.some((x: { payload: { contractId?: string } }) => x.payload.contractId === id),
    );
  });

  it('an OA that does not acknowledge gets the bounded retries, then the delivery says so', async () => {
    await call(simUrl, 'POST', '/__sim/e10/config', {
      e10Url: ref.url,
      ...ref.openPlatform,
      callbackUrl: `${ref.url}/papi/signcenter/qiyuesuo/nowhere`,
    });
    const d = await e10.contractChanged(deployment, { id: '3900000000000000003', status: 'COMPLETE' });
    assert.equal(d?.acknowledged, false);
    assert.equal(d?.attempts.length, 2); // maxAttempts of this console
    assert.ok(d?.attempts.every((a) => a.status === 404));
  });
});
