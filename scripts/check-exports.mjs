// After `npm run build`:
// - every entry in package.json "exports" resolves to a built file (and its types), every element
//   folder with a define.ts has a built define entry, and src/version.ts matches package.json;
// - the npm build (dist/ but dist/cdn) imports its runtime dependencies as bare specifiers, and
//   package.json `dependencies` (plus optional `peerDependencies`) are exactly the packages it imports:
//   nothing bundled in, nothing imported that the package does not declare, nothing declared unused;
// - the cdn files (dist/cdn) are self-contained: no bare import at all, and each names the version.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.js') ? [p] : [];
  });
}

/**
 * Module specifiers a built file imports: static imports and re-exports (`import x from 'y'`,
 * `import 'y'`, `export * from 'y'`) and dynamic `import('y')` with a string literal. Comments and
 * strings of the minified output could fake one; these files have none that look like imports.
 */
export function importsOf(code) {
  const specs = new Set();
  const re =
    /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]|\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g;
  for (const m of code.matchAll(re)) specs.add(m[1] ?? m[2]);
  return [...specs];
}
const isBare = (s) => !/^(\.{0,2}\/|[a-z]+:)/.test(s);
const packageOf = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);

export function checkPackage() {
  // --js-only: the JavaScript alone (scripts/ensure-build.mjs builds no type declarations).
  const jsOnly = process.argv.includes('--js-only');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const problems = [];

  const version = /VERSION = '([^']+)'/.exec(readFileSync('src/version.ts', 'utf8'))?.[1];
  if (version !== pkg.version) problems.push(`src/version.ts says ${version}, package.json ${pkg.version}`);

  const components = readdirSync('src/components', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`src/components/${d.name}/define.ts`))
    .map((d) => d.name);
  const hasReact = existsSync('src/react/index.ts');

  function targets(entry) {
    return typeof entry === 'string' ? [entry] : Object.values(entry).flatMap(targets);
  }

  for (const [key, entry] of Object.entries(pkg.exports)) {
    if (key === './react' && !hasReact) continue; // src/react/index.ts is not written yet
    const names =
      key === './cdn/*'
        ? ['autoloader.js', 'qys-elements.js', 'qys-elements.iife.js']
        : key.includes('*')
          ? components
          : [null];
    for (const name of names) {
      for (const t of targets(entry)) {
        if (jsOnly && t.endsWith('.d.ts')) continue;
        const file = name ? t.replaceAll('*', name) : t;
        if (!existsSync(file))
          problems.push(`exports["${key}"]${name ? ` (${name})` : ''} -> ${file} is missing`);
      }
    }
  }
  for (const name of components) {
    if (!existsSync(`dist/components/${name}/define.js`))
      problems.push(`no dist/components/${name}/define.js for src/components/${name}`);
    if (!existsSync(`dist/cdn/${name}.js`))
      problems.push(`no dist/cdn/${name}.js for src/components/${name}`);
  }

  // npm build: bare imports only of declared packages, and every runtime dependency used.
  const npmFiles = walk('dist').filter((f) => !f.startsWith(join('dist', 'cdn')));
  const imported = new Map(); // package -> first file importing it
  for (const f of npmFiles) {
    for (const s of importsOf(readFileSync(f, 'utf8'))) {
      if (!isBare(s)) continue;
      if (s.startsWith('node:')) problems.push(`${f} imports ${s}: the package runs in browsers`);
      const p = packageOf(s);
      if (!imported.has(p)) imported.set(p, f);
    }
  }
  const deps = Object.keys(pkg.dependencies ?? {});
  const peers = Object.keys(pkg.peerDependencies ?? {});
  for (const [p, f] of imported) {
    if (!deps.includes(p) && !peers.includes(p))
      problems.push(`${f} imports "${p}", which is not in package.json dependencies or peerDependencies`);
  }
  for (const p of deps) {
    if (imported.has(p)) continue;
    // @lit/react is for the React wrappers (src/react), which may not be built yet.
    if (p === '@lit/react' && !hasReact) continue;
    problems.push(`package.json dependencies list "${p}", but nothing in dist/ imports it`);
  }
  // Bundled-in copies of a dependency (a sign the externals broke): lit's and ky's own code.
  for (const f of npmFiles) {
    const code = readFileSync(f, 'utf8');
    if (/\blitElementVersions\b|\breactiveElementVersions\b|\blitHtmlVersions\b/.test(code))
      problems.push(`${f} contains lit itself (bundled, not imported)`);
  }

  // cdn: self-contained, versioned.
  const cdnFiles = walk(join('dist', 'cdn'));
  if (!cdnFiles.length) problems.push('dist/cdn is empty (scripts/build-cdn.mjs did not run)');
  for (const f of cdnFiles) {
    const code = readFileSync(f, 'utf8');
    for (const s of importsOf(code))
      if (isBare(s)) problems.push(`${f} imports "${s}": cdn files must be self-contained`);
    if (!code.startsWith(`/*! qys-elements ${pkg.version} `))
      problems.push(`${f} does not start with the version banner`);
  }

  if (problems.length) {
    console.error('Package check failed:\n  ' + problems.join('\n  '));
    return false;
  }
  console.log(
    `exports ok: root, all.js, ${components.length} element entries (${components.join(', ')})${hasReact ? ', react' : ''}, cdn/ (${cdnFiles.length} files, self-contained)\n` +
      `dependencies ok: dist/ imports exactly ${[...imported.keys()].sort().join(', ')}`,
  );
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  if (!checkPackage()) process.exit(1);
}
