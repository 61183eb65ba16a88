/**
 * Starts the development servers: the Qiyuesuo simulator, then the reference host pointing at it, and
 * (when `demoPort` is given) the demo page on a Vite dev server. Used by `npm start` (dev/start.ts) and by
 * the browser test run (scripts/wtr-dev-servers.mjs → `GET /__qys/env`).
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator, type SimulatorAppName } from './simulator/server.js';
import { SIMULATOR_DEFAULT_PORTS, type SimulatorApp } from './simulator/defaults.js';
import { personMobile } from './reference-host/qys-client.js';

export interface DevServersOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** 0 = a free port. Default 8787. */
  referencePort?: number;
  /** The simulator's open-API port (0 = a free port for all three when no other is given). Default 9182. */
  simulatorPort?: number;
  /** The simulator's three ports (open API 9182, signing web app 9180, console 9181); 0 = a free port. */
  simulatorPorts?: Partial<Record<SimulatorAppName, number>>;
  /** Start the demo page (Vite dev server) on this port; 0 = a free port. Not started when omitted. */
  demoPort?: number;
  /** Folder of the reference host's JSON store. */
  dataDir?: string;
  quiet?: boolean;
  /** Extra embed-whitelist entries for the simulator (CSP sources). */
  whitelist?: string[];
}

export interface DevServers {
  /**
   * `simulator` is the simulator's open API (an OA's 开放平台地址), `simulatorSigning` its signing web
   * app (签署平台地址, the pages browsers load), `simulatorConsole` its admin console. `/__sim/…` control
   * endpoints answer on all three.
   */
  urls: {
    referenceHost: string;
    simulator: string;
    simulatorSigning: string;
    simulatorConsole: string;
    demo?: string;
  };
  simulator: Simulator;
  stop(): Promise<void>;
}

export const REFERENCE_DEFAULT_PORT = 8787;
/** The simulator's open-API port (its signing app and console: SIMULATOR_DEFAULT_PORTS). */
export const SIMULATOR_PORT = SIMULATOR_DEFAULT_PORTS.openApi;
export const DEMO_DEFAULT_PORT = 5173;

interface ReferenceHostLike {
  url: string;
  stop(): Promise<void>;
  /** The generated org: its current user is made known to the simulator (by mobile). */
  org?: { currentUserId: string; person(id: string): { name: string } | undefined };
  /** Credentials of the seeded private service, when the reference host reports them. */
  simulatorApp?: SimulatorApp;
  /** The OA's E10 open platform credentials (/openserver, 一键部署). */
  openPlatform?: { appKey: string; appSecret: string; corpId: string };
}

function origin(url: string): string {
  return new URL(url).origin;
}

/**
 * The simulator's default embed whitelist: the demo and reference-host origins, and every loopback port
 * (the browser test runner picks its own port).
 */
export function defaultWhitelist(urls: string[]): string[] {
  return [...new Set([...urls.map(origin), 'http://127.0.0.1:*', 'http://localhost:*'])];
}

export async function startDevServers(options: DevServersOptions = {}): Promise<DevServers> {
  const host = options.host ?? '127.0.0.1';
  const quiet = options.quiet ?? false;
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };
  try {
    // One port given as 0 (tests): all three free, unless given one by one.
    const all = options.simulatorPort === 0 ? 0 : undefined;
    const simulator = await startSimulator({
      host,
      ports: {
        openApi: options.simulatorPorts?.openApi ?? options.simulatorPort ?? SIMULATOR_DEFAULT_PORTS.openApi,
        signing: options.simulatorPorts?.signing ?? all ?? SIMULATOR_DEFAULT_PORTS.signing,
        console: options.simulatorPorts?.console ?? all ?? SIMULATOR_DEFAULT_PORTS.console,
      },
      quiet,
    });
    stops.push(() => simulator.stop());

    const { startReferenceHost } = (await import('./reference-host/server.js')) as {
      startReferenceHost: (o: {
        host: string;
        port: number;
        dataDir?: string;
        simulatorUrl: string;
        simulatorSigningUrl: string;
        publicCloudUrl: string;
        quiet: boolean;
      }) => Promise<ReferenceHostLike>;
    };
    const reference = await startReferenceHost({
      host,
      port: options.referencePort ?? REFERENCE_DEFAULT_PORT,
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      simulatorUrl: simulator.url,
      simulatorSigningUrl: simulator.urls.signing,
      // The simulator's signing app also plays the public cloud's SSO gateway.
      publicCloudUrl: simulator.urls.signing,
      quiet,
    });
    stops.push(() => reference.stop());
    // The simulator knows the credentials the reference host's seeded private service uses.
    if (reference.simulatorApp) {
      const known = simulator.root.apps.filter((a) => a.appToken !== reference.simulatorApp?.appToken);
      simulator.configure({ apps: [...known, reference.simulatorApp] });
    }
    // The person signing in the demo and the tests is known to the platform by mobile, as persons
    // synced from the OA are.
    // Public-cloud SSO: the gateway validates tickets at the reference host (CAS-style).
    simulator.configure({ sso: { validationUrl: `${reference.url}/qys/sso/validate` } });
    const me = reference.org?.person(reference.org.currentUserId);
    if (reference.org && me)
      simulator.configure({ users: [{ mobile: personMobile(reference.org.currentUserId), name: me.name }] });
    // The Qiyuesuo console's 泛微E10 integration, as the admin fills it in (seed 001 §2): the OA address,
    // its open platform credentials, callbacks to the OA (dev/simulator/console.ts).
    if (reference.openPlatform) {
      const r = await fetch(`${simulator.url}/__sim/e10/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          e10Url: reference.url,
          tenantCode: 'e10-dev-tenant-0001',
          ...reference.openPlatform,
        }),
      });
      if (!r.ok)
        throw new Error(`the simulator refused the E10 integration: HTTP ${r.status} ${await r.text()}`);
    }

    const urls: DevServers['urls'] = {
      referenceHost: reference.url,
      simulator: simulator.url,
      simulatorSigning: simulator.urls.signing,
      simulatorConsole: simulator.urls.console,
    };
    if (options.demoPort !== undefined) {
      urls.demo = await startDemo(host, options.demoPort, () => urls, quiet, stops);
    }
    simulator.configure({
      whitelist: defaultWhitelist([urls.referenceHost, ...(urls.demo ? [urls.demo] : [])]).concat(
        options.whitelist ?? [],
      ),
    });
    return { urls, simulator, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function startDemo(
  host: string,
  port: number,
  urls: () => DevServers['urls'],
  quiet: boolean,
  stops: Array<() => Promise<void>>,
): Promise<string> {
  const { createServer: createVite } = await import('vite');
  const root = fileURLToPath(new URL('./demo/', import.meta.url));
  const repo = fileURLToPath(new URL('../', import.meta.url));
  // Vite in middleware mode inside our own server: Vite then installs no SIGTERM / stdin-end handlers
  // of its own, so stopping stays ours (dev/start.ts) and the test run's.
  const httpServer = createHttpServer();
  const vite = await createVite({
    configFile: false,
    root,
    logLevel: quiet ? 'silent' : 'warn',
    clearScreen: false,
    appType: 'mpa',
    server: { middlewareMode: true, hmr: { server: httpServer }, fs: { allow: [repo] } },
    // Its own cache (Storybook and the library build use Vite too), and the element dependencies
    // pre-bundled up front, so the first page load does not reload once Vite discovers them.
    cacheDir: fileURLToPath(new URL('../node_modules/.vite-demo/', import.meta.url)),
    optimizeDeps: {
      entries: [`${root}index.html`],
      include: [
        'lit',
        'lit/decorators.js',
        'lit/html.js',
        'lit/static-html.js',
        'lit/directive.js',
        'lit/directives/class-map.js',
        'lit/directives/if-defined.js',
        'lit/directives/live.js',
        'lit/directives/ref.js',
        'lit/directives/repeat.js',
        'lit/directives/style-map.js',
        '@lit/context',
        'ky',
        'zod/mini',
      ],
    },
  });
  stops.push(async () => {
    await vite.close();
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
    });
  });
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.split('?')[0] === '/__qys/env') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(urls()));
      return;
    }
    vite.middlewares(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port: actual } = httpServer.address() as { port: number };
  return `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
}
