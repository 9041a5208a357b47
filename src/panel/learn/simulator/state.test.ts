/**
 * The simulator's state ⇄ Exchange: a captured exchange carried over arrives intact (request,
 * page origin, credentials, both answers, redirects, context); edits change exactly what they say;
 * the preflight is part of the exchange only when the browser would send one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CredentialsMode, Exchange, Header } from '../../../model';
import { evaluate } from '../../../rules';
import { buildExchange, corsHeaders } from '../../../rules/cors/test-support';
import { sampleSet } from '../../fixtures/sample';
import { editRequest, editSimAnswer, fromExchange, parseHeaderLines, preflightSent, simPreflight, toExchange } from './state';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/platforms');
const platformExchanges: Exchange[] = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { cases: { exchange: Exchange }[] }).cases.map((c) => c.exchange));

/** What "intact" means: everything but identity, source and the observed outcome; credentials made explicit. */
function expectedCarry(e: Exchange, mode: CredentialsMode): Exchange {
  const want: Exchange = { ...structuredClone(e), id: 'simulator', source: 'simulator', credentials: e.credentials ?? mode, observed: {} };
  if (want.preflightFromCache === false) delete want.preflightFromCache;
  for (const r of [want.response, want.preflight?.response]) if (r && r.body === '') delete r.body;
  return want;
}

describe('carrying a captured exchange into the simulator', () => {
  it('has real captures to carry (the platform fixtures and the panel samples)', () => {
    expect(platformExchanges.length).toBeGreaterThan(40);
  });

  it.each([...platformExchanges, ...sampleSet().map((s) => s.exchange)].map((e) => [e.id, e] as const))('%s arrives intact', (_id, e) => {
    const inferred: CredentialsMode = 'include';
    const carried = toExchange(fromExchange(e, inferred));
    expect(carried).toEqual(expectedCarry(e, inferred));
  });

  it('the credentials mode is the recorded one when there is one, else the one the rules inferred', () => {
    const recorded = buildExchange({ credentials: 'omit', response: { status: 200 } });
    expect(toExchange(fromExchange(recorded, 'include')).credentials).toBe('omit');
    const unrecorded = buildExchange({ response: { status: 200 } });
    expect(toExchange(fromExchange(unrecorded, 'include')).credentials).toBe('include');
  });

  it('judges the headers alone: a captured outcome is left behind', () => {
    // Captured: blocked, with headers that do allow it (e.g. an extension changed them). The simulator follows the headers.
    const e = buildExchange({ response: { status: 200, headers: corsHeaders({ origin: 'https://app.example' }) }, observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    expect(evaluate(e).blocked).toBe(true);
    const carried = toExchange(fromExchange(e, 'same-origin'));
    expect(carried.observed).toEqual({});
    expect(evaluate(carried).blocked).toBe(false);
  });

  it('any header lines — odd spacing, hostile values, repeats — survive the trip while unedited', () => {
    const token = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(s));
    const header = fc.record({ name: token, value: fc.string({ maxLength: 40 }) });
    fc.assert(fc.property(fc.array(header, { maxLength: 6 }), fc.array(header, { maxLength: 6 }), fc.constantFrom<CredentialsMode>('omit', 'same-origin', 'include'),
      (reqHeaders: Header[], resHeaders: Header[], mode) => {
        const e = buildExchange({ method: 'PUT', headers: reqHeaders, credentials: mode, preflight: { status: 204, headers: resHeaders }, response: { status: 200, headers: resHeaders } });
        expect(toExchange(fromExchange(e))).toEqual(expectedCarry(e, mode));
      }), { numRuns: 200 });
  });
});

describe('the simulated exchange', () => {
  const base = () => fromExchange(buildExchange({
    origin: 'https://app.example', method: 'GET',
    response: { status: 200, headers: corsHeaders({ origin: 'https://app.example' }) },
  }), 'same-origin');

  it('has no preflight for a simple request, and gets one as soon as the request needs it', () => {
    let s = base();
    expect(simPreflight(s)).toMatchObject({ crossOrigin: true, needed: false });
    expect(toExchange(s).preflight).toBeUndefined();
    s = editRequest(s, { requestHeadersText: 'X-Api-Key: k' });
    expect(simPreflight(s).needed).toBe(true);
    const e = toExchange(s);
    // Derived the way Chromium builds it: ACRM and the lower-cased unsafe header names.
    expect(e.preflight?.request.headers).toEqual(expect.arrayContaining([
      { name: 'Access-Control-Request-Method', value: 'GET' },
      { name: 'Access-Control-Request-Headers', value: 'x-api-key' },
      { name: 'Origin', value: 'https://app.example' },
    ]));
    s = editRequest(s, { preflightFromCache: true });
    expect(preflightSent(s)).toBe(false);
    expect(toExchange(s).preflight).toBeUndefined();
    expect(toExchange(s).preflightFromCache).toBe(true);
  });

  it('no CORS at all for a same-origin URL', () => {
    const s = editRequest(base(), { url: 'https://app.example/api', method: 'DELETE' });
    expect(simPreflight(s)).toEqual({ crossOrigin: false, needed: false, reasons: [] });
    expect(evaluate(toExchange(s)).crossOrigin).toBe(false);
  });

  it('editing the request derives a new OPTIONS request; editing the URL drops captured redirects', () => {
    const captured = buildExchange({
      method: 'PUT', headers: { 'X-Api-Key': 'k' },
      preflight: { status: 204, requestHeaders: [{ name: 'Access-Control-Request-Method', value: 'PUT' }, { name: 'X-Captured', value: '1' }] },
      redirects: [{ location: 'https://api.example/v2/items', headers: corsHeaders({ origin: '*' }) }],
      response: { status: 200 },
    });
    let s = fromExchange(captured, 'omit');
    expect(toExchange(s).preflight?.request.headers).toContainEqual({ name: 'X-Captured', value: '1' });
    s = editRequest(s, { requestHeadersText: 'X-Api-Key: k\nX-Other: 1' });
    expect(toExchange(s).preflight?.request.headers).not.toContainEqual({ name: 'X-Captured', value: '1' });
    expect(toExchange(s).redirects).toHaveLength(1);
    s = editRequest(s, { url: 'https://api.example/other' });
    expect(toExchange(s).redirects).toEqual([]);
  });

  it('editing an answer changes the verdict the rules give', () => {
    let s = fromExchange(buildExchange({ response: { status: 200, headers: { 'Content-Type': 'text/plain' } } }), 'same-origin');
    expect(evaluate(toExchange(s)).corsError).toBe('MissingAllowOriginHeader');
    s = editSimAnswer(s, 'response', { headersText: 'Content-Type: text/plain\nAccess-Control-Allow-Origin: https://app.example' });
    expect(evaluate(toExchange(s)).blocked).toBe(false);
    s = editSimAnswer(s, 'response', { headersText: 'Access-Control-Allow-Origin: https://app.example/' });
    expect(evaluate(toExchange(s)).corsError).toBe('AllowOriginMismatch');
  });

  it('a captured preflight without an answer stays so until an answer is typed', () => {
    const e = buildExchange({ method: 'PUT', preflight: { error: 'net::ERR_CONNECTION_REFUSED' }, response: null });
    let s = fromExchange(e, 'omit');
    expect(toExchange(s).preflight).toMatchObject({ error: 'net::ERR_CONNECTION_REFUSED' });
    expect(toExchange(s).response).toBeUndefined();
    s = editSimAnswer(s, 'preflight', { headersText: 'Access-Control-Allow-Origin: *\nAccess-Control-Allow-Methods: PUT' });
    const p = toExchange(s).preflight!;
    expect(p.error).toBeUndefined();
    expect(p.response).toMatchObject({ status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }, { name: 'Access-Control-Allow-Methods', value: 'PUT' }] });
  });

  it('a changed status drops the captured status text', () => {
    const s = fromExchange(buildExchange({ response: { status: 403 } }), 'omit');
    s.response.extra = { statusText: 'Forbidden' };
    expect(toExchange(s).response?.statusText).toBe('Forbidden');
    expect(toExchange(editSimAnswer(s, 'response', { headersText: 'A: b' })).response?.statusText).toBe('Forbidden');
    expect(toExchange(editSimAnswer(s, 'response', { status: '200' })).response?.statusText).toBeUndefined();
  });
});

describe('header lines', () => {
  it('reads Name: value lines, a curl -i status line, and reports the rest', () => {
    expect(parseHeaderLines('HTTP/2 403 \nx-amzn-ErrorType: Missing\n\nnot a header\n: empty name\nVia:  1.1 a:b  ')).toEqual({
      status: 403,
      headers: [{ name: 'x-amzn-ErrorType', value: 'Missing' }, { name: 'Via', value: '1.1 a:b' }],
      invalid: [4, 5],
    });
  });
});
