// The zone of the first open() decided at idle (issue #16). A page's first open() asks for the session on that
// decision while it reads the binding again, and uses the session only if the fresh decision is the same: one host
// round trip less, never a session on a binding that changed. Nothing of it shows: no event, no state, no error from
// the idle decision; it is made once per connection, never with auto-open or without a contract.
import { expect, fixture, html } from '@open-wc/testing';
import type { QysHost } from '../../../src/api/host.js';
import type { Binding, SigningSessionRequest } from '../../../src/api/schemas.js';
import type { QysSigningFrame } from '../../../src/components/signing-frame/signing-frame.js';
import '../../../src/components/signing-frame/define.js';
import { frameOf, sameOriginHost, shadow, sleep, until } from './helpers.js';

interface Probe {
  host: QysHost;
  log: string[];
  sessions: { req: SigningSessionRequest; url: string }[];
  /** Changes what the next binding reads return. */
  edit(fn: ((b: Binding) => Binding) | undefined): void;
  /** Delay of the next binding reads (ms). */
  slow(ms: number): void;
  fail(on: boolean): void;
  /** The next binding reads never answer. */
  hang(on: boolean): void;
}

/** `sameOriginHost()` with every binding read and session request logged. */
function probeHost(): Probe {
  const mem = sameOriginHost();
  const log: string[] = [];
  const sessions: Probe['sessions'] = [];
  let edit: ((b: Binding) => Binding) | undefined;
  let delay = 0;
  let failing = false;
  let hanging = false;
  let reads = 0;
  const here = (b: Binding): Binding => (edit ? edit(b) : b);
  const host: QysHost = {
    ...mem,
    services: {
      ...mem.services,
      list: async (o) => {
        const n = ++reads;
        log.push(`list${n}`);
        if (failing) throw new Error('host down');
        if (hanging) return new Promise<never>(() => {});
        const wait = delay;
        const out = (await mem.services.list(o)).map(here);
        if (wait) await sleep(wait);
        log.push(`list${n} done`);
        return out;
      },
    },
    signing: {
      ...mem.signing,
      createSession: async (req, o) => {
        log.push(`session ${req.zone}`);
        const s = await mem.signing.createSession(req, o);
        sessions.push({ req, url: s.url });
        return s;
      },
    },
  };
  return {
    host,
    log,
    sessions,
    edit: (fn) => (edit = fn),
    slow: (ms) => (delay = ms),
    fail: (on) => (failing = on),
    hang: (on) => (hanging = on),
  };
}

const mount = (host: QysHost, contract = '2880000000000000001', autoOpen = false) =>
  fixture<QysSigningFrame>(
    html`<qys-signing-frame
      .host=${host}
      contract-id=${contract || (undefined as unknown as string)}
      ?auto-open=${autoOpen}
      lang="en"
    ></qys-signing-frame>`,
  );

const idle = (el: QysSigningFrame) =>
  until(() => shadow(el).querySelector('iframe:not([src])'), 'the idle work (blank frame)');

describe('<qys-signing-frame> zone decided ahead', function () {
  this.timeout(20_000);

  it('the first open asks for the session on it while the binding is read again, and uses it', async () => {
    const p = probeHost();
    const el = await mount(p.host);
    await idle(el);
    await until(() => p.log.includes('list1 done'), 'the idle decision');
    expect(el.state).to.equal('idle');
    p.slow(150); // the fresh read is slow: the session is asked for before it is back
    await el.open();
    const f = await until(() => frameOf(el), 'the frame');
    expect(p.log).to.deep.equal(['list1', 'list1 done', 'list2', 'session internal', 'list2 done']);
    expect(p.sessions).to.have.length(1);
    expect(f.getAttribute('src')).to.equal(p.sessions[0]!.url);
    expect(el.target?.zone).to.equal('internal');
    expect(el.target?.matchedRule?.rule).to.equal('10.0.0.0/8');
  });

  it('a binding changed since: the session is asked again on the fresh zone; the first is never shown', async () => {
    const p = probeHost();
    const el = await mount(p.host);
    await idle(el);
    await until(() => p.log.includes('list1 done'), 'the idle decision');
    // The admin turns 内外网自动登录 off: the external address from now on.
    p.edit((b) => ({
      ...b,
      autoLogin: { mode: 'off', segmentRules: [], domainRules: [], segmentPresetIds: [] },
    }));
    const seen = new Set<string>();
    const watch = new MutationObserver(() => {
      const src = frameOf(el)?.getAttribute('src');
      if (src) seen.add(src);
    });
    watch.observe(shadow(el), { subtree: true, childList: true, attributes: true });
    await el.open();
    await until(() => frameOf(el), 'the frame');
    await sleep(50);
    watch.disconnect();
    expect(p.sessions.map((s) => s.req.zone)).to.deep.equal(['internal', 'external']);
    expect(p.sessions[0]!.req.nonce).to.not.equal(p.sessions[1]!.req.nonce);
    expect([...seen]).to.deep.equal([p.sessions[1]!.url]);
    expect(el.target?.zone).to.equal('external');
    expect(el.target?.reason).to.equal('off');
  });

  it('a host failing at idle shows nothing; the open reads again and reports its own failure once', async () => {
    const p = probeHost();
    p.fail(true);
    const el = await mount(p.host);
    const errors: Event[] = [];
    el.addEventListener('qys-error', (e) => errors.push(e));
    await idle(el);
    await until(() => p.log.includes('list1'), 'the idle decision');
    await sleep(100);
    expect(el.state).to.equal('idle');
    expect(errors).to.have.length(0);
    expect(shadow(el).querySelector('[part=status]')!.textContent).to.equal('');
    await el.open();
    await until(() => el.state === 'error', `error (state ${el.state})`);
    expect(errors).to.have.length(1);
    expect(p.log).to.deep.equal(['list1', 'list2']);
    expect(p.sessions).to.have.length(0);
    // It is back: a retry opens (no decision made ahead any more: read, then the session).
    p.fail(false);
    await el.retry();
    await until(() => frameOf(el), 'the frame');
    expect(p.log.slice(2)).to.deep.equal(['list3', 'list3 done', 'session internal']);
  });

  it('an idle decision that never comes back is not waited for', async () => {
    const p = probeHost();
    p.hang(true);
    const el = await mount(p.host);
    await idle(el);
    await until(() => p.log.includes('list1'), 'the idle decision asked');
    p.hang(false);
    await el.open();
    const f = await until(() => frameOf(el), 'the frame');
    expect(p.log).to.deep.equal(['list1', 'list2', 'list2 done', 'session internal']);
    expect(f.getAttribute('src')).to.equal(p.sessions[0]!.url);
  });

  it('once per connection; none with auto-open or without a contract', async () => {
    const p = probeHost();
    const el = await mount(p.host);
    await idle(el);
    await until(() => p.log.includes('list1 done'), 'the idle decision');
    await el.open();
    await until(() => frameOf(el), 'the frame');
    el.cancel();
    await until(() => el.state === 'cancelled', 'cancelled');
    await idle(el); // a new blank frame for the next session, but no new decision
    await sleep(100);
    expect(p.log.filter((l) => /^list\d+$/.test(l))).to.have.length(2);

    const q = probeHost();
    const auto = await mount(q.host, '2880000000000000002', true);
    await until(() => frameOf(auto), 'the auto-opened frame');
    await sleep(300);
    expect(q.log.filter((l) => /^list\d+$/.test(l))).to.have.length(1);

    const r = probeHost();
    const none = await mount(r.host, '');
    await idle(none);
    await sleep(100);
    expect(r.log).to.deep.equal([]);
  });
});
