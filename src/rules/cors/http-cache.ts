/**
 * The HTTP cache's part in a CORS verdict. A response stored by an earlier load of the same URL (an
 * <img>, a plain <script>, a no-cors fetch: no Origin header; or another CORS request, whatever its
 * credentials mode: that is not part of the cache key) may be handed to a later CORS request; Chromium
 * then runs CheckAccess on the STORED headers (for a revalidation answered 304: on the stored headers
 * updated by the 304's, net::HttpResponseHeaders::Update).
 *
 * Why the rules need this: DevTools' HAR records a cache hit that CORS then rejected as status 0 with
 * no headers (verified in Chromium 156), so the only record of the headers Chromium judged is the
 * earlier load's response (`Exchange.earlierLoad`, linked by the capture and the HAR importer).
 */
import type { EarlierLoad, Exchange, Header, ResponseRecord } from '../../model';
import { getHeader, headerValues } from './headers';
import { REDIRECT_STATUSES, taintsOrigin } from './redirect';

/**
 * Request headers one browser sends alike on an <img> or no-cors load and on a fetch: a stored
 * response that varies only on these still matches the CORS request. `Vary: Origin` matches only a
 * copy an earlier CORS load stored with the same Origin (a no-cors load sent none); any other name
 * (Accept, Sec-Fetch-*, Cookie…) may differ.
 */
const SAME_FOR_EVERY_LOAD = new Set(['accept-encoding', 'accept-language', 'user-agent']);

/** Headers a 304 does not update in the stored response (net::HttpResponseHeaders kNonUpdatedHeaders). */
const NOT_UPDATED_BY_304 = new Set([
  'connection', 'proxy-connection', 'keep-alive', 'www-authenticate', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'content-location', 'content-md5', 'etag', 'content-encoding', 'content-range', 'content-type',
  'content-length', 'x-frame-options', 'x-xss-protection',
]);

export interface StoredResponse {
  /** The headers Chromium checked. */
  response: ResponseRecord;
  /** The load that stored it. */
  load: EarlierLoad;
}

function withoutFragment(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

function cacheDirectives(r: ResponseRecord): string[] {
  return (getHeader(r.headers, 'cache-control') ?? '').split(',').map((d) => d.trim().toLowerCase().split('=')[0] ?? '');
}

/**
 * Whether a response stored for a no-cors load of `url` can be the entry the HTTP cache holds for this
 * request, when it reached `url` with `method` (a 303, or a 301/302 after POST, turned it into GET).
 */
function storedEntryFor(exchange: Exchange, url: string, method: string): EarlierLoad | undefined {
  const load = exchange.earlierLoad;
  if (!load || withoutFragment(load.url) !== withoutFragment(url)) return undefined;
  if (load.startedAt > exchange.startedAt) return undefined;
  const m = method.toUpperCase();
  if (m !== 'GET' && m !== 'HEAD') return undefined;
  const stored = load.response;
  if (stored.status <= 0) return undefined;
  const directives = cacheDirectives(stored);
  if (directives.includes('no-store')) return undefined;
  // A stored redirect: 301 and 308 are cacheable by default (RFC 9111 heuristic freshness), 302, 303 and
  // 307 only with explicit freshness.
  if (REDIRECT_STATUSES.includes(stored.status) && stored.status !== 301 && stored.status !== 308
    && !directives.includes('max-age') && !directives.includes('s-maxage') && getHeader(stored.headers, 'expires') === null) return undefined;
  const vary = headerValues(stored.headers, 'vary').flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  const sameOrigin = load.origin !== undefined && load.origin === originSentTo(exchange, url);
  if (!vary.every((name) => SAME_FOR_EVERY_LOAD.has(name) || (name === 'origin' && sameOrigin))) return undefined;
  return load;
}

/** The Origin this request sent to `url`: the page's, or "null" once a redirect tainted it (CheckTainted). */
function originSentTo(exchange: Exchange, url: string): string {
  let current = exchange.request.url;
  let tainted = false;
  for (const hop of exchange.redirects) {
    if (withoutFragment(current) === withoutFragment(url)) break;
    if (taintsOrigin(current, hop.location, exchange.pageOrigin)) tainted = true;
    current = hop.location;
  }
  return tainted ? 'null' : getHeader(exchange.request.headers, 'origin') ?? exchange.pageOrigin;
}

/**
 * The stored response a request was handed when it got no response of its own (HAR: status 0)
 * yet failed like a CORS failure: an earlier no-cors load of the URL stored a copy the cache could
 * reuse for it (not `no-store`, no `Vary` the two requests could differ on). Nothing came from the
 * network, so that copy is what CheckAccess read.
 */
export function reusedStoredResponse(exchange: Exchange, url: string, method: string): StoredResponse | undefined {
  const load = storedEntryFor(exchange, url, method);
  return load ? { response: { ...load.response, fromCache: load.response.fromCache ?? 'disk' }, load } : undefined;
}

/** The response Chromium's CORS layer sees for a 304 revalidation of the stored copy: stored headers updated by the 304's. */
export function revalidatedStoredResponse(exchange: Exchange, url: string, notModified: ResponseRecord, method: string): StoredResponse | undefined {
  const load = storedEntryFor(exchange, url, method);
  if (!load) return undefined;
  // The revalidation must have been of this copy: its validators are what the request sent.
  const sent = exchange.request.headers;
  const etag = getHeader(load.response.headers, 'etag');
  const lastModified = getHeader(load.response.headers, 'last-modified');
  const ifNoneMatch = getHeader(sent, 'if-none-match');
  const ifModifiedSince = getHeader(sent, 'if-modified-since');
  const matches = (etag !== null && ifNoneMatch !== null && ifNoneMatch.split(',').map((t) => t.trim()).includes(etag))
    || (lastModified !== null && ifModifiedSince === lastModified);
  if (!matches) return undefined;
  const updated = new Set(notModified.headers.map((h) => h.name.toLowerCase()).filter((n) => !NOT_UPDATED_BY_304.has(n)));
  const headers: Header[] = [
    ...load.response.headers.filter((h) => !updated.has(h.name.toLowerCase())),
    ...notModified.headers.filter((h) => updated.has(h.name.toLowerCase())),
  ];
  return { response: { ...load.response, headers, fromCache: load.response.fromCache ?? 'disk' }, load };
}
