// `npm run build`, step 2: the self-contained files for pages without a bundler, in dist/cdn/
// (public path `qys-elements/cdn/*`). Nothing in them is a bare import: lit, @lit/context, ky and zod
// are bundled in. Every file starts with a banner naming the version.
//   autoloader.js            defines an element when its tag first appears (imports ./<name>.js)
//   <name>.js                one element each (define + class export), sharing chunks/ with each other
//   qys-elements.js          one ES module file: the root API, every class, every tag defined
//   qys-elements.iife.js     the same for a classic <script>: global `QysElements`
// Registration is the same version-aware define() as the npm build's: loading a file twice, or this
// and the npm build of the same version, is a no-op; another version logs one error naming both.
import { build } from 'vite';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyLiterals } from './vite-minify-literals.mjs';
import { sourceHash } from './ensure-build.mjs';

const root = resolve(import.meta.dirname, '..');
const hash = sourceHash(); // of the sources this build starts from (see ensure-build.mjs)
const { version, license } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const outDir = resolve(root, 'dist/cdn');
const components = readdirSync(resolve(root, 'src/components'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(resolve(root, 'src/components', d.name, 'define.ts')))
  .map((d) => d.name)
  .sort();
const banner = (file) =>
  `/*! qys-elements ${version} | ${license} | cdn/${file} | self-contained: includes lit, @lit/context, ky and zod (their licenses: BSD-3-Clause, BSD-3-Clause, MIT, MIT) */`;

function config({ entry, formats, name, fileName, emptyOutDir, single }) {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [minifyLiterals()],
    define: { __QYS_ELEMENTS__: JSON.stringify(components) },
    // Browser code, production builds of lit (no dev-mode warnings).
    resolve: { conditions: ['browser', 'production', 'module', 'import', 'default'] },
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir,
      sourcemap: false,
      minify: true,
      lib: { entry, formats, name, fileName },
      rolldownOptions: {
        output: {
          // Whole-file minification (whitespace too): nobody minifies these files after us.
          minify: true,
          postBanner: (chunk) => banner(chunk.fileName),
          chunkFileNames: 'chunks/[name]-[hash].js',
          ...(single ? { codeSplitting: false } : {}),
        },
      },
    },
  };
}

// 1. autoloader + one file per element, sharing chunks.
await build(
  config({
    entry: {
      autoloader: resolve(root, 'src/cdn/autoloader.ts'),
      ...Object.fromEntries(components.map((c) => [c, resolve(root, 'src/components', c, 'define.ts')])),
    },
    formats: ['es'],
    fileName: (_format, entryName) => `${entryName}.js`,
    emptyOutDir: true,
  }),
);
// 2. Everything as one ES module, and 3. as one classic script.
await build(
  config({
    entry: resolve(root, 'src/cdn/qys-elements.ts'),
    formats: ['es'],
    fileName: () => 'qys-elements.js',
    emptyOutDir: false,
    single: true,
  }),
);
await build(
  config({
    entry: resolve(root, 'src/cdn/qys-elements.ts'),
    formats: ['iife'],
    name: 'QysElements',
    fileName: () => 'qys-elements.iife.js',
    emptyOutDir: false,
    single: true,
  }),
);
console.log(
  `dist/cdn: autoloader.js, ${components.length} element files, qys-elements.js, qys-elements.iife.js (${version})`,
);
// dist/ (npm build, run just before this) and dist/cdn now match the sources: tests need not rebuild.
writeFileSync(resolve(root, 'dist/.build-stamp'), hash);
