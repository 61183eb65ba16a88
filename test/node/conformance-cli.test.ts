/**
 * The conformance CLI (src/conformance/cli.ts, the bin's `main`) against the reference host on
 * 127.0.0.1 (port 0), with a header, and against a backend that breaks the contract; argument errors
 * in zh-CN and en.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { startReferenceHost, type ReferenceHost } from '../../dev/reference-host/server.js';
import { main, parseArgs } from '../../src/conformance/cli.js';

let ref: ReferenceHost;
let dataDir: string;
let broken: Server;
let brokenUrl: string;
const seenHeaders: string[] = [];

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qys-conf-cli-'));
  ref = await startReferenceHost({
    port: 0,
    dataDir,
    quiet: true,
    simulatorUrl: 'http://127.0.0.1:9',
    orgSize: 200,
  });
  // A backend that forwards to the reference host but answers every /org/count with total 0.
  broken = createServer(async (req, res) => {
    seenHeaders.push(String(req.headers['x-oa-token'] ?? ''));
    const body = await new Promise<Buffer>((r) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => r(Buffer.concat(chunks)));
    });
    const upstream = await fetch(ref.url + req.url, {
      method: req.method!,
      headers: { 'content-type': String(req.headers['content-type'] ?? 'application/json') },
      ...(body.length ? { body: body.toString('utf8') } : {}),
    });
    let text = await upstream.text();
    if (req.url === '/org/count') text = JSON.stringify({ ...JSON.parse(text), total: 0 });
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
  });
  await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
  const a = broken.address();
  brokenUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
after(async () => {
  await new Promise((r) => broken?.close(r));
  await ref?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('passes against the reference host: one line per check, a totals line, exit 0', async () => {
  const lines: string[] = [];
  const code = await main(['--base-url', ref.url, '--header', 'X-Trace: conformance'], (l) => lines.push(l));
  assert.equal(code, 0, lines.join('\n'));
  const checks = lines.filter((l) => /^(ok  |FAIL|skip) /.test(l));
  assert.ok(checks.length >= 20, lines.join('\n'));
  assert.match(
    lines.at(-1)!,
    new RegExp(`^${checks.length} checks: ${checks.length} passed, 0 failed, 0 skipped$`),
  );
});

it('fails (exit 1) against a backend whose counts are wrong, naming the checks; sends --header', async () => {
  const lines: string[] = [];
  const code = await main([`--base-url=${brokenUrl}`, '--header', 'X-OA-Token: abc:123'], (l) =>
    lines.push(l),
  );
  assert.equal(code, 1);
  assert.ok(
    lines.some((l) => l.startsWith('FAIL org.count.nearestRule')),
    lines.join('\n'),
  );
  assert.match(lines.at(-1)!, /checks: \d+ passed, [1-9]\d* failed/);
  assert.ok(seenHeaders.length > 0 && seenHeaders.every((h) => h === 'abc:123'));
});

it('refuses bad arguments in zh-CN and en (exit 2)', async () => {
  for (const [argv, pattern] of [
    [[], /缺少 --base-url \/ --base-url is required/],
    [['--base-url', 'ftp://x'], /http:\/\/ 或 https:\/\/.*must be http\(s\)/],
    [['--base-url', 'http://127.0.0.1:1', '--header', 'nocolon'], /名称:值.*name:value/],
    [['--base-url', 'http://127.0.0.1:1', '--timeout', '-5'], /正整数.*positive integer/],
    [['--bogus'], /未知参数.*unknown argument/],
    [['--base-url'], /缺少取值.*needs a value/],
  ] as const) {
    const lines: string[] = [];
    assert.equal(await main(argv, (l) => lines.push(l)), 2, String(argv));
    assert.match(lines[0]!, pattern);
  }
  assert.deepEqual(parseArgs(['--help']), { help: true });
});
