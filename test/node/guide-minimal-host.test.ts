// The "minimal host" of docs/guides/implementing-a-host.md is real: this file type-checks the exact
// snippet (docs/guides/minimal-host.ts, `qys-elements` mapped to src/index.ts), checks that the guide
// and its Storybook page show it verbatim, and runs it against an OA stand-in on 127.0.0.1 (paging,
// keyword, resolve, errors, cancellation), started and stopped here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { ResourcePageSchema } from '../../src/api/schemas.js';
import { QysNetworkError, QysNotFoundError, QysServerError } from '../../src/api/errors.js';
import type { QysHost } from '../../src/api/host.js';

const root = resolve(import.meta.dirname, '../..');
const snippet = readFileSync(join(root, 'docs/guides/minimal-host.ts'), 'utf8');
const srcIndex = join(root, 'src/index.ts');

const SEALS = Array.from({ length: 120 }, (_, i) => ({
  id: String(1000 + i),
  kind: 'electronic-seal',
  name: i % 10 === 0 ? `合同专用章 ${i}` : `公章 ${i}`,
  status: 'enabled',
}));

let server: Server;
let base: string;
const tmp = mkdtempSync(join(tmpdir(), 'qys-guide-'));
let createResourceHost: (baseUrl: string) => QysHost;

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const p = url.pathname;
      if (p === '/api/resources/electronic-seal' && req.method === 'GET') {
        const kw = url.searchParams.get('keyword') ?? '';
        const offset = Number(url.searchParams.get('offset'));
        const limit = Number(url.searchParams.get('limit'));
        const all = SEALS.filter((s) => s.name.includes(kw));
        return json(200, { items: all.slice(offset, offset + limit), total: all.length, offset });
      }
      if (p === '/api/resources/electronic-seal/resolve' && req.method === 'POST') {
        const { ids } = JSON.parse(Buffer.concat(chunks).toString()) as { ids: string[] };
        const items = SEALS.filter((s) => ids.includes(s.id));
        return json(200, { items, missing: ids.filter((id) => !items.some((s) => s.id === id)) });
      }
      if (p === '/api/resources/companies') return json(200, [{ id: 'c1', name: '总部' }]);
      if (p === '/api/resources/last-synced') return json(200, { lastSyncedAt: '2026-03-02T16:00:00.000Z' });
      if (p === '/api/resources/file-template') return json(500, { error: 'boom' });
      if (p === '/api/resources/electronic-seal-flow') return; // never answers: only an abort ends it
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  // The snippet as a user has it, with `qys-elements` pointing at this checkout.
  const file = join(tmp, 'minimal-host.mts'); // .mts: an ES module like the test (one copy of src)
  writeFileSync(
    file,
    snippet.replace("from 'qys-elements'", `from ${JSON.stringify(pathToFileURL(srcIndex).href)}`),
  );
  ({ createResourceHost } = (await import(pathToFileURL(file).href)) as {
    createResourceHost: (baseUrl: string) => QysHost;
  });
});

after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('guide: the minimal host', () => {
  test('the guide and its Storybook page show the snippet verbatim', () => {
    const guide = readFileSync(join(root, 'docs/guides/implementing-a-host.md'), 'utf8');
    assert.ok(
      guide.includes('```ts\n' + snippet + '```'),
      'docs/guides/implementing-a-host.md lacks the snippet',
    );
    const mdx = readFileSync(join(root, 'stories/guides/implementing-a-host.mdx'), 'utf8');
    assert.match(mdx, /docs\/guides\/implementing-a-host\.md\?raw/);
  });

  test('type-checks as written (strict, the project options)', () => {
    const file = join(tmp, 'typecheck.ts');
    writeFileSync(file, snippet);
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      strict: true,
      noUncheckedIndexedAccess: true,
      experimentalDecorators: true,
      useDefineForClassFields: false,
      skipLibCheck: true,
      noEmit: true,
      types: [],
      paths: { 'qys-elements': [srcIndex] },
    });
    const diags = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(diags, []);
  });

  test('pages and searches through the OA route, resolves, reads companies and the last sync', async () => {
    const host = createResourceHost(base);
    const page = await host.resources.list('electronic-seal', { offset: 50, limit: 50 });
    ResourcePageSchema.parse(page);
    assert.equal(page.total, 120);
    assert.deepEqual(
      page.items.map((s) => s.id),
      SEALS.slice(50, 100).map((s) => s.id),
    );
    const found = await host.resources.list('electronic-seal', { keyword: '合同专用章' });
    assert.equal(found.total, 12);
    const r = await host.resources.resolve('electronic-seal', ['1001', '9999']);
    assert.deepEqual(r.missing, ['9999']);
    assert.equal(r.items[0]!.name, '公章 1');
    assert.deepEqual(await host.resources.companies(), [{ id: 'c1', name: '总部' }]);
    assert.equal(await host.resources.lastSynced(), '2026-03-02T16:00:00.000Z');
    // The groups not written yet work (in memory), so every element renders.
    assert.ok((await host.services.list()).length > 0);
  });

  test('failures are the typed errors, and an aborted call rejects with the signal’s reason', async () => {
    const host = createResourceHost(base);
    await assert.rejects(
      host.resources.list('file-template'),
      (e) => e instanceof QysServerError && e.status === 500,
    );
    await assert.rejects(host.resources.list('physical-seal'), QysNotFoundError);
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await assert.rejects(
      createResourceHost(`http://127.0.0.1:${port}/api/`).resources.companies(),
      QysNetworkError,
    );
    const c = new AbortController();
    const pending = host.resources.list('electronic-seal-flow', { signal: c.signal });
    const reason = new DOMException('left the page', 'AbortError');
    setTimeout(() => c.abort(reason), 20);
    await assert.rejects(pending, (e) => e === reason);
  });
});
