#!/usr/bin/env node
// Makes sure the real servers the tests run are there: nginx, Apache httpd and Caddy (their fix snippets are
// checked by their own config test, and the middleware lab runs them), FastAPI, Flask and Django on Debian's
// Python, Rack + rack-cors on Debian's Ruby, Go with rs/cors and gorilla/handlers, PHP's command line (php -S), a JDK with Debian's Tomcat 10 and Jetty 9 jars (embedded). Never used as services: Debian may start the packages' default sites (port 80) where a service
// manager runs; containers' policy-rc.d stops it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SERVERS, findServer } from './servers.mjs';

const missing = Object.keys(SERVERS).filter((name) => !findServer(name));
if (missing.length === 0) process.exit(0);

const named = missing.filter((name) => process.env[SERVERS[name].env]);
if (named.length > 0) {
  for (const name of named) console.error(`${SERVERS[name].env}=${process.env[SERVERS[name].env]} does not exist. Point it at the ${name} binary.`);
  process.exit(1);
}

const packages = missing.map((name) => SERVERS[name].debianPackage).join(' ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version')) {
  console.error(`Not found: ${missing.join(', ')}. Installing Debian's ${packages} (apt-get install)…`);
  try {
    execSync(`(apt-get install -y -qq ${packages} || (apt-get update -qq && apt-get install -y -qq ${packages}))`, {
      stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(`Installing ${packages} failed. Install them yourself, or set ${missing.map((n) => SERVERS[n].env).join(' / ')}.`);
    process.exit(1);
  }
  if (missing.every((name) => findServer(name))) process.exit(0);
}

console.error(`Not found: ${missing.join(', ')}. Install them (Debian/Ubuntu: sudo apt-get install ${packages}) or set ${missing.map((n) => SERVERS[n].env).join(' / ')}.`);
process.exit(1);
