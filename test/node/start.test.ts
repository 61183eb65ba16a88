import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Started {
  child: ChildProcess;
  output: () => string;
  ended: Promise<void>;
  urls: { demo: string; referenceHost: string; simulator: string };
  dataDir: string;
}

/** Runs `npm start` on free ports and waits for the URL block. */
async function start(): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qys-start-'));
  const child = spawn(npm, ['start'], {
    env: {
      ...process.env,
      QYS_SIMULATOR_PORT: '0',
      QYS_REFERENCE_PORT: '0',
      QYS_DEMO_PORT: '0',
      QYS_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  // The pipes end only when every process holding them (npm, sh, node) has exited.
  const ended = Promise.all([
    new Promise<void>((r) => child.stdout?.on('close', () => r())),
    new Promise<void>((r) => child.stderr?.on('close', () => r())),
  ]).then(() => undefined);
  const deadline = Date.now() + 60_000;
  while (!/Ctrl-C/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        /* already gone */
      }
      throw new Error(`npm start did not print its URLs:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const grab = (label: RegExp) => {
    const m = new RegExp(`${label.source}\\s+(http://\\S+?)/?$`, 'm').exec(out);
    assert.ok(m, `no URL for ${label} in:\n${out}`);
    return m[1] as string;
  };
  return {
    child,
    output: () => out,
    ended,
    dataDir,
    urls: { demo: grab(/Demo page/), referenceHost: grab(/Reference host/), simulator: grab(/Simulator/) },
  };
}

async function assertServing(urls: Started['urls']): Promise<void> {
  const demo = await fetch(`${urls.demo}/`);
  assert.equal(demo.status, 200);
  assert.match(await demo.text(), /<qys-host-provider|main\.ts/);
  const env = (await (await fetch(`${urls.demo}/__qys/env`)).json()) as Record<string, string>;
  assert.equal(env.referenceHost, urls.referenceHost);
  assert.equal(env.simulator, urls.simulator);
  const services = await fetch(`${urls.referenceHost}/services`);
  assert.equal(services.status, 200);
  const list = (await services.json()) as Array<{ openApiUrl?: string }>;
  assert.ok(
    list.some((s) => s.openApiUrl?.startsWith(urls.simulator)),
    'the seeded service points at the simulator',
  );
  // The simulator's open API answers the platform's health check (plain text OK).
  assert.equal(await (await fetch(`${urls.simulator}/checkHealth`)).text(), 'OK');
  assert.ok(
    env.simulatorSigning && env.simulatorSigning !== urls.simulator,
    'the signing app has its own origin',
  );
  assert.match(await (await fetch(`${env.simulatorSigning}/`)).text(), /data-qys-page="home"/);
}

async function assertStopped(s: Started): Promise<void> {
  await Promise.race([
    s.ended,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`did not stop:\n${s.output()}`)), 15_000)),
  ]);
  assert.match(s.output(), /Stopped\./);
  for (const url of Object.values(s.urls)) {
    await assert.rejects(fetch(url), `${url} still answers`);
  }
  rmSync(s.dataDir, { recursive: true, force: true });
}

describe('npm start', { timeout: 120_000 }, () => {
  it('prints the URLs, serves all three, and stops cleanly on Ctrl-C (SIGINT to the group)', async () => {
    const s = await start();
    try {
      await assertServing(s.urls);
    } finally {
      process.kill(-(s.child.pid as number), 'SIGINT');
    }
    await assertStopped(s);
    const lines = s
      .output()
      .split('\n')
      .filter((l) => l.trim() && !/^(> |npm warn)/.test(l.trim()));
    assert.ok(lines.length <= 8, `one short block, got:\n${lines.join('\n')}`);
  });

  it('stops every server when only npm gets SIGTERM', async () => {
    const s = await start();
    try {
      await assertServing(s.urls);
    } finally {
      s.child.kill('SIGTERM');
    }
    await assertStopped(s);
  });
});
