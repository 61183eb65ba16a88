import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, click, focused, mount, settle, text, waitFor } from './helpers.js';
import { privateBinding, publicBinding, QysNetworkError } from './test-host.js';

describe('<qys-binding-settings> list', () => {
  it('lists each service with provider, type, default flag, status and last synced time', async () => {
    const { el } = await mount();
    const rows = $$(el, 'tbody tr');
    expect(rows).to.have.length(2);
    const first = rows[0]!.textContent!.replace(/\s+/g, ' ');
    expect(first)
      .to.contain('总部契约锁')
      .and.contain('契约锁')
      .and.contain('私有')
      .and.contain('默认')
      .and.contain('正常');
    expect(first).to.contain('2026');
    const second = rows[1]!.textContent!.replace(/\s+/g, ' ');
    expect(second).to.contain('公有').and.contain('从未同步').and.contain('未检测');
    expect(rows[0]!.querySelector('.badge')!.textContent).to.contain('默认');
    expect(rows[1]!.querySelector('.badge')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a new host replaces a slower older host: its list call is aborted and its late answer never shown', async () => {
    const { createTestHost } = await import('./test-host.js');
    const { fixture, html } = await import('@open-wc/testing');
    const fast = createTestHost();
    let answer: (b: unknown[]) => void = () => {};
    let slowSignal: AbortSignal | undefined;
    const slow = {
      ...fast,
      services: {
        ...fast.services,
        list: (o?: { signal?: AbortSignal }) => {
          slowSignal = o?.signal;
          return new Promise((r) => (answer = r));
        },
      },
    } as unknown as typeof fast;
    const el = await fixture<
      import('../../../src/components/binding-settings/binding-settings.js').QysBindingSettings
    >(html`<qys-binding-settings .host=${slow}></qys-binding-settings>`);
    await settle(el);
    expect(el.listLoading).to.equal(true);
    el.host = fast;
    await waitFor(() => $$(el, 'tbody tr').length === 2);
    expect(slowSignal?.aborted).to.equal(true);
    answer([{ ...privateBinding(), id: 'late', name: '迟到的服务' }]);
    await settle(el);
    expect(text(el)).to.not.contain('迟到的服务');
    expect($$(el, 'tbody tr')).to.have.length(2);
  });

  it('a late sync scope of the service left behind is not applied to the one opened next', async () => {
    const { createTestHost } = await import('./test-host.js');
    const host = createTestHost();
    const getScope = host.org.getScope.bind(host.org);
    let answer: (r: unknown) => void = () => {};
    let first = true;
    host.org.getScope = ((id: string, o?: { signal?: AbortSignal }) => {
      if (!first) return getScope(id, o);
      first = false; // the first service's scope: answered late, after the abort (a host need not reject)
      return new Promise((r) => (answer = r as (r: unknown) => void));
    }) as typeof host.org.getScope;
    const { el } = await mount({ host, serviceId: privateBinding().id });
    await waitFor(() => el.scope.loading);
    el.serviceId = publicBinding().id;
    await waitFor(() => el.scope.record !== undefined);
    answer({ serviceId: privateBinding().id, version: 99, scope: { include: [], exclude: [] } });
    await settle(el);
    expect(el.scope.record!.version).to.not.equal(99);
    expect(el.draft.id).to.equal(publicBinding().id);
  });

  it('shows an empty state that says what to do', async () => {
    const { el } = await mount({ bindings: [] });
    expect(text(el)).to.contain('还没有服务配置');
    expect($(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failed list load says why and can be retried', async () => {
    const { createTestHost } = await import('./test-host.js');
    const host = createTestHost();
    host.failNext('list', new QysNetworkError());
    const { el } = await mount({ host });
    expect(text(el)).to.contain('服务列表加载失败').and.contain('无法连接服务器');
    await click(el, '.error-box button');
    await waitFor(() => $$(el, 'tbody tr').length === 2);
  });

  it('making a service default says which one loses the flag; only one stays default', async () => {
    const { el, host } = await mount();
    const saves: unknown[] = [];
    el.addEventListener('qys-save', (e) => saves.push(e.detail));
    await click(el, `tr[data-id="${publicBinding().id}"] .set-default`);
    const dlg = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dlg.open).to.equal(true);
    expect(dlg.textContent)
      .to.contain('「公有云」设为默认服务')
      .and.contain('「总部契约锁」将不再是默认服务');
    await click(el, '.dlg-confirm');
    await waitFor(() => host.bindings.find((b) => b.id === publicBinding().id)!.isDefault);
    await waitFor(() => $(el, `tr[data-id="${publicBinding().id}"] .badge`) !== null);
    expect(host.bindings.filter((b) => b.isDefault)).to.have.length(1);
    expect($(el, `tr[data-id="${privateBinding().id}"] .badge`)).to.equal(null);
    expect(saves).to.have.length(1);
  });

  it('cancelling the default dialog changes nothing', async () => {
    const { el, host } = await mount();
    await click(el, `tr[data-id="${publicBinding().id}"] .set-default`);
    await click(el, '.dlg-cancel');
    expect($(el, 'dialog')).to.equal(null);
    expect(host.calls.some((c) => c.method === 'save')).to.equal(false);
  });

  it('deletes after confirmation and fires qys-delete; cancel keeps it', async () => {
    const { el, host } = await mount();
    const deleted: string[] = [];
    el.addEventListener('qys-delete', (e) => deleted.push(e.detail.id));
    await click(el, `tr[data-id="${publicBinding().id}"] .delete`);
    expect($(el, 'dialog')!.textContent).to.contain('确定删除「公有云」');
    await click(el, '.dlg-cancel');
    expect(host.bindings).to.have.length(2);
    await click(el, `tr[data-id="${publicBinding().id}"] .delete`);
    await click(el, '.dlg-confirm');
    await waitFor(() => $$(el, 'tbody tr').length === 1);
    expect(deleted).to.deep.equal([publicBinding().id]);
    expect(text(el)).to.contain('已删除「公有云」');
  });

  it('warns that deleting the default leaves no default', async () => {
    const { el } = await mount();
    await click(el, `tr[data-id="${privateBinding().id}"] .delete`);
    expect($(el, 'dialog')!.textContent).to.contain('是默认服务');
  });

  it('keyboard: Tab to an action, Enter opens the dialog, Escape closes it and focus returns', async () => {
    const { el } = await mount();
    const del = $<HTMLButtonElement>(el, `tr[data-id="${publicBinding().id}"] .delete`)!;
    del.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const dlg = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dlg.open).to.equal(true);
    // The safe choice has focus first.
    expect(focused(el)).to.contain('.dlg-cancel');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect($(el, 'dialog')).to.equal(null);
    expect(el.shadowRoot!.activeElement === del, focused(el)).to.equal(true);
  });

  it('readonly: no add, delete or make-default; rows open for viewing', async () => {
    const { el } = await mount({ readonly: true });
    expect($(el, '.add')).to.equal(null);
    expect($(el, '.delete')).to.equal(null);
    expect($(el, '.set-default')).to.equal(null);
    expect($(el, '.edit')!.textContent).to.contain('查看');
    await click(el, '.edit');
    expect(text(el)).to.contain('您只有查看权限');
    expect($(el, '.save')).to.equal(null);
    expect($<HTMLInputElement>(el, '#f-appToken')!.readOnly).to.equal(true);
  });

  it('en: the list speaks English', async () => {
    const { el } = await mount({ lang: 'en' });
    expect(text(el)).to.contain('Binding settings').and.contain('Private cloud').and.contain('Never synced');
    expect($(el, '.add')!.textContent).to.contain('Add service');
  });

  it('service-id opens that service directly; an unknown one says so', async () => {
    const { el } = await mount({ serviceId: publicBinding().id });
    await waitFor(() => $(el, '#f-e10Url'));
    expect($<HTMLInputElement>(el, '#f-e10Url')!.value).to.equal('https://e10.example.com');
    el.serviceId = 'nope';
    await waitFor(() => text(el).includes('未找到服务 nope'));
  });
});
