// A file of its own: the <meta> CSP it adds stays in force for the rest of the page's life.
import { expect } from '@open-wc/testing';
import { contract, frameFor, frameOf, setup, text, waitFor } from './helpers.js';

describe('<qys-signing-frame> under a host-page CSP that forbids the platform', function () {
  this.timeout(30_000);

  it('blocked "csp" from the securitypolicyviolation event, naming the platform origin for frame-src', async () => {
    const r = await setup('csp');
    const cid = await contract(r.scope);
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "frame-src 'self'";
    document.head.append(meta);
    const el = await frameFor(r, cid, { lang: 'zh-CN' });
    let ready = false;
    el.addEventListener('qys-ready', () => (ready = true));
    const blocked = waitFor<CustomEvent<{ cause: string; origin: string }>>(el, 'qys-blocked');
    await el.open();
    const e = await blocked;
    const platform = new URL(r.sessions[0]!.url).origin;
    expect(e.detail.cause).to.equal('csp');
    expect(e.detail.origin).to.equal(platform);
    expect(ready).to.equal(false);
    await el.updateComplete;
    expect(frameOf(el)).to.equal(null);
    expect(text(el, 'problem-title')).to.equal('本页面的内容安全策略（CSP）禁止嵌入签署页面。');
    expect(text(el, 'problem-hint')).to.include(`frame-src 中加入 ${platform}`);
    await expect(el).to.be.accessible();
  });
});
