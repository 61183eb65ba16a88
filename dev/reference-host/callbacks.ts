/**
 * Callbacks from Qiyuesuo on the reference host (seed 001 §3 and §5; docs/contract-e10.md):
 *
 * - `POST /papi/signcenter/qiyuesuo/signCallbackPrivate` (E10 global callback),
 * - `POST /papi/signcenter/qiyuesuo/categoryCallback` (per 业务分类 / 用印流程),
 * - `POST /QYSPrivateCallbackServlet` (E9's address, forwarded to categoryCallback after an upgrade).
 *
 * Both generations: legacy form (or JSON) `contractId` / `status` / `bizId`, and the ≥ 4.3.6 encrypted
 * JSON `{signature, timestamp, nonce, encrypted}` checked with the callback keys of each private service
 * (dev/simulator/callbacks.ts has the formula). The answer is `success` (HTTP 200); a bad signature,
 * a stale timestamp or an undecryptable body is refused (401 / 400 JSON) before anything changes.
 *
 * A legacy callback carries no signature: anything that can reach the OA could send one. It is only a
 * trigger: the host asks Qiyuesuo for the contract's real state (`GET /contract/detail` with the
 * credentials of each private service) and applies what Qiyuesuo answers, never the status the form
 * claimed (a mismatch is logged). No service could be asked (unreachable, refused the credentials):
 * 503 `callback.unconfirmed`, nothing changes, and Qiyuesuo retries. Every service asked says it does
 * not know the contract: 404 `callback.unknownContract`, nothing changes. The signed generation is its
 * own proof and is applied as it says.
 *
 * A repeat (same contract, same status) is acknowledged and applied once; a finished contract stays as it
 * finished. The status recorded is what `GET /signing/contracts/{id}/status` answers when the provider
 * cannot be asked.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractStatus } from '../../src/api/schemas.js';
import { verifyCallback, type CallbackKeys, type CallbackPayload } from '../simulator/callbacks.js';
import { contractDetail, QysApiError, type QysCredentials } from './qys-client.js';

export const CALLBACK_PATHS = [
  '/papi/signcenter/qiyuesuo/signCallbackPrivate',
  '/papi/signcenter/qiyuesuo/categoryCallback',
  '/QYSPrivateCallbackServlet',
] as const;

/** Qiyuesuo contract statuses → the contract's `ContractStatus.status`. */
export function toContractState(
  qys: string | undefined,
  callbackType?: string,
): ContractStatus['status'] | null {
  switch ((qys ?? '').toUpperCase()) {
    case 'COMPLETE':
    case 'FINISHED':
      return 'signed';
    case 'REJECTED':
      return 'declined';
    case 'RECALLED':
    case 'TERMINATED':
    case 'TERMINATING':
    case 'DELETE':
      return 'cancelled';
    case 'EXPIRED':
      return 'expired';
    case 'SIGNING':
    case 'FILLING':
      return 'signing';
    case 'DRAFT':
      return 'draft';
  }
  if (callbackType === 'CONTRACT_COMPLETE') return 'signed';
  if (callbackType === 'CONTRACT_REJECT') return 'declined';
  return null;
}

const FINAL = new Set<ContractStatus['status']>(['signed', 'declined', 'cancelled', 'expired']);

export interface AppliedCallback {
  at: string;
  path: string;
  generation: 'legacy' | 'new';
  contractId: string;
  status: ContractStatus['status'];
  /** Qiyuesuo's status: what the signed body says, or (legacy) what `/contract/detail` answered. */
  qysStatus: string;
  /** Legacy: the status the form claimed (not applied), and the service that confirmed the state. */
  claimed?: string;
  confirmedBy?: string;
  bizId?: string;
}

/** A private service whose credentials can ask Qiyuesuo for a contract's state. */
export interface ContractConfirmer {
  serviceId: string;
  credentials: QysCredentials;
}

/** What Qiyuesuo said about a contract a legacy callback named. */
export type Confirmation =
  | { kind: 'found'; qysStatus: string; status: ContractStatus['status']; serviceId: string }
  | { kind: 'unknown'; asked: number }
  | { kind: 'unconfirmed'; detail: string };

/** Answers of `/contract/detail` meaning "no such contract here" (1404: the simulator's code; 1000001 参数错误). */
const NOT_KNOWN = new Set(['1404', '1000001']);
/** Per service asked; below the sender's own timeout, so it gets the 503 and retries. */
const CONFIRM_TIMEOUT_MS = 4000;
const MAX_CONFIRMERS = 20;

/**
 * Asks every confirmer at once; the first that knows the contract answers. `unknown` only when every
 * one answered that it does not know it; any other failure makes it `unconfirmed`.
 */
export async function confirmContract(
  confirmers: ContractConfirmer[],
  contractId: string,
  timeoutMs = CONFIRM_TIMEOUT_MS,
): Promise<Confirmation> {
  const seen = new Set<string>();
  const asked = confirmers
    .filter((c) => {
      const key = `${c.credentials.openApiUrl.trim().replace(/\/+$/, '')} ${c.credentials.appToken}`;
      if (!c.credentials.openApiUrl || !c.credentials.appToken || !c.credentials.appSecret || seen.has(key))
        return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_CONFIRMERS);
  if (asked.length === 0)
    return { kind: 'unconfirmed', detail: 'no private service with credentials to ask Qiyuesuo' };
  return new Promise<Confirmation>((resolve) => {
    let pending = asked.length;
    const failures: string[] = [];
    for (const c of asked)
      contractDetail(c.credentials, contractId, { timeoutMs })
        .then(
          (d) => resolve({ kind: 'found', qysStatus: d.qysStatus, status: d.status, serviceId: c.serviceId }),
          (e: unknown) => {
            if (!(e instanceof QysApiError) || !NOT_KNOWN.has(e.code))
              failures.push(
                `service ${c.serviceId}: ${e instanceof QysApiError ? `${e.code} ${e.message}` : String(e)}`,
              );
          },
        )
        .finally(() => {
          if (--pending > 0) return;
          resolve(
            failures.length
              ? { kind: 'unconfirmed', detail: failures.join('; ').slice(0, 500) }
              : { kind: 'unknown', asked: asked.length },
          );
        });
  });
}

export interface CallbackDeps {
  /** Callback keys of every service that has them (new-generation callbacks are tried against each). */
  keys(): CallbackKeys[];
  /** The private services that can be asked for a contract's state (legacy callbacks are confirmed). */
  confirmers(): ContractConfirmer[];
  contracts: Map<string, ContractStatus>;
  log(line: string): void;
}

export interface CallbackReceiver {
  /** Handles the request when its path is a callback path; false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: () => Promise<string>): Promise<boolean>;
  /** What was applied, oldest first (GET /__ref/callbacks). */
  applied: AppliedCallback[];
  /** CALLBACK_CHECKs answered. */
  checks: { at: string; path: string; generation: 'legacy' | 'new' }[];
}

export function createCallbackReceiver(deps: CallbackDeps): CallbackReceiver {
  const applied: AppliedCallback[] = [];
  const checks: CallbackReceiver['checks'] = [];
  const seenNonces = new Map<string, number>();
  /** The last state a callback applied, per contract (bounded): a retry of it applies once. */
  const lastApplied = new Map<string, ContractStatus['status']>();

  const reply = (res: ServerResponse, status: number, body: string | object) => {
    if (typeof body === 'string') {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    } else {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(JSON.stringify(body));
    }
  };
  const refuse = (res: ServerResponse, status: number, code: string, message: string) =>
    reply(res, status, { error: { code, message } });

  /** Confirmations under way, per contract: a burst of legacy callbacks for one contract asks once. */
  const confirming = new Map<string, Promise<Confirmation>>();
  const confirm = (contractId: string): Promise<Confirmation> => {
    let p = confirming.get(contractId);
    if (!p) {
      p = confirmContract(deps.confirmers(), contractId).finally(() => confirming.delete(contractId));
      confirming.set(contractId, p);
    }
    return p;
  };

  function apply(
    path: string,
    generation: 'legacy' | 'new',
    p: CallbackPayload,
    legacy?: { claimed: string; confirmedBy: string },
  ): 'applied' | 'repeat' | 'ignored' {
    const contractId = String(p.contractId ?? '').trim();
    const state = toContractState(p.status, p.callbackType);
    if (!contractId || !state || contractId.length > 128) return 'ignored';
    // A retry of the state a callback last applied applies once.
    if (lastApplied.get(contractId) === state) return 'repeat';
    // A finished contract stays as it finished: a late retry of an earlier state, or another final state, never
    // changes it. The same final state (e.g. the return page reported it first) is the provider confirming it.
    const current = deps.contracts.get(contractId);
    if (current && FINAL.has(current.status) && current.status !== state) return 'repeat';
    lastApplied.delete(contractId);
    lastApplied.set(contractId, state);
    if (lastApplied.size > 10_000) lastApplied.delete(lastApplied.keys().next().value!);
    const at = new Date().toISOString();
    deps.contracts.set(contractId, { contractId, status: state, updatedAt: at });
    applied.push({
      at,
      path,
      generation,
      contractId,
      status: state,
      qysStatus: String(p.status ?? p.callbackType),
      ...(legacy ? { claimed: legacy.claimed, confirmedBy: legacy.confirmedBy } : {}),
      ...(p.bizId ? { bizId: String(p.bizId) } : {}),
    });
    if (applied.length > 1000) applied.shift();
    deps.log(`callback ${generation} ${contractId} → ${state}`);
    return 'applied';
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: () => Promise<string>,
  ): Promise<boolean> {
    if (!(CALLBACK_PATHS as readonly string[]).includes(url.pathname)) return false;
    if (req.method !== 'POST') {
      refuse(res, 405, 'method', `${req.method} ${url.pathname} is not a route (callbacks are POSTed)`);
      return true;
    }
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    const text = await body();
    let fields: Record<string, unknown>;
    if (type.startsWith('application/json')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        fields = parsed as Record<string, unknown>;
      } catch {
        refuse(res, 400, 'bad-request', 'The callback body is not a JSON object');
        return true;
      }
    } else if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
      fields = Object.fromEntries(new URLSearchParams(text));
      for (const [k, v] of url.searchParams) fields[k] ??= v;
    } else {
      refuse(res, 415, 'content-type', 'Callbacks are form-urlencoded (legacy) or JSON');
      return true;
    }

    if ('encrypted' in fields || 'signature' in fields) {
      // ≥ 4.3.6: try the keys of every service; nothing changes unless one verifies.
      let reason = 'signature';
      for (const k of deps.keys()) {
        const v = verifyCallback(fields, k);
        if (!v.ok) {
          if (v.reason !== 'signature') reason = v.reason;
          if (v.reason === 'malformed') break;
          continue;
        }
        const nonce = String(fields.nonce);
        const now = Date.now();
        for (const [n, t] of seenNonces) if (now - t > 15 * 60 * 1000) seenNonces.delete(n);
        if (v.payload.callbackType === 'CALLBACK_CHECK') {
          checks.push({ at: new Date().toISOString(), path: url.pathname, generation: 'new' });
          reply(res, 200, 'success');
          return true;
        }
        // The same signed body again (a replay or a resend of the very same request): acknowledged,
        // not applied again.
        if (!seenNonces.has(nonce)) {
          seenNonces.set(nonce, now);
          apply(url.pathname, 'new', v.payload);
        }
        reply(res, 200, 'success');
        return true;
      }
      if (reason === 'malformed')
        refuse(res, 400, 'callback.malformed', 'The callback lacks signature, timestamp, nonce or encrypted');
      else if (reason === 'undecryptable')
        refuse(
          res,
          400,
          'callback.undecryptable',
          'The callback could not be decrypted with the callback key',
        );
      else if (reason === 'stale')
        refuse(res, 401, 'callback.stale', 'The callback timestamp is outside the accepted window');
      else refuse(res, 401, 'callback.signature', 'The callback signature does not verify');
      return true;
    }

    // Legacy: contractId / status / bizId (no signature in this generation). Qiyuesuo's server sends no
    // Origin; a browser always does on a cross-site POST, so a page cannot forge one through a form.
    if (req.headers.origin !== undefined) {
      refuse(
        res,
        403,
        'callback.browser',
        'Callbacks come from the Qiyuesuo server, not from a browser page',
      );
      return true;
    }
    if (fields.callbackType === 'CALLBACK_CHECK') {
      checks.push({ at: new Date().toISOString(), path: url.pathname, generation: 'legacy' });
      reply(res, 200, 'success');
      return true;
    }
    const contractId = typeof fields.contractId === 'string' ? fields.contractId.trim() : '';
    const status = typeof fields.status === 'string' ? fields.status : '';
    if (!contractId || !status) {
      refuse(res, 400, 'callback.malformed', 'A legacy callback needs contractId and status');
      return true;
    }
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(contractId)) {
      refuse(res, 400, 'callback.malformed', 'contractId must be 1-128 letters, digits, _ or -');
      return true;
    }
    if (!toContractState(status)) {
      refuse(res, 400, 'callback.status', `Unknown contract status ${status.slice(0, 40)}`);
      return true;
    }
    // No signature: the form's status is a claim. What is applied is what Qiyuesuo answers.
    const c = await confirm(contractId);
    if (c.kind === 'unconfirmed') {
      deps.log(`callback legacy ${contractId}: not confirmed, nothing applied (${c.detail})`);
      res.setHeader('retry-after', '60');
      refuse(
        res,
        503,
        'callback.unconfirmed',
        '无法向契约锁确认合同状态，未作任何更改，请稍后重试 / The contract state could not be confirmed with Qiyuesuo; nothing was changed, retry later',
      );
      return true;
    }
    if (c.kind === 'unknown') {
      deps.log(`callback legacy ${contractId}: no service knows this contract (${c.asked} asked)`);
      refuse(
        res,
        404,
        'callback.unknownContract',
        '契约锁中没有这份合同，未作任何更改 / No Qiyuesuo service of this OA knows this contract; nothing was changed',
      );
      return true;
    }
    if (c.qysStatus.toUpperCase() !== status.toUpperCase())
      deps.log(
        `callback legacy ${contractId}: claimed ${status.slice(0, 40)}, Qiyuesuo (service ${c.serviceId}) says ${c.qysStatus}: applying ${c.qysStatus}`,
      );
    if (c.status === 'unknown') {
      // A status this host does not map: nothing to apply, and asking again would not change that.
      deps.log(`callback legacy ${contractId}: Qiyuesuo status ${c.qysStatus} not mapped, nothing applied`);
    } else {
      apply(
        url.pathname,
        'legacy',
        {
          callbackType: 'CONTRACT_SIGN',
          contractId,
          status: c.qysStatus,
          ...(typeof fields.bizId === 'string' ? { bizId: fields.bizId } : {}),
        },
        { claimed: status.slice(0, 40), confirmedBy: c.serviceId },
      );
    }
    reply(res, 200, 'success');
    return true;
  }

  return { handle, applied, checks };
}
