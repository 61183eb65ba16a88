// `npm test`: node-side tests (servers, store, simulator) with node:test, then the browser tests with
// web-test-runner in Chromium, Firefox and WebKit (one engine after the other), then the consumer apps
// (scripts/test-consumers.mjs, when present). Prints each part's count and time, and ends with one
// line for all of them: `tests: N passed, N failed`.
//
//   npm test                              everything
//   npm test -- --engine webkit           the browser tests in one engine (repeat, or chromium,firefox)
//   npm test -- --node-only | --browser-only | --no-consumers
//   npm test -- --engine firefox --files 'test/core/**/*.test.ts'   (other flags go to web-test-runner)
//
// WebKit runs through WebKitWebDriver on a private Xvfb display (scripts/webkit-driver.mjs): both are
// started here, on a free display and a free port, and stopped at the end, also on failure or Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome, NO_BROWSER_MESSAGE } from './find-browser.mjs';
import { startWebKitDriver, webkitAvailable, NO_WEBKIT_MESSAGE } from './webkit-driver.mjs';

const ENGINES = {
  chromium: {
    label: 'Chromium',
    config: 'web-test-runner.config.mjs',
    available: () => Boolean(findChrome()),
    missing: NO_BROWSER_MESSAGE,
  },
  firefox: {
    label: 'Firefox',
    config: 'web-test-runner.firefox.config.mjs',
    available: () => existsSync(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'),
    missing:
      'No Firefox found: install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.',
  },
  webkit: {
    label: 'WebKit',
    config: 'web-test-runner.webkit.config.mjs',
    available: webkitAvailable,
    missing: NO_WEBKIT_MESSAGE,
  },
};

// ---- arguments -------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const own = new Set(['--node-only', '--browser-only', '--no-consumers']);
const engines = [];
const wtrArgs = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--engine' || a.startsWith('--engine=')) {
    const value = a === '--engine' ? argv[++i] : a.slice('--engine='.length);
    for (const name of String(value ?? '')
      .split(',')
      .filter(Boolean)) {
      const key = name.toLowerCase();
      if (!ENGINES[key]) {
        console.error(`Unknown engine "${name}": use ${Object.keys(ENGINES).join(', ')}.`);
        process.exit(2);
      }
      if (!engines.includes(key)) engines.push(key);
    }
  } else if (!own.has(a)) {
    wtrArgs.push(a);
  }
}
const nodeOnly = argv.includes('--node-only');
const browserOnly = argv.includes('--browser-only');
const chosenEngines = engines.length ? engines : Object.keys(ENGINES);
// A run narrowed to some engines or files is not the whole suite: the consumer apps are left out.
const runConsumers =
  !nodeOnly && !browserOnly && !argv.includes('--no-consumers') && !engines.length && !wtrArgs.length;

// Only our own result files: a benchmark may be writing elsewhere in .tmp at the same time.
mkdirSync('.tmp', { recursive: true });

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}

// ---- child processes, stopped on Ctrl-C / SIGTERM ----------------------------------------------------
const running = new Set();
const cleanups = [];
let stopping = false;
async function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const c of running) c.kill('SIGTERM');
  for (const fn of cleanups.splice(0)) await fn().catch(() => {});
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
process.on('SIGINT', () => void stopAll('SIGINT'));
process.on('SIGTERM', () => void stopAll('SIGTERM'));

function run(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    running.add(child);
    child.on('error', (e) => {
      console.error(e);
      running.delete(child);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const seconds = (t0) => Math.round((performance.now() - t0) / 100) / 10;

// ---- the parts -----------------------------------------------------------------------------------------
const parts = []; // { name, passed, failed, skipped, seconds, note? }

async function nodeTests() {
  const files = walk('test/node');
  if (!files.length) return;
  const t0 = performance.now();
  const out = '.tmp/node-results.json';
  rmSync(out, { force: true });
  const code = await run([
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-counting-reporter.mjs',
    `--test-reporter-destination=${out}`,
    ...files,
  ]);
  const n = readJson(out);
  const part = {
    name: 'node',
    passed: n?.passed ?? 0,
    failed: n?.failed ?? 0,
    skipped: n?.skipped ?? 0,
    failures: n?.failures ?? [],
  };
  if (!n) part.note = 'no results (the runner did not finish)';
  if ((code !== 0 || !n) && part.failed === 0) part.failed = 1; // a runner failed without a failing test
  parts.push({ ...part, seconds: seconds(t0) });
}

async function browserTests(engine) {
  const e = ENGINES[engine];
  const t0 = performance.now();
  if (!e.available()) {
    console.error(`\n${e.label}: ${e.missing}`);
    parts.push({ name: e.label, passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'not installed' });
    return;
  }
  console.log(`\n=== browser tests: ${e.label} ===`);
  const out = '.tmp/browser-results.json'; // written by scripts/wtr-counting-reporter.mjs
  rmSync(out, { force: true });
  const env = {};
  let driver;
  if (engine === 'webkit') {
    try {
      driver = await startWebKitDriver();
    } catch (err) {
      console.error(`WebKit: ${err.message}`);
      parts.push({ name: e.label, passed: 0, failed: 1, skipped: 0, seconds: seconds(t0), note: 'driver' });
      return;
    }
    cleanups.push(driver.stop);
    env.QYS_WEBKIT_WEBDRIVER_PORT = String(driver.port);
    console.log(`WebKitWebDriver on 127.0.0.1:${driver.port}, Xvfb display ${driver.display}`);
  }
  const wtr = (args) =>
    run(['node_modules/@web/test-runner/dist/bin.js', '--config', e.config, ...args], env);
  let code;
  let b;
  const retried = [];
  try {
    code = await wtr(wtrArgs);
    b = readJson(out);
    // A file that failed is run once more, alone, in a fresh browser; its second result is the one counted, and the
    // summary names it (a file that fails twice fails the run). Only a few files: many failures are not flakiness.
    const failedFiles = Object.entries(b?.files ?? {})
      .filter(([, f]) => f.failed > 0 || f.fileError)
      .map(([name]) => name);
    if (b && failedFiles.length > 0 && failedFiles.length <= 3) {
      // The same arguments without the run's own file selection (`--files x` or `--files=x`).
      const rest = wtrArgs.filter(
        (a, i) => a !== '--files' && !a.startsWith('--files=') && wtrArgs[i - 1] !== '--files',
      );
      for (const file of failedFiles) {
        const first = b.files[file];
        console.log(`\n=== ${e.label}: ${file} failed — running it once more ===`);
        rmSync(out, { force: true });
        const code2 = await wtr([...rest, '--files', file]);
        const second = readJson(out)?.files?.[file];
        if (!second) continue;
        b.passed += second.passed - first.passed;
        b.failed += second.failed - first.failed;
        b.skipped += second.skipped - first.skipped;
        b.fileErrors += (second.fileError ? 1 : 0) - (first.fileError ? 1 : 0);
        b.files[file] = second;
        const ok = code2 === 0 && second.failed === 0 && !second.fileError;
        retried.push({ file, first, ok });
      }
      const stillFailing = Object.values(b.files).some((f) => f.failed > 0 || f.fileError);
      if (!stillFailing) code = 0;
    }
  } finally {
    if (driver) {
      cleanups.splice(cleanups.indexOf(driver.stop), 1);
      await driver.stop();
    }
  }
  const part = {
    name: e.label,
    passed: b?.passed ?? 0,
    failed: (b?.failed ?? 0) + (b?.fileErrors ?? 0),
    skipped: b?.skipped ?? 0,
    failures: Object.entries(b?.files ?? {}).flatMap(([file, f]) => [
      ...(f.fileError ? [`${file}: ${f.fileError}`] : []),
      ...f.failures.map((t) => `${file}: ${t}`),
    ]),
    retried,
  };
  if (!b) part.note = 'no results (the runner did not finish)';
  if ((code !== 0 || !b) && part.failed === 0) part.failed = 1;
  parts.push({ ...part, seconds: seconds(t0) });
}

async function consumerTests() {
  if (!existsSync('scripts/test-consumers.mjs')) return;
  console.log('\n=== consumer apps (scripts/test-consumers.mjs) ===');
  const t0 = performance.now();
  const out = '.tmp/consumer-results.json';
  rmSync(out, { force: true });
  const code = await run(['scripts/test-consumers.mjs']);
  const c = readJson(out);
  const part = { name: 'consumer apps', passed: c?.passed ?? 0, failed: c?.failed ?? 0, skipped: 0 };
  if (!c) part.note = 'no results (the runner did not finish)';
  if ((code !== 0 || !c) && part.failed === 0) part.failed = 1;
  parts.push({ ...part, seconds: seconds(t0) });
}

const t0 = performance.now();
if (!browserOnly) await nodeTests();
if (!nodeOnly) for (const engine of chosenEngines) await browserTests(engine);
if (runConsumers) await consumerTests();

// ---- summary ---------------------------------------------------------------------------------------------
const totals = { passed: 0, failed: 0, skipped: 0 };
console.log('');
for (const p of parts) {
  totals.passed += p.passed;
  totals.failed += p.failed;
  totals.skipped += p.skipped;
  const skipped = p.skipped ? `, ${p.skipped} skipped` : '';
  const note = p.note ? ` — ${p.note}` : '';
  console.log(`${p.name}: ${p.passed} passed, ${p.failed} failed${skipped} (${p.seconds} s)${note}`);
}
for (const p of parts) {
  for (const r of p.retried ?? []) {
    const why = r.first.fileError ?? r.first.failures.join('; ');
    console.log(
      `${p.name}: ${r.file} failed on the first run (${why}); on its second run it ${r.ok ? 'passed' : 'failed again'}`,
    );
  }
  for (const f of p.failures ?? []) console.log(`FAILED ${p.name}: ${f}`);
}
if (!parts.length) totals.failed = 1;
if (totals.skipped) console.log(`skipped: ${totals.skipped}`);
console.log(`time: ${seconds(t0)} s`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
