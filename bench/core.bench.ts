import { computeWindow } from '../src/core/window.js';
import { median, record } from './record.js';

describe('core benchmarks', () => {
  it('list windowing at 100,000 rows', async () => {
    let scroll = 0;
    const t = await median(9, () => {
      for (let i = 0; i < 10_000; i++) {
        computeWindow({
          count: 100_000,
          rowHeight: 32,
          scrollTop: (scroll += 97) % 3_200_000,
          viewportHeight: 480,
        });
      }
    });
    await record({
      area: 'core',
      name: 'computeWindow ×10,000 (100k rows)',
      value: t,
      unit: 'ms',
      note: 'per scroll step ≈ value/10,000',
    });
  });
});
