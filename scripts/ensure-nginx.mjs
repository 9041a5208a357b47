#!/usr/bin/env node
// Makes sure nginx is there before the tests: its fix snippets are checked by the real `nginx -t`, and the
// middleware lab runs a real nginx (never as a service: the tests start it with their own config).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findNginx } from './nginx-path.mjs';

if (findNginx()) process.exit(0);

if (process.env.NGINX_PATH) {
  console.error(`NGINX_PATH=${process.env.NGINX_PATH} does not exist. Point NGINX_PATH at an nginx binary.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version')) {
  console.error('nginx not found: installing Debian\'s nginx-light package (apt-get install nginx-light)…');
  try {
    // The tests never use the package's own service (containers' policy-rc.d keeps it from starting;
    // elsewhere Debian starts its default site on port 80).
    execSync('(apt-get install -y -qq nginx-light || (apt-get update -qq && apt-get install -y -qq nginx-light))', {
      stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error('Installing nginx failed. Install it yourself, or set NGINX_PATH to an nginx binary.');
    process.exit(1);
  }
  if (findNginx()) process.exit(0);
}

console.error('nginx was not found. Install it (Debian/Ubuntu: sudo apt-get install nginx-light) or set NGINX_PATH to an nginx binary.');
process.exit(1);
