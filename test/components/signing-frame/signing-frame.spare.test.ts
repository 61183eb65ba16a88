// The blank frame made at idle for the next session (issue #16: creating a frame's browsing context was ~4 ms of the
// first open()). What must hold for a person and for security: the session's page loads in a frame that was
// sandboxed from its start and never navigated before; each session gets a frame of its own; a frame made with
// other attributes than those in force at open() is not used; nothing is made without a host, and nothing is kept
// once the element leaves the page.
import { expect, fixture, html } from '@open-wc/testing';
import type { QysSigningFrame } from '../../../src/components/signing-frame/signing-frame.js';
import '../../../src/components/signing-frame/define.js';
import { frameOf, sameOriginHost, shadow, sleep, until } from './helpers.js';

const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads';
const spareOf = (el: QysSigningFrame) => shadow(el).querySelector<HTMLIFrameElement>('iframe:not([src])');

const mount = (host: unknown) =>
  fixture<QysSigningFrame>(
    html`<qys-signing-frame .host=${host} contract-id="2880000000000000001" lang="en"></qys-signing-frame>`,
  );

describe('<qys-signing-frame> blank frame made ahead', function () {
  this.timeout(20_000);

  it('the first session loads in it: hidden and never navigated until then, sandboxed from its start', async () => {
    const el = await mount(sameOriginHost());
    const spare = await until(() => spareOf(el), 'the blank frame');
    expect(spare.hidden).to.equal(true);
    expect(spare.getAttribute('part')).to.equal(null);
    expect(spare.getAttribute('sandbox')).to.equal(SANDBOX);
    expect(spare.getAttribute('referrerpolicy')).to.equal('strict-origin');
    expect(spare.contentWindow!.location.href).to.equal('about:blank');
    expect(frameOf(el)).to.equal(null);
    expect(el.state).to.equal('idle');

    const entries = history.length;
    await el.open();
    const f = await until(() => frameOf(el), 'the frame');
    expect(f).to.equal(spare);
    expect(f.hidden).to.equal(false);
    expect(getComputedStyle(f).display).to.not.equal('none');
    expect(f.getAttribute('part')).to.equal('frame');
    expect(f.title).to.equal('Qiyuesuo signing page');
    expect(f.getAttribute('src')).to.match(/blank\.html\?n=[A-Za-z0-9_-]{24}$/);
    await until(() => el.state === 'ready', `ready (state ${el.state})`);
    const doc = f.contentDocument!;
    expect(doc.URL).to.equal(f.getAttribute('src'));
    // Its first navigation replaced the blank document: the page's Back button gained no entry.
    expect(history.length).to.equal(entries);
    // The sandbox is in force in the session's page: without allow-top-navigation it cannot navigate this page.
    const before = location.href;
    const s = doc.createElement('script');
    s.textContent = `try { top.location.hash = 'escaped-the-sandbox'; } catch {}`;
    doc.body.append(s);
    await sleep(100);
    expect(location.href).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('each session gets a frame of its own: the next blank one is new, the used one is gone', async () => {
    const el = await mount(sameOriginHost());
    const first = await until(() => spareOf(el), 'the blank frame');
    await el.open();
    expect(await until(() => frameOf(el), 'the frame')).to.equal(first);
    el.cancel();
    await until(() => el.state === 'cancelled', 'cancelled');
    await until(() => !first.isConnected, 'the used frame removed');
    const second = await until(() => spareOf(el), 'a new blank frame');
    expect(second).to.not.equal(first);
    expect(second.contentWindow!.location.href).to.equal('about:blank');
    await el.open();
    expect(await until(() => frameOf(el), 'the frame')).to.equal(second);
  });

  it('one made with other attributes than those in force at open() is not used', async () => {
    const el = await mount(sameOriginHost());
    const spare = await until(() => spareOf(el), 'the blank frame');
    expect(spare.hasAttribute('allow')).to.equal(false);
    el.allowCamera = true;
    el.sandboxExtra = 'allow-modals';
    await el.open();
    const f = await until(() => frameOf(el), 'the frame');
    expect(f).to.not.equal(spare);
    expect(spare.isConnected).to.equal(false);
    expect(f.getAttribute('allow')).to.equal('camera');
    expect(f.getAttribute('sandbox')).to.equal(`${SANDBOX} allow-modals`);
  });

  it('none without a host; none kept once the element leaves the page; made again when it comes back', async () => {
    const bare = await fixture<QysSigningFrame>(
      html`<qys-signing-frame contract-id="2880000000000000001" lang="en"></qys-signing-frame>`,
    );
    await sleep(400);
    expect(shadow(bare).querySelector('iframe')).to.equal(null);

    const el = await mount(sameOriginHost());
    const spare = await until(() => spareOf(el), 'the blank frame');
    const parent = el.parentNode!;
    el.remove();
    expect(spare.isConnected).to.equal(false);
    expect(shadow(el).querySelector('iframe')).to.equal(null);
    parent.append(el);
    const again = await until(() => spareOf(el), 'a blank frame again');
    expect(again).to.not.equal(spare);
  });
});
