/**
 * Walks one exchange through Chromium's CORS checks, in Chromium's order, for ONE credentials
 * mode. `evaluate` (src/rules/evaluate.ts) runs it for the candidate modes and picks one.
 *
 * Order (services/network/cors/cors_url_loader.cc, preflight_controller.cc):
 *   StartRequest: scheme → mode → preflight needed? → preflight (redirect → CheckAccess →
 *   status → ACAM/ACAH syntax → method → headers) → actual request → for each redirect:
 *   CheckAccess → hop count → Location credentials → tainted origin → (restart: scheme, mode,
 *   preflight for the new URL) → final response: CheckAccess (not for a 304 revalidation).
 */
import type { CorsError, CredentialsMode, Exchange, Header, Phase, PreflightRecord, RedirectHop, ResponseRecord } from '../../model';
import { checkAccess, credentialsNote, originPassNote, toPreflightError } from './check-access';
import { getHeader } from './headers';
import { reusedStoredResponse, revalidatedStoredResponse, type StoredResponse } from './http-cache';
import { OPAQUE_ORIGIN, isCorsEnabledScheme, isSameOrigin, normalizeOrigin, schemeOf } from './origin';
import { checkHeader, checkMethod, describeMaxAge, isOkStatus, parseAllowLists, listedByPreflights, preflightNeed, reconcileUnsafeHeaders, withPageSetHeaders, type PreflightNeed } from './preflight';
import { Recorder, type Row } from './recorder';
import { BODY_HEADERS, MAX_REDIRECTS, methodAfterRedirect, redirectHasForbiddenCredentials, redirectTarget, taintsOrigin } from './redirect';
import { resolveRequestMode } from './request-mode';

/**
 * allowed: every CORS check passed. blocked: a CORS check failed (`corsError` is set). failed: the
 * request ended for a reason that is not a CORS check (a network error, too many redirects, a redirect
 * the page did not let the browser follow), `corsError` null. unknown: the capture lacks what the
 * next check needs.
 */
export type Outcome = 'allowed' | 'blocked' | 'failed' | 'unknown';

export interface EngineResult {
  crossOrigin: boolean;
  outcome: Outcome;
  corsError: CorsError | null;
  failedParameter: string | null;
  phase: Phase | null;
  checks: Recorder['checks'];
  preflightReasons: string[];
  notes: string[];
  /** Why the outcome is unknown, when it is. */
  undecidedReason?: string;
  /** What ended the request, when the outcome is `failed`. */
  failureReason?: string;
  /**
   * True when that end is not shown by the capture but inferred from what it lacks (a redirect that
   * nothing shows was followed). A failing CORS check in another credentials mode explains the same
   * capture at least as well.
   */
  failureInferred?: boolean;
  /**
   * True for a quiet run (see runChecks): only crossOrigin, outcome, corsError, failedParameter and the
   * failure/undecided reasons are meaningful; checks, phase and notes were not recorded.
   */
  quiet?: true;
}

export const CACHE_NOTE = "Answered from the browser's preflight cache.";

/**
 * Runs the checks for one credentials mode. `quiet` skips recording the check rows: the outcome is the
 * same, for a mode that is only evaluated to be compared with the one shown.
 */
export function runChecks(exchange: Exchange, credentials: CredentialsMode, quiet = false): EngineResult {
  const result = new Walk(exchange, credentials, quiet).run();
  if (quiet) result.quiet = true;
  return result;
}

class Walk {
  private readonly rec: Recorder;
  private readonly notes: string[] = [];
  private readonly pageOrigin: string;
  private preflightReasons: string[] = [];
  /** Every captured preflight, in the order they were sent; each guards the leg whose URL it went to. */
  private readonly preflights: PreflightRecord[];
  /** Names the captured preflights list in Access-Control-Request-Headers (listedByPreflights). */
  private readonly listed: ReadonlySet<string>;
  private readonly usedPreflights = new Set<PreflightRecord>();
  /** Legs (0 = the first URL) for which a captured preflight was judged. */
  private readonly preflightedLegs = new Set<number>();
  /** False until the CORS checks first start (leg 0, or the first redirect that leaves the page's origin). */
  private started = false;
  private readonly legs: string[];

  constructor(private readonly ex: Exchange, private readonly credentials: CredentialsMode, quiet: boolean) {
    this.rec = new Recorder(quiet);
    this.pageOrigin = normalizeOrigin(ex.pageOrigin);
    this.legs = [ex.request.url, ...ex.redirects.map((r) => r.location)];
    this.preflights = [...(ex.preflight ? [ex.preflight] : []), ...(ex.redirectPreflights ?? [])];
    this.listed = listedByPreflights(this.preflights);
  }

  /** preflightNeed, knowing which browser-added-looking headers the page set (its preflights list them). */
  private need(method: string, headers: readonly Header[]): PreflightNeed {
    return withPageSetHeaders(preflightNeed(method, headers), this.listed);
  }

  run(): EngineResult {
    const { ex } = this;
    const { mode, source } = resolveRequestMode(ex);
    if (mode === 'navigate' || mode === 'no-cors' || mode === 'websocket') {
      const how = source === 'exchange' ? '' : ` (from the ${source === 'sec-fetch-mode' ? 'Sec-Fetch-Mode header' : 'resource type'})`;
      const what = mode === 'navigate' ? 'a navigation' : mode === 'websocket' ? 'a WebSocket handshake' : 'a no-cors request';
      return this.notCors(`This is ${what}${how}: the browser does not apply CORS to it.`);
    }
    if (schemeOf(ex.request.url) === 'data') return this.notCors('data: URLs are answered by the browser itself: CORS does not apply.');

    let method = ex.request.method;
    let headers: readonly Header[] = ex.request.headers;
    let corsFlag = !isSameOrigin(this.pageOrigin, ex.request.url);
    let crossOrigin = corsFlag;
    let tainted = false;
    let restart = true;

    for (let k = 0; k < this.legs.length && !this.rec.stopped; k++) {
      const legUrl = this.legs[k] ?? '';
      const origin = tainted ? OPAQUE_ORIGIN : this.pageOrigin;
      if (corsFlag && restart) {
        this.startRequest(k, legUrl, mode, method, headers, origin);
        if (this.rec.stopped) break;
      }
      // A final response that is itself a redirect was never followed: still judge the redirect.
      const hop = ex.redirects[k] ?? this.unfollowedRedirect(k, legUrl);
      if (!hop) {
        this.finalResponse(k, corsFlag, legUrl, origin, method);
        break;
      }
      const label = `Redirect ${k + 1}`;
      if (corsFlag) this.access('redirect', hop.response.headers, origin, legUrl, (e) => e, `${label} origin`, `${label} credentials`);
      if (this.rec.stopped) break;
      if (k >= MAX_REDIRECTS) {
        const note = `Chromium follows at most ${MAX_REDIRECTS} redirects; this is a network error (net::ERR_TOO_MANY_REDIRECTS), not a CORS error.`;
        this.rec.fail({ id: 'redirect-count', phase: 'redirect', label: 'Redirects', asked: String(k + 1), allowed: String(MAX_REDIRECTS), note }, { corsError: null, failedParameter: null, reason: note });
        break;
      }
      this.redirectLocation(label, hop.location, corsFlag, tainted);
      if (this.rec.stopped) break;
      if (k >= ex.redirects.length) {
        this.redirectNotFollowed(label, hop.location);
        break;
      }
      if (!tainted && taintsOrigin(legUrl, hop.location, this.pageOrigin)) {
        tainted = true;
        this.notes.push(`After the redirect to ${originLabel(hop.location)} the request's Origin became "null": a redirect between two other origins makes it opaque, so only "*" or "null" can match from then on.`);
      }
      const newMethod = methodAfterRedirect(hop.response.status, method);
      if (newMethod !== method) headers = headers.filter((h) => !BODY_HEADERS.includes(h.name.toLowerCase()));
      const wasCors = corsFlag;
      if (!corsFlag && !isSameOrigin(this.pageOrigin, hop.location)) corsFlag = true;
      crossOrigin ||= corsFlag;
      restart = (corsFlag && this.need(newMethod, headers).reasons.length > 0) || (!wasCors && corsFlag) || (corsFlag && newMethod !== method);
      method = newMethod;
    }

    if (!crossOrigin) return this.notCors('Same-origin request: CORS does not apply.');
    return this.result(true);
  }

  private unfollowedRedirect(k: number, url: string): RedirectHop | undefined {
    const response = this.ex.response;
    if (k !== this.ex.redirects.length || !response) return undefined;
    const location = redirectTarget(url, response);
    return location === null ? undefined : { url, response, location };
  }

  /** Chromium's StartRequest for one leg: scheme, mode, then the preflight if one is needed. */
  private startRequest(k: number, url: string, mode: string, method: string, headers: readonly Header[], origin: string): void {
    const scheme = schemeOf(url) ?? '';
    if (!isCorsEnabledScheme(url)) {
      this.rec.fail({ id: 'scheme', phase: 'request', label: 'URL scheme', asked: scheme, allowed: 'http, https', corsError: 'CorsDisabledScheme', note: `A cross-origin request can only go to http: or https: URLs, not ${scheme}:.` }, { corsError: 'CorsDisabledScheme', failedParameter: '' });
      return;
    }
    if (mode === 'same-origin') {
      this.rec.fail({ id: 'mode', phase: 'request', label: 'Request mode', asked: 'same-origin', allowed: null, corsError: 'DisallowedByMode', note: 'The request was made with mode "same-origin" but goes to another origin.' }, { corsError: 'DisallowedByMode', failedParameter: '' });
      return;
    }
    const need = this.need(method, headers);
    const first = !this.started;
    this.started = true;
    if (first) {
      this.preflightReasons = need.reasons;
      for (const h of need.ignoredHeaders) this.notes.push(`Ignored request header ${h.name} when deciding on a preflight: ${h.reason}.`);
    }
    const record = this.pickPreflight(k, url);
    if (need.reasons.length === 0 && !record) {
      if (first) this.simpleRequestRows(method);
      return;
    }
    if (need.reasons.length === 0 && first) {
      this.preflightReasons = ['the browser sent a preflight although no method or header required one (e.g. XHR upload listeners, a streaming body, or a Local Network Access check)'];
    }
    this.preflight(k, record, need, method, origin);
  }

  /**
   * The captured preflight that guarded this leg: the first unused one sent to its URL; else the first
   * unused one sent to no later leg's URL (a capture may record a preflight's URL differently).
   */
  private pickPreflight(k: number, url: string): PreflightRecord | undefined {
    const free = this.preflights.filter((p) => !this.usedPreflights.has(p));
    const here = stripUrl(url);
    const later = new Set(this.legs.slice(k + 1).map(stripUrl));
    const pf = free.find((p) => stripUrl(p.request.url) === here) ?? free.find((p) => !later.has(stripUrl(p.request.url)));
    if (!pf) return undefined;
    this.usedPreflights.add(pf);
    this.preflightedLegs.add(k);
    return pf;
  }

  private simpleRequestRows(method: string): void {
    this.rec.pass({ id: 'allow-method', phase: 'request', label: 'Method', asked: method, allowed: null, note: `${method.toUpperCase()} is CORS-safelisted: it needs no server approval.` });
    this.rec.skip({ id: 'preflight-status', phase: 'preflight', label: 'Preflight', asked: null, allowed: null, note: 'Not needed: a GET, HEAD or POST with only CORS-safelisted headers goes out without a preflight.' });
  }

  private preflight(k: number, pf: PreflightRecord | undefined, need: PreflightNeed, method: string, origin: string): void {
    const { ex } = this;
    const withCredentials = this.credentials === 'include';
    if (!pf) {
      let note: string;
      if (ex.preflightFromCache) note = CACHE_NOTE;
      else if (k > 0) note = 'After the redirect the browser sent a new preflight to this URL; it is not part of this capture.';
      else if (ex.response || ex.redirects.length > 0 || ex.observed.failed === false) note = `${CACHE_NOTE} No preflight was captured, yet the request itself went out (or the capture missed the preflight).`;
      else note = 'No preflight was captured for this request, so its checks cannot be judged.';
      const row = (r: Row): void => this.rec.skip({ ...r, note });
      row({ id: 'allow-origin', phase: 'preflight', label: 'Preflight origin', asked: origin, allowed: null });
      row({ id: 'allow-credentials', phase: 'preflight', label: 'Preflight credentials', asked: this.credentials, allowed: null });
      row({ id: 'preflight-status', phase: 'preflight', label: 'Preflight status', asked: '2xx', allowed: null });
      row({ id: 'allow-method', phase: 'preflight', label: 'Method', asked: method, allowed: null });
      for (const h of need.unsafeHeaders) row({ id: 'allow-header', phase: 'preflight', label: `Header ${h.name}`, asked: h.name, allowed: null });
      return;
    }

    const askedMethod = getHeader(pf.request.headers, 'access-control-request-method') ?? method;
    const unsafe = reconcileUnsafeHeaders(need.unsafeHeaders, pf.request.headers.length > 0 ? pf.request.headers : undefined);

    // Only a redirect Chromium would follow is a redirect; a 300, or a 3xx without Location, is a plain (non-2xx) answer.
    const pfUrl = pf.request.url || this.legs[k] || '';
    const redirectAnswer = pf.redirect && redirectTarget(pfUrl, pf.redirect.response) !== null ? pf.redirect.response
      : pf.response && redirectTarget(pfUrl, pf.response) !== null ? pf.response : undefined;
    if (redirectAnswer) {
      const to = redirectTarget(pfUrl, redirectAnswer) ?? '';
      this.rec.fail({ id: 'preflight-redirect', phase: 'preflight', label: 'Preflight redirect', asked: 'no redirect', allowed: `${redirectAnswer.status} → ${redactUserInfo(to)}`, corsError: 'PreflightDisallowedRedirect', note: 'The preflight was answered with a redirect; a preflight must be answered directly with a 2xx status.' }, { corsError: 'PreflightDisallowedRedirect', failedParameter: '' });
    }
    const response = pf.response ?? pf.redirect?.response;
    if (!response) {
      if (pf.error) {
        const note = `The preflight failed with a network error (${pf.error}) before any CORS check: a connectivity problem, not a CORS header problem.`;
        this.rec.fail({ id: 'preflight-response', phase: 'preflight', label: 'Preflight response', asked: 'OPTIONS', allowed: pf.error, note }, { corsError: null, failedParameter: null, reason: note });
      } else if (!this.rec.stopped) {
        this.rec.cannotJudge({ id: 'preflight-response', phase: 'preflight', label: 'Preflight response', asked: 'OPTIONS', allowed: null }, 'The preflight has no response in this capture.');
      }
      return;
    }

    this.access('preflight', response.headers, origin, pfUrl, toPreflightError, 'Preflight origin', 'Preflight credentials');

    const statusRow: Row = { id: 'preflight-status', phase: 'preflight', label: 'Preflight status', asked: '2xx', allowed: String(response.status), corsError: 'PreflightInvalidStatus' };
    if (isOkStatus(response.status)) this.rec.pass({ ...statusRow, note: `The preflight was answered with ${response.status}.` });
    else this.rec.fail({ ...statusRow, note: `The preflight was answered with ${response.status}; it needs a 2xx status (often the server or gateway does not handle OPTIONS for this path).` }, { corsError: 'PreflightInvalidStatus', failedParameter: '' });

    const lists = parseAllowLists(response.headers);
    if (lists.rawMethods !== null) {
      const row: Row = { id: 'allow-methods-syntax', phase: 'preflight', label: 'Allow-Methods syntax', asked: null, allowed: lists.rawMethods, corsError: 'InvalidAllowMethodsPreflightResponse' };
      if (lists.methods.ok) this.rec.pass({ ...row, note: 'Access-Control-Allow-Methods is a valid comma-separated list.' });
      else this.rec.fail({ ...row, note: `Access-Control-Allow-Methods is not a valid comma-separated list of tokens ("${lists.methods.invalidItem}" is not a token).` }, { corsError: 'InvalidAllowMethodsPreflightResponse', failedParameter: '' });
    }
    if (lists.rawHeaders !== null) {
      const row: Row = { id: 'allow-headers-syntax', phase: 'preflight', label: 'Allow-Headers syntax', asked: null, allowed: lists.rawHeaders, corsError: 'InvalidAllowHeadersPreflightResponse' };
      if (lists.headers.ok) this.rec.pass({ ...row, note: 'Access-Control-Allow-Headers is a valid comma-separated list.' });
      else this.rec.fail({ ...row, note: `Access-Control-Allow-Headers is not a valid comma-separated list of tokens ("${lists.headers.invalidItem}" is not a token).` }, { corsError: 'InvalidAllowHeadersPreflightResponse', failedParameter: '' });
    }

    const methods = lists.methods.ok ? lists.methods.items : [];
    const methodRow: Row = { id: 'allow-method', phase: 'preflight', label: 'Method', asked: askedMethod, allowed: lists.rawMethods, corsError: 'MethodDisallowedByPreflightResponse' };
    const m = checkMethod(askedMethod, methods, withCredentials);
    if (m.ok) this.rec.pass({ ...methodRow, note: m.via === 'safelisted' ? `${askedMethod} is CORS-safelisted and never needs to be listed.` : m.via === 'wildcard' ? '"*" allows any method for a request without credentials.' : `${askedMethod} is listed in Access-Control-Allow-Methods.` });
    else this.rec.fail({ ...methodRow, note: m.note }, { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: askedMethod });

    const allowHeaders = lists.headers.ok ? lists.headers.items : [];
    for (const h of unsafe) {
      const row: Row = { id: 'allow-header', phase: 'preflight', label: `Header ${h.name}`, asked: h.name, allowed: lists.rawHeaders, corsError: 'HeaderDisallowedByPreflightResponse' };
      const c = checkHeader(h.name, allowHeaders, withCredentials);
      if (c.ok) {
        if (c.via === 'wildcard-authorization' && !this.rec.stopped) {
          this.notes.push('Authorization was allowed by "Access-Control-Allow-Headers: *". Chromium 156 accepts this, but the Fetch standard says "*" never covers Authorization (other browsers may block it): list authorization explicitly. See docs/chromium-differences.md.');
        }
        this.rec.pass({ ...row, note: c.via === 'listed' ? `${h.name} is listed in Access-Control-Allow-Headers.` : c.via === 'wildcard' ? `"*" allows ${h.name} for a request without credentials.` : 'Covered by "*" in Chromium 156, although the Fetch standard says "*" never covers Authorization.' });
      } else {
        this.rec.fail({ ...row, note: c.note }, { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: h.name });
      }
    }

    const maxAge = describeMaxAge(getHeader(response.headers, 'access-control-max-age'));
    const maxAgeRow: Row = { id: 'max-age', phase: 'preflight', label: 'Preflight cache', asked: null, allowed: getHeader(response.headers, 'access-control-max-age') };
    if (!this.rec.stopped) this.rec.pass({ ...maxAgeRow, note: maxAgeNote(maxAge.seconds, maxAge.source) });
  }

  /** CheckAccess on one response, as two rows (origin, then credentials). */
  private access(phase: Phase, headers: readonly Header[], origin: string, responseUrl: string, map: (e: CorsError) => CorsError, originLabel: string, credentialsLabel: string): void {
    const allowOrigin = getHeader(headers, 'access-control-allow-origin');
    const allowCredentials = getHeader(headers, 'access-control-allow-credentials');
    const input = { allowOrigin, allowCredentials, credentials: this.credentials, origin, responseUrl };
    const failure = checkAccess(input);
    const originRow: Row = { id: 'allow-origin', phase, label: originLabel, asked: origin, allowed: allowOrigin, corsError: map('AllowOriginMismatch') };
    if (failure?.part === 'origin') {
      this.rec.fail({ ...originRow, corsError: map(failure.corsError), note: failure.note }, { corsError: map(failure.corsError), failedParameter: failure.failedParameter });
    } else {
      this.rec.pass({ ...originRow, note: originPassNote(allowOrigin, this.credentials) });
    }
    const credRow: Row = { id: 'allow-credentials', phase, label: credentialsLabel, asked: this.credentials, allowed: allowCredentials, corsError: map('InvalidAllowCredentials') };
    if (this.credentials !== 'include') {
      this.rec.skip({ ...credRow, note: credentialsNote(this.credentials) });
      return;
    }
    // Judge credentials on their own too, so an unreached row still says whether it would pass.
    const credFailure = failure?.part === 'credentials' ? failure : checkAccess({ ...input, allowOrigin: origin });
    if (credFailure?.part === 'credentials') {
      this.rec.fail({ ...credRow, note: credFailure.note }, { corsError: map(credFailure.corsError), failedParameter: credFailure.failedParameter });
    } else {
      this.rec.pass({ ...credRow, note: credentialsNote(this.credentials) });
    }
  }

  private redirectLocation(label: string, location: string, corsFlag: boolean, tainted: boolean): void {
    const row: Row = { id: 'redirect-location', phase: 'redirect', label: `${label} target`, asked: redactUserInfo(location), allowed: null, corsError: 'RedirectContainsCredentials' };
    if (redirectHasForbiddenCredentials(location, this.pageOrigin, corsFlag, tainted)) {
      this.rec.fail({ ...row, note: 'The redirect points to a URL with a user name or password, which a cross-origin request may not follow.' }, { corsError: 'RedirectContainsCredentials', failedParameter: '' });
    } else {
      this.rec.pass({ ...row, note: 'The redirect target carries no user name or password.' });
    }
  }

  private finalResponse(k: number, corsFlag: boolean, url: string, origin: string, method: string): void {
    if (!corsFlag) return;
    const { ex } = this;
    const response: ResponseRecord | undefined = ex.response;
    const row: Row = { id: 'allow-origin', phase: 'actual', label: 'Origin', asked: origin, allowed: null, corsError: 'MissingAllowOriginHeader' };
    if (!response || response.status === 0) {
      const failedText = ex.observed.errorText;
      if (failedText && !isCorsFailureText(failedText)) {
        const reason = `No response arrived: the request failed with ${failedText}, a network error rather than a CORS decision.`;
        this.rec.halt({ ...row, note: reason }, reason);
        return;
      }
      const stored = ex.observed.failed === true ? reusedStoredResponse(ex, url, method) : undefined;
      if (stored) {
        this.httpCacheRow(stored, 'No response came from the network: the HTTP cache handed this request the copy');
        const to = redirectTarget(url, stored.response);
        this.access(to === null ? 'actual' : 'redirect', stored.response.headers, origin, url, (e) => e, to === null ? 'Origin' : `Redirect ${k + 1} origin (stored)`, to === null ? 'Credentials' : `Redirect ${k + 1} credentials (stored)`);
        // A stored redirect is judged like one from the network: its target may not carry credentials.
        if (to !== null && !this.rec.stopped) this.redirectLocation(`Redirect ${k + 1} (stored)`, to, corsFlag, origin === OPAQUE_ORIGIN);
        if (to !== null && !this.rec.stopped) {
          const row: Row = { id: 'redirect-follow', phase: 'redirect', label: `Redirect ${k + 1} followed`, asked: redactUserInfo(to), allowed: null };
          if (!ex.lastLegRequested) {
            // Nothing shows the target was requested: as for a redirect from the network, the request ended
            // there (fetch's redirect mode "error"), unless a credentials mode that fails these checks explains
            // the failure (credentials.ts).
            const reason = `The HTTP cache handed this request a stored redirect to ${redactUserInfo(to)}, which passes its CORS checks, and nothing in the capture shows the browser followed it: the request ended at the redirect, e.g. fetch's redirect mode "error", which is not a CORS error.`;
            this.rec.halt({ ...row, note: reason }, reason, true);
          } else {
            // A stored redirect that passes: the browser followed it, and what came next is not in the capture.
            const reason = `The HTTP cache handed this request a stored redirect to ${redactUserInfo(to)}, which passes its CORS checks; what the browser met after it is not in the capture.`;
            this.rec.cannotJudge({ ...row, note: reason }, reason);
          }
        }
        return;
      }
      if (k > 0 && !this.preflightedLegs.has(k) && ex.observed.failed === true && !ex.lastLegRequested) {
        // Nothing was sent to this URL: no preflight, no response. A followed redirect would show one
        // or the other; fetch's redirect mode "error" ends the request at the redirect instead. A HAR
        // shows a redirect the network service refused (a failing CORS check) exactly the same way,
        // so this reading is only inferred (see credentials.ts).
        const reason = `Nothing in the capture shows the browser followed the redirect to ${redactUserInfo(url)} (no request or preflight to it was answered): the request ended at the redirect, e.g. fetch's redirect mode "error", which is not a CORS error.`;
        this.rec.halt({ id: 'redirect-follow', phase: 'redirect', label: `Redirect ${k} followed`, asked: redactUserInfo(url), allowed: null }, reason, true);
        return;
      }
      const reason = k > 0 && ex.lastLegRequested
        ? `The browser followed the redirect to ${redactUserInfo(url)}, but no response to that request was recorded (a HAR records a response CORS rejected from the HTTP cache as status 0), so its headers cannot be checked.`
        : 'No response was captured, so the response headers cannot be checked.';
      this.rec.cannotJudge({ ...row, note: reason }, reason);
      return;
    }
    if (response.status === 304) {
      const stored = revalidatedStoredResponse(ex, url, response, method);
      if (stored) {
        this.httpCacheRow(stored, 'A 304 revalidated the copy');
        this.access('actual', stored.response.headers, origin, url, (e) => e, 'Origin', 'Credentials');
        return;
      }
      if (getHeader(response.headers, 'access-control-allow-origin') === null) {
        const reason = 'A 304 revalidation: the browser checks the headers of its cached copy, which this capture does not show.';
        this.rec.cannotJudge({ ...row, allowed: null, note: reason }, reason);
        return;
      }
    }
    this.access('actual', response.headers, origin, url, (e) => e, 'Origin', 'Credentials');
  }

  /** Says which stored copy the CORS checks that follow read. */
  private httpCacheRow(stored: StoredResponse, lead: string): void {
    const load = stored.load;
    const what = load.resourceType ? `an earlier ${load.resourceType} load` : 'an earlier no-cors load';
    // The Origin is not part of the cache key: a copy an earlier CORS load stored serves this request too.
    const sent = load.origin === undefined ? 'sent without an Origin header'
      : load.origin === this.pageOrigin ? 'sent with this Origin' : `sent with Origin ${load.origin}`;
    this.rec.pass({ id: 'http-cache', phase: 'actual', label: 'HTTP cache', asked: null, allowed: `${stored.response.status} (stored)`, note: `${lead} ${what} of this URL stored (${sent}, answered without a Vary it could differ on). The checks below read that copy's headers.` });
  }

  /**
   * A redirect that was the last thing the capture shows. If the browser's own error is not a CORS
   * one (net::ERR_ABORTED: fetch's redirect mode "manual" hands the page an opaque-redirect response,
   * and the loader is cancelled), or the request did not fail at all, CORS did not stop it. With
   * net::ERR_FAILED the network service refused the redirect itself, which only a failing check
   * explains: that is left to the observed outcome (another credentials mode, or an unseen cause).
   */
  private redirectNotFollowed(label: string, location: string): void {
    const { observed } = this.ex;
    const row: Row = { id: 'redirect-follow', phase: 'redirect', label: `${label} followed`, asked: redactUserInfo(location), allowed: null };
    if (observed.failed === false || (observed.errorText && !isCorsFailureText(observed.errorText))) {
      const how = observed.failed === false ? 'the request did not fail' : `the request ended with ${observed.errorText}`;
      const reason = `The browser did not follow the redirect to ${redactUserInfo(location)} and ${how}: fetch's redirect mode "manual" (an opaque-redirect response) or "error" ends a request at a redirect without a CORS error.`;
      this.rec.halt(row, reason);
      return;
    }
    const reason = `The response is a redirect to ${redactUserInfo(location)}, but the request that followed it is not in the capture (e.g. fetch redirect mode "error" or "manual", or a later step failed unseen).`;
    this.rec.cannotJudge(row, reason);
  }

  private notCors(reason: string): EngineResult {
    return { crossOrigin: false, outcome: 'allowed', corsError: null, failedParameter: null, phase: null, checks: [], preflightReasons: [], notes: [reason] };
  }

  private result(crossOrigin: boolean): EngineResult {
    const { rec } = this;
    const base = { crossOrigin, checks: rec.checks, preflightReasons: this.preflightReasons, notes: this.notes };
    if (rec.failure?.corsError === null) {
      const failed: EngineResult = { ...base, outcome: 'failed', corsError: null, failedParameter: null, phase: rec.failure.phase };
      if (rec.failure.reason) failed.failureReason = rec.failure.reason;
      if (rec.failure.inferred) failed.failureInferred = true;
      return failed;
    }
    if (rec.failure) {
      return { ...base, outcome: 'blocked', corsError: rec.failure.corsError, failedParameter: rec.failure.failedParameter, phase: rec.failure.phase };
    }
    if (rec.undecided) {
      return { ...base, outcome: 'unknown', corsError: null, failedParameter: null, phase: rec.undecided.phase, undecidedReason: rec.undecided.reason };
    }
    const performed = rec.checks.filter((c) => c.result !== 'skip');
    const last = performed[performed.length - 1] ?? rec.checks[rec.checks.length - 1];
    return { ...base, outcome: 'allowed', corsError: null, failedParameter: null, phase: last?.phase ?? 'actual' };
  }
}

function maxAgeNote(seconds: number, source: string): string {
  switch (source) {
    case 'default': return 'No Access-Control-Max-Age: Chromium reuses this preflight for 5 seconds.';
    case 'unparseable': return 'Access-Control-Max-Age is not a whole number, so Chromium uses its default of 5 seconds.';
    case 'negative': return 'A negative Access-Control-Max-Age means the preflight is not cached.';
    case 'capped': return `Chromium caps Access-Control-Max-Age at ${seconds} seconds (2 hours).`;
    default: return seconds === 0 ? 'Access-Control-Max-Age: 0 means the preflight is not cached.' : `Chromium may reuse this preflight for ${seconds} seconds.`;
  }
}

/** CORS failures always surface as net::ERR_FAILED; any other net error is not a CORS decision. */
function isCorsFailureText(errorText: string): boolean {
  return errorText === '' || errorText === 'net::ERR_FAILED';
}

/** URL without fragment and user info, for matching a preflight to the URL it guarded. */
function stripUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

function redactUserInfo(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return url;
  }
}

function originLabel(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
