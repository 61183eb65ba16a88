import { expect } from '@open-wc/testing';
import { createMemoryHost, type MemoryHost } from '../../src/api/memory-host/index.js';
import { QysConflictError, QysNotFoundError, QysValidationError } from '../../src/api/errors.js';
import {
  BindingInputSchema,
  BindingSchema,
  type Binding,
  type BindingInput,
  type PrivateBinding,
  type SyncProgress,
} from '../../src/api/schemas.js';
import * as z from 'zod/mini';

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error,
  );

/** The input that would save `b` unchanged (no secret: keep the stored one). */
function toInput(b: Binding): BindingInput {
  const { appSecretSet: _s, status: _st, lastSyncedAt: _l, updatedAt: _u, ...rest } = b;
  return rest as BindingInput;
}

const newPrivate = (over: Partial<Extract<BindingInput, { serviceType: 'private' }>> = {}): BindingInput => ({
  serviceType: 'private',
  provider: 'qiyuesuo',
  name: '测试服务',
  isDefault: false,
  appToken: 'token-1',
  appSecret: 'secret-1',
  signatories: [],
  openApiUrl: 'http://qys.test:9182',
  encryptionKey: 'k'.repeat(16),
  signingUrlExternal: 'https://sign.test',
  signingUrlInternal: '',
  autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
  ...over,
});

describe('createMemoryHost: services', () => {
  let host: MemoryHost;
  beforeEach(() => {
    host = createMemoryHost();
  });

  it('seeds one private (default) and one public service that match the schema and carry no secret', async () => {
    const list = await host.services.list();
    expect(list.map((b) => b.serviceType)).to.deep.equal(['private', 'public']);
    expect(list.filter((b) => b.isDefault)).to.have.length(1);
    for (const b of list) {
      expect(z.safeParse(BindingSchema, b).success).to.equal(true);
      expect(b.appSecretSet).to.equal(true);
      expect(JSON.stringify(b)).to.not.match(/appSecret"|secret-/);
    }
    const one = await host.services.get(list[0]!.id);
    expect(one).to.deep.equal(list[0]);
    expect((await rejection(host.services.get('404'))).name).to.equal('QysNotFoundError');
    expect(await createMemoryHost({ noServices: true }).services.list()).to.deep.equal([]);
  });

  it('creates, updates with the version read, and refuses a stale version with the current record', async () => {
    const created = await host.services.save(newPrivate());
    expect(created.id).to.match(/^\d{19}$/);
    expect(created.version).to.equal(1);
    expect(created.appSecretSet).to.equal(true);
    expect(created).to.not.have.property('appSecret');

    const renamed = await host.services.save({ ...toInput(created), name: '改名' });
    expect(renamed.version).to.equal(2);
    expect(renamed.name).to.equal('改名');

    // a second editor still holds version 1
    const err = await rejection(host.services.save({ ...toInput(created), name: '别人的修改' }));
    expect(err).to.be.instanceOf(QysConflictError);
    const current = (err as QysConflictError<Binding>).current!;
    expect(current.name).to.equal('改名');
    expect(current.version).to.equal(2);
    expect(current).to.not.have.property('appSecret');
    expect((await host.services.get(created.id)).name).to.equal('改名');

    const missingVersion = await rejection(host.services.save({ ...toInput(renamed), version: undefined }));
    expect(missingVersion).to.be.instanceOf(QysValidationError);
    expect((missingVersion as QysValidationError).issues).to.deep.include({
      path: 'version',
      code: 'required',
    });

    const unknown = await rejection(host.services.save({ ...toInput(renamed), id: '1234567890123456789' }));
    expect(unknown).to.be.instanceOf(QysNotFoundError);
  });

  it('validates with BindingInputSchema: issues carry paths and message codes', async () => {
    const err = await rejection(
      host.services.save(
        newPrivate({
          appToken: ' ',
          openApiUrl: 'ftp://x',
          signingUrlExternal: 'not a url',
          appSecret: undefined,
          autoLogin: { mode: 'segment', segmentRules: [], domainRules: [] },
        }),
      ),
    );
    expect(err).to.be.instanceOf(QysValidationError);
    const issues = (err as QysValidationError).issues.map((i) => `${i.path}:${i.code}`);
    expect(issues).to.include.members([
      'appToken:required',
      'openApiUrl:url.protocol',
      'signingUrlExternal:url.invalid',
    ]);
    // cross-field rules run once the fields themselves are valid
    const err2 = await rejection(
      host.services.save(
        newPrivate({
          appSecret: undefined,
          autoLogin: { mode: 'segment', segmentRules: [], domainRules: [] },
        }),
      ),
    );
    expect((err2 as QysValidationError).issues.map((i) => `${i.path}:${i.code}`)).to.include.members([
      'signingUrlInternal:signingUrlInternal.requiredForAutoLogin',
      'appSecret:required',
    ]);
    expect(await host.services.list()).to.have.length(2);
  });

  it('keeps one default: making a service the default clears the old one', async () => {
    const [oldDefault] = await host.services.list();
    const created = await host.services.save(newPrivate({ isDefault: true }));
    const list = await host.services.list();
    expect(list.filter((b) => b.isDefault).map((b) => b.id)).to.deep.equal([created.id]);
    const old = list.find((b) => b.id === oldDefault!.id)!;
    expect(old.isDefault).to.equal(false);
    expect(old.version).to.equal(oldDefault!.version + 1);
    expect(await host.resources.lastSynced()).to.equal(null); // the new default never synced
  });

  it('stores the App Secret write-only: kept when omitted, replaced when sent, never returned', async () => {
    const created = await host.services.save(newPrivate({ appSecret: 'wrong' }));
    const dump = JSON.stringify([created, await host.services.list(), await host.services.get(created.id)]);
    expect(dump).to.not.contain('"wrong"');
    // the stored secret is used by testConnection when the form sends none
    const r1 = await host.services.testConnection({ ...toInput(created) });
    expect(r1.steps.find((s) => s.id === 'auth')!.code).to.equal('auth.rejected');
    const updated = await host.services.save({ ...toInput(created), appSecret: 'right' });
    expect(updated.appSecretSet).to.equal(true);
    const r2 = await host.services.testConnection({ ...toInput(updated) });
    expect(r2.ok).to.equal(true);
    // omitted on a later save: still the stored one
    const again = await host.services.save({ ...toInput(updated), name: 'x' });
    expect((await host.services.testConnection(toInput(again))).ok).to.equal(true);
  });

  it('testConnection reports reach / auth / signing steps by the documented rules', async () => {
    const ok = await host.services.testConnection(newPrivate());
    expect(ok.ok).to.equal(true);
    expect(ok.steps.map((s) => `${s.id}:${s.status}`)).to.deep.equal([
      'reach:pass',
      'auth:pass',
      'signing:pass',
      'sso:pass',
    ]);

    // 加密密钥 is checked: a key that is not 16 characters is a failed step, not 连接正常.
    for (const encryptionKey of [
      'abc',
      'a3f9c2e17b6d4e8f9a0b1c2d3e4f5a6b',
      '60fb3ed9-3e18-4f6b-9a51-2d1c7e0b9181',
    ]) {
      const badKey = await host.services.testConnection(newPrivate({ encryptionKey }));
      expect(badKey.ok, encryptionKey).to.equal(false);
      expect(badKey.steps.map((s) => `${s.id}:${s.status}:${s.code}`).at(-1)).to.equal(
        'sso:fail:sso.keyFormat',
      );
    }

    const badAuth = await host.services.testConnection(newPrivate({ appSecret: 'wrong' }));
    expect(badAuth.ok).to.equal(false);
    expect(badAuth.steps.map((s) => `${s.id}:${s.status}:${s.code}`)).to.deep.equal([
      'reach:pass:reach.ok',
      'auth:fail:auth.rejected',
      'signing:skip:skipped',
      'sso:skip:skipped',
    ]);

    const unreachable = await host.services.testConnection(
      newPrivate({ openApiUrl: 'http://unreachable.test' }),
    );
    expect(unreachable.steps.map((s) => s.status)).to.deep.equal(['fail', 'skip', 'skip', 'skip']);

    const noSecret = await host.services.testConnection(newPrivate({ appSecret: undefined }));
    expect(noSecret.steps[1]!.code).to.equal('auth.secretMissing');

    const signing = await host.services.testConnection(
      newPrivate({ signingUrlExternal: 'https://unreachable.sign' }),
    );
    expect(signing.steps.map((s) => s.status)).to.deep.equal(['pass', 'pass', 'fail', 'skip']);

    const [, pub] = await host.services.list();
    const pubReport = await host.services.testConnection(toInput(pub!));
    expect(pubReport.ok).to.equal(true);
  });

  it('deletes with a version check', async () => {
    const created = await host.services.save(newPrivate());
    const stale = await rejection(host.services.delete(created.id, created.version + 5));
    expect(stale).to.be.instanceOf(QysConflictError);
    expect((stale as QysConflictError<Binding>).current!.id).to.equal(created.id);
    await host.services.delete(created.id, created.version);
    expect((await host.services.list()).some((b) => b.id === created.id)).to.equal(false);
    expect(await rejection(host.services.delete(created.id))).to.be.instanceOf(QysNotFoundError);
  });

  it('sync reports progress, then added / removed / updated counts; a second sync finds nothing new', async () => {
    const id = host.control.samples.defaultServiceId!;
    const before = await host.services.get(id);
    const sealsBefore = (await host.resources.list('electronic-seal', { limit: 500 })).items;
    const progress: SyncProgress[] = [];
    const report = await host.services.sync(id, { onProgress: (p) => progress.push(p) });
    expect(progress.length).to.be.at.least(3);
    expect(progress.map((p) => p.ratio)).to.deep.equal(
      [...progress.map((p) => p.ratio)].sort((a, b) => a - b),
    );
    expect(progress.at(-1)!.ratio).to.equal(1);
    expect(new Set(progress.map((p) => p.stage))).to.deep.equal(new Set(['seals', 'templates', 'flows']));
    expect(report.serviceId).to.equal(id);
    expect(report.seals.added).to.equal(4); // two newest electronic + two newest physical seals
    expect(report.seals.removed).to.equal(2);
    expect(report.seals.updated).to.equal(2);
    const sealsAfter = (await host.resources.list('electronic-seal', { limit: 500 })).items;
    expect(sealsAfter.length).to.equal(sealsBefore.length + 2 - 1);
    // the stale seal is gone: resolving it now reports it missing
    const stale = sealsBefore.find((s) => !sealsAfter.some((a) => a.id === s.id))!;
    expect((await host.resources.resolve('electronic-seal', [stale.id])).missing).to.deep.equal([stale.id]);
    const after = await host.services.get(id);
    expect(after.lastSyncedAt).to.not.equal(before.lastSyncedAt);
    expect(await host.resources.lastSynced()).to.equal(after.lastSyncedAt);

    const second = await host.services.sync(id);
    for (const c of [second.seals, second.templates, second.flows]) {
      expect([c.added, c.removed, c.updated]).to.deep.equal([0, 0, 0]);
    }
    expect(await rejection(host.services.sync('nope'))).to.be.instanceOf(QysNotFoundError);
  });

  it('with resources: 2 the lists start empty and the first sync fills them', async () => {
    const h = createMemoryHost({ resources: 2 });
    expect((await h.resources.list('electronic-seal')).total).to.equal(0);
    expect((await h.resources.list('file-template')).items).to.deep.equal([]);
    const report = await h.services.sync(h.control.samples.defaultServiceId!);
    expect(report.templates).to.deep.equal({ total: 2, added: 2, removed: 0, updated: 0 });
    expect((await h.resources.list('file-template')).total).to.equal(2);
  });

  it('each service has its own data: the public one differs; a new one is empty until its first sync', async () => {
    const [priv, pub] = await host.services.list();
    const a = await host.resources.list('electronic-seal', { serviceId: priv!.id, limit: 500 });
    const d = await host.resources.list('electronic-seal', { limit: 500 });
    expect(d).to.deep.equal(a); // no serviceId: the default service's data
    const b = await host.resources.list('electronic-seal', { serviceId: pub!.id, limit: 500 });
    expect(b.total).to.be.greaterThan(0);
    const ids = new Set(a.items.map((r) => r.id));
    expect(b.items.some((r) => ids.has(r.id))).to.equal(false);
    const cross = await host.resources.resolve('electronic-seal', [a.items[0]!.id], { serviceId: pub!.id });
    expect(cross.missing).to.deep.equal([a.items[0]!.id]);
    expect((await host.resources.companies({ serviceId: pub!.id })).length).to.be.greaterThan(0);

    const created = await host.services.save(newPrivate());
    expect((await host.resources.list('file-template', { serviceId: created.id })).total).to.equal(0);
    expect(await host.resources.companies({ serviceId: created.id })).to.deep.equal([]);
    expect(await host.resources.lastSynced({ serviceId: created.id })).to.equal(null);
    const report = await host.services.sync(created.id);
    expect(report.templates.added).to.equal(report.templates.total);
    expect(report.templates.total).to.be.greaterThan(0);
    const after = await host.resources.list('file-template', { serviceId: created.id });
    expect(after.total).to.equal(report.templates.total);
    expect(await host.resources.lastSynced({ serviceId: created.id })).to.equal(report.finishedAt);
    // the default service's data did not change
    expect(await host.resources.list('electronic-seal', { limit: 500 })).to.deep.equal(a);

    expect(await rejection(host.resources.list('file-template', { serviceId: 'nope' }))).to.be.instanceOf(
      QysNotFoundError,
    );
  });

  it('generates encryption keys', async () => {
    const a = await host.services.generateEncryptionKey();
    const b = await host.services.generateEncryptionKey();
    // The Qiyuesuo field's format: 16 characters, laid out as seed 001's `60fb3ed9-3e18-4f`.
    expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{2}$/);
    expect(BindingInputSchema.safeParse({ ...newPrivate(), encryptionKey: a }).success).to.equal(true);
    expect(a).to.not.equal(b);
  });
});

describe('createMemoryHost: sync scope, client, signing', () => {
  let host: MemoryHost;
  beforeEach(() => {
    host = createMemoryHost();
  });

  it('getScope / saveScope with versions and conflicts', async () => {
    const id = host.control.samples.defaultServiceId!;
    const rec = await host.org.getScope(id);
    expect(rec.version).to.equal(1);
    expect(rec.scope.include.length).to.be.greaterThan(0);
    const next = { include: [host.control.samples.subcompanies[1]!], exclude: [] };
    const saved = await host.org.saveScope(id, next, rec.version);
    expect(saved.version).to.equal(2);
    expect(saved.scope).to.deep.equal(next);
    expect((await host.org.getScope(id)).scope).to.deep.equal(next);
    const err = await rejection(host.org.saveScope(id, rec.scope, rec.version));
    expect(err).to.be.instanceOf(QysConflictError);
    expect((err as QysConflictError<typeof saved>).current).to.deep.equal(saved);

    const [, pub] = await host.services.list();
    const empty = await host.org.getScope(pub!.id);
    expect(empty).to.deep.include({ version: 0, updatedAt: null, scope: { include: [], exclude: [] } });
    expect(await rejection(host.org.getScope('nope'))).to.be.instanceOf(QysNotFoundError);
    const bad = await rejection(
      host.org.saveScope(id, { include: [{ type: 'x', id: '' }], exclude: [] } as never, saved.version),
    );
    expect(bad).to.be.instanceOf(QysValidationError);
    expect((bad as QysValidationError).issues[0]!.path).to.match(/^scope\.include\.0\./);
  });

  it('client context and segment presets', async () => {
    const ctx = await host.client.context();
    expect(ctx.clientIp).to.equal('10.1.2.3');
    expect(ctx.userId).to.equal(host.control.samples.currentUser.id);
    expect(ctx.userName).to.be.a('string').and.not.equal('');
    expect((await createMemoryHost({ clientIp: '172.16.5.9' }).client.context()).clientIp).to.equal(
      '172.16.5.9',
    );
    expect((await createMemoryHost({ clientIp: null }).client.context()).clientIp).to.equal(null);
    const presets = await host.client.segmentPresets();
    expect(presets).to.deep.include({ id: 'hq-intranet', name: '总部内网', rules: ['10.0.0.0/8'] });
    expect(presets).to.deep.include({ id: 'branch-offices', name: '分支机构', rules: ['172.16.0.0/12'] });
  });

  it('inspectFraming: frame-ancestors lists the whitelisted origins; noframe / unreachable hosts', async () => {
    const ok = await host.client.inspectFraming!('https://qys.example.com/sign');
    expect(ok.reachable).to.equal(true);
    expect(ok.contentSecurityPolicy).to.contain('frame-ancestors').and.contain(location.origin);
    expect(ok.xFrameOptions).to.equal(null);
    const deny = await host.client.inspectFraming!('https://noframe.example.com');
    expect(deny.contentSecurityPolicy).to.equal("frame-ancestors 'none'");
    expect(deny.xFrameOptions).to.equal('DENY');
    const down = await host.client.inspectFraming!('https://unreachable.example.com');
    expect(down.reachable).to.equal(false);
    expect(down.error).to.be.a('string');
    const custom = createMemoryHost({ embedWhitelist: ['https://other.example'] });
    const c = await custom.client.inspectFraming!('https://qys.example.com');
    expect(c.contentSecurityPolicy).to.equal("frame-ancestors 'self' https://other.example");
    expect(c.contentSecurityPolicy).to.not.contain(location.origin);
  });

  it('signing sessions: URL on the zone’s address or from the option; contract status from the map', async () => {
    const req = {
      contractId: '2880000000000000009',
      page: 'sign' as const,
      lang: 'zh-CN' as const,
      zone: 'internal' as const,
      nonce: 'n'.repeat(24),
      display: 'frame' as const,
    };
    const s = await host.signing.createSession(req);
    const def = (await host.services.get(host.control.samples.defaultServiceId!)) as PrivateBinding;
    expect(s.url.startsWith(def.signingUrlInternal)).to.equal(true);
    expect(new URL(s.url).searchParams.get('nonce')).to.equal(req.nonce);
    expect(Date.parse(s.expiresAt)).to.be.greaterThan(Date.now());
    expect(s.returnOrigin).to.equal(location.origin);
    const ext = await host.signing.createSession({ ...req, zone: 'external' });
    expect(ext.url.startsWith(def.signingUrlExternal)).to.equal(true);

    const custom = createMemoryHost({ signingUrl: (r) => `http://127.0.0.1:9181/sign?c=${r.contractId}` });
    expect((await custom.signing.createSession(req)).url).to.equal(
      'http://127.0.0.1:9181/sign?c=2880000000000000009',
    );

    expect((await host.signing.contractStatus(req.contractId)).status).to.equal('signing');
    host.control.setContractStatus(req.contractId, 'signed');
    expect((await host.signing.contractStatus(req.contractId)).status).to.equal('signed');
    expect((await host.signing.contractStatus('2889999999999999999')).status).to.equal('unknown');

    const bad = await rejection(host.signing.createSession({ ...req, nonce: 'short' }));
    expect(bad).to.be.instanceOf(QysValidationError);
    expect((bad as QysValidationError).issues[0]!.path).to.equal('nonce');
    const none = createMemoryHost({ noServices: true });
    expect(await rejection(none.signing.createSession(req))).to.be.instanceOf(QysNotFoundError);
  });
});
