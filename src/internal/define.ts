import { VERSION } from '../version.js';

const reported = new Set<string>();
const VERSION_KEY = Symbol.for('qys-elements/version');

/**
 * Registers a tag, version-aware: loading the same version twice (micro-frontends load copies) is a
 * no-op; a different version already registered logs one clear error naming both and keeps the first.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag) as
    (CustomElementConstructor & { [VERSION_KEY]?: string }) | undefined;
  if (!existing) {
    (ctor as CustomElementConstructor & { [VERSION_KEY]?: string })[VERSION_KEY] = VERSION;
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const other = existing[VERSION_KEY];
  if (other === VERSION) return;
  const key = `${tag}@${other}`;
  if (reported.has(key)) return;
  reported.add(key);
  console.error(
    `[qys-elements] <${tag}> is already defined by ${other ? `qys-elements ${other}` : 'another script'}; ` +
      `qys-elements ${VERSION} did not register it again. Load a single version of qys-elements on this page.`,
  );
}
