// Writes the number of passed/failed/skipped browser tests to a JSON file, for scripts/test.mjs, with each test file's
// own counts and the names of its failed tests (and the file-level error, e.g. a file that never finished), so that a
// failure is named at the end of the run — CI keeps only the tail of the log — and a failed file can be run again.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

function count(suite, acc, failures, trail = []) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      const why = t.error?.message ? ` — ${String(t.error.message).split('\n')[0].slice(0, 200)}` : '';
      failures.push(`${[...trail, t.name].join(' › ')}${why}`);
    }
  }
  for (const s of suite.suites ?? []) count(s, acc, failures, [...trail, s.name]);
  return acc;
}

export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, fileErrors: 0, files: {} };
      for (const session of sessions) {
        const name = relative(process.cwd(), session.testFile);
        const own = { passed: 0, failed: 0, skipped: 0, fileError: undefined, failures: [] };
        if (session.testResults) count(session.testResults, own, own.failures);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          own.fileError = String(session.errors[0]?.message ?? session.errors[0])
            .split('\n')[0]
            .slice(0, 300);
          acc.fileErrors++;
        }
        acc.passed += own.passed;
        acc.failed += own.failed;
        acc.skipped += own.skipped;
        acc.files[name] = own;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(acc));
    },
  };
}
