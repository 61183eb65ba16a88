/**
 * The private cloud's open-API signature and the SSO token Weaver's integration builds
 * (../../docs/simulator-api.md, /work/shared/qiyuesuo-real-api.md).
 */
import { createCipheriv, createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

/** `x-qys-signature`: md5(appToken + appSecret + timestamp), lower-case hex. */
export function openApiSignature(appToken: string, appSecret: string, timestamp: string): string {
  return createHash('md5')
    .update(appToken + appSecret + timestamp, 'utf8')
    .digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  // Lengths in bytes: a non-ASCII guess of the same string length must not make timingSafeEqual throw.
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
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
  return safeEqual(openApiSignature(appToken, appSecret, timestamp), signature.toLowerCase());
}

/**
 * The three headers of a signed open-API call. `timestamp` defaults to now (ms); the official examples
 * and shipped integrations send `0`, which the platform accepts unless a freshness window is on.
 */
export function signedHeaders(
  appToken: string,
  appSecret: string,
  timestamp: number | string = Date.now(),
): Record<string, string> {
  const ts = String(timestamp);
  return {
    'x-qys-accesstoken': appToken,
    'x-qys-timestamp': ts,
    'x-qys-signature': openApiSignature(appToken, appSecret, ts),
  };
}

/** The 加密密钥 is an AES-128 key: exactly 16 bytes (seed 001: `60fb3ed9-3e18-4f`). */
export function isEncryptionKey(key: unknown): key is string {
  return typeof key === 'string' && Buffer.byteLength(key, 'utf8') === 16;
}

/**
 * Private-cloud SSO token as Weaver ships it: `base64(AES-128-ECB/PKCS7(mobile + "|", 加密密钥))`.
 * Not URL-encoded here: callers put it in a query with URLSearchParams, which encodes `+ / =`.
 * Throws when the key is not 16 bytes.
 */
export function createQysToken(mobile: string, encryptionKey: string): string {
  if (!isEncryptionKey(encryptionKey)) throw new Error('the 加密密钥 must be 16 characters (AES-128)');
  const cipher = createCipheriv('aes-128-ecb', Buffer.from(encryptionKey, 'utf8'), null);
  return Buffer.concat([cipher.update(`${mobile}|`, 'utf8'), cipher.final()]).toString('base64');
}

/**
 * The mobile number a qystoken carries, or `undefined` when it does not decrypt with this key (wrong
 * key, tampered or malformed token). Never throws.
 */
export function readQysToken(token: string | null | undefined, encryptionKey: string): string | undefined {
  if (!token || token.length > 4096 || !isEncryptionKey(encryptionKey)) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return undefined;
  try {
    const decipher = createDecipheriv('aes-128-ecb', Buffer.from(encryptionKey, 'utf8'), null);
    const text = Buffer.concat([decipher.update(Buffer.from(token, 'base64')), decipher.final()]).toString(
      'utf8',
    );
    const m = /^([^|]{1,64})\|/.exec(text);
    return m?.[1];
  } catch {
    return undefined;
  }
}
