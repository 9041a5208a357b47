/** What one list row shows, derived from an exchange and its diagnosis (pure). */
import type { Diagnosis, Exchange, PlatformMatch } from '../../model';
import { urlParts } from '../lib/url';

export type RowStatus = 'blocked' | 'allowed' | 'warning' | 'pending' | 'same-origin';

export interface RowModel {
  id: string;
  status: RowStatus;
  method: string;
  url: string;
  path: string;
  host: string;
  pageOrigin: string;
  platform: PlatformMatch;
  cdn: PlatformMatch | undefined;
  /** "preflight → actual" statuses, e.g. "204 → 200", "403 → —", "(cache) → 200", or just "200". */
  codes: string;
  summary: string;
  corsError: string | null;
  blocked: boolean;
}

/** Status text of one response: 0 and missing both mean "no usable response". */
export function statusText(status: number | undefined): string {
  return status === undefined || status === 0 ? '—' : String(status);
}

export function statusCodes(exchange: Exchange): string {
  const actual = statusText(exchange.response?.status);
  if (exchange.preflight) {
    const p = exchange.preflight;
    const pre = p.redirect ? statusText(p.redirect.response.status) : statusText(p.response?.status);
    return `${pre} → ${actual}`;
  }
  if (exchange.preflightFromCache) return `(cache) → ${actual}`;
  return actual;
}

export function rowStatus(exchange: Exchange, diagnosis: Diagnosis): RowStatus {
  const v = diagnosis.verdict;
  if (v.blocked) return 'blocked';
  if (!v.crossOrigin) return 'same-origin';
  if (diagnosis.findings.some((f) => f.severity === 'warning' || f.severity === 'error')) return 'warning';
  if (!exchange.response && exchange.observed.failed === undefined) return 'pending';
  return 'allowed';
}

export function rowModel(exchange: Exchange, diagnosis: Diagnosis): RowModel {
  const parts = urlParts(exchange.request.url);
  return {
    id: exchange.id,
    status: rowStatus(exchange, diagnosis),
    method: exchange.request.method,
    url: exchange.request.url,
    path: parts.path,
    host: parts.host,
    pageOrigin: exchange.pageOrigin,
    platform: diagnosis.platform,
    cdn: diagnosis.cdn,
    codes: statusCodes(exchange),
    summary: diagnosis.summary,
    corsError: diagnosis.verdict.corsError,
    blocked: diagnosis.verdict.blocked,
  };
}
