/**
 * The conformance suite (src/conformance) against the memory host, and its own checks: a host that
 * breaks a rule is caught (each probe host below changes one behaviour of the memory host).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runConformance, formatCheck, formatTotals } from '../../src/conformance/index.js';
import { createMemoryHost } from '../../src/api/memory-host/index.js';
import type { QysHost } from '../../src/api/host.js';
import { refKey } from '../../src/api/schemas.js';
import { pinyin as pinyinPro } from 'pinyin-pro';

const pinyin = (s: string) => pinyinPro(s, { toneType: 'none', type: 'array', v: true });

const failedOf = async (host: QysHost) =>
  (await runConformance(host)).checks.filter((c) => c.status === 'fail').map((c) => c.name);

describe('conformance: memory host', () => {
  it('passes every check, none skipped', async () => {
    const lines: string[] = [];
    const r = await runConformance(createMemoryHost({ seed: 7 }), {
      report: (c) => lines.push(formatCheck(c)),
      pinyin,
    });
    assert.deepEqual(r.checks.filter((c) => c.status !== 'pass').map(formatCheck), [], lines.join('\n'));
    assert.ok(r.ok && r.passed >= 20, formatTotals(r));
    assert.equal(lines.length, r.checks.length);
  });
  it('leaves no service behind', async () => {
    const host = createMemoryHost({ seed: 7 });
    const before = (await host.services.list()).map((s) => s.id);
    await runConformance(host);
    assert.deepEqual(
      (await host.services.list()).map((s) => s.id),
      before,
    );
  });
});

describe('conformance: catches a host that breaks the contract', () => {
  it('an excluded unit that wins over an included person under it (the old reference-host count)', async () => {
    const host = createMemoryHost({ seed: 7 });
    const count = host.org.count.bind(host.org);
    host.org.count = async (scope, o) => {
      // drop included persons found under an excluded unit: the far rule wins
      const excluded = new Set(scope.exclude.map(refKey));
      const nodes = (await host.org.resolve(scope.include.filter((r) => r.type === 'person'))).nodes;
      const under = new Set(
        nodes.filter((n) => n.path.some((p) => excluded.has(refKey(p)))).map((n) => refKey(n)),
      );
      return count({ ...scope, include: scope.include.filter((r) => !under.has(refKey(r))) }, o);
    };
    assert.ok((await failedOf(host)).includes('org.count.nearestRule'));
  });
  it('a host that echoes the App Secret', async () => {
    const host = createMemoryHost({ seed: 7 });
    const save = host.services.save.bind(host.services);
    let secret = '';
    host.services.save = async (input, o) => {
      if (input.appSecret) secret = input.appSecret;
      return { ...(await save(input, o)), note: secret } as never;
    };
    assert.ok((await failedOf(host)).includes('services.create'));
  });
  it('a host that overwrites on a stale version', async () => {
    const host = createMemoryHost({ seed: 7 });
    const save = host.services.save.bind(host.services);
    host.services.save = async (input, o) =>
      save(input.id ? { ...input, version: (await host.services.get(input.id)).version } : input, o);
    assert.ok((await failedOf(host)).includes('services.versionConflict'));
  });
  it('a host that forgets `missing` and counts a part-time person twice', async () => {
    const host = createMemoryHost({ seed: 7 });
    host.org.resolve = async (refs) => ({
      nodes: (await createMemoryHost({ seed: 7 }).org.resolve(refs)).nodes,
      missing: [],
    });
    const count = host.org.count.bind(host.org);
    host.org.count = async (scope, o) => {
      const r = await count(scope, o);
      return { ...r, total: r.total + scope.include.length - 1 };
    };
    const failed = await failedOf(host);
    assert.ok(failed.includes('org.resolve.missing'), failed.join());
    assert.ok(failed.includes('org.count.countedOnce'), failed.join());
  });
  it('a host without a required method (optional ones may be absent)', async () => {
    const host = createMemoryHost({ seed: 7 });
    delete (host.client as { inspectFraming?: unknown }).inspectFraming;
    assert.ok(!(await failedOf(host)).includes('contract.methods'));
    delete (host.org as { recent?: unknown }).recent;
    assert.ok((await failedOf(host)).includes('contract.methods'));
  });
  it('a host whose search ignores 工号 and whose errors are untyped', async () => {
    const host = createMemoryHost({ seed: 7 });
    const search = host.org.search.bind(host.org);
    host.org.search = (q, o) =>
      /^\D*\d+$/.test(q) && !/[a-z]/.test(q) ? search('qys-nobody', o) : search(q, o);
    host.services.get = async () => {
      throw new Error('plain');
    };
    const failed = await failedOf(host);
    assert.ok(failed.includes('org.search.employeeNo'), failed.join());
    assert.ok(failed.includes('services.notFound.typed'), failed.join());
  });
});
