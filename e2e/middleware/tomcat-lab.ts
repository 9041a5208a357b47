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
import { resolve } from 'node:path';
import { tomcatJars } from '../../scripts/servers.mjs';
import { AUTH_FILTER, filterXml, servletLab, startServletLab, type ServletCase, type ServletLab } from './servlet-lab';
import type { WebServer } from './web-server';

export type TomcatCase = ServletCase;

export type TomcatLab = ServletLab;

/** Tomcat's CorsFilter on every path of the application, with these init-params. */
const corsFilter = (params: Record<string, string>): string => filterXml('CorsFilter', 'org.apache.catalina.filters.CorsFilter', params);

/** The cases, each at `/t/<id>/r`. */
export function tomcatLab(page: string): TomcatLab {
  const full = {
    'cors.allowed.origins': page,
    'cors.allowed.methods': 'GET,POST,PUT,HEAD,OPTIONS',
    'cors.allowed.headers': 'Content-Type,Authorization,X-Api-Key',
    'cors.support.credentials': 'true',
  };
  const { 'cors.support.credentials': _credentials, ...noCredentials } = full;
  return servletLab('tomcat', 't', [
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
  ]);
}

/** Only Tomcat's own errors on stderr (a failing start says why); its start-up notes stay quiet. */
const LOGGING = 'handlers = java.util.logging.ConsoleHandler\n.level = SEVERE\n';

/** Embedded Tomcat serving each case's application at /t/<id>; `fix`: every case's web.xml gets it instead of its own CORS part. */
export function startTomcatLab(cases: Record<string, TomcatCase>, fix?: string): Promise<WebServer> {
  return startServletLab({
    server: 'tomcat',
    api: 'jakarta',
    sources: resolve(import.meta.dirname, 'tomcat'),
    main: 'TomcatLab',
    jars: tomcatJars(),
    jvm: (conf) => [`-Djava.util.logging.config.file=${conf}`],
    config: LOGGING,
    cases,
    fix,
  });
}
