/** The nginx.conf the tests run nginx with: one server block on loopback, everything in one prefix directory. */
import { join } from 'node:path';

/** The whole config around one server block; `http` holds directives for the http context (map, upstream). */
export function nginxConfig(dir: string, port: number, server: string, http = ''): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`).join('\n');
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    'error_log stderr crit;',
    'events { worker_connections 64; }',
    'http {',
    '  access_log off;',
    temp,
    http,
    '  server {',
    `    listen 127.0.0.1:${port};`,
    server,
    '  }',
    '}',
    '',
  ].join('\n');
}
