/**
 * Caddy 2 configured the ways people write CORS into a Caddyfile, and its traps: `header` set at once next
 * to an app that sends its own Access-Control-Allow-Origin (two lines), `header … { defer }` that errors
 * Caddy answers itself skip (502 when the app is down), a preflight answered but not the request, the
 * request but not the preflight, a wildcard with credentials, static files (file_server answers OPTIONS
 * like GET), an origin allow-list matcher. Each case is one `handle` under /c/; Chromium judges what
 * Caddy answers.
 */
import type { Upstreams } from './nginx-cases';
import type { MiddlewareCase } from './servers';

export interface CaddyLab {
  /** The site block's body, given Caddy's prefix directory (for static files). */
  site: (dir: string) => string;
  files: Record<string, string>;
  cases: MiddlewareCase[];
}

/** The usual preflight block of Caddy CORS snippets: OPTIONS answered with 204 before anything else. */
function preflight(id: string, origin: string): string {
  return [
    `@preflight_${id} method OPTIONS`,
    `handle @preflight_${id} {`,
    `header Access-Control-Allow-Origin "${origin}"`,
    'header Access-Control-Allow-Credentials "true"',
    'header Access-Control-Allow-Methods "GET, PUT, POST, OPTIONS"',
    'header Access-Control-Allow-Headers "Content-Type, Authorization, X-Api-Key"',
    'respond 204',
    '}',
  ].join('\n');
}

export function caddyLab(page: string, upstreams: Upstreams): CaddyLab {
  const cases: MiddlewareCase[] = [];
  const blocks: Array<(dir: string) => string> = [];
  const add = (id: string, config: string, body: (dir: string) => string, extra: Partial<MiddlewareCase> = {}): void => {
    blocks.push((dir) => `handle /c/${id}/* {\n${body(dir)}\n}`);
    cases.push({ id: `caddy-${id}`, framework: 'caddy', path: `/c/${id}/r`, config, upstream: upstreams.backend, ...extra });
  };
  const proxy = (to: string): string => `reverse_proxy ${new URL(to).host}`;
  const allow = `header Access-Control-Allow-Origin "${page}"\nheader Access-Control-Allow-Credentials "true"`;
  const deferred = `header {\nAccess-Control-Allow-Origin "${page}"\nAccess-Control-Allow-Credentials "true"\ndefer\n}`;
  const corsApp = { platforms: ['express'], upstream: upstreams.corsApp };

  add('header-dup', 'header Access-Control-Allow-Origin page; reverse_proxy to Express + app.use(cors())', () =>
    `${allow}\n${proxy(upstreams.corsApp)}`, corsApp);
  add('defer-app', 'header { Access-Control-Allow-Origin page … defer }; reverse_proxy to Express + app.use(cors())', () =>
    `${deferred}\n${proxy(upstreams.corsApp)}`, corsApp);
  add('preflight-only', '@preflight method OPTIONS; handle @preflight {header …; respond 204}; reverse_proxy (no header on the rest)', () =>
    `${preflight('preflight_only', page)}\n${proxy(upstreams.backend)}`);
  add('no-preflight', 'header Access-Control-Allow-Origin page; reverse_proxy (OPTIONS goes to the app)', () =>
    `${allow}\n${proxy(upstreams.backend)}`);
  add('defer-down', 'header { … defer }; @preflight … respond 204; reverse_proxy to an app that is down (502)', () =>
    `${deferred}\n${preflight('defer_down', page)}\n${proxy(upstreams.down)}`, { upstream: upstreams.down });
  add('auth-app', 'header { … defer }; @preflight … respond 204; reverse_proxy to an app whose auth refuses (401)', () =>
    `${deferred}\n${preflight('auth_app', page)}\n${proxy(upstreams.unauthorized)}`, { upstream: upstreams.unauthorized });
  add('wildcard-credentials', 'header { Access-Control-Allow-Origin *; …-Credentials true; …-Methods *; …-Headers * }; respond', () =>
    'header {\nAccess-Control-Allow-Origin "*"\nAccess-Control-Allow-Credentials "true"\nAccess-Control-Allow-Methods "*"\nAccess-Control-Allow-Headers "*"\n}\nrespond `{"ok":true}` 200');
  add('static', 'header Access-Control-Allow-Origin page; file_server (OPTIONS is answered like GET)', (dir) =>
    `${allow}\nroot * ${dir}\nrewrite * /data.json\nfile_server`);
  add('allowlist', '@allowed header Origin https://app.example.com; header @allowed Access-Control-Allow-Origin {header.Origin}', () =>
    '@allowed header Origin https://app.example.com\nheader @allowed Access-Control-Allow-Origin {header.Origin}\nheader @allowed Vary Origin\nrespond `{"ok":true}` 200');

  return {
    site: (dir) => blocks.map((b) => b(dir)).join('\n'),
    files: { 'data.json': '{"ok":true}\n' },
    cases,
  };
}
