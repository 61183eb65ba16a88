import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { QysNetworkError } from '../../../src/api/errors.js';
import type { QysSigningFrame } from '../../../src/components/signing-frame/signing-frame.js';
import '../../../src/components/host-provider/define.js';
import {
  act,
  contract,
  env,
  frameFor,
  frameOf,
  returnUrl,
  setup,
  shadow,
  sleep,
  text,
  waitFor,
} from './helpers.js';

type Detail<T> = CustomEvent<T>;

describe('<qys-signing-frame> with the simulator', function () {
  this.timeout(30_000);

  it('opens on the zone the network strategy decides, with a minimal sandboxed frame', async () => {
    const r = await setup('ready');
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const ready = waitFor<Detail<{ zone: string; url: string }>>(el, 'qys-ready');
    await el.open();
    const e = await ready;
    expect(e.detail.zone).to.equal('internal');
    expect(e.detail.url).to.not.include('ticket'); // the event names the signing address, not the ticket URL
    expect(el.state).to.equal('ready');
    expect(el.target?.zone).to.equal('internal');
    expect(el.target?.matchedRule?.rule).to.equal('127.0.0.1');
    expect(text(el, 'details')).to.equal('Signing address: internal network (rule 127.0.0.1)');
    // the request carried a fresh nonce, the decided zone and the frame display
    expect(r.requests).to.have.length(1);
    expect(r.requests[0]).to.include({
      zone: 'internal',
      display: 'frame',
      page: 'sign',
      lang: 'en',
      contractId: cid,
    });
    expect(r.requests[0]!.nonce).to.match(/^[A-Za-z0-9_-]{24}$/);
    const f = frameOf(el)!;
    expect(f.getAttribute('sandbox')).to.equal(
      'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads',
    );
    expect(f.getAttribute('referrerpolicy')).to.equal('strict-origin');
    expect(f.hasAttribute('allow')).to.equal(false);
    expect(f.title).to.equal('Qiyuesuo signing page');
    await expect(el).to.be.accessible();
  });

  it('a domain rule with the page port decides the internal zone, as the editor preview says', async () => {
    // location.host keeps the test server's port; location.hostname would drop it and miss the rule.
    const r = await setup('domain-port', { mode: 'domain', domainRules: ['oa.example.com', location.host] });
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const ready = waitFor<Detail<{ zone: string; url: string }>>(el, 'qys-ready');
    await el.open();
    expect((await ready).detail.zone).to.equal('internal');
    expect(el.target?.matchedRule?.rule).to.equal(location.host);
  });

  it('signs end to end: qys-signed with the host-confirmed state, result settles once', async () => {
    const r = await setup('sign');
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    const signed = waitFor<Detail<{ contractId: string; confirmed: string }>>(el, 'qys-signed');
    await act(el, 'sign');
    const e = await signed;
    expect(e.detail).to.deep.equal({ contractId: cid, confirmed: 'signed' });
    expect(await el.result).to.deep.equal({ type: 'signed', contractId: cid, confirmed: 'signed' });
    expect(el.state).to.equal('signed');
    // The state is set before the element renders it (CI once caught the frame still in the DOM here).
    await el.updateComplete;
    expect(frameOf(el)).to.equal(null);
    expect(text(el, 'status')).to.equal('Signed.');
    // A result panel: the outcome as its title, what to do next, an accent border of its own.
    const panel = el.shadowRoot!.querySelector<HTMLElement>('[part=result]')!;
    expect(panel.dataset.outcome).to.equal('signed');
    expect(text(el, 'result-hint')).to.match(/close this page/);
    expect(getComputedStyle(panel).borderInlineStartWidth).to.equal('4px');
    expect(el.messageStats.accepted).to.equal(1);
  });

  it('declines: qys-declined, result declined', async () => {
    const r = await setup('decline');
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid, { lang: 'zh-CN' });
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    const declined = waitFor<Detail<{ confirmed: string }>>(el, 'qys-declined');
    await act(el, 'decline');
    expect((await declined).detail.confirmed).to.equal('declined');
    expect((await el.result).type).to.equal('declined');
    expect(text(el, 'status')).to.equal('已拒签。');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=result]')!.dataset.outcome).to.equal('declined');
    expect(text(el, 'result-hint')).to.match(/联系发起人/);
  });

  it('signed, then removed while the host confirms: qys-signed still fires and result settles', async () => {
    const r = await setup('sign-removed');
    let asked!: () => void;
    const askedP = new Promise<void>((res) => (asked = res));
    // The host's confirmation hangs until it is aborted (a slow OA).
    r.host.signing.contractStatus = (_id, o) => {
      asked();
      return new Promise((_, reject) =>
        o?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    };
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    const signed = waitFor<Detail<{ contractId: string }>>(el, 'qys-signed', 3000);
    await act(el, 'sign');
    await askedP;
    el.remove(); // the page closes its dialog as soon as the return page shows
    expect((await signed).detail.contractId).to.equal(cid);
    const result = await Promise.race([el.result, sleep(1000).then(() => 'never settled')]);
    expect(result).to.deep.equal({ type: 'signed', contractId: cid });
  });

  it('cancels from the signing page: qys-cancelled, result cancelled', async () => {
    const r = await setup('cancel');
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    const cancelled = waitFor(el, 'qys-cancelled');
    await act(el, 'cancel');
    await cancelled;
    expect(await el.result).to.deep.equal({ type: 'cancelled', contractId: cid });
  });

  it('expired on the platform: qys-expired, and a new URL (new nonce) is asked for', async () => {
    const r = await setup('expire');
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    const expired = waitFor(el, 'qys-expired');
    const readyAgain = waitFor(el, 'qys-ready', 10_000);
    await act(el, 'expire');
    await expired;
    await readyAgain;
    expect(r.requests).to.have.length(2);
    expect(r.requests[1]!.nonce).to.not.equal(r.requests[0]!.nonce);
    expect(r.sessions[1]!.url).to.not.equal(r.sessions[0]!.url);
  });

  it('a session URL already past its expiresAt is asked for again; twice past → blocked "expired"', async () => {
    const once = await setup('stale-once', {
      edit: (s, i) => (i === 0 ? { ...s, expiresAt: new Date(Date.now() - 1000).toISOString() } : s),
    });
    const el = await frameFor(once, await contract(once.scope));
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    expect(once.requests).to.have.length(2);
    expect(frameOf(el)!.getAttribute('src')).to.equal(once.sessions[1]!.url);

    const always = await setup('stale', {
      edit: (s) => ({ ...s, expiresAt: new Date(Date.now() - 1000).toISOString() }),
    });
    const el2 = await frameFor(always, await contract(always.scope));
    const blocked = waitFor<Detail<{ cause: string }>>(el2, 'qys-blocked');
    await el2.open();
    expect((await blocked).detail.cause).to.equal('expired');
    expect(frameOf(el2)).to.equal(null);
    expect(text(el2, 'problem-title')).to.equal('The signing link has expired.');
  });

  it('a URL that expires before the frame used it is dropped and asked for again', async () => {
    const r = await setup('ttl', {
      simState: { unreachable: 'hang' },
      edit: (s, i) => (i === 0 ? { ...s, expiresAt: new Date(Date.now() + 300).toISOString() } : s),
    });
    const el = await frameFor(r, await contract(r.scope));
    const expired = waitFor(el, 'qys-expired', 2000);
    await el.open();
    await expired;
    await sleep(100);
    expect(r.requests).to.have.length(2);
    el.remove();
  });

  it('forged messages are ignored and counted: wrong origin, source, shape, nonce', async () => {
    const r = await setup('forge');
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    const nonce = r.requests[0]!.nonce;
    let outcomes = 0;
    for (const t of ['qys-signed', 'qys-declined', 'qys-cancelled', 'qys-error'])
      el.addEventListener(t, () => outcomes++);
    const base = el.messageStats;

    // 1. wrong origin: the right shape and nonce, posted by this page itself
    window.postMessage({ source: 'qys-bridge', type: 'signed', nonce, contractId: cid }, '*');
    // a platform page marker is a hint, not a bridge message: never counted (WebKit delivers the
    // signing page's own marker after qys-ready, so counting it made this test engine-dependent)
    window.postMessage({ source: 'qys-platform', page: 'sign' }, '*');
    // 2. wrong source: the real return page, right origin and nonce, but in another frame
    const other = document.createElement('iframe');
    other.src = await returnUrl({ nonce, type: 'signed', contractId: cid });
    document.body.append(other);
    await new Promise((res) => other.addEventListener('load', res, { once: true }));
    await sleep(100);
    other.remove();
    // 3. wrong shape, 4. wrong nonce: the return page in the element's own frame
    const f = frameOf(el)!;
    const nav = async (q: Record<string, string>) => {
      const loaded = new Promise((res) => f.addEventListener('load', res, { once: true }));
      f.contentWindow!.location.href = await returnUrl(q);
      await loaded;
      await sleep(100);
    };
    await nav({ nonce, type: 'bogus', contractId: cid });
    await nav({ nonce: 'x'.repeat(24), type: 'signed', contractId: cid });
    const s = el.messageStats;
    expect(s.origin - base.origin).to.equal(1);
    expect(s.source - base.source).to.equal(1);
    expect(s.shape - base.shape).to.equal(1);
    expect(s.nonce - base.nonce).to.equal(1);
    expect(s.accepted).to.equal(0);
    expect(outcomes).to.equal(0);
    expect(el.state).to.equal('ready');

    // the genuine one is accepted (the frame then gives way to the outcome)
    const signed = waitFor(el, 'qys-signed');
    f.contentWindow!.location.href = await returnUrl({ nonce, type: 'signed', contractId: cid });
    await signed;
    expect(el.messageStats.accepted).to.equal(1);
    expect(outcomes).to.equal(1);
  });

  it('a replayed nonce is ignored', async () => {
    const r = await setup('replay');
    const cid = await contract(r.scope);
    const el = await frameFor(r, cid);
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    const nonce = r.requests[0]!.nonce;
    const f = frameOf(el)!;
    let declined = 0;
    el.addEventListener('qys-declined', () => declined++);
    // the return page posts "cancelled" with the right nonce: accepted; the frame is then cleared.
    // Re-open: a new run with a new nonce, then the old nonce replayed through the new frame.
    const cancelled = waitFor(el, 'qys-cancelled');
    f.contentWindow!.location.href = await returnUrl({ nonce, type: 'cancelled', contractId: cid });
    await cancelled;
    const ready2 = waitFor(el, 'qys-ready');
    await el.open();
    await ready2;
    const f2 = frameOf(el)!;
    const loaded = new Promise((res) => f2.addEventListener('load', res, { once: true }));
    f2.contentWindow!.location.href = await returnUrl({ nonce, type: 'declined', contractId: cid });
    await loaded;
    await sleep(150);
    expect(el.messageStats.replay).to.equal(1);
    expect(declined).to.equal(0);
    expect(el.state).to.equal('ready');
  });

  it('host failure: qys-error with the code, a message, retry reachable by keyboard', async () => {
    const r = await setup('host-fail');
    let fail = true;
    const host = {
      ...r.host,
      signing: {
        ...r.host.signing,
        createSession: (
          req: Parameters<typeof r.host.signing.createSession>[0],
          o?: { signal?: AbortSignal },
        ) => (fail ? Promise.reject(new QysNetworkError()) : r.host.signing.createSession(req, o)),
      },
    };
    const el = await fixture<QysSigningFrame>(
      html`<qys-signing-frame
        .host=${host}
        contract-id=${await contract(r.scope)}
        service-id=${r.serviceId}
        lang="en"
      ></qys-signing-frame>`,
    );
    const err = waitFor<Detail<{ code: string }>>(el, 'qys-error');
    await el.open();
    expect((await err).detail.code).to.equal('network');
    await el.updateComplete;
    expect(text(el, 'problem-title')).to.match(/^Could not get a signing link/);
    await expect(el).to.be.accessible();
    fail = false;
    const ready = waitFor(el, 'qys-ready');
    const retry = shadow(el).querySelector<HTMLButtonElement>('[part="button"]')!;
    expect(retry.textContent!.trim()).to.equal('Retry');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await ready;
    expect(el.state).to.equal('ready');
  });

  it('auto-open with the host from <qys-host-provider>; camera and extra sandbox tokens only on request', async () => {
    const r = await setup('auto');
    const cid = await contract(r.scope);
    const warns: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => warns.push(m);
    const wrap = await fixture<HTMLElement>(
      html`<div>
        <qys-host-provider .host=${r.host}>
          <qys-signing-frame
            auto-open
            allow-camera
            sandbox-extra="allow-modals bogus"
            contract-id=${cid}
            service-id=${r.serviceId}
            lang="en"
          ></qys-signing-frame>
        </qys-host-provider>
      </div>`,
    );
    console.warn = orig;
    const el = wrap.querySelector('qys-signing-frame')!;
    if (el.state !== 'ready') await waitFor(el, 'qys-ready');
    expect(r.requests).to.have.length(1);
    const f = frameOf(el)!;
    expect(f.getAttribute('allow')).to.equal('camera');
    expect(f.getAttribute('sandbox')).to.equal(
      'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads allow-modals',
    );
    expect(warns.filter((w) => w.includes('sandbox'))).to.have.length(1);
  });

  it('properties set before the element is defined behave the same', async () => {
    const r = await setup('early');
    const cid = await contract(r.scope);
    const el = document.createElement('qys-signing-frame-late') as QysSigningFrame;
    Object.assign(el, { host: r.host, contractId: cid, serviceId: r.serviceId, page: 'view', lang: 'en' });
    document.body.append(el);
    const { QysSigningFrame: Ctor } = await import('../../../src/components/signing-frame/signing-frame.js');
    customElements.define('qys-signing-frame-late', class extends Ctor {});
    const ready = waitFor(el, 'qys-ready');
    await el.open();
    await ready;
    expect(r.requests[0]).to.include({ contractId: cid, page: 'view', serviceId: r.serviceId });
    el.remove();
  });

  it('no host, no contract: a clear message, never a throw', async () => {
    const el = await fixture<QysSigningFrame>(
      html`<qys-signing-frame lang="en" contract-id="1"></qys-signing-frame>`,
    );
    await el.open();
    await el.updateComplete;
    expect(text(el, 'problem-title')).to.include('No data source');
    const { referenceHost } = await env();
    expect(referenceHost).to.match(/^http:/);
  });

  it('follows a change of the document language when it has no lang of its own', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'zh-CN';
    try {
      const el = await fixture<QysSigningFrame>(
        html`<qys-signing-frame contract-id="1"></qys-signing-frame>`,
      );
      await el.open();
      await el.updateComplete;
      expect(text(el, 'problem-title')).to.include('未连接数据源');
      document.documentElement.lang = 'en';
      await new Promise((r) => setTimeout(r, 0)); // the MutationObserver callback
      await el.updateComplete;
      expect(text(el, 'problem-title')).to.include('No data source');
    } finally {
      document.documentElement.lang = before;
    }
  });
});
