/**
 * The save-conflict (409) dialog: only a save from the edit form opens it, so it comes with the form
 * view's on-demand chunk (views/form.ts re-exports it), not in the element's first download.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AutoLogin, Binding, OrgRef } from '../../../api/schemas.js';
import type { QysBindingSettings } from '../binding-settings.js';
import {
  conflictRows,
  draftFromBinding,
  mergeDrafts,
  newDraft,
  sameValue,
  type FieldName,
} from '../../../core/binding/form-model.js';
import { QysNotFoundError } from '../../../api/errors.js';

type El = QysBindingSettings;

/** A field value as a short readable text (for the conflict comparison). */
export function displayValue(el: El, field: FieldName, v: unknown): string {
  if (field === 'serviceType') return el.t(`type.${String(v)}`);
  if (field === 'provider') return v === 'qiyuesuo' ? el.t('provider.qiyuesuo') : String(v);
  if (field === 'isDefault') return el.t(v ? 'value.yes' : 'value.no');
  if (field === 'ssoEnabled') return el.t(v ? 'value.on' : 'value.off');
  if (field === 'signatories') return el.t('value.persons', { count: (v as OrgRef[]).length });
  if (field === 'autoLogin') {
    const a = v as AutoLogin;
    if (a.mode === 'off') return el.t('mode.off');
    const rules = a.mode === 'segment' ? a.segmentRules : a.domainRules;
    return `${el.t('value.rules', { mode: el.t(`mode.${a.mode}`), count: rules.length })}: ${rules.join(', ')}`;
  }
  const s =
    typeof v === 'string'
      ? v.trim()
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : v == null
          ? ''
          : JSON.stringify(v);
  return s || el.t('value.empty');
}

export function conflictDialog(el: El): TemplateResult {
  const c = el.conflict!;
  const deleted = !c.current && !c.loadError;
  return html`<dialog
    part="dialog"
    class="dialog conflict"
    aria-labelledby="conflict-title"
    aria-describedby="conflict-body"
    @cancel=${(e: Event) => {
      e.preventDefault();
      setTimeout(() => void resolveConflict(el, 'cancel'));
    }}
  >
    <h2 id="conflict-title">${el.t('conflict.title')}</h2>
    ${
      c.loadError
        ? html`<p id="conflict-body" role="alert">${c.loadError}</p>`
        : deleted
          ? html`<p id="conflict-body">${el.t('conflict.deleted')}</p>`
          : html`<p id="conflict-body">${el.t('conflict.body', { version: c.current!.version })}</p>
              ${c.rows.length ? nothing : html`<p>${el.t('conflict.noRows')}</p>`}
              <table class="diff" ?hidden=${!c.rows.length}>
                <thead>
                  <tr>
                    <th scope="col">${el.t('conflict.col.field')}</th>
                    <th scope="col">${el.t('conflict.col.theirs')}</th>
                    <th scope="col">${el.t('conflict.col.mine')}</th>
                    <th scope="col">${el.t('conflict.col.choice')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${c.rows.map((r) => {
                    const label = el.t(`field.${r.field}`);
                    const mine = c.keepMine.has(r.field);
                    return html`<tr data-field=${r.field}>
                      <th scope="row">
                        ${label}${r.clash ? html` <span class="badge warn">${el.t('conflict.clash')}</span>` : nothing}
                      </th>
                      <td class="theirs">${displayValue(el, r.field, r.theirs)}</td>
                      <td class="mine">${displayValue(el, r.field, r.mine)}</td>
                      <td>
                        <fieldset class="pick">
                          <legend class="sr-only">${label}</legend>
                          <label
                            ><input
                              type="radio"
                              name=${`pick-${r.field}`}
                              value="theirs"
                              .checked=${!mine}
                              @change=${() => toggleKeepMine(el, r.field, false)}
                            />${el.t('conflict.pickTheirs')}</label
                          >
                          <label
                            ><input
                              type="radio"
                              name=${`pick-${r.field}`}
                              value="mine"
                              .checked=${mine}
                              @change=${() => toggleKeepMine(el, r.field, true)}
                            />${el.t('conflict.pickMine')}</label
                          >
                        </fieldset>
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
    }
    <div class="actions">
      <button
        type="button"
        class="dlg-cancel"
        part="button"
        autofocus
        @click=${() => resolveConflict(el, 'cancel')}
      >
        ${el.t('cancel')}
      </button>
      ${
        deleted
          ? html`<button
              type="button"
              class="conflict-new primary"
              part="button"
              @click=${() => resolveConflict(el, 'new')}
            >
              ${el.t('conflict.saveAsNew')}
            </button>`
          : c.current
            ? html`<button
                  type="button"
                  class="conflict-theirs"
                  part="button"
                  @click=${() => resolveConflict(el, 'theirs')}
                >
                  ${el.t('conflict.takeTheirs')}
                </button>
                <button
                  type="button"
                  class="conflict-merge"
                  part="button"
                  @click=${() => resolveConflict(el, 'merge')}
                >
                  ${el.t('conflict.merge')}
                </button>
                <button
                  type="button"
                  class="conflict-mine primary"
                  part="button"
                  @click=${() => resolveConflict(el, 'mine')}
                >
                  ${el.t('conflict.keepMine')}
                </button>`
            : nothing
      }
    </div>
  </dialog>`;
}

function toggleKeepMine(el: El, field: FieldName, mine: boolean): void {
  if (!el.conflict) return;
  const keepMine = new Set(el.conflict.keepMine);
  if (mine) keepMine.add(field);
  else keepMine.delete(field);
  el.conflict = { ...el.conflict, keepMine };
}

/** The user's answer to the conflict dialog (a save's 409, or the record deleted meanwhile). */
async function resolveConflict(
  el: El,
  choice: 'mine' | 'theirs' | 'merge' | 'new' | 'cancel',
): Promise<void> {
  const c = el.conflict;
  if (!c) return;
  el.conflict = undefined;
  if (choice === 'cancel') {
    el.saveError = el.t('form.saveFailed', { reason: el.t('error.conflict') });
    el.restoreFocus();
    return;
  }
  if (choice === 'new') {
    // Deleted on the server: keep everything typed, save as a new record (a secret is needed again).
    const { id: _id, version: _v, ...rest } = el.draft;
    el.draft = { ...rest, appSecretSet: false };
    el.base = newDraft('', false);
    el.current = undefined;
    el.replacingSecret = true;
    el.restoreFocus();
    return;
  }
  if (!c.current || !c.theirs) return;
  el.current = c.current;
  el.base = structuredClone(c.theirs);
  if (choice === 'theirs') {
    el.draft = structuredClone(c.theirs);
    el.clearSecretInput();
    el.secretTyped = false;
    el.replacingSecret = false;
    el.errors = { fields: {}, other: [] };
    el.announce(el.t('conflict.takeTheirs'));
    el.restoreFocus();
    return;
  }
  const merged =
    choice === 'mine'
      ? { ...structuredClone(el.draft), version: c.current.version, appSecretSet: c.current.appSecretSet }
      : mergeDrafts(el.draft, c.theirs, c.keepMine);
  el.draft = merged;
  el.restoreFocus();
  await el.save();
}

/** `current`: the server's record from the 409; undefined: fetch it; null: it was deleted. */
export async function openConflict(el: El, current: Binding | undefined | null): Promise<void> {
  const host = el.effectiveHost!;
  let loadError: string | undefined;
  if (current === undefined && el.draft.id) {
    try {
      current = await host.services.get(el.draft.id, { signal: el.signal('get') });
    } catch (e) {
      if (e instanceof QysNotFoundError) current = null;
      else loadError = el.t('conflict.loadFailed', { reason: el.errorText(e) });
    }
  }
  const theirs = current ? draftFromBinding(current) : undefined;
  const rows = theirs ? conflictRows(el.base, el.draft, theirs) : [];
  // By default a merge keeps my value where I changed it, the server's elsewhere.
  const keepMine = new Set(rows.filter((r) => !sameValue(r.mine, r.base)).map((r) => r.field));
  el.conflict = {
    current: current ?? undefined,
    theirs,
    rows,
    keepMine,
    ...(loadError ? { loadError } : {}),
  };
  el.opener = el.renderRoot.querySelector<HTMLElement>('.save') ?? null;
}
