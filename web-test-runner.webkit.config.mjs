// The same browser tests in WebKit (the Safari engine): Debian's webkit2gtk-driver drives MiniBrowser on a
// private Xvfb display (scripts/webkit-driver.mjs). `npm run test:webkit`, or `npm test -- --engine webkit`.
// scripts/test.mjs starts Xvfb and WebKitWebDriver itself and passes the port in QYS_WEBKIT_WEBDRIVER_PORT;
// run directly (`npx wtr --config web-test-runner.webkit.config.mjs`), this config starts and stops them.
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import base from './web-test-runner.config.mjs';
import {
  startWebKitDriver,
  webkitCapabilities,
  webkitAvailable,
  NO_WEBKIT_MESSAGE,
} from './scripts/webkit-driver.mjs';
import { webdriverKeysPlugin } from './scripts/wtr-webdriver-keys.mjs';

if (!webkitAvailable()) {
  console.error(NO_WEBKIT_MESSAGE);
  process.exit(1);
}

let port = Number(process.env.QYS_WEBKIT_WEBDRIVER_PORT) || 0;
let driver;
if (!port) {
  driver = await startWebKitDriver();
  port = driver.port;
}

/** The WebDriver launcher, named after the engine rather than its browserName (MiniBrowser). */
class WebKitLauncher extends WebdriverLauncher {
  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
  }
}

export default {
  ...base,
  // Screenshot tests compare Chromium renderings only (fonts and rendering differ by engine): left out here.
  files: [...base.files, '!test/visual/**'],
  // One test file at a time, as the top-level page: WebDriver actions (real key presses) need it, and
  // the files do not share a page.
  concurrency: 1,
  browserStartTimeout: 120_000,
  plugins: [
    ...base.plugins,
    webdriverKeysPlugin(),
    {
      name: 'qys-webkit-driver',
      async serverStop() {
        await driver?.stop();
      },
    },
  ],
  browsers: [
    new WebKitLauncher({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: webkitCapabilities(),
    }),
  ],
};
