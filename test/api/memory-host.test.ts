import { expect } from '@open-wc/testing';
import { createMemoryHost, type MemoryHost } from '../../src/api/memory-host/index.js';
import type { OrgNode, OrgRef } from '../../src/api/schemas.js';

const pathText = (n: OrgNode) => n.path.map((p) => p.name).join(' / ');

async function allChildren(
  host: MemoryHost,
  parent: OrgRef | null,
  includeInactive = false,
): Promise<OrgNode[]> {
  const out: OrgNode[] = [];
  for (let offset = 0; ;) {
    const page = await host.org.children(parent, { offset, limit: 37, includeInactive });
    out.push(...page.items);
    offset += page.items.length;
    if (offset >= page.total || page.items.length === 0) return out;
  }
}

/** Every person reachable in the tree (each listing, part-time listings included). */
async function walkTree(host: MemoryHost) {
  const persons: OrgNode[] = [];
  const units: OrgNode[] = [];
  const stack: (OrgRef | null)[] = [null];
  while (stack.length) {
    const parent = stack.pop()!;
    for (const n of await allChildren(host, parent)) {
      if (n.type === 'person') persons.push(n);
      else {
        units.push(n);
        stack.push({ type: n.type, id: n.id });
      }
    }
  }
  return { persons, units };
}

describe('createMemoryHost: org', () => {
  let host: MemoryHost;
  beforeEach(() => {
    host = createMemoryHost();
  });

  it('lists the root 分部 and pages children: units first, then persons, total stable across pages', async () => {
    const roots = await host.org.children(null);
    expect(roots.items.length).to.be.greaterThan(1);
    expect(
      roots.items.every((n) => n.type === 'subcompany' && n.parentId === null && n.path.length === 0),
    ).to.equal(true);
    expect(roots.items[0]!.name).to.equal('总部');

    const dept = host.control.samples.largestDepartment;
    const first = await host.org.children(dept, { limit: 5 });
    const second = await host.org.children(dept, { offset: 5, limit: 5 });
    expect(first.items).to.have.length(5);
    expect(first.total).to.equal(second.total);
    expect(second.offset).to.equal(5);
    const all = await allChildren(host, dept);
    expect(all).to.have.length(first.total);
    expect(all.slice(0, 5).map((n) => n.id)).to.deep.equal(first.items.map((n) => n.id));
    expect(new Set(all.map((n) => `${n.type}:${n.id}`)).size).to.equal(all.length);
    const firstPerson = all.findIndex((n) => n.type === 'person');
    expect(all.slice(firstPerson).every((n) => n.type === 'person')).to.equal(true);
    for (const p of all.filter((n) => n.type === 'person')) {
      expect(p.parentId).to.equal(dept.id);
      expect(p.path.at(-1)!.id).to.equal(dept.id);
    }
    const past = await host.org.children(dept, { offset: 10_000 });
    expect(past.items).to.deep.equal([]);
  });

  it('head counts agree with what the tree lists (part-time counted once, inactive left out)', async () => {
    const { persons, units } = await walkTree(host);
    const active = new Set(persons.filter((p) => p.status === 'active').map((p) => p.id));
    const roots = units.filter((u) => u.parentId === null);
    const sum = roots.reduce((n, u) => n + u.headCount!, 0);
    // a part-time person in two 分部 is counted in both, so the sum can only exceed the unique count
    expect(sum).to.be.at.least(active.size);
    const count = await host.org.count({
      include: roots.map((u) => ({ type: u.type, id: u.id })),
      exclude: [],
    });
    expect(count.total).to.equal(active.size);
    for (const u of units.filter((x) => x.type === 'department').slice(0, 10)) {
      const c = await host.org.count({ include: [{ type: u.type, id: u.id }], exclude: [] });
      expect(c.total, u.name).to.equal(u.headCount);
    }
  });

  it('hides resigned / invalid persons unless includeInactive', async () => {
    const { resignedPerson, invalidPerson } = host.control.samples;
    const [resigned] = (await host.org.resolve([resignedPerson])).nodes;
    const [invalid] = (await host.org.resolve([invalidPerson])).nodes;
    expect(resigned!.status).to.equal('resigned');
    expect(invalid!.status).to.equal('invalid');
    const parent = { type: 'department' as const, id: resigned!.parentId! };
    const shown = await allChildren(host, parent);
    expect(shown.some((n) => n.id === resigned!.id)).to.equal(false);
    const withInactive = await allChildren(host, parent, true);
    expect(withInactive.some((n) => n.id === resigned!.id)).to.equal(true);

    const byName = await host.org.search(resigned!.employeeNo!);
    expect(byName.items.some((n) => n.id === resigned!.id)).to.equal(false);
    const byNameInactive = await host.org.search(resigned!.employeeNo!, { includeInactive: true });
    expect(byNameInactive.items[0]!.id).to.equal(resigned!.id);

    // a host that does not allow it never shows them
    const strict = createMemoryHost({ canShowInactive: false });
    expect((await strict.org.capabilities()).canShowInactive).to.equal(false);
    const strictList = await allChildren(strict, parent, true);
    expect(strictList.some((n) => n.id === resigned!.id)).to.equal(false);
  });

  it('lists a part-time person under each of their departments, flagged, with both departmentIds', async () => {
    const pt = host.control.samples.partTimePerson;
    const [main, extra] = pt.departments;
    const inMain = (await allChildren(host, main!)).find((n) => n.id === pt.id);
    const inExtra = (await allChildren(host, extra!)).find((n) => n.id === pt.id);
    expect(inMain, 'listed under the main department').to.not.equal(undefined);
    expect(inExtra, 'listed under the part-time department').to.not.equal(undefined);
    expect(inMain!.partTime).to.equal(false);
    expect(inExtra!.partTime).to.equal(true);
    expect(inExtra!.parentId).to.equal(extra!.id);
    expect(inMain!.departmentIds).to.deep.equal([main!.id, extra!.id]);
    // counted once when both departments are in the scope
    const both = await host.org.count({ include: [main!, extra!], exclude: [] });
    const a = await host.org.count({ include: [main!], exclude: [] });
    const b = await host.org.count({ include: [extra!], exclude: [] });
    expect(both.total).to.equal(a.total + b.total - 1);
    // excluding them drops them from both departments; excluding the main unit keeps them through the other
    const without = await host.org.count({
      include: [main!, extra!],
      exclude: [{ type: 'person', id: pt.id }],
    });
    expect(without.total).to.equal(both.total - 1);
    expect(without.byRef[`department:${extra!.id}`]).to.equal(b.total - 1);
    const viaExtra = await host.org.count({ include: [main!, extra!], exclude: [main!] });
    expect(viaExtra.total).to.equal(b.total);
    expect(viaExtra.byRef[`department:${main!.id}`]).to.equal(0);
  });

  it('search finds by name, full pinyin, initials, 工号 and login, with paths that tell two 张伟 apart', async () => {
    const dups = host.control.samples.duplicateNames;
    expect(dups.length).to.be.at.least(2);
    const byName = await host.org.search('张伟', { types: ['person'] });
    const ids = byName.items.map((n) => n.id);
    for (const d of dups) expect(ids).to.include(d.id);
    const zw = byName.items.filter((n) => n.name === '张伟');
    expect(new Set(zw.map(pathText)).size).to.equal(zw.length);
    expect(zw.every((n) => n.path.length >= 2 && n.path[0]!.type === 'subcompany')).to.equal(true);

    for (const q of ['zhangwei', 'zw', 'ZW', 'zhang wei', ' 张 伟 ']) {
      const r = await host.org.search(q, { types: ['person'], limit: 500 });
      const found = r.items.map((n) => n.id);
      for (const d of dups) expect(found, q).to.include(d.id);
      // exact matches come first
      expect(r.items[0]!.name === '张伟' || r.items[0]!.loginId === 'zhangwei', q).to.equal(true);
    }

    const [someone] = (await host.org.resolve([host.control.samples.currentUser])).nodes;
    const byNo = await host.org.search(someone!.employeeNo!);
    expect(byNo.items[0]!.id).to.equal(someone!.id);
    const byLogin = await host.org.search(someone!.loginId!);
    expect(byLogin.items[0]!.id).to.equal(someone!.id);

    // units by name and by pinyin
    const units = await host.org.search('研发中心');
    expect(units.items[0]!.type).to.equal('department');
    expect(units.items[0]!.name).to.equal('研发中心');
    const unitsPy = await host.org.search('yfzx', { types: ['department'] });
    expect(unitsPy.items.map((n) => n.name)).to.include('研发中心');

    expect((await host.org.search('   ')).total).to.equal(0);
    expect((await host.org.search('没有这个人xyz')).total).to.equal(0);
  });

  it('search returns exactly the persons a naive scan finds, in rank then org order', async () => {
    const h = createMemoryHost({ seed: 11, orgSize: { persons: 6_000, departments: 300, subcompanies: 4 } });
    const org = h.control.org;
    const rank = (fields: string[], q: string) =>
      Math.min(...fields.map((f) => (f === q ? 0 : f.startsWith(q) ? 1 : f.includes(q) ? 2 : 3)));
    for (const q of ['zw', 'wang', 'li', 'n', '张', '王芳', '1002', '10059', 'zhangwei2', 'xyz']) {
      const cjk = /[\u3400-\u9fff]/.test(q);
      const digits = /^\d+$/.test(q);
      const expected: [number, number][] = [];
      for (let p = 0; p < org.personCount; p++) {
        if (org.personStatus[p] !== 0) continue;
        const fields = cjk
          ? [org.personName[p]!]
          : digits
            ? [String(100001 + p)]
            : [org.personPinyin[p]!, org.personInitials[p]!, org.personLogin[p]!];
        const r = rank(fields, q);
        if (r < 3) expected.push([r, p]);
      }
      expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const got = await h.org.search(q, { types: ['person'], limit: 500 });
      expect(got.total, q).to.equal(expected.length);
      expect(
        got.items.map((n) => n.id),
        q,
      ).to.deep.equal(expected.slice(0, 500).map(([, p]) => String(10000001 + p)));
    }
  });

  it('search ranks exact > prefix > contains and pages consistently', async () => {
    const r = await host.org.search('zh', { types: ['person'], limit: 500 });
    expect(r.total).to.be.greaterThan(3);
    const rank = (n: OrgNode) => {
      const fields = [n.name, n.loginId!, n.employeeNo!].map((f) => f.toLowerCase());
      return fields.includes('zh') ? 0 : fields.some((f) => f.startsWith('zh')) ? 1 : 2;
    };
    const ranks = r.items.map(rank);
    // login starts with the pinyin, so prefix matches on pinyin show as login prefixes here
    expect([...ranks].sort((a, b) => a - b)).to.deep.equal(ranks);
    const p1 = await host.org.search('zh', { types: ['person'], limit: 3 });
    const p2 = await host.org.search('zh', { types: ['person'], offset: 3, limit: 3 });
    expect([...p1.items, ...p2.items].map((n) => n.id)).to.deep.equal(r.items.slice(0, 6).map((n) => n.id));
    expect(p2.total).to.equal(r.total);
  });

  it('count: rules with exclusions, people joining later are covered, inactive reported apart', async () => {
    const sub = host.control.samples.subcompanies[0]!;
    const all = await host.org.count({ include: [sub], exclude: [] });
    const [root] = (await host.org.resolve([sub])).nodes;
    expect(all.total).to.equal(root!.headCount);
    expect(all.byRef[`subcompany:${sub.id}`]).to.equal(all.total);

    const depts = (await host.org.children(sub)).items.filter((n) => n.type === 'department');
    const d0 = depts[0]!;
    const withoutDept = await host.org.count({
      include: [sub],
      exclude: [{ type: 'department', id: d0.id }],
    });
    expect(withoutDept.total).to.be.below(all.total);
    expect(withoutDept.total).to.be.at.least(all.total - d0.headCount!);

    const somePerson = (await allChildren(host, depts[1] ?? d0)).find(
      (n) => n.type === 'person' && !n.partTime,
    )!;
    const withoutPerson = await host.org.count({
      include: [sub],
      exclude: [{ type: 'person', id: somePerson.id }],
    });
    expect(withoutPerson.total).to.equal(all.total - 1);

    // an explicitly included person outside the unit adds one
    const other = host.control.samples.subcompanies[1]!;
    const outsider = (await walkTree(host)).persons.find(
      (p) => p.path[0]!.id === other.id && p.status === 'active' && p.departmentIds!.length === 1,
    );
    expect(outsider).to.not.equal(undefined);
    const plus = await host.org.count({ include: [sub, { type: 'person', id: outsider!.id }], exclude: [] });
    expect(plus.total).to.equal(all.total + 1);
    expect(plus.byRef[`person:${outsider!.id}`]).to.equal(1);
    expect(all.inactive).to.be.a('number');
    const everything = await host.org.count({ include: host.control.samples.subcompanies, exclude: [] });
    expect(everything.inactive).to.be.greaterThan(0);

    // unknown refs count 0; an invalid scope is a validation error
    const unknown = await host.org.count({ include: [{ type: 'department', id: '999999999' }], exclude: [] });
    expect(unknown.total).to.equal(0);
    const bad = await host.org
      .count({ include: [{ type: 'team', id: '1' } as unknown as OrgRef], exclude: [] })
      .catch((e: unknown) => e);
    expect((bad as Error).name).to.equal('QysValidationError');
  });

  it('resolve returns nodes in order and reports missing refs', async () => {
    const { currentUser, subcompanies } = host.control.samples;
    const gone: OrgRef = { type: 'person', id: '99999999' };
    const r = await host.org.resolve([currentUser, gone, subcompanies[0]!, { type: 'department', id: 'x' }]);
    expect(r.nodes.map((n) => n.id)).to.deep.equal([currentUser.id, subcompanies[0]!.id]);
    expect(r.missing).to.deep.equal([gone, { type: 'department', id: 'x' }]);
  });

  it('match resolves pasted names / 工号 / logins: unique, ambiguous and unmatched', async () => {
    const [me] = (await host.org.resolve([host.control.samples.currentUser])).nodes;
    const r = await host.org.match(['张伟', ` ${me!.employeeNo!} `, me!.loginId!.toUpperCase(), '查无此人'], {
      types: ['person'],
    });
    expect(r.map((m) => m.input)).to.deep.equal([
      '张伟',
      ` ${me!.employeeNo!} `,
      me!.loginId!.toUpperCase(),
      '查无此人',
    ]);
    expect(r[0]!.matches.length).to.be.at.least(2);
    expect(r[1]!.matches.map((n) => n.id)).to.deep.equal([me!.id]);
    expect(r[2]!.matches.map((n) => n.id)).to.deep.equal([me!.id]);
    expect(r[3]!.matches).to.deep.equal([]);
  });

  it('recent (add, dedupe, remove), same department and subordinates', async () => {
    const before = await host.org.recent();
    expect(before.length).to.be.greaterThan(0);
    const target = host.control.samples.duplicateNames[1]!;
    await host.org.addRecent([target]);
    const after = await host.org.recent();
    expect(after[0]!.id).to.equal(target.id);
    expect(after.filter((n) => n.id === target.id)).to.have.length(1);
    await host.org.removeRecent(target);
    expect((await host.org.recent()).some((n) => n.id === target.id)).to.equal(false);

    const me = host.control.samples.currentUser;
    const dept = host.control.samples.currentDepartment;
    const same = await host.org.sameDepartment({ limit: 500 });
    expect(same.items.every((n) => n.parentId === dept.id && n.id !== me.id)).to.equal(true);
    expect(same.total).to.be.greaterThan(0);
    // direct reports: members of the department, plus the heads of the departments under it
    const subs = await host.org.subordinates({ limit: 500 });
    const childDepts = (await allChildren(host, dept)).filter((n) => n.type === 'department');
    expect(childDepts.length).to.be.greaterThan(0);
    expect(subs.total).to.equal(same.items.filter((n) => !n.partTime).length + childDepts.length);
    expect(subs.items.every((n) => n.id !== me.id && n.path.some((p) => p.id === dept.id))).to.equal(true);
    const heads = subs.items.filter((n) => n.parentId !== dept.id);
    expect(heads.map((n) => n.parentId).sort()).to.deep.equal(childDepts.map((d) => d.id).sort());
    expect(heads.every((n) => n.title === '部门经理')).to.equal(true);
  });

  it('is deterministic: same seed → same data; another seed → different data', async () => {
    const a = createMemoryHost({ seed: 7 });
    const b = createMemoryHost({ seed: 7 });
    const c = createMemoryHost({ seed: 8 });
    const dump = async (h: MemoryHost) => {
      const sub = h.control.samples.largestDepartment;
      return JSON.stringify([
        (await h.org.children(null)).items,
        (await h.org.children(sub, { limit: 500 })).items,
      ]);
    };
    expect(await dump(a)).to.equal(await dump(b));
    expect(await dump(a)).to.not.equal(await dump(c));
    const ra = await a.resources.list('electronic-seal');
    const rb = await b.resources.list('electronic-seal');
    expect(ra).to.deep.equal(rb);
  });

  it('returns fresh copies: mutating an answer does not change the host', async () => {
    const page = await host.org.children(null);
    page.items[0]!.name = 'changed';
    page.items[0]!.path.push({ type: 'subcompany', id: '1', name: 'x' });
    const again = await host.org.children(null);
    expect(again.items[0]!.name).to.equal('总部');
    expect(again.items[0]!.path).to.deep.equal([]);
    const dept = await host.org.children(host.control.samples.largestDepartment, { limit: 1 });
    dept.items[0]!.path[0]!.name = 'changed';
    const dept2 = await host.org.children(host.control.samples.largestDepartment, { limit: 1 });
    expect(dept2.items[0]!.path[0]!.name).to.not.equal('changed');
  });

  it('generates a large org: 100,000 persons, ~5,000 departments nested 2–4 levels under 8 分部', async () => {
    const big = createMemoryHost({ orgSize: 'large' });
    const org = big.control.org;
    expect(org.personCount).to.equal(100_000);
    expect(org.size.departments).to.equal(5_000);
    expect(org.roots).to.have.length(8);
    const depths = new Set(Array.from(org.unitDepth));
    expect([...depths].sort()).to.deep.equal([0, 1, 2, 3, 4]);
    expect(big.control.samples.largestDepartment.persons).to.be.at.least(2_000);
    const inactive = org.personStatus.filter((s) => s !== 0).length;
    expect(inactive / org.personCount).to.be.within(0.01, 0.02);
    const partTime = org.personExtraDept.filter((d) => d >= 0).length;
    expect(partTime / org.personCount).to.be.within(0.008, 0.012);
    const names = new Set(org.personName);
    expect(names.size).to.be.below(org.personCount); // duplicates occur naturally
    const everything = await big.org.count({ include: big.control.samples.subcompanies, exclude: [] });
    expect(everything.total + everything.inactive!).to.equal(100_000);
  });
});

describe('createMemoryHost: resources', () => {
  it('lists each kind with paging, keyword and company filter; seals carry SVG images', async () => {
    const host = createMemoryHost();
    for (const kind of [
      'electronic-seal',
      'physical-seal',
      'file-template',
      'electronic-seal-flow',
      'physical-seal-flow',
    ] as const) {
      const page = await host.resources.list(kind);
      expect(page.total, kind).to.be.greaterThan(3);
      expect(page.items.every((r) => r.kind === kind && /^\d{19}$/.test(r.id))).to.equal(true);
    }
    const seals = await host.resources.list('electronic-seal', { limit: 500 });
    expect(seals.items.every((s) => s.image!.startsWith('data:image/svg+xml,'))).to.equal(true);
    const svg = decodeURIComponent(seals.items[0]!.image!.slice('data:image/svg+xml,'.length));
    expect(svg).to.contain('<svg').and.contain(seals.items[0]!.company!).and.contain('<polygon');

    const [company] = await host.resources.companies();
    const byCompany = await host.resources.list('electronic-seal', { companyId: company!.id, limit: 500 });
    expect(byCompany.total).to.be.greaterThan(0);
    expect(byCompany.items.every((s) => s.companyId === company!.id)).to.equal(true);

    const kw = await host.resources.list('file-template', { keyword: '劳动' });
    expect(kw.items.map((r) => r.name)).to.include('劳动合同');
    expect(kw.items.every((r) => r.name.includes('劳动'))).to.equal(true);

    const p2 = await host.resources.list('file-template', { offset: 5, limit: 5 });
    expect(p2.items).to.have.length(5);
    expect(p2.offset).to.equal(5);
  });

  it('resolve reports missing IDs; 10,000 resources per kind with an option', async () => {
    const host = createMemoryHost({ resources: 10_000 });
    const page = await host.resources.list('electronic-seal', { limit: 3 });
    expect(page.total).to.be.at.least(9_990);
    const ids = page.items.map((r) => r.id);
    const r = await host.resources.resolve('electronic-seal', [ids[0]!, '2850000000999999999', ids[2]!]);
    expect(r.items.map((i) => i.id)).to.deep.equal([ids[0], ids[2]]);
    expect(r.missing).to.deep.equal(['2850000000999999999']);
    // an ID of another kind is missing for this kind
    const other = await host.resources.resolve('file-template', [ids[0]!]);
    expect(other.missing).to.deep.equal([ids[0]]);
    expect(await host.resources.lastSynced()).to.be.a('string');
    const names = new Set(
      (await host.resources.list('file-template', { limit: 500 })).items.map((i) => i.name),
    );
    expect(names.size).to.equal(500);
  });
});
