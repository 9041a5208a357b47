/**
 * Apache httpd configured the ways people write CORS into it, and its traps: `Header set` without
 * `always` (skipped on the errors httpd makes itself, not on the app's), static files whose OPTIONS httpd
 * answers itself (200 and an Allow list, no Access-Control-Allow-Methods), `Header always set` in front of
 * an app that sends its own header (two lines), an app that is down (503), no CORS at all. Each case is one
 * <Location> under /a/; Chromium judges what httpd answers.
 */
import type { Upstreams } from './nginx-cases';
import type { MiddlewareCase } from './servers';

export interface ApacheLab {
  /** Directives of the main server, given httpd's prefix directory (static files). */
  body: (dir: string) => string;
  files: Record<string, string>;
  cases: MiddlewareCase[];
}

export function apacheLab(page: string, upstreams: Upstreams): ApacheLab {
  const cases: MiddlewareCase[] = [];
  const blocks: Array<(dir: string) => string> = [];
  const add = (id: string, config: string, block: (prefix: string, dir: string) => string, extra: Partial<MiddlewareCase> = {}): void => {
    const prefix = `/a/${id}/`;
    blocks.push((dir) => block(prefix, dir));
    cases.push({ id: `apache-${id}`, framework: 'apache', path: `${prefix}r`, config, upstream: upstreams.backend, ...extra });
  };
  const origin = (always: boolean): string => `Header ${always ? 'always ' : ''}set Access-Control-Allow-Origin "${page}"\n  Header ${always ? 'always ' : ''}set Access-Control-Allow-Credentials "true"`;
  const preflight = (prefix: string): string => [
    'RewriteEngine On',
    'RewriteCond %{REQUEST_METHOD} OPTIONS',
    `RewriteRule ^${prefix} - [R=204,L]`,
  ].join('\n');
  const preflightHeaders = `<If "%{REQUEST_METHOD} == 'OPTIONS'">\n    Header always set Access-Control-Allow-Methods "GET, PUT, POST, OPTIONS"\n    Header always set Access-Control-Allow-Headers "Content-Type, Authorization, X-Api-Key"\n  </If>`;
  const location = (prefix: string, ...lines: string[]): string => `<Location "${prefix}">\n  ${lines.join('\n  ')}\n</Location>`;

  add('snippet', 'RewriteRule OPTIONS → 204; Header always set …; ProxyPass', (p) =>
    `${preflight(p)}\n${location(p, origin(true), preflightHeaders)}\nProxyPass ${p} ${upstreams.backend}/`);
  add('require-denied', 'RewriteRule OPTIONS → 204; Header set … (no always); Require all denied (httpd\'s own 403)', (p) =>
    `${preflight(p)}\n${location(p, origin(false), preflightHeaders, 'Require all denied')}`, { upstream: upstreams.unauthorized });
  add('require-denied-always', 'RewriteRule OPTIONS → 204; Header always set …; Require all denied', (p) =>
    `${preflight(p)}\n${location(p, origin(true), preflightHeaders, 'Require all denied')}`, { upstream: upstreams.unauthorized });
  add('app-401', 'Header set … (no always); ProxyPass to an app answering 401', (p) =>
    `${location(p, origin(false))}\nProxyPass ${p} ${upstreams.unauthorized}/`, { upstream: upstreams.unauthorized });
  add('static', 'Alias to a file; Header set ACAO/ACAC (httpd answers OPTIONS itself: 200 + Allow)', (p, dir) =>
    `Alias ${p}r ${dir}/data.json\n${location(p, origin(false))}`);
  add('duplicate', 'Header always set ACAO; ProxyPass to Express + app.use(cors())', (p) =>
    `${location(p, `Header always set Access-Control-Allow-Origin "${page}"`)}\nProxyPass ${p} ${upstreams.corsApp}/`,
  { platforms: ['express'], upstream: upstreams.corsApp });
  add('upstream-down', 'Header set ACAO; ProxyPass to an app that is down (503)', (p) =>
    `${location(p, origin(false))}\nProxyPass ${p} ${upstreams.down}/`, { upstream: upstreams.down });
  add('none', 'ProxyPass only, no Header lines', (p) => `ProxyPass ${p} ${upstreams.backend}/`);

  return {
    body: (dir) => blocks.map((b) => b(dir)).join('\n'),
    files: { 'data.json': '{"ok":true}\n' },
    cases,
  };
}
