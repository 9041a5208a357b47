/**
 * Cache findings, only from evidence: a response served from the HTTP cache or a CDN hit, an
 * earlier no-Origin request for the same URL, or the preflight cache (Chromium caches only
 * successful preflights, for Max-Age seconds — 5 s by default, at most 7200 s).
 */
import type { Exchange, Fix, ResponseRecord } from '../../model';
import { makeFinding } from './catalogue';
import type { Candidate, RuleContext } from './context';
import { fixesFor } from './context';
import { cdnCacheHit, effectiveMaxAge, hasHeader, headerEvidence, headerValue, oneLine, splitList, varyHasOrigin } from './wire';

const ORIGIN_ERRORS = new Set(['MissingAllowOriginHeader', 'AllowOriginMismatch']);

function sameResource(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/** Explicit freshness: something a cache will keep and reuse without asking the server. */
function explicitlyCacheable(r: ResponseRecord): boolean {
  const cc = splitList(headerValue(r, 'cache-control')).map((d) => d.toLowerCase());
  if (cc.includes('no-store')) return false;
  const age = (name: string): number => {
    const d = cc.find((x) => x.startsWith(`${name}=`));
    return d ? Number.parseInt(d.slice(name.length + 1), 10) : 0;
  };
  return age('max-age') > 0 || age('s-maxage') > 0 || cc.includes('public') || hasHeader(r, 'expires');
}

function storedWithoutOrigin(prev: Exchange, url: string): boolean {
  if (!sameResource(prev.request.url, url) || !prev.response) return false;
  const noOrigin = prev.mode === 'no-cors' || prev.mode === 'navigate' || !hasHeader(prev.request, 'origin');
  const r = prev.response;
  return noOrigin && !hasHeader(r, 'access-control-allow-origin') && !varyHasOrigin(r)
    && !splitList(headerValue(r, 'cache-control')).some((d) => d.toLowerCase() === 'no-store');
}

function httpCache(ctx: RuleContext): Candidate[] {
  const r = ctx.facts.actual;
  if (!r) return [];
  const blockedOnOrigin = ctx.verdict.blocked && ctx.verdict.corsError !== null && ORIGIN_ERRORS.has(ctx.verdict.corsError) && ctx.verdict.phase === 'actual';
  const fromCache = r.fromCache === 'memory' || r.fromCache === 'disk';
  // Only a blocked request needs the (linear) look through earlier exchanges.
  const earlier = blockedOnOrigin && !varyHasOrigin(r)
    ? ctx.related.find((prev) => prev.id !== ctx.exchange.id && storedWithoutOrigin(prev, ctx.exchange.request.url))
    : undefined;
  if (blockedOnOrigin && !varyHasOrigin(r) && (fromCache || earlier)) {
    const fixes = fixesFor(ctx, ['vary', 'client-crossorigin']);
    const source = earlier
      ? `an earlier ${earlier.mode === 'navigate' ? 'navigation' : earlier.resourceType ?? 'no-cors'} request for the same URL (${earlier.id}) stored a copy without Access-Control-Allow-Origin and without Vary: Origin`
      : 'it was stored by an earlier request that did not carry this Origin (an <img>, a <link> without crossorigin, a navigation, or a page from another origin)';
    return [{
      finding: makeFinding('http-cache-without-vary', {
        explanation: `The browser answered this request from its HTTP cache${r.fromCache ? ` (${r.fromCache} cache)` : ''}: ${source}. Because the server does not send Vary: Origin, the cache treats that copy as good for every requester and reuses it for your CORS request, which then fails. This is why it can come and go. The server should send Vary: Origin on every response of this URL (or the page should load it in CORS mode everywhere).`,
        evidence: [
          r.fromCache ? `response served from the ${r.fromCache} cache` : null,
          headerEvidence('response', r, 'Access-Control-Allow-Origin'),
          headerEvidence('response', r, 'Vary'),
          earlier ? `earlier request ${earlier.id}: ${earlier.request.method} ${oneLine(earlier.request.url, 100)} without Origin` : null,
        ],
        fixes,
      }),
      headline: 'The browser reused a cached copy of this response made for a request without CORS, because the server does not send Vary: Origin.',
      summary: 'Cached copy without Vary: Origin',
    }];
  }
  const acao = headerValue(r, 'access-control-allow-origin');
  if (!ctx.verdict.blocked && acao && acao !== '*' && !varyHasOrigin(r) && explicitlyCacheable(r)) {
    const fixes = fixesFor(ctx, ['vary', 'client-crossorigin']);
    return [{
      finding: makeFinding('http-cache-without-vary', {
        severity: 'warning',
        title: 'Cacheable CORS response without Vary: Origin',
        explanation: `The server echoes a specific origin (${oneLine(acao, 80)}) and lets caches keep the response (${oneLine(headerValue(r, 'cache-control') ?? headerValue(r, 'expires') ?? '', 60)}), but does not send Vary: Origin. A browser or CDN cache can then serve this copy to another origin, or a copy made without Origin to this page, and the request fails intermittently. Add Vary: Origin.`,
        evidence: [headerEvidence('response', r, 'Access-Control-Allow-Origin'), headerEvidence('response', r, 'Cache-Control'), headerEvidence('response', r, 'Vary')],
        fixes,
      }),
    }];
  }
  return [];
}

function cdnCache(ctx: RuleContext): Candidate[] {
  const r = ctx.facts.actual;
  if (!r || !ctx.verdict.blocked || ctx.verdict.phase !== 'actual' || !ctx.verdict.corsError || !ORIGIN_ERRORS.has(ctx.verdict.corsError)) return [];
  const hit = cdnCacheHit(r);
  if (!hit) return [];
  const acao = headerValue(r, 'access-control-allow-origin');
  const cloudfront = /cloudfront/i.test(hit) || ctx.cdn?.id === 'aws-cloudfront' || ctx.platform.id === 'aws-cloudfront';
  const genericFix: Fix = {
    stack: 'cdn',
    title: 'Make the CDN keep one copy per Origin, then purge',
    language: 'text',
    snippet: 'Add the Origin request header to the CDN cache key (or make it honour Vary: Origin), and have the origin send Vary: Origin.\nThen purge the cached copies of this URL.',
  };
  const fixes = cloudfront ? fixesFor(ctx, ['cache-key']) : [genericFix, ...fixesFor(ctx, ['vary'])];
  return [{
    finding: makeFinding('cdn-cache-without-vary', {
      explanation: `The CDN served this response from its cache (${hit}) and the copy ${acao === null ? 'has no Access-Control-Allow-Origin' : `allows ${oneLine(acao, 80)}, not ${ctx.facts.sentOrigin}`}. The cache key does not include the Origin request header, so the CDN stored the answer to the first request — one without Origin, or from another origin — and now serves it to everyone.${cloudfront ? ' On CloudFront, put Origin in the cache policy (headers in the cache key are also forwarded, so the origin sees Origin and answers with CORS headers), then invalidate.' : ''} To confirm, repeat the request with a cache-busting query string: if that answer has the header, the cache is the problem.`,
      evidence: [hit, headerEvidence('response', r, 'Access-Control-Allow-Origin'), headerEvidence('response', r, 'Vary'), headerEvidence('response', r, 'Age'), `request Origin: ${ctx.facts.sentOrigin}`],
      fixes,
    }),
    headline: `The CDN served a cached copy ${acao === null ? 'without CORS headers' : `made for ${oneLine(acao, 60)}`} because its cache key ignores the Origin header.`,
    summary: 'CDN cache hit without Origin in the cache key',
  }];
}

function preflightRecordFor(ctx: RuleContext): { startedAt?: number; response?: ResponseRecord } | null {
  if (ctx.exchange.preflight?.response) return { startedAt: ctx.exchange.preflight.startedAt, response: ctx.exchange.preflight.response };
  const earlier = ctx.exchange.cachedPreflightId ? ctx.related.find((e) => e.id === ctx.exchange.cachedPreflightId) : undefined;
  if (earlier?.preflight?.response) return { startedAt: earlier.preflight.startedAt ?? earlier.startedAt, response: earlier.preflight.response };
  return null;
}

function preflightCache(ctx: RuleContext): Candidate[] {
  const v = ctx.verdict;
  if (v.blocked && v.phase === 'preflight') {
    return [{
      finding: makeFinding('preflight-cache', {
        title: "Clearing the browser cache won't change this",
        explanation: 'Chromium never stores a failed preflight, so no cache is involved here: every attempt sends a fresh OPTIONS request and gets the same answer until the server changes. A hard refresh or clearing the cache will not help; as soon as the server is fixed (and deployed), the next request works.',
        evidence: ['the preflight failed, so nothing was stored in the preflight cache'],
      }),
    }];
  }
  if (ctx.exchange.preflightFromCache) {
    const record = preflightRecordFor(ctx);
    const maxAge = effectiveMaxAge(record?.response ? headerValue(record.response, 'access-control-max-age') : null);
    const until = record?.startedAt !== undefined && record.response
      ? ` until ${new Date(record.startedAt + maxAge.seconds * 1000).toISOString()} (Access-Control-Max-Age ${maxAge.raw ?? 'absent → 5'} s${maxAge.capped ? ', capped at 7200 s' : ''})`
      : ' for as long as the original answer\'s Access-Control-Max-Age allowed (5 s when absent, at most 7200 s = 2 hours in Chromium)';
    const actualNote = v.blocked ? ' The cached entry covers only the method and header checks; the response\'s own CORS headers are checked every time, so the failure is in this response.' : '';
    return [{
      finding: makeFinding('preflight-cache', {
        title: 'The preflight was answered from the preflight cache',
        explanation: `No OPTIONS request went out: Chromium reused the result of an earlier successful preflight (kept per page origin, URL and credentials mode)${until}. Changes to the server's preflight answer reach this page only after that entry expires.${actualNote}`,
        evidence: [
          'no preflight on the wire (served from the preflight cache)',
          ctx.exchange.cachedPreflightId ? `earlier preflight: ${ctx.exchange.cachedPreflightId}` : null,
          record?.response ? headerEvidence('cached preflight response', record.response, 'Access-Control-Max-Age') : null,
        ],
      }),
    }];
  }
  const p = ctx.facts.preflight;
  if (p && !v.blocked) {
    const maxAge = effectiveMaxAge(headerValue(p, 'access-control-max-age'));
    if (maxAge.capped) {
      return [{
        finding: makeFinding('preflight-cache', {
          title: 'Access-Control-Max-Age is capped at 2 hours',
          explanation: `The preflight answer asks to be cached for ${maxAge.raw} s; Chromium keeps preflight results for at most 7200 s (2 hours), so this page will send a new preflight after that.`,
          evidence: [headerEvidence('preflight response', p, 'Access-Control-Max-Age')],
        }),
      }];
    }
  }
  return [];
}

export function cacheFindings(ctx: RuleContext): Candidate[] {
  if (!ctx.verdict.crossOrigin) return [];
  return [...httpCache(ctx), ...cdnCache(ctx), ...preflightCache(ctx)];
}
