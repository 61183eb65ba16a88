import { expect } from '@open-wc/testing';
import { pinyin } from 'pinyin-pro';
import {
  GIVEN,
  ORG_SIZES,
  SURNAMES,
  generateOrg,
  generateResources,
  sealSvg,
} from '../../src/api/memory-host/data.js';

// pinyin-pro (a dev dependency, never shipped) checks the generator's built-in pinyin table.
const py = (s: string, surname = false) =>
  pinyin(s, { toneType: 'none', v: true, type: 'array', ...(surname ? { surname: 'head' as const } : {}) });

describe('memory host data generator', () => {
  it('the character table carries the right pinyin for every surname and given-name character', () => {
    for (const s of SURNAMES) expect(py(s.c, true).join(''), s.c).to.equal(s.p);
    for (const g of GIVEN) expect(py(g.c).join(''), g.c).to.equal(g.p);
  });

  it('generated persons and units carry full pinyin and initials that match their names', () => {
    const org = generateOrg(3, { persons: 3_000, departments: 150, subcompanies: 4 });
    for (let p = 0; p < org.personCount; p += 7) {
      const syl = py(org.personName[p]!, true);
      expect(org.personPinyin[p], org.personName[p]).to.equal(syl.join(''));
      expect(org.personInitials[p], org.personName[p]).to.equal(syl.map((s) => s[0]).join(''));
      expect(org.personLogin[p]!.startsWith(org.personPinyin[p]!)).to.equal(true);
    }
    for (let u = 0; u < org.unitCount; u++) {
      const syl = py(org.unitName[u]!);
      expect(org.unitPinyin[u], org.unitName[u]).to.equal(syl.join(''));
      expect(org.unitInitials[u], org.unitName[u]).to.equal(syl.map((s) => s[0]).join(''));
    }
  });

  it('login accounts are unique; 工号 and IDs follow from the index', () => {
    const org = generateOrg(5, ORG_SIZES.small);
    expect(new Set(org.personLogin).size).to.equal(org.personCount);
    const big = generateOrg(5, { persons: 20_000, departments: 1_000, subcompanies: 8 });
    expect(new Set(big.personLogin).size).to.equal(big.personCount);
  });

  it('the small org: ~200 persons, departments 2+ levels deep, one empty department, two 张伟', () => {
    const org = generateOrg(1, ORG_SIZES.small);
    expect(org.personCount).to.equal(200);
    expect(Math.max(...org.unitDepth)).to.be.at.least(2);
    expect(org.emptyDepartment).to.be.at.least(0);
    expect(org.unitMembers[org.emptyDepartment]).to.deep.equal([]);
    expect(org.unitChildren[org.emptyDepartment]).to.deep.equal([]);
    const zw = org.duplicateNamePersons;
    expect(zw.length).to.be.at.least(2);
    expect(org.personMainDept[zw[0]!]).to.not.equal(org.personMainDept[zw[1]!]);
    expect([...org.personStatus].filter((s) => s === 1).length).to.be.at.least(1);
    expect([...org.personStatus].filter((s) => s === 2).length).to.be.at.least(1);
    expect([...org.personExtraDept].filter((d) => d >= 0).length).to.be.at.least(2);
    // the current user heads a department that has sub-departments
    const dept = org.personMainDept[org.currentUser]!;
    expect(org.unitMembers[dept]![0]).to.equal(org.currentUser);
    expect(org.unitChildren[dept]!.length).to.be.greaterThan(0);
  });

  it('an explicit size is honoured', () => {
    const org = generateOrg(2, { persons: 5_000, departments: 300, subcompanies: 5 });
    expect(org.personCount).to.equal(5_000);
    expect(org.size.departments).to.equal(300);
    expect(org.roots).to.have.length(5);
    const sum = org.unitMembers.reduce(
      (n, m, u) => n + m.filter((p) => org.personMainDept[p] === u).length,
      0,
    );
    expect(sum).to.equal(5_000);
  });

  it('resources: 19-digit unique IDs, names unique per kind, seals with a company and type', () => {
    const r = generateResources(1, 2_000);
    for (const [kind, list] of Object.entries(r)) {
      expect(list).to.have.length(2_000);
      expect(new Set(list.map((x) => x.id)).size, kind).to.equal(2_000);
      expect(new Set(list.map((x) => x.name)).size, kind).to.equal(2_000);
      expect(list.every((x) => /^\d{19}$/.test(x.id))).to.equal(true);
    }
    expect(r['electronic-seal'].every((s) => s.sealType && s.company)).to.equal(true);
  });

  it('seal SVG: a valid SVG document with the company around the arc, a star and the seal type', () => {
    const svg = sealSvg('华信科技股份有限公司', '合同专用章');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('textPath')!.textContent).to.equal('华信科技股份有限公司');
    expect(doc.querySelector('polygon')!.getAttribute('points')!.split(' ')).to.have.length(10);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).to.include('合同专用章');
    expect(sealSvg('A&B<C>', '公章')).to.contain('A&amp;B&lt;C&gt;');
    const physical = new DOMParser().parseFromString(sealSvg('x', '公章', true), 'image/svg+xml');
    expect(physical.querySelectorAll('circle')).to.have.length(2);
  });
});
