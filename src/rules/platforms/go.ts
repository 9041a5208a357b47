/**
 * Go's net/http with rs/cors or gorilla/handlers' CORS. Measured against Go 1.19, rs/cors 1.7 and
 * gorilla/handlers 1.5 (e2e/middleware/go-lab.ts). rs/cors answers every preflight it refuses — origin,
 * method or header — with an empty 200 that carries only its three Vary lines, so the refusal looks like a
 * refused origin; on success it echoes the one requested method. gorilla/handlers refuses a method with an
 * empty 405, a header with an empty 403, and an origin with an empty 200. net/http itself names no
 * server and sends no Connection header.
 */
import type { Exchange, ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { goStack } from '../findings/fixes/go';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { bodyUnseen } from '../findings/unseen-body';
import { corsHeaderNames, headerLines, headerValue, oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'go' as const;
const NAME = 'Go (net/http)';

const RS_METHODS = ['GET', 'POST', 'HEAD'];
const RS_HEADERS = ['accept', 'content-type', 'x-requested-with', 'origin'];
const GORILLA_METHODS = ['GET', 'HEAD', 'POST'];
const GORILLA_HEADERS = ['accept', 'accept-language', 'content-language', 'origin'];

/** rs/cors's Vary lines on every preflight answer, one line each, in this order. */
function rsVary(r: ResponseRecord): boolean {
  const lines = headerLines(r, 'vary').map((v) => v.trim().toLowerCase());
  return lines.length >= 3 && lines.slice(0, 3).join(',') === 'origin,access-control-request-method,access-control-request-headers';
}

/** rs/cors's refusal: an empty 200 with its Vary lines and no CORS header. */
function rsRefusal(r: ResponseRecord | undefined): r is ResponseRecord {
  return !!r && r.status === 200 && rsVary(r) && corsHeaderNames(r).length === 0 && bodyUnseen(r);
}

/** An empty answer with nothing but what net/http writes itself: gorilla/handlers' refusals of a preflight. */
function bareNetHttp(r: ResponseRecord): boolean {
  const names = r.headers.map((h) => h.name.toLowerCase()).sort().join(',');
  return names === 'content-length,date' && headerValue(r, 'content-length') === '0' && bodyUnseen(r);
}

const SIGNALS: readonly Signal[] = [
  { kind: 'custom', weight: 0.7, test: (e: Exchange) => (rsRefusal(e.preflight?.response) ? 'preflight response: an empty 200 with only rs/cors\'s three Vary lines (its refusal)' : null) },
  {
    kind: 'custom', weight: 0.6,
    test: (e: Exchange) => {
      const r = e.preflight?.response;
      const asked = e.preflight ? headerValue(e.preflight.request, 'access-control-request-method') : null;
      return r && asked && rsVary(r) && headerValue(r, 'access-control-allow-methods') === asked.toUpperCase()
        ? `preflight response: Access-Control-Allow-Methods: ${oneLine(asked, 20)} (only the requested method) with rs/cors's Vary lines`
        : null;
    },
  },
  {
    // net/http names no server and sends no Connection header (a proxy in front would add them).
    kind: 'custom', weight: 0.35,
    test: (e: Exchange) => {
      const r = e.preflight?.response;
      return r && bareNetHttp(r) ? `preflight response: HTTP ${r.status} with no header but Date and Content-Length: 0 (Go's net/http)` : null;
    },
  },
  { kind: 'body', pattern: /^404 page not found\n?$/, weight: 0.7, label: 'net/http "404 page not found"' },
];

function notIn(values: readonly string[], allowed: readonly string[]): string[] {
  return values.filter((v) => !allowed.includes(v));
}

/** What a refused preflight asked beyond a package's defaults (the refusal itself does not say). */
function beyondDefaults(ctx: RuleContext, methods: readonly string[], headers: readonly string[]): string {
  const parts: string[] = [];
  if (!methods.includes(ctx.facts.method)) parts.push(`the method ${ctx.facts.method} is not among the default methods (${methods.join(', ')})`);
  const extra = notIn(ctx.facts.requestedHeaders.map((h) => h.toLowerCase()), headers);
  if (extra.length > 0) parts.push(`${extra.join(', ')} ${extra.length > 1 ? 'are' : 'is'} not among the default headers`);
  return parts.length > 0 ? ` If the defaults are in use: ${parts.join('; ')}.` : '';
}

function explainGo(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null {
  const preflight = where.startsWith('preflight');
  if (preflight && rsRefusal(r)) {
    return {
      category: 'cors-rule',
      label: 'rs/cors refused the preflight',
      meaning: `rs/cors answers every preflight it refuses with an empty 200 that carries only its Vary lines, whichever part it refused: the origin (AllowedOrigins), the method (AllowedMethods, by default GET, POST and HEAD) or a requested header (AllowedHeaders, by default Accept, Content-Type and X-Requested-With). So the missing Access-Control-Allow-Origin does not mean the origin was the refused part.${beyondDefaults(ctx, RS_METHODS, RS_HEADERS)} Its Debug option logs which check failed.`,
      evidence: [`${where}: Vary: ${headerLines(r, 'vary').join(', ')}`],
      generatedBy: 'backend',
    };
  }
  const empty = bodyUnseen(r) && corsHeaderNames(r).length === 0 && headerValue(r, 'content-type') === null;
  if (preflight && empty && (r.status === 405 || r.status === 403)) {
    const extra = notIn(ctx.facts.requestedHeaders.map((h) => h.toLowerCase()), GORILLA_HEADERS);
    const part = r.status === 405
      ? `the method ${ctx.facts.method} is not in AllowedMethods (by default ${GORILLA_METHODS.join(', ')})`
      : `a requested header is not in AllowedHeaders (by default Accept, Accept-Language, Content-Language and Origin)${extra.length > 0 ? `: ${extra.join(', ')} ${extra.length > 1 ? 'are' : 'is'} not among the defaults` : ''}`;
    return {
      category: 'cors-rule',
      label: `gorilla/handlers refused the preflight (${r.status})`,
      meaning: `An empty ${r.status} to a preflight is how gorilla/handlers' CORS refuses one after the origin passed: ${part}.`,
      evidence: [`${where}: HTTP ${r.status}, no body, no header but ${oneLine(r.headers.map((h) => h.name).join(', '), 120)}`],
      generatedBy: 'backend',
    };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

/** An answer with no CORS header at all. */
function missingCorsHint(r: ResponseRecord, where: string): string | null {
  if (r.status >= 400) return null;
  const gorilla = where.startsWith('preflight') && bodyUnseen(r) ? ' gorilla/handlers\' CORS answers a preflight from an origin it does not allow with an empty 200 and no CORS header.' : '';
  return `In Go, the CORS package must wrap the whole router (cors.New(…).Handler(mux), handlers.CORS(…)(router)), or it never sees this path; rs/cors leaves every header out for an origin not in AllowedOrigins.${gorilla}`;
}

export const go: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [goStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainGo(r, where, ctx),
  missingCorsHint: (r, where) => missingCorsHint(r, where),
  findings: () => [],
};
