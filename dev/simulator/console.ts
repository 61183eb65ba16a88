/**
 * The simulator console's 泛微E10 integration (seed 001 §2, seed 000 §3.1): what an admin enters in the
 * Qiyuesuo console (E10 address, 泛微团队识别码, the E10 open platform's app_key / app_secret / corpId,
 * callback settings), and what the console does with it:
 *
 * - 一键部署: pushes this deployment's integration (open API address, App Token / Secret, 加密密钥,
 *   signing address) to the OA (`POST <openserver>/api/qiyuesuo/deploy`, docs/contract-e10.md);
 * - 人员同步: pulls the OA org through `/openserver` (person-sync.ts), on demand and every day at midnight;
 * - callbacks: after a contract is signed / declined, posts the callback to the OA and retries until it
 *   is acknowledged (callbacks.ts); CALLBACK_CHECK on request (the checklist's probe).
 *
 * Control routes (simulator's choice, docs/simulator-api.md "泛微E10 integration"), under `/__sim/e10`:
 * `GET` state, `POST /config`, `POST /deploy`, `POST /person-sync`, `POST /callback`, `POST /probe`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEFAULT_CALLBACK_KEYS,
  sendCallback,
  type CallbackKeys,
  type CallbackPayload,
  type Delivery,
  type SendOptions,
} from './callbacks.js';
import { openServerToken, runPersonSync, type PersonSyncResult } from './person-sync.js';
import type { SimulatorApp } from './defaults.js';

export interface E10IntegrationConfig {
  /** 泛微e-cology系统地址 (the E10 address). */
  e10Url: string;
  /** 泛微开放平台地址; default `<e10Url>/openserver`. */
  openServerUrl?: string;
  /** 泛微团队识别码. */
  tenantCode?: string;
  appKey: string;
  appSecret: string;
  corpId: string;
  /** Global callback address; default `<e10Url>/papi/signcenter/qiyuesuo/signCallbackPrivate`. */
  callbackUrl?: string;
  /** `legacy` (切换为旧版回调, what seed 001 §3 configures) or `new` (≥ 4.3.6 encrypted). Default legacy. */
  callbackGeneration?: 'legacy' | 'new';
  callbackKeys?: CallbackKeys;
  /** 人员同步定时任务 (default on: every day at midnight). */
  personSyncDaily?: boolean;
}

/** What console.ts needs of a deployment (dev/simulator/deployment.ts). */
export interface ConsoleDeployment {
  readonly apps: SimulatorApp[];
  apply(patch: { users?: { mobile: string; name: string }[] }): void;
}

export interface ConsoleUrls {
  openApi: string;
  signing: string;
}

interface State {
  config?: E10IntegrationConfig;
  lastDeploy?: { at: string; status: number; serviceId?: string; error?: string };
  lastPersonSync?: PersonSyncResult;
  deliveries: Delivery[];
  timer?: NodeJS.Timeout;
}

const SIGN_CALLBACK = '/papi/signcenter/qiyuesuo/signCallbackPrivate';

function isHttp(u: unknown): u is string {
  if (typeof u !== 'string') return false;
  try {
    const p = new URL(u).protocol;
    return p === 'http:' || p === 'https:';
  } catch {
    return false;
  }
}

const trim = (u: string) => u.replace(/\/+$/, '');

/** ms until the next local midnight. */
export function msUntilMidnight(now = new Date()): number {
  const next = new Date(now);
  next.setHours(24, 0, 0, 0);
  return next.getTime() - now.getTime();
}

export interface E10Console {
  /** Handles `/__sim/e10…` control routes; false for other paths. */
  control(
    req: IncomingMessage,
    res: ServerResponse,
    d: ConsoleDeployment & { base?: string },
    path: string,
    urls: ConsoleUrls,
    readJson: (req: IncomingMessage) => Promise<unknown>,
    send: (body: unknown, status?: number) => void,
  ): Promise<boolean>;
  /** A contract changed state on the signing app: post the callback (retried until acknowledged). */
  contractChanged(
    d: ConsoleDeployment,
    contract: { id: string; status: string; bizId?: string; subject?: string },
  ): Promise<Delivery | null>;
  configure(d: ConsoleDeployment, config: E10IntegrationConfig): void;
  stop(): void;
}

export function createE10Console(options: { quiet?: boolean; sendOptions?: SendOptions } = {}): E10Console {
  const states = new Map<ConsoleDeployment, State>();
  const log = options.quiet ? () => {} : (l: string) => console.log(`[simulator] ${l}`);
  const stateOf = (d: ConsoleDeployment) => {
    let s = states.get(d);
    if (!s) states.set(d, (s = { deliveries: [] }));
    return s;
  };
  const openServerOf = (c: E10IntegrationConfig) => trim(c.openServerUrl ?? `${trim(c.e10Url)}/openserver`);

  async function syncPersons(d: ConsoleDeployment, s: State): Promise<PersonSyncResult> {
    const c = s.config;
    if (!c) throw new Error('The E10 integration is not configured');
    const app = d.apps[0];
    if (!app) throw new Error('The deployment has no integration app');
    const r = await runPersonSync({ openServerUrl: openServerOf(c), credentials: c, appToken: app.appToken });
    if (r.ok) d.apply({ users: r.users });
    s.lastPersonSync = r;
    log(`person sync: ${r.ok ? `${r.counts.persons} persons` : r.error}`);
    return r;
  }

  function arm(d: ConsoleDeployment, s: State): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = undefined;
    if (!s.config || s.config.personSyncDaily === false) return;
    // Daily at midnight (seed 001 §4 step 3); unref'd so it never keeps a process alive.
    s.timer = setTimeout(() => {
      void syncPersons(d, s)
        .catch(() => {})
        .finally(() => arm(d, s));
    }, msUntilMidnight());
    s.timer.unref();
  }

  function configure(d: ConsoleDeployment, config: E10IntegrationConfig): void {
    const s = stateOf(d);
    s.config = config;
    arm(d, s);
  }

  function validConfig(body: unknown): E10IntegrationConfig | string {
    const b = body as Partial<E10IntegrationConfig> | null;
    if (!b || typeof b !== 'object') return 'expected a JSON object';
    if (!isHttp(b.e10Url)) return 'e10Url must be an http(s) address';
    if (b.openServerUrl !== undefined && !isHttp(b.openServerUrl))
      return 'openServerUrl must be an http(s) address';
    if (b.callbackUrl !== undefined && !isHttp(b.callbackUrl))
      return 'callbackUrl must be an http(s) address';
    for (const k of ['appKey', 'appSecret', 'corpId'] as const)
      if (typeof b[k] !== 'string' || !b[k] || b[k].length > 256) return `${k} is required`;
    if (
      b.callbackGeneration !== undefined &&
      b.callbackGeneration !== 'legacy' &&
      b.callbackGeneration !== 'new'
    )
      return "callbackGeneration must be 'legacy' or 'new'";
    if (
      b.callbackKeys !== undefined &&
      (typeof b.callbackKeys?.token !== 'string' ||
        typeof b.callbackKeys?.aesKey !== 'string' ||
        Buffer.byteLength(b.callbackKeys.aesKey) < 16)
    )
      return 'callbackKeys must be { token, aesKey (16 bytes or more) }';
    return b as E10IntegrationConfig;
  }

  const summary = (s: State) => ({
    configured: !!s.config,
    config: s.config
      ? {
          ...s.config,
          appSecret: s.config.appSecret ? '(set)' : '',
          callbackKeys: s.config.callbackKeys ? '(set)' : undefined,
        }
      : null,
    lastDeploy: s.lastDeploy ?? null,
    lastPersonSync: s.lastPersonSync
      ? {
          at: s.lastPersonSync.at,
          ok: s.lastPersonSync.ok,
          counts: s.lastPersonSync.counts,
          error: s.lastPersonSync.error,
        }
      : null,
    deliveries: s.deliveries.slice(-20),
    personSyncScheduled: !!s.timer,
  });

  async function deploy(d: ConsoleDeployment, s: State, urls: ConsoleUrls, base: string) {
    const c = s.config;
    if (!c)
      return { status: 409, body: { error: 'configure the E10 integration first (POST /__sim/e10/config)' } };
    const app = d.apps[0];
    if (!app) return { status: 409, body: { error: 'the deployment has no integration app' } };
    const at = new Date().toISOString();
    try {
      const token = await openServerToken(openServerOf(c), c);
      const keys = c.callbackKeys ?? DEFAULT_CALLBACK_KEYS;
      const r = await fetch(`${openServerOf(c)}/api/qiyuesuo/deploy`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          name: '契约锁私有云（一键部署）',
          openApiUrl: `${urls.openApi}${base}`,
          appToken: app.appToken,
          appSecret: app.appSecret,
          encryptionKey: app.encryptionKey,
          signingUrlExternal: `${urls.signing}${base}`,
          ...(c.tenantCode ? { tenantCode: c.tenantCode } : {}),
          oaVersion: 'E10',
          callbackToken: keys.token,
          callbackAesKey: keys.aesKey,
        }),
        signal: AbortSignal.timeout(10_000),
        redirect: 'manual',
      });
      const text = await r.text();
      let answer: unknown = text;
      try {
        answer = JSON.parse(text);
      } catch {
        /* keep the text */
      }
      const serviceId = (answer as { id?: unknown })?.id;
      s.lastDeploy = { at, status: r.status, ...(typeof serviceId === 'string' ? { serviceId } : {}) };
      log(`一键部署 → ${r.status}`);
      return { status: r.ok ? 200 : 502, body: { ok: r.ok, status: r.status, answer } };
    } catch (e) {
      const error = (e as Error).message;
      s.lastDeploy = { at, status: 0, error };
      return { status: 502, body: { ok: false, error } };
    }
  }

  function callbackTarget(c: E10IntegrationConfig, url?: string) {
    const generation = c.callbackGeneration ?? 'legacy';
    return {
      url: url ?? c.callbackUrl ?? `${trim(c.e10Url)}${SIGN_CALLBACK}`,
      generation,
      keys: c.callbackKeys ?? DEFAULT_CALLBACK_KEYS,
    };
  }

  async function deliver(
    s: State,
    target: ReturnType<typeof callbackTarget>,
    payload: CallbackPayload,
    o?: SendOptions,
  ) {
    const delivery = await sendCallback(target, payload, { ...options.sendOptions, ...o });
    s.deliveries.push(delivery);
    if (s.deliveries.length > 100) s.deliveries.shift();
    log(
      `callback ${payload.callbackType} ${payload.contractId ?? ''} → ${delivery.acknowledged ? 'success' : 'not acknowledged'} (${delivery.attempts.length} attempts)`,
    );
    return delivery;
  }

  return {
    configure,
    stop() {
      for (const s of states.values()) if (s.timer) clearTimeout(s.timer);
      states.clear();
    },
    async contractChanged(d, contract) {
      const s = states.get(d);
      if (!s?.config) return null;
      return deliver(s, callbackTarget(s.config), {
        callbackType:
          contract.status === 'COMPLETE'
            ? 'CONTRACT_COMPLETE'
            : contract.status === 'REJECTED'
              ? 'CONTRACT_REJECT'
              : 'CONTRACT_SIGN',
        contractId: contract.id,
        status: contract.status,
        ...(contract.bizId ? { bizId: contract.bizId } : {}),
      });
    },
    async control(req, res, d, path, urls, readJson, send) {
      if (path !== '/__sim/e10' && !path.startsWith('/__sim/e10/')) return false;
      const s = stateOf(d);
      const route = `${req.method} ${path}`;
      if (route === 'GET /__sim/e10') {
        send(summary(s));
        return true;
      }
      if (req.method !== 'POST') {
        send({ error: `no control endpoint ${route}` }, 404);
        return true;
      }
      const body = await readJson(req);
      switch (path) {
        case '/__sim/e10/config': {
          const c = validConfig(body);
          if (typeof c === 'string') send({ error: c }, 400);
          else {
            configure(d, c);
            send(summary(s));
          }
          return true;
        }
        case '/__sim/e10/deploy': {
          const r = await deploy(d, s, urls, d.base ?? '');
          send(r.body, r.status);
          return true;
        }
        case '/__sim/e10/person-sync': {
          if (!s.config) {
            send({ error: 'configure the E10 integration first (POST /__sim/e10/config)' }, 409);
            return true;
          }
          const r = await syncPersons(d, s);
          send(
            { ok: r.ok, at: r.at, counts: r.counts, ...(r.error ? { error: r.error } : {}) },
            r.ok ? 200 : 502,
          );
          return true;
        }
        case '/__sim/e10/callback': {
          const b = body as {
            contractId?: unknown;
            status?: unknown;
            generation?: unknown;
            maxAttempts?: unknown;
          };
          if (!s.config) {
            send({ error: 'configure the E10 integration first (POST /__sim/e10/config)' }, 409);
            return true;
          }
          if (typeof b?.contractId !== 'string' || typeof b.status !== 'string') {
            send({ error: 'expected { contractId, status, generation?: legacy|new }' }, 400);
            return true;
          }
          const target = callbackTarget(s.config);
          if (b.generation === 'legacy' || b.generation === 'new') target.generation = b.generation;
          const delivery = await deliver(
            s,
            target,
            { callbackType: 'CONTRACT_SIGN', contractId: b.contractId, status: b.status },
            {
              ...(typeof b.maxAttempts === 'number' ? { maxAttempts: b.maxAttempts } : {}),
            },
          );
          send(delivery);
          return true;
        }
        case '/__sim/e10/probe': {
          // The checklist (through the OA server): CALLBACK_CHECK to `target`, or reach /openserver.
          const b = body as { kind?: unknown; target?: unknown };
          if (
            (b?.kind !== 'callback' && b?.kind !== 'openserver') ||
            (b.target !== undefined && !isHttp(b.target))
          ) {
            send({ error: "expected { kind: 'callback' | 'openserver', target?: http(s) URL }" }, 400);
            return true;
          }
          if (b.kind === 'callback') {
            const c = s.config;
            const target = c
              ? callbackTarget(c, b.target as string | undefined)
              : { url: b.target as string, generation: 'new' as const, keys: DEFAULT_CALLBACK_KEYS };
            if (!target.url) {
              send({ ok: false, detail: 'no callback address configured' });
              return true;
            }
            // CALLBACK_CHECK is the ≥ 4.3.6 URL verification: always the encrypted generation.
            const delivery = await deliver(
              s,
              { ...target, generation: 'new' },
              { callbackType: 'CALLBACK_CHECK' },
              { maxAttempts: 1 },
            );
            const last = delivery.attempts.at(-1);
            send({
              ok: delivery.acknowledged,
              detail:
                last?.error ?? `HTTP ${last?.status ?? '—'} ${JSON.stringify(last?.body.slice(0, 80) ?? '')}`,
            });
            return true;
          }
          const c = s.config;
          if (!c) {
            send({
              ok: false,
              detail: 'the E10 open platform (app_key / app_secret / corpId) is not configured in Qiyuesuo',
            });
            return true;
          }
          const openServer = typeof b.target === 'string' ? trim(b.target) : openServerOf(c);
          try {
            const token = await openServerToken(openServer, c);
            const r = await fetch(`${openServer}/api/ping`, {
              headers: { authorization: `Bearer ${token}` },
              signal: AbortSignal.timeout(5000),
              redirect: 'manual',
            });
            await r.body?.cancel();
            send({ ok: r.ok, detail: `${openServer}: HTTP ${r.status}` });
          } catch (e) {
            send({ ok: false, detail: `${openServer}: ${(e as Error).message}` });
          }
          return true;
        }
        default:
          send({ error: `no control endpoint ${route}` }, 404);
          return true;
      }
    },
  };
}
