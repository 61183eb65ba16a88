// node:test reporter that writes { passed, failed, skipped } as JSON (used by scripts/test.mjs).
export default async function* countingReporter(source) {
  const acc = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) acc.skipped++;
    else if (event.type === 'test:pass') acc.passed++;
    else acc.failed++;
  }
  yield JSON.stringify(acc);
}
