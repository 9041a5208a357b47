/** Preflight answers that fail: the status families, no CORS at all, allow-lists and rule rejections. */
import { makeFinding } from '../catalogue';
import type { Candidate, ResponseMeaning, RuleContext } from '../context';
import { fixesFor } from '../context';
import type { Located } from '../facts';
import { bodyUnseen, readBodyHint } from '../unseen-body';
import { bodyEvidence, corsHeaderNames, headerEvidence, statusEvidence } from '../wire';
import { ACAO, deployNote, listText, neverSent, originEvidence, platformName } from './text';

export function preflightStatusCandidate(ctx: RuleContext, at: Located, meaning: ResponseMeaning, corsHeadersOk: boolean, secondary: boolean): Candidate {
  const r = at.response;
  const status = r.status;
  const method = ctx.facts.method;
  const path = ctx.spec.path;
  const evidence = [statusEvidence(at.where, r), ...meaning.evidence, bodyEvidence(at.where, r), headerEvidence(at.where, r, ACAO)];
  const after = secondary ? ' Even after the header problem above is fixed, this status alone fails the preflight.' : '';
  switch (meaning.category) {
    case 'not-found':
    case 'method-blocked':
      return {
        finding: makeFinding('options-not-configured', {
          explanation: `Before sending ${method} ${path} the browser asked for permission with an OPTIONS request (the preflight) and got ${status}. ${meaning.meaning} Nothing on ${platformName(ctx)} answers OPTIONS for this path with the CORS headers, so the browser stops there.${after}${neverSent(ctx)}`,
          evidence,
          fixes: fixesFor(ctx, ['allow']),
        }),
        headline: `The browser's OPTIONS preflight got ${status} (${meaning.label}), so the ${method} was never sent: nothing answers OPTIONS for ${path}.`,
        summary: `Preflight ${status}: ${meaning.category === 'not-found' ? meaning.label : `no OPTIONS handler (${meaning.label})`}`,
      };
    case 'auth':
    case 'forbidden': {
      // A 403 nothing identifies: authentication on OPTIONS is the usual reason, but a CORS layer that
      // refuses unlisted origins with 403 looks the same without the body.
      const unsure = meaning.category === 'forbidden'
        ? ` Nothing in the answer says what produced the ${status}; authentication on OPTIONS is the usual reason. Some CORS layers also refuse an origin, method or header they do not allow with 403 (Spring, S3) — then the fix is in the CORS configuration instead. ${bodyUnseen(r) ? readBodyHint(ctx, at.where) : 'Its body, in the evidence, usually says which.'}`
        : '';
      return {
        finding: makeFinding('preflight-auth-required', {
          explanation: `The preflight (OPTIONS ${path}) was rejected with ${status}. ${meaning.meaning} Browsers never send cookies, Authorization or API keys on a preflight, so authentication on OPTIONS fails every time, whatever the page does. Let OPTIONS through without authentication and keep it on ${method}.${unsure}${after}${neverSent(ctx)}`,
          evidence,
          fixes: fixesFor(ctx, ['preflight-no-auth']),
        }),
        headline: `The browser's preflight was rejected with ${status} (${meaning.label}) — preflights never carry credentials, so OPTIONS must be allowed without auth.`,
        summary: `Preflight ${status}: auth on OPTIONS`,
      };
    }
    case 'cors-rule':
      return corsRuleNoMatch(ctx, at, meaning);
    case 'cors-disabled':
      return corsNotEnabled(ctx, at, meaning);
    default:
      if (corsHeadersOk) {
        return {
          finding: makeFinding('preflight-invalid-status', {
            explanation: `The preflight answer had acceptable CORS headers but status ${status}. ${meaning.meaning} A preflight must answer with a 2xx status (200 or 204); anything else fails it.${neverSent(ctx)}`,
            evidence,
            fixes: fixesFor(ctx, ['allow']),
          }),
          headline: `The preflight answered ${status} (${meaning.label}) instead of 200/204, so the browser never sent the ${method}.`,
          summary: `Preflight status ${status}`,
        };
      }
      return {
        finding: makeFinding('error-response-missing-cors', {
          title: 'The preflight failed with an error and no CORS headers',
          explanation: `The preflight (OPTIONS ${path}) failed with ${status}. ${meaning.meaning} The error answer has no CORS headers, and a preflight must be a 2xx anyway, so the browser gives up before sending ${method}.${after}`,
          evidence,
          fixes: fixesFor(ctx, ['allow']),
        }),
        headline: `The preflight failed with ${status} (${meaning.label}) and no CORS headers, so the browser never sent the ${method}.`,
        summary: `Preflight ${status} (${meaning.label})`,
      };
  }
}

export function corsNotEnabled(ctx: RuleContext, at: Located, meaning: ResponseMeaning | null): Candidate {
  const r = at.response;
  const preflight = at.where.startsWith('preflight');
  const extra: string[] = [];
  if (meaning && meaning.category !== 'backend') extra.push(meaning.meaning);
  const hint = ctx.origin.missingCorsHint?.(r, at.where, ctx);
  if (hint) extra.push(hint);
  return {
    finding: makeFinding('cors-not-enabled', {
      explanation: `The ${at.where} (HTTP ${r.status}) has no Access-Control-Allow-Origin and no other CORS header: ${platformName(ctx)} does not have CORS set up for ${ctx.spec.path}. Without it the browser does not let a page from ${ctx.facts.pageOrigin} read the answer.${extra.length > 0 ? ` ${extra.join(' ')}` : ''}${deployNote(ctx)}${neverSent(ctx)}`,
      evidence: [statusEvidence(at.where, r), headerEvidence(at.where, r, ACAO), ...(meaning?.evidence ?? []), bodyEvidence(at.where, r), originEvidence(ctx)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: preflight
      ? `The server answered the preflight without any CORS headers, so the browser never sent the ${ctx.facts.method}.`
      : 'The server sent no CORS headers, so the browser blocked the page from reading the response.',
    summary: preflight ? 'No CORS headers on the preflight' : 'No CORS headers',
  };
}

function partialHint(ctx: RuleContext, at: Located): string {
  const hint = ctx.origin.partialCorsHint?.(at.response, at.where, ctx);
  return hint ? ` ${hint}` : '';
}

/** For a preflight answer that left out only the origin: whether the method and headers would pass. */
function restOfPreflight(ctx: RuleContext, at: Located): string {
  if (!at.where.startsWith('preflight')) return '';
  const failing: string[] = [];
  if (ctx.facts.methodAllowed === false) failing.push(`the method ${ctx.facts.method}`);
  if (ctx.facts.missingHeaders.length > 0) failing.push(`the header${ctx.facts.missingHeaders.length > 1 ? 's' : ''} ${listText(ctx.facts.missingHeaders)}`);
  return failing.length > 0
    ? ` Once the origin is allowed, ${listText(failing)} will fail next: the answer does not allow ${failing.length > 1 ? 'them' : 'it'} either.`
    : ' The same answer allows the method and the requested headers, so the origin is the only part refused.';
}

/**
 * CORS headers present, Access-Control-Allow-Origin absent: the layer answered and refused the ORIGIN
 * (it still tells what it allows otherwise). A rejection that names no part is cors-rule-no-match.
 */
export function originNotAllowed(ctx: RuleContext, at: Located): Candidate {
  const r = at.response;
  const names = corsHeaderNames(r);
  const present = names.length > 0 ? names.join(', ') : 'Vary: Origin';
  return {
    finding: makeFinding('origin-not-allowed', {
      explanation: `The ${at.where} has CORS headers (${present}) but no Access-Control-Allow-Origin: a CORS layer is active and did not accept ${ctx.facts.sentOrigin}. Most CORS layers (the Express cors middleware with an origin list, S3 rules, API Management, Spring) simply leave the header out for an origin that is not on their list. Compare the list with the exact origin — scheme, host and port.${partialHint(ctx, at)}${restOfPreflight(ctx, at)}${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, r, ACAO), ...names.map((n) => headerEvidence(at.where, r, n)), headerEvidence(at.where, r, 'Vary'), originEvidence(ctx)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The server has CORS configured, but your page's origin ${ctx.facts.sentOrigin} isn't on its allow-list.`,
    summary: 'Origin not on the allow-list',
  };
}

export function corsRuleNoMatch(ctx: RuleContext, at: Located, meaning: ResponseMeaning): Candidate {
  const r = at.response;
  const asked = [`origin ${ctx.facts.sentOrigin}`, `method ${ctx.facts.method}`];
  if (ctx.facts.requestedHeaders.length > 0) asked.push(`headers ${listText(ctx.facts.requestedHeaders)}`);
  return {
    finding: makeFinding('cors-rule-no-match', {
      explanation: `${meaning.meaning} The browser asked for ${listText(asked)}; a single rule has to allow all of them at once.${neverSent(ctx)}`,
      evidence: [statusEvidence(at.where, r), ...meaning.evidence, bodyEvidence(at.where, r), originEvidence(ctx)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The server's CORS rules don't allow this request (${listText(asked)}).`,
    summary: 'No CORS rule matches',
  };
}
