/**
 * `createHttpHost`: a `QysHost` that speaks the REST contract (src/api/rest.ts,
 * docs/contract.openapi.json) with ky. Every answer is parsed by its schema; a mismatch is a
 * `QysContractError` naming the failing path and the endpoint. GETs are retried with backoff;
 * POST / PUT / DELETE never are. A request never leaves the base URL's origin: redirects are not
 * followed by fetch (`redirect: 'manual'`); a same-origin one whose target is known (Node) is
 * followed here, anything else is a `QysRedirectError`.
 */
import ky, { HTTPError, isKyError, TimeoutError, type Options as KyOptions } from 'ky';
import type * as z from 'zod/mini';
import {
  QysAuthError,
  QysConflictError,
  QysContractError,
  QysError,
  QysNetworkError,
  QysNotFoundError,
  QysRedirectError,
  QysServerError,
  QysTimeoutError,
  QysValidationError,
} from './errors.js';
import type { QysHost } from './host.js';
import type { routes, RouteDef } from './rest.js';
import type { SyncProgress } from './schemas.js';
import type * as Contract from './http-contract.js';

let contract: typeof Contract | undefined;
let contractLoading: Promise<typeof Contract> | undefined;
/** The route table, its zod schemas and zod itself: an on-demand chunk (see http-contract.ts). */
function loadContract(): Promise<typeof Contract> {
  return (contractLoading ??= import('./http-contract.js').then((m) => (contract = m)));
}
/** The contract, once loaded: every call awaits it before it sends, so an answer always finds it. */
function loaded(): typeof Contract {
  if (!contract) throw new Error('qys-elements: the HTTP contract is not loaded yet');
  return contract;
}

type HeaderValues = Record<string, string>;

export interface HttpHostOptions {
  /** Base URL of the contract, absolute or relative to the page (`/api/qys`). */
  baseUrl: string;
  /** Extra headers, or a function called before every call (a fresh CSRF token, say). */
  headers?: HeaderValues | (() => HeaderValues | Promise<HeaderValues>);
  /** Custom fetch (instrumentation, SSR). */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 15000); reading the body has the same bound again. */
  timeout?: number;
  /** Retries of GETs after network errors and 408/429/5xx (default 2), or the limit plus a delay function. */
  retry?: number | { limit: number; delay?: (attempt: number) => number };
  /** Interval between sync-job polls in ms (default 500). */
  pollInterval?: number;
  /**
   * How long `services.sync()` waits for the job to finish, in ms (default 600000, 10 minutes).
   * Past it the call rejects with a `QysTimeoutError` (the job itself may still finish on the server).
   */
  syncTimeout?: number;
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

/** Same-origin redirects followed before giving up (fetch's own limit is 20; an API needs few). */
const MAX_REDIRECTS = 5;
/** Bytes of an error body read for its message and issues; the rest is dropped. */
const MAX_ERROR_BODY = 64 * 1024;

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
 * What is kept: ky's message (method, URL, status); any other failure (fetch's own TypeError with
 * the socket error as its cause) is kept as it is.
 */
function safeCause(err: unknown): unknown {
  if (isKyError(err)) return new Error(err.message);
  return err;
}

const isRedirect = (r: Response) => r.type === 'opaqueredirect' || (r.status >= 300 && r.status < 400);

/** Marks the body-read timeout apart from the caller's abort. */
class BodyTimeout extends Error {}

/**
 * The body as text, within `ms` (a body that stalls after the headers) and, when `maxBytes` is
 * given, cut there. `abort` stops the underlying fetch so a stalled stream is released.
 */
async function readBody(
  response: Response,
  ms: number,
  abort: (reason: unknown) => void,
  maxBytes?: number,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new BodyTimeout('body read timed out');
      abort(reason);
      reject(reason);
    }, ms);
  });
  const read = async (): Promise<string> => {
    if (maxBytes === undefined || !response.body) return response.text();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (size >= maxBytes) {
        void reader.cancel().catch(() => undefined);
        break;
      }
    }
    return text + decoder.decode();
  };
  try {
    return await Promise.race([read(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** setTimeout's longest delay; ky refuses a longer timeout. */
const MAX_MS = 2 ** 31 - 1;
/** A duration option: a positive number of ms (at most MAX_MS), else the default (NaN would poll in a tight loop). */
const ms = (value: number | undefined, fallback: number) =>
  typeof value === 'number' && value > 0 ? Math.min(value, MAX_MS) : fallback;

export function createHttpHost(options: HttpHostOptions): QysHost {
  // Requested now, so it is normally there before the first call needs it.
  loadContract().catch(() => undefined);
  const timeout = ms(options.timeout, 15_000);
  const retry = typeof options.retry === 'object' ? options.retry : { limit: options.retry ?? 2 };
  const shared: KyOptions = {
    timeout,
    credentials: options.credentials ?? 'same-origin',
    // Redirects are decided here, never by fetch: it would forward the headers (CSRF token) and
    // the body (App Secret) of a 307/308 to whatever origin the host names.
    redirect: 'manual',
    // Said explicitly: ky's `.text()` would otherwise ask for `text/*`, which a JSON-only backend may refuse (406).
    headers: { accept: 'application/json' },
    retry: {
      limit: retry.limit,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      ...(retry.delay ? { delay: retry.delay } : {}),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const api = ky.create({ ...shared, prefixUrl: options.baseUrl });
  /** For following a same-origin redirect: an absolute URL, no prefix. */
  const direct = ky.create(shared);

  let origin: string | undefined;
  /** The base URL's origin (resolved against the page for a relative base URL). */
  function baseOrigin(): string {
    if (origin === undefined) {
      try {
        origin = new URL(options.baseUrl, globalThis.location?.href).origin;
      } catch (cause) {
        throw new QysNetworkError(`The base URL "${options.baseUrl}" is not a URL`, { cause });
      }
    }
    return origin;
  }

  async function mapHttpError(
    err: HTTPError,
    def: RouteDef,
    endpoint: string,
    abort: (reason: unknown) => void,
  ): Promise<QysError> {
    const status = err.response.status;
    const cause = safeCause(err);
    let data: unknown;
    try {
      data = JSON.parse(await readBody(err.response, timeout, abort, MAX_ERROR_BODY));
    } catch {
      // No JSON error body (or it stalled): the status alone decides.
    }
    const parsed = loaded().safeParse(loaded().ErrorBodySchema, data);
    const body = parsed.success ? parsed.data.error : undefined;
    const message = body?.message ?? `${endpoint} answered ${status}`;
    if (status === 401 || status === 403) return new QysAuthError(message, { status, cause });
    if (status === 404) return new QysNotFoundError(message, { cause });
    if (status === 409) {
      const currentSchema = def.current ?? def.res;
      const current =
        currentSchema && body?.current !== undefined
          ? loaded().safeParse(currentSchema, body.current)
          : undefined;
      return new QysConflictError(message, {
        cause,
        ...(current?.success ? { current: current.data } : {}),
      });
    }
    if (status === 422 || status === 400)
      return new QysValidationError(body?.issues ?? [], message, { cause, status });
    // Any other status was an answer from the server too (405, 413, 415…): not a network failure.
    return new QysServerError(message, { status, cause });
  }

  /**
   * Sends the request; a redirect is followed only when its target is known and on the base URL's
   * origin, at most `MAX_REDIRECTS` times. Headers and body go only to that origin.
   */
  async function send(
    path: string,
    init: KyOptions & { method: string; json?: unknown },
    endpoint: string,
  ): Promise<Response> {
    let target: string | undefined; // undefined: the first request, relative to the prefix
    let { method, json } = init;
    for (let hop = 0; ; hop++) {
      const opts: KyOptions = { ...init, method, ...(json === undefined ? {} : { json }) };
      if (json === undefined) delete opts.json;
      // A redirect target is used as it is: ky would put the first request's query over its own.
      if (target !== undefined) delete opts.searchParams;
      try {
        return await (target === undefined ? api(path, opts) : direct(target, opts));
      } catch (err) {
        if (!(err instanceof HTTPError) || !isRedirect(err.response)) throw err;
        const status = err.response.status;
        const location = err.response.headers.get('location');
        void err.response.body?.cancel().catch(() => undefined);
        if (err.response.type === 'opaqueredirect' || !location)
          throw new QysRedirectError(
            `${endpoint} answered with a redirect whose target is not known; it was not followed`,
            { cause: safeCause(err), ...(status ? { status } : {}) },
          );
        let next: URL;
        try {
          next = new URL(location, err.request.url);
        } catch (cause) {
          throw new QysRedirectError(`${endpoint} answered with a redirect to a malformed address`, {
            cause,
            status,
          });
        }
        if (next.origin !== baseOrigin())
          throw new QysRedirectError(
            `${endpoint} was redirected to another origin (${next.origin}); it was not followed`,
            { cause: safeCause(err), status, location: next.href },
          );
        if (hop >= MAX_REDIRECTS)
          throw new QysRedirectError(`${endpoint} was redirected more than ${MAX_REDIRECTS} times`, {
            cause: safeCause(err),
            status,
            location: next.href,
          });
        // What fetch does: 303 (and 301/302 after a POST) turns into a GET without a body.
        if (
          (status === 303 && method !== 'HEAD') ||
          ((status === 301 || status === 302) && method === 'POST')
        ) {
          method = 'GET';
          json = undefined;
        }
        target = next.href;
      }
    }
  }

  async function call<N extends Name>(name: N, req: Req = {}): Promise<Out<N>> {
    const def: RouteDef = (contract ?? (await loadContract())).routes[name];
    const path = def.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(req.params?.[p] ?? ''));
    const endpoint = `${def.method} ${def.path}`;
    const signal = req.signal;
    // One controller per call: the caller's abort, and the body-read timeout, stop the fetch.
    const ctrl = new AbortController();
    const onAbort = () => ctrl.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const abort = (reason: unknown) => ctrl.abort(reason);
    let data: unknown;
    try {
      signal?.throwIfAborted();
      baseOrigin();
      const headers = typeof options.headers === 'function' ? await options.headers() : options.headers;
      const response = await send(
        path.slice(1),
        {
          method: def.method,
          searchParams: toSearch(req.query),
          ...(headers ? { headers } : {}),
          ...(req.json === undefined ? {} : { json: req.json }),
          signal: ctrl.signal,
        },
        endpoint,
      );
      if (!def.res) {
        void response.body?.cancel().catch(() => undefined);
        return undefined as Out<N>;
      }
      const text = await readBody(response, timeout, abort);
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
      if (
        err instanceof TimeoutError ||
        err instanceof BodyTimeout ||
        ctrl.signal.reason instanceof BodyTimeout
      )
        throw new QysTimeoutError(undefined, { cause: safeCause(err), timeoutMs: timeout });
      if (err instanceof HTTPError) throw await mapHttpError(err, def, endpoint, abort);
      throw new QysNetworkError(undefined, { cause: safeCause(err) });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    const result = loaded().safeParse(def.res, data);
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

  const pollInterval = ms(options.pollInterval, 500);
  const syncTimeout = ms(options.syncTimeout, 600_000);

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
        const deadline = Date.now() + syncTimeout;
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
          const left = deadline - Date.now();
          if (left <= 0)
            throw new QysTimeoutError(
              `The sync job ${job.jobId} did not finish within ${syncTimeout} ms (still ${job.state})`,
              { timeoutMs: syncTimeout },
            );
          await abortableDelay(Math.min(pollInterval, left), signal);
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
