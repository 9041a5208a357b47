/**
 * Seed causes: the CORS failures people actually meet, answered the way the real platform answers
 * (status, headers, body; see /work/shared/reference/platforms.md). `platform` holds what OUR product
 * should detect; the browser's verdict is always measured, never stated here.
 *
 * Finding ids are the catalogue's (src/rules/findings/catalogue.ts, docs/findings.md); e2e/platforms.spec.ts
 * checks that the real extension reports them for each scenario.
 */
import type { HeaderLine, Scenario } from '../scenario';
import { ACAC, ACAH, ACAM, ACAO, APP, MAX_AGE, json } from './build';

// Fixed, realistic-looking ids: the lab's answers must be deterministic.
const REQ_ID = ['x-amzn-RequestId', '6f1c2b8e-3a4d-4c1e-9b7a-2d5e8f0a1c3b'] as const;
const APIGW_ID = ['x-amz-apigw-id', 'Kq3vRFmXIAMEbXw='] as const;
const TRACE = ['X-Amzn-Trace-Id', 'Root=1-6650f2a1-0c9e4b7d2f1a3e5c6b8d9a0f;Sampled=0;lineage=1:4ac5d2e1:0'] as const;
const APIGW: readonly HeaderLine[] = [REQ_ID, APIGW_ID];
const HTTP_API_ID = ['apigw-requestid', 'YqN2xhVdIAMEVwQ='] as const;
const CONSOLE_METHODS = 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT';
const CONSOLE_HEADERS = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token';
const CF: readonly HeaderLine[] = [
  ['Via', '1.1 8f22423015641505b8c857a37450d6c0.cloudfront.net (CloudFront)'],
  ['X-Amz-Cf-Pop', 'FRA56-P5'],
  ['X-Amz-Cf-Id', 'pL0yVbG7oNf3n1-qLq7p8ZKc2mJQx9aW1tBvYhE4sRkUo0dZ5iXe1g=='],
];
const S3: readonly HeaderLine[] = [
  ['x-amz-request-id', 'B6Q9TZ7M3K1R8W2D'],
  ['x-amz-id-2', 'xY5b1QmE9hVt3kP0o7sNc2dL4fRzJ8wUa6gHi1TqBvKyC0nXeS5pW3rM9lZ2jF7dA4uO6c='],
  ['Server', 'AmazonS3'],
];
const JSON_BODY = '{"a":1}';

// Host names as real users see them (resolved to the lab by Chromium, e2e/lab/hosts.ts): host names are
// one of the signals the rules use, and live captures of a preflight or a blocked response carry no body.
/** A regional REST API, stage "prod" as the first path segment. */
const REST = { host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com', basePath: '/prod' } as const;
/** An HTTP API on its $default stage (no stage segment). */
const HTTP_API = { host: 'k7m2p9q4x1.execute-api.eu-west-1.amazonaws.com' } as const;
const LAMBDA_URL = { host: 'n4tq7x2wkd5yb3hfz6jcm8vpr1gs0ela.lambda-url.eu-central-1.on.aws' } as const;
const CLOUDFRONT = { host: 'd1x2y3z4a5b6c7.cloudfront.net' } as const;
const UPLOADS_BUCKET = { host: 'acme-uploads.s3.eu-west-1.amazonaws.com' } as const;
const ASSETS_BUCKET = { host: 'acme-assets.s3.us-east-1.amazonaws.com' } as const;
/** The public DNS name of an execute-api interface VPC endpoint (private REST APIs). */
const VPC_ENDPOINT = { host: 'vpce-0a1b2c3d4e5f67890-abcdefgh.execute-api.us-east-1.vpce.amazonaws.com', basePath: '/prod' } as const;
const APIM = { host: 'contoso.azure-api.net' } as const;
/** Cloud Endpoints' own DNS name (ESPv2). API Gateway's *.gateway.dev and Cloud Run's *.run.app are HTTPS-only TLDs the lab cannot serve. */
const ENDPOINTS = { host: 'orders-api.endpoints.acme-prod.cloud.goog' } as const;
const APIGW_OK = json(200, [...APIGW, [ACAO, APP]], '{"items":[]}');

/** A JSON POST: preflighted because of its Content-Type. */
const postJson = { target: 'api', method: 'POST', credentials: 'omit', body: JSON_BODY, headers: [['Content-Type', 'application/json']] } as const;

export const SEED: readonly Scenario[] = [
  {
    id: 'seed-hostile-header-values',
    title: 'Hostile header values (must be shown as text, never run)',
    dimension: 'acao-form',
    description: 'A server (or an attacker in the middle) answers with markup and script in header values and the body: a DevTools panel must show them as text.',
    request: { target: 'api', method: 'GET', credentials: 'omit', path: '/profile' },
    actual: {
      status: 200,
      headers: [
        [ACAO, '<img src=x onerror="window.__pwned=1">'],
        ['X-Debug', '</script><script>window.__pwned=2</script>'],
        ['Server', '"><svg onload=window.__pwned=3>'],
        ['Content-Type', 'text/html'],
      ],
      body: '<script>window.__pwned=4</script>',
    },
    expectBlocked: true,
  },
  {
    id: 'seed-fixed-after-deploy',
    title: 'API Gateway REST: OPTIONS missing, then deployed (try "Re-check")',
    dimension: 'seed',
    description: 'The first preflight hits a stage without OPTIONS (403 Missing Authentication Token); every later one gets the mock OPTIONS of the new deployment. A re-check from the panel shows "fixed".',
    request: { ...REST, ...postJson, path: '/deployments' },
    preflight: [
      json(403, [...APIGW, ['x-amzn-ErrorType', 'MissingAuthenticationTokenException']], '{"message":"Missing Authentication Token"}'),
      json(200, [...APIGW, [ACAO, APP], [ACAM, 'OPTIONS,POST'], [ACAH, CONSOLE_HEADERS]], '{}'),
    ],
    actual: json(201, [...APIGW, [ACAO, APP]], '{"id":"d-1"}'),
    platform: { id: 'aws-apigateway-rest', findings: ['options-not-configured'] },
    expectBlocked: true,
  },
  {
    id: 'seed-apigw-rest-options-not-configured',
    title: 'API Gateway REST: no OPTIONS method deployed',
    dimension: 'seed',
    description: 'A JSON POST needs a preflight, but the deployed stage has no OPTIONS method on /items: API Gateway answers the OPTIONS with 403 "Missing Authentication Token" and no CORS headers.',
    request: { ...REST, ...postJson, path: '/items' },
    preflight: json(403, [...APIGW, ['x-amzn-ErrorType', 'MissingAuthenticationTokenException']], '{"message":"Missing Authentication Token"}'),
    actual: APIGW_OK,
    platform: { id: 'aws-apigateway-rest', findings: ['options-not-configured'] },
    expectBlocked: true,
  },
  {
    id: 'seed-apigw-edge-options-not-configured',
    title: 'API Gateway REST (edge-optimized): no OPTIONS method, seen through CloudFront',
    dimension: 'seed',
    description: 'Same cause as above on an edge-optimized endpoint: the 403 also carries CloudFront headers (X-Cache: Error from cloudfront).',
    request: { ...REST, ...postJson, path: '/orders', method: 'PUT' },
    preflight: json(403, [...APIGW, ['x-amzn-ErrorType', 'MissingAuthenticationTokenException'], ['X-Cache', 'Error from cloudfront'], ...CF], '{"message":"Missing Authentication Token"}'),
    actual: APIGW_OK,
    platform: { id: 'aws-apigateway-rest', findings: ['options-not-configured'], cdn: 'aws-cloudfront' },
    expectBlocked: true,
  },
  {
    id: 'seed-lambda-proxy-missing-acao',
    title: 'Lambda proxy: preflight OK, the function forgot Access-Control-Allow-Origin',
    dimension: 'seed',
    description: '"Enable CORS" created the mock OPTIONS, but with a Lambda proxy integration the function itself must return Access-Control-Allow-Origin on every response; it does not.',
    request: { ...REST, ...postJson, path: '/orders' },
    preflight: json(200, [...APIGW, [ACAO, '*'], [ACAM, CONSOLE_METHODS], [ACAH, CONSOLE_HEADERS]], '{}'),
    actual: json(200, [...APIGW, TRACE], '{"orderId":"o-123"}'),
    platform: { id: 'aws-apigateway-rest', findings: ['proxy-integration-missing-headers'] },
    expectBlocked: true,
  },
  {
    id: 'seed-authorization-not-allowed',
    title: 'Authorization header not in Access-Control-Allow-Headers',
    dimension: 'seed',
    description: 'The page sends a bearer token; the preflight allows a hand-written header list that lacks Authorization.',
    request: { ...REST, target: 'api', method: 'GET', path: '/me', credentials: 'omit', headers: [['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig']] },
    preflight: json(200, [...APIGW, [ACAO, '*'], [ACAM, 'GET,OPTIONS'], [ACAH, 'Content-Type,X-Amz-Date,X-Api-Key,X-Amz-Security-Token']], '{}'),
    actual: json(200, [...APIGW, [ACAO, '*']], '{"user":"ada"}'),
    platform: { id: 'aws-apigateway-rest', findings: ['header-not-allowed'] },
    expectBlocked: true,
  },
  {
    id: 'seed-method-not-allowed',
    title: 'DELETE not in Access-Control-Allow-Methods',
    dimension: 'seed',
    description: 'The preflight allows GET, POST and OPTIONS only; the page deletes an item.',
    request: { ...REST, target: 'api', method: 'DELETE', path: '/items/42', credentials: 'omit' },
    preflight: json(200, [...APIGW, [ACAO, '*'], [ACAM, 'GET,POST,OPTIONS'], [ACAH, CONSOLE_HEADERS]], '{}'),
    actual: json(200, [...APIGW, [ACAO, '*']], '{"deleted":true}'),
    platform: { id: 'aws-apigateway-rest', findings: ['method-not-allowed'] },
    expectBlocked: true,
  },
  {
    id: 'seed-wildcard-with-credentials',
    title: 'Access-Control-Allow-Origin: * with credentials',
    dimension: 'seed',
    description: 'The page sends cookies (credentials: "include"); the function answers ACAO * (and even ACAC true), which the browser never accepts with credentials.',
    request: { ...REST, target: 'api', method: 'GET', path: '/cart', credentials: 'include' },
    actual: json(200, [...APIGW, [ACAO, '*'], [ACAC, 'true']], '{"cart":[]}'),
    platform: { id: 'aws-apigateway-rest', findings: ['wildcard-with-credentials'] },
    expectBlocked: true,
  },
  {
    id: 'seed-origin-mismatch-production',
    title: 'Allow-Origin is the production domain',
    dimension: 'seed',
    description: 'The function hard-codes the production front end (https://app.example.com); the page runs elsewhere (local dev, a preview stage).',
    request: { ...REST, target: 'api', method: 'GET', path: '/items', credentials: 'omit' },
    actual: json(200, [...APIGW, [ACAO, 'https://app.example.com'], ['Vary', 'Origin']], '{"items":[]}'),
    platform: { id: 'aws-apigateway-rest', findings: ['origin-mismatch'] },
    expectBlocked: true,
  },
  {
    id: 'seed-apigw-502-without-cors',
    title: 'API Gateway 502 "Internal server error" without CORS headers',
    dimension: 'seed',
    description: 'The Lambda returned a malformed proxy response; API Gateway answers 502 from its DEFAULT_5XX gateway response, which carries no CORS headers, so the page sees a CORS error instead of the 502.',
    request: { ...REST, ...postJson, path: '/orders' },
    preflight: json(200, [...APIGW, [ACAO, '*'], [ACAM, CONSOLE_METHODS], [ACAH, CONSOLE_HEADERS]], '{}'),
    actual: json(502, [...APIGW, ['x-amzn-ErrorType', 'InternalServerErrorException']], '{"message": "Internal server error"}'),
    platform: { id: 'aws-apigateway-rest', findings: ['error-response-missing-cors'] },
    expectBlocked: true,
  },
  {
    id: 'seed-apigw-429-without-cors',
    title: 'API Gateway 429 throttling without CORS headers',
    dimension: 'seed',
    description: 'The stage is throttled; the THROTTLED gateway response has no CORS headers.',
    request: { ...REST, target: 'api', method: 'GET', path: '/search?q=x', credentials: 'omit' },
    actual: json(429, [...APIGW, ['x-amzn-ErrorType', 'TooManyRequestsException']], '{"message":"Too Many Requests"}'),
    platform: { id: 'aws-apigateway-rest', findings: ['error-response-missing-cors'] },
    expectBlocked: true,
  },
  {
    id: 'seed-works',
    title: 'A request that works',
    dimension: 'seed',
    description: 'JSON POST, preflight allows the origin, method and Content-Type; the actual response carries Access-Control-Allow-Origin.',
    request: { ...REST, ...postJson, path: '/orders' },
    preflight: json(200, [...APIGW, [ACAO, APP], [ACAM, 'OPTIONS,POST'], [ACAH, CONSOLE_HEADERS], ['Vary', 'Origin']], '{}'),
    actual: json(201, [...APIGW, [ACAO, APP], ['Vary', 'Origin']], '{"orderId":"o-124"}'),
    platform: { id: 'aws-apigateway-rest', findings: [] },
    expectBlocked: false,
  },
  {
    id: 'seed-http-api-origin-not-listed',
    title: 'API Gateway HTTP API: origin not in allowOrigins',
    dimension: 'seed',
    description: 'The HTTP API has CORS configured for https://app.example.com only; it answers the preflight itself with 204 and no CORS headers for this origin.',
    request: { ...HTTP_API, ...postJson, path: '/v1/orders' },
    preflight: { status: 204, headers: [HTTP_API_ID] },
    actual: json(200, [HTTP_API_ID], '{"ok":true}'),
    platform: { id: 'aws-apigateway-http', findings: ['cors-rule-no-match'] },
    expectBlocked: true,
  },
  {
    id: 'seed-http-api-authorizer-catches-options',
    title: 'API Gateway HTTP API: $default route with an authorizer catches OPTIONS',
    dimension: 'seed',
    description: 'No CORS configuration on the HTTP API, and the $default route has a JWT authorizer: the preflight (which never carries a token) gets 401.',
    request: { ...HTTP_API, target: 'api', method: 'GET', path: '/v1/me', credentials: 'omit', headers: [['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig']] },
    preflight: json(401, [HTTP_API_ID, ['www-authenticate', 'Bearer']], '{"message":"Unauthorized"}'),
    actual: json(200, [HTTP_API_ID], '{"user":"ada"}'),
    platform: { id: 'aws-apigateway-http', findings: ['preflight-auth-required'] },
    expectBlocked: true,
  },
  {
    id: 'seed-lambda-url-403',
    title: 'Lambda function URL 403 (missing invoke permission)',
    dimension: 'seed',
    description: 'The function URL lacks lambda:InvokeFunction permission; Lambda answers 403 {"Message": …} without the configured CORS headers.',
    request: { ...LAMBDA_URL, target: 'api', method: 'GET', path: '/', credentials: 'omit' },
    actual: json(403, [REQ_ID, ['x-amzn-ErrorType', 'AccessDeniedException']], '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}'),
    platform: { id: 'aws-lambda-url', findings: ['error-response-missing-cors'] },
    expectBlocked: true,
  },
  {
    id: 'seed-lambda-url-duplicate-acao',
    title: 'Lambda function URL: CORS config and handler code both set Allow-Origin',
    dimension: 'seed',
    description: 'The function URL has CORS configured and the handler also returns Access-Control-Allow-Origin: two header lines, which the browser joins into one invalid value.',
    request: { ...LAMBDA_URL, target: 'api', method: 'GET', path: '/', credentials: 'omit' },
    actual: json(200, [REQ_ID, TRACE, [ACAO, APP], ['access-control-allow-origin', APP], ['Vary', 'Origin']], '{"ok":true}'),
    platform: { id: 'aws-lambda-url', findings: ['duplicate-cors-headers'] },
    expectBlocked: true,
  },
  {
    id: 'seed-cloudfront-cached-without-acao',
    title: 'CloudFront served a cached copy without Allow-Origin',
    dimension: 'seed',
    description: 'Origin is not in the cache key: CloudFront stored the variant fetched without an Origin header and serves it (X-Cache: Hit from cloudfront) to the CORS request.',
    request: { ...CLOUDFRONT, target: 'api', method: 'GET', path: '/assets/config.json', credentials: 'omit' },
    actual: json(200, [...S3, ['Cache-Control', 'max-age=300'], ['ETag', '"9f1c3e"'], ['Age', '118'], ['X-Cache', 'Hit from cloudfront'], ...CF], '{"feature":true}'),
    platform: { id: 'aws-s3', findings: ['cdn-cache-without-vary'], cdn: 'aws-cloudfront' },
    expectBlocked: true,
  },
  {
    id: 'seed-s3-cors-not-enabled',
    title: 'S3: CORS is not enabled for this bucket',
    dimension: 'seed',
    description: 'A browser upload (PUT) to a bucket without a CORS configuration: S3 answers the preflight 403 with an XML error ("CORS is not enabled for this bucket"). The panel expects cors-rule-no-match: a live capture has no preflight body, and without it this 403 is the same as seed-s3-cors-rule-mismatch, so the one finding names both causes and how to tell them apart. With the body (HAR with content, the CLI probe, Re-check) the finding is cors-not-enabled.',
    request: { ...UPLOADS_BUCKET, target: 'api', method: 'PUT', path: '/uploads/photo.jpg', credentials: 'omit', body: 'JPEG…', headers: [['Content-Type', 'image/jpeg']] },
    preflight: { status: 403, headers: [['Content-Type', 'application/xml'], ...S3], body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessForbidden</Code><Message>CORS Response: CORS is not enabled for this bucket.</Message><Method>PUT</Method><ResourceType>BUCKET</ResourceType><RequestId>B6Q9TZ7M3K1R8W2D</RequestId></Error>' },
    actual: { status: 200, headers: [['ETag', '"d41d8cd98f00b204e9800998ecf8427e"'], ...S3] },
    platform: { id: 'aws-s3', findings: ['cors-rule-no-match'] },
    expectBlocked: true,
  },
  {
    id: 'seed-s3-cors-rule-mismatch',
    title: 'S3: This CORS request is not allowed',
    dimension: 'seed',
    description: 'The bucket has CORS rules, but none allows this origin/method/header combination (here: the x-amz-meta-owner header).',
    request: { ...UPLOADS_BUCKET, target: 'api', method: 'PUT', path: '/uploads/doc.pdf', credentials: 'omit', body: 'PDF…', headers: [['Content-Type', 'application/pdf'], ['x-amz-meta-owner', 'ada']] },
    preflight: { status: 403, headers: [['Content-Type', 'application/xml'], ...S3], body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessForbidden</Code><Message>CORS Response: This CORS request is not allowed.</Message><Method>PUT</Method><ResourceType>OBJECT</ResourceType><RequestId>B6Q9TZ7M3K1R8W2D</RequestId></Error>' },
    actual: { status: 200, headers: [...S3] },
    platform: { id: 'aws-s3', findings: ['cors-rule-no-match'] },
    expectBlocked: true,
  },
  {
    id: 'seed-express-cors-defaults-credentials',
    title: 'Express cors() defaults with credentials',
    dimension: 'seed',
    description: 'app.use(cors()) answers Access-Control-Allow-Origin: * ; the page sends cookies, so * is refused.',
    request: { target: 'api', method: 'GET', path: '/api/profile', credentials: 'include' },
    actual: json(200, [['X-Powered-By', 'Express'], [ACAO, '*'], ['ETag', 'W/"d-Qk3"']], '{"name":"ada"}'),
    platform: { id: 'express', findings: ['wildcard-with-credentials'] },
    expectBlocked: true,
  },
  {
    id: 'seed-express-cors-origin-rejected',
    title: 'Express cors({ origin: [...] }) without this origin',
    dimension: 'seed',
    description: 'The cors middleware has an origin list without this page: the preflight is still 204 with Allow-Methods and Allow-Headers (which do allow the POST and Content-Type), but no Allow-Origin. So the origin is the one part refused: origin-not-allowed, not cors-rule-no-match (a rejection that does not say which part failed).',
    request: { ...postJson, path: '/api/orders' },
    preflight: { status: 204, headers: [['X-Powered-By', 'Express'], ['Vary', 'Origin, Access-Control-Request-Headers'], [ACAM, 'GET,HEAD,PUT,PATCH,POST,DELETE'], [ACAH, 'content-type']] },
    actual: json(200, [['X-Powered-By', 'Express'], ['Vary', 'Origin']], '{"ok":true}'),
    platform: { id: 'express', findings: ['origin-not-allowed'] },
    expectBlocked: true,
  },
  {
    id: 'seed-nginx-401-without-always',
    title: 'nginx: CORS headers vanish on the 401',
    dimension: 'seed',
    description: 'add_header without "always": the preflight (204) carries CORS headers, the 401 from auth_request does not, so the page cannot even read the 401.',
    request: { target: 'api', method: 'GET', path: '/api/private', credentials: 'omit', headers: [['Authorization', 'Bearer expired']] },
    preflight: { status: 204, headers: [['Server', 'nginx/1.24.0'], [ACAO, APP], [ACAM, 'GET, POST, OPTIONS'], [ACAH, 'Authorization, Content-Type'], [MAX_AGE, '1728000']] },
    actual: { status: 401, headers: [['Server', 'nginx/1.24.0'], ['Content-Type', 'text/html'], ['WWW-Authenticate', 'Bearer']], body: '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n' },
    platform: { id: 'nginx', findings: ['error-response-missing-cors'] },
    expectBlocked: true,
  },
  {
    id: 'seed-nginx-duplicate-acao',
    title: 'nginx add_header plus the app: two Allow-Origin lines',
    dimension: 'seed',
    description: 'nginx adds Access-Control-Allow-Origin: * and the application behind it adds its own: two lines reach the browser.',
    request: { target: 'api', method: 'GET', path: '/api/items', credentials: 'omit' },
    actual: json(200, [['Server', 'nginx/1.24.0'], [ACAO, APP], ['Vary', 'Origin'], [ACAO, '*']], '{"items":[]}'),
    platform: { id: 'nginx', findings: ['duplicate-cors-headers'] },
    expectBlocked: true,
  },
  {
    id: 'seed-spring-invalid-cors-request',
    title: 'Spring: 403 "Invalid CORS request"',
    dimension: 'seed',
    description: "Spring's CorsConfiguration does not list this origin: DefaultCorsProcessor rejects the preflight with 403 and the body Invalid CORS request. A live capture has no preflight body; the Vary entries the processor adds before checking still show that Spring's CORS, not authentication, refused it.",
    request: { ...postJson, path: '/api/orders' },
    preflight: { status: 403, headers: [['Vary', 'Origin'], ['Vary', 'Access-Control-Request-Method'], ['Vary', 'Access-Control-Request-Headers'], ['Content-Type', 'text/plain;charset=UTF-8']], body: 'Invalid CORS request' },
    actual: json(200, [['Vary', 'Origin']], '{"ok":true}'),
    platform: { id: 'spring', findings: ['cors-rule-no-match'] },
    expectBlocked: true,
  },
  {
    id: 'seed-apigw-authorizer-on-options',
    title: 'API Gateway REST: authorizer on OPTIONS',
    dimension: 'seed',
    description: 'SAM adds the default authorizer to the CORS preflight (AddDefaultAuthorizerToCorsPreflight defaults to true): the token-less OPTIONS gets 401 Unauthorized.',
    request: { ...REST, target: 'api', method: 'GET', path: '/me', credentials: 'omit', headers: [['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig']] },
    preflight: json(401, [...APIGW, ['x-amzn-ErrorType', 'UnauthorizedException']], '{"message":"Unauthorized"}'),
    actual: json(200, [...APIGW, [ACAO, '*']], '{"user":"ada"}'),
    platform: { id: 'aws-apigateway-rest', findings: ['preflight-auth-required'] },
    expectBlocked: true,
  },
  {
    id: 'seed-apigw-mock-options-500',
    title: 'API Gateway REST: mock OPTIONS fails with 500 (binary media types */*)',
    dimension: 'seed',
    description: 'Binary media types include */*, so the mock integration cannot transform the preflight: 500 Internal server error, no CORS headers. A live capture has no preflight body; x-amzn-ErrorType shows API Gateway generated the 500 itself (a configuration error, named in the execution logs).',
    request: { ...REST, ...postJson, path: '/files' },
    preflight: json(500, [...APIGW, ['x-amzn-ErrorType', 'InternalServerErrorException']], '{"message": "Internal server error"}'),
    actual: APIGW_OK,
    platform: { id: 'aws-apigateway-rest', findings: ['mock-options-binary-media-types'] },
    expectBlocked: true,
  },
  {
    id: 'seed-cdk-first-origin',
    title: 'CDK addCorsPreflight with several origins answers the first one',
    dimension: 'seed',
    description: 'allowOrigins lists two domains; the static value is the first one and only listed origins get swapped in, so this origin sees https://admin.example.com.',
    request: { ...REST, ...postJson, path: '/orders' },
    preflight: { status: 204, headers: [...APIGW, [ACAH, 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'], [ACAO, 'https://admin.example.com'], ['Vary', 'Origin'], [ACAM, 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD']] },
    actual: APIGW_OK,
    platform: { id: 'aws-apigateway-rest', findings: ['origin-mismatch'] },
    expectBlocked: true,
  },
  {
    id: 'seed-acao-sent-as-request-header',
    title: 'The page sends Access-Control-Allow-Origin as a request header',
    dimension: 'seed',
    description: 'Front-end code adds "Access-Control-Allow-Origin: *" to its own request. It is a response header; as a request header it only triggers a preflight that does not allow it.',
    request: { ...REST, ...postJson, path: '/items', headers: [['Content-Type', 'application/json'], ['Access-Control-Allow-Origin', '*']] },
    preflight: json(200, [...APIGW, [ACAO, '*'], [ACAM, CONSOLE_METHODS], [ACAH, CONSOLE_HEADERS]], '{}'),
    actual: APIGW_OK,
    platform: { id: 'aws-apigateway-rest', findings: ['acao-sent-as-request-header'] },
    expectBlocked: true,
  },
  {
    id: 'seed-s3-browser-cache-poisoning',
    title: 'S3: an <img> cached the object without CORS headers',
    dimension: 'seed',
    description: 'The page first shows the object in an <img> (no Origin header, so S3 adds neither ACAO nor Vary: Origin), then fetches it with CORS: the browser reuses the cached copy, which lacks Access-Control-Allow-Origin.',
    request: { ...ASSETS_BUCKET, target: 'api', method: 'GET', path: '/images/logo.png', credentials: 'omit', setup: [{ kind: 'no-cors-img' }] },
    actualWithoutOrigin: { status: 200, headers: [...S3, ['Content-Type', 'image/png'], ['Cache-Control', 'max-age=3600'], ['ETag', '"5d41402abc4b2a76b9719d911017c592"'], ['Last-Modified', 'Tue, 02 Jan 2024 10:00:00 GMT']], body: 'PNG' },
    actual: { status: 200, headers: [...S3, [ACAO, APP], ['Vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method'], ['Content-Type', 'image/png'], ['Cache-Control', 'max-age=3600'], ['ETag', '"5d41402abc4b2a76b9719d911017c592"']], body: 'PNG' },
    platform: { id: 'aws-s3', findings: ['http-cache-without-vary'] },
    expectBlocked: true,
  },
  {
    id: 'seed-private-api-routing-header',
    title: 'Private REST API: x-apigw-api-id makes the request preflighted',
    dimension: 'seed',
    description: 'The page adds x-apigw-api-id to reach a private API through a VPC endpoint; the header forces a preflight, which cannot carry it, so the endpoint answers 403 Forbidden.',
    request: { ...VPC_ENDPOINT, target: 'api', method: 'GET', path: '/items', credentials: 'omit', headers: [['x-apigw-api-id', 'a1b2c3d4e5']] },
    preflight: json(403, [REQ_ID, ['x-amzn-ErrorType', 'ForbiddenException']], '{"message":"Forbidden"}'),
    actual: json(200, [...APIGW, [ACAO, APP]], '{"items":[]}'),
    platform: { id: 'aws-apigateway-rest', findings: ['private-api-endpoint'] },
    expectBlocked: true,
  },
  {
    id: 'seed-azure-apim-missing-key',
    title: 'Azure API Management: preflight rejected for a missing subscription key',
    dimension: 'seed',
    description: 'No cors policy answers the preflight, so the subscription-key check rejects the key-less OPTIONS with 401.',
    request: { ...APIM, target: 'api', method: 'GET', path: '/orders', credentials: 'omit', headers: [['Ocp-Apim-Subscription-Key', '0123456789abcdef']] },
    preflight: json(401, [['WWW-Authenticate', 'AzureApiManagementKey realm="https://contoso.azure-api.net/orders",name="Ocp-Apim-Subscription-Key",type="header"']], '{ "statusCode": 401, "message": "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API." }'),
    actual: json(200, [[ACAO, APP]], '{"orders":[]}'),
    platform: { id: 'azure-apim', findings: ['preflight-auth-required'] },
    expectBlocked: true,
  },
  {
    id: 'seed-gcp-esp-jwt-missing',
    title: 'Google Cloud API Gateway / ESPv2: "Jwt is missing" on the preflight',
    dimension: 'seed',
    description: 'CORS is not enabled on the gateway (allowCors), so ESPv2 applies JWT authentication to the preflight, which carries no token.',
    request: { ...ENDPOINTS, target: 'api', method: 'GET', path: '/v1/profile', credentials: 'omit', headers: [['Authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig']] },
    preflight: json(401, [['www-authenticate', 'Bearer realm="https://orders-api.endpoints.acme-prod.cloud.goog/v1/profile"'], ['server', 'envoy']], '{"code":401,"message":"Jwt is missing"}'),
    actual: json(200, [[ACAO, APP]], '{"name":"ada"}'),
    platform: { id: 'gcp-api-gateway', findings: ['preflight-auth-required'] },
    expectBlocked: true,
  },
  {
    id: 'seed-cloud-run-iam-preflight',
    title: 'Cloud Run with IAM: the preflight gets 403',
    dimension: 'seed',
    description: 'The service requires authentication; the preflight carries no token, so Google Front End rejects it before the app can answer CORS.',
    request: { target: 'api', method: 'GET', path: '/', credentials: 'omit', headers: [['Authorization', 'Bearer ya29.token']] },
    preflight: { status: 403, headers: [['Content-Type', 'text/html; charset=UTF-8'], ['Server', 'Google Frontend'], ['X-Cloud-Trace-Context', '2c1f5e0f0b4a8e1d7c3b9a6f5e4d3c2b']], body: '<html><head>\n<meta http-equiv="content-type" content="text/html;charset=utf-8">\n<title>403 Forbidden</title>\n</head>\n<body text=#000000 bgcolor=#ffffff>\n<h1>Error: Forbidden</h1>\n<h2>Your client does not have permission to get URL <code>/</code> from this server.</h2>\n<h2></h2>\n</body></html>\n' },
    actual: { status: 200, headers: [['Server', 'Google Frontend'], [ACAO, APP]], body: 'ok' },
    platform: { id: 'gcp-cloud-run', findings: ['preflight-auth-required'] },
    expectBlocked: true,
  },
];
