/** State of one simulated Qiyuesuo deployment (the root one, or an isolated scope under `/s/<id>`). */
import { randomBytes } from 'node:crypto';
import {
  createDataset,
  newContract,
  timeAt,
  type Contract,
  type ContractState,
  type Dataset,
  type DatasetSize,
} from './data.js';
import { DEFAULT_SESSION_TTL_MS, SIMULATOR_DEFAULT_APP, type SimulatorApp } from './defaults.js';

export type UnreachableMode = false | 'reset' | 'hang';

export interface SigningSession {
  id: string;
  userId: string;
  contractId: string;
  nonce: string;
  returnUrl?: string;
  expiresAt: number;
  appToken: string;
}

export interface DeploymentConfig {
  apps: SimulatorApp[];
  whitelist: string[];
  sessionTtlMs: number;
  seed: number;
  size?: DatasetSize;
}

/** A change through `POST /__sim/state` (every field optional). */
export interface StatePatch {
  whitelist?: string[];
  apps?: SimulatorApp[];
  /** Upserts: `{ id, subject?, status? }`. */
  contracts?: Array<{ id: string; subject?: string; status?: ContractState }>;
  /** `true` means `'reset'`: sockets are closed without an answer; `'hang'` never answers. */
  unreachable?: boolean | 'reset' | 'hang';
  /** Serve the login page for every SSO attempt (SSO rejected). */
  ssoReject?: boolean;
  /**
   * Framing headers of an older or differently configured platform: `frameAncestors: false` sends no
   * CSP at all; `xFrameOptions` adds `X-Frame-Options` (Chromium ignores it when frame-ancestors is sent).
   */
  frameAncestors?: boolean;
  xFrameOptions?: 'DENY' | 'SAMEORIGIN' | null;
  sessionTtlMs?: number;
}

const ORIGIN_SOURCE =
  /^(\*|'self'|'none'|(https?|wss?):\/\/(\*\.)?[A-Za-z0-9.\-[\]:]+(:(\d{1,5}|\*))?|(\*\.)?[A-Za-z0-9.-]+(:(\d{1,5}|\*))?)$/;

/** An embed-whitelist entry is a CSP source: an origin (`http://oa.example.com:8080`), a host, `*`, `'self'`. */
export function isWhitelistEntry(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 300 && ORIGIN_SOURCE.test(value);
}

export class PatchError extends Error {}

function isApp(value: unknown): value is SimulatorApp {
  if (!value || typeof value !== 'object') return false;
  const app = value as Record<string, unknown>;
  return ['appToken', 'appSecret', 'encryptionKey'].every(
    (k) => typeof app[k] === 'string' && (app[k] as string).length > 0,
  );
}

const CONTRACT_STATES: ContractState[] = ['DRAFT', 'SIGNING', 'COMPLETE', 'REJECTED', 'EXPIRED', 'RECALLED'];

export class Deployment {
  apps: SimulatorApp[];
  whitelist: string[];
  sessionTtlMs: number;
  unreachable: UnreachableMode = false;
  ssoReject = false;
  frameAncestors = true;
  xFrameOptions: 'DENY' | 'SAMEORIGIN' | null = null;
  data: Dataset;
  /** Signatures of consumed SSO tickets → their expiry (pruned once expired). */
  readonly usedTickets = new Map<string, number>();
  readonly sessions = new Map<string, SigningSession>();
  readonly cspReports: unknown[] = [];
  readonly calls: Array<{ method: string; path: string; code: number; at: string }> = [];

  constructor(
    readonly id: string,
    private readonly initial: DeploymentConfig,
  ) {
    this.apps = initial.apps.map((a) => ({ ...a }));
    this.whitelist = [...initial.whitelist];
    this.sessionTtlMs = initial.sessionTtlMs;
    this.data = createDataset(initial.seed, initial.size);
  }

  /** Base path of this deployment's pages: `''` (root) or `/s/<id>`. */
  get base(): string {
    return this.id ? `/s/${this.id}` : '';
  }

  reset(): void {
    this.apps = this.initial.apps.map((a) => ({ ...a }));
    this.whitelist = [...this.initial.whitelist];
    this.sessionTtlMs = this.initial.sessionTtlMs;
    this.unreachable = false;
    this.ssoReject = false;
    this.frameAncestors = true;
    this.xFrameOptions = null;
    this.data = createDataset(this.initial.seed, this.initial.size);
    this.usedTickets.clear();
    this.sessions.clear();
    this.cspReports.length = 0;
    this.calls.length = 0;
  }

  /** Validates the whole patch first, then applies it (all or nothing). */
  apply(patch: StatePatch): void {
    if (!patch || typeof patch !== 'object') throw new PatchError('body must be a JSON object');
    if (patch.whitelist !== undefined) {
      if (!Array.isArray(patch.whitelist)) throw new PatchError('whitelist must be an array');
      const bad = patch.whitelist.find((e) => !isWhitelistEntry(e));
      if (bad !== undefined) throw new PatchError(`whitelist entry is not an origin: ${JSON.stringify(bad)}`);
    }
    if (patch.apps !== undefined && (!Array.isArray(patch.apps) || !patch.apps.every(isApp))) {
      throw new PatchError('apps must be [{ appToken, appSecret, encryptionKey }]');
    }
    if (patch.contracts !== undefined) {
      if (!Array.isArray(patch.contracts)) throw new PatchError('contracts must be an array');
      for (const c of patch.contracts) {
        if (!c || typeof c.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(c.id)) {
          throw new PatchError('contract id must be 1-64 letters, digits, _ or -');
        }
        if (c.status !== undefined && !CONTRACT_STATES.includes(c.status)) {
          throw new PatchError(`contract status must be one of ${CONTRACT_STATES.join(', ')}`);
        }
      }
    }
    if (patch.unreachable !== undefined && ![true, false, 'reset', 'hang'].includes(patch.unreachable)) {
      throw new PatchError("unreachable must be true, false, 'reset' or 'hang'");
    }
    if (patch.frameAncestors !== undefined && typeof patch.frameAncestors !== 'boolean')
      throw new PatchError('frameAncestors must be boolean');
    if (patch.xFrameOptions !== undefined && ![null, 'DENY', 'SAMEORIGIN'].includes(patch.xFrameOptions))
      throw new PatchError("xFrameOptions must be 'DENY', 'SAMEORIGIN' or null");
    if (patch.ssoReject !== undefined && typeof patch.ssoReject !== 'boolean')
      throw new PatchError('ssoReject must be boolean');
    if (
      patch.sessionTtlMs !== undefined &&
      (typeof patch.sessionTtlMs !== 'number' || !(patch.sessionTtlMs > 0) || patch.sessionTtlMs > 86_400_000)
    ) {
      throw new PatchError('sessionTtlMs must be between 1 and 86400000');
    }
    if (patch.whitelist) this.whitelist = [...patch.whitelist];
    if (patch.apps) this.apps = patch.apps.map((a) => ({ ...a }));
    for (const c of patch.contracts ?? []) {
      const existing = this.contract(c.id, true) as Contract;
      if (c.subject) existing.subject = c.subject;
      if (c.status) existing.status = c.status;
      existing.updateTime = timeAt(this.data.clock++);
    }
    if (patch.unreachable !== undefined)
      this.unreachable = patch.unreachable === true ? 'reset' : patch.unreachable;
    if (patch.ssoReject !== undefined) this.ssoReject = patch.ssoReject;
    if (patch.frameAncestors !== undefined) this.frameAncestors = patch.frameAncestors;
    if (patch.xFrameOptions !== undefined) this.xFrameOptions = patch.xFrameOptions;
    if (patch.sessionTtlMs !== undefined) this.sessionTtlMs = patch.sessionTtlMs;
  }

  /** The contract with this ID; with `create`, a new one in state SIGNING when it does not exist yet. */
  contract(id: string, create = false): Contract | undefined {
    let c = this.data.contracts.find((x) => x.id === id);
    if (!c && create) {
      c = newContract(this.data, id);
      this.data.contracts.push(c);
    }
    return c;
  }

  /** A new contract with a fresh 19-digit ID, in state SIGNING. */
  newContract(): Contract {
    const c = newContract(this.data);
    this.data.contracts.push(c);
    return c;
  }

  setContractState(contract: Contract, state: ContractState, operator?: string): void {
    contract.status = state;
    contract.updateTime = new Date().toISOString();
    if (operator) contract.operator = operator;
  }

  /** Marks a ticket used; forgets those whose expiry has passed (they fail as expired anyway). */
  consumeTicket(signature: string, exp: number, now = Date.now()): void {
    for (const [sig, e] of this.usedTickets) if (e < now) this.usedTickets.delete(sig);
    this.usedTickets.set(signature, exp);
  }

  openSession(init: Omit<SigningSession, 'id' | 'expiresAt'>, now = Date.now()): SigningSession {
    for (const [id, s] of this.sessions) if (s.expiresAt < now - 3_600_000) this.sessions.delete(id);
    const session: SigningSession = {
      ...init,
      id: randomBytes(18).toString('base64url'),
      expiresAt: now + this.sessionTtlMs,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  expireSessions(now = Date.now()): number {
    let n = 0;
    for (const s of this.sessions.values()) {
      if (s.expiresAt > now) n++;
      s.expiresAt = Math.min(s.expiresAt, now - 1);
    }
    return n;
  }

  recordCall(method: string, path: string, code: number): void {
    this.calls.push({ method, path, code, at: new Date().toISOString() });
    if (this.calls.length > 500) this.calls.splice(0, this.calls.length - 500);
  }

  summary(): Record<string, unknown> {
    return {
      scope: this.id || null,
      base: this.base,
      whitelist: this.whitelist,
      apps: this.apps.map((a) => ({ appToken: a.appToken, appName: a.appName ?? null })),
      unreachable: this.unreachable,
      ssoReject: this.ssoReject,
      frameAncestors: this.frameAncestors,
      xFrameOptions: this.xFrameOptions,
      sessionTtlMs: this.sessionTtlMs,
      counts: {
        electronicSeals: this.data.seals.filter((s) => s.category === 'ELECTRONIC').length,
        physicalSeals: this.data.seals.filter((s) => s.category === 'PHYSICAL').length,
        templates: this.data.templates.length,
        electronicCategories: this.data.categories.filter((c) => c.type === 'ELECTRONIC').length,
        physicalCategories: this.data.categories.filter((c) => c.type === 'PHYSICAL').length,
      },
      contracts: this.data.contracts.map((c) => ({
        id: c.id,
        subject: c.subject,
        status: c.status,
        updateTime: c.updateTime,
      })),
    };
  }
}

export function defaultConfig(partial: Partial<DeploymentConfig> = {}): DeploymentConfig {
  return {
    apps: partial.apps ?? [{ ...SIMULATOR_DEFAULT_APP }],
    whitelist: partial.whitelist ?? [],
    sessionTtlMs: partial.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    seed: partial.seed ?? 9181,
    ...(partial.size ? { size: partial.size } : {}),
  };
}
