// The memory host at 300,000 persons (issue #16): its data ≤ 30 MB with the search indexes built, and a search
// (name, pinyin, initials, 工号, login) finds exactly what a plain scan of every person finds, in the same order.
// Prints the heap and the times it measured (`node --import tsx --test test/node/memory-host-scale.test.ts`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMemoryHost, ORG_SIZES, type MemoryHost } from '../../src/api/memory-host/index.js';
import { employeeNo, personId, STATUS_ACTIVE } from '../../src/api/memory-host/data.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

const h0 = heap();
const t0 = performance.now();
const host: MemoryHost = createMemoryHost({ orgSize: 'huge', validate: false });
const createMs = performance.now() - t0;

test('300,000 persons: the data and its search indexes stay ≤ 30 MB', async () => {
  assert.equal(host.control.org.personCount, 300_000);
  assert.deepEqual(ORG_SIZES.huge, { persons: 300_000, departments: 15_000, subcompanies: 12 });
  const data = heap() - h0;
  const first: string[] = [];
  for (const q of ['张伟', 'zw', '100501']) {
    const s = performance.now();
    await host.org.search(q, { limit: 50 });
    first.push(`${q} ${(performance.now() - s).toFixed(1)} ms`);
  }
  const t = performance.now();
  await host.org.match(['张伟', 'zhangwei2']);
  const matchMs = performance.now() - t;
  const withIndexes = heap() - h0;
  console.log(
    `300k host: created in ${createMs.toFixed(0)} ms, data ${data.toFixed(1)} MB, with search and match indexes ` +
      `${withIndexes.toFixed(1)} MB; first searches (build an index): ${first.join(', ')}; first match ${matchMs.toFixed(1)} ms`,
  );
  assert.ok(withIndexes <= 30, `${withIndexes.toFixed(1)} MB > 30 MB`);
});

test('300,000 persons: searches return what a plain scan finds (rank, then org order), and are timed', async () => {
  const org = host.control.org;
  const names = org.personName;
  const pinyin = org.personPinyin;
  const initials = org.personInitials;
  const logins = org.personLogin;
  const rank = (f: string, q: string) => (f === q ? 0 : f.startsWith(q) ? 1 : f.includes(q) ? 2 : 3);
  /** Person IDs a plain scan ranks for `q` (units left out: `types: ['person']`). */
  const expected = (q: string) => {
    const cjk = /[\u3400-\u9fff]/.test(q);
    const digits = /^\d+$/.test(q);
    const buckets: number[][] = [[], [], []];
    for (let p = 0; p < org.personCount; p++) {
      if (org.personStatus[p] !== STATUS_ACTIVE) continue;
      const r = cjk
        ? rank(names[p]!, q)
        : digits
          ? rank(employeeNo(p), q)
          : Math.min(rank(pinyin[p]!, q), rank(initials[p]!, q), rank(logins[p]!, q));
      if (r < 3) buckets[r]!.push(p);
    }
    return buckets.flat();
  };
  const p = 250_123;
  const queries = [
    names[p]!,
    initials[p]!,
    pinyin[p]!,
    logins[p]!,
    employeeNo(p),
    pinyin[p]!.slice(0, 4),
    '2501',
  ];
  const times: string[] = [];
  for (const q of queries) {
    const want = expected(q);
    const page = await host.org.search(q, { limit: 500, types: ['person'] });
    assert.equal(page.total, want.length, q);
    assert.deepEqual(
      page.items.map((n) => n.id),
      want.slice(0, 500).map(personId),
      q,
    );
    const s = performance.now();
    await host.org.search(q, { limit: 50 });
    times.push(`${q} ${(performance.now() - s).toFixed(1)} ms (${want.length})`);
  }
  // the person is found by each of their keys: first by login and 工号 (unique)
  assert.equal(
    (await host.org.search(logins[p]!, { limit: 1, types: ['person'] })).items[0]!.id,
    personId(p),
  );
  assert.equal((await host.org.search(employeeNo(p), { limit: 1 })).items[0]!.id, personId(p));
  const byName = await host.org.match([names[p]!, logins[p]!, employeeNo(p)]);
  for (const m of byName)
    assert.ok(
      m.matches.some((n) => n.id === personId(p)),
      m.input,
    );
  console.log(`300k searches (warm): ${times.join(', ')}`);
});

test('prepareSearch writes the haystacks in slices of 5,000 persons; searches after it answer as before', async () => {
  const { generateOrg } = await import('../../src/api/memory-host/data.js');
  const { createOrgModel } = await import('../../src/api/memory-host/org.js');
  const org = generateOrg(3, { persons: 30_000, departments: 300, subcompanies: 3 });
  const sliced = createOrgModel(org);
  let slices = 0;
  // one slice per call, as an idle callback with little time would allow; the last one reports nothing left
  for (let more = true; more && slices < 100; slices++) {
    let allowed = 1;
    more = sliced.prepareSearch(() => allowed-- > 0);
  }
  assert.equal(slices, 18, '3 haystacks × 6 slices of 5,000 persons');
  const fresh = createOrgModel(org);
  for (const q of ['张伟', 'zw', 'zhangwei', '1000', 'li'])
    assert.deepEqual(sliced.search(q, { limit: 100 }), fresh.search(q, { limit: 100 }), q);
});
