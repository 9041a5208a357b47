/** The httpd.conf the tests run Apache httpd with: one server on loopback, everything in one prefix directory. */
import { join } from 'node:path';

/** Debian's module directory; APACHE_MODULES for other layouts. */
const MODULES = process.env.APACHE_MODULES ?? '/usr/lib/apache2/modules';
const LOAD = ['mpm_event', 'authz_core', 'headers', 'rewrite', 'proxy', 'proxy_http', 'alias', 'mime'];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The whole config around `body` (directives of the main server: Location blocks, rewrites, proxies). */
export function apacheConfig(dir: string, port: number, body: string): string {
  return [
    `ServerRoot ${dir}`,
    `Listen 127.0.0.1:${port}`,
    `PidFile ${join(dir, 'httpd.pid')}`,
    `ErrorLog ${join(dir, 'error.log')}`,
    'LogLevel warn',
    'Mutex posixsem',
    'ServerName 127.0.0.1',
    // As root httpd serves as another user; Debian's unprivileged pair.
    ...(isRoot ? ['User nobody', 'Group nogroup'] : []),
    ...LOAD.map((m) => `LoadModule ${m}_module ${join(MODULES, `mod_${m}.so`)}`),
    'TypesConfig /dev/null',
    `DocumentRoot ${dir}`,
    `<Directory ${dir}>`,
    '  Require all granted',
    '</Directory>',
    body,
    '',
  ].join('\n');
}
