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
import type { QysElementEventMap } from '../api/events.js';
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

/** Each tag's events come from `QysElementEventMap` (src/api/events.ts), the one list. */
type Events<Tag extends keyof QysElementEventMap> = QysElementEventMap[Tag];

export interface QysIntrinsicElements {
  'qys-host-provider': QysJsxProps<QysHostProvider>;
  'qys-binding-settings': QysJsxProps<QysBindingSettings, Events<'qys-binding-settings'>>;
  'qys-network-strategy-editor': QysJsxProps<QysNetworkStrategyEditor, Events<'qys-network-strategy-editor'>>;
  'qys-org-scope-picker': QysJsxProps<QysOrgScopePicker, Events<'qys-org-scope-picker'>>;
  'qys-browse-field': QysJsxProps<QysBrowseField, Events<'qys-browse-field'>>;
  'qys-signing-frame': QysJsxProps<QysSigningFrame, Events<'qys-signing-frame'>>;
  'qys-integration-checklist': QysJsxProps<QysIntegrationChecklist, Events<'qys-integration-checklist'>>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends QysIntrinsicElements {}
  }
}
