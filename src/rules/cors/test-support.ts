/**
 * A small builder of exchanges for tests (and the simulator): say only what matters to the case,
 * get a complete, valid Exchange.
 *
 *   buildExchange({
 *     origin: 'https://app.example', url: 'https://api.example/items', method: 'PUT',
 *     headers: { 'X-Api-Key': 'k' },
 *     preflight: { status: 204, headers: corsHeaders({ origin: 'https://app.example', methods: 'PUT', headers: 'x-api-key' }) },
 *     response: { status: 200, headers: { 'Access-Control-Allow-Origin': 'https://app.example' } },
 *     credentials: 'include',
 *   });
 *
 * The preflight's request (OPTIONS with Origin, Access-Control-Request-Method and
 * Access-Control-Request-Headers) is derived from the actual request the way Chromium builds it.
 */
import type { CacheSource, CredentialsMode, Exchange, Header, Observed, PreflightRecord, RedirectHop, RequestMode, ResponseRecord } from '../../model';
import { analyzeRequestHeaders } from './safelist';

/** Headers as a record (an array value gives repeated lines), a list of pairs, or Header objects. */
export type HeaderInput = Record<string, string | string[]> | [string, string][] | Header[];

export interface ResponseSpec {
  status?: number;
  headers?: HeaderInput;
  body?: string;
  fromCache?: CacheSource;
}

export interface PreflightSpec extends ResponseSpec {
  /** Replace the derived OPTIONS request headers. */
  requestHeaders?: HeaderInput;
  /** The preflight was answered with a redirect to this URL (status defaults to 302). */
  redirectTo?: string;
  /** The preflight failed with this network error and has no response. */
  error?: string;
}

export interface RedirectSpec {
  location: string;
  status?: number;
  headers?: HeaderInput;
}

export interface ExchangeSpec {
  id?: string;
  /** The page origin. Default "https://app.example". */
  origin?: string;
  /** The request URL. Default "https://api.example/items". */
  url?: string;
  method?: string;
  headers?: HeaderInput;
  credentials?: CredentialsMode;
  mode?: RequestMode;
  resourceType?: string;
  /** Give a preflight (answered or not), or leave it out. */
  preflight?: PreflightSpec;
  preflightFromCache?: boolean;
  redirects?: RedirectSpec[];
  /** The final response; `null` for none. Default: 200 with no headers. */
  response?: ResponseSpec | null;
  /** What the browser reported. Default: nothing known. */
  observed?: Observed;
}

export const DEFAULT_ORIGIN = 'https://app.example';
export const DEFAULT_URL = 'https://api.example/items';

export function toHeaders(input: HeaderInput | undefined): Header[] {
  if (!input) return [];
  if (Array.isArray(input)) {
    return input.map((h) => (Array.isArray(h) ? { name: h[0], value: h[1] } : { name: h.name, value: h.value }));
  }
  const out: Header[] = [];
  for (const [name, value] of Object.entries(input)) {
    for (const v of Array.isArray(value) ? value : [value]) out.push({ name, value: v });
  }
  return out;
}

function response(spec: ResponseSpec): ResponseRecord {
  const r: ResponseRecord = { status: spec.status ?? 200, headers: toHeaders(spec.headers) };
  if (spec.body !== undefined) r.body = spec.body;
  if (spec.fromCache) r.fromCache = spec.fromCache;
  return r;
}

/** The OPTIONS request Chromium sends for this request (Origin, ACRM, sorted lower-case ACRH). */
export function preflightRequestHeaders(origin: string, method: string, headers: Header[]): Header[] {
  const unsafe = analyzeRequestHeaders(headers).unsafe.map((h) => h.name).sort();
  const out: Header[] = [
    { name: 'Accept', value: '*/*' },
    { name: 'Access-Control-Request-Method', value: method },
  ];
  if (unsafe.length > 0) out.push({ name: 'Access-Control-Request-Headers', value: unsafe.join(',') });
  out.push({ name: 'Origin', value: origin }, { name: 'Sec-Fetch-Mode', value: 'cors' });
  return out;
}

export function buildExchange(spec: ExchangeSpec = {}): Exchange {
  const origin = spec.origin ?? DEFAULT_ORIGIN;
  const url = spec.url ?? DEFAULT_URL;
  const method = spec.method ?? 'GET';
  const headers = toHeaders(spec.headers);
  const exchange: Exchange = {
    id: spec.id ?? 'test-1',
    source: 'simulator',
    pageOrigin: origin,
    startedAt: 0,
    request: { method, url, headers },
    redirects: [],
    observed: spec.observed ?? {},
  };
  if (spec.credentials) exchange.credentials = spec.credentials;
  if (spec.mode) exchange.mode = spec.mode;
  if (spec.resourceType) exchange.resourceType = spec.resourceType;
  if (spec.preflightFromCache) exchange.preflightFromCache = true;

  let current = url;
  for (const r of spec.redirects ?? []) {
    const hop: RedirectHop = { url: current, location: r.location, response: { status: r.status ?? 302, headers: [...toHeaders(r.headers), { name: 'Location', value: r.location }] } };
    exchange.redirects.push(hop);
    current = r.location;
  }
  if (spec.response !== null) exchange.response = response(spec.response ?? {});

  if (spec.preflight) {
    const p = spec.preflight;
    const record: PreflightRecord = {
      request: { method: 'OPTIONS', url, headers: p.requestHeaders ? toHeaders(p.requestHeaders) : preflightRequestHeaders(origin, method, headers) },
    };
    if (p.redirectTo) {
      record.redirect = { url, location: p.redirectTo, response: { status: p.status ?? 302, headers: [...toHeaders(p.headers), { name: 'Location', value: p.redirectTo }] } };
    } else if (p.error) {
      record.error = p.error;
    } else {
      record.response = response(p);
    }
    exchange.preflight = record;
  }
  return exchange;
}

export interface CorsHeaderSpec {
  origin?: string;
  methods?: string;
  headers?: string;
  credentials?: boolean | string;
  maxAge?: number | string;
  expose?: string;
}

/** Access-Control-* response headers in one call: corsHeaders({ origin: '*', methods: 'PUT' }). */
export function corsHeaders(spec: CorsHeaderSpec): Header[] {
  const out: Header[] = [];
  if (spec.origin !== undefined) out.push({ name: 'Access-Control-Allow-Origin', value: spec.origin });
  if (spec.methods !== undefined) out.push({ name: 'Access-Control-Allow-Methods', value: spec.methods });
  if (spec.headers !== undefined) out.push({ name: 'Access-Control-Allow-Headers', value: spec.headers });
  if (spec.credentials !== undefined && spec.credentials !== false) out.push({ name: 'Access-Control-Allow-Credentials', value: spec.credentials === true ? 'true' : spec.credentials });
  if (spec.maxAge !== undefined) out.push({ name: 'Access-Control-Max-Age', value: String(spec.maxAge) });
  if (spec.expose !== undefined) out.push({ name: 'Access-Control-Expose-Headers', value: spec.expose });
  return out;
}
