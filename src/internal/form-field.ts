import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { QysElement } from './qys-element.js';
import type { QysEventMap } from '../api/events.js';

/**
 * Base of the form-associated fields (`network-strategy-editor`, `org-scope-picker`, `browse-field`).
 * Subclasses keep their own typed `value` and call `commitValue()` synchronously whenever it changes,
 * so `FormData` and validity are always current. They implement `formValue()`, `validate()`,
 * `resetValue()` and `restoreValue()`.
 *
 * - `:state(user-invalid)` is set once the user has changed the value or a submit was attempted.
 * - `disabled` (own or from a disabled `<fieldset>`) removes the field from the form.
 */
export abstract class QysFormField extends QysElement {
  static formAssociated = true;

  protected readonly internals: ElementInternals;

  /** Name under which the value is submitted with the form. */
  @property({ reflect: true }) name = '';
  /** The field must have a value. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** The field cannot be changed and is not submitted. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Disabled by an ancestor `<fieldset disabled>`. */
  protected formDisabled = false;
  private userInteracted = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', () => this.setUserInvalid(true));
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
  /** True when disabled directly or through a disabled fieldset. */
  get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** The value as submitted (string, FormData for several entries, or null for nothing). */
  protected abstract formValue(): string | FormData | null;
  /** Current validity: empty flags when valid. `anchor` is the inner element to point at. */
  protected abstract validate(): { flags: ValidityStateFlags; message: string; anchor?: HTMLElement };
  /** Back to the initial value (form reset). */
  protected abstract resetValue(): void;
  /** Restore from what `formValue()` produced (back/forward cache, autocomplete). */
  protected abstract restoreValue(state: string | FormData | File | null): void;

  /** The language the last validation message was written in. */
  private committedLang: string | undefined;

  /** Pushes the current value and validity to the form. Call synchronously after every change. */
  protected commitValue(): void {
    this.committedLang = this.effectiveLang;
    this.internals.setFormValue(this.formValue());
    const v = this.validate();
    const valid = Object.values(v.flags).every((f) => !f);
    if (valid) this.internals.setValidity({});
    else this.internals.setValidity(v.flags, v.message, v.anchor);
    this.toggleState('invalid', !valid);
    this.setUserInvalid(this.userInteracted && !valid);
  }

  /**
   * A user change (`qys-change`) is also announced with native `input` and `change` events, as an
   * `<input>` does, after the value is committed: two-way bindings that read `el.value` on them (Vue's
   * `v-model`, Angular's default value accessor) and `form.addEventListener('change')` see the user's
   * change instead of writing their stale copy back. Values set by the page fire nothing. @internal
   */
  override emit<K extends keyof QysEventMap>(
    name: K,
    detail: QysEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    const result = super.emit(name, detail, options);
    if (name === 'qys-change') {
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      this.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return result;
  }

  /** Marks that the user changed the value (turns on `:state(user-invalid)` display). */
  protected markInteracted(): void {
    this.userInteracted = true;
    this.setUserInvalid(!this.internals.validity.valid);
  }

  private setUserInvalid(on: boolean): void {
    this.toggleState('user-invalid', on && !this.internals.validity.valid);
    this.requestUpdate();
  }

  /** True when errors should be shown (after interaction or a submit attempt). */
  protected get showErrors(): boolean {
    return this.hasState('user-invalid');
  }

  protected toggleState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Older engines only accept the `--name` form.
      try {
        if (on) this.internals.states.add(`--${name}`);
        else this.internals.states.delete(`--${name}`);
      } catch {
        /* no custom states: nothing to show */
      }
    }
  }

  protected hasState(name: string): boolean {
    try {
      return this.internals.states.has(name) || this.internals.states.has(`--${name}`);
    } catch {
      return false;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.commitValue();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The validation message is localised text: after a language change (own `lang`, an ancestor's or
    // the document's) it is written again, or `reportValidity()` would speak the old language.
    if (this.committedLang !== undefined && this.committedLang !== this.effectiveLang) this.commitValue();
    // `required` changes validity, `disabled` whether the field takes part: both are pushed to the form
    // at once, whether the page set them before or after the field connected.
    else if (this.isConnected && (changed.has('required') || changed.has('disabled'))) this.commitValue();
  }

  formResetCallback(): void {
    this.userInteracted = false;
    this.resetValue();
    this.commitValue();
    this.setUserInvalid(false);
  }

  formStateRestoreCallback(state: string | FormData | File | null): void {
    this.restoreValue(state);
    this.commitValue();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.requestUpdate();
  }

  protected override update(changed: PropertyValues): void {
    const rendered = this.isDisabled;
    super.update(changed);
    // The browser calls formDisabledCallback() when the field's own `disabled` attribute changes too.
    // For `el.disabled = x` set as a property that happens while Lit reflects it, inside this update,
    // after render() used the old state; the request it makes is merged into this update and lost.
    // Render again when what was rendered no longer holds.
    if (this.isDisabled !== rendered) this.requestUpdate();
  }
}
