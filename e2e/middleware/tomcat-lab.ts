/**
 * Java servlets on Apache Tomcat 10.1 (Debian's libtomcat10-java, embedded: tomcat/TomcatLab.java), one web
 * application per case, configured in its web.xml the ways people configure it: Tomcat's own CorsFilter
 * with its defaults (no origin allowed; GET, POST, HEAD, OPTIONS; a short list of headers), with a page
 * origin only, complete, without credentials, with a wildcard, with a wildcard and credentials (which
 * Tomcat refuses to start), with a trailing slash; mapped after the application's authentication filter;
 * in front of a servlet that throws; the hand-written filter copied from tutorials; no CORS at all. And the
 * app a fix is checked in: the case's web.xml with the fix's web.xml part in place of its own CORS part,
 * mapped first as the fix says.
 *
 * Not here: a <security-constraint> (Tomcat's authenticator answers 401 with WWW-Authenticate: Basic
 * before any filter). Chromium answers such a 401 to a credentialed request with a login prompt, which
 * headless Chromium never closes; tomcat.json's probes hold that answer instead.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { requireServer, tomcatJars } from '../../scripts/servers.mjs';
import { xmlText } from '../../src/rules/findings/fixes/quote';
import type { MiddlewareCase } from './servers';
import { startWebServer, type WebServer } from './web-server';

export interface TomcatCase {
  /** web.xml's CORS part (filters and their mappings): what a fix replaces. */
  cors: string;
  /**
   * The rest of web.xml: the application's other filters, mapped before the CORS part (and after a fix's,
   * which says to come first), security constraints.
   */
  other?: string;
  /** The servlet throws (a 500 after the filters ran). */
  fails?: boolean;
}

export interface TomcatLab {
  config: Record<string, TomcatCase>;
  cases: MiddlewareCase[];
}

/** Tomcat's CorsFilter on every path of the application, with these init-params. */
function corsFilter(params: Record<string, string>): string {
  const init = Object.entries(params).map(([name, value]) => `    <init-param><param-name>${name}</param-name><param-value>${xmlText(value)}</param-value></init-param>`);
  return [
    '<filter>',
    '    <filter-name>CorsFilter</filter-name>',
    '    <filter-class>org.apache.catalina.filters.CorsFilter</filter-class>',
    ...init,
    '</filter>',
    '<filter-mapping>',
    '    <filter-name>CorsFilter</filter-name>',
    '    <url-pattern>/*</url-pattern>',
    '</filter-mapping>',
  ].join('\n');
}

/** The application's authentication filter (LabAuthFilter: a 401 without an Authorization header) on every path. */
const AUTH_FILTER = [
  '<filter><filter-name>AuthFilter</filter-name><filter-class>LabAuthFilter</filter-class></filter>',
  '<filter-mapping><filter-name>AuthFilter</filter-name><url-pattern>/*</url-pattern></filter-mapping>',
].join('\n');

/** The cases, each at `/t/<id>/r`. */
export function tomcatLab(page: string): TomcatLab {
  const full = {
    'cors.allowed.origins': page,
    'cors.allowed.methods': 'GET,POST,PUT,HEAD,OPTIONS',
    'cors.allowed.headers': 'Content-Type,Authorization,X-Api-Key',
    'cors.support.credentials': 'true',
  };
  const { 'cors.support.credentials': _credentials, ...noCredentials } = full;
  const defs: ReadonlyArray<readonly [string, string, TomcatCase]> = [
    ['default', 'CorsFilter with no init-param (cors.allowed.origins defaults to none)', { cors: corsFilter({}) }],
    ['origins-page', 'CorsFilter, cors.allowed.origins = page (default methods GET,POST,HEAD,OPTIONS and headers)', { cors: corsFilter({ 'cors.allowed.origins': page }) }],
    ['full', 'CorsFilter with the page, every method and header it sends, cors.support.credentials = true', { cors: corsFilter(full) }],
    ['no-credentials', 'CorsFilter with the page, its methods and headers; cors.support.credentials left false', { cors: corsFilter(noCredentials) }],
    ['any-origin', 'CorsFilter, cors.allowed.origins = * (methods and headers listed)', { cors: corsFilter({ ...noCredentials, 'cors.allowed.origins': '*' }) }],
    ['any-origin-credentials', 'CorsFilter, cors.allowed.origins = * with cors.support.credentials = true (the application does not start)', {
      cors: corsFilter({ ...full, 'cors.allowed.origins': '*' }),
    }],
    ['origin-slash', 'CorsFilter, cors.allowed.origins = page + "/" (and the rest complete)', { cors: corsFilter({ ...full, 'cors.allowed.origins': `${page}/` }) }],
    ['auth-filter-first', 'complete CorsFilter, mapped after the application\'s authentication filter (filters run in mapping order)', { cors: corsFilter(full), other: AUTH_FILTER }],
    ['servlet-error', 'complete CorsFilter; the servlet throws', { cors: corsFilter(full), fails: true }],
    ['simple-filter', 'a hand-written filter: Allow-Origin *, Allow-Methods POST, GET, OPTIONS, DELETE, Allow-Headers x-requested-with', {
      cors: [
        '<filter><filter-name>SimpleCorsFilter</filter-name><filter-class>SimpleCorsFilter</filter-class></filter>',
        '<filter-mapping><filter-name>SimpleCorsFilter</filter-name><url-pattern>/*</url-pattern></filter-mapping>',
      ].join('\n'),
    }],
    ['none', 'no CORS filter (HttpServlet answers OPTIONS)', { cors: '' }],
  ];
  const config: Record<string, TomcatCase> = {};
  const cases: MiddlewareCase[] = [];
  for (const [id, text, c] of defs) {
    config[id] = c;
    cases.push({ id: `tomcat-${id}`, framework: 'tomcat', path: `/t/${id}/r`, config: text, tomcat: c, ...(c.fails ? { fails: true } : {}) });
  }
  return { config, cases };
}

/** The case's web.xml; `fix`: a fix's web.xml part in place of the case's own CORS part, first among the filters as it says. */
function webXml(c: TomcatCase, fix?: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">',
    '<servlet>',
    '    <servlet-name>app</servlet-name>',
    '    <servlet-class>LabServlet</servlet-class>',
    ...(c.fails ? ['    <init-param><param-name>fails</param-name><param-value>true</param-value></init-param>'] : []),
    '</servlet>',
    '<servlet-mapping><servlet-name>app</servlet-name><url-pattern>/r</url-pattern></servlet-mapping>',
    ...(fix === undefined ? [c.other ?? '', c.cors] : [fix, c.other ?? '']),
    '</web-app>',
    '',
  ].filter((s) => s !== '').join('\n');
}

const run = promisify(execFile);
const SOURCES = resolve(import.meta.dirname, 'tomcat');

/** Only Tomcat's own errors on stderr (a failing start says why); its start-up notes stay quiet. */
const LOGGING = 'handlers = java.util.logging.ConsoleHandler\n.level = SEVERE\n';

let compiled: Promise<string> | undefined;

/** The lab's classes, compiled once into a directory named for their sources (reused while they stay the same). */
function classes(): Promise<string> {
  compiled ??= (async () => {
    const files = readdirSync(SOURCES).filter((f) => f.endsWith('.java')).sort();
    const hash = createHash('sha256');
    for (const f of files) hash.update(f).update(await readFile(join(SOURCES, f)));
    const out = join(tmpdir(), `cors-lens-tomcat-classes-${hash.digest('hex').slice(0, 16)}`);
    if (existsSync(out)) return out;
    const building = `${out}-${process.pid}`;
    await mkdir(building, { recursive: true });
    const javac = join(dirname(requireServer('tomcat')), 'javac');
    try {
      await run(javac, ['-d', building, '-cp', tomcatJars().join(':'), ...files.map((f) => join(SOURCES, f))]);
      await rename(building, out).catch(async () => { await rm(building, { recursive: true, force: true }); });
    } catch (e) {
      throw new Error(`javac failed: ${(e as { stderr?: string }).stderr ?? String(e)}`);
    }
    return out;
  })();
  return compiled;
}

/** Embedded Tomcat serving each case's application at /t/<id>; `fix`: every case's web.xml gets it instead of its own CORS part. */
export async function startTomcatLab(cases: Record<string, TomcatCase>, fix?: string): Promise<WebServer> {
  const cp = [await classes(), ...tomcatJars()].join(':');
  return startWebServer({
    server: 'tomcat',
    config: () => LOGGING,
    args: (dir, conf, port) => [`-Djava.util.logging.config.file=${conf}`, '-cp', cp, 'TomcatLab', String(port), dir],
    files: Object.fromEntries(Object.entries(cases).map(([id, c]) => [`${id}/WEB-INF/web.xml`, webXml(c, fix)])),
  });
}
