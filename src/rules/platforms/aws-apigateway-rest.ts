/**
 * Amazon API Gateway REST APIs (v1), including edge-optimized and private endpoints.
 * Signatures and error meanings: shared/reference/platforms.md §1–§3.
 */
import type { ResponseRecord } from '../../model';
import { makeFinding } from '../findings/catalogue';
import type { Candidate, Category, ResponseMeaning, RuleContext } from '../findings/context';
import { fixesFor } from '../findings/context';
import { restCdk, restConsole, restOpenApi, restSam, restServerless, restTerraform } from '../findings/fixes/apigw-rest';
import { headersStack } from '../findings/fixes/headers';
import { lambdaNode, lambdaPython } from '../findings/fixes/lambda-handler';
import { toYaml } from '../findings/fixes/emit';
import { labelFrom, plain, shStr } from '../findings/fixes/quote';
import { genericMeaning } from '../findings/status';
import { bodyEvidence, bodyMessage, hasHeader, headerEvidence, headerValue, isPrivateAddress, oneLine, statusEvidence } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'aws-apigateway-rest' as const;
const NAME = 'Amazon API Gateway (REST API)';

export const EXECUTE_API_HOST = /\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;
const PRIVATE_HOST = /^[a-z0-9]{10}-vpce-[0-9a-z]+\.execute-api\.|\.execute-api\.[a-z0-9-]+\.vpce\.amazonaws\.com$/;

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'x-amz-apigw-id', weight: 0.8 },
  { kind: 'header', name: 'x-amzn-errortype', weight: 0.5 },
  { kind: 'host', pattern: EXECUTE_API_HOST, weight: 0.5, label: 'API Gateway invoke URL' },
  { kind: 'body', pattern: /^\s*\{\s*"message"\s*:\s*"Missing Authentication Token"\s*\}\s*$/, weight: 0.6, label: '{"message":"Missing Authentication Token"}' },
  { kind: 'header', name: 'x-amzn-requestid', weight: 0.2 },
];

interface RestError {
  type?: RegExp;
  message?: RegExp;
  status?: readonly number[];
  gatewayResponse: string;
  category: Category;
  label: string;
  meaning: string;
}

const MAT_MEANING = 'API Gateway answers "Missing Authentication Token" when the deployed stage has no such resource or method (most often), or when an IAM-authorized method is called without a SigV4 signature.';

const INTERNAL_500 = 'API Gateway failed before or while calling the backend: an API configuration error (for example a mapping that cannot transform the request) or an authorizer failure. The stage\'s execution logs say which.';
const MALFORMED_502 = 'With a Lambda proxy integration API Gateway answers 502 "Internal server error" when the function failed or returned something that is not a valid proxy response ({statusCode, headers, body} with a string body).';
const UNAUTHORIZED_401 = 'A Lambda or Cognito authorizer found no token or an invalid one (gateway response UNAUTHORIZED).';

/** Gateway-generated answers, most specific first (platforms.md §1 and §2). */
const REST_ERRORS: readonly RestError[] = [
  { type: /MissingAuthenticationToken/i, gatewayResponse: 'MISSING_AUTHENTICATION_TOKEN', category: 'not-found', label: 'no such method on the deployed stage', meaning: MAT_MEANING },
  { message: /^Missing Authentication Token$/, gatewayResponse: 'MISSING_AUTHENTICATION_TOKEN', category: 'not-found', label: 'no such method on the deployed stage', meaning: MAT_MEANING },
  { message: /execute-api:Invoke.*explicit deny/i, gatewayResponse: 'ACCESS_DENIED', category: 'auth', label: 'IAM or resource policy deny', meaning: 'An IAM policy or the API\'s resource policy explicitly denies execute-api:Invoke for this caller.' },
  { message: /not authorized to access this resource with an explicit deny/i, gatewayResponse: 'ACCESS_DENIED', category: 'auth', label: 'Lambda authorizer denied', meaning: 'Your Lambda authorizer returned a Deny policy for this request (gateway response ACCESS_DENIED).' },
  { message: /^User: anonymous is not authorized/i, gatewayResponse: 'ACCESS_DENIED', category: 'auth', label: 'resource policy does not allow this caller', meaning: 'The API\'s resource policy (or IAM authorization) does not allow this caller — for example an IP, VPC or account condition.' },
  { message: /security token included in the request is invalid/i, gatewayResponse: 'DEFAULT_4XX', category: 'auth', label: 'invalid IAM credentials', meaning: 'The request was signed with IAM credentials that are not valid.' },
  { message: /Signature expired/i, gatewayResponse: 'EXPIRED_TOKEN', category: 'auth', label: 'SigV4 signature expired', meaning: 'The SigV4 signature of the request has expired.' },
  { type: /InvalidSignature/i, gatewayResponse: 'INVALID_SIGNATURE', category: 'auth', label: 'invalid SigV4 signature', meaning: 'The SigV4 signature of the request does not match.' },
  { type: /Authorizer/i, gatewayResponse: 'AUTHORIZER_FAILURE', category: 'backend', label: 'authorizer failed', meaning: 'The authorizer failed or is misconfigured (gateway responses AUTHORIZER_FAILURE / AUTHORIZER_CONFIGURATION_ERROR, 500).' },
  { type: /ForbiddenException/i, message: /^Forbidden$/i, gatewayResponse: 'INVALID_API_KEY', category: 'auth', label: 'API key missing or invalid (or WAF)', meaning: 'API Gateway answers 403 "Forbidden" when the method requires an API key and none, an invalid one, or one without a usage plan for this stage was sent; AWS WAF blocks look the same.' },
  { status: [401], message: /^Unauthorized$/i, gatewayResponse: 'UNAUTHORIZED', category: 'auth', label: 'authorizer rejected the token', meaning: UNAUTHORIZED_401 },
  { status: [429], message: /Limit Exceeded/i, gatewayResponse: 'QUOTA_EXCEEDED', category: 'throttle', label: 'usage-plan quota exceeded', meaning: 'The API key\'s usage-plan quota is used up (gateway response QUOTA_EXCEEDED).' },
  { status: [429], gatewayResponse: 'THROTTLED', category: 'throttle', label: 'throttled', meaning: 'API Gateway throttled the request (stage, method or usage-plan rate limits; gateway response THROTTLED).' },
  { status: [504], message: /timed out/i, gatewayResponse: 'INTEGRATION_TIMEOUT', category: 'timeout', label: 'integration timed out', meaning: 'The backend did not answer within the integration timeout (29 s by default; gateway response INTEGRATION_TIMEOUT).' },
  { status: [502], message: /^Internal server error$/i, gatewayResponse: 'DEFAULT_5XX', category: 'backend', label: 'malformed Lambda proxy response or Lambda error', meaning: MALFORMED_502 },
  { status: [500], message: /^Internal server error$/i, gatewayResponse: 'DEFAULT_5XX', category: 'backend', label: 'API Gateway configuration or authorizer error', meaning: INTERNAL_500 },
  // Header-only forms of the rows above, for live captures (no body for a preflight or a blocked response).
  // x-amzn-ErrorType marks a gateway response; the exact type values are as seen in captures.
  { status: [502], type: /^InternalServerErrorException$/i, gatewayResponse: 'DEFAULT_5XX', category: 'backend', label: 'malformed Lambda proxy response or Lambda error', meaning: MALFORMED_502 },
  { status: [500], type: /^InternalServerErrorException$/i, gatewayResponse: 'DEFAULT_5XX', category: 'backend', label: 'API Gateway configuration or authorizer error', meaning: INTERNAL_500 },
  { status: [401], type: /^UnauthorizedException$/i, gatewayResponse: 'UNAUTHORIZED', category: 'auth', label: 'authorizer rejected the token', meaning: UNAUTHORIZED_401 },
  { status: [403], type: /^AccessDeniedException$/i, gatewayResponse: 'ACCESS_DENIED', category: 'auth', label: 'authorizer or IAM/resource policy denied', meaning: 'API Gateway denied access: a Lambda authorizer returned Deny, or an IAM or resource policy does not allow this caller (gateway response ACCESS_DENIED). The body\'s message says which.' },
  { status: [403], type: /^ForbiddenException$/i, gatewayResponse: 'DEFAULT_4XX', category: 'auth', label: 'API key missing or invalid (or WAF)', meaning: 'API Gateway answered 403 ForbiddenException: most often the method requires an API key and none, an invalid one, or one without a usage plan for this stage was sent; AWS WAF blocks and requests reaching a private API the wrong way look the same.' },
  { status: [415], gatewayResponse: 'UNSUPPORTED_MEDIA_TYPE', category: 'bad-request', label: 'unsupported media type', meaning: 'API Gateway rejected the request body\'s Content-Type: the integration\'s passthrough behavior is NEVER (or WHEN_NO_TEMPLATES with templates defined) and no mapping template matches it.' },
  { status: [413], gatewayResponse: 'REQUEST_TOO_LARGE', category: 'bad-request', label: 'request too large', meaning: 'The request is larger than API Gateway accepts (gateway response REQUEST_TOO_LARGE).' },
  { message: /Invalid request body/i, gatewayResponse: 'BAD_REQUEST_BODY', category: 'bad-request', label: 'request body failed validation', meaning: 'The request validator rejected the body (gateway response BAD_REQUEST_BODY).' },
  { message: /Missing required request parameters/i, gatewayResponse: 'BAD_REQUEST_PARAMETERS', category: 'bad-request', label: 'missing required parameters', meaning: 'The request validator rejected missing parameters (gateway response BAD_REQUEST_PARAMETERS).' },
];

function errorType(r: ResponseRecord): string | null {
  // AWS sometimes appends ":http://internal.amazon.com/…" to the type.
  return headerValue(r, 'x-amzn-errortype')?.split(':')[0]?.trim() ?? null;
}

export function explainRest(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (r.status < 400) return null;
  const type = errorType(r);
  const message = bodyMessage(r);
  const evidence = [type ? `${where}: x-amzn-ErrorType: ${type}` : null, message !== null ? `${where} body message: ${oneLine(message, 120)}` : null]
    .filter((e): e is string => e !== null);
  // Rows keyed on status alone must not claim a backend's own 429/415: require a gateway-shaped answer.
  const gatewayShaped = type !== null || (message !== null && bodyKeyCount(r) === 1);
  const hit = REST_ERRORS.find((e) =>
    (!e.type || (type !== null && e.type.test(type)))
    && (!e.message || (message !== null && e.message.test(message)))
    && (!e.status || e.status.includes(r.status))
    && (e.type !== undefined || e.message !== undefined || gatewayShaped));
  if (hit) return { category: hit.category, label: hit.label, meaning: hit.meaning, evidence, generatedBy: 'gateway', gatewayResponse: hit.gatewayResponse };
  const generic = genericMeaning(r, where);
  if (type !== null) return { ...generic, evidence: [...generic.evidence, ...evidence], generatedBy: 'gateway', gatewayResponse: r.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX' };
  return { ...generic, generatedBy: 'backend', meaning: `${generic.meaning} It came from the backend behind API Gateway (no x-amzn-ErrorType).` };
}

/** Gateway bodies are exactly {"message": "…"}: one key. */
function bodyKeyCount(r: ResponseRecord): number {
  try {
    const parsed: unknown = r.body ? JSON.parse(r.body) : null;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed).length : 0;
  } catch {
    return 0;
  }
}

function isMat(r: ResponseRecord): boolean {
  const type = errorType(r);
  return r.status === 403 && ((type !== null && /MissingAuthenticationToken/i.test(type)) || bodyMessage(r) === 'Missing Authentication Token');
}

// ---------------------------------------------------------------- findings

function stageNotDeployed(ctx: RuleContext): Candidate[] {
  const hit = ctx.facts.responses.find(({ response }) => isMat(response));
  if (!hit) return [];
  const preflight = hit.where.startsWith('preflight');
  const method = preflight ? 'OPTIONS' : ctx.facts.method;
  const stage = ctx.spec.api.stage;
  const stageText = stage ? `stage "${stage}"` : 'the stage in the URL';
  const noStage = ctx.spec.api.restApiId !== null && stage === null;
  return [{
    finding: makeFinding('stage-not-deployed', {
      explanation: `API Gateway answered ${method} ${ctx.spec.resourcePath} with 403 "Missing Authentication Token": the deployed ${stageText} has no ${method} method for this path. Either it was never created${preflight ? ' (no OPTIONS method — "Enable CORS" was not run for this resource, or it has only ANY)' : ''}, or it was created but not deployed: changes in the console or in a template reach callers only after a new deployment to the stage. The console's "Test" button runs the working copy, so a method can work there and still be missing live. Also check the URL: a wrong stage name or path gives the same answer.${noStage ? ' This URL has no stage segment, which REST invoke URLs always need.' : ''}`,
      evidence: [statusEvidence(hit.where, hit.response), headerEvidence(hit.where, hit.response, 'x-amzn-ErrorType'), bodyEvidence(hit.where, hit.response), `request: ${method} ${oneLine(ctx.exchange.request.url, 160)}`],
      fixes: fixesFor(ctx, ['deploy']),
    }),
  }];
}

function privateApi(ctx: RuleContext): Candidate[] {
  const host = ctx.facts.host;
  const requested = new Set([...ctx.facts.requestedHeaders, ...ctx.exchange.request.headers.map((h) => h.name.toLowerCase())]);
  const apiIdHeader = requested.has('x-apigw-api-id');
  const privateHost = PRIVATE_HOST.test(host);
  const viaPrivateIp = EXECUTE_API_HOST.test(host) && ctx.facts.responses.some(({ response }) => isPrivateAddress(response.remoteAddress) && response.status === 403);
  if (!apiIdHeader && !privateHost && !viaPrivateIp) return [];
  const parts: string[] = [];
  const remedies: Array<'client-private-api'> = [];
  if (apiIdHeader) {
    parts.push('The page sends x-apigw-api-id to route the call through a VPC endpoint. It is a custom header, so the browser sends a preflight first — and the preflight cannot carry it, so the endpoint cannot route the OPTIONS request to your API and answers without CORS headers. Call the endpoint-specific host name instead of using the header.');
    remedies.push('client-private-api');
  }
  if (privateHost) parts.push('This is a private API reached through an interface VPC endpoint: it answers only inside the VPC (or over VPN/Direct Connect), its resource policy must allow that endpoint, and CORS still has to be configured on the API itself like any other REST API.');
  if (viaPrivateIp) parts.push('The execute-api host resolved to a private address: with private DNS enabled on an execute-api VPC endpoint, every *.execute-api call from that VPC goes to the endpoint — public APIs then answer 403. Use the endpoint-specific host name for private APIs and disable private DNS (or use a custom domain) for public ones.');
  return [{
    finding: makeFinding('private-api-endpoint', {
      severity: apiIdHeader || viaPrivateIp ? 'error' : 'warning',
      explanation: parts.join(' '),
      evidence: [
        apiIdHeader ? 'request header: x-apigw-api-id' : null,
        privateHost ? `host: ${host}` : null,
        ...ctx.facts.responses.filter(({ response }) => isPrivateAddress(response.remoteAddress)).map(({ where, response }) => `${where}: remote address ${response.remoteAddress ?? ''}`),
      ],
      fixes: fixesFor(ctx, remedies),
    }),
  }];
}

function passthrough415(ctx: RuleContext): Candidate[] {
  const hit = ctx.facts.responses.find(({ response }) => response.status === 415 && (hasHeader(response, 'x-amzn-errortype') || /unsupported media type/i.test(bodyMessage(response) ?? '')));
  if (!hit) return [];
  const ct = headerValue(ctx.exchange.request, 'content-type');
  const path = ctx.spec.resourcePath;
  return [{
    finding: makeFinding('passthrough-never-415', {
      explanation: `API Gateway answered 415 Unsupported Media Type${ct ? ` for Content-Type ${oneLine(ct, 60)}` : ''}: the integration's passthrough behavior is NEVER (or WHEN_NO_TEMPLATES while some template exists) and no mapping template matches this content type, so API Gateway rejects the request itself — as a gateway response without CORS headers, which the browser reports as a CORS error. Add a template for the type or set passthrough to WHEN_NO_MATCH, and add CORS headers to the gateway responses.`,
      evidence: [statusEvidence(hit.where, hit.response), bodyEvidence(hit.where, hit.response), ct ? `request Content-Type: ${oneLine(ct, 60)}` : null],
      fixes: [
        {
          stack: 'console',
          title: 'Change the passthrough behavior (console)',
          language: 'text',
          snippet: plain(`Resources → ${path} → ${ctx.facts.method} → Integration request → Edit → Request body passthrough: "When no template matches the request content-type header" (or add a mapping template for the content type). Then Deploy API.`),
        },
        {
          stack: 'openapi',
          title: 'OpenAPI: passthroughBehavior when_no_match',
          language: 'yaml',
          snippet: toYaml({ paths: { [path]: { [ctx.facts.method.toLowerCase()]: { 'x-amazon-apigateway-integration': { passthroughBehavior: 'when_no_match' } } } } }),
        },
        {
          stack: 'terraform',
          title: 'Terraform: passthrough_behavior',
          language: 'hcl',
          snippet: `resource "aws_api_gateway_integration" "${labelFrom(path, 'resource')}" {\n  # ...\n  passthrough_behavior = "WHEN_NO_MATCH"\n}`,
        },
        ...fixesFor(ctx, ['errors']),
      ],
    }),
  }];
}

/**
 * A 500 that API Gateway generated for OPTIONS: the body "Internal server error", or — in a live capture,
 * which has no preflight body — x-amzn-ErrorType (only gateway responses carry it). Neither says which
 * configuration error it was; the execution logs do, so the finding names the candidates.
 */
function gateway500(p: ResponseRecord): boolean {
  if (p.status !== 500) return false;
  if (/^internal server error$/i.test(bodyMessage(p) ?? '')) return true;
  const type = errorType(p);
  return type !== null && !/Authorizer/i.test(type);
}

function mockOptions500(ctx: RuleContext): Candidate[] {
  const p = ctx.facts.preflight;
  if (!p || !gateway500(p)) return [];
  const apiId = ctx.spec.api.restApiId ?? 'YOUR_API_ID';
  return [{
    finding: makeFinding('mock-options-binary-media-types', {
      explanation: `API Gateway itself answered the OPTIONS request with 500${bodyMessage(p) ? ' "Internal server error"' : ` (x-amzn-ErrorType: ${oneLine(errorType(p) ?? '', 60)})`}: a configuration error, not your code. For the mock OPTIONS integration that "Enable CORS", SAM and CDK create, the known cause is binary media types: when the API lists */* (or the preflight's type) as binary, the mock cannot transform the request and fails ("Unable to transform request" / API_CONFIGURATION_ERROR in the execution logs) — set content handling of the OPTIONS integration to CONVERT_TO_TEXT, or narrow the binary media types. The same 500 comes from a mock whose request template does not produce {"statusCode": 200} ("Unable to parse statusCode"), or, when OPTIONS goes to a Lambda (ANY or {proxy+}), from API Gateway lacking permission to invoke it. The stage's execution logs name the error.`,
      evidence: [statusEvidence('preflight response', p), headerEvidence('preflight response', p, 'x-amzn-ErrorType'), bodyEvidence('preflight response', p)],
      fixes: [
        {
          stack: 'openapi',
          title: 'OpenAPI: convert the mock OPTIONS request to text',
          language: 'yaml',
          snippet: toYaml({ paths: { [ctx.spec.resourcePath]: { options: { 'x-amazon-apigateway-integration': { type: 'mock', contentHandling: 'CONVERT_TO_TEXT' } } } } }),
        },
        {
          stack: 'shell',
          title: 'AWS CLI: set contentHandling on the OPTIONS integration, then deploy',
          language: 'shell',
          snippet: [
            `aws apigateway update-integration --rest-api-id ${shStr(apiId)} --resource-id YOUR_RESOURCE_ID --http-method OPTIONS --patch-operations ${shStr('op=replace,path=/contentHandling,value=CONVERT_TO_TEXT')}`,
            `aws apigateway create-deployment --rest-api-id ${shStr(apiId)} --stage-name ${shStr(ctx.spec.api.stage ?? 'YOUR_STAGE')}`,
          ].join('\n'),
        },
        {
          stack: 'terraform',
          title: 'Terraform: content_handling on the OPTIONS integration',
          language: 'hcl',
          snippet: 'resource "aws_api_gateway_integration" "options" {\n  # ...\n  type             = "MOCK"\n  content_handling = "CONVERT_TO_TEXT"\n}',
        },
      ],
    }),
  }];
}

export const awsApiGatewayRest: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [restConsole, restOpenApi, restSam, restCdk, restServerless, restTerraform, lambdaNode, lambdaPython, headersStack],
  detect(exchange, _verdict, input) {
    const match = matchSignals(ID, NAME, exchange, SIGNALS, input);
    if (!match) return null;
    // HTTP APIs share the host; their own request id header without REST's means "not REST".
    const responses = [exchange.preflight?.response, exchange.response];
    const httpOnly = responses.some((r) => hasHeader(r, 'apigw-requestid')) && !responses.some((r) => hasHeader(r, 'x-amz-apigw-id'));
    return httpOnly ? { ...match, confidence: Math.round(match.confidence * 300) / 1000 } : match;
  },
  explain: (r, where) => explainRest(r, where),
  missingCorsHint: (_r, where) => (where.startsWith('preflight') ? null
    : 'On API Gateway REST, "Enable CORS" adds the header only for non-proxy integrations; with Lambda proxy or HTTP proxy the backend must return it.'),
  findings: (ctx) => [...stageNotDeployed(ctx), ...privateApi(ctx), ...passthrough415(ctx), ...mockOptions500(ctx)],
};
