// #12.5, the same class of defect in the simulator: a URL or headers over Node's limits got an empty 431
// on every simulator origin; now the open API's JSON error envelope, as the reference host does.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, it } from 'node:test';
import { startSimulator, type Simulator } from '../../dev/simulator/server.js';

let sim: Simulator;
before(async () => {
  sim = await startSimulator({ quiet: true, ports: { openApi: 0, signing: 0, console: 0 } });
});
after(() => sim?.stop());

function raw(url: string, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.end(request));
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (out += d));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

it('every simulator origin answers an over-long URL or header with a JSON 431, a garbled request with a JSON 400', async () => {
  for (const url of Object.values(sim.urls)) {
    const long = await raw(
      url,
      `GET /checkHealth?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    );
    assert.match(long, /^HTTP\/1\.1 431 /, url);
    assert.match(long, /content-type: application\/json/i);
    assert.equal(JSON.parse(long.slice(long.indexOf('\r\n\r\n') + 4)).code, 1000001);
    const header = await raw(
      url,
      `GET /checkHealth HTTP/1.1\r\nHost: 127.0.0.1\r\nx-big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    assert.match(header, /^HTTP\/1\.1 431 /);
    const garbled = await raw(url, 'NOT HTTP\r\n\r\n');
    assert.match(garbled, /^HTTP\/1\.1 400 /);
    assert.equal(JSON.parse(garbled.slice(garbled.indexOf('\r\n\r\n') + 4)).code, 1000001);
  }
  // an ordinary request on the same server still works
  assert.equal(await (await fetch(`${sim.url}/checkHealth`)).text(), 'OK');
});
