/**
 * Qiyuesuo (契约锁) private-cloud simulator: open API with signed headers, SSO ticket handoff, signing
 * pages guarded by `Content-Security-Policy: frame-ancestors <embed whitelist>`, and `/__sim/…`
 * control endpoints. Node `http` only. See docs/simulator-api.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createSsoTicket, verifyOpenApiSignature, verifySsoTicket } from './crypto.js';
import { churn, mutate, toContractStatus, type Mutation, type SealKind } from './data.js';
import {
  SIMULATOR_DEFAULT_PORT,
  SIMULATOR_VERSION,
  TIMESTAMP_TOLERANCE_MS,
  type SimulatorApp,
} from './defaults.js';
import {
  defaultConfig,
  Deployment,
  PatchError,
  type DeploymentConfig,
  type SigningSession,
  type StatePatch,
} from './deployment.js';
import { homePage, loginPage, pickLang, resultPage, signPage, type PageLang } from './pages.js';

export interface SimulatorOptions {
  host?: string;
  /** 0 = a free port. Default 9181. */
  port?: number;
  quiet?: boolean;
  apps?: SimulatorApp[];
  /** Embed whitelist (CSP sources) of the root deployment; scopes start from the root's current one. */
  whitelist?: string[];
  sessionTtlMs?: number;
  seed?: number;
}

export interface Simulator {
  /** `http://host:port` (no trailing slash). */
  url: string;
  port: number;
  /** The root deployment (tests and dev/servers.ts change it directly). */
  root: Deployment;
  /** The isolated deployment under `/s/<id>` (created on first use). */
  scope(id: string): Deployment;
  /** Same as `POST /__sim/state` on the root deployment. */
  configure(patch: StatePatch): void;
  stop(): Promise<void>;
}

const SCOPE_RE = /^\/s\/([A-Za-z0-9_-]{1,64})(\/.*)?$/;
const MAX_SCOPES = 1000;
const CONTRACT_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_BODY = 1_000_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not JSON');
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * Browsers may drive the control endpoints (they mint SSO tickets and change the deployment) only from
 * a loopback origin or from the host name the simulator itself is reached by (any port: the demo and
 * test servers); any other site gets no CORS grant and a 403, so a page on the internet cannot log in
 * through a minted ticket or reconfigure the simulator while it runs on a developer's machine.
 */
function allowedControlOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (!origin) return true; // not a browser request from another page (curl, Node tests)
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  if (o.protocol !== 'http:' && o.protocol !== 'https:') return false;
  if (['127.0.0.1', 'localhost', '[::1]'].includes(o.hostname)) return true;
  try {
    const own = hostHeader === undefined ? '' : new URL(`http://${hostHeader}`).hostname;
    // Only an address, not a DNS name: a name could be rebound to this machine by another site.
    const isAddress = /^[\d.]+$/.test(own) || own.startsWith('[');
    return isAddress && own === o.hostname;
  } catch {
    return false;
  }
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    vary: 'origin',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
  };
}

function envelope(code: number, message: string, result?: unknown) {
  return result === undefined ? { code, message } : { code, message, result };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const config: DeploymentConfig = defaultConfig({
    ...(options.apps ? { apps: options.apps } : {}),
    ...(options.whitelist ? { whitelist: options.whitelist } : {}),
    ...(options.sessionTtlMs ? { sessionTtlMs: options.sessionTtlMs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const root = new Deployment('', config);
  const scopes = new Map<string, Deployment>();
  /** Requests left unanswered by deployments in `'hang'` mode. */
  const hanging = new Map<Deployment, Set<Socket>>();

  function scope(id: string): Deployment {
    let d = scopes.get(id);
    if (!d) {
      if (scopes.size >= MAX_SCOPES) {
        const oldest = scopes.keys().next().value;
        if (oldest !== undefined) scopes.delete(oldest);
      }
      d = new Deployment(id, { ...config, apps: root.apps, whitelist: root.whitelist });
      scopes.set(id, d);
    }
    return d;
  }

  function releaseHanging(d?: Deployment): void {
    for (const [owner, sockets] of hanging) {
      if (d && owner !== d) continue;
      for (const socket of sockets) socket.destroy();
      hanging.delete(owner);
    }
  }

  /** Framing headers: `frame-ancestors` from the embed whitelist (and X-Frame-Options only when asked). */
  function framingHeaders(d: Deployment): Record<string, string> {
    const headers: Record<string, string> = {};
    if (d.frameAncestors) {
      const sources = ["'self'", ...d.whitelist.filter((w) => w !== "'self'")];
      const list = d.whitelist.includes("'none'") ? ["'none'"] : sources;
      headers['content-security-policy'] =
        `frame-ancestors ${list.join(' ')}; report-uri ${d.base}/__sim/csp-report`;
    }
    if (d.xFrameOptions) headers['x-frame-options'] = d.xFrameOptions;
    return headers;
  }

  function htmlHeaders(d: Deployment): Record<string, string> {
    return {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'strict-origin',
      ...framingHeaders(d),
    };
  }

  function sendHtml(res: ServerResponse, d: Deployment, status: number, html: string): void {
    res.writeHead(status, htmlHeaders(d));
    res.end(html);
  }

  function redirect(res: ServerResponse, d: Deployment, status: 302 | 303, location: string): void {
    res.writeHead(status, { location, 'cache-control': 'no-store', ...framingHeaders(d) });
    res.end();
  }

  // ------------------------------------------------------------------------------------------
  // Open API
  // ------------------------------------------------------------------------------------------

  function checkSignature(
    req: IncomingMessage,
    d: Deployment,
  ): { code: number; message: string; app?: SimulatorApp } {
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    for (const name of ['x-qys-accesstoken', 'x-qys-timestamp', 'x-qys-signature']) {
      if (!header(name)) return { code: 1001, message: `缺少请求头 ${name}` };
    }
    const token = header('x-qys-accesstoken') as string;
    const timestamp = header('x-qys-timestamp') as string;
    const signature = header('x-qys-signature') as string;
    const app = d.apps.find((a) => a.appToken === token);
    if (!app) return { code: 1002, message: 'AccessToken 无效（未知的 App Token）' };
    const ts = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : NaN;
    if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > TIMESTAMP_TOLERANCE_MS) {
      return { code: 1004, message: '请求时间戳已过期或无效（与服务器时间相差超过 5 分钟）' };
    }
    if (!verifyOpenApiSignature(app.appToken, app.appSecret, timestamp, signature)) {
      return { code: 1003, message: '签名校验失败（App Secret 不正确）' };
    }
    return { code: 0, message: 'SUCCESS', app };
  }

  function paging(url: URL): { pageNo: number; pageSize: number } | string {
    const pageNo = url.searchParams.get('pageNo') ?? '1';
    const pageSize = url.searchParams.get('pageSize') ?? '20';
    if (!/^\d{1,6}$/.test(pageNo) || Number(pageNo) < 1) return 'pageNo';
    if (!/^\d{1,4}$/.test(pageSize) || Number(pageSize) < 1 || Number(pageSize) > 1000) return 'pageSize';
    return { pageNo: Number(pageNo), pageSize: Number(pageSize) };
  }

  function kindParam(url: URL): SealKind | undefined | 'bad' {
    const type = url.searchParams.get('type');
    if (type === null || type === '') return undefined;
    return type === 'ELECTRONIC' || type === 'PHYSICAL' ? type : 'bad';
  }

  function openApi(req: IncomingMessage, res: ServerResponse, d: Deployment, path: string, url: URL): void {
    const answer = (code: number, message: string, result?: unknown, status = 200) => {
      d.recordCall(req.method ?? 'GET', path, code);
      sendJson(res, status, envelope(code, message, result));
    };
    if (path === '/open/ping') {
      answer(0, 'SUCCESS', { version: SIMULATOR_VERSION, name: '契约锁电子签约(模拟器)' });
      return;
    }
    const auth = checkSignature(req, d);
    if (auth.code !== 0 || !auth.app) {
      answer(auth.code, auth.message);
      return;
    }
    const app = auth.app;
    const page = <T>(list: T[]) => {
      const p = paging(url);
      if (typeof p === 'string') return answer(1010, `参数错误：${p}`);
      const start = (p.pageNo - 1) * p.pageSize;
      answer(0, 'SUCCESS', {
        list: list.slice(start, start + p.pageSize),
        total: list.length,
        pageNo: p.pageNo,
        pageSize: p.pageSize,
      });
    };
    switch (path) {
      case '/open/app/info':
        return answer(0, 'SUCCESS', {
          appName: app.appName ?? 'OA 对接应用',
          companyName: app.companyName ?? d.data.companies[0]?.name ?? '',
          tenantId: app.tenantId ?? '2961458871234560001',
          version: SIMULATOR_VERSION,
        });
      case '/open/seal/list': {
        const kind = kindParam(url);
        if (kind === 'bad') return answer(1010, '参数错误：type');
        return page(d.data.seals.filter((s) => !kind || s.category === kind));
      }
      case '/open/template/list':
        return page(d.data.templates);
      case '/open/category/list': {
        const kind = kindParam(url);
        if (kind === 'bad') return answer(1010, '参数错误：type');
        return page(d.data.categories.filter((c) => !kind || c.type === kind));
      }
      case '/open/contract/detail': {
        const id = url.searchParams.get('contractId') ?? '';
        if (!id) return answer(1010, '参数错误：contractId');
        const c = d.contract(id);
        if (!c) return answer(1404, '合同不存在');
        return answer(0, 'SUCCESS', {
          contractId: c.id,
          subject: c.subject,
          companyName: c.companyName,
          status: c.status,
          contractStatus: toContractStatus(c.status),
          createTime: c.createTime,
          updateTime: c.updateTime,
          ...(c.operator ? { operator: c.operator } : {}),
          ...(c.rejectReason ? { rejectReason: c.rejectReason } : {}),
        });
      }
      default:
        return answer(1404, `接口不存在：${path}`, undefined, 404);
    }
  }

  // ------------------------------------------------------------------------------------------
  // SSO and signing pages
  // ------------------------------------------------------------------------------------------

  function selfOrigin(req: IncomingMessage): string {
    return `http://${req.headers.host ?? `${host}:${address.port}`}`;
  }

  function ssoLogin(
    req: IncomingMessage,
    res: ServerResponse,
    d: Deployment,
    url: URL,
    lang: PageLang,
  ): void {
    if (d.ssoReject) return sendHtml(res, d, 200, loginPage(lang, 'rejected', d.base));
    const check = verifySsoTicket(
      url.searchParams.get('ticket'),
      d.apps.map((a) => a.encryptionKey),
      new Set(d.usedTickets.keys()),
    );
    if (!check.ok) return sendHtml(res, d, 200, loginPage(lang, check.reason, d.base));
    const { payload } = check;
    const origin = selfOrigin(req);
    // Where to go: a path of this deployment (never another origin).
    let target: URL;
    try {
      target = new URL(url.searchParams.get('target') || `${d.base}/sign`, `${origin}${d.base}/`);
    } catch {
      return sendHtml(res, d, 200, loginPage(lang, 'malformed', d.base));
    }
    if (target.origin !== origin) return sendHtml(res, d, 200, loginPage(lang, 'malformed', d.base));
    if (d.base && !target.pathname.startsWith(`${d.base}/`))
      target = new URL(`${d.base}${target.pathname}${target.search}`, origin);
    const requested =
      (typeof payload.contractId === 'string' && payload.contractId) || target.searchParams.get('contractId');
    if (requested && !CONTRACT_ID_RE.test(requested)) {
      return sendHtml(res, d, 200, loginPage(lang, 'malformed', d.base));
    }
    // No contract named (host-defined params only): the platform starts a new one.
    const contractId = requested || d.newContract().id;
    let returnUrl: string | undefined;
    if (typeof payload.returnUrl === 'string' && payload.returnUrl) {
      try {
        const r = new URL(payload.returnUrl);
        if (r.protocol === 'http:' || r.protocol === 'https:') returnUrl = r.href;
      } catch {
        /* ignored: no return page, the result page is shown */
      }
    }
    d.consumeTicket(check.signature, payload.exp);
    d.contract(contractId, true);
    const session = d.openSession({
      userId: payload.userId,
      contractId,
      nonce: payload.nonce,
      ...(returnUrl ? { returnUrl } : {}),
      appToken: d.apps[check.keyIndex]?.appToken ?? '',
    });
    target.searchParams.set('contractId', contractId);
    target.searchParams.set('session', session.id);
    if (!target.searchParams.has('lang') && url.searchParams.has('lang'))
      target.searchParams.set('lang', lang);
    // One leading slash: `/.//evil.example` resolves to the path `//evil.example`, which as a relative
    // Location would send the browser (and the session ID) to another host.
    redirect(res, d, 302, `/${target.pathname.replace(/^\/+/, '')}${target.search}`);
  }

  function findSession(d: Deployment, id: string | null): { session?: SigningSession; reason?: string } {
    if (!id) return { reason: 'no-session' };
    const session = d.sessions.get(id);
    if (!session) return { reason: 'no-session' };
    if (session.expiresAt <= Date.now()) return { reason: 'session-expired' };
    return { session };
  }

  function signGet(res: ServerResponse, d: Deployment, url: URL, lang: PageLang): void {
    const { session, reason } = findSession(d, url.searchParams.get('session'));
    if (!session) return sendHtml(res, d, 200, loginPage(lang, reason ?? 'no-session', d.base));
    const contract = d.contract(session.contractId, true);
    if (!contract) return sendHtml(res, d, 200, loginPage(lang, 'no-session', d.base));
    const view = url.searchParams.get('page') === 'view';
    sendHtml(
      res,
      d,
      200,
      signPage({ lang, base: d.base, session: session.id, contract, userId: session.userId, view }),
    );
  }

  async function signAction(
    req: IncomingMessage,
    res: ServerResponse,
    d: Deployment,
    lang: PageLang,
  ): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const { session, reason } = findSession(d, form.get('session'));
    if (!session) return sendHtml(res, d, 200, loginPage(lang, reason ?? 'no-session', d.base));
    const contract = d.contract(session.contractId, true);
    if (!contract) return sendHtml(res, d, 200, loginPage(lang, 'no-session', d.base));
    const action = form.get('action');
    let type: string;
    let code: string | undefined;
    if (action === 'cancel') type = 'cancelled';
    else if (
      contract.status !== 'SIGNING' &&
      (action === 'sign' || action === 'decline' || action === 'expire')
    ) {
      type = 'error';
      code = 'contract-not-signing';
    } else if (action === 'sign') {
      d.setContractState(contract, 'COMPLETE', session.userId);
      type = 'signed';
    } else if (action === 'decline') {
      d.setContractState(contract, 'REJECTED', session.userId);
      const why = (form.get('reason') ?? '').trim().slice(0, 500);
      if (why) contract.rejectReason = why;
      type = 'declined';
    } else if (action === 'expire') {
      d.setContractState(contract, 'EXPIRED');
      type = 'expired';
    } else {
      throw new HttpError(400, 'unknown action');
    }
    if (type !== 'cancelled') session.expiresAt = Math.min(session.expiresAt, Date.now() + 60_000);
    if (!session.returnUrl) return sendHtml(res, d, 200, resultPage(lang, type, contract));
    const back = new URL(session.returnUrl);
    back.searchParams.set('nonce', session.nonce);
    back.searchParams.set('type', type);
    back.searchParams.set('contractId', contract.id);
    if (code) back.searchParams.set('code', code);
    redirect(res, d, 303, back.href);
  }

  // ------------------------------------------------------------------------------------------
  // Control endpoints
  // ------------------------------------------------------------------------------------------

  async function control(
    req: IncomingMessage,
    res: ServerResponse,
    d: Deployment,
    path: string,
    url: URL,
  ): Promise<void> {
    const origin = req.headers.origin;
    // CSP reports come from whichever page embedded the signing page: always accepted (append-only).
    if (path !== '/__sim/csp-report' && !allowedControlOrigin(origin, req.headers.host)) {
      sendJson(res, 403, { error: `control endpoints refuse the origin ${origin}` }, { vary: 'origin' });
      return;
    }
    const CORS = corsHeaders(origin);
    const ok = (body: unknown, status = 200) => sendJson(res, status, body, CORS);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /__sim/state':
        return ok(d.summary());
      case 'POST /__sim/state': {
        const body = (await readJson(req)) as StatePatch;
        try {
          d.apply(body);
        } catch (e) {
          if (e instanceof PatchError) return ok({ error: e.message }, 400);
          throw e;
        }
        if (!d.unreachable) releaseHanging(d);
        return ok(d.summary());
      }
      case 'POST /__sim/reset':
        d.reset();
        releaseHanging(d);
        return ok(d.summary());
      case 'POST /__sim/mutate': {
        const m = (await readJson(req)) as Mutation;
        if (
          !m ||
          !['add', 'update', 'remove'].includes(m.op) ||
          !['seal', 'template', 'category'].includes(m.resource)
        ) {
          return ok(
            {
              error:
                "expected { op: 'add'|'update'|'remove', resource: 'seal'|'template'|'category', type?, id?, fields? }",
            },
            400,
          );
        }
        if (m.type !== undefined && m.type !== 'ELECTRONIC' && m.type !== 'PHYSICAL')
          return ok({ error: 'type' }, 400);
        const item = mutate(d.data, m);
        return item ? ok({ item }) : ok({ error: 'no such item' }, 404);
      }
      case 'POST /__sim/churn':
        return ok(churn(d.data));
      case 'POST /__sim/sessions/expire':
        return ok({ expired: d.expireSessions() });
      case 'POST /__sim/tickets': {
        // Builds a ticket the way the OA server does (for tests and the demo that bypass the OA server).
        const body = (await readJson(req)) as Record<string, unknown>;
        const app =
          (typeof body.appToken === 'string'
            ? d.apps.find((a) => a.appToken === body.appToken)
            : d.apps[0]) ?? undefined;
        if (!app) return ok({ error: 'unknown appToken' }, 400);
        const contractId = typeof body.contractId === 'string' ? body.contractId : d.data.contracts[0]?.id;
        const ttl = typeof body.ttlMs === 'number' ? body.ttlMs : 5 * 60_000;
        const nonce =
          typeof body.nonce === 'string' ? body.nonce : Math.random().toString(36).slice(2).padEnd(16, '0');
        const payload = {
          userId: typeof body.userId === 'string' ? body.userId : 'sim-user',
          ...(contractId ? { contractId } : {}),
          exp: Date.now() + ttl,
          nonce,
          ...(typeof body.returnUrl === 'string' ? { returnUrl: body.returnUrl } : {}),
        };
        const ticket = createSsoTicket(payload, app.encryptionKey);
        const target = `${d.base}/sign?contractId=${encodeURIComponent(contractId ?? '')}${body.page === 'view' ? '&page=view' : ''}`;
        const loginUrl = new URL(`${d.base}/sso/login`, selfOrigin(req));
        loginUrl.searchParams.set('ticket', ticket);
        loginUrl.searchParams.set('target', target);
        if (body.lang === 'en') loginUrl.searchParams.set('lang', 'en');
        return ok({
          ticket,
          url: loginUrl.href,
          expiresAt: new Date(payload.exp).toISOString(),
          nonce,
          contractId,
        });
      }
      case 'POST /__sim/csp-report': {
        const text = await readBody(req).catch(() => '');
        let report: unknown = text;
        try {
          report = JSON.parse(text);
        } catch {
          /* keep the raw text */
        }
        d.cspReports.push(report);
        if (d.cspReports.length > 100) d.cspReports.shift();
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      case 'GET /__sim/csp-reports':
        return ok({ reports: d.cspReports });
      case 'POST /__sim/csp-reports/clear':
        d.cspReports.length = 0;
        return ok({ reports: [] });
      case 'GET /__sim/calls':
        return ok({ calls: d.calls });
      case 'GET /__sim/scopes':
        return ok({ scopes: [...scopes.keys()] });
      default:
        void url;
        return ok({ error: `no control endpoint ${route}` }, 404);
    }
  }

  // ------------------------------------------------------------------------------------------

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    let d = root;
    let path = url.pathname;
    const m = SCOPE_RE.exec(path);
    if (m) {
      d = scope(m[1] as string);
      path = m[2] || '/';
    }
    if (path.startsWith('/__sim/')) return control(req, res, d, path, url);
    if (d.unreachable) {
      if (d.unreachable === 'hang') {
        const sockets = hanging.get(d) ?? new Set<Socket>();
        hanging.set(d, sockets);
        sockets.add(req.socket);
        req.socket.once('close', () => sockets.delete(req.socket));
      } else {
        req.socket.destroy();
      }
      return;
    }
    if (path.startsWith('/open/')) return openApi(req, res, d, path, url);
    const lang = pickLang(url.searchParams.get('lang') ?? req.headers['accept-language']?.split(',')[0]);
    const method = req.method ?? 'GET';
    if ((method === 'GET' || method === 'HEAD') && path === '/') return sendHtml(res, d, 200, homePage(lang));
    if (method === 'GET' && path === '/sso/login') return ssoLogin(req, res, d, url, lang);
    if (method === 'GET' && (path === '/sign' || path === '/view')) {
      if (path === '/view') url.searchParams.set('page', 'view');
      return signGet(res, d, url, lang);
    }
    if (method === 'POST' && path === '/sign/action') return signAction(req, res, d, lang);
    if (path === '/login') return sendHtml(res, d, 200, loginPage(lang, 'no-session', d.base));
    sendHtml(
      res,
      d,
      404,
      loginPage(lang, 'no-session', d.base).replace('data-qys-page="login"', 'data-qys-page="not-found"'),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (!res.headersSent)
        sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
      else res.destroy();
      if (status === 500 && !options.quiet) console.error('[simulator]', err);
    });
  });
  server.keepAliveTimeout = 2_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? SIMULATOR_DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as { port: number };
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  if (!options.quiet) console.log(`[simulator] listening on ${url}`);

  let stopped: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    root,
    scope,
    configure(patch) {
      root.apply(patch);
      if (!root.unreachable) releaseHanging(root);
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        releaseHanging();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
