/**
 * Cause findings: why the browser blocked this exchange, read from the verdict (Chromium's
 * decision) and the wire. One builder per cause, grouped by the check family; platform knowledge
 * comes in through ctx.origin/ctx.edge (meanings and fix stacks).
 */
import type { CorsError } from '../../../model';
import type { Candidate, RuleContext } from '../context';
import type { Located } from '../facts';
import { meaningOf } from '../status';
import { corsHeaderNames, headerValue, isOkStatus, oneLine, splitList, varyHasOrigin } from '../wire';
import { ACAH, ACAM, simple } from './text';
import { preflightStatusCandidate, corsNotEnabled, corsRuleNoMatch, originNotAllowed } from './preflight';
import { actualMissingAcao, servedByACache } from './response';
import { credentialsFlagMissing, invalidAllowOrigin, multipleOrigins, originMismatch, wildcardWithCredentials } from './origin';
import { acaoAsRequestHeader, authorizationWildcard, headerNotAllowed, invalidAllowList, methodNotAllowed } from './lists';
import { preflightRedirect, taintedOrigin } from './redirects';
import { noCorsError } from './network';

export { acaoAsRequestHeader, authorizationWildcard };

const LOCAL_NETWORK: ReadonlySet<CorsError> = new Set<CorsError>([
  'InsecurePrivateNetwork', 'InvalidPrivateNetworkAccess', 'UnexpectedPrivateNetworkAccess', 'PreflightMissingPrivateNetworkAccessId',
  'PreflightMissingPrivateNetworkAccessName', 'PrivateNetworkAccessPermissionUnavailable', 'PrivateNetworkAccessPermissionDenied',
  'LocalNetworkAccessPermissionDenied', 'InsecureLocalNetwork', 'InvalidLocalNetworkAccess', 'PreflightMissingAllowExternal', 'PreflightInvalidAllowExternal',
]);

/** The located response the failing check read; falls back to the preflight/actual response. */
function failingAt(ctx: RuleContext): Located | null {
  if (ctx.facts.failing) return ctx.facts.failing;
  if (ctx.facts.preflight) return { where: 'preflight response', response: ctx.facts.preflight };
  return ctx.facts.actual ? { where: 'response', response: ctx.facts.actual } : null;
}

/** A non-2xx preflight that failed first on a header check: its status is a second problem. */
function secondaryPreflightStatus(ctx: RuleContext, at: Located, err: CorsError): Candidate[] {
  if (!at.where.startsWith('preflight') || isOkStatus(at.response.status) || err === 'PreflightInvalidStatus' || err === 'PreflightMissingAllowOriginHeader') return [];
  if (err === 'PreflightDisallowedRedirect') return [];
  const c = preflightStatusCandidate(ctx, at, meaningOf(ctx, at.response, at.where), true, true);
  return [{ finding: c.finding }];
}

export function causeFindings(ctx: RuleContext): Candidate[] {
  const v = ctx.verdict;
  if (!v.crossOrigin) return [];
  // A request that failed without any HTTP answer and without a CORS decision (a network error) is not
  // blocked by CORS, but it still needs saying why it failed — whichever way the verdict counts it.
  // (One that ended at a redirect, e.g. fetch's redirect mode "error", is not such a failure.)
  if (!v.blocked) return v.corsError === null && v.phase !== 'redirect' && ctx.exchange.observed.failed === true && !ctx.exchange.response && ctx.exchange.redirects.length === 0 ? [noCorsError(ctx)] : [];
  const err = v.corsError;
  const at = failingAt(ctx);
  if (err === null) return [noCorsError(ctx)];
  if (LOCAL_NETWORK.has(err)) {
    return [simple(ctx, 'local-network-access', 'A public page (or a less private one) tried to reach a more private address (localhost or a private IP). Chromium requires a secure context, a preflight answered with Access-Control-Allow-Private-Network / the Local Network Access permission, depending on the version. Serve the page over HTTPS and allow the access, or call a public endpoint.', 'The browser blocked a call from a public page to a private or local address (Local Network Access).', 'Local Network Access', [ctx.facts.url ? `target: ${ctx.facts.url.origin}` : null])];
  }
  const out: Candidate[] = [];
  switch (err) {
    case 'PreflightMissingAllowOriginHeader':
    case 'PreflightInvalidStatus': {
      if (!at) break;
      const r = at.response;
      if (!isOkStatus(r.status)) {
        out.push(preflightStatusCandidate(ctx, at, meaningOf(ctx, r, at.where), err === 'PreflightInvalidStatus', false));
        break;
      }
      const meaning = meaningOf(ctx, r, at.where);
      // A layer known to refuse any part the same way (rs/cors) says so before Vary: Origin is read as a refused origin.
      if (meaning.category === 'cors-rule') out.push(corsRuleNoMatch(ctx, at, meaning));
      else if (corsHeaderNames(r).length > 0 || varyHasOrigin(r)) out.push(originNotAllowed(ctx, at));
      else out.push(corsNotEnabled(ctx, at, meaning));
      break;
    }
    case 'MissingAllowOriginHeader':
      if (at) out.push(...actualMissingAcao(ctx, at));
      break;
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      if (at) out.push(wildcardWithCredentials(ctx, at));
      break;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      if (at) out.push(multipleOrigins(ctx, at));
      break;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      if (at) out.push(invalidAllowOrigin(ctx, at));
      break;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      if (!at) break;
      if (ctx.facts.taintedByRedirect && ctx.facts.failingPhase !== 'preflight') out.push(taintedOrigin(ctx, at));
      // A CDN hit carrying another origin's value is the CDN cache's doing (cache findings explain it).
      else if (!(ctx.facts.failingPhase === 'actual' && servedByACache(at.response))) out.push(originMismatch(ctx, at));
      break;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      if (at) out.push(credentialsFlagMissing(ctx, at));
      break;
    case 'InvalidAllowMethodsPreflightResponse':
      if (at) out.push(invalidAllowList(ctx, at, ACAM));
      break;
    case 'InvalidAllowHeadersPreflightResponse':
      if (at) out.push(invalidAllowList(ctx, at, ACAH));
      break;
    case 'MethodDisallowedByPreflightResponse':
      if (at) out.push(methodNotAllowed(ctx, at));
      break;
    case 'HeaderDisallowedByPreflightResponse': {
      if (!at) break;
      const failed = (v.failedParameter ?? ctx.facts.missingHeaders[0] ?? '').toLowerCase();
      const acah = splitList(headerValue(at.response, ACAH));
      if (failed.startsWith('access-control-')) {
        out.push(acaoAsRequestHeader(ctx, ctx.facts.requestedHeaders.filter((h) => h.startsWith('access-control-')), true));
      } else if (failed === 'authorization' && acah.includes('*') && !acah.some((h) => h.toLowerCase() === 'authorization') && !ctx.facts.credentialsInclude) {
        out.push(authorizationWildcard(ctx, at, true));
      } else {
        out.push(headerNotAllowed(ctx, at));
      }
      break;
    }
    case 'PreflightDisallowedRedirect':
      if (at) out.push(preflightRedirect(ctx, at));
      break;
    case 'RedirectContainsCredentials':
      out.push(simple(ctx, 'redirect-contains-credentials', 'A redirect for this cross-origin request points to a URL with a user name or password in it (https://user:pass@host/…). Browsers refuse to follow such redirects for CORS requests. Redirect to a URL without credentials and authenticate with headers instead.', 'A redirect points to a URL containing user:password, which the browser refuses for CORS requests.', 'Redirect with credentials in URL', ctx.exchange.redirects.map((h) => `redirect: HTTP ${h.response.status}`)));
      break;
    case 'InvalidResponse':
      out.push(simple(ctx, 'preflight-network-error', `The preflight never got a usable HTTP answer${ctx.exchange.preflight?.error ? ` (${oneLine(ctx.exchange.preflight.error, 80)})` : ''}: connection refused, DNS, TLS or a reset. This is a network problem, not a header problem — check that the server is reachable from the browser at ${ctx.facts.url?.origin ?? 'this URL'}.`, 'The preflight failed at the network level (no HTTP answer), so the request was never sent.', 'Preflight network error', [ctx.exchange.preflight?.error ? `preflight error: ${oneLine(ctx.exchange.preflight.error, 80)}` : null]));
      break;
    case 'DisallowedByMode':
    case 'CorsDisabledScheme':
    case 'NoCorsRedirectModeNotFollow': {
      const why = err === 'DisallowedByMode'
        ? 'The request was made with mode "same-origin" but goes to another origin: the browser refuses it before sending. Use mode "cors" (the default for fetch).'
        : err === 'CorsDisabledScheme'
          ? `The URL's scheme (${ctx.facts.url?.protocol ?? 'unknown'}) does not support CORS: only http and https do. file:// and custom schemes cannot be fetched cross-origin.`
          : 'A no-cors request was made with a redirect mode other than "follow", which the browser refuses.';
      out.push(simple(ctx, 'browser-refused-request', why, 'The browser refused to send this request because of how the page made it.', 'Refused by the browser'));
      break;
    }
    default:
      out.push(simple(ctx, 'unexplained-block', `Chromium reported ${err}, which the rules have no explanation for yet.`, `The browser blocked this request (${err}).`, err));
  }
  if (at) out.push(...secondaryPreflightStatus(ctx, at, err));
  // A verdict the captured data cannot back up (e.g. the failing response is missing): say so rather than nothing.
  // A cache-served copy (missing or another origin's Allow-Origin) is explained by the cache findings.
  const cacheExplains = at !== null && servedByACache(at.response) && (err === 'MissingAllowOriginHeader' || err === 'AllowOriginMismatch');
  if (out.length === 0 && !cacheExplains) {
    out.push(simple(ctx, 'unexplained-block', `Chromium reported ${err}, but the capture does not contain the ${ctx.facts.failingPhase ?? 'failing'} response that would show why.`, `The browser blocked this request (${err}), but the failing response is not in the capture.`, err));
  }
  return out;
}

