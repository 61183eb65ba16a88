/**
 * 加密密钥 generation with the Web Crypto API (DOM-free: the binding-settings element and the package root use it).
 *
 * Format: 16 characters in the 8-4-2 hex layout of seed 001's example (`60fb3ed9-3e18-4f`),
 * e.g. `9c01d2ae-77f0-b3`. The value is entered on the Qiyuesuo side (集成配置 → 加密密钥) and used
 * there as a 16-character (128-bit AES) key for private-cloud SSO, so it keeps the length and
 * character set Qiyuesuo shows in its own example rather than a longer key that its field might
 * refuse or truncate. All 14 hex digits come from `crypto.getRandomValues` (56 random bits; the
 * seed's value is a truncated UUIDv4, which has 52).
 */
export function generateEncryptionKey(): string {
  const bytes = new Uint8Array(7);
  crypto.getRandomValues(bytes);
  return encryptionKeyFromHex(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
}

/**
 * The key layout (`xxxxxxxx-xxxx-xx`) of the first 14 hex digits of `hex` (lower-cased); for a source of
 * randomness of one's own (a seeded one in a test host). Throws a RangeError when `hex` has fewer than 14 hex digits.
 */
export function encryptionKeyFromHex(hex: string): string {
  const h = hex.toLowerCase();
  if (!/^[0-9a-f]{14}/.test(h)) throw new RangeError('encryptionKeyFromHex needs 14 hex digits');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 14)}`;
}

/** The layout `generateEncryptionKey` produces (keys typed by hand may differ; the schema decides). */
export const ENCRYPTION_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{2}$/;
