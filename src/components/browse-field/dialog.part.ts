/**
 * The browse dialog's templates (title, search, company filter, status, body, picks, footer). State and
 * behaviour live in BrowseDialog (browse-dialog.ts); the list or grid is list.part.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Resource } from '../../api/schemas.js';
import { isDisabledItem, type BrowseDialog } from './browse-dialog.js';
import { renderList } from './list.part.js';

/** Picks listed in the dialog (multiple); the rest are counted. */
const DRAFT_SHOWN = 30;

/** What the templates read from the element. */
export interface DialogView {
  d: BrowseDialog;
  t(key: string, params?: Record<string, string | number>): string;
  errorText(error: unknown): string;
  kindLabel: string;
  fieldLabel: string;
  multiple: boolean;
  allowSync: boolean;
  lang: string;
  known: Map<string, Resource>;
  missing: Set<string>;
  /** A seal image of a cell (nothing when refused, or before the cells first painted). */
  image(item: Resource): TemplateResult | typeof nothing;
  /** The notice for a refused image URL. */
  unsafeImage(): TemplateResult | typeof nothing;
}

export function statusText(v: DialogView): string {
  const { d, t } = v;
  if (d.refusedPick) return d.refusedPick;
  const s = d.sync;
  if (s.phase === 'running') {
    const key = `stage.${s.stage}`;
    const stage = t(key);
    return t('syncing', { stage: stage === key ? s.stage || '…' : stage });
  }
  if (s.phase === 'error') return s.message;
  const total = d.pager.total;
  if (total === null) {
    if (d.pager.error) return t('listFailed', { kind: v.kindLabel, error: v.errorText(d.pager.error) });
    return t('listLoading', { kind: v.kindLabel });
  }
  const keyword = d.shownKeyword;
  if (total === 0 && keyword) return t('noMatch', { keyword, kind: v.kindLabel });
  if (total === 0) return t('emptyTitle', { kind: v.kindLabel });
  const count = keyword ? t('countKeyword', { total, keyword }) : t('countAll', { total });
  return s.phase === 'done' ? `${t('syncDone')} · ${count}` : count;
}

export function renderDialog(v: DialogView): TemplateResult {
  const { d, t } = v;
  const companies = d.seal ? (d.companies.value ?? []) : [];
  return html`<div class="dialog">
    <h2 id="title">${t('dialogTitle', { kind: v.fieldLabel })}</h2>
    <div class="toolbar">
      <input
        part="search"
        type="text"
        role="searchbox"
        autocomplete="off"
        enterkeyhint="search"
        aria-label=${t('searchLabel', { kind: v.kindLabel })}
        placeholder=${t('searchPlaceholder')}
        .value=${d.keyword}
        @input=${d.onSearchInput}
        @keydown=${d.onSearchKeydown}
      />
      ${
        companies.length
          ? html`<select
              part="company"
              aria-label=${t('companyLabel')}
              .value=${d.companyId}
              @change=${d.onCompanyChange}
            >
              <option value="" ?selected=${!d.companyId}>${t('companyAll')}</option>
              ${companies.map(
                (c) => html`<option value=${c.id} ?selected=${c.id === d.companyId}>${c.name}</option>`,
              )}
            </select>`
          : nothing
      }
    </div>
    <div part="status" class="status" role="status">${statusText(v)}</div>
    ${renderBody(v)} ${v.multiple && d.draft.length ? renderDraft(v) : nothing}
    <div class="footer">
      <span class="count">${t('selectedCount', { count: d.draft.length })}</span>
      <button part="cancel" type="button" @click=${() => d.close()}>${t('cancel')}</button>
      <button part="confirm" class="primary" type="button" @click=${() => d.confirm()}>
        ${t('confirm')}
      </button>
    </div>
  </div>`;
}

/** Multiple: the picks so far (also those outside the current search), each removable. */
function renderDraft(v: DialogView): TemplateResult {
  const { d, t } = v;
  const shown = d.draft.slice(0, DRAFT_SHOWN);
  const more = d.draft.length - shown.length;
  return html`<ul part="picked" class="tags picked" aria-label=${t('pickedLabel')}>
    ${shown.map((id) => {
      const name = v.known.get(id)?.name ?? id;
      const flag = v.missing.has(id)
        ? t('missing')
        : isDisabledItem(v.known.get(id))
          ? t('disabledBadge')
          : '';
      return html`<li class="tag ${flag ? 'missing' : ''}">
        <span class="tag-name">${name}</span>
        ${flag ? html`<span class="badge">${flag}</span>` : nothing}
        <button
          class="icon"
          type="button"
          aria-label=${t('removeLabel', { name })}
          @click=${() => d.unpick(id)}
        >
          ×
        </button>
      </li>`;
    })}
    ${more > 0 ? html`<li class="muted">${t('pickedMore', { count: more })}</li>` : nothing}
  </ul>`;
}

function renderBody(v: DialogView): TemplateResult | typeof nothing {
  const p = v.d.pager;
  if (p.total === null) {
    if (p.error) return renderListError(v);
    // Loading: the (empty) list box already holds its place, so it is measured when the dialog opens.
    return html`<div part="list" class="scroller" aria-busy="true"></div>`;
  }
  if (p.total === 0) {
    if (v.d.shownFiltered) return nothing;
    return renderEmpty(v);
  }
  return html`${p.error ? renderListError(v) : nothing}${v.unsafeImage()}${renderList(v)}`;
}

function renderListError(v: DialogView): TemplateResult {
  const p = v.d.pager;
  return html`<div class="notice error" role="alert">
    ${v.t('listFailed', { kind: v.kindLabel, error: v.errorText(p.error) })}
    <button type="button" @click=${() => p.retry()}>${v.t('retry')}</button>
  </div>`;
}

function renderEmpty(v: DialogView): TemplateResult {
  const { d, t } = v;
  const s = d.sync;
  const running = s.phase === 'running';
  const percent = running ? Math.round(s.ratio * 100) : 0;
  const last = d.lastSynced.value;
  return html`<div part="empty" class="empty">
    <p><strong>${t('emptyTitle', { kind: v.kindLabel })}</strong></p>
    <p>${t('emptyExplain')}</p>
    <p class="muted">
      ${last ? t('lastSynced', { time: new Date(last).toLocaleString(v.lang) }) : t('neverSynced')}
    </p>
    ${
      v.allowSync
        ? html`<div>
              <button
                part="sync"
                class="primary"
                type="button"
                aria-disabled=${running ? 'true' : 'false'}
                @click=${() => d.runSync()}
              >
                ${t('sync')}
              </button>
            </div>
            ${
              running
                ? html`<div
                    class="progress"
                    role="progressbar"
                    aria-label=${t('syncProgress')}
                    aria-valuemin="0"
                    aria-valuemax="100"
                    aria-valuenow=${percent}
                  >
                    <div style="inline-size:${percent}%"></div>
                  </div>`
                : nothing
            }`
        : html`<p>${t('emptyAskAdmin')}</p>`
    }
  </div>`;
}
