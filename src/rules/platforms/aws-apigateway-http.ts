/**
 * Amazon API Gateway HTTP APIs (v2). With CORS configured, API Gateway answers preflights itself
 * (even without an OPTIONS route) and ignores CORS headers from integrations (AWS http-api-cors).
 * The error bodies below are as seen in captures; AWS documentation does not list them.
 */
import type { ResponseRecord } from '../../model';
import type { Category, ResponseMeaning } from '../findings/context';
import { httpCdk, httpConsole, httpOpenApi, httpSam, httpServerless, httpTerraform } from '../findings/fixes/apigw-http';
import { lambdaNode, lambdaPython } from '../findings/fixes/lambda-handler';
import { genericMeaning } from '../findings/status';
import { bodyMessage, corsHeaderNames, hasHeader, isOkStatus, oneLine } from '../findings/wire';
import { EXECUTE_API_HOST } from './aws-apigateway-rest';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'aws-apigateway-http' as const;
const NAME = 'Amazon API Gateway (HTTP API)';

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'apigw-requestid', weight: 0.85 },
  { kind: 'host', pattern: EXECUTE_API_HOST, weight: 0.5, label: 'API Gateway invoke URL' },
];

const HTTP_ERRORS: ReadonlyArray<{ status: number; message: RegExp; category: Category; label: string; meaning: string }> = [
  { status: 404, message: /^Not Found$/i, category: 'not-found', label: 'no matching route', meaning: 'No route of the HTTP API matches this method and path. For OPTIONS this means there is no OPTIONS route and no CORS configuration on the API (with CORS configured, API Gateway answers preflights itself).' },
  { status: 401, message: /^Unauthorized$/i, category: 'auth', label: 'authorizer rejected the request', meaning: 'A JWT or Lambda authorizer found no valid token. On OPTIONS this usually means a $default or ANY route with an authorizer caught the preflight.' },
  { status: 403, message: /^Forbidden$/i, category: 'auth', label: 'authorizer or IAM denied', meaning: 'The route\'s authorizer or IAM authorization denied the request.' },
  { status: 429, message: /Too Many Requests/i, category: 'throttle', label: 'throttled', meaning: 'API Gateway throttled the request (stage or route limits).' },
  { status: 500, message: /^Internal Server Error$/i, category: 'backend', label: 'integration error', meaning: 'The integration failed or returned a response API Gateway could not use (see the access logs\' integrationErrorMessage).' },
  { status: 503, message: /^Service Unavailable$/i, category: 'timeout', label: 'integration timeout or unavailable', meaning: 'The integration did not answer in time or was unavailable.' },
];

function explainHttp(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (where.startsWith('preflight') && isOkStatus(r.status) && hasHeader(r, 'apigw-requestid') && corsHeaderNames(r).length === 0 && !(r.body ?? '').trim()) {
    // Observed in captures, not stated by AWS: with CORS configured, an unlisted origin (or method/header) gets an empty 2xx.
    return {
      category: 'cors-rule',
      label: 'not allowed by the API\'s CORS configuration',
      meaning: 'API Gateway answered the preflight itself with an empty 2xx and no CORS headers. HTTP APIs with a CORS configuration answer like this when the origin (or the method or a header) is not in it; the AWS docs do not spell this out.',
      evidence: [`${where}: empty ${r.status} with apigw-requestid and no Access-Control-* headers`],
      generatedBy: 'gateway',
    };
  }
  if (r.status < 400) return null;
  const message = bodyMessage(r);
  const hit = message !== null ? HTTP_ERRORS.find((e) => e.status === r.status && e.message.test(message)) : undefined;
  if (hit) return { category: hit.category, label: hit.label, meaning: hit.meaning, evidence: [`${where} body message: ${oneLine(message ?? '', 80)}`], generatedBy: 'gateway' };
  return { ...genericMeaning(r, where), generatedBy: hasHeader(r, 'apigw-requestid') ? 'unknown' : 'backend' };
}

export const awsApiGatewayHttp: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [httpConsole, httpOpenApi, httpSam, httpCdk, httpServerless, httpTerraform, lambdaNode, lambdaPython],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainHttp(r, where),
  findings: () => [],
};
