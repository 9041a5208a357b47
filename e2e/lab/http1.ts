/**
 * A minimal HTTP/1.1 server on node:net, for the lab only.
 *
 * Why not node:http: its parser (llhttp) refuses any method outside a fixed upper-case list with 400, so
 * `fetch(url, { method: 'patch' })` or a custom method like `FOO` could never reach the scenario's answer.
 * The lab must answer exactly as its data says, so it parses the request line itself and writes the
 * response bytes itself (header case, order and repeated lines kept as given).
 *
 * Scope: what browsers send to it — request line, header lines, a Content-Length or chunked body,
 * keep-alive. No pipelining guarantees beyond in-order answers, no upgrades, no trailers.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';

export interface RawRequest {
  method: string;
  /** Request target as received (path and query). */
  url: string;
  /** Header lines in wire order, repeated lines kept. */
  headers: [string, string][];
  body: Buffer;
}

export interface RawResponse {
  status: number;
  statusText?: string;
  /** Header lines to write, in order. Content-Length and Connection are added, Date unless present. */
  headers: readonly (readonly [string, string])[];
  body: string;
}

/** What was actually written, for the log. */
export interface WrittenResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

export type RawHandler = (req: RawRequest) => RawResponse;
export type WrittenHook = (req: RawRequest, written: WrittenResponse) => void;

const MAX_HEAD = 64 * 1024;
const IDLE_MS = 5000;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

class BadRequest extends Error {}

interface Parsed {
  req: RawRequest;
  consumed: number;
}

function header(req: RawRequest, name: string): string | undefined {
  return req.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** Parses one request from the front of `buf`; undefined when more bytes are needed. */
function parseOne(buf: Buffer): Parsed | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) {
    if (buf.length > MAX_HEAD) throw new BadRequest('request head too large');
    return undefined;
  }
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const [method, url, version] = (lines.shift() ?? '').split(' ');
  if (!method || !TOKEN.test(method) || !url || !version?.startsWith('HTTP/1.')) throw new BadRequest('bad request line');
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new BadRequest('bad header line');
    headers.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  const req: RawRequest = { method, url, headers, body: Buffer.alloc(0) };
  let pos = end + 4;
  if (/\bchunked\b/i.test(header(req, 'transfer-encoding') ?? '')) {
    const chunks: Buffer[] = [];
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', pos);
      if (lineEnd < 0) return undefined;
      const size = parseInt(buf.subarray(pos, lineEnd).toString('latin1'), 16);
      if (!Number.isFinite(size) || size < 0) throw new BadRequest('bad chunk size');
      if (buf.length < lineEnd + 2 + size + 2) return undefined;
      if (size === 0) {
        // Last chunk; no trailers expected from a browser.
        const tail = buf.indexOf('\r\n', lineEnd + 2);
        if (tail < 0) return undefined;
        req.body = Buffer.concat(chunks);
        return { req, consumed: tail + 2 };
      }
      chunks.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      pos = lineEnd + 2 + size + 2;
    }
  }
  const length = Number(header(req, 'content-length') ?? '0');
  if (!Number.isInteger(length) || length < 0) throw new BadRequest('bad content-length');
  if (buf.length < pos + length) return undefined;
  req.body = buf.subarray(pos, pos + length);
  return { req, consumed: pos + length };
}

function serialize(method: string, res: RawResponse, keepAlive: boolean): { bytes: Buffer; written: WrittenResponse } {
  const noBody = res.status === 204 || res.status === 304 || (res.status >= 100 && res.status < 200);
  const headers: [string, string][] = res.headers.map(([n, v]) => [n, v]);
  if (!noBody) headers.push(['Content-Length', String(Buffer.byteLength(res.body))]);
  if (!headers.some(([n]) => n.toLowerCase() === 'date')) headers.push(['Date', new Date().toUTCString()]);
  headers.push(['Connection', keepAlive ? 'keep-alive' : 'close']);
  const reason = res.statusText ?? STATUS_CODES[res.status] ?? 'Unknown';
  const head = `HTTP/1.1 ${res.status} ${reason}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  const body = noBody || method === 'HEAD' ? '' : res.body;
  return {
    bytes: Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body, 'utf8')]),
    written: { status: res.status, headers, body },
  };
}

export interface RawServer {
  server: Server;
  /** Ends every open connection, then stops listening. */
  close(): Promise<void>;
}

export function createRawServer(handler: RawHandler, onWritten?: WrittenHook): RawServer {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setTimeout(IDLE_MS, () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      try {
        for (;;) {
          const parsed = parseOne(pending);
          if (!parsed) return;
          pending = pending.subarray(parsed.consumed);
          const keepAlive = (header(parsed.req, 'connection') ?? '').toLowerCase() !== 'close';
          const { bytes, written } = serialize(parsed.req.method, handler(parsed.req), keepAlive);
          socket.write(bytes);
          onWritten?.(parsed.req, written);
          if (!keepAlive) {
            socket.end();
            return;
          }
        }
      } catch (err) {
        // A lab bug must be loud but must not take the whole lab down.
        if (!(err instanceof BadRequest)) console.error('lab server error:', err);
        const [status, message] = err instanceof BadRequest ? ['400 Bad Request', err.message] : ['500 Internal Server Error', 'lab server error'];
        socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nContent-Length: ${message.length}\r\nConnection: close\r\n\r\n${message}`);
      }
    });
  });
  return {
    server,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
