import { expect } from '@open-wc/testing';
import {
  compileDomainMatcher,
  coveredByPresets,
  compileSegmentMatcher,
  formatDomainRule,
  formatIp,
  formatSegmentRule,
  parseDomainRules,
  parseIp,
  parseSegmentRule,
  parseSegmentRules,
  resolveSigningTarget,
  validateSigningStrategy,
  type SigningTargetBinding,
} from '../../src/core/network-strategy/index.js';

const codes = (issues: { index: number; code: string }[]) => issues.map((i) => `${i.index}:${i.code}`);

describe('network strategy: addresses', () => {
  it('parses IPv4 and canonicalises IPv6 (RFC 5952)', () => {
    const f = (s: string) => {
      const r = parseIp(s);
      return r.ok ? `${formatIp(r.address)} v${r.address.version}` : r.code;
    };
    expect(f(' 192.168.1.1 ')).to.equal('192.168.1.1 v4');
    expect(f('2001:DB8:0:0:1:0:0:1')).to.equal('2001:db8::1:0:0:1 v6');
    expect(f('[fe80::1]')).to.equal('fe80::1 v6');
    expect(f('::ffff:10.1.2.3')).to.equal('10.1.2.3 v4');
    expect(f('::')).to.equal(':: v6');
  });

  it('refuses leading zeros (not octal), out-of-range octets, zone ids and junk', () => {
    expect(parseIp('010.1.1.1')).to.deep.equal({ ok: false, code: 'ip.leadingZero' });
    expect(parseIp('10.1.1.256')).to.deep.equal({ ok: false, code: 'ip.octetRange' });
    expect(parseIp('fe80::1%eth0')).to.deep.equal({ ok: false, code: 'ip.zoneId' });
    for (const bad of ['1.2.3', '1.2.3.4.5', '1::2::3', ':::', '1:2:3:4:5:6:7:8:9', 'abc', '1.2.3.-4'])
      expect(parseIp(bad).ok, bad).to.equal(false);
  });
});

describe('network strategy: segment rules', () => {
  it('parses addresses, CIDR and ranges of both families', () => {
    const r = parseSegmentRules([
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.10 - 192.168.1.200',
      '::ffff:172.16.0.0/108',
      '2001:db8::1',
    ]);
    expect(r.issues).to.deep.equal([]);
    expect(r.rules.map((x) => x && `${x.kind}/v${x.version}`)).to.deep.equal([
      'cidr/v4',
      'cidr/v6',
      'range/v4',
      'cidr/v4',
      'address/v6',
    ]);
    expect(r.rules[3]!.prefix).to.equal(12);
  });

  it('gives each bad rule its index and a specific code', () => {
    const r = parseSegmentRules([
      '',
      '010.0.0.1',
      '192.168.*.*',
      'oa.example.com',
      '10.0.0.0/33',
      '10.0.0.9-10.0.0.1',
      '10.0.0.1-::1',
      '10.0.0.0/08',
      'x'.repeat(201),
      'hello world',
    ]);
    expect(codes(r.issues)).to.deep.equal([
      '0:rule.empty',
      '1:ip.leadingZero',
      '2:segment.wildcard',
      '3:segment.isDomain',
      '4:cidr.prefix',
      '5:range.reversed',
      '6:range.mixedVersions',
      '7:cidr.prefix',
      '8:rule.tooLong',
      '9:segment.invalid',
    ]);
    expect(r.issues.every((i) => i.severity === 'error')).to.equal(true);
  });

  it('warns about host bits, duplicates, containment, overlaps and a rule covering everything', () => {
    const r = parseSegmentRules([
      '10.0.0.0/8',
      '10.1.0.0/16',
      '10.0.0.0/8',
      '192.168.1.10-192.168.1.200',
      '192.168.1.100-192.168.2.1',
      '172.16.5.1/16',
    ]);
    expect(codes(r.issues)).to.include.members([
      '1:rule.contained',
      '2:rule.duplicate',
      '4:rule.overlap',
      '5:cidr.hostBits',
    ]);
    expect(r.issues).to.have.length(4);
    expect(codes(parseSegmentRules(['::/0', '0.0.0.0-255.255.255.255']).issues)).to.deep.equal([
      '0:segment.everything',
      '1:segment.everything',
    ]);
    expect(r.issues.find((i) => i.code === 'cidr.hostBits')!.params).to.deep.equal({
      network: '172.16.0.0/16',
    });
    expect(r.issues.find((i) => i.index === 2)!.related).to.equal(0);
    expect(r.issues.every((i) => i.severity === 'warning')).to.equal(true);
  });

  it('the compiled matcher picks the first rule in list order that covers the address', () => {
    const rules = parseSegmentRules([
      '10.1.0.0/16',
      '10.0.0.0/8',
      '192.168.0.1-192.168.0.9',
      'fd00::/8',
    ]).rules;
    const m = compileSegmentMatcher(rules);
    expect(m.match('10.1.2.3')).to.equal(0);
    expect(m.match('10.2.2.3')).to.equal(1);
    expect(m.match('192.168.0.9')).to.equal(2);
    expect(m.match('192.168.0.10')).to.equal(-1);
    expect(m.match('fd12::1')).to.equal(3);
    expect(m.match('fe80::1')).to.equal(-1);
    expect(m.match('11.0.0.0')).to.equal(-1);
    expect(m.match('9.255.255.255')).to.equal(-1);
    expect(m.match('not an ip')).to.equal(-1);
  });

  it('finds own rules inside one rule of a preset', () => {
    const rules = parseSegmentRules([
      '10.1.0.0/16',
      '10.255.255.255',
      '11.0.0.0/8',
      'fd00::1',
      '9.0.0.0-10.0.0.5',
    ]).rules;
    const issues = coveredByPresets(rules, [
      { name: 'A', rules: ['10.0.0.0/8', 'bad'] },
      { name: 'B', rules: ['0.0.0.0-10.0.0.0', 'fd00::/8'] },
    ]);
    expect(issues.map((i) => `${i.index}:${i.params!.name}`)).to.deep.equal(['0:A', '1:A', '3:B']);
  });

  it('reads full-width forms typed with a Chinese IME as the ASCII they look like', () => {
    const r = parseSegmentRules([
      '１０．０．０．０／８',
      '１９２.１６８.１.１０－１９２.１６８.１.２０',
      'ｆｄ００：：／８',
    ]);
    expect(r.issues).to.deep.equal([]);
    expect(r.rules.map((x) => x && formatSegmentRule(x))).to.deep.equal([
      '10.0.0.0/8',
      '192.168.1.10-192.168.1.20',
      'fd00::/8',
    ]);
    const d = parseDomainRules(['ＯＡ．ｅｘａｍｐｌｅ．ｃｏｍ：８０８０', '＊．intra.example.com']);
    expect(d.issues).to.deep.equal([]);
    expect(d.rules.map((x) => x && formatDomainRule(x))).to.deep.equal([
      'oa.example.com:8080',
      '*.intra.example.com',
    ]);
  });

  it('a single address rule does not round to a block', () => {
    const r = parseSegmentRule('10.0.0.5');
    expect(r.ok && r.rule.start === r.rule.end).to.equal(true);
  });
});

describe('network strategy: domain rules', () => {
  it('normalises case, trailing dot, IDN and IPv6 literals', () => {
    const r = parseDomainRules([
      'OA.Example.COM.',
      '*.Intra.Example.com',
      '[FD00::1]:8080',
      '例子.中国',
      '192.168.1.5:80',
    ]);
    expect(r.issues).to.deep.equal([]);
    expect(r.rules).to.deep.equal([
      { kind: 'exact', host: 'oa.example.com' },
      { kind: 'wildcard', host: 'intra.example.com' },
      { kind: 'exact', host: 'fd00::1', port: 8080 },
      { kind: 'exact', host: 'xn--fsqu00a.xn--fiqs8s' },
      { kind: 'exact', host: '192.168.1.5', port: 80 },
    ]);
  });

  it('gives each bad rule its index and a specific code', () => {
    const r = parseDomainRules([
      'https://oa.example.com',
      'oa.example.com/path',
      'oa.*.example.com',
      '*',
      '*.10.0.0.1',
      'oa.example.com:0',
      'oa.example.com:65536',
      'a..b',
      `${'a'.repeat(64)}.com`,
      '10.0.0.0/8',
      'user@oa.example.com',
      '010.0.0.1',
      'oa.example.com:8080:9090',
      '*.intra.example.com:80:',
    ]);
    expect(codes(r.issues)).to.deep.equal([
      '0:domain.scheme',
      '1:domain.path',
      '2:domain.wildcardPosition',
      '3:domain.wildcardAll',
      '4:domain.wildcardIp',
      '5:domain.port',
      '6:domain.port',
      '7:domain.label',
      '8:domain.labelLength',
      '9:domain.isSegment',
      '10:domain.userinfo',
      '11:ip.leadingZero',
      '12:domain.port',
      '13:domain.port',
    ]);
  });

  it('warns about duplicates and hosts already covered by a wildcard', () => {
    const r = parseDomainRules([
      '*.intra.example.com',
      'oa.intra.example.com',
      'OA.intra.example.com',
      'intra.example.com',
      'x.intra.example.com:8080',
    ]);
    expect(codes(r.issues)).to.deep.equal([
      '1:domain.coveredByWildcard',
      '2:rule.duplicate',
      '4:domain.coveredByWildcard',
    ]);
  });

  it('matches exact hosts before wildcards, with ports, and not the wildcard apex', () => {
    const m = compileDomainMatcher(
      parseDomainRules([
        '*.intra.example.com',
        'oa.example.com:8443',
        'oa.example.com',
        'a.intra.example.com',
      ]).rules,
    );
    expect(m.match('x.y.intra.example.com')).to.equal(0);
    expect(m.match('intra.example.com')).to.equal(-1);
    expect(m.match('OA.example.com.:8443')).to.equal(1);
    expect(m.match('oa.example.com:80')).to.equal(2);
    expect(m.match('a.intra.example.com')).to.equal(3);
    expect(m.match('other.com')).to.equal(-1);
    expect(m.match('http://bad')).to.equal(-1);
  });
});

describe('resolveSigningTarget', () => {
  const binding = (
    over: Partial<SigningTargetBinding['autoLogin'] & object> = {},
    urls = {},
  ): SigningTargetBinding => ({
    signingUrlExternal: 'https://qys.example.com',
    signingUrlInternal: 'http://10.0.0.5:9180',
    autoLogin: {
      mode: 'segment',
      segmentRules: ['10.0.0.0/8'],
      domainRules: ['*.intra.example.com'],
      ...over,
    },
    ...urls,
  });

  it('off: always external, whatever the rules', () => {
    const r = resolveSigningTarget(binding({ mode: 'off' }), {
      clientIp: '10.1.1.1',
      hostname: 'a.intra.example.com',
    });
    expect(r).to.deep.equal({ ok: true, zone: 'external', url: 'https://qys.example.com', reason: 'off' });
  });

  it('segment: internal inside a segment (also IPv4-mapped), external outside or without an IP', () => {
    const inside = resolveSigningTarget(binding(), { clientIp: '::ffff:10.9.9.9' });
    expect(inside).to.deep.equal({
      ok: true,
      zone: 'internal',
      url: 'http://10.0.0.5:9180',
      reason: 'segment.match',
      matchedRule: { list: 'segment', index: 0, rule: '10.0.0.0/8' },
    });
    expect(resolveSigningTarget(binding(), { clientIp: '11.0.0.1' })).to.include({
      zone: 'external',
      reason: 'segment.noMatch',
    });
    expect(resolveSigningTarget(binding(), { clientIp: null })).to.include({
      zone: 'external',
      reason: 'segment.noClientIp',
    });
    expect(resolveSigningTarget(binding(), { clientIp: 'garbage' })).to.include({
      zone: 'external',
      reason: 'segment.badClientIp',
    });
  });

  it('segment: a link-local client IP with a zone (fe80::1%eth0) is matched by its address', () => {
    const b = binding({ segmentRules: ['fe80::/10'] });
    for (const clientIp of ['fe80::1%eth0', 'FE80::1%25', '[fe80::1%en0]'])
      expect(resolveSigningTarget(b, { clientIp }), clientIp).to.deep.include({
        zone: 'internal',
        reason: 'segment.match',
      });
    expect(resolveSigningTarget(b, { clientIp: 'fd00::1%eth0' })).to.include({ reason: 'segment.noMatch' });
    expect(resolveSigningTarget(b, { clientIp: '%eth0' })).to.include({ reason: 'segment.badClientIp' });
    expect(resolveSigningTarget(b, { clientIp: '10.0.0.1%eth0' })).to.include({
      reason: 'segment.badClientIp',
    });
  });

  it('segment: applies the selected host presets and names the preset that decided', () => {
    const presets = [{ id: 'p1', name: '总部办公网', rules: ['172.16.0.0/12'] }];
    const b = binding({ segmentRules: [], segmentPresetIds: ['p1'] });
    const r = resolveSigningTarget(b, { clientIp: '172.20.1.1' }, { presets });
    expect(r).to.deep.include({ zone: 'internal' });
    expect(r.ok && r.matchedRule).to.deep.equal({
      list: 'segment',
      index: 0,
      rule: '172.16.0.0/12',
      presetId: 'p1',
      presetName: '总部办公网',
    });
    const unknown = resolveSigningTarget(
      binding({ segmentPresetIds: ['gone'] }),
      { clientIp: '10.0.0.1' },
      { presets },
    );
    expect(unknown).to.deep.equal({
      ok: false,
      reason: 'invalid-binding',
      issues: [{ path: 'autoLogin.segmentPresetIds.0', code: 'segmentPreset.unknown' }],
    });
  });

  it('domain: matches the page host, with the port when given', () => {
    const b = binding({ mode: 'domain' });
    expect(resolveSigningTarget(b, { hostname: 'OA.Intra.Example.com:8080' })).to.deep.include({
      zone: 'internal',
      reason: 'domain.match',
      matchedRule: { list: 'domain', index: 0, rule: '*.intra.example.com' },
    });
    expect(resolveSigningTarget(b, { hostname: 'oa.example.com' })).to.include({
      zone: 'external',
      reason: 'domain.noMatch',
    });
    expect(resolveSigningTarget(b, { hostname: '' })).to.include({
      zone: 'external',
      reason: 'domain.noHostname',
    });
  });

  it('domain: a host without a port is on its scheme’s default port (location.host leaves it out)', () => {
    const b = binding({ mode: 'domain', domainRules: ['oa.example.com:443', '*.intra.example.com:80'] });
    expect(resolveSigningTarget(b, { hostname: 'oa.example.com', protocol: 'https:' })).to.deep.include({
      zone: 'internal',
      matchedRule: { list: 'domain', index: 0, rule: 'oa.example.com:443' },
    });
    expect(resolveSigningTarget(b, { hostname: 'oa.example.com', protocol: 'http:' })).to.include({
      zone: 'external',
    });
    expect(resolveSigningTarget(b, { hostname: 'a.intra.example.com', protocol: 'http:' })).to.include({
      zone: 'internal',
    });
    expect(resolveSigningTarget(b, { hostname: 'a.intra.example.com:8080', protocol: 'http:' })).to.include({
      zone: 'external',
    });
    // Unknown scheme: a port-specific rule needs the port.
    expect(resolveSigningTarget(b, { hostname: 'oa.example.com' })).to.include({ zone: 'external' });
    // A rule without a port still matches whatever the scheme.
    const any = binding({ mode: 'domain', domainRules: ['oa.example.com'] });
    expect(resolveSigningTarget(any, { hostname: 'oa.example.com', protocol: 'https:' })).to.include({
      zone: 'internal',
    });
  });

  it('a strategy that is on without an internal URL, without rules or with a bad rule is an invalid binding', () => {
    expect(
      resolveSigningTarget(binding({}, { signingUrlInternal: '' }), { clientIp: '10.0.0.1' }),
    ).to.deep.equal({
      ok: false,
      reason: 'invalid-binding',
      issues: [{ path: 'signingUrlInternal', code: 'signingUrlInternal.requiredForAutoLogin' }],
    });
    expect(validateSigningStrategy(binding({ segmentRules: [] }))).to.deep.equal([
      { path: 'autoLogin.segmentRules', code: 'strategy.noRules' },
    ]);
    expect(validateSigningStrategy(binding({ segmentRules: ['10.0.0.0/8', '300.1.1.1'] }))).to.deep.equal([
      { path: 'autoLogin.segmentRules.1', code: 'ip.octetRange' },
    ]);
    // The list not in force is kept but not checked.
    expect(validateSigningStrategy(binding({ domainRules: ['http://bad'] }))).to.deep.equal([]);
    expect(validateSigningStrategy({ signingUrlExternal: '', autoLogin: null })).to.deep.equal([
      { path: 'signingUrlExternal', code: 'required' },
    ]);
  });

  it('sees a changed rule list (the cache is per list array)', () => {
    const b = binding();
    expect(resolveSigningTarget(b, { clientIp: '192.168.1.1' })).to.include({ zone: 'external' });
    b.autoLogin = { ...b.autoLogin!, segmentRules: [...b.autoLogin!.segmentRules, '192.168.0.0/16'] };
    expect(resolveSigningTarget(b, { clientIp: '192.168.1.1' })).to.include({ zone: 'internal' });
  });

  it('sees a rule list changed in place (no stale cache)', () => {
    const b = binding();
    expect(resolveSigningTarget(b, { clientIp: '192.168.1.1' })).to.include({ zone: 'external' });
    b.autoLogin!.segmentRules.push('192.168.0.0/16');
    expect(resolveSigningTarget(b, { clientIp: '192.168.1.1' })).to.include({ zone: 'internal' });
    b.autoLogin!.segmentRules[1] = '300.1.1.1';
    expect(validateSigningStrategy(b)).to.deep.equal([
      { path: 'autoLogin.segmentRules.1', code: 'ip.octetRange' },
    ]);
    const d = binding({ mode: 'domain' });
    expect(resolveSigningTarget(d, { hostname: 'oa.corp.example' })).to.include({ zone: 'external' });
    d.autoLogin!.domainRules.splice(0, 1, 'oa.corp.example');
    expect(resolveSigningTarget(d, { hostname: 'oa.corp.example' })).to.include({ zone: 'internal' });
  });
});
