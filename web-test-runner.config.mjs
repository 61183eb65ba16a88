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
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';

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
  // The longest file takes well under a minute; a page that hangs (it happened once in CI) fails its file after 4 minutes
  // instead of 10, and scripts/test.mjs runs a failed file once more.
  testsFinishTimeout: 240_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 10_000 } },
  // Before each test file: failed assertions name a DOM node instead of carrying it (test/setup/assertion-errors.ts).
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html>
  <body>
    <script type="module" src="/test/setup/assertion-errors.ts"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    devServersPlugin(),
    ensureBuildPlugin(),
    // Screenshot tests (test/visual, Chromium only): baselines committed in test/visual/screenshots; a run with
    // --update-visual-baseline (`npm run test:visual -- --update-visual-baseline`) rewrites them. Tolerance: a
    // pixel differs past pixelmatch's 0.1 colour threshold, and an image fails past 0.05 % differing pixels.
    visualRegressionPlugin({
      baseDir: 'test/visual/screenshots',
      update: process.argv.includes('--update-visual-baseline'),
      diffOptions: { threshold: 0.1 },
      failureThreshold: 0.05,
      failureThresholdType: 'percent',
      getFailedName: ({ browser, name }) => join('..', '..', '..', '.tmp', 'visual', browser, 'failed', name),
      getDiffName: ({ browser, name }) => join('..', '..', '..', '.tmp', 'visual', browser, 'diff', name),
    }),
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
