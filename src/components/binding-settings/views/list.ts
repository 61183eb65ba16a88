import { html, nothing, type TemplateResult } from 'lit';
import type { Binding } from '../../../api/schemas.js';
import type { QysBindingSettings } from '../binding-settings.js';
import { deleteBinding, makeDefault } from '../actions.js';

/** The 服务配置 table: provider, type, default, status, last synced; edit / make default / delete. */
export function renderList(el: QysBindingSettings): TemplateResult {
  const t = (k: string, p?: Record<string, string | number>) => el.t(k, p);
  const items = el.bindings ?? [];
  return html`
    <header class="bar">
      <h2 id="list-title">${t('title')}</h2>
      ${
        el.readonly
          ? nothing
          : html`<button class="add primary" part="button primary-button" @click=${() => el.openNew()}>
              ${t('list.add')}
            </button>`
      }
    </header>
    ${el.listMessage ? html`<p class="message" role="status">${el.listMessage}</p>` : nothing}
    ${
      el.listError
        ? html`<div class="error-box" role="alert">
            <span>${el.listError}</span>
            <button part="button" @click=${() => el.reload()}>${t('retry')}</button>
          </div>`
        : nothing
    }
    ${el.listLoading && !el.bindings ? html`<p class="muted" role="status">${t('loading')}</p>` : nothing}
    ${el.bindings && items.length === 0 && !el.listError ? html`<p class="empty">${t('list.empty')}</p>` : nothing}
    ${
      items.length
        ? html`<table part="list" aria-labelledby="list-title" aria-busy=${el.listLoading ? 'true' : 'false'}>
            <caption class="sr-only">
              ${t('list.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t('list.col.name')}</th>
                <th scope="col">${t('list.col.provider')}</th>
                <th scope="col">${t('list.col.type')}</th>
                <th scope="col">${t('list.col.default')}</th>
                <th scope="col">${t('list.col.status')}</th>
                <th scope="col">${t('list.col.synced')}</th>
                <th scope="col">${t('list.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${items.map((b) => row(el, b))}
            </tbody>
          </table>`
        : nothing
    }
  `;
}

function row(el: QysBindingSettings, b: Binding): TemplateResult {
  const t = (k: string, p?: Record<string, string | number>) => el.t(k, p);
  const name = el.bindingName(b);
  const provider = b.provider === 'qiyuesuo' ? t('provider.qiyuesuo') : b.provider;
  const label = t('list.rowLabel', { name, type: t(`type.${b.serviceType}`) });
  const pending = b.pendingFields ?? [];
  return html`<tr data-id=${b.id}>
    <th scope="row">
      ${name}
      ${
        b.createdBy === 'deploy'
          ? html`<span class="badge deployed" part="deploy-badge">${t('list.createdByDeploy')}</span>`
          : nothing
      }
      ${
        pending.length
          ? html`<div class="note pending">
              ${t('list.pending', {
                fields: pending.map((f) => t(`pending.${f}`)).join(t('list.separator')),
              })}
            </div>`
          : nothing
      }
      ${
        b.personSync
          ? html`<div class="muted person-sync">
              ${t('list.personSync', {
                time: el.formatTime(b.personSync.at),
                subcompanies: b.personSync.subcompanies,
                departments: b.personSync.departments,
                persons: b.personSync.persons,
              })}
            </div>`
          : nothing
      }
    </th>
    <td>${provider}</td>
    <td>${t(`type.${b.serviceType}`)}</td>
    <td>${b.isDefault ? html`<span class="badge">${t('list.isDefault')}</span>` : nothing}</td>
    <td><span class="status status-${b.status}">${t(`status.${b.status}`)}</span></td>
    <td>${el.formatTime(b.lastSyncedAt)}</td>
    <td class="actions">
      <button
        class="edit"
        part="button"
        aria-label=${`${t(el.readonly ? 'list.view' : 'list.edit')} ${label}`}
        @click=${() => el.openBinding(b)}
      >
        ${t(el.readonly ? 'list.view' : 'list.edit')}
      </button>
      ${
        el.readonly
          ? nothing
          : html`${
                b.isDefault
                  ? nothing
                  : html`<button
                      class="set-default"
                      part="button"
                      aria-label=${`${t('list.setDefault')} ${label}`}
                      @click=${() => makeDefault(el, b)}
                    >
                      ${t('list.setDefault')}
                    </button>`
              }
              <button
                class="delete danger"
                part="button"
                aria-label=${`${t('list.delete')} ${label}`}
                @click=${() => deleteBinding(el, b)}
              >
                ${t('list.delete')}
              </button>`
      }
    </td>
  </tr>`;
}
