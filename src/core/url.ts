/**
 * The one gate for URLs that come from a host (signing session URLs, seal images, addresses shown as
 * links): only an absolute `http:` / `https:` URL may reach `src`, `href`, `window.open` or CSS
 * `url()`. `javascript:`, `data:`, `vbscript:`, `blob:`, relative paths and the parser's forgiving
 * tricks (" javascript:", "java\tscript:", control characters) are refused with a message code.
 * Never throws, whatever it is given.
 */

export type HostUrlCode = 'url.unsafeScheme' | 'url.notAbsolute';

export type HostUrlResult = { ok: true; url: string } | { ok: false; code: HostUrlCode };

export interface HostUrlOptions {
  /**
   * Also accept `data:image/(png|jpeg|gif|webp|svg+xml)` URLs (seal images: the contract allows
   * them, and an `<img>` never runs script from one). Only for `<img src>`.
   */
  image?: boolean;
}

// C0 controls, space, DEL: the URL parser strips some of them (leading/trailing) and drops tabs and
// newlines anywhere, which is how "java\tscript:" becomes javascript:. A URL from a host has none.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;
const CONTROL_OR_SPACE_ALL = /[\u0000-\u0020\u007f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|svg\+xml)(?:;[a-z0-9=.+-]+)*(?:;base64)?,/i;
/** Longer than any sensible URL (and than a seal image); a bigger value is refused, not parsed. */
const MAX_LENGTH = 2_000_000;

/** The scheme the browser would see once it has stripped what it forgives, lower case, or ''. */
function apparentScheme(value: string): string {
  return SCHEME.exec(value.replace(CONTROL_OR_SPACE_ALL, ''))?.[1]?.toLowerCase() ?? '';
}

/**
 * `{ ok: true, url }` with the URL as the parser serialises it when `value` is an absolute http(s)
 * URL with a host (or, with `image`, a `data:image/…` URL, returned unchanged); else the reason:
 * `url.unsafeScheme` (another scheme, however disguised) or `url.notAbsolute` (relative, malformed,
 * not a string).
 */
export function checkHostUrl(value: unknown, options: HostUrlOptions = {}): HostUrlResult {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH)
    return { ok: false, code: 'url.notAbsolute' };
  if (options.image === true && DATA_IMAGE.test(value) && !CONTROL_OR_SPACE.test(value.slice(0, 64)))
    return { ok: true, url: value };
  const scheme = apparentScheme(value);
  if (scheme && scheme !== 'http' && scheme !== 'https') return { ok: false, code: 'url.unsafeScheme' };
  if (CONTROL_OR_SPACE.test(value) || !scheme) return { ok: false, code: 'url.notAbsolute' };
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return { ok: false, code: 'url.notAbsolute' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, code: 'url.unsafeScheme' };
  if (!u.hostname) return { ok: false, code: 'url.notAbsolute' };
  return { ok: true, url: u.href };
}

/** The URL when it passes `checkHostUrl`, else `undefined`. Never throws. */
export function safeHostUrl(value: unknown, options?: HostUrlOptions): string | undefined {
  const r = checkHostUrl(value, options);
  return r.ok ? r.url : undefined;
}
