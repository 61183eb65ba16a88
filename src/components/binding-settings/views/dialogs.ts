import { html, type TemplateResult } from 'lit';
import type { QysBindingSettings } from '../binding-settings.js';
import { loadedFormView } from '../lazy.js';

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

/** The element calls this after each update: a rendered dialog opens as a modal (focus goes to its `autofocus` button). */
export function openDialogs(root: ParentNode): void {
  for (const d of root.querySelectorAll('dialog')) if (!d.open) d.showModal();
}

export function renderDialog(el: El): TemplateResult {
  // The conflict dialog is in the form view's chunk: a conflict comes from a save in that form.
  return el.dialog
    ? confirmDialog(el)
    : el.conflict
      ? (loadedFormView()?.conflictDialog(el) ?? html``)
      : html``;
}
