/**
 * The one gate for URLs that come from a host (signing session URLs, seal images, addresses the
 * elements use): only an absolute `http:` / `https:` URL may reach `src`, `href`, `window.open` or
 * CSS `url()`. `javascript:`, `data:`, `vbscript:`, `blob:`, relative paths and the parser's
 * forgiving tricks (" javascript:", "java\tscript:", control characters) are refused with a message
 * code. Never throws, whatever it is given. Small on purpose: it is in the signing-frame entry.
 */

export type HostUrlCode = 'url.unsafeScheme' | 'url.notAbsolute';

export type HostUrlResult = { ok: true; url: string } | { ok: false; code: HostUrlCode };

// C0 controls, space, DEL: the URL parser strips some of them (leading/trailing) and drops tabs and
// newlines anywhere, which is how "java\tscript:" becomes javascript:. A URL from a host has none.
const CONTROL = /[\u0000-\u0020\u007f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml)[;,]/i;

/**
 * `{ ok: true, url }` with the URL as the parser serialises it when `value` is an absolute http(s)
 * URL with a host; else the reason: `url.unsafeScheme` (another scheme, however disguised) or
 * `url.notAbsolute` (relative, malformed, with control characters or spaces, not a string).
 */
export function checkHostUrl(value: unknown): HostUrlResult {
  if (typeof value !== 'string') return { ok: false, code: 'url.notAbsolute' };
  // The scheme the browser would see once it has dropped what it forgives.
  const bare = value.replace(CONTROL, '');
  const scheme = SCHEME.exec(bare)?.[1]!.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return { ok: false, code: 'url.unsafeScheme' };
  let u: URL | undefined;
  try {
    if (scheme && bare === value) u = new URL(value);
  } catch {
    /* malformed */
  }
  return u?.hostname && (u.protocol === 'http:' || u.protocol === 'https:')
    ? { ok: true, url: u.href }
    : { ok: false, code: 'url.notAbsolute' };
}

/**
 * For `<img src>` only (seal images): `checkHostUrl`, and also a `data:image/(png|jpeg|gif|webp|svg+xml)`
 * URL, returned unchanged (the contract allows them, and an `<img>` never runs script from one).
 */
export function checkImageUrl(value: unknown): HostUrlResult {
  return typeof value === 'string' && DATA_IMAGE.test(value) ? { ok: true, url: value } : checkHostUrl(value);
}

/** The URL when it passes `checkHostUrl`, else `undefined`. Never throws. */
export function safeHostUrl(value: unknown): string | undefined {
  const r = checkHostUrl(value);
  return r.ok ? r.url : undefined;
}
