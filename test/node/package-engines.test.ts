// `engines` tells the truth: every runtime dependency of the package (the whole installed tree under
// `dependencies`) accepts every Node version package.json's `engines.node` admits, so installing on
// any of them (Node 20 here) prints no EBADENGINE warning from them. (ky@2 wanted Node >= 22 while
// we said >= 20: this fails for such a dependency.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

interface Pkg {
  name: string;
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const root = resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Pkg;
const pkg = read(join(root, 'package.json'));

const version = (v: string) =>
  v.replace(/^v/, '').split('.').map(Number).concat(0, 0).slice(0, 3) as [number, number, number];
const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

/** Does Node `v` satisfy `range`? Understands what engines fields use: `>=a.b.c`, `<a`, `^a`, `a.x`, `||`, spaces (and). */
export function satisfies(v: string, range: string): boolean {
  const have = version(v);
  return range.split('||').some((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((c) => {
        const m = /^(>=|<=|>|<|\^|~|=)?v?(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(c);
        if (!m) throw new Error(`engines range "${range}" not understood: check it by hand`);
        const want = version(
          [m[2], m[3] === 'x' ? '0' : m[3], m[4] === 'x' ? '0' : m[4]].filter(Boolean).join('.'),
        );
        const d = cmp(have, want);
        switch (m[1]) {
          case '>=':
            return d >= 0;
          case '>':
            return d > 0;
          case '<=':
            return d <= 0;
          case '<':
            return d < 0;
          case '^':
            return d >= 0 && have[0] === want[0];
          case '~':
            return d >= 0 && have[0] === want[0] && have[1] === want[1];
          default:
            return m[3] === undefined || m[3] === 'x' ? have[0] === want[0] : d === 0;
        }
      }),
  );
}

/** The installed package `name` as Node resolves it from `from` (a package directory). */
function locate(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const p = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(p)) return p;
    if (dirname(dir) === dir) return undefined;
  }
}

function runtimeTree(): Pkg[] {
  const seen = new Map<string, Pkg>();
  const visit = (deps: Record<string, string> | undefined, from: string) => {
    for (const name of Object.keys(deps ?? {})) {
      const file = locate(name, from);
      assert.ok(file, `${name} (a runtime dependency) is installed`);
      if (seen.has(file)) continue;
      const p = read(file);
      seen.set(file, p);
      visit(p.dependencies, dirname(file));
    }
  };
  visit(pkg.dependencies, root);
  return [...seen.values()];
}

test('satisfies() reads engines ranges', () => {
  assert.equal(satisfies('20.0.0', '>=18'), true);
  assert.equal(satisfies('20.19.0', '>=22'), false);
  assert.equal(satisfies('20.5.1', '^20.0.0 || >=22'), true);
  assert.equal(satisfies('21.0.0', '^20.0.0 || >=22'), false);
  assert.equal(satisfies('20.0.0', '>=20.19.0'), false);
  assert.equal(satisfies('20.3.0', '20.x'), true);
  assert.equal(satisfies('22.1.0', '>=18 <22'), false);
});

test('our engines.node admits the Node running the tests', () => {
  assert.ok(pkg.engines?.node, 'package.json has engines.node');
  assert.ok(satisfies(process.version, pkg.engines.node), `${process.version} is in ${pkg.engines.node}`);
});

test('every runtime dependency accepts the oldest Node our engines admit, and this one', () => {
  const oldest = /^>=\s*v?(\d+(?:\.\d+){0,2})$/.exec(pkg.engines!.node!.trim())?.[1];
  assert.ok(oldest, `engines.node is a ">=" range (${pkg.engines!.node})`);
  const tree = runtimeTree();
  assert.ok(tree.some((p) => p.name === 'lit') && tree.some((p) => p.name === 'ky'), 'the tree was read');
  const refused = tree
    .filter((p) => p.engines?.node)
    .filter((p) => !satisfies(oldest, p.engines!.node!) || !satisfies(process.version, p.engines!.node!))
    .map((p) => `${p.name}@${p.version} wants node ${p.engines!.node}`);
  assert.deepEqual(refused, []);
});

test('react is an optional peer (the React wrappers), never a dependency', () => {
  assert.equal(pkg.dependencies?.react, undefined);
  assert.ok(pkg.peerDependencies?.react);
  assert.equal(pkg.peerDependenciesMeta?.react?.optional, true);
});
