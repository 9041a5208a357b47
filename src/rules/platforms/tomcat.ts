/**
 * Apache Tomcat (Java servlets; Spring Boot's embedded server too). Measured against Tomcat 10.1
 * (e2e/middleware/tomcat-lab.ts): Tomcat adds CORS headers only through a filter — its own
 * org.apache.catalina.filters.CorsFilter, or one of the application's. CorsFilter refuses what it does not
 * list with an empty 403 (text/plain), preflights and actual requests alike, and its defaults allow no
 * origin; a <security-constraint> is enforced before any filter, so the authenticator's 401 never carries
 * CORS headers; without a filter, HttpServlet answers OPTIONS itself (200, an Allow header, nothing else);
 * CorsFilter with a wildcard origin and credentials stops the application from starting (then every path
 * is Tomcat's 404).
 */
import type { ResponseRecord } from '../../model';
import { headersStack } from '../findings/fixes/headers';
import { tomcatStack } from '../findings/fixes/tomcat';
import type { ResponseMeaning } from '../findings/context';
import { genericMeaning } from '../findings/status';
import { corsHeaderNames, hasHeader, headerLines, headerValue } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'tomcat' as const;
const NAME = 'Apache Tomcat';

/** CorsFilter's Vary on a preflight answer, in its own mix of cases. */
const CORS_FILTER_VARY = /^(?:origin,)?access-control-request-method,Access-Control-Request-Headers$/;
/** HttpServlet.doOptions: the methods the servlet implements, in this order, OPTIONS last. */
const SERVLET_ALLOW = /^(?:GET, HEAD, )?(?:POST, )?(?:PUT, )?(?:DELETE, )?(?:TRACE, )?OPTIONS$/;
/** The same with a write method: "GET, HEAD, OPTIONS" alone is also Django's order. */
const SERVLET_ALLOW_SIGNAL = /^(?:GET, HEAD, )?(?=POST|PUT|DELETE)(?:POST, )?(?:PUT, )?(?:DELETE, )?(?:TRACE, )?OPTIONS$/;
/** The footer of Tomcat's error pages (ErrorReportValve). */
const ERROR_PAGE = /<h3>Apache Tomcat\/\d[^<]{0,60}<\/h3>/;

/** An answer as CorsFilter refuses: 403, text/plain, empty, no CORS header. */
function isCorsFilterRefusal(r: ResponseRecord): boolean {
  return r.status === 403 && headerValue(r, 'content-type') === 'text/plain' && headerValue(r, 'content-length') === '0' && corsHeaderNames(r).length === 0;
}

/** The headers of Tomcat's error page (ErrorReportValve): its own spelling of the type, and a Content-Language. */
function hasErrorPageHeaders(r: ResponseRecord): boolean {
  return headerValue(r, 'content-type') === 'text/html;charset=utf-8' && headerValue(r, 'content-language') === 'en';
}

/** Tomcat's error page, by its footer (bodies) or its headers (live captures). */
function isErrorPage(r: ResponseRecord): boolean {
  return r.status >= 400 && (ERROR_PAGE.test(r.body ?? '') || hasErrorPageHeaders(r));
}

/** The authenticator's answer to a request a <security-constraint> covers. */
function isAuthenticator(r: ResponseRecord): boolean {
  return r.status === 401 && hasHeader(r, 'www-authenticate') && (headerValue(r, 'cache-control') === 'private' || isErrorPage(r));
}

const SIGNALS: readonly Signal[] = [
  { kind: 'body', pattern: ERROR_PAGE, weight: 0.95, label: 'Tomcat\'s error page' },
  { kind: 'header', name: 'vary', value: CORS_FILTER_VARY, weight: 0.9 },
  {
    kind: 'custom', weight: 0.6,
    test: (_e, input) => {
      const hit = input.responses.find(({ response }) => isCorsFilterRefusal(response));
      return hit ? `${hit.where}: HTTP 403, Content-Type: text/plain, empty (CorsFilter's refusal)` : null;
    },
  },
  {
    kind: 'custom', weight: 0.6,
    test: (_e, input) => {
      const hit = input.responses.find(({ response }) => hasErrorPageHeaders(response));
      return hit ? `${hit.where}: Content-Type: text/html;charset=utf-8 with Content-Language: en (Tomcat's error page)` : null;
    },
  },
  {
    kind: 'custom', weight: 0.6,
    test: (_e, input) => {
      const hit = input.responses.find(({ response }) => isAuthenticator(response));
      return hit ? `${hit.where}: HTTP 401 with WWW-Authenticate and Cache-Control: private (Tomcat's authenticator)` : null;
    },
  },
  // A servlet's text answer without a charset of its own: the container adds its default, in this spelling.
  { kind: 'header', name: 'content-type', value: /^[a-z]+\/[a-z0-9.+-]+;charset=ISO-8859-1$/, weight: 0.5 },
  {
    kind: 'custom', weight: 0.5,
    test: (_e, input) => {
      for (const { where, response } of input.responses) {
        if (response.status !== 200) continue;
        const allow = headerValue(response, 'allow');
        if (allow !== null && SERVLET_ALLOW_SIGNAL.test(allow)) return `${where}: Allow: ${allow} (HttpServlet's own OPTIONS answer)`;
      }
      return null;
    },
  },
  {
    kind: 'custom', weight: 0.5,
    test: (_e, input) => {
      for (const { where, response } of input.responses) {
        if (headerLines(response, 'set-cookie').some((v) => /^\s*JSESSIONID=/.test(v))) return `${where}: Set-Cookie: JSESSIONID=… (a servlet container's session)`;
      }
      return null;
    },
  },
];

const DEFAULTS = 'Its defaults allow no origin at all, only the methods GET, POST, HEAD and OPTIONS, and only the headers Origin, Accept, X-Requested-With, Content-Type, Access-Control-Request-Method and Access-Control-Request-Headers (so not Authorization).';

function explainTomcat(r: ResponseRecord, where: string): ResponseMeaning | null {
  const preflight = where.startsWith('preflight');
  const cors = corsHeaderNames(r).length > 0;
  if (isCorsFilterRefusal(r)) {
    return {
      category: 'cors-rule',
      label: 'refused by Tomcat\'s CorsFilter',
      meaning: `Tomcat's CorsFilter refused the ${preflight ? 'preflight' : 'request'} with an empty 403: the Origin is not in cors.allowed.origins (compared exactly: scheme, host and port, no trailing slash)${preflight ? ', the method is not in cors.allowed.methods, or a requested header is not in cors.allowed.headers' : ''}. ${DEFAULTS}`,
      evidence: [`${where}: HTTP 403, Content-Type: text/plain, Content-Length: 0, no CORS header`],
      generatedBy: 'backend',
    };
  }
  if (!cors && isAuthenticator(r)) {
    return {
      ...genericMeaning(r, where),
      label: 'Tomcat\'s authenticator (a security constraint)',
      meaning: `A <security-constraint> in web.xml covers this URL: Tomcat's authenticator answered 401 before any filter ran, so CorsFilter (or yours) never added its headers.${preflight ? ' A preflight never carries credentials: leave OPTIONS open with a security constraint of its own that has no auth-constraint (or set allowCorsPreflight="filter" on the authenticator valve).' : ' Its 401 never carries CORS headers: the page sees a CORS error, not the 401, until it sends credentials the realm accepts.'}`,
      generatedBy: 'backend',
    };
  }
  if (!cors && (r.status === 401 || r.status === 403)) {
    const generic = genericMeaning(r, where);
    return {
      ...generic,
      meaning: `${generic.meaning} On Tomcat, an authentication filter mapped before the CORS filter answers without its headers: filters run in the order of their <filter-mapping>s in web.xml, so map CorsFilter first.${preflight ? ' A preflight never carries the Authorization header or cookie such a filter checks.' : ''}`,
      generatedBy: 'backend',
    };
  }
  if (!cors && r.status === 404 && isErrorPage(r)) {
    return {
      ...genericMeaning(r, where),
      label: 'Tomcat\'s 404 page',
      meaning: 'Tomcat has no servlet for this path, or the web application did not start: then every path of it is Tomcat\'s 404. CorsFilter stops its application from starting when cors.allowed.origins is * and cors.support.credentials is true (Tomcat\'s log says "It is not allowed to configure supportsCredentials=[true] when allowedOrigins=[*]").',
      generatedBy: 'backend',
    };
  }
  if (preflight && !cors && r.status === 200 && SERVLET_ALLOW.test(headerValue(r, 'allow') ?? '')) {
    return {
      category: 'no-cors',
      label: 'HttpServlet answered OPTIONS itself',
      meaning: 'No CORS filter handled the preflight: the servlet\'s own doOptions answered it (200 with an Allow header) and no CORS header was set. Map Tomcat\'s CorsFilter (or the application\'s CORS filter) to this path in web.xml.',
      evidence: [`${where}: HTTP 200, Allow: ${headerValue(r, 'allow')}, no CORS header`],
      generatedBy: 'backend',
    };
  }
  if (r.status >= 500 && isErrorPage(r)) {
    return {
      ...genericMeaning(r, where),
      label: `Tomcat's error page (${r.status})`,
      meaning: `The application failed and Tomcat answered with its error page.${cors ? ' The headers a filter set before the failure stay on it.' : ' No filter had set CORS headers on it.'}`,
      generatedBy: 'backend',
    };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

/** An answer with no CORS header at all (the reasons explainTomcat has not already given). */
function missingCorsHint(r: ResponseRecord): string | null {
  if (isCorsFilterRefusal(r) || isAuthenticator(r) || (r.status === 404 && isErrorPage(r))) return null;
  return `Tomcat adds CORS headers only through a filter: Tomcat's CorsFilter (org.apache.catalina.filters.CorsFilter) or the application's own, mapped in web.xml to this URL. Nothing added them here: no CORS filter is mapped to this path, or something answered before it did (a <security-constraint>'s authenticator, a valve, another filter mapped earlier that answered by itself).`;
}

export const tomcat: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [tomcatStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainTomcat(r, where),
  missingCorsHint: (r) => missingCorsHint(r),
  findings: () => [],
};
