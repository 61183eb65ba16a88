// The signing run as a state machine (src/core/signing/run.ts), driven with plain inputs and fake hooks: no
// element, no frame, no timers (a timeout is an input).
import { expect } from '@open-wc/testing';
import {
  SigningRun,
  type SigningRunEvents,
  type SigningDisplay,
  type SigningMessage,
} from '../../src/core/signing/run.js';
import { handleMessage } from '../../src/core/signing/run-messages.js';

const send = (m: SigningRun, e: SigningMessage, expected: unknown) => handleMessage(m, e, expected);

const PLATFORM = 'https://qys.example.com';
const OA = 'https://oa.example.com';
const URL_ = `${PLATFORM}/sign?ticket=t`;
const FRAME = { name: 'frame window' };
const OTHER = { name: 'another window' };

function setup(opts: { page?: string; confirm?: (id: string) => Promise<string | undefined> } = {}) {
  const events: [keyof SigningRunEvents, unknown][] = [];
  const renewals: SigningDisplay[] = [];
  const stops: boolean[] = [];
  let changes = 0;
  const m: SigningRun = new SigningRun({
    emit: (name, detail) => events.push([name, detail]),
    changed: () => changes++,
    stopEffects: (keepPopup) => stops.push(keepPopup),
    renew: async (display) => {
      renewals.push(display);
    },
    confirm: opts.confirm ?? (async () => 'signed'),
    causeText: (cause, origin) => `cause ${cause} ${origin}`,
    pageUrl: () => opts.page ?? `${OA}/workflow`,
  });
  return { m, events, renewals, stops, changes: () => changes };
}

/** open(): a session for the frame, loading, with the frame window expected. */
function openFrame(m: SigningRun, contractId = 'c1'): number {
  m.reset('frame', false);
  const run = m.begin();
  m.target = { zone: 'external', url: PLATFORM, serviceId: 's1' };
  m.accept(URL_, OA, 'nonce-1', contractId);
  m.state = 'loading';
  m.src = URL_;
  m.expectSource(FRAME);
  return run;
}

const bridge = (type: string, extra: Record<string, string> = {}) => ({
  data: { source: 'qys-bridge', type, nonce: 'nonce-1', ...extra },
  origin: OA,
  source: FRAME,
});

describe('core/signing/run: SigningRun', () => {
  it('idle → preparing → loading → ready once the frame loaded and the probe answered (either order)', () => {
    const { m, events, changes } = setup();
    expect(m.state).to.equal('idle');
    const run = openFrame(m);
    expect(m.state).to.equal('loading');
    expect(m.src).to.equal(URL_);
    expect(changes()).to.be.greaterThan(0);
    m.probed(run, 'ok', PLATFORM);
    expect(m.state).to.equal('loading');
    m.frameLoaded();
    m.maybeReady(run);
    expect(m.state).to.equal('ready');
    expect(events).to.deep.equal([['qys-ready', { zone: 'external', url: PLATFORM }]]);
  });

  it('an answer of an older generation is dropped', () => {
    const { m } = setup();
    const run = openFrame(m);
    m.stop();
    m.probed(run, 'failed', PLATFORM);
    expect(m.state).to.equal('loading');
    expect(m.cause).to.equal(undefined);
  });

  it('probe failed → blocked "unreachable": stops the run, names the platform, tells it', () => {
    const { m, events, stops } = setup();
    const run = openFrame(m);
    m.probed(run, 'failed', PLATFORM);
    expect(m.state).to.equal('blocked');
    expect(m.cause).to.equal('unreachable');
    expect(m.src).to.equal(undefined);
    expect(stops.at(-1)).to.equal(false);
    expect(m.note).to.deep.include({ key: 'cause.unreachable', hint: 'hint.unreachable', origin: PLATFORM });
    expect(events.at(-1)).to.deep.equal([
      'qys-blocked',
      { cause: 'unreachable', message: `cause unreachable ${PLATFORM}`, origin: PLATFORM },
    ]);
  });

  it('mixed content blocks a frame on an https page, not a popup', () => {
    const { m } = setup({ page: 'https://oa.example.com/x' });
    m.reset('popup', false);
    expect(m.blockIf({ targetUrl: 'http://10.0.0.21:9180' })).to.equal(false);
    m.reset('frame', false);
    expect(m.blockIf({ targetUrl: 'http://10.0.0.21:9180' })).to.equal(true);
    expect(m.cause).to.equal('mixed-content');
  });

  it('signed: the host confirms, qys-signed with the confirmed state, result settles once', async () => {
    const asked: string[] = [];
    const { m, events } = setup({
      confirm: async (id) => {
        asked.push(id);
        return 'signed';
      },
    });
    openFrame(m, 'c9');
    const result = m.result;
    send(m, bridge('signed'), FRAME);
    const outcome = await result;
    expect(asked).to.deep.equal(['c9']);
    expect(outcome).to.deep.equal({ type: 'signed', contractId: 'c9', confirmed: 'signed' });
    expect(m.state).to.equal('signed');
    expect(events.at(-1)).to.deep.equal(['qys-signed', { contractId: 'c9', confirmed: 'signed' }]);
    // a replay of the same message is refused and counted
    send(m, bridge('signed'), FRAME);
    expect(m.gate.stats.replay).to.equal(1);
    expect(m.gate.stats.accepted).to.equal(1);
  });

  it('a confirmation that disagrees shows "unconfirmed" with the host state', async () => {
    const { m } = setup({ confirm: async () => 'signing' });
    openFrame(m);
    send(m, bridge('signed'), FRAME);
    await m.result;
    expect(m.note).to.deep.equal({ key: 'unconfirmed', params: { status: 'signing' } });
  });

  it('superseded while the host confirms: the outcome is still told, the newer run is left alone', async () => {
    let release!: (s: string) => void;
    const { m, events } = setup({ confirm: () => new Promise((r) => (release = r)) });
    openFrame(m);
    const first = m.result;
    send(m, bridge('declined'), FRAME);
    expect(m.state).to.equal('declined');
    openFrame(m); // a newer open()
    release('declined');
    expect(await first).to.deep.equal({ type: 'declined', contractId: 'c1', confirmed: 'declined' });
    expect(events.at(-1)).to.deep.equal(['qys-declined', { contractId: 'c1', confirmed: 'declined' }]);
    expect(m.state).to.equal('loading');
  });

  it('forged messages are ignored and counted: origin, source, shape, nonce', () => {
    const { m } = setup();
    openFrame(m);
    send(m, { ...bridge('signed'), origin: 'https://evil.example.com' }, FRAME);
    send(m, { ...bridge('signed'), source: OTHER }, FRAME);
    send(m, { ...bridge('signed'), data: { source: 'qys-bridge', type: 'won' } }, FRAME);
    send(m, bridge('signed', { nonce: 'other' }), FRAME);
    expect(m.gate.stats).to.deep.include({ origin: 1, source: 1, shape: 1, nonce: 1, accepted: 0 });
    expect(m.state).to.equal('loading');
  });

  it('expired reported once → renewed (qys-expired, note); twice → blocked "expired"', async () => {
    const { m, events, renewals } = setup();
    openFrame(m);
    send(m, bridge('expired'), FRAME);
    await Promise.resolve();
    expect(renewals).to.deep.equal(['frame']);
    expect(m.state).to.equal('preparing');
    expect(m.note).to.deep.equal({ key: 'expired' });
    expect(events.at(-1)).to.deep.equal(['qys-expired', { contractId: 'c1' }]);
    // the renewal keeps the counters
    m.reset('frame', true);
    m.begin();
    m.accept(URL_, OA, 'nonce-2', 'c1');
    m.state = 'loading';
    m.expectSource(FRAME);
    send(
      m,
      { ...bridge('expired'), data: { source: 'qys-bridge', type: 'expired', nonce: 'nonce-2' } },
      FRAME,
    );
    expect(m.state).to.equal('blocked');
    expect(m.cause).to.equal('expired');
    expect(renewals).to.have.length(1);
  });

  it('the link expires before the frame used it → a new one; after the frame loaded → nothing', () => {
    const { m, events, renewals } = setup();
    const run = openFrame(m);
    m.urlExpired(run, 'page-contract');
    expect(renewals).to.deep.equal(['frame']);
    expect(events.at(-1)).to.deep.equal(['qys-expired', { contractId: 'c1' }]);
    expect(m.sessionUrl).to.equal(undefined);
    const run2 = openFrame(m);
    m.frameLoaded();
    m.urlExpired(run2);
    expect(renewals).to.have.length(1);
  });

  it('a platform marker: no cookies in a frame → blocked "third-party-storage"; a login page in a popup → renewed', async () => {
    const marker = (reason: string) => ({
      data: { source: 'qys-platform', page: 'login', reason },
      origin: PLATFORM,
      source: FRAME,
    });
    const a = setup();
    openFrame(a.m);
    send(a.m, marker('cookie-blocked'), OTHER); // not from the expected window: ignored
    expect(a.m.state).to.equal('loading');
    send(a.m, marker('cookie-blocked'), FRAME);
    expect(a.m.cause).to.equal('third-party-storage');

    const b = setup();
    b.m.reset('popup', false);
    b.m.begin();
    b.m.target = { zone: 'external', url: PLATFORM, serviceId: 's1' };
    b.m.accept(URL_, OA, 'nonce-1', 'c1');
    b.m.expectSource(FRAME);
    b.m.state = 'popup';
    send(b.m, marker('cookie-blocked'), FRAME);
    await Promise.resolve();
    expect(b.renewals).to.deep.equal(['popup']);
    expect(b.m.state).to.equal('preparing');
  });

  it('CSP: the page\'s frame-src refusal blocks "csp" naming the platform; a refused probe counts as reachable', () => {
    const a = setup();
    openFrame(a.m);
    a.m.violation(`${PLATFORM}/sign`, 'frame-src');
    expect(a.m.cause).to.equal('csp');
    expect(a.m.note?.origin).to.equal(PLATFORM);

    const b = setup();
    const run = openFrame(b.m);
    b.m.frameLoaded();
    b.m.violation('https://elsewhere.example.com/', 'connect-src'); // not the platform: ignored
    expect(b.m.probe).to.equal('pending');
    b.m.violation(`${PLATFORM}/`, 'connect-src');
    expect(b.m.state).to.equal('ready');
    expect(run).to.equal(b.m.run);
  });

  it('popup closed → cancelled; cancel() and detach()', async () => {
    const a = setup();
    a.m.reset('popup', false);
    const run = a.m.begin();
    a.m.state = 'popup';
    const result = a.m.result;
    a.m.popupClosed(run + 1); // another generation: ignored
    expect(a.m.state).to.equal('popup');
    a.m.popupClosed(run);
    expect(await result).to.deep.equal({ type: 'cancelled', contractId: undefined });

    const b = setup();
    b.m.cancel(); // idle: nothing
    expect(b.events).to.deep.equal([]);
    openFrame(b.m);
    b.m.cancel();
    expect(b.m.state).to.equal('cancelled');
    expect(b.events.at(-1)![0]).to.equal('qys-cancelled');
    b.m.cancel(); // final: nothing more
    expect(b.events.filter(([n]) => n === 'qys-cancelled')).to.have.length(1);

    const c = setup();
    openFrame(c.m);
    c.m.detach();
    expect(c.m.state).to.equal('idle');
    expect(c.m.src).to.equal(undefined);
  });

  it('a platform error report → error with its message; a host failure → badBinding or hostError', () => {
    const a = setup();
    openFrame(a.m);
    send(a.m, bridge('error', { code: 'E1', message: 'boom' }), FRAME);
    expect(a.m.state).to.equal('error');
    expect(a.m.note).to.deep.equal({ key: 'error', params: { message: 'boom' } });
    expect(a.events.at(-1)![0]).to.equal('qys-error');

    const b = setup();
    b.m.hostFailed(Object.assign(new Error('no default'), { code: 'binding' }));
    expect(b.m.note).to.deep.equal({ key: 'badBinding' });
    b.m.hostFailed('plain text');
    expect(b.m.note).to.deep.equal({ key: 'hostError', params: { message: 'plain text' } });
    expect((b.events.at(-1)![1] as { code: string }).code).to.equal('unknown');
  });

  it('a new open() after a final state starts a new result', async () => {
    const { m } = setup();
    openFrame(m);
    m.cancel();
    const first = m.result;
    openFrame(m);
    expect(m.result).to.not.equal(first);
  });
});
