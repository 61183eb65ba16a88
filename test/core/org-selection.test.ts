import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  OrgSelection,
  keyOf,
  scopeFromEntries,
  scopeToEntries,
  type ToggleTarget,
} from '../../src/core/org-selection/org-selection.js';
import type { OrgRef } from '../../src/api/schemas.js';

interface TNode {
  ref: OrgRef;
  path: string[];
  children: TNode[];
}

/** A random org: subcompanies → departments (nested) → persons. */
const treeArb = fc.array(fc.tuple(fc.nat(9), fc.nat(3)), { minLength: 1, maxLength: 25 }).map((spec) => {
  const root: TNode = { ref: { type: 'subcompany', id: 'root' }, path: [], children: [] };
  const units: TNode[] = [root];
  let n = 0;
  for (const [parentPick, kind] of spec) {
    const parent = units[parentPick % units.length]!;
    const type =
      kind === 0
        ? 'person'
        : kind === 1 && parent.ref.type === 'subcompany'
          ? 'subcompany'
          : kind === 3
            ? 'person'
            : 'department';
    const node: TNode = {
      ref: { type, id: String(++n) },
      path: [...parent.path, keyOf(parent.ref)],
      children: [],
    };
    parent.children.push(node);
    if (type !== 'person') units.push(node);
  }
  const all: TNode[] = [];
  const walk = (x: TNode) => {
    all.push(x);
    x.children.forEach(walk);
  };
  walk(root);
  return all;
});

const target = (n: TNode): ToggleTarget => ({ ref: n.ref, path: n.path });
const descendants = (all: TNode[], n: TNode) => all.filter((x) => x.path.includes(keyOf(n.ref)));

/** Reference: a plain snapshot of checked nodes; a toggle sets the node and its whole subtree. */
function refState(all: TNode[], checked: Set<string>, n: TNode): 'checked' | 'mixed' | 'unchecked' {
  const self = checked.has(keyOf(n.ref));
  if (n.ref.type === 'person') return self ? 'checked' : 'unchecked';
  const d = descendants(all, n);
  const allIn = d.every((x) => checked.has(keyOf(x.ref)));
  const someIn = d.some((x) => checked.has(keyOf(x.ref)));
  if (self) return allIn ? 'checked' : 'mixed';
  return someIn ? 'mixed' : 'unchecked';
}

describe('OrgSelection (rules model)', () => {
  it('a unit covers everything under it; an exclusion under it makes it mixed', () => {
    const dept = { type: 'department', id: 'd1' } as const;
    const p = { ref: { type: 'person', id: 'p1' } as OrgRef, path: ['subcompany:s', 'department:d1'] };
    let s = OrgSelection.from({ include: [], exclude: [] });
    s = s.toggle({ ref: dept, path: ['subcompany:s'] });
    expect(s.value).to.deep.equal({ include: [dept], exclude: [] });
    expect(s.stateOf(p)).to.equal('checked');
    // a person who joins later (never seen before) is covered too
    expect(
      s.stateOf({ ref: { type: 'person', id: 'new' }, path: ['subcompany:s', 'department:d1'] }),
    ).to.equal('checked');
    s = s.toggle(p);
    expect(s.value).to.deep.equal({ include: [dept], exclude: [{ type: 'person', id: 'p1' }] });
    expect(s.stateOf({ ref: dept, path: ['subcompany:s'] })).to.equal('mixed');
    expect(s.stateOf(p)).to.equal('unchecked');
    // toggling the mixed unit checks all again and drops the exclusion
    s = s.toggle({ ref: dept, path: ['subcompany:s'] });
    expect(s.value).to.deep.equal({ include: [dept], exclude: [] });
  });

  it('part-time persons are checked under every department they belong to and counted once', () => {
    const d1 = { type: 'department', id: 'd1' } as const;
    let s = OrgSelection.from({ include: [], exclude: [] });
    s.learnPath('department:d1', ['subcompany:s']);
    s = s.toggle({ ref: d1, path: ['subcompany:s'] });
    const underD2 = {
      ref: { type: 'person', id: 'p' } as OrgRef,
      path: ['subcompany:s', 'department:d2'],
      departmentIds: ['d1', 'd2'],
    };
    expect(s.stateOf(underD2)).to.equal('checked');
    expect(s.counts()).to.deep.equal({ subcompany: 0, department: 1, person: 0 });
    s = s.toggle(underD2);
    expect(s.value.exclude).to.deep.equal([{ type: 'person', id: 'p' }]);
    expect(s.stateOf({ ...underD2, path: ['subcompany:s', 'department:d1'] })).to.equal('unchecked');
  });

  it('persons mode includes persons only and never excludes', () => {
    let s = OrgSelection.from({ include: [], exclude: [] }, 'persons');
    s = s.toggle({ ref: { type: 'department', id: 'd' }, path: [] });
    expect(s.value).to.deep.equal({ include: [], exclude: [] });
    s = s.toggle({ ref: { type: 'person', id: 'p' }, path: ['department:d'] });
    expect(s.value).to.deep.equal({ include: [{ type: 'person', id: 'p' }], exclude: [] });
    expect(s.stateOf({ ref: { type: 'department', id: 'd' }, path: [] })).to.equal('mixed');
    s = s.toggle({ ref: { type: 'person', id: 'p' }, path: ['department:d'] });
    expect(s.value.include).to.deep.equal([]);
  });

  it('agrees with a snapshot model for any sequence of toggles (property)', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.nat(1000), { maxLength: 30 }), (all, picks) => {
        let s = OrgSelection.from({ include: [], exclude: [] });
        const checked = new Set<string>();
        for (const pick of picks) {
          const n = all[pick % all.length]!;
          const want = s.stateOf(target(n)) !== 'checked';
          s = s.toggle(target(n));
          for (const x of [n, ...descendants(all, n)]) {
            if (want) checked.add(keyOf(x.ref));
            else checked.delete(keyOf(x.ref));
          }
          for (const x of all) expect(s.stateOf(target(x)), keyOf(x.ref)).to.equal(refState(all, checked, x));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rules stay normal: no rule repeats what its ancestors already give (property)', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.nat(1000), { maxLength: 30 }), (all, picks) => {
        let s = OrgSelection.from({ include: [], exclude: [] });
        for (const pick of picks) s = s.toggle(target(all[pick % all.length]!));
        const byKey = new Map(all.map((n) => [keyOf(n.ref), n]));
        const { include, exclude } = s.value;
        for (const r of include) {
          const n = byKey.get(keyOf(r))!;
          const without = s.remove(r);
          expect(without.isCovered(target(n)), `redundant include ${keyOf(r)}`).to.equal(false);
        }
        for (const r of exclude) {
          const n = byKey.get(keyOf(r))!;
          const without = s.remove(r);
          expect(without.isCovered(target(n)), `redundant exclude ${keyOf(r)}`).to.equal(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('value round-trips exactly, through the form entries too (property)', () => {
    const refArb = fc.record({
      type: fc.constantFrom('subcompany', 'department', 'person') as fc.Arbitrary<OrgRef['type']>,
      id: fc.stringMatching(/^[0-9A-Za-z_-]{1,19}$/),
    });
    const uniq = (refs: OrgRef[]) => [...new Map(refs.map((r) => [keyOf(r), r])).values()];
    fc.assert(
      fc.property(fc.array(refArb, { maxLength: 20 }), fc.array(refArb, { maxLength: 10 }), (i, e) => {
        const include = uniq(i);
        const inc = new Set(include.map(keyOf));
        const exclude = uniq(e).filter((r) => !inc.has(keyOf(r)));
        const scope = { include, exclude };
        expect(OrgSelection.from(scope).value).to.deep.equal(scope);
        expect(scopeFromEntries(scopeToEntries(scope))).to.deep.equal(scope);
      }),
    );
  });

  it('a toggle never drops a rule whose place is unknown', () => {
    const unknown = { type: 'person', id: 'ghost' } as const;
    let s = OrgSelection.from({ include: [unknown], exclude: [] });
    s = s.toggle({ ref: { type: 'subcompany', id: 's' }, path: [] });
    s = s.toggle({ ref: { type: 'subcompany', id: 's' }, path: [] });
    expect(s.value.include).to.deep.equal([unknown]);
  });

  it('summary counts by type', () => {
    const s = OrgSelection.from({
      include: [
        { type: 'subcompany', id: '1' },
        { type: 'department', id: '2' },
        { type: 'person', id: '3' },
        { type: 'person', id: '4' },
      ],
      exclude: [{ type: 'person', id: '5' }],
    });
    expect(s.counts()).to.deep.equal({ subcompany: 1, department: 1, person: 2 });
  });
});
