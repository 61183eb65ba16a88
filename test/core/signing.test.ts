import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { BridgeMessageSchema, SigningSessionRequestSchema } from '../../src/api/schemas.js';
import {
  BridgeGate,
  createNonce,
  diagnose,
  expiryTime,
  isBridgeMessage,
  isMixedContent,
  markerCause,
  probeReachable,
  scheduleExpiry,
} from '../../src/core/signing/index.js';

const TYPES = ['signed', 'declined', 'cancelled', 'expired', 'error', 'login-required'];

describe('signing: createNonce', () => {
  it('is url-safe, long enough for the session request, and never repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const n = createNonce();
      expect(n).to.match(/^[A-Za-z0-9_-]{24}$/);
      expect(seen.has(n)).to.equal(false);
      seen.add(n);
    }
    const request = { page: 'sign', lang: 'en', zone: 'external', nonce: createNonce(), display: 'frame' };
    expect(z.safeParse(SigningSessionRequestSchema, request).success).to.equal(true);
  });
});

describe('signing: isBridgeMessage agrees with BridgeMessageSchema', () => {
  const field = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null), fc.boolean());
  const near = fc.record(
    {
      source: fc.oneof(fc.constant('qys-bridge'), fc.constant('qys-platform'), field),
      type: fc.oneof(fc.constantFrom(...TYPES), fc.constantFrom('SIGNED', 'sign', ''), field),
      nonce: fc.oneof(fc.string(), field),
      contractId: field,
      code: field,
      message: field,
      extra: field,
    },
    { requiredKeys: [] },
  );
  it('on many near-miss samples (property)', () => {
    fc.assert(
      fc.property(fc.oneof(near, fc.anything()), (data) => {
        expect(isBridgeMessage(data), JSON.stringify(data)).to.equal(
          z.safeParse(BridgeMessageSchema, data).success,
        );
      }),
      { numRuns: 3000 },
    );
  });
  it('on the cases that matter', () => {
    const ok = { source: 'qys-bridge', type: 'signed', nonce: 'n' };
    for (const d of [ok, { ...ok, contractId: '1' }, { ...ok, type: 'login-required' }, { ...ok, other: 1 }])
      expect(isBridgeMessage(d)).to.equal(true);
    for (const d of [
      null,
      'x',
      [ok],
      { ...ok, source: 'qys-platform' },
      { ...ok, type: 'done' },
      { ...ok, nonce: 1 },
      { ...ok, contractId: 5 },
    ])
      expect(isBridgeMessage(d)).to.equal(false);
  });
});

describe('signing: BridgeGate', () => {
  const frame = {} as MessageEventSource;
  const other = {} as MessageEventSource;
  const good = { source: 'qys-bridge', type: 'signed', nonce: 'n-1', contractId: 'c' };
  const ev = (
    data: unknown,
    origin = 'https://oa.example.com',
    source: MessageEventSource | null = frame,
  ) => ({
    data,
    origin,
    source,
  });

  it('accepts only the expected origin, window, shape and nonce, once; counts the rest', () => {
    const g = new BridgeGate();
    expect(g.check(ev(good))).to.equal('origin'); // nothing expected yet
    g.expect({ origin: 'https://oa.example.com', source: frame, nonce: 'n-1' });
    expect(g.check(ev(good, 'https://evil.example.com'))).to.equal('origin');
    expect(g.check(ev(good, 'https://oa.example.com', other))).to.equal('source');
    expect(g.check(ev(good, 'https://oa.example.com', null))).to.equal('source');
    expect(g.check(ev({ ...good, type: 'done' }))).to.equal('shape');
    expect(g.check(ev({ ...good, nonce: 'n-2' }))).to.equal('nonce');
    expect(g.check(ev(good))).to.deep.equal(good);
    expect(g.check(ev(good))).to.equal('replay');
    expect(g.stats).to.deep.equal({ accepted: 1, origin: 2, source: 2, shape: 1, nonce: 1, replay: 1 });
  });

  it('a used nonce stays refused after a new session', () => {
    const g = new BridgeGate();
    g.expect({ origin: 'o', source: frame, nonce: 'a' });
    expect(g.check(ev({ ...good, nonce: 'a' }, 'o'))).to.not.be.a('string');
    g.expect({ origin: 'o', source: frame, nonce: 'b' });
    expect(g.check(ev({ ...good, nonce: 'a' }, 'o'))).to.equal('replay');
    expect(g.check(ev({ ...good, nonce: 'b' }, 'o'))).to.not.be.a('string');
  });
});

describe('signing: markerCause', () => {
  it('reads the platform login marker as a hint', () => {
    expect(markerCause({ source: 'qys-platform', page: 'login', reason: 'signature' })).to.equal(
      'login-required',
    );
    expect(markerCause({ source: 'qys-platform', page: 'login', reason: 'expired' })).to.equal('expired');
    expect(markerCause({ source: 'qys-platform', page: 'sign' })).to.equal(undefined);
    // signed on, but the session cookie did not stick in the frame: not an SSO failure
    expect(markerCause({ source: 'qys-platform', page: 'login', reason: 'cookie-blocked' })).to.equal(
      'third-party-storage',
    );
    expect(markerCause({ source: 'qys-bridge', page: 'login' })).to.equal(undefined);
    expect(markerCause(null)).to.equal(undefined);
  });
});

describe('signing: diagnose (blank-frame decision table)', () => {
  const base = { pageUrl: 'https://oa.example.com/x', targetUrl: 'https://qys.example.com/s' };
  const rows: [Partial<Parameters<typeof diagnose>[0]>, string | null][] = [
    [{}, null],
    [{ probe: 'pending' }, null],
    [{ probe: 'ok', framing: 'allowed' }, null],
    [{ targetUrl: 'http://qys.example.com/s' }, 'mixed-content'],
    [{ targetUrl: 'http://127.0.0.1:9181/s' }, null],
    [{ pageUrl: 'http://oa.example.com/', targetUrl: 'http://qys.example.com/' }, null],
    [{ cspViolation: true }, 'csp'],
    [{ expiresAt: 1000, now: 1000 }, 'expired'],
    [{ expiresAt: 2000, now: 1000 }, null],
    [{ expiredReports: 1 }, null],
    [{ expiredReports: 2 }, 'expired'],
    [{ loginReports: 1 }, null],
    [{ loginReports: 2 }, 'login-required'],
    [{ storageBlocked: true }, 'third-party-storage'],
    [{ storageBlocked: true, loginReports: 2 }, 'third-party-storage'],
    [{ storageBlocked: true, cspViolation: true }, 'csp'],
    [{ framing: 'refused' }, 'frame-refused'],
    [{ framing: 'unknown' }, null],
    [{ probe: 'failed' }, 'unreachable'],
    // precedence: what is decidable earliest and most specific wins
    [{ targetUrl: 'http://qys.example.com/s', cspViolation: true, probe: 'failed' }, 'mixed-content'],
    [{ cspViolation: true, probe: 'failed' }, 'csp'],
    [{ framing: 'refused', probe: 'failed' }, 'frame-refused'],
  ];
  for (const [s, cause] of rows)
    it(`${JSON.stringify(s)} → ${cause}`, () => expect(diagnose({ ...base, ...s })).to.equal(cause));

  it('isMixedContent: https page and http platform only (loopback exempt, bad URLs never)', () => {
    expect(isMixedContent('https://a.com', 'http://b.com')).to.equal(true);
    expect(isMixedContent('https://a.com', 'http://localhost:9181')).to.equal(false);
    expect(isMixedContent('https://a.com', 'http://[::1]:9181')).to.equal(false);
    expect(isMixedContent('http://a.com', 'https://b.com')).to.equal(false);
    expect(isMixedContent('', 'http://b.com')).to.equal(false);
  });
});

describe('signing: probeReachable', () => {
  it('ok for any HTTP answer, failed for a closed port', async () => {
    expect(await probeReachable(location.origin + '/no-such-page')).to.equal('ok');
    expect(await probeReachable('http://127.0.0.1:9/')).to.equal('failed');
  });
  it('a platform that never answers is failed by the timeout, also when garbage is collected meanwhile', async () => {
    // WebKit collected the AbortSignal.timeout() held only by AbortSignal.any(): such probes never ended.
    // the control endpoints on the open API's origin; the signing app's origin is what hangs
    const { simulator, simulatorSigning } = (await (await fetch('/__qys/env')).json()) as {
      simulator: string;
      simulatorSigning: string;
    };
    const scope = `probe-hang-${Date.now().toString(36)}`;
    const r = await fetch(`${simulator}/s/${scope}/__sim/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unreachable: 'hang' }),
    });
    expect(r.ok).to.equal(true);
    const caller = new AbortController(); // as the element passes its run's signal
    const probes = Array.from({ length: 20 }, (_, i) =>
      probeReachable(`${simulatorSigning}/s/${scope}/p${i}`, 500, caller.signal),
    );
    let sink = 0;
    const churn = setInterval(() => {
      for (let j = 0; j < 50; j++) sink += new Array(100_000).fill(j).length;
    }, 10);
    try {
      const results = await Promise.race([
        Promise.all(probes),
        new Promise((res) => setTimeout(() => res('still waiting after 4 s'), 4000)),
      ]);
      expect(results).to.deep.equal(Array(20).fill('failed'));
    } finally {
      clearInterval(churn);
      await fetch(`${simulator}/s/${scope}/__sim/state`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ unreachable: false }),
      });
    }
    expect(sink).to.be.greaterThan(0);
  });
  it('rejects with the abort reason when the caller aborts', async () => {
    const c = new AbortController();
    const p = probeReachable('http://127.0.0.1:9/', 2500, c.signal);
    c.abort();
    let threw = false;
    await p.catch(() => (threw = true));
    expect(threw).to.equal(true);
  });
});

describe('signing: expiry', () => {
  it('fires at expiresAt (minus skew), once; cancel stops it', async () => {
    let fired = 0;
    scheduleExpiry(Date.now() + 30, () => fired++);
    const cancel = scheduleExpiry(Date.now() + 30, () => fired++ * 100);
    cancel();
    await new Promise((r) => setTimeout(r, 80));
    expect(fired).to.equal(1);
  });
  it('fires at once for a past time; a bad date counts as expired', () => {
    let fired = false;
    scheduleExpiry(Date.now() - 1, () => (fired = true));
    expect(fired).to.equal(true);
    expect(expiryTime('nonsense')).to.equal(0);
    expect(expiryTime('2030-01-01T00:00:00Z')).to.equal(Date.UTC(2030, 0, 1));
  });
});
