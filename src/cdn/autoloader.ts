/**
 * cdn/autoloader.js: defines each qys element when its tag first appears, for pages without a bundler
 * (E10 ecode, E9 pages, plain HTML):
 *
 *   <script type="module" src=".../qys-elements/dist/cdn/autoloader.js"></script>
 *
 * It watches the document, and the shadow root of every qys element it has defined, with a
 * MutationObserver, and imports `./<name>.js` (next to this file) for a `<qys-<name>>` that is not
 * defined yet. Call `discover(root)` for a shadow root of your own. It imports nothing else, so it
 * stays tiny; the element files share their chunks (lit, the host API) with each other.
 */
declare const __QYS_ELEMENTS__: string[];

const names = new Set(__QYS_ELEMENTS__);
const base = import.meta.url;
const loading = new Map<string, Promise<unknown>>();
const watched = new WeakSet<Node>();

// No DOM (Node importing every export of the package): nothing to watch, and nothing may throw.
const observer =
  typeof MutationObserver === 'function'
    ? new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) scan(n);
      })
    : undefined;

/** Loads one element's file (once); resolves when its tag is defined. */
export function load(tag: string): Promise<unknown> {
  const name = tag.slice(4);
  if (!tag.startsWith('qys-') || !names.has(name)) return Promise.resolve();
  let p = loading.get(tag);
  if (!p) {
    p = customElements.get(tag)
      ? Promise.resolve()
      : import(/* @vite-ignore */ new URL(`./${name}.js`, base).href).catch((e: unknown) => {
          loading.delete(tag);
          console.error(
            `[qys-elements] could not load <${tag}> from ${new URL(`./${name}.js`, base).href}`,
            e,
          );
        });
    loading.set(tag, p);
  }
  return p;
}

function scan(el: Element): void {
  for (const e of [el, ...el.querySelectorAll('*')]) {
    const tag = e.localName;
    if (!tag.startsWith('qys-')) continue;
    if (customElements.get(tag)) watchShadow(e);
    else
      void load(tag)
        .then(() => customElements.whenDefined(tag))
        .then(() => watchShadow(e));
  }
}

// A defined qys element renders into its (open) shadow root; tags it renders there load the same way.
function watchShadow(el: Element): void {
  if (el.shadowRoot) discover(el.shadowRoot);
  else if (el.isConnected) queueMicrotask(() => el.shadowRoot && discover(el.shadowRoot));
}

/** Defines every qys element in `root` (a document or shadow root) now and whenever one is added later. */
export function discover(root: Document | ShadowRoot | Element): void {
  if (watched.has(root)) return;
  watched.add(root);
  observer?.observe(root, { childList: true, subtree: true });
  for (const child of root instanceof Element ? [root] : root.children) scan(child);
}

if (typeof document === 'object') discover(document);
