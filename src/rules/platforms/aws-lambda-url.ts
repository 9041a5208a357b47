/** AWS Lambda function URLs (<url-id>.lambda-url.<region>.on.aws). */
import type { Exchange, ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { lambdaNode, lambdaPython } from '../findings/fixes/lambda-handler';
import { urlCdk, urlConsole, urlSam, urlTerraform } from '../findings/fixes/lambda-url';
import { genericMeaning } from '../findings/status';
import { bodyJson, hasHeader, headerValue, oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'aws-lambda-url' as const;
const NAME = 'AWS Lambda function URL';

const SIGNALS: readonly Signal[] = [
  { kind: 'host', pattern: /\.lambda-url\.[a-z0-9-]+\.on\.aws$/, weight: 0.95, label: 'function URL' },
  { kind: 'body', pattern: /"Message"\s*:\s*"Forbidden\. For troubleshooting Function URL/, weight: 0.8, label: 'function URL 403 message' },
  { kind: 'header', name: 'x-amzn-requestid', weight: 0.15 },
  // Lambda's request and trace ids without any API Gateway header (unconfirmed as a signature; weak on purpose).
  { kind: 'custom', weight: 0.4, test: lambdaIdsWithoutGateway },
];

function lambdaIdsWithoutGateway(exchange: Exchange): string | null {
  const r = exchange.response;
  if (!r || !hasHeader(r, 'x-amzn-requestid') || !hasHeader(r, 'x-amzn-trace-id')) return null;
  if (hasHeader(r, 'x-amz-apigw-id') || hasHeader(r, 'apigw-requestid') || hasHeader(r, 'x-amz-cf-id')) return null;
  return 'response: x-amzn-RequestId and X-Amzn-Trace-Id without API Gateway or CloudFront headers';
}

function explainUrl(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (r.status < 400) return null;
  const json = bodyJson(r);
  const message = typeof json?.Message === 'string' ? json.Message : null;
  // Lambda's own refusal: its body, or — without the body (a live capture of a blocked answer) — the
  // x-amzn-ErrorType that only the Lambda service sets (a function's own 403 has none).
  const type = headerValue(r, 'x-amzn-errortype');
  const byBody = message !== null && /Forbidden/i.test(message);
  if (r.status === 403 && (byBody || (message === null && type !== null && /AccessDenied/i.test(type)))) {
    return {
      category: 'auth',
      label: 'function URL authorization',
      meaning: 'Lambda refused the call to the function URL: with auth type AWS_IAM the request must be SigV4-signed (browsers cannot, and preflights never are); with auth type NONE the resource policy must allow public access — since October 2025 that takes both lambda:InvokeFunctionUrl and lambda:InvokeFunction.',
      evidence: [byBody ? `${where} body Message: ${oneLine(message ?? '', 100)}` : `${where}: x-amzn-ErrorType: ${oneLine(type ?? '', 60)}`],
      generatedBy: 'gateway',
    };
  }
  if (r.status === 429) {
    return { ...genericMeaning(r, where), label: 'concurrency exceeded', meaning: 'The function is at its concurrency limit (or its reserved concurrency is 0).', generatedBy: 'gateway' };
  }
  return { ...genericMeaning(r, where), generatedBy: 'backend' };
}

export const awsLambdaUrl: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [urlConsole, urlSam, urlCdk, urlTerraform, lambdaNode, lambdaPython],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainUrl(r, where),
  findings: () => [],
};
