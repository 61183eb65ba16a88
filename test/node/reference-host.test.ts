import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDevServers, type DevServers } from '../../dev/servers.js';
import { SIMULATOR_DEFAULT_APP } from '../../dev/simulator/defaults.js';
import type { Binding, OrgNode, Page, SyncJob } from '../../src/api/schemas.js';

let servers: DevServers;
let base: string;
let sim: string;
/** The simulator's signing web app (its own origin, beside the open API `sim`). */
let signingApp: string;
let dataDir: string;
const SECRETS = [
  SIMULATOR_DEFAULT_APP.appSecret,
  'qys-public-app-secret-demo',
  'my-new-secret-123',
  'wrong-secret-xyz',
];
const bodies: string[] = [];

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  bodies.push(text);
  return {
    status: res.status,
    headers: res.headers,
    text,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON answers
    json: text ? (JSON.parse(text) as any) : undefined,
  };
}

/** Makes a contract known to the simulator (state SIGNING): the platform signs only contracts it has. */
async function simContract(id: string) {
  const r = await fetch(`${sim}/__sim/state`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contracts: [{ id, status: 'SIGNING' }] }),
  });
  assert.equal(r.status, 200);
}

function privateInput(over: Record<string, unknown> = {}) {
  return {
    serviceType: 'private',
    provider: 'qiyuesuo',
    name: '测试服务',
    isDefault: false,
    appToken: SIMULATOR_DEFAULT_APP.appToken,
    appSecret: 'my-new-secret-123',
    signatories: [],
    openApiUrl: sim,
    encryptionKey: SIMULATOR_DEFAULT_APP.encryptionKey,
    signingUrlExternal: signingApp,
    signingUrlInternal: '',
    autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
    ...over,
  };
}

async function waitJob(job: SyncJob): Promise<SyncJob> {
  for (let i = 0; i < 200 && job.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await call('GET', `/sync-jobs/${job.jobId}`)).json;
  }
  return job;
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qys-ref-'));
  servers = await startDevServers({ referencePort: 0, simulatorPort: 0, dataDir, quiet: true });
  base = servers.urls.referenceHost;
  sim = servers.urls.simulator;
  signingApp = servers.urls.simulatorSigning;
});
after(async () => {
  await servers?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('reference host: services', () => {
  it('is seeded with a private (simulator) and a public service, the secret stored but not returned', async () => {
    const { status, json } = await call('GET', '/services');
    assert.equal(status, 200);
    const list = json as Binding[];
    assert.deepEqual(
      list.map((s) => s.serviceType),
      ['private', 'public'],
    );
    assert.ok(list.every((s) => s.appSecretSet && !('appSecret' in s)));
    assert.equal(list.filter((s) => s.isDefault).length, 1);
    const stored = JSON.parse(readFileSync(join(dataDir, 'reference-host.json'), 'utf8'));
    assert.equal(stored.services[0].appSecret, SIMULATOR_DEFAULT_APP.appSecret);
  });

  it('creates, updates with the version read, refuses a stale version with 409 + current, deletes', async () => {
    const created = await call('POST', '/services', privateInput());
    assert.equal(created.status, 201);
    const b = created.json as Binding;
    assert.equal(b.version, 1);
    assert.equal(b.appSecretSet, true);

    const { appSecret: _secret, ...noSecret } = privateInput({ id: b.id, version: 1, name: '改名' });
    const updated = await call('PUT', `/services/${b.id}`, noSecret);
    assert.equal(updated.status, 200);
    assert.equal(updated.json.version, 2);
    assert.equal(updated.json.name, '改名');
    assert.equal(updated.json.appSecretSet, true, 'omitting the secret keeps it');

    const stale = await call('PUT', `/services/${b.id}`, { ...noSecret, name: '另一个' });
    assert.equal(stale.status, 409);
    assert.equal(stale.json.error.code, 'conflict');
    assert.equal(stale.json.error.current.version, 2);
    assert.equal(stale.json.error.current.name, '改名');
    assert.equal((await call('GET', `/services/${b.id}`)).json.name, '改名');

    assert.equal((await call('DELETE', `/services/${b.id}?version=1`)).status, 409);
    assert.equal((await call('DELETE', `/services/${b.id}?version=2`)).status, 204);
    const gone = await call('GET', `/services/${b.id}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.json.error.code, 'not-found');
  });

  it('making a service the default clears the previous default (and bumps its version)', async () => {
    const before = (await call('GET', '/services')).json as Binding[];
    const oldDefault = before.find((s) => s.isDefault)!;
    const created = (await call('POST', '/services', privateInput({ isDefault: true }))).json as Binding;
    const after = (await call('GET', '/services')).json as Binding[];
    assert.deepEqual(
      after.filter((s) => s.isDefault).map((s) => s.id),
      [created.id],
    );
    assert.equal(after.find((s) => s.id === oldDefault.id)!.version, oldDefault.version + 1);
    // restore
    const o = after.find((s) => s.id === oldDefault.id)!;
    const { appSecretSet: _a, status: _s, lastSyncedAt: _l, updatedAt: _u, ...input } = o;
    await call('PUT', `/services/${o.id}`, { ...input, isDefault: true });
    await call('DELETE', `/services/${created.id}`);
  });

  it('answers 422 with field paths and message codes', async () => {
    const bad = await call(
      'POST',
      '/services',
      privateInput({
        openApiUrl: 'ftp://qys.example.com',
        signingUrlExternal: 'qys.example.com',
      }),
    );
    assert.equal(bad.status, 422);
    const issues = bad.json.error.issues as { path: string; code: string }[];
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.code]));
    assert.equal(byPath.openApiUrl, 'url.protocol');
    assert.equal(byPath.signingUrlExternal, 'url.invalid');
    const cross = await call(
      'POST',
      '/services',
      privateInput({
        appSecret: undefined,
        autoLogin: { mode: 'segment', segmentRules: [], domainRules: [] },
      }),
    );
    const crossPaths = Object.fromEntries(
      (cross.json.error.issues as { path: string; code: string }[]).map((i) => [i.path, i.code]),
    );
    assert.equal(crossPaths.appSecret, 'required');
    assert.equal(crossPaths.signingUrlInternal, 'signingUrlInternal.requiredForAutoLogin');

    // 内外网自动登录 rules are checked on save (not first at signing time).
    const internal = { signingUrlInternal: sim };
    const badRule = await call(
      'POST',
      '/services',
      privateInput({
        ...internal,
        autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/8', '300.1.1.1'], domainRules: ['http://x'] },
      }),
    );
    assert.equal(badRule.status, 422);
    assert.deepEqual(badRule.json.error.issues, [
      { path: 'autoLogin.segmentRules.1', code: 'ip.octetRange' },
    ]);
    const noRules = await call(
      'POST',
      '/services',
      privateInput({
        ...internal,
        autoLogin: { mode: 'domain', segmentRules: ['10.0.0.0/8'], domainRules: [] },
      }),
    );
    assert.equal(noRules.status, 422);
    assert.deepEqual(noRules.json.error.issues, [
      { path: 'autoLogin.domainRules', code: 'strategy.noRules' },
    ]);
    const gonePreset = await call(
      'POST',
      '/services',
      privateInput({
        ...internal,
        autoLogin: { mode: 'segment', segmentRules: [], domainRules: [], segmentPresetIds: ['vpn', 'gone'] },
      }),
    );
    assert.equal(gonePreset.status, 422);
    assert.deepEqual(gonePreset.json.error.issues, [
      { path: 'autoLogin.segmentPresetIds.1', code: 'segmentPreset.unknown' },
    ]);
    const seeded = (await call('GET', '/services/1001')).json as Binding;
    const badUpdate = await call('PUT', '/services/1001', {
      ...seeded,
      autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/33'], domainRules: [] },
    });
    assert.equal(badUpdate.status, 422);
    assert.deepEqual(badUpdate.json.error.issues, [
      { path: 'autoLogin.segmentRules.0', code: 'cidr.prefix' },
    ]);
    const good = await call(
      'POST',
      '/services',
      privateInput({
        ...internal,
        autoLogin: {
          mode: 'segment',
          segmentRules: ['10.0.0.0/8'],
          domainRules: ['bad//'],
          segmentPresetIds: ['vpn'],
        },
      }),
    );
    assert.equal(good.status, 201, good.text);
    await call('DELETE', `/services/${good.json.id}`);

    const missing = await call('PUT', '/services/1001', { serviceType: 'private', id: '1001' });
    assert.equal(missing.status, 422);
    assert.ok(
      missing.json.error.issues.some(
        (i: { path: string; code: string }) => i.path === 'appToken' && i.code === 'required',
      ),
    );

    const notJson = await fetch(`${base}/services`, {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(notJson.status, 400);
    assert.equal((await call('GET', '/org/children?offset=-1')).status, 400);
  });
});

describe('reference host: org', () => {
  it('lists the root 分部 and children, units first, paged', async () => {
    const root = (await call('GET', '/org/children')).json as Page<OrgNode>;
    assert.equal(root.items.length, 4);
    assert.ok(root.items.every((n) => n.type === 'subcompany' && n.parentId === null));
    assert.ok(root.items[0]!.headCount! > 100);
    const subs = (await call('GET', `/org/children?type=subcompany&id=${root.items[0]!.id}&limit=2`))
      .json as Page<OrgNode>;
    assert.equal(subs.items.length, 2);
    assert.equal(subs.offset, 0);
    const rest = (
      await call('GET', `/org/children?type=subcompany&id=${root.items[0]!.id}&offset=2&limit=500`)
    ).json as Page<OrgNode>;
    assert.equal(rest.items.length, subs.total - 2);
    const dept = subs.items[0]!;
    const members = (await call('GET', `/org/children?type=department&id=${dept.id}&limit=500`))
      .json as Page<OrgNode>;
    const firstPerson = members.items.findIndex((n) => n.type === 'person');
    assert.ok(firstPerson > 0, 'sub-units come before persons');
    assert.ok(members.items.slice(firstPerson).every((n) => n.type === 'person'));
    assert.equal((await call('GET', '/org/children?type=department&id=nope')).status, 404);
  });

  it('search matches name, full pinyin, pinyin initials, 工号 and login; two 张伟 are told apart by path', async () => {
    const byName = (await call('GET', `/org/search?q=${encodeURIComponent('张伟')}&types=person`))
      .json as Page<OrgNode>;
    const zhangs = byName.items.filter((n) => n.name === '张伟');
    assert.ok(zhangs.length >= 2);
    assert.notDeepEqual(zhangs[0]!.path, zhangs[1]!.path);
    for (const q of ['zhangwei', 'zw']) {
      const r = (await call('GET', `/org/search?q=${q}&limit=500`)).json as Page<OrgNode>;
      assert.ok(
        r.items.some((n) => n.name === '张伟'),
        `"${q}" finds 张伟`,
      );
    }
    const p = zhangs[0]!;
    for (const q of [p.employeeNo!, p.loginId!]) {
      const r = (await call('GET', `/org/search?q=${q}`)).json as Page<OrgNode>;
      assert.equal(r.items[0]!.id, p.id, `"${q}" finds ${p.id} first`);
    }
    const none = (await call('GET', '/org/search?q=qqqqxxxx')).json as Page<OrgNode>;
    assert.equal(none.total, 0);
  });

  it('resolves refs, counts a scope live, matches bulk input', async () => {
    const resolved = (
      await call('POST', '/org/resolve', {
        refs: [
          { type: 'subcompany', id: '102' },
          { type: 'person', id: '99999999' },
        ],
      })
    ).json;
    assert.equal(resolved.nodes[0].name, '北京分公司');
    assert.deepEqual(resolved.missing, [{ type: 'person', id: '99999999' }]);

    const whole = (
      await call('POST', '/org/count', { include: [{ type: 'subcompany', id: '102' }], exclude: [] })
    ).json;
    const kids = (await call('GET', '/org/children?type=subcompany&id=102&limit=1')).json as Page<OrgNode>;
    const dept = kids.items[0]!;
    const less = (
      await call('POST', '/org/count', {
        include: [{ type: 'subcompany', id: '102' }],
        exclude: [{ type: dept.type, id: dept.id }],
      })
    ).json;
    assert.equal(whole.byRef['subcompany:102'], whole.total);
    assert.ok(dept.headCount! > 0);
    assert.equal(less.total, whole.total - dept.headCount!);

    const matched = (await call('POST', '/org/match', { inputs: ['张伟', 'nobody', '100003'] })).json;
    assert.ok(matched[0].matches.length >= 2);
    assert.equal(matched[1].matches.length, 0);
    assert.equal(matched[2].matches[0].employeeNo, '100003');
  });

  it('recent: add puts first, remove forgets; scope get/put with versions', async () => {
    await call('POST', '/org/recent', { refs: [{ type: 'person', id: '10000010' }] });
    let recent = (await call('GET', '/org/recent')).json as OrgNode[];
    assert.equal(recent[0]!.id, '10000010');
    assert.equal((await call('DELETE', '/org/recent?type=person&id=10000010')).status, 204);
    recent = (await call('GET', '/org/recent')).json as OrgNode[];
    assert.ok(!recent.some((n) => n.id === '10000010'));

    const scope = (await call('GET', '/services/1001/scope')).json;
    const next = {
      include: [{ type: 'subcompany', id: '103' }],
      exclude: [{ type: 'person', id: '10000020' }],
    };
    const saved = await call('PUT', '/services/1001/scope', { scope: next, version: scope.version });
    assert.equal(saved.status, 200);
    assert.equal(saved.json.version, scope.version + 1);
    const stale = await call('PUT', '/services/1001/scope', { scope: next, version: scope.version });
    assert.equal(stale.status, 409);
    assert.deepEqual(stale.json.error.current.scope, next);
    const unknownNode = await call('PUT', '/services/1001/scope', {
      scope: { include: [{ type: 'department', id: 'gone' }], exclude: [] },
      version: saved.json.version,
    });
    assert.equal(unknownNode.status, 422);
    assert.equal(unknownNode.json.error.issues[0].path, 'scope.include.0');
  });
});

describe('reference host: provider calls', () => {
  it('test-connection never signs with the stored secret for an address other than the stored one', async () => {
    const seen: (string | undefined)[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers['x-qys-signature'] as string | undefined);
      if (req.url === '/checkHealth') return void res.end('OK');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 0, message: 'SUCCESS', result: { name: 'other', version: '1' } }));
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const elsewhere = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
      const r = (
        await call('POST', '/services/test-connection', {
          ...privateInput({ id: '1001', version: 1, openApiUrl: elsewhere }),
          appSecret: undefined,
        })
      ).json;
      assert.deepEqual(
        r.steps
          .slice(0, 2)
          .map((x: { id: string; status: string; code: string }) => `${x.id}:${x.status}:${x.code}`),
        ['reach:pass:reach.ok', 'auth:fail:auth.secretMissing'],
      );
      assert.deepEqual(
        seen.filter(Boolean),
        [],
        'no signature made with the stored secret reached the other address',
      );
      // With the secret typed again, the other address is tested normally.
      await call('POST', '/services/test-connection', {
        ...privateInput({ id: '1001', version: 1, openApiUrl: elsewhere }),
        appSecret: 'typed-again',
      });
      assert.equal(seen.filter(Boolean).length, 1);
    } finally {
      await new Promise((r) => other.close(r));
    }
  });

  it('test-connection reports each step: good credentials, wrong secret, unreachable address', async () => {
    const good = (
      await call('POST', '/services/test-connection', {
        ...privateInput({ id: '1001', version: 1 }),
        appSecret: undefined,
      })
    ).json;
    assert.equal(good.ok, true, JSON.stringify(good));
    const summary = (r: { steps: { id: string; status: string; code: string }[] }) =>
      r.steps.map((s) => `${s.id}:${s.status}:${s.code}`);
    assert.deepEqual(summary(good), [
      'reach:pass:reach.ok',
      'auth:pass:auth.ok',
      'signing:pass:signing.ok',
      'embed:pass:embed.ok',
      'sso:pass:sso.ok',
    ]);
    // The simulator answered the seeded service, so its status is now ok (without a version bump).
    const seeded = (await call('GET', '/services/1001')).json as Binding;
    assert.equal(seeded.status, 'ok');
    const wrong = (
      await call('POST', '/services/test-connection', privateInput({ appSecret: 'wrong-secret-xyz' }))
    ).json;
    assert.equal(wrong.ok, false);
    assert.deepEqual(summary(wrong), [
      'reach:pass:reach.ok',
      'auth:fail:auth.badSecret',
      'signing:skip:skipped',
      'embed:skip:skipped',
      'sso:skip:skipped',
    ]);
    const badToken = (
      await call('POST', '/services/test-connection', privateInput({ appToken: 'no-such-token' }))
    ).json;
    assert.equal(badToken.steps[1].code, 'auth.badToken');
    const down = (
      await call('POST', '/services/test-connection', privateInput({ openApiUrl: 'http://127.0.0.1:9' }))
    ).json;
    assert.deepEqual(summary(down), [
      'reach:fail:reach.failed',
      'auth:skip:skipped',
      'signing:skip:skipped',
      'embed:skip:skipped',
      'sso:skip:skipped',
    ]);
  });

  it('sync pulls seals, templates and flows page by page and reports the diff', async () => {
    // An isolated simulator deployment, so other tests' state does not matter.
    const scoped = `${sim}/s/ref-sync-${process.pid}`;
    const svc = (
      await call(
        'POST',
        '/services',
        privateInput({
          openApiUrl: scoped,
          signingUrlExternal: `${signingApp}/s/ref-sync-${process.pid}`,
          appSecret: SIMULATOR_DEFAULT_APP.appSecret,
        }),
      )
    ).json as Binding;
    const first = await waitJob((await call('POST', `/services/${svc.id}/sync`)).json);
    assert.equal(first.state, 'done', JSON.stringify(first.error));
    const r1 = first.report!;
    assert.ok(r1.seals.total > 0 && r1.templates.total > 0 && r1.flows.total > 0);
    assert.equal(r1.seals.added, r1.seals.total);

    const seals = (await call('GET', `/resources/electronic-seal?serviceId=${svc.id}&limit=500`)).json;
    const physical = (await call('GET', `/resources/physical-seal?serviceId=${svc.id}&limit=500`)).json;
    assert.equal(seals.total + physical.total, r1.seals.total);
    // Seal pictures come through the reference host (GET /seal/image signed there), not from Qiyuesuo.
    assert.ok(seals.items[0].image.startsWith(`${base}/qys-seal-image/${svc.id}/`));
    const last = (await call('GET', `/resources/last-synced?serviceId=${svc.id}`)).json;
    assert.equal(last.lastSyncedAt, r1.finishedAt);

    const again = await waitJob((await call('POST', `/services/${svc.id}/sync`)).json);
    assert.deepEqual(again.report!.seals, { ...r1.seals, added: 0 });

    const mutate = (m: unknown) =>
      fetch(`${scoped}/__sim/mutate`, {
        method: 'POST',
        body: JSON.stringify(m),
        headers: { 'content-type': 'application/json' },
      });
    const removedId = seals.items[0].id as string;
    assert.equal(
      (await mutate({ op: 'remove', resource: 'seal', type: 'ELECTRONIC', id: removedId })).status,
      200,
    );
    assert.equal(
      (await mutate({ op: 'update', resource: 'template', fields: { name: '改过的模板' } })).status,
      200,
    );
    const third = await waitJob((await call('POST', `/services/${svc.id}/sync`)).json);
    assert.equal(third.report!.seals.removed, 1);
    assert.equal(third.report!.templates.updated, 1);
    const resolved = (
      await call('POST', '/resources/electronic-seal/resolve', { ids: [removedId], serviceId: svc.id })
    ).json;
    assert.deepEqual(resolved.missing, [removedId]);
    await call('DELETE', `/services/${svc.id}`);
  });

  it('signing sessions: a signUrl from POST /contract/signurl, zone picks the base, nonce single use', async () => {
    await simContract('c-100');
    const req = { contractId: 'c-100', page: 'sign', lang: 'zh-CN', nonce: 'n'.repeat(20), display: 'frame' };
    const ext = await call(
      'POST',
      '/signing/sessions',
      { ...req, zone: 'external' },
      { origin: 'http://127.0.0.1:5555' },
    );
    assert.equal(ext.status, 201, ext.text);
    const services = (await call('GET', '/services')).json as Binding[];
    const p = services.find((s) => s.id === '1001') as Extract<Binding, { serviceType: 'private' }>;
    assert.ok(
      ext.json.url.startsWith(p.signingUrlExternal.replace(/\/$/, '') + '/sign?viewToken='),
      ext.json.url,
    );
    assert.equal(ext.json.returnOrigin, base);
    // No qystoken (replayable) in the URL: the one-time part is the return page with the nonce.
    assert.equal(new URL(ext.json.url).searchParams.get('qystoken'), null);

    const reused = await call('POST', '/signing/sessions', { ...req, zone: 'external' });
    assert.equal(reused.status, 409);
    const internal = await call('POST', '/signing/sessions', {
      ...req,
      nonce: 'm'.repeat(20),
      zone: 'internal',
    });
    assert.ok(internal.json.url.startsWith(p.signingUrlInternal.replace(/\/$/, '') + '/sign?viewToken='));
    assert.notEqual(p.signingUrlInternal, p.signingUrlExternal);

    const unknown = await call('POST', '/signing/sessions', {
      ...req,
      contractId: 'no-such-contract',
      nonce: 'u'.repeat(20),
      zone: 'external',
    });
    assert.equal(unknown.status, 502, 'the platform refused: no page to open');

    const page = await fetch(
      `${base}/qys-return/o/${Buffer.from('http://127.0.0.1:5555').toString('base64url')}?nonce=abc&type=signed&contractId=c-100`,
    );
    const html = await page.text();
    assert.match(html, /postMessage/);
    assert.match(html, /"http:\/\/127\.0\.0\.1:5555"/);
    assert.match(html, /qys-bridge/);
  });
});

describe('reference host: signing end to end with the simulator', () => {
  it('SSO ticket accepted, signing page action returns through /qys-return, status confirmed by the provider', async () => {
    const contractId = `e2e${Date.now()}`;
    await simContract(contractId);
    const nonce = `nonce-${Date.now()}-abcdefgh`;
    const session = await call(
      'POST',
      '/signing/sessions',
      { contractId, page: 'sign', lang: 'zh-CN', zone: 'internal', nonce, display: 'frame' },
      { origin: 'http://127.0.0.1:6006' },
    );
    assert.equal(session.status, 201);
    const signPage = await fetch(session.json.url);
    assert.equal(signPage.status, 200, 'the signUrl opens the signing page');
    const signUrl = new URL(session.json.url);
    const sessionId = /name="session" value="([^"]+)"/.exec(await signPage.text())?.[1];
    assert.ok(sessionId);

    const action = await fetch(new URL('sign/action', signUrl.origin + '/'), {
      method: 'POST',
      body: new URLSearchParams({ session: sessionId, action: 'sign' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    assert.equal(action.status, 303);
    const back = new URL(action.headers.get('location')!);
    assert.equal(back.origin, base);
    assert.equal(back.searchParams.get('nonce'), nonce);
    assert.equal(back.searchParams.get('type'), 'signed');
    const page = await fetch(back);
    assert.match(await page.text(), /"http:\/\/127\.0\.0\.1:6006"/);

    const status = (await call('GET', `/signing/contracts/${contractId}/status`)).json;
    assert.equal(status.status, 'signed');
  });

  it('the return page believes only a report carrying a nonce it issued, for that contract, once', async () => {
    // The public service has no provider to ask, so its status is what the return page reported.
    const statusOf = async (id: string) =>
      (await call('GET', `/signing/contracts/${id}/status?serviceId=1002`)).json.status as string;
    const forged = `forged${Date.now()}`;
    await fetch(`${base}/qys-return?type=signed&contractId=${forged}&nonce=made-up-nonce-0000`);
    await fetch(`${base}/qys-return?type=signed&contractId=${forged}`);
    assert.equal(await statusOf(forged), 'unknown');

    const contractId = `ret${Date.now()}`;
    await simContract(contractId);
    const nonce = `nonce-ret-${Date.now()}-abcdef`;
    const session = await call('POST', '/signing/sessions', {
      contractId,
      page: 'sign',
      lang: 'zh-CN',
      zone: 'external',
      nonce,
      display: 'frame',
    });
    assert.equal(session.status, 201);
    // Right nonce, another contract: refused.
    await fetch(`${base}/qys-return?type=signed&contractId=${forged}&nonce=${nonce}`);
    assert.equal(await statusOf(forged), 'unknown');
    await fetch(`${base}/qys-return?type=declined&contractId=${contractId}&nonce=${nonce}`);
    assert.equal(await statusOf(contractId), 'declined');
    // A second report with the same nonce changes nothing.
    await fetch(`${base}/qys-return?type=signed&contractId=${contractId}&nonce=${nonce}`);
    assert.equal(await statusOf(contractId), 'declined');
    // A session opened without a contract (the contract list): its nonce vouches for no contract at all.
    const listNonce = `nonce-list-${Date.now()}-abcdef`;
    const list = await call('POST', '/signing/sessions', {
      params: { view: 'list' },
      page: 'sign',
      lang: 'zh-CN',
      zone: 'external',
      nonce: listNonce,
      display: 'frame',
    });
    assert.equal(list.status, 201, list.text);
    const any = `any${Date.now()}`;
    await fetch(`${base}/qys-return?type=signed&contractId=${any}&nonce=${listNonce}`);
    assert.equal(await statusOf(any), 'unknown');
  });
});

describe('reference host: client, CORS, secrets', () => {
  it('serves its contract document', async () => {
    // (fetched directly: the document names the write-only `appSecret` input field)
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/services/{id}']?.put);
  });

  it('client context reports the caller IP', async () => {
    const ctx = (await call('GET', '/client/context')).json;
    assert.equal(ctx.clientIp, '127.0.0.1');
    assert.equal(ctx.oaBaseUrl, base);
  });

  it('allows loopback origins without credentials, not others', async () => {
    const ok = await fetch(`${base}/services`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8000',
        'access-control-request-headers': 'content-type,x-qys-fault',
      },
    });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    assert.equal(ok.headers.get('access-control-allow-credentials'), null);
    const foreign = await fetch(`${base}/services`, { headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });

  it('answers only when reached by an address or localhost, not a DNS name (rebinding)', async () => {
    const port = new URL(base).port;
    const viaHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const r = request({ host: '127.0.0.1', port, path: '/services', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        r.on('error', reject);
        r.end();
      });
    assert.equal(await viaHost(`rebind.example:${port}`), 403);
    assert.equal(await viaHost(`localhost:${port}`), 200);
    assert.equal(await viaHost(`192.168.1.5:${port}`), 200);
    assert.equal(await viaHost(`[::1]:${port}`), 200);
  });

  it('refuses changes a foreign page can send without a preflight (text/plain POST, other origin)', async () => {
    const before = (await call('GET', '/services')).json.length as number;
    const body = JSON.stringify(privateInput({ name: 'csrf' }));
    const simple = await fetch(`${base}/services`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
      body,
    });
    assert.equal(simple.status, 403);
    const noJson = await fetch(`${base}/services`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    assert.equal(noJson.status, 415);
    const probe = await fetch(`${base}/services/test-connection`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ ...privateInput({ openApiUrl: 'http://127.0.0.1:9' }), id: '1001' }),
    });
    assert.equal(probe.status, 403);
    assert.equal((await call('GET', '/services')).json.length, before);
    // Same origin and loopback pages still work.
    const fromLoopback = await call('POST', '/services', privateInput({ name: 'loopback' }), {
      origin: 'http://localhost:6006',
    });
    assert.equal(fromLoopback.status, 201);
    await call('DELETE', `/services/${fromLoopback.json.id}`);
  });

  it('no response ever carried an App Secret', () => {
    assert.ok(bodies.length > 30);
    for (const text of bodies) {
      for (const secret of SECRETS)
        assert.ok(!text.includes(secret), `a response contains a secret: ${text.slice(0, 200)}`);
      assert.ok(!/"appSecret"\s*:/.test(text), 'a response has an appSecret field');
    }
  });
});
