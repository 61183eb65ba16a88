import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { QysSigningFrame } from '../../../src/components/signing-frame/signing-frame.js';
import { contract, frameFor, frameOf, returnUrl, setup, shadow, sim, text, waitFor } from './helpers.js';

type Blocked = CustomEvent<{ cause: string; message: string; origin?: string }>;

/** The same element on a page served over https (the mixed-content path needs one). */
class HttpsPageSigningFrame extends QysSigningFrame {
  protected override get pageUrl() {
    return 'https://oa.example.com/workflow/123';
  }
}
customElements.define('test-https-signing-frame', HttpsPageSigningFrame);

const buttons = (el: QysSigningFrame) => [
  ...shadow(el).querySelectorAll<HTMLButtonElement>('[part="button"]'),
];

describe('<qys-signing-frame> blank-frame diagnosis', function () {
  this.timeout(30_000);

  it('embed whitelist miss: names this page origin to add, no frame, accessible, keyboard reaches both actions', async () => {
    const r = await setup('refused', { simState: { whitelist: ['http://oa.example.com'] } });
    const el = await frameFor(r, await contract(r.scope));
    const blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    const e = await blocked;
    expect(e.detail.cause).to.equal('frame-refused');
    expect(e.detail.origin).to.equal(location.origin);
    expect(el.state).to.equal('blocked');
    expect(el.blockedCause).to.equal('frame-refused');
    await el.updateComplete;
    expect(frameOf(el)).to.equal(null);
    expect(shadow(el).querySelector('[part="problem"]')!.getAttribute('role')).to.equal('alert');
    expect(text(el, 'problem-hint')).to.include(location.origin).and.include('嵌入电子签平台页面白名单');
    await expect(el).to.be.accessible();

    // keyboard: Tab from the page start reaches Retry, then Open in a new window
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(buttons(el)[0]);
    expect(buttons(el)[0]!.textContent!.trim()).to.equal('Retry');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(buttons(el)[1]);
    expect(buttons(el)[1]!.textContent!.trim()).to.equal('Open in a new window');

    // Retry by keyboard asks again (and is refused again)
    const again = waitFor<Blocked>(el, 'qys-blocked');
    buttons(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await again).detail.cause).to.equal('frame-refused');
    expect(r.requests.length).to.equal(2);
    before.remove();
  });

  it('zh-CN message for the whitelist miss', async () => {
    const r = await setup('refused-zh', { simState: { whitelist: ["'none'"] } });
    const el = await frameFor(r, await contract(r.scope), { lang: 'zh-CN' });
    const blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    await blocked;
    await el.updateComplete;
    expect(text(el, 'problem-title')).to.equal('契约锁拒绝被嵌入本页面（嵌入白名单未包含本站）。');
    expect(text(el, 'problem-hint')).to.include(`加入 ${location.origin}`);
    expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['重试', '在新窗口中打开']);
  });

  it('popup fallback completes through the same return page (window.opener), with the same checks', async () => {
    const r = await setup('popup', {
      simState: { whitelist: ['http://oa.example.com'] },
      // In the popup, the platform goes straight to the return page (as after 签署).
      edit: async (s, _i, req) =>
        req.display === 'popup'
          ? { ...s, url: await returnUrl({ nonce: req.nonce, type: 'signed', contractId: req.contractId! }) }
          : s,
    });
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    await blocked;
    await el.updateComplete;
    const signed = waitFor<CustomEvent<{ contractId: string; confirmed?: string }>>(el, 'qys-signed', 10_000);
    buttons(el)[1]!.focus();
    await sendKeys({ press: 'Enter' }); // a real key press: the user activation popups need
    const e = await signed;
    expect(e.detail.contractId).to.equal(cid);
    // The platform never signed (the popup went straight to the return page): the host's real state
    // says so, and the element shows it rather than trusting the redirect alone.
    expect(e.detail.confirmed).to.equal('signing');
    await el.updateComplete;
    expect(text(el, 'status')).to.equal(
      'Signed. Qiyuesuo has not confirmed the contract state yet (now: signing).',
    );
    expect(r.requests.at(-1)!.display).to.equal('popup');
    expect(el.messageStats.accepted).to.equal(1);
    expect(await el.result).to.deep.equal({ type: 'signed', contractId: cid, confirmed: 'signing' });
  });

  it('closing the signing window before finishing cancels the run', async () => {
    const r = await setup('popup-close', { simState: { whitelist: ['http://oa.example.com'] } });
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    await blocked;
    await el.updateComplete;
    // Watch the window the element opens (the user will close it).
    const opened: { name: string; win: Window | null }[] = [];
    const realOpen = window.open;
    window.open = (...args: Parameters<typeof window.open>) => {
      const win = realOpen.apply(window, args);
      opened.push({ name: String(args[1] ?? ''), win });
      return win;
    };
    try {
      buttons(el)[1]!.focus();
      await sendKeys({ press: 'Enter' });
    } finally {
      window.open = realOpen;
    }
    for (let i = 0; i < 100 && el.state !== 'popup'; i++) await new Promise((res) => setTimeout(res, 20));
    await el.updateComplete;
    expect(el.state).to.equal('popup');
    expect(text(el, 'status')).to.include('open in a new window');
    // A window name of its own, so a second signing frame on the page cannot take this window over.
    expect(opened).to.have.length(1);
    expect(opened[0]!.name).to.match(/^qys-signing-[A-Za-z0-9_-]{12}$/);
    const cancelled = waitFor(el, 'qys-cancelled', 5000);
    opened[0]!.win!.close(); // the user closes the window
    await cancelled;
    expect((await el.result).type).to.equal('cancelled');
  });

  it('third-party cookies blocked in the frame: blocked "third-party-storage" at once (not SSO failed); the popup keeps the cookie', async () => {
    // The platform keeps its session in a cookie after the sign-on; 'frame-blocked' plays a browser
    // that gives a cross-site frame no cookies (WebKit / Safari; Chrome with third-party cookies off).
    const r = await setup('cookies', { simState: { sessionCookie: 'frame-blocked' } });
    const cid = await contract(r.scope);
    // The platform pages' markers, seen before the element sees them (it blocks on the login page's).
    const pages: { page: string; reason?: string; fromPopup: boolean }[] = [];
    const frames = new Set<Window>();
    const onMessage = (e: MessageEvent) => {
      const d = e.data as { source?: string; page?: string; reason?: string } | null;
      if (d?.source === 'qys-platform' && d.page)
        pages.push({ page: d.page, reason: d.reason, fromPopup: !frames.has(e.source as Window) });
    };
    window.addEventListener('message', onMessage);
    const el = await frameFor(r, cid);
    const watch = new MutationObserver(() => {
      const w = frameOf(el)?.contentWindow;
      if (w) frames.add(w);
    });
    // The frame is inserted, or (the blank one made at idle) given its src.
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, attributeFilter: ['src'] });
    try {
      const blocked = waitFor<Blocked>(el, 'qys-blocked');
      await el.open();
      const e = await blocked;
      expect(e.detail.cause).to.equal('third-party-storage');
      expect(e.detail.message).to.include('third-party cookies are blocked');
      expect(e.detail.origin).to.equal(new URL(r.sessions[0]!.url).origin);
      expect(pages).to.deep.include({ page: 'login', reason: 'cookie-blocked', fromPopup: false });
      expect(r.requests).to.have.length(1); // not asked again: a new link would end the same way
      await el.updateComplete;
      expect(text(el, 'problem-hint')).to.include('new window');
      expect(buttons(el)[1]!.hidden).to.equal(false);
      // The popup is a first-party window: the same sign-on keeps its cookie and reaches the signing page.
      buttons(el)[1]!.focus();
      await sendKeys({ press: 'Enter' }); // a real key press: the user activation popups need
      for (let i = 0; i < 250 && !pages.some((p) => p.fromPopup); i++)
        await new Promise((res) => setTimeout(res, 20));
      expect(el.state).to.equal('popup');
      expect(pages.filter((p) => p.fromPopup)).to.deep.equal([
        { page: 'sign', reason: undefined, fromPopup: true },
      ]);
      expect(r.requests.at(-1)!.display).to.equal('popup');
    } finally {
      window.removeEventListener('message', onMessage);
      watch.disconnect();
      el.remove(); // closes the popup
    }
  });

  it('zh-CN text for blocked third-party cookies names them and offers the new window', async () => {
    const r = await setup('cookies-zh', { simState: { sessionCookie: 'frame-blocked' } });
    const el = await frameFor(r, await contract(r.scope), { lang: 'zh-CN' });
    const blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    expect((await blocked).detail.cause).to.equal('third-party-storage');
    await el.updateComplete;
    expect(text(el, 'problem-title')).to.include('第三方 Cookie 被阻止');
    expect(text(el, 'problem-hint')).to.include('新窗口');
    expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['重试', '在新窗口中打开']);
  });

  it('SSO failure (ticket rejected, login page): asked again once, then blocked "login-required"', async () => {
    const r = await setup('sso', { simState: { ssoReject: true } });
    const el = await frameFor(r, await contract(r.scope));
    const blocked = waitFor<Blocked>(el, 'qys-blocked', 10_000);
    await el.open();
    expect((await blocked).detail.cause).to.equal('login-required');
    expect(r.requests).to.have.length(2);
    await el.updateComplete;
    expect(text(el, 'problem-hint')).to.include('encryption key');
  });

  it('unreachable platform: blocked "unreachable" naming the platform', async () => {
    const r = await setup('down', { simState: { unreachable: true } });
    const el = await frameFor(r, await contract(r.scope));
    const blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    const e = await blocked;
    expect(e.detail.cause).to.equal('unreachable');
    await el.updateComplete;
    expect(text(el, 'problem-title')).to.include(new URL(r.sessions[0]!.url).origin);
  });

  it('unreachable, then reachable again: 重试 and open() probe again (no cached verdict) and the frame gets ready', async () => {
    const r = await setup('down-up', { simState: { unreachable: true } });
    const el = await frameFor(r, await contract(r.scope), { lang: 'zh-CN' });
    let blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    expect((await blocked).detail.cause).to.equal('unreachable');
    await el.updateComplete;
    expect(text(el, 'problem-title')).to.include('无法连接');

    // The platform is back: 重试 (the button) tries again and reaches it.
    await sim(r.scope, { unreachable: false });
    let ready = waitFor(el, 'qys-ready', 10_000);
    buttons(el)[0]!.click();
    await ready;
    expect(el.state).to.equal('ready');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="problem"]')!.hasAttribute('hidden')).to.equal(true);
    expect(frameOf(el)).to.not.equal(null);

    // Down again, then up: open() (开始签署) probes again as well.
    await sim(r.scope, { unreachable: true });
    blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    expect((await blocked).detail.cause).to.equal('unreachable');
    await sim(r.scope, { unreachable: false });
    ready = waitFor(el, 'qys-ready', 10_000);
    await el.open();
    await ready;
    expect(el.state).to.equal('ready');
  });

  it('platform that never answers (hang): blocked "unreachable" by the probe timeout', async () => {
    const r = await setup('hang', { simState: { unreachable: 'hang' } });
    const el = await frameFor(r, await contract(r.scope));
    const blocked = waitFor<Blocked>(el, 'qys-blocked', 10_000);
    await el.open();
    expect((await blocked).detail.cause).to.equal('unreachable');
    el.remove();
  });

  it('mixed content (https page, http platform): decided before any session is asked for', async () => {
    const r = await setup('mixed', { signingUrl: 'http://qys.example.test:8080', mode: 'off' });
    const el = await fixture<HttpsPageSigningFrame>(
      html`<test-https-signing-frame
        .host=${r.host}
        contract-id="1"
        service-id=${r.serviceId}
        lang="en"
      ></test-https-signing-frame>`,
    );
    const blocked = waitFor<Blocked>(el, 'qys-blocked');
    await el.open();
    const e = await blocked;
    expect(e.detail.cause).to.equal('mixed-content');
    expect(e.detail.origin).to.equal('http://qys.example.test:8080');
    expect(r.requests).to.have.length(0); // no single-use ticket was spent
    expect(el.target).to.deep.include({ zone: 'external', reason: 'off' });
    await el.updateComplete;
    expect(text(el, 'details')).to.equal('Signing address: external network');
  });

  it('a bad page value warns once and is ignored', async () => {
    const warns: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => warns.push(m);
    try {
      const el = await fixture<QysSigningFrame>(html`<qys-signing-frame page="edit"></qys-signing-frame>`);
      expect(el.page).to.equal('sign');
      el.page = 'nope' as 'sign';
      await el.updateComplete;
      expect(el.page).to.equal('sign');
      el.page = 'view';
      await el.updateComplete;
      expect(el.page).to.equal('view');
    } finally {
      console.warn = orig;
    }
    expect(warns).to.have.length(1);
  });
});
