/**
 * Not a measurement: scripts/bench.mjs runs this page first in each fresh browser that measures a cold file, so the
 * measured page is a cold page (its modules loaded, never run) in a browser that has shown a page before, as a
 * person's has: the browser's one-time work for its first page (its font service starting, the system's font
 * configuration read, the CJK fallback font opened) is not charged to whichever element's file happens to be first.
 * It imports nothing of the library, so no element's code is compiled before its own page.
 */
import { pagePainted } from './record.js';

describe('browser warm-up (not measured)', () => {
  it('paints a page with Latin and Chinese text', async () => {
    const p = document.createElement('p');
    p.style.font = '14px/1.6 sans-serif';
    p.textContent = 'Warm-up 预热：浏览器首次显示文字';
    const q = document.createElement('p');
    q.textContent = 'Warm-up 预热';
    document.body.append(p, q);
    await pagePainted();
    await pagePainted();
  });
});
