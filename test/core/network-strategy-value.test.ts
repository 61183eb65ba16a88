import { expect } from '@open-wc/testing';
import {
  addRules,
  asAutoLogin,
  editRule,
  emptyAutoLogin,
  parseSegmentsWithPresets,
  previewSigningTarget,
  removeRule,
  ruleListKey,
  sameAutoLogin,
  splitRuleText,
  togglePreset,
} from '../../src/core/network-strategy/value.js';
import type { AutoLogin } from '../../src/api/schemas.js';

const seg = (rules: string[], extra: Partial<AutoLogin> = {}): AutoLogin => ({
  mode: 'segment',
  segmentRules: rules,
  domainRules: ['oa.example.com'],
  ...extra,
});

describe('core/network-strategy/value', () => {
  it('splitRuleText: lines, commas (also full-width), semicolons and 、; blanks dropped, trimmed', () => {
    expect(splitRuleText(' 10.0.0.0/8 \r\n192.168.1.1，172.16.0.0/12;a；b、c,,\n\n')).to.deep.equal([
      '10.0.0.0/8',
      '192.168.1.1',
      '172.16.0.0/12',
      'a',
      'b',
      'c',
    ]);
    expect(splitRuleText('  \n , ')).to.deep.equal([]);
  });

  it('asAutoLogin: copies a valid value, refuses anything else', () => {
    const v = seg(['10.0.0.0/8'], { segmentPresetIds: ['p1'] });
    const c = asAutoLogin(v)!;
    expect(c).to.deep.equal(v);
    expect(c.segmentRules).to.not.equal(v.segmentRules);
    for (const bad of [
      null,
      1,
      'x',
      {},
      { ...v, mode: 'on' },
      { ...v, segmentRules: [1] },
      { ...v, segmentPresetIds: 'p' },
    ])
      expect(asAutoLogin(bad), JSON.stringify(bad)).to.equal(null);
    expect(emptyAutoLogin()).to.deep.equal({ mode: 'off', segmentRules: [], domainRules: [] });
  });

  it('sameAutoLogin compares mode, both lists in order and the preset IDs', () => {
    expect(sameAutoLogin(seg(['a']), seg(['a']))).to.equal(true);
    expect(sameAutoLogin(seg(['a', 'b']), seg(['b', 'a']))).to.equal(false);
    expect(sameAutoLogin(seg(['a']), { ...seg(['a']), mode: 'domain' })).to.equal(false);
    expect(sameAutoLogin(seg(['a'], { segmentPresetIds: ['p'] }), seg(['a']))).to.equal(false);
  });

  it('edits the list of the mode in force (segment when off)', () => {
    expect(ruleListKey({ ...seg([]), mode: 'off' })).to.equal('segmentRules');
    expect(ruleListKey({ ...seg([]), mode: 'domain' })).to.equal('domainRules');
    const added = addRules(seg(['10.0.0.0/8']), '1.1.1.1, 2.2.2.2')!;
    expect(added.value.segmentRules).to.deep.equal(['10.0.0.0/8', '1.1.1.1', '2.2.2.2']);
    expect([added.added, added.start]).to.deep.equal([2, 1]);
    expect(added.value.domainRules).to.deep.equal(['oa.example.com']);
    expect(addRules(seg([]), ' ,\n')).to.equal(null);
    const d = addRules({ ...seg([]), mode: 'domain' }, 'x.example.com')!;
    expect(d.value.domainRules).to.deep.equal(['oa.example.com', 'x.example.com']);
  });

  it('editRule: a paste of several rules becomes several rows; a cleared row stays; no change → null', () => {
    const v = seg(['a', 'b', 'c']);
    expect(editRule(v, 1, 'x;y')!.segmentRules).to.deep.equal(['a', 'x', 'y', 'c']);
    expect(editRule(v, 1, '  ')!.segmentRules).to.deep.equal(['a', '', 'c']);
    expect(editRule(v, 1, ' b ')).to.equal(null);
    expect(editRule(v, 9, 'z')).to.equal(null);
  });

  it('removeRule and togglePreset', () => {
    const r = removeRule(seg(['a', 'b']), 0)!;
    expect(r.removed).to.equal('a');
    expect(r.value.segmentRules).to.deep.equal(['b']);
    expect(removeRule(seg(['a']), 3)).to.equal(null);
    const on = togglePreset(seg([], { segmentPresetIds: ['p1'] }), 'p2', true);
    expect(on.segmentPresetIds).to.deep.equal(['p1', 'p2']);
    expect(togglePreset(on, 'p1', false).segmentPresetIds).to.deep.equal(['p2']);
    expect(togglePreset(on, 'p2', true).segmentPresetIds).to.deep.equal(['p1', 'p2']);
  });

  it('parseSegmentsWithPresets warns on rules a chosen preset covers, only for chosen presets', () => {
    const presets = [
      { id: 'p1', name: '总部内网', rules: ['10.0.0.0/8'] },
      { id: 'p2', name: '分部', rules: ['192.168.0.0/16'] },
    ];
    const rules = ['10.1.0.0/16', '172.16.0.0/12', '192.168.1.0/24'];
    const none = parseSegmentsWithPresets(rules, presets, []);
    const chosen = parseSegmentsWithPresets(rules, presets, ['p1']);
    expect(chosen.issues.length).to.equal(none.issues.length + 1);
    const extra = chosen.issues.filter(
      (i) => !none.issues.some((n) => n.code === i.code && n.index === i.index),
    );
    expect(extra.map((i) => i.index)).to.deep.equal([0]);
    expect(chosen.issues.map((i) => i.index)).to.deep.equal([...chosen.issues.map((i) => i.index)].sort());
    expect(parseSegmentsWithPresets(rules, undefined, ['p1']).issues).to.deep.equal(none.issues);
  });

  it('previewSigningTarget: the zone and URL an address gets; invalid rules left out; unknown URLs flagged', () => {
    const v = seg(['10.0.0.0/8', 'not a rule']);
    const urls = { external: 'https://qys.example.com', internal: 'http://10.0.0.21:9180' };
    const inside = previewSigningTarget(v, urls, { clientIp: '10.1.2.3' }, undefined);
    expect(inside.urlUnknown).to.equal(false);
    expect(inside.result).to.deep.include({ ok: true, zone: 'internal', url: 'http://10.0.0.21:9180' });
    const outside = previewSigningTarget(v, urls, { clientIp: '8.8.8.8' }, undefined);
    expect(outside.result).to.deep.include({ zone: 'external', url: 'https://qys.example.com' });
    // no addresses given: the zone is still decided, the URL is unknown
    const unknown = previewSigningTarget(v, undefined, { clientIp: '10.1.2.3' }, undefined);
    expect(unknown.urlUnknown).to.equal(true);
    expect(unknown.result).to.deep.include({ zone: 'internal' });
    // a chosen preset decides too
    const p = previewSigningTarget(seg([], { segmentPresetIds: ['p1'] }), urls, { clientIp: '172.16.5.5' }, [
      { id: 'p1', name: '分部', rules: ['172.16.0.0/12'] },
    ]);
    expect(p.result).to.deep.include({ zone: 'internal' });
  });
});
