/**
 * The edit form's model, with no DOM: the draft a user edits, how it turns into a `BindingInput`,
 * validation through the shared `BindingInputSchema`, dirty checking and the field-by-field
 * comparison used when a save hits a newer version (409).
 *
 * The draft keeps the fields of both service types, so switching 私有 ⇄ 公有 never throws away
 * what was typed in the other type's fields; only the active type's fields are sent.
 */
import type { BindingInputSchema } from '../../api/schemas.js';
import type {
  AutoLogin,
  Binding,
  BindingInput,
  OrgRef,
  ServiceType,
  ValidationIssue,
} from '../../api/schemas.js';

export interface Draft {
  id?: string;
  version?: number;
  provider: string;
  name: string;
  serviceType: ServiceType;
  isDefault: boolean;
  appToken: string;
  /** Whether the host stores a secret for this service (never the secret itself). */
  appSecretSet: boolean;
  signatories: OrgRef[];
  openApiUrl: string;
  encryptionKey: string;
  signingUrlExternal: string;
  signingUrlInternal: string;
  autoLogin: AutoLogin;
  ssoEnabled: boolean;
  e10Url: string;
  tenantId: string;
}

/** Fields the form shows, in display order (errors are summarised in this order). */
export const FIELDS = [
  'name',
  'provider',
  'serviceType',
  'openApiUrl',
  'appToken',
  'appSecret',
  'encryptionKey',
  'isDefault',
  'ssoEnabled',
  'e10Url',
  'tenantId',
  'signingUrlExternal',
  'signingUrlInternal',
  'autoLogin',
  'signatories',
] as const;
export type FieldName = (typeof FIELDS)[number];

export const PRIVATE_ONLY: ReadonlySet<FieldName> = new Set([
  'openApiUrl',
  'encryptionKey',
  'signingUrlExternal',
  'signingUrlInternal',
  'autoLogin',
]);
export const PUBLIC_ONLY: ReadonlySet<FieldName> = new Set(['ssoEnabled', 'e10Url', 'tenantId']);

/** Whether `field` is shown (and sent) for `type`. */
export const fieldApplies = (field: FieldName, type: ServiceType): boolean =>
  type === 'private' ? !PUBLIC_ONLY.has(field) : !PRIVATE_ONLY.has(field);

export const emptyAutoLogin = (): AutoLogin => ({ mode: 'off', segmentRules: [], domainRules: [] });

export function newDraft(encryptionKey: string, isDefault: boolean): Draft {
  return {
    provider: 'qiyuesuo',
    name: '',
    serviceType: 'private',
    isDefault,
    appToken: '',
    appSecretSet: false,
    signatories: [],
    openApiUrl: '',
    encryptionKey,
    signingUrlExternal: '',
    signingUrlInternal: '',
    autoLogin: emptyAutoLogin(),
    ssoEnabled: true,
    e10Url: '',
    tenantId: '',
  };
}

export function draftFromBinding(b: Binding): Draft {
  const d = newDraft('', b.isDefault);
  Object.assign(d, {
    id: b.id,
    version: b.version,
    provider: b.provider,
    name: b.name,
    serviceType: b.serviceType,
    appToken: b.appToken,
    appSecretSet: b.appSecretSet,
    signatories: b.signatories.map((r) => ({ ...r })),
  });
  if (b.serviceType === 'private') {
    d.openApiUrl = b.openApiUrl;
    d.encryptionKey = b.encryptionKey;
    d.signingUrlExternal = b.signingUrlExternal;
    d.signingUrlInternal = b.signingUrlInternal;
    d.autoLogin = structuredClone(b.autoLogin);
  } else {
    d.ssoEnabled = b.ssoEnabled;
    d.e10Url = b.e10Url;
    d.tenantId = b.tenantId;
  }
  return d;
}

/**
 * What a save sends. `appSecret` is included only when the user typed a new one; omitted, the host
 * keeps the stored secret.
 */
export function toInput(d: Draft, appSecret?: string): BindingInput {
  const common = {
    ...(d.id !== undefined ? { id: d.id } : {}),
    ...(d.version !== undefined ? { version: d.version } : {}),
    provider: d.provider,
    name: d.name.trim(),
    isDefault: d.isDefault,
    appToken: d.appToken.trim(),
    ...(appSecret ? { appSecret } : {}),
    signatories: d.signatories,
  };
  if (d.serviceType === 'private')
    return {
      serviceType: 'private',
      ...common,
      openApiUrl: d.openApiUrl.trim(),
      encryptionKey: d.encryptionKey.trim(),
      signingUrlExternal: d.signingUrlExternal.trim(),
      signingUrlInternal: d.signingUrlInternal.trim(),
      autoLogin: d.autoLogin,
    };
  return {
    serviceType: 'public',
    ...common,
    ssoEnabled: d.ssoEnabled,
    e10Url: d.e10Url.trim(),
    tenantId: d.tenantId.trim(),
  };
}

/** Field name of a dot-joined issue path (`autoLogin.segmentRules.3` → `autoLogin`). */
export function fieldOfPath(path: string): FieldName | undefined {
  const head = path.split('.')[0] ?? '';
  return (FIELDS as readonly string[]).includes(head) ? (head as FieldName) : undefined;
}

/** Message codes per field, first issue wins. Issues naming no known field go to `other`. */
export interface FieldErrors {
  fields: Partial<Record<FieldName, string>>;
  other: string[];
}

export function errorsFromIssues(issues: readonly ValidationIssue[]): FieldErrors {
  const out: FieldErrors = { fields: {}, other: [] };
  for (const i of issues) {
    const f = fieldOfPath(i.path);
    if (f) out.fields[f] ??= i.code;
    else out.other.push(i.code);
  }
  return out;
}

const CODE = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)*$/;

/**
 * Validates the draft with the shared schema. `appSecret` is what the user typed (empty: keep the
 * stored one). The schema's own cross-field check on the secret only knows about creates; an edit
 * where the user chose to replace the secret but typed nothing is caught here too.
 */
export function validateDraft(
  d: Draft,
  appSecret: string,
  replacingSecret: boolean,
  schema: typeof BindingInputSchema,
): FieldErrors {
  const input = toInput(d, appSecret);
  const r = schema.safeParse(input);
  const issues: ValidationIssue[] = r.success
    ? []
    : r.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        code: CODE.test(i.message) ? i.message : 'invalid',
      }));
  // zod skips cross-field checks when a field already failed; repeat the ones the form relies on.
  if (
    d.serviceType === 'private' &&
    d.autoLogin.mode !== 'off' &&
    d.signingUrlInternal.trim() === '' &&
    !issues.some((i) => i.path === 'signingUrlInternal')
  )
    issues.push({ path: 'signingUrlInternal', code: 'signingUrlInternal.requiredForAutoLogin' });
  if ((d.id === undefined || replacingSecret) && !appSecret && !issues.some((i) => i.path === 'appSecret'))
    issues.push({ path: 'appSecret', code: 'required' });
  return errorsFromIssues(issues);
}

/** Fields whose value differs between two drafts (active type only, plus the type itself). */
export function changedFields(a: Draft, b: Draft): FieldName[] {
  const out: FieldName[] = [];
  for (const f of FIELDS) {
    if (f === 'appSecret') continue;
    if (f !== 'serviceType' && !fieldApplies(f, a.serviceType) && !fieldApplies(f, b.serviceType)) continue;
    if (!sameValue(a[f], b[f])) out.push(f);
  }
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

function canon(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** True when the draft differs from the record it was loaded from (or a new one has any input). */
export function isDirty(draft: Draft, base: Draft): boolean {
  return (
    changedFields(draft, base).length > 0 || PRIVATE_PUBLIC_KEPT.some((f) => !sameValue(draft[f], base[f]))
  );
}
// Values typed in the inactive type's fields also count as unsaved work.
const PRIVATE_PUBLIC_KEPT = [...PRIVATE_ONLY, ...PUBLIC_ONLY] as FieldName[] as (keyof Draft)[];

/** One row of the conflict comparison. */
export interface ConflictRow {
  field: FieldName;
  /** What the edit started from. */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** The user changed it too (a real clash) — otherwise taking theirs loses nothing. */
  clash: boolean;
}

/** Field-by-field: what the server changed since the edit started, and what I changed. */
export function conflictRows(base: Draft, mine: Draft, theirs: Draft): ConflictRow[] {
  const serverChanged = new Set(changedFields(base, theirs));
  const iChanged = new Set(changedFields(base, mine));
  const rows: ConflictRow[] = [];
  for (const f of FIELDS) {
    if (!serverChanged.has(f) && !iChanged.has(f)) continue;
    if (sameValue(mine[f as keyof Draft], theirs[f as keyof Draft])) continue;
    rows.push({
      field: f,
      base: base[f as keyof Draft],
      mine: mine[f as keyof Draft],
      theirs: theirs[f as keyof Draft],
      clash: serverChanged.has(f) && iChanged.has(f),
    });
  }
  return rows;
}

/**
 * Merge: start from the server's record, take my value for each field in `takeMine`. The result's
 * version is the server's, so the next save is based on what the user has now seen.
 */
export function mergeDrafts(mine: Draft, theirs: Draft, takeMine: ReadonlySet<FieldName>): Draft {
  const out = structuredClone(theirs);
  for (const f of takeMine) {
    if (f === 'appSecret') continue;
    (out as unknown as Record<string, unknown>)[f] = structuredClone(mine[f as keyof Draft]);
  }
  // Keep what was typed for the inactive type too.
  for (const f of PRIVATE_PUBLIC_KEPT)
    if (!takeMine.has(f as FieldName) && !fieldApplies(f as FieldName, out.serviceType))
      (out as unknown as Record<string, unknown>)[f] = structuredClone(mine[f]);
  return out;
}
