// The same browser tests in Firefox ESR (Debian's firefox-esr through puppeteer's WebDriver BiDi):
// `npm run test:firefox`. Set FIREFOX_PATH to use another binary.
import { existsSync } from 'node:fs';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import base from './web-test-runner.config.mjs';

const executablePath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(executablePath)) {
  console.error(
    'No Firefox found: install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH.',
  );
  process.exit(1);
}

export default {
  ...base,
  concurrency: 1,
  browsers: [puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath, headless: true } })],
};
