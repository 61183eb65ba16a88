// Benchmarks (`npm run bench`): bench/**/*.bench.ts in headless Chromium, one file at a time so the
// numbers are not disturbed by a neighbour. Each file calls `record()` (bench/record.ts).
import base from './web-test-runner.config.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const results = [];
function benchRecordPlugin() {
  return {
    name: 'qys-bench-record',
    executeCommand({ command, payload }) {
      if (command !== 'bench-record') return undefined;
      results.push(...(Array.isArray(payload) ? payload : [payload]));
      mkdirSync('.tmp', { recursive: true });
      writeFileSync('.tmp/bench-results.json', JSON.stringify(results, null, 2));
      return true;
    },
  };
}

export default {
  ...base,
  files: ['bench/**/*.bench.ts'],
  concurrency: 1,
  testFramework: { config: { timeout: 600_000 } },
  plugins: [...base.plugins, benchRecordPlugin()],
  reporters: base.reporters.slice(0, 1),
};
