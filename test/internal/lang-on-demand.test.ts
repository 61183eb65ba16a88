import { expect } from '@open-wc/testing';
import '../../src/components/browse-field/define.js';
import '../../src/components/signing-frame/define.js';
import type { QysBrowseField } from '../../src/components/browse-field/browse-field.js';
import type { QysSigningFrame } from '../../src/components/signing-frame/signing-frame.js';
import { browseFieldMessages } from '../../src/components/browse-field/browse-field.messages.js';
import { signingFrameMessages } from '../../src/components/signing-frame/signing-frame.messages.js';
import { commonMessages } from '../../src/internal/common.messages.js';

// English (like zh-TW) is a module of its own, loaded when an element first shows it: a page in
// Chinese never downloads it. An element whose language is still loading does not render until it is
// there, so the page never sees zh-CN flash before English, and updateComplete means "text is right".

/** Mounts `tag` with lang="en" and records every text its shadow root ever showed. */
function mount<T extends HTMLElement>(tag: string, attrs: Record<string, string> = {}) {
  const el = document.createElement(tag) as T;
  el.setAttribute('lang', 'en');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const seen: string[] = [];
  document.body.append(el);
  const root = el.shadowRoot!;
  const record = () => seen.push(root.textContent ?? '');
  record();
  const watch = new MutationObserver(record);
  watch.observe(root, { childList: true, subtree: true, characterData: true });
  return { el, seen, stop: () => (watch.disconnect(), el.remove()) };
}
const chinese = /[\u4e00-\u9fff]/;

describe('languages other than zh-CN load on demand, without a flash of zh-CN', () => {
  it('no English catalogue is loaded before an element shows English', () => {
    expect(browseFieldMessages['zh-CN'].browse).to.equal('选择');
    expect(browseFieldMessages.en).to.equal(undefined);
    expect(commonMessages.en).to.equal(undefined);
    expect(signingFrameMessages.en).to.equal(undefined);
  });

  it('a lit element with lang="en" renders English first: updateComplete resolves after the strings', async () => {
    const { el, seen, stop } = mount<QysBrowseField>('qys-browse-field', { kind: 'electronic-seal' });
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('button')!.textContent!.trim()).to.equal(browseFieldMessages.en!.browse);
    expect(root.querySelector('.notice')!.textContent!.trim()).to.equal(commonMessages.en!.noHost);
    expect(seen.filter((t) => chinese.test(t))).to.deep.equal([]);
    stop();
  });

  it('the signing frame (no lit) with lang="en" renders English first as well', async () => {
    const { el, seen, stop } = mount<QysSigningFrame>('qys-signing-frame', { 'contract-id': '1' });
    await el.updateComplete;
    // Idle, the first render has no text: its English strings are there before it all the same.
    expect(signingFrameMessages.en, 'English loaded before the first render').to.not.equal(undefined);
    await el.open(); // no host: the problem panel (on demand too), in English
    await el.updateComplete;
    const text = el.shadowRoot!.textContent ?? '';
    expect(text).to.contain(signingFrameMessages.en!.noHost);
    expect(text).to.contain(signingFrameMessages.en!.retry);
    expect(text).to.not.match(chinese);
    expect(seen.filter((t) => chinese.test(t))).to.deep.equal([]);
    stop();
  });
});
