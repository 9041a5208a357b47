/**
 * evaluate() for the many exchanges of one recording. Most requests of a page repeat a few shapes
 * (same origin, method, headers, same CORS answer) and differ only in what the CORS checks never read:
 * the URL's path and query, request ids, dates, bodies. Such exchanges share one verdict.
 *
 * Safe by construction: a shared verdict is evaluate()'s verdict for the *projection* (the exchange
 * reduced to what the key holds), so nothing the projection drops can have been read. That
 * evaluate(projection) equals evaluate(exchange) is what the tests check, across every fixture and
 * generated exchanges (verdict-cache.test.ts). Only exchanges whose verdict cannot mention their URL
 * are projected: no redirect (hop URLs and Location targets appear in checks and notes), no redirect
 * answer, no earlier no-cors load (its URL is compared with the request's), a preflight sent to the
 * request's own URL. The rest are evaluated as they are.
 *
 * Shared verdicts are frozen: a caller that tried to change one would throw, not corrupt its neighbours.
 */
import type { Exchange, Header, PreflightRecord, ResponseRecord, Verdict } from '../model';
import { evaluate } from './evaluate';

/** Response headers the CORS checks read (the rest: dates, ids, content-*, … are dropped). */
function keptResponseHeader(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('access-control-') || n === 'vary' || n === 'location' || n === 'set-cookie';
}

function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400;
}

/** scheme://host:port/ of an http(s) URL without user info or fragment; undefined otherwise. */
function originRoot(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username !== '' || u.password !== '') return undefined;
  return `${u.origin}/`;
}

/** The URL as the engine matches preflights to it: no fragment, no user info. */
function matchKey(url: string): string | undefined {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

function projectResponse(r: ResponseRecord): ResponseRecord | undefined {
  if (isRedirectStatus(r.status)) return undefined;
  const out: ResponseRecord = { status: r.status, headers: r.headers.filter((h: Header) => keptResponseHeader(h.name)) };
  if (r.statusText !== undefined) out.statusText = r.statusText;
  if (r.fromCache !== undefined) out.fromCache = r.fromCache;
  return out;
}

/** The exchange reduced to what its verdict may depend on, or undefined when its verdict may mention its URL. */
export function projectForVerdict(ex: Exchange): Exchange | undefined {
  if (ex.redirects.length > 0 || ex.redirectPreflights?.length || ex.earlierLoad) return undefined;
  const root = originRoot(ex.request.url);
  if (!root) return undefined;
  const out: Exchange = {
    id: 'projection', source: ex.source, pageOrigin: ex.pageOrigin, startedAt: 0,
    request: { method: ex.request.method, url: root, headers: ex.request.headers },
    redirects: [], observed: { ...ex.observed },
  };
  if (ex.resourceType !== undefined) out.resourceType = ex.resourceType;
  if (ex.credentials !== undefined) out.credentials = ex.credentials;
  if (ex.mode !== undefined) out.mode = ex.mode;
  if (ex.preflightFromCache !== undefined) out.preflightFromCache = ex.preflightFromCache;
  if (ex.response) {
    const response = projectResponse(ex.response);
    if (!response) return undefined;
    out.response = response;
  }
  if (ex.preflight) {
    const p = ex.preflight;
    if (p.redirect || matchKey(p.request.url) !== matchKey(ex.request.url)) return undefined;
    const pre: PreflightRecord = { request: { method: p.request.method, url: root, headers: p.request.headers } };
    if (p.response) {
      const response = projectResponse(p.response);
      if (!response) return undefined;
      pre.response = response;
    }
    if (p.error !== undefined) pre.error = p.error;
    out.preflight = pre;
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export interface VerdictCache {
  evaluate(exchange: Exchange): Verdict;
  /** Verdicts served from the cache so far (for measurements). */
  readonly hits: number;
}

/** A bounded cache (cleared when full: a recording's shapes are few, or there is nothing to share). */
export function createVerdictCache(limit = 2048): VerdictCache {
  const cache = new Map<string, Verdict>();
  let hits = 0;
  return {
    get hits() {
      return hits;
    },
    evaluate(exchange) {
      const projection = projectForVerdict(exchange);
      if (!projection) return evaluate(exchange);
      const key = JSON.stringify(projection);
      const known = cache.get(key);
      if (known) {
        hits++;
        return known;
      }
      if (cache.size >= limit) cache.clear();
      const verdict = deepFreeze(evaluate(projection));
      cache.set(key, verdict);
      return verdict;
    },
  };
}
