/**
 * A fixed set of exchanges with hand-written diagnoses: renderer goldens and format tests use it, so
 * they test the report's structure and escaping, not today's rules output (that is analyze.test.ts).
 */
import type { AnalyzedExchange } from '../../src/report/model';

export const SAMPLE_OPTIONS = {
  source: { kind: 'har' as const, name: 'orders.har', creator: 'WebInspector 537.36', counts: { entries: 9, sameOrigin: 2, notCors: 3 } },
  generatedAt: '2025-03-04T10:00:00.000Z',
  toolVersion: '0.0.0-golden',
};

const APP = 'https://app.example.com';

export const SAMPLE: AnalyzedExchange[] = [
  {
    exchange: {
      id: 'har-1', source: 'har', pageOrigin: APP, pageUrl: `${APP}/orders`, startedAt: Date.parse('2025-03-04T09:59:00Z'), resourceType: 'fetch',
      request: { method: 'PUT', url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders/17', headers: [
        { name: 'Content-Type', value: 'application/json' }, { name: 'Origin', value: APP },
      ] },
      preflight: {
        request: { method: 'OPTIONS', url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders/17', headers: [
          { name: 'Origin', value: APP }, { name: 'Access-Control-Request-Method', value: 'PUT' }, { name: 'Access-Control-Request-Headers', value: 'content-type' },
        ] },
        response: { status: 403, statusText: 'Forbidden', headers: [
          { name: 'x-amzn-ErrorType', value: 'MissingAuthenticationTokenException' }, { name: 'x-cache', value: 'Error from cloudfront' },
        ], body: '{"message":"Missing Authentication Token"}' },
      },
      redirects: [],
      observed: { failed: true, errorText: 'net::ERR_FAILED' },
    },
    diagnosis: {
      exchangeId: 'har-1',
      verdict: {
        crossOrigin: true, blocked: true, corsError: 'PreflightMissingAllowOriginHeader', failedParameter: null, phase: 'preflight',
        checks: [
          { id: 'allow-origin', phase: 'preflight', label: 'Origin', asked: APP, allowed: null, result: 'fail', corsError: 'PreflightMissingAllowOriginHeader', note: 'The preflight response has no Access-Control-Allow-Origin header.' },
          { id: 'preflight-status', phase: 'preflight', label: 'Status', asked: '2xx', allowed: '403', result: 'skip' },
        ],
        credentials: { mode: 'same-origin', inferred: true },
        preflightReasons: ['the method PUT is not GET, HEAD or POST', 'Content-Type application/json is not CORS-safelisted'],
        notes: ['The credentials mode was not recorded.'],
      },
      platform: { id: 'aws-apigateway-rest', name: 'Amazon API Gateway (REST)', confidence: 0.9, evidence: ['x-amzn-ErrorType: MissingAuthenticationTokenException'] },
      cdn: { id: 'aws-cloudfront', name: 'Amazon CloudFront', confidence: 0.6, evidence: ['x-cache: Error from cloudfront'] },
      headline: 'The preflight got 403 from API Gateway without CORS headers: OPTIONS is not deployed on /orders/{id}.',
      summary: 'Preflight 403 without Access-Control-Allow-Origin',
      findings: [{
        id: 'apigw-rest-missing-options', kind: 'cause', severity: 'error', title: 'No OPTIONS method on this resource',
        explanation: 'API Gateway answers a method it does not know with 403 "Missing Authentication Token".\n\nAdd OPTIONS and redeploy the stage.',
        evidence: ['{"message":"Missing Authentication Token"}'],
        fixes: [
          { stack: 'sam', title: 'Enable CORS in SAM', language: 'yaml', snippet: "Globals:\n  Api:\n    Cors:\n      AllowOrigin: \"'https://app.example.com'\"\n      AllowHeaders: \"'content-type'\"" },
          { stack: 'shell', title: 'Check with curl', language: 'shell', snippet: 'curl -i -X OPTIONS "$URL" -H \'Origin: https://app.example.com\' | grep -i `echo access-control`\n```\nnot a fence' },
        ],
      }],
    },
  },
  {
    exchange: {
      id: 'har-4', source: 'har', pageOrigin: APP, startedAt: Date.parse('2025-03-04T09:59:05Z'), credentials: 'include',
      request: { method: 'GET', url: 'https://api.example.com/me', headers: [{ name: 'Origin', value: APP }] },
      redirects: [{ url: 'https://api.example.com/me', location: 'https://api.example.com/v2/me', response: { status: 302, headers: [
        { name: 'Location', value: '/v2/me' }, { name: 'Access-Control-Allow-Origin', value: APP }, { name: 'Access-Control-Allow-Credentials', value: 'true' },
      ] } }],
      response: { status: 200, statusText: 'OK', fromCache: 'disk', headers: [
        { name: 'Access-Control-Allow-Origin', value: APP }, { name: 'Access-Control-Allow-Credentials', value: 'true' }, { name: 'Vary', value: 'Origin' },
      ] },
      preflightFromCache: true,
      observed: { failed: false },
    },
    diagnosis: {
      exchangeId: 'har-4',
      verdict: {
        crossOrigin: true, blocked: false, corsError: null, failedParameter: null, phase: 'actual',
        checks: [{ id: 'allow-origin', phase: 'actual', label: 'Origin', asked: APP, allowed: APP, result: 'pass' }],
        credentials: { mode: 'include', inferred: false }, preflightReasons: [], notes: [],
      },
      platform: { id: 'express', name: 'Express (cors middleware)', confidence: 0.4, evidence: ['x-powered-by: Express'] },
      headline: 'Allowed: the server echoes the origin and allows credentials.',
      summary: 'Allowed',
      findings: [{ id: 'cache-vary-ok', kind: 'cache', severity: 'info', title: 'Vary: Origin is set', explanation: 'Caches keep one answer per origin.', evidence: [], fixes: [] }],
    },
  },
  {
    exchange: {
      id: 'har-7', source: 'har', pageOrigin: APP, startedAt: Date.parse('2025-03-04T09:59:09Z'),
      request: { method: 'GET', url: 'https://down.example.net/health', headers: [{ name: 'Origin', value: APP }] },
      redirects: [],
      observed: { failed: true, errorText: 'net::ERR_CONNECTION_REFUSED' },
    },
    diagnosis: {
      exchangeId: 'har-7',
      verdict: {
        crossOrigin: true, blocked: true, corsError: null, failedParameter: null, phase: 'actual', checks: [],
        credentials: { mode: 'same-origin', inferred: true }, preflightReasons: [], notes: ['A network error, not a CORS decision.'],
      },
      platform: { id: 'unknown', name: 'Unknown', confidence: 0, evidence: [] },
      headline: 'The server could not be reached (connection refused): this is not a CORS problem.',
      summary: 'Network error',
      findings: [],
    },
  },
];
