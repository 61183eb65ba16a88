// Numbers and plurals of the shipped languages without Intl on the first render (issue #16: the first
// `new Intl.NumberFormat` on a page cost 12–21 ms), and the same text as Intl would write.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Counts the Intl objects made, before the modules under test are loaded.
const made = { NumberFormat: 0, PluralRules: 0 };
const RealNumberFormat = Intl.NumberFormat;
const RealPluralRules = Intl.PluralRules;
const counting = <T extends abstract new (...a: never[]) => unknown>(Real: T, key: keyof typeof made): T =>
  new Proxy(Real, {
    construct(target, args: never[]) {
      made[key]++;
      return new (target as unknown as new (...a: never[]) => object)(...args);
    },
  });
Object.assign(Intl, {
  NumberFormat: counting(RealNumberFormat, 'NumberFormat'),
  PluralRules: counting(RealPluralRules, 'PluralRules'),
});
const { formatNumber, groupDigits, interpolate } = await import('../../src/internal/localize.js');
const { icu, pluralCategory } = await import('../../src/internal/icu.js');

const SHIPPED = ['zh-CN', 'zh-TW', 'en'] as const;
const samples = (() => {
  const out = [0, 1, -1, 7, 12, 999, 1000, -1000, 1001, 9999, 10_000, 99_999, 100_000, 123_456, 1_234_567];
  out.push(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31, -(2 ** 31));
  let x = 12345;
  for (let i = 0; i < 500; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(i % 2 ? x : -(x % 10 ** (i % 10)) || 5); // no -0: Intl writes it "-0"
  }
  return out;
})();

test('integers of the shipped languages: no Intl object is made, and the text is what Intl writes', () => {
  const before = { ...made };
  const ours = SHIPPED.map((lang) => samples.map((n) => formatNumber(n, lang)));
  assert.deepEqual(made, before, 'formatting integers made an Intl object');
  SHIPPED.forEach((lang, i) => {
    const intl = new RealNumberFormat(lang);
    assert.deepEqual(
      ours[i],
      samples.map((n) => intl.format(n)),
      lang,
    );
  });
  assert.equal(groupDigits(1234567), '1,234,567');
  assert.equal(groupDigits(-999), '-999');
});

test('a message with counts, plurals and names renders in the shipped languages without Intl', () => {
  const before = { ...made };
  const tpl = '{n, plural, =0 {none} one {# person} other {# persons}} in {dept} ({total})';
  assert.equal(
    interpolate(tpl, { n: 1, dept: '研发', total: 12000 }, 'en', icu),
    '1 person in 研发 (12,000)',
  );
  assert.equal(interpolate(tpl, { n: 2500, dept: 'R&D', total: 3 }, 'en', icu), '2,500 persons in R&D (3)');
  assert.equal(interpolate(tpl, { n: 0, dept: 'x', total: 0 }, 'zh-CN', icu), 'none in x (0)');
  assert.equal(interpolate('已选 {n} 人', { n: 1200 }, 'zh-TW'), '已选 1,200 人');
  assert.deepEqual(made, before);
});

test('plural categories of the shipped languages match Intl.PluralRules', () => {
  for (const lang of SHIPPED) {
    const intl = new RealPluralRules(lang);
    for (let n = -1200; n <= 1200; n++) assert.equal(pluralCategory(n, lang), intl.select(n), `${lang} ${n}`);
    for (const n of samples) assert.equal(pluralCategory(n, lang), intl.select(n), `${lang} ${n}`);
  }
});

test('decimals, -0 and other languages go through Intl, one formatter per language made on first use', () => {
  const before = made.NumberFormat;
  assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
  assert.equal(formatNumber(-0, 'en'), new RealNumberFormat('en').format(-0));
  assert.equal(formatNumber(2.25, 'en'), '2.25');
  assert.equal(made.NumberFormat, before + 1, 'one formatter for en, reused');
  assert.equal(formatNumber(1234567, 'de'), '1.234.567');
  assert.equal(formatNumber(7654321, 'de'), '7.654.321');
  assert.equal(made.NumberFormat, before + 2, 'one formatter for de, reused');
  assert.equal(formatNumber(12, 'ar-EG'), new RealNumberFormat('ar-EG').format(12));
  assert.equal(pluralCategory(1.5, 'en'), 'other');
  assert.equal(pluralCategory(3, 'ru'), 'few');
});

test('a zh-CN element never waits for a catalogue: whenLoaded has nothing to wait for (the first paint is not delayed)', async () => {
  const { defineMessages, whenLoaded } = await import('../../src/internal/localize.js');
  let asked = 0;
  const pending = () => {
    asked++;
    return new Promise<never>(() => {});
  };
  const c = defineMessages('first-render-probe', { hello: '你好' }, { en: pending, 'zh-TW': pending });
  assert.equal(whenLoaded('zh-CN', [c]), undefined);
  assert.equal(asked, 0, 'no language module was asked for');
  assert.ok(whenLoaded('en', [c]) instanceof Promise, 'en waits for its module');
  assert.equal(asked, 1);
});
