/** Methods and headers: the allow-lists of the preflight answer, and CORS headers sent by the page. */
import { makeFinding } from '../catalogue';
import type { Candidate, RuleContext } from '../context';
import { fixesFor } from '../context';
import type { Located } from '../facts';
import { headerEvidence, headerValue, oneLine, splitList } from '../wire';
import { ACAH, ACAM, CONSOLE_DEFAULT_HEADERS, deployNote, listText, neverSent, q } from './text';

export function methodNotAllowed(ctx: RuleContext, at: Located): Candidate {
  const method = ctx.facts.method;
  const acam = headerValue(at.response, ACAM);
  const allowed = splitList(acam);
  const notes: string[] = [];
  const remedies: Array<'allow' | 'client-method-case'> = ['allow'];
  if (allowed.some((m) => m.toUpperCase() === method.toUpperCase() && m !== method)) {
    notes.push(`The list has ${allowed.find((m) => m.toUpperCase() === method.toUpperCase())}, but the page sent "${method}": the comparison is case-sensitive, and fetch upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT.`);
    remedies.push('client-method-case');
  } else if (method !== method.toUpperCase()) {
    notes.push(`The page sent the method as "${method}"; fetch does not upper-case it, and the comparison is case-sensitive.`);
    remedies.push('client-method-case');
  }
  if (allowed.includes('*') && ctx.facts.credentialsInclude) notes.push('"*" counts as a wildcard only for requests without credentials; this one has credentials.');
  if (ctx.platform.id === 'aws-s3') notes.push('S3 CORS rules accept only GET, PUT, POST, DELETE and HEAD.');
  const allow = headerValue(at.response, 'allow');
  // A server's own OPTIONS answer (httpd for static files, Express without cors(), WebDAV) lists its
  // methods in Allow: a common misreading, since CORS reads only Access-Control-Allow-Methods.
  if (acam === null && allow !== null) notes.push(`The answer does have Allow: ${oneLine(allow, 60)} — the server's own answer to OPTIONS, which CORS ignores: only Access-Control-Allow-Methods counts.`);
  return {
    finding: makeFinding('method-not-allowed', {
      explanation: `The preflight asked permission for ${method} (Access-Control-Request-Method: ${method}) and the answer allows ${acam === null ? 'no methods at all (no Access-Control-Allow-Methods header)' : `only ${acam}`}. GET, HEAD and POST are always allowed; every other method must be listed.${notes.length > 0 ? ` ${notes.join(' ')}` : ''}${deployNote(ctx)}${neverSent(ctx)}`,
      evidence: [`preflight request: Access-Control-Request-Method: ${method}`, headerEvidence(at.where, at.response, ACAM), acam === null && allow !== null ? headerEvidence(at.where, at.response, 'allow') : null],
      fixes: fixesFor(ctx, remedies),
    }),
    headline: `The server's preflight answer doesn't allow the ${method} method (it allows ${acam === null ? 'none' : q(acam)}), so the browser never sent the request.`,
    summary: `Method ${method} not allowed`,
  };
}

export function headerNotAllowed(ctx: RuleContext, at: Located): Candidate {
  const failed = ctx.verdict.failedParameter?.toLowerCase();
  const missing = ctx.facts.missingHeaders.length > 0 ? ctx.facts.missingHeaders : failed ? [failed] : [];
  const acah = headerValue(at.response, ACAH);
  const allowed = splitList(acah).map((h) => h.toLowerCase());
  const notes: string[] = [];
  if (missing.includes('content-type')) {
    const ct = headerValue(ctx.exchange.request, 'content-type');
    notes.push(`Content-Type${ct ? `: ${oneLine(ct, 60)}` : ''} is not one of the three "simple" types (form, multipart, text/plain), so it must be allowed explicitly — application/json always needs this.`);
  }
  if (missing.includes('authorization')) notes.push('Authorization must always be named explicitly.');
  if (allowed.includes('*') && ctx.facts.credentialsInclude) notes.push('"*" is a wildcard only for requests without credentials; with credentials it is read as a header literally named "*".');
  const setOf = (xs: readonly string[]): string => [...new Set(xs)].sort().join(',');
  if (allowed.length > 0 && (setOf(allowed) === setOf(CONSOLE_DEFAULT_HEADERS) || setOf(allowed) === setOf([...CONSOLE_DEFAULT_HEADERS, 'x-amz-user-agent']))) {
    notes.push('This is API Gateway\'s default list from "Enable CORS" (or CDK\'s Cors.DEFAULT_HEADERS): your own headers have to be added to it.');
  }
  const acrh = ctx.facts.requestedHeaders.join(',');
  return {
    finding: makeFinding('header-not-allowed', {
      explanation: `The preflight asked to send ${listText(ctx.facts.requestedHeaders)} (Access-Control-Request-Headers: ${acrh}), but Access-Control-Allow-Headers ${acah === null ? 'is missing' : `only lists ${acah}`}. Not allowed: ${listText(missing)}. Every header the page sets, other than a few simple ones, must be listed (case does not matter).${notes.length > 0 ? ` ${notes.join(' ')}` : ''}${deployNote(ctx)}${neverSent(ctx)}`,
      evidence: [`preflight request: Access-Control-Request-Headers: ${oneLine(acrh)}`, headerEvidence(at.where, at.response, ACAH), ctx.verdict.failedParameter ? `Chromium failedParameter: ${oneLine(ctx.verdict.failedParameter, 60)}` : null],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The server didn't allow the request header${missing.length > 1 ? 's' : ''} ${listText(missing)} in its preflight answer, so the browser never sent the ${ctx.facts.method}.`,
    summary: `Header${missing.length > 1 ? 's' : ''} not allowed: ${oneLine(listText(missing), 60)}`,
  };
}

export function acaoAsRequestHeader(ctx: RuleContext, names: readonly string[], blocking: boolean): Candidate {
  return {
    finding: makeFinding('acao-sent-as-request-header', {
      severity: blocking ? 'error' : 'warning',
      kind: blocking ? 'cause' : 'info',
      explanation: `The page itself sends ${listText(names)} as a request header. Access-Control-Allow-* are response headers — only the server can send them. On a request they do nothing except make it non-simple (forcing a preflight) and then need to be allowed by the preflight${blocking ? ', which this one was not' : ''}. Remove them from the request code (fetch headers, axios defaults, interceptors).`,
      evidence: names.map((n) => `request header: ${n}`),
      fixes: fixesFor(ctx, ['client-remove-header']),
    }),
    headline: blocking ? `Your code sends "${names[0] ?? ''}" as a request header; that's a response header, and the server's preflight doesn't allow it.` : undefined,
    summary: blocking ? 'CORS header sent by the page' : undefined,
  };
}

export function authorizationWildcard(ctx: RuleContext, at: Located, blocking: boolean): Candidate {
  const acah = headerValue(at.response, ACAH) ?? '';
  return {
    finding: makeFinding('authorization-not-covered-by-wildcard', {
      severity: blocking ? 'error' : 'warning',
      kind: blocking ? 'cause' : 'info',
      explanation: blocking
        ? `The preflight asked for Authorization and the answer allows headers with "*" (${acah}). The Fetch standard says "*" never covers Authorization, and this browser enforced that rule. Name Authorization explicitly in Access-Control-Allow-Headers.${neverSent(ctx)}`
        : `The preflight asked for Authorization and the answer allows headers with "*" (${acah}). Chromium 156 accepted this, but the Fetch standard says "*" never covers Authorization, and browsers that follow it (Firefox, Safari; not verified here) block the request. Name Authorization explicitly to work everywhere.`,
      evidence: ['preflight request: Access-Control-Request-Headers includes authorization', headerEvidence(at.where, at.response, ACAH)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: blocking ? 'The server allows headers with "*", which does not cover Authorization, so the browser refused to send it.' : undefined,
    summary: blocking ? 'Authorization not covered by *' : undefined,
  };
}

export function invalidAllowList(ctx: RuleContext, at: Located, header: string): Candidate {
  const value = headerValue(at.response, header) ?? '';
  const bad = value.split(',').map((t) => t.trim()).filter((t) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(t));
  const detail = bad.length > 0 ? ` Not valid names: ${bad.map((b) => q(b)).join(', ')} (names may not contain spaces, quotes, slashes, semicolons or other separators; items are separated by commas).` : '';
  return {
    finding: makeFinding('invalid-allow-list', {
      explanation: `The preflight's ${header} is not a valid comma-separated list of names: ${q(value)}.${detail} The browser cannot read it, so the preflight fails.${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, at.response, header)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The preflight's ${header} value ${q(value)} is malformed, so the browser rejected the preflight.`,
    summary: `Malformed ${header}`,
  };
}
