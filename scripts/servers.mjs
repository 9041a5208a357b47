// Where the real servers the tests run live (nginx, Apache httpd, Caddy, a Python with FastAPI + uvicorn, Flask +
// Flask-CORS or Django + django-cors-headers, a Ruby with Rack + rack-cors, Go with rs/cors and
// gorilla/handlers, PHP's command line with its built-in server, and a Java (JDK) with Debian's Tomcat 10 or Jetty 9 jars): the env var wins, then the usual paths. The tests start them as plain processes on
// loopback with their own config, never as services.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** @typedef {'nginx' | 'apache' | 'caddy' | 'fastapi' | 'flask' | 'django' | 'rack' | 'go' | 'php' | 'tomcat' | 'jetty'} ServerName */

/** Where Debian's libtomcat10-java and libjetty9-java put their jars (TOMCAT_JARS and JETTY_JARS override). */
export const TOMCAT_JARS = process.env.TOMCAT_JARS ?? '/usr/share/java';
export const JETTY_JARS = process.env.JETTY_JARS ?? '/usr/share/java';

/** What an embedded Jetty 9 with web.xml applications needs (javax.servlet 4 beside it). */
const JETTY_PARTS = ['server', 'servlet', 'servlets', 'webapp', 'xml', 'security', 'http', 'io', 'util'].map((p) => `jetty9-${p}.jar`);

/** @type {Record<ServerName, { env: string; candidates: string[]; debianPackage: string; probe?: string[]; requires?: (path: string) => string[] }>} */
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
  caddy: {
    env: 'CADDY_PATH',
    candidates: ['/usr/bin/caddy', '/usr/local/bin/caddy', '/opt/homebrew/bin/caddy'],
    debianPackage: 'caddy',
  },
  // Debian's own Python (not a pyenv or venv one earlier in PATH): the one Debian's packages install into.
  fastapi: {
    env: 'FASTAPI_PYTHON',
    candidates: ['/usr/bin/python3'],
    debianPackage: 'python3-fastapi python3-uvicorn',
    probe: ['-c', 'import fastapi, uvicorn'],
  },
  flask: {
    env: 'FLASK_PYTHON',
    candidates: ['/usr/bin/python3'],
    debianPackage: 'python3-flask python3-flask-cors',
    probe: ['-c', 'import flask, flask_cors'],
  },
  django: {
    env: 'DJANGO_PYTHON',
    candidates: ['/usr/bin/python3'],
    debianPackage: 'python3-django python3-django-cors-headers',
    probe: ['-c', 'import django, corsheaders'],
  },
  rack: {
    env: 'RUBY_PATH',
    candidates: ['/usr/bin/ruby', '/usr/local/bin/ruby'],
    debianPackage: 'ruby ruby-rack ruby-rack-cors ruby-webrick',
    probe: ['-e', 'require "rack"; require "rack/cors"; require "webrick"'],
  },
  // Built in GOPATH mode against Debian's Go packages (GOPATH below): no module download.
  go: {
    env: 'GO_BIN',
    candidates: ['/usr/bin/go', '/usr/lib/go/bin/go', '/usr/local/go/bin/go'],
    debianPackage: 'golang-go golang-github-rs-cors-dev golang-github-gorilla-handlers-dev',
    probe: ['list', 'github.com/rs/cors', 'github.com/gorilla/handlers'],
  },
  php: {
    env: 'PHP_PATH',
    candidates: ['/usr/bin/php', '/usr/local/bin/php', '/opt/homebrew/bin/php'],
    debianPackage: 'php-cli',
  },
  // Embedded Tomcat: the lab's classes are compiled with the javac beside this java, against Tomcat's jars.
  tomcat: {
    env: 'JAVA_PATH',
    candidates: ['/usr/bin/java', '/usr/lib/jvm/default-java/bin/java'],
    debianPackage: 'default-jdk-headless libtomcat10-java',
    requires: (java) => [join(dirname(java), 'javac'), join(TOMCAT_JARS, 'tomcat10-catalina.jar')],
  },
  jetty: {
    env: 'JAVA_PATH',
    candidates: ['/usr/bin/java', '/usr/lib/jvm/default-java/bin/java'],
    debianPackage: 'default-jdk-headless libjetty9-java',
    requires: (java) => [join(dirname(java), 'javac'), ...jettyJars()],
  },
};

/** Jetty's jars for an embedded Jetty, and the javax.servlet API it serves. */
export function jettyJars() {
  return [...JETTY_PARTS, 'servlet-api.jar'].map((f) => join(JETTY_JARS, f));
}

/** Tomcat's jars for an embedded Tomcat (the translations left out). */
export function tomcatJars() {
  return readdirSync(TOMCAT_JARS).filter((f) => /^tomcat10-(?!i18n-)[a-z-]+\.jar$/.test(f)).map((f) => join(TOMCAT_JARS, f));
}

/** The environment Go builds run with: GOPATH mode on Debian's packaged sources (/usr/share/gocode). */
export const GO_ENV = { GO111MODULE: 'off', GOPATH: process.env.CORS_LENS_GOPATH ?? '/usr/share/gocode', GOFLAGS: '' };

/** @param {string} path @param {string[] | undefined} probe @param {string[]} requires */
function works(path, probe, requires = []) {
  if (!existsSync(path) || !requires.every((f) => existsSync(f))) return false;
  if (!probe) return true;
  try {
    execFileSync(path, probe, { stdio: 'ignore', env: { ...process.env, ...GO_ENV } });
    return true;
  } catch {
    return false;
  }
}

/** @param {ServerName} name @returns {string | null} */
export function findServer(name) {
  const s = SERVERS[name];
  const fromEnv = process.env[s.env];
  if (fromEnv) return works(fromEnv, s.probe, s.requires?.(fromEnv)) ? fromEnv : null;
  return s.candidates.find((p) => works(p, s.probe, s.requires?.(p))) ?? null;
}

/** The path, or an error that says how to get the server (tests fail with it rather than skip). @param {ServerName} name @returns {string} */
export function requireServer(name) {
  const found = findServer(name);
  if (found) return found;
  const s = SERVERS[name];
  throw new Error(process.env[s.env]
    ? `${s.env}=${process.env[s.env]} does not exist.`
    : `${name} was not found: run \`node scripts/ensure-servers.mjs\` (Debian, as root), install ${s.debianPackage} yourself, or set ${s.env}.`);
}
