// An answer of a superseded open() is never applied: a host need not reject once its signal is aborted, and
// a late binding of the first open() used to overwrite the decided target (zone, address, details line)
// of the newer one.
import { expect } from '@open-wc/testing';
import { createMemoryHost } from '../../../src/api/memory-host/index.js';
import type { Binding } from '../../../src/api/schemas.js';
import '../../../src/components/signing-frame/define.js';

const until = async (cond: () => boolean, what: string) => {
  for (const t0 = Date.now(); !cond(); await new Promise((r) => setTimeout(r, 10)))
    if (Date.now() - t0 > 5000) throw new Error(`timed out: ${what}`);
};

describe('qys-signing-frame: a superseded open()', () => {
  it('a late binding of the first open() does not replace the target of the newer one', async () => {
    const mem = createMemoryHost({ signingUrl: () => `${location.origin}/README.md` });
    const here = (b: Binding): Binding =>
      b.serviceType === 'private'
        ? { ...b, signingUrlExternal: location.origin, autoLogin: { ...b.autoLogin, mode: 'off' } }
        : b;
    let answer: (list: Binding[]) => void = () => {};
    let calls = 0;
    const host = {
      ...mem,
      services: {
        ...mem.services,
        list: async (o?: { signal?: AbortSignal }) => {
          if (calls++ === 0) return new Promise<Binding[]>((r) => (answer = r)); // ignores the abort
          return (await mem.services.list(o)).map(here);
        },
      },
    };
    const el = document.createElement('qys-signing-frame');
    el.host = host;
    el.contractId = '2880000000000000001';
    document.body.append(el);
    await el.updateComplete;
    void el.open();
    await until(() => calls === 1, 'the first list call');
    void el.open();
    await until(() => el.state === 'loading' || el.state === 'ready', `loading (state ${el.state})`);
    expect(el.target?.url).to.equal(location.origin);
    const late = (await mem.services.list()).map((b) =>
      b.serviceType === 'private'
        ? {
            ...b,
            signingUrlExternal: 'https://late.example.com',
            autoLogin: { ...b.autoLogin, mode: 'off' as const },
          }
        : b,
    );
    answer(late);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.target?.url).to.equal(location.origin);
    expect(el.shadowRoot!.querySelector('[part=details]')!.textContent).to.not.contain('late.example.com');
    expect(['loading', 'ready']).to.include(el.state);
    el.remove();
  });
});
