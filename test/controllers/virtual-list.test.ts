import { expect, fixture, html as thtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { VirtualListController, type VirtualRange } from '../../src/controllers/virtual-list.js';

/** A minimal element using the controller as a list (or a grid with `cols` items per row). */
class VlProbe extends LitElement {
  static override properties = { count: { type: Number }, cols: { type: Number } };
  count = 1000;
  cols = 1;
  ranges: VirtualRange[] = [];
  actives: number[] = [];
  readonly list = new VirtualListController(this, {
    count: () => this.count,
    rowHeight: 20,
    columns: () => this.cols,
    overscan: 2,
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
    onRangeChange: (r) => this.ranges.push(r),
    onActiveChange: (i) => this.actives.push(i),
  });
  override render() {
    const l = this.list;
    return html`<div
      class="scroller"
      tabindex="0"
      style="height:100px;overflow:auto;position:relative"
      @scroll=${l.onScroll}
      @keydown=${(e: KeyboardEvent) => l.handleKey(e)}
    >
      <div style="height:${l.range.totalHeight}px">
        ${l.indices.map(
          (i) =>
            html`<div
              data-i=${i}
              style="position:absolute;height:20px;top:${l.offsetOf(i)}px"
              ?data-active=${i === l.active}
            >
              ${i}
            </div>`,
        )}
      </div>
    </div>`;
  }
}
customElements.define('vl-probe', VlProbe);

const key = (el: VlProbe, k: string) => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  el.shadowRoot!.querySelector('.scroller')!.dispatchEvent(e);
  return e.defaultPrevented;
};
const rendered = (el: VlProbe) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-i]')].map((d) => Number(d.dataset.i));
const scroller = (el: VlProbe) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
/** Until the ResizeObserver measured the 100px scroller. */
const measured = async (el: VlProbe) => {
  for (let i = 0; i < 20 && el.list.viewportHeight !== 100; i++) await frame();
  await el.updateComplete;
};

describe('VirtualListController', () => {
  it('renders only the window of a long list and reports it', async () => {
    const el = await fixture<VlProbe>(thtml`<vl-probe></vl-probe>`);
    await measured(el);
    expect(el.list.viewportHeight).to.equal(100);
    // 100px / 20px = 5 rows (+1 partial) + 2 overscan below
    expect(rendered(el)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
    const r = el.ranges.at(-1)!;
    expect([r.start, r.end, r.visibleStart, r.visibleEnd]).to.deep.equal([0, 8, 0, 5]);
    expect(r.totalHeight).to.equal(20_000);
  });

  it('moves with the scroller and reports the new range before the update renders', async () => {
    const el = await fixture<VlProbe>(thtml`<vl-probe></vl-probe>`);
    await measured(el);
    let renderedAtReport: number[] = [];
    el.ranges = [];
    const s = scroller(el);
    s.scrollTop = 20 * 500;
    const before = el.list.state.scrollTop;
    s.dispatchEvent(new Event('scroll'));
    renderedAtReport = rendered(el);
    expect(before).to.equal(0);
    expect(el.ranges.length).to.equal(1);
    expect(el.ranges[0]!.visibleStart).to.equal(500);
    expect(renderedAtReport).to.include(0); // not yet re-rendered when the range was reported
    await el.updateComplete;
    expect(rendered(el)[0]).to.equal(498);
    // The active row stays rendered (for aria-activedescendant) even when scrolled away.
    expect(rendered(el)).to.include(0);
    // The same position again reports nothing.
    s.dispatchEvent(new Event('scroll'));
    expect(el.ranges.length).to.equal(1);
  });

  it('ArrowUp/Down, Home/End, PageUp/Down move the active item and scroll it into view', async () => {
    const el = await fixture<VlProbe>(thtml`<vl-probe></vl-probe>`);
    await measured(el);
    expect(key(el, 'ArrowDown')).to.equal(true);
    expect(el.list.active).to.equal(1);
    key(el, 'ArrowUp');
    key(el, 'ArrowUp');
    expect(el.list.active).to.equal(0);
    key(el, 'PageDown'); // 5 rows fit: a page moves 4
    expect(el.list.active).to.equal(4);
    key(el, 'End');
    expect(el.list.active).to.equal(999);
    await el.updateComplete;
    expect(scroller(el).scrollTop).to.equal(20 * 1000 - 100);
    expect(el.shadowRoot!.querySelector('[data-active]')?.getAttribute('data-i')).to.equal('999');
    key(el, 'PageUp');
    expect(el.list.active).to.equal(995);
    key(el, 'Home');
    expect(el.list.active).to.equal(0);
    await el.updateComplete;
    expect(scroller(el).scrollTop).to.equal(0);
    expect(el.actives).to.deep.equal([1, 0, 4, 999, 995, 0]);
    // ←/→ and other keys are left to the element in a one-column list.
    expect(key(el, 'ArrowRight')).to.equal(false);
    expect(key(el, 'a')).to.equal(false);
    expect(el.list.active).to.equal(0);
  });

  it('as a grid: ↑/↓ move by a row, ←/→ by an item', async () => {
    const el = await fixture<VlProbe>(thtml`<vl-probe .cols=${4} .count=${10}></vl-probe>`);
    key(el, 'ArrowDown');
    expect(el.list.active).to.equal(4);
    key(el, 'ArrowRight');
    expect(el.list.active).to.equal(5);
    key(el, 'ArrowDown'); // 9 exists
    expect(el.list.active).to.equal(9);
    key(el, 'ArrowDown'); // no row below: stays
    expect(el.list.active).to.equal(9);
    key(el, 'ArrowLeft');
    key(el, 'ArrowUp');
    expect(el.list.active).to.equal(4);
    expect(el.list.offsetOf(9)).to.equal(40);
  });

  it('keeps a position per state object and restores it on a new scroller', async () => {
    const el = await fixture<VlProbe>(thtml`<vl-probe></vl-probe>`);
    const a = el.list.state;
    el.list.setActive(300);
    await el.updateComplete;
    const topA = scroller(el).scrollTop;
    expect(topA).to.be.greaterThan(0);
    el.list.state = { active: 0, scrollTop: 0 };
    el.list.resetRange();
    el.requestUpdate();
    await el.updateComplete;
    expect(rendered(el)[0]).to.equal(0);
    el.list.state = a;
    el.requestUpdate();
    await el.updateComplete;
    expect(rendered(el)).to.include(300);
  });

  it('clamps to the list and does nothing when empty', async () => {
    const el = await fixture<VlProbe>(thtml`<vl-probe .count=${0}></vl-probe>`);
    expect(el.list.active).to.equal(-1);
    expect(key(el, 'ArrowDown')).to.equal(false);
    expect(el.list.indices).to.deep.equal([]);
    el.count = 3;
    el.list.setActive(10);
    expect(el.list.active).to.equal(2);
  });

  it('measures a resized viewport', async () => {
    const el = await fixture<VlProbe>(thtml`<vl-probe></vl-probe>`);
    await measured(el);
    scroller(el).style.height = '200px';
    for (let i = 0; i < 20 && el.list.viewportHeight !== 200; i++) await frame();
    expect(el.list.viewportHeight).to.equal(200);
    await el.updateComplete;
    expect(rendered(el).length).to.equal(13);
  });
});
