import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExchange, corsHeaders } from './cors/test-support';
import { diagnose } from './diagnose';
import { FINDING_IDS } from './findings/catalogue';
import { hostileExchange, hostileInput } from './platforms/testing';

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

describe('diagnose', () => {
  it('is total, deterministic and pure on hostile exchanges', () => {
    fc.assert(fc.property(hostileInput, (input) => {
      const exchange = hostileExchange(input);
      const before = JSON.stringify(exchange);
      const a = diagnose(exchange);
      expect(JSON.stringify(exchange)).toBe(before);
      expect(diagnose(exchange)).toEqual(a);

      expect(a.exchangeId).toBe(exchange.id);
      expect(a.headline).toMatch(/^[^\n\r]+$/);
      expect(a.summary).toMatch(/^[^\n\r]+$/);
      const found = a.findings.map((f) => f.id);
      expect(new Set(found).size).toBe(found.length);
      for (const id of found) expect(FINDING_IDS as readonly string[]).toContain(id);
      const ranks = a.findings.map((f) => SEVERITY[f.severity]);
      expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
      if (a.verdict.blocked) expect(a.findings.some((f) => f.severity === 'error')).toBe(true);
    }), { numRuns: 300 });
  }, 60_000);

  it('has nothing to say about a same-origin request', () => {
    const d = diagnose(buildExchange({ origin: 'https://api.example', url: 'https://api.example/items' }));
    expect(d.verdict.crossOrigin).toBe(false);
    expect(d.findings).toEqual([]);
    expect(d.headline).toMatch(/CORS checks do not apply/);
  });

  it('says "allowed" for a clean cross-origin request', () => {
    const d = diagnose(buildExchange({ response: { headers: corsHeaders({ origin: 'https://app.example' }) } }));
    expect(d.findings).toEqual([]);
    expect(d.headline).toBe('CORS allowed this request.');
    expect(d.summary).toBe('Allowed');
  });

  it('takes the headline from the most severe finding and adds the platform to the summary', () => {
    const d = diagnose(buildExchange({
      url: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/items', method: 'PUT',
      preflight: { status: 403, headers: { 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' }, body: '{"message":"Missing Authentication Token"}' },
    }));
    expect(d.findings[0]?.id).toBe('options-not-configured');
    expect(d.headline).toMatch(/never sent/);
    expect(d.summary).toMatch(/· API Gateway \(REST API\)$/);
  });
});
