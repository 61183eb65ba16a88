import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  normalizeBaseUrl,
  joinPath,
  e10Addresses,
  nginxCallbackRewrite,
  evaluateFraming,
  frameAncestorsPolicies,
  protocolMismatch,
  buildChecklist,
  checkProtocols,
  checkSyncFreshness,
  checklistToMarkdown,
  inlineCode,
} from '../../src/core/integration/index.js';
import type { Binding, FramingInspection } from '../../src/api/schemas.js';

const privateBinding = (over: Partial<Extract<Binding, { serviceType: 'private' }>> = {}): Binding => ({
  serviceType: 'private',
  id: '1000000000000000001',
  version: 3,
  provider: 'qiyuesuo',
  name: '契约锁私有云',
  isDefault: true,
  appToken: 'tok',
  appSecretSet: true,
  signatories: [],
  status: 'ok',
  lastSyncedAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  openApiUrl: 'http://qys.example.com:9182',
  encryptionKey: '60fb3ed9-3e18-4f',
  signingUrlExternal: 'https://sign.example.com',
  signingUrlInternal: 'http://10.0.0.5:9180',
  autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [] },
  ...over,
});

// Host names the URL Standard accepts: a label starting "xn--" is an IDN's ASCII form and must be valid punycode
// ("xn--" alone or "xn--a" is refused by WebKit, Firefox and Node's parser, accepted by Chromium's).
const hostName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,10}(\.[a-z][a-z0-9-]{0,10}){0,3}$/)
  .filter((h) => !h.split('.').some((label) => label.startsWith('xn--')));
const segment = fc.stringMatching(/^[a-zA-Z0-9_-]{1,8}$/);

describe('integration URLs', () => {
  it('keeps ports and sub-paths and never doubles slashes (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        hostName,
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        fc.array(segment, { maxLength: 3 }),
        fc.nat(3),
        fc.nat(3),
        (scheme, host, port, segments, trailing, leading) => {
          const raw = `${scheme}://${host}${port ? `:${port}` : ''}/${segments.join('/')}${'/'.repeat(trailing)}`;
          const n = normalizeBaseUrl(raw);
          expect(n.ok).to.equal(true);
          if (!n.ok) return;
          const url = joinPath(n.base, `${'/'.repeat(leading)}papi/signcenter/qiyuesuo/categoryCallback`);
          const u = new URL(url);
          expect(u.pathname).not.to.match(/\/\//);
          expect(u.pathname).to.equal(
            `${segments.length ? `/${segments.join('/')}` : ''}/papi/signcenter/qiyuesuo/categoryCallback`,
          );
          const defaultPort = scheme === 'https' ? 443 : 80;
          expect(u.port).to.equal(port && port !== defaultPort ? String(port) : '');
          expect(u.hostname).to.equal(host);
        },
      ),
    );
  });

  it('builds the E10 addresses of seed 001', () => {
    const a = e10Addresses('https://oa.example.com:8443/e10');
    expect(a.openServer).to.equal('https://oa.example.com:8443/e10/openserver');
    expect(a.signCallbackPrivate).to.equal(
      'https://oa.example.com:8443/e10/papi/signcenter/qiyuesuo/signCallbackPrivate',
    );
    expect(a.categoryCallback).to.equal(
      'https://oa.example.com:8443/e10/papi/signcenter/qiyuesuo/categoryCallback',
    );
  });

  it('drops query and fragment, refuses other protocols and junk', () => {
    expect(normalizeBaseUrl('https://oa.example.com/?a=1#x')).to.deep.equal({
      ok: true,
      base: 'https://oa.example.com',
    });
    expect(normalizeBaseUrl('ftp://oa.example.com')).to.deep.equal({ ok: false, code: 'url.protocol' });
    expect(normalizeBaseUrl('oa.example.com')).to.deep.equal({ ok: false, code: 'url.invalid' });
    expect(normalizeBaseUrl('')).to.deep.equal({ ok: false, code: 'url.invalid' });
  });

  it('nginx rewrite forwards the E9 callback, with the sub-path', () => {
    expect(nginxCallbackRewrite('https://oa.example.com')).to.contain(
      'rewrite ^/QYSPrivateCallbackServlet$ /papi/signcenter/qiyuesuo/categoryCallback last;',
    );
    expect(nginxCallbackRewrite('https://oa.example.com/oa')).to.contain(
      'location = /oa/QYSPrivateCallbackServlet {',
    );
  });
});

describe('frame-ancestors evaluation', () => {
  const insp = (
    csp: string | null,
    xfo: string | null = null,
    url = 'https://sign.example.com/sign',
  ): FramingInspection => ({
    url,
    reachable: true,
    status: 200,
    contentSecurityPolicy: csp,
    xFrameOptions: xfo,
  });
  const cases: [string | null, string | null, string, 'allowed' | 'refused'][] = [
    [null, null, 'https://oa.example.com', 'allowed'],
    ["frame-ancestors 'none'", null, 'https://oa.example.com', 'refused'],
    ["frame-ancestors 'self'", null, 'https://sign.example.com', 'allowed'],
    ["frame-ancestors 'self'", null, 'https://oa.example.com', 'refused'],
    ['frame-ancestors https://oa.example.com', null, 'https://oa.example.com', 'allowed'],
    ['frame-ancestors https://oa.example.com', null, 'https://oa.example.com:8443', 'refused'],
    ['frame-ancestors oa.example.com', null, 'https://oa.example.com', 'allowed'],
    ['frame-ancestors http://oa.example.com', null, 'https://oa.example.com', 'allowed'],
    ['frame-ancestors https://oa.example.com', null, 'http://oa.example.com', 'refused'],
    ['frame-ancestors *.example.com', null, 'https://oa.example.com', 'allowed'],
    ['frame-ancestors *.example.com', null, 'https://example.com', 'refused'],
    ['frame-ancestors https://oa.example.com:*', null, 'https://oa.example.com:8443', 'allowed'],
    ['frame-ancestors https:', null, 'https://any.where', 'allowed'],
    ['frame-ancestors *', null, 'http://10.1.2.3:8080', 'allowed'],
    ['frame-ancestors http://127.0.0.1:5173 http://10.0.0.8', null, 'http://127.0.0.1:5173', 'allowed'],
    [
      "default-src 'self'; frame-ancestors https://a.com, frame-ancestors https://b.com",
      null,
      'https://a.com',
      'refused',
    ],
    [null, 'DENY', 'https://oa.example.com', 'refused'],
    [null, 'SAMEORIGIN', 'https://oa.example.com', 'refused'],
    [null, 'SAMEORIGIN', 'https://sign.example.com', 'allowed'],
    ['frame-ancestors https://oa.example.com', 'DENY', 'https://oa.example.com', 'allowed'],
  ];
  for (const [csp, xfo, origin, expected] of cases) {
    it(`${csp ?? '(no CSP)'} ${xfo ? `+ XFO ${xfo} ` : ''}from ${origin} → ${expected}`, () => {
      expect(frameAncestorsPolicies(csp).length).to.equal(csp ? csp.split(',').length : 0);
      expect(evaluateFraming(insp(csp, xfo), origin).verdict).to.equal(expected);
    });
  }

  it('names the origin to add to the embed whitelist (default port dropped)', () => {
    const v = evaluateFraming(insp("frame-ancestors 'none'"), 'https://oa.example.com:443');
    expect(v).to.include({ verdict: 'refused', addOrigin: 'https://oa.example.com' });
  });

  it('unreachable is unknown, not allowed', () => {
    expect(
      evaluateFraming({ ...insp(null), reachable: false, error: 'ECONNREFUSED' }, 'https://oa.example.com'),
    ).to.deep.equal({
      verdict: 'unknown',
      reason: 'unreachable',
      detail: 'ECONNREFUSED',
    });
  });

  it('never throws on random headers and origins (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: null }), fc.string(), (csp, xfo, origin) => {
        evaluateFraming(insp(csp, xfo), origin);
      }),
    );
  });

  it('protocol mismatch', () => {
    expect(protocolMismatch('https://oa.example.com', 'http://sign.example.com')).to.equal('mixed-content');
    expect(protocolMismatch('http://oa.example.com', 'https://sign.example.com')).to.equal('http-page');
    expect(protocolMismatch('https://oa.example.com', 'https://sign.example.com')).to.equal(null);
  });
});

describe('checklist', () => {
  it('private cloud: every seed 001 §一 item, computed from the binding and the OA address', () => {
    const list = buildChecklist({
      binding: privateBinding(),
      oaBaseUrl: 'https://oa.example.com/',
      tenantId: 'T123',
    });
    const byId = Object.fromEntries(list.items.map((i) => [i.id, i]));
    expect(Object.keys(byId)).to.include.members([
      'sso',
      'e10Address',
      'encryptionKey',
      'tenantCode',
      'syncSource',
      'openServer',
      'appKey',
      'appSecret',
      'corpId',
      'globalCallback',
      'categoryCallback',
      'personSync',
    ]);
    expect(byId.e10Address!.value).to.equal('https://oa.example.com');
    expect(byId.openServer!.value).to.equal('https://oa.example.com/openserver');
    expect(byId.encryptionKey!.value).to.equal('60fb3ed9-3e18-4f');
    expect(byId.tenantCode!.value).to.equal('T123');
    expect(byId.appSecret!.value).to.equal(undefined);
    expect(byId.globalCallback!.value).to.equal(
      'https://oa.example.com/papi/signcenter/qiyuesuo/signCallbackPrivate',
    );
  });

  it('upgrade at the same address adds the nginx rule; at a new address, the category callback change', () => {
    const same = buildChecklist({
      binding: privateBinding(),
      oaBaseUrl: 'https://oa.example.com',
      upgrade: 'same-address',
    });
    expect(same.items.find((i) => i.id === 'nginxRewrite')?.value).to.contain('QYSPrivateCallbackServlet');
    const moved = buildChecklist({
      binding: privateBinding(),
      oaBaseUrl: 'https://e10.example.com',
      upgrade: 'new-address',
      e9BaseUrl: 'http://e9.example.com:8080/',
    });
    const change = moved.items.find((i) => i.id === 'categoryCallbackChange')!;
    expect(change.params!.old).to.equal('http://e9.example.com:8080/QYSPrivateCallbackServlet');
    expect(change.value).to.equal('https://e10.example.com/papi/signcenter/qiyuesuo/categoryCallback');
    const missing = buildChecklist({
      binding: privateBinding(),
      oaBaseUrl: 'https://e10.example.com',
      upgrade: 'new-address',
    });
    expect(missing.problems).to.deep.equal([{ field: 'e9BaseUrl', code: 'required' }]);
  });

  it('public cloud: SSO switch, E10 address, tenant id (seed 001 §二)', () => {
    const pub: Binding = {
      serviceType: 'public',
      id: '2',
      version: 1,
      provider: 'qiyuesuo',
      name: '公有云',
      isDefault: false,
      appToken: 't',
      appSecretSet: true,
      signatories: [],
      status: 'ok',
      lastSyncedAt: null,
      updatedAt: '2026-11-20T08:00:00.000Z',
      ssoEnabled: true,
      e10Url: 'https://e10.example.com',
      tenantId: 'tenant-9',
    };
    const list = buildChecklist({ binding: pub, oaBaseUrl: 'https://e10.example.com' });
    expect(list.items.map((i) => i.id)).to.deep.equal(['publicSso', 'e10Address', 'publicTenantId']);
    expect(list.items[2]!.value).to.equal('tenant-9');
  });

  it('checks protocols and sync freshness', () => {
    const targets = [{ zone: 'external', url: 'http://sign.example.com' }];
    expect(checkProtocols('https://oa.example.com', targets).status).to.equal('fail');
    expect(checkProtocols('http://oa.example.com', targets).status).to.equal('pass');
    expect(checkProtocols('http://oa.example.com', []).status).to.equal('cannot-check');
    const now = new Date('2026-11-23T00:00:00Z');
    expect(checkSyncFreshness(null, now, 7).status).to.equal('fail');
    expect(checkSyncFreshness('2026-11-01T00:00:00Z', now, 7)).to.deep.equal({
      status: 'fail',
      reason: 'reason.stale',
      params: { days: 22, limit: 7 },
    });
    expect(checkSyncFreshness('2026-11-20T00:00:00Z', now, 7).status).to.equal('pass');
  });

  it('exports Markdown with values in code spans and secrets never present', () => {
    const list = buildChecklist({
      binding: privateBinding(),
      oaBaseUrl: 'https://oa.example.com',
      upgrade: 'same-address',
    });
    const md = checklistToMarkdown(list, (k) => k, {
      title: 'T',
      checks: [{ id: 'protocol', outcome: { status: 'fail', reason: 'r' }, fix: 'f' }],
    });
    expect(md).to.contain('# T');
    expect(md).to.contain('`https://oa.example.com/openserver`');
    expect(md).to.contain('```\n# 契约锁用印流程回调');
    expect(md).to.contain('- [ ] check.protocol');
    expect(inlineCode('a`b')).to.equal('``a`b``');
  });
});
