/**
 * Small, defensive readers for what came over the wire. Header values and bodies are hostile
 * input: nothing here throws, and everything that ends up in evidence text is made one-line and
 * bounded.
 */
import type { Header, RequestRecord, ResponseRecord } from '../../model';

type HasHeaders = Pick<RequestRecord | ResponseRecord, 'headers'> | undefined | null;

// eslint-disable-next-line no-control-regex -- "is this ASCII", control characters included
const ASCII = /^[\u0000-\u007f]*$/;

/**
 * Whether a header line is named `lower` (a lowercased name; `ascii` when it is ASCII). The rules
 * look headers up thousands of times per capture: a length test first skips most lines without
 * lowercasing them. Exact for an ASCII name: toLowerCase keeps a string's length except for
 * U+0130, whose lowercase is not ASCII.
 */
function named(h: Header, lower: string, ascii: boolean): boolean {
  const n = h.name;
  if (n === lower) return true;
  return (!ascii || n.length === lower.length) && n.toLowerCase() === lower;
}

/**
 * The first line of a header (wire order) whose value passes `test` (any line without one), or undefined.
 * `lowerNames`: the record's header names already lowercased, in order (platform detection asks one
 * response for dozens of headers).
 */
export function firstHeaderLine(record: HasHeaders, name: string, test?: RegExp, lowerNames?: readonly string[]): string | undefined {
  if (!record) return undefined;
  const lower = name.toLowerCase();
  if (lowerNames) {
    for (let i = 0; i < lowerNames.length; i++) {
      if (lowerNames[i] === lower && (!test || test.test(record.headers[i]!.value))) return record.headers[i]!.value;
    }
    return undefined;
  }
  const ascii = ASCII.test(lower);
  for (const h of record.headers) if (named(h, lower, ascii) && (!test || test.test(h.value))) return h.value;
  return undefined;
}

/** All lines of a header, in wire order (names compare case-insensitively). */
export function headerLines(record: HasHeaders, name: string): string[] {
  if (!record) return [];
  const lower = name.toLowerCase();
  const ascii = ASCII.test(lower);
  const out: string[] = [];
  for (const h of record.headers) if (named(h, lower, ascii)) out.push(h.value);
  return out;
}

/** The header's combined value as a browser sees it (repeated lines joined with ", "), or null when absent. */
export function headerValue(record: HasHeaders, name: string): string | null {
  if (!record) return null;
  const lower = name.toLowerCase();
  const ascii = ASCII.test(lower);
  let value: string | null = null;
  for (const h of record.headers) if (named(h, lower, ascii)) value = value === null ? h.value : `${value}, ${h.value}`;
  return value;
}

export function hasHeader(record: HasHeaders, name: string): boolean {
  if (!record) return false;
  const lower = name.toLowerCase();
  const ascii = ASCII.test(lower);
  for (const h of record.headers) if (named(h, lower, ascii)) return true;
  return false;
}

/** Names of the Access-Control-* response headers present (lowercased, de-duplicated). */
export function corsHeaderNames(record: HasHeaders): string[] {
  if (!record) return [];
  const names = record.headers.map((h) => h.name.toLowerCase()).filter((n) => n.startsWith('access-control-'));
  return [...new Set(names)];
}

/** Comma-separated list → trimmed, non-empty items. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const part of value.split(',')) {
    const s = part.trim();
    if (s.length > 0) out.push(s);
  }
  return out;
}

/** True when `Vary` lists Origin (or `*`). */
export function varyHasOrigin(record: HasHeaders): boolean {
  return splitList(headerValue(record, 'vary')).some((v) => v === '*' || v.toLowerCase() === 'origin');
}

/** Parse a JSON object body; null when the body is absent, not JSON, or not an object. */
export function bodyJson(record: ResponseRecord | undefined): Record<string, unknown> | null {
  const body = record?.body;
  if (!body) return null;
  const trimmed = body.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The `message` (or AWS-style `Message`) string of a JSON error body. */
export function bodyMessage(record: ResponseRecord | undefined): string | null {
  const json = bodyJson(record);
  if (!json) return null;
  const value = json.message ?? json.Message;
  return typeof value === 'string' ? value : null;
}

// eslint-disable-next-line no-control-regex
const NOT_FLAT = /[\u0000-\u001f\u007f]|[^\S ]| {2}|^ | $/;

/** One line, bounded, control characters made visible: safe to put in evidence and headlines. */
export function oneLine(text: string, max = 160): string {
  // Most text is one line already (no control characters, no whitespace but single inner spaces):
  // then the replacements below would change nothing, and are skipped.
  // eslint-disable-next-line no-control-regex
  const flat = !NOT_FLAT.test(text) ? text : text.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '?').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Evidence line for a header: "preflight response: Access-Control-Allow-Origin: x", or "… has no X header". */
export function headerEvidence(where: string, record: HasHeaders, name: string): string {
  const lines = headerLines(record, name);
  if (lines.length === 0) return `${where}: no ${name} header`;
  if (lines.length === 1) return `${where}: ${name}: ${oneLine(lines[0] ?? '')}`;
  return `${where}: ${lines.length} ${name} lines: ${lines.map((l) => JSON.stringify(oneLine(l, 80))).join(', ')}`;
}

export function statusEvidence(where: string, record: ResponseRecord): string {
  const text = record.statusText ? ` ${oneLine(record.statusText, 40)}` : '';
  return `${where}: HTTP ${record.status}${text}`;
}

/**
 * Evidence line for a response body. Only an error answer's body is quoted (status >= 400: what the
 * gateway, CDN or framework said, e.g. {"message":"Missing Authentication Token"}); any other body is
 * the API's own data, which a diagnosis (and every report made of it) must not carry: its size only.
 */
export function bodyEvidence(where: string, record: ResponseRecord | undefined): string | null {
  if (!record?.body) return null;
  if (record.status < 400) return `${where} body: ${record.body.length} characters (not quoted: an HTTP ${record.status} body is the API's data)`;
  return `${where} body: ${oneLine(record.body, 200)}`;
}

export function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Serialized origin of a URL, or null. */
export function originOf(url: string | undefined): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  return parsed.origin === 'null' ? null : parsed.origin;
}

export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Parse Access-Control-Max-Age the way Chromium does: absent/unparseable → 5 s, negative → 0, capped at 7200 s. */
export function effectiveMaxAge(value: string | null): { seconds: number; raw: number | null; capped: boolean } {
  const raw = value !== null && /^\s*-?\d+\s*$/.test(value) ? Number.parseInt(value, 10) : null;
  if (raw === null) return { seconds: 5, raw: null, capped: false };
  if (raw < 0) return { seconds: 0, raw, capped: false };
  return { seconds: Math.min(raw, 7200), raw, capped: raw > 7200 };
}

/** Private/loopback IPv4 or unique-local IPv6 (VPC endpoint / private DNS hints). */
export function isPrivateAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.replace(/^\[|\]$/g, '');
  if (/^10\./.test(ip) || /^192\.168\./.test(ip) || /^127\./.test(ip)) return true;
  const m = /^172\.(\d+)\./.exec(ip);
  if (m && Number(m[1]) >= 16 && Number(m[1]) <= 31) return true;
  return /^f[cd][0-9a-f]{2}:/i.test(ip);
}

/** A CDN cache hit, as evidence text ("x-cache: Hit from cloudfront"), or null. */
export function cdnCacheHit(record: ResponseRecord | undefined): string | null {
  const xcache = headerValue(record, 'x-cache');
  // "Hit from cloudfront", "RefreshHit from cloudfront", Fastly's "HIT" / "MISS, HIT".
  if (xcache && /(^|[\s,])(refresh)?hit\b/i.test(xcache)) return `x-cache: ${oneLine(xcache, 60)}`;
  const cf = headerValue(record, 'cf-cache-status');
  if (cf && /^hit$/i.test(cf.trim())) return `cf-cache-status: ${oneLine(cf, 20)}`;
  return null;
}
