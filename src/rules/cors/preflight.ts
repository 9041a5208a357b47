/**
 * The preflight: when one is needed, and how Chromium judges its answer
 * (services/network/cors/preflight_result.cc, preflight_controller.cc).
 */
import type { Header, RequestRecord } from '../../model';
import { getHeader } from './headers';
import { analyzeRequestHeaders, isSafelistedMethod, parseRequestHeadersList, type IgnoredHeader, type UnsafeHeader } from './safelist';
import { parseTokenList } from './token-list';

/** Access-Control-Max-Age rules of Chromium: default 5 s, negative → 0, at most 2 hours. */
export const DEFAULT_MAX_AGE_SECONDS = 5;
export const MAX_MAX_AGE_SECONDS = 7200;

export type MaxAgeSource = 'default' | 'header' | 'negative' | 'capped' | 'unparseable';

export interface MaxAge {
  seconds: number;
  source: MaxAgeSource;
}

/** Parses Access-Control-Max-Age like base::StringToInt64 + ParseAccessControlMaxAge, with where the number came from. */
export function describeMaxAge(value: string | null | undefined): MaxAge {
  if (value === null || value === undefined) return { seconds: DEFAULT_MAX_AGE_SECONDS, source: 'default' };
  if (!/^[+-]?\d+$/.test(value)) return { seconds: DEFAULT_MAX_AGE_SECONDS, source: 'unparseable' };
  const n = BigInt(value);
  // base::StringToInt64 fails on overflow, and a failed parse means the default.
  if (n > 9223372036854775807n || n < -9223372036854775808n) return { seconds: DEFAULT_MAX_AGE_SECONDS, source: 'unparseable' };
  if (n < 0n) return { seconds: 0, source: 'negative' };
  if (n >= BigInt(MAX_MAX_AGE_SECONDS)) return { seconds: MAX_MAX_AGE_SECONDS, source: n === BigInt(MAX_MAX_AGE_SECONDS) ? 'header' : 'capped' };
  return { seconds: Number(n), source: 'header' };
}

/** Seconds Chromium keeps a preflight result for, given the Access-Control-Max-Age value. */
export function parseMaxAge(value: string | null | undefined): number {
  return describeMaxAge(value).seconds;
}

export interface PreflightNeed {
  /** Plain reasons, empty for a simple request. */
  reasons: string[];
  /** The CORS-unsafe header names Chromium checks against Access-Control-Allow-Headers, in its order. */
  unsafeHeaders: UnsafeHeader[];
  /** Request headers left out as browser-added, with why and where. */
  ignoredHeaders: IgnoredHeader[];
}

/**
 * Why a request needs a preflight (Chromium's NeedsCorsPreflight): a method other than
 * GET/HEAD/POST, or any CORS-unsafe request header that is not forbidden. `pageSetOnly`: every
 * header is the script's own (none was added by the browser's cache or network stack).
 */
export function preflightNeed(method: string, headers: readonly Header[], options: { pageSetOnly?: boolean } = {}): PreflightNeed {
  const reasons: string[] = [];
  if (!isSafelistedMethod(method)) reasons.push(`the method ${method} is not GET, HEAD or POST`);
  const analysis = analyzeRequestHeaders(headers, options);
  for (const h of analysis.unsafe) if (!reasons.includes(h.reason)) reasons.push(h.reason);
  return { reasons, unsafeHeaders: analysis.unsafe, ignoredHeaders: analysis.ignored };
}

/** Convenience for other modules: the reasons a request record needs a preflight (empty when simple). */
export function preflightReasons(request: RequestRecord): string[] {
  return preflightNeed(request.method, request.headers).reasons;
}

/**
 * Reconciles the header names computed from the captured request with the preflight's own
 * Access-Control-Request-Headers, which is what Chromium actually computed. Order: the captured
 * request's order (Chromium iterates the request headers), then any remaining listed names.
 */
export function reconcileUnsafeHeaders(computed: UnsafeHeader[], preflightRequestHeaders: readonly Header[] | undefined): UnsafeHeader[] {
  const listed = parseRequestHeadersList(getHeader(preflightRequestHeaders, 'access-control-request-headers'));
  if (listed === null) {
    // A captured preflight without the header means Chromium found nothing unsafe; without a
    // captured preflight, keep our own computation.
    return preflightRequestHeaders ? [] : computed;
  }
  const set = new Set(listed);
  const result = computed.filter((h) => set.has(h.name));
  for (const name of listed) {
    if (!result.some((h) => h.name === name)) result.push({ name, reason: `${name} was listed in the preflight's Access-Control-Request-Headers` });
  }
  return result;
}

/**
 * The names a request's captured preflights list in Access-Control-Request-Headers (lower-cased): what
 * Chromium computed, so a header among them was set by the page whatever it looks like.
 */
export function listedByPreflights(preflights: readonly { request: { headers: readonly Header[] } }[]): Set<string> {
  const names = new Set<string>();
  for (const p of preflights) for (const name of parseRequestHeadersList(getHeader(p.request.headers, 'access-control-request-headers')) ?? []) names.add(name);
  return names;
}

/**
 * A header taken for browser-added (Cache-Control: no-cache, Pragma: no-cache …) that a captured
 * preflight of the request lists (`listed`: listedByPreflights) was set by the page: it is a CORS-unsafe
 * header like any other, in its place in the request (measured in Chromium 156: Cache-Control set before
 * X-Api-Key is the header Chromium names when neither is allowed), and it needs a preflight on every
 * leg of a redirect chain too.
 */
export function withPageSetHeaders(need: PreflightNeed, listed: ReadonlySet<string>): PreflightNeed {
  if (need.ignoredHeaders.length === 0 || listed.size === 0) return need;
  const pageSet = need.ignoredHeaders.filter((h) => listed.has(h.name) && !need.unsafeHeaders.some((u) => u.name === h.name));
  if (pageSet.length === 0) return need;
  const added = pageSet.map((h) => ({ at: h.at, header: { name: h.name, reason: `${h.name} is not a CORS-safelisted header (set by the page: the preflight lists it)` } }));
  const unsafeHeaders = [...need.unsafeHeaders];
  // From the last, so that each `at` (unsafe names before it) still points at its place.
  for (const { at, header } of [...added].reverse()) unsafeHeaders.splice(at, 0, header);
  return {
    reasons: [...need.reasons, ...added.map((a) => a.header.reason)],
    unsafeHeaders,
    ignoredHeaders: need.ignoredHeaders.filter((h) => !pageSet.includes(h)),
  };
}

export type ListCheck = { ok: true; via: 'safelisted' | 'listed' | 'wildcard' | 'wildcard-authorization' } | { ok: false; note: string };

/**
 * EnsureAllowedCrossOriginMethod: GET/HEAD/POST always pass; otherwise the method must be in
 * Access-Control-Allow-Methods, compared case-sensitively; "*" counts only without credentials.
 */
export function checkMethod(method: string, allowMethods: string[], withCredentials: boolean): ListCheck {
  if (isSafelistedMethod(method)) return { ok: true, via: 'safelisted' };
  if (allowMethods.includes(method)) return { ok: true, via: 'listed' };
  if (!withCredentials && allowMethods.includes('*')) return { ok: true, via: 'wildcard' };
  if (allowMethods.length === 0) return { ok: false, note: `The preflight response has no Access-Control-Allow-Methods, so ${method} is not allowed.` };
  const caseMatch = allowMethods.find((m) => m.toLowerCase() === method.toLowerCase());
  if (caseMatch) return { ok: false, note: `Access-Control-Allow-Methods lists "${caseMatch}", but the match is case-sensitive and the browser asked for "${method}".` };
  if (allowMethods.includes('*')) return { ok: false, note: `"*" counts as a wildcard only for requests without credentials, and ${method} is not listed.` };
  return { ok: false, note: `${method} is not listed in Access-Control-Allow-Methods.` };
}

/**
 * EnsureAllowedCrossOriginHeaders for one header name: compared case-insensitively; "*" is a
 * wildcard only without credentials (and, in Chromium 156, it covers Authorization too).
 */
export function checkHeader(name: string, allowHeadersLower: string[], withCredentials: boolean): ListCheck {
  const wildcard = !withCredentials && allowHeadersLower.includes('*');
  if (wildcard) {
    if (name === 'authorization' && !allowHeadersLower.includes('authorization')) return { ok: true, via: 'wildcard-authorization' };
    return { ok: true, via: 'wildcard' };
  }
  if (allowHeadersLower.includes(name)) return { ok: true, via: 'listed' };
  if (allowHeadersLower.length === 0) return { ok: false, note: `The preflight response has no Access-Control-Allow-Headers, so ${name} is not allowed.` };
  if (allowHeadersLower.includes('*')) return { ok: false, note: `"*" is a literal name, not a wildcard, for a request with credentials, and ${name} is not listed.` };
  return { ok: false, note: `${name} is not listed in Access-Control-Allow-Headers.` };
}

/** Parses Access-Control-Allow-Methods (case kept) and Access-Control-Allow-Headers (lower-cased). */
export function parseAllowLists(responseHeaders: readonly Header[]): {
  methods: ReturnType<typeof parseTokenList>;
  headers: ReturnType<typeof parseTokenList>;
  rawMethods: string | null;
  rawHeaders: string | null;
} {
  const rawMethods = getHeader(responseHeaders, 'access-control-allow-methods');
  const rawHeaders = getHeader(responseHeaders, 'access-control-allow-headers');
  const methods = parseTokenList(rawMethods);
  const headers = parseTokenList(rawHeaders);
  return {
    methods,
    headers: headers.ok ? { ok: true, items: headers.items.map((h) => h.toLowerCase()) } : headers,
    rawMethods,
    rawHeaders,
  };
}

export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

/**
 * The headers Chromium puts on the preflight for a request (preflight_controller.cc): Origin, the
 * method, the CORS-unsafe header names lowercased, sorted and comma-joined without spaces, Accept and
 * Sec-Fetch-Mode. Empty when the request needs no preflight.
 */
export function preflightRequestHeaders(origin: string, method: string, headers: readonly Header[]): Header[] {
  const need = preflightNeed(method, headers);
  if (need.reasons.length === 0) return [];
  const names = [...new Set(need.unsafeHeaders.map((h) => h.name.toLowerCase()))].sort();
  return [
    { name: 'Origin', value: origin },
    { name: 'Access-Control-Request-Method', value: method },
    ...(names.length ? [{ name: 'Access-Control-Request-Headers', value: names.join(',') }] : []),
    { name: 'Accept', value: '*/*' },
    { name: 'Sec-Fetch-Mode', value: 'cors' },
  ];
}
