/**
 * Request methods against Access-Control-Allow-Methods: case, wildcards with and without credentials,
 * custom methods, and the token-list syntax of the header.
 */
import type { CredentialsMode } from '../../../src/model';
import type { HeaderLine, Scenario } from '../scenario';
import { ACAC, ACAM, ACAO, APP, showLines, text } from './build';

interface MethodCase {
  slug: string;
  method: string;
  acam: readonly HeaderLine[];
  credentials?: CredentialsMode;
}

const acam = (value: string): readonly HeaderLine[] => [[ACAM, value]];

export const METHOD_CASES: readonly MethodCase[] = [
  // Which methods need listing at all.
  { slug: 'get-none', method: 'GET', acam: [] },
  { slug: 'get-lowercase-none', method: 'get', acam: [] },
  { slug: 'head-none', method: 'HEAD', acam: [] },
  { slug: 'post-none', method: 'POST', acam: [] },
  { slug: 'put-none', method: 'PUT', acam: [] },
  { slug: 'delete-none', method: 'DELETE', acam: [] },
  { slug: 'options-none', method: 'OPTIONS', acam: [] },
  { slug: 'options-listed', method: 'OPTIONS', acam: acam('OPTIONS') },
  // Listing and case.
  { slug: 'put-listed', method: 'PUT', acam: acam('PUT') },
  { slug: 'put-acam-lower', method: 'PUT', acam: acam('put') },
  { slug: 'put-request-lower', method: 'put', acam: acam('PUT') },
  { slug: 'put-request-lower-acam-lower', method: 'put', acam: acam('put') },
  { slug: 'delete-request-lower-acam-lower', method: 'delete', acam: acam('delete') },
  { slug: 'patch-listed', method: 'PATCH', acam: acam('PATCH') },
  { slug: 'patch-request-lower', method: 'patch', acam: acam('PATCH') },
  { slug: 'patch-both-lower', method: 'patch', acam: acam('patch') },
  { slug: 'patch-acam-lower', method: 'PATCH', acam: acam('patch') },
  { slug: 'patch-mixed-case', method: 'Patch', acam: acam('PATCH, patch') },
  { slug: 'custom-listed', method: 'FOO', acam: acam('FOO') },
  { slug: 'custom-acam-lower', method: 'FOO', acam: acam('foo') },
  { slug: 'custom-hyphen', method: 'M-SEARCH', acam: acam('M-SEARCH') },
  { slug: 'custom-not-listed', method: 'PURGE', acam: acam('GET, POST, PUT, DELETE') },
  { slug: 'delete-not-listed', method: 'DELETE', acam: acam('GET, POST, PUT') },
  { slug: 'put-only-get-listed', method: 'PUT', acam: acam('GET') },
  // Lists and syntax.
  { slug: 'put-in-list', method: 'PUT', acam: acam('GET, POST, PUT') },
  { slug: 'put-in-list-nospace', method: 'PUT', acam: acam('GET,POST,PUT') },
  { slug: 'put-list-empty-item', method: 'PUT', acam: acam('GET,,PUT') },
  { slug: 'put-list-trailing-comma', method: 'PUT', acam: acam('PUT,') },
  { slug: 'put-list-leading-comma', method: 'PUT', acam: acam(',PUT') },
  { slug: 'put-padded', method: 'PUT', acam: acam('  PUT  ') },
  { slug: 'put-space-separated', method: 'PUT', acam: acam('GET PUT') },
  { slug: 'put-semicolon', method: 'PUT', acam: acam('PUT;') },
  { slug: 'put-quoted', method: 'PUT', acam: acam('"PUT"') },
  { slug: 'put-slash', method: 'PUT', acam: acam('PUT/1') },
  { slug: 'put-empty', method: 'PUT', acam: acam('') },
  { slug: 'put-two-lines', method: 'PUT', acam: [[ACAM, 'GET'], [ACAM, 'PUT']] },
  { slug: 'put-invalid-item-unneeded', method: 'GET', acam: acam('GET PUT') },
  { slug: 'get-invalid-list-preflighted', method: 'GET', acam: acam('GET;') },
  // Wildcards.
  { slug: 'put-star', method: 'PUT', acam: acam('*') },
  { slug: 'custom-star', method: 'FOO', acam: acam('*') },
  { slug: 'put-star-credentials', method: 'PUT', acam: acam('*'), credentials: 'include' },
  { slug: 'put-star-and-put-credentials', method: 'PUT', acam: acam('*, PUT'), credentials: 'include' },
  { slug: 'put-listed-credentials', method: 'PUT', acam: acam('PUT'), credentials: 'include' },
  { slug: 'put-star-same-origin-credentials', method: 'PUT', acam: acam('*'), credentials: 'same-origin' },
];

export const METHODS: readonly Scenario[] = METHOD_CASES.map((c): Scenario => {
  const credentials = c.credentials ?? 'omit';
  const allow: HeaderLine[] = credentials === 'include' ? [[ACAO, APP], [ACAC, 'true']] : [[ACAO, APP]];
  // GET invalid-list case: an X-Custom header forces a preflight so Chromium parses Allow-Methods.
  const forced = c.slug === 'get-invalid-list-preflighted';
  const bodyless = ['GET', 'HEAD'].includes(c.method.toUpperCase());
  return {
    id: `method-${c.slug}`,
    title: `${c.method} vs ${showLines(c.acam)}`,
    dimension: 'methods',
    description: `A ${JSON.stringify(c.method)} request${forced ? ' with an X-Custom header' : ''} (credentials "${credentials}"); the preflight allows the origin and carries ${showLines(c.acam)}${forced ? ' and Access-Control-Allow-Headers: x-custom' : ''}.`,
    request: {
      target: 'api', method: c.method, credentials,
      ...(bodyless ? {} : { body: 'x' }),
      ...(forced ? { headers: [['X-Custom', '1']] } : {}),
    },
    preflight: { status: 204, headers: [...allow, ...c.acam, ...(forced ? [['Access-Control-Allow-Headers', 'x-custom'] as const] : [])] },
    actual: text(200, allow),
  };
});
