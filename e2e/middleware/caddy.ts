/**
 * A real Caddy 2 on loopback with the caller's site block (see web-server.ts): plain HTTP, no admin
 * endpoint (several run side by side) and its HOME and XDG directories in the prefix, so that it writes
 * nothing outside it.
 */
import { startWebServer, type WebServer } from './web-server';

/** The whole Caddyfile around one site block's body. */
export function caddyConfig(port: number, site: string): string {
  return [
    '{',
    '\tadmin off',
    '\tauto_https off',
    // Stopped at the end of a test with keep-alive connections from Chromium still open.
    '\tgrace_period 1s',
    '\tlog default {',
    '\t\toutput discard',
    '\t}',
    '}',
    `http://127.0.0.1:${port} {`,
    site,
    '}',
    '',
  ].join('\n');
}

/** Caddy's directories, all in the prefix. */
export function caddyEnv(dir: string): Record<string, string> {
  return { HOME: dir, XDG_DATA_HOME: `${dir}/data`, XDG_CONFIG_HOME: `${dir}/config` };
}

/** Starts Caddy with `site` as its site block's body; `files` go into the prefix (for file_server). */
export function startCaddy(site: (dir: string) => string, options: { files?: Record<string, string> } = {}): Promise<WebServer> {
  return startWebServer({
    server: 'caddy',
    config: (dir, port) => caddyConfig(port, site(dir)),
    args: (_dir, conf) => ['run', '--config', conf, '--adapter', 'caddyfile'],
    env: caddyEnv,
    ...(options.files ? { files: options.files } : {}),
  });
}
