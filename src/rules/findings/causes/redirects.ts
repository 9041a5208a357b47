/** Redirects: of the preflight, and the null origin after a cross-origin redirect. */
import { makeFinding } from '../catalogue';
import type { Candidate, RuleContext } from '../context';
import { fixesFor } from '../context';
import type { Located } from '../facts';
import { headerEvidence, headerValue, oneLine, statusEvidence } from '../wire';
import { ACAO, neverSent, q } from './text';

function redirectReason(from: string, to: string): string {
  try {
    const a = new URL(from);
    const b = new URL(to, from);
    if (a.protocol === 'http:' && b.protocol === 'https:' && a.host === b.host) return 'It is an http → https upgrade: call the https URL directly.';
    if (a.origin === b.origin && (a.pathname + '/' === b.pathname || b.pathname + '/' === a.pathname)) return 'It only adds or removes a trailing slash: call the URL exactly as the server wants it.';
    if (/login|signin|sign-in|auth|oauth|sso/i.test(b.pathname + b.hostname)) return 'It looks like a redirect to a login page: something asks for authentication on OPTIONS.';
    if (a.host !== b.host) return `It sends the request to another host (${b.host}).`;
  } catch {
    /* unparseable: no hint */
  }
  return '';
}

export function preflightRedirect(ctx: RuleContext, at: Located): Candidate {
  const hop = ctx.facts.preflightRedirect;
  const r = at.response;
  const location = hop?.location ?? headerValue(r, 'location') ?? '(no Location header)';
  const reason = redirectReason(ctx.exchange.request.url, location);
  return {
    finding: makeFinding('preflight-redirect', {
      explanation: `The preflight (OPTIONS ${ctx.spec.path}) was answered with a ${r.status} redirect to ${oneLine(location, 200)}. Browsers never follow redirects for a preflight. ${reason}${neverSent(ctx)}`,
      evidence: [statusEvidence(at.where, r), headerEvidence(at.where, r, 'Location')],
      fixes: fixesFor(ctx, ['client-final-url']),
    }),
    headline: `The server answered the preflight with a redirect (${r.status} → ${oneLine(location, 80)}), which browsers never follow for preflights.`,
    summary: `Preflight redirected (${r.status})`,
  };
}

export function taintedOrigin(ctx: RuleContext, at: Located): Candidate {
  const chain = [ctx.exchange.request.url, ...ctx.exchange.redirects.map((h) => h.location)].map((u) => oneLine(u, 120));
  const acao = headerValue(at.response, ACAO) ?? '';
  return {
    finding: makeFinding('redirect-tainted-origin', {
      explanation: `The request was redirected across origins (${chain.join(' → ')}). After a cross-origin redirect of a cross-origin request the browser sends "Origin: null", and the final answer allows ${q(acao)}, which does not match "null". Call the final URL directly instead of relying on the redirect. (Allowing "null" would let any sandboxed page in — don't.)`,
      evidence: [...ctx.exchange.redirects.map((h, i) => `redirect ${i + 1}: HTTP ${h.response.status} → ${oneLine(h.location, 120)}`), 'request Origin after the redirect: null', headerEvidence(at.where, at.response, ACAO)],
      fixes: fixesFor(ctx, ['client-final-url']),
    }),
    headline: 'A redirect to another origin turned the request\'s Origin into "null", which the server does not allow.',
    summary: 'Origin became "null" after a redirect',
  };
}

