/**
 * `createHttpHost`: a `QysHost` that speaks the REST contract (src/api/rest.ts,
 * docs/contract.openapi.json) with ky. Every answer is parsed by its schema; a mismatch is a
 * `QysContractError` naming the failing path and the endpoint. GETs are retried with backoff;
 * POST / PUT / DELETE never are.
 */
import ky, { HTTPError, KyError, NetworkError, TimeoutError } from 'ky';
import * as z from 'zod/mini';
import {
  QysAuthError,
  QysConflictError,
  QysContractError,
  QysError,
  QysNetworkError,
  QysNotFoundError,
  QysServerError,
  QysTimeoutError,
  QysValidationError,
} from './errors.js';
import type { QysHost } from './host.js';
import { routes, type RouteDef } from './rest.js';
import { ErrorBodySchema, type SyncProgress } from './schemas.js';

type HeaderValues = Record<string, string>;

export interface HttpHostOptions {
  /** Base URL of the contract, absolute or relative to the page (`/api/qys`). */
  baseUrl: string;
  /** Extra headers, or a function called before every call (a fresh CSRF token, say). */
  headers?: HeaderValues | (() => HeaderValues | Promise<HeaderValues>);
  /** Custom fetch (instrumentation, SSR). */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 15000). */
  timeout?: number;
  /** Retries of GETs after network errors and 408/429/5xx (default 2), or the limit plus a delay function. */
  retry?: number | { limit: number; delay?: (attempt: number) => number };
  /** Interval between sync-job polls in ms (default 500). */
  pollInterval?: number;
  /** Credentials mode of every request (default `same-origin`). */
  credentials?: RequestCredentials;
}

type Routes = typeof routes;
type Name = keyof Routes;
type Out<N extends Name> = Routes[N] extends { res: z.ZodMiniType } ? z.infer<Routes[N]['res']> : void;
type Query = Record<string, string | number | boolean | string[] | null | undefined>;
interface Req {
  params?: Record<string, string>;
  query?: Query;
  json?: unknown;
  signal?: AbortSignal | undefined;
}

const issuePath = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');

function toSearch(query: Query | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    out[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}

function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * ky's errors keep the request and its options, the JSON body included (the App Secret of a save or
 * a connection test). They never become a `cause`: a typed error may be logged or put in an event.
 * What is kept: ky's message (method, URL, status) and, for a network error, the underlying cause.
 */
function safeCause(err: unknown): unknown {
  if (err instanceof NetworkError) return err.cause ?? new Error(err.message);
  if (err instanceof KyError) return new Error(err.message);
  return err;
}

export function createHttpHost(options: HttpHostOptions): QysHost {
  const timeout = options.timeout ?? 15_000;
  const retry = typeof options.retry === 'object' ? options.retry : { limit: options.retry ?? 2 };
  const api = ky.create({
    prefix: options.baseUrl,
    timeout,
    credentials: options.credentials ?? 'same-origin',
    // Said explicitly: ky's `.text()` would otherwise ask for `text/*`, which a JSON-only backend may refuse (406).
    headers: { accept: 'application/json' },
    retry: {
      limit: retry.limit,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      ...(retry.delay ? { delay: retry.delay } : {}),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  function mapHttpError(err: HTTPError, def: RouteDef, endpoint: string): QysError {
    const status = err.response.status;
    const cause = safeCause(err);
    const parsed = z.safeParse(ErrorBodySchema, err.data);
    const body = parsed.success ? parsed.data.error : undefined;
    const message = body?.message ?? `${endpoint} answered ${status}`;
    if (status === 401 || status === 403) return new QysAuthError(message, { status, cause });
    if (status === 404) return new QysNotFoundError(message, { cause });
    if (status === 409) {
      const currentSchema = def.current ?? def.res;
      const current =
        currentSchema && body?.current !== undefined ? z.safeParse(currentSchema, body.current) : undefined;
      return new QysConflictError(message, {
        cause,
        ...(current?.success ? { current: current.data } : {}),
      });
    }
    if (status === 422 || status === 400)
      return new QysValidationError(body?.issues ?? [], message, { cause });
    if (status >= 500) return new QysServerError(message, { status, cause });
    return new QysNetworkError(message, { status, cause });
  }

  async function call<N extends Name>(name: N, req: Req = {}): Promise<Out<N>> {
    const def: RouteDef = routes[name];
    const path = def.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(req.params?.[p] ?? ''));
    const endpoint = `${def.method} ${def.path}`;
    const signal = req.signal;
    let data: unknown;
    try {
      signal?.throwIfAborted();
      const headers = typeof options.headers === 'function' ? await options.headers() : options.headers;
      const pending = api(path.slice(1), {
        method: def.method,
        searchParams: toSearch(req.query),
        ...(headers ? { headers } : {}),
        ...(req.json === undefined ? {} : { json: req.json }),
        ...(signal ? { signal } : {}),
      });
      if (!def.res) {
        await pending;
        return undefined as Out<N>;
      }
      // ky's `.text()` bounds the body read by the timeout too (a body that stalls after the headers).
      const text = await pending.text();
      try {
        data = JSON.parse(text);
      } catch (cause) {
        throw new QysContractError('', `${endpoint} answered with a body that is not JSON`, {
          cause,
          endpoint,
        });
      }
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (err instanceof QysError) throw err;
      if (err instanceof TimeoutError)
        throw new QysTimeoutError(undefined, { cause: safeCause(err), timeoutMs: timeout });
      if (err instanceof HTTPError) throw mapHttpError(err, def, endpoint);
      throw new QysNetworkError(undefined, { cause: safeCause(err) });
    }
    const result = z.safeParse(def.res, data);
    if (!result.success) {
      const first = result.error.issues[0];
      const p = first ? issuePath(first.path) : '';
      throw new QysContractError(
        p,
        `Response of ${endpoint} does not match the contract at "${p || '(root)'}": ${first?.message ?? ''}`,
        { endpoint, cause: result.error },
      );
    }
    return result.data as Out<N>;
  }

  const pollInterval = options.pollInterval ?? 500;

  return {
    services: {
      list: (o) => call('listServices', { signal: o?.signal }),
      get: (id, o) => call('getService', { params: { id }, signal: o?.signal }),
      save: (input, o) =>
        input.id === undefined
          ? call('createService', { json: input, signal: o?.signal })
          : call('updateService', { params: { id: input.id }, json: input, signal: o?.signal }),
      delete: (id, version, o) =>
        call('deleteService', { params: { id }, query: { version }, signal: o?.signal }),
      testConnection: (input, o) => call('testConnection', { json: input, signal: o?.signal }),
      async sync(id, o) {
        const signal = o?.signal;
        let job = await call('startSync', { params: { id }, signal });
        let last: SyncProgress | undefined;
        for (;;) {
          if (!last || last.ratio !== job.progress.ratio || last.stage !== job.progress.stage) {
            last = job.progress;
            o?.onProgress?.(job.progress);
          }
          if (job.state === 'done') {
            if (job.report) return job.report;
            throw new QysContractError('report', 'A finished sync job carries no report', {
              endpoint: 'GET /sync-jobs/{jobId}',
            });
          }
          if (job.state === 'failed') {
            const e = job.error;
            throw new QysServerError(e ? `Sync failed (${e.code}): ${e.message}` : 'Sync failed');
          }
          await abortableDelay(pollInterval, signal);
          job = await call('getSyncJob', { params: { jobId: job.jobId }, signal });
        }
      },
      generateEncryptionKey: async (o) => (await call('createEncryptionKey', { signal: o?.signal })).key,
      probe: (id, kind, o) => call('probeService', { params: { id }, json: { kind }, signal: o?.signal }),
    },
    org: {
      capabilities: (o) => call('orgCapabilities', { signal: o?.signal }),
      children: (parent, o) =>
        call('orgChildren', {
          query: {
            type: parent?.type,
            id: parent?.id,
            offset: o?.offset,
            limit: o?.limit,
            types: o?.types,
            includeInactive: o?.includeInactive,
          },
          signal: o?.signal,
        }),
      search: (q, o) =>
        call('orgSearch', {
          query: {
            q,
            offset: o?.offset,
            limit: o?.limit,
            types: o?.types,
            includeInactive: o?.includeInactive,
          },
          signal: o?.signal,
        }),
      resolve: (refs, o) => call('orgResolve', { json: { refs }, signal: o?.signal }),
      count: (scope, o) => call('orgCount', { json: scope, signal: o?.signal }),
      match: (inputs, o) =>
        call('orgMatch', { json: o?.types ? { inputs, types: o.types } : { inputs }, signal: o?.signal }),
      recent: (o) => call('orgRecent', { signal: o?.signal }),
      addRecent: (refs, o) => call('orgAddRecent', { json: { refs }, signal: o?.signal }),
      removeRecent: (ref, o) => call('orgRemoveRecent', { query: { ...ref }, signal: o?.signal }),
      sameDepartment: (o) =>
        call('orgSameDepartment', { query: { offset: o?.offset, limit: o?.limit }, signal: o?.signal }),
      subordinates: (o) =>
        call('orgSubordinates', { query: { offset: o?.offset, limit: o?.limit }, signal: o?.signal }),
      getScope: (id, o) => call('getScope', { params: { id }, signal: o?.signal }),
      saveScope: (id, scope, version, o) =>
        call('saveScope', { params: { id }, json: { scope, version }, signal: o?.signal }),
    },
    resources: {
      list: (kind, o) =>
        call('listResources', {
          params: { kind },
          query: {
            keyword: o?.keyword,
            serviceId: o?.serviceId,
            companyId: o?.companyId,
            offset: o?.offset,
            limit: o?.limit,
          },
          signal: o?.signal,
        }),
      resolve: (kind, ids, o) =>
        call('resolveResources', {
          params: { kind },
          json: o?.serviceId ? { ids, serviceId: o.serviceId } : { ids },
          signal: o?.signal,
        }),
      companies: (o) => call('resourceCompanies', { query: { serviceId: o?.serviceId }, signal: o?.signal }),
      lastSynced: async (o) =>
        (await call('resourceLastSynced', { query: { serviceId: o?.serviceId }, signal: o?.signal }))
          .lastSyncedAt,
    },
    client: {
      context: (o) => call('clientContext', { signal: o?.signal }),
      segmentPresets: (o) => call('segmentPresets', { signal: o?.signal }),
      inspectFraming: (url, o) => call('inspectFraming', { json: { url }, signal: o?.signal }),
    },
    signing: {
      createSession: (request, o) => call('createSigningSession', { json: request, signal: o?.signal }),
      contractStatus: (contractId, o) =>
        call('contractStatus', {
          params: { id: contractId },
          query: { serviceId: o?.serviceId },
          signal: o?.signal,
        }),
    },
  };
}
