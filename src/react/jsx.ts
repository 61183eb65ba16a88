/**
 * `qys-elements/react/jsx`: JSX types for React 19 users who write the tags directly
 * (`<qys-browse-field kind="file-template" onqys-change={…}>`). Types only; load it once, e.g.
 * `import type {} from 'qys-elements/react/jsx';` in a `.d.ts` or the app's entry.
 *
 * React 19 sets a prop as a property when the element has one (so `host={host}` and `value={ids}` arrive
 * as objects) and listens to `on<event-name>` props (`onqys-change` → `qys-change`). React 18 sets
 * every prop as an attribute (`host` becomes "[object Object]") and attaches no custom events: React 18
 * users take the components from `qys-elements/react`.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { QysEventMap } from '../api/events.js';
import type { AutoLogin, OrgScope } from '../api/schemas.js';
import type { QysHostProvider } from '../components/host-provider/host-provider.js';
import type { QysBindingSettings } from '../components/binding-settings/binding-settings.js';
import type { QysNetworkStrategyEditor } from '../components/network-strategy-editor/network-strategy-editor.js';
import type { QysOrgScopePicker } from '../components/org-scope-picker/org-scope-picker.js';
import type { QysBrowseField } from '../components/browse-field/browse-field.js';
import type { QysSigningFrame } from '../components/signing-frame/signing-frame.js';
import type { QysIntegrationChecklist } from '../components/integration-checklist/integration-checklist.js';

/** Writable, non-function properties the element adds to `HTMLElement` (what React 19 can set). */
type ElementProps<E> = {
  [K in Exclude<keyof E, keyof HTMLElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** `on<event>` props for the listed events, with their typed `detail`. */
type EventProps<M> = { [K in keyof M as `on${K & string}`]?: (event: M[K]) => void };

type Pick2<K extends keyof QysEventMap> = Pick<QysEventMap, K>;

/** Attributes the base classes carry (also accepted as text). */
interface CommonAttributes {
  lang?: string;
  class?: string;
}

/** Props of one qys tag in JSX: its properties, its events, and React's own HTML attributes. */
export type QysJsxProps<E, Events = object> = ElementProps<E> &
  EventProps<Events> &
  CommonAttributes &
  Omit<HTMLAttributes<E>, keyof ElementProps<E> | 'onChange' | 'onInput'> &
  RefAttributes<E> & { children?: unknown };

type FieldEvents<V> = { 'qys-change': CustomEvent<{ value: V }> };

export interface QysIntrinsicElements {
  'qys-host-provider': QysJsxProps<QysHostProvider>;
  'qys-binding-settings': QysJsxProps<
    QysBindingSettings,
    Pick2<
      | 'qys-save'
      | 'qys-delete'
      | 'qys-sync-complete'
      | 'qys-dirty-change'
      | 'qys-scope-save'
      | 'qys-copy'
      | 'qys-signatories-change'
    >
  >;
  'qys-network-strategy-editor': QysJsxProps<QysNetworkStrategyEditor, FieldEvents<AutoLogin>>;
  'qys-org-scope-picker': QysJsxProps<QysOrgScopePicker, FieldEvents<OrgScope>>;
  'qys-browse-field': QysJsxProps<QysBrowseField, FieldEvents<string[]> & Pick2<'qys-sync-complete'>>;
  'qys-signing-frame': QysJsxProps<
    QysSigningFrame,
    Pick2<
      | 'qys-ready'
      | 'qys-signed'
      | 'qys-declined'
      | 'qys-cancelled'
      | 'qys-expired'
      | 'qys-error'
      | 'qys-blocked'
    >
  >;
  'qys-integration-checklist': QysJsxProps<QysIntegrationChecklist, Pick2<'qys-copy'>>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends QysIntrinsicElements {}
  }
}
