/**
 * Every event the elements fire: `qys-*` CustomEvents that bubble and compose, each with a typed
 * `detail`. Listed once here so `addEventListener('qys-save', e => e.detail.binding)` is typed.
 * No detail ever carries the App Secret.
 */
import type { QysError } from './errors.js';
import type { Binding, OrgScope, OrgRef, SigningZone, SyncReport } from './schemas.js';

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

export interface QysEventMap {
  /** A form field's value changed by the user. */
  'qys-change': CustomEvent<{ value: unknown }>;
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
  'qys-copy': CustomEvent<{ key: string; value: string }>;
  'qys-signatories-change': CustomEvent<{ signatories: OrgRef[] }>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends QysEventMap {}
}
