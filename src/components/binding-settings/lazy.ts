/**
 * Code the binding-settings page needs soon but not for its first paint, as on-demand chunks: the
 * zod validation schema (about 11 kB gzip), the edit form's views, and the two embedded elements
 * (network-strategy editor, org picker). Each is requested once per page, right when the first <qys-binding-settings> connects,
 * so it is normally there before the user opens a form.
 */
import type { BindingInputSchema } from '../../api/schemas.js';

type Schema = typeof BindingInputSchema;
let schema: Schema | undefined;
let schemaPromise: Promise<Schema> | undefined;

/** The validation schema, once loaded (undefined before). */
export const loadedSchema = (): Schema | undefined => schema;

export function loadSchema(): Promise<Schema> {
  schemaPromise ??= import('../../api/schemas.js').then((m) => (schema = m.BindingInputSchema));
  return schemaPromise;
}

let elementsPromise: Promise<unknown> | undefined;
let elementsFailed = false;

/** The two elements the page embeds (registered by loadEmbeddedElements, or by the page itself). */
export const EMBEDDED_TAGS = ['qys-network-strategy-editor', 'qys-org-scope-picker'] as const;

/** Registers <qys-network-strategy-editor> and <qys-org-scope-picker> (a no-op when already defined). */
export function loadEmbeddedElements(): Promise<unknown> {
  elementsPromise ??= Promise.all([
    import('../network-strategy-editor/define.js'),
    import('../org-scope-picker/define.js'),
  ]).catch((e: unknown) => {
    elementsFailed = true;
    throw e;
  });
  return elementsPromise;
}

/**
 * What to show in place of an embedded element: `ready` (the tag is defined), `loading` (its chunk is
 * on its way) or `failed` (the chunk could not be loaded, and the page did not define the tag either).
 */
export function embeddedState(tag: (typeof EMBEDDED_TAGS)[number]): 'ready' | 'loading' | 'failed' {
  if (customElements.get(tag)) return 'ready';
  return elementsFailed ? 'failed' : 'loading';
}

type FormView = typeof import('./views/form.js');
let formView: FormView | undefined;
let formViewPromise: Promise<FormView> | undefined;

/** The edit form's views, once loaded (undefined before). */
export const loadedFormView = (): FormView | undefined => formView;

export function loadFormView(): Promise<FormView> {
  formViewPromise ??= import('./views/form.js').then((m) => (formView = m));
  return formViewPromise;
}
