import { expect } from '@open-wc/testing';
import { createMemoryHost } from '../../src/api/memory-host/index.js';
import { QysValidationError } from '../../src/api/errors.js';
import type { Binding, BindingInput } from '../../src/api/schemas.js';

function toInput(b: Binding): BindingInput {
  const { appSecretSet: _s, status: _st, lastSyncedAt: _l, updatedAt: _u, ...rest } = b;
  return rest as BindingInput;
}

describe('createMemoryHost: a stored App Secret is bound to its address (#12.3)', () => {
  const input: BindingInput = {
    serviceType: 'private',
    provider: 'qiyuesuo',
    name: '地址绑定',
    isDefault: false,
    appToken: 'token-1',
    appSecret: 'secret-1',
    signatories: [],
    openApiUrl: 'http://qys.test:9182',
    encryptionKey: 'k'.repeat(16),
    signingUrlExternal: 'https://sign.test',
    signingUrlInternal: '',
    autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
  };

  it('refuses a new openApiUrl without a new secret (422 appSecret.requiredForNewAddress), keeps the record', async () => {
    const host = createMemoryHost();
    const created = await host.services.save(input);
    const moved = { ...toInput(created), openApiUrl: 'http://evil.test:9182' } as BindingInput;
    const err = await host.services.save(moved).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(QysValidationError);
    expect((err as QysValidationError).status).to.equal(422);
    expect((err as QysValidationError).issues).to.deep.equal([
      { path: 'appSecret', code: 'appSecret.requiredForNewAddress' },
    ]);
    expect(((await host.services.get(created.id)) as { openApiUrl: string }).openApiUrl).to.equal(
      'http://qys.test:9182',
    );
    // the same address (trailing slash) keeps the stored secret; a new address with a secret saves
    await host.services.save({ ...toInput(created), openApiUrl: 'http://qys.test:9182/' } as BindingInput);
    const again = await host.services.get(created.id);
    const saved = await host.services.save({
      ...toInput(again),
      openApiUrl: 'http://new.test:9182',
      appSecret: 's2',
    } as BindingInput);
    expect((saved as { openApiUrl: string }).openApiUrl).to.equal('http://new.test:9182');
  });

  it('testConnection does not sign for a changed address with the stored secret', async () => {
    const host = createMemoryHost();
    const created = await host.services.save(input);
    const report = await host.services.testConnection({
      ...toInput(created),
      openApiUrl: 'http://other.test:9182',
    } as BindingInput);
    expect(report.steps.find((s) => s.id === 'auth')!.code).to.equal('auth.secretMissing');
    const same = await host.services.testConnection(toInput(created));
    expect(same.steps.find((s) => s.id === 'auth')!.status).to.equal('pass');
  });
});

describe('createMemoryHost: integration facts survive a save that omits them (#14.7)', () => {
  it('keeps tenantCode and oaVersion when the input leaves them out; replaces them when sent', async () => {
    const host = createMemoryHost();
    const created = await host.services.save({
      serviceType: 'private',
      provider: 'qiyuesuo',
      name: 'facts',
      isDefault: false,
      appToken: 't',
      appSecret: 's',
      signatories: [],
      openApiUrl: 'http://qys.test:9182',
      encryptionKey: 'k'.repeat(16),
      signingUrlExternal: 'https://sign.test',
      signingUrlInternal: '',
      autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
      tenantCode: 'TEN-1',
      oaVersion: 'E9',
    });
    const {
      tenantCode: _t,
      oaVersion: _o,
      ...withoutFacts
    } = toInput(created) as BindingInput & {
      tenantCode?: string;
      oaVersion?: string;
    };
    const saved = (await host.services.save({
      ...withoutFacts,
      name: 'renamed',
    } as BindingInput)) as Binding & {
      tenantCode?: string;
      oaVersion?: string;
    };
    expect(saved.tenantCode).to.equal('TEN-1');
    expect(saved.oaVersion).to.equal('E9');
    const switched = (await host.services.save({
      ...toInput(saved),
      oaVersion: 'E10',
    } as BindingInput)) as Binding & {
      oaVersion?: string;
    };
    expect(switched.oaVersion).to.equal('E10');
  });
});
