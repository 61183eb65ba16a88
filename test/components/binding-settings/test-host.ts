/**
 * A small scripted `QysHost` for the binding-settings tests: real in-memory behaviour (versions,
 * one default, 409 on a stale version, write-only secret) plus switches to make the next call fail
 * or hang, so each failure path can be driven exactly. Records every call for assertions.
 */
import {
  QysConflictError,
  QysNetworkError,
  QysNotFoundError,
  QysValidationError,
} from '../../../src/api/errors.js';
import type { QysHost } from '../../../src/api/host.js';
import type {
  Binding,
  BindingInput,
  ConnectionReport,
  OrgScopeRecord,
  SyncProgress,
  SyncReport,
} from '../../../src/api/schemas.js';

type Method = 'list' | 'get' | 'save' | 'delete' | 'sync' | 'testConnection' | 'getScope' | 'saveScope';

export interface TestHost extends QysHost {
  bindings: Binding[];
  /** Secrets as stored (for asserting what was sent; the host never returns them). */
  secrets: Map<string, string>;
  calls: { method: Method; arg?: unknown }[];
  /** The next call of `method` rejects with `error`. */
  failNext(method: Method, error: Error): void;
  /** Calls of `method` wait until `release()` is called. */
  hold(method: Method): { release: () => void };
  /** Someone else edits a record on the server (bumps its version). */
  serverEdit(id: string, patch: Partial<Binding>): Binding;
  scopes: Map<string, OrgScopeRecord>;
  syncSteps: SyncProgress[];
  oaBaseUrl?: string;
}

const now = () => new Date().toISOString();

export function privateBinding(over: Partial<Binding> = {}): Binding {
  return {
    id: '1975246229734047058',
    version: 3,
    serviceType: 'private',
    provider: 'qiyuesuo',
    name: '总部契约锁',
    isDefault: true,
    appToken: 'tok-hq',
    appSecretSet: true,
    signatories: [{ type: 'person', id: 'p1' }],
    status: 'ok',
    lastSyncedAt: '2026-11-20T08:30:00Z',
    updatedAt: '2026-11-20T08:30:00Z',
    openApiUrl: 'https://qys-open.example.com:9182',
    encryptionKey: '60fb3ed9-3e18-4f',
    signingUrlExternal: 'https://qys.example.com',
    signingUrlInternal: '',
    autoLogin: { mode: 'off', segmentRules: [], domainRules: [] },
    ...over,
  } as Binding;
}

export function publicBinding(over: Partial<Binding> = {}): Binding {
  return {
    id: '1975246229734047099',
    version: 1,
    serviceType: 'public',
    provider: 'qiyuesuo',
    name: '公有云',
    isDefault: false,
    appToken: 'tok-pub',
    appSecretSet: true,
    signatories: [],
    status: 'unknown',
    lastSyncedAt: null,
    updatedAt: '2026-11-21T08:30:00Z',
    ssoEnabled: true,
    e10Url: 'https://e10.example.com',
    tenantId: 'T-1001',
    ...over,
  } as Binding;
}

export function createTestHost(initial: Binding[] = [privateBinding(), publicBinding()]): TestHost {
  const failures = new Map<Method, Error>();
  const holds = new Map<Method, Promise<void>>();
  let nextId = 2000;

  const gate = async (method: Method, signal?: AbortSignal, arg?: unknown) => {
    host.calls.push({ method, arg });
    await Promise.resolve();
    const h = holds.get(method);
    if (h)
      await new Promise<void>((resolve, reject) => {
        void h.then(resolve);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    if (signal?.aborted) throw signal.reason;
    const f = failures.get(method);
    if (f) {
      failures.delete(method);
      throw f;
    }
  };
  const clone = <T>(v: T): T => structuredClone(v);

  const host: TestHost = {
    bindings: initial.map(clone),
    secrets: new Map(initial.map((b) => [b.id, 'stored-secret'])),
    calls: [],
    scopes: new Map(),
    syncSteps: [
      { ratio: 0.2, stage: 'seals' },
      { ratio: 0.6, stage: 'templates' },
      { ratio: 0.9, stage: 'flows' },
    ],
    failNext(method, error) {
      failures.set(method, error);
    },
    hold(method) {
      let release!: () => void;
      holds.set(method, new Promise<void>((r) => (release = r)));
      return {
        release: () => {
          holds.delete(method);
          release();
        },
      };
    },
    serverEdit(id, patch) {
      const i = host.bindings.findIndex((b) => b.id === id);
      const b = {
        ...host.bindings[i]!,
        ...patch,
        version: host.bindings[i]!.version + 1,
        updatedAt: now(),
      } as Binding;
      host.bindings[i] = b;
      return clone(b);
    },
    services: {
      async list(o) {
        await gate('list', o?.signal);
        return host.bindings.map(clone);
      },
      async get(id, o) {
        await gate('get', o?.signal, id);
        const b = host.bindings.find((x) => x.id === id);
        if (!b) throw new QysNotFoundError();
        return clone(b);
      },
      async save(input: BindingInput, o) {
        await gate('save', o?.signal, clone(input));
        const { appSecret, ...rest } = input;
        let existing: Binding | undefined;
        if (input.id) {
          existing = host.bindings.find((b) => b.id === input.id);
          if (!existing) throw new QysNotFoundError();
          if (existing.version !== input.version)
            throw new QysConflictError(undefined, { current: clone(existing) });
        }
        const id = input.id ?? String(++nextId);
        if (appSecret) host.secrets.set(id, appSecret);
        const saved = {
          ...(existing?.serviceType === input.serviceType ? existing : {}),
          ...rest,
          id,
          version: (existing?.version ?? 0) + 1,
          appSecretSet: host.secrets.has(id),
          status: existing?.status ?? 'unknown',
          lastSyncedAt: existing?.lastSyncedAt ?? null,
          updatedAt: now(),
        } as Binding;
        if (saved.isDefault)
          host.bindings = host.bindings.map((b) =>
            b.id !== id && b.isDefault ? ({ ...b, isDefault: false, version: b.version + 1 } as Binding) : b,
          );
        if (existing) host.bindings = host.bindings.map((b) => (b.id === id ? saved : b));
        else host.bindings.push(saved);
        return clone(saved);
      },
      async delete(id, version, o) {
        await gate('delete', o?.signal, { id, version });
        const b = host.bindings.find((x) => x.id === id);
        if (!b) throw new QysNotFoundError();
        if (version !== undefined && b.version !== version)
          throw new QysConflictError(undefined, { current: clone(b) });
        host.bindings = host.bindings.filter((x) => x.id !== id);
      },
      async testConnection(input, o): Promise<ConnectionReport> {
        await gate('testConnection', o?.signal, clone(input));
        const secretOk =
          (input.appSecret ?? (input.id ? host.secrets.get(input.id) : undefined)) !== undefined &&
          input.appToken !== 'bad';
        return {
          ok: secretOk,
          checkedAt: now(),
          steps: [
            { id: 'reach', status: 'pass', code: 'ok', durationMs: 12 },
            {
              id: 'auth',
              status: secretOk ? 'pass' : 'fail',
              code: secretOk ? 'ok' : 'auth.rejected',
              detail: secretOk ? '' : 'signature rejected',
            },
            { id: 'signing', status: secretOk ? 'pass' : 'skip', code: 'ok' },
          ],
        };
      },
      async sync(id, o): Promise<SyncReport> {
        const startedAt = now();
        await gate('sync', o?.signal, id);
        for (const p of host.syncSteps) {
          o?.onProgress?.(p);
          await new Promise((r) => setTimeout(r, 5));
          if (o?.signal?.aborted) throw o.signal.reason;
        }
        const finishedAt = new Date(Date.parse(startedAt) + 2300).toISOString();
        host.bindings = host.bindings.map((b) => (b.id === id ? { ...b, lastSyncedAt: finishedAt } : b));
        return {
          serviceId: id,
          startedAt,
          finishedAt,
          seals: { total: 12, added: 2, removed: 1, updated: 0 },
          templates: { total: 30, added: 5, removed: 0, updated: 3 },
          flows: { total: 7, added: 0, removed: 2, updated: 1 },
        };
      },
      async generateEncryptionKey() {
        return 'aaaaaaaa-bbbb-cc';
      },
    },
    org: {
      async capabilities() {
        return { tabs: ['tree', 'search'], canShowInactive: false, pinyinSearch: false };
      },
      async children() {
        return { items: [], total: 0, offset: 0 };
      },
      async search() {
        return { items: [], total: 0, offset: 0 };
      },
      async resolve() {
        return { nodes: [], missing: [] };
      },
      async count() {
        return { total: 0, byRef: {} };
      },
      async match() {
        return [];
      },
      async recent() {
        return [];
      },
      async addRecent() {},
      async removeRecent() {},
      async sameDepartment() {
        return { items: [], total: 0, offset: 0 };
      },
      async subordinates() {
        return { items: [], total: 0, offset: 0 };
      },
      async getScope(serviceId, o) {
        await gate('getScope', o?.signal, serviceId);
        return clone(
          host.scopes.get(serviceId) ?? {
            serviceId,
            scope: { include: [{ type: 'subcompany', id: 's1' }], exclude: [] },
            version: 1,
            updatedAt: null,
          },
        );
      },
      async saveScope(serviceId, scope, version, o) {
        await gate('saveScope', o?.signal, { serviceId, scope, version });
        const cur = host.scopes.get(serviceId) ?? {
          serviceId,
          scope: { include: [], exclude: [] },
          version: 1,
          updatedAt: null,
        };
        if (cur.version !== version) throw new QysConflictError(undefined, { current: clone(cur) });
        const rec = { serviceId, scope: clone(scope), version: version + 1, updatedAt: now() };
        host.scopes.set(serviceId, rec);
        return clone(rec);
      },
    },
    resources: {
      async list() {
        return { items: [], total: 0, offset: 0 };
      },
      async resolve() {
        return { items: [], missing: [] };
      },
      async companies() {
        return [];
      },
      async lastSynced() {
        return null;
      },
    },
    client: {
      async context() {
        return { clientIp: '10.1.2.3', ...(host.oaBaseUrl ? { oaBaseUrl: host.oaBaseUrl } : {}) };
      },
      async segmentPresets() {
        return [];
      },
    },
    signing: {
      async createSession() {
        throw new QysNetworkError();
      },
      async contractStatus(contractId) {
        return { contractId, status: 'unknown' };
      },
    },
  };
  return host;
}

export { QysValidationError, QysNetworkError, QysConflictError };
