// Conventions: "a bad value from the page warns once and is ignored; it never throws out of a
// setter". Arbitrary values (fast-check) for every public property of <qys-signing-frame> and for
// `lang` on every element: no setter throws, and the element still renders (no uncaught error).
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/components/signing-frame/define.js';
import '../../src/components/browse-field/define.js';
import '../../src/components/integration-checklist/define.js';
import '../../src/components/binding-settings/define.js';
import '../../src/components/network-strategy-editor/define.js';
import '../../src/components/org-scope-picker/define.js';

const anything = fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withDate: true });
const CASES: [string, string[]][] = [
  [
    'qys-signing-frame',
    ['contractId', 'params', 'serviceId', 'page', 'autoOpen', 'allowCamera', 'sandboxExtra', 'lang'],
  ],
  ['qys-browse-field', ['lang']],
  ['qys-integration-checklist', ['lang']],
  ['qys-binding-settings', ['lang']],
  ['qys-network-strategy-editor', ['lang']],
  ['qys-org-scope-picker', ['lang', 'mode']],
];

const hasText = (v: unknown) => {
  try {
    String(v);
    return true;
  } catch {
    return false;
  }
};

describe('element setters never throw', () => {
  let uncaught: unknown[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
  let warn: typeof console.warn;
  beforeEach(() => {
    uncaught = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    warn = console.warn;
    console.warn = () => undefined; // every bad value warns once: expected, and noisy
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
  });

  for (const [tag, props] of CASES) {
    it(`<${tag}>: ${props.join(', ')}`, async () => {
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...props), anything, async (prop, value) => {
          // <qys-signing-frame>'s lang is HTMLElement's own (not a Lit property): the DOM converts it to a
          // string, and throws for a value that has none, as for any element.
          fc.pre(!(tag === 'qys-signing-frame' && prop === 'lang' && !hasText(value)));
          const el = box.appendChild(document.createElement(tag));
          try {
            (el as unknown as Record<string, unknown>)[prop] = value;
            await (el as { updateComplete?: Promise<unknown> }).updateComplete;
            await aTimeout(0);
            expect(uncaught.map(String), `${prop} = ${fc.stringify(value)}`).to.deep.equal([]);
            expect(el.shadowRoot?.childNodes.length, 'rendered').to.be.greaterThan(0);
          } finally {
            el.remove();
          }
        }),
        { numRuns: 80 },
      );
    });
  }
});
