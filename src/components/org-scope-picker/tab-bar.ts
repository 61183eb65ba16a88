/**
 * The picker's source tabs (which are offered; WAI-ARIA tabs: ←/→ move and select, Home/End; focus
 * follows), the toolbar (search box, inactive-persons switch) and the status / retry lines a list shows
 * instead of rows. Templates only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { OrgTab } from '../../api/schemas.js';
import type { Params } from '../../internal/localize.js';
import type { OrgLists } from './lists.js';

export type TabId = OrgTab | 'bulk';
const PERSON_TABS: readonly OrgTab[] = ['recent', 'same-department', 'subordinates'];

/**
 * The tabs shown: the host's (`capabilities().tabs`, default tree and search) in its order, the
 * person-oriented ones only in persons mode, always the tree first, and 批量添加 last.
 */
export function offeredTabs(offered: readonly OrgTab[] | undefined, mode: 'scope' | 'persons'): TabId[] {
  const out: TabId[] = [];
  for (const t of offered ?? ['tree', 'search']) {
    if (PERSON_TABS.includes(t) && mode !== 'persons') continue;
    if (!out.includes(t)) out.push(t);
  }
  if (!out.includes('tree')) out.unshift('tree');
  out.push('bulk');
  return out;
}

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

export interface ToolbarContext {
  readonly uid: string;
  /** The search box is offered. */
  readonly search: boolean;
  readonly lists: Pick<OrgLists, 'query' | 'onSearchInput' | 'onSearchKey'>;
  /** The 显示离职 / 无效人员 switch is offered. */
  readonly filter: boolean;
  readonly showInactive: boolean;
  onShowInactive(e: Event): void;
  t(key: string, params?: Params): string;
}

/** The search box and the 显示离职 / 无效人员 switch. */
export function renderToolbar(c: ToolbarContext): TemplateResult {
  return html`<div class="toolbar">
    ${
      c.search
        ? html`<input
            part="search"
            type="search"
            .value=${c.lists.query}
            aria-label=${c.t('searchLabel')}
            placeholder=${c.t('searchPlaceholder')}
            aria-controls="${c.uid}-panel"
            @input=${c.lists.onSearchInput}
            @keydown=${c.lists.onSearchKey}
          />`
        : nothing
    }
    ${
      c.filter
        ? html`<label part="filter"
            ><input type="checkbox" .checked=${c.showInactive} @change=${c.onShowInactive} />${c.t(
              'showInactive',
            )}</label
          >`
        : nothing
    }
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
