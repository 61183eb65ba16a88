/**
 * `--qys-font` (documented on every element): set on the page or the element, it is the element's font; unset, the
 * element uses the page's font, inherited like any text. 0.1.0 documented it on six elements and honoured it on one
 * (the checklist, which in turn ignored the page's font).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/binding-settings/define.js';
import '../../src/components/browse-field/define.js';
import '../../src/components/integration-checklist/define.js';
import '../../src/components/network-strategy-editor/define.js';
import '../../src/components/org-scope-picker/define.js';
import '../../src/components/signing-frame/define.js';

const TAGS = [
  'qys-binding-settings',
  'qys-browse-field',
  'qys-integration-checklist',
  'qys-network-strategy-editor',
  'qys-org-scope-picker',
  'qys-signing-frame',
];

/** The first element of the shadow root that shows text of its own (not a monospace value). */
function textIn(root: ShadowRoot): Element | undefined {
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const p = n.parentElement;
    if (n.textContent!.trim() && p && !/mono/i.test(getComputedStyle(p).fontFamily)) return p;
  }
  return undefined;
}

/** Waits for it: the signing frame's panel (without a host, its problem panel) comes with a chunk of its own. */
async function firstText(root: ShadowRoot): Promise<Element> {
  const t0 = performance.now();
  for (;;) {
    const found = textIn(root);
    if (found) return found;
    if (performance.now() - t0 > 3000) throw new Error('no text rendered');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const font = (el: Element) => {
  const s = getComputedStyle(el);
  return { family: s.fontFamily, size: s.fontSize, style: s.fontStyle, lineHeight: s.lineHeight };
};

describe('--qys-font', () => {
  for (const tag of TAGS) {
    it(`${tag}: the page's font by default, --qys-font when set`, async () => {
      const wrap = await fixture<HTMLElement>(
        html`<div style="font: italic 17px/30px 'Page Font', fantasy"></div>`,
      );
      const el = document.createElement(tag) as HTMLElement & { updateComplete?: Promise<unknown> };
      wrap.append(el);
      await el.updateComplete;
      // the signing frame shows text once opened (without a host: its problem panel)
      if (tag === 'qys-signing-frame')
        void (el as unknown as { open(): Promise<void> }).open().catch(() => {});
      const text = await firstText(el.shadowRoot!);
      // binding settings sets its own size (--qys-font-size, 14px): the family, style and line height are the page's
      const size = tag === 'qys-binding-settings' ? '14px' : '17px';
      for (const node of [el, text]) {
        const f = font(node);
        expect(f.family, `${node.localName} family`).to.equal(`"Page Font", fantasy`);
        expect(f.style, `${node.localName} style`).to.equal('italic');
        if (node === el) expect(f.size).to.equal(size);
      }
      wrap.style.setProperty('--qys-font', `13px/20px 'Qys Font', cursive`);
      for (const node of [el, text]) {
        const f = font(node);
        expect(f.family, `${node.localName} family`).to.equal(`"Qys Font", cursive`);
        expect(f.style, `${node.localName} style`).to.equal('normal');
        if (node === el) {
          expect(f.size).to.equal(tag === 'qys-binding-settings' ? '14px' : '13px');
          expect(f.lineHeight).to.equal('20px');
        }
      }
      // on the element itself too
      el.style.setProperty('--qys-font', `12px/18px 'Own Font', serif`);
      expect(font(text).family).to.equal(`"Own Font", serif`);
    });
  }

  it('elements shown inside binding settings take its font, size included (--qys-font-size)', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div style="--qys-font: 12px/18px 'Qys Font', cursive; --qys-font-size: 15px"></div>`,
    );
    const el = document.createElement('qys-binding-settings') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    wrap.append(el);
    await el.updateComplete;
    for (const tag of ['qys-org-scope-picker', 'qys-network-strategy-editor']) {
      // as its form shows them (a shadow root of its own for each, the tokens sheet on each host)
      const inner = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      el.shadowRoot!.append(inner);
      await inner.updateComplete;
      const f = font(inner);
      expect(f.size, tag).to.equal('15px');
      expect(f.family, tag).to.equal(`"Qys Font", cursive`);
      inner.remove();
    }
  });
});
