/**
 * Fix stack for Apache httpd (mod_headers, mod_rewrite). `Header set` skips the errors httpd makes itself
 * (401/403 from auth and Require, 404, 405, 503 from mod_proxy) unless it says `always`; `Header always
 * set` does not replace a header the app behind ProxyPass sent, it adds a second one (checked against a
 * real httpd 2.4 in e2e/middleware/apache-cases.ts).
 */
import type { Fix } from '../../../model';
import { pathPrefix, type CorsSpec } from '../spec';
import { apacheStr } from './quote';
import { serverConfigStack } from './types';

/** The URL prefix the rules apply to: the request path's first segment. */
function prefix(s: CorsSpec): string {
  const first = pathPrefix(s);
  return first ? `/${first}/` : '/';
}

function headerLines(s: CorsSpec, indent: string): string[] {
  const lines = [`Header always set Access-Control-Allow-Origin ${apacheStr(s.origin)}`];
  if (s.credentials) lines.push('Header always set Access-Control-Allow-Credentials "true"');
  lines.push('Header always merge Vary "Origin"');
  return lines.map((l) => `${indent}${l}`);
}

function preflightLines(s: CorsSpec, indent: string): string[] {
  const lines = [`Header always set Access-Control-Allow-Methods ${apacheStr([...s.methods, 'OPTIONS'].join(', '))}`];
  if (s.headers.length > 0) lines.push(`Header always set Access-Control-Allow-Headers ${apacheStr(s.headers.join(', '))}`);
  lines.push(`Header always set Access-Control-Max-Age "${s.maxAge}"`);
  return lines.map((l) => `${indent}${l}`);
}

function snippet(s: CorsSpec, unsetApp: boolean): string {
  const at = prefix(s);
  const rule = at === '/' ? '^/' : `^${at.replace(/[.]/g, '\\.')}`;
  const multi = s.origins.length > 1
    ? ['# Several origins: a fixed value allows one. Set it from an <If "%{HTTP:Origin} in {…}"> per origin instead.']
    : [];
  return [
    '# In the <VirtualHost> that serves the API; needs mod_headers and mod_rewrite (a2enmod headers rewrite).',
    ...multi,
    '# Preflights: httpd answers them itself, before any auth or the app.',
    'RewriteEngine On',
    'RewriteCond %{REQUEST_METHOD} OPTIONS',
    `RewriteRule ${rule} - [R=204,L]`,
    `<Location "${at}">`,
    ...(unsetApp
      ? [
        '    # The app behind the proxy sends its own: `always set` would add a second line, so drop them.',
        '    Header unset Access-Control-Allow-Origin',
        '    Header unset Access-Control-Allow-Credentials',
        '    Header unset Access-Control-Allow-Methods',
        '    Header unset Access-Control-Allow-Headers',
      ]
      : []),
    '    # `always`: also on the errors httpd makes itself (401/403 from auth, 404, 503 from mod_proxy).',
    ...headerLines(s, '    '),
    `    <If "%{REQUEST_METHOD} == 'OPTIONS'">`,
    ...preflightLines(s, '        '),
    '    </If>',
    '</Location>',
  ].join('\n');
}

function allow(s: CorsSpec): Fix {
  return { stack: 'apache', title: 'Apache httpd: answer preflights and add the headers with `Header always`', language: 'apache', snippet: snippet(s, false) };
}

function singleSource(s: CorsSpec): Fix {
  return { stack: 'apache', title: 'Apache httpd: drop the app\'s CORS headers and set them once', language: 'apache', snippet: snippet(s, true) };
}

export const apacheStack = serverConfigStack('apache', allow, singleSource);
