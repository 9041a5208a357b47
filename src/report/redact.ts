/**
 * Redaction: what CORS Lens removes from everything it exports (reports in every format, HAR export,
 * CLI output) unless the user opts in to sensitive values. The lists below are documented in
 * docs/redaction.md; a test keeps the two in sync.
 *
 * Principle: header NAMES stay (they are what Access-Control-Request-Headers lists); values go,
 * except the CORS headers and Origin, which are the subject of the diagnosis. A value that is
 * redacted in a structured field is also scrubbed from every free text (findings, evidence, notes),
 * so a finding quoting a header cannot leak what the header list hides.
 */
import type { Exchange, Header, PreflightRecord, RedirectHop, ResponseRecord } from '../model';

export const REDACTED = '[REDACTED]';
/** Inside URLs (stays a valid URL). */
export const REDACTED_IN_URL = 'REDACTED';

/** Header names (lowercase) whose values are always redacted. */
export const SENSITIVE_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-amz-security-token',
  'ocp-apim-subscription-key',
  'x-amzn-remapped-authorization',
  'x-goog-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-client-data',
];

/** A header whose name contains one of these (lowercase) is redacted too: custom auth headers. */
export const SENSITIVE_HEADER_WORDS: readonly string[] = ['token', 'secret', 'password', 'passwd', 'apikey', 'api-key', 'api_key', 'session', 'signature', 'credential', 'cookie'];

/** Headers never redacted: the CORS headers (`access-control-*`) and these. */
export const KEPT_HEADERS: readonly string[] = ['origin', 'vary', 'timing-allow-origin'];

/** Query (and fragment) parameter names (lowercase) whose values are redacted in every URL. */
export const SENSITIVE_PARAMS: readonly string[] = [
  'token', 'access_token', 'id_token', 'refresh_token', 'code', 'code_verifier', 'state', 'nonce',
  'sig', 'signature', 'key', 'api_key', 'apikey', 'api-key', 'client_secret', 'client_assertion', 'password', 'passwd', 'pwd',
  'secret', 'session', 'sessionid', 'sid', 'jwt', 'auth', 'authorization', 'assertion', 'samlrequest', 'samlresponse',
  'authenticity_token', 'csrf_token', 'email',
  'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'awsaccesskeyid', 'x-goog-signature', 'x-goog-credential',
  'policy', 'key-pair-id',
];

/** A parameter whose name contains one of these (lowercase) is redacted too. */
export const SENSITIVE_PARAM_WORDS: readonly string[] = ['token', 'secret', 'password', 'signature', 'credential'];

/** Value patterns redacted wherever they appear (header values, URLs, free text). */
export const SENSITIVE_VALUE_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'JSON Web Token (eyJ….eyJ….…)', pattern: /eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g },
  { name: 'AWS access key id (AKIA… / ASIA…)', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
];

/** Free-text secrets shorter than this are not searched for in prose (they would match ordinary words). */
export const MIN_SCRUB_LENGTH = 4;

const sensitiveHeaders = new Set(SENSITIVE_HEADERS);
const keptHeaders = new Set(KEPT_HEADERS);
const sensitiveParams = new Set(SENSITIVE_PARAMS);

/** How a header name is treated; 'url' = its value is a URL (Referer, Location). */
type HeaderClass = 'kept' | 'sensitive' | 'url' | 'other';

/** Header names repeat across a capture: classify each distinct spelling once. */
const headerClasses = new Map<string, { lower: string; cls: HeaderClass }>();

function classify(name: string): { lower: string; cls: HeaderClass } {
  let c = headerClasses.get(name);
  if (c) return c;
  const n = name.toLowerCase();
  const cls: HeaderClass = n.startsWith('access-control-') || keptHeaders.has(n) ? 'kept'
    : sensitiveHeaders.has(n) || SENSITIVE_HEADER_WORDS.some((w) => n.includes(w)) ? 'sensitive'
      : n === 'referer' || n === 'location' || n === 'content-location' ? 'url' : 'other';
  c = { lower: n, cls };
  if (headerClasses.size < 10_000) headerClasses.set(name, c);
  return c;
}

export function isSensitiveHeader(name: string): boolean {
  return classify(name).cls === 'sensitive';
}

/** CORS headers and Origin are the subject of the diagnosis: never touched. */
export function isKeptHeader(name: string): boolean {
  return classify(name).cls === 'kept';
}

export function isSensitiveParam(name: string): boolean {
  let n = name;
  try {
    n = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // keep the raw name
  }
  n = n.trim().toLowerCase();
  return sensitiveParams.has(n) || SENSITIVE_PARAM_WORDS.some((w) => n.includes(w));
}

function redactParams(part: string): string {
  return part.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    return isSensitiveParam(pair.slice(0, eq)) && eq < pair.length - 1 ? `${pair.slice(0, eq)}=${REDACTED_IN_URL}` : pair;
  }).join('&');
}

function redactPatterns(text: string, replacement: string): string {
  let out = text;
  for (const { pattern } of SENSITIVE_VALUE_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Redacts a URL without re-serialising it (the URL class would normalise what the user sent):
 * user:pass, sensitive query/fragment parameters, tokens in the path.
 */
export function redactUrl(url: string): string {
  let rest = url;
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query: string | undefined;
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  rest = rest.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/@]*)@/i, (_m, scheme: string, info: string) =>
    `${scheme}${info.includes(':') ? `${REDACTED_IN_URL}:${REDACTED_IN_URL}` : REDACTED_IN_URL}@`);
  let out = redactPatterns(rest, REDACTED_IN_URL);
  if (query !== undefined) out += `?${redactPatterns(redactParams(query), REDACTED_IN_URL)}`;
  if (hash >= 0) out += `#${fragment.includes('=') ? redactPatterns(redactParams(fragment), REDACTED_IN_URL) : redactPatterns(fragment, REDACTED_IN_URL)}`;
  return out;
}

/** The structural redaction of one sensitive header value: keeps what helps a diagnosis (auth scheme, cookie names and attributes). */
function redactSensitiveValue(lowerName: string, value: string): string {
  if (value === '') return value;
  if (lowerName === 'cookie') {
    return value.split(';').map((c) => {
      const eq = c.indexOf('=');
      return eq < 0 ? REDACTED : `${c.slice(0, eq).trim()}=${REDACTED}`;
    }).join('; ');
  }
  if (lowerName === 'set-cookie') {
    const [first = '', ...attributes] = value.split(';');
    const eq = first.indexOf('=');
    // Attributes (Path, SameSite, Secure …) matter for cross-site cookies; Domain/Path values are not secret.
    return [eq < 0 ? REDACTED : `${first.slice(0, eq).trim()}=${REDACTED}`, ...attributes.map((a) => a.trim())].join('; ');
  }
  if (lowerName.includes('authorization')) {
    const scheme = /^([A-Za-z][A-Za-z0-9._-]*)\s+\S/.exec(value);
    if (scheme) return `${scheme[1]} ${REDACTED}`;
  }
  return REDACTED;
}

const SENSITIVE_NAME_ALTERNATION = [...new Set([...SENSITIVE_PARAMS, ...SENSITIVE_HEADERS])]
  .map((s) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|');
/** `"name": "value"` pairs in JSON-ish text. */
const JSON_PAIR = new RegExp(`("(?:${SENSITIVE_NAME_ALTERNATION})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, 'gi');
/** `name=value` pairs (query strings, form bodies, cookies in prose). */
const EQ_PAIR = new RegExp(`(^|[^A-Za-z0-9_-])(${SENSITIVE_NAME_ALTERNATION})=(?!REDACTED\\b|\\[REDACTED\\])([^&\\s;,"'<>\`#)]+)`, 'gi');
/**
 * `Name: value` header mentions in prose (evidence, snippets). The value must look like a credential
 * (an optional scheme, then 6+ non-space characters) so "allow Authorization: add it to …" stays readable.
 */
const HEADER_LINE = new RegExp(`(^|[^A-Za-z0-9_-])(${SENSITIVE_HEADERS.map((s) => s.replace(/-/g, '\\-')).join('|')})([ \\t]*:[ \\t]*)((?:[A-Za-z][A-Za-z0-9._-]*[ \\t]+)?[^\\s"'<>,;]{6,})`, 'gi');
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
/** Cheap pre-checks: most header values (dates, types, lengths) contain none of these and skip the regexes. */
const MAYBE_SECRET_VALUE = /eyJ|AKIA|ASIA|:\/\/|=/;
const MAYBE_SECRET_TEXT = /eyJ|AKIA|ASIA|:\/\/|=|:/;
const MAYBE_PATTERN = /eyJ|AKIA|ASIA/;

/**
 * A redactor for one exchange: knows the secret values it carries, so that free text mentioning
 * them is scrubbed as consistently as the structured fields.
 */
export interface Redactor {
  readonly enabled: boolean;
  header(header: Header): Header;
  headers(headers: readonly Header[]): Header[];
  url(url: string): string;
  text(text: string): string;
  /** Whether the text contains one of this exchange's secret values (then text() differs from a shared redactor's). */
  mentionsSecret(text: string): boolean;
  /** Bodies are dropped entirely when redacting. */
  body(body: string | undefined): string | undefined;
}

export const NO_REDACTION: Redactor = {
  enabled: false,
  header: (h) => ({ name: h.name, value: h.value }),
  headers: (hs) => hs.map((h) => ({ name: h.name, value: h.value })),
  url: (u) => u,
  text: (t) => t,
  mentionsSecret: () => false,
  body: (b) => b,
};

function addSecret(secrets: Set<string>, value: string | undefined): void {
  if (!value) return;
  const v = value.trim();
  if (v.length >= MIN_SCRUB_LENGTH && v !== REDACTED && v !== REDACTED_IN_URL) secrets.add(v);
}

function collectFromUrl(url: string, secrets: Set<string>): void {
  const info = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(url);
  if (info?.[1]) for (const part of info[1].split(':')) addSecret(secrets, part);
  const q = url.search(/[?#]/);
  if (q < 0) return;
  for (const pair of url.slice(q + 1).split(/[&#]/)) {
    const eq = pair.indexOf('=');
    if (eq > 0 && isSensitiveParam(pair.slice(0, eq))) {
      const raw = pair.slice(eq + 1);
      addSecret(secrets, raw);
      try {
        addSecret(secrets, decodeURIComponent(raw.replace(/\+/g, ' ')));
      } catch {
        // undecodable: the raw form is enough
      }
    }
  }
}

function collectFromText(text: string, secrets: Set<string>): void {
  // Cheap guards first: these regexes are long alternations and most text has none of the markers.
  if (MAYBE_PATTERN.test(text)) for (const { pattern } of SENSITIVE_VALUE_PATTERNS) for (const m of text.matchAll(pattern)) addSecret(secrets, m[0]);
  if (text.includes('"')) for (const m of text.matchAll(JSON_PAIR)) addSecret(secrets, m[2]);
  if (text.includes('=')) for (const m of text.matchAll(EQ_PAIR)) addSecret(secrets, m[3]);
}

/**
 * The secrets of a pure collector for one string, in the order it adds them, remembered: URLs and
 * header values repeat across neighbouring exchanges (the page URL, a request's URL on its preflight, Referer).
 * Adding a remembered list in order gives the same set, in the same order, as collecting again.
 */
function memoSecrets(collect: (text: string, into: Set<string>) => void): (text: string, into: Set<string>) => void {
  const found = recent((text) => {
    const fresh = new Set<string>();
    collect(text, fresh);
    return [...fresh];
  });
  return (text, into) => {
    for (const s of found(text)) into.add(s);
  };
}

const collectFromUrlShared = memoSecrets(collectFromUrl);
const collectFromValueShared = memoSecrets((value, into) => {
  collectFromText(value, into);
  if (value.includes('://')) collectFromUrl(value, into);
});

function collectFromHeaders(headers: readonly Header[], secrets: Set<string>): void {
  for (const h of headers) {
    const { lower: name, cls } = classify(h.name);
    if (cls === 'kept' || h.value === '') continue;
    if (cls === 'sensitive') {
      addSecret(secrets, h.value);
      if (name === 'cookie' || name === 'set-cookie') {
        for (const c of (name === 'set-cookie' ? h.value.split(';').slice(0, 1) : h.value.split(';'))) addSecret(secrets, c.slice(c.indexOf('=') + 1));
      } else {
        const token = /^[A-Za-z][A-Za-z0-9._-]*\s+(.+)$/.exec(h.value);
        if (token) addSecret(secrets, token[1]);
      }
    } else if (MAYBE_SECRET_VALUE.test(h.value)) {
      collectFromValueShared(h.value, secrets);
    }
  }
}

function collectFromResponse(r: ResponseRecord | undefined, secrets: Set<string>): void {
  if (!r) return;
  collectFromHeaders(r.headers, secrets);
  if (r.body) collectFromText(r.body, secrets);
}

/** Every secret value an exchange carries (for scrubbing free text). */
export function collectSecrets(exchange: Exchange): Set<string> {
  const secrets = new Set<string>();
  collectFromUrlShared(exchange.request.url, secrets);
  if (exchange.pageUrl) collectFromUrlShared(exchange.pageUrl, secrets);
  collectFromHeaders(exchange.request.headers, secrets);
  for (const hop of exchange.redirects) {
    collectFromUrlShared(hop.url, secrets);
    collectFromUrlShared(hop.location, secrets);
    collectFromResponse(hop.response, secrets);
  }
  collectFromResponse(exchange.response, secrets);
  const p = exchange.preflight;
  if (p) {
    collectFromUrlShared(p.request.url, secrets);
    collectFromHeaders(p.request.headers, secrets);
    collectFromResponse(p.response, secrets);
    if (p.redirect) collectFromUrlShared(p.redirect.location, secrets);
  }
  return secrets;
}

/** Redacts prose: known secret values, JWT/AWS-key patterns, URLs, `Authorization: …` lines, `token=…` and `"token": "…"` pairs. */
/** Secrets longest first, so a token is not half-replaced by a shorter secret it contains. */
function ordered(secrets: ReadonlySet<string> | readonly string[]): readonly string[] {
  return Array.isArray(secrets) ? secrets : [...secrets].sort((a, b) => b.length - a.length);
}

export function redactFreeText(text: string, secrets: ReadonlySet<string> | readonly string[] = []): string {
  return scrub(text, ordered(secrets), true);
}

/** Free text, or (headerLines false) a header value, which holds no `Name: value` lines. */
function scrub(text: string, secrets: readonly string[], headerLines: boolean): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
  if (!(headerLines ? MAYBE_SECRET_TEXT : MAYBE_SECRET_VALUE).test(out)) return out;
  if (MAYBE_PATTERN.test(out)) out = redactPatterns(out, REDACTED);
  if (out.includes('://')) out = out.replace(URL_IN_TEXT, (u) => redactUrl(u));
  if (headerLines && out.includes(':')) {
    out = out.replace(HEADER_LINE, (_m, lead: string, name: string, sep: string, value: string) =>
      `${lead}${name}${sep}${value.includes(REDACTED) ? value : redactSensitiveValue(name.toLowerCase(), value)}`);
  }
  if (out.includes('"')) out = out.replace(JSON_PAIR, (_m, open: string, value: string, close: string) => (value ? `${open}${REDACTED}${close}` : `${open}${close}`));
  if (out.includes('=')) out = out.replace(EQ_PAIR, (_m, lead: string, name: string) => `${lead}${name}=${REDACTED}`);
  return out;
}

/** Redacts one header value by its name (CORS headers and Origin pass through). Unchanged headers are returned as they are. */
export function redactHeader(header: Header, secretSet: ReadonlySet<string> | readonly string[] = []): Header {
  return redactHeaderWith(header, ordered(secretSet));
}

/** redactHeader with the secrets already ordered (longest first). */
function redactHeaderWith(header: Header, secrets: readonly string[]): Header {
  const { lower, cls } = classify(header.name);
  if (cls === 'kept' || header.value === '') return header;
  let value: string;
  if (cls === 'sensitive') value = redactSensitiveValue(lower, header.value);
  else if (cls === 'url') value = scrubWith(redactUrlShared(header.value), secrets, false, scrubValueShared);
  else value = scrubWith(header.value, secrets, false, scrubValueShared);
  return value === header.value ? header : { name: header.name, value };
}

/** A bounded memo of a pure string function (cleared when full: what repeats comes back quickly). */
function memo(fn: (text: string) => string, size = 20_000): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      out = fn(text);
      if (cache.size >= size) cache.clear();
      cache.set(text, out);
    }
    return out;
  };
}

/**
 * A memo of the last few results of a pure string function: for values that repeat within a few
 * exchanges (the page URL, a request's URL on its preflight) without the cost of a big map that
 * distinct values would fill.
 */
function recent<T>(fn: (text: string) => T, size = 8): (text: string) => T {
  const keys: string[] = [];
  const values: T[] = [];
  let next = 0;
  return (text) => {
    for (let i = 0; i < keys.length; i++) if (keys[i] === text) return values[i]!;
    const out = fn(text);
    keys[next] = text;
    values[next] = out;
    next = (next + 1) % size;
    return out;
  };
}

/**
 * Findings, fixes and notes repeat across exchanges (the same fix snippet for every request to one
 * API): without exchange-specific secrets in them, their redaction is computed once.
 */
const scrubShared = memo((text) => scrub(text, [], true));
/**
 * URLs repeat too (the page URL on every request, a request's URL on its preflight, Referer values).
 * Separate caches, so that many distinct URLs never push the shared prose out.
 */
const redactUrlShared = recent(redactUrl);
const scrubUrlShared = recent((text) => scrub(text, [], true));
const scrubValueShared = recent((text) => scrub(text, [], false), 32);

/**
 * scrub() with an exchange's secrets: when none of them occurs in the text, the secrets change
 * nothing and the shared (memoized) result is the same.
 */
function scrubWith(text: string, secrets: readonly string[], headerLines: boolean, shared: (text: string) => string): string {
  for (const s of secrets) if (text.includes(s)) return scrub(text, secrets, headerLines);
  return shared(text);
}

export function createRedactor(exchange: Exchange | undefined, includeSensitive: boolean): Redactor {
  if (includeSensitive) return NO_REDACTION;
  const secrets = exchange ? ordered(collectSecrets(exchange)) : [];
  return {
    enabled: true,
    header: (h) => redactHeaderWith(h, secrets),
    headers: (hs) => hs.map((h) => redactHeaderWith(h, secrets)),
    url: (u) => scrubWith(redactUrlShared(u), secrets, true, scrubUrlShared),
    text: (t) => scrubWith(t, secrets, true, scrubShared),
    mentionsSecret: (t) => secrets.some((s) => t.includes(s)),
    body: () => undefined,
  };
}

function redactResponse(r: ResponseRecord, red: Redactor): ResponseRecord {
  const out: ResponseRecord = { ...r, headers: red.headers(r.headers) };
  const body = red.body(r.body);
  if (body === undefined) delete out.body;
  else out.body = body;
  return out;
}

function redactHop(hop: RedirectHop, red: Redactor): RedirectHop {
  return { url: red.url(hop.url), response: redactResponse(hop.response, red), location: red.url(hop.location) };
}

/** A redacted deep copy of an exchange (for HAR export and anything else that ships exchanges out). */
export function redactExchange(exchange: Exchange, red: Redactor = createRedactor(exchange, false)): Exchange {
  const out: Exchange = {
    ...exchange,
    request: { method: exchange.request.method, url: red.url(exchange.request.url), headers: red.headers(exchange.request.headers) },
    redirects: exchange.redirects.map((h) => redactHop(h, red)),
    observed: { ...exchange.observed },
  };
  if (exchange.pageUrl !== undefined) out.pageUrl = red.url(exchange.pageUrl);
  if (exchange.initiator !== undefined) out.initiator = red.text(exchange.initiator);
  if (exchange.response) out.response = redactResponse(exchange.response, red);
  const preflight = (p: PreflightRecord): PreflightRecord => {
    const pre: PreflightRecord = { ...p, request: { method: p.request.method, url: red.url(p.request.url), headers: red.headers(p.request.headers) } };
    if (p.response) pre.response = redactResponse(p.response, red);
    if (p.redirect) pre.redirect = redactHop(p.redirect, red);
    return pre;
  };
  if (exchange.preflight) out.preflight = preflight(exchange.preflight);
  // Every other record of the exchange carries wire data too: nothing leaves unredacted.
  if (exchange.redirectPreflights) out.redirectPreflights = exchange.redirectPreflights.map(preflight);
  if (exchange.earlierLoad) {
    const e = exchange.earlierLoad;
    out.earlierLoad = { ...e, url: red.url(e.url), response: redactResponse(e.response, red) };
  }
  return out;
}

/** The warning every format prints when sensitive values are included. */
export const SENSITIVE_WARNING = 'WARNING: this report includes sensitive values (tokens, cookies, API keys, bodies). Do not share it publicly.';
/** The note every format prints when values were redacted. */
export const REDACTION_NOTE = 'Sensitive values (credentials, tokens, cookies, API keys, signed-URL parameters, bodies) are redacted; header names are kept. See docs/redaction.md.';
