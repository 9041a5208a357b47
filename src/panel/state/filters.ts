/**
 * The list filters: scope (All / Blocked / Cross-origin), platform, and a text box that takes
 * words like the Network panel's: space-separated terms, all must match; `-term` excludes;
 * `key:value` for method, status, error, platform, origin, host (domain), is.
 */
import type { Diagnosis, Exchange } from '../../model';
import { urlParts } from '../lib/url';
import { statusCodes, type RowModel, type RowStatus } from './row-model';

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

/** `is:` words the exchange alone decides (never a row status, never "failed"). */
const EXCHANGE_FACTS: ReadonlySet<string> = new Set(['preflight', 'preflighted', 'cached', 'preflight-cached', 'redirect', 'redirected']);
/** `is:` words only the diagnosis decides: the row statuses and "failed". */
const DIAGNOSIS_FACTS: ReadonlySet<string> = new Set<RowStatus | 'failed'>(['blocked', 'allowed', 'warning', 'pending', 'same-origin', 'failed']);

function exchangeFacts(exchange: Exchange): string[] {
  const facts: string[] = [];
  if (exchange.preflight) facts.push('preflight', 'preflighted');
  if (exchange.preflightFromCache) facts.push('cached', 'preflight-cached');
  if (exchange.redirects.length || exchange.preflight?.redirect) facts.push('redirect', 'redirected');
  return facts;
}

function isFacts(row: RowModel, exchange: Exchange): string[] {
  const facts: string[] = [row.status, ...exchangeFacts(exchange)];
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

/** What a term can read of an exchange without its diagnosis: the row fields that come from the exchange alone. */
class ExchangeFields {
  private codesText: string | undefined;
  private hostText: string | undefined;
  private hayText: string | undefined;
  constructor(private readonly exchange: Exchange) {}
  get codes(): string {
    this.codesText ??= statusCodes(this.exchange);
    return this.codesText;
  }
  get host(): string {
    this.hostText ??= urlParts(this.exchange.request.url).host;
    return this.hostText;
  }
  /** The start of a row's free-text haystack (see termMatches): method, URL, page origin, status codes. */
  get hay(): string {
    this.hayText ??= [this.exchange.request.method, this.exchange.request.url, this.exchange.pageOrigin, this.codes].join('\n').toLowerCase();
    return this.hayText;
  }
}

/**
 * A term's result from the exchange alone, or null when only the diagnosis can tell. Whenever it is
 * not null it is what termMatches returns (the row's method, URL, page origin, host and status codes
 * come from the exchange; see rowModel).
 */
function termWithoutDiagnosis(term: Term, exchange: Exchange, fields: ExchangeFields): boolean | null {
  const v = term.value;
  switch (term.key) {
    case 'method': return exchange.request.method.toLowerCase() === v;
    case 'status':
    case 'status-code': return fields.codes.split(/[^0-9]+/).includes(v);
    case 'origin': return exchange.pageOrigin.toLowerCase().includes(v);
    case 'host':
    case 'domain': return fields.host.toLowerCase().includes(v);
    case 'is':
      if (EXCHANGE_FACTS.has(v)) return exchangeFacts(exchange).includes(v);
      return DIAGNOSIS_FACTS.has(v) ? null : false;
    case 'error':
    case 'platform':
      return null;
    case null:
      // The haystack is these fields, then the diagnosis' fields, joined by newlines (which a term never
      // holds): a hit in the first part is a hit; a miss says nothing yet.
      return fields.hay.includes(v) ? true : null;
  }
}

/**
 * The filters' decision from the exchange alone (no diagnosis): true or false when that decides,
 * null when the diagnosis is needed. Never disagrees with matchesFilters: the text box's words
 * often decide on the URL, method or status alone, so a filter typed before the background analysis
 * has finished does not have to diagnose every exchange.
 */
export function matchesWithoutDiagnosis(filters: Filters, terms: readonly Term[], exchange: Exchange): boolean | null {
  let unknown = filters.scope !== 'all' || filters.platform !== 'all';
  const fields = new ExchangeFields(exchange);
  for (const t of terms) {
    const m = termWithoutDiagnosis(t, exchange, fields);
    if (m === null) unknown = true;
    else if (m === t.negate) return false;
  }
  return unknown ? null : true;
}

export function filtersActive(f: Filters): boolean {
  return f.text.trim() !== '' || f.scope !== 'all' || f.platform !== 'all';
}
