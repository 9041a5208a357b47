/**
 * Findings that are not "the" cause but matter: CORS passed yet the server failed
 * (not-a-cors-problem), request-side mistakes that did not block, standard-vs-Chromium
 * differences, stray quotes, the "null" origin, and duplicate non-origin headers.
 */
import { makeFinding } from './catalogue';
import type { Candidate, RuleContext } from './context';
import { fixesFor } from './context';
import { acaoAsRequestHeader, authorizationWildcard } from './causes';
import { meaningOf } from './status';
import { bodyEvidence, headerEvidence, headerLines, headerValue, splitList, statusEvidence } from './wire';

const CORS_RESPONSE_HEADERS = [
  'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods',
  'access-control-allow-headers', 'access-control-expose-headers', 'access-control-max-age',
];

/** Which check a CorsError is about, to tell a blocking stray quote from a harmless one. */
const ERROR_HEADER: Record<string, string> = {
  AllowOriginMismatch: 'access-control-allow-origin', PreflightAllowOriginMismatch: 'access-control-allow-origin',
  InvalidAllowOriginValue: 'access-control-allow-origin', PreflightInvalidAllowOriginValue: 'access-control-allow-origin',
  InvalidAllowCredentials: 'access-control-allow-credentials', PreflightInvalidAllowCredentials: 'access-control-allow-credentials',
  MethodDisallowedByPreflightResponse: 'access-control-allow-methods', InvalidAllowMethodsPreflightResponse: 'access-control-allow-methods',
  HeaderDisallowedByPreflightResponse: 'access-control-allow-headers', InvalidAllowHeadersPreflightResponse: 'access-control-allow-headers',
};

function notACorsProblem(ctx: RuleContext): Candidate[] {
  const r = ctx.facts.actual;
  if (ctx.verdict.blocked || !r || r.status < 400) return [];
  const meaning = meaningOf(ctx, r, 'response');
  return [{
    finding: makeFinding('not-a-cors-problem', {
      title: `CORS passed: the ${r.status} comes from the server`,
      explanation: `CORS allowed this request: the browser let the page read the ${r.status} answer. The problem is the ${r.status} itself. ${meaning.meaning} Changing CORS settings will not fix it.`,
      evidence: [statusEvidence('response', r), ...meaning.evidence, bodyEvidence('response', r), headerEvidence('response', r, 'Access-Control-Allow-Origin')],
      fixes: [],
    }),
    headline: `CORS is fine here — the server answered ${r.status} (${meaning.label}); the fix is on the server side, not in CORS.`,
    summary: `Not CORS: ${r.status} ${meaning.label}`,
  }];
}

function requestSideHeaders(ctx: RuleContext): Candidate[] {
  const blockedByIt = ctx.verdict.corsError === 'HeaderDisallowedByPreflightResponse'
    && (ctx.verdict.failedParameter ?? ctx.facts.missingHeaders[0] ?? '').toLowerCase().startsWith('access-control-');
  if (blockedByIt) return [];
  const fromRequest = ctx.exchange.request.headers.map((h) => h.name.toLowerCase());
  const names = [...new Set([...ctx.facts.requestedHeaders, ...fromRequest])]
    .filter((n) => n.startsWith('access-control-') && n !== 'access-control-request-method' && n !== 'access-control-request-headers');
  return names.length > 0 ? [acaoAsRequestHeader(ctx, names, false)] : [];
}

function authorizationNote(ctx: RuleContext): Candidate[] {
  const p = ctx.facts.preflight;
  if (!p || ctx.facts.credentialsInclude || !ctx.facts.requestedHeaders.includes('authorization')) return [];
  if (ctx.verdict.blocked && ctx.verdict.corsError === 'HeaderDisallowedByPreflightResponse' && ctx.verdict.failedParameter?.toLowerCase() === 'authorization') return [];
  const acah = splitList(headerValue(p, 'access-control-allow-headers')).map((h) => h.toLowerCase());
  if (!acah.includes('*') || acah.includes('authorization')) return [];
  return [authorizationWildcard(ctx, { where: 'preflight response', response: p }, false)];
}

function strayQuotes(ctx: RuleContext): Candidate[] {
  const failingHeader = ctx.verdict.corsError ? ERROR_HEADER[ctx.verdict.corsError] : undefined;
  const hits: Array<{ where: string; name: string; value: string }> = [];
  for (const { where, response } of ctx.facts.responses) {
    for (const h of response.headers) {
      const name = h.name.toLowerCase();
      if (CORS_RESPONSE_HEADERS.includes(name) && /^\s*(['"]).*\1\s*$/.test(h.value)) hits.push({ where, name: h.name, value: h.value });
    }
  }
  if (hits.length === 0) return [];
  const blocking = ctx.verdict.blocked && hits.some((h) => h.name.toLowerCase() === failingHeader);
  const first = hits[0]!;
  return [{
    finding: makeFinding('stray-quotes-in-header', {
      severity: blocking ? 'error' : 'warning',
      explanation: `${first.name} arrives as ${first.value} — with the quotes. API Gateway mapping values are written with single quotes inside the template ("'https://app.example.com'"); when a value is quoted one time too many (or quotes are typed into a console field or returned from code), the quotes end up in the header and the value no longer matches. Send the bare value.`,
      evidence: hits.map((h) => `${h.where}: ${h.name}: ${h.value}`),
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: blocking ? `${first.name} is sent with quotes around it (${first.value}), so it matches nothing.` : undefined,
    summary: blocking ? `Quoted ${first.name}` : undefined,
  }];
}

function nullOrigin(ctx: RuleContext): Candidate[] {
  const hits = ctx.facts.responses.filter(({ response }) => headerLines(response, 'access-control-allow-origin').some((v) => v.trim() === 'null'));
  if (hits.length === 0) return [];
  const withCredentials = hits.some(({ response }) => headerValue(response, 'access-control-allow-credentials')?.trim() === 'true');
  return [{
    finding: makeFinding('null-origin-allowed', {
      severity: withCredentials ? 'error' : 'warning',
      explanation: `The server answers Access-Control-Allow-Origin: null. Sandboxed iframes, data: URLs and file: pages of ANY site have the origin "null", so this lets all of them read the response${withCredentials ? ' — and with Access-Control-Allow-Credentials: true, with the user\'s cookies' : ''}. Allow named origins instead.`,
      evidence: hits.flatMap(({ where, response }) => [headerEvidence(where, response, 'Access-Control-Allow-Origin'), headerEvidence(where, response, 'Access-Control-Allow-Credentials')]),
      fixes: fixesFor(ctx, ['allow']),
    }),
  }];
}

/** Repeated Allow-Methods/Headers/Expose lines do not block, but show two layers at work. */
function harmlessDuplicates(ctx: RuleContext): Candidate[] {
  if (ctx.verdict.corsError === 'MultipleAllowOriginValues' || ctx.verdict.corsError === 'PreflightMultipleAllowOriginValues') return [];
  for (const { where, response } of ctx.facts.responses) {
    for (const name of ['Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Expose-Headers', 'Access-Control-Max-Age']) {
      if (headerLines(response, name).length > 1) {
        return [{
          finding: makeFinding('duplicate-cors-headers', {
            severity: 'info',
            kind: 'info',
            title: `${name} is sent twice`,
            explanation: `The ${where} carries ${name} more than once. It does not block this request, but it shows two layers adding CORS headers; when both also add Access-Control-Allow-Origin, the browser will reject the doubled value.`,
            evidence: [headerEvidence(where, response, name)],
            fixes: fixesFor(ctx, ['single-source']),
          }),
        }];
      }
    }
  }
  return [];
}

export function noteFindings(ctx: RuleContext): Candidate[] {
  if (!ctx.verdict.crossOrigin) return [];
  return [
    ...notACorsProblem(ctx),
    ...requestSideHeaders(ctx),
    ...authorizationNote(ctx),
    ...strayQuotes(ctx),
    ...nullOrigin(ctx),
    ...harmlessDuplicates(ctx),
  ];
}
