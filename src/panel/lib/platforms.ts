/** Short names of platforms for badges and the platform filter (the rules give the long name). */
import type { PlatformId, PlatformMatch } from '../../model';

export const PLATFORM_SHORT: Record<PlatformId, string> = {
  'aws-apigateway-rest': 'API GW REST',
  'aws-apigateway-http': 'API GW HTTP',
  'aws-lambda-url': 'Lambda URL',
  'aws-cloudfront': 'CloudFront',
  'aws-s3': 'S3',
  'azure-apim': 'Azure APIM',
  'gcp-api-gateway': 'GCP API GW',
  'gcp-cloud-run': 'Cloud Run',
  nginx: 'nginx',
  apache: 'Apache',
  caddy: 'Caddy',
  express: 'Express',
  fastify: 'Fastify',
  koa: 'Koa',
  fastapi: 'FastAPI',
  flask: 'Flask',
  django: 'Django',
  go: 'Go',
  rack: 'Rack',
  php: 'PHP',
  tomcat: 'Tomcat',
  jetty: 'Jetty',
  spring: 'Spring',
  unknown: 'Unknown',
};

/** Options of the platform filter, in the order a user scans them (AWS first: the product's focus). */
export const PLATFORM_FILTER_OPTIONS: { value: string; label: string }[] = [
  { value: 'all', label: 'All platforms' },
  { value: 'aws-apigateway-rest', label: 'API Gateway REST' },
  { value: 'aws-apigateway-http', label: 'API Gateway HTTP' },
  { value: 'aws-lambda-url', label: 'Lambda function URL' },
  { value: 'aws-cloudfront', label: 'CloudFront' },
  { value: 'aws-s3', label: 'S3' },
  { value: 'azure-apim', label: 'Azure API Management' },
  { value: 'gcp-api-gateway', label: 'Google API Gateway' },
  { value: 'gcp-cloud-run', label: 'Cloud Run' },
  { value: 'nginx', label: 'nginx' },
  { value: 'apache', label: 'Apache httpd' },
  { value: 'caddy', label: 'Caddy' },
  { value: 'express', label: 'Express' },
  { value: 'fastify', label: 'Fastify' },
  { value: 'koa', label: 'Koa' },
  { value: 'fastapi', label: 'FastAPI / Starlette' },
  { value: 'flask', label: 'Flask' },
  { value: 'django', label: 'Django' },
  { value: 'go', label: 'Go (net/http)' },
  { value: 'rack', label: 'Ruby (Rack / Rails)' },
  { value: 'php', label: 'PHP (Laravel …)' },
  { value: 'tomcat', label: 'Apache Tomcat (Java servlets)' },
  { value: 'jetty', label: 'Eclipse Jetty (Java servlets)' },
  { value: 'spring', label: 'Spring' },
  { value: 'unknown', label: 'Unknown platform' },
];

export function platformShort(p: PlatformMatch): string {
  return (PLATFORM_SHORT as Record<string, string | undefined>)[p.id] ?? p.name;
}

/** "likely" below this confidence: one weak signal only. */
export const CONFIDENT = 0.6;
