/**
 * Escaping for every output format. Header values and URLs are hostile input: they reach the
 * renderers only through these functions.
 */

/**
 * Control characters (C0 except tab/newline, DEL, C1) and Unicode bidi/zero-width controls, which can
 * rewrite a terminal (ANSI escapes) or visually reorder text ("Trojan source").
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const LINE_BREAKS = /[\n\r\t]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A single-line value (header value, URL): every control character, line breaks included, made visible. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS, visible).replace(LINE_BREAKS, visible);
}

/** Multi-line text (explanations, snippets): line breaks and tabs kept, other controls made visible. */
export function multiLine(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, visible);
}

// ---------------------------------------------------------------- HTML

/** HTML that is safe to insert as is: produced only by `html` (escaped interpolations) or `rawHtml` on constants. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return multiLine(text).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function htmlOf(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(htmlOf).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template for HTML: every interpolation is escaped unless it is already SafeHtml.
 * Interpolate only into text or double-quoted attribute values, never into tags, styles or scripts.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += htmlOf(values[i]!) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks a constant (never wire data) as HTML. */
export function rawHtml(constant: string): SafeHtml {
  return new SafeHtml(constant);
}

// ---------------------------------------------------------------- Markdown

/**
 * Text inside a Markdown paragraph, list item or table cell: HTML and entity characters become
 * entities; Markdown punctuation is backslash-escaped (parentheses only form links after a `]`,
 * which is escaped); line breaks become visible; pipes are escaped (tables).
 */
export function mdText(text: string): string {
  return oneLine(text)
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!)
    .replace(/[\\`*_{}[\]#+!|~^]/g, '\\$&')
    // Line-start constructs (lists, quotes, headings, ordered lists) when the text opens a line.
    .replace(/^(\s*)([-=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * An inline code span that survives any content: the fence is longer than the longest backtick run
 * inside, padded when the content starts or ends with a backtick. `inTable` escapes pipes, which
 * GFM splits table cells on even inside code spans.
 */
export function mdCode(text: string, inTable = false): string {
  let value = oneLine(text);
  if (inTable) value = value.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value === '' ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A fenced code block whose fence cannot be closed by the content. */
export function mdFence(text: string, language = ''): string {
  const body = multiLine(text);
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lang = language.replace(/[^A-Za-z0-9+#-]/g, '');
  return `${fence}${lang}\n${body}${body.endsWith('\n') ? '' : '\n'}${fence}`;
}

// ---------------------------------------------------------------- terminal

export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const sgr = (open: number, close: number) => (s: string): string => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLORS: Paint = { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
const id = (s: string): string => s;
export const NO_COLORS: Paint = { red: id, green: id, yellow: id, cyan: id, bold: id, dim: id };
