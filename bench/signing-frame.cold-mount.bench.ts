// <qys-signing-frame> on a cold page, opened at once (as `auto-open` does): this file imports only the
// signing-frame define entry and the memory host; the first open() comes right after the first render, so the
// on-demand chunks it needs (zone resolver, framing verdict) are still loading (started at connect) and counted.
// In the dev server each module of a chunk is a request of its own (a waterfall); a built page loads one chunk.
import '../src/components/signing-frame/define.js';
import { loopbackHost, median, openOnce } from './signing-frame.helpers.js';
import { record } from './record.js';

describe('signing-frame, cold page, open at mount', () => {
  it('first open() right after mount → frame src set', async () => {
    const host = loopbackHost();
    const [cold, coldPainted] = await openOnce(host, 0);
    const later: number[] = [];
    for (let i = 0; i < 11; i++) later.push((await openOnce(host, 0))[0]);
    await record({
      area: 'signing-frame',
      name: 'cold page: first open() at mount (auto-open) → frame src set',
      value: cold,
      unit: 'ms',
      target: '≤ 10 ms',
      note: `painted ${coldPainted.toFixed(1)} ms; includes loading the resolver chunk (dev server: one request per module); later opens median ${median(later).toFixed(1)} ms`,
    });
  });
});
