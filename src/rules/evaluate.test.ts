import { describe, expect, it } from 'vitest';
import type { Check, Verdict } from '../model';
import { diagnose } from './diagnose';
import { evaluate } from './evaluate';
import { CACHE_NOTE } from './cors/engine';
import { buildExchange, corsHeaders, type ExchangeSpec } from './cors/test-support';

const APP = 'https://app.example';
const API = 'https://api.example/items';
const ok = (extra: Parameters<typeof corsHeaders>[0] = {}) => ({ status: 200, headers: corsHeaders({ origin: APP, ...extra }) });

function verdict(spec: ExchangeSpec): Verdict {
  return evaluate(buildExchange({ origin: APP, url: API, ...spec }));
}
const row = (v: Verdict, id: string, phase?: string): Check | undefined => v.checks.find((c) => c.id === id && (!phase || c.phase === phase));
const rows = (v: Verdict, id: string): Check[] => v.checks.filter((c) => c.id === id);

describe('requests CORS does not judge', () => {
  it('same-origin', () => {
    const v = verdict({ url: `${APP}/api`, response: { status: 200 } });
    expect(v).toMatchObject({ crossOrigin: false, blocked: false, corsError: null, phase: null });
    expect(v.notes.join(' ')).toMatch(/Same-origin/);
  });
  it('no-cors, navigations, WebSockets', () => {
    expect(verdict({ mode: 'no-cors' }).crossOrigin).toBe(false);
    expect(verdict({ resourceType: 'main_frame' }).crossOrigin).toBe(false);
    expect(verdict({ resourceType: 'image' }).crossOrigin).toBe(false);
    expect(verdict({ headers: { 'Sec-Fetch-Mode': 'websocket' } }).crossOrigin).toBe(false);
  });
  it('data: URLs', () => {
    expect(verdict({ url: 'data:text/plain,hi' }).crossOrigin).toBe(false);
  });
});

describe('request-side checks', () => {
  it('CorsDisabledScheme for a cross-origin non-HTTP(S) URL', () => {
    const v = verdict({ url: 'ftp://files.example/x' });
    expect(v).toMatchObject({ blocked: true, corsError: 'CorsDisabledScheme', failedParameter: '', phase: 'request' });
    expect(row(v, 'scheme')?.asked).toBe('ftp');
  });
  it('DisallowedByMode for mode same-origin to another origin', () => {
    expect(verdict({ mode: 'same-origin', response: ok() })).toMatchObject({ blocked: true, corsError: 'DisallowedByMode', phase: 'request' });
  });
});

describe('simple requests', () => {
  it('allowed with the exact origin; rows for method, origin and credentials', () => {
    const v = verdict({ response: ok() });
    expect(v).toMatchObject({ crossOrigin: true, blocked: false, corsError: null, failedParameter: null, phase: 'actual', preflightReasons: [] });
    expect(row(v, 'allow-method')).toMatchObject({ phase: 'request', result: 'pass', asked: 'GET' });
    expect(row(v, 'allow-origin')).toMatchObject({ phase: 'actual', asked: APP, allowed: APP, result: 'pass' });
    expect(row(v, 'allow-credentials')).toMatchObject({ phase: 'actual', result: 'skip' });
    expect(row(v, 'preflight-status')).toMatchObject({ phase: 'preflight', result: 'skip', note: expect.stringMatching(/Not needed/) });
  });
  it('MissingAllowOriginHeader with failedParameter ""', () => {
    const v = verdict({ response: { status: 200 } });
    expect(v).toMatchObject({ blocked: true, corsError: 'MissingAllowOriginHeader', failedParameter: '', phase: 'actual' });
    expect(row(v, 'allow-origin')).toMatchObject({ result: 'fail', allowed: null, corsError: 'MissingAllowOriginHeader' });
  });
  it('two ACAO lines → MultipleAllowOriginValues with the joined value', () => {
    const v = verdict({ response: { headers: [['Access-Control-Allow-Origin', APP], ['Access-Control-Allow-Origin', APP]] } });
    expect(v).toMatchObject({ corsError: 'MultipleAllowOriginValues', failedParameter: `${APP}, ${APP}` });
  });
  it('AllowOriginMismatch reports the ACAO value', () => {
    expect(verdict({ response: ok({ origin: `${APP}/` }) })).toMatchObject({ corsError: 'AllowOriginMismatch', failedParameter: `${APP}/` });
  });
  it('InvalidAllowOriginValue', () => {
    expect(verdict({ response: ok({ origin: 'app.example' }) })).toMatchObject({ corsError: 'InvalidAllowOriginValue', failedParameter: 'app.example' });
  });
  it('credentials: WildcardOriginNotAllowed, InvalidAllowCredentials', () => {
    expect(verdict({ credentials: 'include', response: ok({ origin: '*', credentials: true }) })).toMatchObject({ corsError: 'WildcardOriginNotAllowed', failedParameter: '' });
    expect(verdict({ credentials: 'include', response: ok() })).toMatchObject({ corsError: 'InvalidAllowCredentials', failedParameter: '' });
    expect(verdict({ credentials: 'include', response: ok({ credentials: 'True' }) })).toMatchObject({ corsError: 'InvalidAllowCredentials', failedParameter: 'True' });
    expect(verdict({ credentials: 'include', response: ok({ credentials: true }) }).blocked).toBe(false);
  });
  it('an unreached credentials row still says it would fail', () => {
    const v = verdict({ credentials: 'include', response: { headers: { 'Access-Control-Allow-Credentials': 'yes' } } });
    expect(v.corsError).toBe('MissingAllowOriginHeader');
    expect(row(v, 'allow-credentials')).toMatchObject({ result: 'skip' });
    expect(row(v, 'allow-credentials')?.note).toMatch(/Not reached.*would fail/);
  });
  it('an opaque page origin sends "null", which ACAO: null matches', () => {
    expect(verdict({ origin: 'null', response: ok({ origin: 'null' }) }).blocked).toBe(false);
    const v = verdict({ origin: 'null', response: ok() });
    expect(v).toMatchObject({ corsError: 'AllowOriginMismatch', failedParameter: APP });
    expect(row(v, 'allow-origin')?.asked).toBe('null');
  });
  it('a POST with a safelisted Content-Type needs no preflight', () => {
    expect(verdict({ method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, response: ok() })).toMatchObject({ blocked: false, preflightReasons: [] });
  });
});

const PUT_PF = { status: 204, headers: corsHeaders({ origin: APP, methods: 'PUT', headers: 'x-api-key' }) };

describe('preflight checks, in Chromium order', () => {
  it('allowed end to end, with a Max-Age row', () => {
    const v = verdict({ method: 'PUT', headers: { 'X-Api-Key': 'k' }, preflight: PUT_PF, response: ok() });
    expect(v).toMatchObject({ blocked: false, phase: 'actual' });
    expect(v.preflightReasons).toHaveLength(2);
    expect(v.checks.map((c) => `${c.phase}:${c.id}:${c.result}`)).toEqual([
      'preflight:allow-origin:pass', 'preflight:allow-credentials:skip', 'preflight:preflight-status:pass', 'preflight:allow-methods-syntax:pass',
      'preflight:allow-headers-syntax:pass', 'preflight:allow-method:pass', 'preflight:allow-header:pass', 'preflight:max-age:pass',
      'actual:allow-origin:pass', 'actual:allow-credentials:skip',
    ]);
    expect(row(v, 'max-age')?.note).toMatch(/5 seconds/);
  });
  it('origin checks come before the status: a 403 without ACAO is PreflightMissingAllowOriginHeader', () => {
    const v = verdict({ method: 'PUT', preflight: { status: 403 } });
    expect(v).toMatchObject({ blocked: true, corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '', phase: 'preflight' });
    expect(row(v, 'preflight-status')).toMatchObject({ result: 'skip', allowed: '403' });
  });
  it('PreflightInvalidStatus once the origin passes', () => {
    expect(verdict({ method: 'PUT', preflight: { status: 404, headers: corsHeaders({ origin: '*', methods: 'PUT' }) } })).toMatchObject({ corsError: 'PreflightInvalidStatus', failedParameter: '' });
  });
  it('the Preflight* origin variants use the actual request\'s credentials mode', () => {
    expect(verdict({ method: 'PUT', credentials: 'include', preflight: { headers: corsHeaders({ origin: '*', methods: 'PUT', credentials: true }) } })).toMatchObject({ corsError: 'PreflightWildcardOriginNotAllowed' });
    expect(verdict({ method: 'PUT', credentials: 'include', preflight: { headers: corsHeaders({ origin: APP, methods: 'PUT' }) } })).toMatchObject({ corsError: 'PreflightInvalidAllowCredentials', failedParameter: '' });
    expect(verdict({ method: 'PUT', preflight: { headers: corsHeaders({ origin: 'https://x.example', methods: 'PUT' }) } })).toMatchObject({ corsError: 'PreflightAllowOriginMismatch', failedParameter: 'https://x.example' });
    expect(verdict({ method: 'PUT', preflight: { headers: corsHeaders({ origin: 'a, b', methods: 'PUT' }) } })).toMatchObject({ corsError: 'PreflightMultipleAllowOriginValues' });
    expect(verdict({ method: 'PUT', preflight: { headers: corsHeaders({ origin: 'nope', methods: 'PUT' }) } })).toMatchObject({ corsError: 'PreflightInvalidAllowOriginValue' });
  });
  it('PreflightDisallowedRedirect', () => {
    expect(verdict({ method: 'PUT', preflight: { redirectTo: 'https://api.example/login', headers: corsHeaders({ origin: '*' }) } })).toMatchObject({ corsError: 'PreflightDisallowedRedirect', failedParameter: '', phase: 'preflight' });
  });
  it('a 300, or a 3xx without Location, is not a redirect Chromium follows: PreflightInvalidStatus', () => {
    expect(verdict({ method: 'PUT', preflight: { status: 300, headers: [...corsHeaders({ origin: '*' }), { name: 'Location', value: 'https://api.example/x' }] } })).toMatchObject({ corsError: 'PreflightInvalidStatus' });
    expect(verdict({ method: 'PUT', preflight: { status: 302, headers: [...corsHeaders({ origin: '*' }), { name: 'Location', value: '' }] } })).toMatchObject({ corsError: 'PreflightInvalidStatus' });
    const recordedAsRedirect = buildExchange({ origin: APP, url: API, method: 'PUT', preflight: { redirectTo: 'https://api.example/x', status: 300, headers: corsHeaders({ origin: '*' }) } });
    expect(evaluate(recordedAsRedirect)).toMatchObject({ corsError: 'PreflightInvalidStatus' });
  });
  it('a preflight redirect recorded as its response is still a redirect', () => {
    expect(verdict({ method: 'PUT', preflight: { status: 307, headers: [...corsHeaders({ origin: '*' }), { name: 'Location', value: '/login' }] } })).toMatchObject({ corsError: 'PreflightDisallowedRedirect' });
  });
  it('ACAM and ACAH syntax are checked before the method', () => {
    expect(verdict({ method: 'PUT', preflight: { headers: corsHeaders({ origin: '*', methods: 'PUT;GET' }) } })).toMatchObject({ corsError: 'InvalidAllowMethodsPreflightResponse', failedParameter: '' });
    expect(verdict({ method: 'DELETE', headers: { 'X-A': '1' }, preflight: { headers: corsHeaders({ origin: '*', headers: '(x)' }) } })).toMatchObject({ corsError: 'InvalidAllowHeadersPreflightResponse', failedParameter: '' });
  });
  it('MethodDisallowedByPreflightResponse reports the method, and comes before headers', () => {
    const v = verdict({ method: 'DELETE', headers: { 'X-A': '1' }, preflight: { headers: corsHeaders({ origin: '*' }) } });
    expect(v).toMatchObject({ corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'DELETE' });
    expect(verdict({ method: 'patch', preflight: { headers: corsHeaders({ origin: '*', methods: 'PATCH' }) } })).toMatchObject({ failedParameter: 'patch' });
  });
  it('"*" methods only without credentials', () => {
    expect(verdict({ method: 'DELETE', preflight: { headers: corsHeaders({ origin: '*', methods: '*' }) }, response: ok({ origin: '*' }) }).blocked).toBe(false);
    expect(verdict({ method: 'DELETE', credentials: 'include', preflight: { headers: corsHeaders({ origin: APP, credentials: true, methods: '*' }) } })).toMatchObject({ corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'DELETE' });
  });
  it('HeaderDisallowedByPreflightResponse names the first missing header in request order', () => {
    const v = verdict({ headers: [['X-Zeta', '1'], ['X-Alpha', '2'], ['X-Mid', '3']], preflight: { headers: corsHeaders({ origin: '*', headers: 'x-alpha' }) } });
    expect(v).toMatchObject({ corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-zeta' });
    expect(rows(v, 'allow-header').map((c) => [c.asked, c.result])).toEqual([['x-zeta', 'fail'], ['x-alpha', 'skip'], ['x-mid', 'skip']]);
    expect(rows(v, 'allow-header')[1]?.note).toMatch(/would pass/);
    expect(rows(v, 'allow-header')[2]?.note).toMatch(/would fail/);
  });
  it('header names match case-insensitively', () => {
    expect(verdict({ headers: { 'X-API-KEY': 'k' }, preflight: { headers: corsHeaders({ origin: '*', headers: 'X-Api-Key' }) }, response: ok({ origin: '*' }) }).blocked).toBe(false);
  });
  it('"*" headers: wildcard without credentials, literal with', () => {
    expect(verdict({ headers: { 'X-A': '1' }, preflight: { headers: corsHeaders({ origin: '*', headers: '*' }) }, response: ok({ origin: '*' }) }).blocked).toBe(false);
    expect(verdict({ credentials: 'include', headers: { 'X-A': '1' }, preflight: { headers: corsHeaders({ origin: APP, credentials: true, headers: '*' }) } })).toMatchObject({ corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-a' });
  });
  it('Chromium 156 lets "*" cover Authorization (unlike the Fetch standard) and notes it', () => {
    const v = verdict({ headers: { Authorization: 'Bearer t' }, preflight: { headers: corsHeaders({ origin: '*', headers: '*' }) }, response: ok({ origin: '*' }) });
    expect(v.blocked).toBe(false);
    expect(v.notes.join(' ')).toMatch(/chromium-differences\.md/);
  });
  it('a preflight network error fails the request, but is no CORS block', () => {
    const v = verdict({ method: 'PUT', preflight: { error: 'net::ERR_CONNECTION_REFUSED' }, response: null, observed: { failed: true, errorText: 'net::ERR_CONNECTION_REFUSED' } });
    expect(v).toMatchObject({ blocked: false, corsError: null, failedParameter: null, phase: 'preflight' });
    expect(row(v, 'preflight-response')?.result).toBe('fail');
    expect(v.notes.join(' ')).toMatch(/preflight failed with a network error/);
  });
  it('the preflight\'s Access-Control-Request-Headers overrides the browser-added guess', () => {
    const spec: ExchangeSpec = { headers: { 'Cache-Control': 'no-cache' }, preflight: { headers: corsHeaders({ origin: '*' }), requestHeaders: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'cache-control' } } };
    expect(verdict(spec)).toMatchObject({ corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'cache-control' });
    // Without a preflight, Cache-Control: no-cache alone is the browser's own cache bypass: a simple request.
    const simple = verdict({ headers: { 'Cache-Control': 'no-cache', Pragma: 'no-cache' }, response: ok() });
    expect(simple).toMatchObject({ blocked: false, preflightReasons: [] });
    expect(simple.notes.join(' ')).toMatch(/Ignored request header cache-control/);
  });
  it('a preflight the rules did not expect is still judged', () => {
    const v = verdict({ preflight: { status: 500, headers: corsHeaders({ origin: '*' }) } });
    expect(v).toMatchObject({ corsError: 'PreflightInvalidStatus' });
    expect(v.preflightReasons[0]).toMatch(/although no method or header required one/);
  });
  it('safelisted values over 1024 bytes together need a preflight', () => {
    const headers = { Accept: 'a'.repeat(128), 'Accept-Language': 'b'.repeat(128), 'Content-Language': 'c'.repeat(128), Intervention: 'd'.repeat(128), DPR: '1'.repeat(128), Width: '1'.repeat(128), 'Viewport-Width': '1'.repeat(128), 'Device-Memory': '1'.repeat(128), 'Save-Data': 'on' };
    const v = verdict({ headers, response: ok() });
    expect(v.preflightReasons[0]).toMatch(/more than 1024/);
  });
});

describe('the preflight cache', () => {
  const spec: ExchangeSpec = { method: 'PUT', headers: { 'X-Api-Key': 'k' }, preflightFromCache: true };
  it('records the preflight checks as skipped and rests on the actual response', () => {
    const v = verdict({ ...spec, response: ok() });
    expect(v.blocked).toBe(false);
    const preflightRows = v.checks.filter((c) => c.phase === 'preflight');
    expect(preflightRows.map((c) => c.id)).toEqual(['allow-origin', 'allow-credentials', 'preflight-status', 'allow-method', 'allow-header']);
    for (const c of preflightRows) expect(c).toMatchObject({ result: 'skip', note: expect.stringContaining(CACHE_NOTE) });
    expect(verdict({ ...spec, response: { status: 200 } })).toMatchObject({ corsError: 'MissingAllowOriginHeader', phase: 'actual' });
  });
  it('treats a missing preflight of a request that went through as cached', () => {
    const v = verdict({ method: 'PUT', response: ok(), observed: { failed: false } });
    expect(v.blocked).toBe(false);
    expect(row(v, 'preflight-status')?.note).toMatch(/preflight cache/);
  });
});

describe('redirects', () => {
  it('CheckAccess on each redirect response', () => {
    const v = verdict({ redirects: [{ location: 'https://api.example/v2', headers: corsHeaders({ origin: 'https://other.example' }) }], response: ok() });
    expect(v).toMatchObject({ corsError: 'AllowOriginMismatch', failedParameter: 'https://other.example', phase: 'redirect' });
    expect(verdict({ redirects: [{ location: 'https://api.example/v2' }], response: ok() })).toMatchObject({ corsError: 'MissingAllowOriginHeader', phase: 'redirect' });
  });
  it('RedirectContainsCredentials for user:pass in Location (password redacted in the row)', () => {
    const v = verdict({ redirects: [{ location: 'https://u:secret@api.example/v2', headers: corsHeaders({ origin: '*' }) }], response: ok({ origin: '*' }) });
    expect(v).toMatchObject({ corsError: 'RedirectContainsCredentials', failedParameter: '', phase: 'redirect' });
    expect(row(v, 'redirect-location')?.asked).not.toContain('secret');
  });
  it('a hop between two other origins taints the Origin to "null"', () => {
    const redirects = [{ location: 'https://cdn.example/x', headers: corsHeaders({ origin: '*' }) }];
    const v = verdict({ redirects, response: ok() });
    expect(v).toMatchObject({ corsError: 'AllowOriginMismatch', failedParameter: APP });
    expect(row(v, 'allow-origin', 'actual')?.asked).toBe('null');
    expect(verdict({ redirects, response: ok({ origin: 'null' }) }).blocked).toBe(false);
    expect(verdict({ redirects, response: ok({ origin: '*' }) }).blocked).toBe(false);
  });
  it('a same-origin request redirected to another origin becomes a CORS request', () => {
    const v = verdict({ url: `${APP}/go`, redirects: [{ location: API }], response: { status: 200 } });
    expect(v).toMatchObject({ crossOrigin: true, corsError: 'MissingAllowOriginHeader', phase: 'actual' });
  });
  it('a request that becomes cross-origin on a redirect is judged from there, preflight included', () => {
    const v = verdict({ url: `${APP}/go`, method: 'PUT', headers: { 'X-Api-Key': 'k' }, redirects: [{ location: API, status: 307 }], response: ok(), observed: { failed: false } });
    expect(v.crossOrigin).toBe(true);
    expect(v.preflightReasons).toHaveLength(2);
    expect(row(v, 'allow-origin', 'redirect')).toBeUndefined();
    expect(row(v, 'preflight-status')?.note).toMatch(/new preflight/);
    expect(v.blocked).toBe(false);
  });
  it('uses a captured preflight that went to the redirect target', () => {
    const v = evaluate({
      ...buildExchange({ origin: APP, url: 'https://api.example/old', method: 'PUT', redirects: [{ location: API, status: 307, headers: corsHeaders({ origin: APP }) }], response: ok() }),
      preflightFromCache: true,
      preflight: { request: { method: 'OPTIONS', url: API, headers: [{ name: 'Access-Control-Request-Method', value: 'PUT' }] }, response: { status: 204, headers: corsHeaders({ origin: APP, methods: 'GET' }) } },
    });
    expect(v).toMatchObject({ corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT', phase: 'preflight' });
    expect(v.checks.findIndex((c) => c.phase === 'redirect')).toBeLessThan(v.checks.findIndex((c) => c.id === 'preflight-status' && c.result === 'pass'));
  });
  it('judges a redirect that is the final response (its follow-up was never sent)', () => {
    const toCreds = { status: 302, headers: [...corsHeaders({ origin: APP }), { name: 'Location', value: 'https://u:p@api.example/next' }] };
    expect(verdict({ response: toCreds, observed: { failed: true, errorText: 'net::ERR_FAILED' } })).toMatchObject({ corsError: 'RedirectContainsCredentials', phase: 'redirect', credentials: { mode: 'same-origin' } });
    const plain = { status: 302, headers: [...corsHeaders({ origin: APP }), { name: 'Location', value: '/next' }] };
    const failed = verdict({ credentials: 'same-origin', response: plain, observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    expect(failed).toMatchObject({ blocked: true, corsError: null });
    expect(row(failed, 'redirect-follow')?.note).toMatch(/not in the capture/);
    // Without a recorded mode, "include" explains the failure outright (no ACAC), which beats "cannot tell".
    expect(verdict({ response: plain, observed: { failed: true, errorText: 'net::ERR_FAILED' } })).toMatchObject({ corsError: 'InvalidAllowCredentials', credentials: { mode: 'include', inferred: true } });
    expect(verdict({ response: plain, observed: { failed: false } })).toMatchObject({ blocked: false });
    expect(verdict({ response: { status: 302, headers: { Location: '/next' } } })).toMatchObject({ corsError: 'MissingAllowOriginHeader', phase: 'redirect' });
  });
  it('more than 20 redirects fail (net::ERR_TOO_MANY_REDIRECTS), which is no CORS block', () => {
    const redirects = Array.from({ length: 21 }, (_, i) => ({ location: `https://api.example/${i + 1}`, headers: corsHeaders({ origin: '*' }) }));
    const v = verdict({ redirects, response: ok({ origin: '*' }) });
    expect(v).toMatchObject({ blocked: false, corsError: null, phase: 'redirect' });
    expect(row(v, 'redirect-count')?.result).toBe('fail');
    expect(v.notes.join(' ')).toMatch(/ERR_TOO_MANY_REDIRECTS/);
    expect(verdict({ redirects: redirects.slice(0, 20), response: ok({ origin: '*' }) }).blocked).toBe(false);
    // CheckAccess on the 21st redirect comes first: a CORS failure there is still reported.
    const bad = [...redirects.slice(0, 20), { location: 'https://api.example/21', headers: {} }];
    expect(verdict({ redirects: bad, response: ok({ origin: '*' }) })).toMatchObject({ blocked: true, corsError: 'MissingAllowOriginHeader', phase: 'redirect' });
  });
});

describe('credentials inference', () => {
  it('uses the recorded mode as is', () => {
    expect(verdict({ credentials: 'omit', response: ok({ origin: '*' }) }).credentials).toEqual({ mode: 'omit', inferred: false });
  });
  it('defaults to same-origin when nothing is observed, and names what "include" would do', () => {
    // A Firefox HAR records no CORS outcome: ACAO * is allowed as same-origin, blocked as include.
    const v = verdict({ response: ok({ origin: '*' }) });
    expect(v).toMatchObject({ blocked: false, credentials: { mode: 'same-origin', inferred: true } });
    expect(v.alternatives).toEqual([{ blocked: true, corsError: 'WildcardOriginNotAllowed', failedParameter: '', condition: 'the request was sent with credentials: "include"' }]);
  });
  it('picks include when only include explains a failure', () => {
    const v = verdict({ response: ok({ origin: '*' }), observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    expect(v).toMatchObject({ blocked: true, corsError: 'WildcardOriginNotAllowed', credentials: { mode: 'include', inferred: true } });
    expect(v.notes.join(' ')).toMatch(/only "include" explains/);
  });
  it('picks same-origin when only it explains a success', () => {
    expect(verdict({ response: ok({ origin: '*' }), observed: { failed: false } }).credentials.mode).toBe('same-origin');
  });
  it('prefers include when both explain it and a Cookie header was sent', () => {
    expect(verdict({ headers: { Cookie: 'sid=1' }, response: ok({ credentials: true }), observed: { failed: false } }).credentials.mode).toBe('include');
    expect(verdict({ response: ok({ credentials: true }), observed: { failed: false } }).credentials.mode).toBe('same-origin');
  });
  it('uses Chromium\'s reported CorsError to choose between two failing modes', () => {
    const spec: ExchangeSpec = { method: 'PUT', preflight: { headers: corsHeaders({ origin: '*' }) }, response: null };
    expect(verdict({ ...spec, observed: { failed: true, errorText: 'net::ERR_FAILED', corsError: 'PreflightWildcardOriginNotAllowed' } })).toMatchObject({ corsError: 'PreflightWildcardOriginNotAllowed', credentials: { mode: 'include' } });
    const ambiguous = verdict({ ...spec, observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    expect(ambiguous).toMatchObject({ corsError: 'MethodDisallowedByPreflightResponse', credentials: { mode: 'same-origin' } });
    // Said once, as an alternative (every view shows those), not again as a note.
    expect(ambiguous.notes.join(' ')).not.toMatch(/PreflightWildcardOriginNotAllowed/);
    expect(ambiguous.alternatives).toEqual([expect.objectContaining({ blocked: true, corsError: 'PreflightWildcardOriginNotAllowed', condition: 'the request was sent with credentials: "include"' })]);
    // A mode that contradicts what the browser did is no alternative.
    expect(verdict({ ...spec, observed: { failed: false } }).alternatives ?? []).toEqual([]);
  });
  it('prefers a mode that explains a failure over one that cannot judge it', () => {
    const spec: ExchangeSpec = { headers: { 'X-A': '1' }, preflight: { headers: corsHeaders({ origin: APP, credentials: true, headers: '*' }) }, response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' } };
    expect(verdict(spec)).toMatchObject({ corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-a', credentials: { mode: 'include' } });
  });
});

describe('disagreement with the observed outcome', () => {
  it('never calls a request the browser allowed blocked', () => {
    const v = verdict({ response: { status: 200 }, observed: { failed: false } });
    expect(v).toMatchObject({ blocked: false, corsError: null, inconsistent: true });
    expect(row(v, 'allow-origin')?.result).toBe('fail');
    expect(v.notes.join(' ')).toMatch(/MissingAllowOriginHeader/);
  });
  it('never calls a request the browser blocked allowed', () => {
    const v = verdict({ response: ok({ origin: APP, credentials: true }), observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    expect(v).toMatchObject({ blocked: true, corsError: null, inconsistent: true });
  });
  it('a network error is not a CORS decision', () => {
    const v = verdict({ response: null, observed: { failed: true, errorText: 'net::ERR_NAME_NOT_RESOLVED' } });
    expect(v).toMatchObject({ blocked: false, corsError: null });
    expect(v.inconsistent).toBeUndefined();
    expect(v.notes.join(' ')).toMatch(/ERR_NAME_NOT_RESOLVED/);
  });
  it('a 304 without ACAO cannot be judged from the capture: follow the browser', () => {
    expect(verdict({ response: { status: 304 }, observed: { failed: false } })).toMatchObject({ blocked: false, corsError: null });
    expect(verdict({ response: { status: 304 }, observed: { failed: true, errorText: 'net::ERR_FAILED' } })).toMatchObject({ blocked: true });
    expect(verdict({ response: { status: 304, headers: corsHeaders({ origin: 'https://x.example' }) } })).toMatchObject({ corsError: 'AllowOriginMismatch' });
  });
});

describe('a new preflight after a redirect (one per leg)', () => {
  const THIRD = 'https://third.example/hop/1';
  /** PUT api → 307 → third: the first preflight (from the page's origin), then third's (Origin: null). */
  function putRedirected(secondAcao: string | null, final: ExchangeSpec['response'] = ok({ origin: 'null' })) {
    const base = buildExchange({
      origin: APP, url: API, method: 'PUT',
      preflight: { status: 204, headers: corsHeaders({ origin: APP, methods: 'PUT' }) },
      redirects: [{ location: THIRD, status: 307, headers: corsHeaders({ origin: APP }) }],
      response: final,
      observed: final ? { failed: false } : { failed: true, errorText: 'net::ERR_FAILED' },
    });
    const second = {
      request: { method: 'OPTIONS', url: THIRD, headers: [{ name: 'Access-Control-Request-Method', value: 'PUT' }, { name: 'Origin', value: 'null' }] },
      response: { status: 204, headers: corsHeaders({ ...(secondAcao === null ? {} : { origin: secondAcao }), methods: 'PUT' }) },
    };
    return { ...base, redirectPreflights: [second] };
  }
  it('judges each leg\'s preflight: third\'s answer must allow the tainted origin "null"', () => {
    const v = evaluate(putRedirected(APP, null));
    expect(v).toMatchObject({ blocked: true, corsError: 'PreflightAllowOriginMismatch', failedParameter: APP, phase: 'preflight', credentials: { mode: 'same-origin' } });
    const origins = rows(v, 'allow-origin').filter((c) => c.phase === 'preflight');
    expect(origins.map((c) => [c.asked, c.result])).toEqual([[APP, 'pass'], ['null', 'fail']]);
  });
  it('allows the chain when every leg is allowed', () => {
    const v = evaluate(putRedirected('null'));
    expect(v).toMatchObject({ blocked: false, corsError: null, phase: 'actual' });
    expect(rows(v, 'preflight-status').map((c) => c.result)).toEqual(['pass', 'pass']);
  });
  it('without the second preflight in the capture, that leg is marked as not captured', () => {
    const { redirectPreflights: _dropped, ...ex } = putRedirected('null');
    const v = evaluate(ex);
    expect(v.blocked).toBe(false);
    expect(rows(v, 'preflight-status')[1]?.note).toMatch(/new preflight to this URL; it is not part of this capture/);
  });
});

describe('requests that end without a CORS error', () => {
  const plainRedirect = { status: 302, headers: [...corsHeaders({ origin: APP }), { name: 'Location', value: '/next' }] };
  it('fetch redirect "manual": the redirect passes CheckAccess and the loader is cancelled (net::ERR_ABORTED)', () => {
    for (const observed of [{ failed: true, errorText: 'net::ERR_ABORTED' }, { failed: false }]) {
      const v = verdict({ response: plainRedirect, observed });
      expect(v).toMatchObject({ blocked: false, corsError: null, credentials: { mode: 'same-origin' } });
      expect(row(v, 'redirect-follow')?.note).toMatch(/did not follow/);
    }
    // The capture shape of a followed hop whose next request was cancelled.
    const hop = verdict({ redirects: [{ location: `${API}/next`, headers: corsHeaders({ origin: APP }) }], response: null, observed: { failed: true, errorText: 'net::ERR_ABORTED' } });
    expect(hop).toMatchObject({ blocked: false, corsError: null });
  });
  it('a CORS failure on the redirect itself is still reported, whatever the redirect mode', () => {
    const noAcao = { status: 302, headers: [{ name: 'Location', value: '/next' }] };
    expect(verdict({ response: noAcao, observed: { failed: true, errorText: 'net::ERR_FAILED' } })).toMatchObject({ blocked: true, corsError: 'MissingAllowOriginHeader', phase: 'redirect' });
  });
  it('a redirect nothing shows was followed, when no credentials mode fails a check there: not CORS (redirect "error")', () => {
    const hop = { location: `${API}/next`, headers: corsHeaders({ origin: APP, credentials: true }) };
    const v = verdict({ redirects: [hop], response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    expect(v).toMatchObject({ blocked: false, corsError: null, phase: 'redirect' });
    expect(row(v, 'redirect-follow')?.note).toMatch(/redirect mode "error"/);
  });
  it('…but when "include" would fail a check on that redirect, the CORS reading wins (a HAR shows both alike), with a note', () => {
    const hop = { location: `${API}/next`, headers: corsHeaders({ origin: APP }) };
    const v = verdict({ redirects: [hop], response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    expect(v).toMatchObject({ blocked: true, corsError: 'InvalidAllowCredentials', phase: 'redirect', credentials: { mode: 'include', inferred: true } });
    expect(v.notes.join(' ')).toMatch(/redirect mode "error"\); the capture cannot tell the two apart/);
    // The other reading is data, not only prose: the panel and the corpus can show it.
    expect(v.alternatives).toEqual([expect.objectContaining({ blocked: false, corsError: null, failedParameter: null, condition: expect.stringMatching(/same-origin.*redirect: "error"/) })]);
    // A recorded mode decides: with "same-origin" nothing failed, so it was not CORS.
    expect(verdict({ credentials: 'same-origin', redirects: [hop], response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' } })).toMatchObject({ blocked: false, corsError: null });
  });
  it('a headers check that would fail does not make a non-CORS network error a CORS block', () => {
    const v = verdict({ response: { status: 200 }, observed: { failed: true, errorText: 'net::ERR_ABORTED' } });
    expect(v).toMatchObject({ blocked: false, corsError: null });
    expect(v.notes.join(' ')).toMatch(/would report MissingAllowOriginHeader, but the request failed with net::ERR_ABORTED/);
  });
});

describe('the HTTP cache: a stored no-cors copy handed to a CORS request', () => {
  const URL_ = API;
  const stored = (headers: Record<string, string>, startedAt = -1000) => ({ url: URL_, startedAt, resourceType: 'image', response: { status: 200, headers: Object.entries(headers).map(([name, value]) => ({ name, value })) } });
  const cacheHit = (earlier: ReturnType<typeof stored>, spec: ExchangeSpec = {}) => evaluate({
    ...buildExchange({ origin: APP, url: URL_, response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' }, ...spec }),
    earlierLoad: earlier,
  });
  it('no response of its own (a HAR shows status 0): the stored copy is what CheckAccess read', () => {
    const v = cacheHit(stored({ 'Cache-Control': 'max-age=600', 'Content-Type': 'image/png' }));
    expect(v).toMatchObject({ blocked: true, corsError: 'MissingAllowOriginHeader', failedParameter: '', phase: 'actual', credentials: { mode: 'same-origin' } });
    expect(row(v, 'http-cache')).toMatchObject({ result: 'pass', note: expect.stringMatching(/earlier image load/) });
    // Vary on a header every load sends alike still matches.
    expect(cacheHit(stored({ 'Cache-Control': 'max-age=600', Vary: 'Accept-Encoding' })).corsError).toBe('MissingAllowOriginHeader');
  });
  it('a copy the cache could not reuse for it proves nothing: the verdict follows the browser', () => {
    const unusable: Record<string, string>[] = [{ Vary: 'Origin' }, { vary: 'origin' }, { Vary: '*' }, { Vary: 'Accept' }, { 'Cache-Control': 'no-store' }];
    for (const headers of unusable) {
      const v = cacheHit(stored(headers));
      expect(v, JSON.stringify(headers)).toMatchObject({ blocked: true, corsError: null });
      expect(row(v, 'http-cache')).toBeUndefined();
    }
    expect(cacheHit(stored({}, 5000)).corsError).toBeNull(); // stored after the request started
    expect(cacheHit(stored({}), { method: 'POST' }).corsError).toBeNull();
  });
  it('a 304 revalidation of the stored copy: the stored headers updated by the 304\'s', () => {
    const copy = stored({ 'Cache-Control': 'no-cache', ETag: '"v1"' });
    const revalidated = (headers: Record<string, string>, observed: ExchangeSpec['observed']) => cacheHit(copy, { headers: { 'If-None-Match': '"v1"' }, response: { status: 304, headers: { ETag: '"v1"', ...headers } }, observed });
    expect(revalidated({}, { failed: true, errorText: 'net::ERR_FAILED' })).toMatchObject({ blocked: true, corsError: 'MissingAllowOriginHeader' });
    const fixed = revalidated({ 'Access-Control-Allow-Origin': APP }, { failed: false });
    expect(fixed).toMatchObject({ blocked: false, corsError: null });
    expect(row(fixed, 'allow-origin')).toMatchObject({ result: 'pass', allowed: APP });
    // Validators that are not the stored copy's: the copy the browser checked is unknown.
    const other = cacheHit(copy, { headers: { 'If-None-Match': '"v2"' }, response: { status: 304, headers: { ETag: '"v2"' } } });
    expect(other).toMatchObject({ blocked: true, corsError: null });
  });
  it('a stored redirect is judged like one from the network: a target with credentials fails (found by random lab scenarios)', () => {
    // An earlier credentialed CORS fetch stored the 308 (cacheable by default); a HAR shows the next request as status 0.
    const redirect = (location: string) => ({
      url: URL_, startedAt: -1000, resourceType: 'fetch', origin: APP,
      response: { status: 308, headers: [{ name: 'Location', value: location }, { name: 'Access-Control-Allow-Origin', value: APP }, { name: 'Access-Control-Allow-Credentials', value: 'true' }] },
    });
    const withUser = cacheHit(redirect('https://user:pass@third.example/next'));
    expect(withUser).toMatchObject({ blocked: true, corsError: 'RedirectContainsCredentials', phase: 'redirect' });
    expect(row(withUser, 'redirect-location')).toMatchObject({ result: 'fail', asked: expect.not.stringContaining('pass@') });
    expect(row(withUser, 'http-cache')?.note).toMatch(/earlier fetch load of this URL stored \(sent with this Origin/);
    // Without credentials in the target it passes: followed (the recording has a request to the target), what
    // came next is not in the recording and the verdict follows the browser's failure.
    const followed = evaluate({ ...buildExchange({ origin: APP, url: URL_, response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' } }), earlierLoad: redirect('https://third.example/next'), lastLegRequested: true });
    expect(followed).toMatchObject({ blocked: true, corsError: null });
    // Nothing requested the target: the request ended at the stored redirect (fetch's redirect mode "error"),
    // not a CORS error, as Chromium reports it (random lab scenario 770/71).
    const ended = cacheHit(redirect('https://third.example/next'));
    expect(ended).toMatchObject({ blocked: false, corsError: null, phase: 'redirect' });
    expect(row(ended, 'redirect-follow')?.note).toMatch(/ended at the redirect/);
    // …and the diagnosis does not call it a block it cannot explain.
    const endedDiagnosis = diagnose({ ...buildExchange({ origin: APP, url: URL_, response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' } }), earlierLoad: redirect('https://third.example/next') });
    expect(endedDiagnosis.findings.map((f) => f.id)).not.toContain('unexplained-block');
  });
});

describe('a page-set Pragma the preflights list', () => {
  it('needs a new preflight after a redirect to a third origin too (found by random lab scenarios)', () => {
    const h = (pairs: [string, string][]) => pairs.map(([name, value]) => ({ name, value }));
    const third = 'https://third.example/next';
    const v = evaluate({
      id: 'p', source: 'har', pageOrigin: APP, startedAt: 0,
      request: { method: 'GET', url: API, headers: h([['Origin', APP], ['Pragma', 'no-cache']]) },
      preflight: {
        request: { method: 'OPTIONS', url: API, headers: h([['Origin', APP], ['Access-Control-Request-Method', 'GET'], ['Access-Control-Request-Headers', 'pragma']]) },
        response: { status: 204, headers: h([['Access-Control-Allow-Origin', APP], ['Access-Control-Allow-Headers', 'pragma']]) },
      },
      redirects: [{ url: API, location: third, response: { status: 302, headers: h([['Location', third], ['Access-Control-Allow-Origin', APP]]) } }],
      redirectPreflights: [{
        request: { method: 'OPTIONS', url: third, headers: h([['Origin', 'null'], ['Access-Control-Request-Method', 'GET'], ['Access-Control-Request-Headers', 'pragma']]) },
        response: { status: 204, headers: h([['Access-Control-Allow-Origin', APP], ['Access-Control-Allow-Headers', 'pragma']]) },
      }],
      lastLegRequested: true,
      observed: { failed: true, errorText: 'net::ERR_FAILED' },
    });
    expect(v).toMatchObject({ blocked: true, corsError: 'PreflightAllowOriginMismatch', failedParameter: APP, credentials: { mode: 'same-origin' } });
    expect(v.notes.join(' ')).not.toMatch(/Ignored request header pragma/);
  });
});
