import { describe, expect, it } from 'vitest';
import { analyzeRequestHeaders, browserAddedReason, isForbiddenMethod, isForbiddenRequestHeader, isSafelistedHeader, isSafelistedMethod, parseRequestHeadersList } from './safelist';

const h = (pairs: [string, string][]) => pairs.map(([name, value]) => ({ name, value }));

describe('methods', () => {
  it('GET, HEAD, POST are safelisted in any case', () => {
    for (const m of ['GET', 'head', 'Post']) expect(isSafelistedMethod(m)).toBe(true);
    for (const m of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) expect(isSafelistedMethod(m)).toBe(false);
  });
  it('CONNECT, TRACE, TRACK are forbidden', () => {
    expect(isForbiddenMethod('trace')).toBe(true);
    expect(isForbiddenMethod('PUT')).toBe(false);
  });
});

describe('isForbiddenRequestHeader', () => {
  it('knows the list, and the proxy- and sec- prefixes', () => {
    for (const name of ['Cookie', 'Origin', 'Referer', 'User-Agent', 'Accept-Encoding', 'Content-Length', 'Sec-Fetch-Mode', 'sec-ch-ua', 'Proxy-Authorization', 'Host', 'DNT'])
      expect(isForbiddenRequestHeader(name), name).toBe(true);
    for (const name of ['Authorization', 'X-Api-Key', 'Content-Type', 'Cache-Control']) expect(isForbiddenRequestHeader(name), name).toBe(false);
  });
  it('forbids method-override headers naming a forbidden method', () => {
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PUT, TRACE')).toBe(true);
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PUT')).toBe(false);
  });
});

describe('isSafelistedHeader', () => {
  it('accept: any value without CORS-unsafe bytes', () => {
    expect(isSafelistedHeader('Accept', 'application/json, */*;q=0.8')).toBe(true);
    expect(isSafelistedHeader('Accept', 'text/html(')).toBe(false);
    expect(isSafelistedHeader('Accept', 'a\u0001')).toBe(false);
  });
  it('accept-language / content-language: a narrow alphabet', () => {
    expect(isSafelistedHeader('Accept-Language', 'en-US,en;q=0.9')).toBe(true);
    expect(isSafelistedHeader('Content-Language', 'de_DE')).toBe(false);
  });
  it('content-type: only the three essences, parameters allowed', () => {
    expect(isSafelistedHeader('Content-Type', 'text/plain;charset=UTF-8')).toBe(true);
    expect(isSafelistedHeader('Content-Type', 'text/plain; charset=utf-8')).toBe(true);
    expect(isSafelistedHeader('Content-Type', 'multipart/form-data; boundary=x')).toBe(true);
    expect(isSafelistedHeader('content-type', 'APPLICATION/X-WWW-FORM-URLENCODED')).toBe(true);
    expect(isSafelistedHeader('Content-Type', 'application/json')).toBe(false);
    expect(isSafelistedHeader('Content-Type', 'text/plain, text/html')).toBe(false);
    expect(isSafelistedHeader('Content-Type', 'text/plain; charset="utf-8"')).toBe(false);
  });
  it('range: one simple bytes range', () => {
    expect(isSafelistedHeader('Range', 'bytes=0-10')).toBe(true);
    expect(isSafelistedHeader('Range', 'bytes=5-')).toBe(true);
    expect(isSafelistedHeader('Range', 'bytes=-10')).toBe(false);
    expect(isSafelistedHeader('Range', 'bytes=0-1,5-6')).toBe(false);
    expect(isSafelistedHeader('Range', 'bytes=10-5')).toBe(false);
  });
  it('client hints and save-data', () => {
    expect(isSafelistedHeader('DPR', '2.5')).toBe(true);
    expect(isSafelistedHeader('DPR', '2.')).toBe(false);
    expect(isSafelistedHeader('Width', '100')).toBe(true);
    expect(isSafelistedHeader('Save-Data', 'on')).toBe(true);
    expect(isSafelistedHeader('Save-Data', 'off')).toBe(false);
    expect(isSafelistedHeader('ECT', '4g')).toBe(true);
    expect(isSafelistedHeader('ECT', '5g')).toBe(false);
  });
  it('any value over 128 bytes is unsafe', () => {
    expect(isSafelistedHeader('Accept', 'a'.repeat(128))).toBe(true);
    expect(isSafelistedHeader('Accept', 'a'.repeat(129))).toBe(false);
  });
  it('unknown names are unsafe', () => {
    expect(isSafelistedHeader('X-Requested-With', 'XMLHttpRequest')).toBe(false);
    expect(isSafelistedHeader('Authorization', 'Bearer x')).toBe(false);
  });
  it('names that are also Object.prototype keys are unknown names, not rules', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(isSafelistedHeader(name, 'x'), name).toBe(false);
  });
});

describe('analyzeRequestHeaders', () => {
  it('lists unsafe names lower-cased in request order, skipping forbidden ones', () => {
    const a = analyzeRequestHeaders(h([['X-Zeta', '1'], ['Cookie', 'a=b'], ['Content-Type', 'application/json'], ['X-Alpha', '2'], ['Accept', '*/*']]));
    expect(a.unsafe.map((u) => u.name)).toEqual(['x-zeta', 'content-type', 'x-alpha']);
  });

  it('counts safelisted bytes and makes them all unsafe above 1024', () => {
    const big = h([['Accept', 'a'.repeat(128)], ['Accept-Language', 'b'.repeat(128)], ['Content-Language', 'c'.repeat(128)], ['Content-Type', `text/plain;${'d'.repeat(117)}`],
      ['Intervention', 'e'.repeat(128)], ['DPR', '1'.repeat(128)], ['Width', '1'.repeat(128)], ['Viewport-Width', '1'.repeat(128)], ['X-Custom', '1']]);
    const a = analyzeRequestHeaders(big);
    expect(a.safelistedBytes).toBe(1024);
    expect(a.unsafe.map((u) => u.name)).toEqual(['x-custom']);
    const bigger = analyzeRequestHeaders([...big, { name: 'Save-Data', value: 'on' }]);
    expect(bigger.safelistedBytes).toBe(1026);
    expect(bigger.unsafe.map((u) => u.name)).toEqual(['x-custom', 'accept', 'accept-language', 'content-language', 'content-type', 'intervention', 'dpr', 'width', 'viewport-width', 'save-data']);
    expect(bigger.unsafe[1]?.reason).toMatch(/1026 bytes/);
  });

  it('does not count forbidden headers towards the 1024 bytes', () => {
    const a = analyzeRequestHeaders(h([['sec-ch-ua', 'x'.repeat(120)], ['User-Agent', 'y'.repeat(128)], ['Accept', '*/*']]));
    expect(a.safelistedBytes).toBe(3);
  });

  it('leaves out headers the browser adds below the CORS layer, and says so', () => {
    const a = analyzeRequestHeaders(h([[':authority', 'api.example'], ['Pragma', 'no-cache'], ['Cache-Control', 'no-cache'], ['priority', 'u=1, i'], ['X-Api-Key', 'k']]));
    expect(a.unsafe.map((u) => u.name)).toEqual(['x-api-key']);
    expect(a.ignored.map((i) => i.name)).toEqual([':authority', 'pragma', 'cache-control', 'priority']);
  });

  it('keeps Cache-Control values the browser never adds', () => {
    const a = analyzeRequestHeaders(h([['Cache-Control', 'no-store']]));
    expect(a.unsafe.map((u) => u.name)).toEqual(['cache-control']);
    expect(browserAddedReason('Cache-Control', 'max-age=0')).not.toBeNull();
  });

  it('skips revalidation headers only for a revalidating request', () => {
    expect(analyzeRequestHeaders(h([['Cache-Control', 'no-store']]), { isRevalidating: true }).unsafe).toEqual([]);
  });

  it('lists a repeated name once', () => {
    expect(analyzeRequestHeaders(h([['X-A', '1'], ['x-a', '2']])).unsafe.map((u) => u.name)).toEqual(['x-a']);
  });
});

describe('parseRequestHeadersList', () => {
  it('lower-cases and splits Access-Control-Request-Headers', () => {
    expect(parseRequestHeadersList('content-type,X-Api-Key')).toEqual(['content-type', 'x-api-key']);
    expect(parseRequestHeadersList(null)).toBeNull();
  });
});
