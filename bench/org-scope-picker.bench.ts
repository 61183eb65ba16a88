/**
 * <qys-org-scope-picker> as a person sees it (issue #16): every time is from the user's action to the first
 * frame painted with the result (bench/record.ts paintedAfter), memory host without latency, headless Chromium.
 * The first picker on a page is measured in bench/org-scope-picker.cold.bench.ts (a fresh page); here a small
 * picker is mounted first so lit's one-time work is done.
 *
 * - expand: a mouse click on the twisty of the largest department (2,000 persons at 100k) → its first rows painted
 *   loaded, from the click event's timeStamp (see openLargest).
 * - wheel: a wheel step is 100 px (Chromium's tick); the list is scrolled 100 px per frame, 120 steps, through
 *   the expanded largest department (crossing page boundaries: pages are 100 rows). Each step is timed to the
 *   frame painted with every row in the viewport loaded; "placeholder frames" counts steps whose first frame
 *   still showed a loading row. Done at 10k, 100k and 300k persons.
 * - search: "z" then, 120 ms later, "w" (a person typing), timed from the second keystroke to the first
 *   results of "zw" painted; host search calls counted from the first keystroke until things settle.
 * - heap: JS heap used (after gc() where the bench browser exposes it) with the picker mounted after browsing
 *   at 300k, minus after its removal: what the picker itself holds (host caches and one-time costs stay).
 */
import '../src/components/org-scope-picker/define.js';
import { createMemoryHost } from '../src/api/memory-host/index.js';
import type { OrgNode } from '../src/api/schemas.js';
import type { QysHost } from '../src/api/host.js';
import type { QysOrgScopePicker } from '../src/components/org-scope-picker/org-scope-picker.js';
import { sendMouse } from '@web/test-runner-commands';
import { nextFrames, paintedAfter, record } from './record.js';

const area = 'org-scope-picker';
const ROW = 32;
const VIEWPORT = 480;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (fn: () => unknown, ms = 20_000) => {
  const t0 = performance.now();
  while (!fn()) {
    if (performance.now() - t0 > ms) throw new Error('timed out');
    await sleep(5);
  }
};
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
/** JS heap used after a full collection when the bench browser exposes gc() (precise memory info). */
const heapNow = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
};

interface Counted {
  host: QysHost;
  calls: { search: number; children: number };
  base: ReturnType<typeof createMemoryHost>;
}

function countedHost(persons: number, latency = 0): Counted {
  const base = createMemoryHost({
    orgSize: { persons, departments: Math.round(persons / 20), subcompanies: 8 },
    validate: false,
    latency,
  });
  const calls = { search: 0, children: 0 };
  const host: QysHost = {
    ...base,
    org: {
      ...base.org,
      search: (q, o) => (calls.search++, base.org.search(q, o)),
      children: (p, o) => (calls.children++, base.org.children(p, o)),
    },
  };
  return { host, calls, base };
}

const tree = (el: QysOrgScopePicker) => el.shadowRoot!.querySelector<HTMLElement>('[role=tree]');
const rowEl = (el: QysOrgScopePicker, k: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[role=treeitem][data-key="${k}"]`);
const rowIndex = (r: Element) => Number(r.id.slice(r.id.lastIndexOf('-r') + 2));

/** Every row (partly) in the tree's viewport is rendered and loaded (not a placeholder). */
function viewportLoaded(el: QysOrgScopePicker): boolean {
  const t = tree(el);
  if (!t) return false;
  const top = t.scrollTop;
  const first = Math.floor(top / ROW);
  const last = Math.ceil((top + t.clientHeight) / ROW);
  const total = Math.round((t.firstElementChild as HTMLElement).offsetHeight / ROW);
  const seen = new Set<number>();
  for (const r of t.querySelectorAll('[role=treeitem]')) {
    const i = rowIndex(r);
    if (i < first || i >= last) continue;
    if (!r.hasAttribute('data-key')) return false;
    seen.add(i);
  }
  return seen.size >= Math.min(last, total) - first;
}

async function mount(host: QysHost): Promise<QysOrgScopePicker> {
  const el = document.createElement('qys-org-scope-picker');
  el.host = host;
  el.style.setProperty('--qys-org-picker-height', `${VIEWPORT}px`);
  document.body.append(el);
  await until(() => el.shadowRoot!.querySelector('[role=treeitem][data-key]'));
  await nextFrames();
  return el;
}

/**
 * Expands down to the largest department; returns its row key and the time of its own expand (painted). That last
 * expand is a real click (the test runner's mouse, through the browser's input pipeline) timed from the click
 * event's `timeStamp`, the moment the browser took the input: a person's click lands anywhere in a frame, and what
 * they see is the next frame painted with the rows. (A `.click()` called from an animation-frame callback, as this
 * bench did before, renders the rows before that same frame paints but is first checked at the frame after: it
 * measured one whole frame plus delivery, 16.7–18.8 ms whatever the picker did.)
 */
async function openLargest(el: QysOrgScopePicker, base: Counted['base']): Promise<[string, number]> {
  const big = base.control.samples.largestDepartment;
  const bigNode: OrgNode = (await base.org.resolve([big])).nodes[0]!;
  const expanded = (k: string) => () => {
    const r = rowEl(el, k);
    const next = r && el.shadowRoot!.querySelector(`[id$="-r${rowIndex(r) + 1}"]`);
    return r?.getAttribute('aria-expanded') === 'true' && next?.hasAttribute('data-key');
  };
  for (const a of bigNode.path) {
    const k = `${a.type}:${a.id}`;
    await until(() => rowEl(el, k));
    rowEl(el, k)!.querySelector<HTMLElement>('.twisty')!.click();
    await until(expanded(k));
    await nextFrames();
  }
  const key = `department:${big.id}`;
  await until(() => rowEl(el, key));
  // at the top of the tree's viewport, so the mouse can reach it
  tree(el)!.scrollTop = rowIndex(rowEl(el, key)!) * ROW;
  await until(() => viewportLoaded(el));
  await nextFrames();
  const twisty = rowEl(el, key)!.querySelector<HTMLElement>('.twisty')!;
  const r = twisty.getBoundingClientRect();
  if (r.bottom > innerHeight || r.top < 0) throw new Error('the twisty is outside the window');
  let onClick: (e: MouseEvent) => void = () => {};
  const clicked = new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('the mouse click did not reach the page within 5 s')), 5000);
    onClick = (e) => (clearTimeout(t), resolve(e.timeStamp));
  });
  addEventListener('click', onClick, { capture: true, once: true });
  const sent = sendMouse({
    type: 'click',
    position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
  });
  // a command that fails fails the step now, not at the test's timeout
  const t0 = await Promise.race([clicked, sent.then(() => clicked)]);
  const ms = await paintedAfter(t0, expanded(key));
  await sent;
  await sendMouse({ type: 'move', position: [0, 0] });
  await nextFrames();
  return [key, ms];
}

/** 120 wheel steps of 100 px, one per frame: [median painted ms, p90, steps whose first frame had a placeholder]. */
async function wheelRun(el: QysOrgScopePicker, key: string): Promise<[number, number, number]> {
  const t = tree(el)!;
  t.scrollTop = rowIndex(rowEl(el, key)!) * ROW;
  await until(() => viewportLoaded(el));
  await nextFrames();
  const times: number[] = [];
  let placeholderFrames = 0;
  for (let s = 0; s < 120; s++) {
    let frames = 0;
    const t0 = performance.now();
    t.scrollTop += 100;
    times.push(
      await paintedAfter(t0, () => {
        frames++;
        const ok = viewportLoaded(el);
        if (!ok && frames === 1) placeholderFrames++;
        return ok;
      }),
    );
  }
  return [med(times), pct(times, 0.9), placeholderFrames];
}

describe('org-scope-picker benchmarks (painted)', () => {
  it('expand, wheel scroll at 10k / 100k / 300k, typed search, heap', async () => {
    // One small picker first: lit's one-time template work is not counted here (the cold file measures it).
    const warmEl = await mount(createMemoryHost());
    warmEl.remove();

    const rows: Parameters<typeof record> = [];
    const heap: { before?: number; mounted?: number; host?: Counted } = {};
    for (const persons of [10_000, 100_000, 300_000]) {
      const label = `${persons / 1000}k`;
      const c = countedHost(persons);
      // Build the host's search index and its lazy child lists before the clock and the heap baseline
      // (the host's own first-use cost and memory, not the picker's).
      await c.base.org.search('zw', { limit: 1 });
      const big = c.base.control.samples.largestDepartment;
      for (const p of [null, ...(await c.base.org.resolve([big])).nodes[0]!.path, big])
        await c.base.org.children(p, { limit: 100 });
      await nextFrames();
      const heap0 = heapNow();
      const el = await mount(c.host);
      const [bigKey, expandMs] = await openLargest(el, c.base);
      if (persons === 100_000) {
        // The targets are medians, and where a click lands in its frame varies: four more pickers (same
        // host, each loading the department afresh) expand it too; their garbage is collected before the wheel run.
        const expands = [expandMs];
        el.style.display = 'none'; // each is clicked with the mouse: the one being measured is at the top
        for (let i = 0; i < 4; i++) {
          const other = await mount(c.host);
          expands.push((await openLargest(other, c.base))[1]);
          other.remove();
        }
        el.style.display = '';
        heapNow();
        await nextFrames();
        rows.push({
          area,
          name: 'expand a department with 2,000 persons → painted (100k)',
          value: med(expands),
          unit: 'ms',
          before: '17 ms',
          target: 'keep ≤ 17 ms',
          note: `a real mouse click, from its input timeStamp; median of 5 pickers (${Math.min(...expands).toFixed(1)}–${Math.max(...expands).toFixed(1)})`,
        });
      }
      const [wheel, wheel90, placeholders] = await wheelRun(el, bigKey);
      rows.push({
        area,
        name: `wheel step → loaded rows painted (${label} persons)`,
        value: wheel,
        unit: 'ms',
        before: persons === 10_000 ? '' : '28–39 ms',
        target: '≤ 17 ms',
        note: `p90 ${wheel90.toFixed(1)} ms; ${placeholders} of 120 steps showed a placeholder first`,
      });

      if (persons === 100_000) {
        const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part=search]')!;
        const expected = (await c.base.org.search('zw', { offset: 0, limit: 100 })).items[0]!;
        const expectedKey = `${expected.type}:${expected.id}`;
        const searchTimes: number[] = [];
        const searchCalls: number[] = [];
        const keystrokes: number[] = [];
        for (let run = 0; run < 5; run++) {
          // back to an empty box (results cleared)
          input.value = '';
          input.dispatchEvent(new Event('input'));
          await sleep(400);
          await nextFrames();
          c.calls.search = 0;
          let k0 = performance.now();
          input.value = 'z';
          input.dispatchEvent(new Event('input'));
          keystrokes.push(performance.now() - k0);
          await sleep(120);
          k0 = performance.now();
          input.value = 'zw';
          input.dispatchEvent(new Event('input'));
          keystrokes.push(performance.now() - k0);
          searchTimes.push(
            await paintedAfter(k0, () => {
              const first = el.shadowRoot!.querySelector('[role=treeitem][id$="-search-r0"]');
              return first?.getAttribute('data-key') === expectedKey;
            }),
          );
          await sleep(400);
          searchCalls.push(c.calls.search);
        }
        rows.push(
          {
            area,
            name: 'type a 2-character query at 100k → first results painted',
            value: med(searchTimes),
            unit: 'ms',
            before: '268 ms',
            target: '≤ 120 ms',
            note: `host search calls per typed query: ${med(searchCalls)} (runs ${searchCalls.join('/')})`,
          },
          {
            area,
            name: 'keystroke in the search box (input handler, synchronous)',
            value: pct(keystrokes, 0.9),
            unit: 'ms',
            target: '< 16 ms',
            note: 'p90; input is never blocked longer',
          },
        );
      }
      const domRows = el.shadowRoot!.querySelectorAll('[role=treeitem]').length;
      if (persons === 300_000) {
        heap.before = heap0;
        heap.mounted = heapNow();
        heap.host = c; // kept alive: the removal below frees the picker, not the host
        rows.push({
          area,
          name: 'row elements in the DOM (300k)',
          value: domRows,
          unit: 'rows',
          target: '< 100',
        });
      }
      el.remove();
      await nextFrames();
    }
    // The picker's own heap: with it mounted after browsing at 300k, minus once it is removed and no longer
    // referenced (the loop's scope is gone); the host and one-time page costs stay in both.
    await sleep(100);
    const released = heapNow();
    const mb = (a?: number, b?: number) => (a !== undefined && b !== undefined ? (a - b) / 1048576 : 'n/a');
    const grown = mb(heap.mounted, heap.before);
    rows.push({
      area,
      name: 'picker heap of its own at 300k (after mount, expand, 120 wheel steps)',
      value: mb(heap.mounted, released),
      unit: 'MB',
      before: '0.8 MB',
      target: '< 2 MB',
      note:
        ((globalThis as { gc?: unknown }).gc
          ? 'usedJSHeapSize after gc(): mounted minus after removal'
          : 'performance.memory without gc() (coarse)') +
        `; page heap grew ${typeof grown === 'number' ? grown.toFixed(2) : grown} MB from before the mount (host caches included)`,
    });

    // The same wheel run against a host answering in 30 ms (a fast OA on the LAN): prefetching keeps the
    // next page loaded before it scrolls into view.
    const slow = countedHost(100_000, 30);
    await slow.base.org.search('zw', { limit: 1 });
    const slowEl = await mount(slow.host);
    const [slowKey] = await openLargest(slowEl, slow.base);
    const [slowWheel, slow90, slowPlaceholders] = await wheelRun(slowEl, slowKey);
    rows.push({
      area,
      name: 'wheel steps with a placeholder visible, host latency 30 ms (100k)',
      value: slowPlaceholders,
      unit: 'steps of 120',
      target: '≤ 0',
      note: `painted median ${slowWheel.toFixed(1)} ms, p90 ${slow90.toFixed(1)} ms`,
    });
    slowEl.remove();
    await record(...rows);
  });
});
