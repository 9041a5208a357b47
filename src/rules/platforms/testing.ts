/**
 * Test support (not used by product code): exchanges with hostile values and the wire signature of
 * every platform, for property tests of detection, findings and fix snippets.
 */
import fc from 'fast-check';
import type { CorsError, Exchange, Header, Phase, Verdict } from '../../model';

type Lines = ReadonlyArray<readonly [string, string]>;

/** Response header lines (and a body) that identify each platform, as captures show them. */
export const SIGNATURES: Record<string, { headers: Lines; body?: string; host?: string }> = {
  'aws-apigateway-rest': { headers: [['x-amzn-RequestId', '0c5b3a1e'], ['x-amz-apigw-id', 'Rk2vX=']], host: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com' },
  'aws-apigateway-http': { headers: [['apigw-requestid', 'YqN2x=']], host: 'q7r8s9t0u1.execute-api.us-east-1.amazonaws.com' },
  'aws-lambda-url': { headers: [['x-amzn-RequestId', '3f1e']], host: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-central-1.on.aws' },
  'aws-cloudfront': { headers: [['X-Cache', 'Miss from cloudfront'], ['Via', '1.1 abc.cloudfront.net (CloudFront)'], ['X-Amz-Cf-Id', 'x==']] },
  'aws-s3': { headers: [['Server', 'AmazonS3'], ['x-amz-request-id', 'B6Q9'], ['x-amz-id-2', 'xY5b']], host: 'photos.s3.eu-west-1.amazonaws.com' },
  'azure-apim': { headers: [['Ocp-Apim-Trace-Location', 'https://x']], host: 'contoso.azure-api.net' },
  'gcp-api-gateway': { headers: [], host: 'gw-1a2b3c.ew.gateway.dev' },
  'gcp-cloud-run': { headers: [['Server', 'Google Frontend']], host: 'svc-7x2k-ew.a.run.app' },
  nginx: { headers: [['Server', 'nginx/1.24.0']] },
  apache: { headers: [['Server', 'Apache/2.4.71 (Debian)']] },
  caddy: { headers: [['Server', 'Caddy']] },
  express: { headers: [['X-Powered-By', 'Express']] },
  fastify: { headers: [['Keep-Alive', 'timeout=72']] },
  koa: { headers: [['Access-Control-Allow-Methods', 'GET,HEAD,PUT,POST,DELETE,PATCH']] },
  fastapi: { headers: [['Server', 'uvicorn']] },
  flask: { headers: [['Server', 'Werkzeug/2.2.2 Python/3.11.2']] },
  go: { headers: [['Date', 'Mon, 07 Dec 2026 21:35:37 GMT'], ['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']], body: '404 page not found\n' },
  rack: { headers: [['Server', 'WEBrick/1.8.1 (Ruby/3.1.2/2022-04-12)']] },
  php: { headers: [['X-Powered-By', 'PHP/8.2.36']] },
  tomcat: { headers: [['vary', 'origin,access-control-request-method,Access-Control-Request-Headers']] },
  jetty: { headers: [['Server', 'Jetty(9.4.57.v20241219)']] },
  django: { headers: [['Access-Control-Allow-Headers', 'accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, x-csrftoken, x-requested-with']] },
  spring: { headers: [['Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers']] },
  unknown: { headers: [] },
};

/** Strings that break naive quoting in some snippet language. */
const NASTY = [
  "'", '"', '`', '\\', '${x}', '%{x}', '$(id)', '\n', '\r\n', '*/', '-->', '<script>', '&amp;', '}', '{', '#', ': ', '- ',
  '\u2028', '\u0000', 'é', '🙂', "'; rm -rf / #", '"; drop table x; --', ' ', '', 'null', '*',
];

const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 12 }));
const headerish = fc.oneof(fc.constantFrom('content-type', 'x-api-key', 'authorization', 'x-correlation-id', 'access-control-allow-origin'), nasty);
const methodish = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch', 'PROPFIND'), nasty);
const originish = fc.oneof(
  fc.constantFrom('https://app.example.com', 'http://localhost:5173', 'http://[::1]:8080', 'null', "http://a'b.example", 'https://x.example"; y'),
  nasty,
);
const pathish = fc.oneof(fc.constantFrom('/prod/orders', '/items/{id}', '/', '/v1/x%20y', "/it's", '/a/${b}/%{c}'), nasty.map((s) => `/${s}`));
const statusish = fc.constantFrom(200, 204, 301, 302, 400, 401, 403, 404, 405, 415, 429, 500, 502, 503, 504);

function lines(pairs: Lines): Header[] {
  return pairs.map(([name, value]) => ({ name, value }));
}

export interface HostileInput {
  platform: keyof typeof SIGNATURES;
  origin: string;
  path: string;
  method: string;
  requested: string[];
  acao: string | null;
  acam: string | null;
  acah: string | null;
  acac: string | null;
  preflightStatus: number | null;
  status: number | null;
  credentials: Exchange['credentials'];
  fromCache: boolean;
}

export const hostileInput: fc.Arbitrary<HostileInput> = fc.record({
  platform: fc.constantFrom(...(Object.keys(SIGNATURES) as Array<keyof typeof SIGNATURES>)),
  origin: originish,
  path: pathish,
  method: methodish,
  requested: fc.array(headerish, { maxLength: 4 }),
  acao: fc.option(fc.oneof(originish, fc.constant('*')), { nil: null }),
  acam: fc.option(fc.oneof(methodish, fc.constant('GET,POST,OPTIONS')), { nil: null }),
  acah: fc.option(fc.oneof(headerish, fc.constant('*')), { nil: null }),
  acac: fc.option(fc.constantFrom('true', 'True', 'true, true', ''), { nil: null }),
  preflightStatus: fc.option(statusish, { nil: null }),
  status: fc.option(statusish, { nil: null }),
  credentials: fc.constantFrom(undefined, 'omit', 'same-origin', 'include'),
  fromCache: fc.boolean(),
});

/** An exchange from hostile input: whatever the values, it is a structurally valid Exchange. */
export function hostileExchange(i: HostileInput): Exchange {
  const sig = SIGNATURES[i.platform] ?? { headers: [] };
  const host = sig.host ?? 'api.example.net';
  const url = `https://${host}${i.path}`;
  const cors: Array<[string, string]> = [];
  if (i.acao !== null) cors.push(['Access-Control-Allow-Origin', i.acao]);
  if (i.acac !== null) cors.push(['Access-Control-Allow-Credentials', i.acac]);
  const requestHeaders: Header[] = [{ name: 'Origin', value: i.origin }, ...i.requested.map((name) => ({ name: name || 'x', value: 'v' }))];
  const exchange: Exchange = {
    id: 'hostile',
    source: 'har',
    pageOrigin: i.origin,
    startedAt: 1_700_000_000_000,
    request: { method: i.method, url, headers: requestHeaders },
    redirects: [],
    observed: {},
  };
  if (i.credentials) exchange.credentials = i.credentials;
  if (i.preflightStatus !== null) {
    const pre: Array<[string, string]> = [...cors];
    if (i.acam !== null) pre.push(['Access-Control-Allow-Methods', i.acam]);
    if (i.acah !== null) pre.push(['Access-Control-Allow-Headers', i.acah]);
    exchange.preflight = {
      request: {
        method: 'OPTIONS',
        url,
        headers: lines([['Origin', i.origin], ['Access-Control-Request-Method', i.method], ['Access-Control-Request-Headers', i.requested.join(',')]]),
      },
      response: { status: i.preflightStatus, headers: lines([...sig.headers, ...pre]), ...(sig.body ? { body: sig.body } : {}) },
    };
  }
  if (i.status !== null) {
    exchange.response = {
      status: i.status,
      headers: lines([...sig.headers, ...cors]),
      body: '{"message":"Missing Authentication Token"}',
      ...(i.fromCache ? { fromCache: 'disk' as const } : {}),
    };
  }
  return exchange;
}

/** A verdict stated by the test (for outcomes the engine does not produce, e.g. a browser enforcing the standard). */
export function verdictOf(partial: Partial<Verdict> & { corsError: CorsError | null; phase: Phase | null }): Verdict {
  return {
    crossOrigin: true,
    blocked: partial.corsError !== null,
    failedParameter: null,
    checks: [],
    credentials: { mode: 'omit', inferred: false },
    preflightReasons: [],
    notes: [],
    ...partial,
  };
}
