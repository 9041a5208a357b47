/**
 * The platform registry. Adding a platform: write its module file and add it to PLATFORMS —
 * nothing else changes. Order breaks confidence ties (more specific first).
 */
import type { Exchange, PlatformMatch, Verdict } from '../../model';
import { apache } from './apache';
import { awsApiGatewayHttp } from './aws-apigateway-http';
import { awsApiGatewayRest } from './aws-apigateway-rest';
import { awsCloudFront } from './aws-cloudfront';
import { awsLambdaUrl } from './aws-lambda-url';
import { awsS3 } from './aws-s3';
import { azureApim } from './azure-apim';
import { caddy } from './caddy';
import { django } from './django';
import { express } from './express';
import { fastapi } from './fastapi';
import { fastify } from './fastify';
import { flask } from './flask';
import { gcpApiGateway } from './gcp-api-gateway';
import { go } from './go';
import { gcpCloudRun } from './gcp-cloud-run';
import { koa } from './koa';
import { nginx } from './nginx';
import { php } from './php';
import { rack } from './rack';
import { tomcat } from './tomcat';
import { jetty } from './jetty';
import { spring } from './spring';
import { signalInput, type SignalInput } from './signals';
import type { PlatformModule } from './types';
import { unknownPlatform } from './unknown';

export type { PlatformModule } from './types';

export const PLATFORMS: readonly PlatformModule[] = [
  awsApiGatewayRest,
  awsApiGatewayHttp,
  awsLambdaUrl,
  awsS3,
  azureApim,
  gcpApiGateway,
  gcpCloudRun,
  spring,
  express,
  fastify,
  koa,
  fastapi,
  flask,
  django,
  rack,
  go,
  php,
  tomcat,
  jetty,
  nginx,
  apache,
  caddy,
  awsCloudFront,
];

export const UNKNOWN_PLATFORM: PlatformModule = unknownPlatform;

export interface Detection {
  platform: PlatformMatch;
  module: PlatformModule;
  cdn?: PlatformMatch;
  cdnModule?: PlatformModule;
}

export function platformModule(id: PlatformMatch['id']): PlatformModule {
  return PLATFORMS.find((p) => p.id === id) ?? UNKNOWN_PLATFORM;
}

/** The platform that answered (origin) and any CDN in front of it; a CDN alone is reported as the platform. */
export function detectPlatforms(exchange: Exchange, verdict: Verdict, input: SignalInput = signalInput(exchange)): Detection {
  const hits = PLATFORMS
    .map((module, order) => ({ module, order, match: module.detect(exchange, verdict, input) }))
    .filter((h): h is { module: PlatformModule; order: number; match: PlatformMatch } => h.match !== null)
    .sort((a, b) => b.match.confidence - a.match.confidence || a.order - b.order);
  const origin = hits.find((h) => h.module.role === 'origin') ?? hits.find((h) => h.module.role === 'proxy');
  const cdn = hits.find((h) => h.module.role === 'cdn') ?? hits.find((h) => h.module.role === 'proxy' && h !== origin);
  if (origin) return { platform: origin.match, module: origin.module, cdn: cdn?.match, cdnModule: cdn?.module };
  if (cdn) return { platform: cdn.match, module: cdn.module };
  const fallback = UNKNOWN_PLATFORM.detect(exchange, verdict) ?? { id: 'unknown', name: UNKNOWN_PLATFORM.name, confidence: 0, evidence: [] };
  return { platform: fallback, module: UNKNOWN_PLATFORM };
}
