// Builds the package's JavaScript (dist/: the npm build and dist/cdn) when it is missing or older than
// its sources, so tests that load the built files never run against a dist/ a previous manual build
// left behind. "Older" is decided by content: a hash of src/, package.json and the build scripts is
// kept in dist/.build-stamp; a matching stamp means nothing to do. Runs `vite build` and
// scripts/build-cdn.mjs (not the type declarations or the manifest: `npm run build` does those).
// One build at a time: concurrent callers (node tests, web-test-runner) wait on a lock directory.
//   node scripts/ensure-build.mjs          (or: import { ensureBuild } from './ensure-build.mjs')
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = resolve(import.meta.dirname, '..');
const INPUTS = [
  'src',
  'package.json',
  'vite.config.ts',
  'tsconfig.json',
  'scripts/build-cdn.mjs',
  'scripts/vite-minify-literals.mjs',
];
const STAMP = join(root, 'dist/.build-stamp');
const LOCK = join(root, '.tmp/build.lock');

function files(p) {
  const abs = join(root, p);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [p];
  return readdirSync(abs)
    .sort()
    .flatMap((f) => files(join(p, f)));
}

/** A hash of every build input's path and content. */
export function sourceHash() {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(files))
    h.update(f)
      .update('\0')
      .update(readFileSync(join(root, f)))
      .update('\0');
  return h.digest('hex');
}

const fresh = (hash) =>
  existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash && existsSync(join(root, 'dist/cdn'));

function run(args) {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed: node ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
}

/** Builds dist/ unless it is up to date with the sources; returns true when it built. */
export async function ensureBuild({ log = console.error } = {}) {
  if (fresh(sourceHash())) return false;
  mkdirSync(join(root, '.tmp'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another process is building; a lock older than 3 minutes is left over from a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (waited > 240_000) throw new Error(`waited 4 minutes for ${LOCK}; remove it if no build is running`);
      await sleep(250);
    }
  }
  try {
    const hash = sourceHash();
    if (fresh(hash)) return false;
    log('dist/ is missing or older than src/: building it (vite build, scripts/build-cdn.mjs)');
    run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
    run([join(root, 'scripts/build-cdn.mjs')]);
    writeFileSync(STAMP, hash);
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const built = await ensureBuild();
  console.log(built ? 'dist/ built' : 'dist/ is up to date');
}
