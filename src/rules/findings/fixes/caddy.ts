/**
 * Fix stack for Caddy 2. `header` set at once adds to what the app sends (two Access-Control-Allow-Origin
 * lines); with `defer` it replaces them, but deferred headers never reach the errors Caddy answers itself
 * (502 when the app is down): those get theirs in handle_errors. A `handle` with a path matcher is sorted
 * before one with a named matcher, so the preflight block goes into the block that serves the path
 * (checked in e2e/fixes.spec.ts against Caddy 2.6).
 */
import type { Fix } from '../../../model';
import { pathPrefix, type CorsSpec } from '../spec';
import { caddyStr } from './quote';
import { serverConfigStack } from './types';

function where(s: CorsSpec): string {
  const first = pathPrefix(s);
  return first ? `the \`handle /${first}/*\` block that serves it` : 'the `handle` block that serves the path';
}

function responseHeaders(s: CorsSpec, indent: string): string[] {
  return [
    `Access-Control-Allow-Origin ${caddyStr(s.origin)}`,
    ...(s.credentials ? ['Access-Control-Allow-Credentials "true"'] : []),
    ...(s.exposeHeaders.length > 0 ? [`Access-Control-Expose-Headers ${caddyStr(s.exposeHeaders.join(', '))}`] : []),
  ].map((l) => `${indent}${l}`);
}

function block(s: CorsSpec, note: string[]): string[] {
  const multi = s.origins.length > 1
    ? ['# Several origins: a fixed value allows one. Match each (@allowed header Origin …) and echo {header.Origin} for those only.']
    : [];
  return [
    ...multi,
    `# In the site block (or, if a path \`handle\` serves the API, in ${where(s)}), before reverse_proxy.`,
    '@cors_preflight method OPTIONS',
    ...note,
    'header {',
    ...responseHeaders(s, '\t'),
    '\t+Vary "Origin"',
    '\tdefer',
    '}',
    '# Preflights are answered here, before the app or its authentication sees them.',
    'handle @cors_preflight {',
    '\theader {',
    `\t\tAccess-Control-Allow-Methods ${caddyStr([...s.methods, 'OPTIONS'].join(', '))}`,
    ...(s.headers.length > 0 ? [`\t\tAccess-Control-Allow-Headers ${caddyStr(s.headers.join(', '))}`] : []),
    `\t\tAccess-Control-Max-Age "${s.maxAge}"`,
    '\t}',
    '\trespond 204',
    '}',
    '# In the site block (one per site): deferred headers never reach the errors Caddy answers itself,',
    '# such as the 502 when the app is down.',
    'handle_errors {',
    '\theader {',
    ...responseHeaders(s, '\t\t'),
    '\t\tVary "Origin"',
    '\t}',
    '\trespond "{err.status_code} {err.status_text}"',
    '}',
  ];
}

function allow(s: CorsSpec): Fix {
  return {
    stack: 'caddy',
    title: 'Caddy: answer preflights and set the headers on every answer',
    language: 'caddy',
    snippet: block(s, ['# `defer`: set as the answer leaves, replacing what the app sends (never a second line).']).join('\n'),
  };
}

function singleSource(s: CorsSpec): Fix {
  return {
    stack: 'caddy',
    title: 'Caddy: replace the app\'s CORS headers with Caddy\'s (or drop Caddy\'s)',
    language: 'caddy',
    snippet: block(s, [
      '# `defer`: these replace the app\'s Access-Control-Allow-Origin and -Credentials instead of adding a second',
      '# line; preflights no longer reach the app. (Or remove every CORS header here and keep the app\'s.)',
    ]).join('\n'),
  };
}

export const caddyStack = serverConfigStack('caddy', allow, singleSource);
