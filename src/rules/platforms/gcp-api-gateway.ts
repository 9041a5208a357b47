/**
 * Google Cloud API Gateway and Cloud Endpoints (ESP/ESPv2). OPTIONS is rejected unless the
 * OpenAPI spec sets allowCors or ESP is started with CORS flags. Messages as seen in public
 * reports; not all are documented.
 */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { expressStack } from '../findings/fixes/express';
import { gcpOpenApi } from '../findings/fixes/gcp';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { bodyUnseen } from '../findings/unseen-body';
import { bodyJson, headerValue, oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'gcp-api-gateway' as const;
const NAME = 'Google Cloud API Gateway / Endpoints';

const SIGNALS: readonly Signal[] = [
  { kind: 'host', pattern: /\.gateway\.dev$/, weight: 0.8, label: 'API Gateway host' },
  { kind: 'host', pattern: /\.endpoints\.[a-z0-9-]+\.cloud\.goog$/, weight: 0.8, label: 'Cloud Endpoints host' },
  { kind: 'body', pattern: /"code"\s*:\s*\d{3}\s*,\s*"message"\s*:\s*"[^"]*(Jwt|UNAUTHENTICATED|PERMISSION_DENIED|API key|not defined by this API)/, weight: 0.6, label: 'ESP error body' },
  { kind: 'body', pattern: /upstream connect error or disconnect\/reset before headers/, weight: 0.35, label: 'Envoy upstream error' },
];

function explainGcp(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (r.status < 400) return null;
  const json = bodyJson(r);
  const message = typeof json?.message === 'string' ? json.message : '';
  const evidence = message ? [`${where} body message: ${oneLine(message, 120)}`] : [];
  if (/Jwt is missing|Jwt issuer|UNAUTHENTICATED|API key/i.test(message)) {
    return { category: 'auth', label: 'gateway authentication', meaning: 'The gateway checks a JWT or API key before the backend, and a preflight never carries one. Set allowCors so OPTIONS passes through to your backend, which then answers it.', evidence, generatedBy: 'gateway' };
  }
  if (/not defined by this API/i.test(message)) {
    return { category: 'not-found', label: 'OPTIONS not in the API spec', meaning: 'The gateway only serves operations from the OpenAPI spec; OPTIONS is not one of them unless allowCors is set.', evidence, generatedBy: 'gateway' };
  }
  // Without the body (a live capture of a preflight): a 401 with a Bearer challenge is ESP's JWT check.
  const challenge = headerValue(r, 'www-authenticate');
  if (r.status === 401 && bodyUnseen(r) && challenge !== null && /^Bearer\b/i.test(challenge)) {
    return { category: 'auth', label: 'gateway JWT authentication', meaning: 'The gateway asked for a bearer token (WWW-Authenticate: Bearer) before the backend, and a preflight never carries one — ESP answers "Jwt is missing" here. Set allowCors so OPTIONS passes through to your backend, which then answers it.', evidence: [`${where}: WWW-Authenticate: ${oneLine(challenge, 100)}`], generatedBy: 'gateway' };
  }
  if (/upstream connect error/i.test(r.body ?? '')) {
    return { ...genericMeaning(r, where), label: 'backend unreachable', meaning: 'The gateway (Envoy) could not reach the backend, or the backend reset the connection.', generatedBy: 'gateway' };
  }
  return { ...genericMeaning(r, where), generatedBy: 'unknown' };
}

export const gcpApiGateway: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [gcpOpenApi, expressStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainGcp(r, where),
  findings: () => [],
};
