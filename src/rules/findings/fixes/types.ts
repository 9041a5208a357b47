/**
 * A fix stack renders remedies for one way of configuring a platform (console, SAM, Terraform …).
 * Findings say *what* must change (a Remedy); stacks say *how*, filled from a CorsSpec.
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';

export type Remedy =
  /** Make the CORS answer allow this request: origin, method, headers, credentials — preflight and response. */
  | 'allow'
  /** Let OPTIONS through without authentication / API keys. */
  | 'preflight-no-auth'
  /** Put CORS headers on error responses (gateway responses, `always`, error handlers). */
  | 'errors'
  /** The backend behind a proxy integration must return the headers itself, error paths included. */
  | 'backend'
  /** Deploy the configuration to the stage that is being called. */
  | 'deploy'
  /** Keep CORS headers in one layer only. */
  | 'single-source'
  /** Put Origin into the CDN cache key. */
  | 'cache-key'
  /** Send Vary: Origin on every response. */
  | 'vary'
  /** Allow the method at the CDN. */
  | 'cdn-methods'
  /** Changes on the page's side. */
  | 'client-credentials'
  | 'client-remove-header'
  | 'client-method-case'
  | 'client-final-url'
  | 'client-crossorigin'
  | 'client-private-api';

export interface FixStack {
  /** Stable id, e.g. "apigw-rest-sam". */
  id: string;
  build(remedy: Remedy, spec: CorsSpec): Fix[];
}

/** Helper for stacks that answer a few remedies with one builder each. */
/**
 * A web server's config stack (nginx, httpd): one block answers preflights and puts the headers on every
 * answer, errors included, so it serves every remedy but "keep one layer", which drops the app's headers.
 */
export function serverConfigStack(id: string, allow: (spec: CorsSpec) => Fix, singleSource: (spec: CorsSpec) => Fix): FixStack {
  return stack(id, { allow, 'preflight-no-auth': allow, errors: allow, backend: allow, vary: allow, 'single-source': singleSource });
}

export function stack(id: string, builders: Partial<Record<Remedy, (spec: CorsSpec) => Fix | Fix[] | null>>): FixStack {
  return {
    id,
    build(remedy, spec) {
      const builder = builders[remedy];
      if (!builder) return [];
      const out = builder(spec);
      if (out === null) return [];
      return Array.isArray(out) ? out : [out];
    },
  };
}
