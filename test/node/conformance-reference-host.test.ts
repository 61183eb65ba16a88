/**
 * The conformance suite against the reference host over HTTP (createHttpHost → 127.0.0.1, port 0),
 * the way an OA team runs it against its own backend.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { startReferenceHost, type ReferenceHost } from '../../dev/reference-host/server.js';
import { createHttpHost } from '../../src/api/http-host.js';
import { formatCheck, formatTotals, runConformance } from '../../src/conformance/index.js';
import { pinyin as pinyinPro } from 'pinyin-pro';

const pinyin = (s: string) => pinyinPro(s, { toneType: 'none', type: 'array', v: true });

let ref: ReferenceHost;
let dataDir: string;
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qys-conf-'));
  // No Qiyuesuo is needed: the suite only reads the org and resources and saves its own service.
  ref = await startReferenceHost({
    port: 0,
    dataDir,
    quiet: true,
    simulatorUrl: 'http://127.0.0.1:9',
    orgSize: 300,
  });
});
after(async () => {
  await ref?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('the reference host passes every check, none skipped, and keeps no service of the run', async () => {
  const host = createHttpHost({ baseUrl: ref.url, retry: 0 });
  const before = (await host.services.list()).map((s) => s.id);
  const r = await runConformance(host, { pinyin });
  assert.deepEqual(
    r.checks.filter((c) => c.status !== 'pass').map(formatCheck),
    [],
    r.checks.map(formatCheck).join('\n'),
  );
  assert.ok(r.ok, formatTotals(r));
  assert.deepEqual(
    (await host.services.list()).map((s) => s.id),
    before,
  );
});
