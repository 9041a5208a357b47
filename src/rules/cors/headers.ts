/**
 * Header-list helpers that behave like Chromium's net::HttpResponseHeaders::GetNormalizedHeader:
 * names match case-insensitively, each value is trimmed of linear whitespace, and repeated lines
 * are joined with ", " (so two ACAO lines become one value containing a comma).
 */
import type { Header } from '../../model';

/** HTTP linear whitespace: space and horizontal tab (net::HttpUtil::IsLWS). */
export function trimLws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** All trimmed values of `name`, in wire order. */
export function headerValues(headers: readonly Header[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === lower).map((h) => trimLws(h.value));
}

/** The normalized value of `name` (repeated lines joined with ", "), or null when absent. */
export function getHeader(headers: readonly Header[] | undefined, name: string): string | null {
  if (!headers) return null;
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(', ');
}

export function hasHeader(headers: readonly Header[] | undefined, name: string): boolean {
  return getHeader(headers, name) !== null;
}

/**
 * Size in bytes of a header value as Chromium counts it. Captured values are usually Latin-1
 * byte strings (every code unit ≤ 0xFF); anything beyond that was decoded text, so count UTF-8.
 */
export function byteLength(value: string): number {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u00ff]/.test(value) ? new TextEncoder().encode(value).length : value.length;
}

/**
 * The string CDP shows as `failedParameter` for a header value. Chromium converts the raw bytes
 * as UTF-8; bytes that are not valid UTF-8 come out as an empty string (seen with a Latin-1 "ä").
 */
export function asReportedParameter(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const bytes = Uint8Array.from(value, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '';
  }
}
