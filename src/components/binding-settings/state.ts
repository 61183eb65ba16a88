// The state shapes of <qys-binding-settings> that its views read (not part of the public API).
import type {
  Binding,
  ConnectionReport,
  OrgScope,
  OrgScopeRecord,
  SyncProgress,
  SyncReport,
} from '../../api/schemas.js';
import type { ConflictRow, Draft, FieldName } from '../../core/binding/form-model.js';

/** A question in the modal dialog; `resolve` gets the chosen answer. */
export interface DialogRequest {
  kind: 'confirm' | 'conflict';
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  resolve: (ok: boolean) => void;
}

export interface ConflictState {
  /** The server's record; undefined when it was deleted. */
  current: Binding | undefined;
  theirs: Draft | undefined;
  rows: ConflictRow[];
  /** Fields where the user keeps their own value in a merge. */
  keepMine: Set<FieldName>;
  loadError?: string;
}

export interface ScopeState {
  record?: OrgScopeRecord;
  value?: OrgScope;
  loading: boolean;
  saving: boolean;
  error?: string;
  conflict?: boolean;
  saved?: boolean;
}

export interface SyncState {
  running: boolean;
  progress?: SyncProgress;
  report?: SyncReport;
  error?: string;
  cancelled?: boolean;
}

export interface TestState {
  running: boolean;
  report?: ConnectionReport;
  error?: string;
}
