/**
 * The demo page (dev/demo, what `npm start` shows), loaded whole in a frame against the reference host
 * and simulator that the test server starts: its headings, its event log, its form values.
 */
import { expect } from '@open-wc/testing';
import { DEMO_EVENTS, shownFormValue } from '../../dev/demo/events.js';

async function until(cond: () => unknown, message: string | (() => string), timeout = 20_000) {
  for (const t0 = Date.now(); !cond(); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() - t0 > timeout) throw new Error(typeof message === 'string' ? message : message());
}

/** Every element of the document and of every shadow root in it (frame realm: no instanceof). */
function deepElements(root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  const walk = (r: Document | ShadowRoot) => {
    for (const el of Array.from(r.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

describe('demo page', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;
  let win: Window & typeof globalThis;
  let doc: Document;
  const settings = () => doc.querySelector('qys-binding-settings');

  before(async () => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width:1200px;height:900px;border:0';
    frame.src = '/dev/demo/index.html';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    win = frame.contentWindow as Window & typeof globalThis;
    doc = frame.contentDocument!;
    await until(
      () => settings()?.shadowRoot?.querySelector('button.delete'),
      () => `the demo did not show the services: ${doc.body.textContent?.slice(0, 300)}`,
    );
  });
  after(() => frame.remove());

  it('shows 绑定设置 once as a heading (the element has its own)', () => {
    const headings = deepElements(doc).filter(
      (e) => /^h[1-6]$/i.test(e.localName) && e.textContent!.trim() === '绑定设置',
    );
    expect(headings).to.have.length(1);
    // The card is still a named region.
    expect(doc.getElementById('binding')!.getAttribute('aria-label')).to.equal('绑定设置');
  });

  it('a long event in the log wraps: no sideways scrolling, the 删除 buttons stay in view', async () => {
    const long = `${'x'.repeat(400)}-${'2880000000000000001'.repeat(10)}`;
    doc.dispatchEvent(new win.CustomEvent('qys-change', { detail: { value: long } }));
    await until(
      () => Array.from(doc.querySelectorAll('.log li')).some((li) => li.textContent!.includes('xxxxxxxxxx')),
      'the event was not logged',
    );
    const root = doc.documentElement;
    expect(root.scrollWidth, 'page width').to.be.at.most(root.clientWidth);
    const deletes = Array.from(settings()!.shadowRoot!.querySelectorAll<HTMLElement>('button.delete'));
    expect(deletes.length).to.be.greaterThan(0);
    for (const b of deletes) expect(b.getBoundingClientRect().right).to.be.at.most(win.innerWidth);
  });

  it('logs qys-signatories-change, and logs only events the elements fire', async () => {
    expect(DEMO_EVENTS).to.include('qys-signatories-change');
    expect(DEMO_EVENTS as readonly string[]).not.to.include('qys-strategy-change');
    doc.dispatchEvent(new win.CustomEvent('qys-signatories-change', { detail: { signatories: [] } }));
    await until(
      () => doc.querySelector('.log li')?.textContent?.includes('qys-signatories-change'),
      'qys-signatories-change was not logged',
    );
  });

  it('表单提交的值 shows 19-digit IDs exactly (not rounded by JSON.parse)', async () => {
    const form = doc.querySelector('#browse form') as HTMLFormElement;
    const field = form.querySelector('qys-browse-field[kind="file-template"]') as HTMLElement & {
      value: string[];
    };
    field.value = ['2880000000000000001'];
    form.requestSubmit();
    await until(() => doc.querySelector('#browse pre.out'), 'no form value shown');
    const shown = doc.querySelector('#browse pre.out')!.textContent!;
    expect(shown).to.contain('"2880000000000000001"');
    expect(shown).not.to.contain('2880000000000000000');
  });

  it('shownFormValue keeps IDs as text and pretty-prints JSON objects', () => {
    expect(shownFormValue('2880000000000000001')).to.equal('2880000000000000001');
    expect(shownFormValue('2880000000000000001,2880000000000000002')).to.equal(
      '2880000000000000001,2880000000000000002',
    );
    expect(shownFormValue('{"mode":"off","segmentRules":[]}')).to.deep.equal({
      mode: 'off',
      segmentRules: [],
    });
    expect(shownFormValue('{"id":2880000000000000001}')).to.equal('{"id":2880000000000000001}');
    expect(shownFormValue('{"id":"2880000000000000001"}')).to.deep.equal({ id: '2880000000000000001' });
    expect(shownFormValue('{bad')).to.equal('{bad');
  });
});
