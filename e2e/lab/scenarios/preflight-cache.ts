/**
 * The preflight cache. The page makes an earlier CORS request to the same URL (setup), then the measured
 * one. The server answers the FIRST preflight with an allowing answer (with some Max-Age) and any LATER
 * preflight with 404 and no CORS headers, so the measured request passes only if Chromium reused the
 * cached preflight (and `preflights` in the verdict shows whether one went on the wire).
 */
import type { CredentialsMode } from '../../../src/model';
import type { Answer, HeaderLine, Scenario, SetupStep } from '../scenario';
import { ACAC, ACAH, ACAM, ACAO, APP, MAX_AGE, show, text } from './build';

const REFUSE: Answer = { status: 404, headers: [['Content-Type', 'text/plain']], body: 'no preflight here' };

interface CacheCase {
  slug: string;
  title: string;
  /** Allow lines of the first preflight besides ACAO (Max-Age included). */
  allow: readonly HeaderLine[];
  method?: string;
  headers?: readonly HeaderLine[];
  credentials?: CredentialsMode;
  cache?: 'no-store' | 'reload' | 'no-cache' | 'force-cache';
  setup?: SetupStep;
  /** Answer every preflight the same (no refusal later). */
  alwaysAllow?: boolean;
  /** The first preflight refuses, the later ones allow (a failed preflight must not be cached). */
  refuseFirst?: boolean;
}

const maxAge = (v: string): HeaderLine => [MAX_AGE, v];
const PUT: HeaderLine = [ACAM, 'PUT'];

const MAX_AGES = ['600', '0', '-1', '1', '7200', '86400', 'abc', ' 60', '60.5', '10, 20', '1e3', '+60', '0600', ''];

const CASES: readonly CacheCase[] = [
  { slug: 'max-age-absent', title: 'Max-Age absent (default lifetime)', allow: [PUT] },
  ...MAX_AGES.map((v, i): CacheCase => ({
    slug: `max-age-${['600', 'zero', 'negative', 'one', '7200', '86400', 'text', 'leading-space', 'fraction', 'list', 'exponent', 'plus', 'leading-zero', 'empty'][i] ?? String(i)}`,
    title: `Max-Age ${show(v)}`,
    allow: [PUT, maxAge(v)],
  })),
  { slug: 'max-age-two-lines', title: 'Max-Age on two lines (600, 0)', allow: [PUT, maxAge('600'), maxAge('0')] },
  { slug: 'other-method-not-covered', title: 'Second request uses DELETE; cached entry allows PUT only', allow: [PUT, maxAge('600')], method: 'DELETE', setup: { kind: 'cors-fetch', method: 'PUT' } },
  { slug: 'other-method-covered', title: 'Second request uses DELETE; cached entry allows PUT, DELETE', allow: [[ACAM, 'PUT, DELETE'], maxAge('600')], method: 'DELETE', setup: { kind: 'cors-fetch', method: 'PUT' } },
  { slug: 'star-method-covers-other', title: 'Cached entry allows *; second request uses PATCH', allow: [[ACAM, '*'], maxAge('600')], method: 'PATCH', setup: { kind: 'cors-fetch', method: 'PUT' } },
  { slug: 'new-header-not-covered', title: 'Second request adds X-Extra, not in the cached entry', allow: [PUT, [ACAH, 'x-custom'], maxAge('600')], headers: [['X-Custom', '1'], ['X-Extra', '1']], setup: { kind: 'cors-fetch', headers: [['X-Custom', '1']] } },
  { slug: 'header-covered', title: 'Second request header covered by the cached entry', allow: [PUT, [ACAH, 'x-custom, x-extra'], maxAge('600')], headers: [['X-Extra', '1']], setup: { kind: 'cors-fetch', headers: [['X-Custom', '1']] } },
  { slug: 'omit-then-include', title: 'First without credentials, second with', allow: [PUT, [ACAC, 'true'], maxAge('600')], credentials: 'include', setup: { kind: 'cors-fetch', credentials: 'omit' } },
  { slug: 'include-then-omit', title: 'First with credentials, second without', allow: [PUT, [ACAC, 'true'], maxAge('600')], credentials: 'omit', setup: { kind: 'cors-fetch', credentials: 'include' } },
  { slug: 'second-no-store', title: 'Second request with cache: "no-store"', allow: [PUT, maxAge('600')], cache: 'no-store' },
  { slug: 'second-reload', title: 'Second request with cache: "reload"', allow: [PUT, maxAge('600')], cache: 'reload' },
  { slug: 'second-no-cache', title: 'Second request with cache: "no-cache"', allow: [PUT, maxAge('600')], cache: 'no-cache' },
  { slug: 'second-force-cache', title: 'Second request with cache: "force-cache"', allow: [PUT, maxAge('600')], cache: 'force-cache' },
  { slug: 'failed-first-not-cached', title: 'First preflight refused, second allowed', allow: [PUT, maxAge('600')], refuseFirst: true },
  { slug: 'always-allowed', title: 'Both preflights would be allowed (Max-Age 0)', allow: [PUT, maxAge('0')], alwaysAllow: true },
];

export const PREFLIGHT_CACHE: readonly Scenario[] = CASES.map((c): Scenario => {
  const credentials = c.credentials ?? 'omit';
  const allowing: Answer = { status: 204, headers: [[ACAO, APP], ...c.allow] };
  const preflight: readonly Answer[] = c.alwaysAllow ? [allowing] : c.refuseFirst ? [REFUSE, allowing] : [allowing, REFUSE];
  const actualLines: HeaderLine[] = c.allow.some(([n]) => n === ACAC) ? [[ACAO, APP], [ACAC, 'true']] : [[ACAO, APP]];
  return {
    id: `preflight-cache-${c.slug}`,
    title: c.title,
    dimension: 'preflight-cache',
    description: `An earlier ${c.setup?.kind === 'cors-fetch' && c.setup.method ? c.setup.method : 'identical'} request, then a ${c.method ?? 'PUT'}${c.headers ? ` with ${c.headers.map(([n]) => n).join(', ')}` : ''} (credentials "${credentials}"${c.cache ? `, cache "${c.cache}"` : ''}). ${c.refuseFirst ? 'The first preflight is refused, later ones allowed' : c.alwaysAllow ? 'Every preflight is allowed' : 'The first preflight is allowed, any later one refused (404)'}; the allowing answer carries ${c.allow.map(([n, v]) => `${n}: ${show(v)}`).join(', ')}.`,
    request: {
      target: 'api', method: c.method ?? 'PUT', credentials, body: 'x',
      ...(c.headers ? { headers: c.headers } : {}),
      ...(c.cache ? { cache: c.cache } : {}),
      setup: [c.setup ?? { kind: 'cors-fetch' }],
    },
    preflight,
    actual: text(200, actualLines),
  };
});
