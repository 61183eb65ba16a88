// `npm run bench`: one table of sizes and one of timings.
// 1. Sizes: each public entry bundled on its own (lit included, minified), gzip and brotli sizes,
//    against the budgets (signing-frame <= 10 kB, any other element <= 25 kB, all <= 45 kB, gzip).
// 2. Timings: bench/**/*.bench.ts run in headless Chromium through web-test-runner; each records its
//    measurements with `record()` from bench/record.ts. Numbers are reported, never asserted.
import { build } from 'vite';
import { minifyLiterals } from './vite-minify-literals.mjs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.includes('--sizes') ? 'sizes' : process.argv.includes('--timings') ? 'timings' : 'all';
const BUDGET = { 'signing-frame': 10, all: 45, default: 25 };

const gz = (b) => gzipSync(b, { level: 9 }).length / 1024;
const br = (b) => brotliCompressSync(b).length / 1024;

/**
 * Bundles one entry the way a page's bundler would (minified whole, lit included) and splits what
 * the page downloads before the element works (the entry and its static imports: "initial") from
 * what the element loads on demand (dynamic imports: "on demand", e.g. the network-strategy resolver
 * the signing frame needs only when 内外网自动登录 is on).
 */
async function bundle(file) {
  const res = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins: [minifyLiterals()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: file, formats: ['es'], fileName: () => 'entry.js' },
      // Whole-file minification (whitespace too), as the page's own bundler does: Vite keeps whitespace
      // in ES library output by default to preserve /*#__PURE__*/ annotations for downstream bundlers.
      rolldownOptions: { output: { minify: true, chunkFileNames: '[name]-[hash].js' } },
    },
  });
  const chunks = (Array.isArray(res) ? res[0] : res).output.filter((o) => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry);
  const initial = new Set();
  const visit = (c) => {
    if (initial.has(c.fileName)) return;
    initial.add(c.fileName);
    for (const i of c.imports) visit(byName.get(i));
  };
  visit(entry);
  const initialCode = Buffer.from([...initial].map((f) => byName.get(f).code).join('\n'));
  const lazy = chunks.filter((c) => !initial.has(c.fileName));
  const lazyCode = Buffer.from(lazy.map((c) => c.code).join('\n'));
  return { initialCode, lazyCode, lazyChunks: lazy.length };
}

async function sizes() {
  const entries = readdirSync(join(root, 'src/components'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'src/components', d.name, 'define.ts')))
    .map((d) => [d.name, join(root, 'src/components', d.name, 'define.ts')]);
  entries.push(['all', join(root, 'src/all.ts')]);
  const rows = [];
  for (const [name, file] of entries) {
    const { initialCode, lazyCode, lazyChunks } = await bundle(file);
    const budget = BUDGET[name] ?? BUDGET.default;
    rows.push({
      entry: name === 'all' ? 'all.js' : `${name}.js`,
      min: initialCode.length / 1024,
      gz: gz(initialCode),
      br: br(initialCode),
      lazyGz: lazyChunks ? gz(lazyCode) : 0,
      lazyChunks,
      budget,
    });
  }
  console.log('\nBundle sizes (each entry alone, lit included, minified; gzip -9)\n');
  console.log('| entry | initial min kB | initial gzip kB | initial brotli kB | on demand gzip kB | budget (initial gzip) | |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows)
    console.log(
      `| ${r.entry} | ${r.min.toFixed(1)} | ${r.gz.toFixed(2)} | ${r.br.toFixed(2)} | ${r.lazyChunks ? `${r.lazyGz.toFixed(2)} (${r.lazyChunks})` : '—'} | ${r.budget} kB | ${r.gz <= r.budget ? 'within' : 'OVER'} |`,
    );
  return rows;
}

function timings() {
  const file = join(root, '.tmp/bench-results.json');
  rmSync(file, { force: true });
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const r = spawnSync(
    process.execPath,
    ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.bench.config.mjs'],
    { stdio: ['ignore', 'inherit', 'inherit'], cwd: root },
  );
  if (!existsSync(file)) {
    console.error('No benchmark results were recorded.');
    return r.status === 0;
  }
  const results = JSON.parse(readFileSync(file, 'utf8'));
  console.log('\nTimings (component time in headless Chromium; median of runs unless noted)\n');
  console.log('| area | measurement | value | unit | target | note |');
  console.log('|---|---|---:|---|---|---|');
  for (const x of results)
    console.log(
      `| ${x.area} | ${x.name} | ${typeof x.value === 'number' ? +x.value.toFixed(2) : x.value} | ${x.unit ?? ''} | ${x.target ?? ''} | ${x.note ?? ''} |`,
    );
  return r.status === 0;
}

let ok = true;
if (only !== 'timings') {
  const rows = await sizes();
  writeFileSync(join(root, '.tmp/bench-sizes.json'), JSON.stringify(rows, null, 2));
}
if (only !== 'sizes') ok = timings() && ok;
process.exit(ok ? 0 : 1);
