/** What an HTTP status means when no platform signature says more. */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from './context';
import { explainResponse } from './context';
import { statusEvidence } from './wire';

export function genericMeaning(response: ResponseRecord, where: string): ResponseMeaning {
  const s = response.status;
  const evidence = [statusEvidence(where, response)];
  const m = (category: ResponseMeaning['category'], label: string, meaning: string): ResponseMeaning =>
    ({ category, label, meaning, evidence, generatedBy: 'unknown' });
  if (s === 401 || s === 407) return m('auth', 'authentication required', 'The server wants credentials (a token, a cookie, an API key) before it answers.');
  if (s === 403) return m('forbidden', 'forbidden', 'Something rejected the request — usually authentication or authorization, an API-key check, or a firewall/WAF rule.');
  if (s === 404) return m('not-found', 'not found', 'The server has no route for this path (and method).');
  if (s === 405) return m('not-found', 'method not allowed', 'The server has a route for this path, but not for this method.');
  if (s === 501) return m('not-found', 'not implemented', 'The server does not implement this method.');
  if (s === 429) return m('throttle', 'too many requests', 'The server is rate-limiting the caller.');
  if (s === 400 || s === 413 || s === 415 || s === 422) return m('bad-request', `rejected request (${s})`, 'The server refused the request as malformed, too large or of the wrong type.');
  if (s === 504) return m('timeout', 'timeout', 'A gateway or proxy gave up waiting for the backend.');
  if (s === 502 || s === 503) return m('backend', `backend unavailable (${s})`, 'A gateway or proxy could not get a valid answer from the backend.');
  if (s >= 500) return m('backend', `server error (${s})`, 'The server failed while handling the request.');
  return m('backend', `HTTP ${s}`, `The server answered ${s}.`);
}

/** Platform reading first, generic status meaning otherwise. */
export function meaningOf(ctx: RuleContext, response: ResponseRecord, where: string): ResponseMeaning {
  return explainResponse(ctx, response, where) ?? genericMeaning(response, where);
}
