/**
 * `cors-lens probe`: sends what Chromium would send for a fetch() from `origin`, records what came
 * back as an Exchange (source 'probe') and lets the rules judge it.
 *
 * - Preflight only when the rules say a browser would send one (`preflightNeed`, src/rules), with
 *   Chromium's preflight headers: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
 *   (lowercased, sorted, comma-joined, no spaces), Accept: *\/*, Sec-Fetch-Mode: cors (+ a User-Agent,
 *   which Chromium also sends and some WAFs require).
 * - The actual request only when the preflight passed (the rules' `evaluate`), with Origin.
 * - Redirects followed by hand, hop by hop, each recorded; Origin becomes "null" after a cross-origin
 *   hop as in Fetch; a hop that fails its CORS check ends the chain as it would in the browser; a
 *   redirected request that still needs a preflight gets a new one at its new URL.
 * node:http is used rather than fetch(): undici adds headers of its own (accept-language,
 * sec-fetch-mode, user-agent) and cannot send a header list in a given order.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CredentialsMode, Exchange, Header, PreflightRecord, RedirectHop, ResponseRecord } from '../model';
import { BODY_SNIPPET_LIMIT } from '../har/record';
import { evaluate } from '../rules';
import { preflightNeed } from '../rules/cors/preflight';
import { BODY_HEADERS, methodAfterRedirect, redirectTarget, taintsOrigin } from '../rules/cors/redirect';

export interface ProbeRequest {
  url: string;
  /** Serialized page origin, e.g. "https://app.example.com". */
  origin: string;
  method: string;
  /** Headers the page's script sets (as in fetch(url, { headers })). */
  headers: Header[];
  /** credentials: 'include' (else the fetch default 'same-origin'). */
  credentials: boolean;
  timeoutMs: number;
  userAgent: string;
}

export interface ProbeResult {
  exchange: Exchange;
  /** A network error kept the probe from getting an answer (preflight or actual). */
  unreachable: boolean;
}

type WireResult = { response: ResponseRecord } | { error: string };

const MAX_REDIRECTS = 20;

/** Chromium's net error names for the usual Node socket errors. */
function netError(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  const known: Record<string, string> = {
    ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED', ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED', EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
    ECONNRESET: 'net::ERR_CONNECTION_RESET', ETIMEDOUT: 'net::ERR_TIMED_OUT', EHOSTUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
    ENETUNREACH: 'net::ERR_INTERNET_DISCONNECTED', EPIPE: 'net::ERR_CONNECTION_CLOSED',
  };
  if (known[code]) return known[code];
  if (code.startsWith('CERT_') || code.includes('SELF_SIGNED') || code.startsWith('ERR_TLS') || code.startsWith('UNABLE_TO')) return `net::ERR_CERT_INVALID (${code})`;
  return `net::ERR_FAILED (${code || (e instanceof Error ? e.message : String(e))})`;
}

/** Normalizes like fetch(): the six standard methods are upper-cased, others (e.g. "patch") kept as given. */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper) ? upper : method;
}

function readResponse(res: IncomingMessage): Promise<ResponseRecord> {
  return new Promise((resolve) => {
    const headers: Header[] = [];
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.push({ name: res.rawHeaders[i]!, value: res.rawHeaders[i + 1]! });
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (): void => {
      const record: ResponseRecord = { status: res.statusCode ?? 0, headers };
      if (res.statusMessage) record.statusText = res.statusMessage;
      const body = Buffer.concat(chunks).subarray(0, BODY_SNIPPET_LIMIT).toString('utf8');
      if (body) record.body = body;
      if (res.socket?.remoteAddress) record.remoteAddress = res.socket.remoteAddress;
      resolve(record);
    };
    res.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      // Platform signatures live in the first bytes: stop downloading after the snippet.
      if (size >= BODY_SNIPPET_LIMIT) {
        res.removeAllListeners('data');
        res.destroy();
        finish();
      }
    });
    res.on('end', finish);
    res.on('error', finish);
    res.on('close', finish);
  });
}

/** One HTTP request with exactly these header lines (plus Host), no redirects followed. */
export function send(method: string, url: string, headers: readonly Header[], timeoutMs: number): Promise<WireResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: WireResult): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(r);
      }
    };
    const target = new URL(url);
    const raw: string[] = ['Host', target.host];
    for (const h of headers) raw.push(h.name, h.value);
    const bodyless = !['POST', 'PUT', 'PATCH'].includes(method.toUpperCase());
    if (!bodyless) raw.push('Content-Length', '0');
    const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, { method, headers: raw, agent: false }, (res) => {
      void readResponse(res).then((response) => done({ response }));
    });
    const timer = setTimeout(() => {
      req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    req.on('error', (e) => done({ error: netError(e) }));
    req.end();
  });
}

function hasHeader(headers: readonly Header[], lower: string): boolean {
  return headers.some((h) => h.name.toLowerCase() === lower);
}


export async function probe(req: ProbeRequest): Promise<ProbeResult> {
  const method = normalizeMethod(req.method);
  const credentials: CredentialsMode = req.credentials ? 'include' : 'same-origin';
  const exchange: Exchange = {
    id: 'probe-1',
    source: 'probe',
    pageOrigin: req.origin,
    startedAt: Date.now(),
    request: { method, url: req.url, headers: [] },
    credentials,
    mode: 'cors',
    redirects: [],
    observed: {},
    initiator: 'cors-lens probe',
  };
  const common: Header[] = [{ name: 'User-Agent', value: req.userAgent }];
  const actualHeaders = (origin: string, script: readonly Header[]): Header[] => [
    ...script,
    ...(hasHeader(script, 'accept') ? [] : [{ name: 'Accept', value: '*/*' }]),
    { name: 'Origin', value: origin },
    { name: 'Sec-Fetch-Mode', value: 'cors' },
    ...common,
  ];
  exchange.request.headers = actualHeaders(req.origin, req.headers);

  /**
   * Sends the preflight a browser would send for this leg, when it would send one (every --header is
   * the script's own: none is taken for browser-added), and records it. 'unreachable': it got no
   * answer; 'stop': the rules say it failed (then Chromium sends nothing more).
   */
  const preflightLeg = async (url: string, legMethod: string, script: readonly Header[], origin: string): Promise<'sent' | 'none' | 'stop' | 'unreachable'> => {
    const need = preflightNeed(legMethod, script, { pageSetOnly: true });
    if (need.reasons.length === 0) return 'none';
    const names = [...new Set(need.unsafeHeaders.map((h) => h.name.toLowerCase()))].sort();
    const headers: Header[] = [
      { name: 'Origin', value: origin },
      { name: 'Access-Control-Request-Method', value: legMethod },
      ...(names.length ? [{ name: 'Access-Control-Request-Headers', value: names.join(',') }] : []),
      { name: 'Accept', value: '*/*' },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      ...common,
    ];
    const preflight: PreflightRecord = { request: { method: 'OPTIONS', url, headers }, startedAt: Date.now() };
    // The first preflight of the exchange, or one a redirect brought (kept in order, as a capture would).
    if (exchange.preflight) exchange.redirectPreflights = [...(exchange.redirectPreflights ?? []), preflight];
    else exchange.preflight = preflight;
    const result = await send('OPTIONS', url, headers, req.timeoutMs);
    if ('error' in result) {
      preflight.error = result.error;
      exchange.observed = { failed: true, errorText: result.error };
      return 'unreachable';
    }
    preflight.response = result.response;
    const to = redirectTarget(url, result.response);
    if (to) preflight.redirect = { url, response: result.response, location: to };
    // Chromium sends the request only when the preflight passed.
    const verdict = evaluate(exchange);
    return verdict.blocked && (verdict.phase === 'preflight' || verdict.phase === 'request') ? 'stop' : 'sent';
  };

  const first = await preflightLeg(req.url, method, req.headers, req.origin);
  if (first === 'unreachable') return { exchange, unreachable: true };
  if (first === 'stop') return { exchange, unreachable: false };

  let url = req.url;
  let currentMethod = method;
  let script = req.headers;
  let origin = req.origin;
  for (let hops = 0; ; hops++) {
    const headers = hops === 0 ? exchange.request.headers : actualHeaders(origin, script);
    const result = await send(currentMethod, url, headers, req.timeoutMs);
    if ('error' in result) {
      exchange.observed = { failed: true, errorText: result.error };
      return { exchange, unreachable: true };
    }
    const to = redirectTarget(url, result.response);
    if (!to) {
      exchange.response = result.response;
      return { exchange, unreachable: false };
    }
    const hop: RedirectHop = { url, response: result.response, location: to };
    exchange.redirects.push(hop);
    if (hops + 1 >= MAX_REDIRECTS) {
      exchange.observed = { failed: true, errorText: 'net::ERR_TOO_MANY_REDIRECTS' };
      return { exchange, unreachable: false };
    }
    // The browser checks CORS on the redirect response before following it.
    const verdict = evaluate(exchange);
    if (verdict.blocked && verdict.phase === 'redirect') return { exchange, unreachable: false };
    // Origin becomes "null" after a hop between two origins neither of which is the page's (Fetch's tainted origin).
    if (taintsOrigin(url, to, req.origin)) origin = 'null';
    const status = result.response.status;
    const nextMethod = methodAfterRedirect(status, currentMethod);
    if (nextMethod !== currentMethod) script = script.filter((h) => !BODY_HEADERS.includes(h.name.toLowerCase()));
    currentMethod = nextMethod;
    url = to;
    // A redirected request that still needs a preflight is preflighted again, at its new URL (the rules
    // model the same restart: src/rules/cors/engine.ts).
    const again = await preflightLeg(url, currentMethod, script, origin);
    if (again === 'unreachable') return { exchange, unreachable: true };
    if (again === 'stop') return { exchange, unreachable: false };
  }
}
