import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/browse-field/define.js';
import { createMemoryHost, type MemoryHostOptions } from '../../../src/api/memory-host/index.js';
import type { QysBrowseField } from '../../../src/components/browse-field/browse-field.js';
import type { QysHost } from '../../../src/api/host.js';
import type { Resource, ResourceKind } from '../../../src/api/schemas.js';
import { recording } from './recording-host.js';
import { formFieldSuite } from '../../shared/form-field-suite.js';

const KINDS: ResourceKind[] = [
  'electronic-seal',
  'physical-seal',
  'file-template',
  'electronic-seal-flow',
  'physical-seal-flow',
];
const isSeal = (k: ResourceKind) => k.endsWith('seal');
const GONE = '2859999999999999999';

/** waitUntil with room for a loaded CI machine (the default is 1 s). */
const until = (cond: () => unknown, message?: string, options: { timeout?: number } = {}) =>
  waitUntil(cond, message, { timeout: 8000, ...options, interval: 10 });
const root = (el: QysBrowseField) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: QysBrowseField, sel: string) =>
  root(el).querySelector<T & Element>(sel) as T | null;
const qa = (el: QysBrowseField, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const options = (el: QysBrowseField) =>
  qa(el, '[role="option"]:not([aria-busy]),[role="gridcell"]:not([aria-busy])');
const status = (el: QysBrowseField) => text(q(el, '[role="status"]'));

async function mount(
  kind: ResourceKind,
  host: QysHost,
  attrs: Partial<Record<string, string | boolean>> = {},
) {
  const el = await fixture<QysBrowseField>(
    html`<qys-browse-field kind=${kind} .host=${host}></qys-browse-field>`,
  );
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, '');
    else if (typeof v === 'string') el.setAttribute(k, v);
  }
  el.searchDelay = 0;
  await el.updateComplete;
  return el;
}

async function openDialog(el: QysBrowseField) {
  q(el, '[part~="browse"]')!.click();
  await until(() => q<HTMLDialogElement>(el, 'dialog')?.open, 'dialog did not open');
  await until(
    () => options(el).length > 0 || q(el, '[part~="empty"]') || q(el, '[role="alert"]'),
    'list did not load',
  );
  await el.updateComplete;
}

async function firstPage(host: QysHost, kind: ResourceKind, extra = {}): Promise<Resource[]> {
  return (await host.resources.list(kind, { limit: 500, ...extra })).items;
}

const memory = (o: MemoryHostOptions = {}) => createMemoryHost({ seed: 7, ...o });

describe('<qys-browse-field>', function () {
  this.timeout(30_000);
  for (const kind of KINDS) {
    describe(`kind="${kind}"`, () => {
      it('lists the host’s resources of the kind, picks one, shows it as a tag', async () => {
        const host = memory();
        const items = await firstPage(host, kind);
        const el = await mount(kind, host);
        const changes: unknown[] = [];
        el.addEventListener('qys-change', (e) => changes.push(e.detail.value));
        await openDialog(el);

        expect(status(el)).to.contain(`共 ${items.length} 项`);
        if (isSeal(kind)) {
          const grid = q(el, '[role="grid"]')!;
          expect(grid).not.to.equal(null);
          expect(Number(grid.getAttribute('aria-colcount'))).to.be.greaterThan(1);
          const img = options(el)[0]!.querySelector('img')!;
          await img.decode(); // the seal image really loads
          expect(img.naturalWidth).to.be.greaterThan(0);
          expect(text(options(el)[0])).to.contain(items[0]!.sealType!);
        } else {
          expect(q(el, '[role="listbox"]')).not.to.equal(null);
          const facts = text(options(el)[0]!.querySelector('.facts'));
          expect(facts).to.contain(items[0]!.category!);
          expect(facts).to.contain(items[0]!.company!);
          expect(facts).to.match(/启用|停用/);
        }
        expect(options(el).map((o) => text(o.querySelector('.name')))).to.include.members(
          items.slice(0, 3).map((i) => i.name),
        );

        // An enabled item (停用 ones cannot be picked).
        const k = items.findIndex((it, i) => i >= 1 && it.status === 'enabled');
        options(el)[k]!.click();
        await el.updateComplete;
        expect(options(el)[k]!.getAttribute('aria-selected')).to.equal('true');
        q(el, '[part~="confirm"]')!.click();
        await until(() => !q<HTMLDialogElement>(el, 'dialog')!.open);

        expect(el.value).to.deep.equal([items[k]!.id]);
        expect(changes).to.deep.equal([[items[k]!.id]]);
        const tag = q(el, '[part~="tag"]')!;
        expect(text(tag)).to.contain(items[k]!.name);
        if (isSeal(kind)) expect(tag.querySelector('img')).not.to.equal(null);
        else expect(tag.querySelector('img')).to.equal(null);
      });
    });
  }

  it('resolves stored IDs through the host and keeps deleted ones as 已失效 until removed', async () => {
    const host = recording(memory());
    const [a] = await firstPage(host.host, 'electronic-seal');
    const el = await fixture<QysBrowseField>(
      html`<qys-browse-field
        kind="electronic-seal"
        .host=${host.host}
        value="${a!.id},${GONE}"
      ></qys-browse-field>`,
    );
    await until(
      () =>
        qa(el, '[part~="tag"]').every((t) => !t.hasAttribute('aria-busy')) &&
        text(root(el)).includes(a!.name),
    );
    const tags = qa(el, '[part~="tag"]');
    expect(tags).to.have.length(2);
    expect(text(tags[0])).to.contain(a!.name);
    expect(tags[0]!.querySelector('img')).not.to.equal(null);
    expect(text(tags[1])).to.contain('已失效');
    expect(tags[1]!.getAttribute('part')).to.contain('tag-missing');
    expect(el.value).to.deep.equal([a!.id, GONE]);
    expect(host.resolves).to.deep.equal([[a!.id, GONE]]);

    // Opening and confirming without touching it keeps the deleted ID.
    await openDialog(el);
    q(el, '[part~="confirm"]')!.click();
    await until(() => !q<HTMLDialogElement>(el, 'dialog')!.open);
    expect(el.value).to.deep.equal([a!.id, GONE]);

    const change = oneEvent(el, 'qys-change');
    (tags[1]!.querySelector('[part~="tag-remove"]') as HTMLElement).click();
    expect((await change).detail.value).to.deep.equal([a!.id]);
    expect(el.value).to.deep.equal([a!.id]);
    await el.updateComplete;
    expect(text(root(el))).not.to.contain('已失效');
  });

  for (const kind of ['file-template', 'electronic-seal'] as const) {
    it(`${kind}: 停用 items are marked (已停用, aria-disabled) and cannot be picked by click or keyboard; a stored one is kept and flagged`, async () => {
      const host = memory();
      const all = (await host.resources.list(kind, { limit: 500 })).items;
      const off = all.find((r) => r.status === 'disabled')!;
      expect(off, 'the sample data has 停用 items').to.not.equal(undefined);
      const el = await mount(kind, host);
      await openDialog(el);
      const search = q<HTMLInputElement>(el, '[part~="search"]')!;
      search.value = off.name;
      search.dispatchEvent(new Event('input'));
      const row = () => options(el).find((o) => text(o.querySelector('.name')).startsWith(off.name));
      await until(() => row() && options(el).every((o) => text(o.querySelector('.name')).includes(off.name)));
      const r = row()!;
      expect(r.getAttribute('aria-disabled')).to.equal('true');
      expect(text(r)).to.contain('已停用');
      expect(r.getAttribute('part')).to.contain('option-disabled');
      // An enabled row is not marked.
      const enabled = options(el).find((o) => o !== r && o.getAttribute('aria-disabled') !== 'true');
      if (enabled) expect(text(enabled)).not.to.contain('已停用');

      // Click and double-click: not picked, and the status line says why.
      r.click();
      await el.updateComplete;
      expect(r.getAttribute('aria-selected')).to.equal('false');
      expect(status(el)).to.contain(off.name).and.contain('停用').and.contain('不能选择');
      r.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await el.updateComplete;
      expect(q<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);

      // Keyboard: make it the active item, then Space and Enter do not pick it.
      const list = q(el, '[role="listbox"],[role="grid"]')!;
      list.focus();
      await sendKeys({ press: 'Home' });
      const index = Number(r.dataset.index);
      for (let i = 0; i < index; i++) await sendKeys({ press: isSeal(kind) ? 'ArrowRight' : 'ArrowDown' });
      await el.updateComplete;
      expect(list.getAttribute('aria-activedescendant')).to.equal(r.id);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(r.getAttribute('aria-selected')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(q<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
      expect(el.value).to.deep.equal([]);
      q(el, '[part~="cancel"]')!.click();
      await until(() => !q<HTMLDialogElement>(el, 'dialog')!.open);

      // A stored value that became 停用 is kept and flagged like 已失效.
      el.value = [off.id];
      await until(() => text(q(el, '[part~="tag"]')).includes(off.name));
      const tag = q(el, '[part~="tag"]')!;
      expect(text(tag)).to.contain('已停用');
      expect(tag.getAttribute('part')).to.contain('tag-disabled');
      expect(el.value).to.deep.equal([off.id]);
      await expect(el).to.be.accessible();
    });
  }

  it('searches through the host (debounced); a new query aborts the previous one', async () => {
    const rec = recording(memory({ latency: 150 }));
    const el = await mount('file-template', rec.host);
    el.searchDelay = 30;
    await openDialog(el);
    const before = rec.lists.length;

    await sendKeys({ type: '劳' });
    await aTimeout(60); // debounce fired: the query for 劳 is in flight
    // The previous results stay on show (marked busy) instead of flashing an empty list.
    expect(options(el).length).to.be.greaterThan(0);
    expect(q(el, '[role="listbox"]')!.getAttribute('aria-busy')).to.equal('true');
    await sendKeys({ type: '动' });
    await until(() => status(el).includes('劳动'), 'no filtered result', {});

    const searches = rec.lists.slice(before).filter((c) => c.options.keyword);
    expect(searches.map((c) => c.options.keyword)).to.deep.equal(['劳', '劳动']);
    expect(searches[0]!.signal!.aborted, 'the older query was aborted').to.equal(true);
    expect(searches[1]!.signal!.aborted).to.equal(false);
    expect(options(el).length).to.be.greaterThan(0);
    for (const o of options(el)) expect(text(o.querySelector('.name'))).to.contain('劳动');

    // Typing fast (within the debounce) sends only the last keyword.
    const n = rec.lists.length;
    el.searchDelay = 1500; // longer than a loaded test machine takes between key presses
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '保密' });
    await until(() => status(el).includes('保密'), 'no filtered result', {});
    expect(rec.lists.slice(n).map((c) => c.options.keyword)).to.deep.equal(['保密']);
  });

  it('says when nothing matches, keeping the keyword typed', async () => {
    const el = await mount('file-template', memory());
    await openDialog(el);
    await sendKeys({ type: 'zzzz' });
    await until(() => status(el).includes('没有与'));
    expect(q<HTMLInputElement>(el, '[part~="search"]')!.value).to.equal('zzzz');
    expect(options(el)).to.have.length(0);
  });

  it('multiple: keeps several picks in order; single: a new pick replaces the old', async () => {
    const host = memory();
    const items = await firstPage(host, 'file-template');
    const multi = await mount('file-template', host, { multiple: true });
    await openDialog(multi);
    expect(q(multi, '[role="listbox"]')!.getAttribute('aria-multiselectable')).to.equal('true');
    options(multi)[2]!.click();
    options(multi)[0]!.click();
    options(multi)[3]!.click();
    options(multi)[3]!.click(); // toggles off again
    await multi.updateComplete;
    expect(text(q(multi, '.footer'))).to.contain('已选 2 项');
    q(multi, '[part~="confirm"]')!.click();
    await until(() => multi.value.length === 2);
    expect(multi.value).to.deep.equal([items[2]!.id, items[0]!.id]);

    const single = await mount('file-template', host);
    await openDialog(single);
    expect(q(single, '[role="listbox"]')!.getAttribute('aria-multiselectable')).to.equal('false');
    options(single)[0]!.click();
    options(single)[4]!.click();
    await single.updateComplete;
    expect(options(single).filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(1);
    q(single, '[part~="confirm"]')!.click();
    await until(() => single.value.length === 1);
    expect(single.value).to.deep.equal([items[4]!.id]);
  });

  it('multiple: picks made before a search stay chosen and can be removed in the dialog', async () => {
    const host = memory();
    const items = await firstPage(host, 'file-template');
    const el = await mount('file-template', host, { multiple: true });
    await openDialog(el);
    const first = items.find((i) => !i.name.includes('保密'))!;
    options(el)[items.indexOf(first)]!.click();
    await el.updateComplete;
    expect(text(q(el, '[part~="picked"]'))).to.contain(first.name);
    q<HTMLInputElement>(el, '[part~="search"]')!.focus();
    await sendKeys({ type: '保密' });
    await until(() => status(el).includes('保密'));
    const second = options(el).find((o) => o.getAttribute('aria-disabled') !== 'true')!;
    second.click();
    await el.updateComplete;
    const picked = text(q(el, '[part~="picked"]'));
    expect(picked)
      .to.contain(first.name)
      .and.contain(text(second.querySelector('.name')));
    expect(text(q(el, '.footer'))).to.contain('已选 2 项');
    (q(el, '[part~="picked"] li button') as HTMLElement).click(); // remove the first pick
    await el.updateComplete;
    q(el, '[part~="confirm"]')!.click();
    await until(() => el.value.length === 1);
    expect(el.value).to.not.include(first.id);
  });

  it('cancel (button or Escape) changes nothing and returns focus to the browse button', async () => {
    const host = memory();
    const items = await firstPage(host, 'file-template');
    const el = await mount('file-template', host, { value: items[0]!.id });
    let changed = 0;
    el.addEventListener('qys-change', () => changed++);

    await openDialog(el);
    options(el)[5]!.click();
    q(el, '[part~="cancel"]')!.click();
    await until(() => !q<HTMLDialogElement>(el, 'dialog')!.open);
    expect(el.value).to.deep.equal([items[0]!.id]);

    await openDialog(el);
    expect(options(el)[0]!.getAttribute('aria-selected'), 'the draft starts from the value').to.equal('true');
    options(el)[5]!.click();
    await sendKeys({ press: 'Escape' });
    await until(() => !q<HTMLDialogElement>(el, 'dialog')!.open);
    expect(el.value).to.deep.equal([items[0]!.id]);
    expect(changed).to.equal(0);
    expect(root(el).activeElement).to.equal(q(el, '[part~="browse"]'));
  });

  it('keyboard: Tab to browse, Enter opens, arrows move, Space selects, Enter confirms', async () => {
    const host = memory();
    const items = await firstPage(host, 'file-template');
    const before = document.createElement('button');
    before.textContent = 'before';
    const el = await mount('file-template', host, { multiple: true });
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(q(el, '[part~="browse"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => options(el).length > 0);
    expect(root(el).activeElement).to.equal(q(el, '[part~="search"]'));

    await sendKeys({ press: 'ArrowDown' }); // into the list
    const list = q(el, '[role="listbox"]')!;
    expect(root(el).activeElement).to.equal(list);
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(list.getAttribute('aria-activedescendant')).to.equal('o-2');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(list.getAttribute('aria-activedescendant')).to.equal('o-1');
    await sendKeys({ press: 'Enter' });
    await until(() => el.value.length === 2);
    expect(el.value).to.deep.equal([items[0]!.id, items[2]!.id]);
    await until(() => root(el).activeElement === q(el, '[part~="browse"]'), 'focus did not return');

    // Single: Enter picks the active item and confirms.
    const single = await mount('file-template', host);
    q(single, '[part~="browse"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => options(single).length > 0);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    // The last enabled item (停用 ones cannot be picked).
    const lastEnabled = items.findLastIndex((it) => it.status === 'enabled');
    for (let i = items.length - 1; i > lastEnabled; i--) await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await until(() => single.value.length === 1);
    expect(single.value).to.deep.equal([items[lastEnabled]!.id]);
  });

  it('keyboard in the seal grid moves in two dimensions', async () => {
    const el = await mount('electronic-seal', memory());
    await openDialog(el);
    const grid = q(el, '[role="grid"]')!;
    const cols = Number(grid.getAttribute('aria-colcount'));
    expect(cols).to.be.greaterThan(1);
    q<HTMLInputElement>(el, '[part~="search"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(root(el).activeElement).to.equal(grid);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(grid.getAttribute('aria-activedescendant')).to.equal('o-1');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(grid.getAttribute('aria-activedescendant')).to.equal(`o-${1 + cols}`);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(grid.getAttribute('aria-activedescendant')).to.equal(`o-${cols}`);
    expect(q(el, `#o-${cols}`)!.getAttribute('aria-selected')).to.equal('true');
    expect(q(el, `#o-${cols}`)!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('2');
  });

  it('windows 10,000 items: DOM rows stay bounded while scrolling pages in more from the host', async () => {
    // 10,001 generated: the OA copy holds 10,000 of them (two newest not synced yet, one stale).
    const rec = recording(memory({ resources: 10_001 }));
    const el = await mount('file-template', rec.host);
    await openDialog(el);
    expect(status(el)).to.contain('共 10,000 项');
    const first = qa(el, '[role="option"]');
    expect(first.length).to.be.greaterThan(5).and.lessThan(40);
    expect(first[0]!.getAttribute('aria-setsize')).to.equal('10000');
    const pagesBefore = rec.lists.length;

    const scroller = q(el, '[part~="list"]')!;
    scroller.scrollTop = scroller.scrollHeight;
    // The browser sends scroll events with rendering frames; a background test page gets none.
    scroller.dispatchEvent(new Event('scroll'));
    await until(() => options(el).some((o) => o.getAttribute('aria-posinset') === '10000'), 'last row');
    expect(qa(el, '[role="option"]').length).to.be.lessThan(40);
    const paged = rec.lists.slice(pagesBefore);
    expect(paged.length).to.be.greaterThan(0);
    expect(paged.every((c) => (c.options.offset ?? 0) >= 9000 && (c.options.limit ?? 0) <= 500)).to.equal(
      true,
    );
  });

  it('keyboard reaches the far end of 10,000 items (End), loading that page, and picks it', async () => {
    const host = memory({ resources: 10_001 });
    const el = await mount('file-template', host);
    await openDialog(el);
    q(el, '[part~="search"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    const list = q(el, '[role="listbox"]')!;
    await until(() => list.getAttribute('aria-activedescendant') === 'o-9999');
    await until(() => q(el, '#o-9999:not([aria-busy])'), 'the last page was not loaded');
    expect(qa(el, '[role="option"]').length).to.be.lessThan(40);
    const tail = (await host.resources.list('file-template', { offset: 9_980, limit: 20 })).items;
    expect(text(q(el, '#o-9999 .name'))).to.equal(tail.at(-1)!.name);
    // The last enabled one (停用 ones cannot be picked).
    const k = tail.findLastIndex((it) => it.status === 'enabled');
    for (let i = tail.length - 1; i > k; i--) await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.value.length === 1);
    expect(el.value).to.deep.equal([tail[k]!.id]);
  });

  it('empty list: explains 同步服务商数据; without allow-sync offers no sync', async () => {
    const el = await mount('file-template', memory({ resources: 2 }));
    await openDialog(el);
    const empty = q(el, '[part~="empty"]')!;
    expect(text(empty)).to.contain('同步服务商数据');
    expect(q(el, '[part~="sync"]')).to.equal(null);
    expect(text(empty)).to.contain('管理员');
  });

  it('empty list with allow-sync: runs the sync with progress, then reloads', async () => {
    const host = memory({ resources: 2, latency: 20 });
    const el = await mount('electronic-seal-flow', host, { 'allow-sync': true });
    await openDialog(el);
    await until(() => text(q(el, '[part~="empty"]')).includes('上次同步'), 'no last-synced time');
    const done = oneEvent(el, 'qys-sync-complete');
    q(el, '[part~="sync"]')!.click();
    await until(() => q(el, '[role="progressbar"]'), 'no progress shown');
    expect(status(el)).to.contain('正在同步');
    const ev = await done;
    expect(ev.detail.report.flows.added).to.be.greaterThan(0);
    await until(() => options(el).length === 2, 'list not reloaded');
    expect(status(el)).to.contain('同步完成');
  });

  it('a failing host shows the error with retry; retry loads the list', async () => {
    const host = memory({ failures: { 'resources.list': { kind: 'network', times: 1 } } });
    const el = await mount('file-template', host);
    await openDialog(el);
    const alert = q(el, '[role="alert"]')!;
    expect(text(alert)).to.contain('无法连接服务器');
    (alert.querySelector('button') as HTMLElement).click();
    await until(() => options(el).length > 0, 'retry did not load');
    expect(q(el, '[role="alert"]')).to.equal(null);
  });

  it('a page that fails while scrolling shows the error over the list; retry fills the rows', async () => {
    const host = memory({ resources: 10_001 });
    const el = await mount('file-template', host);
    await openDialog(el);
    host.control.failNext('resources.list', 'timeout');
    const scroller = q(el, '[part~="list"]')!;
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await until(() => q(el, '[role="alert"]'), 'no error shown');
    expect(text(q(el, '[role="alert"]'))).to.contain('超时');
    expect(q(el, '[role="listbox"]'), 'the list stays').to.not.equal(null);
    q(el, '[role="alert"] button')!.click();
    await until(() => q(el, '#o-9999:not([aria-busy])'), 'retry did not load the rows');
    expect(q(el, '[role="alert"]')).to.equal(null);
  });

  it('a failing sync says why and can be tried again; no service configured says so', async () => {
    const host = memory({ resources: 2, failures: { 'services.sync': { kind: 'server', times: 1 } } });
    const el = await mount('file-template', host, { 'allow-sync': true });
    await openDialog(el);
    q(el, '[part~="sync"]')!.click();
    await until(() => status(el).includes('同步失败'));
    expect(status(el)).to.contain('服务器处理失败');
    q(el, '[part~="sync"]')!.click();
    await until(() => options(el).length === 2, 'the second sync did not reload');

    const none = await mount('file-template', memory({ resources: 2, noServices: true }), {
      'allow-sync': true,
    });
    await openDialog(none);
    q(none, '[part~="sync"]')!.click();
    await until(() => status(none).includes('尚未配置契约锁服务'));
  });

  it('a failing resolve keeps the IDs and offers retry', async () => {
    const host = memory({ failures: { 'resources.resolve': { kind: 'server', times: 1 } } });
    const [a] = await firstPage(host, 'file-template');
    const el = await fixture<QysBrowseField>(
      html`<qys-browse-field kind="file-template" .host=${host} value=${a!.id}></qys-browse-field>`,
    );
    await until(() => q(el, '[role="alert"]'));
    expect(el.value).to.deep.equal([a!.id]);
    q(el, '[role="alert"] button')!.click();
    await until(() => text(q(el, '[part~="tag"]')).includes(a!.name));
  });

  it('service-id scopes every call; company filters seals', async () => {
    const base = memory();
    const serviceId = base.control.samples.defaultServiceId!;
    const rec = recording(base);
    const el = await mount('electronic-seal', rec.host, { 'service-id': serviceId });
    await openDialog(el);
    expect(rec.lists.every((c) => c.options.serviceId === serviceId)).to.equal(true);
    await until(() => q(el, '[part~="company"]'));
    const companies = await base.resources.companies();
    const select = q<HTMLSelectElement>(el, '[part~="company"]')!;
    select.value = companies[2]!.id;
    select.dispatchEvent(new Event('change'));
    await until(() => rec.lists.at(-1)!.options.companyId === companies[2]!.id && options(el).length > 0);
    await until(() => options(el).every((o) => text(o).includes(companies[2]!.name)));

    const preset = await mount('electronic-seal', rec.host, { company: companies[1]!.id });
    await openDialog(preset);
    expect(rec.lists.at(-1)!.options.companyId).to.equal(companies[1]!.id);
  });

  it('readonly shows the tags only; disabled cannot be opened', async () => {
    const host = memory();
    const [a] = await firstPage(host, 'physical-seal');
    const el = await mount('physical-seal', host, { value: a!.id, readonly: true });
    await until(() => text(q(el, '[part~="tag"]')).includes(a!.name));
    expect(qa(el, 'button')).to.have.length(0);
    el.removeAttribute('readonly');
    el.disabled = true;
    await el.updateComplete;
    expect(q<HTMLButtonElement>(el, '[part~="browse"]')!.disabled).to.equal(true);
    expect(q<HTMLButtonElement>(el, '[part~="clear"]')!.disabled).to.equal(true);
  });

  it('works in a plain <form>: name, comma-separated value, required, reset, disabled', async () => {
    const host = memory();
    const items = await firstPage(host, 'file-template');
    // A plain form built by hand (open-wc's fixture waits for an animation frame on non-Lit roots,
    // which a background test page never gets).
    const form = document.createElement('form');
    form.innerHTML = `<qys-browse-field name="tpl" kind="file-template" multiple required
      value="${items[0]!.id},${items[1]!.id}"></qys-browse-field>`;
    const el = form.querySelector('qys-browse-field')!;
    el.host = host;
    el.searchDelay = 0;
    document.body.append(form);
    after(() => form.remove());
    await el.updateComplete;
    expect(new FormData(form).get('tpl')).to.equal(`${items[0]!.id},${items[1]!.id}`);
    expect(form.checkValidity()).to.equal(true);

    q(el, '[part~="clear"]')!.click();
    expect(new FormData(form).get('tpl')).to.equal('');
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('请至少选择一项');
    await el.updateComplete;
    expect(text(q(el, '[part~="error"]'))).to.equal('请至少选择一项');

    let submitted: FormData | null = null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = new FormData(form);
    });
    form.requestSubmit();
    expect(submitted, 'an invalid form does not submit').to.equal(null);

    await openDialog(el);
    options(el)[3]!.click();
    q(el, '[part~="confirm"]')!.click();
    await until(() => el.value.length === 1);
    form.requestSubmit();
    expect(submitted!.get('tpl')).to.equal(items[3]!.id);

    form.reset();
    expect(el.value).to.deep.equal([items[0]!.id, items[1]!.id]);
    expect(new FormData(form).get('tpl')).to.equal(`${items[0]!.id},${items[1]!.id}`);

    el.disabled = true;
    await el.updateComplete; // the reflected attribute is what takes a field out of the form
    expect(new FormData(form).has('tpl')).to.equal(false);
  });

  it('properties set before connecting behave the same; bad values warn once and are ignored', async () => {
    const host = memory();
    const [a] = await firstPage(host, 'file-template');
    const el = document.createElement('qys-browse-field');
    el.kind = 'file-template';
    el.value = [a!.id];
    el.host = host;
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      el.kind = 'stamp' as ResourceKind;
      el.kind = 'stamp' as ResourceKind;
      el.value = 42 as unknown as string[];
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
    expect(el.kind).to.equal('file-template');
    expect(el.value).to.deep.equal([a!.id]);
    document.body.append(el);
    await until(() => text(q(el, '[part~="tag"]')).includes(a!.name));
    el.remove();
  });

  it('a value set by the page fires no qys-change; the page can set a comma-separated string', async () => {
    const host = memory();
    const items = await firstPage(host, 'file-template');
    const el = await mount('file-template', host, { multiple: true });
    let events = 0;
    el.addEventListener('qys-change', () => events++);
    el.value = `${items[0]!.id}, ${items[1]!.id},${items[0]!.id}`;
    expect(el.value).to.deep.equal([items[0]!.id, items[1]!.id]);
    await until(() => text(root(el)).includes(items[1]!.name));
    el.value = [];
    await el.updateComplete;
    expect(qa(el, '[part~="tag"]')).to.have.length(0);
    expect(events).to.equal(0);
  });

  it('required or readonly changed after connecting updates validity', async () => {
    const el = await mount('file-template', memory());
    expect(el.checkValidity()).to.equal(true);
    el.required = true;
    await el.updateComplete;
    expect(el.validity.valueMissing).to.equal(true);
    el.lang = 'en';
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Select at least one item');
    el.readonly = true;
    await el.updateComplete;
    expect(el.checkValidity(), 'a readonly field is not validated').to.equal(true);
  });

  it('English', async () => {
    const el = await mount('physical-seal-flow', memory({ resources: 2 }), { lang: 'en' });
    expect(q(el, '[part~="browse"]')!.getAttribute('aria-label')).to.equal('Choose physical seal flow');
    await openDialog(el);
    expect(text(q(el, 'h2'))).to.equal('Choose physical seal flow');
    expect(text(q(el, '[part~="empty"]'))).to.contain('Sync provider data');
  });

  it('is accessible closed and open (rows and seal grid)', async () => {
    const host = memory();
    const [a] = await firstPage(host, 'electronic-seal');
    const seal = await mount('electronic-seal', host, { value: `${a!.id},${GONE}`, multiple: true });
    await until(() => text(root(seal)).includes('已失效'));
    await expect(seal).to.be.accessible();
    await openDialog(seal);
    await expect(seal).to.be.accessible();

    const rows = await mount('file-template', host);
    await openDialog(rows);
    await expect(rows).to.be.accessible();
  });
});

{
  const host = createMemoryHost({ seed: 7 });
  let ids: string[] = [];
  before(async () => {
    ids = (await host.resources.list('file-template', { limit: 2 })).items.map((r) => r.id);
  });
  formFieldSuite<QysBrowseField>({
    tag: 'qys-browse-field',
    create: () => {
      const el = document.createElement('qys-browse-field');
      el.kind = 'file-template';
      el.multiple = true;
      el.searchDelay = 0;
      el.host = host;
      return el;
    },
    setValue: (el) => {
      el.value = ids;
    },
    get expected() {
      return [ids.join(',')];
    },
    userChange: async (el) => {
      q(el, '[part~="browse"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => options(el).length > 0, 'list did not load');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: ' ' });
      await sendKeys({ press: 'Enter' });
    },
    innerDisabled: (el) => q<HTMLButtonElement>(el, '[part~="browse"]')!.disabled,
  });
}
