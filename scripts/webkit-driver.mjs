// WebKit for the browser tests: Debian's webkit2gtk-driver (WebKitWebDriver, the Safari engine) driving
// MiniBrowser on a private Xvfb display. startWebKitDriver() picks a free display and a free port on
// 127.0.0.1, starts both and returns { port, display, capabilities, stop() }; stop() is also run when the
// process exits, so neither outlives the test run.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const NO_WEBKIT_MESSAGE =
  'No WebKit found: install it (Debian/Ubuntu: `sudo apt-get install -y webkit2gtk-driver xvfb`), ' +
  'or set WEBKIT_WEBDRIVER and MINIBROWSER_PATH.';

/** The MiniBrowser binary of libwebkit2gtk-4.1 (multiarch path, found through dpkg or the usual lib dirs). */
export function findMiniBrowser() {
  if (process.env.MINIBROWSER_PATH)
    return existsSync(process.env.MINIBROWSER_PATH) ? process.env.MINIBROWSER_PATH : null;
  try {
    const listed = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .find((l) => l.endsWith('/webkit2gtk-4.1/MiniBrowser'));
    if (listed && existsSync(listed)) return listed;
  } catch {
    // not a Debian system, or the package is missing: try the usual places below
  }
  let arch = '';
  try {
    arch = execFileSync('gcc', ['-print-multiarch'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    arch = `${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`;
  }
  return (
    [join('/usr/lib', arch, 'webkit2gtk-4.1/MiniBrowser'), '/usr/libexec/webkit2gtk-4.1/MiniBrowser'].find(
      (p) => existsSync(p),
    ) ?? null
  );
}

export function findWebKitWebDriver() {
  const candidates = [
    process.env.WEBKIT_WEBDRIVER,
    '/usr/bin/WebKitWebDriver',
    '/usr/local/bin/WebKitWebDriver',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function findXvfb() {
  return ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find((p) => existsSync(p)) ?? null;
}

export function webkitAvailable() {
  return Boolean(
    findMiniBrowser() && findWebKitWebDriver() && (process.env.QYS_WEBKIT_DISPLAY || findXvfb()),
  );
}

/** The WebDriver capabilities of a MiniBrowser session in automation mode. */
export function webkitCapabilities(binary = findMiniBrowser()) {
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary, args: ['--automation'] },
    // webdriverio 9 asks for WebDriver BiDi (webSocketUrl) by default; WebKitWebDriver speaks classic only.
    'wdio:enforceWebDriverClassic': true,
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

async function startXvfb(xvfb) {
  // A display is free when neither its socket nor its lock file exists; another engineer or CI job may
  // take the same one at the same moment, so a start that fails moves on to the next number.
  for (let n = 99; n < 200; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn(xvfb, [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100 && !exited(child); i++) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) return { child, display: `:${n}` };
      await sleep(50);
    }
    if (!exited(child)) child.kill('SIGKILL');
  }
  throw new Error('Could not start Xvfb on any display from :99 to :199');
}

async function waitForDriver(port, child) {
  for (let i = 0; i < 200 && !exited(child); i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`WebKitWebDriver did not answer on 127.0.0.1:${port}`);
}

/**
 * Starts Xvfb (unless QYS_WEBKIT_DISPLAY names a display to use) and WebKitWebDriver on a free port.
 * Both are stopped by stop(), and at the latest when this process exits.
 */
export async function startWebKitDriver() {
  const driverBin = findWebKitWebDriver();
  const miniBrowser = findMiniBrowser();
  const xvfbBin = findXvfb();
  if (!driverBin || !miniBrowser || (!xvfbBin && !process.env.QYS_WEBKIT_DISPLAY))
    throw new Error(NO_WEBKIT_MESSAGE);

  const children = [];
  const killAll = () => {
    for (const c of children.reverse()) if (!exited(c)) c.kill('SIGTERM');
  };
  process.once('exit', killAll);
  try {
    let display = process.env.QYS_WEBKIT_DISPLAY;
    if (!display) {
      const x = await startXvfb(xvfbBin);
      children.push(x.child);
      display = x.display;
    }
    let port;
    let driver;
    for (let attempt = 0; attempt < 5; attempt++) {
      port = await freePort();
      driver = spawn(driverBin, [`--port=${port}`, '--host=127.0.0.1'], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, DISPLAY: display, WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
      });
      children.push(driver);
      let stderr = '';
      driver.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
      try {
        await waitForDriver(port, driver);
        break;
      } catch (e) {
        if (!exited(driver)) driver.kill('SIGKILL');
        if (attempt === 4) throw new Error(`${e.message}\n${stderr}`);
      }
    }
    return {
      port,
      display,
      capabilities: webkitCapabilities(miniBrowser),
      async stop() {
        process.removeListener('exit', killAll);
        const alive = children.filter((c) => !exited(c));
        for (const c of alive.reverse()) c.kill('SIGTERM');
        await Promise.all(
          alive.map(
            (c) =>
              new Promise((resolve) => {
                if (exited(c)) return resolve();
                const t = setTimeout(() => {
                  c.kill('SIGKILL');
                  resolve();
                }, 3000);
                c.once('exit', () => {
                  clearTimeout(t);
                  resolve();
                });
              }),
          ),
        );
      },
    };
  } catch (e) {
    killAll();
    process.removeListener('exit', killAll);
    throw e;
  }
}
