// #14.4: Qiyuesuo → OA callbacks on the reference host (both generations, idempotent, refusals change
// nothing) and the simulator's sender (retries until acknowledged, bounded). Real HTTP on 127.0.0.1.
// A legacy callback has no signature: the reference host asks the simulator (started here, the seeded
// private service's open API) for the contract's real state and applies that, not what the form claims.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startReferenceHost, type ReferenceHost } from '../../dev/reference-host/server.js';
import type { ContractState } from '../../dev/simulator/data.js';
import { startSimulator, type Simulator } from '../../dev/simulator/server.js';
import {
  DEFAULT_CALLBACK_KEYS,
  callbackSignature,
  encryptCallback,
  sendCallback,
  verifyCallback,
} from '../../dev/simulator/callbacks.js';

let ref: ReferenceHost;
let sim: Simulator;
let dataDir: string;
const PATHS = [
  '/papi/signcenter/qiyuesuo/signCallbackPrivate',
  '/papi/signcenter/qiyuesuo/categoryCallback',
  '/QYSPrivateCallbackServlet',
];

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'qys-cb-'));
  sim = await startSimulator({
    host: '127.0.0.1',
    ports: { openApi: 0, signing: 0, console: 0 },
    quiet: true,
  });
  // The seeded private service (1001) calls this simulator's open API with its default app.
  ref = await startReferenceHost({ port: 0, dataDir, quiet: true, simulatorUrl: sim.url, orgSize: 100 });
});
after(async () => {
  await ref?.stop();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A contract as the simulated Qiyuesuo has it (created, or moved to another state). */
const contractIs = (id: string, status: ContractState) => sim.configure({ contracts: [{ id, status }] });
/**
 * What callbacks recorded: asked through the public-cloud service (1002), which has no platform to ask,
 * so the reference host answers its record (for 1001 it would ask the simulator itself).
 */
const status = async (id: string) =>
  (
    (await (await fetch(`${ref.url}/signing/contracts/${id}/status?serviceId=1002`)).json()) as {
      status: string;
    }
  ).status;
const log = async () =>
  (await (await fetch(`${ref.url}/__ref/callbacks`)).json()) as {
    applied: {
      contractId: string;
      status: string;
      generation: string;
      path: string;
      qysStatus: string;
      claimed?: string;
      confirmedBy?: string;
    }[];
    checks: unknown[];
  };
const post = (path: string, body: string, type: string) =>
  fetch(ref.url + path, { method: 'POST', headers: { 'content-type': type }, body });

describe('reference host: callbacks from Qiyuesuo (#14.4)', () => {
  for (const [i, path] of PATHS.entries())
    it(`legacy form POST contractId / status / bizId on ${path} answers success and records the confirmed status`, async () => {
      const id = `30000000000000000${i}1`;
      contractIs(id, 'COMPLETE');
      assert.equal(await status(id), 'unknown');
      const r = await post(
        path,
        `contractId=${id}&status=COMPLETE&bizId=biz-${i}`,
        'application/x-www-form-urlencoded',
      );
      assert.equal(r.status, 200);
      assert.equal(await r.text(), 'success');
      assert.equal(await status(id), 'signed');
      const entry = (await log()).applied.find((a) => a.contractId === id)!;
      assert.equal(entry.generation, 'legacy');
      assert.equal(entry.path, path);
      assert.equal(entry.qysStatus, 'COMPLETE');
      assert.equal(entry.confirmedBy, '1001');
    });

  it('a forged legacy COMPLETE for a contract Qiyuesuo has as SIGNING applies signing, not signed', async () => {
    const id = '3010000000000000001';
    contractIs(id, 'SIGNING');
    const r = await post(PATHS[0]!, `contractId=${id}&status=COMPLETE`, 'application/x-www-form-urlencoded');
    assert.equal(r.status, 200);
    assert.equal(await r.text(), 'success');
    assert.equal(await status(id), 'signing');
    const entry = (await log()).applied.find((a) => a.contractId === id)!;
    assert.deepEqual(
      {
        status: entry.status,
        qysStatus: entry.qysStatus,
        claimed: entry.claimed,
        confirmedBy: entry.confirmedBy,
      },
      { status: 'signing', qysStatus: 'SIGNING', claimed: 'COMPLETE', confirmedBy: '1001' },
    );
    // once Qiyuesuo has it signed, the same callback (its retry) applies signed
    contractIs(id, 'COMPLETE');
    await post(PATHS[0]!, `contractId=${id}&status=COMPLETE`, 'application/x-www-form-urlencoded');
    assert.equal(await status(id), 'signed');
    // and a forged REJECTED afterwards changes nothing: Qiyuesuo still says COMPLETE
    const before = (await log()).applied.length;
    await post(PATHS[0]!, `contractId=${id}&status=REJECTED`, 'application/x-www-form-urlencoded');
    assert.equal(await status(id), 'signed');
    assert.equal((await log()).applied.length, before);
  });

  it('a legacy callback for a contract no service knows is refused (404 callback.unknownContract), nothing changes', async () => {
    const id = '3020000000000000001';
    const before = (await log()).applied.length;
    const r = await post(PATHS[1]!, `contractId=${id}&status=COMPLETE`, 'application/x-www-form-urlencoded');
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type') ?? '', /application\/json/);
    const body = (await r.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'callback.unknownContract');
    assert.match(body.error.message, /契约锁/);
    assert.equal(await status(id), 'unknown');
    assert.equal((await log()).applied.length, before);
  });

  it('a legacy callback while Qiyuesuo cannot be asked answers 503 callback.unconfirmed and changes nothing; the retry applies', async () => {
    const id = '3030000000000000001';
    contractIs(id, 'COMPLETE');
    const before = (await log()).applied.length;
    sim.configure({ unreachable: 'reset', unreachableApps: ['openApi'] });
    try {
      const r = await post(
        PATHS[0]!,
        `contractId=${id}&status=COMPLETE`,
        'application/x-www-form-urlencoded',
      );
      assert.equal(r.status, 503);
      const body = (await r.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'callback.unconfirmed');
      // the simulator's sender takes it as not acknowledged, and would retry
      const d = await sendCallback(
        { url: ref.url + PATHS[0]!, generation: 'legacy' },
        { callbackType: 'CONTRACT_COMPLETE', contractId: id, status: 'COMPLETE' },
        { maxAttempts: 1 },
      );
      assert.equal(d.acknowledged, false);
      assert.equal(d.attempts[0]!.status, 503);
      assert.equal(await status(id), 'unknown');
      assert.equal((await log()).applied.length, before);
    } finally {
      sim.configure({ unreachable: false });
    }
    const retry = await post(
      PATHS[0]!,
      `contractId=${id}&status=COMPLETE`,
      'application/x-www-form-urlencoded',
    );
    assert.equal(retry.status, 200);
    assert.equal(await status(id), 'signed');
  });

  it('≥ 4.3.6 encrypted JSON (sent by the simulator) is verified, decrypted and recorded; REJECTED → declined', async () => {
    const d = await sendCallback(
      { url: ref.url + PATHS[0]!, generation: 'new', keys: DEFAULT_CALLBACK_KEYS },
      {
        callbackType: 'CONTRACT_SIGN',
        contractId: '3100000000000000001',
        status: 'REJECTED',
        tenantName: '测试',
      },
      { maxAttempts: 1 },
    );
    assert.equal(d.acknowledged, true);
    assert.equal(d.attempts[0]!.body, 'success');
    assert.equal(await status('3100000000000000001'), 'declined');
  });

  it('a retried callback applies once (same content, legacy and new; the same signed body replayed too)', async () => {
    const id = '3200000000000000001';
    contractIs(id, 'COMPLETE');
    for (let n = 0; n < 3; n++)
      assert.equal(
        await (
          await post(PATHS[1]!, `contractId=${id}&status=COMPLETE`, 'application/x-www-form-urlencoded')
        ).text(),
        'success',
      );
    const signed = encryptCallback(
      { callbackType: 'CONTRACT_COMPLETE', contractId: id, status: 'COMPLETE' },
      DEFAULT_CALLBACK_KEYS,
    );
    for (let n = 0; n < 2; n++)
      assert.equal(
        await (await post(PATHS[0]!, JSON.stringify(signed), 'application/json')).text(),
        'success',
      );
    assert.equal((await log()).applied.filter((a) => a.contractId === id).length, 1);
    // a late (signed) retry of an earlier state does not take the finished contract back, nor does another
    // final state
    for (const st of ['SIGNING', 'RECALLED'])
      await post(
        PATHS[0]!,
        JSON.stringify(
          encryptCallback(
            { callbackType: 'CONTRACT_SIGN', contractId: id, status: st },
            DEFAULT_CALLBACK_KEYS,
          ),
        ),
        'application/json',
      );
    assert.equal(await status(id), 'signed');
    assert.equal((await log()).applied.filter((a) => a.contractId === id).length, 1);
  });

  it('a signed body replayed after the contract moved on is not applied again (its nonce was seen)', async () => {
    const id = '3200000000000000002';
    const first = encryptCallback(
      { callbackType: 'CONTRACT_SIGN', contractId: id, status: 'DRAFT' },
      DEFAULT_CALLBACK_KEYS,
    );
    await post(PATHS[0]!, JSON.stringify(first), 'application/json');
    assert.equal(await status(id), 'draft');
    const next = encryptCallback(
      { callbackType: 'CONTRACT_SIGN', contractId: id, status: 'SIGNING' },
      DEFAULT_CALLBACK_KEYS,
    );
    await post(PATHS[0]!, JSON.stringify(next), 'application/json');
    assert.equal(await status(id), 'signing');
    // the very first body again: acknowledged, but the contract does not go back to draft
    assert.equal(await (await post(PATHS[0]!, JSON.stringify(first), 'application/json')).text(), 'success');
    assert.equal(await status(id), 'signing');
  });

  it('a bad signature, a stale timestamp or an undecryptable body is refused and changes nothing', async () => {
    const id = '3300000000000000001';
    const before = (await log()).applied.length;
    const good = encryptCallback(
      { callbackType: 'CONTRACT_COMPLETE', contractId: id, status: 'COMPLETE' },
      DEFAULT_CALLBACK_KEYS,
    );
    const badSig = await post(
      PATHS[0]!,
      JSON.stringify({ ...good, signature: 'f'.repeat(64) }),
      'application/json',
    );
    assert.equal(badSig.status, 401);
    assert.equal(((await badSig.json()) as { error: { code: string } }).error.code, 'callback.signature');
    const otherKeys = encryptCallback(
      { callbackType: 'CONTRACT_COMPLETE', contractId: id, status: 'COMPLETE' },
      { token: 'x'.repeat(20), aesKey: 'y'.repeat(16) },
    );
    assert.equal((await post(PATHS[0]!, JSON.stringify(otherKeys), 'application/json')).status, 401);
    const stale = encryptCallback(
      { callbackType: 'CONTRACT_COMPLETE', contractId: id, status: 'COMPLETE' },
      DEFAULT_CALLBACK_KEYS,
      Date.now() - 3_600_000,
    );
    const staleR = await post(PATHS[0]!, JSON.stringify(stale), 'application/json');
    assert.equal(staleR.status, 401);
    // correctly signed, but the ciphertext is not AES-CBC of this key
    const encrypted = Buffer.from('not a block cipher text').toString('base64');
    const ts = String(Date.now());
    const garbled = {
      encrypted,
      timestamp: ts,
      nonce: 'n1',
      signature: callbackSignature(DEFAULT_CALLBACK_KEYS.token, ts, 'n1', encrypted),
    };
    const g = await post(PATHS[0]!, JSON.stringify(garbled), 'application/json');
    assert.equal(g.status, 400);
    assert.equal(((await g.json()) as { error: { code: string } }).error.code, 'callback.undecryptable');
    assert.equal((await post(PATHS[0]!, '{not json', 'application/json')).status, 400);
    assert.equal((await post(PATHS[0]!, 'status=COMPLETE', 'application/x-www-form-urlencoded')).status, 400);
    assert.equal(
      (await post(PATHS[0]!, `contractId=${id}&status=BOGUS`, 'application/x-www-form-urlencoded')).status,
      400,
    );
    assert.equal(
      (await post(PATHS[0]!, `contractId=a%2Fb%3Fc&status=COMPLETE`, 'application/x-www-form-urlencoded'))
        .status,
      400,
    );
    assert.equal((await fetch(ref.url + PATHS[0]!)).status, 405);
    assert.equal((await log()).applied.length, before);
    assert.equal(await status(id), 'unknown');
  });

  it('a legacy callback from a browser page (it carries Origin) is refused: a page cannot mark a contract signed', async () => {
    const id = '3400000000000000001';
    contractIs(id, 'COMPLETE');
    const r = await fetch(ref.url + PATHS[0]!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: `contractId=${id}&status=COMPLETE`,
    });
    assert.equal(r.status, 403);
    assert.equal(await status(id), 'unknown');
  });

  it('CALLBACK_CHECK is answered success (new generation, and a legacy form with callbackType)', async () => {
    const checks = (await log()).checks.length;
    const d = await sendCallback(
      { url: ref.url + PATHS[0]!, generation: 'new', keys: DEFAULT_CALLBACK_KEYS },
      { callbackType: 'CALLBACK_CHECK' },
      { maxAttempts: 1 },
    );
    assert.equal(d.acknowledged, true);
    const l = await sendCallback(
      { url: ref.url + PATHS[2]!, generation: 'legacy' },
      { callbackType: 'CALLBACK_CHECK' },
      { maxAttempts: 1 },
    );
    assert.equal(l.acknowledged, true);
    assert.equal((await log()).checks.length, checks + 2);
  });
});

describe('simulator: callback sender (#14.4)', () => {
  let server: Server;
  let url: string;
  let hits = 0;
  let failFirst = 0;
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        hits++;
        if (hits <= failFirst) return void res.writeHead(503).end('busy');
        const v = verifyCallback(JSON.parse(body), DEFAULT_CALLBACK_KEYS);
        res.writeHead(200).end(v.ok ? 'success' : 'bad');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/cb`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('retries with backoff until the OA acknowledges, signing each attempt again', async () => {
    hits = 0;
    failFirst = 2;
    const t0 = Date.now();
    const d = await sendCallback(
      { url, generation: 'new', keys: DEFAULT_CALLBACK_KEYS },
      { callbackType: 'CONTRACT_COMPLETE', contractId: '1', status: 'COMPLETE' },
      { backoffMs: 40, maxAttempts: 5 },
    );
    assert.equal(d.acknowledged, true);
    assert.deepEqual(
      d.attempts.map((a) => a.status),
      [503, 503, 200],
    );
    assert.ok(Date.now() - t0 >= 40 + 80, 'waited 40 then 80 ms');
  });

  it('gives up after maxAttempts (bounded); a refused connection counts as an attempt', async () => {
    hits = 0;
    failFirst = 100;
    const d = await sendCallback(
      { url, generation: 'legacy' },
      { callbackType: 'CONTRACT_SIGN', contractId: '1', status: 'SIGNING' },
      { backoffMs: 5, maxAttempts: 3 },
    );
    assert.equal(d.acknowledged, false);
    assert.equal(d.attempts.length, 3);
    assert.equal(hits, 3);
    const refused = await sendCallback(
      { url: 'http://127.0.0.1:9/cb', generation: 'legacy' },
      { callbackType: 'CONTRACT_SIGN', contractId: '1', status: 'SIGNING' },
      { backoffMs: 5, maxAttempts: 2 },
    );
    assert.equal(refused.attempts.length, 2);
    assert.ok(refused.attempts.every((a) => a.status === null && a.error));
  });

  it('an answer other than exactly `success` is not an acknowledgement', async () => {
    hits = 0;
    failFirst = 0;
    const d = await sendCallback(
      { url, generation: 'new', keys: { token: 'other-token', aesKey: 'z'.repeat(16) } },
      { callbackType: 'CALLBACK_CHECK' },
      { backoffMs: 5, maxAttempts: 2 },
    );
    assert.equal(d.acknowledged, false);
    assert.equal(d.attempts[0]!.body, 'bad');
  });
});
