/**
 * Single-use values the signing frame issues with each session request; the return page echoes the
 * value back, and the element accepts a completion message only with the value it issued.
 */

/** A fresh nonce: `bytes` random bytes from `crypto.getRandomValues`, base64url (18 bytes → 24 chars). */
export function createNonce(bytes = 18): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  let s = '';
  for (const b of raw) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
