/**
 * The layer rules of eslint.config.js (DESIGN.md "Layers") refuse what they should and let through what
 * the layers allow: each probe is linted as if it were a file at that path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const cwd = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd });
/** Probe files do not exist, so the type-aware rules (which need them in the TS project) are off for them. */
const probes = new ESLint({ cwd, overrideConfig: tseslint.configs.disableTypeChecked });

async function restricted(path: string, code: string): Promise<boolean> {
  const [result] = await probes.lintText(code, {
    filePath: new URL(`../../${path}`, import.meta.url).pathname,
  });
  // a probe that does not parse would pass every "allowed" case: none may
  assert.deepEqual(
    result!.messages.filter((m) => m.fatal),
    [],
  );
  return result!.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
}

const cases: Array<[path: string, code: string, refused: boolean]> = [
  // src/core: wire types from src/api only, nothing DOM / element
  ['src/core/probe.ts', "import { refKey } from '../api/schemas.js';\nexport { refKey };", false],
  ['src/core/x/probe.ts', "import { QysError } from '../../api/errors.js';\nexport { QysError };", false],
  [
    'src/core/x/probe.ts',
    "import type { QysEventMap } from '../../api/events.js';\nexport type { QysEventMap };",
    false,
  ],
  [
    'src/core/x/probe.ts',
    "import { createHttpHost } from '../../api/http-host.js';\nexport { createHttpHost };",
    true,
  ],
  [
    'src/core/x/probe.ts',
    "import { createMemoryHost } from '../../api/memory-host/index.js';\nexport { createMemoryHost };",
    true,
  ],
  ['src/core/x/probe.ts', "import * as e from '../../api/events.js';\nexport { e };", true],
  ['src/core/x/probe.ts', "import { LitElement } from 'lit';\nexport { LitElement };", true],
  [
    'src/core/x/probe.ts',
    "import { QysElement } from '../../internal/qys-element.js';\nexport { QysElement };",
    true,
  ],
  [
    'src/core/x/probe.ts',
    "import { QysOrgScopePicker } from '../../components/org-scope-picker/org-scope-picker.js';\nexport { QysOrgScopePicker };",
    true,
  ],
  // src/api: no element
  [
    'src/api/probe.ts',
    "import { QysElement } from '../internal/qys-element.js';\nexport { QysElement };",
    true,
  ],
  [
    'src/api/probe.ts',
    "import { QysBrowseField } from '../components/browse-field/browse-field.js';\nexport { QysBrowseField };",
    true,
  ],
  ['src/api/probe.ts', "import { refKey } from './schemas.js';\nexport { refKey };", false],
  // src/controllers: core, internal, api types; no element
  [
    'src/controllers/probe.ts',
    "import { computeWindow } from '../core/window.js';\nexport { computeWindow };",
    false,
  ],
  [
    'src/controllers/probe.ts',
    "import { QysOrgScopePicker } from '../components/org-scope-picker/org-scope-picker.js';\nexport { QysOrgScopePicker };",
    true,
  ],
  [
    'src/controllers/probe.ts',
    "import type { QysHost } from '../api/host.js';\nexport type { QysHost };",
    false,
  ],
  [
    'src/controllers/probe.ts',
    "import { createMemoryHost } from '../api/memory-host/index.js';\nexport { createMemoryHost };",
    true,
  ],
  // src: never dev, stories, test
  [
    'src/components/x/probe.ts',
    "import { startReferenceHost } from '../../../dev/reference-host/server.js';\nexport { startReferenceHost };",
    true,
  ],
  ['src/api/probe.ts', "import * as s from '../../stories/x.js';\nexport { s };", true],
  ['src/index-probe.ts', "import * as t from '../test/shared/x.js';\nexport { t };", true],
  // outside src the rules do not apply
  [
    'test/node/probe.ts',
    "import { startReferenceHost } from '../../dev/reference-host/server.js';\nexport { startReferenceHost };",
    false,
  ],
];

for (const [path, code, refused] of cases) {
  test(`${path}: ${code.split('\n')[0]} → ${refused ? 'refused' : 'allowed'}`, async () => {
    assert.equal(await restricted(path, code), refused);
  });
}

test('the whole of src/ obeys the layer rules', async () => {
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const hits = results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
      .map((m) => `${r.filePath}:${m.line} ${m.message}`),
  );
  assert.deepEqual(hits, []);
});
