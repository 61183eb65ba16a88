import { expect } from '@open-wc/testing';
import { ResourcePager, type PageFetcher } from '../../../src/core/resources/pager.js';
import type { Page, Resource } from '../../../src/api/schemas.js';

const item = (i: number, tag = 'a'): Resource => ({
  id: `${tag}${i}`,
  kind: 'file-template',
  name: `${tag} ${i}`,
  status: 'enabled',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** A fetcher over `total` items whose answers the test releases one by one. */
function held(total: number, tag = 'a') {
  const calls: {
    offset: number;
    limit: number;
    signal: AbortSignal;
    release: () => void;
    fail: (e: unknown) => void;
  }[] = [];
  const fetcher: PageFetcher = (offset, limit, signal) =>
    new Promise<Page<Resource>>((resolve, reject) => {
      const page = () => {
        const items: Resource[] = [];
        for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(item(i, tag));
        return { items, total, offset };
      };
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      calls.push({ offset, limit, signal, release: () => resolve(page()), fail: reject });
    });
  return { fetcher, calls };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('core/resources ResourcePager', () => {
  it('fetches the first page on reset, then only the pages a range needs, each once', async () => {
    let changes = 0;
    const pager = new ResourcePager<string>(() => changes++, 10);
    const { fetcher, calls } = held(95);
    pager.reset(fetcher, 'q');
    expect(calls.map((c) => c.offset)).to.deep.equal([0]);
    expect(pager.total).to.equal(null);
    expect(pager.loading).to.equal(true);
    calls[0]!.release();
    await tick();
    expect(pager.total).to.equal(95);
    expect(pager.key).to.equal('q');
    expect(pager.items[9]?.id).to.equal('a9');
    expect(pager.items[10]).to.equal(undefined);
    expect(changes).to.be.greaterThan(0);
    pager.ensure(15, 35);
    pager.ensure(15, 35);
    expect(calls.map((c) => c.offset)).to.deep.equal([0, 10, 20, 30]);
    // Past the end: nothing more.
    pager.ensure(90, 200);
    expect(calls.map((c) => c.offset)).to.deep.equal([0, 10, 20, 30, 90]);
  });

  it('a new query aborts the old one; a late old answer never shows', async () => {
    const pager = new ResourcePager<string>(() => {}, 10);
    const a = held(50, 'a');
    const b = held(7, 'b');
    pager.reset(a.fetcher, 'a');
    pager.reset(b.fetcher, 'b');
    expect(a.calls[0]!.signal.aborted).to.equal(true);
    a.calls[0]!.release();
    await tick();
    expect(pager.total).to.equal(null);
    b.calls[0]!.release();
    await tick();
    expect(pager.total).to.equal(7);
    expect(pager.key).to.equal('b');
    expect(pager.items[0]?.id).to.equal('b0');
  });

  it('keep: the old results stay on show (stale) until the new first page answers', async () => {
    const pager = new ResourcePager<string>(() => {}, 10);
    const a = held(50, 'a');
    pager.reset(a.fetcher, 'a');
    a.calls[0]!.release();
    await tick();
    const b = held(3, 'b');
    pager.reset(b.fetcher, 'b', true);
    expect(pager.stale).to.equal(true);
    expect(pager.key).to.equal('a');
    expect(pager.items[0]?.id).to.equal('a0');
    // While stale, a range asks only for the new query's first page.
    pager.ensure(20, 40);
    expect(b.calls.map((c) => c.offset)).to.deep.equal([0]);
    b.calls[0]!.release();
    await tick();
    expect(pager.stale).to.equal(false);
    expect(pager.key).to.equal('b');
    expect(pager.total).to.equal(3);
    expect(pager.items).to.have.length(3);
  });

  it('a failed page is kept as the error until retry fetches it again', async () => {
    const pager = new ResourcePager<string>(() => {}, 10);
    const { fetcher, calls } = held(30);
    pager.reset(fetcher, 'q');
    calls[0]!.fail(new Error('down'));
    await tick();
    expect((pager.error as Error).message).to.equal('down');
    pager.ensure(0, 5);
    expect(calls).to.have.length(1);
    pager.retry();
    expect(pager.error).to.equal(null);
    expect(calls).to.have.length(2);
    calls[1]!.release();
    await tick();
    expect(pager.total).to.equal(30);
  });

  it('abort() stops what is in flight (the dialog closed)', async () => {
    const pager = new ResourcePager<string>(() => {}, 10);
    const { fetcher, calls } = held(30);
    pager.reset(fetcher, 'q');
    pager.abort();
    expect(calls[0]!.signal.aborted).to.equal(true);
    expect(pager.loading).to.equal(false);
  });
});
