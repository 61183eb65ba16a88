import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { computeWindow, scrollIntoViewTop } from '../../src/core/window.js';

describe('computeWindow', () => {
  it('renders the visible rows plus overscan', () => {
    const w = computeWindow({
      count: 100_000,
      rowHeight: 32,
      scrollTop: 32 * 500,
      viewportHeight: 320,
      overscan: 4,
    });
    expect(w.start).to.equal(496);
    expect(w.end).to.equal(500 + 11 + 4);
    expect(w.offset).to.equal(496 * 32);
    expect(w.totalHeight).to.equal(3_200_000);
  });

  it('always covers the viewport and stays bounded (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(200_000),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: -1000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2000 }),
        (count, rowHeight, scrollTop, viewportHeight) => {
          const w = computeWindow({ count, rowHeight, scrollTop, viewportHeight });
          expect(w.start).to.be.at.least(0);
          expect(w.end).to.be.at.most(count);
          expect(w.end - w.start).to.be.at.most(Math.ceil(viewportHeight / rowHeight) + 1 + 8);
          const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - viewportHeight));
          const firstVisible = Math.floor(top / rowHeight);
          if (count > 0) expect(w.start).to.be.at.most(Math.min(firstVisible, count - 1));
        },
      ),
    );
  });

  it('scrollIntoViewTop scrolls minimally', () => {
    expect(scrollIntoViewTop(10, 30, 0, 300)).to.equal(30);
    expect(scrollIntoViewTop(5, 30, 0, 300)).to.equal(null);
    expect(scrollIntoViewTop(2, 30, 200, 300)).to.equal(60);
  });
});
