/**
 * Seal images of the browse field (tags and the dialog's grid). Browser-only (Blob, object URLs), shared by
 * every browse field on the page.
 */
/**
 * Seal images arrive as `data:` URLs, which Chrome decodes synchronously while the grid renders
 * (~1 ms per SVG seal). Served as `blob:` URLs (one per distinct image), they load off the render.
 */
const blobUrls = new Map<string, string>();
const dataUrls = new Map<string, string>();
/** Set when the page's CSP refused a blob: image (img-src without blob:): data: URLs from then on. */
let blobRefused = false;
/**
 * An SVG served as a blob: URL is a document of this page's origin when opened on its own ("open
 * image in new tab"), scripts included. One that could script or navigate stays a data: URL, which
 * browsers never open as a top-level document (in an <img> neither runs anything).
 */
const ACTIVE_SVG =
  /<script|<foreignObject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|href\s*=\s*(?!["']?#)/i;
export function imageSrc(src: string): string {
  if (blobRefused || !src.startsWith('data:') || typeof URL.createObjectURL !== 'function') return src;
  let url = blobUrls.get(src);
  if (url) return url;
  const comma = src.indexOf(',');
  const meta = src.slice(5, comma);
  const data = src.slice(comma + 1);
  try {
    const body = meta.endsWith(';base64')
      ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
      : decodeURIComponent(data);
    const type = meta.replace(/;base64$/, '').split(';')[0] || 'text/plain';
    if (type.toLowerCase() === 'image/svg+xml') {
      const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
      if (ACTIVE_SVG.test(text)) return src;
    }
    url = URL.createObjectURL(new Blob([body], { type }));
  } catch {
    return src;
  }
  if (blobUrls.size >= 500) {
    const [oldest] = blobUrls;
    URL.revokeObjectURL(oldest![1]);
    blobUrls.delete(oldest![0]);
    dataUrls.delete(oldest![1]);
  }
  blobUrls.set(src, url);
  dataUrls.set(url, src);
  return url;
}
/** A blob: image that failed to load (CSP) falls back to its data: URL. */
export function onImageError(e: Event): void {
  const img = e.target as HTMLImageElement;
  const original = dataUrls.get(img.getAttribute('src') ?? '');
  if (!original) return;
  blobRefused = true;
  img.src = original;
}
