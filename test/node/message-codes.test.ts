// Every message code that can reach a user has text in zh-CN and en: the codes the shared schemas
// emit and the codes the reference host returns (422 issues, connection-test steps). A code with no
// catalogue entry would be shown raw ("org.notFound"), so it fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { commonMessages } from '../../src/internal/common.messages.js';
import { connectionMessages } from '../../src/internal/connection.messages.js';
import { bindingSettingsMessages } from '../../src/components/binding-settings/binding-settings.messages.js';
import { networkStrategyMessages } from '../../src/components/network-strategy-editor/network-strategy-editor.messages.js';
import { loadLanguage } from '../../src/internal/i18n.js';

await loadLanguage('en'); // English loads on demand

const known = (code: string) =>
  [commonMessages, connectionMessages, bindingSettingsMessages, networkStrategyMessages].some(
    (c) => code in c['zh-CN'] && code in c.en!,
  );

function codesIn(file: string, pattern: RegExp): string[] {
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1]!);
}

test('every code the shared schemas emit has zh-CN and en text', () => {
  const codes = [
    ...codesIn('src/api/schemas.ts', /error: '([a-zA-Z.]+)'/g),
    ...codesIn('src/api/schemas.ts', /message: '([a-zA-Z.]+)'/g),
  ];
  assert.ok(codes.length > 5);
  assert.deepEqual(
    [...new Set(codes)].filter((c) => !known(c)),
    [],
  );
});

test('every code the reference host returns has zh-CN and en text', () => {
  const codes = [
    ...codesIn('dev/reference-host/server.ts', /code: '([a-zA-Z.]+)'/g),
    ...codesIn('dev/reference-host/server.ts', /message: '([a-z][a-zA-Z]*\.[a-zA-Z.]+)'/g),
  ];
  assert.ok(codes.length > 5);
  assert.deepEqual(
    [...new Set(codes)].filter((c) => !known(c)),
    [],
  );
});
