// node:test reporter that writes { passed, failed, skipped, failures } as JSON (used by scripts/test.mjs, which names
// the failed tests again at the end of the run: CI keeps only the tail of the log).
export default async function* countingReporter(source) {
  const acc = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) acc.skipped++;
    else if (event.type === 'test:pass') acc.passed++;
    else {
      acc.failed++;
      const err = event.data.details?.error;
      const why = String(err?.cause?.message ?? err?.message ?? '')
        .split('\n')[0]
        .slice(0, 200);
      acc.failures.push(
        `${event.data.file ? `${event.data.file.replace(process.cwd() + '/', '')}: ` : ''}${event.data.name}${why ? ` — ${why}` : ''}`,
      );
    }
  }
  yield JSON.stringify(acc);
}
