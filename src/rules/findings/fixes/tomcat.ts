/**
 * Fix stack for Java servlets on Apache Tomcat: Tomcat's own CorsFilter in WEB-INF/web.xml, mapped to
 * every path, and, where a preflight was refused by authentication, a <security-constraint> that leaves
 * OPTIONS open (Tomcat enforces security constraints before any filter runs, so a protected preflight
 * gets the authenticator's 401 and CorsFilter never sees it). Checked in e2e/fixes.spec.ts: the part
 * replaces the CORS part of each lab case's own web.xml under Tomcat 10.1.
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { xmlText } from './quote';
import { stack } from './types';

function param(name: string, value: string): string[] {
  return ['    <init-param>', `        <param-name>${name}</param-name>`, `        <param-value>${xmlText(value)}</param-value>`, '    </init-param>'];
}

/** A <security-constraint> without an auth-constraint for OPTIONS: the servlet spec lets it open OPTIONS under any other constraint. */
const OPEN_OPTIONS = [
  '<!-- Security constraints are enforced before any filter: under one, Tomcat answers a preflight (which',
  '     never carries credentials) with 401 before CorsFilter runs. This one has no auth-constraint, so it',
  '     leaves OPTIONS open on every path (Servlet spec 13.8.1); every other method stays protected. -->',
  '<security-constraint>',
  '    <web-resource-collection>',
  '        <web-resource-name>CORS preflight</web-resource-name>',
  '        <url-pattern>/*</url-pattern>',
  '        <http-method>OPTIONS</http-method>',
  '    </web-resource-collection>',
  '</security-constraint>',
];

function corsFilter(s: CorsSpec, openOptions: boolean): Fix {
  const methods = [...new Set([...s.methods, 'HEAD', 'OPTIONS'])];
  return {
    stack: 'tomcat',
    title: openOptions ? 'Tomcat: CorsFilter mapped first in web.xml, and OPTIONS left open by security constraints' : 'Tomcat: CorsFilter in web.xml',
    language: 'xml',
    snippet: [
      '<!-- WEB-INF/web.xml. Tomcat\'s own CORS filter, mapped before the other filters (they run in the order',
      '     of their filter-mappings): it answers preflights itself and puts the headers on every answer,',
      '     errors included. It refuses (403) an origin, method or header it does not list; its defaults',
      '     allow no origin, and only GET, POST, HEAD, OPTIONS and a short list of headers. -->',
      '<filter>',
      '    <filter-name>CorsFilter</filter-name>',
      '    <filter-class>org.apache.catalina.filters.CorsFilter</filter-class>',
      ...param('cors.allowed.origins', s.origins.join(',')),
      ...param('cors.allowed.methods', methods.join(',')),
      ...(s.headers.length > 0 ? param('cors.allowed.headers', s.headers.join(',')) : []),
      ...(s.exposeHeaders.length > 0 ? param('cors.exposed.headers', s.exposeHeaders.join(',')) : []),
      // Tomcat refuses to start the application with credentials and a wildcard origin; the list above never has one.
      ...param('cors.support.credentials', s.credentials ? 'true' : 'false'),
      ...param('cors.preflight.maxage', String(s.maxAge)),
      '</filter>',
      '<filter-mapping>',
      '    <filter-name>CorsFilter</filter-name>',
      '    <url-pattern>/*</url-pattern>',
      '</filter-mapping>',
      ...(openOptions ? OPEN_OPTIONS : []),
    ].join('\n'),
  };
}

export const tomcatStack = stack('tomcat', {
  allow: (s) => corsFilter(s, false),
  'preflight-no-auth': (s) => corsFilter(s, true),
  errors: (s) => corsFilter(s, false),
  backend: (s) => corsFilter(s, false),
  vary: (s) => corsFilter(s, false),
});
