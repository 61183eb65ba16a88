import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { OrgScope } from '../../../api/schemas.js';
import type { QysChangeEvent } from '../../../api/events.js';
import type { QysBindingSettings } from '../binding-settings.js';
import { FIELDS, fieldApplies, type Draft, type FieldName } from '../../../core/binding/form-model.js';
import { embeddedPlaceholder, renderOrgSection, renderSyncSection, renderTestSection } from './panels.js';
import { embeddedState } from '../lazy.js';
import { hasMessage } from '../../../internal/localize.js';
import { bindingSettingsMessages } from '../binding-settings.messages.js';
import { copyKey, regenerateKey } from './form-actions.js';

export { formStyles } from './form.styles.js';

/** The connection-test texts (the form's test and sync panels): the element adds them when this view loads. */
export { connectionMessages } from '../../../internal/connection.messages.js';
export { conflictDialog, openConflict } from './conflict.js';
export { renderDialog } from './dialogs.js';

type El = QysBindingSettings;

/** The message shown under a field, when it has one and the user has been there (or tried to save). */
export function shownError(el: El, f: FieldName): string {
  const code = el.errors.fields[f];
  if (!code || !fieldApplies(f, el.draft.serviceType)) return '';
  if (!el.touched.has(f) && !el.showSummary) return '';
  // A field may say it in its own words (the 泛微E10地址 example is an E10 address, not Qiyuesuo's).
  const own = `field.${f}.${code}`;
  return hasMessage(own, bindingSettingsMessages) ? el.t(own) : el.t(code);
}

/** ARIA wiring shared by every control: hint and error ids, invalid state. */
function aria(el: El, f: FieldName, hasHint: boolean) {
  const err = shownError(el, f);
  const describedby = [hasHint ? `f-${f}-hint` : '', err ? `f-${f}-error` : ''].filter(Boolean).join(' ');
  return { err, describedby: describedby || undefined, invalid: err ? 'true' : 'false' };
}

function field(
  el: El,
  f: FieldName,
  control: TemplateResult,
  opts: { hint?: string; note?: TemplateResult | typeof nothing; label?: 'label' | 'legend' } = {},
): TemplateResult {
  const err = shownError(el, f);
  const label = el.t(`field.${f}`);
  const required = isRequired(el.draft, f);
  const labelEl =
    opts.label === 'legend'
      ? html`<span class="label" id=${`f-${f}-label`}
          >${label}${required ? html`<span class="req" aria-hidden="true">*</span>` : nothing}</span
        >`
      : html`<label class="label" for=${`f-${f}`} id=${`f-${f}-label`}
          >${label}${required ? html`<span class="req" aria-hidden="true">*</span>` : nothing}</label
        >`;
  return html`<div class="field ${err ? 'has-error' : ''}" part="field" data-field=${f}>
    ${labelEl}
    <div class="control">
      ${control} ${opts.hint ? html`<p class="hint" id=${`f-${f}-hint`}>${opts.hint}</p>` : nothing}
      ${opts.note ?? nothing}
      ${err ? html`<p class="error" part="error" id=${`f-${f}-error`}>${err}</p>` : nothing}
    </div>
  </div>`;
}

function isRequired(d: Draft, f: FieldName): boolean {
  switch (f) {
    case 'openApiUrl':
    case 'appToken':
    case 'encryptionKey':
    case 'signingUrlExternal':
    case 'e10Url':
    case 'tenantId':
      return true;
    case 'appSecret':
      return d.id === undefined;
    case 'signingUrlInternal':
      return d.autoLogin.mode !== 'off';
    default:
      return false;
  }
}

function text(
  el: El,
  f:
    | 'name'
    | 'openApiUrl'
    | 'appToken'
    | 'encryptionKey'
    | 'signingUrlExternal'
    | 'signingUrlInternal'
    | 'e10Url'
    | 'tenantId',
  opts: {
    hint?: boolean;
    url?: boolean;
    extra?: TemplateResult;
    note?: TemplateResult | typeof nothing;
  } = {},
): TemplateResult {
  const a = aria(el, f, opts.hint !== false);
  const control = html`<div class="row">
    <input
      id=${`f-${f}`}
      name=${f}
      type="text"
      autocomplete="off"
      spellcheck="false"
      inputmode=${opts.url ? 'url' : 'text'}
      .value=${live(el.draft[f])}
      ?readonly=${el.readonly}
      aria-required=${isRequired(el.draft, f) ? 'true' : 'false'}
      aria-invalid=${a.invalid}
      aria-describedby=${a.describedby ?? nothing}
      @input=${(e: Event) => el.setField(f, (e.target as HTMLInputElement).value)}
      @blur=${() => el.touch(f)}
    />
    ${opts.extra ?? nothing}
  </div>`;
  return field(el, f, control, {
    ...(opts.hint !== false ? { hint: el.t(`field.${f}.hint`) } : {}),
    ...(opts.note ? { note: opts.note } : {}),
  });
}

function secretField(el: El): TemplateResult {
  const d = el.draft;
  const a = aria(el, 'appSecret', true);
  const stored = d.appSecretSet && !el.replacingSecret;
  const control = stored
    ? html`<div class="row">
        <span class="secret-set" id="f-appSecret-state">${el.t('field.appSecret.set')}</span>
        ${
          el.readonly
            ? nothing
            : html`<button
                type="button"
                class="replace-secret"
                part="button"
                aria-describedby="f-appSecret-label f-appSecret-state"
                @click=${() => el.replaceSecret(true)}
              >
                ${el.t('field.appSecret.replace')}
              </button>`
        }
      </div>`
    : html`<div class="row">
        <input
          id="f-appSecret"
          name="appSecret"
          type="password"
          autocomplete="new-password"
          spellcheck="false"
          ?readonly=${el.readonly}
          aria-required=${d.id === undefined || el.replacingSecret ? 'true' : 'false'}
          aria-invalid=${a.invalid}
          aria-describedby=${a.describedby ?? nothing}
          @input=${() => el.onSecretInput()}
          @blur=${() => el.touch('appSecret')}
        />
        ${
          d.appSecretSet && !el.readonly
            ? html`<button
                type="button"
                class="keep-secret"
                part="button"
                @click=${() => el.replaceSecret(false)}
              >
                ${el.t('field.appSecret.keep')}
              </button>`
            : nothing
        }
      </div>`;
  return field(el, 'appSecret', control, {
    hint: el.t('field.appSecret.hint'),
    note: html`<p class="hint">${el.t('field.appSecret.writeOnly')}</p>`,
  });
}

function keyField(el: El): TemplateResult {
  const extra = html`<button
      type="button"
      class="copy-key"
      part="button"
      @click=${() => copyKey(el)}
      aria-describedby="f-encryptionKey-label"
    >
      ${el.t('copy')}
    </button>
    ${
      el.readonly
        ? nothing
        : html`<button
            type="button"
            class="regen-key"
            part="button"
            @click=${() => regenerateKey(el)}
            aria-describedby="f-encryptionKey-label"
          >
            ${el.t('field.encryptionKey.regenerate')}
          </button>`
    }`;
  return text(el, 'encryptionKey', { extra });
}

/** seed 000 FAQ 1: an https OA page cannot embed an http signing platform. */
function protocolWarning(el: El): TemplateResult | typeof nothing {
  const d = el.draft;
  if (d.serviceType !== 'private') return nothing;
  const pageHttps = location.protocol === 'https:' || /^https:/i.test(el.oaBaseUrl);
  const urls = [d.signingUrlExternal, d.autoLogin.mode !== 'off' ? d.signingUrlInternal : ''];
  if (!pageHttps || !urls.some((u) => /^http:\/\//i.test(u.trim()))) return nothing;
  return html`<div class="warning" role="note" id="protocol-warning">
    <p>${el.t('warn.protocol')}</p>
    <p>${el.t('warn.protocolEmbed')}</p>
  </div>`;
}

function typeField(el: El): TemplateResult {
  const d = el.draft;
  const control = html`<div class="radios" role="radiogroup" aria-labelledby="f-serviceType-label">
    ${(['private', 'public'] as const).map(
      (type) =>
        html`<label class="radio">
          <input
            type="radio"
            name="serviceType"
            id=${type === 'private' ? 'f-serviceType' : 'f-serviceType-public'}
            value=${type}
            .checked=${live(d.serviceType === type)}
            ?disabled=${el.readonly && d.serviceType !== type}
            @change=${() => el.setField('serviceType', type)}
          />${el.t(`type.${type}`)}
        </label>`,
    )}
  </div>`;
  return field(el, 'serviceType', control, { label: 'legend' });
}

function providerField(el: El): TemplateResult {
  const d = el.draft;
  const control = html`<select
    id="f-provider"
    name="provider"
    ?disabled=${el.readonly}
    @change=${(e: Event) => el.setField('provider', (e.target as HTMLSelectElement).value)}
  >
    <option value="qiyuesuo" ?selected=${d.provider === 'qiyuesuo'}>${el.t('provider.qiyuesuo')}</option>
    ${d.provider !== 'qiyuesuo' ? html`<option value=${d.provider} selected>${d.provider}</option>` : nothing}
  </select>`;
  return field(el, 'provider', control);
}

function checkbox(
  el: El,
  f: 'isDefault' | 'ssoEnabled',
  note?: TemplateResult | typeof nothing,
): TemplateResult {
  const hasHint = f === 'isDefault';
  const control = html`<label class="check">
    <input
      type="checkbox"
      id=${`f-${f}`}
      name=${f}
      .checked=${live(el.draft[f])}
      ?disabled=${el.readonly}
      aria-describedby=${hasHint ? `f-${f}-hint` : nothing}
      @change=${(e: Event) => el.setField(f, (e.target as HTMLInputElement).checked)}
    />${el.t(`field.${f}.label`)}
  </label>`;
  return field(el, f, control, {
    ...(hasHint ? { hint: el.t('field.isDefault.hint') } : {}),
    note: note ?? nothing,
    label: 'legend',
  });
}

function defaultNote(el: El): TemplateResult | typeof nothing {
  const other = el.otherDefault();
  if (!el.draft.isDefault || !other || el.base.isDefault) return nothing;
  return html`<p class="note" role="status">
    ${el.t('field.isDefault.replaces', { previous: el.bindingName(other) })}
  </p>`;
}

function autoLoginField(el: El): TemplateResult {
  const a = aria(el, 'autoLogin', false);
  const d = el.draft;
  const control =
    embeddedState('qys-network-strategy-editor') === 'ready'
      ? html`<qys-network-strategy-editor
          .host=${el.effectiveHost}
          id="f-autoLogin"
          name="autoLogin"
          .value=${d.autoLogin}
          .signingUrls=${{ external: d.signingUrlExternal, internal: d.signingUrlInternal }}
          ?readonly=${el.readonly}
          aria-labelledby="f-autoLogin-label"
          aria-invalid=${a.invalid}
          aria-describedby=${a.describedby ?? nothing}
          @qys-change=${(e: QysChangeEvent<'qys-network-strategy-editor'>) => {
            // Inner field events stay inside the page; the page reports through its own events.
            e.stopPropagation();
            el.setField('autoLogin', e.detail.value);
          }}
          @focusout=${() => el.touch('autoLogin')}
        ></qys-network-strategy-editor>`
      : embeddedPlaceholder(el, 'qys-network-strategy-editor', 'field.autoLogin.missing');
  return field(el, 'autoLogin', control, { label: 'legend' });
}

function signatoriesField(el: El): TemplateResult {
  const d = el.draft;
  const value: OrgScope = { include: d.signatories, exclude: [] };
  const note = d.isDefault
    ? nothing
    : html`<p class="note" id="f-signatories-note">${el.t('field.signatories.notDefault')}</p>`;
  const control =
    embeddedState('qys-org-scope-picker') === 'ready'
      ? html`<qys-org-scope-picker
          .host=${el.effectiveHost}
          id="f-signatories"
          name="signatories"
          mode="persons"
          .value=${value}
          label=${el.t('field.signatories')}
          ?disabled=${el.readonly}
          aria-labelledby="f-signatories-label"
          aria-describedby=${d.isDefault ? 'f-signatories-hint' : 'f-signatories-hint f-signatories-note'}
          @qys-change=${(e: QysChangeEvent<'qys-org-scope-picker'>) => {
            e.stopPropagation();
            el.changeSignatories(e.detail.value.include.filter((r) => r.type === 'person'));
          }}
          @focusout=${() => el.touch('signatories')}
        ></qys-org-scope-picker>`
      : embeddedPlaceholder(el, 'qys-org-scope-picker', 'field.signatories.missing');
  // What 签章人员 unlocks (seed 000 §10), one click from the field.
  const more = html`${note}
    <details class="more" part="signatories-more">
      <summary>${el.t('signatories.more')}</summary>
      <ul>
        <li>${el.t('signatories.more.start')}</li>
        <li>
          ${el.t('signatories.more.menus')}
          <ul>
            <li>${el.t('signatories.more.personal')}</li>
            <li>${el.t('signatories.more.org')}</li>
            <li>${el.t('signatories.more.seals')}</li>
          </ul>
        </li>
      </ul>
      <p>${el.t('signatories.more.default')}</p>
    </details>`;
  return field(el, 'signatories', control, {
    hint: el.t('field.signatories.hint'),
    note: more,
    label: 'legend',
  });
}

function summary(el: El): TemplateResult | typeof nothing {
  if (!el.showSummary) return nothing;
  const list = FIELDS.filter((f) => shownError(el, f));
  const other = el.errors.other;
  if (!list.length && !other.length) return nothing;
  return html`<div
    class="summary"
    part="summary"
    id="summary"
    tabindex="-1"
    role="alert"
    aria-labelledby="summary-title"
  >
    <p id="summary-title">${el.t('summary.title', { count: list.length + other.length })}</p>
    <ul>
      ${list.map(
        (f) =>
          html`<li>
            <a
              href=${`#f-${f}`}
              @click=${(e: Event) => {
                e.preventDefault();
                el.focusField(f);
              }}
              >${el.t(`field.${f}`)}：${shownError(el, f)}</a
            >
          </li>`,
      )}
      ${other.map((code) => html`<li>${el.t(code)}</li>`)}
    </ul>
  </div>`;
}

/** The edit form: 基本信息 then, for a saved service, 组织架构同步, 同步服务商数据; 测试连接 always. */
export function renderForm(el: El): TemplateResult {
  const d = el.draft;
  const name = el.bindingName({ name: d.name, id: d.id ?? '' });
  const title =
    d.id === undefined
      ? el.t('form.titleNew')
      : el.t(el.readonly ? 'form.titleView' : 'form.titleEdit', {
          name: el.current ? el.bindingName(el.current) : name,
        });
  if (el.formLoading) return html`<p class="muted" role="status">${el.t('loading')}</p>`;
  const isPrivate = d.serviceType === 'private';
  return html`
    <header class="bar">
      <button type="button" class="back" part="button" @click=${() => el.closeForm()}>
        ${el.t('form.back')}
      </button>
      <h2 id="form-title" tabindex="-1">${title}</h2>
    </header>
    ${el.readonly ? html`<p class="note">${el.t('form.readonly')}</p>` : nothing} ${summary(el)}
    <form
      part="form"
      novalidate
      aria-labelledby="form-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        void el.save();
      }}
    >
      <section part="section" aria-labelledby="sec-basic">
        <h3 id="sec-basic">${el.t('section.basic')}</h3>
        ${text(el, 'name')} ${providerField(el)} ${typeField(el)}
        ${isPrivate ? text(el, 'openApiUrl', { url: true }) : nothing} ${text(el, 'appToken')}
        ${secretField(el)} ${isPrivate ? keyField(el) : nothing} ${checkbox(el, 'isDefault', defaultNote(el))}
        ${
          isPrivate
            ? html`${text(el, 'signingUrlExternal', { url: true })} ${autoLoginField(el)}
              ${d.autoLogin.mode !== 'off' || d.signingUrlInternal ? text(el, 'signingUrlInternal', { url: true }) : nothing}
              ${protocolWarning(el)}`
            : html`${checkbox(el, 'ssoEnabled')} ${text(el, 'e10Url', { url: true })} ${text(el, 'tenantId')}`
        }
        ${signatoriesField(el)}
      </section>
      ${
        el.readonly
          ? nothing
          : html`<div class="actions save-bar">
              <button
                type="submit"
                class="save primary"
                part="button primary-button"
                ?disabled=${el.saving}
                aria-describedby=${el.saveError ? 'save-error' : nothing}
              >
                ${el.saving ? el.t('form.saving') : el.t('form.save')}
              </button>
              ${
                el.savedNotice && !el.saving && !el.saveError
                  ? html`<p class="ok saved-notice" id="save-ok">
                      <span aria-hidden="true">✓</span> ${el.t('form.saved')}
                    </p>`
                  : nothing
              }
              ${el.saveError ? html`<p class="error" part="error" id="save-error" role="alert">${el.saveError}</p>` : nothing}
            </div>`
      }
    </form>
    ${renderTestSection(el)} ${renderOrgSection(el)} ${renderSyncSection(el)}
  `;
}
