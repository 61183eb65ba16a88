import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { JsonStore } from '../../dev/reference-host/store.js';

interface Doc {
  n: number;
  items: string[];
}

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'qys-store-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const seed = (): Doc => ({ n: 0, items: [] });

describe('JsonStore', () => {
  it('seeds on first open and reloads what was written', async () => {
    const file = join(tempDir(), 'nested', 'store.json');
    const a = await JsonStore.open<Doc>({ file, seed });
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { n: 0, items: [] });
    await a.update((d) => {
      d.n = 7;
      d.items.push('x');
    });
    const b = await JsonStore.open<Doc>({ file, seed: () => ({ n: -1, items: ['seed ignored'] }) });
    assert.deepEqual(b.data, { n: 7, items: ['x'] });
  });

  it('serialises concurrent updates in call order', async () => {
    const file = join(tempDir(), 'store.json');
    const store = await JsonStore.open<Doc>({ file, seed });
    const all = Array.from({ length: 25 }, (_, i) =>
      store.update((d) => {
        d.n++;
        d.items.push(`u${i}`);
        return d.n;
      }),
    );
    const results = await Promise.all(all);
    // Each update saw the previous one's result: no lost update.
    assert.deepEqual(
      results.map((r) => r),
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Doc;
    assert.equal(onDisk.n, 25);
    assert.deepEqual(
      onDisk.items,
      Array.from({ length: 25 }, (_, i) => `u${i}`),
    );
  });

  it('a failing rename leaves the old file intact, the memory unchanged and no temp file', async () => {
    const dir = tempDir();
    const file = join(dir, 'store.json');
    let failRename = false;
    const store = await JsonStore.open<Doc>({
      file,
      seed,
      renameFile: async (from, to) => {
        if (failRename) throw Object.assign(new Error('disk gone'), { code: 'EIO' });
        const { rename } = await import('node:fs/promises');
        await rename(from, to);
      },
    });
    await store.update((d) => {
      d.n = 1;
    });
    failRename = true;
    await assert.rejects(
      store.update((d) => {
        d.n = 2;
        d.items = ['never written'];
      }),
      /disk gone/,
    );
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { n: 1, items: [] });
    assert.equal(store.data.n, 1);
    assert.deepEqual(readdirSync(dir), ['store.json']);
    // The queue goes on after a failure.
    failRename = false;
    await store.update((d) => {
      d.n = 3;
    });
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).n, 3);
  });

  it('a change that throws writes nothing', async () => {
    const file = join(tempDir(), 'store.json');
    const store = await JsonStore.open<Doc>({ file, seed });
    await assert.rejects(
      store.update((d) => {
        d.n = 99;
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.equal(store.data.n, 0);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).n, 0);
  });

  it('a process killed mid-write never leaves a half-written store', async () => {
    const storeModule = fileURLToPath(new URL('../../dev/reference-host/store.ts', import.meta.url));
    for (let round = 0; round < 4; round++) {
      const file = join(tempDir(), 'store.json');
      // The child rewrites a ~1 MB document as fast as it can; we kill it with SIGKILL mid-stream.
      const script = `
        const { JsonStore } = await import(${JSON.stringify(storeModule)});
        const store = await JsonStore.open({ file: ${JSON.stringify(file)}, seed: () => ({ n: 0, items: [] }) });
        for (;;) {
          await store.update((d) => {
            d.n++;
            d.items = Array.from({ length: 20000 }, (_, i) => 'item-' + d.n + '-' + i);
          });
          if (store.data.n === 2) process.stdout.write('ready\\n');
        }`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
      });
      await new Promise((r) => setTimeout(r, 20 + round * 37));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const doc = JSON.parse(readFileSync(file, 'utf8')) as Doc;
      assert.ok(doc.n >= 2, `round ${round}: n=${doc.n}`);
      assert.equal(doc.items.length, 20000);
      assert.equal(doc.items[19999], `item-${doc.n}-19999`);
      // Reopening works and sees the same complete document.
      const reopened = await JsonStore.open<Doc>({ file, seed });
      assert.equal(reopened.data.n, doc.n);
    }
  });
});

describe('JsonStore leftovers', () => {
  it('removes temp files a crashed write left behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'store.json');
    await JsonStore.open<Doc>({ file, seed });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, '.1700000000000-123-0.tmp'), '{"n": 5, "ite');
    const store = await JsonStore.open<Doc>({ file, seed });
    assert.equal(store.data.n, 0);
    assert.deepEqual(readdirSync(dir), ['store.json']);
  });
});
