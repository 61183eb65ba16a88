import { expect } from '@open-wc/testing';
import { createMemoryHost, type FailureKind, type MemoryHost } from '../../src/api/memory-host/index.js';
import {
  QysAuthError,
  QysConflictError,
  QysContractError,
  QysNetworkError,
  QysNotFoundError,
  QysServerError,
  QysTimeoutError,
  isAbortError,
} from '../../src/api/errors.js';
import type { Binding, BindingInput } from '../../src/api/schemas.js';

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error,
  );

describe('createMemoryHost: injected faults', () => {
  const cases: [FailureKind, new (...a: never[]) => Error, string][] = [
    ['network', QysNetworkError, 'network'],
    ['timeout', QysTimeoutError, 'timeout'],
    ['server', QysServerError, 'server'],
    ['auth', QysAuthError, 'auth'],
    ['not-found', QysNotFoundError, 'not-found'],
    ['conflict', QysConflictError, 'conflict'],
  ];
  for (const [kind, ctor, code] of cases) {
    it(`'${kind}' rejects with ${ctor.name} (code ${code}) and only for that method`, async () => {
      const host = createMemoryHost({ failures: { 'org.children': kind } });
      const err = await rejection(host.org.children(null));
      expect(err).to.be.instanceOf(ctor);
      expect((err as unknown as { code: string }).code).to.equal(code);
      // always: fails again
      expect(await rejection(host.org.children(null))).to.be.instanceOf(ctor);
      // other methods are unaffected
      expect((await host.org.search('zw')).total).to.be.greaterThan(0);
    });
  }

  it('server errors carry status 500, auth 401', async () => {
    const host = createMemoryHost({ failures: { 'org.search': 'server', 'org.children': 'auth' } });
    expect((await rejection(host.org.search('a'))) as QysServerError).to.have.property('status', 500);
    expect((await rejection(host.org.children(null))) as QysAuthError).to.have.property('status', 401);
  });

  it('malformed: the answer fails its schema and surfaces as QysContractError naming the path', async () => {
    const host = createMemoryHost({
      failures: {
        'org.children': 'malformed',
        'services.list': 'malformed',
        'resources.list': 'malformed',
        'org.count': 'malformed',
        'services.delete': 'malformed',
      },
    });
    const e1 = (await rejection(host.org.children(null))) as QysContractError;
    expect(e1).to.be.instanceOf(QysContractError);
    expect(e1.path).to.equal('items.0.type');
    expect(e1.endpoint).to.equal('org.children');
    const e2 = (await rejection(host.services.list())) as QysContractError;
    expect(e2.path).to.match(/^0\./);
    const e3 = (await rejection(host.resources.list('electronic-seal'))) as QysContractError;
    expect(e3.path).to.match(/^items\.0\./);
    const e4 = (await rejection(host.org.count({ include: [], exclude: [] }))) as QysContractError;
    expect(e4).to.be.instanceOf(QysContractError);
    const e5 = await rejection(host.services.delete(host.control.samples.defaultServiceId!));
    expect(e5).to.be.instanceOf(QysContractError);
  });

  it('once-failures: fail the given number of times, then succeed (retry stories)', async () => {
    const host = createMemoryHost({ failures: { 'org.children': { kind: 'network', times: 2 } } });
    expect(await rejection(host.org.children(null))).to.be.instanceOf(QysNetworkError);
    expect(await rejection(host.org.children(null))).to.be.instanceOf(QysNetworkError);
    expect((await host.org.children(null)).items.length).to.be.greaterThan(0);
  });

  it('a list of specs is used in order', async () => {
    const host = createMemoryHost({
      failures: {
        'org.search': [
          { kind: 'timeout', times: 1 },
          { kind: 'server', times: 1 },
        ],
      },
    });
    expect(await rejection(host.org.search('zw'))).to.be.instanceOf(QysTimeoutError);
    expect(await rejection(host.org.search('zw'))).to.be.instanceOf(QysServerError);
    expect((await host.org.search('zw')).total).to.be.greaterThan(0);
  });

  it('warns about a failure key that names no method', () => {
    const warn = console.warn;
    const seen: string[] = [];
    console.warn = (m: string) => seen.push(m);
    try {
      createMemoryHost({ failures: { 'org.childs': 'network', 'org.children': 'network', '*': 'server' } });
      createMemoryHost().control.failNext('services.saev', 'network');
    } finally {
      console.warn = warn;
    }
    expect(seen).to.have.length(2);
    expect(seen[0]).to.contain('"org.childs"');
    expect(seen[1]).to.contain('"services.saev"');
  });

  it('a spec with times: 0 is skipped', async () => {
    const host = createMemoryHost({
      failures: {
        'org.search': [
          { kind: 'timeout', times: 0 },
          { kind: 'auth', times: 1 },
        ],
      },
    });
    expect(await rejection(host.org.search('zw'))).to.be.instanceOf(QysAuthError);
    expect((await host.org.search('zw')).total).to.be.greaterThan(0);
  });

  it('can be changed at runtime: setFailures, failNext, and "*" for every method', async () => {
    const host = createMemoryHost();
    host.control.setFailures({ '*': 'network' });
    expect(await rejection(host.resources.list('file-template'))).to.be.instanceOf(QysNetworkError);
    expect(await rejection(host.client.context())).to.be.instanceOf(QysNetworkError);
    host.control.setFailures({});
    expect((await host.client.context()).clientIp).to.equal('10.1.2.3');
    host.control.failNext('client.context', 'auth');
    expect(await rejection(host.client.context())).to.be.instanceOf(QysAuthError);
    expect((await host.client.context()).clientIp).to.equal('10.1.2.3');
    expect(host.control.calls('client.context')).to.equal(4);
  });

  it('an injected conflict on services.save carries the current record', async () => {
    const host = createMemoryHost();
    const [b] = await host.services.list();
    host.control.failNext('services.save', 'conflict');
    const { appSecretSet: _a, status: _s, lastSyncedAt: _l, updatedAt: _u, ...input } = b!;
    const err = (await rejection(host.services.save(input as BindingInput))) as QysConflictError<Binding>;
    expect(err).to.be.instanceOf(QysConflictError);
    expect(err.current).to.deep.equal(b);
    // nothing was written
    expect((await host.services.get(b!.id)).version).to.equal(b!.version);
  });
});

describe('createMemoryHost: latency and abort', () => {
  let host: MemoryHost;
  beforeEach(() => {
    host = createMemoryHost({ latency: 200 });
  });

  it('waits the configured latency', async () => {
    const t0 = performance.now();
    await host.org.children(null);
    expect(performance.now() - t0).to.be.at.least(190);
    host.control.setLatency(0);
    const t1 = performance.now();
    await host.org.children(null);
    expect(performance.now() - t1).to.be.below(190);
  });

  it('a latency range draws from the seeded PRNG within bounds', async () => {
    const h = createMemoryHost({ latency: { min: 20, max: 60 } });
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await h.org.capabilities();
      const dt = performance.now() - t0;
      expect(dt).to.be.at.least(18);
    }
  });

  it('rejects with the signal’s reason when aborted during the latency wait', async () => {
    const ac = new AbortController();
    const p = host.org.search('zw', { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    const t0 = performance.now();
    const err = await rejection(p);
    expect(isAbortError(err)).to.equal(true);
    expect(performance.now() - t0).to.be.below(190);
  });

  it('rejects at once with an already-aborted signal, with a custom reason, for every area', async () => {
    const reason = new DOMException('gone', 'AbortError');
    const signal = AbortSignal.abort(reason);
    const calls: Promise<unknown>[] = [
      host.org.children(null, { signal }),
      host.org.count({ include: [], exclude: [] }, { signal }),
      host.services.list({ signal }),
      host.resources.list('electronic-seal', { signal }),
      host.client.context({ signal }),
      host.signing.contractStatus('1', { signal }),
    ];
    for (const c of calls) expect(await rejection(c)).to.equal(reason);
    expect(host.control.calls()).to.equal(0);
  });

  it('an aborted save writes nothing; an aborted sync stops between stages', async () => {
    const ac = new AbortController();
    const [b] = await host.services.list();
    const { appSecretSet: _a, status: _s, lastSyncedAt: _l, updatedAt: _u, ...input } = b!;
    const p = host.services.save({ ...(input as BindingInput), name: '中途取消' }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    expect(isAbortError(await rejection(p))).to.equal(true);
    expect((await host.services.get(b!.id)).name).to.equal(b!.name);

    host.control.setLatency(0);
    const ac2 = new AbortController();
    const stages: string[] = [];
    const sync = host.services.sync(b!.id, {
      signal: ac2.signal,
      onProgress: (p) => {
        stages.push(p.stage);
        if (stages.length === 2) ac2.abort();
      },
    });
    expect(isAbortError(await rejection(sync))).to.equal(true);
    expect(stages).to.deep.equal(['seals', 'templates']);
    expect((await host.services.get(b!.id)).lastSyncedAt).to.equal(b!.lastSyncedAt);
  });
});
