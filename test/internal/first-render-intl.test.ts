/**
 * Issue #16: the first `new Intl.NumberFormat` on a page cost 12–21 ms of an element's first render. The shipped
 * languages' integers and plurals are now written without Intl (localize.ts, icu.ts): elements showing counts
 * (the org picker's head counts, the browse field's list) in zh-CN and en make no Intl number or plural object on
 * their first render.
 */
import { expect, waitUntil } from '@open-wc/testing';

const made: string[] = [];
for (const name of ['NumberFormat', 'PluralRules'] as const) {
  const Real = Intl[name] as unknown as new (...a: unknown[]) => object;
  Object.assign(Intl, {
    [name]: new Proxy(Real, {
      construct(target, args: unknown[]) {
        made.push(`${name}(${String(args[0])})`);
        return new (target as new (...a: unknown[]) => object)(...args);
      },
    }),
  });
}
const { createMemoryHost } = await import('../../src/api/memory-host/index.js');
await import('../../src/components/org-scope-picker/define.js');
await import('../../src/components/browse-field/define.js');

const deepText = (el: Element) => el.shadowRoot?.textContent ?? '';

describe('first render makes no Intl number or plural object (shipped languages)', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    it(`org picker and browse field, ${lang}`, async () => {
      made.length = 0;
      const host = createMemoryHost({ resources: 30 });
      const picker = document.createElement('qys-org-scope-picker');
      picker.lang = lang;
      picker.host = host;
      const field = document.createElement('qys-browse-field');
      field.lang = lang;
      field.kind = 'file-template';
      field.host = host;
      document.body.append(picker, field);
      await waitUntil(() => picker.shadowRoot?.querySelector('[role=treeitem][data-key]'), 'picker rows');
      await waitUntil(() => deepText(field).trim().length > 0, 'browse field text');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // the picker shows head counts (numbers) on its rows
      expect(deepText(picker)).to.match(/\d/);
      expect(made, made.join(', ')).to.deep.equal([]);
      picker.remove();
      field.remove();
    });
});
