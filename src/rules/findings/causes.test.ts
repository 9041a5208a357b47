import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../model';
import { buildExchange, corsHeaders, type ExchangeSpec } from '../cors/test-support';
import { diagnose, diagnoseWithVerdict } from '../diagnose';
import { verdictOf } from '../platforms/testing';

const ORIGIN = 'https://app.example';
const ids = (d: Diagnosis): string[] => d.findings.map((f) => f.id);
const find = (d: Diagnosis, id: string) => {
  const f = d.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id} in ${ids(d).join(', ')}`);
  return f;
};
const run = (spec: ExchangeSpec): Diagnosis => diagnose(buildExchange({ origin: ORIGIN, ...spec }));

describe('header-not-allowed', () => {
  const d = run({
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Tenant': 't', 'X-Trace': 'z' },
    preflight: { status: 204, headers: corsHeaders({ origin: ORIGIN, methods: 'PUT', headers: 'x-trace' }) },
  });

  it('is the cause, with Chromium\'s first missing header and every other one', () => {
    expect(d.verdict.corsError).toBe('HeaderDisallowedByPreflightResponse');
    const f = find(d, 'header-not-allowed');
    expect(f.explanation).toContain('content-type, x-tenant');
    expect(d.headline).toMatch(/content-type, x-tenant/);
  });

  it('fixes allow every requested header, keeping the ones already allowed', () => {
    const snippets = find(d, 'header-not-allowed').fixes.map((x) => x.snippet).join('\n');
    for (const h of ['Content-Type', 'X-Tenant', 'X-Trace']) expect(snippets).toContain(h);
    expect(snippets).toContain(ORIGIN);
  });

  it('explains why Content-Type: application/json needs allowing', () => {
    expect(find(d, 'header-not-allowed').explanation).toMatch(/application\/json/);
  });

  it('recognises the API Gateway console default list', () => {
    const c = run({
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Correlation-Id': '1' },
      preflight: { status: 200, headers: corsHeaders({ origin: '*', methods: 'POST', headers: 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token' }) },
    });
    expect(find(c, 'header-not-allowed').explanation).toMatch(/default list/);
  });

  it('says * is literal with credentials', () => {
    const c = run({
      credentials: 'include', method: 'GET', headers: { 'X-Api-Key': 'k' },
      preflight: { status: 204, headers: corsHeaders({ origin: ORIGIN, credentials: true, headers: '*' }) },
    });
    expect(c.verdict.corsError).toBe('HeaderDisallowedByPreflightResponse');
    expect(find(c, 'header-not-allowed').explanation).toMatch(/literally named "\*"/);
    expect(ids(c)).not.toContain('authorization-not-covered-by-wildcard');
  });
});

describe('authorization-not-covered-by-wildcard', () => {
  const spec: ExchangeSpec = {
    headers: { Authorization: 'Bearer t' },
    preflight: { status: 204, headers: corsHeaders({ origin: '*', headers: '*' }) },
    response: { status: 200, headers: corsHeaders({ origin: '*' }) },
  };

  it('is a warning when Chromium allows it (the standard would block)', () => {
    const d = run(spec);
    expect(d.verdict.blocked).toBe(false);
    const f = find(d, 'authorization-not-covered-by-wildcard');
    expect(f).toMatchObject({ severity: 'warning', kind: 'info' });
    expect(f.explanation).toMatch(/Chromium 156 accepted/);
    expect(d.headline).toBe('CORS allowed this request.');
  });

  it('is the cause only when the verdict really blocked on authorization under *', () => {
    const ex = buildExchange({ origin: ORIGIN, ...spec });
    const d = diagnoseWithVerdict(ex, verdictOf({ corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization', phase: 'preflight' }));
    expect(find(d, 'authorization-not-covered-by-wildcard')).toMatchObject({ severity: 'error', kind: 'cause' });
    expect(ids(d)).not.toContain('header-not-allowed');
    expect(d.headline).toMatch(/Authorization/);
  });

  it('does not fire when Authorization is listed explicitly', () => {
    const d = run({ ...spec, preflight: { status: 204, headers: corsHeaders({ origin: '*', headers: '*, authorization' }) } });
    expect(ids(d)).not.toContain('authorization-not-covered-by-wildcard');
  });
});

describe('origin problems', () => {
  const mismatch = (acao: string, origin = ORIGIN) => diagnose(buildExchange({ origin, response: { headers: corsHeaders({ origin: acao }) } }));

  it.each([
    ['https://app.example/', /trailing "\/"/],
    ['https://APP.example', /letter case/],
    ['http://app.example', /scheme differs/],
    ['https://app.example:8443', /port differs/],
    ['https://api.example', /its own origin/],
    ['null', /opaque origins/],
  ])('explains a mismatch with %s', (acao, hint) => {
    const d = mismatch(acao);
    expect(d.verdict.corsError).toMatch(/AllowOriginMismatch|InvalidAllowOriginValue/);
    expect(d.findings.map((f) => f.explanation).join('\n')).toMatch(hint);
  });

  it('names www. differences', () => {
    expect(find(mismatch('https://www.app.example'), 'origin-mismatch').explanation).toMatch(/www\./);
  });

  it('tells a pasted allow-list from two layers', () => {
    const list = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'Access-Control-Allow-Origin': `${ORIGIN}, https://b.example` } } }));
    expect(ids(list)).toContain('multiple-origins');
    const twoLines = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'Access-Control-Allow-Origin': [ORIGIN, ORIGIN] } } }));
    expect(ids(twoLines)).toContain('duplicate-cors-headers');
    const starStar = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'Access-Control-Allow-Origin': '*, *' } } }));
    expect(ids(starStar)).toContain('duplicate-cors-headers');
  });

  it('offers a reflecting allow-list with every origin the server named', () => {
    const d = diagnose(buildExchange({ origin: ORIGIN, response: { headers: { 'Access-Control-Allow-Origin': `${ORIGIN}, https://b.example` } } }));
    const node = find(d, 'multiple-origins').fixes.find((f) => f.stack === 'express');
    expect(node?.snippet).toContain('"https://b.example"');
    expect(node?.snippet).toContain(`"${ORIGIN}"`);
  });
});

describe('credentials', () => {
  it('notes that "True" is not "true"', () => {
    const d = run({ credentials: 'include', response: { headers: corsHeaders({ origin: ORIGIN, credentials: 'True' }) } });
    expect(d.verdict.corsError).toBe('InvalidAllowCredentials');
    expect(find(d, 'credentials-flag-missing').explanation).toMatch(/case-sensitive/);
  });

  it('treats "true, true" as two layers', () => {
    const d = run({ credentials: 'include', response: { headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': ['true', 'true'] } } });
    expect(ids(d)).toContain('duplicate-cors-headers');
  });

  it('offers a page-side fix for wildcard with credentials', () => {
    const d = run({ credentials: 'include', response: { headers: corsHeaders({ origin: '*', credentials: true }) } });
    const f = find(d, 'wildcard-with-credentials');
    expect(f.fixes.some((x) => x.stack === 'frontend' && x.snippet.includes('credentials'))).toBe(true);
    expect(f.explanation).toMatch(/does not help/);
  });
});

describe('methods', () => {
  it('spots a lower-case method against an upper-case list', () => {
    const d = run({ method: 'patch', preflight: { status: 204, headers: corsHeaders({ origin: ORIGIN, methods: 'GET, PATCH' }) } });
    expect(d.verdict.corsError).toBe('MethodDisallowedByPreflightResponse');
    const f = find(d, 'method-not-allowed');
    expect(f.explanation).toMatch(/case-sensitive/);
    expect(f.fixes.find((x) => x.stack === 'frontend')?.snippet).toContain('"PATCH"');
  });
});

describe('preflight status', () => {
  it('reports a non-2xx status as a second problem behind an origin failure', () => {
    const d = run({ method: 'PUT', preflight: { status: 404, headers: corsHeaders({ origin: 'https://other.example' }) } });
    expect(d.verdict.corsError).toBe('PreflightAllowOriginMismatch');
    expect(ids(d)).toEqual(expect.arrayContaining(['origin-mismatch', 'options-not-configured']));
    expect(find(d, 'options-not-configured').explanation).toMatch(/Even after/);
  });

  it('uses preflight-invalid-status when the headers were fine', () => {
    const d = run({ method: 'PUT', preflight: { status: 500, headers: corsHeaders({ origin: ORIGIN, methods: 'PUT' }) } });
    expect(d.verdict.corsError).toBe('PreflightInvalidStatus');
    expect(ids(d)).toContain('preflight-invalid-status');
  });

  it('says clearing the cache will not help when the preflight failed', () => {
    const d = run({ method: 'PUT', preflight: { status: 404 } });
    expect(find(d, 'preflight-cache').title).toMatch(/won't change this/);
  });
});

describe('redirects', () => {
  it('explains a redirected preflight', () => {
    const d = run({ url: 'http://api.example/items', method: 'PUT', preflight: { status: 301, redirectTo: 'https://api.example/items' } });
    expect(d.verdict.corsError).toBe('PreflightDisallowedRedirect');
    expect(find(d, 'preflight-redirect').explanation).toMatch(/http → https/);
  });

  it('explains the null origin after a cross-origin redirect', () => {
    const d = run({
      url: 'https://api.example/a',
      redirects: [{ location: 'https://files.example/a', headers: corsHeaders({ origin: ORIGIN }) }],
      response: { headers: corsHeaders({ origin: ORIGIN }) },
    });
    expect(d.verdict.corsError).toBe('AllowOriginMismatch');
    expect(ids(d)).toContain('redirect-tainted-origin');
    expect(ids(d)).not.toContain('origin-mismatch');
  });
});

describe('notes', () => {
  it('says "not a CORS problem" for an allowed 403, without fixes', () => {
    const d = run({ response: { status: 403, headers: corsHeaders({ origin: '*' }), body: '{"message":"Forbidden"}' } });
    const f = find(d, 'not-a-cors-problem');
    expect(f).toMatchObject({ severity: 'warning', fixes: [] });
    expect(d.headline).toMatch(/CORS is fine here/);
  });

  it('warns about a CORS header sent by the page even when it did not block', () => {
    const d = run({
      headers: { 'Access-Control-Allow-Origin': '*' },
      preflight: { status: 204, headers: corsHeaders({ origin: '*', headers: '*' }) },
      response: { headers: corsHeaders({ origin: '*' }) },
    });
    expect(d.verdict.blocked).toBe(false);
    expect(find(d, 'acao-sent-as-request-header')).toMatchObject({ severity: 'warning' });
  });

  it('flags quoted values, as an error only when that header failed', () => {
    const blocked = run({ response: { headers: { 'Access-Control-Allow-Origin': `'${ORIGIN}'` } } });
    expect(find(blocked, 'stray-quotes-in-header').severity).toBe('error');
    const harmless = run({ response: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': "'ETag'" } } });
    expect(find(harmless, 'stray-quotes-in-header').severity).toBe('warning');
  });

  it('flags the null origin as a security problem', () => {
    const d = diagnose(buildExchange({ origin: 'null', response: { headers: corsHeaders({ origin: 'null', credentials: true }) }, credentials: 'include' }));
    expect(find(d, 'null-origin-allowed')).toMatchObject({ kind: 'security', severity: 'error' });
  });
});

describe('fix values', () => {
  it('fill the API id, stage and resource from an execute-api URL', () => {
    const d = run({
      url: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/orders',
      method: 'PUT',
      preflight: { status: 403, headers: { 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' }, body: '{"message":"Missing Authentication Token"}' },
    });
    const deploy = find(d, 'stage-not-deployed').fixes.map((f) => f.snippet).join('\n');
    expect(deploy).toContain("create-deployment --rest-api-id 'a1b2c3d4e5' --stage-name 'prod'");
    const sam = find(d, 'options-not-configured').fixes.find((f) => f.stack === 'sam');
    expect(sam?.snippet).toContain(`"'${ORIGIN}'"`);
    expect(sam?.snippet).toContain("PUT,OPTIONS");
    const openapi = find(d, 'options-not-configured').fixes.find((f) => f.stack === 'openapi');
    expect(openapi?.snippet).toContain('"/orders":');
  });

  it('use a placeholder when the page origin is not a plain origin', () => {
    const d = diagnose(buildExchange({ origin: 'null', response: { headers: {} } }));
    const snippets = d.findings.flatMap((f) => f.fixes.map((x) => x.snippet)).join('\n');
    expect(snippets).toContain('https://your-app.example.com');
    expect(snippets).not.toMatch(/Allow-Origin: null/);
  });
});

describe('blocked without a CORS error', () => {
  it('calls a refused connection a network problem, not CORS', () => {
    const ex = buildExchange({ origin: ORIGIN, response: null, observed: { failed: true, errorText: 'net::ERR_CONNECTION_REFUSED' } });
    const d = diagnose(ex);
    // Whether the verdict counts it as blocked is evaluate()'s business; the finding must say it is not CORS.
    expect(d.verdict.corsError).toBeNull();
    expect(find(d, 'network-error').explanation).toMatch(/nothing listens/);
    expect(d.headline).toMatch(/not CORS/);
  });

  it('says a needed preflight is missing from a capture without headers', () => {
    const ex = buildExchange({ origin: ORIGIN, method: 'DELETE', response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    const d = diagnose(ex);
    expect(d.verdict).toMatchObject({ blocked: true, corsError: null });
    expect(find(d, 'unexplained-block').explanation).toMatch(/preflight was needed .*DELETE/);
  });
});

describe('deploy hints', () => {
  it('reminds that API Gateway serves the last deployment', () => {
    const d = run({
      url: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/dev/items', method: 'DELETE',
      preflight: { status: 200, headers: { 'x-amz-apigw-id': 'R=', ...Object.fromEntries(corsHeaders({ origin: '*', methods: 'GET,POST' }).map((h) => [h.name, h.value])) } },
    });
    expect(find(d, 'method-not-allowed').explanation).toMatch(/deploy the API to stage "dev"/);
  });

  it('gives no deploy hint for servers without deployments', () => {
    const d = run({ method: 'DELETE', preflight: { status: 200, headers: corsHeaders({ origin: '*', methods: 'GET' }) } });
    expect(find(d, 'method-not-allowed').explanation).not.toMatch(/deploy/);
  });
});

describe('who generated an error', () => {
  it('lets CloudFront explain an answer it generated in front of API Gateway', () => {
    const d = run({
      url: 'https://api.shop.example/prod/items', method: 'PUT',
      preflight: { status: 403, headers: { 'X-Cache': 'Error from cloudfront', 'X-Amz-Cf-Id': 'x==', 'x-amz-apigw-id': 'R=' }, body: '<H1>403 ERROR</H1> Request blocked. Generated by cloudfront (CloudFront)' },
    });
    expect(d.platform.id).toBe('aws-apigateway-rest');
    expect(d.cdn?.id).toBe('aws-cloudfront');
    expect(find(d, 'preflight-auth-required').explanation).toMatch(/CloudFront answered 403 itself/);
  });
});

describe('verdicts the capture cannot back up', () => {
  it('still explains a block whose failing response is missing', () => {
    const ex = buildExchange({ origin: ORIGIN, method: 'PUT', preflight: { error: 'net::ERR_FAILED' }, response: null });
    const d = diagnoseWithVerdict(ex, verdictOf({ corsError: 'PreflightMissingAllowOriginHeader', phase: 'preflight' }));
    expect(ids(d)).toContain('unexplained-block');
    expect(d.headline).toMatch(/PreflightMissingAllowOriginHeader/);
  });
});
