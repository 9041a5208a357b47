/**
 * One HAR entry, narrowed from foreign JSON into the few facts the importer needs.
 *
 * HAR files come from Chrome (DevTools export, chrome.devtools.network), Firefox, Playwright and
 * assorted tools; every field is checked here, by hand, because a schema library would copy each
 * entry once more and these files can hold 100k entries. Values are referenced, not copied.
 */
import type { CacheSource, Header } from '../model';

/** Bodies are kept only as a bounded snippet: platform detection needs signatures, not payloads. */
export const BODY_SNIPPET_LIMIT = 2048;

export interface HarRecord {
  /** Position in the file's entries array. */
  index: number;
  method: string;
  url: string;
  headers: Header[];
  /** Epoch ms (NaN when the entry had no usable startedDateTime). */
  startedAt: number;
  /** Total time in ms, 0 when unknown. */
  duration: number;
  resourceType?: string;
  isPreflight: boolean;
  /** `_initiator.requestId` (Chrome: the request a preflight was made for). */
  initiatorRequestId?: string;
  /** `_requestId` when the exporter wrote one. */
  requestId?: string;
  /** Display form of the initiator, e.g. "script http://app/main.js:12". */
  initiator?: string;
  /** 0 (or -1 in Playwright) when no response arrived. */
  status: number;
  statusText?: string;
  responseHeaders: Header[];
  body?: string;
  fromCache?: CacheSource;
  remoteAddress?: string;
  /** Error text: Chrome `response._error`, Playwright `response._failureText`. */
  error?: string;
  /** True when the format states failures explicitly (Chrome, Playwright): then "no error" means success. */
  reportsFailures: boolean;
  /** Redirect target resolved against `url`, when the response is a redirect. */
  redirectTo?: string;
  /** `pages[].title` of the entry's page when it is a URL. */
  pageUrl?: string;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Shares repeated header strings (names, and short values such as User-Agent, Accept, Referer):
 * JSON.parse makes a new string for every occurrence, and a 100k-entry HAR holds millions of them.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();
  constructor(private readonly limit = 200_000) {}
  get(s: string): string {
    if (s.length > 256) return s;
    const known = this.pool.get(s);
    if (known !== undefined) return known;
    if (this.pool.size < this.limit) this.pool.set(s, s);
    return s;
  }
}

/** Header lists: copy well-formed {name, value} pairs (pooled strings, no foreign properties), count the rest. */
function readHeaders(value: unknown, problems: ReadProblems): Header[] {
  if (!Array.isArray(value)) return [];
  const out: Header[] = [];
  const pool = problems.pool;
  for (const h of value) {
    if (isObject(h) && typeof h.name === 'string' && typeof h.value === 'string') {
      out.push({ name: pool.get(h.name), value: pool.get(h.value) });
    } else if (isObject(h) && typeof h.name === 'string' && (typeof h.value === 'number' || typeof h.value === 'boolean')) {
      out.push({ name: h.name, value: String(h.value) });
    } else {
      problems.badHeaders++;
    }
  }
  return out;
}

export function headerValue(headers: readonly Header[], lowerName: string): string | undefined {
  // Length first: most names differ in length, and toLowerCase allocates.
  for (const h of headers) if (h.name.length === lowerName.length && h.name.toLowerCase() === lowerName) return h.value;
  return undefined;
}

/**
 * A bounded body snippet, copied so it does not keep a multi-megabyte body alive
 * (V8 substrings reference their parent string).
 */
function snippet(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  const text = content.text;
  if (typeof text !== 'string' || text.length === 0) return undefined;
  let body = text;
  if (content.encoding === 'base64') {
    const mime = str(content.mimeType) ?? '';
    if (!/json|text|xml|javascript|html|problem/i.test(mime)) return undefined;
    try {
      // Decode only what the snippet needs (4 base64 chars → 3 bytes).
      const head = text.slice(0, Math.ceil((BODY_SNIPPET_LIMIT * 4) / 3 / 4) * 4 + 4).replace(/[^A-Za-z0-9+/=]/g, '');
      const bin = atob(head.slice(0, head.length - (head.length % 4)));
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      body = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    } catch {
      return undefined;
    }
  }
  if (body.length <= BODY_SNIPPET_LIMIT) return body === text ? body : body.slice(0, BODY_SNIPPET_LIMIT);
  // Force a flat copy: a plain slice would pin the whole body in memory.
  return new TextDecoder().decode(new TextEncoder().encode(body.slice(0, BODY_SNIPPET_LIMIT)));
}

function fromCache(entry: Record<string, unknown>, response: Record<string, unknown>): CacheSource | undefined {
  if (response._fetchedViaServiceWorker === true) return 'service-worker';
  const c = entry._fromCache;
  if (c === 'memory' || c === 'disk') return c;
  if (c === 'prefetch') return 'prefetch';
  return undefined;
}

function describeInitiator(initiator: Record<string, unknown>): string | undefined {
  const type = str(initiator.type);
  if (!type) return undefined;
  const stack = isObject(initiator.stack) ? initiator.stack : undefined;
  const frames = stack && Array.isArray(stack.callFrames) ? stack.callFrames : [];
  const top: unknown = frames[0];
  if (isObject(top) && typeof top.url === 'string' && top.url) {
    const line = typeof top.lineNumber === 'number' ? `:${top.lineNumber + 1}` : '';
    return `${type} ${top.url}${line}`;
  }
  const url = str(initiator.url);
  if (url && type !== 'preflight') {
    const line = typeof initiator.lineNumber === 'number' ? `:${initiator.lineNumber + 1}` : '';
    return `${type} ${url}${line}`;
  }
  return type;
}

function resolveUrl(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

export interface ReadProblems {
  badHeaders: number;
  pool: StringPool;
}

/**
 * Narrows one entry. Returns a reason string when the entry is unusable (no request method/URL,
 * no response object): the importer skips it with a warning.
 */
export function readEntry(raw: unknown, index: number, pageUrls: ReadonlyMap<string, string>, problems: ReadProblems): HarRecord | string {
  if (!isObject(raw)) return `entry ${index} is not an object`;
  const request = raw.request;
  if (!isObject(request)) return `entry ${index} has no "request" object`;
  const method = str(request.method);
  const url = str(request.url);
  if (!method || !url) return `entry ${index} has no request method or URL`;
  const response = isObject(raw.response) ? raw.response : {};
  const headers = readHeaders(request.headers, problems);
  const responseHeaders = readHeaders(response.headers, problems);
  const status = typeof response.status === 'number' && Number.isFinite(response.status) ? response.status : 0;

  const initiator = isObject(raw._initiator) ? raw._initiator : undefined;
  const resourceType = str(raw._resourceType);
  const isPreflight = resourceType === 'preflight' || initiator?.type === 'preflight'
    // Firefox and others: an OPTIONS carrying Access-Control-Request-Method (a forbidden header: only the browser sets it).
    || (method.toUpperCase() === 'OPTIONS' && headerValue(headers, 'access-control-request-method') !== undefined);

  const error = str(response._error) || str(response._failureText) || undefined;
  const reportsFailures = '_error' in response || '_failureText' in response || resourceType !== undefined;

  let redirectTo: string | undefined;
  if (status >= 300 && status < 400) {
    const location = str(response.redirectURL) || headerValue(responseHeaders, 'location');
    if (location) redirectTo = resolveUrl(location, url);
  }

  const started = str(raw.startedDateTime);
  const time = typeof raw.time === 'number' && Number.isFinite(raw.time) && raw.time > 0 ? raw.time : 0;
  const pageref = str(raw.pageref);

  const record: HarRecord = {
    index,
    method,
    url,
    headers,
    startedAt: started ? Date.parse(started) : Number.NaN,
    duration: time,
    isPreflight,
    status,
    responseHeaders,
    reportsFailures,
  };
  if (resourceType) record.resourceType = resourceType;
  if (initiator) {
    const rid = initiator.requestId;
    if (typeof rid === 'string' || typeof rid === 'number') record.initiatorRequestId = String(rid);
    const shown = describeInitiator(initiator);
    if (shown) record.initiator = shown;
  }
  const ownId = raw._requestId;
  if (typeof ownId === 'string' || typeof ownId === 'number') record.requestId = String(ownId);
  const statusText = str(response.statusText);
  if (statusText) record.statusText = statusText;
  const body = snippet(response.content);
  if (body !== undefined) record.body = body;
  const cache = fromCache(raw, response);
  if (cache) record.fromCache = cache;
  const ip = str(raw.serverIPAddress);
  if (ip) record.remoteAddress = ip;
  if (error) record.error = error;
  if (redirectTo) record.redirectTo = redirectTo;
  const pageUrl = pageref ? pageUrls.get(pageref) : undefined;
  if (pageUrl) record.pageUrl = pageUrl;
  return record;
}

/** `pages[].id → title` for pages whose title is an http(s) URL (Chrome writes the page URL there; Firefox and Playwright the document title). */
export function readPages(pages: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(pages)) return out;
  for (const p of pages) {
    if (!isObject(p) || typeof p.id !== 'string' || typeof p.title !== 'string') continue;
    if (/^https?:\/\//i.test(p.title)) out.set(p.id, p.title);
  }
  return out;
}
