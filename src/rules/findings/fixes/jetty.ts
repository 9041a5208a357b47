/**
 * Fix stack for Java servlets on Eclipse Jetty: Jetty's CrossOriginFilter in WEB-INF/web.xml, mapped to
 * every path, with the origins listed (its default is every origin, reflected, with credentials) and
 * chainPreflight off, so that the filter answers preflights itself instead of passing them on to the
 * servlet; where a preflight was refused by authentication, OPTIONS left open by the security constraints
 * (web-xml.ts). Checked in e2e/fixes.spec.ts: the part replaces the CORS part of each lab case's own
 * web.xml under Jetty 9.4.
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { stack } from './types';
import { webXmlFilter } from './web-xml';

function crossOrigin(s: CorsSpec, openOptions: boolean): Fix {
  const methods = [...new Set([...s.methods, 'HEAD', 'OPTIONS'])];
  return webXmlFilter({
    stack: 'jetty',
    container: 'Jetty',
    filterName: 'cross-origin',
    filterClass: 'org.eclipse.jetty.servlets.CrossOriginFilter',
    comment: [
      '<!-- WEB-INF/web.xml (Jetty 9; Jetty 12: org.eclipse.jetty.ee10.servlets.CrossOriginFilter, or the',
      '     server\'s CrossOriginHandler). Mapped before the other filters (they run in the order of their',
      '     filter-mappings). An origin, method or header it does not list gets no CORS header at all, and',
      '     its defaults allow every origin with credentials: list them. chainPreflight false: it answers',
      '     preflights itself instead of passing them on to the servlet. -->',
    ],
    params: [
      ['allowedOrigins', s.origins.join(',')],
      ['allowedMethods', methods.join(',')],
      ...(s.headers.length > 0 ? [['allowedHeaders', s.headers.join(',')] as const] : []),
      ...(s.exposeHeaders.length > 0 ? [['exposedHeaders', s.exposeHeaders.join(',')] as const] : []),
      ['allowCredentials', s.credentials ? 'true' : 'false'],
      ['preflightMaxAge', String(s.maxAge)],
      ['chainPreflight', 'false'],
    ],
    openOptions,
  });
}

export const jettyStack = stack('jetty', {
  allow: (s) => crossOrigin(s, false),
  'preflight-no-auth': (s) => crossOrigin(s, true),
  errors: (s) => crossOrigin(s, false),
  backend: (s) => crossOrigin(s, false),
  vary: (s) => crossOrigin(s, false),
});
