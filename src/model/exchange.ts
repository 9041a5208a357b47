/**
 * The exchange: the one data type that flows through CORS Lens.
 *
 * Live capture (webRequest in the worker), HAR import, the CLI's probe and the
 * simulator all produce exchanges; the rules module turns one into a Diagnosis.
 * Everything here is plain, JSON-serialisable data (it is persisted in
 * chrome.storage.session and posted between worker and panel).
 */

/** One header line as seen on the wire. Order and repeated lines are preserved: they matter (e.g. two ACAO lines). */
export interface Header {
  name: string;
  value: string;
}

export interface RequestRecord {
  method: string;
  url: string;
  headers: Header[];
}

/** Where a response came from when it did not come from the network just now. */
export type CacheSource = 'memory' | 'disk' | 'service-worker' | 'prefetch';

export interface ResponseRecord {
  status: number;
  statusText?: string;
  headers: Header[];
  /** A bounded snippet of the body when known (HAR content, lab, probe): platform signatures live there. */
  body?: string;
  /** Set when the response was served from a cache instead of the network. */
  fromCache?: CacheSource;
  /** The remote IP when known (private API / VPC endpoint hints). */
  remoteAddress?: string;
}

/** A redirect answered to the actual request (or to the preflight). */
export interface RedirectHop {
  /** The URL that was requested and answered with a redirect. */
  url: string;
  response: ResponseRecord;
  /** The Location it pointed to, resolved against `url`. */
  location: string;
}

export type CredentialsMode = 'omit' | 'same-origin' | 'include';
export type RequestMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate';

export interface PreflightRecord {
  request: RequestRecord;
  /** Absent when the preflight never got a response (network error, cancelled). */
  response?: ResponseRecord;
  /** A redirect answered to the preflight (always fatal for CORS). */
  redirect?: RedirectHop;
  /** Network error text of the preflight itself, if any (e.g. net::ERR_CONNECTION_REFUSED). */
  error?: string;
  startedAt?: number;
}

/**
 * What the browser reported about the outcome, independent of our own reasoning.
 * Used to infer the credentials mode and to cross-check the engine.
 */
export interface Observed {
  /** True when the request failed (net error / CORS). Undefined when unknown (e.g. a request still in flight). */
  failed?: boolean;
  /** The browser's error text, e.g. "net::ERR_FAILED". */
  errorText?: string;
  /** Chromium's own CORS verdict when available (CDP), for differential tests. */
  corsError?: string;
  failedParameter?: string;
}

/** An earlier load of a URL whose response the HTTP cache may have stored (see Exchange.earlierLoad). */
export interface EarlierLoad {
  url: string;
  startedAt: number;
  resourceType?: string;
  response: ResponseRecord;
  /** The Origin header the load sent for that URL: set for a CORS load, absent for a no-cors one. */
  origin?: string;
  /** The earlier CORS load's own exchange (same source), when it is one. */
  exchangeId?: string;
}

export type ExchangeSource = 'live' | 'har' | 'probe' | 'simulator';

export interface Exchange {
  /** Stable id within its source (webRequest requestId, HAR index …). */
  id: string;
  source: ExchangeSource;
  /** Origin of the document or worker that made the request (serialised, e.g. "http://127.0.0.1:4310"). */
  pageOrigin: string;
  /** Top-level page URL when known (for display and grouping). */
  pageUrl?: string;
  tabId?: number;
  frameId?: number;
  /** webRequest/HAR resource type, e.g. "xmlhttprequest", "fetch", "script", "image". */
  resourceType?: string;
  /** Epoch milliseconds when the actual request started. */
  startedAt: number;
  /** The actual request as first sent: URL before any redirect. */
  request: RequestRecord;
  /** Credentials mode when known. When absent the rules infer it from the outcome. */
  credentials?: CredentialsMode;
  /** Request mode when known; absent means "cors" for fetch/XHR. */
  mode?: RequestMode;
  /** Redirects followed by the actual request, in order. */
  redirects: RedirectHop[];
  /** The final response, when one arrived (it is often present even for a blocked request). */
  response?: ResponseRecord;
  /**
   * The capture shows a request to the last URL of the redirect chain, though no response to it
   * (DevTools' HAR writes a response that CORS rejected from the HTTP cache as status 0): the browser
   * did follow the last redirect.
   */
  lastLegRequested?: boolean;
  /** The preflight that guarded this request, when one was sent and seen (the first one, when there were several). */
  preflight?: PreflightRecord;
  /**
   * Preflights sent after a redirect, in order. When a redirect restarts a request that still needs a
   * preflight (e.g. a PUT answered 307 to another origin), Chromium preflights the new URL, with
   * `Origin: null` once the redirect tainted the origin. Each one's `request.url` is the URL it guarded.
   */
  redirectPreflights?: PreflightRecord[];
  /**
   * True when the request needed a preflight but none went on the wire: the browser's preflight
   * cache answered. `cachedPreflightId` links the earlier preflight exchange when it was seen.
   */
  preflightFromCache?: boolean;
  cachedPreflightId?: string;
  observed: Observed;
  /**
   * The latest earlier load of the URL this request ended at (after its redirects) in the same tab: a
   * no-cors one (an <img>, a plain <script>) or another CORS request. A response it stored in the HTTP
   * cache may be what this request was handed (`Vary: Origin` stops that only when the Origins differ).
   */
  earlierLoad?: EarlierLoad;
  /** Free-form initiator description (script URL:line), for display. */
  initiator?: string;
}
