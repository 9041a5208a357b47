/**
 * Eclipse Jetty (Java servlets). Measured against Jetty 9.4 (e2e/middleware/jetty-lab.ts): Jetty adds CORS
 * headers only through a filter — its CrossOriginFilter, or the application's. CrossOriginFilter never
 * refuses: an origin, method or header it does not allow gets no CORS header at all, and a preflight is
 * passed on to the servlet (chainPreflight, on by default), whose own OPTIONS answer (200, Allow) is what
 * the browser gets — a configured filter looks like none. Its defaults allow every origin (reflected, with
 * Access-Control-Allow-Credentials: true), only GET, POST and HEAD, and only X-Requested-With,
 * Content-Type, Accept and Origin.
 */
import type { ResponseRecord } from '../../model';
import { headersStack } from '../findings/fixes/headers';
import { jettyStack } from '../findings/fixes/jetty';
import type { ResponseMeaning } from '../findings/context';
import { genericMeaning } from '../findings/status';
import { corsHeaderNames, hasHeader, headerValue } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'jetty' as const;
const NAME = 'Eclipse Jetty';

/** Jetty's error page (ErrorHandler), by its footer or its title. */
const ERROR_PAGE = /Powered by Jetty:\/\/|<title>Error \d{3} [^<]{0,200}<\/title>/;

const SIGNALS: readonly Signal[] = [
  // sendServerVersion is on by default.
  { kind: 'header', name: 'server', value: /^Jetty\(/, weight: 0.95 },
  { kind: 'body', pattern: /Powered by Jetty:\/\//, weight: 0.9, label: 'Jetty\'s error page' },
];

const DEFAULTS = 'Its defaults allow every origin (it reflects the Origin, with Access-Control-Allow-Credentials: true), only GET, POST and HEAD, and only the headers X-Requested-With, Content-Type, Accept and Origin.';

/** HttpServlet's own answer to OPTIONS: 200, an Allow header, no CORS header. */
function isServletOptions(r: ResponseRecord): boolean {
  return r.status === 200 && hasHeader(r, 'allow') && corsHeaderNames(r).length === 0;
}

function explainJetty(r: ResponseRecord, where: string): ResponseMeaning | null {
  const preflight = where.startsWith('preflight');
  const cors = corsHeaderNames(r).length > 0;
  if (preflight && isServletOptions(r)) {
    return {
      category: 'no-cors',
      label: 'the servlet answered OPTIONS, no CORS filter allowed it',
      meaning: `The servlet's own OPTIONS answer came back (200 with Allow: ${headerValue(r, 'allow')}), without any CORS header. Either no CORS filter is mapped to this path, or Jetty's CrossOriginFilter did not allow the preflight: it refuses an origin, method or header it does not list by adding nothing, and passes the preflight on to the servlet (chainPreflight). ${DEFAULTS}`,
      evidence: [`${where}: HTTP 200, Allow: ${headerValue(r, 'allow')}, no CORS header`],
      generatedBy: 'backend',
    };
  }
  if (!cors && (r.status === 401 || r.status === 403)) {
    const generic = genericMeaning(r, where);
    return {
      ...generic,
      meaning: `${generic.meaning} On Jetty, an authentication filter mapped before CrossOriginFilter (or a <security-constraint>, enforced before any filter) answers without its headers: filters run in the order of their <filter-mapping>s in web.xml, so map the CORS filter first.${preflight ? ' A preflight never carries the Authorization header or cookie such a filter checks.' : ''}`,
      generatedBy: 'backend',
    };
  }
  if (r.status >= 500 && ERROR_PAGE.test(r.body ?? '')) {
    return {
      ...genericMeaning(r, where),
      label: `Jetty's error page (${r.status})`,
      meaning: `The application failed and Jetty answered with its error page.${cors ? ' The headers a filter set before the failure stay on it.' : ' No filter had set CORS headers on it.'}`,
      generatedBy: 'backend',
    };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

/** An answer with no CORS header at all. */
function missingCorsHint(r: ResponseRecord, where: string): string | null {
  if (where.startsWith('preflight') && isServletOptions(r)) return null;
  return `Jetty adds CORS headers only through a filter: its CrossOriginFilter (org.eclipse.jetty.servlets.CrossOriginFilter) or the application's own, mapped in web.xml to this URL. CrossOriginFilter sends nothing for an origin it does not list (compared exactly: scheme, host and port, no trailing slash); nothing at all means no CORS filter is mapped to this path, the origin is not listed, or something answered before the filter did.`;
}

export const jetty: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [jettyStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainJetty(r, where),
  missingCorsHint: (r, where) => missingCorsHint(r, where),
  findings: () => [],
};
