/**
 * The event map against the code: every event an element declares (QysElementEventMap, read with the
 * TypeScript checker from src/api/events.ts) is fired by that element under its literal name, every
 * QysEventMap event is declared by some element, and no `emit()` builds a name from a template.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = new URL('../..', import.meta.url).pathname;
const eventsFile = join(root, 'src/api/events.ts');
const program = ts.createProgram([eventsFile], {
  strict: true,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();
const source = program.getSourceFile(eventsFile)!;
const iface = (name: string) =>
  checker.getTypeAtLocation(
    source.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
    )!,
  );
const names = (t: ts.Type) => checker.getPropertiesOfType(t).map((p) => p.name);

const eventMap = names(iface('QysEventMap'));
const byTag = new Map(
  checker
    .getPropertiesOfType(iface('QysElementEventMap'))
    .map((p) => [p.name, names(checker.getTypeOfSymbolAtLocation(p, source))] as const),
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.includes('.messages') ? [p] : [];
  });
}
/** Code without comments (the @fires docs name every event). */
const code = (p: string) =>
  readFileSync(p, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

/**
 * An element's files plus the src/core and src/controllers modules they import (an element may drive a
 * DOM-free state machine that tells its events through a hook, e.g. the signing frame's src/core/signing/run.ts).
 */
function withDelegates(own: string[]): string[] {
  const all = new Set(own);
  for (const f of all)
    for (const m of readFileSync(f, 'utf8').matchAll(/from '(\.\.?\/[^']+)\.js'/g)) {
      const p = join(f, '..', `${m[1]}.ts`);
      if (/\/src\/(core|controllers)\//.test(p) && statSync(p, { throwIfNoEntry: false })) all.add(p);
    }
  return [...all];
}

test('the maps were read', () => {
  assert.ok(eventMap.length >= 10, eventMap.join());
  assert.ok(byTag.size >= 7, [...byTag.keys()].join());
});

test('every event an element declares is fired by it under a literal name', () => {
  const missing: string[] = [];
  for (const [tag, events] of byTag) {
    const src = withDelegates(files(join(root, 'src/components', tag.replace(/^qys-/, ''))))
      .map(code)
      .join('\n');
    for (const e of events) if (!new RegExp(`emit\\([^;]*'${e}'`).test(src)) missing.push(`${tag} ${e}`);
  }
  assert.deepEqual(missing, []);
});

test('every QysEventMap event belongs to an element, and every element event is in QysEventMap', () => {
  const declared = new Set([...byTag.values()].flat());
  assert.deepEqual(
    eventMap.filter((e) => !declared.has(e)),
    [],
  );
  assert.deepEqual(
    [...declared].filter((e) => !eventMap.includes(e)),
    [],
  );
});

test('no event name is built at run time', () => {
  const built = files(join(root, 'src'))
    .filter((p) => /\b(emit|new CustomEvent)\(\s*`/.test(code(p)))
    .map((p) => p.slice(root.length));
  assert.deepEqual(built, []);
});
