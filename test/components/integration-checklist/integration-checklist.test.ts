import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/integration-checklist/define.js';
import type { QysIntegrationChecklist } from '../../../src/components/integration-checklist/integration-checklist.js';
import { createMemoryHost, type MemoryHost } from '../../../src/api/memory-host/index.js';
import type { Binding, FramingInspection, QysHost } from '../../../src/index.js';

function withFraming(host: MemoryHost, inspect: (url: string) => FramingInspection): QysHost {
  return { ...host, client: { ...host.client, inspectFraming: async (url: string) => inspect(url) } };
}

async function firstPrivate(host: MemoryHost): Promise<Binding> {
  const list = await host.services.list();
  return list.find((b) => b.serviceType === 'private')!;
}

const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

async function settled(el: QysIntegrationChecklist) {
  await waitUntil(
    () => {
      const checks = [...el.shadowRoot!.querySelectorAll('.check')];
      return checks.length > 0 && checks.every((c) => !c.classList.contains('running'));
    },
    'checks did not finish',
    { timeout: 5000 },
  );
}

describe('<qys-integration-checklist>', () => {
  let host: MemoryHost;
  beforeEach(() => {
    host = createMemoryHost();
  });

  it('loads the service by service-id and lists every private-cloud value, computed from the OA address', async () => {
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        service-id=${b.id}
        oa-url="https://oa.example.com:8443/e10/"
        tenant-id="T-42"
      ></qys-integration-checklist>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.item'), 'no items');
    const t = text(el);
    expect(t).to.contain('泛微开放平台地址');
    expect(t).to.contain('https://oa.example.com:8443/e10/openserver');
    expect(t).to.contain('https://oa.example.com:8443/e10/papi/signcenter/qiyuesuo/signCallbackPrivate');
    expect(t).to.contain('https://oa.example.com:8443/e10/papi/signcenter/qiyuesuo/categoryCallback');
    if (b.serviceType === 'private') expect(t).to.contain(b.encryptionKey);
    expect(t).to.contain('T-42');
    expect(t).to.contain('https接口');
    expect(t).to.contain('切换为旧版回调');
    expect(t).to.contain('【后台管理中心】-【开放平台】-【应用管理】');
  });

  it('public cloud shows the SSO switch, E10 address and tenant id only', async () => {
    const pub = (await host.services.list()).find((b) => b.serviceType === 'public')!;
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        .binding=${pub}
        oa-url="https://e10.example.com"
      ></qys-integration-checklist>`,
    );
    const labels = [...el.shadowRoot!.querySelectorAll('.item .label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['单点登录开关', '泛微e-cology系统地址（泛微E10地址）', '租户id']);
    if (pub.serviceType === 'public') expect(text(el)).to.contain(pub.tenantId);
  });

  it('upgrade modes: the nginx rule for the same address, the category change for a new one', async () => {
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        .binding=${b}
        oa-url="https://oa.example.com"
        manual-check
      ></qys-integration-checklist>`,
    );
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    radios[1]!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('pre.value')!.textContent).to.contain(
      'rewrite ^/QYSPrivateCallbackServlet$ /papi/signcenter/qiyuesuo/categoryCallback last;',
    );
    radios[2]!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('原 E9 地址：此项为必填项');
    const e9 = el.shadowRoot!.querySelector<HTMLInputElement>('input[aria-describedby="e9-error"]')!;
    e9.focus();
    await sendKeys({ type: 'http://e9.example.com:8080' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(text(el)).to.contain('http://e9.example.com:8080/QYSPrivateCallbackServlet');
    expect(e9.getAttribute('aria-invalid')).to.equal('false');
  });

  it('a bad OA address is flagged next to the input and kept as typed', async () => {
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist .host=${host} .binding=${b} manual-check></qys-integration-checklist>`,
    );
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=url]')!;
    input.value = 'ftp://oa';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#oa-error')!.textContent).to.contain('http:// 或 https://');
    expect(input.value).to.equal('ftp://oa');
  });

  it('checks: framing refused names the origin to whitelist; protocols; connection; stale sync', async () => {
    const b = await firstPrivate(host);
    const refusing = withFraming(host, (url) => ({
      url,
      reachable: true,
      status: 200,
      contentSecurityPolicy: "frame-ancestors 'self' https://other.example.com",
      xFrameOptions: null,
    }));
    const stale: Binding = { ...b, lastSyncedAt: '2020-01-01T00:00:00.000Z' };
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${refusing}
        .binding=${stale}
        oa-url="https://oa.example.com"
      ></qys-integration-checklist>`,
    );
    await settled(el);
    const rows = [...el.shadowRoot!.querySelectorAll('.check')];
    const row = (title: string) => rows.find((r) => r.textContent!.includes(title))!;
    expect(row('外网地址允许 OA 嵌入').classList.contains('fail')).to.equal(true);
    expect(row('外网地址允许 OA 嵌入').textContent).to.contain('https://oa.example.com');
    expect(row('外网地址允许 OA 嵌入').textContent).to.contain('嵌入电子签平台页面白名单');
    expect(row('开放平台地址与接入凭证可用').classList.contains('pass')).to.equal(true);
    expect(row('服务商数据已同步且不过期').classList.contains('fail')).to.equal(true);
  });

  it('checks pass when the platform allows the OA origin', async () => {
    const b = await firstPrivate(host);
    const allowing = withFraming(host, (url) => ({
      url,
      reachable: true,
      status: 200,
      contentSecurityPolicy: 'frame-ancestors https://oa.example.com',
      xFrameOptions: null,
    }));
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${allowing}
        .binding=${b}
        oa-url="https://oa.example.com"
      ></qys-integration-checklist>`,
    );
    await settled(el);
    const framing = [...el.shadowRoot!.querySelectorAll('.check')].find((r) =>
      r.textContent!.includes('外网地址允许'),
    )!;
    expect(framing.classList.contains('pass')).to.equal(true);
  });

  it('without inspectFraming the framing check says it cannot check, and why', async () => {
    const b = await firstPrivate(host);
    const { inspectFraming: _, ...client } = host.client;
    const plain: QysHost = { ...host, client };
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${plain}
        .binding=${b}
        oa-url="https://oa.example.com"
      ></qys-integration-checklist>`,
    );
    await settled(el);
    const framing = [...el.shadowRoot!.querySelectorAll('.check')].find((r) =>
      r.textContent!.includes('外网地址允许'),
    )!;
    expect(framing.classList.contains('cannot-check')).to.equal(true);
    expect(framing.textContent).to.contain('inspectFraming');
  });

  it('a failing host makes the connection check "cannot check", with the reason', async () => {
    const b = await firstPrivate(host);
    host.control.failNext('services.testConnection', 'network');
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        .binding=${b}
        oa-url="https://oa.example.com"
      ></qys-integration-checklist>`,
    );
    await settled(el);
    const conn = [...el.shadowRoot!.querySelectorAll('.check')].find((r) =>
      r.textContent!.includes('接入凭证'),
    )!;
    expect(conn.classList.contains('cannot-check')).to.equal(true);
    expect(conn.textContent).to.contain('无法连接服务器');
  });

  it('copies a value with one click and announces 已复制 to screen readers', async () => {
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        .binding=${b}
        oa-url="https://oa.example.com"
        manual-check
      ></qys-integration-checklist>`,
    );
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>(
      'button[aria-label="复制泛微开放平台地址"]',
    )!;
    const copied = oneEvent(el, 'qys-copy');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const ev = await copied;
    expect(ev.detail).to.deep.equal({ key: 'openServer', value: 'https://oa.example.com/openserver' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('已复制：泛微开放平台地址');
  });

  it('exports Markdown (download) and opens a print view with the same content', async () => {
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        .binding=${b}
        oa-url="https://oa.example.com"
        manual-check
      ></qys-integration-checklist>`,
    );
    const md = el.toMarkdown();
    expect(md).to.contain('# 契约锁侧对接清单');
    expect(md).to.contain('`https://oa.example.com/openserver`');
    let blob: Blob | undefined;
    const orig = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return orig.call(URL, b);
    };
    try {
      const exportButton = [...el.shadowRoot!.querySelectorAll('button')].find((x) =>
        x.textContent!.includes('导出 Markdown'),
      )!;
      exportButton.click();
    } finally {
      URL.createObjectURL = orig;
    }
    expect(await blob!.text()).to.equal(md);
    // print: false — a print dialog would block the test page (Firefox headless waits on it).
    // Opened from a real key press, as by the print button: WebKit, like Safari, refuses
    // window.open() without a user gesture.
    const opened: { w: Window | null } = { w: null };
    const opener = document.createElement('button');
    opener.textContent = 'print view';
    opener.addEventListener('click', () => (opened.w = el.openPrintView({ print: false })));
    document.body.append(opener);
    opener.focus();
    await sendKeys({ press: 'Enter' });
    opener.remove();
    const w = opened.w;
    try {
      expect(w).to.not.equal(null);
      expect(w!.document.body.textContent).to.equal(md);
    } finally {
      w?.close();
    }
  });

  it('the App Secret is never shown (only where to find it)', async () => {
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist .host=${host} .binding=${b} manual-check></qys-integration-checklist>`,
    );
    const row = [...el.shadowRoot!.querySelectorAll('.item')].find((r) =>
      r.textContent!.includes('app_secret'),
    )!;
    expect(row.querySelector('.value')).to.equal(null);
    expect(row.textContent).to.contain('此处不显示密钥');
  });

  it('speaks English', async () => {
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        lang="en"
        .host=${host}
        .binding=${b}
        oa-url="https://oa.example.com"
        manual-check
      ></qys-integration-checklist>`,
    );
    expect(text(el)).to.contain('Weaver open platform address');
    expect(el.toMarkdown()).to.contain('# Qiyuesuo-side integration checklist');
  });

  it('shows loading, then a host error with retry', async () => {
    host.control.failNext('services.get', 'server');
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist .host=${host} service-id=${b.id}></qys-integration-checklist>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'no error shown');
    expect(text(el)).to.contain('服务器处理失败');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.item'), 'retry did not load');
  });

  it('is accessible', async () => {
    const b = await firstPrivate(host);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        .binding=${b}
        oa-url="https://oa.example.com"
      ></qys-integration-checklist>`,
    );
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
