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

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 2,
  testsFinishTimeout: 600_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    devServersPlugin(),
    ensureBuildPlugin(),
  ],
  browsers: executablePath
    ? [
        chromeLauncher({
          launchOptions: {
            executablePath,
            args: [...CHROME_ARGS, `--user-data-dir=/tmp/qys-wtr-chrome-${process.pid}`],
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
