import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, click, focused, mount, settle, text, typeInto, waitFor } from './helpers.js';
import { privateBinding, publicBinding } from './test-host.js';
import { QysNetworkError } from '../../../src/api/errors.js';
import type { QysBindingSettings } from '../../../src/components/binding-settings/binding-settings.js';

const PRIV = privateBinding().id;

async function editPrivate(el: QysBindingSettings) {
  await click(el, `tr[data-id="${PRIV}"] .edit`);
  await waitFor(() => $(el, '#f-openApiUrl'));
}

describe('<qys-binding-settings> conflict (409)', () => {
  it('shows what changed on the server field by field and never overwrites silently', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'tok-mine');
    host.serverEdit(PRIV, { appToken: 'tok-theirs', openApiUrl: 'https://moved.example.com' } as never);
    await click(el, '.save');
    await waitFor(() => $(el, 'dialog.conflict'));
    const dlg = $<HTMLDialogElement>(el, 'dialog.conflict')!;
    expect(dlg.open).to.equal(true);
    const token = dlg.querySelector('tr[data-field="appToken"]')!.textContent!;
    expect(token).to.contain('tok-theirs').and.contain('tok-mine').and.contain('双方都修改了');
    expect(dlg.querySelector('tr[data-field="openApiUrl"]')!.textContent).to.contain(
      'https://moved.example.com',
    );
    // Nothing was written over the newer version.
    expect(host.bindings[0]!.appToken).to.equal('tok-theirs');
    await expect(el).to.be.accessible();
  });

  it('take theirs loads the server version into the form', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'tok-mine');
    host.serverEdit(PRIV, { appToken: 'tok-theirs' } as never);
    await click(el, '.save');
    await waitFor(() => $(el, 'dialog.conflict'));
    await click(el, '.conflict-theirs');
    expect($<HTMLInputElement>(el, '#f-appToken')!.value).to.equal('tok-theirs');
    expect(el.dirty).to.equal(false);
  });

  it('keep mine overwrites with the new version', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'tok-mine');
    host.serverEdit(PRIV, { appToken: 'tok-theirs' } as never);
    await click(el, '.save');
    await waitFor(() => $(el, 'dialog.conflict'));
    await click(el, '.conflict-mine');
    await waitFor(() => host.bindings[0]!.appToken === 'tok-mine');
    expect(host.bindings[0]!.version).to.equal(5);
  });

  it('merge per field: mine where chosen, theirs elsewhere', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'tok-mine');
    await typeInto(el, '#f-name', '我的名字');
    host.serverEdit(PRIV, { appToken: 'tok-theirs', name: '他们的名字' } as never);
    await click(el, '.save');
    await waitFor(() => $(el, 'dialog.conflict'));
    ($(el, 'tr[data-field="name"] input[value="theirs"]') as HTMLInputElement).click();
    await settle(el);
    await click(el, '.conflict-merge');
    await waitFor(() => host.bindings[0]!.version === 5);
    expect(host.bindings[0]!.appToken).to.equal('tok-mine');
    expect(host.bindings[0]!.name).to.equal('他们的名字');
  });

  it('cancel keeps my values and says the save did not happen', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'tok-mine');
    host.serverEdit(PRIV, { appToken: 'tok-theirs' } as never);
    await click(el, '.save');
    await waitFor(() => $(el, 'dialog.conflict'));
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !$(el, 'dialog'));
    expect($<HTMLInputElement>(el, '#f-appToken')!.value).to.equal('tok-mine');
    expect($(el, '#save-error')!.textContent).to.contain('已被他人修改');
  });

  it('deleted on the server: offers to save as a new service, keeping what was typed', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'tok-mine');
    host.bindings = host.bindings.filter((b) => b.id !== PRIV);
    await click(el, '.save');
    await waitFor(() => $(el, 'dialog.conflict'));
    expect($(el, 'dialog')!.textContent).to.contain('已在服务器上被删除');
    await click(el, '.conflict-new');
    expect($<HTMLInputElement>(el, '#f-appToken')!.value).to.equal('tok-mine');
    expect($(el, '#f-appSecret')).not.to.equal(null);
  });
});

describe('<qys-binding-settings> unsaved changes', () => {
  it('fires qys-dirty-change and asks before going back to the list', async () => {
    const { el } = await mount();
    const dirty: boolean[] = [];
    el.addEventListener('qys-dirty-change', (e) => dirty.push(e.detail.dirty));
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'changed');
    expect(dirty).to.deep.equal([true]);
    await click(el, '.back');
    expect($(el, 'dialog')!.textContent).to.contain('有未保存的修改');
    await click(el, '.dlg-cancel');
    expect($<HTMLInputElement>(el, '#f-appToken')!.value).to.equal('changed');
    await click(el, '.back');
    await click(el, '.dlg-confirm');
    expect($(el, 'table')).not.to.equal(null);
    expect(dirty).to.deep.equal([true, false]);
  });

  it('switching service through service-id asks first', async () => {
    const { el } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'changed');
    el.serviceId = publicBinding().id;
    await waitFor(() => $(el, 'dialog'));
    await click(el, '.dlg-cancel');
    expect($<HTMLInputElement>(el, '#f-appToken')!.value).to.equal('changed');
  });

  it('typing the value back to the original is not a change', async () => {
    const { el } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'x');
    expect(el.dirty).to.equal(true);
    await typeInto(el, '#f-appToken', 'tok-hq');
    expect(el.dirty).to.equal(false);
  });

  it('beforeunload is cancelled only while there are unsaved changes', async () => {
    const { el } = await mount();
    await editPrivate(el);
    const e1 = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e1);
    expect(e1.defaultPrevented).to.equal(false);
    await typeInto(el, '#f-appToken', 'x');
    const e2 = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e2);
    expect(e2.defaultPrevented).to.equal(true);
  });
});

describe('<qys-binding-settings> sync provider data', () => {
  it('shows progress, then counts and time; fires qys-sync-complete', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    const done: unknown[] = [];
    el.addEventListener('qys-sync-complete', (e) => done.push(e.detail));
    const gate = host.hold('sync');
    await click(el, '.sync-start');
    expect($(el, '[role="progressbar"]')).not.to.equal(null);
    gate.release();
    await waitFor(
      () => $(el, '[role="progressbar"]')?.getAttribute('aria-valuenow') !== '0' || el.sync.report,
    );
    await waitFor(() => el.sync.report);
    await settle(el);
    const rows = $$(el, 'table.report tbody tr').map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('印章').and.contain('12').and.contain('2').and.contain('1');
    expect(rows[1]).to.contain('文件模板').and.contain('30');
    expect(text(el)).to.contain('同步完成，用时 2.3 秒');
    expect(done).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('progress reports the stage as it goes', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    const seen = new Set<string>();
    const obs = new MutationObserver(() => {
      const s = $(el, '#sync-stage')?.textContent;
      if (s) seen.add(s.trim());
    });
    obs.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    void host;
    await click(el, '.sync-start');
    await waitFor(() => el.sync.report);
    obs.disconnect();
    expect([...seen].join('|')).to.contain('文件模板（60%）');
  });

  it('a failure says why and can be retried', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    host.failNext('sync', new QysNetworkError());
    await click(el, '.sync-start');
    await waitFor(() => $(el, '#sync-error'));
    expect($(el, '#sync-error')!.textContent).to.contain('同步失败').and.contain('无法连接服务器');
    expect($(el, '.sync-start')!.textContent).to.contain('重新同步');
    await click(el, '.sync-start');
    await waitFor(() => el.sync.report);
  });

  it('a new, unsaved service cannot sync yet and says why', async () => {
    const { el } = await mount();
    await click(el, '.add');
    expect(text(el)).to.contain('请先保存服务，再同步服务商数据');
    expect($(el, '.sync-start')).to.equal(null);
  });
});

describe('<qys-binding-settings> test connection and sync scope', () => {
  it('reports each step of the connection test', async () => {
    const { el } = await mount();
    await editPrivate(el);
    await typeInto(el, '#f-appToken', 'bad');
    await click(el, '.test-start');
    await waitFor(() => el.test.report);
    await settle(el);
    expect(text(el)).to.contain('连接失败');
    expect($(el, '[data-step="reach"]')!.textContent).to.contain('通过');
    expect($(el, '[data-step="auth"]')!.textContent)
      .to.contain('失败')
      .and.contain('契约锁拒绝了接入凭证')
      .and.contain('signature rejected');
    expect($(el, '[data-step="signing"]')!.textContent).to.contain('跳过');
  });

  it('loads the sync scope with its version and saves it back', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    await waitFor(() => el.scope.record);
    expect(host.calls.some((c) => c.method === 'getScope')).to.equal(true);
    el.setScopeValue({ include: [{ type: 'department', id: 'd9' }], exclude: [] });
    await settle(el);
    expect(el.dirty).to.equal(true);
    await click(el, '.save-scope');
    await waitFor(() => host.scopes.get(PRIV)?.version === 2);
    expect(host.scopes.get(PRIV)!.scope.include).to.deep.equal([{ type: 'department', id: 'd9' }]);
    expect(el.dirty).to.equal(false);
  });

  it('a scope conflict offers reload or overwrite', async () => {
    const { el, host } = await mount();
    await editPrivate(el);
    await waitFor(() => el.scope.record);
    host.scopes.set(PRIV, {
      serviceId: PRIV,
      scope: { include: [], exclude: [] },
      version: 7,
      updatedAt: null,
    });
    el.setScopeValue({ include: [{ type: 'department', id: 'd9' }], exclude: [] });
    await settle(el);
    await click(el, '.save-scope');
    await waitFor(() => $(el, '.scope-overwrite'));
    expect(text(el)).to.contain('同步范围已被他人修改');
    await click(el, '.scope-overwrite');
    await waitFor(() => host.scopes.get(PRIV)?.version === 8);
  });

  it('focus lands on the form title when a service opens, and back on its row when it closes', async () => {
    const { el } = await mount();
    await editPrivate(el);
    await settle(el);
    expect(focused(el)).to.equal('h2#form-title');
    await click(el, '.back');
    await settle(el);
    expect(focused(el)).to.contain('.edit');
  });
});
