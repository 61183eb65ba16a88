// The public functions of src/core documented "never throws" return their result for ANY input:
// non-strings, undefined, objects without a prototype, malformed URLs (a JS caller, or a host answer
// that skipped its schema). fast-check feeds them arbitrary values; a throw fails the property.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  parseDomainRule,
  parseDomainRules,
  parseIp,
  parseSegmentRule,
  parseSegmentRules,
  resolveSigningTarget,
  validateSigningStrategy,
} from '../../src/core/network-strategy/index.js';
import { normaliseHostname } from '../../src/core/network-strategy/domain.js';
import { checkProtocols, checkSyncFreshness } from '../../src/core/integration/checklist.js';
import { normalizeBaseUrl } from '../../src/core/integration/urls.js';
import { evaluateFraming, frameAncestorsPolicies } from '../../src/core/integration/framing.js';
import { expiryTime } from '../../src/core/signing/expiry.js';
import { checkHostUrl, checkImageUrl, safeHostUrl } from '../../src/core/url.js';

// Anything at all, plus strings that look like what the functions expect.
const anything = fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withDate: true });
const urlish = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'http://x:99999/',
    'http://[::1',
    'https://',
    '%',
    'javascript:alert(1)',
    ' java\tscript:x',
    '',
    '10.0.0.0/8',
    '*.oa.example.com:8080',
  ),
  fc.string(),
);
const value = fc.oneof(
  anything,
  urlish,
  fc.constant(Object.create(null) as object),
  fc.constant(Symbol('s')),
);
const autoLogin = fc.record(
  {
    mode: fc.oneof(fc.constantFrom('off', 'segment', 'domain'), value),
    segmentRules: fc.oneof(fc.array(fc.oneof(urlish, value), { maxLength: 4 }), value),
    domainRules: fc.oneof(fc.array(fc.oneof(urlish, value), { maxLength: 4 }), value),
    segmentPresetIds: fc.oneof(fc.array(fc.oneof(fc.string(), value), { maxLength: 3 }), value),
  },
  { requiredKeys: [] },
);
const binding = fc.oneof(
  value,
  fc.record(
    { signingUrlExternal: fc.oneof(urlish, value), signingUrlInternal: fc.oneof(urlish, value), autoLogin },
    { requiredKeys: [] },
  ),
);
const where = fc.oneof(
  value,
  fc.record(
    {
      clientIp: fc.oneof(urlish, value),
      hostname: fc.oneof(urlish, value),
      protocol: fc.oneof(fc.constantFrom('http:', 'https:', 'constructor', '__proto__'), value),
    },
    { requiredKeys: [] },
  ),
);
const presets = fc.oneof(
  value,
  fc.record(
    {
      presets: fc.oneof(
        value,
        fc.array(
          fc.oneof(
            value,
            fc.record({ id: fc.oneof(fc.string(), value), rules: fc.oneof(fc.array(urlish), value) }),
          ),
        ),
      ),
      ignoreInvalidRules: value,
    },
    { requiredKeys: [] },
  ),
);
const targets = fc.oneof(
  value,
  fc.array(fc.oneof(value, fc.record({ zone: fc.oneof(fc.string(), value), url: fc.oneof(urlish, value) }))),
);

const RUNS = { numRuns: 300 };
type Fn = (...args: never[]) => unknown;
const call = (f: Fn, ...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args);

describe('src/core: "never throws" holds for any input', () => {
  it('the issue\'s cases: checkProtocols("http://x:99999/") and resolveSigningTarget(non-string)', () => {
    expect(
      checkProtocols('http://x:99999/', [{ zone: 'external', url: 'https://qys.example.com' }]),
    ).to.deep.equal({ status: 'cannot-check', reason: 'reason.badPageUrl' });
    const r = call(
      resolveSigningTarget,
      { signingUrlExternal: 42, signingUrlInternal: {}, autoLogin: { mode: 'segment', segmentRules: [7] } },
      { clientIp: 10 },
    );
    expect(r).to.have.property('ok', false);
    const domain = call(
      resolveSigningTarget,
      {
        signingUrlExternal: 'https://qys.example.com',
        signingUrlInternal: 'http://10.0.0.5',
        autoLogin: { mode: 'domain', domainRules: ['oa.example.com'] },
      },
      { hostname: ['oa.example.com'], protocol: 'constructor' },
    ) as { ok: boolean; zone?: string; reason?: string };
    expect(domain).to.include({ ok: true, zone: 'external', reason: 'domain.noHostname' });
  });

  it('parsers of rules and addresses return a result object', () => {
    fc.assert(
      fc.property(value, (v) => {
        for (const f of [parseIp, parseDomainRule, parseSegmentRule] as Fn[]) {
          const r = call(f, v) as { ok: unknown };
          expect(r.ok === true || r.ok === false, f.name).to.equal(true);
        }
        const seg = call(parseSegmentRules, v) as { rules: unknown[]; issues: unknown[] };
        const dom = call(parseDomainRules, v) as { rules: unknown[]; issues: unknown[] };
        expect(Array.isArray(seg.rules) && Array.isArray(dom.issues)).to.equal(true);
        const h = call(normaliseHostname, v);
        expect(h === null || typeof h === 'object').to.equal(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(urlish, value), { maxLength: 5 }), (list) => {
        expect(call(parseSegmentRules, list)).to.have.property('rules').with.length(list.length);
        expect(call(parseDomainRules, list)).to.have.property('rules').with.length(list.length);
      }),
      RUNS,
    );
  });

  it('resolveSigningTarget and validateSigningStrategy return their result for any binding, input and options', () => {
    fc.assert(
      fc.property(binding, where, presets, (b, w, o) => {
        const r = call(resolveSigningTarget, b, w, o) as { ok: boolean; zone?: string; issues?: unknown[] };
        if (r.ok) expect(['internal', 'external']).to.include(r.zone);
        else expect(r.issues!.length).to.be.greaterThan(0);
        expect(Array.isArray(call(validateSigningStrategy, b, o))).to.equal(true);
      }),
      RUNS,
    );
  });

  it('checklist checks and URL helpers return their result object', () => {
    fc.assert(
      fc.property(fc.oneof(urlish, value), targets, value, value, (page, ts, a, b) => {
        expect(['pass', 'fail', 'cannot-check']).to.include(
          (call(checkProtocols, page, ts) as { status: string }).status,
        );
        expect(['pass', 'fail', 'cannot-check']).to.include(
          (call(checkSyncFreshness, a, b, page) as { status: string }).status,
        );
        expect(typeof (call(normalizeBaseUrl, page) as { ok: boolean }).ok).to.equal('boolean');
        expect(typeof call(expiryTime, a)).to.equal('number');
        expect(Array.isArray(call(frameAncestorsPolicies, a))).to.equal(true);
        expect(['allowed', 'refused', 'unknown']).to.include(
          (call(evaluateFraming, a, page) as { verdict: string }).verdict,
        );
        expect(
          (
            call(
              evaluateFraming,
              { reachable: true, url: page, contentSecurityPolicy: a, xFrameOptions: b },
              page,
            ) as {
              verdict: string;
            }
          ).verdict,
        ).to.be.a('string');
        const u = checkHostUrl(page);
        expect(typeof u.ok).to.equal('boolean');
        expect(typeof checkImageUrl(a).ok).to.equal('boolean');
        const safe = safeHostUrl(a);
        expect(safe === undefined || typeof safe === 'string').to.equal(true);
      }),
      RUNS,
    );
  });
});
