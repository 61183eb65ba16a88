// `npm run bench`: one table of sizes and one of timings.
// 1. Sizes: scripts/size.mjs: one-line consumers of the built package bundled by esbuild and Vite
//    (minified, gzip -9, lit once) against the budgets of issue #13; over budget fails the run.
// 2. Timings: bench/**/*.bench.ts run in headless Chromium through web-test-runner; each records its
//    measurements with `record()` from bench/record.ts. Numbers are reported, never asserted.
import { measureSizes, printSizes } from './size.mjs';
import { existsSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.includes('--sizes')
  ? 'sizes'
  : process.argv.includes('--timings')
    ? 'timings'
    : 'all';
async function sizes() {
  // The consumer-side size table (scripts/size.mjs, also `npm run size`): each entry as a page's bundler ships it.
  const rows = await measureSizes();
  sizesOk = printSizes(rows);
  return rows;
}
let sizesOk = true;

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
  mkdirSync(join(root, '.tmp'), { recursive: true });
  writeFileSync(join(root, '.tmp/bench-sizes.json'), JSON.stringify(rows, null, 2));
  ok = sizesOk && ok;
}
if (only !== 'sizes') ok = timings() && ok;
process.exit(ok ? 0 : 1);
