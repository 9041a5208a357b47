/**
 * Fix stacks for S3 bucket CORS. S3 answers CORS only when a rule matches origin, method and
 * headers at once; AllowedMethods takes GET, PUT, POST, DELETE, HEAD only; ACAO and Vary are sent
 * only when a rule matched (platforms.md §1 S3).
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { toJson, type Data } from './emit';
import { hclList } from './hcl';
import { hclStr, jsStr, plain, shStr } from './quote';
import { stack } from './types';

const S3_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

function s3Methods(s: CorsSpec): string[] {
  const wanted = new Set(s.methods.map((m) => m.toUpperCase()));
  if (wanted.has('GET')) wanted.add('HEAD');
  const out = S3_METHODS.filter((m) => wanted.has(m));
  return out.length > 0 ? out : ['GET', 'HEAD'];
}

function rule(s: CorsSpec): Record<string, Data> {
  const out: Record<string, Data> = { AllowedOrigins: s.origins, AllowedMethods: s3Methods(s) };
  if (s.headers.length > 0) out.AllowedHeaders = s.headers;
  out.ExposeHeaders = s.exposeHeaders.length > 0 ? s.exposeHeaders : ['ETag'];
  out.MaxAgeSeconds = s.maxAge;
  return out;
}

const bucket = (s: CorsSpec): string => s.api.bucket ?? 'YOUR_BUCKET';

function consoleJson(s: CorsSpec): Fix {
  return {
    stack: 's3',
    title: 'S3 console → bucket → Permissions → Cross-origin resource sharing (CORS) → Edit',
    language: 'json',
    snippet: toJson([rule(s)]),
  };
}

function cli(s: CorsSpec): Fix {
  return {
    stack: 'shell',
    title: 'AWS CLI: put-bucket-cors (replaces the whole CORS configuration)',
    language: 'shell',
    snippet: [
      `aws s3api get-bucket-cors --bucket ${shStr(bucket(s))}`,
      `aws s3api put-bucket-cors --bucket ${shStr(bucket(s))} --cors-configuration ${shStr(JSON.stringify({ CORSRules: [rule(s)] }))}`,
    ].join('\n'),
  };
}

function terraform(s: CorsSpec): Fix {
  const r = rule(s);
  return {
    stack: 'terraform',
    title: 'Terraform: aws_s3_bucket_cors_configuration',
    language: 'hcl',
    snippet: [
      'resource "aws_s3_bucket_cors_configuration" "this" {',
      `  bucket = ${hclStr(bucket(s))}`,
      '',
      '  cors_rule {',
      `    allowed_origins = ${hclList(s.origins)}`,
      `    allowed_methods = ${hclList(s3Methods(s))}`,
      ...(s.headers.length > 0 ? [`    allowed_headers = ${hclList(s.headers)}`] : []),
      `    expose_headers  = ${hclList((r.ExposeHeaders as string[]))}`,
      `    max_age_seconds = ${s.maxAge}`,
      '  }',
      '}',
    ].join('\n'),
  };
}

function cdk(s: CorsSpec): Fix {
  return {
    stack: 'cdk',
    title: 'CDK: cors on the bucket',
    language: 'typescript',
    snippet: [
      "import * as s3 from 'aws-cdk-lib/aws-s3';",
      '',
      "const bucket = new s3.Bucket(this, 'Bucket', {",
      '  cors: [',
      '    {',
      `      allowedOrigins: [${s.origins.map(jsStr).join(', ')}],`,
      `      allowedMethods: [${s3Methods(s).map((m) => `s3.HttpMethods.${m}`).join(', ')}],`,
      ...(s.headers.length > 0 ? [`      allowedHeaders: [${s.headers.map(jsStr).join(', ')}],`] : []),
      `      maxAge: ${s.maxAge},`,
      '    },',
      '  ],',
      '});',
    ].join('\n'),
  };
}

function vary(): Fix {
  return {
    stack: 's3',
    title: 'S3 sends Vary: Origin only on CORS answers',
    language: 'text',
    snippet: plain([
      'S3 adds Access-Control-Allow-Origin and Vary only when a CORS rule matched, so a copy cached from a request',
      'without Origin (an <img>, a <link>, a navigation) has neither. Options:',
      '- make every request for these objects a CORS request (crossorigin attribute, see the page fix);',
      '- or serve them through CloudFront with Origin in the cache key and a response headers policy.',
    ].join('\n')),
  };
}

export const s3Console = stack('s3-console', { allow: consoleJson, errors: consoleJson, vary });
export const s3Cli = stack('s3-cli', { allow: cli });
export const s3Terraform = stack('s3-terraform', { allow: terraform });
export const s3Cdk = stack('s3-cdk', { allow: cdk });
