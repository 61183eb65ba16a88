// The modal dialogs (confirmations, the save conflict): in the form view's on-demand chunk (views/form.ts
// re-exports renderDialog); a dialog only opens after a user action, by when the chunk (requested at
// connect) has normally arrived, else it opens when the chunk does.
import { html, type TemplateResult } from 'lit';
import type { QysBindingSettings } from '../binding-settings.js';
import { conflictDialog } from './conflict.js';

type El = QysBindingSettings;

function confirmDialog(el: El): TemplateResult {
  const d = el.dialog!;
  return html`<dialog
    part="dialog"
    class="dialog"
    aria-labelledby="dlg-title"
    aria-describedby="dlg-body"
    @cancel=${(e: Event) => {
      // Escape: answer "no" once the browser has finished its own handling of the key.
      e.preventDefault();
      setTimeout(() => el.closeDialog(false));
    }}
  >
    <h2 id="dlg-title">${d.title}</h2>
    <p id="dlg-body">${d.body}</p>
    <div class="actions">
      <button type="button" class="dlg-cancel" part="button" autofocus @click=${() => el.closeDialog(false)}>
        ${d.cancelLabel}
      </button>
      <button
        type="button"
        class="dlg-confirm ${d.danger ? 'danger' : 'primary'}"
        part="button"
        @click=${() => el.closeDialog(true)}
      >
        ${d.confirmLabel}
      </button>
    </div>
  </dialog>`;
}

export function renderDialog(el: El): TemplateResult {
  return el.dialog ? confirmDialog(el) : el.conflict ? conflictDialog(el) : html``;
}
