/**
 * Test helper: wraps a host and records every `resources.list` call with its options and whether its
 * signal was aborted, so tests can observe "a new query aborts the previous one" from the outside.
 */
import type { QysHost, ResourceListOptions } from '../../../src/api/host.js';
import type { ResourceKind } from '../../../src/api/schemas.js';

export interface ListCall {
  kind: ResourceKind;
  options: ResourceListOptions;
  signal: AbortSignal | undefined;
}

export function recording(host: QysHost): { host: QysHost; lists: ListCall[]; resolves: string[][] } {
  const lists: ListCall[] = [];
  const resolves: string[][] = [];
  const resources: QysHost['resources'] = {
    list: (kind, options = {}) => {
      lists.push({ kind, options, signal: options.signal });
      return host.resources.list(kind, options);
    },
    resolve: (kind, ids, options) => {
      resolves.push(ids);
      return host.resources.resolve(kind, ids, options);
    },
    companies: (options) => host.resources.companies(options),
    lastSynced: (options) => host.resources.lastSynced(options),
  };
  return { host: { ...host, resources }, lists, resolves };
}
