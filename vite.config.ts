import { defineConfig } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyLiterals } from './scripts/vite-minify-literals.mjs';

/**
 * Library build. Entries are discovered, not listed: every `src/components/<name>/define.ts`
 * becomes `dist/define/<name>.js` (public path `qys-elements/<name>.js`), plus the root entry
 * (defines nothing) and `all.js`. Shared code (lit, api) lands in `dist/chunks/`.
 */
const root = import.meta.dirname;
const componentsDir = resolve(root, 'src/components');
const defineEntries = Object.fromEntries(
  readdirSync(componentsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(componentsDir, d.name, 'define.ts')))
    .map((d) => [`define/${d.name}`, resolve(componentsDir, d.name, 'define.ts')]),
);

export default defineConfig({
  plugins: [minifyLiterals()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        'define/all': resolve(root, 'src/all.ts'),
        ...defineEntries,
      },
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
