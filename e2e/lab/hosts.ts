/**
 * Realistic host names for lab scenarios. Real users call `abc.execute-api.us-east-1.amazonaws.com`,
 * `xyz.lambda-url.eu-west-1.on.aws`, `d111.cloudfront.net` …, and host names are one of the signals the
 * rules use to recognise a platform. A scenario may name such a host (`request.host`); the page then
 * calls `http://<host>:<port of the target lab origin>/…` and Chromium resolves the name to 127.0.0.1
 * through `--host-resolver-rules` (hostResolverArg, passed by every launcher of the lab).
 *
 * Only the suffixes below are mapped, so a typo cannot leak a request to the real internet.
 * TLDs that Chromium preloads as HTTPS-only (.app, .dev …: Cloud Run's *.run.app, Google API Gateway's
 * *.gateway.dev) are refused: Chromium would upgrade the request to https, which the lab does not serve.
 */

/** Suffixes mapped to 127.0.0.1 (host names ending in `.<suffix>`). */
export const LAB_HOST_SUFFIXES = [
  'on.aws',         // Lambda function URLs
  'amazonaws.com',  // API Gateway execute-api, S3
  'cloudfront.net', // CloudFront distributions
  'azure-api.net',  // Azure API Management
  'cloud.goog',     // Google Cloud Endpoints (ESP / ESPv2)
] as const;

/** Whole TLDs on Chromium's HSTS preload list that platforms use (both checked with Chromium 156). */
const HSTS_TLDS = ['app', 'dev'];

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The Chromium switch that makes the lab's realistic host names reach the lab servers. */
export function hostResolverArg(): string {
  return `--host-resolver-rules=${LAB_HOST_SUFFIXES.map((s) => `MAP *.${s} 127.0.0.1`).join(', ')}`;
}

/** Problems with a scenario's host name; empty when Chromium will send it to the lab. */
export function hostProblems(host: string): string[] {
  if (!HOST_NAME.test(host)) return [`host ${JSON.stringify(host)} is not a lower-case DNS name`];
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (HSTS_TLDS.includes(tld)) return [`host ${host}: .${tld} is HSTS-preloaded, Chromium would switch to https, which the lab does not serve`];
  if (!LAB_HOST_SUFFIXES.some((s) => host.endsWith(`.${s}`))) return [`host ${host} is not under a suffix mapped to 127.0.0.1 (${LAB_HOST_SUFFIXES.join(', ')})`];
  return [];
}
