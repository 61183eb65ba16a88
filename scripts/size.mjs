// `npm run size` (also printed by `npm run bench`): the package's size as a consumer's page ships it.
// Each case is a one-line consumer of the BUILT package (dist/, built first when stale), resolved by
// package name through package.json "exports" and "sideEffects" like an app's node_modules, bundled by
// esbuild AND by Vite (minified, production), lit counted once per page. Reported per bundler: the
// initial download (the entry and every chunk it imports statically, gzip -9 per file, summed) and
// what loads on demand (dynamic imports). Exits 1 when a budgeted case is over budget with either
// bundler; `all.js` is reported against its old 45 kB budget but does not fail the run.
//   node scripts/size.mjs [--json FILE]
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { gzipSync } from 'node:zlib';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuild } from './ensure-build.mjs';

const root = resolve(import.meta.dirname, '..');
const work = join(root, `.tmp/size-${process.pid}`);
const gz = (code) => gzipSync(code, { level: 9 }).length / 1024;

const components = readdirSync(join(root, 'src/components'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'src/components', d.name, 'define.ts')))
  .map((d) => d.name)
  .sort();

/** What the page writes; budget in kB gzip (initial); enforce: false = reported only. */
export const CASES = [
  ...components.map((c) => ({
    name: `${c}.js`,
    code: `import 'qys-elements/${c}.js';`,
    budget: c === 'signing-frame' ? 10 : 25,
    tags: [`qys-${c}`],
  })),
  {
    name: "root: import { createHttpHost } from 'qys-elements'",
    code: `import { createHttpHost } from 'qys-elements';\nglobalThis.createHost = createHttpHost;`,
    budget: 15,
    noTags: true,
    // zod, the schemas and the route table must stay on demand (createHttpHost loads them when a host is
    // created): the root exports them through aliases (src/api/root-schemas.ts; docs/decisions.md, "Sizes").
  },
  {
    name: 'page: org-scope-picker.js + createHttpHost',
    code: `import 'qys-elements/org-scope-picker.js';\nimport { createHttpHost } from 'qys-elements';\nglobalThis.createHost = createHttpHost;`,
    budget: 35,
    tags: ['qys-org-scope-picker'],
  },
  {
    name: 'all.js (old budget, not enforced)',
    code: `import 'qys-elements/all.js';`,
    budget: 45,
    enforce: false,
  },
];

function prepare() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  // The package as an app's dependency: node_modules/qys-elements -> this repository.
  symlinkSync(root, join(work, 'node_modules/qys-elements'), 'dir');
}

function initialOf(chunks) {
  // chunks: { file, code, imports: [static], dynamic: [import()], entry }
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !byFile.has(f)) return;
    seen.add(f);
    for (const i of byFile.get(f).imports) visit(i);
  };
  for (const c of chunks) if (c.entry) visit(c.file);
  const initial = chunks.filter((c) => seen.has(c.file));
  // On demand: what the page's code can still import() (and what that imports). A chunk nothing refers to
  // is not counted: esbuild emits one for every import() it scanned, also in modules it left out of the page
  // (the root's message catalogues load their languages with import(), used or not).
  const reachable = new Set(seen);
  const more = (f) => {
    if (reachable.has(f) || !byFile.has(f)) return;
    reachable.add(f);
    for (const i of [...byFile.get(f).imports, ...byFile.get(f).dynamic]) more(i);
  };
  for (const f of seen) for (const i of byFile.get(f).dynamic) more(i);
  const lazy = chunks.filter((c) => reachable.has(c.file) && !seen.has(c.file));
  const sum = (list) => list.reduce((n, c) => n + gz(c.code), 0);
  const text = Buffer.concat(initial.map((c) => Buffer.from(c.code))).toString('utf8');
  // Tags whose name the initial code carries: what the page registers (or references) up front.
  const tags = components.filter((c) => text.includes(`qys-${c}`)).map((c) => `qys-${c}`);
  return {
    initial: sum(initial),
    initialFiles: initial.length,
    lazy: sum(lazy),
    lazyFiles: lazy.length,
    tags,
  };
}

async function withEsbuild(entry) {
  const outdir = join(work, 'out-esbuild');
  const r = await esbuild({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['production'],
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outdir,
    logLevel: 'silent',
    absWorkingDir: work,
  });
  const chunks = r.outputFiles
    .filter((f) => f.path.endsWith('.js'))
    .map((f) => {
      const rel = f.path.slice(work.length + 1);
      const meta = r.metafile.outputs[rel];
      return {
        file: rel,
        code: f.contents,
        // Dynamically imported modules are entry points to esbuild too: the page's entry is ours.
        entry: meta.entryPoint === entry.slice(work.length + 1),
        imports: meta.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
        dynamic: meta.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
      };
    });
  return initialOf(chunks);
}

async function withVite(entry) {
  const res = await viteBuild({
    configFile: false,
    logLevel: 'silent',
    root: work,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: { input: entry },
    },
  });
  const out = (Array.isArray(res) ? res[0] : res).output.filter((o) => o.type === 'chunk');
  return initialOf(
    out.map((c) => ({
      file: c.fileName,
      code: Buffer.from(c.code),
      entry: c.isEntry,
      imports: c.imports,
      dynamic: c.dynamicImports,
    })),
  );
}

export async function measureSizes() {
  await ensureBuild();
  prepare();
  const rows = [];
  problems.length = 0;
  for (const [i, c] of CASES.entries()) {
    const entry = join(work, `case-${i}.js`);
    writeFileSync(entry, c.code + '\n');
    const e = await withEsbuild(entry);
    const v = await withVite(entry);
    const worst = Math.max(e.initial, v.initial);
    // A size is only meaningful if the consumer still works: an element entry must keep its define()
    // call (package.json sideEffects), and the root alone must carry no element.
    const want = c.tags ?? [];
    for (const [bundler, r] of [
      ['esbuild', e],
      ['Vite', v],
    ]) {
      const missing = want.filter((t) => !r.tags.includes(t));
      const extra = c.noTags ? r.tags : [];
      if (missing.length)
        problems.push(`${c.name} with ${bundler}: ${missing.join(', ')} not registered (define() dropped?)`);
      if (extra.length)
        problems.push(`${c.name} with ${bundler}: carries ${extra.join(', ')} (not tree-shaken)`);
    }
    rows.push({
      ...c,
      enforce: c.enforce !== false,
      esbuild: e,
      vite: v,
      worst,
      ok: worst <= c.budget,
    });
  }
  // The autoloader is not bundled by anyone: a page loads dist/cdn/autoloader.js as it is.
  const auto = readFileSync(join(root, 'dist/cdn/autoloader.js'));
  const autoGz = gz(auto);
  rows.push({
    name: 'cdn/autoloader.js (as served)',
    code: '<script type="module" src=".../cdn/autoloader.js">',
    budget: 3,
    enforce: true,
    esbuild: { initial: autoGz, initialFiles: 1, lazy: 0, lazyFiles: 0 },
    vite: { initial: autoGz, initialFiles: 1, lazy: 0, lazyFiles: 0 },
    worst: autoGz,
    ok: autoGz <= 3,
  });
  // The one-file builds for pages without a bundler: reported, no budget (they carry every element,
  // lit, zod, ky and the memory host with its sample data).
  for (const file of ['qys-elements.js', 'qys-elements.iife.js']) {
    const size = gz(readFileSync(join(root, 'dist/cdn', file)));
    const x = { initial: size, initialFiles: 1, lazy: 0, lazyFiles: 0 };
    rows.push({
      name: `cdn/${file} (as served)`,
      code: '',
      budget: null,
      enforce: false,
      esbuild: x,
      vite: x,
      worst: size,
      ok: true,
    });
  }
  rmSync(work, { recursive: true, force: true });
  return rows;
}

/** Consumers that would not work as bundled (a define() dropped, an element in the root): fail the run. */
export const problems = [];

export function printSizes(rows) {
  const f = (n) => n.toFixed(2);
  const lazy = (x) => (x.lazyFiles ? `${f(x.lazy)} (${x.lazyFiles})` : '—');
  console.log(
    '\nSizes as a consumer ships them (one-line consumer of the built package; minified; gzip -9 kB; lit once)\n',
  );
  console.log('| consumer | esbuild initial | Vite initial | on demand esbuild / Vite | budget | |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${f(r.esbuild.initial)} | ${f(r.vite.initial)} | ${lazy(r.esbuild)} / ${lazy(r.vite)} | ${r.budget === null ? '—' : `${r.budget} kB`} | ${r.budget === null ? '' : !r.ok ? (r.enforce ? 'OVER' : 'over (not enforced)') : 'within'} |`,
    );
  const over = rows.filter((r) => r.enforce && !r.ok);
  if (over.length) console.log(`\nOver budget: ${over.map((r) => r.name).join('; ')}`);
  for (const p of problems) console.log(`BROKEN CONSUMER: ${p}`);
  return over.length === 0 && problems.length === 0;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const rows = await measureSizes();
  const ok = printSizes(rows);
  const i = process.argv.indexOf('--json');
  if (i > 0) writeFileSync(process.argv[i + 1], JSON.stringify(rows, null, 2));
  process.exit(ok ? 0 : 1);
}
