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
