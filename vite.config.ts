import { defineConfig } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyLiterals } from './scripts/vite-minify-literals.mjs';

/**
 * Library build (npm). Entries are discovered, not listed: every `src/components/<name>/define.ts`
 * becomes `dist/components/<name>/define.js` (public path `qys-elements/<name>.js`), plus the root
 * entry `dist/index.js` (DOM-free, defines nothing), `dist/all.js`, the conformance suite
 * (`dist/conformance/index.js`, `dist/conformance/cli.js`) and, when `src/react/index.ts`
 * exists, `dist/react/index.js`. Modules are preserved: dist/ mirrors src/.
 *
 * Runtime dependencies stay bare imports (`lit`, `lit/decorators.js`, `@lit/context`, `ky`, `zod/mini`,
 * `@lit/react`, `react`), so an app that uses lit itself ships one copy and npm can deduplicate
 * versions. `scripts/check-exports.mjs` checks that package.json `dependencies` are exactly what
 * dist/ imports. The self-contained files for pages without a bundler are vite.cdn.config.ts.
 */
const root = import.meta.dirname;
const componentsDir = resolve(root, 'src/components');
const defineEntries = readdirSync(componentsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(resolve(componentsDir, d.name, 'define.ts')))
  .map((d) => resolve(componentsDir, d.name, 'define.ts'));
const reactEntry = resolve(root, 'src/react/index.ts');

/** Bare specifiers that stay imports in dist/ (the package names and any subpath of them). */
export const EXTERNAL =
  /^(lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+|ky|zod|react|react-dom)(\/.*)?$/;

export default defineConfig({
  plugins: [minifyLiterals()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    // dist/types, dist/cdn and the manifest are written by the later steps of `npm run build`.
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      entry: [
        resolve(root, 'src/index.ts'),
        resolve(root, 'src/all.ts'),
        // qys-elements/conformance and the bin's CLI (bin/qys-elements-conformance.js imports it)
        resolve(root, 'src/conformance/index.ts'),
        resolve(root, 'src/conformance/cli.ts'),
        ...defineEntries,
        ...(existsSync(reactEntry) ? [reactEntry] : []),
      ],
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id) => EXTERNAL.test(id),
      output: {
        // One file per source module (dist/ mirrors src/): `sideEffects` in package.json can then name
        // exactly the modules that register tags (components/*/define.js, all.js), and a bundler drops
        // every other module a page does not use (the root's memory host, schemas, messages, ...).
        preserveModules: true,
        preserveModulesRoot: 'src',
        // The compiler's decorator helper would land in dist/_virtual/_@oxc-project_runtime@<v>/...
        entryFileNames: (c) =>
          c.name.startsWith('_virtual/') ? `internal/${c.name.split('/').pop()}.js` : '[name].js',
      },
    },
  },
});
