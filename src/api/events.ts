/**
 * Every event the elements fire: `qys-*` CustomEvents that bubble and compose, each with a typed
 * `detail`. Listed once here so `addEventListener('qys-save', e => e.detail.binding)` is typed.
 * No detail ever carries the App Secret.
 */
import type { QysError } from './errors.js';
import type { AutoLogin, Binding, OrgScope, OrgRef, SigningZone, SyncReport } from './schemas.js';

export type SigningBlockedCause =
  | 'csp' // the host page's own CSP forbids framing the signing platform
  | 'frame-refused' // the signing platform refused to be framed (embed whitelist)
  | 'mixed-content' // https page, http signing platform
  | 'expired' // the session URL expired before it loaded
  | 'login-required' // SSO failed; the platform showed its login page
  | 'third-party-storage' // SSO went through, but the browser keeps no cookies for the framed platform
  | 'unreachable'; // the platform did not answer

export interface SigningOutcome {
  type: 'signed' | 'declined' | 'cancelled' | 'expired' | 'error' | 'blocked';
  contractId?: string;
  /** The contract state confirmed by the host, when it offers one. */
  confirmed?: string;
}

/**
 * The value each form field's `qys-change` carries, by tag: `<qys-browse-field>` the selected IDs,
 * `<qys-org-scope-picker>` the scope (`mode="persons"`: persons in `include`, `exclude` empty),
 * `<qys-network-strategy-editor>` the auto-login strategy.
 */
export interface QysFieldValueMap {
  'qys-browse-field': string[];
  'qys-org-scope-picker': OrgScope;
  'qys-network-strategy-editor': AutoLogin;
}

/** `qys-change` of one field, with its own value type: `QysChangeEvent<'qys-browse-field'>`. */
export type QysChangeEvent<Tag extends keyof QysFieldValueMap = keyof QysFieldValueMap> = CustomEvent<{
  value: QysFieldValueMap[Tag];
}>;

export interface QysEventMap {
  /**
   * A form field's value changed by the user. On a listener of unknown origin `value` is one of the
   * fields' types; on an element (`QysElementEventMap`, the fields' `addEventListener`) it is that
   * field's own.
   */
  'qys-change': QysChangeEvent;
  'qys-save': CustomEvent<{ binding: Binding }>;
  'qys-delete': CustomEvent<{ id: string }>;
  'qys-sync-complete': CustomEvent<{ serviceId: string; report: SyncReport }>;
  'qys-dirty-change': CustomEvent<{ dirty: boolean }>;
  'qys-scope-save': CustomEvent<{ serviceId: string; scope: OrgScope }>;
  'qys-ready': CustomEvent<{ zone: SigningZone; url: string }>;
  'qys-signed': CustomEvent<{ contractId?: string; confirmed?: string }>;
  'qys-declined': CustomEvent<{ contractId?: string; confirmed?: string }>;
  'qys-cancelled': CustomEvent<{ contractId?: string }>;
  'qys-expired': CustomEvent<{ contractId?: string }>;
  'qys-error': CustomEvent<{ error: QysError | Error; code: string }>;
  'qys-blocked': CustomEvent<{ cause: SigningBlockedCause; message: string; origin?: string }>;
  /** `value` is the copied text for checklist values; binding settings' 加密密钥 copy carries only `key`. */
  'qys-copy': CustomEvent<{ key: string; value?: string }>;
  'qys-signatories-change': CustomEvent<{ signatories: OrgRef[] }>;
}

/** The events each element fires, with its own `qys-change` value type (tag → event map). */
export interface QysElementEventMap {
  'qys-browse-field': Pick<QysEventMap, 'qys-sync-complete' | 'qys-error'> & {
    'qys-change': QysChangeEvent<'qys-browse-field'>;
  };
  'qys-org-scope-picker': { 'qys-change': QysChangeEvent<'qys-org-scope-picker'> };
  'qys-network-strategy-editor': { 'qys-change': QysChangeEvent<'qys-network-strategy-editor'> };
  'qys-binding-settings': Pick<
    QysEventMap,
    | 'qys-save'
    | 'qys-delete'
    | 'qys-sync-complete'
    | 'qys-dirty-change'
    | 'qys-scope-save'
    | 'qys-copy'
    | 'qys-signatories-change'
  >;
  'qys-signing-frame': Pick<
    QysEventMap,
    | 'qys-ready'
    | 'qys-signed'
    | 'qys-declined'
    | 'qys-cancelled'
    | 'qys-expired'
    | 'qys-error'
    | 'qys-blocked'
  >;
  'qys-integration-checklist': Pick<QysEventMap, 'qys-copy' | 'qys-error'>;
  'qys-host-provider': Record<never, never>;
}

/** An element's event by tag and name: `QysEventOf<'qys-browse-field', 'qys-change'>`. */
export type QysEventOf<
  Tag extends keyof QysElementEventMap,
  Name extends keyof QysElementEventMap[Tag],
> = QysElementEventMap[Tag][Name];

/**
 * `addEventListener` / `removeEventListener` typed by an element's own events (merged into each
 * element class): `field.addEventListener('qys-change', (e) => e.detail.value)` gets the field's type.
 */
export interface QysTypedListeners<Tag extends keyof QysElementEventMap> {
  addEventListener<K extends keyof QysElementEventMap[Tag] & string>(
    type: K,
    listener: (this: HTMLElement, ev: QysElementEventMap[Tag][K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof QysElementEventMap[Tag] & string>(
    type: K,
    listener: (this: HTMLElement, ev: QysElementEventMap[Tag][K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends QysEventMap {}
}
