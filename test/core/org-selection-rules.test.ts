import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ItemRules, overLimit, underLimit } from '../../src/core/org-selection/rules.js';
import { partitionMatches, splitPasted } from '../../src/core/org-selection/paste.js';
import type { OrgMatch, OrgNode } from '../../src/api/schemas.js';

const person = (id: string): OrgNode => ({
  type: 'person',
  id,
  name: `P${id}`,
  parentId: 'd1',
  path: [],
  hasChildren: false,
});

describe('ItemRules', () => {
  it('looks items up by key: picked before disabled before required; bad entries skipped', () => {
    const r = new ItemRules(
      [{ type: 'person', id: '1' }, null, 'x', { type: 'nope', id: '2' }],
      [
        { type: 'person', id: '1', reason: 'no' },
        { type: 'department', id: '9', reason: '无权限' },
      ],
      [{ type: 'subcompany', id: '101' }],
    );
    expect(r.lockOf({ type: 'person', id: '1' })).to.deep.equal({ kind: 'picked', reason: '' });
    expect(r.lockOf({ type: 'department', id: '9' })).to.deep.equal({ kind: 'disabled', reason: '无权限' });
    expect(r.lockOf({ type: 'subcompany', id: '101' })).to.deep.equal({ kind: 'required', reason: '' });
    expect(r.lockOf({ type: 'person', id: '2' })).to.equal(undefined);
    expect(r.requiredReason({ type: 'subcompany', id: '101' })).to.equal('');
    expect(r.refs().map((x) => `${x.type}:${x.id}`)).to.have.members([
      'person:1',
      'department:9',
      'subcompany:101',
    ]);
    expect(new ItemRules(undefined, 'x', {}).refs()).to.deep.equal([]);
  });

  it('a required item at or under a unit blocks it, when its place is known', () => {
    const r = new ItemRules([], [], [{ type: 'person', id: '7', reason: '必须' }]);
    const paths: Record<string, string[]> = { 'person:7': ['subcompany:1', 'department:2'] };
    const known = (k: string) => paths[k];
    expect(r.requiredUnder({ type: 'department', id: '2' }, known)).to.equal('必须');
    expect(r.requiredUnder({ type: 'subcompany', id: '1' }, known)).to.equal('必须');
    expect(r.requiredUnder({ type: 'person', id: '7' }, known)).to.equal('必须');
    expect(r.requiredUnder({ type: 'department', id: '3' }, known)).to.equal(undefined);
    expect(r.requiredUnder({ type: 'department', id: '2' }, () => undefined)).to.equal(undefined);
  });
});

describe('limits', () => {
  const c = (subcompany: number, department: number, person: number) => ({ subcompany, department, person });
  it('required, then min, minPersons, minUnits; an empty optional field is fine', () => {
    expect(underLimit(c(0, 0, 0), { required: true, min: 2 })).to.deep.equal({ key: 'valueMissing' });
    expect(underLimit(c(0, 0, 0), { min: 2 })).to.equal(undefined);
    expect(underLimit(c(0, 1, 0), { min: 2 })).to.deep.equal({ key: 'underMin', min: 2 });
    expect(underLimit(c(0, 1, 1), { min: 2, minPersons: 2 })).to.deep.equal({
      key: 'underMinPersons',
      min: 2,
    });
    expect(underLimit(c(0, 0, 2), { minUnits: 1 })).to.deep.equal({ key: 'underMinUnits', min: 1 });
  });
  it('max, then maxPersons, then maxUnits', () => {
    expect(overLimit(c(1, 1, 1), { max: 2, maxPersons: 0 })).to.deep.equal({ key: 'overLimit', max: 2 });
    expect(overLimit(c(0, 0, 3), { maxPersons: 2 })).to.deep.equal({ key: 'overLimitPersons', max: 2 });
    expect(overLimit(c(1, 1, 0), { maxUnits: 1 })).to.deep.equal({ key: 'overLimitUnits', max: 1 });
    expect(overLimit(c(1, 1, 1), {})).to.equal(undefined);
  });
  it('never both too few and too many of the same limit (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(100), (s, d, p, m) => {
        const counts = c(s, d, p);
        const under = underLimit(counts, { min: m, max: m });
        const over = overLimit(counts, { min: m, max: m });
        expect(under !== undefined && over !== undefined).to.equal(false);
      }),
    );
  });
});

describe('bulk paste helpers', () => {
  it('splits on lines, commas (also full-width), semicolons, 、 and tabs', () => {
    expect(splitPasted('张伟\n李娜，王芳;赵磊；孙丽、周杰\t吴敏,, \n')).to.deep.equal([
      '张伟',
      '李娜',
      '王芳',
      '赵磊',
      '孙丽',
      '周杰',
      '吴敏',
    ]);
    expect(splitPasted(' \n ,')).to.deep.equal([]);
  });
  it('sorts matches into unique, ambiguous and unmatched', () => {
    const m: OrgMatch[] = [
      { input: 'a', matches: [person('1')] },
      { input: 'b', matches: [person('2'), person('3')] },
      { input: 'c', matches: [] },
    ];
    const r = partitionMatches(m);
    expect(r.unique.map((n) => n.id)).to.deep.equal(['1']);
    expect(r.ambiguous.map((x) => x.input)).to.deep.equal(['b']);
    expect(r.unmatched).to.deep.equal(['c']);
  });
});
