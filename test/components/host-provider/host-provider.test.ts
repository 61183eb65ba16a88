import { expect, fixture, html } from '@open-wc/testing';
import { customElement } from 'lit/decorators.js';
import { html as litHtml } from 'lit';
import '../../../src/components/host-provider/define.js';
import { QysElement } from '../../../src/internal/qys-element.js';
import type { QysHost } from '../../../src/api/host.js';
import type { QysHostProvider } from '../../../src/components/host-provider/host-provider.js';

@customElement('test-host-consumer')
class TestHostConsumer extends QysElement {
  override render() {
    return litHtml`<span>${this.effectiveHost ? (this.effectiveHost as unknown as { label: string }).label : this.t('noHost')}</span>`;
  }
}

const fakeHost = (label: string) => ({ label }) as unknown as QysHost;

describe('<qys-host-provider>', () => {
  it('delivers the host to a nested element, also through another element’s shadow root', async () => {
    const el = await fixture<QysHostProvider>(html`
      <qys-host-provider .host=${fakeHost('A')}
        ><div><test-host-consumer></test-host-consumer></div
      ></qys-host-provider>
    `);
    const consumer = el.querySelector('test-host-consumer') as TestHostConsumer;
    await consumer.updateComplete;
    expect(consumer.effectiveHost).to.equal(el.host);
    expect(consumer.shadowRoot!.textContent).to.equal('A');
  });

  it('updates consumers when the host changes', async () => {
    const el = await fixture<QysHostProvider>(html`
      <qys-host-provider .host=${fakeHost('A')}><test-host-consumer></test-host-consumer></qys-host-provider>
    `);
    const consumer = el.querySelector('test-host-consumer') as TestHostConsumer;
    el.host = fakeHost('B');
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.equal('B');
  });

  it('a host set directly on the element wins over the provided one', async () => {
    const el = await fixture<QysHostProvider>(html`
      <qys-host-provider .host=${fakeHost('A')}
        ><test-host-consumer .host=${fakeHost('own')}></test-host-consumer
      ></qys-host-provider>
    `);
    const consumer = el.querySelector('test-host-consumer') as TestHostConsumer;
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.equal('own');
  });

  it('without a provider the element says how to connect one (zh-CN and en)', async () => {
    const consumer = await fixture<TestHostConsumer>(html`<test-host-consumer></test-host-consumer>`);
    expect(consumer.shadowRoot!.textContent).to.contain('qys-host-provider');
    expect(consumer.shadowRoot!.textContent).to.contain('未连接数据源');
    consumer.lang = 'en';
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.contain('No data source');
  });

  it('is accessible', async () => {
    const el = await fixture<QysHostProvider>(html`<qys-host-provider><p>content</p></qys-host-provider>`);
    await expect(el).to.be.accessible();
  });
});
