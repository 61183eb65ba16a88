/** Signatures of the open API and the SSO ticket format (docs/simulator-api.md). */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** `x-qys-signature`: md5(appToken + appSecret + timestamp), lower-case hex. */
export function openApiSignature(appToken: string, appSecret: string, timestamp: string): string {
  return createHash('md5')
    .update(appToken + appSecret + timestamp, 'utf8')
    .digest('hex');
}

/**
 * Whether `signature` (hex, any case) is the open-API signature of this app at `timestamp`. Compared
 * in constant time, so response timing does not reveal how much of a guessed signature was right.
 */
export function verifyOpenApiSignature(
  appToken: string,
  appSecret: string,
  timestamp: string,
  signature: string,
): boolean {
  return safeEqualHex(openApiSignature(appToken, appSecret, timestamp), signature.toLowerCase());
}

/** The three headers of a signed open-API call, for callers (the reference host, tests). */
export function signedHeaders(appToken: string, appSecret: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return {
    'x-qys-accesstoken': appToken,
    'x-qys-timestamp': timestamp,
    'x-qys-signature': openApiSignature(appToken, appSecret, timestamp),
  };
}

export interface SsoTicketPayload {
  userId: string;
  contractId?: string;
  /** Expiry, ms since the epoch. */
  exp: number;
  nonce: string;
  returnUrl?: string;
  [key: string]: unknown;
}

function hmacHex(key: string, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('hex');
}

/** `base64url(JSON payload) + "." + hex(HMAC-SHA256(encryptionKey, base64url payload))`. */
export function createSsoTicket(payload: SsoTicketPayload, encryptionKey: string): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${hmacHex(encryptionKey, body)}`;
}

export type TicketFailure = 'missing' | 'malformed' | 'signature' | 'expired' | 'reused';

export type TicketCheck =
  | { ok: true; payload: SsoTicketPayload; signature: string; keyIndex: number }
  | { ok: false; reason: TicketFailure; payload?: SsoTicketPayload };

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  // Lengths in bytes: a non-ASCII guess of the same string length must not make timingSafeEqual throw.
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}

/**
 * Checks a ticket against the known encryption keys (one per app). `used` holds the signatures of
 * tickets already consumed; a good ticket is not added here (the caller consumes it).
 */
export function verifySsoTicket(
  ticket: string | null | undefined,
  encryptionKeys: readonly string[],
  used: ReadonlySet<string>,
  now = Date.now(),
): TicketCheck {
  if (!ticket) return { ok: false, reason: 'missing' };
  const parts = ticket.split('.');
  if (parts.length !== 2 || !parts[0] || !/^[0-9a-f]{64}$/.test(parts[1] ?? ''))
    return { ok: false, reason: 'malformed' };
  const [body, signature] = parts as [string, string];
  let payload: SsoTicketPayload;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object') return { ok: false, reason: 'malformed' };
    payload = parsed as SsoTicketPayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    typeof payload.userId !== 'string' ||
    typeof payload.exp !== 'number' ||
    typeof payload.nonce !== 'string'
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const keyIndex = encryptionKeys.findIndex((key) => safeEqualHex(hmacHex(key, body), signature));
  if (keyIndex < 0) return { ok: false, reason: 'signature' };
  if (used.has(signature)) return { ok: false, reason: 'reused', payload };
  if (now > payload.exp) return { ok: false, reason: 'expired', payload };
  return { ok: true, payload, signature, keyIndex };
}
