import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../model';
import { HarImportError } from './errors';
import { evaluate } from '../rules/evaluate';
import { exchangesFromHarEntries, importHar, importHarEntries } from './import';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/har/${name}`, import.meta.url), 'utf8');
const byPath = (exchanges: Exchange[], path: string): Exchange[] => exchanges.filter((e) => new URL(e.request.url).pathname === path);
const one = (exchanges: Exchange[], path: string): Exchange => {
  const found = byPath(exchanges, path);
  expect(found, path).toHaveLength(1);
  return found[0]!;
};
const header = (headers: { name: string; value: string }[], name: string): string | undefined =>
  headers.find((h) => h.name.toLowerCase() === name)?.value;

describe('real Chromium 156 HARs (test/fixtures/har, recorded by record.ts)', () => {
  for (const file of ['chrome-devtools.har', 'chrome-gethar.har', 'chrome-sanitized.har']) {
    describe(file, () => {
      const { exchanges, stats } = importHar(fixture(file));

      it('pairs every preflight with the request it guarded', () => {
        expect(stats.preflights).toBe(6);
        expect(stats.pairedPreflights).toBe(6);
        for (const path of ['/items/1', '/apigw/orders/7', '/headers-denied', '/secret', '/lower-patch']) {
          const ex = one(exchanges, path);
          expect(ex.preflight, path).toBeDefined();
          expect(header(ex.preflight!.request.headers, 'access-control-request-method')).toBe(ex.request.method);
        }
        // Two PUT /cached: the first carries the preflight, the second used the preflight cache.
        const cached = byPath(exchanges, '/cached');
        expect(cached.map((e) => e.preflight !== undefined)).toEqual([true, false]);
        expect(cached[1]!.preflightFromCache).toBe(true);
        expect(cached[1]!.cachedPreflightId).toBe(cached[0]!.id);
      });

      it('keeps cross-origin CORS requests and counts the rest', () => {
        expect(stats.exchanges).toBe(14);
        expect(stats.sameOrigin).toBe(1); // fetch('/same-origin')
        expect(stats.notCors).toBe(3); // the document, favicon, the <img>
        expect(exchanges.every((e) => e.pageOrigin === 'http://127.0.0.1:4710')).toBe(true);
        expect(exchanges.every((e) => e.source === 'har' && e.mode === 'cors')).toBe(true);
      });

      it('restores what provisional headers lack on a request that never went out', () => {
        const ex = one(exchanges, '/apigw/orders/7');
        expect(header(ex.request.headers, 'origin')).toBe('http://127.0.0.1:4710');
        expect(ex.response).toBeUndefined();
        expect(ex.observed).toEqual({ failed: true, errorText: 'net::ERR_FAILED' });
        expect(ex.preflight!.response!.status).toBe(403);
        expect(header(ex.preflight!.response!.headers, 'x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
        // Chromium keeps no body for preflights or CORS-rejected responses: platform signatures must come from headers.
        expect(ex.preflight!.response!.body).toBeUndefined();
        expect(one(exchanges, '/simple-noacao').response!.body).toBeUndefined();
      });

      it('keeps the response of a request the browser rejected', () => {
        const ex = one(exchanges, '/simple-noacao');
        expect(ex.response?.status).toBe(200);
        expect(ex.observed.failed).toBe(true);
      });

      it('reconstructs redirect chains, including one stopped at the redirect', () => {
        const ok = one(exchanges, '/redirect-ok');
        expect(ok.redirects).toHaveLength(1);
        expect(ok.redirects[0]!.location).toBe('http://127.0.0.1:4711/final');
        expect(ok.response?.status).toBe(200);
        expect(byPath(exchanges, '/final')).toHaveLength(0); // a hop, not its own exchange
        const stopped = one(exchanges, '/redirect-noacao');
        expect(stopped.redirects).toHaveLength(1);
        expect(stopped.redirects[0]!.response.status).toBe(302);
        expect(stopped.response).toBeUndefined();
        expect(stopped.observed.failed).toBe(true);
      });

      it('reports network errors as failures with their text', () => {
        expect(one(exchanges, '/refused').observed).toEqual({ failed: true, errorText: 'net::ERR_CONNECTION_REFUSED' });
      });

      it('keeps the method as sent (case-sensitive) and orders exchanges by start time', () => {
        expect(one(exchanges, '/lower-patch').request.method).toBe('patch');
        const times = exchanges.map((e) => e.startedAt);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      });
    });
  }

  it('fills in Authorization (value unknown) when DevTools sanitized it away but the preflight listed it', () => {
    const { exchanges } = importHar(fixture('chrome-sanitized.har'));
    expect(one(exchanges, '/secret').request.headers).toContainEqual({ name: 'authorization', value: '' });
    const full = importHar(fixture('chrome-devtools.har')).exchanges;
    expect(header(one(full, '/secret').request.headers, 'authorization')).toMatch(/^Bearer eyJ/);
  });

  it('reads Playwright HARs (no preflight entries, status -1 with _failureText)', () => {
    const { exchanges, stats } = importHar(fixture('playwright.har'));
    expect(stats.preflights).toBe(0);
    expect(stats.exchanges).toBe(14);
    expect(one(exchanges, '/simple-noacao').observed).toEqual({ failed: true, errorText: 'net::ERR_FAILED' });
    expect(one(exchanges, '/simple-noacao').response).toBeUndefined();
  });
});

describe('Firefox HAR (no _resourceType, no _error)', () => {
  const { exchanges, stats, creator } = importHar(fixture('firefox.har'));

  it('pairs the OPTIONS preflight by URL, method, Origin and time', () => {
    expect(creator).toBe('Firefox 128.0');
    expect(stats.pairedPreflights).toBe(1);
    const put = one(exchanges, '/prod/orders/17');
    expect(put.preflight?.response?.status).toBe(403);
    expect(put.observed.failed).toBe(true);
  });

  it('leaves the outcome unknown when the format does not say (failed is undefined, not false)', () => {
    expect(one(exchanges, '/prod/catalog').observed.failed).toBeUndefined();
  });

  it('uses Origin, not the page title, for the page origin; drops same-origin and no-cors', () => {
    expect(exchanges.every((e) => e.pageOrigin === 'https://app.example.com')).toBe(true);
    expect(stats.sameOrigin).toBe(1);
    expect(stats.notCors).toBe(2);
  });
});

// ------------------------------------------------------------ hand-built entries

let clock = Date.parse('2025-01-01T00:00:00Z');
interface EntryOpts {
  method?: string; url: string; headers?: Record<string, string>; status?: number; resHeaders?: Record<string, string>;
  error?: string | null; resourceType?: string; at?: number; redirectURL?: string;
}
function entry(o: EntryOpts): Record<string, unknown> {
  const at = o.at ?? (clock += 10);
  const h = (r: Record<string, string> = {}) => Object.entries(r).map(([name, value]) => ({ name, value }));
  return {
    _resourceType: o.resourceType ?? (o.method === 'OPTIONS' ? 'preflight' : 'fetch'),
    startedDateTime: new Date(at).toISOString(),
    time: 5,
    request: { method: o.method ?? 'GET', url: o.url, headers: h(o.headers) },
    response: { status: o.status ?? 200, headers: h(o.resHeaders), redirectURL: o.redirectURL ?? '', _error: o.error ?? null, content: { size: 0, mimeType: 'x-unknown' } },
  };
}
const APP = 'https://app.example';
const API = 'https://api.example/v1/things';
const preflight = (at: number, acrh?: string, origin = APP, method = 'PUT') => entry({
  method: 'OPTIONS', url: API, at, status: 204,
  headers: { Origin: origin, 'Access-Control-Request-Method': method, ...(acrh ? { 'Access-Control-Request-Headers': acrh } : {}) },
  resHeaders: { 'Access-Control-Allow-Origin': origin },
});
const actual = (at: number, headers: Record<string, string>, method = 'PUT') => entry({ method, url: API, at, headers: { Origin: APP, ...headers } });

describe('preflight pairing', () => {
  it('pairs concurrent requests to one URL by their Access-Control-Request-Headers', () => {
    const t = clock += 1000;
    const entries = [
      actual(t, { 'X-A': '1' }), actual(t + 1, { 'X-B': '1' }),
      preflight(t + 2, 'x-b'), preflight(t + 3, 'x-a'),
    ];
    const ex = exchangesFromHarEntries(entries);
    expect(ex).toHaveLength(2);
    for (const e of ex) {
      const custom = e.request.headers.find((h) => h.name.startsWith('X-'))!.name.toLowerCase();
      expect(header(e.preflight!.request.headers, 'access-control-request-headers')).toBe(custom);
    }
  });

  it('never gives one preflight to two requests', () => {
    const t = clock += 1000;
    const ex = exchangesFromHarEntries([actual(t, {}), actual(t + 5, {}), preflight(t + 1)]);
    expect(ex.filter((e) => e.preflight)).toHaveLength(1);
    expect(ex.find((e) => e.preflight)!.startedAt).toBe(t);
  });

  it('does not pair across methods (case-sensitive), origins, or far-apart times', () => {
    const t = clock += 1000;
    const res = importHarEntries([
      actual(t, {}, 'patch'), preflight(t + 1, undefined, APP, 'PATCH'),
      actual(t + 100, {}), preflight(t + 101, undefined, 'https://other.example'),
      actual(t + 200, {}), preflight(t + 60_000),
    ]);
    expect(res.stats.pairedPreflights).toBe(0);
    expect(res.stats.orphanPreflights).toBe(3);
    const reconstructed = res.exchanges.filter((e) => e.initiator?.startsWith('reconstructed'));
    expect(reconstructed).toHaveLength(3);
    expect(reconstructed.map((e) => e.request.method).sort()).toEqual(['PATCH', 'PUT', 'PUT']);
  });

  it('does not depend on the order of entries in the file (property)', () => {
    const t = clock += 1000;
    const entries = [
      actual(t, { 'X-A': '1' }), preflight(t + 1, 'x-a'),
      actual(t + 50, { 'X-B': '1' }), preflight(t + 51, 'x-b'),
      entry({ url: 'https://api.example/r', at: t + 60, status: 302, redirectURL: '/final', headers: { Origin: APP } }),
      entry({ url: 'https://api.example/final', at: t + 70, headers: { Origin: APP } }),
    ];
    const canonical = exchangesFromHarEntries(entries).map((e) => ({ ...e, id: '' }));
    fc.assert(fc.property(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), (shuffled) => {
      const got = exchangesFromHarEntries(shuffled).map((e) => ({ ...e, id: '' }));
      expect(got).toEqual(canonical);
    }), { numRuns: 50 });
  });

  it('stays fast on pathological input: thousands of identical requests', () => {
    const t = clock += 10_000;
    const entries: unknown[] = [];
    for (let i = 0; i < 5000; i++) entries.push(actual(t + i, {}), preflight(t + i));
    const res = importHarEntries(entries);
    expect(res.stats.pairedPreflights).toBe(5000);
  });
});

describe('page origin and filtering', () => {
  it('takes the page origin from Origin, else Referer, else the page URL', () => {
    const t = clock += 1000;
    const viaReferer = entry({ url: 'https://api.example/r', at: t, error: 'net::ERR_FAILED', status: 0, headers: { Referer: 'https://app.example/page?x=1' } });
    const viaPage = entry({ url: 'https://api.example/p', at: t + 1, error: 'net::ERR_FAILED', status: 0 });
    const ex = exchangesFromHarEntries([viaReferer, viaPage], { pageUrl: 'https://page.example/' });
    expect(ex.map((e) => e.pageOrigin)).toEqual(['https://app.example', 'https://page.example']);
  });

  it('keeps a same-origin request redirected to another origin (it becomes CORS at the hop)', () => {
    const t = clock += 1000;
    const ex = exchangesFromHarEntries([
      entry({ url: `${APP}/api`, at: t, status: 307, redirectURL: 'https://api.example/api', headers: { 'Sec-Fetch-Mode': 'cors', Referer: `${APP}/` } }),
      entry({ url: 'https://api.example/api', at: t + 5, headers: { Origin: 'null', 'Sec-Fetch-Mode': 'cors' } }),
    ]);
    expect(ex).toHaveLength(1);
    expect(ex[0]!.redirects).toHaveLength(1);
    expect(ex[0]!.pageOrigin).toBe(APP);
  });

  it('links a CORS request to an earlier no-cors load of the same URL (HTTP cache reuse)', () => {
    const t = clock += 1000;
    const url = 'https://cdn.example/logo.png';
    const [ex] = exchangesFromHarEntries([
      entry({ url, at: t, resourceType: 'image', headers: { 'Sec-Fetch-Mode': 'no-cors', Referer: `${APP}/` }, resHeaders: { 'Content-Type': 'image/png' } }),
      entry({ url, at: t + 100, headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, error: 'net::ERR_FAILED', resHeaders: { 'Content-Type': 'image/png' } }),
    ]);
    expect(ex!.earlierLoad).toMatchObject({ url, startedAt: t, resourceType: 'image', response: { status: 200 } });
  });

  it('links the copy an earlier no-cors load stored at the end of its redirects, and marks a followed last redirect', () => {
    // Found by random lab scenarios: an <img> of /r (302 → /hop, 204 cacheable), then a credentialed POST /r
    // (302 → GET /hop, handed the cached 204, rejected by CORS: status 0 in the HAR).
    const t = clock += 1000;
    const r = 'https://api.example/r';
    const hop = 'https://api.example/hop';
    const allow = { 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Credentials': 'true', Location: hop };
    const [ex] = exchangesFromHarEntries([
      entry({ url: r, at: t, resourceType: 'image', status: 302, redirectURL: hop, headers: { 'Sec-Fetch-Mode': 'no-cors' }, resHeaders: allow }),
      entry({ url: hop, at: t + 5, resourceType: 'image', status: 204, headers: { 'Sec-Fetch-Mode': 'no-cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Credentials': 'false', 'Cache-Control': 'max-age=600' } }),
      entry({ method: 'POST', url: r, at: t + 100, status: 302, redirectURL: hop, headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, resHeaders: allow }),
      entry({ url: hop, at: t + 105, status: 0, error: 'net::ERR_FAILED' }),
    ]);
    expect(ex!.redirects.map((h) => h.location)).toEqual([hop]);
    expect(ex!.response).toBeUndefined();
    expect(ex!.lastLegRequested).toBe(true);
    expect(ex!.earlierLoad).toMatchObject({ url: hop, response: { status: 204 } });
    // The rules judge the stored copy (the 302 made the POST a GET): only credentials "include" fails, on "false".
    const v = evaluate(ex!);
    expect(v).toMatchObject({ blocked: true, corsError: 'InvalidAllowCredentials', failedParameter: 'false', credentials: { mode: 'include', inferred: true } });
  });

  it('does not follow a redirect the browser reported an error on: the next leg belongs to a later request of the URL', () => {
    // Found by random lab scenarios: a credentialed CORS GET of /r fails at its 301 (no ACAC); a later
    // plain GET of /r is handed the stored 301 and goes on to /h (Origin null), where it fails.
    const t = clock += 1000;
    const r = 'https://api.example/rr';
    const h = 'https://third.example/h';
    const moved = { 'Access-Control-Allow-Origin': APP, Location: h };
    const [setup, measured] = exchangesFromHarEntries([
      entry({ url: r, at: t, status: 301, redirectURL: h, error: 'net::ERR_FAILED', headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors', Cookie: 'sid=1' }, resHeaders: moved }),
      // Answered from the disk cache: provisional headers only (no Origin).
      { ...entry({ url: r, at: t + 11, status: 301, redirectURL: h, headers: { Referer: `${APP}/` }, resHeaders: moved }), _fromCache: 'disk' },
      entry({ url: h, at: t + 15, status: 301, redirectURL: `${h}2`, error: 'net::ERR_FAILED', headers: { Origin: 'null', 'Sec-Fetch-Mode': 'cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP, Location: `${h}2` } }),
    ]);
    expect(setup!.redirects.map((x) => x.location)).toEqual([h]);
    expect(setup!.response).toBeUndefined();
    expect(measured!.redirects.map((x) => x.location)).toEqual([h, `${h}2`]);
    expect(evaluate(measured!)).toMatchObject({ blocked: true, corsError: 'AllowOriginMismatch', failedParameter: APP, phase: 'redirect' });
  });

  it('links the copy an earlier CORS request stored to a later one handed it (status 0), never to itself nor to one with its own answer', () => {
    // Found by random lab scenarios: a plain CORS GET of /c stores a 200 (ACAO *, Vary: Origin); a
    // credentialed GET of /c is handed it (the credentials mode is not part of the cache key) and fails.
    const t = clock += 1000;
    const c = 'https://api.example/c';
    const stored = { 'Access-Control-Allow-Origin': '*', Vary: 'Origin', 'Cache-Control': 'max-age=600' };
    const [first, later, again] = exchangesFromHarEntries([
      entry({ url: c, at: t, headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, resHeaders: stored }),
      entry({ url: c, at: t + 100, status: 0, error: 'net::ERR_FAILED', headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors', Cookie: 'sid=1' } }),
      entry({ url: c, at: t + 200, headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, resHeaders: stored }),
    ]);
    expect(first!.earlierLoad).toBeUndefined();
    expect(later!.earlierLoad).toMatchObject({ url: c, startedAt: t, origin: APP, exchangeId: first!.id, response: { status: 200 } });
    expect(again!.earlierLoad).toBeUndefined();
    const v = evaluate(later!);
    expect(v).toMatchObject({ blocked: true, corsError: 'WildcardOriginNotAllowed', credentials: { mode: 'include' } });
    expect(v.checks.find((c) => c.id === 'http-cache')).toBeDefined();
    // Vary: Origin keeps apart the copies of different Origins: another page's copy is not this request's.
    const [, other] = exchangesFromHarEntries([
      entry({ url: `${c}2`, at: t + 300, headers: { Origin: 'https://other.example', 'Sec-Fetch-Mode': 'cors' }, resHeaders: stored }),
      entry({ url: `${c}2`, at: t + 400, status: 0, error: 'net::ERR_FAILED', headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors', Cookie: 'sid=1' } }),
    ]);
    expect(other!.earlierLoad).toMatchObject({ origin: 'https://other.example' });
    expect(evaluate(other!).checks.find((c) => c.id === 'http-cache')).toBeUndefined();
  });

  it('judges a stored 301 an earlier no-cors load left at the URL, like a redirect (found by random lab scenarios)', () => {
    const t = clock += 1000;
    const r = 'https://api.example/r3';
    const hop = 'https://api.example/hop3';
    const [ex] = exchangesFromHarEntries([
      entry({ url: r, at: t, resourceType: 'image', status: 301, redirectURL: hop, headers: { 'Sec-Fetch-Mode': 'no-cors' }, resHeaders: { Location: hop } }),
      entry({ url: hop, at: t + 5, resourceType: 'image', status: 200, headers: { 'Sec-Fetch-Mode': 'no-cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP } }),
      entry({ url: r, at: t + 100, status: 0, error: 'net::ERR_FAILED', headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' } }),
    ]);
    expect(ex!.earlierLoad).toMatchObject({ url: r, response: { status: 301 } });
    const v = evaluate(ex!);
    expect(v).toMatchObject({ blocked: true, corsError: 'MissingAllowOriginHeader', phase: 'redirect' });
    expect(v.checks.find((c) => c.id === 'http-cache')?.allowed).toBe('301 (stored)');
    // A 302 is stored only with explicit freshness: without it, nothing to judge (the verdict follows the observed failure).
    const [fresh] = exchangesFromHarEntries([
      entry({ url: `${r}x`, at: t + 200, resourceType: 'image', status: 302, redirectURL: hop, headers: { 'Sec-Fetch-Mode': 'no-cors' }, resHeaders: { Location: hop } }),
      entry({ url: `${r}x`, at: t + 300, status: 0, error: 'net::ERR_FAILED', headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' } }),
    ]);
    expect(evaluate(fresh!)).toMatchObject({ blocked: true, corsError: null });
  });

  it('without a stored copy, a followed last redirect is still not read as redirect mode "error"', () => {
    const t = clock += 1000;
    const r = 'https://api.example/r2';
    const hop = 'https://api.example/hop2';
    const [ex] = exchangesFromHarEntries([
      entry({ url: r, at: t, status: 302, redirectURL: hop, headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Credentials': 'true', Location: hop } }),
      entry({ url: hop, at: t + 5, status: 0, error: 'net::ERR_FAILED' }),
    ]);
    expect(ex!.lastLegRequested).toBe(true);
    const v = evaluate(ex!);
    expect(v.blocked).toBe(true);
    expect(v.checks.some((c) => c.id === 'redirect-follow')).toBe(false);
    // The same capture without the entry for the target: the redirect may not have been followed.
    const [stopped] = exchangesFromHarEntries([
      entry({ url: r, at: t, status: 302, redirectURL: hop, headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Credentials': 'true', Location: hop }, error: 'net::ERR_FAILED' }),
    ]);
    expect(stopped!.lastLegRequested).toBeUndefined();
    const read = evaluate(stopped!);
    expect(read.blocked).toBe(false);
    expect(read.checks.some((c) => c.id === 'redirect-follow')).toBe(true);
  });

  it('drops no-cors loads and navigations', () => {
    const res = importHarEntries([
      entry({ url: 'https://cdn.example/a.png', resourceType: 'image', headers: { Referer: `${APP}/` } }),
      entry({ url: 'https://other.example/', resourceType: 'document', headers: { 'Sec-Fetch-Mode': 'navigate' } }),
    ]);
    expect(res.exchanges).toHaveLength(0);
    expect(res.stats.notCors).toBe(2);
  });
});

describe('redirect chains and the HTTP cache, as Chromium 156 records them', () => {
  const THIRD = 'https://third.example/hop/1';
  it('keeps the new preflight a redirect to another origin brings, with the request it guarded', () => {
    // PUT api → 307 third: Chromium preflights third too, with Origin: null. The PUT to third never
    // went out (its preflight failed): a status-0 entry with provisional headers.
    const t = clock += 1000;
    const res = importHarEntries([
      entry({ method: 'PUT', url: API, at: t, status: 307, redirectURL: THIRD, headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP, Location: THIRD } }),
      preflight(t + 2),
      entry({ method: 'OPTIONS', url: THIRD, at: t + 12, status: 204, headers: { Origin: 'null', 'Access-Control-Request-Method': 'PUT' }, resHeaders: { 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Methods': 'PUT' } }),
      entry({ method: 'PUT', url: THIRD, at: t + 10, status: 0, error: 'net::ERR_FAILED', headers: { 'User-Agent': 'x' } }),
    ]);
    expect(res.exchanges).toHaveLength(1);
    const ex = res.exchanges[0]!;
    expect(ex.preflight?.request.url).toBe(API);
    expect(ex.redirectPreflights?.map((p) => [p.request.url, header(p.request.headers, 'origin')])).toEqual([[THIRD, 'null']]);
    expect(ex.redirects.map((r) => r.location)).toEqual([THIRD]);
    expect(ex.observed).toEqual({ failed: true, errorText: 'net::ERR_FAILED' });
    expect(res.stats).toMatchObject({ preflights: 2, pairedPreflights: 1, hopPreflights: 1, orphanPreflights: 0 });
  });

  it("never gives a redirect's preflight to an earlier request that already had its answer (random lab scenario 214-21)", () => {
    // An earlier HEAD followed the same redirect, without a preflight, and carried Pragma (the network
    // stack adds it for cache: "no-store") — so on headers alone it matches the later preflight better
    // than the later hop, whose entry has provisional headers only. It was answered before that
    // preflight started, so it cannot be the request the preflight guarded.
    const t = clock += 1000;
    const hop = (at: number, status: number, headers: Record<string, string>) => entry({ method: 'HEAD', url: THIRD, at, status, headers, ...(status ? { resHeaders: { Location: `${THIRD}/2` }, redirectURL: `${THIRD}/2` } : {}) });
    const res = importHarEntries([
      entry({ method: 'HEAD', url: API, at: t, status: 307, redirectURL: THIRD, headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP, Location: THIRD } }),
      hop(t + 17, 307, { Origin: 'null', Pragma: 'no-cache', 'Sec-Fetch-Mode': 'cors' }),
      entry({ method: 'HEAD', url: API, at: t + 44, status: 307, redirectURL: THIRD, headers: { Origin: APP, Pragma: 'x', 'Sec-Fetch-Mode': 'cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP, Location: THIRD } }),
      entry({ method: 'OPTIONS', url: API, at: t + 46, status: 200, headers: { Origin: APP, 'Access-Control-Request-Method': 'HEAD', 'Access-Control-Request-Headers': 'pragma' }, resHeaders: { 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Headers': 'pragma' } }),
      entry({ method: 'OPTIONS', url: THIRD, at: t + 62, status: 200, headers: { Origin: 'null', 'Access-Control-Request-Method': 'HEAD', 'Access-Control-Request-Headers': 'pragma' }, resHeaders: { 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Headers': 'pragma' } }),
      hop(t + 61, 0, { 'User-Agent': 'x' }),
    ], { pageUrl: `${APP}/` });
    const later = res.exchanges.find((x) => x.startedAt === t + 44)!;
    expect(later.redirectPreflights?.map((p) => header(p.request.headers, 'origin'))).toEqual(['null']);
    expect(res.exchanges.find((x) => x.startedAt === t)!.preflight).toBeUndefined();
    // Chromium: the hop's preflight allows the page's origin, not "null".
    expect(evaluate(later)).toMatchObject({ blocked: true, corsError: 'PreflightAllowOriginMismatch', failedParameter: APP });
  });

  it('keeps a chain of 20 redirects and the 21st request (net::ERR_TOO_MANY_REDIRECTS) as one exchange', () => {
    const t = clock += 1000;
    const url = (i: number) => (i === 0 ? API : `https://api.example/hop/${i}`);
    const entries = Array.from({ length: 20 }, (_, i) => entry({ url: url(i), at: t + i * 5, status: 302, redirectURL: url(i + 1), headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' }, resHeaders: { 'Access-Control-Allow-Origin': APP, Location: url(i + 1) } }));
    entries.push(entry({ url: url(20), at: t + 100, status: 0, error: 'net::ERR_TOO_MANY_REDIRECTS', headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors' } }));
    // Entries come in completion order, not start order.
    const ex = exchangesFromHarEntries([...entries].reverse());
    expect(ex).toHaveLength(1);
    expect(ex[0]!.redirects).toHaveLength(20);
    expect(ex[0]!.observed.errorText).toBe('net::ERR_TOO_MANY_REDIRECTS');
  });

  it('keeps a CORS fetch answered from the HTTP cache (provisional headers only) when it carries ACAO', () => {
    const t = clock += 1000;
    const url = 'https://cdn.example/cached.txt';
    const img = entry({ url, at: t, resourceType: 'image', headers: { 'Sec-Fetch-Mode': 'no-cors', Host: 'cdn.example', Referer: `${APP}/` }, resHeaders: { 'Access-Control-Allow-Origin': APP, 'Cache-Control': 'max-age=600' } });
    const cached = entry({ url, at: t + 30, headers: { Referer: `${APP}/`, 'User-Agent': 'x' }, resHeaders: { 'Access-Control-Allow-Origin': APP, 'Cache-Control': 'max-age=600' } });
    cached._fromCache = 'disk';
    const res = importHarEntries([img, cached]);
    expect(res.exchanges).toHaveLength(1);
    expect(res.exchanges[0]).toMatchObject({ mode: 'cors', pageOrigin: APP, response: { status: 200, fromCache: 'disk' }, observed: { failed: false } });
    expect(res.exchanges[0]!.earlierLoad?.resourceType).toBe('image');
    // Without ACAO a cached fetch that succeeded cannot have been a CORS request: a no-cors fetch.
    const plain = entry({ url: `${url}?2`, at: t + 40, headers: { Referer: `${APP}/` }, resHeaders: { 'Cache-Control': 'max-age=600' } });
    plain._fromCache = 'memory';
    expect(importHarEntries([plain]).stats).toMatchObject({ exchanges: 0, notCors: 1 });
  });
});

describe('bodies', () => {
  it('keeps a bounded, decoded snippet', () => {
    const big = entry({ url: API, headers: { Origin: APP } });
    (big.response as { content: unknown }).content = { size: 100000, mimeType: 'application/json', text: 'x'.repeat(100000) };
    const b64 = entry({ url: `${API}/2`, headers: { Origin: APP } });
    (b64.response as { content: unknown }).content = { size: 2, mimeType: 'application/json', text: btoa('{"message":"Forbidden"}'), encoding: 'base64' };
    const [a, b] = exchangesFromHarEntries([big, b64]);
    expect(a!.response!.body).toHaveLength(2048);
    expect(b!.response!.body).toBe('{"message":"Forbidden"}');
  });
});

describe('malformed input: typed errors, never a crash', () => {
  const code = (input: unknown): string => {
    try {
      importHar(input);
    } catch (e) {
      expect(e).toBeInstanceOf(HarImportError);
      return (e as HarImportError).code;
    }
    return 'ok';
  };

  it('names what is wrong', () => {
    expect(code('{"log": ')).toBe('not-json');
    expect(code('[1,2]')).toBe('not-har');
    expect(code('{"log": {"entries": 3}}')).toBe('not-har');
    expect(code({ log: { entries: [1, 'x', null] } })).toBe('no-usable-entries');
    expect(code({ log: { entries: [] } })).toBe('ok');
    expect(code('\ufeff{"log": {"entries": []}}')).toBe('ok');
  });

  it('skips bad entries and bad headers with warnings', () => {
    const res = importHar({ log: { entries: [7, entry({ url: API, headers: { Origin: APP } }), { request: { url: API } }] } });
    expect(res.stats.invalidEntries).toBe(2);
    expect(res.exchanges).toHaveLength(1);
    expect(res.warnings.join('\n')).toMatch(/entry 0 is not an object[\s\S]*entry 2 has no request method/);
    const bad = entry({ url: API, headers: { Origin: APP } });
    (bad.request as { headers: unknown[] }).headers.push({ name: 5 }, 'x');
    expect(importHar({ log: { entries: [bad] } }).warnings.join()).toMatch(/2 malformed header/);
  });

  it('only ever throws HarImportError, whatever the JSON (property)', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('log', 'entries', 'request', 'response', 'method', 'url', 'headers', 'status', 'name', 'value', 'startedDateTime', '_resourceType', 'pages', 'title', 'id', 'pageref'), tie('any'), { maxKeys: 6 })),
    })).any;
    fc.assert(fc.property(value, (v) => {
      for (const input of [v, { log: v }, { log: { entries: [v] } }, { log: { entries: Array.isArray(v) ? v : [v], pages: v } }]) {
        try {
          importHar(input);
        } catch (e) {
          expect(e).toBeInstanceOf(HarImportError);
        }
      }
    }), { numRuns: 300 });
  });
});
