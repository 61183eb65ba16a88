/**
 * Each element's own entry, loaded alone in a fresh document (a new iframe; the entry under a new URL,
 * so nothing of it is in that document's module map), mounted on the memory host the way an E10 page
 * mounts it, until its final user-visible state. Catches on-demand chunks that land without a re-render.
 */
import { expect } from '@open-wc/testing';
import type { MemoryHost, MemoryHostOptions } from '../../src/api/memory-host/index.js';

interface ColdWindow extends Window {
  coldLoad: Promise<void>;
  MessageChannel: typeof MessageChannel;
  createMemoryHost: (o?: MemoryHostOptions) => MemoryHost;
}

type Loose = HTMLElement & Record<string, unknown>;
/** An element of the frame's registry (untyped: this page has not loaded its class). */
const make = (doc: Document, tag: string) => doc.createElement(tag) as unknown as Loose;

let n = 0;
const frames: HTMLIFrameElement[] = [];

async function coldPage(name: string): Promise<{ win: ColdWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1000px;height:800px';
  frames.push(frame);
  const bust = `${Date.now().toString(36)}-${n++}`;
  frame.src = `/test/components/cold-load.html?name=${name}&bust=${bust}`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as ColdWindow;
  for (let t0 = Date.now(); !win.coldLoad; await new Promise((r) => setTimeout(r, 25)))
    if (Date.now() - t0 > 10_000)
      throw new Error(
        `the cold page did not start: ${frame.contentDocument?.documentElement.outerHTML.slice(0, 800)}`,
      );
  await win.coldLoad;
  return { win, doc: frame.contentDocument! };
}

const deepText = (root: Element | ShadowRoot): string => {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent;
    // (not `instanceof Element`: the nodes belong to the frame's realm)
    const shadow = (node as Element).shadowRoot;
    if (shadow) walk(shadow);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out.replace(/\s+/g, ' ');
};

async function until(cond: () => unknown, message: string | (() => string), timeout = 15_000) {
  for (const t0 = Date.now(); !cond(); await new Promise((r) => setTimeout(r, 25)))
    if (Date.now() - t0 > timeout) throw new Error(typeof message === 'string' ? message : message());
}

describe('each element entry loaded alone in a fresh page (cold)', function () {
  this.timeout(40_000);
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
  });

  for (const [story, options] of [
    ['editing-private', {}],
    ['large-org', { orgSize: 'large' }],
  ] as const) {
    it(`qys-binding-settings (${story}): the embedded editor and pickers appear, never "not loaded"`, async () => {
      const { win, doc } = await coldPage('binding-settings');
      const host = win.createMemoryHost(options as MemoryHostOptions);
      const id = host.control.samples.services.find((s) => s.serviceType === 'private')!.id;
      const el = doc.createElement('qys-binding-settings');
      el.setAttribute('service-id', id);
      (el as unknown as { host: MemoryHost }).host = host;
      doc.body.append(el);
      const root = () => el.shadowRoot!;
      const upgraded = (sel: string) => !!root().querySelector(sel)?.shadowRoot;
      await until(
        () =>
          upgraded('qys-network-strategy-editor#f-autoLogin') &&
          upgraded('qys-org-scope-picker#f-signatories') &&
          upgraded('qys-org-scope-picker#org-scope'),
        () => `the form never showed its embedded elements: ${deepText(el.shadowRoot!).slice(0, 400)}`,
      );
      // The pickers show their org (the large one too), the editor its rules.
      await until(
        () => root().querySelector('#org-scope')!.shadowRoot!.querySelector('[role=treeitem]'),
        () =>
          `the scope picker shows no org tree: ${deepText(root().querySelector('#org-scope')!).slice(0, 600)}`,
      );
      const text = deepText(root());
      expect(text).not.to.match(/未加载|未能加载|加载中/);
      expect(text).to.include('内外网自动登录');
      // The form's CSS comes with the form's on-demand chunk (views/form.styles.ts): applied, not a bare form.
      const field = root().querySelector<HTMLElement>('.field')!;
      expect(win.getComputedStyle(field).display).to.equal('grid');
    });
  }

  it('qys-network-strategy-editor: shows its rules and preview', async () => {
    const { win, doc } = await coldPage('network-strategy-editor');
    const el = make(doc, 'qys-network-strategy-editor');
    el.host = win.createMemoryHost();
    el.value = { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [], presetIds: [] };
    doc.body.append(el);
    await until(
      () => [...(el.shadowRoot?.querySelectorAll('input') ?? [])].some((i) => i.value === '10.0.0.0/8'),
      'the rule is not shown',
    );
    expect(el.shadowRoot!.querySelector('fieldset[part="base"]')).to.not.equal(null);
  });

  it('qys-org-scope-picker: shows the org tree and the chosen unit', async () => {
    const { win, doc } = await coldPage('org-scope-picker');
    const el = make(doc, 'qys-org-scope-picker');
    el.host = win.createMemoryHost();
    el.value = { include: [{ type: 'subcompany', id: '101' }], exclude: [] };
    doc.body.append(el);
    await until(() => el.shadowRoot?.querySelector('[role=treeitem]'), 'no tree rows');
    await until(() => el.shadowRoot!.querySelector('[part~="chip"]'), 'the chosen unit is not shown');
    expect(deepText(el.shadowRoot!.querySelector('[part~="chip"]')!)).not.to.include('101');
  });

  it('qys-org-scope-picker, nothing chosen: its first frame is painted before any part is requested', async () => {
    const { win, doc } = await coldPage('org-scope-picker');
    const el = make(doc, 'qys-org-scope-picker');
    el.host = win.createMemoryHost();
    const requested = (part: RegExp) =>
      win.performance
        .getEntriesByType('resource')
        .filter((e) => part.test(new URL(e.name).pathname))
        .map((e) => e.startTime);
    const parts = /\/(head-count|chips|tree-keys|ref-resolver|org-scope-picker\.panel)\.ts$/;
    // The first frame after the mount: its animation frame callback (asked for before the mount, so it runs
    // first in that frame) notes the time, and a message posted from it arrives once the frame is painted.
    const painted = new Promise<{ frame: number; shown: boolean }>((resolve) =>
      win.requestAnimationFrame(() => {
        const frame = win.performance.now();
        const ch = new win.MessageChannel();
        ch.port1.onmessage = () => resolve({ frame, shown: !!el.shadowRoot?.querySelector('[part=base]') });
        ch.port2.postMessage(0);
      }),
    );
    doc.body.append(el);
    const first = await painted;
    expect(first.shown, 'the first frame after the mount shows the picker').to.equal(true);
    expect(
      requested(parts).filter((t) => t < first.frame),
      'part requests before the first frame after the mount',
    ).to.deep.equal([]);
    await until(() => el.shadowRoot?.querySelector('[role=treeitem][data-key]'), 'no tree rows');
    // The keys, chips and resolver come right after; the head count only with a selection.
    await until(() => requested(/\/tree-keys\.ts$/).length, 'the tree keys were never loaded');
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(requested(/\/head-count\.ts$/), 'a head count was loaded for nothing').to.deep.equal([]);
    el.shadowRoot!.querySelector<HTMLElement>('[role=treeitem][data-key] [part=checkbox]')!.click();
    await until(
      () => el.shadowRoot!.querySelector('[part=summary] [data-total]')?.textContent?.includes('人'),
      () =>
        `no head count after a unit was chosen: ${deepText(el.shadowRoot!.querySelector('[part=summary]')!)}`,
    );
  });

  it('qys-browse-field: resolves the stored value to its name and can open', async () => {
    const { win, doc } = await coldPage('browse-field');
    const host = win.createMemoryHost();
    const first = (await host.resources.list('file-template', { limit: 1 })).items[0]!;
    const el = make(doc, 'qys-browse-field');
    el.kind = 'file-template';
    el.host = host;
    el.value = [first.id];
    doc.body.append(el);
    await until(
      () => el.shadowRoot?.querySelector('.tag-name')?.textContent === first.name,
      'the stored value was not resolved to its name',
    );
    const browse = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="browse"]')!;
    expect(browse.disabled).to.equal(false);
  });

  it('qys-integration-checklist: shows what to configure', async () => {
    const { win, doc } = await coldPage('integration-checklist');
    const el = make(doc, 'qys-integration-checklist');
    const host = win.createMemoryHost();
    el.host = host;
    el.setAttribute('service-id', host.control.samples.services[0]!.id);
    doc.body.append(el);
    await until(
      () => el.shadowRoot?.querySelector('[part~="item"]'),
      () => `no checklist items: ${deepText(el).slice(0, 600)}`,
    );
    const text = deepText(el.shadowRoot!);
    expect(text).to.include('集成配置').and.include('✓');
  });

  it('qys-host-provider: provides the host to a context request from inside', async () => {
    const { win, doc } = await coldPage('host-provider');
    const host = win.createMemoryHost();
    const el = make(doc, 'qys-host-provider');
    el.host = host;
    const child = doc.createElement('div');
    el.append(child);
    doc.body.append(el);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    let got: unknown;
    const ev = new (win as unknown as typeof globalThis).Event('context-request', {
      bubbles: true,
      composed: true,
    });
    Object.assign(ev, { context: Symbol.for('qys-elements/host'), callback: (v: unknown) => (got = v) });
    child.dispatchEvent(ev);
    expect(got).to.equal(host);
  });

  it('qys-signing-frame: opens the signing page in its frame (ready)', async () => {
    const { win, doc } = await coldPage('signing-frame');
    const host = win.createMemoryHost({
      signingUrl: () => `${location.origin}/README.md`,
    });
    const el = make(doc, 'qys-signing-frame');
    el.host = host;
    el.setAttribute('contract-id', '2880000000000000001');
    doc.body.append(el);
    await (el.open as () => Promise<void>).call(el);
    await until(() => el.state === 'ready', `not ready: ${String(el.state)}`);
    expect(el.shadowRoot!.querySelector('iframe[src]')).to.not.equal(null);
  });

  it('qys-signing-frame: the result panel loads on demand after the first render, translated and styled', async () => {
    const { win, doc } = await coldPage('signing-frame');
    const panelLoaded = () =>
      win.performance.getEntriesByType('resource').some((r) => /signing-frame\.panel\b/.test(r.name));
    const host = win.createMemoryHost({ signingUrl: () => `${location.origin}/README.md` });
    const el = make(doc, 'qys-signing-frame');
    el.host = host;
    el.setAttribute('contract-id', '2880000000000000001');
    doc.body.append(el);
    await (el.open as () => Promise<void>).call(el);
    await until(() => el.state === 'ready', `not ready: ${String(el.state)}`);
    // The first render (the frame and its loading state) does without the panels' module.
    expect(panelLoaded(), 'panel module loaded before a run ended').to.equal(false);
    (el.cancel as () => void).call(el);
    await (el.updateComplete as Promise<unknown>);
    expect(panelLoaded(), 'panel module not loaded on demand').to.equal(true);
    const result = el.shadowRoot!.querySelector<HTMLElement>('[part=result]')!;
    expect(result.dataset.outcome).to.equal('cancelled');
    expect(deepText(result)).to.include('已取消签署。').and.to.include('签署尚未完成');
    // Its CSS came with it: the outcome panel's accent border.
    expect(win.getComputedStyle(result).borderInlineStartWidth).to.equal('4px');
  });
});
