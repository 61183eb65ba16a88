// Every Storybook stories file has a story test that renders each story in Chromium and runs axe on
// it: test/stories/<name>.stories.test.ts, or test/components/<name>/stories.test.ts when the
// element's own suite also plays the stories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';

test('every stories file is rendered and axe-checked by a story test', () => {
  const missing = readdirSync('stories')
    .filter((f) => f.endsWith('.stories.ts'))
    .filter(
      (f) =>
        !existsSync(`test/stories/${f.replace(/\.ts$/, '.test.ts')}`) &&
        !existsSync(`test/components/${f.replace(/\.stories\.ts$/, '')}/stories.test.ts`),
    );
  assert.deepEqual(
    missing,
    [],
    `add test/stories/<name>.stories.test.ts calling storiesSuite() for: ${missing.join(', ')}`,
  );
});

test('every element folder has a define entry, a test folder and stories', () => {
  const problems: string[] = [];
  for (const d of readdirSync('src/components', { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    if (!existsSync(`src/components/${d.name}/define.ts`)) problems.push(`${d.name}: no define.ts`);
    if (!existsSync(`test/components/${d.name}`)) problems.push(`${d.name}: no test/components/${d.name}/`);
    if (!existsSync(`stories/${d.name}.stories.ts`))
      problems.push(`${d.name}: no stories/${d.name}.stories.ts`);
  }
  assert.deepEqual(problems, []);
});
