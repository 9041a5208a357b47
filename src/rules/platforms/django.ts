/**
 * Django (Python) with or without django-cors-headers. Measured against Django 3.2 / django-cors-headers
 * 3.14 (e2e/middleware/django-cases.ts): CorsMiddleware answers every preflight it handles itself with an
 * empty 200 and `Vary: Origin`, and, for an origin it does not allow, leaves out every CORS header but
 * Access-Control-Allow-Credentials (when CORS_ALLOW_CREDENTIALS is on). A path outside CORS_URLS_REGEX
 * reaches the view, whose OPTIONS answer is a 200 with an Allow list. What a middleware listed above
 * CorsMiddleware answers (authentication, CommonMiddleware's trailing-slash redirect) gets no CORS header.
 */
import type { Exchange, ResponseRecord } from '../../model';
import { makeFinding } from '../findings/catalogue';
import { fixesFor, type Candidate, type ResponseMeaning, type RuleContext } from '../findings/context';
import { DJANGO_DEFAULT_HEADERS, DJANGO_DEFAULT_METHODS, djangoStack } from '../findings/fixes/django';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { corsHeaderNames, hasHeader, headerEvidence, headerValue, isRedirectStatus, oneLine, parseUrl, statusEvidence, varyHasOrigin } from '../findings/wire';
import { matchSignals, type Signal, type SignalInput } from './signals';
import type { PlatformModule } from './types';

const ID = 'django' as const;
const NAME = 'Django (Python)';

/** django-cors-headers' default CORS_ALLOW_HEADERS (corsheaders.defaults.default_headers), extended or not. */
const DEFAULT_HEADERS = new RegExp(`^${DJANGO_DEFAULT_HEADERS.join(', ')}\\b`);
/** Its default CORS_ALLOW_METHODS, in its order. */
const DEFAULT_METHODS = new RegExp(`^${DJANGO_DEFAULT_METHODS.join(', ')}$`);
/** A class-based view's Allow list: View.http_method_names' order, OPTIONS always there. */
const VIEW_ALLOW = /^(?:GET, )?(?:POST, )?(?:PUT, )?(?:PATCH, )?(?:DELETE, )?(?:HEAD, )?OPTIONS(?:, TRACE)?$/;

/** django-cors-headers' answer to an origin it does not allow: Allow-Credentials (and Vary: Origin), no Allow-Origin. */
function credentialsOnly(r: ResponseRecord): boolean {
  const names = corsHeaderNames(r);
  return names.length === 1 && names[0] === 'access-control-allow-credentials' && varyHasOrigin(r);
}

/**
 * SecurityMiddleware's defaults (SECURE_REFERRER_POLICY "same-origin", SECURE_CONTENT_TYPE_NOSNIFF) on an
 * answer; `whole`: with XFrameOptionsMiddleware's "DENY" or Django 4's Cross-Origin-Opener-Policy too (a
 * preflight CorsMiddleware answers never reaches XFrameOptionsMiddleware).
 */
function securityDefaults(input: SignalInput, whole: boolean): string | null {
  for (const { where, response: r } of input.responses) {
    if (!/^same-origin$/i.test(headerValue(r, 'referrer-policy') ?? '') || !/^nosniff$/i.test(headerValue(r, 'x-content-type-options') ?? '')) continue;
    const more = /^DENY$/i.test(headerValue(r, 'x-frame-options') ?? '') || /^same-origin$/i.test(headerValue(r, 'cross-origin-opener-policy') ?? '');
    if (more === whole) return `${where}: Referrer-Policy: same-origin, X-Content-Type-Options: nosniff${whole ? ' and X-Frame-Options: DENY or COOP same-origin' : ''} (Django's SecurityMiddleware defaults)`;
  }
  return null;
}

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'access-control-allow-headers', value: DEFAULT_HEADERS, weight: 0.8 },
  { kind: 'header', name: 'access-control-allow-methods', value: DEFAULT_METHODS, weight: 0.5 },
  // Django's default security headers. Any server can be set to send them, so they only add to other signals
  // unless the whole set is there.
  { kind: 'custom', weight: 0.45, test: (_e, input) => securityDefaults(input, true) },
  { kind: 'custom', weight: 0.25, test: (_e, input) => (securityDefaults(input, true) === null ? securityDefaults(input, false) : null) },
  {
    kind: 'custom', weight: 0.5,
    test: (_e, input) => {
      const hit = input.responses.find(({ response }) => credentialsOnly(response));
      return hit ? `${hit.where}: Access-Control-Allow-Credentials without Access-Control-Allow-Origin (django-cors-headers refusing the origin)` : null;
    },
  },
  {
    kind: 'custom', weight: 0.35,
    test: (e: Exchange) => {
      const r = e.preflight?.response;
      const allow = r ? headerValue(r, 'allow') : null;
      return r && allow !== null && allow.includes(',') && VIEW_ALLOW.test(allow) ? `preflight response: Allow: ${allow} (a Django view's own OPTIONS answer)` : null;
    },
  },
  // `manage.py runserver` (and wsgiref): in production Django sits behind gunicorn or uWSGI.
  { kind: 'header', name: 'server', value: /^WSGIServer\/[\d.]+ CPython\//, weight: 0.4 },
];

/** CommonMiddleware's APPEND_SLASH redirect: the same path with a slash added. */
function slashRedirect(r: ResponseRecord, url: string): string | null {
  if (!isRedirectStatus(r.status)) return null;
  const location = headerValue(r, 'location');
  const from = parseUrl(url);
  if (!location || !from) return null;
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    return null;
  }
  return to.origin === from.origin && to.pathname === `${from.pathname}/` ? location : null;
}

const CSRF_FAILED = /CSRF verification failed/;

function explainDjango(r: ResponseRecord, where: string, url: string, method: string): ResponseMeaning | null {
  const preflight = where.startsWith('preflight');
  const cors = corsHeaderNames(r).length > 0;
  const allow = headerValue(r, 'allow');
  if (preflight && r.status === 200 && allow !== null && !cors) {
    return {
      category: 'no-cors',
      label: 'the Django view answered OPTIONS',
      meaning: `The view answered the OPTIONS request itself (Allow: ${oneLine(allow, 60)}): CorsMiddleware, which answers every preflight it handles before the view, did not handle this one. The path is outside CORS_URLS_REGEX, or CorsMiddleware is not in MIDDLEWARE.`,
      evidence: [`${where}: Allow: ${oneLine(allow, 60)}`],
      generatedBy: 'backend',
    };
  }
  const slash = !cors ? slashRedirect(r, url) : null;
  if (slash !== null) {
    return {
      ...genericMeaning(r, where),
      label: 'CommonMiddleware\'s trailing-slash redirect',
      meaning: `CommonMiddleware (APPEND_SLASH) redirected to the URL with a trailing slash (${oneLine(slash, 80)}) before CorsMiddleware ran, so the redirect has no CORS headers: CorsMiddleware is listed below CommonMiddleware. List it above, and call the URL with its slash.`,
      generatedBy: 'backend',
    };
  }
  if ((r.status === 401 || r.status === 403) && !cors) {
    return {
      ...genericMeaning(r, where),
      meaning: `${genericMeaning(r, where).meaning} On Django, an answer without CORS headers came from something CorsMiddleware did not wrap: a middleware listed above it (authentication), or a view that CorsMiddleware does not cover (CORS_URLS_REGEX). CorsMiddleware first in MIDDLEWARE answers preflights before any authentication and adds its headers to the refusals.`,
      generatedBy: 'backend',
    };
  }
  if (r.status === 403 && !where.startsWith('preflight') && (CSRF_FAILED.test(r.body ?? '') || (cors && !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method)))) {
    // CsrfViewMiddleware refuses unsafe methods without the CSRF cookie and token (its page says so).
    const sure = CSRF_FAILED.test(r.body ?? '');
    return {
      ...genericMeaning(r, where),
      label: sure ? 'Django\'s CSRF check' : 'possibly Django\'s CSRF check',
      meaning: `${sure ? 'Django\'s CsrfViewMiddleware refused the request ("CSRF verification failed").' : `A 403 to ${method} on Django is often CsrfViewMiddleware's: it refuses unsafe methods without the CSRF cookie and token (its page, not in the capture, says "CSRF verification failed").`} A page on another origin must send the csrftoken cookie's value in an X-CSRFToken header (with credentials, so that the cookie goes too) and its origin must be in CSRF_TRUSTED_ORIGINS; an API authenticated by tokens rather than the session is usually exempt (csrf_exempt, or Django REST framework without SessionAuthentication).`,
      generatedBy: 'backend',
    };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

/** An answer CorsMiddleware did not touch at all (not even Vary: Origin). */
function missingCorsHint(r: ResponseRecord, where: string, url: string): string | null {
  if (varyHasOrigin(r)) return partialCorsHint(r);
  // The view's own OPTIONS answer: explainDjango has said why.
  if (where.startsWith('preflight') && headerValue(r, 'allow') !== null) return null;
  if (slashRedirect(r, url) !== null) return 'This redirect is CommonMiddleware\'s (APPEND_SLASH), made before CorsMiddleware ran: CorsMiddleware is listed below CommonMiddleware, and belongs above it, at the top of MIDDLEWARE.';
  return 'CorsMiddleware did not run for this answer: the path is outside CORS_URLS_REGEX, CorsMiddleware is missing from MIDDLEWARE, or a middleware listed above it answered first (authentication, CommonMiddleware\'s trailing-slash redirect). It belongs at the top of MIDDLEWARE.';
}

/** CorsMiddleware ran (Vary: Origin) and refused the origin. */
function partialCorsHint(r: ResponseRecord): string | null {
  if (hasHeader(r, 'access-control-allow-origin')) return null;
  const credentials = credentialsOnly(r) ? ' It sends Access-Control-Allow-Credentials before it checks the origin, which is why that header came alone.' : '';
  return `This is how django-cors-headers refuses an origin: Vary: Origin and no Access-Control-Allow-Origin.${credentials} The exact origin (scheme, host and port, no path or trailing slash) must be in CORS_ALLOWED_ORIGINS or match one of CORS_ALLOWED_ORIGIN_REGEXES; installing it allows no origin at all.`;
}

/**
 * CommonMiddleware's trailing-slash redirect without CORS headers, on the first answer: CorsMiddleware sits
 * below it. Calling the URL with its slash avoids the redirect (the generic finding says so); this is the
 * server's side, which also covers every other URL typed without the slash.
 */
function corsBelowCommon(ctx: RuleContext): Candidate[] {
  const url = ctx.exchange.request.url;
  // The answers to the request URL itself: the preflight's, and the first answer to the request.
  const first = ctx.exchange.redirects.length > 0 ? 'redirect 1 response' : 'response';
  const hit = ctx.facts.responses.find(({ where, response }) => (where.startsWith('preflight') || where === first)
    && corsHeaderNames(response).length === 0 && slashRedirect(response, url) !== null);
  if (!hit) return [];
  return [{
    finding: makeFinding('django-cors-below-common', {
      explanation: `Django answered ${hit.where.startsWith('preflight') ? 'the preflight' : 'the request'} with CommonMiddleware's redirect to the URL with a trailing slash (APPEND_SLASH), and without CORS headers: CommonMiddleware answered before CorsMiddleware ran, so CorsMiddleware is listed below it in MIDDLEWARE. List CorsMiddleware first: it then answers preflights itself and adds its headers to the redirect, which the browser follows for the actual request. Calling the URL with its slash avoids the redirect altogether.`,
      evidence: [statusEvidence(hit.where, hit.response), headerEvidence(hit.where, hit.response, 'Location')],
      fixes: fixesFor(ctx, ['allow']),
    }),
  }];
}

export const django: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [djangoStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainDjango(r, where, ctx.exchange.request.url, ctx.facts.method),
  missingCorsHint: (r, where, ctx) => missingCorsHint(r, where, ctx.exchange.request.url),
  partialCorsHint: (r) => partialCorsHint(r),
  findings: (ctx) => corsBelowCommon(ctx),
};
