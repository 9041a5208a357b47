/**
 * Fix stack for Java servlets on Apache Tomcat: Tomcat's own CorsFilter in WEB-INF/web.xml, mapped to
 * every path, and, where a preflight was refused by authentication, OPTIONS left open by the security
 * constraints (web-xml.ts). Checked in e2e/fixes.spec.ts: the part replaces the CORS part of each lab
 * case's own web.xml under Tomcat 10.1.
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { stack } from './types';
import { webXmlFilter } from './web-xml';

function corsFilter(s: CorsSpec, openOptions: boolean): Fix {
  const methods = [...new Set([...s.methods, 'HEAD', 'OPTIONS'])];
  return webXmlFilter({
    stack: 'tomcat',
    container: 'Tomcat',
    filterName: 'CorsFilter',
    filterClass: 'org.apache.catalina.filters.CorsFilter',
    comment: [
      '<!-- WEB-INF/web.xml. Tomcat\'s own CORS filter, mapped before the other filters (they run in the order',
      '     of their filter-mappings): it answers preflights itself and puts the headers on every answer,',
      '     errors included. It refuses (403) an origin, method or header it does not list; its defaults',
      '     allow no origin, and only GET, POST, HEAD, OPTIONS and a short list of headers. -->',
    ],
    params: [
      ['cors.allowed.origins', s.origins.join(',')],
      ['cors.allowed.methods', methods.join(',')],
      ...(s.headers.length > 0 ? [['cors.allowed.headers', s.headers.join(',')] as const] : []),
      ...(s.exposeHeaders.length > 0 ? [['cors.exposed.headers', s.exposeHeaders.join(',')] as const] : []),
      // Tomcat refuses to start the application with credentials and a wildcard origin; the list above never has one.
      ['cors.support.credentials', s.credentials ? 'true' : 'false'],
      ['cors.preflight.maxage', String(s.maxAge)],
    ],
    openOptions,
  });
}

export const tomcatStack = stack('tomcat', {
  allow: (s) => corsFilter(s, false),
  'preflight-no-auth': (s) => corsFilter(s, true),
  errors: (s) => corsFilter(s, false),
  backend: (s) => corsFilter(s, false),
  vary: (s) => corsFilter(s, false),
});
