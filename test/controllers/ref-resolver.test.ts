import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { RefResolverController } from '../../src/controllers/ref-resolver.js';

interface Ref {
  id: string;
}
interface Item {
  id: string;
  name: string;
}

class RrProbe extends LitElement {
  calls: { ids: string[]; signal: AbortSignal }[] = [];
  answer: (ids: string[]) => Promise<{ found: Item[]; missing: Ref[] }> = (ids) =>
    Promise.resolve({
      found: ids.filter((i) => i !== 'gone').map((id) => ({ id, name: `N${id}` })),
      missing: ids.filter((i) => i === 'gone').map((id) => ({ id })),
    });
  noHost = false;
  found: Item[] = [];
  readonly resolver = new RefResolverController<Ref, Item>(this, {
    refKey: (r) => r.id,
    itemKey: (n) => n.id,
    load: (refs, signal) => {
      if (this.noHost) return undefined;
      const ids = refs.map((r) => r.id);
      this.calls.push({ ids, signal });
      return this.answer(ids);
    },
    onFound: (items) => this.found.push(...items),
  });
}
customElements.define('rr-probe', RrProbe);

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('RefResolverController', () => {
  it('batches requests of one task into one call, caches found items and remembers missing ones', async () => {
    const el = document.createElement('rr-probe') as RrProbe;
    document.body.append(el);
    el.resolver.request([{ id: '1' }, { id: 'gone' }]);
    el.resolver.request([{ id: '2' }, { id: '1' }]);
    await tick();
    expect(el.calls.map((c) => c.ids)).to.deep.equal([['1', 'gone', '2']]);
    expect(el.resolver.get('2')?.name).to.equal('N2');
    expect(el.resolver.isMissing('gone')).to.equal(true);
    expect(el.found.map((n) => n.id)).to.deep.equal(['1', '2']);
    // Known and missing refs are not asked for again; learnt ones neither.
    el.resolver.learn([{ id: '3', name: 'three' }]);
    el.resolver.request([{ id: '1' }, { id: 'gone' }, { id: '3' }]);
    await tick();
    expect(el.calls).to.have.length(1);
    el.resolver.forget('gone');
    expect(el.resolver.isMissing('gone')).to.equal(false);
    el.remove();
  });

  it('a newer call aborts the one in flight and asks for its refs too', async () => {
    const el = document.createElement('rr-probe') as RrProbe;
    document.body.append(el);
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const answer = el.answer;
    el.answer = async (ids) => (ids.length === 1 ? (await slow, answer(ids)) : answer(ids));
    el.resolver.request([{ id: 'a' }]);
    await tick();
    el.resolver.request([{ id: 'b' }]);
    await tick();
    expect(el.calls.map((c) => c.ids)).to.deep.equal([['a'], ['a', 'b']]);
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    release();
    await tick();
    expect(el.resolver.get('a')?.name).to.equal('Na');
    expect(el.resolver.get('b')?.name).to.equal('Nb');
    el.remove();
  });

  it('disconnecting aborts; a failed or hostless call leaves refs to ask again', async () => {
    const el = document.createElement('rr-probe') as RrProbe;
    document.body.append(el);
    el.answer = () => new Promise(() => undefined);
    el.resolver.request([{ id: 'x' }]);
    await tick();
    el.remove();
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    document.body.append(el);
    el.answer = () => Promise.reject(new Error('down'));
    el.resolver.request([{ id: 'x' }]);
    await tick();
    expect(el.resolver.get('x')).to.equal(undefined);
    el.noHost = true;
    el.resolver.request([{ id: 'x' }]);
    await tick();
    el.noHost = false;
    el.answer = (ids) => Promise.resolve({ found: ids.map((id) => ({ id, name: id })), missing: [] });
    el.resolver.request([{ id: 'x' }]);
    await tick();
    expect(el.resolver.get('x')?.name).to.equal('x');
    expect(el.calls).to.have.length(3);
    el.remove();
  });
});
