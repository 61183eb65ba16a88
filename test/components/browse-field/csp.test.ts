import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/browse-field/define.js';
import { createMemoryHost } from '../../../src/api/memory-host/index.js';
import type { QysBrowseField } from '../../../src/components/browse-field/browse-field.js';

// Own file: the CSP below applies to the whole page.
describe('<qys-browse-field> under a page CSP that allows data: images but not blob:', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "img-src 'self' data:";
    document.head.append(meta);
  });

  it('still shows the seal images', async () => {
    const host = createMemoryHost({ seed: 7 });
    const [seal] = (await host.resources.list('electronic-seal', { limit: 1 })).items;
    const el = await fixture<QysBrowseField>(
      html`<qys-browse-field kind="electronic-seal" .host=${host} value=${seal!.id}></qys-browse-field>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="tag-image"]'), 'no tag image');
    const img = el.shadowRoot!.querySelector<HTMLImageElement>('[part~="tag-image"]')!;
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the seal image did not load', {
      timeout: 3000,
    });
    expect(img.naturalWidth).to.be.greaterThan(0);
  });
});
