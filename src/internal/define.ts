import { VERSION } from '../version.js';

const VERSION_KEY = Symbol.for('qys-elements/version');
// Kept on the registered class, not in this module: every copy of qys-elements on the page (npm build,
// cdn element files, cdn one-file bundle, a micro-frontend's own copy) sees it, so a version conflict
// is reported once per version however many copies of that version load.
const REPORTED_KEY = Symbol.for('qys-elements/reported');
type Registered = CustomElementConstructor & { [VERSION_KEY]?: string; [REPORTED_KEY]?: Set<string> };

/**
 * Registers a tag, version-aware: loading the same version twice (micro-frontends load copies) is a
 * no-op; a different version already registered logs one clear error naming both and keeps the first.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  // Node (SSR, server code importing an entry) has no registry: nothing to register, and importing
  // an entry must not throw. (lit's Node build installs a shim registry; then the tag goes there.)
  const registry = globalThis.customElements as CustomElementRegistry | undefined;
  if (!registry) return;
  const existing: Registered | undefined = registry.get(tag);
  if (!existing) {
    (ctor as Registered)[VERSION_KEY] = VERSION;
    registry.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const other = existing[VERSION_KEY];
  if (other === VERSION) return;
  const reported = (existing[REPORTED_KEY] ??= new Set<string>());
  if (reported.has(VERSION)) return;
  reported.add(VERSION);
  console.error(
    `[qys-elements] <${tag}> is already defined by ${other ? `qys-elements ${other}` : 'another script'}; ` +
      `qys-elements ${VERSION} did not register it again. Load a single version of qys-elements on this page.`,
  );
}

/**
 * The base class of elements that extend `HTMLElement` directly (not through lit): `HTMLElement` in a
 * browser, a plain stand-in class where there is none (Node), so the element's module can be
 * imported there (SSR, server code) without a `ReferenceError`. Nothing is assigned to `globalThis`.
 */
export const ElementBase: typeof HTMLElement =
  (globalThis as { HTMLElement?: typeof HTMLElement }).HTMLElement ??
  (class NoDomElement {} as unknown as typeof HTMLElement);
