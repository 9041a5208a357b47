/** Wording and selections shared by the text, Markdown and HTML formats, so they say the same thing. */
import type { Header, VerdictReading } from '../model';
import type { ReportExchange, ReportHead, ReportResponse, ReportSummary } from './model';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "14 cross-origin requests: 7 blocked, 7 allowed." */
export function summaryLine(s: ReportSummary): string {
  let line = `${plural(s.exchanges, 'cross-origin request')}: ${s.blocked} blocked, ${s.allowed} allowed.`;
  if (s.shown !== s.exchanges) line += ` Showing ${s.shown}.`;
  return line;
}

/** "HAR file orders.har (Firefox 128.0)", "probe of https://…", "live capture of https://…". */
export function sourceLine(head: ReportHead): string {
  const src = head.source;
  const kind = { har: 'HAR file', probe: 'probe of', live: 'live capture of', simulator: 'simulation' }[src.kind];
  const parts = [kind];
  if (src.name) parts.push(src.name);
  if (src.creator) parts.push(`(${src.creator})`);
  return parts.join(' ');
}

/** "Counts from the input": entries read, same-origin dropped … (only non-zero, in a stable order). */
export function countsLine(head: ReportHead): string | undefined {
  const c = head.source.counts;
  if (!c) return undefined;
  const labels: [string, string][] = [
    ['entries', 'entries read'], ['sameOrigin', 'same-origin skipped'], ['notCors', 'not CORS (navigations, images, scripts) skipped'],
    ['unknownOrigin', 'of unknown page origin skipped'], ['invalidEntries', 'unreadable'], ['orphanPreflights', 'preflights without their request'],
  ];
  const parts = labels.filter(([k]) => (c[k] ?? 0) > 0).map(([k, label]) => `${c[k]} ${label}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** A request that failed for a reason other than CORS (connection refused, too many redirects) is not "allowed". */
export function failedNotCors(x: ReportExchange): boolean {
  return !x.blocked && x.observed.failed === true;
}

export function verdictWord(x: ReportExchange): string {
  return x.blocked ? 'BLOCKED' : failedNotCors(x) ? 'FAILED (not CORS)' : 'allowed';
}

export function percent(confidence: number): string {
  return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`;
}

export function platformLine(x: ReportExchange): string {
  const parts: string[] = [];
  if (x.platform.id !== 'unknown') parts.push(`${x.platform.name} (${percent(x.platform.confidence)})`);
  if (x.cdn) parts.push(`behind ${x.cdn.name} (${percent(x.cdn.confidence)})`);
  return parts.length ? parts.join(' ') : 'not identified';
}

export function credentialsLine(x: ReportExchange): string {
  return `${x.credentials.mode}${x.credentials.inferred ? ' (inferred)' : ''}`;
}

/** "blocked with WildcardOriginNotAllowed (x-custom), if the request was sent with …": one other reading (plain text). */
export function alternativeLine(a: VerdictReading): string {
  const what = a.blocked ? `blocked with ${a.corsError ?? 'a CORS error'}${a.failedParameter ? ` (${a.failedParameter})` : ''}` : 'not a CORS block';
  return `${what}, if ${a.condition}: the capture does not record that`;
}

/** Headers that decide CORS, for the concise views. */
export function isCorsRelevant(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'origin' || n.startsWith('access-control-') || n === 'vary' || n === 'location';
}

export function corsHeaders(headers: readonly Header[]): Header[] {
  return headers.filter((h) => isCorsRelevant(h.name));
}

export function statusLine(r: ReportResponse): string {
  const cache = r.fromCache ? ` (from ${r.fromCache} cache)` : '';
  return `${r.status}${r.statusText ? ` ${r.statusText}` : ''}${cache}`;
}

/** One "Name: value" line per header. */
export function headerLines(headers: readonly Header[]): string[] {
  return headers.map((h) => `${h.name}: ${h.value}`);
}

export function phaseLabel(x: ReportExchange): string {
  return x.phase ?? '-';
}

/** Summary keys are CorsError names, plus "unknown" for requests blocked without one (network errors …). */
export function corsErrorLabel(key: string): string {
  return key === 'unknown' ? 'blocked without a CORS error (network error or unexplained)' : key;
}
