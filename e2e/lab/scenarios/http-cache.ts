/**
 * The HTTP cache: a response stored by a no-cors load (an <img>, a no-cors fetch; no Origin header) is
 * reused for a later CORS fetch of the same URL. Like S3, the server adds ACAO only when the request
 * carries Origin (`actualWithoutOrigin` has none), so a reused copy lacks it.
 */
import type { CredentialsMode } from '../../../src/model';
import type { Answer, HeaderLine, Scenario, SetupStep } from '../scenario';
import { ACAC, ACAO, APP, show } from './build';

interface HttpCacheCase {
  slug: string;
  title: string;
  setup: SetupStep;
  /** Caching headers on both answers. */
  caching: readonly HeaderLine[];
  /** CORS lines the server adds when Origin is present. */
  cors?: readonly HeaderLine[];
  /** CORS lines the server adds even without Origin (a server that does not vary). */
  always?: readonly HeaderLine[];
  credentials?: CredentialsMode;
  cache?: 'no-store' | 'reload' | 'no-cache' | 'force-cache';
  /** Answer to a revalidation (If-None-Match). */
  revalidation?: Answer;
}

const IMG: SetupStep = { kind: 'no-cors-img' };
const NO_CORS: SetupStep = { kind: 'no-cors-fetch' };
const MAX_AGE: readonly HeaderLine[] = [['Cache-Control', 'max-age=600']];
const ETAG: HeaderLine = ['ETag', '"v1"'];

const CASES: readonly HttpCacheCase[] = [
  { slug: 'img-then-cors', title: '<img> warm-up, then CORS fetch (no Vary)', setup: IMG, caching: MAX_AGE },
  { slug: 'no-cors-fetch-then-cors', title: 'no-cors fetch warm-up, then CORS fetch', setup: NO_CORS, caching: MAX_AGE },
  { slug: 'no-cors-omit-then-cors', title: 'no-cors fetch (credentials omit) warm-up, then CORS fetch', setup: { kind: 'no-cors-fetch', credentials: 'omit' }, caching: MAX_AGE },
  { slug: 'img-then-cors-include', title: '<img> warm-up, then credentialed CORS fetch', setup: IMG, caching: MAX_AGE, cors: [[ACAO, APP], [ACAC, 'true']], credentials: 'include' },
  { slug: 'img-vary-origin', title: '<img> warm-up with Vary: Origin', setup: IMG, caching: [...MAX_AGE, ['Vary', 'Origin']] },
  { slug: 'img-vary-star', title: '<img> warm-up with Vary: *', setup: IMG, caching: [...MAX_AGE, ['Vary', '*']] },
  { slug: 'img-vary-accept-encoding', title: '<img> warm-up with Vary: Accept-Encoding only', setup: IMG, caching: [...MAX_AGE, ['Vary', 'Accept-Encoding']] },
  { slug: 'img-vary-origin-lowercase', title: '<img> warm-up with vary: origin (lower case)', setup: IMG, caching: [...MAX_AGE, ['vary', 'origin']] },
  { slug: 'img-no-store', title: '<img> warm-up answered Cache-Control: no-store', setup: IMG, caching: [['Cache-Control', 'no-store']] },
  // Chromium never reports the end of a no-store body a no-cors fetch cannot read (the runner must not wait for it).
  { slug: 'no-cors-fetch-no-store', title: 'no-cors fetch warm-up answered Cache-Control: no-store', setup: NO_CORS, caching: [['Cache-Control', 'no-store']] },
  { slug: 'img-private', title: '<img> warm-up answered Cache-Control: private, max-age=600', setup: IMG, caching: [['Cache-Control', 'private, max-age=600']] },
  { slug: 'img-expires', title: '<img> warm-up with only Expires in the future', setup: IMG, caching: [['Expires', 'Thu, 01 Jan 2099 00:00:00 GMT']] },
  { slug: 'img-last-modified-heuristic', title: '<img> warm-up with only Last-Modified (heuristic freshness)', setup: IMG, caching: [['Last-Modified', 'Mon, 01 Jan 2001 00:00:00 GMT']] },
  { slug: 'img-then-cors-no-store', title: '<img> warm-up, then CORS fetch with cache: "no-store"', setup: IMG, caching: MAX_AGE, cache: 'no-store' },
  { slug: 'img-then-cors-reload', title: '<img> warm-up, then CORS fetch with cache: "reload"', setup: IMG, caching: MAX_AGE, cache: 'reload' },
  { slug: 'img-then-cors-force-cache', title: '<img> warm-up, then CORS fetch with cache: "force-cache"', setup: IMG, caching: MAX_AGE, cache: 'force-cache' },
  { slug: 'img-then-cors-no-cache-200', title: '<img> warm-up, then cache: "no-cache" (server answers 200 again)', setup: IMG, caching: [...MAX_AGE, ETAG], cache: 'no-cache' },
  { slug: 'revalidate-304-with-acao', title: 'Stored without ACAO, revalidated by a 304 that carries ACAO', setup: IMG, caching: [['Cache-Control', 'no-cache'], ETAG], revalidation: { status: 304, headers: [ETAG, [ACAO, APP]] } },
  { slug: 'revalidate-304-without-acao', title: 'Stored without ACAO, revalidated by a 304 without ACAO', setup: IMG, caching: [['Cache-Control', 'no-cache'], ETAG], revalidation: { status: 304, headers: [ETAG] } },
  { slug: 'server-always-acao', title: 'Server sends ACAO even without Origin: reuse is harmless', setup: IMG, caching: MAX_AGE, always: [[ACAO, APP]] },
  { slug: 'server-always-star', title: 'Server sends ACAO * always: reuse is harmless', setup: IMG, caching: MAX_AGE, always: [[ACAO, '*']], cors: [] },
];

export const HTTP_CACHE: readonly Scenario[] = CASES.map((c): Scenario => {
  const credentials = c.credentials ?? 'omit';
  const cors = c.cors ?? [[ACAO, APP]];
  const always = c.always ?? [];
  const body = 'cached body';
  const base: HeaderLine[] = [['Content-Type', 'text/plain'], ...c.caching, ...always];
  return {
    id: `http-cache-${c.slug}`,
    title: c.title,
    dimension: 'http-cache',
    description: `First a ${c.setup.kind === 'no-cors-img' ? '<img>' : 'no-cors fetch'} load of the URL, answered with ${c.caching.map(([n, v]) => `${n}: ${show(v)}`).join(', ')}${always.length ? ` and ${always.map(([n, v]) => `${n}: ${v}`).join(', ')}` : ' and no ACAO'}; then a CORS GET (credentials "${credentials}"${c.cache ? `, cache "${c.cache}"` : ''}) of the same URL, which the server would answer with ${cors.length ? cors.map(([n, v]) => `${n}: ${v}`).join(', ') : 'the same headers'}.${c.revalidation ? ` A revalidation is answered ${c.revalidation.status}${c.revalidation.headers.some(([n]) => n === ACAO) ? ' with ACAO' : ' without ACAO'}.` : ''}`,
    request: { target: 'api', method: 'GET', credentials, ...(c.cache ? { cache: c.cache } : {}), setup: [c.setup] },
    actualWithoutOrigin: { status: 200, headers: base, body },
    actual: { status: 200, headers: [...base, ...cors], body },
    ...(c.revalidation ? { actualConditional: c.revalidation } : {}),
  };
});

/**
 * The copy is stored at the end of a redirect: the <img> of /r follows the 302 and stores the target's
 * answer; a later CORS request of /r follows the same redirect and is handed that copy (DevTools' HAR
 * shows the target as status 0). Found by random lab scenarios.
 */
const TO_HOP_302: HeaderLine[] = [[ACAO, APP], [ACAC, 'true']];
export const HTTP_CACHE_AFTER_REDIRECT: readonly Scenario[] = [
  {
    id: 'http-cache-after-redirect-post-include',
    title: 'A cached copy at a redirect target: a credentialed POST → 302 → GET handed it',
    dimension: 'http-cache',
    description: 'An <img> load of /r follows a 302 (ACAO page, ACAC true) to a 204 with Cache-Control: max-age=600, ACAO page and ACAC false; then a credentialed POST to /r is redirected the same way (now a GET) and handed the stored 204.',
    request: { target: 'api', method: 'POST', credentials: 'include', body: 'x', setup: [IMG] },
    redirects: [{ status: 302, to: 'api', headers: TO_HOP_302 }],
    actual: { status: 204, headers: [[ACAO, APP], [ACAC, 'false'], ...MAX_AGE] },
  },
  {
    id: 'http-cache-stored-301-without-acao',
    title: 'A stored 301 without ACAO handed to a later CORS GET',
    dimension: 'http-cache',
    description: 'An <img> load of /r is answered with a 301 (cacheable by default) without Access-Control-Allow-Origin; a later CORS GET of /r is handed that stored 301, and CORS checks it like any redirect.',
    request: { target: 'api', method: 'GET', credentials: 'omit', setup: [IMG] },
    redirects: [{ status: 301, to: 'api', headers: [] }],
    actual: { status: 200, headers: [[ACAO, APP]], body: 'final' },
  },
  {
    id: 'http-cache-after-redirect-get-allowed',
    title: 'A cached copy at a redirect target that allows the page',
    dimension: 'http-cache',
    description: 'An <img> load of /r follows a 302 to a 200 with Cache-Control: max-age=600 and ACAO page; then a CORS GET of /r (credentials omit) follows the same redirect and is handed the stored copy.',
    request: { target: 'api', method: 'GET', credentials: 'omit', setup: [IMG] },
    redirects: [{ status: 302, to: 'api', headers: [[ACAO, APP]] }],
    actual: { status: 200, headers: [[ACAO, APP], ...MAX_AGE], body: 'cached body' },
  },
  // The copy stored by an earlier CORS fetch: the credentials mode is not part of the cache key, and a
  // Vary: Origin matches the same Origin. Found by random lab scenarios.
  {
    id: 'http-cache-cors-stored-308-then-include',
    title: 'A 308 stored by a plain CORS fetch, handed to a credentialed one',
    dimension: 'http-cache',
    description: 'A CORS GET of /r (credentials omit) follows a 308 (cacheable by default) that allows the page without ACAC; a later credentialed GET of /r is handed the stored 308, which fails the credentials check at the redirect.',
    request: { target: 'api', method: 'GET', credentials: 'include', setup: [{ kind: 'cors-fetch', credentials: 'omit' }] },
    redirects: [{ status: 308, to: 'api', headers: [[ACAO, APP], ['Vary', 'Origin']] }],
    actual: { status: 200, headers: [[ACAO, APP], [ACAC, 'true']], body: 'final' },
  },
  {
    id: 'http-cache-cors-stored-200-then-include',
    title: 'A 200 stored by a plain CORS fetch, handed to a credentialed one',
    dimension: 'http-cache',
    description: 'A CORS GET of /r (credentials omit) is answered 200 with Cache-Control: max-age=600, ACAO * and Vary: Origin; a later credentialed GET of /r is handed the stored copy, which ACAO * fails.',
    request: { target: 'api', method: 'GET', credentials: 'include', setup: [{ kind: 'cors-fetch', credentials: 'omit' }] },
    actual: { status: 200, headers: [[ACAO, '*'], ['Vary', 'Origin'], ...MAX_AGE], body: 'cached body' },
  },
  {
    id: 'http-cache-cors-failed-301-then-omit',
    title: 'A 301 that failed a credentialed fetch, handed to a plain one that follows it',
    dimension: 'http-cache',
    description: 'A credentialed CORS GET of /r fails at its 301 to third (ACAO page, no ACAC); a later GET of /r (credentials omit) is handed the stored 301, follows it to third with Origin null, and third answers ACAO = the page. In the HAR both 301s lead to one entry for third: the one the failed fetch never sent is the later request\'s.',
    request: { target: 'api', method: 'GET', credentials: 'omit', setup: [{ kind: 'cors-fetch', credentials: 'include' }] },
    redirects: [{ status: 301, to: 'third', headers: [[ACAO, APP]] }],
    actual: { status: 200, headers: [[ACAO, APP]], body: 'final' },
  },
];
