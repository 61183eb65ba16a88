/**
 * The org module (src/api/memory-host/org.ts), the one implementation of the org semantics that both the
 * memory host and the reference host serve: what a scope covers (`members`, the person sync) agrees
 * with its head count (`count`) under the nearest rule, for many scopes.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createOrgModel } from '../../src/api/memory-host/org.js';
import { createRandom, generateOrg } from '../../src/api/memory-host/data.js';
import { refKey, type OrgNode, type OrgRef } from '../../src/api/schemas.js';

const model = createOrgModel(generateOrg(3, { persons: 600, departments: 40, subcompanies: 3 }));

/** Units and persons down one random branch from a root. */
function branch(rand: () => number): OrgRef[] {
  const out: OrgRef[] = [];
  let parent: OrgRef | null = null;
  for (let depth = 0; depth < 5; depth++) {
    const kids: OrgNode[] = model.children(parent, { limit: 500 }).items;
    if (!kids.length) break;
    const k: OrgNode = kids[Math.floor(rand() * kids.length)]!;
    out.push({ type: k.type, id: k.id });
    if (k.type === 'person') break;
    parent = k;
  }
  return out;
}

it('{include: [A, P], exclude: [B]} with P in B in A covers and counts P', () => {
  const [a] = model.roots();
  const b = model.children(a!, { types: ['department'] }).items.find((n) => n.hasChildren)!;
  const p = model.children(b, { types: ['person'] }).items.find((n) => n.status === 'active')!;
  const scope = {
    include: [a!, { type: 'person' as const, id: p.id }],
    exclude: [{ type: b.type, id: b.id }],
  };
  const m = model.members(scope);
  assert.ok(
    m.persons.some((n) => n.id === p.id),
    'P is in the person sync',
  );
  assert.ok(!m.units.some((n) => n.id === b.id), 'B is not');
  assert.equal(m.persons.length, model.count(scope).total);
});

it('members and count agree on 300 random scopes (nearest rule, part-time once)', () => {
  const rand = createRandom(11);
  for (let i = 0; i < 300; i++) {
    const include = [...branch(rand), ...branch(rand)].filter(() => rand() < 0.6);
    const exclude = [...branch(rand), ...branch(rand)].filter(() => rand() < 0.5);
    const scope = { include, exclude };
    const m = model.members(scope);
    const c = model.count(scope);
    assert.equal(m.persons.length, c.total, JSON.stringify(scope));
    assert.equal(new Set(m.persons.map(refKey)).size, m.persons.length, 'a person listed twice');
  }
});
