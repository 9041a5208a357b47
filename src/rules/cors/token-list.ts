/**
 * Parsing of Access-Control-Allow-Methods / -Headers values the way Chromium does it
 * (services/network/cors/preflight_result.cc, ParseAccessControlAllowList): split on ",",
 * trim spaces and tabs, ignore empty items, and require every item to be an RFC 7230 token.
 */

/** net::HttpUtil::IsTokenChar: visible ASCII except the separators. */
export function isTokenChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code <= 0x20 || code >= 0x7f) return false;
  return !'()<>@,;:\\"/[]?={}'.includes(c);
}

export function isToken(value: string): boolean {
  if (value.length === 0) return false;
  for (const c of value) if (!isTokenChar(c)) return false;
  return true;
}

export type TokenListResult =
  | { ok: true; items: string[] }
  /** `invalidItem` is the first item that is not a token (for the explanation only: Chromium reports no parameter). */
  | { ok: false; invalidItem: string };

/**
 * Parses a comma-separated token list. An absent header is an empty, valid list.
 * Quotes need no special handling: any item containing `"` is not a token, so a quoted
 * item makes the whole list invalid exactly as in Chromium's quote-aware tokenizer.
 */
export function parseTokenList(value: string | null | undefined): TokenListResult {
  if (value === null || value === undefined) return { ok: true, items: [] };
  const items: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (item === '') continue;
    if (!isToken(item)) return { ok: false, invalidItem: item };
    items.push(item);
  }
  return { ok: true, items };
}
