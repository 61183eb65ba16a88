// `npm run bench`: one table of sizes and one of timings.
// 1. Sizes: scripts/size.mjs: one-line consumers of the built package bundled by esbuild and Vite
//    (minified, gzip -9, lit once) against the budgets of issue #13; over budget fails the run.
// 2. Timings: bench/**/*.bench.ts run in headless Chromium through web-test-runner (one file at a time, each in a
//    page of its own); each records its measurements with `record()` from bench/record.ts. Cold files (a first
//    element on a fresh page) run 5 times (`--cold-runs=N`; the comparison files 15, `--compare-runs=N`), each time
//    in a browser of its own, and report medians. Two tables: every row, then the rows with a target (issue #16),
//    judged ✓/✗. Numbers are reported, never asserted.
import { measureSizes, printSizes } from './size.mjs';
import { existsSync, readFileSync, readdirSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { detailTable, mergeRuns, targetTable } from './bench-table.mjs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { spawnSync } from 'node:child_process';
import { ensureBuild } from './ensure-build.mjs';

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

/** Runs web-test-runner once with the bench config (optionally on some files); returns its rows and status. */
function runOnce(files) {
  const file = join(root, `.tmp/bench-results.${process.pid}.json`);
  rmSync(file, { force: true });
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/@web/test-runner/dist/bin.js',
      '--config',
      'web-test-runner.bench.config.mjs',
      ...(files ? ['--files', ...files] : []),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, env: { ...process.env, QYS_BENCH_RESULTS: file } },
  );
  const rows = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  rmSync(file, { force: true });
  return { rows, ok: r.status === 0 };
}

// A cold measurement is one sample per fresh browser: each file that measures a first element on a page
// (bench/**/*.cold*.bench.ts, bench/compare.*.bench.ts) runs `coldRuns` times (`--cold-runs=N`, default 5; the
// comparison files `--compare-runs=N`, default 15), each time in a browser of its own after one warm-up page
// (bench/browser-warmup.page.ts: the browser's one-time work for its first page is not charged to the measured file),
// the files interleaved so drift of the machine touches all alike; their rows are reduced to the median. Sharing a
// browser made the numbers depend on the order: measured, the file that came first paid 10-15 ms more, and the
// one after it found lit's modules compiled by the one before (the org picker and Shoelace's sl-tree share lit).
const coldArg = process.argv.find((a) => a.startsWith('--cold-runs='));
const coldRuns = Math.max(1, coldArg ? Number(coldArg.slice('--cold-runs='.length)) || 1 : 5);
const compareArg = process.argv.find((a) => a.startsWith('--compare-runs='));
const compareRuns = Math.max(1, compareArg ? Number(compareArg.slice('--compare-runs='.length)) || 1 : 15);
const WARMUP = 'bench/browser-warmup.page.ts';

// `--files=<path or glob>` (repeatable): only these bench files (the cold ones among them repeated as above). Globs
// are picomatch's (`**`, `*`, `{a,b}`, `[...]`); a leading `!` leaves files out; paths are taken from the project's
// root (`./bench/x`, `bench\\x` and absolute paths too).
const onlyFiles = process.argv
  .filter((a) => a.startsWith('--files='))
  .map((a) => a.slice('--files='.length))
  .map((g) => {
    const neg = g.startsWith('!');
    let p = (neg ? g.slice(1) : g).replace(/\\/g, '/');
    if (isAbsolute(p)) p = relative(root, p).replace(/\\/g, '/');
    return { neg, glob: p.replace(/^\.\//, '') };
  });

/** The bench files `--files` selects (all without it); says which pattern selected nothing. */
function selectFiles() {
  const all = readdirSync(join(root, 'bench'), { recursive: true })
    .map((f) => `bench/${String(f).replace(/\\/g, '/')}`)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const pos = onlyFiles.filter((o) => !o.neg);
  const neg = onlyFiles.filter((o) => o.neg).map((o) => picomatch(o.glob));
  const keep = (f) => !neg.some((m) => m(f));
  if (!pos.length) return all.filter(keep);
  const selected = new Set();
  for (const { glob } of pos) {
    const m = picomatch(glob);
    const hits = all.filter((f) => m(f) && keep(f));
    if (!hits.length) console.warn(`--files=${glob}: no bench file (bench/**/*.bench.ts) matches it`);
    for (const f of hits) selected.add(f);
  }
  return [...selected].sort();
}

function timings() {
  const cold = /(^|\/)(compare\.[^/]*|[^/]*\.cold[^/.]*)\.bench\.ts$/;
  const compare = /(^|\/)compare\.[^/]*\.bench\.ts$/;
  const selected = selectFiles();
  const coldFiles = selected.filter((f) => cold.test(f));
  const warmFiles = selected.filter((f) => !cold.test(f));
  const runs = [];
  let ok = true;
  if (warmFiles.length) {
    // the other files: one browser, one page each
    const r = runOnce(warmFiles);
    runs.push(r.rows);
    ok = r.ok;
  }
  // The comparison files judge one element against another of the same run. Their samples spread over 12 ms (org
  // picker 17-31 ms, themed sl-tree 20-38 ms, each in a fresh browser) and their medians differ by 1-8 ms: with 9
  // samples a median moves by about 2 ms, so they run `compareRuns` times (default 15), the other cold files
  // `coldRuns`.
  const total = coldFiles.some((f) => compare.test(f)) ? Math.max(coldRuns, compareRuns) : coldRuns;
  for (let i = 0; i < total; i++) {
    const files = coldFiles.filter((f) => compare.test(f) || i < coldRuns);
    if (!files.length) continue;
    console.log(`\nCold files, run ${i + 1} of ${total}: each in a browser of its own, after a warm-up page`);
    for (const f of i % 2 ? [...files].reverse() : files) {
      const r = runOnce([WARMUP, f]);
      runs.push(r.rows);
      ok = r.ok && ok;
    }
  }
  if (!runs.some((r) => r.length)) {
    console.error('No benchmark results were recorded.');
    return false;
  }
  const results = mergeRuns(runs);
  writeFileSync(join(root, '.tmp/bench-results.json'), JSON.stringify(results, null, 2));
  console.log('\nAll measurements (headless Chromium; medians unless noted)\n');
  console.log(detailTable(results).join('\n'));
  const t = targetTable(results);
  console.log(
    "\nTargets: every row with one: issue #16's interactions (zero-latency memory host, headless Chromium; painted = " +
      'the condition held at an animation frame and that frame was presented) and earlier targets. Reported, never ' +
      'failing the run.\n',
  );
  console.log(t.lines.join('\n'));
  console.log(`\n${t.held} held, ${t.missed} missed, ${t.unjudged} not judged.`);
  return ok;
}

let ok = true;
if (only !== 'timings') {
  const rows = await sizes();
  mkdirSync(join(root, '.tmp'), { recursive: true });
  writeFileSync(join(root, '.tmp/bench-sizes.json'), JSON.stringify(rows, null, 2));
  ok = sizesOk && ok;
}
if (only !== 'sizes') {
  // Some cold files load the built files (dist/cdn) as a page gets them: build first when dist/ is stale.
  await ensureBuild();
  ok = timings() && ok;
}
process.exit(ok ? 0 : 1);
