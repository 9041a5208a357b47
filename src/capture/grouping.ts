/**
 * Groups webRequest events of one tab into exchanges: pairs each CORS preflight with the actual
 * request it guarded, follows redirect chains, and notices preflights answered from the browser's
 * preflight cache. Pure: no chrome.*, so it is unit-tested on recorded event traces, and its whole
 * state is plain data that the worker persists (an MV3 worker may be stopped at any time).
 *
 * What Chromium does on the wire (see ../shared/reference/chromium-testing.md): the actual request's
 * onBeforeRequest comes first, then the OPTIONS preflight's whole life, then either the actual request
 * proceeds (its request headers are only seen now) or it errors with net::ERR_FAILED.
 */
import type { EarlierLoad, Exchange, Header, PreflightRecord, RequestRecord, ResponseRecord } from '../model';
import { methodAfterRedirect } from '../rules/cors/redirect';
import type { CaptureEvent, ErrorEvent, RedirectEvent, SendHeadersEvent, StartEvent } from './events';

/** Per webRequest id: what it is to us. */
export interface TrackedRequest {
  role: 'actual' | 'preflight' | 'undecided-options';
  exchangeId: string;
  /** Current URL (changes on redirects). */
  url: string;
  /** Current method (a 303, or a 301/302 after POST, turns it into GET). */
  method: string;
  initiator?: string;
  startedAt: number;
  /** True once the actual request's headers went out (after any preflight). */
  sent: boolean;
  /** The exchange is only shown once its request is cross-origin at some hop… */
  crossOrigin: boolean;
  /** …and in CORS mode: Sec-Fetch-Mode (or Origin) says so once headers go out; until then, guessed from the type. */
  cors?: boolean;
  type?: string;
  /** Response headers received but not yet known to be final (a redirect may follow). */
  pendingResponse?: ResponseRecord;
  /** For OPTIONS requests whose role is decided when their headers are seen. */
  start?: StartEvent;
  /** Actual requests: how many redirects the request had followed when its latest preflight was paired. */
  preflightedAtHop?: number;
  /** Preflights: which of the exchange's preflights this is (0: `preflight`, n: `redirectPreflights[n - 1]`). */
  preflightIndex?: number;
}

export interface GroupingState {
  requests: Record<string, TrackedRequest>;
  /** Recent no-cors loads by URL (bounded): evidence for responses reused from the HTTP cache. */
  noCors?: Record<string, EarlierLoad>;
}

const NO_CORS_MEMORY = 200;

export interface GroupingOptions {
  /** Whether a request with these method and headers needs a preflight (from the rules module). */
  needsPreflight: (method: string, headers: Header[]) => boolean;
}

export interface ExchangeSink {
  get(id: string): Exchange | undefined;
  /** Adds or replaces an exchange; `visible` false keeps it out of the list (not cross-origin yet). */
  put(exchange: Exchange, visible: boolean): void;
  /** Takes a shown exchange out of the list again (it turned out not to be a CORS request). */
  hide(id: string): void;
}

/** Applies `fn` to the n-th preflight of an exchange (0: `preflight`, n: `redirectPreflights[n - 1]`). */
function updatePreflight(x: Exchange, index: number, fn: (p: PreflightRecord) => PreflightRecord): Exchange {
  if (index === 0) return x.preflight ? { ...x, preflight: fn(x.preflight) } : x;
  const later = x.redirectPreflights ?? [];
  const p = later[index - 1];
  if (!p) return x;
  return { ...x, redirectPreflights: later.map((q, i) => (i === index - 1 ? fn(p) : q)) };
}

export function emptyGroupingState(): GroupingState {
  return { requests: {} };
}

/** Hop-by-hop headers describe the connection, not the response: the HTTP cache does not store them. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection']);

function sameStoredHeaders(a: Header[], b: Header[]): boolean {
  const stored = (hs: Header[]) => hs.filter((h) => !HOP_BY_HOP.has(h.name.toLowerCase()));
  const x = stored(a);
  const y = stored(b);
  return x.length === y.length && x.every((h, i) => h.name.toLowerCase() === y[i]?.name.toLowerCase() && h.value === y[i]?.value);
}

const CORS_TYPES = new Set(['xmlhttprequest', 'fetch', 'font', 'script', 'stylesheet', 'image', 'media', 'other', 'ping', 'websocket']);

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.origin === 'null' ? null : u.origin;
    return u.origin;
  } catch {
    return null;
  }
}

export function header(headers: Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

function isPreflightHeaders(headers: Header[]): boolean {
  return header(headers, 'access-control-request-method') !== undefined && header(headers, 'origin') !== undefined;
}

function toResponse(e: { statusCode: number; statusLine?: string; headers: Header[]; fromCache?: boolean; ip?: string }): ResponseRecord {
  const r: ResponseRecord = { status: e.statusCode, headers: e.headers };
  const text = e.statusLine ? /^HTTP\/[\d.]+\s+\d{3}\s?(.*)$/.exec(e.statusLine)?.[1] : undefined;
  if (text) r.statusText = text;
  if (e.fromCache) r.fromCache = 'disk';
  if (e.ip) r.remoteAddress = e.ip;
  return r;
}

/** Names from Access-Control-Request-Headers, as the browser computed them (lowercase, sorted). */
export function requestedHeaderNames(preflightHeaders: Header[]): string[] {
  const v = header(preflightHeaders, 'access-control-request-headers');
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** fetch/XHR are CORS requests unless headers say otherwise; element loads (img, script…) only with crossorigin. */
function shown(t: TrackedRequest): boolean {
  return t.crossOrigin && (t.cors ?? (t.type === 'xmlhttprequest' || t.type === 'fetch'));
}

/** CORS mode from the request headers Chromium sent: Sec-Fetch-Mode, else the Origin header on a GET/HEAD. */
function corsModeOf(method: string, headers: Header[]): boolean | undefined {
  const mode = header(headers, 'sec-fetch-mode')?.toLowerCase();
  if (mode) return mode === 'cors';
  if (method === 'GET' || method === 'HEAD') return header(headers, 'origin') !== undefined;
  return undefined;
}

export class Grouper {
  constructor(
    private state: GroupingState,
    private sink: ExchangeSink,
    private opts: GroupingOptions,
  ) {}

  handle(e: CaptureEvent): void {
    switch (e.kind) {
      case 'start': return this.onStart(e);
      case 'send-headers': return this.onSendHeaders(e);
      case 'headers-received': {
        const t = this.state.requests[e.requestId];
        if (t) t.pendingResponse = toResponse(e);
        return;
      }
      case 'redirect': return this.onRedirect(e);
      case 'completed': return this.onCompleted(e);
      case 'error': return this.onError(e);
    }
  }

  private onStart(e: StartEvent): void {
    // Chromium fires onBeforeRequest again, with the same requestId, for each redirect hop: the hop
    // was recorded by onRedirect already.
    if (this.state.requests[e.requestId]) return;
    if (e.type === 'main_frame' || e.type === 'sub_frame' || !CORS_TYPES.has(e.type)) return;
    if (!e.initiator || e.initiator === 'null' && !e.url.startsWith('http')) return;
    const target = originOf(e.url);
    if (!target) return;
    const exchangeId = `wr-${e.requestId}`;
    const crossOrigin = target !== e.initiator;
    if (e.method === 'OPTIONS') {
      // Either a CORS preflight or a script's own OPTIONS request: decided when its headers are seen.
      this.state.requests[e.requestId] = { role: 'undecided-options', exchangeId, url: e.url, method: e.method, initiator: e.initiator, startedAt: e.timeStamp, sent: false, crossOrigin, start: e };
      return;
    }
    this.track(e, exchangeId, crossOrigin);
  }

  private track(e: StartEvent, exchangeId: string, crossOrigin: boolean): void {
    const t: TrackedRequest = { role: 'actual', exchangeId, url: e.url, method: e.method, startedAt: e.timeStamp, sent: false, crossOrigin, type: e.type, ...(e.initiator ? { initiator: e.initiator } : {}) };
    this.state.requests[e.requestId] = t;
    const exchange: Exchange = {
      id: exchangeId,
      source: 'live',
      pageOrigin: e.initiator ?? 'null',
      tabId: e.tabId,
      frameId: e.frameId,
      resourceType: e.type,
      startedAt: e.timeStamp,
      request: { method: e.method, url: e.url, headers: [] },
      redirects: [],
      observed: {},
      ...(e.documentUrl ? { pageUrl: e.documentUrl } : {}),
    };
    this.sink.put(exchange, shown(t));
  }

  private update(id: string, fn: (x: Exchange) => Exchange): void {
    const t = this.state.requests[id];
    if (!t) return;
    const x = this.sink.get(t.exchangeId);
    if (!x) return;
    this.sink.put(fn(x), shown(t));
  }

  private onSendHeaders(e: SendHeadersEvent): void {
    const t = this.state.requests[e.requestId];
    if (!t) return;
    if (t.role === 'undecided-options') {
      if (isPreflightHeaders(e.headers)) return this.pairPreflight(e, t);
      // A script's own OPTIONS request: an actual request like any other.
      const start = t.start;
      delete this.state.requests[e.requestId];
      if (start) this.track(start, t.exchangeId, t.crossOrigin);
    }
    const tracked = this.state.requests[e.requestId];
    if (!tracked || tracked.role !== 'actual') return;
    tracked.sent = true;
    const cors = corsModeOf(tracked.method, e.headers);
    if (cors !== undefined) tracked.cors = cors;
    if (!shown(tracked)) this.sink.hide(tracked.exchangeId);
    this.update(e.requestId, (x) => {
      // Keep the headers of the first hop: that is what the page asked for.
      const request: RequestRecord = x.request.headers.length ? x.request : { ...x.request, headers: e.headers };
      const needed = this.opts.needsPreflight(request.method, request.headers);
      const fromCache = needed && !x.preflight && x.redirects.length === 0 && x.pageOrigin !== originOf(x.request.url);
      return { ...x, request, ...(fromCache ? { preflightFromCache: true } : {}) };
    });
  }

  private pairPreflight(e: SendHeadersEvent, t: TrackedRequest): void {
    const origin = header(e.headers, 'origin');
    const method = header(e.headers, 'access-control-request-method');
    // The actual request this preflight guards: same URL, waiting to be sent, asking that method,
    // from that origin (or from any origin once a redirect tainted it to "null"), not yet paired
    // since its last redirect (a redirect that restarts the request brings a new preflight).
    // Earliest first, so concurrent identical requests pair in order and never cross. Never one that
    // started after the preflight did: a request starts before its preflight, and a preflight's events
    // can reach the worker late, after its own request failed and a later one to the URL started.
    let best: { id: string; tr: TrackedRequest } | undefined;
    for (const [id, tr] of Object.entries(this.state.requests)) {
      if (tr === t || tr.sent || tr.url !== t.url || tr.method !== method || tr.startedAt > t.startedAt) continue;
      if (tr.role !== 'actual' && tr.role !== 'undecided-options') continue;
      if (origin !== 'null' && tr.initiator !== origin) continue;
      const x = this.sink.get(tr.exchangeId);
      const pairedAt = tr.preflightedAtHop ?? (x?.preflight ? 0 : undefined);
      if (tr.role === 'actual' && (!x || (pairedAt !== undefined && x.redirects.length <= pairedAt))) continue;
      if (!best || tr.startedAt < best.tr.startedAt) best = { id, tr };
    }
    const preflightRequest: RequestRecord = { method: 'OPTIONS', url: t.url, headers: e.headers };
    if (best) {
      if (best.tr.role === 'undecided-options' && best.tr.start) {
        // A script's own OPTIONS request, now known to be the actual request this preflight guards.
        this.track(best.tr.start, best.tr.exchangeId, best.tr.crossOrigin);
        best = { id: best.id, tr: this.state.requests[best.id] as TrackedRequest };
      }
      const actual = best.tr;
      actual.cors = true;
      t.role = 'preflight';
      t.exchangeId = actual.exchangeId;
      delete t.start;
      this.update(best.id, (x) => {
        const record: PreflightRecord = { request: preflightRequest, startedAt: t.startedAt };
        actual.preflightedAtHop = x.redirects.length;
        if (!x.preflight) {
          t.preflightIndex = 0;
          return { ...x, preflight: record };
        }
        // A redirect restarted the request: Chromium preflights the new URL too. Keep both.
        const later = [...(x.redirectPreflights ?? []), record];
        t.preflightIndex = later.length;
        return { ...x, redirectPreflights: later };
      });
      return;
    }
    // A preflight whose actual request we did not see start (e.g. capture began mid-flight):
    // keep it as its own exchange, with the actual request reconstructed from what it asked.
    t.role = 'preflight';
    t.cors = true;
    delete t.start;
    const exchange: Exchange = {
      id: t.exchangeId,
      source: 'live',
      pageOrigin: origin ?? t.initiator ?? 'null',
      startedAt: t.startedAt,
      request: { method: method ?? 'GET', url: t.url, headers: requestedHeaderNames(e.headers).map((name) => ({ name, value: '' })) },
      redirects: [],
      preflight: { request: preflightRequest, startedAt: t.startedAt },
      observed: {},
    };
    this.sink.put(exchange, shown(t));
  }

  private onRedirect(e: RedirectEvent): void {
    const t = this.state.requests[e.requestId];
    if (!t) return;
    const hop = { url: t.url, response: toResponse(e), location: e.redirectUrl };
    if (t.role === 'preflight') {
      this.update(e.requestId, (x) => updatePreflight(x, t.preflightIndex ?? 0, (p) => ({ ...p, redirect: hop })));
      return;
    }
    if (t.role !== 'actual') return;
    t.url = e.redirectUrl;
    // The next leg's preflight asks for the method the redirect left (e.g. GET after a 303).
    t.method = methodAfterRedirect(e.statusCode, t.method);
    t.sent = false; // a cross-origin hop may need its own preflight
    delete t.pendingResponse;
    const next = originOf(e.redirectUrl);
    if (next && t.initiator && next !== t.initiator) t.crossOrigin = true;
    this.update(e.requestId, (x) => ({ ...x, redirects: [...x.redirects, hop] }));
  }

  /** Remembers a finished no-cors load, so a later CORS request to the URL can be told about it. */
  private rememberNoCors(t: TrackedRequest, response: ResponseRecord): void {
    const memory = (this.state.noCors ??= {});
    delete memory[t.url];
    memory[t.url] = { url: t.url, startedAt: t.startedAt, ...(t.type ? { resourceType: t.type } : {}), response };
    const urls = Object.keys(memory);
    for (const u of urls.slice(0, Math.max(0, urls.length - NO_CORS_MEMORY))) delete memory[u];
  }

  /**
   * Links an earlier no-cors load of the same URL. When this response is line-for-line the one that
   * load got (same Date, same everything), the HTTP cache handed it over: webRequest and DevTools do
   * not say so for a response CORS then rejects.
   */
  private withEarlierLoad(x: Exchange, t: TrackedRequest, response: ResponseRecord | undefined): Exchange {
    const earlier = this.state.noCors?.[t.url];
    if (!earlier || earlier.startedAt > t.startedAt) return x;
    const out: Exchange = { ...x, earlierLoad: earlier };
    if (response && !response.fromCache && sameStoredHeaders(response.headers, earlier.response.headers) && header(response.headers, 'date') !== undefined) {
      out.response = { ...response, fromCache: 'disk' };
    }
    return out;
  }

  private onCompleted(e: { requestId: string; statusCode: number; statusLine?: string; headers: Header[]; fromCache?: boolean; ip?: string }): void {
    const t = this.state.requests[e.requestId];
    if (!t) return;
    const response = toResponse(e);
    if (t.role === 'actual' && t.cors === false) this.rememberNoCors(t, response);
    if (t.role === 'preflight') {
      this.update(e.requestId, (x) => updatePreflight(x, t.preflightIndex ?? 0, (p) => ({ ...p, response })));
    } else if (t.role === 'actual') {
      this.update(e.requestId, (x) => this.withEarlierLoad({ ...x, response, observed: { failed: false } }, t, response));
    }
    delete this.state.requests[e.requestId];
  }

  private onError(e: ErrorEvent): void {
    const t = this.state.requests[e.requestId];
    if (!t) return;
    if (t.role === 'preflight') {
      this.update(e.requestId, (x) => updatePreflight(x, t.preflightIndex ?? 0, (p) => {
        const response = p.response ?? t.pendingResponse;
        return { ...p, error: e.error, ...(response ? { response } : {}) };
      }));
    } else if (t.role === 'actual') {
      this.update(e.requestId, (x) => {
        // A response whose headers arrived but which CORS then rejected: keep it, it is the evidence.
        let response = t.pendingResponse ?? x.response;
        // A cached response rejected by CORS: onHeadersReceived does not say "from cache", onErrorOccurred does.
        if (response && e.fromCache && !response.fromCache) response = { ...response, fromCache: 'disk' };
        let request = x.request;
        if (!request.headers.length && x.preflight) {
          // Blocked at the preflight: the actual request's headers never went out, but the
          // preflight says which non-safelisted headers it would have carried.
          request = { ...request, headers: requestedHeaderNames(x.preflight.request.headers).map((name) => ({ name, value: '' })) };
        }
        return this.withEarlierLoad({ ...x, request, ...(response ? { response } : {}), observed: { failed: true, errorText: e.error } }, t, response);
      });
    }
    delete this.state.requests[e.requestId];
  }
}
