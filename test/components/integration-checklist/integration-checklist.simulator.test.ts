// The checklist's checks against the real reference host and the Qiyuesuo simulator over HTTP
// (both started by the test run; see scripts/wtr-dev-servers.mjs). Each test uses its own simulator
// scope (`/s/<id>`), with its own embed whitelist.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/integration-checklist/define.js';
import type { QysIntegrationChecklist } from '../../../src/components/integration-checklist/integration-checklist.js';
import { createHttpHost } from '../../../src/api/http-host.js';
import type { Binding, BindingInput } from '../../../src/api/schemas.js';

let ref = '';
let sim = '';
/** The simulator's signing web app: its own origin, beside the open API `sim`. */
let signing = '';
before(async () => {
  const env = (await (await fetch('/__qys/env')).json()) as {
    referenceHost?: string;
    simulator?: string;
    simulatorSigning?: string;
  };
  if (!env.referenceHost || !env.simulator)
    throw new Error('dev servers are not running (/__qys/env is empty)');
  ref = env.referenceHost;
  sim = env.simulator;
  signing = env.simulatorSigning ?? '';
});

let n = 0;
const scope = () => `${sim}/s/checklist-${Date.now().toString(36)}-${n++}`;

async function setWhitelist(scoped: string, whitelist: string[]) {
  const res = await fetch(`${scoped}/__sim/state`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ whitelist }),
  });
  expect(res.ok, await res.clone().text()).to.equal(true);
}

async function saveBinding(scoped: string, secret = 'qys-sim-app-secret-0001'): Promise<Binding> {
  const input: BindingInput = {
    serviceType: 'private',
    provider: 'qiyuesuo',
    name: '清单检查',
    isDefault: false,
    appToken: 'qys-sim-app-token-0001',
    appSecret: secret,
    signatories: [],
    openApiUrl: scoped,
    encryptionKey: '60fb3ed9-3e18-4f',
    signingUrlExternal: signing + scoped.slice(sim.length),
    signingUrlInternal: '',
    autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
  };
  return createHttpHost({ baseUrl: ref }).services.save(input);
}

async function checks(el: QysIntegrationChecklist) {
  await waitUntil(
    () => {
      const rows = [...el.shadowRoot!.querySelectorAll('.check')];
      return rows.length >= 4 && rows.every((r) => !r.classList.contains('running'));
    },
    'checks did not finish',
    { timeout: 8000 },
  );
  const rows = [...el.shadowRoot!.querySelectorAll('.check')];
  return (title: string) => rows.find((r) => r.textContent!.includes(title))!;
}

describe('<qys-integration-checklist> against the simulator', () => {
  it('passes the whitelist check when the OA origin is whitelisted, and the credentials check', async () => {
    const scoped = scope();
    await setWhitelist(scoped, [location.origin]);
    const b = await saveBinding(scoped);
    const host = createHttpHost({ baseUrl: ref });
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${host}
        service-id=${b.id}
        oa-url=${location.origin}
      ></qys-integration-checklist>`,
    );
    const row = await checks(el);
    expect(row('外网地址允许 OA 嵌入').className).to.contain('pass');
    expect(row('协议一致').className).to.contain('pass');
    expect(row('接入凭证可用').className).to.contain('pass');
    expect(row('服务商数据已同步').className).to.contain('fail');
    expect(row('服务商数据已同步').textContent).to.contain('从未同步');
    await host.services.sync(b.id);
    await el.runChecks();
    await el.updateComplete;
    expect(row('服务商数据已同步').className).to.contain('pass');
  });

  it('fails the whitelist check when the OA origin is missing, naming the origin to add', async () => {
    const scoped = scope();
    await setWhitelist(scoped, ['https://someone-else.example.com']);
    const b = await saveBinding(scoped);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${createHttpHost({ baseUrl: ref })}
        .binding=${b}
        oa-url=${location.origin}
      ></qys-integration-checklist>`,
    );
    const row = await checks(el);
    const framing = row('外网地址允许 OA 嵌入');
    expect(framing.className).to.contain('fail');
    expect(framing.textContent).to.contain(location.origin);
    expect(framing.textContent).to.contain('嵌入电子签平台页面白名单');
  });

  it('fails the credentials check with a wrong App Secret', async () => {
    const scoped = scope();
    await setWhitelist(scoped, [location.origin]);
    const b = await saveBinding(scoped, 'not-the-secret');
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${createHttpHost({ baseUrl: ref })}
        .binding=${b}
        oa-url=${location.origin}
      ></qys-integration-checklist>`,
    );
    const row = await checks(el);
    expect(row('接入凭证可用').className).to.contain('fail');
    expect(row('接入凭证可用').textContent).to.contain('验证接入凭证');
  });

  it('an https OA address with the http simulator fails the protocol check (seed 000 FAQ 1)', async () => {
    const scoped = scope();
    const b = await saveBinding(scoped);
    const el = await fixture<QysIntegrationChecklist>(
      html`<qys-integration-checklist
        .host=${createHttpHost({ baseUrl: ref })}
        .binding=${b}
        oa-url="https://oa.example.com"
      ></qys-integration-checklist>`,
    );
    const row = await checks(el);
    expect(row('协议一致').className).to.contain('fail');
    expect(row('协议一致').textContent).to.contain('HTTPS');
  });
});
