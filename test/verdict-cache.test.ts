/**
 * The verdict cache is exact only if evaluate() reads nothing the projection drops: checked on every
 * fixture exchange and on generated exchanges whose dropped parts vary (URL paths and queries, ids,
 * dates, bodies) while everything evaluate() reads varies too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importHar } from '../src/har/import';
import type { CredentialsMode, Exchange, Header, RequestMode } from '../src/model';
import { evaluate } from '../src/rules/evaluate';
import { createDiagnoser, diagnose } from '../src/rules/diagnose';
import { hostileExchange, hostileInput } from '../src/rules/platforms/testing';
import { createVerdictCache, projectForVerdict } from '../src/rules/verdict-cache';
import { jsonExchange, reportExchange } from '../src/report';

const root = resolve(import.meta.dirname, '..');
const HARS = ['test/fixtures/har/chrome-devtools.har', 'test/fixtures/har/chrome-gethar.har', 'test/fixtures/har/chrome-sanitized.har',
  'test/fixtures/har/firefox.har', 'test/fixtures/har/playwright.har', 'test/golden/files/sample.har'];
const platformFiles = import.meta.glob<{ cases: { exchange: Exchange }[] }>('./fixtures/platforms/*.json', { eager: true, import: 'default' });

function fixtureExchanges(): Exchange[] {
  const out: Exchange[] = [];
  for (const f of HARS) out.push(...importHar(readFileSync(resolve(root, f), 'utf8')).exchanges);
  for (const file of Object.values(platformFiles)) for (const c of file.cases) out.push(c.exchange);
  return out;
}

/** Projected exchanges get evaluate()'s own verdict; the others are evaluated as they are. */
function expectExact(ex: Exchange): boolean {
  const projection = projectForVerdict(ex);
  if (projection) expect(evaluate(projection)).toEqual(evaluate(ex));
  return projection !== undefined;
}

const ORIGINS = ['https://app.example', 'http://127.0.0.1:4310', 'null', 'https://api.example'];
const HOSTS = ['https://api.example', 'http://127.0.0.1:4311', 'https://app.example', 'https://api.example:8443', 'ftp://files.example', 'https://u:p@api.example'];
const PATHS = ['/items', '/v1/items/42?page=3&token=abc', '/', '/a#frag', '/%E2%9C%93?x=1'];
const h = (name: string, value: string): Header => ({ name, value });
const anyOf = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

const requestHeader = fc.oneof(
  fc.tuple(anyOf('Content-Type', 'content-type'), anyOf('application/json', 'text/plain', 'text/plain; charset=utf-8', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'a'.repeat(130))),
  fc.tuple(anyOf('Accept', 'Accept-Language', 'Content-Language', 'Range'), anyOf('*/*', 'en', 'bytes=0-10', 'bytes=a', 'x'.repeat(700), '{')),
  fc.tuple(anyOf('Authorization', 'X-Api-Key', 'X-Requested-With', 'Cookie', 'X-Amz-Date', 'If-None-Match', 'Cache-Control'), anyOf('Bearer eyJx.eyJy.sig', 'k-1', 'XMLHttpRequest', 'sid=1', '', 'no-cache')),
  fc.tuple(anyOf('Origin', 'Sec-Fetch-Mode', 'Sec-Fetch-Site', 'Referer', 'User-Agent', 'Host', 'X-HTTP-Method-Override'), anyOf('https://app.example', 'cors', 'no-cors', 'navigate', 'same-origin', 'same-site', 'CONNECT', 'https://app.example/page?id=7')),
).map(([n, v]) => h(n, v));

const corsResponseHeaders = fc.record({
  acao: maybe(anyOf('https://app.example', '*', 'null', 'https://other.example', 'https://app.example, https://app.example', 'https://app.example/')),
  acac: maybe(anyOf('true', 'TRUE', 'false')),
  acam: maybe(anyOf('GET, PUT, POST', '*', 'PUT', 'put', 'GET,,PUT', 'PATCH, DELETE')),
  acah: maybe(anyOf('content-type, authorization', '*', 'x-api-key', 'Content-Type', 'a b', 'authorization')),
  acma: maybe(anyOf('600', '0', '-1', 'x', '99999')),
  vary: maybe(anyOf('Origin', 'Accept-Encoding')),
  noise: fc.array(fc.tuple(anyOf('x-amzn-RequestId', 'Date', 'Content-Length', 'ETag', 'Server', 'Content-Type'), fc.string({ maxLength: 12 })), { maxLength: 3 }),
}).map((r) => {
  const out: Header[] = [];
  if (r.acao !== undefined) out.push(h('Access-Control-Allow-Origin', r.acao));
  if (r.acac !== undefined) out.push(h('Access-Control-Allow-Credentials', r.acac));
  if (r.acam !== undefined) out.push(h('Access-Control-Allow-Methods', r.acam));
  if (r.acah !== undefined) out.push(h('Access-Control-Allow-Headers', r.acah));
  if (r.acma !== undefined) out.push(h('Access-Control-Max-Age', r.acma));
  if (r.vary !== undefined) out.push(h('Vary', r.vary));
  for (const [n, v] of r.noise) out.push(h(n, v));
  return out;
});

const generated = fc.record({
  pageOrigin: anyOf(...ORIGINS),
  host: anyOf(...HOSTS),
  path: anyOf(...PATHS),
  method: anyOf('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'patch', 'OPTIONS'),
  headers: fc.array(requestHeader, { maxLength: 5 }),
  credentials: maybe(anyOf<CredentialsMode>('omit', 'same-origin', 'include')),
  mode: maybe(anyOf<RequestMode>('cors', 'no-cors', 'same-origin', 'navigate')),
  resourceType: maybe(anyOf('fetch', 'xhr', 'script', 'image', 'document', 'websocket')),
  source: anyOf<Exchange['source']>('har', 'live', 'simulator'),
  response: maybe(fc.record({ status: anyOf(0, 200, 204, 304, 302, 403, 404, 500), headers: corsResponseHeaders, body: maybe(fc.string({ maxLength: 20 })), fromCache: maybe(anyOf<'memory' | 'disk'>('memory', 'disk')) })),
  preflight: maybe(fc.record({
    status: anyOf(200, 204, 400, 403, 404, 500, 301), headers: corsResponseHeaders, error: maybe(anyOf('net::ERR_CONNECTION_RESET', 'net::ERR_FAILED')),
    noResponse: fc.boolean(), otherPath: fc.boolean(), acrm: maybe(anyOf('PUT', 'GET', 'DELETE')), acrh: maybe(anyOf('content-type', 'authorization,x-api-key', '')),
  })),
  observed: fc.record({ failed: maybe(fc.boolean()), errorText: maybe(anyOf('net::ERR_FAILED', 'net::ERR_ABORTED', 'net::ERR_NAME_NOT_RESOLVED', '')), corsError: maybe(anyOf('MissingAllowOriginHeader', 'PreflightInvalidStatus', 'HeaderDisallowedByPreflightResponse')) }),
  preflightFromCache: maybe(fc.boolean()),
  id: fc.string({ maxLength: 6 }),
  startedAt: fc.integer({ min: 0, max: 2e12 }),
}).map((g): Exchange => {
  const url = `${g.host}${g.path}`;
  const ex: Exchange = { id: g.id, source: g.source, pageOrigin: g.pageOrigin, startedAt: g.startedAt, request: { method: g.method, url, headers: g.headers }, redirects: [], observed: {} };
  if (g.observed.failed !== undefined) ex.observed.failed = g.observed.failed;
  if (g.observed.errorText !== undefined) ex.observed.errorText = g.observed.errorText;
  if (g.observed.corsError !== undefined) ex.observed.corsError = g.observed.corsError;
  if (g.credentials) ex.credentials = g.credentials;
  if (g.mode) ex.mode = g.mode;
  if (g.resourceType) ex.resourceType = g.resourceType;
  if (g.preflightFromCache !== undefined) ex.preflightFromCache = g.preflightFromCache;
  if (g.response) {
    ex.response = { status: g.response.status, headers: g.response.headers };
    if (g.response.body !== undefined) ex.response.body = g.response.body;
    if (g.response.fromCache) ex.response.fromCache = g.response.fromCache;
  }
  if (g.preflight) {
    const p = g.preflight;
    const headers = [h('Origin', g.pageOrigin)];
    if (p.acrm !== undefined) headers.push(h('Access-Control-Request-Method', p.acrm));
    if (p.acrh !== undefined) headers.push(h('Access-Control-Request-Headers', p.acrh));
    ex.preflight = { request: { method: 'OPTIONS', url: p.otherPath ? `${g.host}/elsewhere` : url, headers } };
    if (p.error !== undefined) ex.preflight.error = p.error;
    if (!p.noResponse) ex.preflight.response = { status: p.status, headers: p.headers };
  }
  return ex;
});

describe('verdict cache', () => {
  it('gives every fixture exchange (HARs, platform captures) the verdict evaluate() gives it', () => {
    const exchanges = fixtureExchanges();
    const projected = exchanges.filter(expectExact).length;
    expect(exchanges.length).toBeGreaterThan(100);
    // Most real exchanges have no redirect: the cache must apply to them, or it measures nothing.
    expect(projected).toBeGreaterThan(exchanges.length / 2);
    const cache = createVerdictCache();
    for (const ex of exchanges) expect(cache.evaluate(ex)).toEqual(evaluate(ex));
  });

  it('createDiagnoser: every fixture exchange gets the diagnosis diagnose() gives it, from a shared (frozen) verdict too', () => {
    const exchanges = fixtureExchanges();
    const shared = createDiagnoser();
    // Twice: the second pass reads every projectable verdict from the cache.
    for (const ex of [...exchanges, ...exchanges]) expect(shared(ex)).toEqual(diagnose(ex));
  });

  it('gives generated exchanges the verdict evaluate() gives them', () => {
    let projected = 0;
    fc.assert(fc.property(generated, (ex) => {
      if (expectExact(ex)) projected++;
    }), { numRuns: 4000 });
    expect(projected).toBeGreaterThan(1000);
  });

  it('gives hostile exchanges the verdict evaluate() gives them', () => {
    fc.assert(fc.property(hostileInput, (i) => {
      expectExact(hostileExchange(i));
    }), { numRuns: 300 });
  });

  it('shares one frozen verdict between requests that differ only in path, ids and dates', () => {
    const cache = createVerdictCache();
    const make = (i: number): Exchange => ({
      id: `x${i}`, source: 'har', pageOrigin: 'https://app.example', startedAt: i,
      request: { method: 'GET', url: `https://api.example/items/${i}?page=${i}`, headers: [h('Origin', 'https://app.example')] },
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', 'https://app.example'), h('x-amzn-RequestId', `req-${i}`)], body: `{"id":${i}}` },
      redirects: [], observed: { failed: false },
    });
    const first = cache.evaluate(make(1));
    const second = cache.evaluate(make(2));
    expect(second).toBe(first);
    expect(cache.hits).toBe(1);
    expect(Object.isFrozen(first.checks[0])).toBe(true);
    expect(second).toEqual(evaluate(make(2)));
  });

  it('evaluates exchanges whose verdict may name a URL as they are', () => {
    const base: Exchange = {
      id: 'r', source: 'har', pageOrigin: 'https://app.example', startedAt: 0,
      request: { method: 'GET', url: 'https://api.example/a', headers: [] },
      redirects: [{ url: 'https://api.example/a', location: 'https://other.example/b', response: { status: 302, headers: [h('Location', 'https://other.example/b')] } }],
      observed: {},
    };
    expect(projectForVerdict(base)).toBeUndefined();
    expect(projectForVerdict({ ...base, redirects: [], response: { status: 307, headers: [h('Location', '/b')] } })).toBeUndefined();
    expect(projectForVerdict({ ...base, redirects: [], request: { ...base.request, url: 'https://u:p@api.example/a' } })).toBeUndefined();
    expect(projectForVerdict({ ...base, redirects: [], earlierLoad: { url: base.request.url, startedAt: 0, response: { status: 200, headers: [] } } })).toBeUndefined();
    expect(projectForVerdict({ ...base, redirects: [] })).toBeDefined();
  });
});

describe('reports from shared verdicts', () => {
  /** The entry and its JSON line from a shared (frozen) verdict equal those from the exchange's own verdict. */
  function expectSameReport(shared: ReturnType<typeof createDiagnoser>, ex: Exchange): void {
    for (const includeSensitive of [false, true]) {
      const own = reportExchange({ exchange: ex, diagnosis: diagnose(ex) }, includeSensitive);
      const fromShared = reportExchange({ exchange: ex, diagnosis: shared(ex) }, includeSensitive);
      expect(fromShared).toEqual(own);
      expect(jsonExchange(fromShared, false)).toBe(`,\n    ${JSON.stringify(own)}`);
    }
  }

  it('equal those from own verdicts: fixtures, generated and hostile exchanges (secrets in every place), both redaction modes', () => {
    const shared = createDiagnoser();
    const exchanges = fixtureExchanges();
    for (const ex of [...exchanges, ...exchanges]) expectSameReport(shared, ex);
    fc.assert(fc.property(generated, (ex) => expectSameReport(shared, ex)), { numRuns: 1000 });
    fc.assert(fc.property(hostileInput, (i) => expectSameReport(shared, hostileExchange(i))), { numRuns: 300 });
  }, 60_000); // ~2,600 full reports: seconds on a loaded 2-core machine

  it("redact a check with the exchange's own secrets: a secret in one request's URL is scrubbed from its checks only", () => {
    const make = (url: string): Exchange => ({
      id: url, source: 'har', pageOrigin: 'https://app.example', startedAt: 0,
      request: { method: 'GET', url, headers: [h('Origin', 'https://app.example'), h('X-Trace-Abcd1234', '1')] },
      preflight: {
        request: { method: 'OPTIONS', url, headers: [h('Origin', 'https://app.example'), h('Access-Control-Request-Method', 'GET'), h('Access-Control-Request-Headers', 'x-trace-abcd1234')] },
        response: { status: 204, headers: [h('Access-Control-Allow-Origin', 'https://app.example'), h('Access-Control-Allow-Headers', 'x-trace-abcd1234')] },
      },
      response: { status: 200, headers: [h('Access-Control-Allow-Origin', 'https://app.example')] },
      redirects: [], observed: { failed: false },
    });
    const shared = createDiagnoser();
    const withSecret = make('https://api.example/a?token=trace-abcd1234');
    const plain = make('https://api.example/b?page=2');
    expect(shared(plain).verdict).toBe(shared(withSecret).verdict);
    const labels = (ex: Exchange): string => JSON.stringify(reportExchange({ exchange: ex, diagnosis: shared(ex) }).checks);
    expect(labels(plain)).toContain('x-trace-abcd1234');
    expect(labels(withSecret)).not.toContain('abcd1234');
    // …and the shared, redacted checks were not changed by it.
    expect(labels(plain)).toContain('x-trace-abcd1234');
    expectSameReport(shared, withSecret);
    expectSameReport(shared, plain);
  });
});
