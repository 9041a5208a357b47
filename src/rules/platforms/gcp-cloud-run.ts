/** Google Cloud Run. With IAM ("require authentication") the preflight is rejected before the app runs. */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { expressStack } from '../findings/fixes/express';
import { cloudRunStack } from '../findings/fixes/gcp';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { bodyUnseen, readBodyHint } from '../findings/unseen-body';
import { headerValue } from '../findings/wire';
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

function explainCloudRun(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null {
  if (r.status === 403 && IAM_403.test(r.body ?? '')) {
    return { category: 'auth', label: 'Cloud Run IAM', meaning: 'Cloud Run requires an identity token (roles/run.invoker) and rejected the request before your code ran; a preflight never carries one.', evidence: [`${where} body: "Your client does not have permission to get URL …"`], generatedBy: 'gateway' };
  }
  // Without the body (a live capture of a preflight): Google Front End's HTML 403 before any CORS header is
  // most likely IAM, but the app itself may answer 403 too; say both.
  if (r.status === 403 && where.startsWith('preflight') && bodyUnseen(r) && /^Google Frontend$/i.test(headerValue(r, 'server') ?? '')) {
    return { category: 'auth', label: 'Cloud Run IAM (most likely)', meaning: `Google Front End answered the preflight with 403 and no CORS headers. When the service requires authentication (IAM, roles/run.invoker), Cloud Run rejects every request without an identity token before your code runs — and a preflight never carries one. If the service allows unauthenticated invocations, the 403 comes from your own code instead. ${readBodyHint(ctx, where)} Cloud Run's own page says "Your client does not have permission to get URL".`, evidence: [`${where}: HTTP 403 with Server: Google Frontend (its body is not in the capture)`], generatedBy: 'gateway' };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'unknown' } : null;
}

export const gcpCloudRun: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [cloudRunStack, expressStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainCloudRun(r, where, ctx),
  findings: () => [],
};
