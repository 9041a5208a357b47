/**
 * Fix stack for nginx. `add_header` applies only to 2xx/3xx answers unless it says `always`, and a
 * block with any add_header drops the inherited ones (platforms.md §1 Others).
 */
import type { Fix } from '../../../model';
import { pathPrefix, type CorsSpec } from '../spec';
import { nginxStr } from './quote';
import { serverConfigStack } from './types';

function location(s: CorsSpec): string {
  const first = pathPrefix(s);
  return first ? `/${first}/` : '/';
}

function corsLines(s: CorsSpec, indent: string, preflight: boolean): string[] {
  const lines = [`add_header Access-Control-Allow-Origin ${nginxStr(s.origin)} always;`];
  if (s.credentials) lines.push('add_header Access-Control-Allow-Credentials "true" always;');
  if (preflight) {
    lines.push(`add_header Access-Control-Allow-Methods ${nginxStr([...s.methods, 'OPTIONS'].join(', '))} always;`);
    if (s.headers.length > 0) lines.push(`add_header Access-Control-Allow-Headers ${nginxStr(s.headers.join(', '))} always;`);
    lines.push(`add_header Access-Control-Max-Age ${s.maxAge} always;`);
  }
  lines.push('add_header Vary Origin always;');
  return lines.map((l) => `${indent}${l}`);
}

function allow(s: CorsSpec): Fix {
  const multi = s.origins.length > 1
    ? ['# Several origins: a static value allows one. Use a map on $http_origin to choose the value.']
    : [];
  return {
    stack: 'nginx',
    title: 'nginx: answer preflights and add the headers with `always`',
    language: 'nginx',
    snippet: [
      ...multi,
      `location ${location(s)} {`,
      '    # Answered in the rewrite phase, before auth_basic / auth_request run.',
      '    if ($request_method = OPTIONS) {',
      ...corsLines(s, '        ', true),
      '        return 204;',
      '    }',
      '    # `always`: also on 4xx/5xx answers. This block must repeat every add_header it needs:',
      '    # any add_header here drops the ones inherited from server {}.',
      ...corsLines(s, '    ', false),
      '    proxy_pass http://backend;',
      '}',
    ].join('\n'),
  };
}

function singleSource(s: CorsSpec): Fix {
  return {
    stack: 'nginx',
    title: 'nginx: drop the app\'s CORS headers and keep nginx\'s (or the reverse)',
    language: 'nginx',
    snippet: [
      `location ${location(s)} {`,
      '    # The app\'s preflight answers lose their CORS headers below, so nginx answers preflights.',
      '    if ($request_method = OPTIONS) {',
      ...corsLines(s, '        ', true),
      '        return 204;',
      '    }',
      '    proxy_hide_header Access-Control-Allow-Origin;',
      '    proxy_hide_header Access-Control-Allow-Credentials;',
      '    proxy_hide_header Access-Control-Allow-Methods;',
      '    proxy_hide_header Access-Control-Allow-Headers;',
      '    proxy_hide_header Access-Control-Max-Age;',
      ...corsLines(s, '    ', false),
      '    proxy_pass http://backend;',
      '}',
    ].join('\n'),
  };
}

export const nginxStack = serverConfigStack('nginx', allow, singleSource);
