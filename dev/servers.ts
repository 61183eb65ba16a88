/**
 * Starts the development servers: the Qiyuesuo simulator, then the reference host pointing at it, and
 * (when `demoPort` is given) the demo page on a Vite dev server. Used by `npm start` (dev/start.ts) and by
 * the browser test run (scripts/wtr-dev-servers.mjs → `GET /__qys/env`).
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from './simulator/server.js';
import type { SimulatorApp } from './simulator/defaults.js';

export interface DevServersOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** 0 = a free port. Default 8787. */
  referencePort?: number;
  /** 0 = a free port. Default 9181 (as in the private-cloud guide). */
  simulatorPort?: number;
  /** Start the demo page (Vite dev server) on this port; 0 = a free port. Not started when omitted. */
  demoPort?: number;
  /** Folder of the reference host's JSON store. */
  dataDir?: string;
  quiet?: boolean;
  /** Extra embed-whitelist entries for the simulator (CSP sources). */
  whitelist?: string[];
}

export interface DevServers {
  urls: { referenceHost: string; simulator: string; demo?: string };
  simulator: Simulator;
  stop(): Promise<void>;
}

export const REFERENCE_DEFAULT_PORT = 8787;
export const SIMULATOR_PORT = 9181;
export const DEMO_DEFAULT_PORT = 5173;

interface ReferenceHostLike {
  url: string;
  stop(): Promise<void>;
  /** Credentials of the seeded private service, when the reference host reports them. */
  simulatorApp?: SimulatorApp;
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
    const simulator = await startSimulator({ host, port: options.simulatorPort ?? SIMULATOR_PORT, quiet });
    stops.push(() => simulator.stop());

    const { startReferenceHost } = (await import('./reference-host/server.js')) as {
      startReferenceHost: (o: {
        host: string;
        port: number;
        dataDir?: string;
        simulatorUrl: string;
        quiet: boolean;
      }) => Promise<ReferenceHostLike>;
    };
    const reference = await startReferenceHost({
      host,
      port: options.referencePort ?? REFERENCE_DEFAULT_PORT,
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      simulatorUrl: simulator.url,
      quiet,
    });
    stops.push(() => reference.stop());
    // The simulator knows the credentials the reference host's seeded private service uses.
    if (reference.simulatorApp) {
      const known = simulator.root.apps.filter((a) => a.appToken !== reference.simulatorApp?.appToken);
      simulator.configure({ apps: [...known, reference.simulatorApp] });
    }

    const urls: DevServers['urls'] = { referenceHost: reference.url, simulator: simulator.url };
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
