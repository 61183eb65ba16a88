// <qys-signing-frame> on a cold page, opened at once (as `auto-open` does), built as a page gets it: the element
// comes from dist/cdn/signing-frame.js (the build for pages without a bundler: minified, its on-demand parts in
// dist/cdn/chunks/, one file each, as a consumer's bundler splits them too), not from the dev server's
// module-per-request sources. The file loads nothing else of the library but the memory host; the first open()
// comes right after the first render, so the on-demand chunks it needs (zone resolver, framing verdict), started
// at connect, are counted. `npm run bench` builds dist/ first when it is older than src/.
import { loopbackHost, median, openOnce } from './signing-frame.helpers.js';
import { record } from './record.js';

// A URL the type checker does not follow: dist/ is built output (the bench builds it when stale).
const BUILT_ENTRY = '/dist/cdn/signing-frame.js';

describe('signing-frame, cold page, open at mount (built files)', () => {
  before(async () => {
    await import(BUILT_ENTRY);
  });

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
      // Not judged against the ≤ 10 ms of issue #16 (its row is the open after the element is shown, in
      // signing-frame.cold.bench.ts): opened at mount, the open waits for the resolver chunk's request to the
      // server, which this test server answers in 15–35 ms a file; a page's server or cache sets that part.
      note: `painted ${coldPainted.toFixed(1)} ms; built cdn/signing-frame.js: includes the resolver chunk's request, sent at connect (test server); later opens median ${median(later).toFixed(1)} ms`,
    });
  });
});
