// #14.4 / #14.6 / #14.7: the checklist's Qiyuesuo-side checks (CALLBACK_CHECK, /openserver) asked through
// the host, the open platform's app_key / corpId from the host context, the service's own 泛微团队识别码,
// and the E9 → E10 switch step.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/integration-checklist/define.js';
import type { QysIntegrationChecklist } from '../../../src/components/integration-checklist/integration-checklist.js';
import { createMemoryHost, type MemoryHost } from '../../../src/api/memory-host/index.js';
import type { Binding, ProviderProbe, QysHost } from '../../../src/index.js';
import { buildChecklist } from '../../../src/core/integration/checklist.js';

const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const check = (el: Element, id: string) =>
  [...el.shadowRoot!.querySelectorAll('.check')].find((c) =>
    c.textContent!.includes(id === 'callback' ? 'CALLBACK_CHECK' : '/openserver'),
  );

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

describe('<qys-integration-checklist>: E10 integration facts and Qiyuesuo-side checks', () => {
  let host: MemoryHost;
  let b: Binding;
  beforeEach(async () => {
    host = createMemoryHost();
    b = (await host.services.list()).find((x) => x.serviceType === 'private')!;
  });

  it('asks the host to probe the callback and /openserver and shows both results', async () => {
    const asked: string[] = [];
    const probing: QysHost = {
      ...host,
      services: {
        ...host.services,
        probe: async (id, kind): Promise<ProviderProbe> => {
          asked.push(`${id}:${kind}`);
          return kind === 'callback'
            ? {
                kind,
                status: 'pass',
                code: 'probe.callback.ok',
                detail: 'https://oa/papi/signcenter/qiyuesuo/signCallbackPrivate',
              }
            : {
                kind,
                status: 'fail',
                code: 'probe.openserver.failed',
                detail: 'https://oa/openserver: HTTP 401',
              };
        },
      },
    };
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${probing}
        .binding=${b}
        oa-url="https://oa.example.com"
      ></qys-integration-checklist>`,
    );
    await settled(el);
    expect(asked.sort()).to.deep.equal([`${b.id}:callback`, `${b.id}:openserver`]);
    const cb = check(el, 'callback')!;
    expect(cb.classList.contains('pass')).to.equal(true);
    expect(cb.textContent).to.contain('OA 回复 success');
    const os = check(el, 'openserver')!;
    expect(os.classList.contains('fail')).to.equal(true);
    expect(os.textContent).to.contain('HTTP 401');
    expect(os.textContent).to.contain('app_key、app_secret、corpId');
    await expect(el).to.be.accessible();
  });

  it('without host.services.probe the two checks say they cannot be run (not a pass)', async () => {
    const { probe: _p, ...services } = host.services;
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${{ ...host, services }}
        .binding=${b}
        oa-url="https://oa.example.com"
      ></qys-integration-checklist>`,
    );
    await settled(el);
    expect(check(el, 'callback')!.classList.contains('cannot-check')).to.equal(true);
    expect(check(el, 'openserver')!.textContent).to.contain('services.probe');
  });

  it('shows the open platform app_key and corpId the host context gives, never an app_secret value', async () => {
    const ctxHost: QysHost = {
      ...host,
      client: {
        ...host.client,
        context: async () => ({
          clientIp: null,
          oaBaseUrl: 'https://oa.example.com',
          openPlatform: { appKey: 'AK-123', corpId: 'CORP-9' },
        }),
      },
    };
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${ctxHost}
        .binding=${b}
        manual-check
      ></qys-integration-checklist>`,
    );
    await waitUntil(() => text(el).includes('AK-123'), 'app_key not shown');
    expect(text(el)).to.contain('CORP-9');
    expect(el.shadowRoot!.querySelector('#v-appSecret')).to.equal(null);
    expect(text(el)).to.contain('此处不显示密钥');
  });

  it('buildChecklist: the service’s 泛微团队识别码 wins; the E9 → E10 switch step appears for E9 or an upgrade', () => {
    const withFacts = { ...b, tenantCode: 'TEN-SVC', oaVersion: 'E9' } as Binding;
    const list = buildChecklist({
      binding: withFacts,
      oaBaseUrl: 'https://oa.example.com',
      tenantId: 'TEN-PAGE',
    });
    expect(list.items.find((i) => i.id === 'tenantCode')!.value).to.equal('TEN-SVC');
    expect(list.items.find((i) => i.id === 'switchToE10')).to.include({
      section: 'upgrade',
      setting: 'setting.e10',
    });
    const e10 = buildChecklist({
      binding: { ...b, oaVersion: 'E10' } as Binding,
      oaBaseUrl: 'https://oa.example.com',
    });
    expect(e10.items.some((i) => i.id === 'switchToE10')).to.equal(false);
    const upgrading = buildChecklist({
      binding: b,
      oaBaseUrl: 'https://oa.example.com',
      upgrade: 'same-address',
    });
    expect(upgrading.items.map((i) => i.id)).to.include('switchToE10');
  });

  it('the switch step says what the Qiyuesuo console asks and why confirming is safe (zh-CN and en)', async () => {
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        .binding=${{ ...b, oaVersion: 'E9' } as Binding}
        oa-url="https://oa.example.com"
        manual-check
      ></qys-integration-checklist>`,
    );
    expect(text(el)).to.contain('从【泛微E9及以下版本】切换为【泛微E10】');
    expect(text(el)).to.contain('人员信息（人员、手机号）保持一致');
    expect(text(el)).to.contain('确认切换');
    el.lang = 'en';
    await el.updateComplete;
    expect(text(el)).to.contain('safe to click "Confirm switch"');
  });
});
