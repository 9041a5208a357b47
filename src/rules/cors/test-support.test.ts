import { describe, expect, it } from 'vitest';
import { buildExchange, corsHeaders, DEFAULT_ORIGIN, DEFAULT_URL, preflightRequestHeaders, toHeaders } from './test-support';

describe('buildExchange', () => {
  it('fills a complete exchange from a few words', () => {
    const ex = buildExchange({});
    expect(ex).toMatchObject({ pageOrigin: DEFAULT_ORIGIN, request: { method: 'GET', url: DEFAULT_URL, headers: [] }, redirects: [], response: { status: 200, headers: [] }, observed: {} });
    expect(ex.preflight).toBeUndefined();
    expect(ex.credentials).toBeUndefined();
  });

  it('derives the preflight request as Chromium would', () => {
    const ex = buildExchange({ method: 'PUT', headers: { 'X-B': '1', 'Content-Type': 'application/json', Accept: '*/*' }, preflight: { status: 204 } });
    expect(ex.preflight?.request.method).toBe('OPTIONS');
    expect(ex.preflight?.request.headers).toEqual(expect.arrayContaining([
      { name: 'Access-Control-Request-Method', value: 'PUT' },
      { name: 'Access-Control-Request-Headers', value: 'content-type,x-b' },
      { name: 'Origin', value: DEFAULT_ORIGIN },
    ]));
    expect(ex.preflight?.response?.status).toBe(204);
  });

  it('chains redirects and adds their Location', () => {
    const ex = buildExchange({ redirects: [{ location: 'https://b.example/1' }, { location: 'https://c.example/2', status: 307 }] });
    expect(ex.redirects.map((r) => [r.url, r.location, r.response.status])).toEqual([[DEFAULT_URL, 'https://b.example/1', 302], ['https://b.example/1', 'https://c.example/2', 307]]);
    expect(ex.redirects[0]?.response.headers).toContainEqual({ name: 'Location', value: 'https://b.example/1' });
  });

  it('models preflight redirects, preflight errors and a missing response', () => {
    expect(buildExchange({ preflight: { redirectTo: 'https://x/' } }).preflight?.redirect?.location).toBe('https://x/');
    expect(buildExchange({ preflight: { error: 'net::ERR_FAILED' } }).preflight).toMatchObject({ error: 'net::ERR_FAILED' });
    expect(buildExchange({ response: null }).response).toBeUndefined();
  });
});

describe('toHeaders / corsHeaders / preflightRequestHeaders', () => {
  it('accepts records (arrays repeat lines), pairs and Header objects', () => {
    expect(toHeaders({ A: ['1', '2'], B: '3' })).toEqual([{ name: 'A', value: '1' }, { name: 'A', value: '2' }, { name: 'B', value: '3' }]);
    expect(toHeaders([['A', '1']])).toEqual([{ name: 'A', value: '1' }]);
    expect(toHeaders([{ name: 'A', value: '1' }])).toEqual([{ name: 'A', value: '1' }]);
  });
  it('builds Access-Control-* headers', () => {
    expect(corsHeaders({ origin: '*', methods: 'PUT', credentials: true, maxAge: 600 })).toEqual([
      { name: 'Access-Control-Allow-Origin', value: '*' },
      { name: 'Access-Control-Allow-Methods', value: 'PUT' },
      { name: 'Access-Control-Allow-Credentials', value: 'true' },
      { name: 'Access-Control-Max-Age', value: '600' },
    ]);
    expect(corsHeaders({ credentials: false })).toEqual([]);
  });
  it('omits Access-Control-Request-Headers when nothing is unsafe', () => {
    expect(preflightRequestHeaders('https://a', 'DELETE', []).map((h) => h.name)).not.toContain('Access-Control-Request-Headers');
  });
});
