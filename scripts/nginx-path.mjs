// Where nginx lives: NGINX_PATH wins, then Debian's path and the usual others. The real-nginx tests
// (snippet syntax, the middleware lab) run it as a plain process on loopback with their own config.
import { existsSync } from 'node:fs';

export const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx', '/opt/homebrew/bin/nginx', '/usr/bin/nginx'];

/** @returns {string | null} */
export function findNginx() {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return NGINX_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** The path, or an error that says how to get nginx (tests fail with it rather than skip). */
export function requireNginx() {
  const found = findNginx();
  if (found) return found;
  throw new Error(process.env.NGINX_PATH
    ? `NGINX_PATH=${process.env.NGINX_PATH} does not exist.`
    : 'nginx was not found: run `node scripts/ensure-nginx.mjs` (Debian, as root), install nginx yourself, or set NGINX_PATH.');
}
