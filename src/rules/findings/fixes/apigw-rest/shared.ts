/** Values shared by the API Gateway REST fix stacks. */
import type { CorsSpec } from '../../spec';
import { apigwStatic } from '../quote';

export const apiId = (s: CorsSpec): string => s.api.restApiId ?? 'YOUR_API_ID';
export const stage = (s: CorsSpec): string => s.api.stage ?? 'YOUR_STAGE';
export const methodsWithOptions = (s: CorsSpec): string[] => [...s.methods, 'OPTIONS'];
export const list = (items: readonly string[]): string => items.join(',');

/** The Access-Control-* headers an OPTIONS answer needs, as header name → value. */
export function preflightHeaders(s: CorsSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['Access-Control-Allow-Origin', s.origin],
    ['Access-Control-Allow-Methods', list(methodsWithOptions(s))],
  ];
  if (s.headers.length > 0) out.push(['Access-Control-Allow-Headers', list(s.headers)]);
  if (s.credentials) out.push(['Access-Control-Allow-Credentials', 'true']);
  out.push(['Access-Control-Max-Age', String(s.maxAge)]);
  return out;
}

/** Headers an actual or error response needs. */
export function responseHeaders(s: CorsSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [['Access-Control-Allow-Origin', s.origin]];
  if (s.credentials) out.push(['Access-Control-Allow-Credentials', 'true']);
  return out;
}

export function mapping(prefix: string, headers: Array<[string, string]>): Record<string, string> {
  return Object.fromEntries(headers.map(([k, v]) => [`${prefix}${k}`, apigwStatic(v)]));
}

export const MULTI_ORIGIN_NOTE = (s: CorsSpec): string[] =>
  s.origins.length > 1
    ? [`A static value allows one origin. To serve ${s.origins.length} origins, return the matching one from your backend (see the handler fix).`]
    : [];
