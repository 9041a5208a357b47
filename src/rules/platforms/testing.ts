/**
 * Test support for platform and finding tests: builders for exchanges, and a Verdict built from
 * what Chromium itself reported (observed.corsError) — so these tests exercise the platform
 * knowledge independently of the verdict engine. Not used by product code.
 */
import type { CorsError, Exchange, Header, Phase, ResponseRecord, Verdict } from '../../model';
import { isCorsError } from '../../model';

export function headers(record: Record<string, string | string[]>): Header[] {
  return Object.entries(record).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: v })));
}

export function response(status: number, h: Record<string, string | string[]> = {}, body?: string): ResponseRecord {
  return { status, headers: headers(h), ...(body !== undefined ? { body } : {}) };
}

export interface ExchangeInput {
  id?: string;
  pageOrigin?: string;
  method?: string;
  url: string;
  requestHeaders?: Record<string, string | string[]>;
  credentials?: Exchange['credentials'];
  preflight?: { requestHeaders?: Record<string, string>; response?: ResponseRecord; redirect?: Exchange['redirects'][number] };
  response?: ResponseRecord;
  redirects?: Exchange['redirects'];
  corsError?: CorsError | null;
  failedParameter?: string;
  preflightFromCache?: boolean;
  cachedPreflightId?: string;
  mode?: Exchange['mode'];
}

export function exchange(input: ExchangeInput): Exchange {
  const pageOrigin = input.pageOrigin ?? 'http://localhost:3000';
  const method = input.method ?? 'GET';
  const reqHeaders = headers({ Origin: pageOrigin, ...(input.requestHeaders ?? {}) });
  const out: Exchange = {
    id: input.id ?? 'x1',
    source: 'simulator',
    pageOrigin,
    startedAt: 1_700_000_000_000,
    request: { method, url: input.url, headers: reqHeaders },
    redirects: input.redirects ?? [],
    observed: {
      failed: input.corsError !== undefined && input.corsError !== null,
      ...(input.corsError ? { corsError: input.corsError } : {}),
      ...(input.failedParameter !== undefined ? { failedParameter: input.failedParameter } : {}),
    },
  };
  if (input.credentials) out.credentials = input.credentials;
  if (input.mode) out.mode = input.mode;
  if (input.response) out.response = input.response;
  if (input.preflightFromCache) out.preflightFromCache = true;
  if (input.cachedPreflightId) out.cachedPreflightId = input.cachedPreflightId;
  if (input.preflight) {
    out.preflight = {
      request: {
        method: 'OPTIONS',
        url: input.url,
        headers: headers({ Origin: pageOrigin, 'Access-Control-Request-Method': method, ...(input.preflight.requestHeaders ?? {}) }),
      },
      ...(input.preflight.response ? { response: input.preflight.response } : {}),
      ...(input.preflight.redirect ? { redirect: input.preflight.redirect } : {}),
      startedAt: 1_700_000_000_000 - 50,
    };
  }
  return out;
}

/** Where Chromium reports each error (cors-checks.md §1); redirect-phase origin checks need the hint. */
export function phaseOf(error: CorsError, exchange?: Exchange): Phase {
  if (error.startsWith('Preflight') || error.endsWith('PreflightResponse') || error === 'InvalidResponse') return 'preflight';
  if (error === 'DisallowedByMode' || error === 'CorsDisabledScheme' || error === 'NoCorsRedirectModeNotFollow') return 'request';
  if (error === 'RedirectContainsCredentials') return 'redirect';
  return exchange && exchange.redirects.length > 0 && !exchange.response ? 'redirect' : 'actual';
}

/** A Verdict carrying Chromium's own observed outcome. */
export function verdictFromObserved(exchange: Exchange, overrides: Partial<Verdict> = {}): Verdict {
  const raw = exchange.observed.corsError;
  const corsError = isCorsError(raw) ? raw : null;
  return {
    crossOrigin: true,
    blocked: corsError !== null,
    corsError,
    failedParameter: exchange.observed.failedParameter ?? null,
    phase: corsError ? phaseOf(corsError, exchange) : exchange.preflight ? 'actual' : 'actual',
    checks: [],
    credentials: { mode: exchange.credentials ?? 'same-origin', inferred: exchange.credentials === undefined },
    preflightReasons: exchange.preflight ? ['non-simple request'] : [],
    notes: [],
    ...overrides,
  };
}
