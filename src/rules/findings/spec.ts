/**
 * CorsSpec: the exact CORS answer this request needs, with every value taken from the wire and
 * then reduced to a safe alphabet. Fix snippets are built only from a CorsSpec, so a hostile
 * header value or URL can never break a snippet's syntax (each language still escapes on top).
 */
import type { Exchange, PlatformId, ResponseRecord } from '../../model';
import type { Facts } from './facts';
import { headerLines, headerValue, splitList } from './wire';

export interface ApiCoordinates {
  /** Host of the request URL, when it is a plain DNS name. */
  host: string | null;
  restApiId: string | null;
  region: string | null;
  /** REST API stage taken from the first path segment of an execute-api URL. */
  stage: string | null;
  vpceId: string | null;
  lambdaUrlId: string | null;
  bucket: string | null;
}

export interface CorsSpec {
  /** The page origin to allow, or a placeholder when the page origin is not a plain http(s) origin. */
  origin: string;
  originIsPlaceholder: boolean;
  /** Allow-list for reflecting snippets: the page origin first, then other origins the server already named. */
  origins: string[];
  /** The actual request's method (safe form). */
  method: string;
  /** Methods to allow: the ones already allowed plus the request's method (never `*`, never OPTIONS). */
  methods: string[];
  /** Request headers to allow, display case: the ones already allowed plus every requested one. */
  headers: string[];
  /** The requested headers that are not allowed today, display case. */
  missingHeaders: string[];
  exposeHeaders: string[];
  credentials: boolean;
  /**
   * The recording cannot tell whether the page sends credentials (the mode was inferred, no Cookie was
   * seen, and the request did not pass in a way only the fetch default passes): `credentials` is then
   * true, so that the fix works either way, and the fixes say why.
   */
  credentialsUnknown: boolean;
  /** Suggested Access-Control-Max-Age in seconds. */
  maxAge: number;
  /** URL path (safe), e.g. "/prod/items". */
  path: string;
  /** Path of the API resource: the URL path without the REST stage prefix. */
  resourcePath: string;
  api: ApiCoordinates;
  /** Status of the failing response, when there is one. */
  status: number | null;
  /** API Gateway gateway-response type behind an error, when known (e.g. "UNAUTHORIZED"). */
  gatewayResponseType: string | null;
}

export const PLACEHOLDER_ORIGIN = 'https://your-app.example.com';

/**
 * The request path's first segment when it is a plain word, for a server config to scope its CORS lines
 * to (nginx location, httpd <Location>, a Flask-CORS resource); null when there is none.
 */
export function pathPrefix(s: Pick<CorsSpec, 'path'>): string | null {
  const first = s.path.split('/').filter((p) => p.length > 0)[0];
  return first && /^[A-Za-z0-9._~-]+$/.test(first) ? first : null;
}
export const SUGGESTED_MAX_AGE = 600;

const TOKEN_SAFE = /^[A-Za-z0-9!#%&*+.^_|~-]{1,64}$/;
const METHOD_SAFE = /^[A-Za-z][A-Za-z0-9_-]{0,19}$/;

/** A serialized http(s) origin with nothing else in it, or null. */
export function safeOrigin(value: string | null | undefined): string | null {
  if (!value || value.length > 255) return null;
  if (!/^https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(value)) return null;
  try {
    return new URL(value).origin === value ? value : null;
  } catch {
    return null;
  }
}

export function safeHeaderName(value: string): string | null {
  const v = value.trim();
  return v !== '*' && TOKEN_SAFE.test(v) ? v : null;
}

export function safeMethod(value: string): string | null {
  const v = value.trim();
  return METHOD_SAFE.test(v) ? v : null;
}

/** "x-api-key" → "X-Api-Key": header names are case-insensitive, this is only for display. */
export function displayHeader(name: string): string {
  return name.toLowerCase().split('-').map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : p)).join('-');
}

function uniqueCaseInsensitive(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function safePath(path: string | undefined): string {
  if (!path) return '/';
  const decoded = path.length > 200 ? path.slice(0, 200) : path;
  return /^\/[A-Za-z0-9._~%/{}+-]*$/.test(decoded) ? decoded : '/';
}

const EXECUTE_API = /^([a-z0-9]{10})(?:-(vpce-[0-9a-z]{8,17}))?\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;
const LAMBDA_URL = /^([a-z0-9]{20,40})\.lambda-url\.([a-z]{2}(?:-[a-z]+)+-\d)\.on\.aws$/;
const S3_VIRTUAL = /^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\.s3(?:-website)?(?:[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d))?\.amazonaws\.com$/;
const S3_PATH = /^s3(?:[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d))?\.amazonaws\.com$/;
const BUCKET_SAFE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function apiCoordinates(url: URL | null): ApiCoordinates {
  const coords: ApiCoordinates = { host: null, restApiId: null, region: null, stage: null, vpceId: null, lambdaUrlId: null, bucket: null };
  if (!url) return coords;
  const host = url.hostname.toLowerCase();
  if (/^[a-z0-9.-]{1,253}$/.test(host)) coords.host = host;
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  const exec = EXECUTE_API.exec(host);
  if (exec) {
    coords.restApiId = exec[1] ?? null;
    coords.vpceId = exec[2] ?? null;
    coords.region = exec[3] ?? null;
    const first = segments[0];
    coords.stage = first && /^[A-Za-z0-9_-]{1,128}$/.test(first) ? first : null;
  }
  const lambda = LAMBDA_URL.exec(host);
  if (lambda) {
    coords.lambdaUrlId = lambda[1] ?? null;
    coords.region = lambda[2] ?? null;
  }
  const s3v = S3_VIRTUAL.exec(host);
  if (s3v) {
    coords.bucket = s3v[1] ?? null;
    coords.region = s3v[2] ?? null;
  } else {
    const s3p = S3_PATH.exec(host);
    const first = segments[0];
    if (s3p && first && BUCKET_SAFE.test(first)) {
      coords.bucket = first;
      coords.region = s3p[1] ?? null;
    }
  }
  return coords;
}

export interface SpecInput {
  exchange: Exchange;
  facts: Facts;
  platform: PlatformId;
  gatewayResponseType?: string | null;
}

/** Origins the server already named in ACAO lines (e.g. a static allow-list), kept if they are plain origins. */
function originsNamedBy(responses: readonly (ResponseRecord | undefined)[]): string[] {
  const out: string[] = [];
  for (const r of responses) {
    for (const line of headerLines(r, 'access-control-allow-origin')) {
      for (const part of splitList(line)) {
        const o = safeOrigin(part);
        if (o) out.push(o);
      }
    }
  }
  return out;
}

export function buildSpec({ exchange, facts, platform, gatewayResponseType }: SpecInput): CorsSpec {
  const pageOrigin = safeOrigin(facts.pageOrigin);
  const origin = pageOrigin ?? PLACEHOLDER_ORIGIN;
  const preflight = facts.preflight;
  const answer = preflight ?? facts.actual;
  const method = safeMethod(facts.method) ?? 'GET';
  const allowedBefore = splitList(headerValue(answer, 'access-control-allow-methods'))
    .map(safeMethod).filter((m): m is string => m !== null && m.toUpperCase() !== 'OPTIONS');
  const headersBefore = splitList(headerValue(answer, 'access-control-allow-headers'))
    .map(safeHeaderName).filter((h): h is string => h !== null);
  const requested = facts.requestedHeaders.map(safeHeaderName).filter((h): h is string => h !== null)
    // A CORS response header sent as a request header is a bug in the page, never something to allow.
    .filter((h) => !h.toLowerCase().startsWith('access-control-'));
  const missing = facts.missingHeaders.map(safeHeaderName).filter((h): h is string => h !== null)
    .filter((h) => !h.toLowerCase().startsWith('access-control-'));
  const expose = splitList(headerValue(facts.actual, 'access-control-expose-headers'))
    .map(safeHeaderName).filter((h): h is string => h !== null);
  const acacTrue = headerValue(answer, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true';
  // Allowed without Access-Control-Allow-Credentials: true means the request was not credentialed.
  const credentialsUnknown = facts.credentialsInferred && !facts.credentialsInclude && !acacTrue && exchange.observed.failed !== false;
  const api = apiCoordinates(facts.url);
  const path = safePath(facts.url?.pathname);
  let resourcePath = path;
  if (platform === 'aws-apigateway-rest' && api.stage && path.startsWith(`/${api.stage}`)) {
    resourcePath = path.slice(api.stage.length + 1) || '/';
  }
  const origins = uniqueCaseInsensitive([origin, ...originsNamedBy([facts.preflight, facts.actual])]);
  return {
    origin,
    originIsPlaceholder: pageOrigin === null,
    origins,
    method,
    methods: uniqueCaseInsensitive([...allowedBefore, method]),
    headers: uniqueCaseInsensitive([...headersBefore, ...requested].map(displayHeader)),
    missingHeaders: uniqueCaseInsensitive(missing.map(displayHeader)),
    exposeHeaders: uniqueCaseInsensitive(expose.map(displayHeader)),
    credentials: facts.credentialsInclude || acacTrue || credentialsUnknown,
    credentialsUnknown,
    maxAge: SUGGESTED_MAX_AGE,
    path,
    resourcePath,
    api,
    status: facts.failing?.response.status ?? exchange.response?.status ?? null,
    gatewayResponseType: gatewayResponseType ?? null,
  };
}
