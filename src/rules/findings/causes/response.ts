/** The actual response without Access-Control-Allow-Origin: errors, proxy integrations, CORS only on the preflight. */
import type { ResponseRecord } from '../../../model';
import { makeFinding } from '../catalogue';
import type { Candidate, ResponseMeaning, RuleContext } from '../context';
import { fixesFor } from '../context';
import type { Located } from '../facts';
import { meaningOf } from '../status';
import { bodyEvidence, bodyJson, cdnCacheHit, corsHeaderNames, headerEvidence, headerValue, isOkStatus, statusEvidence, varyHasOrigin } from '../wire';
import { ACAO, platformName } from './text';
import { corsNotEnabled, originNotAllowed } from './preflight';

function preflightPassed(ctx: RuleContext): boolean {
  // Only successful preflights are cached, so a cache-served preflight passed.
  if (ctx.exchange.preflightFromCache) return true;
  const p = ctx.facts.preflight;
  if (!p || !isOkStatus(p.status)) return false;
  const acao = headerValue(p, ACAO);
  return acao === '*' || acao === ctx.facts.sentOrigin;
}

/** A copy from the browser's HTTP cache (without Vary: Origin) or a CDN hit: the cache findings own these. */
export function servedByACache(r: ResponseRecord): boolean {
  return ((r.fromCache === 'memory' || r.fromCache === 'disk') && !varyHasOrigin(r)) || cdnCacheHit(r) !== null;
}

function errorMissingCors(ctx: RuleContext, at: Located, meaning: ResponseMeaning): Candidate {
  const r = at.response;
  const extra: string[] = [];
  if (meaning.generatedBy === 'gateway' && meaning.gatewayResponse) {
    extra.push(`${platformName(ctx)} generated this answer itself (gateway response ${meaning.gatewayResponse}); gateway responses carry no CORS headers unless you add them, usually to DEFAULT_4XX and DEFAULT_5XX.`);
  }
  return {
    finding: makeFinding('error-response-missing-cors', {
      explanation: `The ${at.where} is an error (${r.status}). ${meaning.meaning} It carries no Access-Control-Allow-Origin, so the browser hides it from the page and reports a CORS error instead. The real problem is the ${r.status}; the missing headers only hide it. Add the CORS headers to error responses too, so the page (and you) can see the real error.${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`,
      evidence: [statusEvidence(at.where, r), ...meaning.evidence, bodyEvidence(at.where, r), headerEvidence(at.where, r, ACAO)],
      fixes: fixesFor(ctx, ['errors']),
    }),
    headline: `The server answered ${r.status} (${meaning.label}) without CORS headers, so the browser shows a CORS error instead of the real error.`,
    summary: `${r.status} without CORS headers (${meaning.label})`,
  };
}

function proxyMissingHeaders(ctx: RuleContext, at: Located, errorPath: boolean, meaning: ResponseMeaning | null): Candidate {
  const r = at.response;
  const json = bodyJson(r);
  const nonProxy = json !== null && typeof json.errorMessage === 'string' && typeof json.errorType === 'string';
  const lead = errorPath
    ? `API Gateway passed the backend's ${r.status} answer through, and it has no Access-Control-Allow-Origin.${meaning ? ` ${meaning.meaning}` : ''}`
    : `The preflight was answered with CORS headers, but the ${ctx.facts.method} response itself has no Access-Control-Allow-Origin.`;
  const rest = 'With a Lambda proxy or HTTP proxy integration API Gateway adds nothing to the response: the backend must return the CORS headers on every path, errors included ("Enable CORS" in the console only sets up OPTIONS). With a non-proxy integration, each integration response must map Access-Control-Allow-Origin.';
  const hint = nonProxy ? ' The body looks like a Lambda error passed through a non-proxy integration (errorMessage/errorType), so check the integration response mappings.' : '';
  return {
    finding: makeFinding('proxy-integration-missing-headers', {
      explanation: `${lead} ${rest}${hint}`,
      evidence: [statusEvidence(at.where, r), headerEvidence(at.where, r, ACAO), ctx.facts.preflight ? headerEvidence('preflight response', ctx.facts.preflight, ACAO) : null, bodyEvidence(at.where, r)],
      fixes: fixesFor(ctx, ['backend']),
    }),
    headline: errorPath
      ? `Your backend's ${r.status} answer reaches the browser without CORS headers — with a proxy integration the function must add them on error paths too.`
      : 'API Gateway answered the preflight, but your backend\'s response has no Access-Control-Allow-Origin — with a proxy integration the function must add it.',
    summary: errorPath ? `Backend ${r.status} without CORS headers` : 'Integration response without CORS headers',
  };
}

function corsOnlyOnPreflight(ctx: RuleContext, at: Located): Candidate {
  const r = at.response;
  return {
    finding: makeFinding('cors-only-on-preflight', {
      explanation: `The preflight was answered with CORS headers, but the ${ctx.facts.method} response (HTTP ${r.status}) has none. Often an OPTIONS handler or gateway setting answers preflights while the route itself (or the code path that produced this answer) does not add the headers.`,
      evidence: [statusEvidence(at.where, r), headerEvidence(at.where, r, ACAO), ctx.facts.preflight ? headerEvidence('preflight response', ctx.facts.preflight, ACAO) : null],
      fixes: fixesFor(ctx, ['backend', 'allow']),
    }),
    headline: `The preflight passed, but the ${ctx.facts.method} response has no Access-Control-Allow-Origin, so the page can't read it.`,
    summary: 'CORS headers only on the preflight',
  };
}

export function actualMissingAcao(ctx: RuleContext, at: Located): Candidate[] {
  const r = at.response;
  // A cached copy or a CDN hit is the cause there; cache findings explain it.
  if (servedByACache(r)) return [];
  if (r.status >= 400) {
    const meaning = meaningOf(ctx, r, at.where);
    if (ctx.platform.id === 'aws-apigateway-rest' && meaning.generatedBy !== 'gateway') return [proxyMissingHeaders(ctx, at, true, meaning)];
    return [errorMissingCors(ctx, at, meaning)];
  }
  if (corsHeaderNames(r).length > 0 || varyHasOrigin(r)) return [originNotAllowed(ctx, at)];
  if (preflightPassed(ctx)) {
    return [ctx.platform.id === 'aws-apigateway-rest' ? proxyMissingHeaders(ctx, at, false, null) : corsOnlyOnPreflight(ctx, at)];
  }
  return [corsNotEnabled(ctx, at, meaningOf(ctx, r, at.where))];
}
