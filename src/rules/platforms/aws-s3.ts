/** Amazon S3 (REST and website endpoints, directly or behind CloudFront). */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { s3Cdk, s3Cli, s3Console, s3Terraform } from '../findings/fixes/s3';
import { genericMeaning } from '../findings/status';
import { shStr } from '../findings/fixes/quote';
import { bodyUnseen, readBodyHint } from '../findings/unseen-body';
import { oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'aws-s3' as const;
const NAME = 'Amazon S3';

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'server', value: /^AmazonS3$/i, weight: 0.9 },
  { kind: 'header', name: 'x-amz-id-2', weight: 0.4 },
  { kind: 'header', name: 'x-amz-request-id', weight: 0.3 },
  { kind: 'host', pattern: /(^|\.)s3[.-]([a-z0-9-]+\.)*amazonaws\.com$/, weight: 0.7, label: 'S3 endpoint' },
  { kind: 'body', pattern: /CORS ?Response:/i, weight: 0.7, label: 'S3 CORS error' },
  { kind: 'body', pattern: /<Error>\s*<Code>/, weight: 0.3, label: 'S3 XML error' },
];

function s3Code(r: ResponseRecord): string | null {
  return /<Code>([A-Za-z]+)<\/Code>/.exec(r.body ?? '')?.[1] ?? null;
}

/**
 * S3 answers every preflight itself, without authentication (bucket policies do not apply to OPTIONS), and
 * refuses one with 403 in exactly two cases, which only the body names. Without the body (a live capture)
 * this is one finding that names both and how to tell them apart.
 */
function undecidedPreflight403(where: string, ctx: RuleContext): ResponseMeaning {
  const bucket = ctx.spec.api.bucket;
  const check = `aws s3api get-bucket-cors --bucket ${shStr(bucket ?? 'YOUR_BUCKET')}`;
  return {
    category: 'cors-rule',
    label: 'refused by the bucket\'s CORS evaluation',
    meaning: `S3 refused the preflight with 403 and no CORS headers. S3 does that in two cases: the bucket has no CORS configuration at all ("CORS is not enabled for this bucket"), or none of its rules allows this origin together with this method and these request headers ("This CORS request is not allowed"). ${readBodyHint(ctx, where)} Or ask the bucket: ${check} fails with NoSuchCORSConfiguration when it has none.`,
    evidence: [`${where}: 403 from S3 with no CORS headers (its body is not in the capture)`],
    generatedBy: 'gateway',
  };
}

function explainS3(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null {
  if (r.status < 400) return null;
  if (r.status === 403 && where.startsWith('preflight') && bodyUnseen(r)) return undecidedPreflight403(where, ctx);
  const body = r.body ?? '';
  const code = s3Code(r);
  const evidence = [`${where} body: ${oneLine(body, 160)}`];
  if (/CORS ?Response:\s*CORS is not enabled for this bucket/i.test(body)) {
    return { category: 'cors-disabled', label: 'CORS not enabled on the bucket', meaning: 'S3 says the bucket has no CORS configuration at all.', evidence, generatedBy: 'gateway' };
  }
  if (/CORS ?Response:\s*This CORS request is not allowed/i.test(body)) {
    return { category: 'cors-rule', label: 'no CORS rule matches', meaning: 'S3 has a CORS configuration, but no single rule allows this origin together with this method and these request headers.', evidence, generatedBy: 'gateway' };
  }
  if (code === 'AccessDenied') return { category: 'auth', label: 'S3 access denied', meaning: 'S3 denied access: bucket policy, ACLs, Block Public Access, or (behind CloudFront) the origin access control setup.', evidence, generatedBy: 'gateway' };
  if (code === 'NoSuchKey' || code === 'NoSuchBucket') return { category: 'not-found', label: code === 'NoSuchKey' ? 'object not found' : 'bucket not found', meaning: `S3 answered ${code}.`, evidence, generatedBy: 'gateway' };
  if (code === 'MethodNotAllowed') return { category: 'method-blocked', label: 'method not allowed by S3', meaning: 'S3 does not allow this method on this resource.', evidence, generatedBy: 'gateway' };
  return { ...genericMeaning(r, where), generatedBy: 'gateway' };
}

export const awsS3: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [s3Console, s3Cli, s3Terraform, s3Cdk],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainS3(r, where, ctx),
  missingCorsHint: (_r, _where, ctx) => (ctx.cdn?.id === 'aws-cloudfront'
    ? 'If the bucket does have a CORS configuration, CloudFront may not be forwarding the Origin header to S3 (put Origin in the cache policy, or use an origin request policy such as Managed-CORS-S3Origin).'
    : null),
  findings: () => [],
};
