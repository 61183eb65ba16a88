import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/org-scope-picker/define.js';
import {
  createMemoryHost,
  type MemoryHost,
  type MemoryHostOptions,
} from '../../../src/api/memory-host/index.js';
import type { QysOrgScopePicker } from '../../../src/components/org-scope-picker/org-scope-picker.js';
import type { OrgScope } from '../../../src/api/schemas.js';
import type { QysHost } from '../../../src/api/host.js';
import { formFieldSuite } from '../../shared/form-field-suite.js';

const $ = (el: QysOrgScopePicker, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: QysOrgScopePicker, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const rows = (el: QysOrgScopePicker) => $$(el, '[role=treeitem]');
const row = (el: QysOrgScopePicker, key: string) => $(el, `[role=treeitem][data-key="${key}"]`);
const tree = (el: QysOrgScopePicker) => $(el, '[role=tree]')!;
const activeRow = (el: QysOrgScopePicker) => {
  const id = tree(el).getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id) : null;
};
const text = (el: QysOrgScopePicker) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const press = (key: string) => sendKeys({ press: key });
const wait = (fn: () => unknown, message = 'condition') => waitUntil(fn, message, { timeout: 4000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function mount(
  opts: {
    host?: MemoryHost | QysHost;
    hostOptions?: MemoryHostOptions;
    mode?: 'scope' | 'persons';
    value?: OrgScope;
  } = {},
) {
  const host = opts.host ?? createMemoryHost(opts.hostOptions);
  const el = await fixture<QysOrgScopePicker>(
    html`<qys-org-scope-picker
      .host=${host}
      mode=${opts.mode ?? 'scope'}
      .value=${opts.value ?? { include: [], exclude: [] }}
    ></qys-org-scope-picker>`,
  );
  return { el, host: host as MemoryHost };
}

async function mountLoaded(opts: Parameters<typeof mount>[0] = {}) {
  const m = await mount(opts);
  await wait(() => rows(m.el).length > 0 && row(m.el, 'subcompany:101'), 'tree rows');
  return m;
}

/** Clicks a row's expand arrow and waits for its children. */
async function expandByClick(el: QysOrgScopePicker, key: string) {
  await wait(() => row(el, key), `${key} rendered`);
  const r = row(el, key)!;
  r.querySelector<HTMLElement>('.twisty')!.click();
  await wait(() => row(el, key)?.getAttribute('aria-expanded') === 'true', `${key} expanded`);
  await wait(() => !rows(el).some((x) => x.getAttribute('aria-busy') === 'true'), 'children loaded');
}

describe('<qys-org-scope-picker>', () => {
  describe('tree and keyboard (WAI-ARIA tree)', () => {
    it('renders rows with treeitem semantics', async () => {
      const { el } = await mountLoaded();
      const r = row(el, 'subcompany:101')!;
      expect(r.getAttribute('aria-level')).to.equal('1');
      expect(r.getAttribute('aria-setsize')).to.equal('3');
      expect(r.getAttribute('aria-posinset')).to.equal('1');
      expect(r.getAttribute('aria-expanded')).to.equal('false');
      expect(r.getAttribute('aria-checked')).to.equal('false');
      expect(tree(el).getAttribute('aria-multiselectable')).to.equal('true');
    });

    it('arrows expand, move and select; a deselected descendant becomes an exclusion and the unit shows mixed', async () => {
      const { el } = await mountLoaded();
      tree(el).focus();
      await press('ArrowRight');
      await wait(() => row(el, 'subcompany:101')!.getAttribute('aria-expanded') === 'true');
      await wait(() => rows(el).length > 3);
      await press('ArrowDown');
      const dept = activeRow(el)!;
      const deptKey = dept.dataset.key!;
      expect(dept.getAttribute('aria-level')).to.equal('2');
      let changed = oneEvent(el, 'qys-change');
      await press(' ');
      let ev = await changed;
      const [type, id] = deptKey.split(':') as ['department', string];
      expect(ev.detail.value).to.deep.equal({ include: [{ type, id }], exclude: [] });
      expect(row(el, deptKey)!.getAttribute('aria-checked')).to.equal('true');
      // into the department, to its first person
      await press('ArrowRight');
      await wait(() => row(el, deptKey)!.getAttribute('aria-expanded') === 'true');
      await wait(() => !rows(el).some((x) => x.getAttribute('aria-busy') === 'true'));
      await press('ArrowRight');
      let first = activeRow(el)!;
      expect(first.getAttribute('aria-level')).to.equal('3');
      // children of a selected unit show selected without loading the whole subtree
      expect(first.getAttribute('aria-checked')).to.equal('true');
      // walk down to the first person
      while (!first.dataset.key!.startsWith('person:')) {
        await press('ArrowDown');
        first = activeRow(el)!;
      }
      const personKey = first.dataset.key!;
      changed = oneEvent(el, 'qys-change');
      await press(' ');
      ev = await changed;
      expect(ev.detail.value.exclude).to.deep.equal([{ type: 'person', id: personKey.split(':')[1] }]);
      expect(row(el, deptKey)!.getAttribute('aria-checked')).to.equal('mixed');
      expect(row(el, 'subcompany:101')!.getAttribute('aria-checked')).to.equal('mixed');
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement).to.equal(tree(el));
      // ArrowLeft goes to the parent, then collapses it
      await press('ArrowLeft');
      expect(activeRow(el)!.dataset.key).to.equal(deptKey);
      await press('ArrowLeft');
      expect(row(el, deptKey)!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('Home/End, * expands every sibling, and type-ahead finds a person by 工号', async () => {
      const { el } = await mountLoaded();
      tree(el).focus();
      await press('End');
      expect(activeRow(el)!.dataset.key).to.equal('subcompany:103');
      await press('Home');
      expect(activeRow(el)!.dataset.key).to.equal('subcompany:101');
      await press('*');
      await wait(() =>
        ['101', '102', '103'].every(
          (i) => row(el, `subcompany:${i}`)?.getAttribute('aria-expanded') === 'true',
        ),
      );
      expect(activeRow(el)!.dataset.key).to.equal('subcompany:101');
      // open the current user's department and type the 工号 of its third person
      await press('ArrowDown');
      await press('ArrowRight');
      await wait(() => rows(el).some((r) => r.dataset.key?.startsWith('person:')));
      const persons = rows(el).filter((r) => r.dataset.key?.startsWith('person:'));
      const target = persons[2]!;
      const no = target.querySelector('[part=row-meta]')!.textContent!.trim().split(' ')[0]!;
      expect(no).to.match(/^\d+$/);
      await sendKeys({ type: no });
      expect(activeRow(el)!.dataset.key).to.equal(target.dataset.key);
    });

    it('children load lazily, one page at a time', async () => {
      const { el, host } = await mountLoaded();
      expect(host.control.calls('org.children')).to.equal(1);
      await expandByClick(el, 'subcompany:101');
      expect(host.control.calls('org.children')).to.equal(2);
    });

    it('keeps fewer than 100 rows in the DOM at 100,000 persons, and focus on the active row while scrolling', async function () {
      this.timeout(30_000);
      const host = createMemoryHost({ orgSize: 'large' });
      const big = host.control.samples.largestDepartment;
      const { el } = await mount({ host });
      await wait(() => rows(el).length > 0);
      // open the path down to the largest department (2,000 persons)
      const [res] = await Promise.all([host.org.resolve([big])]);
      for (const p of res.nodes[0]!.path) await expandByClick(el, `${p.type}:${p.id}`);
      await expandByClick(el, `department:${big.id}`);
      const r = row(el, `department:${big.id}`)!;
      tree(el).focus();
      r.click();
      await press('ArrowDown');
      expect(rows(el).length).to.be.lessThan(100);
      for (let i = 0; i < 40; i++) await press('PageDown');
      await wait(() => activeRow(el)?.dataset.key?.startsWith('person:'));
      expect(rows(el).length).to.be.lessThan(100);
      expect(Number(activeRow(el)!.getAttribute('aria-posinset'))).to.be.greaterThan(300);
      expect(el.shadowRoot!.activeElement).to.equal(tree(el));
    });
  });

  describe('search', () => {
    it('debounces, aborts the previous query, and shows paths that tell two 张伟 apart', async () => {
      const base = createMemoryHost({ latency: 800 });
      const signals: AbortSignal[] = [];
      const queries: string[] = [];
      const host: QysHost = {
        ...base,
        org: {
          ...base.org,
          search: (q, o) => {
            queries.push(q);
            if (o?.signal) signals.push(o.signal);
            return base.org.search(q, o);
          },
        },
      };
      const { el } = await mountLoaded({ host });
      const input = $(el, '[part=search]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'zhang' });
      await sleep(350); // the first query is in flight (800 ms latency)
      await sendKeys({ type: 'wei' });
      await wait(() => queries.length === 2 && $$(el, '[part=row-path]').length > 0, 'results');
      expect(queries).to.deep.equal(['zhang', 'zhangwei']);
      expect(signals[0]!.aborted).to.equal(true);
      expect(signals[1]!.aborted).to.equal(false);
      const zw = rows(el).filter((r) => r.querySelector('[part=row-label]')!.textContent === '张伟');
      expect(zw.length).to.be.greaterThan(1);
      const paths = zw.map((r) => r.querySelector('[part=row-path]')!.textContent);
      expect(new Set(paths).size).to.equal(paths.length);
      expect(paths[0]).to.contain(' / ');
      expect($(el, '[role=tab][aria-selected=true]')!.textContent!.trim()).to.equal('搜索');
      // selecting from results works like in the tree
      await press('ArrowDown');
      expect(el.shadowRoot!.activeElement).to.equal(tree(el));
      const idx = rows(el).indexOf(zw[0]!);
      for (let i = 0; i < idx; i++) await press('ArrowDown');
      const changed = oneEvent(el, 'qys-change');
      await press(' ');
      const ev = await changed;
      expect(ev.detail.value.include).to.deep.equal([
        { type: 'person', id: zw[0]!.dataset.key!.split(':')[1] },
      ]);
    });

    it('finds by pinyin initials and by 工号, and says when nothing matches', async () => {
      const { el, host } = await mountLoaded();
      const input = $(el, '[part=search]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'zw' });
      await wait(() => rows(el).some((r) => r.textContent!.includes('张伟')), 'initials');
      const res = await host.org.resolve([host.control.samples.currentUser]);
      const no = res.nodes[0]!.employeeNo!;
      input.select();
      await sendKeys({ type: no });
      await wait(() => row(el, `person:${host.control.samples.currentUser.id}`), '工号');
      input.select();
      await sendKeys({ type: 'qqqqxxxx' });
      await wait(() => text(el).includes('没有找到与“qqqqxxxx”匹配的结果'));
    });
  });

  describe('chips, head counts, missing and resigned', () => {
    it('a whole unit is one chip with its live head count, and the summary shows the total', async () => {
      const { el, host } = await mountLoaded({
        value: {
          include: [
            { type: 'subcompany', id: '101' },
            { type: 'person', id: '10000150' },
          ],
          exclude: [],
        },
      });
      const count = await host.org.count({ include: [{ type: 'subcompany', id: '101' }], exclude: [] });
      const total = await host.org.count(el.value);
      await wait(() => text(el).includes(`（全部，${count.total} 人）`), 'unit chip');
      expect(text(el)).to.contain('1 个分部 · 1 人');
      await wait(() => text(el).includes(`共 ${total.total} 人`));
    });

    it('summary wording: English singular/plural ("1 subcompany", "1 person"); persons only is not counted twice', async () => {
      const { el } = await mountLoaded({
        value: {
          include: [
            { type: 'subcompany', id: '101' },
            { type: 'person', id: '10000150' },
          ],
          exclude: [],
        },
      });
      el.lang = 'en';
      await wait(() => text(el).includes('in total'), 'total counted');
      expect(text(el)).to.contain('1 subcompany · 1 person');
      expect(text(el)).not.to.match(/\b1 (subcompanies|persons|departments)\b/);

      // Only persons: "3 人", not "3 人 共 3 人".
      el.lang = 'zh-CN';
      const ids = ['10000150', '10000151', '10000152'];
      el.value = { include: ids.map((id) => ({ type: 'person' as const, id })), exclude: [] };
      await wait(() => $(el, '[part="summary"]')?.textContent?.includes('3 人'), 'persons summary');
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      const line = $(el, '[part="summary"]')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(line).to.contain('3 人').and.not.contain('共 3 人');
    });

    it('an excluded member makes the unit chip partial and appears as its own chip', async () => {
      const { el } = await mountLoaded({
        value: {
          include: [{ type: 'subcompany', id: '101' }],
          exclude: [{ type: 'person', id: '10000001' }],
        },
      });
      await wait(() => text(el).includes('（部分，'), 'partial chip');
      expect(text(el)).to.contain('排除：');
      expect(row(el, 'subcompany:101')!.getAttribute('aria-checked')).to.equal('mixed');
    });

    it('IDs that no longer exist stay as 已失效 chips until the user removes them', async () => {
      const value = {
        include: [
          { type: 'department' as const, id: '99999999' },
          { type: 'subcompany' as const, id: '102' },
        ],
        exclude: [],
      };
      const { el } = await mountLoaded({ value });
      await wait(() => text(el).includes('已失效'), 'missing chip');
      expect(text(el)).to.contain('1 项在 OA 中已不存在');
      expect(el.value).to.deep.equal(value);
      const chip = $(el, '[part=chip][data-key="department:99999999"]')!;
      expect(chip.classList.contains('missing')).to.equal(true);
      const changed = oneEvent(el, 'qys-change');
      chip.querySelector<HTMLButtonElement>('[part=chip-remove]')!.click();
      await changed;
      expect(el.value).to.deep.equal({ include: [{ type: 'subcompany', id: '102' }], exclude: [] });
      await el.updateComplete;
      expect(text(el)).not.to.contain('已失效');
    });

    it('a saved selection with resigned persons is flagged, not changed', async () => {
      const host = createMemoryHost();
      const { resignedPerson } = host.control.samples;
      const value = { include: [resignedPerson], exclude: [] };
      const { el } = await mountLoaded({ host, mode: 'persons', value });
      await wait(() => text(el).includes('已离职或无效'), 'flag');
      expect(text(el)).to.contain('（已离职）');
      expect(el.value).to.deep.equal(value);
    });

    it('many chips collapse into +N, and the full list is reachable by keyboard', async () => {
      const include = Array.from({ length: 12 }, (_, i) => ({
        type: 'person' as const,
        id: String(10000010 + i),
      }));
      const { el } = await mountLoaded({ mode: 'persons', value: { include, exclude: [] } });
      expect($$(el, '[part=chip]').length).to.equal(8);
      const more = $(el, '[part=more]') as HTMLButtonElement;
      expect(more.textContent!.trim()).to.equal('+4');
      more.focus();
      await press('Enter');
      await el.updateComplete;
      expect($$(el, '[part=chip]').length).to.equal(12);
      expect(el.shadowRoot!.activeElement).to.equal(more);
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement!.getAttribute('part')).to.equal('chip-remove');
    });
  });

  describe('constraints', () => {
    it('max-persons with a custom message refuses the extra person', async () => {
      const { el } = await mountLoaded({ mode: 'persons' });
      el.maxPersons = 1;
      el.overLimitMessage = '签章人员最多 {max} 位';
      await expandByClick(el, 'subcompany:101');
      const dept = rows(el).find((r) => r.dataset.key!.startsWith('department:'))!.dataset.key!;
      await expandByClick(el, dept);
      const persons = rows(el).filter((r) => r.dataset.key!.startsWith('person:'));
      persons[0]!.click();
      await el.updateComplete;
      expect(el.value.include.length).to.equal(1);
      persons[1]!.click();
      await el.updateComplete;
      expect(el.value.include.length).to.equal(1);
      expect($(el, '[part=message]')!.textContent).to.equal('签章人员最多 1 位');
    });

    it('min makes the field invalid with a message', async () => {
      const { el } = await mountLoaded({
        value: { include: [{ type: 'subcompany', id: '101' }], exclude: [] },
      });
      el.min = 2;
      await el.updateComplete;
      expect(el.validity.rangeUnderflow).to.equal(true);
      expect(el.validationMessage).to.equal('请至少选择 2 项');
    });

    it('disabled, picked and required items show their reason and cannot be changed', async () => {
      const { el } = await mountLoaded({
        value: { include: [{ type: 'subcompany', id: '101' }], exclude: [] },
      });
      el.disabledItems = [{ type: 'subcompany', id: '102', reason: '无权限同步北京分公司' }];
      el.pickedItems = [{ type: 'subcompany', id: '103' }];
      el.requiredItems = [{ type: 'subcompany', id: '101', reason: '总部必须同步' }];
      await el.updateComplete;
      const disabled = row(el, 'subcompany:102')!;
      expect(disabled.getAttribute('aria-disabled')).to.equal('true');
      expect(disabled.querySelector('[part=row-reason]')!.textContent).to.equal('无权限同步北京分公司');
      expect(disabled.title).to.contain('无权限同步北京分公司');
      const picked = row(el, 'subcompany:103')!;
      expect(picked.getAttribute('aria-checked')).to.equal('true');
      expect(picked.getAttribute('aria-disabled')).to.equal('true');
      expect(picked.querySelector('[part=row-reason]')!.textContent).to.equal('已选择');
      tree(el).focus();
      await press('End'); // 103 (picked)
      await press(' ');
      await press('ArrowUp'); // 102 (disabled)
      await press(' ');
      await press('Home'); // 101 (required, selected)
      await press(' ');
      expect(el.value).to.deep.equal({ include: [{ type: 'subcompany', id: '101' }], exclude: [] });
      expect($(el, '[part=message]')!.textContent).to.equal('总部必须同步');
      expect($(el, '[part=chip][data-key="subcompany:101"] [part=chip-remove]')).to.equal(null);
    });
  });

  describe('part 2: tabs, status, part-time, bulk paste', () => {
    it('persons mode offers the person-oriented tabs; scope mode does not; the host decides', async () => {
      const { el } = await mountLoaded({ mode: 'persons' });
      await wait(() => $$(el, '[role=tab]').length > 3);
      expect($$(el, '[role=tab]').map((t) => t.textContent!.trim())).to.deep.equal([
        '组织结构',
        '搜索',
        '最近',
        '同部门',
        '我的下属',
        '批量添加',
      ]);
      const scope = await mountLoaded();
      await wait(() => $$(scope.el, '[role=tab]').length === 3);
      const limited = await mountLoaded({ mode: 'persons', hostOptions: { tabs: ['tree'] } });
      await sleep(50);
      expect($$(limited.el, '[role=tab]').map((t) => t.textContent!.trim())).to.deep.equal([
        '组织结构',
        '批量添加',
      ]);
      expect($(limited.el, '[part=search]')).to.equal(null);
    });

    it('tabs switch with arrow keys; 同部门 lists colleagues to select', async () => {
      const { el, host } = await mountLoaded({ mode: 'persons' });
      await wait(() => $$(el, '[role=tab]').length > 3);
      $(el, '[role=tab][aria-selected=true]')!.focus();
      await press('ArrowRight');
      await press('ArrowRight');
      await press('ArrowRight');
      expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('同部门');
      await press('Enter');
      await wait(() => rows(el).length > 0 && rows(el).every((r) => r.dataset.key?.startsWith('person:')));
      const first = rows(el)[0]!;
      expect(first.querySelector('[part=row-path]')).to.not.equal(null);
      first.click();
      await el.updateComplete;
      expect(el.value.include).to.deep.equal([{ type: 'person', id: first.dataset.key!.split(':')[1] }]);
      // the pick is remembered in 最近
      await wait(async () => (await host.org.recent()).some((n) => `person:${n.id}` === first.dataset.key));
    });

    it('the inactive filter appears only when the host allows it', async () => {
      const allowed = await mountLoaded();
      await wait(() => $(allowed.el, '[part=filter]'));
      const denied = await mountLoaded({ hostOptions: { canShowInactive: false } });
      await sleep(50);
      expect($(denied.el, '[part=filter]')).to.equal(null);
    });

    it('the tree is as tall as its rows, up to --qys-org-picker-height (then it scrolls)', async () => {
      const { el } = await mountLoaded();
      await wait(() => rows(el).length > 0);
      const t = tree(el);
      const content = t.querySelector<HTMLElement>('.spacer')!.offsetHeight;
      expect(content, 'a few root rows').to.be.within(32, 319);
      expect(t.clientHeight).to.equal(content);
      el.style.setProperty('--qys-org-picker-height', '40px');
      expect(t.clientHeight).to.equal(40);
      expect(t.scrollHeight).to.equal(content);
    });

    it('a part-time person is checked under every department they belong to', async () => {
      const host = createMemoryHost();
      const pt = host.control.samples.partTimePerson;
      const [d1, d2] = pt.departments as [
        { type: 'department'; id: string },
        { type: 'department'; id: string },
      ];
      const { el } = await mountLoaded({ host, value: { include: [d1], exclude: [] } });
      // a tall viewport so both departments' rows are rendered at once
      el.style.setProperty('--qys-org-picker-height', '4000px');
      // the tree is as tall as its rows up to that maximum: every row fits
      await wait(() => tree(el).clientHeight > 0 && tree(el).scrollHeight <= tree(el).clientHeight);
      tree(el).dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      const res = await host.org.resolve([d1, d2]);
      for (const d of res.nodes) {
        for (const p of d.path)
          if (
            (await wait(() => row(el, `${p.type}:${p.id}`)),
            row(el, `${p.type}:${p.id}`)!.getAttribute('aria-expanded') === 'false')
          )
            await expandByClick(el, `${p.type}:${p.id}`);
        await expandByClick(el, `department:${d.id}`);
      }
      await wait(() => $$(el, `[role=treeitem][data-key="person:${pt.id}"]`).length === 2, 'listed twice');
      const shown = $$(el, `[role=treeitem][data-key="person:${pt.id}"]`);
      for (const r of shown) expect(r.getAttribute('aria-checked')).to.equal('true');
      expect(el.value.include).to.deep.equal([d1]);
    });

    it('bulk paste selects unique matches, asks about ambiguous names, lists the unmatched', async () => {
      const host = createMemoryHost();
      const { el } = await mountLoaded({ host, mode: 'persons' });
      const me = (await host.org.resolve([host.control.samples.currentUser])).nodes[0]!;
      (el.shadowRoot!.querySelector('#' + $(el, '[role=tab]:last-of-type')!.id) as HTMLElement).click();
      await el.updateComplete;
      const area = $(el, '[part=bulk] textarea') as HTMLTextAreaElement;
      area.focus();
      await sendKeys({ type: `张伟, ${me.employeeNo}` });
      await press('Enter');
      await sendKeys({ type: '查无此人' });
      ($(el, '[part=bulk-submit]') as HTMLButtonElement).click();
      await wait(() => $(el, 'fieldset'), 'ambiguous choice');
      expect(el.value.include).to.deep.equal([{ type: 'person', id: me.id }]);
      expect($(el, '[data-flag=unmatched]')!.textContent).to.contain('查无此人');
      const radios = $$(el, 'fieldset input[type=radio]');
      expect(radios.length).to.be.greaterThan(1);
      radios[1]!.click();
      await el.updateComplete;
      expect(el.value.include.length).to.equal(2);
      expect($(el, 'fieldset')).to.equal(null);
    });
  });

  describe('bulk paste on a slow host', () => {
    it('lines typed while the list is being matched stay in the box; the match can be aborted', async () => {
      const host = createMemoryHost();
      const { el } = await mountLoaded({ host, mode: 'persons' });
      const me = (await host.org.resolve([host.control.samples.currentUser])).nodes[0]!;
      (el.shadowRoot!.querySelector('#' + $(el, '[role=tab]:last-of-type')!.id) as HTMLElement).click();
      await el.updateComplete;
      const area = $(el, '[part=bulk] textarea') as HTMLTextAreaElement;
      area.focus();
      await sendKeys({ type: me.employeeNo! });
      const match = host.org.match.bind(host.org);
      let signal: AbortSignal | undefined;
      host.org.match = (inputs, o) => ((signal = o?.signal), match(inputs, o));
      host.control.setLatency(300);
      ($(el, '[part=bulk-submit]') as HTMLButtonElement).click();
      area.focus();
      await press('End');
      await press('Enter');
      await sendKeys({ type: '李四' }); // the admin goes on pasting while the first list is matched
      await wait(() => el.value.include.length === 1, 'the unique match selected');
      await el.updateComplete;
      expect(area.value).to.contain('李四');
      expect(signal).to.be.instanceOf(AbortSignal);
    });
  });

  describe('states', () => {
    it('a unit found by search expands in place, loading its children lazily', async () => {
      const { el, host } = await mountLoaded();
      const input = $(el, '[part=search]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: '总部' });
      await wait(
        () =>
          row(el, 'subcompany:101') &&
          $(el, '[part=row-path]') === null &&
          $(el, '[role=tab][aria-selected=true]')!.textContent!.includes('搜索'),
      );
      const before = host.control.calls('org.children');
      await expandByClick(el, 'subcompany:101');
      expect(host.control.calls('org.children')).to.equal(before + 1);
      const child = rows(el).find((r) => r.getAttribute('aria-level') === '2');
      expect(child).to.not.equal(undefined);
    });

    it('showing 离职 / 无效 persons reloads the lists with them', async () => {
      const host = createMemoryHost();
      const { resignedPerson } = host.control.samples;
      const res = await host.org.resolve([resignedPerson]);
      const { el } = await mountLoaded({ host });
      el.style.setProperty('--qys-org-picker-height', '4000px');
      // the tree is as tall as its rows up to that maximum: every row fits
      await wait(() => tree(el).clientHeight > 0 && tree(el).scrollHeight <= tree(el).clientHeight);
      tree(el).dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      const node = res.nodes[0]!;
      for (const p of node.path) await expandByClick(el, `${p.type}:${p.id}`);
      expect(row(el, `person:${resignedPerson.id}`)).to.equal(null);
      const filter = $(el, '[part=filter] input') as HTMLInputElement;
      filter.click();
      await el.updateComplete; // the lists reload
      await wait(() => row(el, 'subcompany:101'));
      for (const p of node.path)
        if (
          (await wait(() => row(el, `${p.type}:${p.id}`)),
          row(el, `${p.type}:${p.id}`)!.getAttribute('aria-expanded') === 'false')
        )
          await expandByClick(el, `${p.type}:${p.id}`);
      await wait(() => row(el, `person:${resignedPerson.id}`), 'resigned person listed');
      expect(row(el, `person:${resignedPerson.id}`)!.textContent).to.contain('已离职');
    });

    it('最近 lists recent picks; Delete removes the active one from the host', async () => {
      const host = createMemoryHost();
      await host.org.addRecent([
        { type: 'person', id: '10000007' },
        { type: 'person', id: '10000008' },
      ]);
      const { el } = await mountLoaded({ host, mode: 'persons' });
      await wait(() => $$(el, '[role=tab]').length > 3);
      ($$(el, '[role=tab]').find((t) => t.textContent!.trim() === '最近') as HTMLElement).click();
      await wait(() => row(el, 'person:10000007'));
      tree(el).focus();
      await press('Delete');
      await wait(
        async () => !(await host.org.recent()).some((n) => n.id === '10000007'),
        'removed at the host',
      );
      await wait(() => !row(el, 'person:10000007') && row(el, 'person:10000008'), 'list reloaded');
    });

    it('in persons mode a unit cannot be selected, and says so', async () => {
      const { el } = await mountLoaded({ mode: 'persons' });
      expect(row(el, 'subcompany:101')!.getAttribute('aria-checked')).to.equal('false');
      tree(el).focus();
      await press(' ');
      // Space acts once the tree keys' module is there (it loads right after the first render; a key pressed before
      // is kept and replayed), and the message's text comes with the selection parts.
      await wait(
        () => $(el, '[part=message]')?.textContent?.includes('只能选择人员'),
        'the persons-only message',
      );
      expect(el.value.include).to.deep.equal([]);
      expect($(el, '[part=message]')!.textContent).to.contain('只能选择人员');
      // a person picked under it shows the unit as partly selected
      await expandByClick(el, 'subcompany:101');
      const dept = rows(el).find((r) => r.dataset.key!.startsWith('department:'))!.dataset.key!;
      await expandByClick(el, dept);
      rows(el)
        .find((r) => r.dataset.key!.startsWith('person:'))!
        .click();
      await el.updateComplete;
      expect(row(el, dept)!.getAttribute('aria-checked')).to.equal('mixed');
      expect(row(el, 'subcompany:101')!.getAttribute('aria-checked')).to.equal('mixed');
    });

    it('a failing host shows the error with a retry, and keeps the selection', async () => {
      const value = { include: [{ type: 'subcompany' as const, id: '101' }], exclude: [] };
      const { el, host } = await mount({
        value,
        hostOptions: { failures: { 'org.children': { kind: 'network', times: 1 } } },
      });
      await wait(() => $(el, '[part=error]'), 'error');
      expect(text(el)).to.contain('无法连接服务器');
      expect(el.value).to.deep.equal(value);
      ($(el, '[part=retry]') as HTMLButtonElement).click();
      await wait(() => row(el, 'subcompany:101'), 'rows after retry');
      expect(row(el, 'subcompany:101')!.getAttribute('aria-checked')).to.equal('true');
      expect(host.control.calls('org.children')).to.equal(2);
    });

    it('shows loading while the host is slow, then the rows', async () => {
      const { el } = await mount({ hostOptions: { latency: 200 } });
      await el.updateComplete;
      expect($(el, '[part=status]')!.textContent).to.contain('加载中');
      await wait(() => rows(el).length > 0);
    });

    it('en', async () => {
      const { el } = await mountLoaded({
        value: { include: [{ type: 'subcompany', id: '101' }], exclude: [] },
      });
      el.lang = 'en';
      await wait(() => text(el).includes('persons in total'));
      expect(text(el)).to.contain('1 subcompany');
      expect(text(el)).to.contain('Org chart');
    });

    it('is accessible (expanded, with a selection)', async () => {
      const { el } = await mountLoaded({
        value: { include: [{ type: 'subcompany', id: '101' }], exclude: [] },
      });
      await expandByClick(el, 'subcompany:101');
      await expect(el).to.be.accessible();
    });

    it('is accessible in persons mode with many chips, on the search and paste tabs', async () => {
      const include = Array.from({ length: 12 }, (_, i) => ({
        type: 'person' as const,
        id: String(10000010 + i),
      }));
      const { el } = await mountLoaded({ mode: 'persons', value: { include, exclude: [] } });
      await wait(() => $$(el, '[role=tab]').length > 3);
      await expect(el).to.be.accessible();
      const input = $(el, '[part=search]') as HTMLInputElement;
      input.focus();
      await sendKeys({ type: 'zw' });
      await wait(() => $(el, '[part=row-path]'));
      await expect(el).to.be.accessible();
      ($$(el, '[role=tab]').at(-1) as HTMLElement).click();
      await wait(() => $(el, '[part=bulk]'));
      await expect(el).to.be.accessible();
    });

    it('a bad value or mode warns and is ignored', async () => {
      const { el } = await mountLoaded({
        value: { include: [{ type: 'subcompany', id: '101' }], exclude: [] },
      });
      (el as unknown as { value: unknown }).value = { include: 'x' };
      (el as unknown as { mode: unknown }).mode = 'nope';
      expect(el.value.include).to.deep.equal([{ type: 'subcompany', id: '101' }]);
      expect(el.mode).to.equal('scope');
    });
  });
});

formFieldSuite<QysOrgScopePicker>({
  tag: 'qys-org-scope-picker',
  create: () => {
    const el = document.createElement('qys-org-scope-picker');
    el.host = createMemoryHost();
    return el;
  },
  setValue: (el) => {
    el.value = {
      include: [{ type: 'department', id: '200001' }],
      exclude: [{ type: 'person', id: '10000001' }],
    };
  },
  expected: ['department:200001,!person:10000001'],
  userChange: async (el) => {
    await wait(() => rows(el).length > 0 && row(el, 'subcompany:101'));
    tree(el).focus();
    await press(' ');
  },
  settle: async (el) => {
    await el.updateComplete;
    await wait(() => rows(el).length > 0, 'the tree did not load');
    await el.updateComplete;
  },
  innerDisabled: (el) => tree(el).getAttribute('aria-disabled') === 'true',
});
