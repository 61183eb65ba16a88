/**
 * Binding helpers with no runtime dependency on zod (importing schemas.ts would pull zod into an
 * element's bundle: measured +9 kB gzip on the checklist).
 */
import type { Binding, BindingInput } from './schemas.js';

/**
 * The save / test-connection input for a stored binding: the read-only fields dropped, no secret (the
 * host uses the stored one when `appSecret` is absent and `id` names a saved service).
 */
export function bindingToInput(binding: Binding): BindingInput {
  const {
    appSecretSet: _s,
    status: _st,
    lastSyncedAt: _l,
    updatedAt: _u,
    createdBy: _c,
    pendingFields: _p,
    personSync: _ps,
    ...input
  } = binding;
  return input;
}
