import {
  compileStrategy,
  parseSegmentRules,
  parseDomainRules,
  resolveSigningTarget,
} from '../src/core/network-strategy/index.js';
import type { AutoLogin } from '../src/api/schemas.js';
import { median, record } from './record.js';

// Deterministic rule sets: a mix of CIDR blocks, ranges and single addresses (IPv4 and IPv6), and of
// exact and wildcard domains. `salt` makes every string different, so a run cannot hit the
// per-rule parse cache.
function segmentRules(n: number, salt = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = 10 + ((i + salt * 7) % 200);
    const b = (i * 7 + salt) % 256;
    const c = (i * 13) % 256;
    if (i % 10 === 9)
      out.push(`fd${(i % 256).toString(16).padStart(2, '0')}:${(i + salt * n).toString(16)}::/48`);
    else if (i % 3 === 0) out.push(`${a}.${b}.${c}.0/24`);
    else if (i % 3 === 1) out.push(`${a}.${b}.${c}.10-${a}.${b}.${c}.${200 - (salt % 50)}`);
    else out.push(`${a}.${b}.${c}.${(i + salt) % 256}`);
  }
  return out;
}
function domainRules(n: number, salt = 0): string[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 ? `*.dept${i}.s${salt}.intra.example.com` : `oa${i}.s${salt}.example.com`,
  );
}
function probes(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `${10 + (i % 230)}.${(i * 31) % 256}.${(i * 17) % 256}.${i % 256}`,
  );
}

describe('network strategy benchmarks', () => {
  let salt = 1;
  for (const n of [500, 5_000]) {
    it(`${n} rules: parse + analyse + compile, then match`, async () => {
      const cold = await median(5, () => parseSegmentRules(segmentRules(n, salt++)));
      const coldDom = await median(5, () => parseDomainRules(domainRules(n, salt++)));
      const seg = segmentRules(n);
      const dom = domainRules(n);
      parseSegmentRules(seg);
      parseDomainRules(dom);
      // What the editor pays per edit: one rule changed, the rest come from the per-rule cache.
      let k = 0;
      const edit = await median(7, () => {
        const next = [...seg];
        next[k % n] = `172.16.${k++ % 256}.0/24`;
        parseSegmentRules(next);
      });
      const compile = await median(5, () =>
        compileStrategy({
          mode: 'segment',
          segmentRules: segmentRules(n, salt++),
          domainRules: domainRules(n, salt++),
        }),
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
      const hosts = Array.from({ length: 10_000 }, (_, i) => `h${i}.dept${i % n}.s0.intra.example.com`);
      const matchDomain = await median(7, () => {
        for (const h of hosts) c.domain.match(h);
      });
      const A = 'network-strategy';
      await record(
        { area: A, name: `parse + analyse ${n} new segment rules`, value: cold, unit: 'ms' },
        { area: A, name: `parse + analyse ${n} new domain rules`, value: coldDom, unit: 'ms' },
        {
          area: A,
          name: `re-parse + analyse ${n} segment rules after one edit`,
          value: edit,
          unit: 'ms',
          target: '< 16 ms',
        },
        { area: A, name: `parse + compile both lists (${n} new rules each)`, value: compile, unit: 'ms' },
        {
          area: A,
          name: `resolveSigningTarget by IP, ${n} rules`,
          value: (matchIp / ips.length) * 1000,
          unit: 'µs/address',
          note: 'compiled matcher cached per rule list; includes parsing the IP',
        },
        {
          area: A,
          name: `domain match, ${n} rules`,
          value: (matchDomain / hosts.length) * 1000,
          unit: 'µs/host',
        },
      );
    });
  }
});

describe('qys-network-strategy-editor benchmarks', () => {
  for (const n of [100, 500]) {
    it(`editor interactions with ${n} rules`, async () => {
      await import('../src/components/network-strategy-editor/define.js');
      const el = document.createElement('qys-network-strategy-editor');
      el.signingUrls = { external: 'https://qys.example.com', internal: 'http://10.0.0.5' };
      el.value = { mode: 'segment', segmentRules: segmentRules(n, 999), domainRules: domainRules(n, 999) };
      const t0 = performance.now();
      document.body.append(el);
      await el.updateComplete;
      const firstRender = performance.now() - t0;
      const root = el.shadowRoot!;
      let k = 0;
      const add = await median(7, async () => {
        const ta = root.querySelector('textarea')!;
        ta.value = `172.31.${k++ % 256}.0/24`;
        ta.dispatchEvent(new Event('input'));
        ta.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        await el.updateComplete;
      });
      const edit = await median(7, async () => {
        const input = root.querySelector<HTMLInputElement>('input[data-index="3"]')!;
        input.value = `172.30.${k++ % 256}.0/24`;
        input.dispatchEvent(new Event('change'));
        await el.updateComplete;
      });
      const mode = await median(7, async () => {
        const next = el.value.mode === 'segment' ? 'domain' : 'segment';
        const radio = root.querySelector<HTMLInputElement>(`input[value="${next}"]`)!;
        radio.click();
        await el.updateComplete;
      });
      const A = 'network-strategy-editor';
      await record(
        { area: A, name: `first render, ${n} rules`, value: firstRender, unit: 'ms' },
        { area: A, name: `add a rule (Enter), ${n} rules`, value: add, unit: 'ms', target: '< 16 ms' },
        { area: A, name: `edit a rule inline, ${n} rules`, value: edit, unit: 'ms', target: '< 16 ms' },
        { area: A, name: `switch mode, ${n} rules each`, value: mode, unit: 'ms', target: '< 16 ms' },
      );
      el.remove();
    });
  }
});
