// `npm run bench`: one table of sizes and one of timings.
// 1. Sizes: scripts/size.mjs: one-line consumers of the built package bundled by esbuild and Vite
//    (minified, gzip -9, lit once) against the budgets of issue #13; over budget fails the run.
// 2. Timings: bench/**/*.bench.ts run in headless Chromium through web-test-runner (one file at a time, each in a
//    page of its own); each records its measurements with `record()` from bench/record.ts. Cold files (a first
//    element on a fresh page) run 5 times (`--cold-runs=N`) and report medians. Two tables: every row, then the
//    rows with a target (issue #16), judged ✓/✗. Numbers are reported, never asserted.
import { measureSizes, printSizes } from './size.mjs';
import { existsSync, readFileSync, readdirSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { detailTable, mergeRuns, targetTable } from './bench-table.mjs';
import { resolve, join } from 'node:path';
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

// A cold measurement is one sample per fresh page: the files that measure a first element on a page
// (bench/**/*.cold*.bench.ts, bench/compare.*.bench.ts) run `coldRuns` times in all (`--cold-runs=N`, default 5; the
// comparison files `--compare-runs=N`, default 9), each time in a new page of a new browser, in alternating order;
// their rows are reduced to the median.
const coldArg = process.argv.find((a) => a.startsWith('--cold-runs='));
const coldRuns = Math.max(1, coldArg ? Number(coldArg.slice('--cold-runs='.length)) || 1 : 5);
const compareArg = process.argv.find((a) => a.startsWith('--compare-runs='));
const compareRuns = Math.max(1, compareArg ? Number(compareArg.slice('--compare-runs='.length)) || 1 : 9);

// `--files=<glob>` (repeatable): only these bench files (the cold ones among them repeated as above).
const onlyFiles = process.argv.filter((a) => a.startsWith('--files=')).map((a) => a.slice('--files='.length));

function timings() {
  const first = runOnce(onlyFiles.length ? onlyFiles : undefined);
  if (!first.rows.length) {
    console.error('No benchmark results were recorded.');
    return first.ok;
  }
  const runs = [first.rows];
  let ok = first.ok;
  const cold = /(^|\/)(compare\.[^/]*|[^/]*\.cold[^/.]*)\.bench\.ts$/;
  const coldFiles = onlyFiles.length
    ? onlyFiles.filter((f) => cold.test(f))
    : readdirSync(join(root, 'bench'), { recursive: true })
        .map((f) => `bench/${String(f).replace(/\\/g, '/')}`)
        .filter((f) => cold.test(f))
        .sort();
  // The comparison files judge one element against another of the same run, whose medians differ by less than this
  // machine's run-to-run noise (±3–5 ms): they run `compareRuns` times (default 9), the other cold files `coldRuns`.
  const compare = /(^|\/)compare\.[^/]*\.bench\.ts$/;
  const total = coldFiles.some((f) => compare.test(f)) ? Math.max(coldRuns, compareRuns) : coldRuns;
  for (let i = 1; coldFiles.length && i < total; i++) {
    const files = i < coldRuns ? coldFiles : coldFiles.filter((f) => compare.test(f));
    console.log(`\nCold files, run ${i + 1} of ${total} (a fresh page each; the order alternates)`);
    // alternating order: no file always runs after the same neighbour in the same browser
    const again = runOnce(i % 2 ? [...files].reverse() : files);
    runs.push(again.rows);
    ok = again.ok && ok;
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
