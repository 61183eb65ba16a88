// The cdn files as a page without a bundler uses them, in a plain HTML page of its own (an iframe):
// the autoloader defines a tag when it first appears (in the document and inside the shadow root of a
// qys element), loading only what the page uses; the IIFE works from a classic <script>; the same
// version loaded twice is silent, another version logs one error naming both.
// The files are dist/cdn/*, built first when stale (scripts/wtr-ensure-build.mjs).
import { expect, waitUntil } from '@open-wc/testing';

type PageWindow = Window &
  typeof globalThis & {
    errors: string[];
    definedAtOnce?: boolean;
    QysElements?: Record<string, unknown>;
  };

async function openPage(path: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:600px';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as PageWindow;
}

const scripts = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/dist/cdn/'));

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('cdn/autoloader.js', () => {
  it('defines the tags on the page, then a tag added later, and one added inside a shadow root', async () => {
    const win = await openPage('/test/cdn/autoloader.html');
    const doc = win.document;
    await waitUntil(() => win.customElements.get('qys-host-provider'), 'qys-host-provider defined', {
      timeout: 5000,
    });
    // Only what the page uses was loaded: no picker, no everything-file.
    expect(win.customElements.get('qys-org-scope-picker')).to.equal(undefined);
    expect(scripts(win)).to.include('/dist/cdn/host-provider.js');
    expect(scripts(win).some((p) => /org-scope-picker|qys-elements/.test(p))).to.equal(false);

    // A tag added later, in the document.
    const picker = doc.createElement('qys-org-scope-picker');
    doc.body.append(picker);
    await waitUntil(() => win.customElements.get('qys-org-scope-picker'), 'picker defined', {
      timeout: 5000,
    });
    const Picker = win.customElements.get('qys-org-scope-picker')!;
    expect(picker).to.be.instanceOf(Picker);
    await waitUntil(() => picker.shadowRoot?.childElementCount, 'picker rendered');

    // A tag that appears inside the shadow root of a qys element the autoloader defined.
    const provider = doc.querySelector('qys-host-provider')!;
    expect(provider.shadowRoot, 'host-provider has a shadow root').to.not.equal(null);
    const field = doc.createElement('qys-browse-field');
    provider.shadowRoot!.append(field);
    await waitUntil(
      () => win.customElements.get('qys-browse-field'),
      'browse field (in a shadow root) defined',
      {
        timeout: 5000,
      },
    );
    expect(field).to.be.instanceOf(win.customElements.get('qys-browse-field')!);

    // And one nested two shadow roots deep: inside the browse field's own shadow root.
    await waitUntil(() => field.shadowRoot, 'browse field has a shadow root');
    const frame = doc.createElement('qys-signing-frame');
    field.shadowRoot!.append(frame);
    await waitUntil(() => win.customElements.get('qys-signing-frame'), 'signing frame (nested) defined', {
      timeout: 5000,
    });
    expect(frame).to.be.instanceOf(win.customElements.get('qys-signing-frame')!);
    expect(win.errors).to.deep.equal([]);
  });

  it('does nothing for tags that are not qys elements, and exports discover() for other shadow roots', async () => {
    const win = await openPage('/test/cdn/autoloader.html');
    const mod = (await (win as unknown as { eval(s: string): Promise<Record<string, unknown>> }).eval(
      `import('/dist/cdn/autoloader.js')`,
    )) as { discover: (root: Node) => void };
    const outer = win.document.createElement('div');
    win.document.body.append(outer);
    const root = outer.attachShadow({ mode: 'open' });
    root.append(win.document.createElement('qys-not-an-element'));
    // A shadow root of a non-qys element is not watched until the page hands it over.
    root.append(win.document.createElement('qys-integration-checklist'));
    await new Promise((r) => setTimeout(r, 300));
    expect(win.customElements.get('qys-integration-checklist')).to.equal(undefined);
    mod.discover(root);
    await waitUntil(() => win.customElements.get('qys-integration-checklist'), 'checklist defined', {
      timeout: 5000,
    });
    expect(scripts(win).some((p) => p.includes('not-an-element'))).to.equal(false);
    expect(win.errors).to.deep.equal([]);
  });

  it('another version of an element already on the page: one console.error naming both, the first one stays', async () => {
    const win = await openPage('/test/cdn/autoloader.html');
    await waitUntil(() => win.customElements.get('qys-host-provider'), 'host provider defined', {
      timeout: 5000,
    });
    class Old extends win.HTMLElement {}
    (Old as unknown as Record<symbol, string>)[Symbol.for('qys-elements/version')] = '0.0.1-old';
    win.customElements.define('qys-network-strategy-editor', Old);
    // The page loads the element file anyway (say, from a second micro-frontend), twice.
    await (win as unknown as { eval(s: string): Promise<unknown> }).eval(
      `Promise.all([import('/dist/cdn/network-strategy-editor.js'), import('/dist/cdn/network-strategy-editor.js?again')])`,
    );
    const version = (
      await (win as unknown as { eval(s: string): Promise<{ VERSION: string }> }).eval(
        `import('/dist/cdn/qys-elements.js')`,
      )
    ).VERSION;
    expect(win.errors).to.have.length(1);
    expect(win.errors[0])
      .to.contain('0.0.1-old')
      .and.contain(version)
      .and.contain('<qys-network-strategy-editor>');
    expect(win.customElements.get('qys-network-strategy-editor')).to.equal(Old);
  });
});

describe('cdn/qys-elements.iife.js (classic <script>)', () => {
  it('exposes QysElements and defines every tag at once; the elements work', async () => {
    const win = await openPage('/test/cdn/iife.html');
    expect(win.definedAtOnce).to.equal(true);
    const api = win.QysElements!;
    expect(typeof api.createHttpHost).to.equal('function');
    expect(typeof api.createMemoryHost).to.equal('function');
    expect(typeof api.QysBrowseField).to.equal('function');
    expect(win.customElements.get('qys-browse-field')).to.equal(api.QysBrowseField);
    for (const tag of ['host-provider', 'binding-settings', 'org-scope-picker', 'signing-frame']) {
      expect(win.customElements.get(`qys-${tag}`), tag).to.not.equal(undefined);
    }
    const field = win.document.querySelector('qys-browse-field')!;
    await waitUntil(() => field.shadowRoot?.textContent?.trim(), 'browse field rendered');
    // The one-file ES module of the same version on the same page: a silent no-op.
    await (win as unknown as { eval(s: string): Promise<unknown> }).eval(
      `import('/dist/cdn/qys-elements.js')`,
    );
    expect(win.customElements.get('qys-browse-field')).to.equal(api.QysBrowseField);
    expect(win.errors).to.deep.equal([]);
    expect(scripts(win)).to.not.include('/dist/cdn/autoloader.js');
  });
});
