// End to end in a real browser, against the servers the test run starts (reference host + Qiyuesuo
// simulator, scripts/wtr-dev-servers.mjs): 一键部署 from the simulator console → the service shows in
// <qys-binding-settings> marked as deployed → 同步服务商数据 → pick a seal in <qys-browse-field> → sign in
// <qys-signing-frame> → the simulator's callback reaches the OA → qys-signed with confirmed "signed".
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createHttpHost } from '../../src/api/http-host.js';
import '../../src/components/binding-settings/define.js';
import '../../src/components/browse-field/define.js';
import type { QysBindingSettings } from '../../src/components/binding-settings/binding-settings.js';
import type { QysBrowseField } from '../../src/components/browse-field/browse-field.js';
import { SIMULATOR_DEFAULT_APP } from '../../dev/simulator/defaults.js';
import { E10_DEV_OPEN_PLATFORM } from '../../dev/reference-host/e10-defaults.js';
import {
  act,
  contract,
  env,
  frameFor,
  scopeName,
  sim,
  waitFor,
} from '../components/signing-frame/helpers.js';

const until = (cond: () => unknown, message: string) =>
  waitUntil(cond, message, { timeout: 15_000, interval: 20 });
const sr = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => sr(el).querySelector<T>(sel);

async function json(url: string, init?: RequestInit) {
  const r = await fetch(url, init);
  const body = (await r.json()) as Record<string, unknown>;
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status} ${JSON.stringify(body)}`);
  return body;
}

describe('E10 end to end: 一键部署 → 同步服务商数据 → seal → sign → callback → qys-signed', function () {
  this.timeout(60_000);

  it('runs the whole chain with the real servers', async () => {
    const { referenceHost, simulator } = await env();
    const scope = scopeName('e2e');
    const base = `${simulator}/s/${scope}`;
    // This Qiyuesuo deployment's own integration app, and the E10 integration as an admin fills it in.
    const appToken = `e2e-${scope}`.slice(0, 60);
    await sim(scope, {
      apps: [{ ...SIMULATOR_DEFAULT_APP, appToken, appSecret: `${appToken}-secret` }],
    });
    await json(`${base}/__sim/e10/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ e10Url: referenceHost, tenantCode: 'TEN-E2E', ...E10_DEV_OPEN_PLATFORM }),
    });

    // 1. 一键部署 from the console
    const deployed = await json(`${base}/__sim/e10/deploy`, { method: 'POST' });
    expect(deployed.status).to.equal(201);
    const serviceId = (deployed.answer as { id: string }).id;

    // 2. the binding page shows it, marked, with what is left to fill; 同步服务商数据 from its form
    const http = createHttpHost({ baseUrl: referenceHost });
    const page = await fixture<QysBindingSettings>(
      html`<qys-binding-settings .host=${http}></qys-binding-settings>`,
    );
    await until(() => $(page, `tr[data-id="${serviceId}"]`), 'the deployed service is not listed');
    const row = $(page, `tr[data-id="${serviceId}"]`)!;
    expect(row.querySelector('.badge.deployed')!.textContent).to.contain('一键部署创建');
    expect(row.textContent!.replace(/\s+/g, ' ')).to.contain('还需填写').and.contain('签章人员');
    row.querySelector<HTMLElement>('.edit')!.click();
    await until(() => $(page, '.sync-start'), 'the sync button is not shown');
    $(page, '.sync-start')!.click();
    await until(() => page.sync.report || $(page, '#sync-error'), 'the sync did not finish');
    expect($(page, '#sync-error')).to.equal(null);
    const report = page.sync.report!;
    expect(report.seals.total).to.be.greaterThan(0);

    // 3. pick a seal of this service in a browse field
    const field = await fixture<QysBrowseField>(
      html`<qys-browse-field
        kind="electronic-seal"
        service-id=${serviceId}
        .host=${http}
      ></qys-browse-field>`,
    );
    field.searchDelay = 0;
    $(field, '[part~="browse"]')!.click();
    const options = () => [
      ...sr(field).querySelectorAll<HTMLElement>(
        '[role="gridcell"]:not([aria-busy]):not([aria-disabled="true"])',
      ),
    ];
    await until(() => options().length > 0, 'no seal to pick');
    options()[0]!.click();
    await field.updateComplete;
    $(field, '[part~="confirm"]')!.click();
    await until(() => field.value.length === 1, 'no seal picked');
    const seal = (await http.resources.resolve('electronic-seal', field.value, { serviceId })).items[0]!;
    expect(seal.status).to.equal('enabled');

    // 4. sign in the frame (SSO into the simulator's signing app of this deployment)
    page.remove(); // the frame is then at the top of the viewport, where the user clicks into it
    field.remove();
    const cid = await contract(scope);
    const frame = await frameFor({ host: http, requests: [], sessions: [], serviceId, scope }, cid);
    const ready = waitFor(frame, 'qys-ready', 15_000);
    await frame.open();
    await ready;
    const signed = waitFor<CustomEvent<{ contractId: string; confirmed: string }>>(
      frame,
      'qys-signed',
      20_000,
    );
    await act(frame, 'sign');
    const e = await signed;
    expect(e.detail).to.deep.equal({ contractId: cid, confirmed: 'signed' });

    // 5. the simulator called the OA back, and the OA applied it once
    await until(async () => {
      const log = await json(`${referenceHost}/__ref/callbacks`);
      return (log.applied as { contractId: string }[]).some((a) => a.contractId === cid);
    }, 'the callback did not reach the OA');
    const log = await json(`${referenceHost}/__ref/callbacks`);
    const applied = (log.applied as { contractId: string; status: string; generation: string }[]).filter(
      (a) => a.contractId === cid,
    );
    expect(applied).to.have.length(1);
    expect(applied[0]).to.include({ status: 'signed', generation: 'legacy' });
    const state = await json(`${base}/__sim/e10`);
    const delivery = (state.deliveries as { payload: { contractId?: string }; acknowledged: boolean }[]).find(
      (d) => d.payload.contractId === cid,
    )!;
    expect(delivery.acknowledged).to.equal(true);
    expect((await http.signing.contractStatus(cid, { serviceId })).status).to.equal('signed');
  });
});
