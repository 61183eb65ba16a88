/**
 * The integration checklist: what an administrator must enter on the Qiyuesuo side (seed 001 §一 for
 * the private cloud, §二 for the public cloud, §一.5 for an E9 → E10 upgrade), computed from the
 * binding and the OA address; plus the pure parts of the checks (protocols, sync freshness).
 * Labels are message keys (`item.<id>`), localised by the element and by `checklistToMarkdown`.
 */
import type { Binding } from '../../api/schemas.js';
import { e10Addresses, joinPath, nginxCallbackRewrite, normalizeBaseUrl, E10_PATHS } from './urls.js';
import { protocolMismatch } from './framing.js';
import { objectOf, textOf } from '../input.js';

export type UpgradeMode = 'none' | 'same-address' | 'new-address';

export interface ChecklistInput {
  binding: Binding;
  /** The OA (E10) address as the Qiyuesuo side must reach it. */
  oaBaseUrl: string;
  /** 泛微E10租户识别码 (团队识别码), when known. Public bindings carry their own `tenantId`. */
  tenantId?: string;
  upgrade?: UpgradeMode;
  /** The old E9 address, for `upgrade: 'new-address'`. */
  e9BaseUrl?: string;
  /**
   * The E10 open platform's app_key and corpId, when the host tells them (`client.context().openPlatform`).
   * The app_secret is never shown: the checklist says where to read it.
   */
  openPlatform?: { appKey?: string; corpId?: string };
}

export type ChecklistSection = 'integration' | 'callbacks' | 'sync' | 'upgrade' | 'public';

export interface ChecklistItem {
  /** Stable ID; the label key is `item.<id>` and the optional note key `note.<id>`. */
  id: string;
  section: ChecklistSection;
  /** A value to enter on the Qiyuesuo side (copyable). */
  value?: string;
  /** A setting to choose, as a message key (`setting.on`, `setting.https`, …). */
  setting?: string;
  /** Where to find a value that only the OA admin can read (message key); nothing secret is shown. */
  where?: string;
  /** Value is code (rendered in a <pre>). */
  code?: boolean;
  /** Message params for the note. */
  params?: Record<string, string>;
}

export interface ChecklistProblem {
  field: 'oaBaseUrl' | 'e9BaseUrl';
  code: string;
}

export interface Checklist {
  serviceType: Binding['serviceType'];
  oaBase: string | null;
  items: ChecklistItem[];
  problems: ChecklistProblem[];
}

export function buildChecklist(input: ChecklistInput): Checklist {
  const problems: ChecklistProblem[] = [];
  const oa = normalizeBaseUrl(input.oaBaseUrl);
  if (!oa.ok) problems.push({ field: 'oaBaseUrl', code: oa.code });
  const base = oa.ok ? oa.base : null;
  const addr = base ? e10Addresses(base) : null;
  const items: ChecklistItem[] = [];
  const b = input.binding;

  if (b.serviceType === 'public') {
    items.push({ id: 'publicSso', section: 'public', setting: 'setting.on' });
    items.push({ id: 'e10Address', section: 'public', value: base ?? undefined });
    items.push({
      id: 'publicTenantId',
      section: 'public',
      value: b.tenantId || input.tenantId || undefined,
      where: 'where.tenantId',
    });
    return { serviceType: 'public', oaBase: base, items, problems };
  }

  items.push({ id: 'sso', section: 'integration', setting: 'setting.on' });
  items.push({ id: 'e10Address', section: 'integration', value: base ?? undefined });
  items.push({ id: 'encryptionKey', section: 'integration', value: b.encryptionKey || undefined });
  items.push({
    id: 'tenantCode',
    section: 'integration',
    // What the service keeps (一键部署 or the form), else what the page was told.
    value: b.tenantCode || input.tenantId || undefined,
    where: 'where.tenantId',
  });
  items.push({ id: 'syncSource', section: 'integration', setting: 'setting.https' });
  items.push({ id: 'openServer', section: 'integration', value: addr?.openServer });
  items.push({
    id: 'appKey',
    section: 'integration',
    value: input.openPlatform?.appKey || undefined,
    where: 'where.appManagement',
  });
  items.push({ id: 'appSecret', section: 'integration', where: 'where.appManagement' });
  items.push({
    id: 'corpId',
    section: 'integration',
    value: input.openPlatform?.corpId || undefined,
    where: 'where.developerInfo',
  });
  items.push({ id: 'globalCallback', section: 'callbacks', value: addr?.signCallbackPrivate });
  items.push({ id: 'categoryCallback', section: 'callbacks', value: addr?.categoryCallback });
  items.push({ id: 'personSync', section: 'sync', setting: 'setting.dailyMidnight' });
  // Seed 003 注2: Qiyuesuo reads the OA to sync members only once its address is on the OA's whitelist.
  items.push({ id: 'oaWhitelist', section: 'sync', setting: 'setting.oaWhitelist' });

  const upgrade = input.upgrade ?? 'none';
  // Seed 001 §1: the integration is still set to 泛微E9及以下版本 (the service says E9, or the admin
  // says this is an upgrade): switch it to 泛微E10 first. The console warns; it is safe to confirm.
  if (upgrade !== 'none' || b.oaVersion === 'E9')
    items.push({ id: 'switchToE10', section: 'upgrade', setting: 'setting.e10' });
  if (upgrade === 'same-address' && base) {
    items.push({ id: 'nginxRewrite', section: 'upgrade', value: nginxCallbackRewrite(base), code: true });
  } else if (upgrade === 'new-address') {
    const e9 = normalizeBaseUrl(input.e9BaseUrl ?? '');
    if (!e9.ok)
      problems.push({ field: 'e9BaseUrl', code: (input.e9BaseUrl ?? '').trim() ? e9.code : 'required' });
    items.push({
      id: 'categoryCallbackChange',
      section: 'upgrade',
      value: addr?.categoryCallback,
      params: { old: e9.ok ? joinPath(e9.base, E10_PATHS.e9CategoryCallback) : '—' },
    });
  }
  return { serviceType: 'private', oaBase: base, items, problems };
}

/** The signing addresses a browser may be sent to (the internal one only when auto-login uses it). */
export function signingTargets(b: Binding): { zone: 'external' | 'internal'; url: string }[] {
  if (b.serviceType !== 'private') return [];
  const out: { zone: 'external' | 'internal'; url: string }[] = [];
  if (b.signingUrlExternal) out.push({ zone: 'external', url: b.signingUrlExternal });
  if (b.autoLogin.mode !== 'off' && b.signingUrlInternal)
    out.push({ zone: 'internal', url: b.signingUrlInternal });
  return out;
}

export type CheckStatus = 'pass' | 'fail' | 'cannot-check';

export interface CheckOutcome {
  status: CheckStatus;
  /** Message key of the reason (`check.<id>.<reason>`) and its params. */
  reason: string;
  params?: Record<string, string | number>;
}

/**
 * OA page and signing platform must use the same protocol (seed 000 FAQ 1, note 2). Never throws: an
 * OA address that is not an http(s) URL (`http://x:99999/`) cannot be checked (`reason.badPageUrl`).
 */
export function checkProtocols(pageUrl: string, targets: { zone: string; url: string }[]): CheckOutcome {
  const list = Array.isArray(targets)
    ? targets.flatMap((t) => {
        const o = objectOf<{ zone: string; url: string }>(t);
        return o ? [{ zone: textOf(o.zone), url: textOf(o.url) }] : [];
      })
    : [];
  if (list.length === 0) return { status: 'cannot-check', reason: 'reason.noSigningUrl' };
  let page: URL;
  try {
    page = new URL(textOf(pageUrl));
  } catch {
    return { status: 'cannot-check', reason: 'reason.badPageUrl' };
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:')
    return { status: 'cannot-check', reason: 'reason.badPageUrl' };
  for (const t of list) {
    const m = protocolMismatch(page.href, t.url);
    if (m === 'mixed-content')
      return { status: 'fail', reason: 'reason.mixedContent', params: { url: t.url } };
    if (m === 'http-page')
      return { status: 'fail', reason: 'reason.protocolDiffers', params: { url: t.url } };
  }
  return {
    status: 'pass',
    reason: 'reason.protocolsMatch',
    params: { protocol: page.protocol.replace(':', '') },
  };
}

/** The element's default for `stale-days`, used when `staleDays` is not a number. */
const DEFAULT_STALE_DAYS = 7;

/**
 * Synced provider data older than `staleDays` (or never synced) is stale (seed 000 FAQ 2). Never
 * throws: a time that cannot be read is `reason.badTime`, a bad `now` is the current time, a bad
 * `staleDays` is 7.
 */
export function checkSyncFreshness(lastSyncedAt: string | null, now: Date, staleDays: number): CheckOutcome {
  if (lastSyncedAt === null || lastSyncedAt === undefined || lastSyncedAt === '')
    return { status: 'fail', reason: 'reason.neverSynced' };
  const t = typeof lastSyncedAt === 'string' ? Date.parse(lastSyncedAt) : NaN;
  if (Number.isNaN(t)) return { status: 'cannot-check', reason: 'reason.badTime' };
  const nowMs = now instanceof Date && !Number.isNaN(now.getTime()) ? now.getTime() : Date.now();
  const days = Math.floor((nowMs - t) / 86_400_000);
  const limit = typeof staleDays === 'number' && staleDays >= 0 ? staleDays : DEFAULT_STALE_DAYS;
  if (days > limit) return { status: 'fail', reason: 'reason.stale', params: { days, limit } };
  return {
    status: 'pass',
    reason: 'reason.fresh',
    params: { days: Math.max(0, days), ago: Math.max(0, nowMs - t) },
  };
}
