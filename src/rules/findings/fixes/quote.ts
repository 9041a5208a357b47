/**
 * Quoting for each snippet language. Snippet values are already reduced to safe alphabets
 * (spec.ts); these escapes are the second line of defence, and each one is exact for its language.
 */

/** JSON string literal. Also a valid YAML double-quoted scalar, JS/TS and Python string literal. */
export function jsonStr(value: string): string {
  return JSON.stringify(value);
}

export const yamlStr = jsonStr;
export const jsStr = jsonStr;
export const pyStr = jsonStr;

/** Java string literal: JSON escapes, with the characters Java's early \u processing would turn into syntax. */
export function javaStr(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** HCL (Terraform) quoted string: JSON escapes plus the template sequences `${` and `%{`. */
export function hclStr(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** POSIX shell single-quoted word. */
export function shStr(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** XML text or attribute content. */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Apache httpd double-quoted argument. `%{…}` would be read as a mod_headers format specifier, and
 * `${…}` as a Define: their `%` and `$` are dropped, like control characters.
 */
export function apacheStr(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[$%]/g, '').replace(/[\u0000-\u001f]/g, '')}"`;
}

/** nginx double-quoted string. nginx cannot escape `$` (variables), so it is dropped. */
export function nginxStr(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\$/g, '').replace(/[\u0000-\u001f]/g, '')}"`;
}

/**
 * API Gateway static mapping value: single-quoted inside the mapping expression ('https://x').
 * A single quote cannot be escaped there, so it is removed.
 */
export function apigwStatic(value: string): string {
  return `'${value.replace(/'/g, '')}'`;
}

/** Text for console steps: line breaks kept, every other control character replaced. */
export function plain(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

/** Identifier-safe name for Terraform/CDK resource labels: "/prod/items" → "items". */
export function labelFrom(value: string, fallback: string): string {
  const label = value.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return /^[a-z][a-z0-9_]*$/.test(label) ? label : fallback;
}

/**
 * Caddyfile double-quoted token. `{…}` would be read as a placeholder (`{$VAR}` at load time), and a
 * backslash only escapes a quote: braces, backslashes and quotes are dropped, like control characters.
 */
export function caddyStr(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/[\\"{}]/g, '').replace(/[\u0000-\u001f]/g, '')}"`;
}

/** Ruby double-quoted string: JSON's escapes, and `#` escaped so that nothing interpolates. */
export function rbStr(value: string): string {
  return JSON.stringify(value).replace(/#/g, '\\#');
}

/** PHP single-quoted string: only `\` and `'` are special there (no interpolation). */
export function phpStr(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
