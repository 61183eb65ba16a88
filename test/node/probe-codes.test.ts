// Every code the provider probe can answer (dev/reference-host/probe.ts, the memory host) is shown by the
// checklist in zh-CN and en, not as a raw code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checklistMessages } from '../../src/components/integration-checklist/integration-checklist.messages.js';
import en from '../../src/components/integration-checklist/integration-checklist.messages.en.js';

test('probe codes have checklist text in both languages', () => {
  const src = readFileSync('dev/reference-host/probe.ts', 'utf8');
  const literal = [...src.matchAll(/code: '(probe\.[a-zA-Z.]+)'/g)].map((m) => m[1]!);
  assert.ok(literal.length >= 3);
  const templated = ['callback', 'openserver'].flatMap((k) => [`probe.${k}.ok`, `probe.${k}.failed`]);
  const missing = [
    ...new Set([...literal, ...templated, 'reason.noProbe', 'fix.callback', 'fix.openserver']),
  ].filter((c) => !(c in checklistMessages['zh-CN'] && c in en));
  assert.deepEqual(missing, []);
});
