import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  compileDomainMatcher,
  compileSegmentMatcher,
  formatDomainRule,
  formatIp,
  formatSegmentRule,
  parseDomainRule,
  parseDomainRules,
  parseIp,
  parseSegmentRule,
  parseSegmentRules,
  resolveSigningTarget,
  type DomainRule,
  type SegmentRule,
} from '../../src/core/network-strategy/index.js';

const MAX4 = (1n << 32n) - 1n;
const MAX6 = (1n << 128n) - 1n;
const v4 = fc.bigInt({ min: 0n, max: MAX4 });
const v6 = fc.bigInt({ min: 0n, max: MAX6 }).filter((v) => v >> 32n !== 0xffffn); // mapped ones become IPv4

const cidr = fc.oneof(
  fc.tuple(fc.constant(4 as const), v4, fc.integer({ min: 0, max: 32 })),
  fc.tuple(fc.constant(6 as const), v6, fc.integer({ min: 0, max: 128 })),
);
function block(version: 4 | 6, value: bigint, prefix: number) {
  const width = BigInt((version === 4 ? 32 : 128) - prefix);
  const start = (value >> width) << width;
  return { start, end: start | ((1n << width) - 1n) };
}

const segmentRule: fc.Arbitrary<SegmentRule> = fc.oneof(
  fc
    .oneof(fc.tuple(fc.constant(4 as const), v4), fc.tuple(fc.constant(6 as const), v6))
    .map(([version, value]) => ({
      kind: 'address' as const,
      version,
      start: value,
      end: value,
    })),
  cidr
    .filter(
      ([version, value, prefix]) =>
        version === 4 || prefix < 96 || block(6, value, prefix).start >> 32n !== 0xffffn,
    )
    .map(([version, value, prefix]) => ({
      kind: 'cidr' as const,
      version,
      ...block(version, value, prefix),
      prefix,
    })),
  fc
    .oneof(fc.tuple(fc.constant(4 as const), v4, v4), fc.tuple(fc.constant(6 as const), v6, v6))
    .map(([version, a, b]) => ({
      kind: 'range' as const,
      version,
      start: a < b ? a : b,
      end: a < b ? b : a,
    })),
);

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
const domainRule: fc.Arbitrary<DomainRule> = fc
  .record({
    wildcard: fc.boolean(),
    labels: fc.array(label, { minLength: 1, maxLength: 5 }),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  })
  .filter(({ labels }) => !/^[0-9.]+$/.test(labels.join('.')))
  .map(({ wildcard, labels, port }) => {
    const r: DomainRule = { kind: wildcard ? 'wildcard' : 'exact', host: labels.join('.') };
    if (port !== undefined) r.port = port;
    return r;
  });

describe('network strategy: properties (fast-check)', () => {
  it('formatIp / parseIp round-trip for every address', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          v4.map((value) => ({ version: 4 as const, value })),
          v6.map((value) => ({ version: 6 as const, value })),
        ),
        (a) => {
          expect(parseIp(formatIp(a))).to.deep.equal({ ok: true, address: a });
        },
      ),
    );
  });

  it('parseSegmentRule(formatSegmentRule(x)) gives x back', () => {
    fc.assert(
      fc.property(segmentRule, (rule) => {
        const r = parseSegmentRule(formatSegmentRule(rule));
        expect(r.ok && r.rule).to.deep.equal(rule);
      }),
      { numRuns: 500 },
    );
  });

  it('parseDomainRule(formatDomainRule(x)) gives x back', () => {
    fc.assert(
      fc.property(domainRule, (rule) => {
        const r = parseDomainRule(formatDomainRule(rule));
        expect(r.ok && r.rule).to.deep.equal(rule);
      }),
      { numRuns: 500 },
    );
  });

  it('an address inside a CIDR matches it, one outside does not', () => {
    fc.assert(
      fc.property(cidr, fc.bigInt({ min: 0n, max: MAX6 }), ([version, value, prefix], probe) => {
        const { start, end } = block(version, value, prefix);
        const text = `${formatIp({ version, value: start })}/${prefix}`;
        const m = compileSegmentMatcher(parseSegmentRules([text]).rules);
        const max = version === 4 ? MAX4 : MAX6;
        const p = probe & max;
        if (version === 6 && p >> 32n === 0xffffn) return; // would be read as IPv4
        const inside = p >= start && p <= end;
        expect(m.match({ version, value: p })).to.equal(inside ? 0 : -1);
        expect(m.match({ version, value: start + ((p - start) & (end - start)) })).to.equal(0);
        if (start > 0n) expect(m.match({ version, value: start - 1n })).to.equal(-1);
        if (end < max) expect(m.match({ version, value: end + 1n })).to.equal(-1);
      }),
      { numRuns: 500 },
    );
  });

  it('the compiled matcher agrees with a linear scan (first covering rule wins)', () => {
    fc.assert(
      fc.property(
        fc.array(
          segmentRule.filter((r) => r.version === 4),
          { maxLength: 40 },
        ),
        fc.array(v4, { minLength: 1, maxLength: 20 }),
        (rules, probes) => {
          const m = compileSegmentMatcher(rules);
          for (const p of probes) {
            const expected = rules.findIndex((r) => p >= r.start && p <= r.end);
            expect(m.match({ version: 4, value: p })).to.equal(expected);
            for (const r of rules.slice(0, 3))
              expect(m.match({ version: 4, value: r.end })).to.equal(
                rules.findIndex((x) => r.end >= x.start && r.end <= x.end),
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an exact or wildcard host matches its own rule', () => {
    fc.assert(
      fc.property(domainRule, label, (rule, sub) => {
        const m = compileDomainMatcher([rule]);
        const host = rule.kind === 'wildcard' ? `${sub}.${rule.host}` : rule.host;
        expect(m.match(rule.port !== undefined ? `${host}:${rule.port}` : host)).to.equal(0);
        if (rule.kind === 'wildcard') expect(m.match(rule.host)).to.equal(-1);
      }),
    );
  });

  it('random strings never throw from any parser or the resolver', () => {
    const junk = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^[0-9a-f:.\-/*[\]% ]{0,40}$/),
    );
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 8 }), junk, (rules, probe) => {
        parseIp(probe);
        parseSegmentRules(rules);
        parseDomainRules(rules);
        for (const mode of ['off', 'segment', 'domain'] as const)
          resolveSigningTarget(
            {
              signingUrlExternal: 'https://e',
              signingUrlInternal: 'https://i',
              autoLogin: { mode, segmentRules: rules, domainRules: rules },
            },
            { clientIp: probe, hostname: probe },
          );
      }),
      { numRuns: 1000 },
    );
  });
});
