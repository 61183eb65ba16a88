// Runs in plain Node (no DOM, no shim): every entry imports, the DOM-free root works, and the React
// wrappers render to HTML on the server. Prints one JSON line { passed, failed, results }.
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
  } catch (e) {
    results.push({ name, ok: false, error: String(e?.stack ?? e) });
  }
}
const assert = (cond, msg) => {
  if (!cond) throw new Error(msg);
};

await check('no DOM in this process', () => {
  assert(
    typeof globalThis.HTMLElement === 'undefined' && typeof globalThis.customElements === 'undefined',
    'a DOM global exists',
  );
});
await check("import('qys-elements'): createMemoryHost, createHttpHost, schemas, core", async () => {
  const m = await import('qys-elements');
  for (const k of ['createHttpHost', 'createMemoryHost', 'resolveSigningTarget', 'VERSION'])
    assert(k in m, `root exports ${k}`);
  const host = m.createMemoryHost();
  const page = await host.resources.list('file-template', { limit: 2 });
  assert(page.items.length === 2, 'memory host lists templates');
  assert(!('QysBrowseField' in m), 'the root exports no element class');
  assert(typeof globalThis.HTMLElement === 'undefined', 'importing the root left no HTMLElement global');
});
const pkg = JSON.parse(
  readFileSync(new URL('./node_modules/qys-elements/package.json', import.meta.url), 'utf8'),
);
const entries = [
  'host-provider',
  'binding-settings',
  'browse-field',
  'network-strategy-editor',
  'org-scope-picker',
  'signing-frame',
  'integration-checklist',
];
for (const name of entries)
  await check(`import('qys-elements/${name}.js')`, async () => {
    const m = await import(`qys-elements/${name}.js`);
    const cls = Object.keys(m).find((k) => /^Qys[A-Z]/.test(k) && typeof m[k] === 'function');
    assert(cls, `exports its class (exports: ${Object.keys(m)})`);
  });
await check("import('qys-elements/all.js')", () => import('qys-elements/all.js'));
await check("import('qys-elements/react') and renderToString", async () => {
  const { QysBrowseField, QysHostProvider } = await import('qys-elements/react');
  const html = renderToString(
    createElement(
      QysHostProvider,
      null,
      createElement(QysBrowseField, { kind: 'file-template', lang: 'en', id: 'bf' }),
    ),
  );
  assert(html.includes('<qys-host-provider') && html.includes('<qys-browse-field'), `rendered: ${html}`);
});
await check('typings and IDE data ship', () => {
  for (const f of [
    'custom-elements.json',
    'vscode.html-custom-data.json',
    'web-types.json',
    'types/vue.d.ts',
    'dist/types/react/jsx.d.ts',
  ])
    readFileSync(new URL(`./node_modules/qys-elements/${f}`, import.meta.url));
  assert(pkg['web-types'], 'package.json names its web-types');
  const cem = JSON.parse(
    readFileSync(new URL('./node_modules/qys-elements/custom-elements.json', import.meta.url), 'utf8'),
  );
  const tags = cem.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => d.tagName);
  assert(tags.length === 7, `custom-elements.json lists 7 elements: ${tags}`);
});

const failed = results.filter((r) => !r.ok).length;
console.log(JSON.stringify({ passed: results.length - failed, failed, results }));
process.exit(failed ? 1 : 0);
