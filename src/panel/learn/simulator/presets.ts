/**
 * Starting points for the simulator: how real platforms answer, modelled on their documented
 * behaviour and public captures (docs/reference: platforms.md; test/fixtures/platforms/*.json).
 * A preset says what it models, never what the verdict is: the rules compute that.
 */
import type { CredentialsMode, Header } from '../../../model';
import { answer, headerLines, NO_ANSWER, type AnswerState, type SimState } from './state';

export interface Preset {
  id: string;
  name: string;
  /** What the preset models, in one or two plain sentences. */
  models: string;
  state: SimState;
}

const DATE = 'Tue, 18 Nov 2025 10:15:42 GMT';
const PAGE = 'https://app.example.com';
const REST_API = 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod';
const HTTP_API = 'https://q7r8s9t0u1.execute-api.us-east-1.amazonaws.com';
const FUNCTION_URL = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-central-1.on.aws';
const BUCKET = 'https://photos-prod.s3.eu-west-1.amazonaws.com';
const ENABLE_CORS_HEADERS = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token';

const lines = (text: string): Header[] => text.trim().split('\n').map((l) => {
  const i = l.indexOf(':');
  return { name: l.slice(0, i).trim(), value: l.slice(i + 1).trim() };
});

interface Spec {
  id: string;
  name: string;
  models: string;
  pageOrigin?: string;
  url: string;
  method: string;
  headers?: string;
  credentials?: CredentialsMode;
  preflight?: AnswerState;
  response: AnswerState;
}

function preset(s: Spec): Preset {
  const requestHeaders = s.headers ? lines(s.headers) : [];
  return {
    id: s.id,
    name: s.name,
    models: s.models,
    state: {
      pageOrigin: s.pageOrigin ?? PAGE,
      url: s.url,
      method: s.method,
      credentials: s.credentials ?? 'same-origin',
      requestHeadersText: headerLines(requestHeaders),
      requestHeaders,
      preflightFromCache: false,
      forcePreflight: false,
      preflight: s.preflight ?? NO_ANSWER,
      response: s.response,
      redirects: [],
      context: {},
      from: { kind: 'preset', id: s.id },
    },
  };
}

const restIds = `
x-amzn-RequestId: 0c5b3a1e-7f2d-4a8b-9c6e-1d2f3a4b5c6d
x-amz-apigw-id: Rk2vXHfQDoEFb3w=`;

/** The OPTIONS answer of the console's "Enable CORS" mock integration. */
const enableCorsPreflight = (methods: string) => answer(200, lines(`
Date: ${DATE}
Content-Type: application/json
Content-Length: 0
Connection: keep-alive${restIds}
Access-Control-Allow-Origin: *
Access-Control-Allow-Methods: ${methods}
Access-Control-Allow-Headers: ${ENABLE_CORS_HEADERS}`));

const restError = (status: number, type: string, body: string) => answer(status, lines(`
Date: ${DATE}
Content-Type: application/json
Content-Length: ${body.length}
Connection: keep-alive${restIds}
x-amzn-ErrorType: ${type}`), body);

/** A JSON 200 from a REST API integration; `extra`: further header lines. */
const restJson = (body: string, extra: string) => answer(200, lines(`
Date: ${DATE}
Content-Type: application/json
Connection: keep-alive${restIds}
${extra}`), body);

const s3Ids = `
x-amz-id-2: xY5b1QmE9hVt3kP0o7sNc2dL4fRzJ8wUa6gHi1TqBvKyC0nXeS5pW3rM9lZ2jF7dA4uO6c=
x-amz-request-id: B6Q9TZ7M3K1R8W2D
Date: ${DATE}`;

export const PRESETS: readonly Preset[] = [
  preset({
    id: 'apigw-rest-enable-cors',
    name: 'API Gateway REST after Enable CORS',
    models: 'A REST API after the console’s “Enable CORS” on /orders and Deploy API: a mock OPTIONS method answers the preflight, and the POST method (non-proxy integration) maps Access-Control-Allow-Origin: * onto its 200 response.',
    url: `${REST_API}/orders`,
    method: 'POST',
    headers: 'Content-Type: application/json',
    preflight: enableCorsPreflight('OPTIONS,POST'),
    response: answer(200, lines(`
Date: ${DATE}
Content-Type: application/json
Content-Length: 19
Connection: keep-alive${restIds}
X-Amzn-Trace-Id: Root=1-673b1a2e-3f4a5b6c7d8e9f0a1b2c3d4e;Sampled=0
Access-Control-Allow-Origin: *`), '{"orderId":"o-123"}'),
  }),
  preset({
    id: 'apigw-rest-options-missing',
    name: 'API Gateway REST: OPTIONS not deployed',
    models: 'A REST API whose deployed stage has no OPTIONS method on /orders/{id} (CORS never enabled there, or enabled but not deployed): API Gateway answers the preflight like any unknown method.',
    url: `${REST_API}/orders/42`,
    method: 'PUT',
    headers: 'Content-Type: application/json',
    preflight: restError(403, 'MissingAuthenticationTokenException', '{"message":"Missing Authentication Token"}'),
    response: restJson('{"orderId":"42"}', 'Access-Control-Allow-Origin: *'),
  }),
  preset({
    id: 'apigw-rest-authorizer-on-options',
    name: 'API Gateway REST: authorizer on OPTIONS',
    models: 'A REST API with a default Cognito/Lambda authorizer that also covers OPTIONS (SAM’s AddDefaultAuthorizerToCorsPreflight defaults to true). The preflight carries no token, so the authorizer rejects it.',
    url: `${REST_API}/me`,
    method: 'GET',
    headers: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig',
    preflight: restError(401, 'UnauthorizedException', '{"message":"Unauthorized"}'),
    response: restJson('{"name":"ada"}', 'Access-Control-Allow-Origin: *'),
  }),
  preset({
    id: 'lambda-proxy-no-headers',
    name: 'Lambda proxy without headers',
    models: 'A REST API with Enable CORS (the mock OPTIONS answers) in front of a Lambda proxy integration whose handler returns { statusCode: 200, body } with no headers: API Gateway passes that response through as it is.',
    url: `${REST_API}/orders`,
    method: 'POST',
    headers: 'Content-Type: application/json',
    preflight: enableCorsPreflight('OPTIONS,POST'),
    response: answer(200, lines(`
Date: ${DATE}
Content-Type: application/json
Content-Length: 19
Connection: keep-alive${restIds}
X-Amzn-Trace-Id: Root=1-673b1a2e-3f4a5b6c7d8e9f0a1b2c3d4e;Sampled=0`), '{"orderId":"o-123"}'),
  }),
  preset({
    id: 'apigw-http-cors',
    name: 'HTTP API CORS config',
    models: 'An HTTP API with a CORS configuration (allowOrigins https://app.example.com; allowMethods GET, POST, PUT, DELETE; allowHeaders authorization, content-type; maxAge 300): API Gateway answers preflights itself and adds the headers to the integration’s responses.',
    url: `${HTTP_API}/orders/42`,
    method: 'PUT',
    headers: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig\nContent-Type: application/json',
    preflight: answer(204, lines(`
Date: ${DATE}
Connection: keep-alive
apigw-requestid: YqN2xhVdIAMEVwQ=
access-control-allow-origin: https://app.example.com
access-control-allow-methods: DELETE,GET,POST,PUT
access-control-allow-headers: authorization,content-type
access-control-max-age: 300`)),
    response: answer(200, lines(`
Date: ${DATE}
Content-Type: application/json
Content-Length: 16
Connection: keep-alive
apigw-requestid: YqN3BhVdIAMEVxQ=
access-control-allow-origin: https://app.example.com`), '{"orderId":"42"}'),
  }),
  preset({
    id: 'lambda-url-cors',
    name: 'Lambda Function URL CORS',
    models: 'A function URL with CORS configured (AllowOrigins https://app.example.com, AllowMethods POST, AllowHeaders content-type, MaxAge 86400): Lambda answers the preflight and adds the configured headers to the function’s responses.',
    url: `${FUNCTION_URL}/todos`,
    method: 'POST',
    headers: 'Content-Type: application/json',
    preflight: answer(200, lines(`
Date: ${DATE}
Content-Length: 0
Connection: keep-alive
x-amzn-RequestId: 3f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b
Access-Control-Allow-Origin: https://app.example.com
Access-Control-Allow-Headers: content-type
Access-Control-Allow-Methods: POST
Access-Control-Max-Age: 86400
Vary: Origin`)),
    response: answer(200, lines(`
Date: ${DATE}
Content-Type: application/json
Content-Length: 13
Connection: keep-alive
x-amzn-RequestId: 4a2f3e4d-5c6b-7a89-9bac-1d2e3f4a5b6c
X-Amzn-Trace-Id: Root=1-673b1a2e-aaaabbbbccccddddeeeeffff;Sampled=0
Access-Control-Allow-Origin: https://app.example.com
Vary: Origin`), '{"id":"t-1"}'),
  }),
  preset({
    id: 'lambda-url-cors-and-code',
    name: 'Lambda Function URL CORS + headers in code',
    models: 'The same function URL CORS configuration, but the handler also sets Access-Control-Allow-Origin itself: the response carries the header twice.',
    url: `${FUNCTION_URL}/todos`,
    method: 'GET',
    response: answer(200, lines(`
Date: ${DATE}
Content-Type: application/json
Content-Length: 11
Connection: keep-alive
x-amzn-RequestId: 3f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b
Access-Control-Allow-Origin: https://app.example.com
access-control-allow-origin: https://app.example.com
Vary: Origin`), '{"ok":true}'),
  }),
  preset({
    id: 'express-cors',
    name: 'Express cors()',
    models: 'Express with app.use(cors()) and its defaults: Access-Control-Allow-Origin *, methods GET,HEAD,PUT,PATCH,POST,DELETE, a 204 preflight that echoes the requested headers.',
    pageOrigin: 'http://localhost:5173',
    url: 'http://localhost:8080/api/items/7',
    method: 'DELETE',
    headers: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig',
    preflight: answer(204, lines(`
X-Powered-By: Express
Access-Control-Allow-Origin: *
Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE
Vary: Access-Control-Request-Headers
Access-Control-Allow-Headers: authorization
Content-Length: 0
Date: ${DATE}
Connection: keep-alive`)),
    response: answer(200, lines(`
X-Powered-By: Express
Access-Control-Allow-Origin: *
Content-Type: application/json; charset=utf-8
Content-Length: 13
ETag: W/"d-Qk3Rbh4lqjmK5v2"
Date: ${DATE}
Connection: keep-alive`), '{"deleted":7}'),
  }),
  preset({
    id: 'express-cors-credentials',
    name: 'Express cors() + credentials: "include"',
    models: 'The same cors() defaults, called with fetch(url, { credentials: "include" }) to send the session cookie.',
    pageOrigin: 'http://localhost:5173',
    url: 'http://localhost:8080/api/profile',
    method: 'GET',
    credentials: 'include',
    response: answer(200, lines(`
X-Powered-By: Express
Access-Control-Allow-Origin: *
Content-Type: application/json; charset=utf-8
Content-Length: 14
ETag: W/"e-Qk3Rbh4lqjmK5v2"
Date: ${DATE}
Connection: keep-alive`), '{"name":"ada"}'),
  }),
  preset({
    id: 'fastify-cors-defaults',
    name: 'Fastify @fastify/cors defaults',
    models: 'Fastify with app.register(cors) and its defaults: Access-Control-Allow-Origin *, methods GET,HEAD,POST only — a PUT is refused until listed (answers measured with Fastify 5 and @fastify/cors 11).',
    pageOrigin: 'http://localhost:5173',
    url: 'http://localhost:3000/api/items/7',
    method: 'PUT',
    headers: 'Content-Type: application/json',
    preflight: answer(204, lines(`
access-control-allow-origin: *
access-control-allow-methods: GET,HEAD,POST
vary: Access-Control-Request-Headers
access-control-allow-headers: content-type
content-length: 0
Date: ${DATE}
Connection: keep-alive
Keep-Alive: timeout=72`)),
    response: answer(200, lines(`
access-control-allow-origin: *
content-type: application/json; charset=utf-8
content-length: 11
Date: ${DATE}
Connection: keep-alive
Keep-Alive: timeout=72`), '{"ok":true}'),
  }),
  preset({
    id: 's3-cors',
    name: 'S3 bucket CORS',
    models: 'A bucket CORS rule (AllowedOrigins https://app.example.com, AllowedMethods GET and PUT, AllowedHeaders *, MaxAgeSeconds 3000) and a browser upload with PUT: S3 echoes the requested headers and adds Vary.',
    url: `${BUCKET}/uploads/photo.jpg`,
    method: 'PUT',
    headers: 'Content-Type: image/jpeg',
    preflight: answer(200, lines(`${s3Ids}
Access-Control-Allow-Origin: https://app.example.com
Access-Control-Allow-Methods: GET, PUT
Access-Control-Allow-Headers: content-type
Access-Control-Max-Age: 3000
Vary: Origin, Access-Control-Request-Headers, Access-Control-Request-Method
Content-Length: 0
Server: AmazonS3`)),
    response: answer(200, lines(`${s3Ids}
Access-Control-Allow-Origin: https://app.example.com
Access-Control-Allow-Methods: GET, PUT
Access-Control-Max-Age: 3000
Vary: Origin, Access-Control-Request-Headers, Access-Control-Request-Method
ETag: "5d41402abc4b2a76b9719d911017c592"
Content-Length: 0
Server: AmazonS3`)),
  }),
  preset({
    id: 's3-no-cors',
    name: 'S3 bucket without CORS',
    models: 'The same upload to a bucket that has no CORS configuration: S3 refuses the preflight with its XML error.',
    url: `${BUCKET}/uploads/photo.jpg`,
    method: 'PUT',
    headers: 'Content-Type: image/jpeg',
    preflight: answer(403, lines(`${s3Ids}
Content-Type: application/xml
Transfer-Encoding: chunked
Server: AmazonS3`), '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessForbidden</Code><Message>CORSResponse: CORS is not enabled for this bucket.</Message><Method>PUT</Method><ResourceType>BUCKET</ResourceType><RequestId>B6Q9TZ7M3K1R8W2D</RequestId><HostId>xY5b1QmE9hVt3kP0o7sNc2dL4fRzJ8wUa6gHi1TqBvKyC0nXeS5pW3rM9lZ2jF7dA4uO6c=</HostId></Error>'),
    response: answer(200, lines(`${s3Ids}
ETag: "5d41402abc4b2a76b9719d911017c592"
Content-Length: 0
Server: AmazonS3`)),
  }),
  preset({
    id: 'nginx-add-header-no-always',
    name: 'nginx add_header without always',
    models: 'nginx adds the CORS headers with add_header (without “always”) and answers OPTIONS itself with 204. The app behind it answers 401 for an expired token, and nginx adds no add_header headers to a 401.',
    url: 'https://api.shop.example/api/private',
    method: 'GET',
    headers: 'Authorization: Bearer expired.token.value',
    preflight: answer(204, lines(`
Date: ${DATE}
Server: nginx/1.24.0
Access-Control-Allow-Origin: https://app.example.com
Access-Control-Allow-Methods: GET, POST, OPTIONS
Access-Control-Allow-Headers: Authorization, Content-Type
Access-Control-Max-Age: 1728000`)),
    response: answer(401, lines(`
Date: ${DATE}
Server: nginx/1.24.0
Content-Type: text/html
WWW-Authenticate: Bearer`), '<html>\n<head><title>401 Authorization Required</title></head>\n<body>\n<center><h1>401 Authorization Required</h1></center>\n<hr><center>nginx/1.24.0</center>\n</body>\n</html>'),
  }),
  preset({
    id: 'cloudfront-cache-without-origin',
    name: 'CloudFront cache without Origin in the key',
    models: 'A CloudFront distribution in front of S3 whose cache key leaves out Origin: the copy in the cache was made for a request without Origin, so it has no CORS headers.',
    url: 'https://d1a2b3c4d5e6f7.cloudfront.net/assets/config.json',
    method: 'GET',
    response: answer(200, lines(`
Date: ${DATE}
Content-Type: application/json
Content-Length: 16
Cache-Control: max-age=300
ETag: "9f1c3e"
x-amz-request-id: B6Q9TZ7M3K1R8W2D
Server: AmazonS3
Age: 118
X-Cache: Hit from cloudfront
Via: 1.1 8f22423015641505b8c857a37450d6c0.cloudfront.net (CloudFront)
X-Amz-Cf-Pop: FRA56-P5
X-Amz-Cf-Id: pL0yVbG7oNf3n1-qLq7p8ZKc2mJQx9aW1tBvYhE4sRkUo0dZ5iXe1g==`), '{"feature":true}'),
  }),
  preset({
    id: 'cdk-cors-several-origins',
    name: 'CDK addCorsPreflight with several origins',
    models: 'A REST API built with CDK’s defaultCorsPreflightOptions whose allowOrigins lists https://admin.example.com and https://www.example.com but not this page: the mock OPTIONS answers the first listed origin unless its template finds the request’s Origin in the list.',
    url: `${REST_API}/orders`,
    method: 'POST',
    headers: 'Content-Type: application/json',
    preflight: answer(204, lines(`
Date: ${DATE}
Connection: keep-alive${restIds}
Access-Control-Allow-Headers: ${ENABLE_CORS_HEADERS},X-Amz-User-Agent
Access-Control-Allow-Origin: https://admin.example.com
Vary: Origin
Access-Control-Allow-Methods: OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD`)),
    response: restJson('{"orderId":"o-9"}', 'Access-Control-Allow-Origin: https://admin.example.com\nVary: Origin'),
  }),
];

export const DEFAULT_PRESET: Preset = PRESETS.find((p) => p.id === 'lambda-proxy-no-headers')!;

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
