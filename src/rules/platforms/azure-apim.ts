/**
 * Azure API Management. Its cors policy with terminate-unmatched-request ends an unmatched
 * preflight with an empty 200 and no CORS headers (Microsoft Learn, cors policy).
 */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { apimStack } from '../findings/fixes/azure-apim';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { bodyMessage, corsHeaderNames, headerValue, oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'azure-apim' as const;
const NAME = 'Azure API Management';

const SIGNALS: readonly Signal[] = [
  { kind: 'host', pattern: /\.azure-api\.net$/, weight: 0.8, label: 'API Management gateway' },
  { kind: 'header-prefix', prefix: 'ocp-apim-', weight: 0.8 },
  { kind: 'request-header', name: 'Ocp-Apim-Subscription-Key', weight: 0.6 },
  { kind: 'body', pattern: /subscription key/i, weight: 0.7, label: 'subscription key message' },
  { kind: 'header', name: 'www-authenticate', value: /^AzureApiManagementKey\b/i, weight: 0.8 },
];

/** API Management's challenge for a missing subscription key, as seen in captures (not in Microsoft's docs); present when the body is not. */
const KEY_CHALLENGE = /^AzureApiManagementKey\b/i;

function explainApim(r: ResponseRecord, where: string): ResponseMeaning | null {
  const message = bodyMessage(r);
  const evidence = message !== null ? [`${where} body message: ${oneLine(message, 120)}`] : [];
  const challenge = headerValue(r, 'www-authenticate');
  const keyChallenge = challenge !== null && KEY_CHALLENGE.test(challenge);
  if (r.status === 401 && ((message !== null && /subscription key/i.test(message)) || keyChallenge)) {
    return { category: 'auth', label: 'subscription key required', meaning: 'API Management requires a subscription key (Ocp-Apim-Subscription-Key), and a preflight never carries one. The cors policy must answer the preflight first.', evidence: keyChallenge ? [...evidence, `${where}: WWW-Authenticate: ${oneLine(challenge ?? '', 100)}`] : evidence, generatedBy: 'gateway' };
  }
  if (r.status === 404 && message !== null && /resource not found/i.test(message)) {
    return { category: 'not-found', label: 'no matching operation', meaning: 'API Management found no API operation for this method and path — without a cors policy an OPTIONS request matches nothing.', evidence, generatedBy: 'gateway' };
  }
  if (where.startsWith('preflight') && r.status === 200 && !(r.body ?? '').trim() && corsHeaderNames(r).length === 0) {
    return { category: 'cors-rule', label: 'cors policy did not match', meaning: 'API Management\'s cors policy ended the preflight with an empty 200 and no CORS headers: with terminate-unmatched-request (the default) this is its answer when the Origin, method or headers do not match the policy.', evidence: [`${where}: empty 200 without CORS headers`], generatedBy: 'gateway' };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'unknown' } : null;
}

export const azureApim: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [apimStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainApim(r, where),
  findings: () => [],
};
