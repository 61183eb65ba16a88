import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/host-provider/define.js';
import '../../../src/components/binding-settings/define.js';
import { createMemoryHost } from '../../../src/api/memory-host/index.js';
import type { QysBindingSettings } from '../../../src/components/binding-settings/binding-settings.js';
import type { QysHostProvider } from '../../../src/components/host-provider/host-provider.js';
import { $, click, errorOf, settle, text, typeInto, waitFor } from './helpers.js';

async function mountMemory(
  options: Parameters<typeof createMemoryHost>[0] = {},
  open?: 'private' | 'public',
) {
  const host = createMemoryHost(options);
  const id = open ? (host.control.samples.services.find((s) => s.serviceType === open)?.id ?? '') : '';
  const provider = await fixture<QysHostProvider>(
    html`<qys-host-provider .host=${host}>
      <qys-binding-settings service-id=${id}></qys-binding-settings>
    </qys-host-provider>`,
  );
  const el = provider.querySelector('qys-binding-settings') as QysBindingSettings;
  await waitFor(() => el.bindings !== undefined || el.listError);
  if (open) await waitFor(() => $(el, '#f-appToken'));
  await settle(el);
  return { el, host };
}

describe('<qys-binding-settings> with the memory host and the real embedded elements', () => {
  it('lists the seeded services from the provided host', async () => {
    const { el, host } = await mountMemory();
    expect(el.bindings!.length).to.equal(host.control.samples.services.length);
    await expect(el).to.be.accessible();
  });

  it('the private default service embeds the strategy editor and the person picker', async () => {
    const { el } = await mountMemory({}, 'private');
    expect($(el, 'qys-network-strategy-editor')).not.to.equal(null);
    expect($(el, 'qys-org-scope-picker[mode="persons"]')).not.to.equal(null);
    await waitFor(() => $(el, 'qys-org-scope-picker[mode="scope"]'));
    await expect(el).to.be.accessible();
  });

  it('an invalid auto-login rule in the editor blocks the save and is summarised', async () => {
    const { el } = await mountMemory({ seed: 'rules' }, 'private');
    const editor = $(el, 'qys-network-strategy-editor') as HTMLElement & {
      value: unknown;
      validity: ValidityState;
    };
    const value = { mode: 'segment', segmentRules: ['999.1.2.3/40'], domainRules: [] };
    editor.value = value;
    editor.dispatchEvent(new CustomEvent('qys-change', { detail: { value }, bubbles: true, composed: true }));
    await settle(el);
    expect(editor.validity.valid).to.equal(false);
    await click(el, '.save');
    expect(errorOf(el, 'autoLogin')).to.contain('规则有误');
    expect($(el, '#summary')!.textContent).to.contain('内外网自动登录');
  });

  it('signatories picked in the person picker are saved with the service', async () => {
    const { el, host } = await mountMemory({ seed: 'sig' }, 'private');
    const picker = $(el, 'qys-org-scope-picker[mode="persons"]')!;
    const persons = host.control.samples.duplicateNames.slice(0, 2);
    expect(el.draft.signatories).not.to.deep.equal(persons);
    picker.dispatchEvent(
      new CustomEvent('qys-change', {
        detail: { value: { include: persons, exclude: [] } },
        bubbles: true,
        composed: true,
      }),
    );
    await settle(el);
    expect(el.dirty).to.equal(true);
    const saved: unknown[] = [];
    el.addEventListener('qys-save', (e) => saved.push(e.detail.binding));
    await click(el, '.save');
    await waitFor(() => saved.length === 1);
    expect((saved[0] as { signatories: unknown[] }).signatories).to.deep.equal(persons);
  });

  it('changing 签章人员 fires qys-signatories-change to the page (the inner qys-change stays inside)', async () => {
    const { el, host } = await mountMemory({ seed: 'sig-event' }, 'private');
    const picker = $(el, 'qys-org-scope-picker[mode="persons"]')!;
    const persons = host.control.samples.duplicateNames.slice(0, 2);
    const heard: CustomEvent[] = [];
    const inner: Event[] = [];
    const onSig = (e: Event) => heard.push(e as CustomEvent);
    const onChange = (e: Event) => inner.push(e);
    document.addEventListener('qys-signatories-change', onSig);
    document.addEventListener('qys-change', onChange);
    try {
      picker.dispatchEvent(
        new CustomEvent('qys-change', {
          detail: { value: { include: [...persons, { type: 'department', id: '200001' }], exclude: [] } },
          bubbles: true,
          composed: true,
        }),
      );
      await settle(el);
      expect(heard).to.have.length(1);
      expect(heard[0]!.detail.signatories).to.deep.equal(persons);
      expect(heard[0]!.bubbles && heard[0]!.composed).to.equal(true);
      expect(inner).to.have.length(0);
      await click(el, '.save');
      await waitFor(() => !el.saving && !el.dirty);
      expect(heard).to.have.length(1);
    } finally {
      document.removeEventListener('qys-signatories-change', onSig);
      document.removeEventListener('qys-change', onChange);
    }
  });

  it('a conflict injected by the host opens the comparison dialog', async () => {
    const { el } = await mountMemory(
      { seed: 'c', failures: { 'services.save': { kind: 'conflict', times: 1 } } },
      'private',
    );
    const input = $<HTMLInputElement>(el, '#f-appToken')!;
    input.value = 'edited';
    input.dispatchEvent(new Event('input'));
    await click(el, '.save');
    await waitFor(() => $(el, 'dialog.conflict'));
    expect(text(el)).to.contain('此服务已被他人修改');
  });

  it('sync and connection test run against the memory host', async () => {
    const { el } = await mountMemory({ seed: 's' }, 'private');
    await click(el, '.sync-start');
    await waitFor(() => el.sync.report);
    await click(el, '.test-start');
    await waitFor(() => el.test.report);
    await settle(el);
    expect(text(el)).to.contain('同步完成').and.contain('连接正常');
  });

  it('测试连接 checks the 加密密钥: a malformed key is a failed step (not 连接正常), said in words', async () => {
    const { el } = await mountMemory({ seed: 'key' }, 'private');
    await typeInto(el, '#f-encryptionKey', 'abc');
    await click(el, '.test-start');
    await waitFor(() => el.test.report);
    await settle(el);
    expect(text(el)).to.contain('连接失败').and.not.contain('连接正常');
    const sso = $(el, '[data-step="sso"]')!;
    expect(sso.textContent).to.contain('失败').and.contain('加密密钥应为 16 个字符');
    expect(sso.querySelector('.step-label')!.textContent!.trim()).to.not.equal('sso');
  });

  it('every connection-test step is labelled in words, in zh-CN and en (the reference host steps too)', async () => {
    const { el, host } = await mountMemory({ seed: 'steps' }, 'private');
    const ids = ['reach', 'auth', 'signing', 'signingInternal', 'embed', 'sso', 'tenant'];
    host.services.testConnection = async () => ({
      ok: true,
      checkedAt: new Date().toISOString(),
      steps: ids.map((id) => ({ id, status: 'pass' as const, code: 'skipped' })),
    });
    await click(el, '.test-start');
    await waitFor(() => el.test.report);
    for (const lang of ['zh-CN', 'en']) {
      el.lang = lang;
      await settle(el);
      for (const id of ids) {
        const label = $(el, `[data-step="${id}"] .step-label`)!.textContent!.trim();
        expect(label, `${lang} ${id}`).to.not.equal(id);
        expect(label, `${lang} ${id}`).to.match(lang === 'en' ? /^[A-Z]/ : /[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('<qys-binding-settings> summary links into embedded elements', () => {
  it('the auto-login summary link moves focus into the strategy editor', async () => {
    const { el } = await mountMemory({ seed: 'focus' }, 'private');
    const editor = $(el, 'qys-network-strategy-editor') as HTMLElement & { value: unknown };
    const value = { mode: 'segment', segmentRules: ['999.1.2.3/40'], domainRules: [] };
    editor.value = value;
    editor.dispatchEvent(new CustomEvent('qys-change', { detail: { value }, bubbles: true, composed: true }));
    await settle(el);
    await click(el, '.save');
    const link = Array.from($(el, '#summary')!.querySelectorAll('a')).find(
      (a) => a.getAttribute('href') === '#f-autoLogin',
    )!;
    link.click();
    expect(el.shadowRoot!.activeElement === editor).to.equal(true);
    expect(editor.shadowRoot!.activeElement).not.to.equal(null);
  });
});
