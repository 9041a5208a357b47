/**
 * "Copy as curl" for the preflight and the actual request: the same request line and headers the
 * browser sent, so the user can replay it and read the raw answer (-i). Every value is single-quoted.
 */
import type { Exchange, Header } from '../../model';
import { shellQuote } from './shell-quote';

/** Headers curl sets itself, or that describe a body we do not have, or HTTP/2 pseudo-headers. */
const SKIP = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding', 'keep-alive']);

export function curlCommand(method: string, url: string, headers: readonly Header[]): string {
  const lines = [`curl -i ${shellQuote(url)}`];
  if (method.toUpperCase() !== 'GET') lines.push(`-X ${shellQuote(method)}`);
  for (const h of headers) {
    if (h.name.startsWith(':') || SKIP.has(h.name.toLowerCase())) continue;
    lines.push(`-H ${shellQuote(`${h.name}: ${h.value}`)}`);
  }
  return lines.join(' \\\n  ');
}

export function preflightCurl(exchange: Exchange): string | null {
  const p = exchange.preflight;
  return p ? curlCommand(p.request.method || 'OPTIONS', p.request.url, p.request.headers) : null;
}

export function actualCurl(exchange: Exchange): string {
  return curlCommand(exchange.request.method, exchange.request.url, exchange.request.headers);
}
