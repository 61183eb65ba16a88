/**
 * Callbacks from Qiyuesuo to the OA (seed 001 §3 and §5; ../../docs/simulator-api.md "Callbacks").
 *
 * Two generations, as recorded in /work/shared/qiyuesuo-real-api.md:
 * - legacy (≤ 4.3.5, and ≥ 4.3.6 after 切换为旧版回调): a form POST `contractId`, `status`, `bizId`;
 * - new (≥ 4.3.6): JSON `{signature, timestamp, nonce, encrypted}`; `encrypted` = base64 of
 *   AES/CBC/PKCS5Padding over the JSON plaintext, key = the first 16 bytes of the callback AES key,
 *   IV = the first 16 bytes of SHA-256(callback token).
 * The `signature` formula is not public. **Simulator's choice:** lower-case hex
 * `sha256(token + timestamp + nonce + encrypted)`.
 *
 * The OA answers HTTP 200 with the body `success`; anything else is not an acknowledgement, and the
 * sender retries with backoff, a bounded number of times. Both sides use this module (the reference
 * host verifies and decrypts with it).
 */
import { createCipheriv, createDecipheriv, createHash, randomUUID, timingSafeEqual } from 'node:crypto';

export interface CallbackKeys {
  /** 回调 Token: signs the callback, and its SHA-256 gives the IV. */
  token: string;
  /** 回调加密密钥 (AES key): its first 16 bytes are the AES-128 key. */
  aesKey: string;
}

/** Development keys shared by the simulator and the reference host's seeded service (not secrets). */
export const DEFAULT_CALLBACK_KEYS: CallbackKeys = {
  token: 'qys-sim-callback-token-0001',
  aesKey: '7d1c2b9a5e3f4a60b8c1d2e3f4a5b6c7',
};

export type CallbackType = 'CALLBACK_CHECK' | 'CONTRACT_SIGN' | 'CONTRACT_COMPLETE' | 'CONTRACT_REJECT';

export interface CallbackPayload {
  callbackType: CallbackType;
  contractId?: string;
  sn?: string;
  bizId?: string;
  /** Qiyuesuo contract status: SIGNING, COMPLETE, REJECTED, … */
  status?: string;
  tenantName?: string;
  signatoryInfo?: Record<string, unknown>;
}

export interface SignedCallback {
  signature: string;
  timestamp: string;
  nonce: string;
  encrypted: string;
}

function aesParams(keys: CallbackKeys): { key: Buffer; iv: Buffer } {
  const key = Buffer.from(keys.aesKey, 'utf8').subarray(0, 16);
  if (key.length !== 16) throw new Error('The callback AES key must have at least 16 bytes');
  const iv = createHash('sha256').update(keys.token, 'utf8').digest().subarray(0, 16);
  return { key, iv };
}

/** Simulator's choice: hex sha256(token + timestamp + nonce + encrypted). */
export function callbackSignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypted: string,
): string {
  return createHash('sha256')
    .update(token + timestamp + nonce + encrypted, 'utf8')
    .digest('hex');
}

export function encryptCallback(
  payload: CallbackPayload,
  keys: CallbackKeys,
  at = Date.now(),
  nonce = randomUUID().replace(/-/g, ''),
): SignedCallback {
  const { key, iv } = aesParams(keys);
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]).toString(
    'base64',
  );
  const timestamp = String(at);
  return {
    signature: callbackSignature(keys.token, timestamp, nonce, encrypted),
    timestamp,
    nonce,
    encrypted,
  };
}

export type VerifyResult =
  | { ok: true; payload: CallbackPayload }
  | { ok: false; reason: 'malformed' | 'signature' | 'stale' | 'undecryptable' };

/** Checks the signature (constant time) and the timestamp window, then decrypts. Never throws. */
export function verifyCallback(
  body: unknown,
  keys: CallbackKeys,
  options: { now?: number; windowMs?: number } = {},
): VerifyResult {
  const b = body as Partial<Record<keyof SignedCallback, unknown>> | null;
  if (
    !b ||
    typeof b !== 'object' ||
    typeof b.signature !== 'string' ||
    typeof b.timestamp !== 'string' ||
    typeof b.nonce !== 'string' ||
    typeof b.encrypted !== 'string' ||
    !/^\d{1,16}$/.test(b.timestamp) ||
    b.nonce.length > 128 ||
    b.encrypted.length > 1_000_000
  )
    return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(callbackSignature(keys.token, b.timestamp, b.nonce, b.encrypted), 'utf8');
  const got = Buffer.from(b.signature.toLowerCase(), 'utf8');
  if (expected.length !== got.length || !timingSafeEqual(expected, got))
    return { ok: false, reason: 'signature' };
  const windowMs = options.windowMs ?? 10 * 60 * 1000;
  if (Math.abs((options.now ?? Date.now()) - Number(b.timestamp)) > windowMs)
    return { ok: false, reason: 'stale' };
  try {
    const { key, iv } = aesParams(keys);
    const decipher = createDecipheriv('aes-128-cbc', key, iv);
    const text = Buffer.concat([
      decipher.update(Buffer.from(b.encrypted, 'base64')),
      decipher.final(),
    ]).toString('utf8');
    const payload = JSON.parse(text) as CallbackPayload;
    if (!payload || typeof payload !== 'object' || typeof payload.callbackType !== 'string')
      return { ok: false, reason: 'undecryptable' };
    return { ok: true, payload };
  } catch {
    return { ok: false, reason: 'undecryptable' };
  }
}

export interface CallbackTarget {
  url: string;
  /** `legacy`: form POST; `new`: encrypted JSON (needs `keys`). */
  generation: 'legacy' | 'new';
  keys?: CallbackKeys;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  body: string;
  error?: string;
}

export interface Delivery {
  url: string;
  generation: CallbackTarget['generation'];
  payload: CallbackPayload;
  acknowledged: boolean;
  attempts: DeliveryAttempt[];
}

export interface SendOptions {
  /** Attempts in all (default 5). */
  maxAttempts?: number;
  /** First pause between attempts, doubled each time (default 500 ms). */
  backoffMs?: number;
  /** Per attempt (default 5 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Posts one callback and retries until the OA acknowledges (HTTP 200 with body `success`), at most
 * `maxAttempts` times, with exponential backoff. A new-generation retry is signed again (new timestamp
 * and nonce): the OA recognises the repeat by its content, and applies it once.
 */
export async function sendCallback(
  target: CallbackTarget,
  payload: CallbackPayload,
  options: SendOptions = {},
): Promise<Delivery> {
  const maxAttempts = Math.max(1, Math.min(options.maxAttempts ?? 5, 20));
  let pause = options.backoffMs ?? 500;
  const delivery: Delivery = {
    url: target.url,
    generation: target.generation,
    payload,
    acknowledged: false,
    attempts: [],
  };
  for (let i = 0; i < maxAttempts; i++) {
    if (options.signal?.aborted) break;
    let init: RequestInit;
    if (target.generation === 'new') {
      if (!target.keys) throw new Error('A new-generation callback needs the callback keys');
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(encryptCallback(payload, target.keys)),
      };
    } else {
      const form = new URLSearchParams();
      if (payload.contractId) form.set('contractId', payload.contractId);
      if (payload.status) form.set('status', payload.status);
      if (payload.bizId) form.set('bizId', payload.bizId);
      if (payload.callbackType === 'CALLBACK_CHECK') form.set('callbackType', 'CALLBACK_CHECK');
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: form.toString(),
      };
    }
    const attempt: DeliveryAttempt = { at: new Date().toISOString(), status: null, body: '' };
    try {
      const signals = [AbortSignal.timeout(options.timeoutMs ?? 5000)];
      if (options.signal) signals.push(options.signal);
      const res = await fetch(target.url, { ...init, redirect: 'manual', signal: AbortSignal.any(signals) });
      attempt.status = res.status;
      attempt.body = (await res.text()).slice(0, 500);
    } catch (e) {
      attempt.error = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    }
    delivery.attempts.push(attempt);
    if (attempt.status === 200 && attempt.body.trim() === 'success') {
      delivery.acknowledged = true;
      break;
    }
    if (i < maxAttempts - 1) {
      await new Promise((r) => setTimeout(r, pause).unref?.());
      pause *= 2;
    }
  }
  return delivery;
}
