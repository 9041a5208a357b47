/**
 * FastAPI / Starlette on uvicorn (Python). Measured against FastAPI 0.92 / Starlette 0.26
 * (e2e/middleware/fastapi-cases.ts): CORSMiddleware answers a preflight it allows with 200 "OK" and
 * Max-Age 600, one it refuses with 400 "Disallowed CORS origin / method / headers" (Allow-Origin present
 * unless the origin is the refused part); an unhandled exception's 500 comes from outside it, with no
 * CORS headers; without it, the router answers OPTIONS with 405 {"detail":"Method Not Allowed"}.
 */
import type { Exchange, ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { fastapiStack } from '../findings/fixes/fastapi';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { bodyUnseen } from '../findings/unseen-body';
import { hasHeader, headerValue, splitList } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'fastapi' as const;
const NAME = 'FastAPI / Starlette';

const DISALLOWED = /^Disallowed CORS (origin|method|headers)/;
/** allow_methods=["*"] answers with Starlette's own sorted list. */
const ALL_METHODS = /^DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT$/;
/** allow_headers lists start with the safelisted headers Starlette always adds, sorted. */
const SAFELISTED_FIRST = /^Accept, Accept-Language, Content-Language, Content-Type\b/;

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'server', value: /^uvicorn$/i, weight: 0.7 },
  {
    kind: 'custom', weight: 0.6,
    test: (e: Exchange) => {
      // Flask-CORS sends the same list, next to Flask's own Allow header.
      const r = e.preflight?.response;
      return r && ALL_METHODS.test(headerValue(r, 'access-control-allow-methods') ?? '') && headerValue(r, 'allow') === null
        ? `preflight response: access-control-allow-methods: ${headerValue(r, 'access-control-allow-methods')}`
        : null;
    },
  },
  { kind: 'header', name: 'access-control-allow-headers', value: SAFELISTED_FIRST, weight: 0.6 },
  { kind: 'body', pattern: DISALLOWED, weight: 0.9, label: 'Starlette CORSMiddleware refusal' },
  { kind: 'body', pattern: /^\{"detail":"(Method Not Allowed|Not Found)"\}$/, weight: 0.6, label: 'FastAPI error body' },
];

/** What the refusal's own lists show was refused: the method, requested headers (Starlette lists what it allows). */
function refusedParts(r: ResponseRecord, ctx: RuleContext): string[] {
  const parts: string[] = [];
  const methods = splitList(headerValue(r, 'access-control-allow-methods'));
  if (methods.length > 0 && !methods.includes(ctx.facts.method)) parts.push(`the method ${ctx.facts.method} is not in allow_methods (${methods.join(', ')})`);
  const headers = new Set(splitList(headerValue(r, 'access-control-allow-headers')).map((h) => h.toLowerCase()));
  const missing = ctx.facts.requestedHeaders.filter((h) => headers.size > 0 && !headers.has(h));
  if (missing.length > 0) parts.push(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in allow_headers`);
  return parts;
}

function refusal(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning {
  const said = DISALLOWED.exec(r.body ?? '')?.[0];
  const parts = hasHeader(r, 'access-control-allow-origin') ? refusedParts(r, ctx) : [];
  const what = said
    ? `it said "${said}"${parts.length > 0 ? `: ${parts.join('; ')}` : ''}`
    : hasHeader(r, 'access-control-allow-origin')
      ? `the origin passed, so the method or a requested header is the refused part${parts.length > 0 ? `: ${parts.join('; ')}` : ' (its body, not in the capture, says which)'}`
      : 'without Access-Control-Allow-Origin, so the origin is refused (the body, not in the capture, would say "Disallowed CORS origin")';
  return {
    category: 'cors-rule',
    label: 'CORSMiddleware refused the preflight',
    meaning: `Starlette's CORSMiddleware answers a preflight it does not allow with 400: ${what}. allow_origins must list the exact origin (or allow_origin_regex match it), and allow_methods / allow_headers must cover what the page sends.`,
    evidence: said ? [`${where} body: ${said}`] : [],
    generatedBy: 'backend',
  };
}

function explainFastapi(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null {
  const preflight = where.startsWith('preflight');
  if (preflight && r.status === 400 && (DISALLOWED.test(r.body ?? '') || (bodyUnseen(r) && headerValue(r, 'access-control-allow-methods') !== null))) {
    return refusal(r, where, ctx);
  }
  if (preflight && r.status === 405) {
    return { ...genericMeaning(r, where), category: 'not-found', label: 'no CORSMiddleware', meaning: 'The router answered OPTIONS with 405: only CORSMiddleware answers preflights in FastAPI, and none ran for this path.', generatedBy: 'backend' };
  }
  if (r.status === 500 && !hasHeader(r, 'access-control-allow-origin')) {
    return { ...genericMeaning(r, where), meaning: 'An exception the app did not handle: Starlette answers it with 500 from ServerErrorMiddleware, outside CORSMiddleware, so this 500 never has CORS headers, however CORSMiddleware is configured.', generatedBy: 'backend' };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

/** CORSMiddleware's answer to a simple request from an origin it does not allow: no CORS header at all. */
function missingCorsHint(r: ResponseRecord, where: string): string | null {
  if (where.startsWith('preflight') || r.status >= 500) return null;
  return 'CORSMiddleware also sends no CORS header at all when the origin is not allowed: compare allow_origins (or allow_origin_regex) with the exact origin — scheme, host and port.';
}

export const fastapi: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [fastapiStack, headersStack],
  detect: (exchange: Exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainFastapi(r, where, ctx),
  missingCorsHint: (r, where) => missingCorsHint(r, where),
  findings: () => [],
};
