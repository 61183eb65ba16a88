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

  // Every public property of every element (its reactive properties, not internal state), set to hostile values a
  // page or a framework binding may pass: the element keeps rendering, nothing is thrown or left uncaught.
  const hostile: [string, () => unknown][] = [
    ['a symbol', () => Symbol('x')],
    ['a null-prototype object', () => Object.create(null) as unknown],
    [
      'an object whose toString throws',
      () => ({
        toString: () => {
          throw new Error('toString');
        },
      }),
    ],
    ['a bigint', () => 10n],
    ['NaN', () => NaN],
    ['an array of junk', () => [null, 1, {}]],
    ['HTML', () => '<img src=x onerror="window.__xss=1">'],
  ];
  const TAGS = CASES.map(([tag]) => tag).filter((t) => t !== 'qys-signing-frame');
  for (const tag of TAGS) {
    it(`<${tag}>: every public property set to hostile values`, async () => {
      const props = [
        ...((
          customElements.get(tag) as unknown as { elementProperties: Map<PropertyKey, { state?: boolean }> }
        ).elementProperties ?? new Map<PropertyKey, { state?: boolean }>()),
      ]
        .filter(([k, o]) => typeof k === 'string' && !o.state && !['host', 'contextHost'].includes(k))
        .map(([k]) => k as string);
      expect(props.length, 'public properties').to.be.greaterThan(2);
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      for (const [what, make] of hostile) {
        const el = document.createElement(tag) as HTMLElement & Record<string, unknown>;
        for (const p of props) el[p] = make();
        box.append(el);
        try {
          await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
          await aTimeout(0);
          expect(uncaught.map(String), `every property = ${what}`).to.deep.equal([]);
          expect(el.shadowRoot?.childNodes.length, `rendered with ${what}`).to.be.greaterThan(0);
          expect((window as { __xss?: number }).__xss, 'no markup ran').to.equal(undefined);
        } finally {
          el.remove();
        }
      }
    });
  }
});
