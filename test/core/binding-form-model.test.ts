// The binding edit form's model (src/core/binding/form-model.ts), without the element: drafts, what a save
// sends, validation through the shared schema, dirty checking, the 409 comparison and merge.
import { expect } from '@open-wc/testing';
import { BindingInputSchema, type Binding } from '../../src/api/schemas.js';
import {
  changedFields,
  conflictRows,
  draftFromBinding,
  errorsFromIssues,
  fieldApplies,
  isDirty,
  mergeDrafts,
  newDraft,
  sameValue,
  toInput,
  validateDraft,
} from '../../src/core/binding/form-model.js';

const priv: Binding = {
  serviceType: 'private',
  id: '2861001000000000001',
  version: 3,
  provider: 'qiyuesuo',
  name: '契约锁私有云',
  isDefault: true,
  appToken: 'Tk8vQ2mZ7pLx',
  appSecretSet: true,
  signatories: [],
  status: 'ok',
  lastSyncedAt: null,
  updatedAt: '2026-11-02T01:30:00.000Z',
  openApiUrl: 'http://10.0.0.21:9182',
  encryptionKey: 'a3f9c2e1-7b6d-4e',
  signingUrlExternal: 'https://qys.example.com',
  signingUrlInternal: 'http://10.0.0.21:9180',
  autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [], segmentPresetIds: [] },
};

describe('core/binding/form-model', () => {
  it('a draft from a binding sends back the same record (trimmed), never a secret unless typed', () => {
    const d = draftFromBinding(priv);
    const input = toInput({ ...d, name: '  契约锁私有云  ' });
    expect(input).to.deep.include({ id: priv.id, version: 3, name: '契约锁私有云', serviceType: 'private' });
    expect(input).to.not.have.property('appSecret');
    expect(toInput(d, 's3cret')).to.have.property('appSecret', 's3cret');
    // the draft is a copy: editing it leaves the binding alone
    d.autoLogin.segmentRules.push('192.168.0.0/16');
    expect(priv.autoLogin.segmentRules).to.deep.equal(['10.0.0.0/8']);
  });

  it('only the active type’s fields are sent; the other type’s typed values stay in the draft', () => {
    const d = {
      ...newDraft('60fb3ed9-3e18-4f', false),
      serviceType: 'public' as const,
      e10Url: 'https://e10',
    };
    d.openApiUrl = 'http://typed.before';
    const input = toInput(d);
    expect(input).to.not.have.property('openApiUrl');
    expect(input).to.have.property('e10Url', 'https://e10');
    expect(fieldApplies('openApiUrl', 'public')).to.equal(false);
    expect(fieldApplies('openApiUrl', 'private')).to.equal(true);
    expect(isDirty(d, { ...d, openApiUrl: '' })).to.equal(true);
  });

  it('validates with the shared schema: a new service needs a secret; a strategy on needs the internal URL', () => {
    const fresh = { ...newDraft('60fb3ed9-3e18-4f', true), name: 'x', appToken: 't', openApiUrl: 'http://a' };
    expect(validateDraft(fresh, '', false, BindingInputSchema).fields.appSecret).to.equal('required');
    expect(validateDraft(fresh, 'secret', false, BindingInputSchema).fields.appSecret).to.equal(undefined);
    const on = { ...draftFromBinding(priv), signingUrlInternal: ' ' };
    expect(validateDraft(on, '', false, BindingInputSchema).fields.signingUrlInternal).to.equal(
      'signingUrlInternal.requiredForAutoLogin',
    );
    expect(validateDraft(draftFromBinding(priv), '', true, BindingInputSchema).fields.appSecret).to.equal(
      'required',
    );
  });

  it('errorsFromIssues: first issue per field wins, unknown paths go to other', () => {
    const e = errorsFromIssues([
      { path: 'autoLogin.segmentRules.3', code: 'rule.bad' },
      { path: 'autoLogin', code: 'second' },
      { path: 'nowhere', code: 'x' },
    ]);
    expect(e).to.deep.equal({ fields: { autoLogin: 'rule.bad' }, other: ['x'] });
  });

  it('sameValue ignores key order and surrounding spaces; changedFields names what differs', () => {
    expect(sameValue({ a: ' x', b: [1] }, { b: [1], a: 'x ' })).to.equal(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).to.equal(false);
    const base = draftFromBinding(priv);
    expect(changedFields(base, { ...base, name: 'new', tenantId: 'ignored for private' })).to.deep.equal([
      'name',
    ]);
  });

  it('conflict rows and merge: clashes marked, my chosen fields kept, the server version taken', () => {
    const base = draftFromBinding(priv);
    const mine = { ...base, name: 'mine', appToken: 'mine-token' };
    const theirs = { ...base, version: 4, name: 'theirs', openApiUrl: 'http://10.0.0.22:9182' };
    const rows = conflictRows(base, mine, theirs);
    expect(Object.fromEntries(rows.map((r) => [r.field, r.clash]))).to.deep.equal({
      name: true,
      appToken: false,
      openApiUrl: false,
    });
    const merged = mergeDrafts(mine, theirs, new Set(['name', 'appToken'] as const));
    expect(merged).to.deep.include({
      version: 4,
      name: 'mine',
      appToken: 'mine-token',
      openApiUrl: 'http://10.0.0.22:9182',
    });
  });
});
