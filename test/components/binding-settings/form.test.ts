import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, click, deepDump, errorOf, focused, mount, settle, text, typeInto, waitFor } from './helpers.js';
import { createTestHost, privateBinding, publicBinding } from './test-host.js';
import { ENCRYPTION_KEY_PATTERN } from '../../../src/core/binding/encryption-key.js';
import {
  QysNetworkError,
  QysServerError,
  QysTimeoutError,
  QysValidationError,
} from '../../../src/api/errors.js';
import type { QysBindingSettings } from '../../../src/components/binding-settings/binding-settings.js';

async function openNew(el: QysBindingSettings) {
  await click(el, '.add');
  await waitFor(() => $(el, '#f-openApiUrl'));
}

async function fillPrivate(el: QysBindingSettings, secret = 'S3cr3t-typed-by-admin') {
  await typeInto(el, '#f-name', '分公司');
  await typeInto(el, '#f-openApiUrl', 'https://open.example.com');
  await typeInto(el, '#f-appToken', 'tok-new');
  await typeInto(el, '#f-appSecret', secret);
  await typeInto(el, '#f-signingUrlExternal', 'https://sign.example.com');
}

describe('<qys-binding-settings> form', () => {
  it('a new private service gets a Web Crypto encryption key in the documented format', async () => {
    const { el } = await mount();
    await openNew(el);
    const key = $<HTMLInputElement>(el, '#f-encryptionKey')!.value;
    expect(key).to.match(ENCRYPTION_KEY_PATTERN);
    await click(el, '.back');
    await openNew(el);
    expect($<HTMLInputElement>(el, '#f-encryptionKey')!.value).not.to.equal(key);
    await expect(el).to.be.accessible();
  });

  it('validates each field on blur, next to the field, with aria-invalid and aria-describedby', async () => {
    const { el } = await mount();
    await openNew(el);
    const cases: [string, string, string][] = [
      ['openApiUrl', '', '此项为必填项'],
      ['openApiUrl', 'ftp://open.example.com', '必须以 http:// 或 https:// 开头'],
      ['openApiUrl', 'open.example.com', '请输入完整的地址'],
      ['appToken', '  ', '此项为必填项'],
      ['appSecret', '', '此项为必填项'],
      ['encryptionKey', '', '此项为必填项'],
      ['signingUrlExternal', 'javascript:alert(1)', '必须以 http:// 或 https:// 开头'],
      ['name', 'x'.repeat(101), '内容过长'],
    ];
    for (const [field, value, message] of cases) {
      await typeInto(el, `#f-${field}`, value);
      expect(errorOf(el, field), field).to.contain(message);
      const input = $(el, `#f-${field}`)!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain(`f-${field}-error`);
    }
    await typeInto(el, '#f-openApiUrl', 'http://open.example.com');
    expect(errorOf(el, 'openApiUrl')).to.equal('');
    expect($(el, '#f-openApiUrl')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('加密密钥 "abc" is refused on input and on save with a localised message (16 characters)', async () => {
    const { el, host } = await mount();
    await openNew(el);
    await fillPrivate(el);
    await typeInto(el, '#f-encryptionKey', 'abc');
    expect(errorOf(el, 'encryptionKey')).to.contain('16 个字符').and.contain('60fb3ed9-3e18-4f');
    await click(el, '.save');
    expect(host.calls.some((c) => c.method === 'save')).to.equal(false);
    expect($(el, '#summary')!.textContent).to.contain('加密密钥');
    // A UUID (36 characters) is not the field's format either; 16 characters pass.
    await typeInto(el, '#f-encryptionKey', '60fb3ed9-3e18-4f6b-9a51-2d1c7e0b9181');
    expect(errorOf(el, 'encryptionKey')).to.contain('16 个字符');
    await typeInto(el, '#f-encryptionKey', '60fb3ed9-3e18-4f');
    expect(errorOf(el, 'encryptionKey')).to.equal('');
    el.lang = 'en';
    await typeInto(el, '#f-encryptionKey', 'abc');
    expect(errorOf(el, 'encryptionKey')).to.contain('exactly 16 characters');
  });

  it('a successful save shows a visible 已保存 next to 保存, gone at the next edit', async () => {
    const { el, host } = await mount();
    await openNew(el);
    await fillPrivate(el);
    expect($(el, '#save-ok')).to.equal(null);
    await click(el, '.save');
    await waitFor(() => host.calls.some((c) => c.method === 'save') && !el.saving);
    await settle(el);
    const ok = $(el, '#save-ok')!;
    expect(ok, 'no visible confirmation').to.not.equal(null);
    expect(ok.textContent).to.contain('已保存');
    expect(ok.closest('.save-bar')).to.equal($(el, '.save')!.closest('.save-bar'));
    const box = ok.getBoundingClientRect();
    expect(box.width > 0 && box.height > 0, 'the confirmation is visible').to.equal(true);
    expect(ok.closest('.sr-only')).to.equal(null);
    await expect(el).to.be.accessible();
    await typeInto(el, '#f-appToken', 'tok-changed');
    expect($(el, '#save-ok')).to.equal(null);
    el.lang = 'en';
    await click(el, '.save');
    await waitFor(() => $(el, '#save-ok'));
    expect($(el, '#save-ok')!.textContent).to.contain('Saved');
  });

  it('save with errors summarises them at the top; a summary link focuses its field', async () => {
    const { el, host } = await mount();
    await openNew(el);
    await click(el, '.save');
    const summary = $(el, '#summary')!;
    expect(summary).not.to.equal(null);
    expect(focused(el)).to.contain('#summary');
    expect(summary.textContent).to.contain('开放平台地址').and.contain('App Token').and.contain('App Secret');
    expect(host.calls.some((c) => c.method === 'save')).to.equal(false);
    const link = Array.from(summary.querySelectorAll('a')).find((a) => a.textContent!.includes('App Token'))!;
    link.click();
    expect(focused(el)).to.equal('input#f-appToken');
    await expect(el).to.be.accessible();
  });

  it('the 泛微E10地址 error gives an E10 address as its example, in both languages', async () => {
    const { el } = await mount();
    await openNew(el);
    ($(el, '#f-serviceType-public') as HTMLInputElement).click();
    await settle(el);
    await typeInto(el, '#f-e10Url', 'e10');
    expect(errorOf(el, 'e10Url')).to.contain('https://e10.example.com').and.not.contain('qys.example.com');
    el.lang = 'en';
    await settle(el);
    expect(errorOf(el, 'e10Url')).to.contain('E10 address').and.contain('https://e10.example.com');
    // The open-platform address keeps the Qiyuesuo example.
    ($(el, '#f-serviceType') as HTMLInputElement).click();
    await settle(el);
    await typeInto(el, '#f-openApiUrl', 'qys');
    expect(errorOf(el, 'openApiUrl')).to.contain('qys.example.com');
  });

  it('内外网自动登录 is said once as a title: the embedded editor keeps its legend for screen readers only', async () => {
    const { el } = await mount({ serviceId: privateBinding().id });
    await waitFor(() => $(el, 'qys-network-strategy-editor')?.shadowRoot?.querySelector('legend'));
    const editor = $(el, 'qys-network-strategy-editor')!;
    const legend = editor.shadowRoot!.querySelector('legend')!;
    expect(legend.textContent).to.contain('内外网自动登录');
    const box = legend.getBoundingClientRect();
    expect(box.width <= 1 && box.height <= 1, 'the legend is not shown on screen').to.equal(true);
    const label = $(el, '#f-autoLogin-label')!;
    expect(label.getBoundingClientRect().width).to.be.greaterThan(1);
    expect(label.textContent).to.contain('内外网自动登录');
    // One visible 绑定设置 heading in the list view too.
    await click(el, '.back');
    const headings = Array.from(el.shadowRoot!.querySelectorAll('h1, h2, h3')).filter((h) =>
      h.textContent!.includes('绑定设置'),
    );
    expect(headings).to.have.length(1);
  });

  it('public cloud shows SSO switch, E10 address and tenant id; switching type keeps what was typed', async () => {
    const { el, host } = await mount();
    await openNew(el);
    await fillPrivate(el);
    ($(el, '#f-serviceType-public') as HTMLInputElement).click();
    await settle(el);
    expect($(el, '#f-openApiUrl')).to.equal(null);
    expect($(el, '#f-encryptionKey')).to.equal(null);
    expect($(el, '#f-ssoEnabled')).not.to.equal(null);
    expect(text(el)).to.contain('泛微E10地址').and.contain('租户id').and.contain('单点登录开关');
    await typeInto(el, '#f-e10Url', 'https://e10.corp.example');
    await typeInto(el, '#f-tenantId', 'TEN-9');
    ($(el, '#f-serviceType') as HTMLInputElement).click();
    await settle(el);
    expect($<HTMLInputElement>(el, '#f-openApiUrl')!.value).to.equal('https://open.example.com');
    ($(el, '#f-serviceType-public') as HTMLInputElement).click();
    await settle(el);
    expect($<HTMLInputElement>(el, '#f-e10Url')!.value).to.equal('https://e10.corp.example');
    await click(el, '.save');
    await waitFor(() => host.calls.some((c) => c.method === 'save'));
    const sent = host.calls.find((c) => c.method === 'save')!.arg as Record<string, unknown>;
    expect(sent.serviceType).to.equal('public');
    expect(sent.e10Url).to.equal('https://e10.corp.example');
    expect(sent.tenantId).to.equal('TEN-9');
    expect(sent).not.to.have.property('openApiUrl');
  });

  it('App Secret is write-only: never in the DOM after saving, in attributes, event details or the console', async () => {
    const secret = 'TopSecret-9f8e7d6c5b4a';
    const logged: unknown[] = [];
    const orig = {
      log: console.log,
      warn: console.warn,
      error: console.error,
      info: console.info,
      debug: console.debug,
    };
    for (const k of Object.keys(orig) as (keyof typeof orig)[])
      console[k] = (...args: unknown[]) => {
        logged.push(args);
        orig[k](...args);
      };
    const events: unknown[] = [];
    try {
      const { el, host } = await mount();
      for (const name of ['qys-save', 'qys-dirty-change', 'qys-change', 'qys-sync-complete', 'qys-copy'])
        el.addEventListener(name, (e) => events.push((e as CustomEvent).detail));
      await openNew(el);
      await fillPrivate(el, secret);
      // While typing it is only in the password input's value.
      expect($<HTMLInputElement>(el, '#f-appSecret')!.type).to.equal('password');
      expect(el.shadowRoot!.innerHTML).not.to.contain(secret);
      await click(el, '.test-start');
      await waitFor(() => el.test.report);
      await click(el, '.save');
      await waitFor(() => events.some((d) => (d as { binding?: unknown }).binding));
      await settle(el);
      expect(host.secrets.get(host.bindings.at(-1)!.id)).to.equal(secret);
      expect(text(el)).to.contain('已设置');
      expect($(el, '#f-appSecret')).to.equal(null);
      expect(deepDump(document.body)).not.to.contain(secret);
      expect(JSON.stringify(events)).not.to.contain(secret);
      expect(JSON.stringify(logged)).not.to.contain(secret);
      // Replace: a fresh empty password field, and "keep" goes back.
      await click(el, '.replace-secret');
      expect($<HTMLInputElement>(el, '#f-appSecret')!.value).to.equal('');
      expect(focused(el)).to.equal('input#f-appSecret');
      await click(el, '.keep-secret');
      expect(text(el)).to.contain('已设置');
    } finally {
      Object.assign(console, orig);
    }
  });

  it("a host that echoes the secret back on save: it stays out of the element's properties too", async () => {
    const secret = 'Echoed-5ecret-0a1b2c';
    const host = createTestHost();
    const save = host.services.save.bind(host.services);
    host.services.save = async (input, o) =>
      ({ ...(await save(input, o)), appSecret: input.appSecret }) as never;
    const { el } = await mount({ host });
    await openNew(el);
    await fillPrivate(el, secret);
    await click(el, '.save');
    await waitFor(() => host.bindings.length === 3);
    await settle(el);
    const state = ['current', 'bindings', 'draft', 'base'].map(
      (k) => (el as unknown as Record<string, unknown>)[k],
    );
    expect(JSON.stringify(state)).to.contain('"appSecretSet":true').and.not.contain(secret);
  });

  it('replacing the secret sends it; not replacing omits it (the host keeps the stored one)', async () => {
    const { el, host } = await mount();
    await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
    await typeInto(el, '#f-appToken', 'tok-2');
    await click(el, '.save');
    await waitFor(() => host.calls.some((c) => c.method === 'save'));
    expect(host.calls.find((c) => c.method === 'save')!.arg).not.to.have.property('appSecret');
    await click(el, '.replace-secret');
    await click(el, '.save');
    expect(errorOf(el, 'appSecret')).to.contain('此项为必填项');
    await typeInto(el, '#f-appSecret', 'new-one');
    await click(el, '.save');
    await waitFor(() => host.secrets.get(privateBinding().id) === 'new-one');
  });

  it('regenerating the key asks first and says the same key must be entered on the Qiyuesuo side', async () => {
    const { el } = await mount();
    await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
    await click(el, '.regen-key');
    expect($(el, 'dialog')!.textContent).to.contain('契约锁管理后台').and.contain('相同的新密钥');
    await click(el, '.dlg-cancel');
    expect($<HTMLInputElement>(el, '#f-encryptionKey')!.value).to.equal('60fb3ed9-3e18-4f');
    await click(el, '.regen-key');
    await click(el, '.dlg-confirm');
    const key = $<HTMLInputElement>(el, '#f-encryptionKey')!.value;
    expect(key).to.match(ENCRYPTION_KEY_PATTERN).and.not.equal('60fb3ed9-3e18-4f');
  });

  it('copy puts the key on the clipboard or, failing that, selects it and says so', async () => {
    const { el } = await mount();
    await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
    const details: unknown[] = [];
    el.addEventListener('qys-copy', (e) => details.push((e as CustomEvent).detail));
    await click(el, '.copy-key');
    await waitFor(() => /已复制|复制失败/.test(text(el)));
    // Copied or not, the key never travels in an event (it bubbles and is composed: any page listener sees it).
    for (const d of details) expect(d).to.deep.equal({ key: 'encryptionKey' });
    expect(JSON.stringify(details)).not.to.contain(el.draft.encryptionKey);
  });

  it('auto-login needs the internal address; https page + http signing address shows the FAQ 1 warning', async () => {
    const host = createTestHost();
    host.oaBaseUrl = 'https://oa.example.com';
    const { el } = await mount({ host });
    await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
    expect($(el, '#protocol-warning')).to.equal(null);
    await typeInto(el, '#f-signingUrlExternal', 'http://sign.example.com');
    expect($(el, '#protocol-warning')!.textContent).to.contain('HTTPS').and.contain('白名单');
    el.draft = { ...el.draft, autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [] } };
    await settle(el);
    await click(el, '.save');
    expect(errorOf(el, 'signingUrlInternal')).to.contain('内网地址');
  });

  it('the default flag says which service loses it; signatories say they only matter for the default', async () => {
    const { el } = await mount();
    await click(el, `tr[data-id="${publicBinding().id}"] .edit`);
    expect(text(el)).to.contain('仅对默认服务生效');
    ($(el, '#f-isDefault') as HTMLInputElement).click();
    await settle(el);
    expect(text(el)).to.contain('保存后「总部契约锁」将不再是默认服务');
    expect(text(el)).not.to.contain('仅对默认服务生效');
  });

  for (const [name, error, message] of [
    ['network error', new QysNetworkError(), '无法连接服务器'],
    ['timeout', new QysTimeoutError(), '响应超时'],
    ['5xx', new QysServerError(), '服务器处理失败'],
    [
      '413, the server refusing the request',
      new QysServerError('too large', { status: 413 }),
      '服务器拒绝了此请求（HTTP 413）',
    ],
  ] as const)
    it(`a failed save (${name}) keeps every edited value and says what happened`, async () => {
      const { el, host } = await mount();
      await openNew(el);
      await fillPrivate(el);
      host.failNext('save', error);
      await click(el, '.save');
      await waitFor(() => $(el, '#save-error'));
      expect($(el, '#save-error')!.textContent).to.contain(message).and.contain('内容都还在');
      expect($<HTMLInputElement>(el, '#f-name')!.value).to.equal('分公司');
      expect($<HTMLInputElement>(el, '#f-openApiUrl')!.value).to.equal('https://open.example.com');
      expect($<HTMLInputElement>(el, '#f-appSecret')!.value).to.equal('S3cr3t-typed-by-admin');
      await click(el, '.save');
      await waitFor(() => host.bindings.length === 3);
    });

  it('what is typed while a save is on its way stays, and stays unsaved', async () => {
    const { el, host } = await mount();
    await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
    await typeInto(el, '#f-appToken', 'tok-sent');
    const held = host.hold('save');
    await click(el, '.save');
    await typeInto(el, '#f-name', '改名中'); // the admin goes on typing on a slow network
    held.release();
    await waitFor(() => host.bindings[0]!.appToken === 'tok-sent');
    await settle(el);
    expect($<HTMLInputElement>(el, '#f-name')!.value).to.equal('改名中');
    expect($<HTMLInputElement>(el, '#f-appToken')!.value).to.equal('tok-sent');
    expect(el.dirty).to.equal(true); // the guard still asks before leaving
    await click(el, '.save');
    await waitFor(() => host.bindings[0]!.name === '改名中');
  });

  it('server 422 issues map to the same fields and the summary', async () => {
    const { el, host } = await mount();
    await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
    await typeInto(el, '#f-appToken', 'tok-x');
    host.failNext(
      'save',
      new QysValidationError([
        { path: 'openApiUrl', code: 'url.protocol' },
        { path: 'foo', code: 'invalid' },
      ]),
    );
    await click(el, '.save');
    await waitFor(() => errorOf(el, 'openApiUrl'));
    expect(errorOf(el, 'openApiUrl')).to.contain('http://');
    expect($(el, '#summary')!.textContent).to.contain('开放平台地址').and.contain('格式不正确');
    expect($<HTMLInputElement>(el, '#f-appToken')!.value).to.equal('tok-x');
  });

  it('keyboard: typing and Enter in a field submits the form', async () => {
    const { el, host } = await mount();
    await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
    $<HTMLInputElement>(el, '#f-name')!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => host.calls.some((c) => c.method === 'save'));
    await waitFor(() => host.bindings[0]!.name === '总部契约锁2');
  });

  it('en: labels, hints and messages in English', async () => {
    const { el } = await mount({ lang: 'en' });
    await click(el, '.add');
    await click(el, '.save');
    expect(text(el))
      .to.contain('Qiyuesuo open-platform address')
      .and.contain('This field is required')
      .and.contain('fields need attention');
    await expect(el).to.be.accessible();
  });
});
