// The root entry exports the wire schemas and the route table through src/api/root-schemas.ts (one
// alias per export) so that a page calling only `createHttpHost` keeps zod and the schemas on demand
// with esbuild's code splitting too (issue #13, sizes as consumers see them). Checked here:
// 1. the root still exports every runtime export of schemas.ts, and the route table, as the same objects;
// 2. a one-line consumer of the root's `createHttpHost`, bundled by esbuild with code splitting, from the
//    sources and from the built package, loads no zod and no schema module up front, and still loads them
//    on demand.
// `npm run size` measures the same on the built package with esbuild and Vite and fails over budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as root from '../../src/index.js';
import * as schemas from '../../src/api/schemas.js';
import * as rest from '../../src/api/rest.js';
// @ts-expect-error plain .mjs build script without type declarations
import { ensureBuild } from '../../scripts/ensure-build.mjs';

test('the root exports every runtime export of schemas.ts as the same object', () => {
  const names = Object.keys(schemas);
  assert.ok(names.length > 50, `schemas.ts exports ${names.length} values`);
  const missing = names.filter((n) => !(n in root));
  assert.deepEqual(missing, [], `add these to src/api/root-schemas.ts: ${missing.join(', ')}`);
  for (const n of names)
    assert.equal(
      (root as Record<string, unknown>)[n],
      (schemas as Record<string, unknown>)[n],
      `${n} is another object`,
    );
  assert.equal(root.restRoutes, rest.routes);
  assert.equal(root.METHOD_ROUTES, rest.METHOD_ROUTES);
  // And the schemas work through the root, as before.
  assert.equal(root.IdSchema.safeParse('').success, false);
  assert.equal(root.OrgRefSchema.safeParse({ type: 'person', id: '1' }).success, true);
});

/** Bundles `code` (a page) with esbuild's code splitting; the inputs of what loads first and of the rest. */
async function split(dir: string, code: string) {
  const entry = join(dir, 'page.js');
  writeFileSync(entry, code);
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['production'],
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outdir: join(dir, 'out'),
    logLevel: 'silent',
    absWorkingDir: dir,
  });
  const outputs = r.metafile.outputs;
  const page = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === 'page.js');
  assert.ok(page, 'the page chunk');
  // The page's chunk and every chunk it imports statically: what the browser loads first.
  const initial = new Set<string>();
  const visit = (o: string) => {
    if (initial.has(o)) return;
    initial.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(page);
  const inputsOf = (chunks: Iterable<string>) =>
    [...chunks].flatMap((o) =>
      Object.entries(outputs[o]!.inputs)
        .filter(([, v]) => v.bytesInOutput > 0)
        .map(([k]) => k),
    );
  return {
    first: inputsOf(initial),
    later: inputsOf(Object.keys(outputs).filter((o) => o.endsWith('.js') && !initial.has(o))),
  };
}

function assertHostOnly({ first, later }: { first: string[]; later: string[] }, ext: string) {
  const isZodOrSchemas = (f: string) =>
    f.includes('node_modules/zod/') || new RegExp(`/api/(schemas|rest)\\.${ext}$`).test(f);
  assert.ok(
    first.some((f) => f.endsWith(`/api/http-host.${ext}`)),
    'the host itself is loaded up front',
  );
  assert.deepEqual(first.filter(isZodOrSchemas), [], 'zod / schemas / routes in the initial download');
  assert.ok(
    later.some((f) => f.endsWith(`/api/schemas.${ext}`)),
    'the schemas come on demand',
  );
  assert.ok(
    later.some((f) => f.includes('node_modules/zod/')),
    'zod comes on demand',
  );
}

test('esbuild: `import { createHttpHost }` from the sources loads zod and the schemas on demand only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qys-root-split-'));
  try {
    const page = `import { createHttpHost } from ${JSON.stringify(resolve('src/index.ts'))};\nglobalThis.createHost = createHttpHost;\n`;
    assertHostOnly(await split(dir, page), 'ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The same through the BUILT package, resolved by name as from an app's node_modules: the library build
// must keep root-schemas.js's aliases (a bundler that turned them back into re-exports would undo it).
test("esbuild: `import { createHttpHost } from 'qys-elements'` (dist/) loads zod and the schemas on demand only", async () => {
  await ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), 'qys-root-split-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(resolve('.'), join(dir, 'node_modules/qys-elements'), 'dir');
    const page = `import { createHttpHost } from 'qys-elements';\nglobalThis.createHost = createHttpHost;\n`;
    assertHostOnly(await split(dir, page), 'js');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
