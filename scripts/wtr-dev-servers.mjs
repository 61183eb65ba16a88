// Starts the reference host and the Qiyuesuo simulator (dev/servers.ts) inside the browser test run,
// on 127.0.0.1 with free ports and a throw-away data folder, and tells the tests where they are:
// GET /__qys/env -> { referenceHost, simulator }. They stop with the test server.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

export function devServersPlugin() {
  let servers;
  let dataDir;
  return {
    name: 'qys-dev-servers',
    async serverStart() {
      if (!existsSync(new URL('../dev/servers.ts', import.meta.url))) return;
      register();
      const { startDevServers } = await import('../dev/servers.ts');
      dataDir = mkdtempSync(join(tmpdir(), 'qys-wtr-'));
      servers = await startDevServers({ host: '127.0.0.1', referencePort: 0, simulatorPort: 0, dataDir, quiet: true });
    },
    async serverStop() {
      await servers?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    serve(context) {
      if (context.path === '/__qys/env') {
        return { body: JSON.stringify(servers?.urls ?? {}), type: 'application/json' };
      }
    },
  };
}
