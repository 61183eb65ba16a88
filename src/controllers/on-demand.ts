import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type ReactiveControllerHost } from 'lit';

/**
 * The parts of an element that load on demand (a module with its strings and styles): each loads once by name, the
 * element renders again when it lands (or fails), and `settled()` lets `updateComplete` wait for the parts on their
 * way, so a test or a page that awaits it sees them.
 */
export class OnDemandParts {
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
  ) {}

  /** Starts loading part `name` unless it is loading or loaded. */
  load(name: string, load: () => Promise<void>): void {
    if (this.loading.has(name)) return;
    const p = load();
    this.loading.set(name, p);
    void p.finally(() => this.host.requestUpdate());
  }

  /**
   * For `getUpdateComplete`: `complete` is the element's own (super's); each part on its way is awaited, and an update
   * it caused too.
   */
  async settled(complete: () => Promise<boolean>): Promise<boolean> {
    let done = await complete();
    for (const p of this.loading.values()) {
      await p;
      done = await complete();
    }
    return done;
  }

  /** A part's styles, after the element's own (a part loaded on demand brings them). */
  adopt(styles: CSSResult): void {
    const root = this.host.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet;
    if (!supportsAdoptingStyleSheets || !sheet)
      adoptStyles(root, [styles]); // adds a <style> element
    else if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
