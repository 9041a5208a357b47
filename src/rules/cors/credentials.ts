/**
 * Credentials-mode inference. Neither HAR nor webRequest records the mode, and it changes the
 * verdict (ACAO "*" and Access-Control-Allow-Credentials only matter with "include"). So when
 * the exchange does not say, evaluate the candidate modes and keep the one that explains what
 * the browser was seen to do.
 */
import type { CredentialsMode, Exchange } from '../../model';
import type { EngineResult } from './engine';
import { getHeader } from './headers';

/** What the browser's own outcome says about CORS. */
export type ObservedOutcome = 'allowed' | 'blocked' | 'network-error' | 'unknown';

export function observedOutcome(exchange: Exchange): ObservedOutcome {
  const { failed, errorText, corsError } = exchange.observed;
  if (failed === undefined) return 'unknown';
  if (!failed) return 'allowed';
  // CORS failures always surface as net::ERR_FAILED; other codes are network errors.
  if (corsError || errorText === undefined || errorText === '' || errorText === 'net::ERR_FAILED') return 'blocked';
  return 'network-error';
}

/**
 * How well one mode's result explains the observation: 0 contradicts it, 1 cannot tell (nothing
 * observed, or the capture lacks what the checks need), 2 explains it, 3 explains it down to the
 * CorsError Chromium reported. A failure the capture shows to be something other than CORS (a
 * preflight's network error, more than 20 redirects) explains a net::ERR_FAILED as well as a failing
 * check does: then the preferred mode wins, and "include" is not inferred just to produce a CORS
 * error. A non-CORS end that is only inferred from what the capture lacks (a redirect nothing shows
 * was followed) cannot tell: a failing check in another mode explains the capture better.
 */
export function consistency(result: EngineResult, exchange: Exchange): 0 | 1 | 2 | 3 {
  const observed = observedOutcome(exchange);
  if (observed === 'unknown' || observed === 'network-error' || result.outcome === 'unknown') return 1;
  if (observed === 'allowed') return result.outcome === 'allowed' ? 2 : result.outcome === 'failed' ? 1 : 0;
  if (result.outcome === 'failed') return exchange.observed.corsError ? 0 : result.failureInferred ? 1 : 2;
  if (result.outcome !== 'blocked') return 0;
  return exchange.observed.corsError && exchange.observed.corsError === result.corsError ? 3 : 2;
}

/** A Cookie header on a cross-origin request is only sent in mode "include". */
export function hasCookieEvidence(exchange: Exchange): boolean {
  const cookie = getHeader(exchange.request.headers, 'cookie');
  return cookie !== null && cookie !== '';
}

export interface CredentialsChoice {
  mode: CredentialsMode;
  inferred: boolean;
  result: EngineResult;
  /** True when no candidate mode explains the observed outcome. */
  inconsistent: boolean;
  notes: string[];
  /** Other verdicts an unrecorded credentials (or redirect) mode would give, equally consistent with the outcome. */
  alternatives: Alternative[];
}

/** The modes worth evaluating: the recorded one, or the fetch default plus "include". */
export function candidateModes(exchange: Exchange): CredentialsMode[] {
  return exchange.credentials ? [exchange.credentials] : ['same-origin', 'include'];
}

/**
 * `run(mode, quiet)`: the engine for one mode; a quiet run records no check rows (see runChecks). The
 * preferred mode runs in full and the others quietly, since only their outcomes are compared; a quiet
 * one that gets picked is run again in full. Chosen, notes and alternatives are the same as running
 * every mode in full (evaluate.property.test.ts).
 */
export function chooseCredentials(exchange: Exchange, run: (mode: CredentialsMode, quiet: boolean) => EngineResult): CredentialsChoice {
  const modes = candidateModes(exchange);
  const cookie = hasCookieEvidence(exchange);
  const preferred: CredentialsMode = exchange.credentials ?? (cookie ? 'include' : 'same-origin');
  const scored = modes.map((mode) => {
    const result = run(mode, mode !== preferred);
    return { mode, result, score: consistency(result, exchange) };
  });
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  const pick = top.find((s) => s.mode === preferred) ?? top[0] ?? scored[0];
  if (!pick) throw new Error('no credentials mode to evaluate');
  if (pick.result.quiet) pick.result = run(pick.mode, false);

  const notes: string[] = [];
  const inferred = exchange.credentials === undefined;
  if (inferred && pick.result.crossOrigin) {
    const outcome = observedOutcome(exchange);
    if (best === 0) {
      notes.push(`The credentials mode was not recorded; neither "same-origin" nor "include" explains the observed outcome, so "${pick.mode}" is shown as the most likely.`);
    } else if (top.length === 1 && scored.length > 1) {
      notes.push(`The credentials mode was not recorded; only "${pick.mode}" explains why the browser ${outcome === 'allowed' ? 'allowed' : 'blocked'} this request.`);
    } else if (pick.mode === 'include' && cookie) {
      notes.push('The credentials mode was not recorded; the request carried a Cookie header, so it was sent with credentials: "include".');
    } else {
      notes.push(`The credentials mode was not recorded; evaluated as "${pick.mode}"${pick.mode === 'same-origin' ? ' (the fetch default, which sends no cookies to another origin)' : ''}.`);
    }
  }
  if (inferred && pick.result.outcome === 'blocked') {
    const ended = scored.find((s) => s !== pick && s.result.outcome === 'failed' && s.result.failureInferred);
    if (ended) {
      notes.push(`With credentials: "${ended.mode}" every check passes and the request would have ended at the redirect for a reason that is not CORS (fetch's redirect mode "error"); the capture cannot tell the two apart, and a CORS failure is the likelier reading.`);
    }
  }
  if (inferred && best > 0 && pick.result.outcome === 'failed') {
    // A failure that is not CORS but reads like one in the other mode. (Another CORS error in the other
    // mode is not a note: it is one of the alternatives below, which every view shows.)
    for (const other of top) {
      if (other === pick || other.result.outcome !== 'blocked') continue;
      notes.push(`The capture cannot tell this failure from a CORS one: had the request been sent with credentials: "${other.mode}", the browser would have blocked it with ${other.result.corsError ?? 'a CORS error'} at the same step.`);
    }
  }
  // Readings the evidence supports as well as the pick (both consistent with what was observed) but
  // with another verdict: only the unrecorded request options tell them apart.
  const alternatives: Alternative[] = [];
  if (inferred && best > 0) {
    for (const other of scored) {
      if (other === pick || other.score === 0 || !other.result.crossOrigin) continue;
      const reading = readingOf(other.result);
      const mine = readingOf(pick.result);
      if (reading.blocked === mine.blocked && reading.corsError === mine.corsError && reading.failedParameter === mine.failedParameter) continue;
      alternatives.push({ ...reading, condition: other.result.outcome === 'failed' && other.result.failureInferred
        ? `the request was sent with credentials: "${other.mode}" and ended at the redirect for a reason that is not CORS (fetch's redirect: "error")`
        : `the request was sent with credentials: "${other.mode}"` });
    }
  }
  return { mode: pick.mode, inferred, result: pick.result, inconsistent: best === 0, notes, alternatives };
}

export interface Alternative {
  blocked: boolean;
  corsError: EngineResult['corsError'];
  failedParameter: string | null;
  condition: string;
}

/** A run's verdict in the Verdict's terms (blocked = a CORS check failed). */
function readingOf(r: EngineResult): Omit<Alternative, 'condition'> {
  const blocked = r.outcome === 'blocked';
  return { blocked, corsError: blocked ? r.corsError : null, failedParameter: blocked ? r.failedParameter : null };
}
