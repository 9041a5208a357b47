/**
 * Origins and URLs as Chromium's CORS code sees them (url::Origin, GURL), built on the WHATWG URL
 * parser that every runtime of CORS Lens has.
 */

/** Serialization of an opaque origin (a sandboxed page, a data: document, a tainted request). */
export const OPAQUE_ORIGIN = 'null';

/** Schemes Chromium lets a CORS request go to (url::GetCorsEnabledSchemes in Chrome). */
const CORS_ENABLED_SCHEMES = new Set(['http', 'https', 'chrome-extension', 'chrome', 'chrome-untrusted', 'isolated-app']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Lower-case scheme of `url` without the colon, or null when it does not parse. */
export function schemeOf(url: string): string | null {
  const u = parse(url);
  return u ? u.protocol.replace(/:$/, '') : null;
}

export function isCorsEnabledScheme(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme !== null && CORS_ENABLED_SCHEMES.has(scheme);
}

/**
 * The serialized origin of a URL ("https://example.com", "http://127.0.0.1:8080"), or "null"
 * for URLs with an opaque origin (data:, about:, unknown schemes) and for unparseable input.
 */
export function originOf(url: string): string {
  const u = parse(url);
  if (!u) return OPAQUE_ORIGIN;
  // The WHATWG parser gives non-special schemes an opaque origin; Chromium gives tuple origins to
  // a few more standard schemes (chrome-extension:, chrome:), which CORS Lens meets as request
  // targets from extension pages, so keep their scheme://host form.
  if (u.origin === 'null' && u.host !== '' && CORS_ENABLED_SCHEMES.has(u.protocol.slice(0, -1))) {
    return `${u.protocol}//${u.host}`;
  }
  return u.origin;
}

/**
 * Normalizes a page origin as recorded by a capture ("https://a.example/" → "https://a.example").
 * Anything that does not serialize to a tuple origin is opaque: "null".
 */
export function normalizeOrigin(origin: string): string {
  const trimmed = origin.trim();
  if (trimmed === '' || trimmed === OPAQUE_ORIGIN) return OPAQUE_ORIGIN;
  return originOf(trimmed);
}

/** Same origin in the url::Origin sense: opaque origins are never same-origin with a URL. */
export function isSameOrigin(pageOrigin: string, url: string): boolean {
  const a = normalizeOrigin(pageOrigin);
  const b = originOf(url);
  return a !== OPAQUE_ORIGIN && b !== OPAQUE_ORIGIN && a === b;
}

/** Same origin for two URLs (the tainted-origin rule of redirects compares URL with URL). */
export function isSameOriginUrl(a: string, b: string): boolean {
  const oa = originOf(a);
  const ob = originOf(b);
  return oa !== OPAQUE_ORIGIN && oa === ob;
}

/** True when the URL carries a user name or password (http://user:pass@host/). */
export function hasUserInfo(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.username !== '' || u.password !== '');
}

/**
 * Chromium's `GURL(value).is_valid()` as used by CheckAccess to tell InvalidAllowOriginValue from
 * AllowOriginMismatch. The WHATWG parser agrees with GURL on the ~60 values tried in Chromium 156
 * (no scheme, empty host, bad port, bad IP literal, forbidden host code points …) except where
 * GURL is more lenient with ASCII hosts, handled below.
 */
export function isValidUrl(value: string): boolean {
  const text = decodeLatin1Bytes(value);
  if (text === null) return false;
  if (parse(text) !== null) return true;
  const lenient = gurlLenientHost(text);
  return lenient !== null && parse(lenient) !== null;
}

/**
 * Captured header values are byte strings; GURL reads them as UTF-8. Returns the decoded text,
 * or null when the bytes are not valid UTF-8 (GURL then rejects the URL).
 */
function decodeLatin1Bytes(value: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(value, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/**
 * GURL does not run IDNA on an all-ASCII host (so "xn--zz" passes unchecked) and keeps "%20"
 * escaped in a host; the WHATWG parser rejects both. Neutralize them for a second try.
 */
function gurlLenientHost(value: string): string | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#\\]*)(.*)$/s.exec(value);
  if (!m) return null;
  const authority = m[2] ?? '';
  const fixed = authority.replace(/xn--[^.:@]*/gi, 'xn').replace(/%20/g, 'x');
  return fixed === authority ? null : `${m[1] ?? ''}${fixed}${m[3] ?? ''}`;
}
