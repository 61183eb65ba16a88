// The BUILT package, as a Node app (SSR, server code) imports it: the root entry and every element
// entry, each in a fresh plain `node` process (no DOM, no tsx), resolved through package.json
// "exports" by the package's own name. Nothing may throw, the root must load no element code (no
// registry, no HTMLElement leaked onto globalThis), and each entry exports what it promises.
// dist/ is built first when it is missing or older than src/ (scripts/ensure-build.mjs), so the test
// never runs against a dist/ that a previous manual build left behind.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { promisify } from 'node:util';
// @ts-expect-error plain .mjs build script without type declarations
import { ensureBuild } from '../../scripts/ensure-build.mjs';
// @ts-expect-error plain .mjs build script without type declarations
import { importsOf } from '../../scripts/check-exports.mjs';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const components = readdirSync('src/components').filter((d) => existsSync(`src/components/${d}/define.ts`));
const className = (name: string) =>
  'Qys' +
  name
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

interface Report {
  keys: string[];
  types: Record<string, string>;
  HTMLElement: string;
  customElements: string;
  registered: string[];
}

/** Imports `specifier` in a new Node process (no DOM) and reports what it exported and left behind. */
async function importInNode(specifier: string, probe = ''): Promise<Report & { probe?: unknown }> {
  const script = `
    const m = await import(${JSON.stringify(specifier)});
    const registry = globalThis.customElements;
    const names = ${JSON.stringify(components.map((c) => `qys-${c}`))};
    let probe;
    ${probe}
    console.log(JSON.stringify({
      keys: Object.keys(m),
      types: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v])),
      HTMLElement: typeof globalThis.HTMLElement,
      customElements: typeof registry,
      registered: registry ? names.filter((n) => registry.get(n)) : [],
      probe,
    }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Report;
}

before(async () => {
  await ensureBuild({ log: () => {} });
});

test('the root imports in Node without a DOM: hosts, schemas, core functions, errors, and no element code', async () => {
  const r = await importInNode(
    pkg.name,
    `const host = m.createHttpHost({ baseUrl: 'http://127.0.0.1:9/api/qys' });
     probe = {
       host: typeof host.services.list,
       url: m.isHttpUrl('https://qys.example.com'),
       parsed: m.BindingSchema ? 'ok' : 'missing',
       error: new m.QysValidationError('x', []) instanceof m.QysError,
       rules: m.parseSegmentRules(['10.0.0.0/8']).rules.length,
     };`,
  );
  for (const name of [
    'createHttpHost',
    'createMemoryHost',
    'resolveSigningTarget',
    'OrgSelection',
    'buildChecklist',
  ]) {
    assert.equal(r.types[name], 'function', `${name} exported by the root`);
  }
  assert.equal(r.types.BindingSchema, 'object');
  assert.equal(r.types.VERSION, 'string');
  for (const c of components)
    assert.ok(!r.keys.includes(className(c)), `the root does not export ${className(c)}`);
  // DOM-free: nothing defined a registry or a global HTMLElement (lit is not even loaded).
  assert.equal(r.customElements, 'undefined');
  assert.equal(r.HTMLElement, 'undefined');
  assert.deepEqual(r.probe, { host: 'function', url: true, parsed: 'ok', error: true, rules: 1 });
});

for (const c of components) {
  test(`qys-elements/${c}.js imports in Node and exports ${className(c)}`, async () => {
    const r = await importInNode(`${pkg.name}/${c}.js`);
    assert.equal(r.types[className(c)], 'function');
    // Nothing was put on globalThis to make it import (lit's own Node build may add its registry shim).
    assert.equal(r.HTMLElement, 'undefined');
  });
}

test('qys-elements/all.js imports in Node and exports every element class', async () => {
  const r = await importInNode(`${pkg.name}/all.js`);
  assert.deepEqual(
    components.map(className).filter((n) => r.types[n] !== 'function'),
    [],
  );
  assert.equal(r.HTMLElement, 'undefined');
});

test('qys-elements/cdn/autoloader.js imports in Node (it watches nothing there)', async () => {
  const r = await importInNode(`${pkg.name}/cdn/autoloader.js`);
  assert.equal(r.types.discover, 'function');
  assert.equal(r.types.load, 'function');
});

test('qys-elements/react imports in Node (SSR) and exports a wrapper per element', async () => {
  // react is an optional peer of the package and installed here as a dev dependency (package-lock).
  assert.ok(existsSync('node_modules/react/package.json'), 'react is installed (npm ci)');
  const r = await importInNode(`${pkg.name}/react`);
  assert.deepEqual(
    components.map(className).filter((n) => !['function', 'object'].includes(r.types[n]!)),
    [],
  );
  assert.equal(r.HTMLElement, 'undefined');
});

test('dist/ imports its runtime dependencies as bare specifiers, and dependencies are exactly those', async () => {
  const { stdout } = await run(process.execPath, ['scripts/check-exports.mjs', '--js-only']);
  const imported = /dependencies ok: dist\/ imports exactly (.*)/.exec(stdout)?.[1]?.split(', ');
  assert.ok(imported, stdout);
  for (const p of ['@lit/context', 'ky', 'lit', 'zod']) assert.ok(imported.includes(p), `dist/ imports ${p}`);
  const peers = Object.keys(pkg.peerDependencies ?? {});
  assert.deepEqual(
    imported.filter((p) => !peers.includes(p)),
    Object.keys(pkg.dependencies).sort(),
  );
  // The element code really imports lit rather than carrying a copy.
  const picker = readFileSync('dist/components/org-scope-picker/org-scope-picker.js', 'utf8');
  assert.ok((importsOf(picker) as string[]).includes('lit'));
});

test('importsOf finds static, re-exported and dynamic specifiers of minified code', () => {
  const code =
    'import{LitElement as e,html as t}from"lit";import"./x.js";export*from"zod/mini";' +
    'export{a as b}from\'@lit/context\';const c=()=>import("ky");const d="import nothing";';
  assert.deepEqual(importsOf(code).sort(), ['./x.js', '@lit/context', 'ky', 'lit', 'zod/mini']);
});
