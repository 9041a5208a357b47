/**
 * evaluate(): the verdict Chromium 156 reaches for an exchange, from its headers alone, with the
 * ordered checks behind it. The checks live in ./cors (one file per family); this file only
 * chooses the credentials mode and reconciles the result with what the browser was seen to do.
 */
import type { Exchange, Verdict } from '../model';
import { chooseCredentials, observedOutcome } from './cors/credentials';
import { runChecks } from './cors/engine';

export function evaluate(exchange: Exchange): Verdict {
  const choice = chooseCredentials(exchange, (mode, quiet) => runChecks(exchange, mode, quiet));
  const { result } = choice;
  const credentials = { mode: choice.mode, inferred: choice.inferred };
  const notes = [...result.notes, ...choice.notes];

  if (!result.crossOrigin) {
    return {
      crossOrigin: false, blocked: false, corsError: null, failedParameter: null, phase: null,
      checks: result.checks, credentials, preflightReasons: [], notes,
    };
  }

  // `blocked` means a CORS check failed (Chromium reports a CorsError). A request that failed for
  // another reason (a network error, too many redirects, a redirect it was not allowed to follow) is
  // not blocked by CORS: the verdict says so in its notes, with corsError null.
  const observed = observedOutcome(exchange);
  let blocked = result.outcome === 'blocked';
  if (result.outcome === 'unknown') {
    blocked = observed === 'blocked';
    if (result.undecidedReason) notes.push(`${result.undecidedReason} The verdict follows the browser's observed outcome (${observed}).`);
  } else if (result.outcome === 'failed' && result.failureReason) {
    notes.push(result.failureReason);
  }
  if (observed === 'network-error') {
    const error = exchange.observed.errorText ?? 'a network error';
    if (blocked) notes.push(`By these headers Chromium would report ${result.corsError ?? 'a CORS error'}, but the request failed with ${error}, which is not a CORS error: something else ended it first.`);
    else if (result.outcome === 'allowed') notes.push(`The request failed with ${error}, which is not a CORS decision: the CORS checks themselves pass.`);
    blocked = false;
  }

  const verdict: Verdict = {
    crossOrigin: true,
    blocked,
    corsError: blocked ? result.corsError : null,
    failedParameter: blocked ? result.failedParameter : null,
    phase: result.phase,
    checks: result.checks,
    credentials,
    preflightReasons: result.preflightReasons,
    notes,
    ...(choice.alternatives.length && observed !== 'network-error' ? { alternatives: choice.alternatives } : {}),
  };
  const reported = exchange.observed.corsError;
  if (reported && blocked && result.corsError && reported !== result.corsError) {
    notes.push(`The browser reported ${reported}; by these headers the rules reach ${result.corsError}.`);
  }
  if (!choice.inconsistent) return verdict;

  // No credentials mode explains what the browser did: keep the browser's outcome and say why.
  verdict.inconsistent = true;
  if (observed === 'blocked' && !blocked) {
    const said = exchange.observed.corsError ? ` (Chromium reported ${exchange.observed.corsError})` : '';
    notes.push(`The browser blocked this request${said}, but every CORS check in the capture passes: something the capture does not show decided.`);
    return { ...verdict, blocked: true, corsError: null, failedParameter: null };
  }
  if (observed === 'allowed' && blocked) {
    notes.push(`By these headers Chromium would report ${result.corsError ?? 'a failure'}, yet the browser allowed the request: the capture may not show the headers the browser saw (e.g. a cached preflight or response).`);
    return { ...verdict, blocked: false, corsError: null, failedParameter: null };
  }
  return verdict;
}
