/**
 * What the servlet containers' fix stacks share (tomcat.ts, jetty.ts): a CORS filter declared in
 * WEB-INF/web.xml and mapped to every path, and the <security-constraint> that leaves OPTIONS open
 * (containers enforce security constraints before any filter runs, so a protected preflight gets the
 * container's 401 and the CORS filter never sees it).
 */
import type { Fix } from '../../../model';
import { xmlText } from './quote';

/** A <security-constraint> without an auth-constraint for OPTIONS: the servlet spec lets it open OPTIONS under any other constraint. */
const OPEN_OPTIONS = [
  '<!-- Security constraints are enforced before any filter: under one, the container answers a preflight',
  '     (which never carries credentials) with 401 before the CORS filter runs. This one has no',
  '     auth-constraint, so it leaves OPTIONS open on every path (Servlet spec 13.8.1); every other method',
  '     stays protected. -->',
  '<security-constraint>',
  '    <web-resource-collection>',
  '        <web-resource-name>CORS preflight</web-resource-name>',
  '        <url-pattern>/*</url-pattern>',
  '        <http-method>OPTIONS</http-method>',
  '    </web-resource-collection>',
  '</security-constraint>',
];

export interface WebXmlFilter {
  stack: string;
  /** The container's name, for the titles. */
  container: string;
  filterName: string;
  filterClass: string;
  /** What the comment above the filter says about it. */
  comment: readonly string[];
  params: ReadonlyArray<readonly [string, string]>;
  /** Preflights were refused by authentication: the filter is mapped first and OPTIONS left open. */
  openOptions: boolean;
}

export function webXmlFilter(f: WebXmlFilter): Fix {
  const shown = f.filterClass.slice(f.filterClass.lastIndexOf('.') + 1);
  return {
    stack: f.stack,
    title: f.openOptions
      ? `${f.container}: ${shown} mapped first in web.xml, and OPTIONS left open by security constraints`
      : `${f.container}: ${shown} in web.xml`,
    language: 'xml',
    snippet: [
      ...f.comment,
      '<filter>',
      `    <filter-name>${f.filterName}</filter-name>`,
      `    <filter-class>${f.filterClass}</filter-class>`,
      ...f.params.flatMap(([name, value]) => ['    <init-param>', `        <param-name>${name}</param-name>`, `        <param-value>${xmlText(value)}</param-value>`, '    </init-param>']),
      '</filter>',
      '<filter-mapping>',
      `    <filter-name>${f.filterName}</filter-name>`,
      '    <url-pattern>/*</url-pattern>',
      '</filter-mapping>',
      ...(f.openOptions ? OPEN_OPTIONS : []),
    ].join('\n'),
  };
}
