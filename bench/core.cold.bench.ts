/**
 * The shared cold-start cost of an element (issue #16): the simplest QysElement (one line of localized text with
 * a count), first on a fresh page: mount → its text painted. Then, on the same page, what the first render used to
 * pay for that count: the first `new Intl.NumberFormat` (localize.ts now writes the shipped languages' integers
 * itself), against the first `formatNumber` call.
 */
import { html } from 'lit';
import { QysElement } from '../src/internal/qys-element.js';
import { defineMessages, formatNumber } from '../src/internal/localize.js';
import { pagePainted, paintedAfter, record } from './record.js';

const messages = defineMessages(
  'bench-cold',
  { selected: '已选 {n} 人' },
  { en: () => Promise.resolve({ default: { selected: '{n} selected' } }) },
);

class BenchColdElement extends QysElement {
  protected override messages = [messages];
  override render() {
    return html`<p part="status">${this.t('selected', { n: 12_345 })}</p>`;
  }
}
customElements.define('qys-bench-cold', BenchColdElement);

describe('core, first element on a cold page', () => {
  it('mount → text painted; first number formatted; first Intl.NumberFormat', async () => {
    await pagePainted();
    const t0 = performance.now();
    const el = document.createElement('qys-bench-cold');
    document.body.append(el);
    const painted = await paintedAfter(t0, () =>
      el.shadowRoot?.querySelector('p')?.textContent?.includes('12,345'),
    );
    const f0 = performance.now();
    formatNumber(67_890, 'zh-CN');
    const first = performance.now() - f0;
    const i0 = performance.now();
    new Intl.NumberFormat('zh-CN').format(67_890);
    const intl = performance.now() - i0;
    await record(
      {
        area: 'core',
        name: 'simplest element, first on a cold page: mount → text painted',
        value: painted,
        unit: 'ms',
        note: 'a QysElement with one localized line and a count',
      },
      { area: 'core', name: 'first formatNumber on the page (zh-CN integer)', value: first, unit: 'ms' },
      {
        area: 'core',
        name: 'first new Intl.NumberFormat on the page (what the first render paid before)',
        value: intl,
        unit: 'ms',
      },
    );
    el.remove();
  });
});
