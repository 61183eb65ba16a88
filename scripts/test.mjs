// `npm test`: node-side tests (servers, store, simulator) with node:test, then the browser tests with
// web-test-runner in headless Chromium. Ends with one line: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome, NO_BROWSER_MESSAGE } from './find-browser.mjs';

if (!findChrome()) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

const args = process.argv.slice(2);
// Only our own result files: a benchmark may be writing elsewhere in .tmp at the same time.
mkdirSync('.tmp', { recursive: true });
rmSync('.tmp/node-results.json', { force: true });
rmSync('.tmp/browser-results.json', { force: true });

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

const nodeFiles = walk('test/node');
if (nodeFiles.length && !args.includes('--browser-only')) {
  const r = spawnSync(
    process.execPath,
    [
      '--import', 'tsx', '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-counting-reporter.mjs', '--test-reporter-destination=.tmp/node-results.json',
      ...nodeFiles,
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) ok = false;
  if (existsSync('.tmp/node-results.json')) {
    const n = JSON.parse(readFileSync('.tmp/node-results.json', 'utf8'));
    totals.passed += n.passed; totals.failed += n.failed; totals.skipped += n.skipped;
  } else {
    totals.failed += 1;
  }
}

if (!args.includes('--node-only')) {
  const wtrArgs = args.filter((a) => !a.startsWith('--browser-only'));
  const r = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...wtrArgs], { stdio: 'inherit' });
  if (r.status !== 0) ok = false;
  if (existsSync('.tmp/browser-results.json')) {
    const b = JSON.parse(readFileSync('.tmp/browser-results.json', 'utf8'));
    totals.passed += b.passed; totals.failed += b.failed + b.fileErrors; totals.skipped += b.skipped;
  } else {
    totals.failed += 1;
  }
}

if (!ok && totals.failed === 0) totals.failed = 1; // a runner failed without a failing test (crash, bad file)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
