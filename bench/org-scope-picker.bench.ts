/**
 * <qys-org-scope-picker> at 100,000 persons / 5,000 departments (memory host, no latency).
 * Component time = from the user action to the end of the element's update (lit `updateComplete`),
 * excluding the host's own work: host calls are awaited before the clock starts where an action
 * needs data (expand waits for the page, then we time the render of the new rows).
 */
import '../src/components/org-scope-picker/define.js';
import { createMemoryHost } from '../src/api/memory-host/index.js';
import type { OrgNode, OrgRef, Page } from '../src/api/schemas.js';
import type { QysHost } from '../src/api/host.js';
import { median, nextFrames, record } from './record.js';

const area = 'org-scope-picker';
const target = '< 16 ms';

const until = async (fn: () => unknown, ms = 20_000) => {
  const t0 = performance.now();
  while (!fn()) {
    if (performance.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('org-scope-picker benchmarks (100,000 persons)', () => {
  it('records render, expand, scroll, search, check, DOM rows, heap', async () => {
    const base = createMemoryHost({ orgSize: 'large', validate: false });
    // Serve pages instantly from a pre-fetched cache so the clock measures the component, not the host.
    const pageCache = new Map<string, Page<OrgNode>>();
    const key = (p: OrgRef | null, o?: { offset?: number; limit?: number }) =>
      `${p ? `${p.type}:${p.id}` : 'root'}@${o?.offset ?? 0}/${o?.limit ?? 100}`;
    const host: QysHost = {
      ...base,
      org: {
        ...base.org,
        children: async (p, o) => pageCache.get(key(p, o)) ?? base.org.children(p, o),
      },
    };
    const warm = async (p: OrgRef | null, total: number) => {
      for (let offset = 0; offset < total; offset += 100)
        pageCache.set(key(p, { offset, limit: 100 }), await base.org.children(p, { offset, limit: 100 }));
    };
    const big = base.control.samples.largestDepartment;
    const bigNode = (await base.org.resolve([big])).nodes[0]!;
    await warm(null, 100);
    for (const a of bigNode.path) await warm(a, 500);
    await warm(big, big.persons + 200);

    // The root page is held back until the element has rendered its loading state.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const rootPage = pageCache.get(key(null, { offset: 0, limit: 100 }))!;
    const el = document.createElement('qys-org-scope-picker');
    el.host = {
      ...host,
      org: {
        ...host.org,
        children: async (p, o) => (p === null ? (await held, rootPage) : host.org.children(p, o)),
      },
    };
    el.style.setProperty('--qys-org-picker-height', '480px');
    const rows = () => el.shadowRoot!.querySelectorAll('[role=treeitem]');
    const row = (k: string) => el.shadowRoot!.querySelector<HTMLElement>(`[role=treeitem][data-key="${k}"]`);
    const heap0 = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;

    /** Lets microtask-driven work (cached pages, updates) finish without timer granularity. */
    const settle = async (done: () => unknown) => {
      for (let i = 0; i < 500 && !done(); i++) await el.updateComplete;
    };

    // Warm-up: one small picker first, so lit's one-time template preparation is not counted.
    // Its own first render is reported too (cold: JIT and lit template preparation included).
    const warmEl = document.createElement('qys-org-scope-picker');
    const small = createMemoryHost();
    await small.org.children(null);
    warmEl.host = small;
    const c0 = performance.now();
    document.body.append(warmEl);
    await until(() => warmEl.shadowRoot!.querySelector('[role=treeitem]'), 5000);
    const cold = performance.now() - c0;
    warmEl.remove();

    // 1. First render after the data arrived (from the root page resolving to rows in the DOM).
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 1000));
    const t0 = performance.now();
    release();
    await settle(() => rows().length > 0);
    const firstRender = performance.now() - t0;

    // 2. Expand down to the department with 2,000 persons; time the last expand (data cached).
    const tree = el.shadowRoot!.querySelector<HTMLElement>('[role=tree]')!;
    const expand = async (k: string) => {
      row(k)!.querySelector<HTMLElement>('.twisty')!.click();
      await settle(
        () =>
          row(k)?.getAttribute('aria-expanded') === 'true' &&
          !el.shadowRoot!.querySelector('[aria-busy=true]'),
      );
    };
    for (const a of bigNode.path) await expand(`${a.type}:${a.id}`);
    const bigKey = `department:${big.id}`;
    const te = performance.now();
    await expand(bigKey);
    const expandTime = performance.now() - te;

    // Make ≥ 10,000 visible rows: expand units (in display order) until the flat list is that long.
    type Tree = {
      rows: unknown[];
      nodeAt(r: unknown): OrgNode | undefined;
      isExpanded(k: string): boolean;
      expand(i: number): Promise<void>;
    };
    const t = (el as unknown as { trees: Map<string, Tree> }).trees.get('tree')!;
    for (let i = 0; i < t.rows.length && t.rows.length < 10_000; i++) {
      const n = t.nodeAt(t.rows[i]);
      if (n && n.type !== 'person' && n.hasChildren && !t.isExpanded(`${n.type}:${n.id}`)) await t.expand(i);
    }
    await el.updateComplete;
    const flat = () => t.rows.length;
    const visibleRows = flat();

    // 3. A scroll step through the visible rows (one viewport further each time): the element's
    //    update (JS), then the browser's style + layout of the new rows, reported apart.
    let y = 0;
    const layouts: number[] = [];
    const scroll = await median(30, async () => {
      void tree.offsetHeight;
      y = (y + 480 * 7) % (visibleRows * 32 - 480);
      const a = performance.now();
      tree.scrollTop = y;
      tree.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      const b = performance.now();
      void tree.getBoundingClientRect();
      void (el.shadowRoot!.querySelector('[part~=row]') as HTMLElement).offsetWidth;
      layouts.push(performance.now() - b);
      return a;
    });
    layouts.sort((p, q) => p - q);
    const layout = layouts[Math.floor(layouts.length / 2)]!;
    const domRows = rows().length;

    // 4. Checking the unit with 2,000 persons (click on its row).
    tree.scrollTop = 0;
    tree.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const check = await median(9, async () => {
      row(bigKey)!.click();
      await el.updateComplete;
    });
    const checkedState = row(bigKey)!.getAttribute('aria-checked');

    // 5. Search to results: from the query being issued to rendered results (host work included,
    //    reported separately).
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part=search]')!;
    let hq = 'zw';
    const hostSearch = await median(6, () => {
      hq = hq === 'zw' ? 'zhangwei' : 'zw';
      return base.org.search(hq, { offset: 0, limit: 100 });
    });
    // Component time = the element's own updates while the query runs (host work excluded).
    const proto = Object.getPrototypeOf(el) as { update: (c: unknown) => void };
    let updating = 0;
    (el as unknown as { update: (c: unknown) => void }).update = function (this: unknown, c: unknown) {
      const a = performance.now();
      proto.update.call(this, c);
      updating += performance.now() - a;
    };
    const searchUpdates: number[] = [];
    const search = await median(5, async () => {
      updating = 0;
      input.value = input.value === 'zhangwei' ? 'zw' : 'zhangwei';
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await el.updateComplete; // the old results are gone ("searching…")
      await settle(() => el.shadowRoot!.querySelector('[part=row-path]'));
      searchUpdates.push(updating);
    });
    searchUpdates.sort((p, q) => p - q);
    const searchComponent = searchUpdates[Math.floor(searchUpdates.length / 2)]!;
    // Keystroke cost while results stream: the input handler alone (search is debounced).
    const keystroke = await median(20, async () => {
      input.value += 'a';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    });

    await nextFrames();
    const heap1 = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
    await record(
      {
        area,
        name: 'first render after data arrives',
        value: firstRender,
        unit: 'ms',
        target,
        note: 'root page resolving → rows in the DOM',
      },
      {
        area,
        name: 'cold mount of the first picker on a page (small org)',
        value: cold,
        unit: 'ms',
        note: 'JIT + lit template preparation + host calls; once per page',
      },
      { area, name: 'expand a department with 2,000 persons', value: expandTime, unit: 'ms', target },
      {
        area,
        name: `scroll step (${visibleRows.toLocaleString('en')} visible rows)`,
        value: scroll,
        unit: 'ms',
        target,
        note: `+ style/layout ${layout.toFixed(1)} ms`,
      },
      {
        area,
        name: 'check a unit with 2,000 persons',
        value: check,
        unit: 'ms',
        target,
        note: `row ends ${checkedState}`,
      },
      {
        area,
        name: 'search: component time from query to results',
        value: searchComponent,
        unit: 'ms',
        target,
      },
      {
        area,
        name: 'search to results (component + host)',
        value: search,
        unit: 'ms',
        note: `host search alone ${hostSearch.toFixed(1)} ms`,
      },
      { area, name: 'keystroke in search (input handler + update)', value: keystroke, unit: 'ms', target },
      { area, name: 'row elements in the DOM', value: domRows, unit: 'rows', target: '< 100' },
      {
        area,
        name: 'JS heap used (page, incl. 100k-person memory host)',
        value: heap1 !== undefined ? heap1 / 1048576 : 'n/a',
        unit: 'MB',
        note:
          heap0 !== undefined && heap1 !== undefined
            ? `+${((heap1 - heap0) / 1048576).toFixed(1)} MB after mount and browsing`
            : '',
      },
    );
    el.remove();
  });
});
