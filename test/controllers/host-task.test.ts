import { expect, fixture, html as thtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { HostTask } from '../../src/controllers/host-task.js';
import type { QysHost } from '../../src/api/host.js';

interface Call {
  args: [string];
  host: QysHost;
  signal: AbortSignal;
  resolve: (v: string) => void;
  reject: (e: unknown) => void;
}

/** A minimal element with a host in force and one task whose calls the test settles by hand. */
class HtProbe extends LitElement {
  static override properties = { effectiveHost: { attribute: false } };
  effectiveHost: QysHost | undefined = undefined;
  calls: Call[] = [];
  values: string[] = [];
  errors: unknown[] = [];
  hostChanges = 0;
  readonly task = new HostTask<[string], string>(this, {
    task: (args, { host, signal }) =>
      new Promise<string>((resolve, reject) => {
        this.calls.push({ args, host, signal, resolve, reject });
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    onValue: (v) => this.values.push(v),
    onError: (e) => this.errors.push(e),
    onHostChange: () => this.hostChanges++,
  });
  override render() {
    return html`<p>${this.task.status}</p>`;
  }
}
customElements.define('ht-probe', HtProbe);

const hostA = { name: 'a' } as unknown as QysHost;
const hostB = { name: 'b' } as unknown as QysHost;
const settle = () => new Promise((r) => setTimeout(r, 0));

async function mount() {
  const el = await fixture<HtProbe>(thtml`<ht-probe></ht-probe>`);
  el.effectiveHost = hostA;
  await el.updateComplete;
  return el;
}

describe('controllers/host-task HostTask', () => {
  it('tracks loading → done with the value, and re-renders', async () => {
    const el = await mount();
    const p = el.task.run('x');
    expect(el.task.status).to.equal('loading');
    expect(el.calls[0]!.host).to.equal(hostA);
    el.calls[0]!.resolve('X');
    expect(await p).to.equal('X');
    expect(el.task.status).to.equal('done');
    expect(el.task.value).to.equal('X');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('done');
  });

  it('a new run aborts the previous call; its late answer is dropped', async () => {
    const el = await mount();
    const first = el.task.run('1');
    const second = el.task.run('2');
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    expect(el.calls[1]!.signal.aborted).to.equal(false);
    el.calls[0]!.resolve('old');
    el.calls[1]!.resolve('new');
    expect(await first).to.equal(undefined);
    expect(await second).to.equal('new');
    expect(el.values).to.deep.equal(['new']);
    expect(el.task.value).to.equal('new');
  });

  it('an answer that ignores the signal is still dropped once superseded', async () => {
    const el = await mount();
    const calls: ((v: string) => void)[] = [];
    const task = new HostTask<[], string>(el, {
      task: () => new Promise<string>((r) => calls.push(r)), // never looks at the signal
    });
    const first = task.run();
    const second = task.run();
    calls[1]!('B');
    calls[0]!('A'); // late, after the newer one
    expect(await second).to.equal('B');
    expect(await first).to.equal(undefined);
    expect(task.value).to.equal('B');
  });

  it('an error is kept (not thrown) until retry runs the same call again', async () => {
    const el = await mount();
    const p = el.task.run('r');
    el.calls[0]!.reject(new Error('down'));
    expect(await p).to.equal(undefined);
    expect(el.task.status).to.equal('error');
    expect((el.task.error as Error).message).to.equal('down');
    expect(el.errors).to.have.length(1);
    const again = el.task.retry();
    expect(el.task.status).to.equal('loading');
    expect(el.task.error).to.equal(null);
    expect(el.calls[1]!.args).to.deep.equal(['r']);
    el.calls[1]!.resolve('ok');
    expect(await again).to.equal('ok');
  });

  it('a change of the host in force aborts the call and is reported once', async () => {
    const el = await mount();
    const before = el.hostChanges; // hostA arriving after connect was one
    expect(before).to.equal(1);
    const p = el.task.run('h');
    el.effectiveHost = hostB;
    await el.updateComplete;
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    expect(el.hostChanges).to.equal(2);
    expect(el.task.status).to.equal('idle');
    el.calls[0]!.resolve('stale');
    expect(await p).to.equal(undefined);
    expect(el.values).to.deep.equal([]);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.hostChanges).to.equal(2);
    void el.task.run('h2');
    expect(el.calls[1]!.host).to.equal(hostB);
  });

  it('disconnecting aborts the call; without a host nothing runs', async () => {
    const el = await mount();
    void el.task.run('d');
    el.remove();
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    await settle();
    expect(el.task.status).to.equal('idle');
    const none = await fixture<HtProbe>(thtml`<ht-probe></ht-probe>`);
    expect(await none.task.run('n')).to.equal(undefined);
    expect(none.calls).to.have.length(0);
    expect(none.task.status).to.equal('idle');
  });

  it('reset forgets value and error', async () => {
    const el = await mount();
    const p = el.task.run('v');
    el.calls[0]!.resolve('V');
    await p;
    el.task.reset();
    expect(el.task.value).to.equal(undefined);
    expect(el.task.status).to.equal('idle');
    expect(await el.task.retry()).to.equal(undefined);
  });
});
