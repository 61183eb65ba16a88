import { createMemoryHost, type MemoryHost } from '../src/api/memory-host/index.js';
import { generateOrg, ORG_SIZES } from '../src/api/memory-host/data.js';
import { heapMb, median, record } from './record.js';

const AREA = 'memory-host';

describe('memory host benchmarks (100,000 persons / 5,000 departments / 8 分部)', () => {
  let host: MemoryHost;

  it('generation', async () => {
    const small = await median(9, () => generateOrg(1, ORG_SIZES.small));
    const heap0 = await heapMb();
    const large = await median(5, () => generateOrg(1, ORG_SIZES.large));
    const t0 = performance.now();
    host = createMemoryHost({ orgSize: 'large' });
    const hostMs = performance.now() - t0;
    const heap1 = await heapMb();
    await record(
      { area: AREA, name: 'generate org, small (200 persons)', value: small, unit: 'ms' },
      {
        area: AREA,
        name: 'generate org, large (100,000 persons)',
        value: large,
        unit: 'ms',
        note: 'earlier target: < 1000 ms',
      },
      { area: AREA, name: 'createMemoryHost large (org + resources + indexes)', value: hostMs, unit: 'ms' },
      ...(Number.isNaN(heap1)
        ? []
        : [
            {
              area: AREA,
              name: 'heap after creating the large host (after gc)',
              value: heap1 - heap0,
              unit: 'MB',
            },
          ]),
    );
  });

  it('org.children of the 2,000-person department', async () => {
    const dept = host.control.samples.largestDepartment;
    const first = await median(15, () => host.org.children(dept, { limit: 100 }));
    const mid = await median(15, () => host.org.children(dept, { offset: 1_000, limit: 100 }));
    const all = await median(5, async () => {
      for (let offset = 0; offset < dept.persons; offset += 500)
        await host.org.children(dept, { offset, limit: 500 });
    });
    const roots = await median(15, () => host.org.children(null));
    await record(
      { area: AREA, name: `children, first page of 100 (${dept.persons} persons)`, value: first, unit: 'ms' },
      { area: AREA, name: 'children, page of 100 at offset 1,000', value: mid, unit: 'ms' },
      { area: AREA, name: `children, all ${dept.persons} in pages of 500`, value: all, unit: 'ms' },
      { area: AREA, name: 'children of the root (8 分部)', value: roots, unit: 'ms' },
    );
  });

  it('org.search', async () => {
    const rows = [];
    // the first query of each kind builds its search string once
    const fresh = createMemoryHost({ orgSize: 'large' });
    for (const q of ['张伟', 'zw', '1005']) {
      const t0 = performance.now();
      await fresh.org.search(q, { limit: 50 });
      rows.push({
        area: AREA,
        name: `search "${q}", first call (builds the index)`,
        value: performance.now() - t0,
        unit: 'ms',
      });
    }
    for (const q of ['张伟', 'zw', 'zhangwei', '张', 'z', '1005', '研发']) {
      const t = await median(9, () => host.org.search(q, { limit: 50 }));
      const total = (await host.org.search(q, { limit: 1 })).total;
      rows.push({ area: AREA, name: `search "${q}" (first 50 of ${total})`, value: t, unit: 'ms' });
    }
    await record(...rows);
  });

  it('org.count, org.match, resolve', async () => {
    const { subcompanies, largestDepartment, currentDepartment } = host.control.samples;
    const whole = await median(9, () => host.org.count({ include: subcompanies, exclude: [] }));
    const one = await median(9, () =>
      host.org.count({ include: [subcompanies[0]!], exclude: [currentDepartment, largestDepartment] }),
    );
    const dept = await median(15, () => host.org.count({ include: [largestDepartment], exclude: [] }));
    const names = (await host.org.children(largestDepartment, { limit: 200 })).items.map((n) => n.name);
    const match = await median(9, () => host.org.match(names));
    const refs = (await host.org.children(largestDepartment, { limit: 500 })).items.map((n) => ({
      type: n.type,
      id: n.id,
    }));
    const resolve = await median(9, () => host.org.resolve(refs));
    await record(
      { area: AREA, name: 'count, whole org (100,000 persons)', value: whole, unit: 'ms' },
      { area: AREA, name: 'count, one 分部 minus two departments', value: one, unit: 'ms' },
      { area: AREA, name: 'count, the 2,000-person department', value: dept, unit: 'ms' },
      {
        area: AREA,
        name: 'match 200 pasted names',
        value: match,
        unit: 'ms',
        note: 'first call builds the indexes',
      },
      { area: AREA, name: 'resolve 500 refs', value: resolve, unit: 'ms' },
    );
  });

  it('validation share and resources', async () => {
    const raw = createMemoryHost({ orgSize: 'large', validate: false });
    const dept = raw.control.samples.largestDepartment;
    const unvalidated = await median(15, () => raw.org.children(dept, { limit: 100 }));
    const res = createMemoryHost({ resources: 10_000 });
    const list = await median(9, () => res.resources.list('electronic-seal', { limit: 100 }));
    const kw = await median(9, () => res.resources.list('file-template', { keyword: '合同', limit: 100 }));
    await record(
      { area: AREA, name: 'children, page of 100 without schema validation', value: unvalidated, unit: 'ms' },
      { area: AREA, name: 'resources.list, 10,000 seals, page of 100', value: list, unit: 'ms' },
      { area: AREA, name: 'resources.list, 10,000 templates, keyword', value: kw, unit: 'ms' },
    );
  });
});
