/**
 * Putting a HAR's loose entries back together: which preflight guarded which request, and which
 * entries are hops of one redirect chain. HARs carry no link for either (Chrome's preflight
 * `_initiator.requestId` names a CDP id that no entry carries), so both are matched on what the
 * wire shows: URL, method, Origin, Access-Control-Request-* and time.
 *
 * Observed in Chromium 156 (test/fixtures/har/chrome-devtools.har): the preflight's startedDateTime
 * is 1–2 ms AFTER its actual request's (the actual is issued first, the preflight is made for it);
 * an actual that never went on the wire has provisional headers (its own script-set headers, but no
 * Origin, Host or Sec-Fetch-*); entries are in completion order, not time order.
 */
import type { Header } from '../model';
import { preflightNeed } from '../rules/cors/preflight';
import { headerValue, type HarRecord } from './record';

/** How far (ms) a preflight may be logged before / after the start of the request it guarded. */
const BEFORE_MS = 2_000;
const AFTER_MS = 2_000;
/**
 * A preflight is over before its request goes out, so it cannot start after that request's answer came
 * back: slack (ms) for the rounding of startedDateTime and time.
 */
const ANSWERED_SLACK_MS = 10;
/** Candidates examined per preflight (nearest in time): keeps pathological files (10k identical requests) linear. */
const MAX_CANDIDATES = 16;

/** Removed by DevTools' sanitized export: its absence from the actual request proves nothing. */
const SANITIZED_AWAY = new Set(['authorization', 'cookie']);

/**
 * Names a preflight for this request would list in Access-Control-Request-Headers (lowercased,
 * sorted): the rules' own CORS-unsafe header analysis, so pairing and verdict agree.
 */
export function listedHeaderNames(headers: readonly Header[]): string[] {
  return [...new Set(preflightNeed('GET', headers).unsafeHeaders.map((h) => h.name))].sort();
}

/** Access-Control-Request-Headers of a preflight, as a set of lowercased names. */
export function requestedHeaderNames(preflight: HarRecord): string[] {
  const acrh = headerValue(preflight.headers, 'access-control-request-headers') ?? '';
  return acrh.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

interface HeaderFacts {
  present: Set<string>;
  listed: string[];
}

/** How badly the actual's headers disagree with what the preflight asked for (0 = exactly). */
function headerMismatch(requested: readonly string[], facts: HeaderFacts): number {
  let penalty = 0;
  for (const name of requested) if (!facts.present.has(name) && !SANITIZED_AWAY.has(name)) penalty++;
  const asked = new Set(requested);
  for (const name of facts.listed) if (!asked.has(name)) penalty++;
  return penalty;
}

/** The request had its answer before the preflight started (both times known): not the one it guarded. */
function answeredBefore(act: HarRecord, pre: HarRecord): boolean {
  return act.status > 0 && act.duration > 0 && Number.isFinite(act.startedAt) && Number.isFinite(pre.startedAt)
    && pre.startedAt > act.startedAt + act.duration + ANSWERED_SLACK_MS;
}

/** Time used for ordering: startedAt, or the entry index when the file lacks usable times. */
export type TimeOf = (r: HarRecord) => number;

function lowerBound(sorted: readonly HarRecord[], t: number, timeOf: TimeOf): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeOf(sorted[mid]!) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Candidate {
  pre: HarRecord;
  act: HarRecord;
  /** Header disagreements (only computed where it can change a pairing: see pairPreflights). */
  penalty: number;
  cost: number;
  requested: readonly string[];
}

/**
 * Pairs preflights with the non-preflight entries they guarded. Returns preflight index → actual.
 * Hard conditions: same URL, Access-Control-Request-Method equal to the method (case-sensitive, as
 * sent), same Origin when the actual shows one, start times within the window. Then the best pairs
 * win: fewest header disagreements, then nearest in time (a preflight logged after its request is
 * preferred to one logged before). A preflight guards at most one request and vice versa.
 */
export function pairPreflights(preflights: readonly HarRecord[], actuals: readonly HarRecord[], timeOf: TimeOf): Map<number, HarRecord> {
  const pairs = new Map<number, HarRecord>();
  const taken = new Set<number>();

  // Exact links first, when an exporter wrote request ids.
  const byId = new Map<string, HarRecord>();
  for (const a of actuals) if (a.requestId !== undefined) byId.set(a.requestId, a);
  const rest: HarRecord[] = [];
  for (const p of preflights) {
    const a = p.initiatorRequestId !== undefined ? byId.get(p.initiatorRequestId) : undefined;
    if (a && !taken.has(a.index)) {
      pairs.set(p.index, a);
      taken.add(a.index);
    } else {
      rest.push(p);
    }
  }

  // Only URLs some preflight asked about are worth grouping (most requests in a HAR need none).
  const preflightUrls = new Set<string>();
  for (const p of rest) preflightUrls.add(p.url);
  const groups = new Map<string, HarRecord[]>();
  for (const a of actuals) {
    if (taken.has(a.index) || !preflightUrls.has(a.url)) continue;
    const key = `${a.url}\n${a.method}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(a);
  }
  for (const list of groups.values()) list.sort((x, y) => timeOf(x) - timeOf(y));

  const candidates: Candidate[] = [];
  const facts = new Map<number, HeaderFacts>();
  const factsOf = (act: HarRecord): HeaderFacts => {
    let f = facts.get(act.index);
    if (!f) facts.set(act.index, (f = { present: new Set(act.headers.map((h) => h.name.toLowerCase())), listed: listedHeaderNames(act.headers) }));
    return f;
  };
  for (const pre of rest) {
    const method = headerValue(pre.headers, 'access-control-request-method');
    if (method === undefined) continue;
    const list = groups.get(`${pre.url}\n${method.trim()}`);
    if (!list) continue;
    const origin = headerValue(pre.headers, 'origin');
    const requested = requestedHeaderNames(pre);
    const t = timeOf(pre);
    const consider = (act: HarRecord): boolean => {
      const d = t - timeOf(act);
      if (d < -BEFORE_MS || d > Math.max(AFTER_MS, act.duration + AFTER_MS)) return false;
      const actOrigin = headerValue(act.headers, 'origin');
      if (origin !== undefined && actOrigin !== undefined && actOrigin !== origin) return true;
      if (answeredBefore(act, pre)) return true;
      candidates.push({ pre, act, penalty: 0, cost: d >= 0 ? d : 2 * -d + 1, requested });
      return true;
    };
    const at = lowerBound(list, t, timeOf);
    // Walk outwards from the preflight's time; stop each side at the window edge or the cap.
    let seen = 0;
    for (let i = at - 1; i >= 0 && seen < MAX_CANDIDATES; i--, seen++) if (!consider(list[i]!)) break;
    seen = 0;
    for (let i = at; i < list.length && seen < MAX_CANDIDATES; i++, seen++) if (!consider(list[i]!)) break;
  }

  // A candidate whose preflight and request appear in no other candidate is paired whatever its place
  // in the order, and its place changes no other pairing: its header penalty (the costly part: the
  // request's CORS-unsafe headers) is only worked out for contended candidates.
  const perPre = new Map<number, number>();
  const perAct = new Map<number, number>();
  for (const c of candidates) {
    perPre.set(c.pre.index, (perPre.get(c.pre.index) ?? 0) + 1);
    perAct.set(c.act.index, (perAct.get(c.act.index) ?? 0) + 1);
  }
  for (const c of candidates) {
    if (perPre.get(c.pre.index)! > 1 || perAct.get(c.act.index)! > 1) c.penalty = headerMismatch(c.requested, factsOf(c.act));
  }
  candidates.sort((x, y) => x.penalty - y.penalty || x.cost - y.cost || x.pre.index - y.pre.index || x.act.index - y.act.index);
  for (const c of candidates) {
    if (pairs.has(c.pre.index) || taken.has(c.act.index)) continue;
    pairs.set(c.pre.index, c.act);
    taken.add(c.act.index);
  }
  return pairs;
}

/** Methods a redirect may turn the request into (301/302 POST → GET, 303 → GET). */
function continues(from: HarRecord, to: HarRecord): boolean {
  return to.method === from.method || to.method.toUpperCase() === 'GET';
}

/**
 * Links redirect hops: an entry answered 3xx with a Location is followed by the next entry for that
 * URL (nearest later in time, not already a hop of another chain). A 3xx the browser reported an error
 * on was not followed (it failed CORS, or fetch's redirect mode "error"): it links to nothing, or it
 * would take the next leg of another request to the same URL. Returns entry index → next hop.
 */
export function linkRedirects(records: readonly HarRecord[], timeOf: TimeOf): Map<number, HarRecord> {
  const targets = new Set<string>();
  for (const r of records) if (r.redirectTo !== undefined) targets.add(r.redirectTo);
  const byUrl = new Map<string, HarRecord[]>();
  if (targets.size === 0) return new Map();
  for (const r of records) {
    if (!targets.has(r.url)) continue;
    let list = byUrl.get(r.url);
    if (!list) byUrl.set(r.url, (list = []));
    list.push(r);
  }
  for (const list of byUrl.values()) list.sort((x, y) => timeOf(x) - timeOf(y));
  const next = new Map<number, HarRecord>();
  const claimed = new Set<number>();
  const ordered = records.filter((r) => r.redirectTo !== undefined && !r.error).sort((x, y) => timeOf(x) - timeOf(y));
  for (const r of ordered) {
    const list = byUrl.get(r.redirectTo!);
    if (!list) continue;
    const t = timeOf(r);
    let seen = 0;
    for (let i = lowerBound(list, t - 50, timeOf); i < list.length && seen < MAX_CANDIDATES * 2; i++, seen++) {
      const c = list[i]!;
      if (c === r || claimed.has(c.index) || !continues(r, c)) continue;
      next.set(r.index, c);
      claimed.add(c.index);
      break;
    }
  }
  return next;
}

/** Preflight-cache lifetime Chromium would give a preflight response (ms): 5 s default, capped at 2 h. */
export function preflightCacheMs(maxAge: string | undefined): number {
  if (maxAge === undefined || !/^\s*-?\d+\s*$/.test(maxAge)) return 5_000;
  const seconds = Number(maxAge.trim());
  return Math.min(Math.max(seconds, 0), 7_200) * 1_000;
}
