// Benchmarks (`npm run bench`): bench/**/*.bench.ts in headless Chromium, one file at a time so the
// numbers are not disturbed by a neighbour. Each file calls `record()` (bench/record.ts).
import base from './web-test-runner.config.mjs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome, CHROME_ARGS } from './scripts/find-browser.mjs';

// Where the rows go: QYS_BENCH_RESULTS (scripts/bench.mjs gives each run its own file, so two benches in one
// working tree do not mix their rows), else .tmp/bench-results.json.
const RESULTS = process.env.QYS_BENCH_RESULTS || '.tmp/bench-results.json';
const results = [];
function benchRecordPlugin() {
  return {
    name: 'qys-bench-record',
    executeCommand({ command, payload }) {
      if (command !== 'bench-record') return undefined;
      results.push(...(Array.isArray(payload) ? payload : [payload]));
      mkdirSync(dirname(RESULTS), { recursive: true });
      writeFileSync(RESULTS, JSON.stringify(results, null, 2));
      return true;
    },
  };
}

// The test browser with its flags (CHROME_ARGS: no background throttling of timers, renderer or occluded
// windows), plus exact heap figures: `performance.memory` is precise, and `gc()` exists so a heap row can collect
// first. Each test file still gets a fresh page of its own.
const executablePath = findChrome();
const profileDir = executablePath ? mkdtempSync(join(tmpdir(), 'qys-bench-chrome-')) : undefined;
process.once('exit', () => profileDir && rmSync(profileDir, { recursive: true, force: true }));
const browsers = executablePath
  ? [
      chromeLauncher({
        launchOptions: {
          executablePath,
          args: [
            ...CHROME_ARGS,
            '--enable-precise-memory-info',
            '--js-flags=--expose-gc',
            `--user-data-dir=${profileDir}`,
          ],
        },
      }),
    ]
  : base.browsers;

// The built files a page gets (dist/cdn/**: bench files that measure the element as built, e.g. the signing frame
// opened at mount) are answered as a static server or a CDN does, straight from disk: the dev server's plugins
// (es-module-lexer, import rewriting) took 23–25 ms for each file's first request, a cost no page has.
const BUILT = resolve(import.meta.dirname, 'dist/cdn') + sep;
function serveBuiltStatically() {
  return async (ctx, next) => {
    const file = resolve(import.meta.dirname, `.${decodeURIComponent(ctx.path)}`);
    if (!file.startsWith(BUILT) || !file.endsWith('.js')) return next();
    try {
      if (!statSync(file).isFile()) return next();
    } catch {
      return next();
    }
    ctx.type = 'text/javascript';
    ctx.set('cache-control', 'no-cache');
    ctx.body = readFileSync(file);
  };
}

export default {
  ...base,
  files: ['bench/**/*.bench.ts'],
  concurrency: 1,
  testFramework: { config: { timeout: 600_000 } },
  plugins: [...base.plugins, benchRecordPlugin()],
  middleware: [...(base.middleware ?? []), serveBuiltStatically()],
  browsers,
  reporters: base.reporters.slice(0, 1),
};
