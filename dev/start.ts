/**
 * `npm start`: the Qiyuesuo simulator, the reference host and the demo page, with one command.
 * Ports: QYS_REFERENCE_PORT (8787), QYS_DEMO_PORT (5173), and the simulator's three origins
 * QYS_SIMULATOR_API_PORT (9182), QYS_SIMULATOR_SIGNING_PORT (9180), QYS_SIMULATOR_CONSOLE_PORT (9181);
 * QYS_SIMULATOR_PORT is the open-API port too, and `0` there makes all three free unless set one by one.
 * 0 = a free port.
 * QYS_HOST (127.0.0.1), QYS_DATA_DIR (dev/.data). Ctrl-C / SIGTERM stops everything.
 */
import { fileURLToPath } from 'node:url';
import { DEMO_DEFAULT_PORT, REFERENCE_DEFAULT_PORT, startDevServers } from './servers.js';
import { SIMULATOR_DEFAULT_PORTS } from './simulator/defaults.js';

function port(name: string, fallback: number): number;
function port(name: string, fallback: undefined): number | undefined;
function port(name: string, fallback: number | undefined): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name} must be a port number (0–65535), got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

const legacy = port('QYS_SIMULATOR_PORT', undefined);
const simulatorPorts = {
  openApi: port('QYS_SIMULATOR_API_PORT', legacy ?? SIMULATOR_DEFAULT_PORTS.openApi),
  signing: port('QYS_SIMULATOR_SIGNING_PORT', legacy === 0 ? 0 : SIMULATOR_DEFAULT_PORTS.signing),
  console: port('QYS_SIMULATOR_CONSOLE_PORT', legacy === 0 ? 0 : SIMULATOR_DEFAULT_PORTS.console),
};
const referencePort = port('QYS_REFERENCE_PORT', REFERENCE_DEFAULT_PORT);
const demoPort = port('QYS_DEMO_PORT', DEMO_DEFAULT_PORT);
const host = process.env.QYS_HOST || '127.0.0.1';
const dataDir = process.env.QYS_DATA_DIR || fileURLToPath(new URL('./.data/', import.meta.url));

let servers: Awaited<ReturnType<typeof startDevServers>>;
try {
  servers = await startDevServers({ host, simulatorPorts, referencePort, demoPort, dataDir, quiet: true });
} catch (err) {
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e.code === 'EADDRINUSE') {
    console.error(
      `A port is already in use (${e.message}). Stop the other process, or choose ports with ` +
        `QYS_SIMULATOR_API_PORT / QYS_SIMULATOR_SIGNING_PORT / QYS_SIMULATOR_CONSOLE_PORT / ` +
        `QYS_REFERENCE_PORT / QYS_DEMO_PORT (0 = any free port).`,
    );
  } else {
    console.error('Could not start the development servers:', err);
  }
  process.exit(1);
}

const { urls } = servers;
console.log(
  [
    '',
    '  qys-elements — development servers',
    `  演示页 Demo page        ${urls.demo ?? '-'}/`,
    `  参考宿主 Reference host  ${urls.referenceHost}`,
    `  契约锁开放平台 Simulator ${urls.simulator}`,
    `  签署平台 Signing app     ${urls.simulatorSigning}   管理后台 Console ${urls.simulatorConsole}`,
    `  数据 Data               ${dataDir}`,
    '  Ctrl-C 停止 / to stop',
    '',
  ].join('\n'),
);

// The store outlives a run: a default service seeded by an earlier run on other ports points elsewhere.
try {
  const services = (await (await fetch(`${urls.referenceHost}/services`)).json()) as Array<{
    isDefault?: boolean;
    openApiUrl?: string;
  }>;
  const seeded = services.find((s) => s.isDefault && s.openApiUrl !== undefined);
  if (seeded?.openApiUrl && new URL(seeded.openApiUrl).origin !== new URL(urls.simulator).origin) {
    console.log(
      `  注意 Note: the default service points at ${seeded.openApiUrl}, not this simulator ` +
        `(data from a run on other ports). Delete ${dataDir} to seed it again.\n`,
    );
  }
} catch {
  /* only a hint */
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => {
    console.error(`Servers did not stop within 5 s after ${signal}; exiting.`);
    process.exit(1);
  }, 5_000);
  timer.unref();
  await servers.stop();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
// `npm start` runs us through `sh -c`; a SIGTERM sent to npm alone stops npm and sh but not us.
// When our parent goes away we stop too, so no server is left behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown('parent exit');
}, 500).unref();
