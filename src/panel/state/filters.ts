/**
 * The list filters: scope (All / Blocked / Cross-origin), platform, and a text box that takes
 * words like the Network panel's: space-separated terms, all must match; `-term` excludes;
 * `key:value` for method, status, error, platform, origin, host (domain), is.
 */
import type { Diagnosis, Exchange } from '../../model';
import type { RowModel } from './row-model';

export const SCOPES = ['all', 'blocked', 'cross-origin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Filters {
  text: string;
  scope: Scope;
  /** A PlatformId, or "all". */
  platform: string;
}

export const DEFAULT_FILTERS: Filters = { text: '', scope: 'all', platform: 'all' };

const KEYS = ['method', 'status', 'status-code', 'error', 'platform', 'origin', 'host', 'domain', 'is'] as const;
type Key = (typeof KEYS)[number];

export interface Term {
  negate: boolean;
  key: Key | null;
  value: string;
}

export function parseFilterText(text: string): Term[] {
  const terms: Term[] = [];
  for (const raw of text.trim().split(/\s+/)) {
    if (!raw) continue;
    const negate = raw.startsWith('-') && raw.length > 1;
    const body = (negate ? raw.slice(1) : raw).toLowerCase();
    const colon = body.indexOf(':');
    const maybeKey = colon > 0 ? body.slice(0, colon) : '';
    if ((KEYS as readonly string[]).includes(maybeKey) && colon < body.length - 1) {
      terms.push({ negate, key: maybeKey as Key, value: body.slice(colon + 1) });
    } else if (body !== '-') {
      terms.push({ negate, key: null, value: body });
    }
  }
  return terms;
}

function isFacts(row: RowModel, exchange: Exchange): string[] {
  const facts: string[] = [row.status];
  if (exchange.preflight) facts.push('preflight', 'preflighted');
  if (exchange.preflightFromCache) facts.push('cached', 'preflight-cached');
  if (exchange.redirects.length || exchange.preflight?.redirect) facts.push('redirect', 'redirected');
  if (row.blocked) facts.push('failed');
  return facts;
}

function termMatches(term: Term, row: RowModel, exchange: Exchange, diagnosis: Diagnosis): boolean {
  const v = term.value;
  switch (term.key) {
    case 'method': return row.method.toLowerCase() === v;
    case 'status':
    case 'status-code': return row.codes.split(/[^0-9]+/).includes(v);
    case 'error': return (row.corsError ?? '').toLowerCase().includes(v);
    case 'platform':
      return [row.platform.id, row.platform.name, row.cdn?.id ?? '', row.cdn?.name ?? ''].some((s) => s.toLowerCase().includes(v));
    case 'origin': return row.pageOrigin.toLowerCase().includes(v);
    case 'host':
    case 'domain': return row.host.toLowerCase().includes(v);
    case 'is': return isFacts(row, exchange).includes(v);
    case null: {
      const hay = [row.method, row.url, row.pageOrigin, row.codes, row.summary, row.corsError ?? '',
        row.platform.name, row.cdn?.name ?? '', diagnosis.verdict.failedParameter ?? ''].join('\n').toLowerCase();
      return hay.includes(v);
    }
  }
}

export function matchesFilters(filters: Filters, terms: readonly Term[], row: RowModel, exchange: Exchange, diagnosis: Diagnosis): boolean {
  if (filters.scope === 'blocked' && !diagnosis.verdict.blocked) return false;
  if (filters.scope === 'cross-origin' && !diagnosis.verdict.crossOrigin) return false;
  if (filters.platform !== 'all' && row.platform.id !== filters.platform && row.cdn?.id !== filters.platform) return false;
  for (const t of terms) if (termMatches(t, row, exchange, diagnosis) === t.negate) return false;
  return true;
}

export function filtersActive(f: Filters): boolean {
  return f.text.trim() !== '' || f.scope !== 'all' || f.platform !== 'all';
}
