// Where the real web servers the tests run live (nginx, Apache httpd): the env var wins, then the usual
// paths. The tests start them as plain processes on loopback with their own config, never as services.
import { existsSync } from 'node:fs';

/** @type {Record<'nginx' | 'apache', { env: string; candidates: string[]; debianPackage: string }>} */
export const SERVERS = {
  nginx: {
    env: 'NGINX_PATH',
    candidates: ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx', '/opt/homebrew/bin/nginx', '/usr/bin/nginx'],
    debianPackage: 'nginx-light',
  },
  apache: {
    env: 'APACHE_PATH',
    candidates: ['/usr/sbin/apache2', '/usr/sbin/httpd', '/usr/local/apache2/bin/httpd', '/opt/homebrew/bin/httpd'],
    debianPackage: 'apache2',
  },
};

/** @param {'nginx' | 'apache'} name @returns {string | null} */
export function findServer(name) {
  const s = SERVERS[name];
  const fromEnv = process.env[s.env];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return s.candidates.find((p) => existsSync(p)) ?? null;
}

/** The path, or an error that says how to get the server (tests fail with it rather than skip). @param {'nginx' | 'apache'} name @returns {string} */
export function requireServer(name) {
  const found = findServer(name);
  if (found) return found;
  const s = SERVERS[name];
  throw new Error(process.env[s.env]
    ? `${s.env}=${process.env[s.env]} does not exist.`
    : `${name} was not found: run \`node scripts/ensure-servers.mjs\` (Debian, as root), install ${s.debianPackage} yourself, or set ${s.env}.`);
}
