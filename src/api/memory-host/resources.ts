/**
 * The resources group: each service's copy of its provider's seals, templates and flows (paged list
 * with keyword and company filters, resolve with `missing`, companies, last sync). `services.sync`
 * brings a copy up to date (services.ts).
 */
import * as z from 'zod/mini';
import { QysValidationError } from '../errors.js';
import type { ResourcesApi } from '../host.js';
import {
  CompanySchema,
  ResourcePageSchema,
  ResourceResolveResultSchema,
  type Binding,
  type Page,
  type Resource,
  type ResourceKind,
} from '../schemas.js';
import {
  COMPANIES,
  RESOURCE_KINDS,
  generateResources,
  resourceId,
  sealImageUrl,
  seedNumber,
  type GeneratedResource,
} from './data.js';
import { norm, type Runtime } from './faults.js';

export interface StoredResource extends GeneratedResource {
  /** In the OA's copy (false: only at the provider until the next sync). */
  synced: boolean;
  /** Only in the OA's copy (removed at the provider; goes on the next sync). */
  stale?: boolean;
}

/** One service's copy of its provider's data (seals, templates, flows). */
export interface ResourceStore {
  lists: Map<ResourceKind, StoredResource[]>;
  index: Map<string, StoredResource>;
  /** Kinds with one item changed at the provider since the last sync (the first sync updates it). */
  pendingUpdate: Set<ResourceKind>;
}

export interface ResourcesDeps {
  /** Resources per kind (MemoryHostOptions.resources). */
  resources?: number;
  /** The services seeded at start (each gets data one sync behind its provider). */
  seeded: Binding[];
  getBinding(id: string): Binding;
  defaultService(): Binding | null;
}

export function createResources(rt: Runtime, deps: ResourcesDeps) {
  const { call, seed, paging } = rt;
  const options = { resources: deps.resources };
  const { getBinding, defaultService } = deps;
  const stores = new Map<string, ResourceStore>();
  let storeCounter = 0;

  /**
   * `behind`: the OA's copy starts one sync behind the provider (two newest per kind missing, one
   * stale item present); otherwise the OA has nothing yet and the first sync brings everything.
   */
  function makeStore(storeSeed: number, behind: boolean): ResourceStore {
    const offset = storeCounter++ * 1_000_000_000;
    const gen = generateResources(storeSeed, options.resources, offset);
    const store: ResourceStore = {
      lists: new Map(),
      index: new Map(),
      pendingUpdate: new Set(behind ? RESOURCE_KINDS : []),
    };
    RESOURCE_KINDS.forEach((kind, ki) => {
      const list: StoredResource[] = gen[kind].map((r) => ({ ...r, synced: behind }));
      if (behind) {
        for (let i = Math.max(0, list.length - 2); i < list.length; i++) list[i]!.synced = false;
        if (list.length >= 4) {
          const company = COMPANIES[0]!;
          list.push({
            id: resourceId(ki, 9_000_000_000_000_000 + offset + 1),
            kind,
            name: kind.endsWith('seal')
              ? `${company.short}旧版公章`
              : `已停用的${kind === 'file-template' ? '模板' : '流程'}`,
            company: company.name,
            companyId: company.id,
            ...(kind.endsWith('seal') ? { sealType: '公章' } : { category: '行政' }),
            status: 'disabled',
            updatedAt: '2025-01-10T02:00:00.000Z',
            synced: true,
            stale: true,
          });
        }
      }
      store.lists.set(kind, list);
      for (const r of list) store.index.set(r.id, r);
    });
    return store;
  }

  // The seeded services' data (the default service keeps the host's seed). Without services, calls
  // without a serviceId still get the seeded data.
  {
    const seeded = deps.seeded;
    if (seeded.length === 0) stores.set('', makeStore(seed, true));
    seeded.forEach((b, k) => stores.set(b.id, makeStore(k === 0 ? seed : seed ^ (0x9b1c + k), true)));
  }

  /** The data of `serviceId` (QysNotFoundError when unknown), or of the default service. */
  function storeFor(serviceId: string | undefined): ResourceStore {
    const key = serviceId !== undefined ? getBinding(serviceId).id : (defaultService()?.id ?? '');
    let store = stores.get(key);
    if (!store) {
      // a service created at runtime: its provider has data, the OA has none until the first sync
      store = key === '' ? makeStore(seed, true) : makeStore(seed ^ seedNumber(key), false);
      stores.set(key, store);
    }
    return store;
  }

  function toResource(r: StoredResource): Resource {
    const out: Resource = { id: r.id, kind: r.kind, name: r.name, status: r.status, updatedAt: r.updatedAt };
    if (r.company !== undefined) out.company = r.company;
    if (r.companyId !== undefined) out.companyId = r.companyId;
    if (r.category !== undefined) out.category = r.category;
    if (r.sealType !== undefined) {
      out.sealType = r.sealType;
      out.image = sealImageUrl(r.company ?? '', r.sealType, r.kind === 'physical-seal');
    }
    return out;
  }

  const api: ResourcesApi = {
    list: (kind, o) =>
      call('resources.list', o?.signal, ResourcePageSchema, (): Page<Resource> => {
        const store = storeFor(o?.serviceId);
        const { offset, limit } = paging(o);
        const kw = norm(o?.keyword ?? '');
        const list = store.lists.get(kind);
        if (!list) throw new QysValidationError([{ path: 'kind', code: 'invalid' }]);
        let matched = 0;
        const items: Resource[] = [];
        for (const r of list) {
          if (!r.synced) continue;
          if (o?.companyId && r.companyId !== o.companyId) continue;
          if (
            kw &&
            !r.name.toLowerCase().includes(kw) &&
            !(r.category ?? '').includes(kw) &&
            !(r.company ?? '').includes(kw)
          )
            continue;
          if (matched >= offset && items.length < limit) items.push(toResource(r));
          matched++;
        }
        return { items, total: matched, offset };
      }),

    resolve: (kind, ids, o) =>
      call('resources.resolve', o?.signal, ResourceResolveResultSchema, () => {
        const store = storeFor(o?.serviceId);
        const items: Resource[] = [];
        const missing: string[] = [];
        for (const id of ids) {
          const r = store.index.get(id);
          if (r && r.kind === kind && r.synced) items.push(toResource(r));
          else missing.push(id);
        }
        return { items, missing };
      }),

    companies: (o) =>
      call('resources.companies', o?.signal, z.array(CompanySchema), () => {
        // the companies that own a seal in this service's data
        const store = storeFor(o?.serviceId);
        const owners = new Set<string>();
        for (const kind of ['electronic-seal', 'physical-seal'] as const) {
          for (const r of store.lists.get(kind)!) if (r.synced && r.companyId) owners.add(r.companyId);
        }
        return COMPANIES.filter((c) => owners.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
      }),

    lastSynced: (o) =>
      call('resources.lastSynced', o?.signal, z.nullable(z.string()), () => {
        const b = o?.serviceId !== undefined ? getBinding(o.serviceId) : defaultService();
        return b?.lastSyncedAt ?? null;
      }),
  };
  return {
    api,
    storeFor,
    /** A deleted service's data goes with it. */
    forget(serviceId: string) {
      stores.delete(serviceId);
    },
  };
}
