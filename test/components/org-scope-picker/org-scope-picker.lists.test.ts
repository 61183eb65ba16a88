/**
 * The picker's list controllers (issue #15 item 3, #16): prefetch around the window, the search's
 * debounce and abort, required items resolved by ID, rows and keys after the split into controllers.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/org-scope-picker/define.js';
import { createMemoryHost, type MemoryHost } from '../../../src/api/memory-host/index.js';
import type { QysOrgScopePicker } from '../../../src/components/org-scope-picker/org-scope-picker.js';
import type { QysHost } from '../../../src/api/host.js';
import type { OrgScope } from '../../../src/api/schemas.js';

const $ = (el: QysOrgScopePicker, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const row = (el: QysOrgScopePicker, key: string) => $(el, `[role=treeitem][data-key="${key}"]`);
const tree = (el: QysOrgScopePicker) => $(el, '[role=tree]')!;
const wait = (fn: () => unknown, message = 'condition') => waitUntil(fn, message, { timeout: 4000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mount(host: QysHost, value: OrgScope = { include: [], exclude: [] }) {
  const el = await fixture<QysOrgScopePicker>(
    html`<qys-org-scope-picker .host=${host} .value=${value}></qys-org-scope-picker>`,
  );
  await wait(() => el.shadowRoot!.querySelector('[role=treeitem][data-key]'), 'tree rows');
  return el;
}

describe('<qys-org-scope-picker> lists', () => {
  it('the paste panel loads its module when its tab is first shown (not on the first paint)', async () => {
    const loaded = () =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('org-scope-picker/bulk-paste'));
    const el = await mount(createMemoryHost());
    expect(loaded()).to.equal(false);
    $(el, '[role=tab]:last-of-type')!.click();
    await el.updateComplete;
    expect($(el, '[part=bulk] textarea')).to.not.equal(null);
    expect(loaded()).to.equal(true);
  });

  it('loads the page after the window before it is scrolled to (prefetch), not every page', async () => {
    const base = createMemoryHost({ orgSize: { persons: 3000, departments: 4, subcompanies: 1 } });
    const big = base.control.samples.largestDepartment;
    expect(big.persons).to.be.greaterThan(400);
    const asked: string[] = [];
    const host: QysHost = {
      ...base,
      org: {
        ...base.org,
        children: (p, o) => {
          if (p?.id === big.id) asked.push(`${o?.offset ?? 0}`);
          return base.org.children(p, o);
        },
      },
    };
    const el = await mount(host);
    const { nodes } = await base.org.resolve([big]);
    for (const a of [...nodes[0]!.path, big]) {
      const k = `${a.type}:${a.id}`;
      await wait(() => row(el, k), k);
      row(el, k)!.querySelector<HTMLElement>('.twisty')!.click();
      await wait(() => row(el, k)!.getAttribute('aria-expanded') === 'true');
    }
    // Row index of the department's first person; its page k starts at first + 100 k.
    const bigRow = row(el, `department:${big.id}`)!;
    const first = Number(bigRow.id.slice(bigRow.id.lastIndexOf('-r') + 2)) + 1;
    const rendered = () =>
      [...el.shadowRoot!.querySelectorAll('[role=treeitem]')].map((r) =>
        Number(r.id.slice(r.id.lastIndexOf('-r') + 2)),
      );
    await wait(() => asked.includes('0'), 'page 0');
    // 40 rows above page 1: none of its rows is rendered, yet it is asked for.
    tree(el).scrollTop = 32 * (first + 100 - 40);
    await wait(() => asked.includes('100'), 'page 1 prefetched');
    await el.updateComplete;
    expect(Math.max(...rendered())).to.be.lessThan(first + 100);
    expect(asked).to.not.include('200');
    tree(el).scrollTop = 32 * (first + 200 - 40);
    await wait(() => asked.includes('200'), 'page 2 prefetched');
    await el.updateComplete;
    expect(Math.max(...rendered())).to.be.lessThan(first + 200);
    // Far pages are never asked for.
    expect(asked).to.not.include('300');
    expect(asked).to.not.include('400');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=treeitem][aria-busy=true]')).to.equal(null);
  });

  it('a required person not shown yet still blocks unchecking the unit above them (resolved by ID)', async () => {
    const host = createMemoryHost();
    const el = await mount(host, { include: [{ type: 'subcompany', id: '101' }], exclude: [] });
    // 何辉 is in 总部 / 研发中心; neither is expanded, so only resolving the ID tells where he is.
    el.requiredItems = [{ type: 'person', id: '10000001', reason: '法务必须在内' }];
    await el.updateComplete;
    await sleep(50);
    row(el, 'subcompany:101')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ include: [{ type: 'subcompany', id: '101' }], exclude: [] });
    expect($(el, '[part=message]')!.textContent).to.equal('法务必须在内');
    $(el, '[part=chip][data-key="subcompany:101"] [part=chip-remove]')!.click();
    await el.updateComplete;
    expect(el.value.include).to.have.length(1);
  });

  it('tree keys pressed before their module (tree-keys.ts) is there are kept and replayed in order', async () => {
    const el = await mount(createMemoryHost());
    await wait(() => row(el, 'subcompany:103'), 'top level');
    // As on a fresh element: the tree keys not loaded yet (a fresh import() resolves in a later task,
    // so every key below is dispatched before the module is there).
    const inner = el as unknown as { lists: { keys: unknown }; parts: { loading: Map<string, unknown> } };
    inner.lists.keys = undefined;
    inner.parts.loading.delete('keys');
    const key = (k: string) => {
      const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true });
      tree(el).dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect([key('ArrowDown'), key('ArrowDown'), key(' '), key('ArrowRight')]).to.deep.equal([
      true,
      true,
      true,
      true,
    ]);
    expect(inner.lists.keys).to.equal(undefined);
    expect(el.value.include).to.deep.equal([]); // kept, not lost and not yet applied
    await el.updateComplete;
    expect(inner.lists.keys).to.not.equal(undefined);
    expect(el.value.include).to.deep.equal([{ type: 'subcompany', id: '103' }]);
    await wait(() => row(el, 'subcompany:103')!.getAttribute('aria-expanded') === 'true', 'expanded');
    expect(tree(el).getAttribute('aria-activedescendant')).to.equal(row(el, 'subcompany:103')!.id);
    // ←/→ need the module (they expand and collapse): pressed first, before it is there, they are kept too.
    inner.lists.keys = undefined;
    inner.parts.loading.delete('keys');
    expect(key('ArrowLeft')).to.equal(true);
    await el.updateComplete;
    await wait(() => row(el, 'subcompany:103')!.getAttribute('aria-expanded') === 'false', 'collapsed');
    // Other keys (Tab) are left alone while the module loads.
    inner.lists.keys = undefined;
    inner.parts.loading.delete('keys');
    expect(key('Tab')).to.equal(false);
  });

  it('a new query aborts the one in flight; results of the last query are shown', async () => {
    const base = createMemoryHost({ latency: 500 });
    const signals: [string, AbortSignal][] = [];
    const host: QysHost = {
      ...base,
      org: {
        ...base.org,
        search: (q, o) => {
          signals.push([q, o!.signal!]);
          return base.org.search(q, o);
        },
      },
    };
    const el = await fixture<QysOrgScopePicker>(
      html`<qys-org-scope-picker .host=${host}></qys-org-scope-picker>`,
    );
    await wait(() => $(el, '[part=search]'));
    const input = $(el, '[part=search]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'z' });
    await wait(() => signals.length === 1, 'first query sent after the debounce');
    await sendKeys({ type: 'w' });
    await wait(() => signals.length === 2, 'second query');
    expect(signals.map(([q]) => q)).to.deep.equal(['z', 'zw']);
    expect(signals[0]![1].aborted).to.equal(true);
    expect(signals[1]![1].aborted).to.equal(false);
    await wait(() => el.shadowRoot!.querySelector('[role=treeitem][data-key]'), 'results');
    const first = (await base.org.search('zw', { limit: 1 })).items[0]!;
    expect(el.shadowRoot!.querySelector('[role=treeitem]')!.getAttribute('data-key')).to.equal(
      `${first.type}:${first.id}`,
    );
  });

  it('each tab keeps its own active row; PageDown / End / Home move it through the list controller', async () => {
    const host: MemoryHost = createMemoryHost();
    const el = await mount(host);
    tree(el).focus();
    await sendKeys({ press: 'End' });
    const last = () => tree(el).getAttribute('aria-activedescendant');
    expect(last()).to.match(/-tree-r2$/);
    await sendKeys({ press: 'Home' });
    expect(last()).to.match(/-tree-r0$/);
    await sendKeys({ press: 'ArrowDown' });
    expect(last()).to.match(/-tree-r1$/);
    // To the search tab and back: the tree's active row is still row 1.
    $(el, '[role=tab]:nth-child(2)')!.click();
    await el.updateComplete;
    $(el, '[role=tab]:nth-child(1)')!.click();
    await el.updateComplete;
    expect(last()).to.match(/-tree-r1$/);
  });
});
