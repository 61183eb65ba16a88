import {
  compileStrategy,
  parseSegmentRules,
  parseDomainRules,
  resolveSigningTarget,
} from '../src/core/network-strategy/index.js';
import type { AutoLogin } from '../src/api/schemas.js';
import { median, record } from './record.js';

// Deterministic rule sets: a mix of CIDR blocks, ranges and single addresses (IPv4 and IPv6), and of
// exact and wildcard domains.
function segmentRules(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = 10 + (i % 200);
    const b = (i * 7) % 256;
    const c = (i * 13) % 256;
    if (i % 10 === 9) out.push(`fd${(i % 256).toString(16).padStart(2, '0')}:${i.toString(16)}::/48`);
    else if (i % 3 === 0) out.push(`${a}.${b}.${c}.0/24`);
    else if (i % 3 === 1) out.push(`${a}.${b}.${c}.10-${a}.${b}.${c}.200`);
    else out.push(`${a}.${b}.${c}.${i % 256}`);
  }
  return out;
}
function domainRules(n: number): string[] {
  return Array.from({ length: n }, (_, i) => (i % 2 ? `*.dept${i}.intra.example.com` : `oa${i}.example.com`));
}
function probes(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `${10 + (i % 230)}.${(i * 31) % 256}.${(i * 17) % 256}.${i % 256}`,
  );
}

describe('network strategy benchmarks', () => {
  for (const n of [500, 5_000]) {
    it(`${n} rules: parse + analyse + compile, then match`, async () => {
      const seg = segmentRules(n);
      const dom = domainRules(n);
      const parse = await median(7, () => parseSegmentRules(seg));
      const parseDom = await median(7, () => parseDomainRules(dom));
      // A fresh array each run defeats the per-array cache, so this is the full cost.
      const compile = await median(7, () =>
        compileStrategy({ mode: 'segment', segmentRules: [...seg], domainRules: [...dom] }),
      );
      const autoLogin: AutoLogin = { mode: 'segment', segmentRules: seg, domainRules: dom };
      const binding = {
        signingUrlExternal: 'https://qys.example.com',
        signingUrlInternal: 'http://10.0.0.5',
        autoLogin,
      };
      const ips = probes(10_000);
      resolveSigningTarget(binding, { clientIp: ips[0] });
      const matchIp = await median(7, () => {
        for (const ip of ips) resolveSigningTarget(binding, { clientIp: ip });
      });
      const c = compileStrategy(autoLogin);
      const hosts = Array.from({ length: 10_000 }, (_, i) => `h${i}.dept${i % n}.intra.example.com`);
      const matchDomain = await median(7, () => {
        for (const h of hosts) c.domain.match(h);
      });
      await record(
        { area: 'network-strategy', name: `parse + analyse ${n} segment rules`, value: parse, unit: 'ms' },
        { area: 'network-strategy', name: `parse + analyse ${n} domain rules`, value: parseDom, unit: 'ms' },
        {
          area: 'network-strategy',
          name: `compile both lists (${n} rules each)`,
          value: compile,
          unit: 'ms',
        },
        {
          area: 'network-strategy',
          name: `resolveSigningTarget by IP, ${n} rules`,
          value: (matchIp / ips.length) * 1000,
          unit: 'µs/address',
          note: 'compiled matcher cached per rule list; includes parsing the IP',
        },
        {
          area: 'network-strategy',
          name: `domain match, ${n} rules`,
          value: (matchDomain / hosts.length) * 1000,
          unit: 'µs/host',
        },
      );
    });
  }
});
