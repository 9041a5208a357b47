/**
 * Facts: what the exchange and the verdict say, computed once and shared by every finding and
 * platform rule (which response failed, what the browser asked, what the server allowed).
 * Only observation here — no opinions about causes.
 */
import type { Exchange, Phase, RedirectHop, ResponseRecord, Verdict } from '../../model';
import { hasHeader, headerValue, originOf, parseUrl, splitList } from './wire';

export interface Located {
  /** Human label used in evidence, e.g. "preflight response". */
  where: string;
  response: ResponseRecord;
}

export interface Facts {
  pageOrigin: string;
  /** The Origin the final actual request carried: "null" after a tainting cross-origin redirect. */
  sentOrigin: string;
  url: URL | null;
  finalUrl: URL | null;
  /** Lowercased host of the request URL ('' when unparseable). */
  host: string;
  /** The actual request's method, exactly as sent (method checks are case-sensitive). */
  method: string;
  credentialsInclude: boolean;
  credentialsInferred: boolean;
  preflightSent: boolean;
  preflight?: ResponseRecord;
  preflightRedirect?: RedirectHop;
  actual?: ResponseRecord;
  /** The response whose check failed; the actual response when nothing failed. */
  failing?: Located;
  failingPhase: Phase | null;
  /** Lowercased names the preflight asked for (Access-Control-Request-Headers), or inferred from the request. */
  requestedHeaders: string[];
  requestedHeadersInferred: boolean;
  /** Every requested header the preflight answer does not allow (Chromium's rules), not only the first. */
  missingHeaders: string[];
  /** Whether the preflight answer allows the method; null without a preflight response. */
  methodAllowed: boolean | null;
  taintedByRedirect: boolean;
  /** Every response seen, labelled, for platform detection and evidence. */
  responses: Located[];
}

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** Request headers a script cannot set or that the browser/DevTools add on its own: never part of a preflight. */
const NOT_SCRIPT_HEADERS = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin',
  'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via', 'user-agent',
  // Added by the browser or by DevTools' "Disable cache", not by the page.
  'priority', 'cache-control', 'pragma',
]);

const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Approximation of the Fetch safelist, used only when no preflight record tells us what was asked. */
function isSafelisted(name: string, value: string): boolean {
  if (value.length > 128) return false;
  switch (name) {
    case 'accept':
      // eslint-disable-next-line no-control-regex -- the CORS-unsafe request-header bytes are control characters
      return !/[\u0000-\u0008\u000a-\u001f"():<>?@[\\\]{}\u007f]/.test(value);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type':
      return SIMPLE_CONTENT_TYPES.has((value.split(';')[0] ?? '').trim().toLowerCase());
    case 'range':
      return /^bytes=\d+-\d*$/.test(value);
    default:
      return false;
  }
}

function inferRequestedHeaders(exchange: Exchange): string[] {
  const names = new Set<string>();
  for (const h of exchange.request.headers) {
    const name = h.name.toLowerCase();
    if (name.startsWith(':') || name.startsWith('sec-') || name.startsWith('proxy-')) continue;
    if (NOT_SCRIPT_HEADERS.has(name) || isSafelisted(name, h.value)) continue;
    names.add(name);
  }
  return [...names].sort();
}

/** Requested headers the ACAH value does not allow, following Chromium 156 (see cors-checks.md §2). */
/**
 * Another answer of the exchange that did carry Access-Control-Allow-Origin: the sign that a server adds
 * the CORS headers to some answers only (nginx add_header, httpd Header set, without `always`).
 */
export function otherAnswerWithAllowOrigin(facts: Facts, r: ResponseRecord): Located | undefined {
  return facts.responses.find((x) => x.response !== r && hasHeader(x.response, 'access-control-allow-origin'));
}

export function missingHeadersFor(requested: readonly string[], allowHeaders: string | null, credentialsInclude: boolean): string[] {
  const allowed = new Set(splitList(allowHeaders).map((h) => h.toLowerCase()));
  // Without credentials `*` is a wildcard (Chromium 156 lets it cover Authorization too); with credentials it is a literal name.
  if (!credentialsInclude && allowed.has('*')) return [];
  return requested.filter((h) => !allowed.has(h.toLowerCase()));
}

export function methodAllowedBy(method: string, allowMethods: string | null, credentialsInclude: boolean): boolean {
  if (SAFELISTED_METHODS.has(method.toUpperCase())) return true;
  const allowed = splitList(allowMethods);
  if (!credentialsInclude && allowed.includes('*')) return true;
  return allowed.includes(method);
}

/** Fetch's tainted-origin rule: a cross-origin request redirected to yet another origin sends `Origin: null`. */
function tainted(exchange: Exchange, pageOrigin: string): boolean {
  for (const hop of exchange.redirects) {
    const from = originOf(hop.url);
    const to = originOf(hop.location);
    if (from && to && from !== to && from !== pageOrigin) return true;
  }
  return false;
}

function failingLocated(exchange: Exchange, verdict: Verdict, pageOrigin: string): Located | undefined {
  if (!verdict.blocked) return exchange.response ? { where: 'response', response: exchange.response } : undefined;
  switch (verdict.phase) {
    case 'preflight': {
      if (exchange.preflight?.redirect) return { where: 'preflight response', response: exchange.preflight.redirect.response };
      return exchange.preflight?.response ? { where: 'preflight response', response: exchange.preflight.response } : undefined;
    }
    case 'redirect': {
      // The first hop whose answer does not let this origin through is the one Chromium stopped at.
      const hop = exchange.redirects.find((h) => {
        const acao = headerValue(h.response, 'access-control-allow-origin');
        return acao !== '*' && acao !== pageOrigin;
      }) ?? exchange.redirects[exchange.redirects.length - 1];
      return hop ? { where: 'redirect response', response: hop.response } : undefined;
    }
    case 'actual':
      return exchange.response ? { where: 'response', response: exchange.response } : undefined;
    default:
      return undefined;
  }
}

export function computeFacts(exchange: Exchange, verdict: Verdict): Facts {
  const pageOrigin = exchange.pageOrigin;
  const url = parseUrl(exchange.request.url);
  const lastHop = exchange.redirects[exchange.redirects.length - 1];
  const finalUrl = lastHop ? parseUrl(lastHop.location) : url;
  const credentialsInclude = verdict.credentials.mode === 'include';
  const preflightRecord = exchange.preflight;
  const preflight = preflightRecord?.redirect?.response ?? preflightRecord?.response;
  const acrh = preflightRecord ? headerValue(preflightRecord.request, 'access-control-request-headers') : null;
  const requestedHeaders = acrh !== null
    ? [...new Set(splitList(acrh).map((h) => h.toLowerCase()))]
    : inferRequestedHeaders(exchange);
  const isTainted = tainted(exchange, pageOrigin);

  const responses: Located[] = [];
  if (preflightRecord?.redirect) responses.push({ where: 'preflight response', response: preflightRecord.redirect.response });
  else if (preflightRecord?.response) responses.push({ where: 'preflight response', response: preflightRecord.response });
  exchange.redirects.forEach((hop, i) => responses.push({ where: `redirect ${i + 1} response`, response: hop.response }));
  if (exchange.response) responses.push({ where: 'response', response: exchange.response });

  const preflightAnswer = preflightRecord?.response && !preflightRecord.redirect ? preflightRecord.response : undefined;
  return {
    pageOrigin,
    sentOrigin: isTainted ? 'null' : pageOrigin,
    url,
    finalUrl,
    host: url?.hostname.toLowerCase() ?? '',
    method: exchange.request.method,
    credentialsInclude,
    credentialsInferred: verdict.credentials.inferred,
    preflightSent: preflightRecord !== undefined,
    preflight,
    preflightRedirect: preflightRecord?.redirect,
    actual: exchange.response,
    failing: failingLocated(exchange, verdict, pageOrigin),
    failingPhase: verdict.phase,
    requestedHeaders,
    requestedHeadersInferred: acrh === null,
    missingHeaders: preflightAnswer
      ? missingHeadersFor(requestedHeaders, headerValue(preflightAnswer, 'access-control-allow-headers'), credentialsInclude)
      : [],
    methodAllowed: preflightAnswer
      ? methodAllowedBy(exchange.request.method, headerValue(preflightAnswer, 'access-control-allow-methods'), credentialsInclude)
      : null,
    taintedByRedirect: isTainted,
    responses,
  };
}
