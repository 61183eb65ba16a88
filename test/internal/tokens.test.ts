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

  it('prefers-color-scheme: dark gives the dark palette unless theme="light"', async () => {
    // Chromium can emulate the media feature (DevTools protocol); Firefox and WebKit here cannot. There the test
    // checks the same rule against whatever the engine reports, and that the sheet carries the media rule.
    let emulated = false;
    try {
      await emulateMedia({ colorScheme: 'dark' });
      emulated = true;
    } catch {
      /* no emulation in this engine */
    }
    try {
      const el = await fixture<HTMLElement>(html`<qys-signing-frame></qys-signing-frame>`);
      const dark = matchMedia('(prefers-color-scheme: dark)').matches;
      if (emulated) expect(dark).to.equal(true);
      expect(getComputedStyle(el).color).to.equal(dark ? DARK_TEXT : LIGHT_TEXT);
      const mediaRules = el
        .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
        .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule)
        .filter((r) => /prefers-color-scheme:\s*dark/.test(r.conditionText));
      expect(mediaRules.length, 'a prefers-color-scheme: dark rule in the sheet').to.be.greaterThan(0);
      expect(mediaRules.map((r) => r.cssText).join('\n')).to.match(/:host\(:not\(\[theme="?'?light/);
      el.setAttribute('theme', 'light');
      expect(getComputedStyle(el).color).to.equal(LIGHT_TEXT);
    } finally {
      if (emulated) await emulateMedia({ colorScheme: 'light' });
    }
  });
});
