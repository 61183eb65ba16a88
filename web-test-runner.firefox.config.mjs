// The same browser tests in Firefox ESR (Debian's firefox-esr through puppeteer's WebDriver BiDi):
// `npm run test:firefox`. Set FIREFOX_PATH to use another binary.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import base from './web-test-runner.config.mjs';

const executablePath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(executablePath)) {
  console.error(
    'No Firefox found: install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.',
  );
  process.exit(1);
}

const downloadDir = mkdtempSync(join(tmpdir(), 'qys-wtr-firefox-downloads-'));

export default {
  ...base,
  // Screenshot tests compare Chromium renderings only (fonts and rendering differ by engine): left out here.
  files: [...base.files, '!test/visual/**'],
  concurrency: 1,
  plugins: [
    ...base.plugins,
    {
      name: 'qys-firefox-downloads',
      serverStop: () => rmSync(downloadDir, { recursive: true, force: true }),
    },
  ],
  browsers: [
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath,
        headless: true,
        extraPrefsFirefox: {
          // A download (the checklist's Markdown export) opened Firefox's downloads panel, which took
          // the focus from the page for good: later test files then got keydown but no activation
          // (Enter on a button, Space on a checkbox did not click). Downloads go to a throw-away folder.
          'browser.download.alwaysOpenPanel': false,
          'browser.download.panel.shown': true,
          'browser.download.folderList': 2,
          'browser.download.dir': downloadDir,
          'browser.download.useDownloadDir': true,
        },
      },
    }),
  ],
};
