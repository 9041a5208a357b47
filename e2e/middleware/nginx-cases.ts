/**
 * nginx configured the ways people write CORS into it, and its traps (platforms.md §1 Others): add_header
 * without `always` skips 4xx/5xx answers, auth that also guards OPTIONS, static files that refuse OPTIONS
 * (405), a nested location whose own add_header drops the inherited ones, nginx and the app both adding
 * Access-Control-Allow-Origin, an upstream that is down (502), an origin allowlist in a `map`. Each case is
 * one location under /n/; what nginx answers is nginx's own business, Chromium judges it.
 */
import type { MiddlewareCase } from './servers';

export interface NginxLab {
  /** The server block's body, given nginx's prefix directory (for static files). */
  server: (dir: string) => string;
  /** http-context directives (the allowlist map). */
  http: string;
  files: Record<string, string>;
  cases: MiddlewareCase[];
}

const always = (on: boolean): string => (on ? ' always' : '');

/** The page's Origin echoed, with credentials: what most nginx CORS snippets on the web do. */
function allowOrigin(on: boolean): string {
  return `add_header Access-Control-Allow-Origin $http_origin${always(on)}; add_header Access-Control-Allow-Credentials "true"${always(on)};`;
}

/** The usual preflight block: answered in the rewrite phase, before auth and content handlers run. */
const PREFLIGHT = [
  'if ($request_method = OPTIONS) {',
  '  add_header Access-Control-Allow-Origin $http_origin;',
  '  add_header Access-Control-Allow-Credentials "true";',
  '  add_header Access-Control-Allow-Methods "GET, PUT, POST, OPTIONS";',
  '  add_header Access-Control-Allow-Headers "Content-Type, Authorization, X-Api-Key";',
  '  return 204;',
  '}',
].join(' ');

/** The apps nginx proxies to: plain (no CORS), auth that refuses everything (401), Express + cors(), down. */
export interface Upstreams {
  backend: string;
  unauthorized: string;
  corsApp: string;
  down: string;
}

export function nginxLab(upstreams: Upstreams): NginxLab {
  const cases: MiddlewareCase[] = [];
  const blocks: Array<(dir: string) => string> = [];
  const add = (id: string, config: string, block: (path: string, dir: string) => string, extra: Partial<MiddlewareCase> = {}): void => {
    const path = `/n/${id}/r`;
    blocks.push((dir) => block(path, dir));
    cases.push({ id: `nginx-${id}`, framework: 'nginx', path, config, upstream: upstreams.backend, ...extra });
  };
  // The token check an auth module or a Lua/njs script would make, failing: a plain 401 (auth_basic's
  // WWW-Authenticate: Basic would make Chromium ask for a password on credentialed requests).
  const auth = 'return 401;';
  const json = 'default_type application/json; return 200 \'{"ok":true}\';';

  add('snippet', 'if (OPTIONS) {add_header …; return 204;} add_header … always; return 200', (p) =>
    `location = ${p} { ${PREFLIGHT} ${allowOrigin(true)} ${json} }`);
  const refused = { upstream: upstreams.unauthorized };
  add('auth-no-always', 'if (OPTIONS) {…return 204;} add_header ACAO $http_origin; auth fails (401)', (p) =>
    `location = ${p} { ${PREFLIGHT} ${allowOrigin(false)} ${auth} }`, refused);
  add('auth-always', 'if (OPTIONS) {…return 204;} add_header ACAO $http_origin always; auth fails (401)', (p) =>
    `location = ${p} { ${PREFLIGHT} ${allowOrigin(true)} ${auth} }`, refused);
  add('auth-on-options', 'add_header ACAO/ACAM/ACAH … always; auth fails (401), OPTIONS included', (p) =>
    `location = ${p} { ${allowOrigin(true)} add_header Access-Control-Allow-Methods "GET, PUT, POST" always; add_header Access-Control-Allow-Headers "Content-Type, Authorization, X-Api-Key" always; ${auth} }`, refused);
  add('static', 'alias data.json; add_header ACAO $http_origin (static files refuse OPTIONS: 405)', (p, dir) =>
    `location = ${p} { ${allowOrigin(false)} add_header Access-Control-Allow-Headers "Content-Type, Authorization, X-Api-Key"; default_type application/json; alias ${dir}/data.json; }`);
  add('nested', 'location /n/nested/ { add_header ACAO … always; location …/r { add_header Cache-Control no-store; proxy_pass } }', (p) =>
    `location /n/nested/ { ${allowOrigin(true)} location = ${p} { add_header Cache-Control "no-store"; proxy_pass ${upstreams.backend}; } }`);
  add('duplicate', 'if (OPTIONS) {…} add_header ACAO $http_origin always; proxy_pass to Express + app.use(cors())', (p) =>
    `location = ${p} { ${PREFLIGHT} add_header Access-Control-Allow-Origin $http_origin always; proxy_pass ${upstreams.corsApp}; }`,
  { platforms: ['express'], upstream: upstreams.corsApp });
  add('upstream-down', 'add_header ACAO $http_origin; proxy_pass to an app that is down (502)', (p) =>
    `location = ${p} { ${allowOrigin(false)} proxy_pass ${upstreams.down}; }`,
  { upstream: upstreams.down });
  add('allowlist', 'map $http_origin $cors_origin { default ""; ~example.com$ $http_origin; } add_header ACAO $cors_origin always', (p) =>
    `location = ${p} { add_header Access-Control-Allow-Origin $cors_origin always; ${json} }`);

  return {
    server: (dir) => blocks.map((b) => `    ${b(dir)}`).join('\n'),
    http: '  map $http_origin $cors_origin { default ""; "~^https://([a-z0-9-]+\\.)?example\\.com$" $http_origin; }',
    files: { 'data.json': '{"ok":true}\n' },
    cases,
  };
}
