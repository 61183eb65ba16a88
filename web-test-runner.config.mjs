import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { findChrome, NO_BROWSER_MESSAGE, CHROME_ARGS } from './scripts/find-browser.mjs';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { devServersPlugin } from './scripts/wtr-dev-servers.mjs';
import { ensureBuildPlugin } from './scripts/wtr-ensure-build.mjs';

const executablePath = findChrome();
// The Firefox and WebKit configs start from this one and replace its browsers: they need no Chromium.
const asBase = process.argv.some((a) => /web-test-runner\.(firefox|webkit)\.config\.mjs/.test(a));
if (!executablePath && !asBase) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

// A throw-away Chromium profile, removed when the run ends (each run used to leave one behind in /tmp).
const profileDir = executablePath && !asBase ? mkdtempSync(join(tmpdir(), 'qys-wtr-chrome-')) : undefined;
const removeProfile = () => profileDir && rmSync(profileDir, { recursive: true, force: true });
process.once('exit', removeProfile);

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // One test file at a time, as in Firefox and WebKit: with two pages at once, real input in one (a click
  // into the signing frame, Tab, Enter) and focus were taken by the other, and the signing-frame, e2e and
  // never-throws files failed by timeout in a whole run (12 of 707 in one run, 0 alone); 88 s instead of 61 s.
  concurrency: 1,
  testsFinishTimeout: 600_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    devServersPlugin(),
    ensureBuildPlugin(),
  ],
  browsers: profileDir
    ? [
        chromeLauncher({
          launchOptions: {
            executablePath,
            args: [...CHROME_ARGS, `--user-data-dir=${profileDir}`],
          },
        }),
      ]
    : [],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countingReporter('.tmp/browser-results.json'),
  ],
};
