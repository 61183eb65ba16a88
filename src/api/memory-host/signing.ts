/**
 * The signing group: short-lived signing sessions on the default (or named) service's internal or
 * external signing address, and contract states (`control.setContractStatus` sets them).
 */
import * as z from 'zod/mini';
import { QysNotFoundError } from '../errors.js';
import type { SigningApi } from '../host.js';
import {
  ContractStatusSchema,
  SigningSessionRequestSchema,
  SigningSessionSchema,
  type Binding,
  type ContractStatus,
  type SigningSession,
  type SigningSessionRequest,
} from '../schemas.js';
import { origins } from './client.js';
import { clone, validationError, type Runtime } from './faults.js';

export interface SigningOptions {
  signingUrl?: (request: SigningSessionRequest) => string;
  returnOrigin?: string;
  oaBaseUrl?: string;
}

export function createSigning(
  rt: Runtime,
  services: {
    getBinding(id: string): Binding;
    checkService(id: string | undefined): void;
    defaultService(): Binding | null;
  },
  options: SigningOptions,
) {
  const { call, iso, now, keyRandom } = rt;
  const { getBinding, checkService, defaultService } = services;
  const { pageOrigin } = origins(options.oaBaseUrl);
  const seedTime = '2026-11-02T01:30:00.000Z';
  const contracts = new Map<string, ContractStatus>([
    ['2880000000000000001', { contractId: '2880000000000000001', status: 'signing', updatedAt: seedTime }],
    ['2880000000000000002', { contractId: '2880000000000000002', status: 'signed', updatedAt: seedTime }],
    ['2880000000000000003', { contractId: '2880000000000000003', status: 'declined', updatedAt: seedTime }],
  ]);

  const api: SigningApi = {
    createSession: (request, o) =>
      call('signing.createSession', o?.signal, SigningSessionSchema, (): SigningSession => {
        const parsed = z.safeParse(SigningSessionRequestSchema, request);
        if (!parsed.success) throw validationError(parsed.error.issues);
        const req = parsed.data;
        const b = req.serviceId !== undefined ? getBinding(req.serviceId) : defaultService();
        if (!b) throw new QysNotFoundError('No signing service is configured');
        let url: string;
        if (options.signingUrl) url = options.signingUrl(req);
        else {
          const base =
            b.serviceType === 'private'
              ? req.zone === 'internal' && b.signingUrlInternal.trim()
                ? b.signingUrlInternal
                : b.signingUrlExternal
              : b.e10Url;
          const u = new URL(`/${req.page === 'view' ? 'view' : 'sign'}`, base);
          if (req.contractId) u.searchParams.set('contractId', req.contractId);
          u.searchParams.set('ticket', `st-${Math.floor(keyRandom() * 1e12).toString(36)}`);
          u.searchParams.set('lang', req.lang);
          u.searchParams.set('nonce', req.nonce);
          url = u.href;
        }
        if (req.contractId && !contracts.has(req.contractId)) {
          contracts.set(req.contractId, {
            contractId: req.contractId,
            status: 'signing',
            updatedAt: iso(),
          });
        }
        const origin = options.returnOrigin ?? pageOrigin();
        const session: SigningSession = {
          url,
          expiresAt: new Date(now() + 5 * 60_000).toISOString(),
          returnOrigin: origin,
        };
        if (req.contractId) session.contractId = req.contractId;
        return session;
      }),

    contractStatus: (contractId, o) =>
      call('signing.contractStatus', o?.signal, ContractStatusSchema, () => {
        checkService(o?.serviceId);
        return clone(contracts.get(contractId) ?? { contractId, status: 'unknown' as const });
      }),
  };
  return {
    api,
    setContractStatus(contractId: string, status: ContractStatus['status']) {
      contracts.set(contractId, { contractId, status, updatedAt: iso() });
    },
  };
}
