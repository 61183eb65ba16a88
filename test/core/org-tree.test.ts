import { expect } from '@open-wc/testing';
import { OrgTree, ROOT, nodeKey, type PageLoader } from '../../src/core/org-tree/org-tree.js';
import { expandSiblings, parentIndex, typeahead } from '../../src/core/org-tree/tree-nav.js';
import type { OrgNode, OrgRef } from '../../src/api/schemas.js';

/** root: 2 subcompanies; s1 has 1 department d1 with 250 persons; s2 has none. */
function org() {
  const s = (id: string, has: boolean): OrgNode => ({
    type: 'subcompany',
    id,
    name: `Sub ${id}`,
    parentId: null,
    path: [],
    hasChildren: has,
  });
  const d1: OrgNode = {
    type: 'department',
    id: 'd1',
    name: 'Dev',
    parentId: 's1',
    path: [{ type: 'subcompany', id: 's1', name: 'Sub s1' }],
    hasChildren: true,
  };
  const persons: OrgNode[] = Array.from({ length: 250 }, (_, i) => ({
    type: 'person',
    id: `p${i}`,
    name: i === 137 ? 'Zhang Wei' : `Person ${i}`,
    parentId: 'd1',
    employeeNo: `E${1000 + i}`,
    path: [...d1.path, { type: 'department', id: 'd1', name: 'Dev' }],
    hasChildren: false,
  }));
  const kids: Record<string, OrgNode[]> = {
    [ROOT]: [s('s1', true), s('s2', false)],
    'subcompany:s1': [d1],
    'department:d1': persons,
  };
  const calls: string[] = [];
  let fail = false;
  const loader: PageLoader = async (parent: OrgRef | null, offset, limit, signal) => {
    calls.push(`${parent ? nodeKey(parent) : 'root'}@${offset}`);
    await new Promise((r) => setTimeout(r, 1));
    signal.throwIfAborted();
    if (fail) throw new Error('boom');
    const all = kids[parent ? nodeKey(parent) : ROOT] ?? [];
    return { items: all.slice(offset, offset + limit), total: all.length, offset };
  };
  return { loader, calls, setFail: (v: boolean) => (fail = v) };
}

describe('OrgTree (page cache + flat rows)', () => {
  it('loads lazily, page by page, and keeps a flat list of visible rows', async () => {
    const o = org();
    const t = new OrgTree({ children: o.loader, pageSize: 100 });
    await t.start();
    expect(t.rows.length).to.equal(2);
    await t.expand(0);
    expect(t.rows.map((r) => [r.level, t.nodeAt(r)?.id])).to.deep.equal([
      [1, 's1'],
      [2, 'd1'],
      [1, 's2'],
    ]);
    await t.expand(1);
    // 250 rows for the persons, only the first page is loaded
    expect(t.rows.length).to.equal(3 + 250);
    expect(t.nodeAt(t.rows[2]!)?.id).to.equal('p0');
    expect(t.nodeAt(t.rows[2 + 150]!)).to.equal(undefined);
    expect(t.setSize(t.rows[2]!)).to.equal(250);
    expect(o.calls).to.deep.equal(['root@0', 'subcompany:s1@0', 'department:d1@0']);
    t.ensureRange(150, 160);
    await new Promise((r) => setTimeout(r, 20));
    expect(o.calls).to.include('department:d1@100');
    expect(o.calls).not.to.include('department:d1@200');
    expect(t.nodeAt(t.rows[2 + 150]!)?.id).to.equal('p150');
    t.collapse(0);
    expect(t.rows.length).to.equal(2);
    // expanding again restores the expanded descendant without reloading
    await t.expand(0);
    expect(t.rows.length).to.equal(253);
    expect(o.calls.filter((c) => c === 'department:d1@0').length).to.equal(1);
  });

  it('type-ahead finds the next row by name or 工号, wrapping', async () => {
    const o = org();
    const t = new OrgTree({ children: o.loader, pageSize: 500 });
    await t.start();
    await t.expand(0);
    await t.expand(1);
    expect(typeahead(t, 'zh', 0)).to.equal(2 + 137);
    expect(typeahead(t, 'e1005', 0)).to.equal(2 + 5);
    expect(typeahead(t, 'sub', 1)).to.equal(t.rows.length - 1);
    expect(typeahead(t, 'sub', t.rows.length - 1)).to.equal(0);
    expect(typeahead(t, 'nobody', 0)).to.equal(-1);
  });

  it('a failed page stays a retryable placeholder; retry loads it', async () => {
    const o = org();
    const t = new OrgTree({ children: o.loader });
    o.setFail(true);
    await t.start();
    expect(t.hasErrors).to.equal(true);
    expect(t.failedAt(t.rows[0]!)).to.be.instanceOf(Error);
    o.setFail(false);
    await t.retry();
    expect(t.hasErrors).to.equal(false);
    expect(t.rows.length).to.equal(2);
  });

  it('* expands every sibling; parentIndex walks up', async () => {
    const o = org();
    const t = new OrgTree({ children: o.loader });
    await t.start();
    await expandSiblings(t, 0);
    expect(t.isExpanded('subcompany:s1')).to.equal(true);
    expect(t.isExpanded('subcompany:s2')).to.equal(false); // no children
    expect(parentIndex(t, 1)).to.equal(0);
    expect(parentIndex(t, 0)).to.equal(-1);
  });

  it('dispose aborts requests in flight', async () => {
    const o = org();
    const t = new OrgTree({ children: o.loader });
    const p = t.start();
    t.dispose();
    await p;
    expect(t.rootList?.total).to.equal(undefined);
    expect(t.hasErrors).to.equal(false);
  });

  it('a unit shown twice (search results: a match and its parent match) expands and collapses under both', async () => {
    const o = org();
    // Search results: s1 and d1 both match; d1 is also a child of s1.
    const root: PageLoader = async (_p, offset) => {
      const s1 = {
        type: 'subcompany',
        id: 's1',
        name: 'Sub s1',
        parentId: null,
        path: [],
        hasChildren: true,
      };
      const d1 = (await o.loader({ type: 'subcompany', id: 's1' }, 0, 1, new AbortController().signal))
        .items[0]!;
      return { items: [s1 as OrgNode, d1].slice(offset), total: 2, offset };
    };
    const t = new OrgTree({ children: o.loader, root, pageSize: 100 });
    await t.start();
    await t.expand(0); // s1: shows d1 under it
    const ids = () => t.rows.map((r) => `${r.level}:${t.nodeAt(r)?.id ?? '?'}`);
    expect(ids()).to.deep.equal(['1:s1', '2:d1', '1:d1']);
    await t.expand(2); // the d1 result, not the one under s1
    const rows = ids();
    const top = rows.indexOf('1:d1');
    expect(rows.slice(top + 1)).to.have.length(250);
    expect(rows[top + 1]).to.equal('2:p0');
    expect(rows.filter((r) => r.endsWith(':p0'))).to.have.length(2); // both d1 rows show the same (expanded) state
    t.collapse(top);
    expect(ids()).to.deep.equal(['1:s1', '2:d1', '1:d1']);
    await t.expand(1);
    expect(ids().filter((r) => r.endsWith(':p0'))).to.have.length(2); // no rows doubled
    expect(t.rows.length).to.equal(3 + 2 * 250);
  });
});
