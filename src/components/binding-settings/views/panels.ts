import { html, nothing, type TemplateResult } from 'lit';
import type { SyncReport } from '../../../api/schemas.js';
import type { QysChangeEvent } from '../../../api/events.js';
import type { QysBindingSettings } from '../binding-settings.js';
import { hasMessage } from '../../../internal/localize.js';
import { bindingSettingsMessages } from '../binding-settings.messages.js';
import { commonMessages } from '../../../internal/common.messages.js';
import { connectionMessages } from '../../../internal/connection.messages.js';
import { embeddedState, type EMBEDDED_TAGS } from '../lazy.js';
import { cancelSync, reloadScope, runSync, runTest, saveScope, syncDoneText } from './form-actions.js';

type El = QysBindingSettings;

/** In place of an embedded element whose chunk has not landed: "loading", or why it is missing. */
export function embeddedPlaceholder(
  el: El,
  tag: (typeof EMBEDDED_TAGS)[number],
  missingKey: string,
): TemplateResult {
  return embeddedState(tag) === 'failed'
    ? html`<p class="error" role="alert">${el.t(missingKey)}</p>`
    : html`<p class="muted" role="status">${el.t('loading')}</p>`;
}

/** 组织架构同步: the service's sync scope with the org picker, saved with its version. */
export function renderOrgSection(el: El): TemplateResult {
  const s = el.scope;
  const saved = el.draft.id !== undefined;
  let body: TemplateResult;
  if (!saved) body = html`<p class="muted">${el.t('org.needsSave')}</p>`;
  else if (s.loading) body = html`<p class="muted" role="status">${el.t('loading')}</p>`;
  else if (!s.record)
    body = html`<div class="error-box" role="alert">
      <span>${s.error ?? ''}</span>
      <button type="button" part="button" @click=${() => reloadScope(el)}>${el.t('retry')}</button>
    </div>`;
  else
    body = html`
      ${
        embeddedState('qys-org-scope-picker') === 'ready'
          ? html`<qys-org-scope-picker
              .host=${el.effectiveHost}
              id="org-scope"
              name="scope"
              mode="scope"
              .value=${s.value}
              label=${el.t('section.org')}
              ?disabled=${el.readonly}
              aria-labelledby="sec-org"
              aria-describedby="org-hint org-e9-upgrade"
              @qys-change=${(e: QysChangeEvent<'qys-org-scope-picker'>) => {
                e.stopPropagation();
                el.setScopeValue(e.detail.value);
              }}
            ></qys-org-scope-picker>`
          : embeddedPlaceholder(el, 'qys-org-scope-picker', 'org.missing')
      }
      ${
        el.readonly
          ? nothing
          : html`<div class="actions">
              <button
                type="button"
                class="save-scope"
                part="button"
                ?disabled=${s.saving}
                @click=${() => saveScope(el)}
              >
                ${s.saving ? el.t('org.saving') : el.t('org.save')}
              </button>
            </div>`
      }
      ${s.saved ? html`<p class="ok">${el.t('org.saved')}</p>` : nothing}
      ${s.error ? html`<p class="error" role="alert">${s.error}</p>` : nothing}
      ${
        s.conflict
          ? html`<div class="error-box" role="alert">
              <span>${el.t('org.conflict')}</span>
              <button type="button" part="button" class="scope-reload" @click=${() => reloadScope(el)}>
                ${el.t('org.reload')}
              </button>
              <button type="button" part="button" class="scope-overwrite" @click=${() => saveScope(el, true)}>
                ${el.t('org.overwrite')}
              </button>
            </div>`
          : nothing
      }
    `;
  return html`<section part="section" class="panel" aria-labelledby="sec-org">
    <h3 id="sec-org">${el.t('section.org')}</h3>
    <p class="hint" id="org-hint">${el.t('org.hint')}</p>
    <p class="hint" id="org-e9-upgrade" part="upgrade-note">${el.t('org.e9Upgrade')}</p>
    ${body}
  </section>`;
}

const KINDS = ['seals', 'templates', 'flows'] as const;

function reportTable(el: El, r: SyncReport): TemplateResult {
  return html`<table class="report" aria-describedby="sync-done">
    <thead>
      <tr>
        <th scope="col">${el.t('sync.col.kind')}</th>
        <th scope="col">${el.t('sync.col.total')}</th>
        <th scope="col">${el.t('sync.col.added')}</th>
        <th scope="col">${el.t('sync.col.removed')}</th>
        <th scope="col">${el.t('sync.col.updated')}</th>
      </tr>
    </thead>
    <tbody>
      ${KINDS.map((k) => {
        const c = r[k];
        return html`<tr data-kind=${k}>
          <th scope="row">${el.t(`sync.kind.${k}`)}</th>
          <td>${c.total}</td>
          <td>${c.added}</td>
          <td>${c.removed}</td>
          <td>${c.updated}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** 同步服务商数据 (seed 000 FAQ 2): progress, then counts and time; a failure says why and can be retried. */
export function renderSyncSection(el: El): TemplateResult {
  const s = el.sync;
  const saved = el.draft.id !== undefined;
  const percent = Math.round((s.progress?.ratio ?? 0) * 100);
  const stage = s.progress ? stageName(el, s.progress.stage) : '';
  return html`<section part="section" class="panel" aria-labelledby="sec-sync">
    <h3 id="sec-sync">${el.t('section.sync')}</h3>
    <p class="hint">${el.t('sync.hint')}</p>
    ${
      !saved
        ? html`<p class="muted">${el.t('sync.needsSave')}</p>`
        : html`
            ${el.dirty ? html`<p class="note">${el.t('sync.usesSaved')}</p>` : nothing}
            ${
              el.readonly
                ? nothing
                : html`<div class="actions">
                    ${
                      s.running
                        ? html`<button
                            type="button"
                            class="sync-cancel"
                            part="button"
                            @click=${() => cancelSync(el)}
                          >
                            ${el.t('sync.cancel')}
                          </button>`
                        : html`<button
                            type="button"
                            class="sync-start"
                            part="button"
                            @click=${() => runSync(el)}
                          >
                            ${s.error ? el.t('sync.retry') : el.t('sync.start')}
                          </button>`
                    }
                  </div>`
            }
            ${
              s.running
                ? html`<div
                      class="progress"
                      part="progress"
                      role="progressbar"
                      aria-labelledby="sync-stage"
                      aria-valuemin="0"
                      aria-valuemax="100"
                      aria-valuenow=${percent}
                    >
                      <div class="bar-fill" style=${`inline-size:${percent}%`}></div>
                    </div>
                    <p id="sync-stage" class="muted">${el.t('sync.running', { stage, percent })}</p>`
                : nothing
            }
            ${
              s.report
                ? html`<p class="ok" id="sync-done">${syncDoneText(el, s.report)}</p>
                    ${reportTable(el, s.report)}`
                : nothing
            }
            ${s.error ? html`<p class="error" role="alert" id="sync-error">${s.error}</p>` : nothing}
            ${s.cancelled ? html`<p class="muted">${el.t('sync.cancelled')}</p>` : nothing}
          `
    }
  </section>`;
}

function stageName(el: El, stage: string): string {
  const key = `sync.stage.${stage}`;
  return hasMessage(key, bindingSettingsMessages) ? el.t(key) : stage;
}

/** 测试连接: each step the host checked, with its result. */
export function renderTestSection(el: El): TemplateResult {
  const s = el.test;
  return html`<section part="section" class="panel" aria-labelledby="sec-test">
    <h3 id="sec-test">${el.t('section.test')}</h3>
    <p class="hint">${el.t('test.hint')}</p>
    <div class="actions">
      <button
        type="button"
        class="test-start"
        part="button"
        ?disabled=${s.running}
        @click=${() => runTest(el)}
      >
        ${s.running ? el.t('test.running') : el.t('test.start')}
      </button>
    </div>
    ${
      s.report
        ? html`<p class=${s.report.ok ? 'ok' : 'error'} id="test-result">
              ${el.t(s.report.ok ? 'test.ok' : 'test.failed')}
            </p>
            <ol class="steps" aria-labelledby="test-result">
              ${s.report.steps.map((step) => {
                const labelKey = `test.step.${step.id}`;
                // A step this version does not know (a newer host) is still said in words.
                const label = hasMessage(labelKey, bindingSettingsMessages)
                  ? el.t(labelKey)
                  : el.t('test.step.other', { id: step.id });
                const known = hasMessage(
                  step.code,
                  bindingSettingsMessages,
                  connectionMessages,
                  commonMessages,
                );
                // The localised meaning of the code, then the host's own detail (e.g. the provider's reply).
                const message = known && step.status !== 'pass' ? el.t(step.code) : '';
                return html`<li class="step step-${step.status}" data-step=${step.id}>
                  <span class="step-status">${el.t(`test.status.${step.status}`)}</span>
                  <span class="step-label">${label}</span>
                  ${message ? html`<span class="step-message">${message}</span>` : nothing}
                  ${step.detail ? html`<span class="step-detail">${step.detail}</span>` : nothing}
                </li>`;
              })}
            </ol>`
        : nothing
    }
    ${s.error ? html`<p class="error" role="alert">${s.error}</p>` : nothing}
  </section>`;
}
