/**
 * Sample resources for a service that was never synced (the public-cloud service has no simulator
 * behind it): the memory host's deterministic generator (src/api/memory-host/data.ts). Once
 * 同步服务商数据 has run for a service, its stored resources replace these.
 */
import {
  generateResources,
  RESOURCE_KINDS,
  sealImageUrl,
  seedNumber,
} from '../../src/api/memory-host/data.js';
import type { Resource, ResourceKind } from '../../src/api/schemas.js';

export function sampleResources(seed?: number): Record<ResourceKind, Resource[]> {
  const generated = generateResources(seedNumber(seed));
  const out = {} as Record<ResourceKind, Resource[]>;
  for (const kind of RESOURCE_KINDS) {
    out[kind] = generated[kind].map((r) => {
      const res: Resource = { ...r };
      if (r.sealType && r.company) res.image = sealImageUrl(r.company, r.sealType, kind === 'physical-seal');
      return res;
    });
  }
  return out;
}
