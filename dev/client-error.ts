/**
 * A `clientError` handler for Node's http servers: requests Node refuses before any handler runs (URL
 * or headers over its limits → 431, a malformed request line → 400) get a JSON body instead of Node's
 * empty answer. `bodyFor` says what the body is (each server answers in its own error shape).
 */
import type { Duplex } from 'node:stream';

export function jsonClientError(bodyFor: (status: 400 | 431) => unknown) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    // Already answering a request on this socket, or gone: nothing sensible to write.
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify(bodyFor(status));
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  };
}
