/**
 * Qiyuesuo (契约锁) private-cloud simulator on three origins, as a real deployment runs:
 * the open API (default port 9182: signed headers, the documented paths and answer keys, openapi.ts),
 * the signing web app (9180: qystoken SSO, signUrl / viewUrl sessions, signing pages guarded by
 * `Content-Security-Policy: frame-ancestors <embed whitelist>`, the public cloud's `/open/ssogateway`)
 * and the admin console (9181). `/__sim/…` control endpoints answer on every origin, only when reached
 * by an address or `localhost`. Node `http` only. See docs/simulator-api.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { readQysToken } from './crypto.js';
import { churn, mutate, type Mutation } from './data.js';
import { SIMULATOR_DEFAULT_PORTS, type SimulatorApp, type SimulatorAppName } from './defaults.js';
import {
  defaultConfig,
  Deployment,
  PatchError,
  type DeploymentConfig,
  type SigningSession,
  type StatePatch,
} from './deployment.js';
import { handleOpenApi } from './openapi.js';
import { createE10Console } from './console.js';
import { jsonClientError } from '../client-error.js';
import {
  homePage,
  loginPage,
  notFoundPage,
  pickLang,
  resultPage,
  signPage,
  userCenterPage,
  type PageLang,
} from './pages.js';

export type { SimulatorAppName };

export interface SimulatorOptions {
  host?: string;
  /** Ports of the three origins; 0 = a free port. Defaults 9182 / 9180 / 9181. */
  ports?: Partial<Record<SimulatorAppName, number>>;
  /** Same as `ports.openApi` (older callers). */
  port?: number;
  quiet?: boolean;
  apps?: SimulatorApp[];
  /** Embed whitelist (CSP sources) of the root deployment; scopes start from the root's current one. */
  whitelist?: string[];
  sessionTtlMs?: number;
  seed?: number;
}

export interface Simulator {
  /** The open API's `http://host:port` (no trailing slash): what an OA's 开放平台地址 is. */
  url: string;
  /** The three origins. */
  urls: Record<SimulatorAppName, string>;
  /** The open API's port. */
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

/** A Host header naming an address or `localhost` (not a DNS name another site could rebind). */
export function reachedByAddress(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  let name: string;
  try {
    name = new URL(`http://${hostHeader}`).hostname;
  } catch {
    return false;
  }
  return /^[\d.]+$/.test(name) || name.startsWith('[') || name === 'localhost';
}

function hostnameOf(req: IncomingMessage, fallback: string): string {
  try {
    return new URL(`http://${req.headers.host ?? fallback}`).hostname;
  } catch {
    return fallback;
  }
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
  const ports: Record<SimulatorAppName, number> = { ...SIMULATOR_DEFAULT_PORTS };
  const urls = {} as Record<SimulatorAppName, string>;
  /** The console's 泛微E10 integration: 一键部署, person sync, callbacks (console.ts). */
  const e10 = createE10Console({ quiet: options.quiet });

  function scope(id: string): Deployment {
    let d = scopes.get(id);
    if (!d) {
      if (scopes.size >= MAX_SCOPES) {
        const oldest = scopes.keys().next().value;
        if (oldest !== undefined) scopes.delete(oldest);
      }
      d = new Deployment(id, { ...config, apps: root.apps, whitelist: root.whitelist });
      // Persons the root knows (e.g. the reference host's user) are known in every new scope.
      d.apply({ users: root.data.users, sso: { ...root.sso } });
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

  function sendHtml(res: ServerResponse, d: Deployment, status: number, html: string): void {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'strict-origin',
      ...framingHeaders(d),
    });
    res.end(html);
  }

  function redirect(res: ServerResponse, d: Deployment, status: 302 | 303, location: string): void {
    res.writeHead(status, { location, 'cache-control': 'no-store', ...framingHeaders(d) });
    res.end();
  }

  /** Where a failed sign-on goes: the signing app's login page, saying why. */
  function toLogin(res: ServerResponse, d: Deployment, reason: string, lang: PageLang): void {
    const q = new URLSearchParams({ reason });
    if (lang === 'en') q.set('lang', 'en');
    redirect(res, d, 302, `${d.base}/login?${q}`);
  }

  /**
   * The session cookie the browser sent (`sessionCookie`), unless `frame-blocked` plays a browser that
   * keeps none in frames.
   */
  function sessionCookieOf(req: IncomingMessage, d: Deployment): string | null {
    if (d.sessionCookie === 'off') return null;
    const dest = req.headers['sec-fetch-dest'];
    if (d.sessionCookie === 'frame-blocked' && (dest === 'iframe' || dest === 'frame')) return null;
    const m = /(?:^|;\s*)qys_session=([^;]+)/.exec(req.headers.cookie ?? '');
    return m ? m[1]! : null;
  }

  /** The signing app's origin as a request to any of the three sees it (same host name). */
  const signingOrigin = (req: IncomingMessage) => {
    const name = hostnameOf(req, host);
    return `http://${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${ports.signing}`;
  };

  // ------------------------------------------------------------------------------------------
  // Signing web app
  // ------------------------------------------------------------------------------------------

  /** The person a qystoken names, trying every app's 加密密钥. */
  function ssoUser(
    d: Deployment,
    token: string | null,
  ): { user?: { mobile: string; name: string }; reason?: string } {
    if (d.ssoReject) return { reason: 'rejected' };
    if (!token) return { reason: 'missing' };
    let decrypted = false;
    for (const app of d.apps) {
      const mobile = readQysToken(token, app.encryptionKey);
      if (mobile === undefined) continue;
      decrypted = true;
      const user = d.user(mobile);
      if (user) return { user };
    }
    return { reason: decrypted ? 'unknown-user' : 'signature' };
  }

  function findSession(d: Deployment, id: string | null): { session?: SigningSession; reason?: string } {
    if (!id) return { reason: 'no-session' };
    const session = d.sessions.get(id);
    if (!session) return { reason: 'no-session' };
    if (session.expiresAt <= Date.now()) return { reason: 'session-expired' };
    return { session };
  }

  function signGet(
    req: IncomingMessage,
    res: ServerResponse,
    d: Deployment,
    url: URL,
    lang: PageLang,
    view: boolean,
  ): void {
    // ssoReject: the platform signs nobody in, through a token or a signing link alike.
    if (d.ssoReject) return sendHtml(res, d, 200, loginPage(lang, 'rejected', d.base));
    const token = url.searchParams.get('viewToken');
    if (token && d.sessionCookie !== 'off') {
      // The link's token becomes a session cookie, as the real platform's sign-on does; `sso=1` tells
      // the page that lands next that the cookie was just set.
      const { session, reason } = findSession(d, token);
      if (!session) return sendHtml(res, d, 200, loginPage(lang, reason ?? 'no-session', d.base));
      res.setHeader('set-cookie', `qys_session=${session.id}; Path=${d.base || '/'}; HttpOnly; SameSite=Lax`);
      const en = lang === 'en' ? '&lang=en' : '';
      return redirect(res, d, 302, `${d.base}${view ? '/view' : '/sign'}?sso=1${en}`);
    }
    const cookie = sessionCookieOf(req, d);
    const { session, reason } = findSession(d, token ?? cookie);
    // Signed on a moment ago, and the browser did not send the cookie that set: it keeps none here.
    if (!session && !cookie && url.searchParams.get('sso') === '1')
      return sendHtml(res, d, 200, loginPage(lang, 'cookie-blocked', d.base));
    if (!session) return sendHtml(res, d, 200, loginPage(lang, reason ?? 'no-session', d.base));
    const contract = d.contract(session.contractId);
    if (!contract) return sendHtml(res, d, 404, notFoundPage(lang));
    sendHtml(
      res,
      d,
      200,
      signPage({
        lang,
        base: d.base,
        session: session.id,
        contract,
        userId: d.user(session.userId)?.name ?? session.userId,
        view: view || !!session.view,
      }),
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
    const contract = d.contract(session.contractId);
    if (!contract) return sendHtml(res, d, 404, notFoundPage(lang));
    const action = form.get('action');
    let type: string;
    let code: string | undefined;
    if (action === 'cancel') type = 'cancelled';
    else if (
      (contract.status !== 'SIGNING' || session.view) &&
      (action === 'sign' || action === 'decline' || action === 'expire')
    ) {
      type = 'error';
      code = 'contract-not-signing';
    } else if (action === 'sign') {
      // State first, callback after: an OA confirming a legacy callback with /contract/detail sees the change.
      d.setContractState(contract, 'COMPLETE', session.userId);
      void e10.contractChanged(d, contract); // the callback to the OA, retried until acknowledged
      type = 'signed';
    } else if (action === 'decline') {
      d.setContractState(contract, 'REJECTED', session.userId);
      void e10.contractChanged(d, contract);
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
    // The OA's callbackPage, its own query (the nonce the OA put there) kept.
    const back = new URL(session.returnUrl);
    back.searchParams.set('type', type);
    back.searchParams.set('contractId', contract.id);
    if (code) back.searchParams.set('code', code);
    redirect(res, d, 303, back.href);
  }

  /**
   * Public cloud SSO: `/open/ssogateway?ticket=…&pageType=…`. The platform POSTs the ticket to the
   * OA's CAS-style validation URL (`sso.validationUrl`), which answers `{ code: 0, result: { contact } }`;
   * on failure the browser goes to the OA login URL (`sso.loginUrl`) or the platform's login page.
   */
  async function ssoGateway(res: ServerResponse, d: Deployment, url: URL, lang: PageLang): Promise<void> {
    const ticket = url.searchParams.get('ticket');
    const fail = (reason: string) =>
      d.sso.loginUrl ? redirect(res, d, 302, d.sso.loginUrl) : toLogin(res, d, reason, lang);
    if (d.ssoReject) return fail('rejected');
    if (!ticket || ticket.length > 512) return fail('missing');
    const pageType = url.searchParams.get('pageType') ?? 'INDEX_PAGE';
    if (!['INDEX_PAGE', 'CONTRACT_DETAIL_PAGE', 'SIGN_PAGE', 'CONTRACT_LIST_PAGE'].includes(pageType))
      return fail('malformed');
    if (!d.sso.validationUrl) return fail('ticket-invalid');
    let contact: string | undefined;
    try {
      const r = await fetch(d.sso.validationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ticket }),
        signal: AbortSignal.timeout(5000),
        redirect: 'error',
      });
      const body = (await r.json()) as { code?: unknown; result?: { contact?: unknown } };
      if (r.ok && body?.code === 0 && typeof body.result?.contact === 'string') contact = body.result.contact;
    } catch {
      /* not validated */
    }
    if (!contact) return fail('ticket-invalid');
    const user = d.user(contact);
    if (!user) return fail('unknown-user');
    const contractId = url.searchParams.get('contractId');
    if (pageType === 'INDEX_PAGE' || pageType === 'CONTRACT_LIST_PAGE' || !contractId)
      return sendHtml(res, d, 200, userCenterPage(lang, user));
    if (!CONTRACT_ID_RE.test(contractId) || !d.contract(contractId))
      return sendHtml(res, d, 404, notFoundPage(lang));
    let returnUrl: string | undefined;
    try {
      const r = new URL(url.searchParams.get('signReturnUrl') ?? '');
      if (r.protocol === 'http:' || r.protocol === 'https:') returnUrl = r.href;
    } catch {
      /* no return page */
    }
    const session = d.openSession({
      userId: user.mobile,
      contractId,
      ...(returnUrl ? { returnUrl } : {}),
      ...(pageType === 'CONTRACT_DETAIL_PAGE' ? { view: true } : {}),
    });
    redirect(res, d, 302, `${d.base}/sign?viewToken=${session.id}${lang === 'en' ? '&lang=en' : ''}`);
  }

  async function signingApp(
    req: IncomingMessage,
    res: ServerResponse,
    d: Deployment,
    path: string,
    url: URL,
  ): Promise<void> {
    const lang = pickLang(url.searchParams.get('lang') ?? req.headers['accept-language']?.split(',')[0]);
    const method = req.method ?? 'GET';
    const get = method === 'GET' || method === 'HEAD';
    if (get && path === '/') return sendHtml(res, d, 200, homePage(lang, false));
    const signPath = /^\/sign\/([^/]+)$/.exec(path);
    if (get && signPath) {
      // Private-cloud SSO as Weaver ships it: /sign/{contractId}?qystoken=…
      const { user, reason } = ssoUser(d, url.searchParams.get('qystoken'));
      if (!user) return toLogin(res, d, reason ?? 'signature', lang);
      const contractId = signPath[1] as string;
      if (!CONTRACT_ID_RE.test(contractId) || !d.contract(contractId))
        return sendHtml(res, d, 404, notFoundPage(lang));
      const session = d.openSession({ userId: user.mobile, contractId });
      return redirect(
        res,
        d,
        302,
        `${d.base}/sign?viewToken=${session.id}${lang === 'en' ? '&lang=en' : ''}`,
      );
    }
    if (get && (path === '/usercenter/info' || path === '/contractlist')) {
      const { user, reason } = ssoUser(d, url.searchParams.get('qystoken'));
      if (!user) return toLogin(res, d, reason ?? 'signature', lang);
      return sendHtml(res, d, 200, userCenterPage(lang, user));
    }
    if (get && (path === '/sign' || path === '/view'))
      return signGet(req, res, d, url, lang, path === '/view');
    if (method === 'POST' && path === '/sign/action') return signAction(req, res, d, lang);
    if (get && path === '/open/ssogateway') return ssoGateway(res, d, url, lang);
    if (path === '/login') {
      const reason = url.searchParams.get('reason') ?? 'no-session';
      return sendHtml(
        res,
        d,
        200,
        loginPage(lang, /^[a-z-]{1,32}$/.test(reason) ? reason : 'no-session', d.base),
      );
    }
    sendHtml(res, d, 404, notFoundPage(lang));
  }

  // ------------------------------------------------------------------------------------------
  // Control endpoints
  // ------------------------------------------------------------------------------------------

  async function control(
    req: IncomingMessage,
    res: ServerResponse,
    d: Deployment,
    path: string,
  ): Promise<void> {
    const origin = req.headers.origin;
    const method = req.method ?? 'GET';
    const report = path === '/__sim/csp-report' && method === 'POST';
    // CSP reports come from whichever page embedded the signing page: always accepted (append-only).
    // Everything else only for a Host that is an address or localhost: a DNS name could be rebound to
    // this machine by another site, whose pages would then be same-origin with the simulator.
    if (!report && !reachedByAddress(req.headers.host)) {
      sendJson(res, 403, {
        error: `control endpoints answer only on an address or localhost, not ${req.headers.host ?? '(no Host)'}`,
      });
      return;
    }
    if (!report && !allowedControlOrigin(origin, req.headers.host)) {
      sendJson(res, 403, { error: `control endpoints refuse the origin ${origin}` }, { vary: 'origin' });
      return;
    }
    const CORS = corsHeaders(origin);
    const ok = (body: unknown, status = 200) => sendJson(res, status, body, CORS);
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const route = `${method} ${path}`;
    if (await e10.control(req, res, d, path, urls, readJson, ok)) return;
    switch (route) {
      case 'GET /__sim/state':
        return ok({ ...d.summary(), urls });
      case 'POST /__sim/state': {
        const body = (await readJson(req)) as StatePatch;
        try {
          d.apply(body);
        } catch (e) {
          if (e instanceof PatchError) return ok({ error: e.message }, 400);
          throw e;
        }
        if (!d.unreachable) releaseHanging(d);
        return ok({ ...d.summary(), urls });
      }
      case 'POST /__sim/reset':
        d.reset();
        releaseHanging(d);
        return ok(d.summary());
      case 'POST /__sim/mutate': {
        const m = (await readJson(req)) as Mutation;
        if (
          !m ||
          typeof m !== 'object' ||
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
        if (m.fields !== undefined && (typeof m.fields !== 'object' || m.fields === null))
          return ok({ error: 'fields' }, 400);
        const item = mutate(d.data, m);
        return item ? ok({ item }) : ok({ error: 'no such item' }, 404);
      }
      case 'POST /__sim/churn':
        return ok(churn(d.data));
      case 'POST /__sim/sessions/expire':
        return ok({ expired: d.expireSessions() });
      case 'POST /__sim/csp-report': {
        const text = await readBody(req).catch(() => '');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* keep the raw text */
        }
        d.cspReports.push(parsed);
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
        return ok({ error: `no control endpoint ${route}` }, 404);
    }
  }

  // ------------------------------------------------------------------------------------------

  async function handle(app: SimulatorAppName, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    let d = root;
    let path = url.pathname;
    const m = SCOPE_RE.exec(path);
    if (m) {
      d = scope(m[1] as string);
      path = m[2] || '/';
    }
    if (path.startsWith('/__sim/')) return control(req, res, d, path);
    if (d.unreachable && d.unreachableApps.includes(app)) {
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
    if (app === 'openApi') return handleOpenApi(req, res, d, path, url, { signingOrigin });
    if (app === 'signing') return signingApp(req, res, d, path, url);
    const lang = pickLang(url.searchParams.get('lang') ?? req.headers['accept-language']?.split(',')[0]);
    if ((req.method === 'GET' || req.method === 'HEAD') && path === '/')
      return sendHtml(res, d, 200, homePage(lang, true));
    sendHtml(res, d, 404, notFoundPage(lang));
  }

  const servers: Server[] = [];
  const listen = async (app: SimulatorAppName, port: number): Promise<number> => {
    const server = createServer((req, res) => {
      handle(app, req, res).catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        if (!res.headersSent)
          sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
        else res.destroy();
        if (status === 500 && !options.quiet) console.error('[simulator]', err);
      });
    });
    server.keepAliveTimeout = 2_000;
    // URL or headers over Node's limits: the open API's error envelope (1000001 参数错误), not an empty 431.
    server.on(
      'clientError',
      jsonClientError((status) => ({
        code: 1000001,
        message: status === 431 ? '请求地址或请求头过大' : '请求无法解析',
      })),
    );
    servers.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as { port: number }).port;
  };
  const shown = host.includes(':') ? `[${host}]` : host;
  const closeAll = () =>
    Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    ).then(() => undefined);
  try {
    for (const app of ['openApi', 'signing', 'console'] as const) {
      const wanted = options.ports?.[app] ?? (app === 'openApi' ? options.port : undefined) ?? ports[app];
      ports[app] = await listen(app, wanted);
      urls[app] = `http://${shown}:${ports[app]}`;
    }
  } catch (err) {
    await closeAll();
    throw err;
  }
  if (!options.quiet)
    console.log(`[simulator] open API ${urls.openApi}, signing ${urls.signing}, console ${urls.console}`);

  let stopped: Promise<void> | undefined;
  return {
    url: urls.openApi,
    urls,
    port: ports.openApi,
    root,
    scope,
    configure(patch) {
      root.apply(patch);
      if (!root.unreachable) releaseHanging(root);
    },
    stop() {
      e10.stop();
      stopped ??= (releaseHanging(), closeAll());
      return stopped;
    },
  };
}
