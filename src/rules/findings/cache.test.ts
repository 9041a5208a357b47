import { describe, expect, it } from 'vitest';
import type { Diagnosis, Exchange } from '../../model';
import { buildExchange, corsHeaders } from '../cors/test-support';
import { diagnose } from '../diagnose';

const ORIGIN = 'https://app.example';
const ids = (d: Diagnosis): string[] => d.findings.map((f) => f.id);
const find = (d: Diagnosis, id: string) => {
  const f = d.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id} in ${ids(d).join(', ')}`);
  return f;
};

describe('http-cache-without-vary', () => {
  it('explains a blocked response served from the disk cache without Vary: Origin', () => {
    const d = diagnose(buildExchange({ origin: ORIGIN, response: { status: 200, headers: { 'Cache-Control': 'max-age=600' }, fromCache: 'disk' } }));
    expect(d.verdict.corsError).toBe('MissingAllowOriginHeader');
    expect(find(d, 'http-cache-without-vary').severity).toBe('error');
    expect(ids(d)).not.toContain('cors-not-enabled');
    expect(d.headline).toMatch(/cached copy/);
  });

  it('does not blame the cache when the cached copy varies on Origin', () => {
    const d = diagnose(buildExchange({ origin: ORIGIN, response: { status: 200, headers: { Vary: 'Origin' }, fromCache: 'memory' } }));
    expect(ids(d)).not.toContain('http-cache-without-vary');
    expect(ids(d)).toContain('origin-not-allowed');
  });

  it('uses an earlier no-cors request to the same URL as evidence', () => {
    const earlier: Exchange = buildExchange({ id: 'img-1', origin: ORIGIN, url: 'https://cdn.example/a.png', mode: 'no-cors', resourceType: 'image', response: { status: 200, headers: { 'Cache-Control': 'max-age=600' } } });
    const now = buildExchange({ id: 'fetch-2', origin: ORIGIN, url: 'https://cdn.example/a.png', response: { status: 200, headers: { 'Cache-Control': 'max-age=600' } } });
    const d = diagnose(now, { related: [earlier] });
    const f = find(d, 'http-cache-without-vary');
    expect(f.explanation).toContain('img-1');
    expect(f.evidence.join('\n')).toContain('earlier request img-1');
    // Without the earlier exchange there is no evidence of a cache at all.
    expect(ids(diagnose(now))).not.toContain('http-cache-without-vary');
  });

  it('warns about a cacheable reflected origin without Vary: Origin', () => {
    const d = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Cache-Control': 'public, max-age=60' } } }));
    expect(d.verdict.blocked).toBe(false);
    expect(find(d, 'http-cache-without-vary').severity).toBe('warning');
    const withVary = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Cache-Control': 'public, max-age=60', Vary: 'Origin' } } }));
    expect(ids(withVary)).not.toContain('http-cache-without-vary');
    const noStore = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Cache-Control': 'no-store' } } }));
    expect(ids(noStore)).not.toContain('http-cache-without-vary');
  });
});

describe('cdn-cache-without-vary', () => {
  it('reads a generic CDN hit and offers a generic fix', () => {
    const d = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'X-Cache': 'MISS, HIT', Age: '30' } } }));
    const f = find(d, 'cdn-cache-without-vary');
    expect(f.evidence).toContain('x-cache: MISS, HIT');
    expect(f.fixes.map((x) => x.stack)).toContain('cdn');
  });

  it('reads Cloudflare\'s cf-cache-status', () => {
    const d = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'cf-cache-status': 'HIT' } } }));
    expect(ids(d)).toContain('cdn-cache-without-vary');
  });

  it('stays quiet on a miss', () => {
    const d = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'X-Cache': 'Miss from cloudfront', 'X-Amz-Cf-Id': 'x==' } } }));
    expect(ids(d)).not.toContain('cdn-cache-without-vary');
    expect(ids(d)).toContain('cors-not-enabled');
  });
});

describe('preflight-cache', () => {
  const first = buildExchange({
    id: 'p-1', origin: ORIGIN, method: 'PUT',
    preflight: { status: 204, headers: corsHeaders({ origin: ORIGIN, methods: 'PUT', maxAge: 600 }) },
    response: { headers: corsHeaders({ origin: ORIGIN }) },
  });
  first.startedAt = Date.UTC(2025, 10, 18, 10, 0, 0);
  first.preflight!.startedAt = first.startedAt;

  it('says until when a cached preflight is reused', () => {
    const second = buildExchange({ id: 'p-2', origin: ORIGIN, method: 'PUT', preflightFromCache: true, response: { headers: corsHeaders({ origin: ORIGIN }) } });
    second.cachedPreflightId = 'p-1';
    const f = find(diagnose(second, { related: [first] }), 'preflight-cache');
    expect(f.explanation).toContain('until 2025-11-18T10:10:00.000Z');
    expect(f.explanation).toContain('Access-Control-Max-Age 600 s');
  });

  it('states the rule when the original preflight is unknown', () => {
    const second = buildExchange({ origin: ORIGIN, method: 'PUT', preflightFromCache: true, response: { headers: corsHeaders({ origin: ORIGIN }) } });
    expect(find(diagnose(second), 'preflight-cache').explanation).toMatch(/5 s when absent, at most 7200 s/);
  });

  it('mentions the 7200 s cap', () => {
    const d = diagnose(buildExchange({ origin: ORIGIN, method: 'PUT', preflight: { status: 204, headers: corsHeaders({ origin: ORIGIN, methods: 'PUT', maxAge: 86400 }) }, response: { headers: corsHeaders({ origin: ORIGIN }) } }));
    expect(find(d, 'preflight-cache').title).toMatch(/capped/);
  });

  it('says nothing for a fresh, passing preflight within the cap', () => {
    expect(ids(diagnose(first))).not.toContain('preflight-cache');
  });
});
