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
import {
  DEFAULT_SESSION_TTL_MS,
  SIMULATOR_DEFAULT_APP,
  type SimulatorApp,
  type SimulatorAppName,
  type SimulatorUser,
} from './defaults.js';

export type UnreachableMode = false | 'reset' | 'hang';

export interface SigningSession {
  id: string;
  /** The signatory: the mobile the SSO token or `contact` named. */
  userId: string;
  contractId: string;
  /** `callbackPage` of `POST /contract/signurl`: where the page goes after an action. */
  returnUrl?: string;
  expiresAt: number;
  /** Read-only page (`/contract/viewurl`). */
  view?: boolean;
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
  /**
   * Which origins `unreachable` cuts: by default the browser-facing ones (signing web app, console),
   * so the OA server can still call the open API while the browser cannot load the pages.
   */
  unreachableApps?: SimulatorAppName[];
  /** Serve the login page for every SSO attempt (SSO rejected). */
  ssoReject?: boolean;
  /**
   * Where the signing page keeps the session. `'off'` (default): in the link (`/sign?viewToken=…`).
   * `'on'`: the link's token is exchanged for a cookie, as the real platform's sign-on does — a browser
   * that gives a cross-site frame no cookies (WebKit / Safari, Chrome with third-party cookies off) then
   * lands on the login page (reason `cookie-blocked`). `'frame-blocked'`: the same, and the cookie is also ignored on
   * requests the browser marks as a frame's (`Sec-Fetch-Dest: iframe`), to reproduce that browser in any engine.
   */
  sessionCookie?: 'off' | 'on' | 'frame-blocked';
  /**
   * Framing headers of an older or differently configured platform: `frameAncestors: false` sends no
   * CSP at all; `xFrameOptions` adds `X-Frame-Options` (Chromium ignores it when frame-ancestors is sent).
   */
  frameAncestors?: boolean;
  xFrameOptions?: 'DENY' | 'SAMEORIGIN' | null;
  sessionTtlMs?: number;
  /** Persons the platform knows (upsert by mobile). */
  users?: SimulatorUser[];
  /**
   * Freshness window of `x-qys-timestamp` in ms (`null`: off, the default — the real server accepts
   * `0` and any old timestamp).
   */
  timestampWindowMs?: number | null;
  /** Answer key of `GET /seal/list`: `result` (the doc's table, default) or `list` (the doc's example). */
  sealListKey?: 'result' | 'list';
  /**
   * Public cloud SSO (`/open/ssogateway`): the OA's CAS-style ticket validation URL and its login page
   * (`null` clears one).
   */
  sso?: { validationUrl?: string | null; loginUrl?: string | null };
}

const httpUrl = (v: unknown) => {
  if (typeof v !== 'string' || v.length > 2000) return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

const BROWSER_FACING: SimulatorAppName[] = ['signing', 'console'];

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
  unreachableApps: SimulatorAppName[] = [...BROWSER_FACING];
  ssoReject = false;
  sessionCookie: 'off' | 'on' | 'frame-blocked' = 'off';
  frameAncestors = true;
  xFrameOptions: 'DENY' | 'SAMEORIGIN' | null = null;
  data: Dataset;
  timestampWindowMs: number | null = null;
  sealListKey: 'result' | 'list' = 'result';
  sso: { validationUrl?: string; loginUrl?: string } = {};
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
    this.unreachableApps = [...BROWSER_FACING];
    this.ssoReject = false;
    this.sessionCookie = 'off';
    this.frameAncestors = true;
    this.xFrameOptions = null;
    this.data = createDataset(this.initial.seed, this.initial.size);
    this.timestampWindowMs = null;
    this.sealListKey = 'result';
    this.sso = {};
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
        if (c.subject !== undefined && (typeof c.subject !== 'string' || c.subject.length > 200))
          throw new PatchError('contract subject must be a string of at most 200 characters');
      }
    }
    if (patch.unreachable !== undefined && ![true, false, 'reset', 'hang'].includes(patch.unreachable)) {
      throw new PatchError("unreachable must be true, false, 'reset' or 'hang'");
    }
    if (
      patch.unreachableApps !== undefined &&
      (!Array.isArray(patch.unreachableApps) ||
        !patch.unreachableApps.every((a) => a === 'openApi' || a === 'signing' || a === 'console'))
    )
      throw new PatchError("unreachableApps must list 'openApi', 'signing' and/or 'console'");
    if (patch.frameAncestors !== undefined && typeof patch.frameAncestors !== 'boolean')
      throw new PatchError('frameAncestors must be boolean');
    if (patch.xFrameOptions !== undefined && ![null, 'DENY', 'SAMEORIGIN'].includes(patch.xFrameOptions))
      throw new PatchError("xFrameOptions must be 'DENY', 'SAMEORIGIN' or null");
    if (patch.ssoReject !== undefined && typeof patch.ssoReject !== 'boolean')
      throw new PatchError('ssoReject must be boolean');
    if (patch.sessionCookie !== undefined && !['off', 'on', 'frame-blocked'].includes(patch.sessionCookie))
      throw new PatchError("sessionCookie must be 'off', 'on' or 'frame-blocked'");
    if (patch.users !== undefined) {
      const ok =
        Array.isArray(patch.users) &&
        patch.users.length <= 100_000 &&
        patch.users.every(
          (u) =>
            !!u &&
            typeof u.mobile === 'string' &&
            /^[0-9+-]{3,20}$/.test(u.mobile) &&
            typeof u.name === 'string' &&
            u.name.length <= 100,
        );
      if (!ok) throw new PatchError('users must be [{ mobile: digits, name }]');
    }
    if (
      patch.timestampWindowMs !== undefined &&
      patch.timestampWindowMs !== null &&
      (typeof patch.timestampWindowMs !== 'number' ||
        !(patch.timestampWindowMs > 0) ||
        patch.timestampWindowMs > 86_400_000)
    )
      throw new PatchError('timestampWindowMs must be null or between 1 and 86400000');
    if (patch.sso !== undefined) {
      const ok =
        !!patch.sso &&
        typeof patch.sso === 'object' &&
        [patch.sso.validationUrl, patch.sso.loginUrl].every(
          (v) => v === undefined || v === null || httpUrl(v),
        );
      if (!ok) throw new PatchError('sso must be { validationUrl?, loginUrl? } with http(s) URLs');
    }
    if (patch.sealListKey !== undefined && patch.sealListKey !== 'result' && patch.sealListKey !== 'list')
      throw new PatchError("sealListKey must be 'result' or 'list'");
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
    if (patch.unreachableApps !== undefined) this.unreachableApps = [...new Set(patch.unreachableApps)];
    if (patch.ssoReject !== undefined) this.ssoReject = patch.ssoReject;
    if (patch.sessionCookie !== undefined) this.sessionCookie = patch.sessionCookie;
    if (patch.frameAncestors !== undefined) this.frameAncestors = patch.frameAncestors;
    if (patch.xFrameOptions !== undefined) this.xFrameOptions = patch.xFrameOptions;
    if (patch.sessionTtlMs !== undefined) this.sessionTtlMs = patch.sessionTtlMs;
    for (const u of patch.users ?? []) {
      const known = this.data.users.find((x) => x.mobile === u.mobile);
      if (known) known.name = u.name;
      else this.data.users.push({ mobile: u.mobile, name: u.name });
    }
    if (patch.timestampWindowMs !== undefined) this.timestampWindowMs = patch.timestampWindowMs;
    if (patch.sealListKey !== undefined) this.sealListKey = patch.sealListKey;
    if (patch.sso) {
      const next = { ...this.sso };
      for (const k of ['validationUrl', 'loginUrl'] as const) {
        const v = patch.sso[k];
        if (v === null) delete next[k];
        else if (v !== undefined) next[k] = v;
      }
      this.sso = next;
    }
  }

  /** The person with this mobile, when the platform knows one. */
  user(mobile: string): SimulatorUser | undefined {
    return this.data.users.find((u) => u.mobile === mobile);
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

  /** A signing (or viewing) session; it lasts `ttlMs` (e.g. signurl's `expireTime`), at most `sessionTtlMs`. */
  openSession(
    init: Omit<SigningSession, 'id' | 'expiresAt'>,
    now = Date.now(),
    ttlMs = this.sessionTtlMs,
  ): SigningSession {
    for (const [id, s] of this.sessions) if (s.expiresAt < now - 3_600_000) this.sessions.delete(id);
    if (this.sessions.size > 50_000) this.sessions.delete(this.sessions.keys().next().value as string);
    const session: SigningSession = {
      ...init,
      id: randomBytes(18).toString('base64url'),
      expiresAt: now + Math.min(ttlMs, this.sessionTtlMs),
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
      unreachableApps: this.unreachableApps,
      ssoReject: this.ssoReject,
      sessionCookie: this.sessionCookie,
      frameAncestors: this.frameAncestors,
      xFrameOptions: this.xFrameOptions,
      sessionTtlMs: this.sessionTtlMs,
      timestampWindowMs: this.timestampWindowMs,
      sealListKey: this.sealListKey,
      sso: this.sso,
      users: this.data.users.length,
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
