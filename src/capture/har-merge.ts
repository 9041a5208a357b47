/**
 * Merges what DevTools itself recorded (chrome.devtools.network.getHAR when DevTools opens, then
 * onRequestFinished) into a tab's store. DevTools supplies what webRequest cannot: requests made
 * before the worker knew the tab was inspected, the initiator, real header values of a request that
 * was blocked at its preflight (webRequest never sees those go out), and cache flags.
 *
 * The same request is never shown twice: a HAR exchange is matched to the live exchange with the
 * same method and URL that started closest in time, among those that do not contradict it; only
 * unmatched ones are added.
 */
import type { Exchange } from '../model';
import { importHarEntries } from '../har';
import type { HarEntryJson } from '../messaging/protocol';
import { requestedHeaderNames } from './grouping';
import { needsPreflight } from './needs-preflight';
import type { TabStore } from './tab-store';

/** How far apart webRequest's and DevTools' start times of one request may be. */
const MATCH_WINDOW_MS = 3000;
/**
 * How much later than DevTools' start of its preflight webRequest may see a request start: measured at
 * most 0.4 ms (median 1.4 ms before) over 7,537 requests of the random lab scenarios.
 */
const CLOCK_SKEW_MS = 5;

function harKey(x: Exchange): string {
  return `${x.request.method} ${x.request.url} ${Math.round(x.startedAt)}`;
}

/** A request's headers that were reconstructed from a preflight's Access-Control-Request-Headers (no values). */
function headersAreReconstructed(x: Exchange): boolean {
  return x.request.headers.length > 0 && x.request.headers.every((h) => h.value === '' && h.name === h.name.toLowerCase());
}

/** The headers a preflight asked for, as a comparable key. */
function askedHeaders(x: Exchange): string {
  return requestedHeaderNames(x.preflight?.request.headers ?? []).map((n) => n.toLowerCase()).sort().join(',');
}

/**
 * How many ways the two recordings disagree on being one request: a preflight on one side only, a
 * preflight asking for other headers, a different outcome, a preflight for a request the live capture saw
 * go out with headers that need none, a preflight that started before the live request did. Two requests
 * to one URL moments apart (a request that needed a preflight which failed, then a simple one) are told
 * apart by this, not by time: DevTools' start time of the first can be closer to the second's, and the
 * worker may not have seen the first one's preflight yet (its events can come after its request failed),
 * nor the second one's headers.
 */
function contradictions(live: Exchange, har: Exchange): number {
  let n = 0;
  if ((live.preflight === undefined) !== (har.preflight === undefined)) n++;
  else if (live.preflight && askedHeaders(live) !== askedHeaders(har)) n++;
  if (live.observed.failed !== undefined && live.observed.failed !== har.observed.failed) n++;
  // Headers Chromium adds (Pragma, Cache-Control) can only make a request look as if it needed one.
  if ((har.preflight !== undefined || har.preflightFromCache === true) && live.request.headers.length > 0
    && !headersAreReconstructed(live) && !needsPreflight(live.request.method, live.request.headers)) n++;
  // A request starts before its preflight: one that started after this preflight is not the one it guarded.
  const preflightStart = har.preflight?.startedAt;
  if (preflightStart !== undefined && live.startedAt > preflightStart + CLOCK_SKEW_MS) n++;
  return n;
}

function enrich(live: Exchange, har: Exchange): Exchange {
  const out: Exchange = { ...live };
  if (!out.initiator && har.initiator) out.initiator = har.initiator;
  if ((live.request.headers.length === 0 || headersAreReconstructed(live)) && har.request.headers.length > 0) {
    out.request = { ...live.request, headers: har.request.headers };
  }
  if (live.response && har.response?.fromCache && !live.response.fromCache) out.response = { ...live.response, fromCache: har.response.fromCache };
  if (!live.response && har.response && har.response.status > 0) out.response = har.response;
  if (live.response && !live.response.body && har.response?.body) out.response = { ...out.response!, body: har.response.body };
  if (!live.preflight && har.preflight) out.preflight = har.preflight;
  if (live.preflight && !live.preflight.response && har.preflight?.response) out.preflight = { ...live.preflight, response: har.preflight.response };
  if (har.preflightFromCache && !live.preflight) out.preflightFromCache = true;
  if (out.pageUrl === undefined && har.pageUrl) out.pageUrl = har.pageUrl;
  return out;
}

/** Returns true when the store changed. */
export function mergeHarEntries(store: TabStore, entries: HarEntryJson[], pageUrl?: string): boolean {
  if (!entries.length) return false;
  const { exchanges } = importHarEntries(entries, pageUrl ? { pageUrl } : {});
  const seen = store.state.harKeys;
  const claimed = new Set(Object.values(seen));
  let changed = false;
  for (const har of exchanges) {
    // Only finished requests: a preflight whose request DevTools has not reported yet comes back as a
    // reconstruction with no outcome; the next batch brings the pair.
    if (har.observed.failed === undefined) continue;
    const key = harKey(har);
    if (seen[key]) continue;
    // Started before the log was cleared (a navigation or Clear): DevTools reports it late; it stays out.
    if (store.state.clearedAt !== undefined && har.startedAt < store.state.clearedAt) continue;
    let best: Exchange | undefined;
    let bestRank = Infinity;
    let bestDelta = Infinity;
    for (const id of store.state.order) {
      const live = store.get(id);
      if (!live || claimed.has(id) || live.request.method !== har.request.method || live.request.url !== har.request.url) continue;
      const delta = Math.abs(live.startedAt - har.startedAt);
      if (delta > MATCH_WINDOW_MS) continue;
      // A live exchange may still lack what webRequest missed (a preflight): a contradiction ranks a
      // candidate lower, it does not rule it out.
      const rank = contradictions(live, har);
      if (rank < bestRank || (rank === bestRank && delta < bestDelta)) {
        best = live;
        bestRank = rank;
        bestDelta = delta;
      }
    }
    if (best) {
      store.put(enrich(best, har), true);
      seen[key] = best.id;
      claimed.add(best.id);
    } else {
      const id = `har-${key}`;
      store.put({ ...har, id, source: 'live', tabId: store.state.tabId }, true);
      seen[key] = id;
      claimed.add(id);
    }
    changed = true;
  }
  return changed;
}
