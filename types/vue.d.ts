/**
 * `qys-elements/vue`: Vue 3 template types for the qys tags (`GlobalComponents`), checked by vue-tsc /
 * Volar. Add it once: `"types": ["qys-elements/vue"]` in tsconfig.json, or
 * `import type {} from 'qys-elements/vue'` in a `.d.ts` of the app.
 *
 * Runtime setup (vite.config): let Vue treat the tags as custom elements:
 *   vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('qys-') } } })
 *
 * `v-model` works on the three form fields (`qys-browse-field`, `qys-org-scope-picker`,
 * `qys-network-strategy-editor`): Vue binds a custom element's v-model to `el.value` and reads it back on
 * the `input` event, which the fields fire (with `change`) after every user change, as `<input>` does.
 * For type checking, Volar maps `v-model` on a component to `modelValue`, so the fields declare a
 * `modelValue` of their value type: at runtime it is `value`.
 *
 * Events: `@qys-change="(e) => e.detail.value"` and every other `qys-*` event, with typed `detail`.
 */
import type { DefineComponent, HTMLAttributes } from 'vue';
import type { QysEventMap } from '../dist/types/api/events.js';
import type { AutoLogin, OrgScope } from '../dist/types/api/schemas.js';
import type { QysHostProvider } from '../dist/types/components/host-provider/host-provider.js';
import type { QysBindingSettings } from '../dist/types/components/binding-settings/binding-settings.js';
import type { QysNetworkStrategyEditor } from '../dist/types/components/network-strategy-editor/network-strategy-editor.js';
import type { QysOrgScopePicker } from '../dist/types/components/org-scope-picker/org-scope-picker.js';
import type { QysBrowseField } from '../dist/types/components/browse-field/browse-field.js';
import type { QysSigningFrame } from '../dist/types/components/signing-frame/signing-frame.js';
import type { QysIntegrationChecklist } from '../dist/types/components/integration-checklist/integration-checklist.js';

type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** Settable, non-function properties the element adds to `HTMLElement`. */
type ElementProps<E> = {
  [K in Exclude<keyof E, keyof HTMLElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** `@qys-change` → `onQysChange` with the typed event. */
type EventProps<M> = { [K in keyof M & string as `on${Capitalize<Camel<K>>}`]?: (event: M[K]) => void };

/** A form field: v-model typed with the field's value. */
type ModelProps<V> = { modelValue?: V; 'onUpdate:modelValue'?: (value: V) => void };

type Tag<E, Events = object, Extra = object> = DefineComponent<
  ElementProps<E> &
    EventProps<Events> &
    Extra &
    Omit<HTMLAttributes, keyof ElementProps<E> | `on${string}`> & { lang?: string }
>;

type Fires<K extends keyof QysEventMap> = Pick<QysEventMap, K>;
type Change<V> = { 'qys-change': CustomEvent<{ value: V }>; input: Event; change: Event };

export interface QysGlobalComponents {
  'qys-host-provider': Tag<QysHostProvider>;
  'qys-binding-settings': Tag<
    QysBindingSettings,
    Fires<
      'qys-save' | 'qys-delete' | 'qys-sync-complete' | 'qys-dirty-change' | 'qys-scope-save' | 'qys-copy'
    >
  >;
  'qys-network-strategy-editor': Tag<QysNetworkStrategyEditor, Change<AutoLogin>, ModelProps<AutoLogin>>;
  'qys-org-scope-picker': Tag<QysOrgScopePicker, Change<OrgScope>, ModelProps<OrgScope>>;
  'qys-browse-field': Tag<
    QysBrowseField,
    Change<string[]> & Fires<'qys-sync-complete'>,
    ModelProps<string[]>
  >;
  'qys-signing-frame': Tag<
    QysSigningFrame,
    Fires<
      | 'qys-ready'
      | 'qys-signed'
      | 'qys-declined'
      | 'qys-cancelled'
      | 'qys-expired'
      | 'qys-error'
      | 'qys-blocked'
    >
  >;
  'qys-integration-checklist': Tag<QysIntegrationChecklist, Fires<'qys-copy'>>;
}

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends QysGlobalComponents {}
}
