// After `npm run build`: every entry in package.json "exports" resolves to a built file (and its
// types), every element folder with a define.ts has a built define entry, and src/version.ts
// matches package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];

const version = /VERSION = '([^']+)'/.exec(readFileSync('src/version.ts', 'utf8'))?.[1];
if (version !== pkg.version) problems.push(`src/version.ts says ${version}, package.json ${pkg.version}`);

const components = readdirSync('src/components', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/components/${d.name}/define.ts`))
  .map((d) => d.name);

function targets(entry) {
  return typeof entry === 'string' ? [entry] : Object.values(entry).flatMap(targets);
}

for (const [key, entry] of Object.entries(pkg.exports)) {
  const names = key.includes('*') ? components : [null];
  for (const name of names) {
    for (const t of targets(entry)) {
      const file = name ? t.replaceAll('*', name) : t;
      if (!existsSync(file)) problems.push(`exports["${key}"]${name ? ` (${name})` : ''} -> ${file} is missing`);
    }
  }
}
for (const name of components) {
  if (!existsSync(`dist/define/${name}.js`)) problems.push(`no dist/define/${name}.js for src/components/${name}`);
}
if (problems.length) {
  console.error('Package exports check failed:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log(`exports ok: root, all.js and ${components.length} element entries (${components.join(', ')})`);
