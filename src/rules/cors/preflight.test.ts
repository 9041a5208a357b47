import { describe, expect, it } from 'vitest';
import { checkHeader, checkMethod, describeMaxAge, isOkStatus, parseAllowLists, parseMaxAge, listedByPreflights, preflightNeed, preflightReasons, reconcileUnsafeHeaders, withPageSetHeaders } from './preflight';

const h = (pairs: [string, string][]) => pairs.map(([name, value]) => ({ name, value }));

describe('parseMaxAge (Chromium: default 5 s, negative 0, cap 7200 s)', () => {
  it.each([
    [null, 5], [undefined, 5], ['600', 600], ['0', 0], ['-1', 0], ['7200', 7200], ['86400', 7200],
    ['abc', 5], ['1.5', 5], ['', 5], ['600, 600', 5], ['+30', 30], ['99999999999999999999', 5],
  ])('%s → %d s', (value, seconds) => expect(parseMaxAge(value)).toBe(seconds));

  it('says where the number came from', () => {
    expect(describeMaxAge(null).source).toBe('default');
    expect(describeMaxAge('86400').source).toBe('capped');
    expect(describeMaxAge('-5').source).toBe('negative');
    expect(describeMaxAge('x').source).toBe('unparseable');
    expect(describeMaxAge('60').source).toBe('header');
  });
});

describe('preflightNeed / preflightReasons', () => {
  it('is empty for a simple request', () => {
    expect(preflightReasons({ method: 'POST', url: 'https://x/', headers: h([['Content-Type', 'text/plain'], ['Accept', '*/*']]) })).toEqual([]);
  });
  it('names the method and each unsafe header', () => {
    const need = preflightNeed('PUT', h([['X-Api-Key', 'k'], ['Content-Type', 'application/json']]));
    expect(need.reasons).toHaveLength(3);
    expect(need.reasons[0]).toMatch(/PUT/);
    expect(need.reasons[1]).toMatch(/x-api-key/);
    expect(need.reasons[2]).toMatch(/application\/json/);
    expect(need.unsafeHeaders.map((u) => u.name)).toEqual(['x-api-key', 'content-type']);
  });
  it('ignores forbidden headers', () => {
    expect(preflightNeed('GET', h([['Cookie', 'a=1'], ['Origin', 'https://x']])).reasons).toEqual([]);
  });
});

describe('reconcileUnsafeHeaders', () => {
  const computed = [{ name: 'x-b', reason: 'b' }, { name: 'cache-control', reason: 'c' }, { name: 'x-a', reason: 'a' }];
  it('keeps the captured request order but only the names the preflight listed', () => {
    const pf = h([['Access-Control-Request-Headers', 'x-a,x-b']]);
    expect(reconcileUnsafeHeaders(computed, pf).map((u) => u.name)).toEqual(['x-b', 'x-a']);
  });
  it('adds listed names missing from the captured request', () => {
    const pf = h([['Access-Control-Request-Headers', 'cache-control,x-z']]);
    expect(reconcileUnsafeHeaders(computed, pf).map((u) => u.name)).toEqual(['cache-control', 'x-z']);
  });
  it('a captured preflight without the header means no unsafe headers; no preflight keeps the computation', () => {
    expect(reconcileUnsafeHeaders(computed, h([['Access-Control-Request-Method', 'PUT']]))).toEqual([]);
    expect(reconcileUnsafeHeaders(computed, undefined)).toBe(computed);
  });
});

describe('withPageSetHeaders: Cache-Control / Pragma the preflight lists were set by the page', () => {
  const request = h([['Cache-Control', 'no-cache'], ['X-Api-Key', 'k'], ['Pragma', 'no-cache'], ['X-B', '1']]);
  const acrh = (value: string) => listedByPreflights([{ request: { headers: h([['Origin', 'https://app.example'], ['Access-Control-Request-Headers', value]]) } }]);

  it('takes them for browser-added while the preflight does not list them', () => {
    const need = preflightNeed('GET', request);
    expect(need.ignoredHeaders.map((x) => [x.name, x.at])).toEqual([['cache-control', 0], ['pragma', 1]]);
    expect(withPageSetHeaders(need, acrh('x-api-key,x-b'))).toBe(need);
    expect(withPageSetHeaders(need, new Set())).toBe(need);
  });

  it('makes a listed one CORS-unsafe in its place in the request, with a reason, and no longer ignored', () => {
    const need = withPageSetHeaders(preflightNeed('GET', request), acrh('cache-control,pragma,x-api-key,x-b'));
    expect(need.unsafeHeaders.map((u) => u.name)).toEqual(['cache-control', 'x-api-key', 'pragma', 'x-b']);
    expect(need.ignoredHeaders).toEqual([]);
    expect(need.reasons.filter((r) => /set by the page/.test(r))).toHaveLength(2);
    const one = withPageSetHeaders(preflightNeed('GET', request), acrh('pragma,x-api-key,x-b'));
    expect(one.unsafeHeaders.map((u) => u.name)).toEqual(['x-api-key', 'pragma', 'x-b']);
    expect(one.ignoredHeaders.map((x) => x.name)).toEqual(['cache-control']);
  });

  it('gives a GET whose only unsafe header is a page-set Cache-Control a reason for its preflight', () => {
    const need = withPageSetHeaders(preflightNeed('GET', h([['Cache-Control', 'no-cache']])), acrh('cache-control'));
    expect(need.reasons).toEqual(['cache-control is not a CORS-safelisted header (set by the page: the preflight lists it)']);
  });
});

describe('checkMethod (EnsureAllowedCrossOriginMethod)', () => {
  it('GET/HEAD/POST always pass', () => {
    expect(checkMethod('POST', [], true)).toEqual({ ok: true, via: 'safelisted' });
  });
  it('is case-sensitive', () => {
    expect(checkMethod('PUT', ['PUT'], false)).toEqual({ ok: true, via: 'listed' });
    const r = checkMethod('PUT', ['put'], false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.note).toMatch(/case-sensitive/);
    expect(checkMethod('patch', ['PATCH'], false).ok).toBe(false);
  });
  it('"*" is a wildcard only without credentials', () => {
    expect(checkMethod('DELETE', ['*'], false)).toEqual({ ok: true, via: 'wildcard' });
    expect(checkMethod('DELETE', ['*'], true).ok).toBe(false);
  });
  it('fails with no list at all', () => {
    expect(checkMethod('DELETE', [], false).ok).toBe(false);
  });
});

describe('checkHeader (EnsureAllowedCrossOriginHeaders, one name)', () => {
  it('is case-insensitive (the list is lower-cased by parseAllowLists)', () => {
    const lists = parseAllowLists(h([['Access-Control-Allow-Headers', 'X-Api-Key, Content-Type']]));
    expect(lists.headers.ok && checkHeader('x-api-key', lists.headers.items, false).ok).toBe(true);
  });
  it('"*" is a wildcard only without credentials, then a literal name', () => {
    expect(checkHeader('x-a', ['*'], false)).toEqual({ ok: true, via: 'wildcard' });
    expect(checkHeader('x-a', ['*'], true).ok).toBe(false);
  });
  it('"*" covers Authorization in Chromium 156 and says so', () => {
    expect(checkHeader('authorization', ['*'], false)).toEqual({ ok: true, via: 'wildcard-authorization' });
    expect(checkHeader('authorization', ['*', 'authorization'], false)).toEqual({ ok: true, via: 'wildcard' });
  });
  it('fails for an unlisted name', () => {
    expect(checkHeader('x-b', ['x-a'], false).ok).toBe(false);
  });
});

describe('parseAllowLists', () => {
  it('keeps method case, lower-cases header names, and reports syntax errors', () => {
    const ok = parseAllowLists(h([['Access-Control-Allow-Methods', 'Put, GET'], ['Access-Control-Allow-Headers', 'X-A']]));
    expect(ok.methods).toEqual({ ok: true, items: ['Put', 'GET'] });
    expect(ok.headers).toEqual({ ok: true, items: ['x-a'] });
    const bad = parseAllowLists(h([['Access-Control-Allow-Headers', 'x-a b']]));
    expect(bad.headers.ok).toBe(false);
    expect(bad.rawHeaders).toBe('x-a b');
    expect(bad.rawMethods).toBeNull();
  });
  it('joins repeated lines before parsing', () => {
    const lists = parseAllowLists(h([['Access-Control-Allow-Methods', 'GET'], ['Access-Control-Allow-Methods', 'PUT']]));
    expect(lists.methods).toEqual({ ok: true, items: ['GET', 'PUT'] });
  });
});

describe('isOkStatus', () => {
  it('is 200–299', () => {
    expect(isOkStatus(200)).toBe(true);
    expect(isOkStatus(204)).toBe(true);
    expect(isOkStatus(299)).toBe(true);
    expect(isOkStatus(199)).toBe(false);
    expect(isOkStatus(300)).toBe(false);
  });
});
