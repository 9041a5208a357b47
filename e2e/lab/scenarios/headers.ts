/**
 * Non-safelisted request headers against Access-Control-Allow-Headers: case, wildcards with and without
 * credentials, list syntax, several headers, Authorization, and headers fetch drops.
 */
import type { CredentialsMode } from '../../../src/model';
import type { HeaderLine, Scenario } from '../scenario';
import { ACAC, ACAH, ACAO, APP, showLines, text } from './build';

interface HeaderCase {
  slug: string;
  /** Request headers the page sets. */
  send: readonly HeaderLine[];
  acah: readonly HeaderLine[];
  credentials?: CredentialsMode;
  method?: string;
}

const acah = (value: string): readonly HeaderLine[] => [[ACAH, value]];
const X: readonly HeaderLine[] = [['X-Custom', '1']];

export const HEADER_CASES: readonly HeaderCase[] = [
  { slug: 'listed', send: X, acah: acah('X-Custom') },
  { slug: 'listed-lower', send: X, acah: acah('x-custom') },
  { slug: 'listed-upper', send: X, acah: acah('X-CUSTOM') },
  { slug: 'absent', send: X, acah: [] },
  { slug: 'other-only', send: X, acah: acah('X-Other') },
  { slug: 'in-list', send: X, acah: acah('X-Other, X-Custom') },
  { slug: 'in-list-nospace', send: X, acah: acah('x-other,x-custom') },
  { slug: 'list-empty-item', send: X, acah: acah('x-custom,,x-other') },
  { slug: 'list-leading-comma', send: X, acah: acah(',x-custom') },
  { slug: 'list-trailing-comma', send: X, acah: acah('x-custom,') },
  { slug: 'padded', send: X, acah: acah('   x-custom   ') },
  { slug: 'space-separated', send: X, acah: acah('x-other x-custom') },
  { slug: 'semicolon', send: X, acah: acah('x-custom;') },
  { slug: 'quoted', send: X, acah: acah('"x-custom"') },
  { slug: 'empty', send: X, acah: acah('') },
  { slug: 'two-lines', send: X, acah: [[ACAH, 'x-other'], [ACAH, 'x-custom']] },
  { slug: 'prefix-pattern', send: X, acah: acah('x-*') },
  { slug: 'value-instead-of-name', send: X, acah: acah('1') },
  { slug: 'star', send: X, acah: acah('*') },
  { slug: 'star-credentials', send: X, acah: acah('*'), credentials: 'include' },
  { slug: 'star-and-name-credentials', send: X, acah: acah('*, x-custom'), credentials: 'include' },
  { slug: 'listed-credentials', send: X, acah: acah('x-custom'), credentials: 'include' },
  { slug: 'star-same-origin-credentials', send: X, acah: acah('*'), credentials: 'same-origin' },
  { slug: 'two-headers-first-missing', send: [['X-B', '1'], ['X-A', '1']], acah: acah('x-b') },
  { slug: 'two-headers-second-missing', send: [['X-A', '1'], ['X-B', '1']], acah: acah('x-a') },
  { slug: 'two-headers-none-listed', send: [['X-Zed', '1'], ['X-Alpha', '1']], acah: acah('x-other') },
  { slug: 'two-headers-both-listed', send: [['X-B', '1'], ['X-A', '1']], acah: acah('X-A, X-B') },
  { slug: 'empty-value', send: [['X-Custom', '']], acah: acah('x-custom') },
  { slug: 'authorization-listed', send: [['Authorization', 'Bearer t']], acah: acah('Authorization') },
  { slug: 'authorization-absent', send: [['Authorization', 'Bearer t']], acah: acah('Content-Type') },
  { slug: 'authorization-star', send: [['Authorization', 'Bearer t']], acah: acah('*') },
  { slug: 'authorization-star-credentials', send: [['Authorization', 'Bearer t']], acah: acah('*'), credentials: 'include' },
  { slug: 'authorization-and-star', send: [['Authorization', 'Bearer t']], acah: acah('*, Authorization') },
  { slug: 'json-content-type-listed', send: [['Content-Type', 'application/json']], acah: acah('Content-Type'), method: 'POST' },
  { slug: 'json-content-type-absent', send: [['Content-Type', 'application/json']], acah: [], method: 'POST' },
  { slug: 'acao-as-request-header', send: [['Access-Control-Allow-Origin', '*']], acah: acah('Content-Type') },
  { slug: 'forbidden-headers-dropped', send: [['Cookie', 'a=1'], ['Accept-Encoding', 'br'], ['Referer', 'http://x/']], acah: [] },
  { slug: 'sec-header-dropped', send: [['Sec-Custom', '1'], ['Proxy-Custom', '1']], acah: [] },
  { slug: 'user-agent-header', send: [['User-Agent', 'lab/1.0']], acah: [] },
  // Cache-Control / Pragma: no-cache look like the browser's own when it bypasses its cache, but set by the page they are unsafe headers.
  { slug: 'page-cache-control-absent', send: [['Cache-Control', 'no-cache']], acah: [] },
  { slug: 'page-cache-control-listed', send: [['Cache-Control', 'no-cache']], acah: acah('cache-control') },
  { slug: 'page-cache-control-first-none-listed', send: [['Cache-Control', 'no-cache'], ['X-Api-Key', 'k']], acah: acah('x-other') },
  { slug: 'page-pragma-and-header-listed', send: [['Pragma', 'no-cache'], ['X-Custom', '1']], acah: acah('x-custom') },
];

export const HEADERS: readonly Scenario[] = HEADER_CASES.map((c): Scenario => {
  const credentials = c.credentials ?? 'omit';
  const method = c.method ?? 'GET';
  const allow: HeaderLine[] = credentials === 'include' ? [[ACAO, APP], [ACAC, 'true']] : [[ACAO, APP]];
  return {
    id: `header-${c.slug}`,
    title: `${c.send.map(([n]) => n).join(' + ')} vs ${showLines(c.acah)}`,
    dimension: 'headers',
    description: `A ${method} (credentials "${credentials}") sending ${showLines(c.send)}; the preflight allows the origin and carries ${showLines(c.acah)}.`,
    request: { target: 'api', method, credentials, headers: c.send, ...(method === 'POST' ? { body: '{"a":1}' } : {}) },
    preflight: { status: 204, headers: [...allow, ...c.acah] },
    actual: text(200, allow),
  };
});
