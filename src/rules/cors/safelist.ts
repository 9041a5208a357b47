/**
 * Request-side header and method rules: which request headers are forbidden (set by the browser,
 * never by a script), which are CORS-safelisted, and which therefore force a preflight.
 * Mirrors services/network/public/cpp/cors/cors.cc (IsCorsSafelistedHeader),
 * services/network/cors/cors_util.cc (CorsUnsafeNotForbiddenRequestHeaderNames) and
 * net/http/http_util.cc (IsSafeHeader) of Chromium 156.
 */
import type { Header } from '../../model';
import { byteLength, trimLws } from './headers';
import { isToken, parseTokenList } from './token-list';

/** Chromium's kForbiddenHeaderFields (net/http/http_util.cc). */
const FORBIDDEN_HEADER_NAMES = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive',
  'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'via',
]);

/** Headers whose value may smuggle a forbidden method (Fetch standard; Chromium IsSafeHeader). */
const METHOD_OVERRIDE_HEADERS = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

export const FORBIDDEN_METHODS = ['CONNECT', 'TRACE', 'TRACK'] as const;

export function isForbiddenMethod(method: string): boolean {
  return (FORBIDDEN_METHODS as readonly string[]).includes(method.toUpperCase());
}

/** GET, HEAD and POST, compared case-insensitively as Chromium's IsCorsSafelistedMethod does. */
export function isSafelistedMethod(method: string): boolean {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD' || upper === 'POST';
}

/**
 * A forbidden request header: scripts cannot set it, the browser adds it, and CORS ignores it
 * (it never appears in Access-Control-Request-Headers).
 */
export function isForbiddenRequestHeader(name: string, value = ''): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (FORBIDDEN_HEADER_NAMES.has(lower)) return true;
  if (METHOD_OVERRIDE_HEADERS.has(lower)) {
    const parsed = value.split(',').map(trimLws);
    return parsed.some((m) => isForbiddenMethod(m));
  }
  return false;
}

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte */
function hasCorsUnsafeByte(value: string): boolean {
  for (const c of value) {
    const u = c.charCodeAt(0);
    if ((u < 0x20 && u !== 0x09) || u === 0x7f || '"():<>?@[\\]{}'.includes(c)) return true;
  }
  return false;
}

const SAFELISTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** net::ExtractMimeTypeFromMediaType without comma splitting, then the three safelisted essences. */
function isSafelistedContentType(value: string): boolean {
  const lower = value.toLowerCase();
  if (hasCorsUnsafeByte(lower)) return false;
  const semicolon = lower.indexOf(';');
  const essence = semicolon === -1 ? lower : lower.slice(0, semicolon);
  const parts = essence.split('/');
  if (parts.length !== 2) return false;
  const [type, subtype] = parts.map((p) => p.trim());
  if (!type || !subtype || !isToken(type) || !isToken(subtype)) return false;
  return SAFELISTED_CONTENT_TYPES.has(`${type}/${subtype}`);
}

/** A "simple range header value": bytes=N- or bytes=N-M, one range, no whitespace. */
function isSimpleRange(value: string): boolean {
  const m = /^bytes=(\d+)-(\d*)$/i.exec(value);
  if (!m) return false;
  if (m[2] === '') return true;
  return BigInt(m[1] ?? '0') <= BigInt(m[2] ?? '0');
}

const isDoubleLike = (v: string): boolean => /^\d+(\.\d+)?$/.test(v);
const isIntLike = (v: string): boolean => /^\d+$/.test(v);
const EFFECTIVE_CONNECTION_TYPES = new Set(['unknown', 'offline', 'slow-2g', '2g', '3g', '4g']);

/** Value rule of each CORS-safelisted name (Fetch standard + Chromium's client hints). */
const SAFELIST_RULES: Record<string, (value: string) => boolean> = {
  accept: (v) => !hasCorsUnsafeByte(v),
  'accept-language': (v) => /^[0-9A-Za-z *,\-.;=]*$/.test(v),
  'content-language': (v) => /^[0-9A-Za-z *,\-.;=]*$/.test(v),
  'content-type': isSafelistedContentType,
  range: isSimpleRange,
  intervention: () => true,
  'device-memory': isDoubleLike,
  dpr: isDoubleLike,
  downlink: isDoubleLike,
  width: isIntLike,
  'viewport-width': isIntLike,
  rtt: isIntLike,
  ect: (v) => EFFECTIVE_CONNECTION_TYPES.has(v),
  'save-data': (v) => v.toLowerCase() === 'on',
};

/** Why a header (name, value) is not CORS-safelisted, or null when it is. */
export function unsafeReason(name: string, value: string): string | null {
  const lower = name.toLowerCase();
  // Own keys only: a header named "constructor" or "__proto__" is just an unknown name.
  const rule = Object.hasOwn(SAFELIST_RULES, lower) ? SAFELIST_RULES[lower] : undefined;
  if (!rule) return `${lower} is not a CORS-safelisted header`;
  if (byteLength(value) > 128) return `the ${lower} value is longer than 128 bytes`;
  if (!rule(value)) {
    if (lower === 'content-type') return `Content-Type ${value} is not one of application/x-www-form-urlencoded, multipart/form-data or text/plain`;
    return `the ${lower} value "${value}" is not allowed for a CORS-safelisted header`;
  }
  return null;
}

/** True for a CORS-safelisted request header (name and value both acceptable). */
export function isSafelistedHeader(name: string, value: string): boolean {
  return unsafeReason(name, value) === null;
}

/**
 * Headers that show up in captured request headers although they were added below the CORS layer
 * (by the HTTP cache, the HTTP/2 framing or Chrome itself) and so never took part in Chromium's
 * preflight decision. A preflight's Access-Control-Request-Headers overrides this guess.
 */
export function browserAddedReason(name: string, value: string): string | null {
  const lower = name.toLowerCase();
  const v = value.trim().toLowerCase();
  if (lower.startsWith(':')) return 'an HTTP/2 pseudo-header';
  if (lower === 'pragma' && v === 'no-cache') return 'added by the browser when it bypasses its cache (DevTools "Disable cache" or fetch cache: no-store/reload)';
  if (lower === 'cache-control' && (v === 'no-cache' || v === 'max-age=0')) return 'added by the browser when it bypasses or revalidates its cache';
  if (lower === 'if-none-match' || lower === 'if-modified-since') return 'added by the browser\'s HTTP cache to revalidate a cached response';
  if (lower === 'priority') return 'added by the browser\'s network stack';
  if (lower === 'x-client-data' || lower === 'purpose') return 'added by the browser and exempt from CORS';
  return null;
}

export interface UnsafeHeader {
  /** Lower-case name, as Chromium reports it in Access-Control-Request-Headers and failedParameter. */
  name: string;
  reason: string;
}

export interface IgnoredHeader {
  name: string;
  reason: string;
  /** Its place in request order: the number of CORS-unsafe names before it. */
  at: number;
}

export interface RequestHeaderAnalysis {
  /** CORS-unsafe, non-forbidden header names in request order: what needs the preflight's approval. */
  unsafe: UnsafeHeader[];
  /** Headers left out because the browser (not the page) added them; `at`: how many unsafe names preceded it. */
  ignored: IgnoredHeader[];
  /** Total bytes of the safelisted values (over 1024 makes them all unsafe). */
  safelistedBytes: number;
}

export const SAFELISTED_TOTAL_LIMIT = 1024;

/**
 * Chromium's CorsUnsafeNotForbiddenRequestHeaderNames: walk the headers in order, skip forbidden
 * ones, collect the non-safelisted names, and when the safelisted values together exceed
 * 1024 bytes append those too. Order matters: the first name missing from
 * Access-Control-Allow-Headers is the one Chromium reports.
 */
export function analyzeRequestHeaders(headers: readonly Header[], options: { isRevalidating?: boolean; pageSetOnly?: boolean } = {}): RequestHeaderAnalysis {
  const unsafe: UnsafeHeader[] = [];
  const safelisted: string[] = [];
  const ignored: IgnoredHeader[] = [];
  let safelistedBytes = 0;
  for (const h of headers) {
    const name = h.name.toLowerCase();
    const value = trimLws(h.value);
    if (isForbiddenRequestHeader(name, value)) continue;
    // pageSetOnly: the headers are the script's own (cors-lens probe's --header), none added below CORS.
    const added = options.pageSetOnly ? null : browserAddedReason(name, value);
    if (added) {
      ignored.push({ name, reason: added, at: unsafe.length });
      continue;
    }
    if (options.isRevalidating && (name === 'if-modified-since' || name === 'if-none-match' || name === 'cache-control')) continue;
    const reason = unsafeReason(name, value);
    if (reason) unsafe.push({ name, reason });
    else {
      safelisted.push(name);
      safelistedBytes += byteLength(value);
    }
  }
  if (safelistedBytes > SAFELISTED_TOTAL_LIMIT) {
    const reason = `the CORS-safelisted header values (${safelisted.join(', ')}) together are ${safelistedBytes} bytes, more than ${SAFELISTED_TOTAL_LIMIT}, so none of them counts as safelisted`;
    for (const name of safelisted) unsafe.push({ name, reason });
  }
  return { unsafe: dedupe(unsafe), ignored, safelistedBytes };
}

function dedupe(list: UnsafeHeader[]): UnsafeHeader[] {
  const seen = new Set<string>();
  return list.filter((h) => (seen.has(h.name) ? false : (seen.add(h.name), true)));
}

/** The names listed in a preflight's Access-Control-Request-Headers, lower-cased. */
export function parseRequestHeadersList(value: string | null): string[] | null {
  if (value === null) return null;
  const parsed = parseTokenList(value);
  const items = parsed.ok ? parsed.items : value.split(',').map((s) => trimLws(s)).filter(Boolean);
  return items.map((s) => s.toLowerCase());
}
