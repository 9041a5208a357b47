/**
 * Fix stacks for CloudFront: response headers policies (CORS at the edge), the cache key (Origin
 * must be in it for CORS variants to be cached apart), allowed methods, and one CORS source.
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { toJson, type Data } from './emit';
import { hclList } from './hcl';
import { jsStr, plain, shStr } from './quote';
import { stack } from './types';

const CF_METHODS = new Set(['GET', 'POST', 'OPTIONS', 'PUT', 'DELETE', 'PATCH', 'HEAD']);

function cfMethods(s: CorsSpec): string[] {
  const upper = [...new Set([...s.methods, 'OPTIONS'].map((m) => m.toUpperCase()))];
  return upper.every((m) => CF_METHODS.has(m)) ? upper : ['ALL'];
}

const items = (values: readonly string[]): Data => ({ Quantity: values.length, Items: values });

function policyConfig(s: CorsSpec): Record<string, Data> {
  const cors: Record<string, Data> = {
    AccessControlAllowOrigins: items(s.origins),
    AccessControlAllowHeaders: items(s.headers.length > 0 ? s.headers : ['Content-Type']),
    AccessControlAllowMethods: items(cfMethods(s)),
    AccessControlAllowCredentials: s.credentials,
    AccessControlMaxAgeSec: s.maxAge,
    OriginOverride: true,
  };
  if (s.exposeHeaders.length > 0) cors.AccessControlExposeHeaders = items(s.exposeHeaders);
  return { Name: 'cors-lens-fix', Comment: 'CORS for the page origin', CorsConfig: cors };
}

function consoleAllow(s: CorsSpec): Fix {
  return {
    stack: 'console',
    title: 'CloudFront: add CORS headers with a response headers policy (console)',
    language: 'text',
    snippet: plain([
      '1. CloudFront console → Policies → Response headers → Create response headers policy.',
      `2. CORS: on. Allow origins: ${s.origins.join(', ')}. Allow methods: ${cfMethods(s).join(', ')}.`,
      `3. Allow headers: ${(s.headers.length > 0 ? s.headers : ['Content-Type']).join(', ')}. Allow credentials: ${s.credentials ? 'on' : 'off'}. Max age: ${s.maxAge}.`,
      '4. Origin override: on (OriginOverride: true) — CloudFront replaces CORS headers from the origin instead of sending two copies.',
      '5. Distributions → your distribution → Behaviors → the behavior for this path → Edit → Response headers policy → the new policy.',
      '6. The behavior must allow OPTIONS (Allowed HTTP methods: GET, HEAD, OPTIONS or all methods).',
    ].join('\n')),
  };
}

function cliAllow(s: CorsSpec): Fix {
  return {
    stack: 'cloudfront',
    title: 'CloudFront response headers policy (aws cloudfront create-response-headers-policy --response-headers-policy-config file://policy.json)',
    language: 'json',
    snippet: toJson(policyConfig(s)),
  };
}

function terraformAllow(s: CorsSpec): Fix {
  return {
    stack: 'terraform',
    title: 'Terraform: aws_cloudfront_response_headers_policy',
    language: 'hcl',
    snippet: [
      'resource "aws_cloudfront_response_headers_policy" "cors" {',
      '  name = "cors-lens-fix"',
      '',
      '  cors_config {',
      `    access_control_allow_credentials = ${s.credentials ? 'true' : 'false'}`,
      `    access_control_max_age_sec       = ${s.maxAge}`,
      '    origin_override                  = true',
      '',
      '    access_control_allow_origins {',
      `      items = ${hclList(s.origins)}`,
      '    }',
      '    access_control_allow_methods {',
      `      items = ${hclList(cfMethods(s))}`,
      '    }',
      '    access_control_allow_headers {',
      `      items = ${hclList(s.headers.length > 0 ? s.headers : ['Content-Type'])}`,
      '    }',
      '  }',
      '}',
      '',
      '# In the cache behavior: response_headers_policy_id = aws_cloudfront_response_headers_policy.cors.id',
    ].join('\n'),
  };
}

function cdkAllow(s: CorsSpec): Fix {
  return {
    stack: 'cdk',
    title: 'CDK: ResponseHeadersPolicy with corsBehavior',
    language: 'typescript',
    snippet: [
      "import { Duration } from 'aws-cdk-lib';",
      "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
      '',
      "const corsPolicy = new cloudfront.ResponseHeadersPolicy(this, 'Cors', {",
      '  corsBehavior: {',
      `    accessControlAllowOrigins: [${s.origins.map(jsStr).join(', ')}],`,
      `    accessControlAllowMethods: [${cfMethods(s).map(jsStr).join(', ')}],`,
      `    accessControlAllowHeaders: [${(s.headers.length > 0 ? s.headers : ['Content-Type']).map(jsStr).join(', ')}],`,
      `    accessControlAllowCredentials: ${s.credentials ? 'true' : 'false'},`,
      `    accessControlMaxAge: Duration.seconds(${s.maxAge}),`,
      '    originOverride: true,',
      '  },',
      '});',
    ].join('\n'),
  };
}

function cacheKey(): Fix[] {
  return [
    {
      stack: 'console',
      title: 'CloudFront: put Origin in the cache key, then invalidate',
      language: 'text',
      snippet: plain([
        '1. Policies → Cache → Create cache policy: Headers = include the following headers: Origin',
        '   (add Access-Control-Request-Method and Access-Control-Request-Headers if this behavior caches OPTIONS).',
        '2. Behaviors → the behavior for this path → Edit → Cache policy → the new policy. Headers in the cache key are also forwarded,',
        '   so the origin sees Origin and answers with CORS headers. (An origin request policy alone forwards Origin but does not',
        '   split the cache, so one origin\'s answer can still be served to another.)',
        '3. Invalidate the poisoned copies (command below).',
      ].join('\n')),
    },
    {
      stack: 'terraform',
      title: 'Terraform: a cache policy keyed on Origin',
      language: 'hcl',
      snippet: [
        'resource "aws_cloudfront_cache_policy" "cors_aware" {',
        '  name        = "cors-aware"',
        '  min_ttl     = 0',
        '  default_ttl = 86400',
        '  max_ttl     = 31536000',
        '',
        '  parameters_in_cache_key_and_forwarded_to_origin {',
        '    cookies_config {',
        '      cookie_behavior = "none"',
        '    }',
        '    headers_config {',
        '      header_behavior = "whitelist"',
        '      headers {',
        '        items = ["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"]',
        '      }',
        '    }',
        '    query_strings_config {',
        '      query_string_behavior = "none"',
        '    }',
        '  }',
        '}',
        '',
        '# In the cache behavior: cache_policy_id = aws_cloudfront_cache_policy.cors_aware.id',
      ].join('\n'),
    },
    {
      stack: 'shell',
      title: 'Invalidate the cached copies made without CORS headers',
      language: 'shell',
      snippet: `aws cloudfront create-invalidation --distribution-id YOUR_DISTRIBUTION_ID --paths ${shStr('/*')}`,
    },
  ];
}

function methods(): Fix[] {
  return [
    {
      stack: 'console',
      title: 'CloudFront: allow the method on the behavior',
      language: 'text',
      snippet: plain([
        'Distributions → your distribution → Behaviors → the behavior for this path → Edit →',
        'Allowed HTTP methods: "GET, HEAD, OPTIONS" for reads, or "GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE" for an API.',
        'CloudFront answers other methods itself with 403 and no CORS headers.',
      ].join('\n')),
    },
    {
      stack: 'terraform',
      title: 'Terraform: allowed_methods on the cache behavior',
      language: 'hcl',
      snippet: [
        'resource "aws_cloudfront_distribution" "this" {',
        '  # ...',
        '  default_cache_behavior {',
        '    allowed_methods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]',
        '    cached_methods  = ["GET", "HEAD"]',
        '    # ...',
        '  }',
        '}',
      ].join('\n'),
    },
  ];
}

function singleSource(): Fix {
  return {
    stack: 'console',
    title: 'CloudFront: let the response headers policy override the origin',
    language: 'text',
    snippet: plain([
      'A response headers policy with "Origin override" off adds its CORS headers next to the ones from the origin.',
      'Either turn Origin override on (OriginOverride: true / origin_override = true; CloudFront\'s values win) or remove the CORS part of the policy and let the origin answer.',
    ].join('\n')),
  };
}

export const cloudfrontStack = stack('cloudfront', {
  allow: (s) => [consoleAllow(s), cliAllow(s), terraformAllow(s), cdkAllow(s)],
  'cache-key': cacheKey,
  'cdn-methods': methods,
  'single-source': singleSource,
});
