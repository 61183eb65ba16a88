/**
 * Loaded before every browser test file (testRunnerHtml in web-test-runner.config.mjs).
 *
 * A failed chai assertion keeps its `actual` and `expected` on the error, and web-test-runner serialises them to
 * report the failure. When one of them is a DOM node, the serialiser walks the node's whole object graph (its
 * document, its frames): with a live cross-origin iframe in it, the file's result never reached the runner — one
 * failed assertion became a 600 s stall and a file error in CI, and in a short run "Attempted to use detached
 * Frame". Here a node (or window) in a failed assertion is replaced by a short description of it, so the failure is
 * reported as a failure, with the element named.
 */
// chai itself, the same module instance @open-wc/testing re-exports. Not @open-wc/testing: imported here, before mocha
// has set up its globals, it would skip registering its fixture clean-up hook for the whole file.
import { Assertion } from '@esm-bundle/chai';

const describe = (v: unknown): unknown => {
  if (typeof Node !== 'undefined' && v instanceof Node) {
    const html = v instanceof Element ? v.outerHTML : (v.textContent ?? '');
    return `${v.nodeName}: ${html.length > 300 ? `${html.slice(0, 300)}…` : html}`;
  }
  if (typeof Window !== 'undefined' && v instanceof Window) return '[Window]';
  return v;
};

const assertion = Assertion.prototype as unknown as { assert: (...args: unknown[]) => unknown };
const original = assertion.assert;
assertion.assert = function (this: unknown, ...args: unknown[]) {
  try {
    return original.apply(this, args);
  } catch (err) {
    if (err && typeof err === 'object') {
      const e = err as { actual?: unknown; expected?: unknown };
      if ('actual' in e) e.actual = describe(e.actual);
      if ('expected' in e) e.expected = describe(e.expected);
    }
    throw err;
  }
};
