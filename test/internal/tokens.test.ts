/**
 * The tokens sheet (src/internal/tokens.styles.ts): one default per --qys-* token, a dark palette chosen by
 * `theme="dark"` or by prefers-color-scheme (unless `theme="light"`), page tokens winning in both, old names as aliases.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/integration-checklist/define.js';
import '../../src/components/signing-frame/define.js';
import '../../src/components/binding-settings/define.js';

const css = (el: Element, prop: string) => getComputedStyle(el).getPropertyValue(prop).trim();
const LIGHT_TEXT = 'rgb(31, 35, 41)';
const DARK_TEXT = 'rgb(230, 232, 235)';
const DARK_SURFACE = 'rgb(27, 31, 36)';

describe('design tokens and the dark theme', () => {
  for (const tag of ['qys-integration-checklist', 'qys-signing-frame']) {
    it(`${tag}: light by default, dark with theme="dark", light again with theme="light"`, async () => {
      const el = await fixture<HTMLElement>(`<${tag}></${tag}>`);
      expect(getComputedStyle(el).color).to.equal(LIGHT_TEXT);
      expect(getComputedStyle(el).colorScheme).to.equal('light');
      el.setAttribute('theme', 'dark');
      expect(getComputedStyle(el).color).to.equal(DARK_TEXT);
      expect(getComputedStyle(el).backgroundColor).to.equal(DARK_SURFACE);
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      el.setAttribute('theme', 'light');
      expect(getComputedStyle(el).color).to.equal(LIGHT_TEXT);
    });
  }

  it('a token set on the page wins in both themes; the old names still work as aliases', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div
        style="--qys-color-text: rgb(1, 2, 3); --qys-color-muted: rgb(4, 5, 6); --qys-border-radius: 9px"
      >
        <qys-integration-checklist></qys-integration-checklist>
      </div>`,
    );
    const el = wrap.firstElementChild!;
    expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
    el.setAttribute('theme', 'dark');
    expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
    expect(css(el, '--_muted')).to.equal('rgb(4, 5, 6)');
    expect(css(el, '--_radius')).to.equal('9px');
    // the new name wins over the alias
    wrap.style.setProperty('--qys-color-text-secondary', 'rgb(7, 8, 9)');
    expect(css(el, '--_muted')).to.equal('rgb(7, 8, 9)');
  });

  it('theme="dark" on binding settings reaches the qys elements it renders (nested shadow roots)', async () => {
    const el = await fixture<HTMLElement>(html`<qys-binding-settings theme="dark"></qys-binding-settings>`);
    // a qys element inside its shadow root, with no theme attribute of its own
    const inner = document.createElement('qys-integration-checklist');
    el.shadowRoot!.append(inner);
    await (inner as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(inner).color).to.equal(DARK_TEXT);
    inner.remove();
  });

  it('prefers-color-scheme: dark gives the dark palette unless theme="light"', async function () {
    // Emulating the media feature is a Chromium (DevTools protocol) feature: elsewhere theme="dark" above covers it.
    try {
      await emulateMedia({ colorScheme: 'dark' });
    } catch {
      this.skip();
    }
    try {
      const el = await fixture<HTMLElement>(html`<qys-signing-frame></qys-signing-frame>`);
      expect(getComputedStyle(el).color).to.equal(DARK_TEXT);
      el.setAttribute('theme', 'light');
      expect(getComputedStyle(el).color).to.equal(LIGHT_TEXT);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
