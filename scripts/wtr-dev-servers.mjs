// Starts the reference host and the Qiyuesuo simulator (dev/servers.ts) inside the browser test run,
// on 127.0.0.1 with free ports and a throw-away data folder, and tells the tests where they are:
// GET /__qys/env -> { referenceHost, simulator (open API), simulatorSigning, simulatorConsole }. They stop
// with the test server.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

export function devServersPlugin() {
  let servers;
  let dataDir;
  let redirector;
  let redirectorUrl;
  return {
    name: 'qys-dev-servers',
    async serverStart() {
      // A third origin that only redirects: GET|POST /<status>/<base64url target>/… answers that
      // redirect (loopback or relative targets only), with CORS so the browser lets the page see it
      // (createHttpHost's tests: a redirect is never followed). Exposed as `redirector` in /__qys/env.
      redirector = createServer((req, res) => {
        const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' };
        if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
        const m = /^\/(30[12378])\/([A-Za-z0-9_-]+)(?:[/?]|$)/.exec(req.url ?? '');
        const to = m ? Buffer.from(m[2], 'base64url').toString() : '';
        if (!m || !/^(\/(?!\/)|http:\/\/(127\.0\.0\.1|localhost)[:/])/.test(to)) return void res.writeHead(400, cors).end();
        req.resume();
        res.writeHead(Number(m[1]), { ...cors, location: to }).end();
      });
      await new Promise((resolve) => redirector.listen(0, '127.0.0.1', resolve));
      redirectorUrl = `http://127.0.0.1:${redirector.address().port}`;
      if (!existsSync(new URL('../dev/servers.ts', import.meta.url))) return;
      register();
      const { startDevServers } = await import('../dev/servers.ts');
      dataDir = mkdtempSync(join(tmpdir(), 'qys-wtr-'));
      servers = await startDevServers({ host: '127.0.0.1', referencePort: 0, simulatorPort: 0, dataDir, quiet: true });
    },
    async serverStop() {
      await servers?.stop();
      redirector?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    serve(context) {
      if (context.path === '/__qys/env') {
        return {
          body: JSON.stringify({ ...servers?.urls, ...(redirectorUrl ? { redirector: redirectorUrl } : {}) }),
          type: 'application/json',
        };
      }
    },
  };
}
