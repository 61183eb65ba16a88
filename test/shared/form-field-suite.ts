/**
 * The form-association behaviour every qys form field shares (network-strategy-editor, org-scope-picker,
 * browse-field). Each field's test file calls `formFieldSuite({...})` with how to make it, how a user
 * changes it, and what the form then submits.
 *
 *   formFieldSuite({
 *     tag: 'qys-browse-field',
 *     create: () => { const el = document.createElement('qys-browse-field'); el.kind = 'file-template'; el.host = host; return el; },
 *     setValue: (el) => { el.value = ['1', '2']; },
 *     expected: ['1,2'],
 *     userChange: async (el) => { ...real clicks / key presses... },
 *   });
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';

type Field = HTMLElement & {
  name: string;
  required: boolean;
  disabled: boolean;
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  formStateRestoreCallback?(state: string | FormData | File | null): void;
};

export interface FormFieldSuiteOptions<E extends Field> {
  tag: string;
  /** A new, unconnected element with its host (if it needs one) already set. */
  create: () => E;
  /** Sets a non-empty value programmatically (as a page would). */
  setValue: (el: E) => void | Promise<void>;
  /** `FormData.getAll(name)` after `setValue`. */
  expected: string[];
  /** Changes the value the way a user would (real clicks / key presses); must fire `qys-change`. */
  userChange: (el: E) => Promise<void>;
  /** Whether the field with no value is invalid when `required` (default true). */
  requiredMeansNonEmpty?: boolean;
  /** Let pending async work (host calls) settle (default: `el.updateComplete`). */
  settle?: (el: E) => Promise<void>;
  /**
   * Whether the inner controls a user would reach show the field as disabled (e.g. the browse button's
   * `disabled`, the tree's `aria-disabled`). Checked after each way of disabling and enabling.
   */
  innerDisabled: (el: E) => boolean;
}

export function formFieldSuite<E extends Field>(opts: FormFieldSuiteOptions<E>): void {
  const settle =
    opts.settle ?? ((el: E) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete);

  async function inForm(prepare?: (el: E) => void | Promise<void>) {
    const form = document.createElement('form');
    const el = opts.create();
    el.name = 'field';
    if (prepare) await prepare(el);
    form.append(el);
    document.body.append(form);
    await settle(el);
    return { form, el, done: () => form.remove() };
  }

  describe(`${opts.tag}: form association (shared suite)`, () => {
    it('belongs to its form and submits the value under its name', async () => {
      const { form, el, done } = await inForm(opts.setValue);
      try {
        expect(el.form).to.equal(form);
        expect(new FormData(form).getAll('field')).to.deep.equal(opts.expected);
      } finally {
        done();
      }
    });

    it('a value set after connecting reaches the form synchronously', async () => {
      const { form, el, done } = await inForm();
      try {
        await opts.setValue(el);
        expect(new FormData(form).getAll('field')).to.deep.equal(opts.expected);
      } finally {
        done();
      }
    });

    it('a user change fires qys-change and updates the form data', async () => {
      const { form, el, done } = await inForm();
      try {
        const before = JSON.stringify(new FormData(form).getAll('field'));
        const changed = oneEvent(el, 'qys-change');
        await opts.userChange(el);
        const ev = await changed;
        expect(ev.bubbles && ev.composed).to.equal(true);
        expect(JSON.stringify(new FormData(form).getAll('field'))).not.to.equal(before);
      } finally {
        done();
      }
    });

    it('a user change also fires native input and change, with value already new (v-model reads it)', async () => {
      const { el, done } = await inForm();
      try {
        const value = () => JSON.stringify((el as unknown as { value: unknown }).value);
        const seen: { type: string; value: string; composed: boolean }[] = [];
        const note = (e: Event) => {
          // Composed input events of inner controls (retargeted to the field) are not the field's own.
          if (e.composedPath()[0] !== el) return;
          seen.push({ type: e.type, value: value(), composed: e.composed });
        };
        for (const type of ['qys-change', 'input', 'change']) el.addEventListener(type, note);
        const before = value();
        await opts.userChange(el);
        await settle(el);
        expect(seen.map((e) => e.type)).to.deep.equal(['qys-change', 'input', 'change']);
        expect(seen[1]!.value).to.not.equal(before);
        expect(seen[1]!.value).to.equal(value());
        expect(seen[1]!.composed, 'input is composed, like a native one').to.equal(true);
        seen.length = 0;
        await opts.setValue(el);
        await settle(el);
        expect(seen, 'a value set by the page fires nothing').to.deep.equal([]);
      } finally {
        done();
      }
    });

    if (opts.requiredMeansNonEmpty !== false) {
      it('required with no value is invalid (valueMissing, with a message) and blocks submit', async () => {
        const { form, el, done } = await inForm((e) => {
          e.required = true;
        });
        try {
          expect(el.checkValidity()).to.equal(false);
          expect(el.validity.valueMissing).to.equal(true);
          expect(el.validationMessage).to.not.equal('');
          let submitted = false;
          form.addEventListener('submit', (e) => {
            submitted = true;
            e.preventDefault();
          });
          const invalid = oneEvent(el, 'invalid');
          form.requestSubmit();
          await invalid;
          expect(submitted).to.equal(false);
          await opts.setValue(el);
          expect(el.checkValidity()).to.equal(true);
        } finally {
          done();
        }
      });
    }

    if (opts.requiredMeansNonEmpty !== false) {
      it('required set after connecting makes an empty field invalid at once, and unset valid again', async () => {
        const { el, done } = await inForm();
        try {
          expect(el.checkValidity()).to.equal(true);
          el.required = true;
          await settle(el);
          expect(el.validity.valueMissing).to.equal(true);
          el.required = false;
          await settle(el);
          expect(el.checkValidity()).to.equal(true);
        } finally {
          done();
        }
      });
    }

    if (opts.requiredMeansNonEmpty !== false) {
      it('the validation message is written again in the new language when the language changes', async () => {
        const { el, done } = await inForm((e) => {
          e.required = true;
        });
        try {
          const zh = el.validationMessage;
          expect(zh, 'zh-CN message').to.match(/[\u4e00-\u9fff]/);
          el.lang = 'en';
          await settle(el);
          await waitUntil(() => el.validationMessage !== zh, `still "${zh}" after lang="en"`, {
            timeout: 5000,
          });
          expect(el.validationMessage).to.not.match(/[\u4e00-\u9fff]/);
          expect(el.validity.valueMissing).to.equal(true);
        } finally {
          done();
        }
      });
    }

    it('disabled (own or through a fieldset) is left out of the form data', async () => {
      const { form, el, done } = await inForm(opts.setValue);
      try {
        el.disabled = true;
        await settle(el);
        expect(new FormData(form).getAll('field')).to.deep.equal([]);
        el.disabled = false;
        const fieldset = document.createElement('fieldset');
        form.append(fieldset);
        fieldset.append(el);
        fieldset.disabled = true;
        await settle(el);
        expect(new FormData(form).getAll('field')).to.deep.equal([]);
        fieldset.disabled = false;
        await settle(el);
        expect(new FormData(form).getAll('field')).to.deep.equal(opts.expected);
      } finally {
        done();
      }
    });

    for (const how of ['property', 'attribute'] as const) {
      it(`disabled set and unset as ${how === 'property' ? 'a property' : 'an attribute'} disables and re-enables the inner controls`, async () => {
        const { el, done } = await inForm(opts.setValue);
        const set = (on: boolean) => {
          if (how === 'property') el.disabled = on;
          else el.toggleAttribute('disabled', on);
        };
        try {
          expect(opts.innerDisabled(el), 'enabled at first').to.equal(false);
          for (let round = 0; round < 3; round++) {
            set(true);
            await settle(el);
            await settle(el);
            expect(el.disabled, `round ${round}: disabled`).to.equal(true);
            expect(opts.innerDisabled(el), `round ${round}: inner controls disabled`).to.equal(true);
            set(false);
            await settle(el);
            await settle(el);
            expect(el.disabled, `round ${round}: enabled`).to.equal(false);
            expect(opts.innerDisabled(el), `round ${round}: inner controls enabled again`).to.equal(false);
          }
        } finally {
          done();
        }
      });
    }

    it('a disabled fieldset disables the inner controls (formDisabledCallback), and enabling it re-enables them', async () => {
      const { form, el, done } = await inForm(opts.setValue);
      try {
        const fieldset = document.createElement('fieldset');
        form.append(fieldset);
        fieldset.append(el);
        await settle(el);
        expect(opts.innerDisabled(el), 'enabled at first').to.equal(false);
        fieldset.disabled = true;
        await settle(el);
        await settle(el);
        expect(opts.innerDisabled(el), 'fieldset disabled').to.equal(true);
        // Own disabled on and off while the fieldset stays disabled: still disabled by the fieldset.
        el.disabled = true;
        await settle(el);
        el.disabled = false;
        await settle(el);
        await settle(el);
        expect(opts.innerDisabled(el), 'still disabled by the fieldset').to.equal(true);
        fieldset.disabled = false;
        await settle(el);
        await settle(el);
        expect(opts.innerDisabled(el), 'fieldset enabled again').to.equal(false);
      } finally {
        done();
      }
    });

    it('form.reset() goes back to the initial value', async () => {
      const { form, el, done } = await inForm();
      try {
        const initial = new FormData(form).getAll('field');
        await opts.setValue(el);
        form.reset();
        await settle(el);
        expect(new FormData(form).getAll('field')).to.deep.equal(initial);
      } finally {
        done();
      }
    });

    it('restores a saved form state (formStateRestoreCallback)', async () => {
      const a = await inForm(opts.setValue);
      const saved = new FormData(a.form).get('field');
      a.done();
      const { form, el, done } = await inForm();
      try {
        el.formStateRestoreCallback?.(saved);
        await settle(el);
        expect(new FormData(form).getAll('field')).to.deep.equal(opts.expected);
      } finally {
        done();
      }
    });
  });
}
