import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../model';
import { exportHar } from './export';
import { importHar } from './import';
import { evaluate } from '../rules/evaluate';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/har/${name}`, import.meta.url), 'utf8');
const FAKE_SECRETS = ['fake-api-key-1234567890', 'fake-token-abcdef', 'fakesig0123456789', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'fake-session-cookie-value'];

/** Ids are per source; compare everything else, with cache links mapped through the ids. */
function comparable(exchanges: Exchange[]): unknown[] {
  const index = new Map(exchanges.map((e, i) => [e.id, i]));
  return exchanges.map(({ id: _id, cachedPreflightId, ...rest }) => ({ ...rest, cachedPreflight: cachedPreflightId === undefined ? undefined : index.get(cachedPreflightId) }));
}

describe('exportHar', () => {
  const original = importHar(fixture('chrome-devtools.har')).exchanges;

  it('round-trips through the importer (with sensitive values)', () => {
    const har = exportHar(original, { includeSensitive: true, toolVersion: 't' });
    const back = importHar(JSON.parse(JSON.stringify(har))).exchanges;
    expect(comparable(back)).toEqual(comparable(original));
  });

  it('keeps the earlier no-cors load a request may have been served from', () => {
    const ex: Exchange = {
      ...original[0]!, earlierLoad: { url: original[0]!.request.url, startedAt: original[0]!.startedAt - 1000, resourceType: 'image', response: { status: 200, headers: [{ name: 'Content-Type', value: 'image/png' }] } },
    };
    const back = importHar(JSON.parse(JSON.stringify(exportHar([ex], { includeSensitive: true })))).exchanges;
    expect(back[0]!.earlierLoad).toEqual(ex.earlierLoad);
  });

  it('keeps a followed last redirect without a response, and the stored copy at its target', () => {
    const hop = 'https://api.example/hop';
    const ex: Exchange = {
      id: 'x1', source: 'har', pageOrigin: 'https://app.example', startedAt: 1_700_000_000_000, mode: 'cors',
      request: { method: 'POST', url: 'https://api.example/r', headers: [{ name: 'Origin', value: 'https://app.example' }, { name: 'Sec-Fetch-Mode', value: 'cors' }] },
      redirects: [{ url: 'https://api.example/r', location: hop, response: { status: 302, headers: [{ name: 'Location', value: hop }, { name: 'Access-Control-Allow-Origin', value: 'https://app.example' }] } }],
      lastLegRequested: true,
      earlierLoad: { url: hop, startedAt: 1_699_999_999_000, resourceType: 'image', response: { status: 204, headers: [{ name: 'Cache-Control', value: 'max-age=600' }] } },
      observed: { failed: true, errorText: 'net::ERR_FAILED' },
    };
    const back = importHar(JSON.parse(JSON.stringify(exportHar([ex], { includeSensitive: true })))).exchanges;
    expect(back).toHaveLength(1);
    expect(back[0]!.lastLegRequested).toBe(true);
    expect(back[0]!.response).toBeUndefined();
    expect(back[0]!.redirects.map((h) => h.location)).toEqual([hop]);
    expect(back[0]!.earlierLoad).toEqual(ex.earlierLoad);
    expect(back[0]!.observed).toEqual(ex.observed);
  });

  it('keeps the earlier CORS request a request was handed a copy from: once, with its Origin', () => {
    const c = 'https://api.example/c';
    const stored = { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }, { name: 'Cache-Control', value: 'max-age=600' }] };
    const origin = [{ name: 'Origin', value: 'https://app.example' }, { name: 'Sec-Fetch-Mode', value: 'cors' }];
    const first: Exchange = {
      id: 'a', source: 'har', pageOrigin: 'https://app.example', startedAt: 1_700_000_000_000, mode: 'cors',
      request: { method: 'GET', url: c, headers: origin }, redirects: [], response: stored, observed: {},
    };
    const later: Exchange = {
      id: 'b', source: 'har', pageOrigin: 'https://app.example', startedAt: 1_700_000_000_100, mode: 'cors',
      request: { method: 'GET', url: c, headers: [...origin, { name: 'Cookie', value: 'sid=1' }] }, redirects: [],
      earlierLoad: { url: c, startedAt: first.startedAt, resourceType: 'fetch', response: stored, origin: 'https://app.example', exchangeId: 'a' },
      observed: { failed: true, errorText: 'net::ERR_FAILED' },
    };
    // Alone, the later request brings the earlier one along (it comes back as an exchange of its own).
    const alone = exportHar([later], { includeSensitive: true });
    expect(alone.log.entries).toHaveLength(2);
    const back = importHar(JSON.parse(JSON.stringify(alone))).exchanges;
    expect(back).toHaveLength(2);
    expect(back[1]!.earlierLoad).toMatchObject({ url: c, origin: 'https://app.example', exchangeId: back[0]!.id, response: { status: 200 } });
    expect(evaluate(back[1]!)).toMatchObject({ blocked: true, corsError: 'WildcardOriginNotAllowed' });
    // With it, no second copy of the earlier request.
    const both = exportHar([first, later], { includeSensitive: true });
    expect(both.log.entries).toHaveLength(2);
  });

  it('writes preflights as their own entries, linked to the request', () => {
    const { log } = exportHar(original, { toolVersion: 't' });
    const preflights = log.entries.filter((e) => e._resourceType === 'preflight');
    expect(preflights).toHaveLength(original.filter((e) => e.preflight).length);
    for (const p of preflights) {
      expect(p.request.method).toBe('OPTIONS');
      expect(log.entries.some((e) => e._requestId === p._initiator.requestId && e._resourceType !== 'preflight')).toBe(true);
    }
  });

  it('is redacted by default and says so', () => {
    const text = JSON.stringify(exportHar(original, { toolVersion: 't' }));
    for (const s of FAKE_SECRETS) expect(text).not.toContain(s);
    expect(text).toContain('"name":"X-Api-Key"');
    expect(exportHar(original).log.comment).toMatch(/redacted/);
    expect(exportHar(original, { includeSensitive: true }).log.comment).toMatch(/^WARNING/);
    const sensitive = JSON.stringify(exportHar(original, { includeSensitive: true }));
    for (const s of FAKE_SECRETS) expect(sensitive).toContain(s);
  });
});

describe('exportHar: redirect chains', () => {
  const hdr = (name: string, value: string) => ({ name, value });
  const chain: Exchange = {
    id: 'x1', source: 'har', pageOrigin: 'https://app.example', startedAt: Date.parse('2025-06-01T09:00:00Z'), mode: 'cors',
    request: { method: 'PUT', url: 'https://api.example/v1/items', headers: [hdr('Origin', 'https://app.example'), hdr('Content-Type', 'application/json'), hdr('Sec-Fetch-Mode', 'cors')] },
    preflight: {
      request: { method: 'OPTIONS', url: 'https://api.example/v1/items', headers: [hdr('Origin', 'https://app.example'), hdr('Access-Control-Request-Method', 'PUT'), hdr('Access-Control-Request-Headers', 'content-type'), hdr('Sec-Fetch-Mode', 'cors')] },
      response: { status: 204, headers: [hdr('Access-Control-Allow-Origin', 'https://app.example'), hdr('Access-Control-Allow-Methods', 'PUT'), hdr('Access-Control-Allow-Headers', 'content-type')] },
      startedAt: Date.parse('2025-06-01T09:00:00Z'),
    },
    redirects: [{ url: 'https://api.example/v1/items', location: 'https://eu.api.example/v1/items', response: { status: 307, headers: [hdr('Location', 'https://eu.api.example/v1/items'), hdr('Access-Control-Allow-Origin', 'https://app.example')] } }],
    redirectPreflights: [{
      // After a redirect between two other origins the Origin is "null" (tainted).
      request: { method: 'OPTIONS', url: 'https://eu.api.example/v1/items', headers: [hdr('Origin', 'null'), hdr('Access-Control-Request-Method', 'PUT'), hdr('Access-Control-Request-Headers', 'content-type'), hdr('Sec-Fetch-Mode', 'cors')] },
      response: { status: 204, headers: [hdr('Access-Control-Allow-Origin', '*'), hdr('Access-Control-Allow-Methods', 'GET')] },
      startedAt: Date.parse('2025-06-01T09:00:00.050Z'),
    }],
    response: { status: 200, headers: [hdr('Access-Control-Allow-Origin', 'https://app.example')] },
    observed: { failed: true, errorText: 'net::ERR_FAILED' },
  };

  it('keeps the preflight a redirect brought (redirectPreflights), linked to the leg it guarded', () => {
    const { log } = exportHar([chain], { includeSensitive: true });
    const hop = log.entries.find((e) => e._requestId === 'x1.preflight-2');
    expect(hop?._initiator.requestId).toBe('x1.final');
    const back = importHar(JSON.parse(JSON.stringify({ log }))).exchanges;
    expect(back).toHaveLength(1);
    expect(back[0]!.preflight?.request.url).toBe('https://api.example/v1/items');
    expect(back[0]!.redirectPreflights?.map((p) => [p.request.url, p.response?.headers])).toEqual([['https://eu.api.example/v1/items', chain.redirectPreflights![0]!.response!.headers]]);
    expect(back[0]!.redirects).toEqual(chain.redirects);
    // The verdict depends on that second preflight: it allows GET only.
    expect(evaluate(chain).corsError).toBe('MethodDisallowedByPreflightResponse');
    expect(evaluate(back[0]!).corsError).toBe('MethodDisallowedByPreflightResponse');
  });
});
