#!/usr/bin/env node
/**
 * The package as real apps consume it (issue 13 item 7). Builds and packs qys-elements ONCE, then for
 * every app in test/consumers/ (React 18, React 19, Vue 3, plain HTML with cdn/, Node SSR):
 *   1. copies it to a work folder outside the repo (os tmpdir: the repo's node_modules and
 *      package-lock.json are never touched, and nothing resolves up into them),
 *   2. installs the PACKED tarball plus its own dependencies from the registry (npm install),
 *   3. type-checks it where it has types (tsc / vue-tsc), bundles it with Vite,
 *   4. checks it in headless Chromium (puppeteer-core; scripts/find-browser.mjs): value in, user change
 *      out, events, `lang` switch (and, for Node, that every entry imports and renders without a DOM).
 * Prints each result and writes .tmp/consumer-results.json `{ passed, failed, seconds, results }`.
 *
 *   node scripts/test-consumers.mjs [name…] [--reuse-pack]   (names: react18 react19 vue3 cdn node-ssr)
 * Env: QYS_CONSUMERS_DIR (work folder, default <tmpdir>/qys-elements-consumers), CHROME_PATH.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = resolve(import.meta.dirname, '..');
const consumersDir = join(root, 'test/consumers');
const work = resolve(process.env.QYS_CONSUMERS_DIR ?? join(tmpdir(), 'qys-elements-consumers'));
const ALL = ['react18', 'react19', 'vue3', 'cdn', 'node-ssr'];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = only.length ? ALL.filter((n) => only.includes(n)) : ALL;
const t0 = performance.now();
const secs = (t) => Math.round((performance.now() - t) / 100) / 10;

/** Runs a command; resolves with its output, rejects with the tail of it on a non-zero exit. */
function run(cmd, args, cwd, env = {}) {
  return new Promise((res, rej) => {
    // Without the npm_* variables of an enclosing `npm run`: they would point npm at the repo.
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(npm_|INIT_CWD$)/i.test(k)),
    );
    const child = spawn(cmd, args, { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', rej);
    child.on('close', (code) =>
      code === 0
        ? res(out)
        : rej(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${code}\n${out.slice(-3000)}`)),
    );
  });
}
const npm = (args, cwd) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd, {
    PUPPETEER_SKIP_DOWNLOAD: '1',
    npm_config_update_notifier: 'false',
  });

// ---------------------------------------------------------------------------------------------------
// 1. Build and pack once, in a copy of the sources (the shared dist/ of the repo is left alone).

async function buildAndPack() {
  const t = performance.now();
  const src = join(work, '.package');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const skip = new Set([
    'node_modules',
    'dist',
    '.git',
    '.tmp',
    'storybook-static',
    'test',
    'dev',
    'stories',
    'bench',
    'coverage',
  ]);
  for (const entry of readdirSync(root)) {
    if (skip.has(entry) || entry.endsWith('.log')) continue;
    cpSync(join(root, entry), join(src, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'), 'dir');
  await run('npm', ['run', 'build', '--silent'], src);
  const out = await npm(['pack', '--pack-destination', work, '--json'], src);
  const file = JSON.parse(out.slice(out.indexOf('[')))[0].filename;
  cpSync(join(work, file), join(work, 'qys-elements.tgz'));
  rmSync(join(work, file));
  console.log(`build + pack: ${file} (${secs(t)} s)`);
}

// ---------------------------------------------------------------------------------------------------
// 2. Install each app in its work folder.

async function install(name) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  // The app's files, fresh; its node_modules stay between runs (faster), but the package is reinstalled.
  for (const entry of readdirSync(dir))
    if (entry !== 'node_modules') rmSync(join(dir, entry), { recursive: true, force: true });
  cpSync(join(consumersDir, name), dir, { recursive: true });
  rmSync(join(dir, 'node_modules/qys-elements'), { recursive: true, force: true });
  await npm(['install', '--prefer-offline'], dir);
  return dir;
}

// ---------------------------------------------------------------------------------------------------
// 3. Serving a folder (127.0.0.1, any free port) and the browser.

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = resolve(dir, '.' + (path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((res) =>
    server.listen(0, '127.0.0.1', () => res({ server, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

let browser;
async function page() {
  if (!browser) {
    const { findChrome, CHROME_ARGS, NO_BROWSER_MESSAGE } = await import('./find-browser.mjs');
    const executablePath = findChrome();
    if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
    const { default: puppeteer } = await import('puppeteer');
    browser = await puppeteer.launch({ executablePath, args: CHROME_ARGS, headless: true });
  }
  const p = await browser.newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && p.errors.push(m.text()));
  return p;
}

// ---------------------------------------------------------------------------------------------------
// 4. The checks. Every app page has the same shape (see test/consumers/*): #bf, #ose, #osp form fields
// inside a <qys-host-provider> with a memory host, the app's model as JSON in #model, the count of
// qys-change events its framework delivered in #events, #lang (switch zh-CN/en) and #rerender.

const results = [];
function record(app, name, ok, error) {
  results.push({ app, name, ok, ...(error ? { error: String(error).slice(0, 2000) } : {}) });
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${app}: ${name}${error ? `\n       ${String(error).split('\n').slice(0, 6).join('\n       ')}` : ''}`,
  );
}
async function step(app, name, fn) {
  try {
    const r = await fn();
    record(app, name, true);
    return r ?? true;
  } catch (e) {
    record(app, name, false, e?.stack ?? e);
    return undefined;
  }
}

const model = (p) => p.$eval('#model', (e) => JSON.parse(e.textContent));
const valueOf = (p, id) => p.$eval(`#${id}`, (e) => JSON.parse(JSON.stringify(e.value)));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
async function until(p, fn, what, ...args) {
  try {
    await p.waitForFunction(fn, { timeout: 10_000, polling: 50 }, ...args);
  } catch {
    throw new Error(`timed out waiting for ${what}`);
  }
}

async function fieldChecks(app, url) {
  const p = await page();
  try {
    await p.goto(url);
    const loaded = await step(app, 'loads, all three fields upgraded', () =>
      until(
        p,
        () =>
          ['bf', 'ose', 'osp'].every((id) => document.getElementById(id)?.shadowRoot?.childElementCount) &&
          document.getElementById('model')?.textContent,
        'the fields to render',
      ),
    );
    if (!loaded) return;
    await step(app, 'value in: each field shows the value the app set', async () => {
      const m = await model(p);
      for (const id of ['bf', 'ose', 'osp'])
        if (!same(await valueOf(p, id), m[id]))
          throw new Error(
            `${id}.value ${JSON.stringify(await valueOf(p, id))} != model ${JSON.stringify(m[id])}`,
          );
      await until(
        p,
        () => document.getElementById('bf').shadowRoot.textContent.includes('劳动合同'),
        'browse-field to show 劳动合同 (resolved through the host)',
      );
    });
    const before = await model(p);
    const events0 = Number(await p.$eval('#events', (e) => e.textContent));
    await step(app, 'user change out: browse-field (pick a second template)', async () => {
      await p.click('#bf >>> [part~="browse"]');
      await until(
        p,
        () => document.getElementById('bf').shadowRoot.querySelectorAll('[part~="option"]').length > 1,
        'the dialog list',
      );
      await p.click('#bf >>> [part~="option"]:not([aria-selected="true"])');
      await p.click('#bf >>> [part~="confirm"]');
      await until(
        p,
        (n) => JSON.parse(document.getElementById('model').textContent).bf.length === n,
        'the model to get 2 IDs',
        before.bf.length + 1,
      );
      const m = await model(p);
      if (!same(m.bf, await valueOf(p, 'bf'))) throw new Error('model and el.value differ');
    });
    await step(app, 'user change out: network-strategy-editor (mode → segment)', async () => {
      await p.click('#ose >>> input[name="mode"][value="segment"]');
      await until(
        p,
        () => JSON.parse(document.getElementById('model').textContent).ose.mode === 'segment',
        'the model mode to be segment',
      );
      if (!same((await model(p)).ose, await valueOf(p, 'ose'))) throw new Error('model and el.value differ');
    });
    await step(app, 'user change out: org-scope-picker (add a unit)', async () => {
      await until(
        p,
        () => document.getElementById('osp').shadowRoot.querySelectorAll('[part~="row"]').length > 1,
        'the tree rows',
      );
      const rows = await p.$$('#osp >>> [part~="row"]');
      await rows[1].click();
      await until(
        p,
        (n) => JSON.parse(document.getElementById('model').textContent).osp.include.length !== n,
        'the model scope to change',
        before.osp.include.length,
      );
      if (!same((await model(p)).osp, await valueOf(p, 'osp'))) throw new Error('model and el.value differ');
    });
    await step(app, 'events: qys-change reached the app through its event binding (3 changes)', async () => {
      const n = Number(await p.$eval('#events', (e) => e.textContent));
      if (n - events0 !== 3) throw new Error(`expected 3 qys-change events, the app counted ${n - events0}`);
    });
    await step(app, "re-render: the app writes its model back and the user's changes stay", async () => {
      const m = await model(p);
      await p.click('#rerender');
      await until(p, () => document.getElementById('count').textContent !== '0', 'the re-render');
      await new Promise((r) => setTimeout(r, 200));
      for (const id of ['bf', 'ose', 'osp'])
        if (!same(await valueOf(p, id), m[id]))
          throw new Error(
            `${id}: el.value ${JSON.stringify(await valueOf(p, id))} after re-render, model ${JSON.stringify(m[id])}`,
          );
      if ((await valueOf(p, 'bf')).length !== before.bf.length + 1)
        throw new Error('the browse-field pick was erased');
    });
    await step(app, 'lang switch: zh-CN → en → zh-CN re-renders the texts', async () => {
      const text = () =>
        p.$eval('#bf', (e) => e.shadowRoot.querySelector('[part~="browse"]').textContent.trim());
      if ((await text()) !== '选择') throw new Error(`browse button says ${await text()}`);
      await p.click('#lang');
      await until(
        p,
        () =>
          document.getElementById('bf').shadowRoot.querySelector('[part~="browse"]').textContent.trim() ===
          'Choose…',
        'the English text',
      );
      await until(
        p,
        () =>
          !/[一-龥]/.test(
            document.getElementById('ose').shadowRoot.querySelector('[part~="modes"]')?.textContent ?? '一',
          ),
        'English mode labels in the editor',
      );
      await p.click('#lang');
      await until(
        p,
        () =>
          document.getElementById('bf').shadowRoot.querySelector('[part~="browse"]').textContent.trim() ===
          '选择',
        'the Chinese text again',
      );
    });
    await step(app, 'no page errors', () => {
      const errors = p.errors.filter((e) => !/favicon/.test(e));
      if (errors.length) throw new Error(errors.join('\n'));
    });
  } finally {
    await p.close();
  }
}

async function autoloaderChecks(app, url) {
  const p = await page();
  try {
    await p.goto(url);
    await step(app, 'autoloader: a tag present at load is defined and rendered', () =>
      until(
        p,
        () =>
          customElements.get('qys-browse-field') &&
          document.getElementById('bf').shadowRoot?.querySelector('[part~="browse"]'),
        'qys-browse-field',
      ),
    );
    await step(app, 'autoloader: a tag added later, and one in a shadow root, are defined', () =>
      until(
        p,
        () =>
          customElements.get('qys-network-strategy-editor') &&
          customElements.get('qys-integration-checklist') &&
          document.getElementById('ose').shadowRoot?.childElementCount &&
          document.getElementById('shadowbox').shadowRoot.querySelector('qys-integration-checklist')
            .shadowRoot?.childElementCount,
        'the later tags',
      ),
    );
    await step(app, 'autoloader: defines only what the page uses', async () => {
      const defined = await p.evaluate(() =>
        ['qys-org-scope-picker', 'qys-signing-frame', 'qys-binding-settings'].filter((t) =>
          customElements.get(t),
        ),
      );
      if (defined.length) throw new Error(`defined without being used: ${defined}`);
    });
    await step(app, 'autoloader: lang switch', async () => {
      await p.click('#lang');
      await until(
        p,
        () =>
          document.getElementById('bf').shadowRoot.querySelector('[part~="browse"]').textContent.trim() ===
          'Choose…',
        'the English text',
      );
    });
  } finally {
    await p.close();
  }
}

// ---------------------------------------------------------------------------------------------------

async function viteApp(name) {
  const dir = await step(name, "npm install (packed tarball + the app's dependencies)", () => install(name));
  if (!dir) return;
  await step(name, name === 'vue3' ? 'type check (vue-tsc, strict templates)' : 'type check (tsc)', () =>
    run('npm', ['run', 'typecheck', '--silent'], dir),
  );
  const built = await step(name, 'vite build', () => run('npm', ['run', 'build', '--silent'], dir));
  if (!built) return;
  const { server, url } = await serve(join(dir, 'dist'));
  try {
    await fieldChecks(name, `${url}/`);
  } finally {
    server.close();
  }
}

async function cdnApp(name) {
  const dir = await step(name, 'npm install (packed tarball)', () => install(name));
  if (!dir) return;
  const { server, url } = await serve(dir);
  try {
    await fieldChecks(`${name} esm`, `${url}/esm.html`);
    await fieldChecks(`${name} iife`, `${url}/iife.html`);
    await autoloaderChecks(`${name} autoloader`, `${url}/autoloader.html`);
  } finally {
    server.close();
  }
}

async function nodeApp(name) {
  const dir = await step(name, 'npm install (packed tarball + react for SSR)', () => install(name));
  if (!dir) return;
  // check.mjs prints one JSON line with its results, and exits 1 when one failed.
  const out = await new Promise((res) => {
    const child = spawn(process.execPath, ['check.mjs'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('close', () => res(text));
  });
  const line = out.split('\n').find((l) => l.startsWith('{"passed"'));
  if (!line) return record(name, 'check.mjs', false, out);
  for (const r of JSON.parse(line).results) record(name, r.name, r.ok, r.error);
}

const RUNNERS = { react18: viteApp, react19: viteApp, vue3: viteApp, cdn: cdnApp, 'node-ssr': nodeApp };

async function main() {
  mkdirSync(work, { recursive: true });
  mkdirSync(join(root, '.tmp'), { recursive: true });
  console.log(`consumers: ${names.join(', ')} (work folder ${work})`);
  // --reuse-pack: test the tarball of the previous run again (while working on the apps).
  const reuse = process.argv.includes('--reuse-pack') && existsSync(join(work, 'qys-elements.tgz'));
  const built = reuse || (await step('package', 'npm run build + npm pack', buildAndPack));
  if (built) {
    for (const name of names) {
      const t = performance.now();
      await RUNNERS[name](name);
      console.log(`  ${name}: ${secs(t)} s`);
    }
  }
  await browser?.close();
  const failed = results.filter((r) => !r.ok).length;
  const summary = { passed: results.length - failed, failed, seconds: secs(t0), results };
  writeFileSync(join(root, '.tmp/consumer-results.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(`consumers: ${summary.passed} passed, ${failed} failed (${summary.seconds} s)`);
  process.exitCode = failed ? 1 : 0;
}

await main();
