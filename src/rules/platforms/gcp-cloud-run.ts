/** Google Cloud Run. With IAM ("require authentication") the preflight is rejected before the app runs. */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { expressStack } from '../findings/fixes/express';
import { cloudRunStack } from '../findings/fixes/gcp';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'gcp-cloud-run' as const;
const NAME = 'Google Cloud Run';

const IAM_403 = /Your client does not have permission to get URL/i;

const SIGNALS: readonly Signal[] = [
  { kind: 'host', pattern: /\.run\.app$/, weight: 0.8, label: 'Cloud Run URL' },
  { kind: 'header', name: 'server', value: /^Google Frontend$/i, weight: 0.3 },
  { kind: 'header', name: 'x-cloud-trace-context', weight: 0.3 },
  { kind: 'body', pattern: IAM_403, weight: 0.6, label: 'Google 403 page' },
];

function explainCloudRun(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (r.status === 403 && IAM_403.test(r.body ?? '')) {
    return { category: 'auth', label: 'Cloud Run IAM', meaning: 'Cloud Run requires an identity token (roles/run.invoker) and rejected the request before your code ran; a preflight never carries one.', evidence: [`${where} body: "Your client does not have permission to get URL …"`], generatedBy: 'gateway' };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'unknown' } : null;
}

export const gcpCloudRun: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [cloudRunStack, expressStack, headersStack],
  detect: (exchange) => matchSignals(ID, NAME, exchange, SIGNALS),
  explain: (r, where) => explainCloudRun(r, where),
  findings: () => [],
};
