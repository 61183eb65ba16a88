/**
 * The memory host's runtime, the `faults` group: simulated latency, injected failures (`FailureMap`),
 * call counting, abort handling and the validation of every answer against its schema. Every other
 * module runs its calls through `createRuntime(...).call`.
 */
import * as z from 'zod/mini';
import {
  QysAuthError,
  QysConflictError,
  QysContractError,
  QysNetworkError,
  QysNotFoundError,
  QysServerError,
  QysTimeoutError,
  QysValidationError,
} from '../errors.js';
import { CONTRACT_METHODS, type ContractMethod, type PageOptions } from '../host.js';
import { isHttpUrl, toValidationIssues } from '../schemas.js';
import { createRandom } from './data.js';

/**
 * An injected failure, after the latency wait: `network` → QysNetworkError, `timeout` →
 * QysTimeoutError, `server` → QysServerError (500), `auth` → QysAuthError (401), `not-found` →
 * QysNotFoundError, `conflict` → QysConflictError (carrying the current record for `services.save`
 * and `org.saveScope`), `malformed` → the call runs but its answer is corrupted, fails its schema
 * and surfaces as QysContractError with the failing path (state changes of the call do happen).
 */
export type FailureKind = 'network' | 'timeout' | 'server' | 'conflict' | 'malformed' | 'auth' | 'not-found';

/** A failure to inject: a kind (always), or a kind for the next `times` calls. */
export type FailureSpec = FailureKind | { kind: FailureKind; times?: number };

/**
 * Failures per method, keyed `area.method` (`org.children`, `services.save`, …) or `*` for every
 * method. An array is used in order: each entry with `times` is used up before the next one applies.
 */
export type FailureMap = Record<string, FailureSpec | FailureSpec[]>;

export type Latency = number | { min: number; max: number };

export const MAX_PAGE = 500;
export const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    if (ms <= 0) {
      queueMicrotask(() => (signal?.aborted ? reject(signal.reason as Error) : resolve()));
      return;
    }
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason as Error);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw signal.reason;
}

/** Replaces the first string found (depth first) with a number, so the schema fails there. */
export function corrupt(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') {
    return typeof value === 'string' ? 12345 : { unexpected: true };
  }
  const walk = (v: unknown): boolean => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] === 'string') {
          v[i] = 12345;
          return true;
        }
        if (v[i] && typeof v[i] === 'object' && walk(v[i])) return true;
      }
      return false;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (typeof o[k] === 'string') {
        o[k] = 12345;
        return true;
      }
    }
    for (const k of Object.keys(o)) if (o[k] && typeof o[k] === 'object' && walk(o[k])) return true;
    return false;
  };
  if (!walk(value)) {
    if (Array.isArray(value)) return { unexpected: true };
    (value as Record<string, unknown>).total = -1;
    (value as Record<string, unknown>).ok = 'yes';
  }
  return value;
}

export const norm = (s: string) => s.trim().toLowerCase();

export function validationError(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): QysValidationError {
  return new QysValidationError(toValidationIssues(issues));
}

/** The host name of an http(s) URL, '' when it is none. */
export function hostOf(url: string | undefined): string {
  try {
    return url && isHttpUrl(url.trim()) ? new URL(url.trim()).hostname : '';
  } catch {
    return '';
  }
}

/** Offset and limit of a page request: limit defaults to `defaultLimit`, capped at `MAX_PAGE`. */
export const makePaging =
  (defaultLimit: number) =>
  (o: PageOptions | undefined): { offset: number; limit: number } => {
    const offset = Math.max(0, Math.floor(o?.offset ?? 0));
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(o?.limit ?? defaultLimit)));
    return { offset, limit };
  };

export interface RuntimeOptions {
  seed: number;
  latency?: Latency;
  failures?: FailureMap;
  validate?: boolean;
  now?: () => number;
  defaultPageSize?: number;
}

export type Runtime = ReturnType<typeof createRuntime>;

export function createRuntime(options: RuntimeOptions) {
  const { seed } = options;
  const now = options.now ?? (() => Date.now());
  const iso = () => new Date(now()).toISOString();
  const validate = options.validate !== false;
  const latencyRandom = createRandom(seed ^ 0x1a7e);
  const keyRandom = createRandom(seed ^ 0x4e7);
  let latency: Latency = options.latency ?? 0;
  let failures: Map<string, FailureSpec[]> = toFailureQueues(options.failures ?? {});
  const callCounts = new Map<string, number>();
  let totalCalls = 0;

  function toFailureQueues(map: FailureMap): Map<string, FailureSpec[]> {
    const m = new Map<string, FailureSpec[]>();
    for (const [k, v] of Object.entries(map)) {
      if (k !== '*' && !(CONTRACT_METHODS as readonly string[]).includes(k)) {
        console.warn(`createMemoryHost: no method "${k}" to fail (keys look like "org.children")`);
      }
      m.set(
        k,
        (Array.isArray(v) ? v : [v]).map((s) => (typeof s === 'string' ? s : { ...s })),
      );
    }
    return m;
  }

  function takeFailure(method: string): FailureKind | null {
    for (const key of [method, '*']) {
      const queue = failures.get(key);
      while (queue && queue.length > 0) {
        const spec = queue[0]!;
        if (typeof spec === 'string') return spec;
        if (spec.times === undefined) return spec.kind;
        if (spec.times > 0) {
          spec.times--;
          if (spec.times === 0) queue.shift();
          return spec.kind;
        }
        queue.shift(); // used up (or given with times: 0)
      }
    }
    return null;
  }

  function latencyMs(): number {
    if (typeof latency === 'number') return latency;
    return latency.min + Math.round(latencyRandom() * Math.max(0, latency.max - latency.min));
  }

  /**
   * Runs one host call: abort check, latency, injected failure, the operation, then validation of
   * the answer against its schema.
   */
  async function call<T>(
    method: ContractMethod,
    signal: AbortSignal | undefined,
    schema: z.ZodMiniType | null,
    op: () => T | Promise<T>,
    conflictCurrent?: () => unknown,
  ): Promise<T> {
    throwIfAborted(signal);
    totalCalls++;
    callCounts.set(method, (callCounts.get(method) ?? 0) + 1);
    await delay(latencyMs(), signal);
    throwIfAborted(signal);
    const failure = takeFailure(method);
    switch (failure) {
      case 'network':
        throw new QysNetworkError(`Injected network failure (${method})`);
      case 'timeout':
        throw new QysTimeoutError(`Injected timeout (${method})`, { timeoutMs: 15000 });
      case 'server':
        throw new QysServerError(`Injected server error (${method})`, { status: 500 });
      case 'auth':
        throw new QysAuthError(`Injected auth failure (${method})`, { status: 401 });
      case 'not-found':
        throw new QysNotFoundError(`Injected not-found (${method})`);
      case 'conflict':
        throw new QysConflictError(`Injected conflict (${method})`, { current: conflictCurrent?.() });
      default:
        break;
    }
    let result: unknown = await op();
    throwIfAborted(signal);
    if (failure === 'malformed') result = corrupt(result);
    if ((validate || failure === 'malformed') && schema) {
      const parsed = z.safeParse(schema, result);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new QysContractError(issue ? issue.path.map(String).join('.') : '', undefined, {
          endpoint: method,
        });
      }
    } else if (failure === 'malformed') {
      throw new QysContractError('', undefined, { endpoint: method });
    }
    return result as T;
  }

  return {
    seed,
    now,
    iso,
    keyRandom,
    latencyMs,
    call,
    paging: makePaging(options.defaultPageSize ?? 100),
    control: {
      setFailures(map: FailureMap) {
        failures = toFailureQueues(map);
      },
      failNext(method: string, kind: FailureKind, times = 1) {
        if (!(CONTRACT_METHODS as readonly string[]).includes(method) && method !== '*') {
          console.warn(`createMemoryHost: no method "${method}" to fail (keys look like "org.children")`);
        }
        const q = failures.get(method) ?? [];
        // a once-failure goes before an "always" entry so it is used first
        q.unshift({ kind, times });
        failures.set(method, q);
      },
      setLatency(l: Latency) {
        latency = l;
      },
      calls: (method?: string) => (method === undefined ? totalCalls : (callCounts.get(method) ?? 0)),
    },
  };
}
