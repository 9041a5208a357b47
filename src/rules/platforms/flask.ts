/**
 * Flask (Python) with or without Flask-CORS. Measured against Flask 2.2 / Flask-CORS 3.0 on Werkzeug
 * (e2e/middleware/flask-cases.ts): Flask answers OPTIONS itself (200, an Allow list, an empty body) and
 * Flask-CORS adds its headers to that answer — none at all for an origin it does not allow or a path
 * outside its resources, and no Allow-Methods when the method is not allowed.
 */
import type { Exchange, ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { flaskStack } from '../findings/fixes/flask';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { corsHeaderNames, headerValue, oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'flask' as const;
const NAME = 'Flask (Python)';

/** Flask-CORS's (and Starlette's) sorted list of every method: with Flask, next to Flask's own Allow. */
const ALL_METHODS = /^DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT$/;

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'server', value: /^Werkzeug\//i, weight: 0.8 },
  {
    kind: 'custom', weight: 0.6,
    test: (e: Exchange) => {
      const r = e.preflight?.response;
      return r && ALL_METHODS.test(headerValue(r, 'access-control-allow-methods') ?? '') && headerValue(r, 'allow') !== null
        ? 'preflight response: Flask-CORS method list next to Flask\'s own Allow'
        : null;
    },
  },
];

function explainFlask(r: ResponseRecord, where: string): ResponseMeaning | null {
  const allow = headerValue(r, 'allow');
  if (where.startsWith('preflight') && r.status === 200 && allow !== null && corsHeaderNames(r).length === 0) {
    return {
      category: 'no-cors',
      label: 'Flask answered OPTIONS without CORS',
      meaning: `Flask answered the OPTIONS request itself (Allow: ${oneLine(allow, 60)}) and Flask-CORS added nothing: it is not set up for this path (no CORS(app), or a resources pattern that does not match it), or the origin is not in its origins.`,
      evidence: [`${where}: Allow: ${oneLine(allow, 60)}`],
      generatedBy: 'backend',
    };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

/** Flask-CORS's answer to an origin or path it does not cover: no CORS header at all. */
function missingCorsHint(r: ResponseRecord): string | null {
  if (r.status >= 500) return null;
  return 'Flask-CORS sends no CORS header at all for an origin that is not in its origins, or a path outside its resources patterns: compare them with the exact origin (scheme, host and port) and path.';
}

export const flask: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [flaskStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainFlask(r, where),
  missingCorsHint,
  findings: () => [],
};
