/**
 * The picker's source tabs (WAI-ARIA tabs: ←/→ move and select, Home/End; focus follows) and the
 * status / retry lines a list shows instead of rows. Templates only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Params } from '../../internal/localize.js';

export interface TabBarContext<T extends string> {
  readonly uid: string;
  readonly tabs: readonly T[];
  readonly current: T;
  readonly label: string;
  t(key: string, params?: Params): string;
  /** Selects a tab; `focus`: then focus its button (keyboard). */
  select(tab: T, focus: boolean): void;
}

/** The tab a key moves to (wrapping), or undefined for other keys. */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | undefined {
  const i = tabs.indexOf(current);
  const n = tabs.length;
  if (key === 'ArrowRight') return tabs[(i + 1) % n];
  if (key === 'ArrowLeft') return tabs[(i - 1 + n) % n];
  if (key === 'Home') return tabs[0];
  if (key === 'End') return tabs[n - 1];
  return undefined;
}

export function renderTabBar<T extends string>(c: TabBarContext<T>): TemplateResult {
  const onKey = (e: KeyboardEvent) => {
    const next = tabAfterKey(c.tabs, c.current, e.key);
    if (next === undefined) return;
    e.preventDefault();
    c.select(next, true);
  };
  return html`<div part="tabs" role="tablist" aria-label=${c.label}>
    ${c.tabs.map(
      (t) =>
        html`<button
          part="tab"
          role="tab"
          type="button"
          id="${c.uid}-tab-${t}"
          aria-selected=${t === c.current ? 'true' : 'false'}
          aria-controls="${c.uid}-panel"
          tabindex=${t === c.current ? 0 : -1}
          @click=${() => c.select(t, false)}
          @keydown=${onKey}
        >
          ${c.t(`tab.${t}`)}
        </button>`,
    )}
  </div>`;
}

export function renderStatus(text: string, busy = false): TemplateResult {
  return html`<p part="status" role="status" aria-busy=${busy ? 'true' : nothing}>${text}</p>`;
}

export function renderRetry(text: string, label: string, retry: () => void): TemplateResult {
  return html`<div part="error" role="alert">
    <span>${text}</span>
    <button part="retry" type="button" @click=${retry}>${label}</button>
  </div>`;
}
