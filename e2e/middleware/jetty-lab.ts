/**
 * Java servlets on Eclipse Jetty 9.4 (Debian's libjetty9-java, embedded: jetty/JettyLab.java), one web
 * application per case, configured in its web.xml the ways people configure it: Jetty's CrossOriginFilter
 * with its defaults (every origin, reflected, with credentials; GET, POST, HEAD; a short list of headers),
 * with the page origin only, complete, complete without passing preflights on to the servlet, with another
 * origin, with a trailing slash, without credentials; mapped after the application's authentication filter;
 * in front of a servlet that throws; no CORS at all. And the app a fix is checked in: the case's web.xml
 * with the fix's web.xml part in place of its own CORS part, mapped first as the fix says.
 */
import { resolve } from 'node:path';
import { jettyJars } from '../../scripts/servers.mjs';
import { AUTH_FILTER, filterXml, servletLab, startServletLab, type ServletCase, type ServletLab } from './servlet-lab';
import type { WebServer } from './web-server';

export type JettyCase = ServletCase;

export type JettyLab = ServletLab;

/** Jetty's CrossOriginFilter on every path of the application, with these init-params. */
const crossOrigin = (params: Record<string, string>): string => filterXml('cross-origin', 'org.eclipse.jetty.servlets.CrossOriginFilter', params);

/** The cases, each at `/j/<id>/r`. */
export function jettyLab(page: string): JettyLab {
  const full = {
    allowedOrigins: page,
    allowedMethods: 'GET,POST,PUT,HEAD,OPTIONS',
    allowedHeaders: 'Content-Type,Authorization,X-Api-Key',
  };
  return servletLab('jetty', 'j', [
    ['default', 'CrossOriginFilter with no init-param (allowedOrigins *, allowCredentials true)', { cors: crossOrigin({}) }],
    ['origins-page', 'CrossOriginFilter, allowedOrigins = page (default methods GET,POST,HEAD and headers)', { cors: crossOrigin({ allowedOrigins: page }) }],
    ['full', 'CrossOriginFilter with the page and every method and header it sends', { cors: crossOrigin(full) }],
    ['no-chain', 'CrossOriginFilter, complete, chainPreflight = false', { cors: crossOrigin({ ...full, chainPreflight: 'false' }) }],
    ['other-origin', 'CrossOriginFilter, allowedOrigins = https://other.example', { cors: crossOrigin({ ...full, allowedOrigins: 'https://other.example' }) }],
    ['origin-slash', 'CrossOriginFilter, allowedOrigins = page + "/" (and the rest complete)', { cors: crossOrigin({ ...full, allowedOrigins: `${page}/` }) }],
    ['no-credentials', 'CrossOriginFilter, complete, allowCredentials = false', { cors: crossOrigin({ ...full, allowCredentials: 'false' }) }],
    ['auth-filter-first', 'complete CrossOriginFilter, mapped after the application\'s authentication filter', { cors: crossOrigin(full), other: AUTH_FILTER }],
    ['servlet-error', 'complete CrossOriginFilter; the servlet throws', { cors: crossOrigin(full), fails: true }],
    ['none', 'no CORS filter (HttpServlet answers OPTIONS)', { cors: '' }],
  ]);
}

/** Embedded Jetty serving each case's application at /j/<id>; `fix`: every case's web.xml gets it instead of its own CORS part. */
export function startJettyLab(cases: Record<string, JettyCase>, fix?: string): Promise<WebServer> {
  return startServletLab({
    server: 'jetty',
    api: 'javax',
    sources: resolve(import.meta.dirname, 'jetty'),
    main: 'JettyLab',
    jars: jettyJars(),
    // Only warnings on stderr (a failing start says why).
    jvm: () => ['-Dorg.eclipse.jetty.util.log.class=org.eclipse.jetty.util.log.StdErrLog', '-Dorg.eclipse.jetty.LEVEL=WARN'],
    config: '',
    cases,
    fix,
  });
}
