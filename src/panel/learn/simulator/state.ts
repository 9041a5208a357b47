/**
 * The simulator's state and the Exchange it stands for (pure). The user edits text (header lines,
 * status numbers); the state also keeps the parsed headers, so an exchange carried over from a
 * capture round-trips exactly (values with odd spacing included) until the user edits that part.
 */
import type { CredentialsMode, Exchange, ExchangeSource, Header, PreflightRecord, RedirectHop, RequestRecord, ResponseRecord } from '../../../model';
import { isSameOrigin, preflightNeed } from '../../../rules/cors';
import { preflightRequestHeaders } from '../../../rules/cors/test-support';

/** One answer of the server (the preflight's or the actual request's). */
export interface AnswerState {
  status: string;
  headersText: string;
  headers: Header[];
  body: string;
  /** Facts of a captured answer kept while it is not edited (status text, cache source, remote address). */
  extra?: Pick<ResponseRecord, 'statusText' | 'fromCache' | 'remoteAddress'>;
  /** The captured preflight got no answer: its network error. Editing the answer replaces it. */
  error?: string;
  /** The captured preflight was answered with a redirect; kept as captured until edited. */
  redirect?: RedirectHop;
  /** No answer at all (a captured request that never got one). Editing the answer adds one. */
  none?: boolean;
}

export type SimFrom =
  | { kind: 'preset'; id: string }
  | { kind: 'capture'; id: string; source: ExchangeSource }
  | { kind: 'edited' };

export interface SimState {
  pageOrigin: string;
  url: string;
  method: string;
  credentials: CredentialsMode;
  requestHeadersText: string;
  requestHeaders: Header[];
  /** The browser reused a cached preflight: no OPTIONS goes on the wire. */
  preflightFromCache: boolean;
  /** A captured request that had a preflight although no method or header needed one (XHR upload listeners…). */
  forcePreflight: boolean;
  preflight: AnswerState;
  response: AnswerState;
  /** The captured OPTIONS request, used while the request side is not edited (else it is derived, as Chromium builds it). */
  capturedPreflightRequest?: RequestRecord;
  /** Redirects of a captured exchange, kept read-only until the URL changes. */
  redirects: RedirectHop[];
  /** Context of a captured exchange carried along unchanged (page URL, resource type, mode, an earlier no-cors load…). */
  context: Partial<Pick<Exchange, ContextKey>>;
  /** When the captured preflight started (kept with it). */
  preflightStartedAt?: number;
  from: SimFrom;
}

export const SIM_EXCHANGE_ID = 'simulator';

const CONTEXT_KEYS = ['pageUrl', 'tabId', 'frameId', 'resourceType', 'mode', 'earlierLoad', 'initiator', 'startedAt', 'cachedPreflightId'] as const;
type ContextKey = (typeof CONTEXT_KEYS)[number];

// ---- header lines ----------------------------------------------------------------------------

export interface ParsedLines {
  headers: Header[];
  /** A leading "HTTP/1.1 403 Forbidden" line (pasted from curl -i), when there was one. */
  status?: number;
  /** 1-based numbers of lines that are not `Name: value`. */
  invalid: number[];
}

/** Parses `Name: value` lines (blank lines ignored; a status line from `curl -i` output understood). */
export function parseHeaderLines(text: string): ParsedLines {
  const headers: Header[] = [];
  const invalid: number[] = [];
  let status: number | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const statusLine = /^HTTP\/[\d.]+\s+(\d{3})\b/i.exec(line);
    if (statusLine && headers.length === 0 && status === undefined) { status = Number(statusLine[1]); return; }
    const colon = line.indexOf(':');
    if (colon <= 0) { invalid.push(i + 1); return; }
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  });
  return status === undefined ? { headers, invalid } : { headers, status, invalid };
}

export function headerLines(headers: readonly Header[]): string {
  return headers.map((h) => `${h.name}: ${h.value}`).join('\n');
}

/** A status typed by the user: an integer 0–999 (0 = no status), else null. */
export function parseStatus(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  return Number(t);
}

// ---- building ----------------------------------------------------------------------------------

export function answer(status: number, headers: readonly Header[] | Record<string, string>, body = ''): AnswerState {
  const list: Header[] = Array.isArray(headers) ? headers.map((h) => ({ ...h })) : Object.entries(headers).map(([name, value]) => ({ name, value }));
  return { status: String(status), headersText: headerLines(list), headers: list, body };
}

export const NO_ANSWER: AnswerState = { status: '', headersText: '', headers: [], body: '', none: true };

/** What the page sends: does the browser need a preflight for it (ignoring the preflight cache)? */
export function simPreflight(state: SimState): { crossOrigin: boolean; needed: boolean; reasons: string[] } {
  const crossOrigin = !isSameOrigin(state.pageOrigin, state.url);
  if (!crossOrigin) return { crossOrigin, needed: false, reasons: [] };
  const reasons = preflightNeed(state.method, state.requestHeaders).reasons;
  return { crossOrigin, needed: reasons.length > 0 || state.forcePreflight, reasons };
}

/** True when an OPTIONS request goes on the wire (needed, and not answered from the preflight cache). */
export function preflightSent(state: SimState): boolean {
  const p = simPreflight(state);
  return p.needed && !state.preflightFromCache;
}

/** The OPTIONS request the browser sends for this state (the captured one while the request is unedited). */
export function simPreflightRequest(state: SimState): RequestRecord {
  return state.capturedPreflightRequest ?? {
    method: 'OPTIONS',
    url: state.url,
    headers: preflightRequestHeaders(state.pageOrigin, state.method, state.requestHeaders),
  };
}

function toResponse(a: AnswerState): ResponseRecord {
  const status = parseStatus(a.status) ?? 0;
  const r: ResponseRecord = { status, headers: a.headers.map((h) => ({ ...h })) };
  if (a.extra?.statusText !== undefined) r.statusText = a.extra.statusText;
  if (a.body !== '') r.body = a.body;
  if (a.extra?.fromCache) r.fromCache = a.extra.fromCache;
  if (a.extra?.remoteAddress) r.remoteAddress = a.extra.remoteAddress;
  return r;
}

/**
 * The Exchange the simulator judges: source "simulator", an explicit credentials mode, and the
 * preflight only when the browser would send one. Nothing observed: the rules judge the headers alone.
 */
export function toExchange(state: SimState): Exchange {
  const exchange: Exchange = {
    ...structuredClone(state.context),
    id: SIM_EXCHANGE_ID,
    source: 'simulator',
    pageOrigin: state.pageOrigin,
    startedAt: state.context.startedAt ?? 0,
    request: { method: state.method, url: state.url, headers: state.requestHeaders.map((h) => ({ ...h })) },
    credentials: state.credentials,
    redirects: structuredClone(state.redirects),
    observed: {},
  };
  const p = simPreflight(state);
  if (p.needed && state.preflightFromCache) exchange.preflightFromCache = true;
  else delete exchange.cachedPreflightId;
  if (preflightSent(state)) {
    const record: PreflightRecord = { request: structuredClone(simPreflightRequest(state)) };
    if (state.preflightStartedAt !== undefined) record.startedAt = state.preflightStartedAt;
    const a = state.preflight;
    if (a.redirect) record.redirect = structuredClone(a.redirect);
    else if (a.error !== undefined) record.error = a.error;
    else if (!a.none) record.response = toResponse(a);
    exchange.preflight = record;
  }
  if (!state.response.none) exchange.response = toResponse(state.response);
  return exchange;
}

/**
 * The simulator's state for a captured exchange, carried over intact: request (method, URL, every
 * header line), page origin, credentials (the recorded mode, else the one the rules inferred),
 * both answers, redirects and context. What the browser observed is left behind on purpose: the
 * simulator asks "what would these headers do", not "what happened".
 */
export function fromExchange(exchange: Exchange, inferredCredentials?: CredentialsMode): SimState {
  const e = structuredClone(exchange);
  const pf = e.preflight;
  let preflight: AnswerState = NO_ANSWER;
  if (pf?.redirect) {
    preflight = { ...answer(pf.redirect.response.status, pf.redirect.response.headers, pf.redirect.response.body ?? ''), redirect: pf.redirect };
  } else if (pf?.response) {
    preflight = captured(pf.response);
  } else if (pf?.error !== undefined) {
    preflight = { ...NO_ANSWER, error: pf.error };
  }
  const needed = preflightNeed(e.request.method, e.request.headers).reasons.length > 0;
  const context: SimState['context'] = {};
  for (const key of CONTEXT_KEYS) {
    if (e[key] !== undefined) (context as Record<string, unknown>)[key] = e[key];
  }
  return {
    pageOrigin: e.pageOrigin,
    url: e.request.url,
    method: e.request.method,
    credentials: e.credentials ?? inferredCredentials ?? 'same-origin',
    requestHeadersText: headerLines(e.request.headers),
    requestHeaders: e.request.headers,
    preflightFromCache: e.preflightFromCache === true,
    forcePreflight: pf !== undefined && !needed,
    preflight,
    response: e.response ? captured(e.response) : NO_ANSWER,
    ...(pf ? { capturedPreflightRequest: pf.request } : {}),
    ...(pf?.startedAt !== undefined ? { preflightStartedAt: pf.startedAt } : {}),
    redirects: e.redirects,
    context,
    from: { kind: 'capture', id: e.id, source: e.source },
  };
}

function captured(r: ResponseRecord): AnswerState {
  const extra: AnswerState['extra'] = {};
  if (r.statusText !== undefined) extra.statusText = r.statusText;
  if (r.fromCache) extra.fromCache = r.fromCache;
  if (r.remoteAddress) extra.remoteAddress = r.remoteAddress;
  return { ...answer(r.status, r.headers, r.body ?? ''), ...(Object.keys(extra).length ? { extra } : {}) };
}

// ---- edits -------------------------------------------------------------------------------------

export type RequestPatch = Partial<Pick<SimState, 'pageOrigin' | 'url' | 'method' | 'credentials' | 'requestHeadersText' | 'preflightFromCache' | 'forcePreflight'>>;

/** An edit of the request side. A different request means a different OPTIONS request (derived again). */
export function editRequest(state: SimState, patch: RequestPatch): SimState {
  const next: SimState = { ...state, ...patch, from: state.from.kind === 'capture' ? state.from : { kind: 'edited' } };
  if (patch.requestHeadersText !== undefined) next.requestHeaders = parseHeaderLines(patch.requestHeadersText).headers;
  const requestChanged = (['pageOrigin', 'url', 'method', 'requestHeadersText'] as const).some((k) => patch[k] !== undefined && patch[k] !== state[k]);
  if (requestChanged) delete next.capturedPreflightRequest;
  if (patch.url !== undefined && patch.url !== state.url) next.redirects = [];
  return next;
}

export type AnswerPatch = Partial<Pick<AnswerState, 'status' | 'headersText' | 'body'>>;

/** An edit of one answer: it becomes a plain answer (a captured error, redirect or absence is replaced). */
export function editAnswer(a: AnswerState, patch: AnswerPatch): AnswerState {
  const base = a.none || a.error !== undefined ? { ...a, status: a.status || '200' } : a;
  const next: AnswerState = { status: base.status, headersText: base.headersText, headers: base.headers, body: base.body, ...patch };
  if (patch.headersText !== undefined) {
    const parsed = parseHeaderLines(patch.headersText);
    next.headers = parsed.headers;
    if (parsed.status !== undefined && patch.status === undefined) next.status = String(parsed.status);
  }
  // A captured status text describes the captured status only.
  if (a.extra) {
    const statusChanged = next.status !== a.status;
    if (!statusChanged) next.extra = a.extra;
    else {
      const { statusText: _s, ...rest } = a.extra;
      if (Object.keys(rest).length) next.extra = rest;
    }
  }
  return next;
}

/** An edit of the preflight's or the actual request's answer, in the state. */
export function editSimAnswer(state: SimState, which: 'preflight' | 'response', patch: AnswerPatch): SimState {
  return { ...state, [which]: editAnswer(state[which], patch), from: state.from.kind === 'capture' ? state.from : { kind: 'edited' } };
}
