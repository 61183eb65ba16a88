import {
  createMemoryHost,
  QysNetworkError,
  QysNotFoundError,
  QysServerError,
  type QysHost,
} from 'qys-elements';

/** Seals, templates and flows from the OA's own routes; the other groups in memory until written. */
export function createResourceHost(baseUrl: string): QysHost {
  async function call<T>(path: string, signal?: AbortSignal, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, baseUrl), {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'include', // the OA's session cookie
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) throw signal.reason; // cancelled: reject with the signal's reason
      throw new QysNetworkError('The OA could not be reached', { cause });
    }
    if (res.status === 404) throw new QysNotFoundError();
    if (!res.ok) throw new QysServerError(`The OA answered ${res.status}`, { status: res.status });
    return (await res.json()) as T;
  }
  return {
    ...createMemoryHost(),
    resources: {
      list: (kind, { keyword = '', offset = 0, limit = 50, signal } = {}) =>
        call(
          `resources/${kind}?${new URLSearchParams({ keyword, offset: `${offset}`, limit: `${limit}` })}`,
          signal,
        ),
      resolve: (kind, ids, { signal } = {}) => call(`resources/${kind}/resolve`, signal, { ids }),
      companies: ({ signal } = {}) => call('resources/companies', signal),
      lastSynced: async ({ signal } = {}) =>
        (await call<{ lastSyncedAt: string | null }>('resources/last-synced', signal)).lastSyncedAt,
    },
  };
}
