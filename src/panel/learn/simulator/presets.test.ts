/**
 * Each simulator preset, judged by the rules, gives the outcome of the situation it models. The
 * expectations are written here from what each preset models (Chromium's checks, platforms.md),
 * not read back from the engine: a preset that drifts from its description fails.
 */
import { describe, expect, it } from 'vitest';
import type { CorsError, PlatformId } from '../../../model';
import { diagnose, evaluate } from '../../../rules';
import { getHeader } from '../../../rules/cors';
import { PRESETS } from './presets';
import { preflightSent, toExchange } from './state';

interface Expectation {
  /** Why: the rule that decides it. */
  because: string;
  preflight: boolean;
  corsError: CorsError | null;
  platform: PlatformId;
  cdn?: PlatformId;
}

const EXPECTED: Record<string, Expectation> = {
  'apigw-rest-enable-cors': {
    because: 'POST with JSON is preflighted; the mock OPTIONS allows * and Content-Type, the 200 carries ACAO *, no credentials',
    preflight: true, corsError: null, platform: 'aws-apigateway-rest',
  },
  'apigw-rest-options-missing': {
    because: 'a 403 without ACAO on the preflight: the origin is checked before the status',
    preflight: true, corsError: 'PreflightMissingAllowOriginHeader', platform: 'aws-apigateway-rest',
  },
  'apigw-rest-authorizer-on-options': {
    because: 'Authorization makes it preflighted; the authorizer answers 401 without ACAO',
    preflight: true, corsError: 'PreflightMissingAllowOriginHeader', platform: 'aws-apigateway-rest',
  },
  'lambda-proxy-no-headers': {
    because: 'the preflight passes (Enable CORS) but the proxied 200 has no ACAO',
    preflight: true, corsError: 'MissingAllowOriginHeader', platform: 'aws-apigateway-rest',
  },
  'apigw-http-cors': {
    because: 'PUT with Authorization and JSON: origin, PUT and both headers are in the CORS configuration',
    preflight: true, corsError: null, platform: 'aws-apigateway-http',
  },
  'lambda-url-cors': {
    because: 'POST with JSON; the function URL allows the origin, POST and content-type',
    preflight: true, corsError: null, platform: 'aws-lambda-url',
  },
  'lambda-url-cors-and-code': {
    because: 'a simple GET whose answer carries ACAO twice: the joined value has a comma',
    preflight: false, corsError: 'MultipleAllowOriginValues', platform: 'aws-lambda-url',
  },
  'express-cors': {
    because: 'DELETE with Authorization; cors() answers *, lists DELETE and echoes authorization, no credentials',
    preflight: true, corsError: null, platform: 'express',
  },
  'express-cors-credentials': {
    because: 'a simple GET with credentials include answered with ACAO *',
    preflight: false, corsError: 'WildcardOriginNotAllowed', platform: 'express',
  },
  'fastify-cors-defaults': {
    because: 'PUT with JSON is preflighted; @fastify/cors answers with its default methods GET,HEAD,POST, which do not include PUT',
    preflight: true, corsError: 'MethodDisallowedByPreflightResponse', platform: 'fastify',
  },
  's3-cors': {
    because: 'PUT with Content-Type image/jpeg (not safelisted); the bucket rule allows the origin, PUT and the header',
    preflight: true, corsError: null, platform: 'aws-s3',
  },
  's3-no-cors': {
    because: 'S3 answers the preflight 403 without ACAO',
    preflight: true, corsError: 'PreflightMissingAllowOriginHeader', platform: 'aws-s3',
  },
  'nginx-add-header-no-always': {
    because: 'the preflight (204) gets the headers; the 401 does not',
    preflight: true, corsError: 'MissingAllowOriginHeader', platform: 'nginx',
  },
  'cloudfront-cache-without-origin': {
    because: 'a simple GET answered from a cached copy without ACAO',
    preflight: false, corsError: 'MissingAllowOriginHeader', platform: 'aws-s3', cdn: 'aws-cloudfront',
  },
  'cdk-cors-several-origins': {
    because: 'the preflight names another origin than the page’s',
    preflight: true, corsError: 'PreflightAllowOriginMismatch', platform: 'aws-apigateway-rest',
  },
};

describe('simulator presets', () => {
  it('every preset has an expectation here, and the issue’s named presets exist', () => {
    expect(PRESETS.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    const names = PRESETS.map((p) => p.name);
    for (const name of ['API Gateway REST after Enable CORS', 'API Gateway REST: OPTIONS not deployed', 'HTTP API CORS config',
      'Lambda proxy without headers', 'Lambda Function URL CORS', 'Express cors()', 'S3 bucket CORS', 'nginx add_header without always']) {
      expect(names).toContain(name);
    }
  });

  for (const preset of PRESETS) {
    const want = EXPECTED[preset.id];
    it(`${preset.name}: ${want ? (want.corsError ?? 'allowed') : '?'} (${want?.because ?? 'no expectation'})`, () => {
      expect(want).toBeDefined();
      const exchange = toExchange(preset.state);
      expect(exchange.source).toBe('simulator');
      expect(exchange.credentials).toBe(preset.state.credentials);
      expect(preflightSent(preset.state)).toBe(want!.preflight);
      expect(exchange.preflight !== undefined).toBe(want!.preflight);
      const verdict = evaluate(exchange);
      expect(verdict.crossOrigin).toBe(true);
      expect(verdict.blocked).toBe(want!.corsError !== null);
      expect(verdict.corsError).toBe(want!.corsError);
      // The answers look like the platform's own: the rules recognise it from them.
      const d = diagnose(exchange);
      expect(d.platform.id).toBe(want!.platform);
      if (want!.cdn) expect(d.cdn?.id).toBe(want!.cdn);
    });
  }

  it('"Lambda proxy without headers": the function’s answer has no Access-Control-Allow-Origin, and the fix says so', () => {
    const preset = PRESETS.find((p) => p.id === 'lambda-proxy-no-headers')!;
    const e = toExchange(preset.state);
    expect(getHeader(e.response!.headers, 'access-control-allow-origin')).toBeNull();
    expect(getHeader(e.preflight!.response!.headers, 'access-control-allow-origin')).toBe('*');
    const d = diagnose(e);
    expect(d.verdict.corsError).toBe('MissingAllowOriginHeader');
    expect(d.findings.length).toBeGreaterThan(0);
    expect(d.findings.flatMap((f) => f.fixes).length).toBeGreaterThan(0);
  });
});
