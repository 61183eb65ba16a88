/**
 * The services group (服务配置): saved services with optimistic versions, the write-only App Secret
 * (kept apart, never in an answer), 测试连接, 同步服务商数据 (into the resources module's copy), key
 * generation and provider probes.
 */
import * as z from 'zod/mini';
import { QysConflictError, QysNotFoundError, QysValidationError } from '../errors.js';
import type { ServicesApi } from '../host.js';
import {
  BindingInputSchema,
  BindingSchema,
  ConnectionReportSchema,
  EncryptionKeyValueSchema,
  ProviderProbeSchema,
  SyncReportSchema,
  isEncryptionKey,
  type Binding,
  type ConnectionReport,
  type ConnectionStep,
  type OrgScopeRecord,
  type ProviderProbe,
  type ResourceKind,
  type SyncCounts,
  type SyncReport,
} from '../schemas.js';
import { personId, unitId, type OrgData } from './data.js';
import { clone, delay, hostOf, validationError, type Runtime } from './faults.js';
import type { ResourceStore } from './resources.js';

export interface ServicesDeps {
  /** Start with no services (the first-run state). */
  noServices?: boolean;
  /** The sync scope of a seeded service (the org module keeps scopes). */
  seedScope(record: OrgScopeRecord): void;
  /** A deleted service's scope and data go with it. */
  forget(serviceId: string): void;
  /** A service's copy of its provider's data (resources module). */
  storeFor(serviceId: string): ResourceStore;
}

export type Services = ReturnType<typeof createServices>;

export function createServices(rt: Runtime, org: OrgData, deps: ServicesDeps) {
  const { call, iso, seed, keyRandom, latencyMs } = rt;
  const options = { noServices: deps.noServices };
  // ---------------------------------------------------------------- services state
  const bindings = new Map<string, Binding>();
  const secrets = new Map<string, string>();
  let idCounter = 0;
  const newId = () => `2861${String(seed % 1000).padStart(3, '0')}${String(++idCounter).padStart(12, '0')}`;
  const seedTime = '2026-11-02T01:30:00.000Z';

  if (!options.noServices) {
    const priv: Binding = {
      serviceType: 'private',
      id: newId(),
      version: 3,
      provider: 'qiyuesuo',
      name: '契约锁私有云',
      isDefault: true,
      appToken: 'Tk8vQ2mZ7pLx',
      appSecretSet: true,
      signatories: [{ type: 'person', id: personId(org.currentUser) }],
      status: 'ok',
      lastSyncedAt: '2026-11-01T02:00:00.000Z',
      updatedAt: seedTime,
      openApiUrl: 'http://10.0.0.21:9182',
      encryptionKey: 'a3f9c2e1-7b6d-4e',
      signingUrlExternal: 'https://qys.example.com',
      signingUrlInternal: 'http://10.0.0.21:9180',
      autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [], segmentPresetIds: [] },
    };
    const pub: Binding = {
      serviceType: 'public',
      id: newId(),
      version: 1,
      provider: 'qiyuesuo',
      name: '契约锁公有云',
      isDefault: false,
      appToken: 'PubT0ken9x2',
      appSecretSet: true,
      signatories: [],
      status: 'unknown',
      lastSyncedAt: null,
      updatedAt: seedTime,
      ssoEnabled: true,
      e10Url: 'https://e10.example.com',
      tenantId: 't-20485',
    };
    for (const b of [priv, pub]) {
      bindings.set(b.id, b);
      secrets.set(b.id, `secret-${b.id.slice(-4)}`);
    }
    const sub = org.roots[0]!;
    const firstDept = org.unitChildren[sub]!.at(-1);
    deps.seedScope({
      serviceId: priv.id,
      scope: {
        include: [{ type: 'subcompany', id: unitId(org, sub) }],
        exclude:
          firstDept !== undefined && org.unitChildren[sub]!.length > 1
            ? [{ type: 'department', id: unitId(org, firstDept) }]
            : [],
      },
      version: 1,
      updatedAt: seedTime,
    });
  }

  const defaultService = () => [...bindings.values()].find((b) => b.isDefault) ?? null;

  function getBinding(id: string): Binding {
    const b = bindings.get(id);
    if (!b) throw new QysNotFoundError(`No service ${id}`);
    return b;
  }

  function checkService(serviceId: string | undefined) {
    if (serviceId !== undefined) getBinding(serviceId);
  }

  const api: ServicesApi = {
    list: (o) =>
      call('services.list', o?.signal, z.array(BindingSchema), () => [...bindings.values()].map(clone)),

    get: (id, o) => call('services.get', o?.signal, BindingSchema, () => clone(getBinding(id))),

    save: (input, o) =>
      call(
        'services.save',
        o?.signal,
        BindingSchema,
        () => {
          const parsed = z.safeParse(BindingInputSchema, input);
          if (!parsed.success) throw validationError(parsed.error.issues);
          const data = parsed.data;
          const existing = data.id !== undefined ? bindings.get(data.id) : undefined;
          if (data.id !== undefined && !existing) throw new QysNotFoundError(`No service ${data.id}`);
          if (existing) {
            if (data.version === undefined)
              throw new QysValidationError([{ path: 'version', code: 'required' }]);
            if (data.version !== existing.version) {
              throw new QysConflictError('The service was changed by someone else', {
                current: clone(existing),
              });
            }
            // The stored secret is bound to the address it was entered for (as the reference host).
            const norm = (u: string) => u.trim().replace(/\/+$/, '');
            if (
              data.appSecret === undefined &&
              existing.serviceType === 'private' &&
              secrets.has(existing.id) &&
              (data.serviceType !== 'private' || norm(data.openApiUrl) !== norm(existing.openApiUrl))
            )
              throw new QysValidationError([{ path: 'appSecret', code: 'appSecret.requiredForNewAddress' }]);
          }
          const { appSecret, ...rest } = data;
          const id = existing?.id ?? newId();
          const base = { ...rest } as Record<string, unknown>;
          delete base.id;
          delete base.version;
          // 泛微团队识别码 / OA version: kept when a save omits them (a form that does not show them).
          if (existing?.serviceType === 'private' && base.serviceType === 'private') {
            if (base.tenantCode === undefined && existing.tenantCode !== undefined)
              base.tenantCode = existing.tenantCode;
            if (base.oaVersion === undefined && existing.oaVersion !== undefined)
              base.oaVersion = existing.oaVersion;
          }
          const record = {
            ...base,
            ...(existing?.createdBy ? { createdBy: existing.createdBy } : {}),
            ...(existing?.personSync ? { personSync: existing.personSync } : {}),
            id,
            version: existing ? existing.version + 1 : 1,
            appSecretSet: appSecret !== undefined || secrets.has(id),
            status: existing?.status ?? 'unknown',
            lastSyncedAt: existing?.lastSyncedAt ?? null,
            updatedAt: iso(),
          } as Binding;
          if (appSecret !== undefined) secrets.set(id, appSecret);
          if (record.isDefault) {
            for (const other of bindings.values()) {
              if (other.id !== id && other.isDefault) {
                bindings.set(other.id, {
                  ...other,
                  isDefault: false,
                  version: other.version + 1,
                  updatedAt: iso(),
                });
              }
            }
          }
          bindings.set(id, record);
          return clone(record);
        },
        () => (input.id !== undefined && bindings.has(input.id) ? clone(bindings.get(input.id)) : undefined),
      ),

    delete: (id, version, o) =>
      call('services.delete', o?.signal, null, () => {
        const b = getBinding(id);
        if (version !== undefined && version !== b.version) {
          throw new QysConflictError('The service was changed by someone else', { current: clone(b) });
        }
        bindings.delete(id);
        secrets.delete(id);
        deps.forget(id);
      }),

    testConnection: (input, o) =>
      call('services.testConnection', o?.signal, ConnectionReportSchema, (): ConnectionReport => {
        const steps: ConnectionStep[] = [];
        const address = input.serviceType === 'private' ? input.openApiUrl : input.e10Url;
        const reachHost = hostOf(address);
        const reachOk = reachHost !== '' && !reachHost.includes('unreachable');
        steps.push({
          id: 'reach',
          status: reachOk ? 'pass' : 'fail',
          code: reachOk ? 'reach.ok' : reachHost ? 'reach.failed' : 'reach.invalidUrl',
          detail: address,
          durationMs: 12,
        });
        // The stored secret signs only for the address it was saved with.
        const saved = input.id !== undefined ? bindings.get(input.id) : undefined;
        const norm = (u: string) => u.trim().replace(/\/+$/, '');
        const sameAddress =
          saved !== undefined &&
          saved.serviceType === input.serviceType &&
          (saved.serviceType !== 'private' ||
            input.serviceType !== 'private' ||
            norm(saved.openApiUrl) === norm(input.openApiUrl));
        const secret = input.appSecret ?? (sameAddress ? secrets.get(saved.id) : undefined);
        let authOk = false;
        if (!reachOk) steps.push({ id: 'auth', status: 'skip', code: 'skipped' });
        else if (!secret) steps.push({ id: 'auth', status: 'fail', code: 'auth.secretMissing' });
        else {
          authOk = secret !== 'wrong' && input.appToken !== 'wrong' && input.appToken.trim() !== '';
          steps.push({
            id: 'auth',
            status: authOk ? 'pass' : 'fail',
            code: authOk ? 'auth.ok' : 'auth.rejected',
            durationMs: 20,
          });
        }
        let signingOk = false;
        if (!authOk) steps.push({ id: 'signing', status: 'skip', code: 'skipped' });
        else {
          const signing = input.serviceType === 'private' ? input.signingUrlExternal : input.e10Url;
          const h = hostOf(signing);
          signingOk = h !== '' && !h.includes('unreachable');
          steps.push({
            id: 'signing',
            status: signingOk ? 'pass' : 'fail',
            code: signingOk ? 'signing.ok' : h ? 'signing.failed' : 'signing.invalidUrl',
            detail: signing,
            durationMs: 15,
          });
        }
        // Private cloud: single sign-on with the 加密密钥 (an AES-128 key: 16 characters).
        if (input.serviceType === 'private') {
          if (!signingOk) steps.push({ id: 'sso', status: 'skip', code: 'skipped' });
          else {
            const keyOk = isEncryptionKey(input.encryptionKey);
            steps.push({
              id: 'sso',
              status: keyOk ? 'pass' : 'fail',
              code: keyOk ? 'sso.ok' : 'sso.keyFormat',
              durationMs: 10,
            });
          }
        }
        const report = { ok: steps.every((s) => s.status === 'pass'), steps, checkedAt: iso() };
        if (input.id !== undefined && bindings.has(input.id)) {
          const b = bindings.get(input.id)!;
          bindings.set(b.id, { ...b, status: report.ok ? 'ok' : 'error' });
        }
        return report;
      }),

    sync: (id, o) =>
      call('services.sync', o?.signal, SyncReportSchema, async (): Promise<SyncReport> => {
        const store = deps.storeFor(id);
        const startedAt = iso();
        const stages: [string, ResourceKind[]][] = [
          ['seals', ['electronic-seal', 'physical-seal']],
          ['templates', ['file-template']],
          ['flows', ['electronic-seal-flow', 'physical-seal-flow']],
        ];
        const counts: Record<string, SyncCounts> = {};
        const step = Math.max(5, latencyMs());
        for (let s = 0; s < stages.length; s++) {
          const [stage, kinds] = stages[s]!;
          o?.onProgress?.({ ratio: s / stages.length, stage });
          await delay(step, o?.signal);
          const c: SyncCounts = { total: 0, added: 0, removed: 0, updated: 0 };
          for (const kind of kinds) {
            const list = store.lists.get(kind)!;
            let updatedOne = !store.pendingUpdate.delete(kind);
            for (const r of list) {
              if (!r.synced) {
                r.synced = true;
                r.updatedAt = iso();
                c.added++;
              } else if (r.stale) {
                store.index.delete(r.id);
                c.removed++;
              } else if (!updatedOne) {
                // an item changed at the provider since the last sync
                updatedOne = true;
                r.updatedAt = iso();
                c.updated++;
              }
            }
            const kept = list.filter((r) => !r.stale);
            list.length = 0;
            list.push(...kept);
            c.total += list.length;
          }
          counts[stage] = c;
        }
        o?.onProgress?.({ ratio: 1, stage: 'flows' });
        const finishedAt = iso();
        const b = getBinding(id);
        bindings.set(id, { ...b, lastSyncedAt: finishedAt });
        return {
          serviceId: id,
          startedAt,
          finishedAt,
          seals: counts.seals!,
          templates: counts.templates!,
          flows: counts.flows!,
        };
      }),

    generateEncryptionKey: (o) =>
      call('services.generateEncryptionKey', o?.signal, EncryptionKeyValueSchema, () => {
        // 16 characters in the layout of seed 001's `60fb3ed9-3e18-4f` (the Qiyuesuo field's format).
        const alphabet = '0123456789abcdef';
        let s = '';
        for (let i = 0; i < 14; i++) s += alphabet[Math.floor(keyRandom() * 16)];
        return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
      }),

    // No provider to ask: a private service's checks pass (a prototype's happy path); the public
    // cloud cannot be asked.
    probe: (id, kind, o) =>
      call('services.probe', o?.signal, ProviderProbeSchema, (): ProviderProbe => {
        const b = getBinding(id);
        return b.serviceType === 'private'
          ? { kind, status: 'pass', code: `probe.${kind}.ok` }
          : { kind, status: 'cannot-check', code: 'probe.publicCloud' };
      }),
  };
  return { api, getBinding, checkService, defaultService, list: () => [...bindings.values()] };
}
