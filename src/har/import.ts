/**
 * HAR → exchanges. One importer for the CLI (files), the panel (files dropped on it) and the devtools
 * page (chrome.devtools.network entries). Pure: no I/O, no DOM.
 *
 * Steps: narrow each entry (record.ts) → link redirect hops and pair preflights (pair.ts) → build one
 * Exchange per request chain → keep the cross-origin CORS ones (the rest are only counted).
 */
import type { EarlierLoad, Exchange, Header, PreflightRecord, RedirectHop, RequestMode, ResponseRecord } from '../model';
import { isOkStatus, preflightNeed } from '../rules/cors/preflight';
import { HarImportError } from './errors';
import { linkRedirects, listedHeaderNames, pairPreflights, preflightCacheMs, requestedHeaderNames, type TimeOf } from './pair';
import { headerValue, isObject, readEntry, readPages, StringPool, type HarRecord, type ReadProblems } from './record';

export interface HarImportOptions {
  /** URL of the inspected page, when the caller knows it (devtools page); HAR `pages` are used otherwise. */
  pageUrl?: string;
  /** Called now and then while entries are converted (for progress output). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Clear each entry from the input array once read, so a caller that no longer needs the parsed
   * document (the CLI) lets it be collected during conversion instead of after.
   */
  releaseEntries?: boolean;
}

export interface HarImportStats {
  /** Entries in the input. */
  entries: number;
  /** Entries that could not be read (see warnings). */
  invalidEntries: number;
  /** Preflight (OPTIONS) entries. */
  preflights: number;
  /** Preflights attached to the request they guarded. */
  pairedPreflights: number;
  /** Preflights of redirect hops (guarding a later hop of a chain): kept as the exchange's `redirectPreflights`. */
  hopPreflights: number;
  /** Preflights whose request is missing from the HAR: reported as their own exchange, reconstructed. */
  orphanPreflights: number;
  /** Entries that were a redirect hop of an earlier entry. */
  redirectHops: number;
  /** Cross-origin CORS exchanges produced. */
  exchanges: number;
  /** Requests to the page's own origin (not subject to CORS): dropped. */
  sameOrigin: number;
  /** Navigations and no-cors loads (images, scripts, …): dropped. */
  notCors: number;
  /** Requests whose page origin could not be determined: dropped. */
  unknownOrigin: number;
}

export interface HarImportResult {
  exchanges: Exchange[];
  stats: HarImportStats;
  /** Human-readable problems with the input (bounded list). */
  warnings: string[];
  /** `log.creator.name version`, when present. */
  creator?: string;
  pageUrl?: string;
}

const MAX_WARNINGS = 20;

/**
 * Said when no entry records the browser's outcome (Chrome writes `_error`, Playwright `_failureText`):
 * Firefox's and proxies' HARs keep a response CORS refused exactly like an allowed one.
 */
export const NO_OUTCOME_WARNING = 'This HAR does not record which requests the browser blocked (no _error fields, as in Firefox\'s or a proxy\'s export): a response is judged from its headers alone, and where the unrecorded credentials mode would change the verdict, the other reading is given.';

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function responseOf(r: HarRecord): ResponseRecord | undefined {
  if (r.status <= 0) return undefined;
  const response: ResponseRecord = { status: r.status, headers: r.responseHeaders };
  if (r.statusText) response.statusText = r.statusText;
  if (r.body !== undefined) response.body = r.body;
  if (r.fromCache) response.fromCache = r.fromCache;
  if (r.remoteAddress) response.remoteAddress = r.remoteAddress;
  return response;
}

function hopOf(r: HarRecord): RedirectHop {
  return { url: r.url, response: responseOf(r) ?? { status: r.status, headers: r.responseHeaders }, location: r.redirectTo ?? '' };
}

function failedOf(r: HarRecord): boolean | undefined {
  if (r.error) return true;
  if (r.status <= 0) return true;
  return r.reportsFailures ? false : undefined;
}

/**
 * Whether the entry shows the headers that went on the wire. A request that never reached the network
 * (answered from the cache, or refused) shows only the provisional headers Blink set: no Host, no
 * Sec-Fetch-Mode.
 */
function hasWireHeaders(r: HarRecord): boolean {
  return headerValue(r.headers, 'sec-fetch-mode') !== undefined || headerValue(r.headers, 'host') !== undefined || headerValue(r.headers, ':authority') !== undefined;
}

/** The request mode, from Sec-Fetch-Mode when sent, else from the resource type and the Origin header. */
function modeOf(root: HarRecord, hasPreflight: boolean): RequestMode | 'other' {
  const sfm = headerValue(root.headers, 'sec-fetch-mode')?.trim().toLowerCase();
  if (sfm === 'cors' || sfm === 'no-cors' || sfm === 'same-origin' || sfm === 'navigate') return sfm;
  if (sfm) return 'other'; // websocket, webtransport
  if (hasPreflight) return 'cors';
  const hasOrigin = headerValue(root.headers, 'origin') !== undefined;
  switch (root.resourceType) {
    case 'document':
      return 'navigate';
    case 'xhr':
    case 'eventsource':
    case 'font':
      return 'cors';
    case 'fetch':
      // A cross-origin CORS fetch that went on the wire always carries Origin; a failed one, and one
      // answered from the HTTP cache, show only provisional headers (no Origin, no Sec-Fetch-Mode).
      // A fetch that succeeded from the cache with Access-Control-Allow-Origin was a CORS fetch as
      // far as anyone can tell (fetch's default mode); without ACAO it cannot have been one, since
      // CORS would have blocked it.
      if (hasOrigin || failedOf(root) === true) return 'cors';
      return root.fromCache && !hasWireHeaders(root) && headerValue(root.responseHeaders, 'access-control-allow-origin') !== undefined ? 'cors' : 'no-cors';
    case 'websocket':
      return 'other';
    default:
      return hasOrigin ? 'cors' : 'no-cors';
  }
}

/** The origin of the document that made the request: its Origin header, else Referer, else the page. */
function pageOriginOf(root: HarRecord, preflight: HarRecord | undefined, fallbackPageUrl: string | undefined): string | undefined {
  const sent = headerValue(root.headers, 'origin') ?? (preflight ? headerValue(preflight.headers, 'origin') : undefined);
  if (sent !== undefined && sent.trim() !== '') return sent.trim();
  const referer = headerValue(root.headers, 'referer');
  const fromReferer = referer ? originOf(referer) : undefined;
  if (fromReferer && fromReferer !== 'null') return fromReferer;
  const page = root.pageUrl ?? fallbackPageUrl;
  const fromPage = page ? originOf(page) : undefined;
  return fromPage && fromPage !== 'null' ? fromPage : undefined;
}

/**
 * Request headers as the actual request carried them. A request that never went on the wire (its
 * preflight failed) shows provisional headers without Origin, and a sanitized HAR lacks
 * Authorization: fill those in from the preflight, values unknown (empty).
 */
function requestHeadersOf(root: HarRecord, preflight: HarRecord | undefined): Header[] {
  if (!preflight) return root.headers;
  const present = new Set(root.headers.map((h) => h.name.toLowerCase()));
  const added: Header[] = [];
  const origin = headerValue(preflight.headers, 'origin');
  if (!present.has('origin') && origin !== undefined) added.push({ name: 'Origin', value: origin });
  for (const name of requestedHeaderNames(preflight)) if (!present.has(name)) added.push({ name, value: '' });
  return added.length ? [...root.headers, ...added] : root.headers;
}

function preflightRecordOf(p: HarRecord): PreflightRecord {
  const record: PreflightRecord = { request: { method: p.method, url: p.url, headers: p.headers } };
  const response = responseOf(p);
  if (response) record.response = response;
  if (p.redirectTo && response) record.redirect = { url: p.url, response, location: p.redirectTo };
  if (p.error) record.error = p.error;
  if (Number.isFinite(p.startedAt)) record.startedAt = p.startedAt;
  return record;
}

function newStats(entries: number): HarImportStats {
  return {
    entries, invalidEntries: 0, preflights: 0, pairedPreflights: 0, hopPreflights: 0, orphanPreflights: 0,
    redirectHops: 0, exchanges: 0, sameOrigin: 0, notCors: 0, unknownOrigin: 0,
  };
}

interface Context {
  pageUrls: Map<string, string>;
  pageUrl?: string;
}

function convert(entries: readonly unknown[], ctx: Context, options: HarImportOptions): HarImportResult {
  const stats = newStats(entries.length);
  const warnings: string[] = [];
  const warn = (message: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  const problems: ReadProblems = { badHeaders: 0, pool: new StringPool() };

  const records: HarRecord[] = [];
  const step = Math.max(1000, Math.ceil(entries.length / 100));
  for (let i = 0; i < entries.length; i++) {
    const r = readEntry(entries[i], i, ctx.pageUrls, problems);
    if (options.releaseEntries) (entries as unknown[])[i] = undefined;
    if (typeof r === 'string') {
      stats.invalidEntries++;
      warn(`Skipped ${r}.`);
    } else {
      records.push(r);
    }
    if (options.onProgress && (i + 1) % step === 0) options.onProgress(i + 1, entries.length);
  }
  options.onProgress?.(entries.length, entries.length);
  if (problems.badHeaders > 0) warn(`Ignored ${problems.badHeaders} malformed header line(s) (not {name, value} strings).`);
  if (records.length === 0 && entries.length > 0) {
    throw new HarImportError('no-usable-entries', `None of the ${entries.length} HAR entries could be read: ${warnings[0] ?? 'no request data'}`);
  }

  const allTimed = records.every((r) => Number.isFinite(r.startedAt));
  if (!allTimed && records.length > 0) warn('Some entries have no valid startedDateTime: entries are matched in file order.');
  if (records.length > 0 && !records.some((r) => r.reportsFailures)) warn(NO_OUTCOME_WARNING);
  const timeOf: TimeOf = allTimed ? (r) => r.startedAt : (r) => r.index;

  const preflights: HarRecord[] = [];
  const others: HarRecord[] = [];
  for (const r of records) (r.isPreflight ? preflights : others).push(r);
  stats.preflights = preflights.length;

  const next = linkRedirects(others, timeOf);
  const isHop = new Set<number>();
  for (const hop of next.values()) isHop.add(hop.index);
  stats.redirectHops = isHop.size;

  const pairs = pairPreflights(preflights, others, timeOf);
  const preflightOf = new Map<number, HarRecord>();
  for (const p of preflights) {
    const act = pairs.get(p.index);
    if (!act) continue;
    if (isHop.has(act.index)) stats.hopPreflights++;
    preflightOf.set(act.index, p);
  }
  stats.pairedPreflights = preflightOf.size - stats.hopPreflights;

  const exchanges: Exchange[] = [];
  /**
   * Every leg that got a response, by URL: an <img>, a plain <script> or another CORS request may have
   * filled the HTTP cache a later CORS request was served from. No-cors loads are filed as they come;
   * CORS chains are only kept (`corsChains`, with their root index so that no exchange is linked to its
   * own legs) and filed later for the few URLs that need them (see linkEarlierLoads).
   */
  const storedLoads = new Map<string, StoredLoads>();
  const corsChains: CorsChain[] = [];
  const keep = (root: HarRecord, chain: HarRecord[], pre: HarRecord | undefined, synthetic: boolean, hopPres: HarRecord[] = []): void => {
    const mode = synthetic ? 'cors' : modeOf(root, pre !== undefined);
    if (mode !== 'cors' && mode !== 'same-origin') {
      stats.notCors++;
      // What a no-cors load may have stored in the HTTP cache: the response of each leg, keyed by the
      // leg's URL (a redirect too: the rules decide whether it was cacheable).
      if (mode === 'no-cors') for (const leg of chain) if (leg.status > 0) loadsOf(storedLoads, leg.url).noCors.push({ leg });
      return;
    }
    const pageOrigin = pageOriginOf(root, pre, ctx.pageUrl);
    if (pageOrigin === undefined) {
      stats.unknownOrigin++;
      return;
    }
    // A same-origin request redirected to another origin becomes a CORS request at that hop.
    if (chain.every((r) => originOf(r.url) === pageOrigin) && pageOrigin !== 'null') {
      stats.sameOrigin++;
      return;
    }
    // What this CORS request may have stored for later ones (its legs' responses).
    if (!synthetic) corsChains.push({ chain, owner: root.index });
    const last = chain[chain.length - 1]!;
    const redirects: RedirectHop[] = chain.slice(0, -1).map(hopOf);
    // A chain that ends on a redirect the browser refused to follow (CORS check on the redirect failed).
    const stoppedAtRedirect = last.redirectTo !== undefined && failedOf(last) === true && last.status > 0;
    if (stoppedAtRedirect) redirects.push(hopOf(last));
    const exchange: Exchange = {
      id: `har-${root.index}`,
      source: 'har',
      pageOrigin,
      startedAt: Number.isFinite(root.startedAt) ? root.startedAt : 0,
      request: { method: root.method, url: root.url, headers: synthetic ? root.headers : requestHeadersOf(root, pre) },
      mode,
      redirects,
      observed: {},
    };
    const pageUrl = root.pageUrl ?? ctx.pageUrl;
    if (pageUrl) exchange.pageUrl = pageUrl;
    if (root.resourceType && !synthetic) exchange.resourceType = root.resourceType;
    if (!stoppedAtRedirect && !synthetic) {
      const response = responseOf(last);
      if (response) exchange.response = response;
      // The last redirect was followed: its target has an entry, with no response (a rejected cache hit).
      else if (chain.length > 1) exchange.lastLegRequested = true;
    }
    if (pre) exchange.preflight = preflightRecordOf(pre);
    // A redirect that restarts a request needing a preflight brings a new one, for the new URL.
    if (hopPres.length > 0) {
      const later = hopPres.map(preflightRecordOf);
      if (exchange.preflight) exchange.redirectPreflights = later;
      else {
        exchange.preflight = later[0]!;
        if (later.length > 1) exchange.redirectPreflights = later.slice(1);
      }
    }
    if (synthetic) {
      exchange.initiator = 'reconstructed from a preflight: the request itself is not in the HAR';
    } else {
      const failed = failedOf(last);
      if (failed !== undefined) exchange.observed.failed = failed;
      if (last.error) exchange.observed.errorText = last.error;
      if (root.initiator) exchange.initiator = root.initiator;
    }
    exchanges.push(exchange);
  };

  for (const root of others) {
    if (isHop.has(root.index)) continue;
    const chain = [root];
    for (let hop = next.get(root.index); hop && chain.length <= 21; hop = next.get(hop.index)) chain.push(hop);
    const hopPres = chain.slice(1).flatMap((hop) => preflightOf.get(hop.index) ?? []);
    keep(root, chain, preflightOf.get(root.index), false, hopPres);
  }

  // Preflights whose request is not in the HAR (some tools omit blocked requests): report what was asked.
  for (const p of preflights) {
    if (pairs.has(p.index)) continue;
    stats.orphanPreflights++;
    const method = headerValue(p.headers, 'access-control-request-method')?.trim() || 'GET';
    const origin = headerValue(p.headers, 'origin');
    const headers: Header[] = [];
    if (origin !== undefined) headers.push({ name: 'Origin', value: origin });
    for (const name of requestedHeaderNames(p)) headers.push({ name, value: '' });
    const root: HarRecord = { ...p, method, headers, isPreflight: false, status: 0, responseHeaders: [] };
    delete root.redirectTo;
    keep(root, [root], p, true);
  }

  exchanges.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id, 'en', { numeric: true }));
  markCachedPreflights(exchanges);
  linkEarlierLoads(exchanges, storedLoads, corsChains, allTimed ? undefined : timeOf);
  stats.exchanges = exchanges.length;
  const result: HarImportResult = { exchanges, stats, warnings };
  if (ctx.pageUrl) result.pageUrl = ctx.pageUrl;
  return result;
}

/**
 * A request that would have needed a preflight but shows none, made while an earlier preflight for
 * the same origin, URL and method was still cacheable: the browser's preflight cache answered.
 * (Whether a preflight was needed: the rules' preflightNeed.)
 */
function markCachedPreflights(exchanges: Exchange[]): void {
  const last = new Map<string, Exchange>();
  for (const ex of exchanges) {
    const key = `${ex.pageOrigin}\n${ex.request.url}\n${ex.request.method}`;
    if (ex.preflight) {
      if (ex.preflight.response && ex.preflight.response.status >= 200 && ex.preflight.response.status < 300) last.set(key, ex);
      continue;
    }
    const earlier = last.get(key);
    if (!earlier?.preflight?.response) continue;
    if (preflightNeed(ex.request.method, ex.request.headers).reasons.length === 0) continue;
    const names = listedHeaderNames(ex.request.headers);
    const asked = new Set(headerValue(earlier.preflight.request.headers, 'access-control-request-headers')?.split(',').map((s) => s.trim().toLowerCase()) ?? []);
    if (!names.every((n) => asked.has(n))) continue;
    const lifetime = preflightCacheMs(headerValue(earlier.preflight.response.headers, 'access-control-max-age'));
    const startedAt = earlier.preflight.startedAt ?? earlier.startedAt;
    if (ex.startedAt - startedAt > lifetime + 1_000) continue;
    ex.preflightFromCache = true;
    ex.cachedPreflightId = earlier.id;
  }
}

/** A leg that got a response, and the CORS exchange (root index) it belongs to; none for a no-cors load. */
interface StoredLeg {
  leg: HarRecord;
  owner?: number;
}

/** The legs of one URL that stored a response: no-cors loads, and CORS requests' legs (kept apart, see linkEarlierLoads). */
interface StoredLoads {
  noCors: StoredLeg[];
  cors: StoredLeg[];
}

interface CorsChain {
  chain: readonly HarRecord[];
  owner: number;
}

function loadsOf(map: Map<string, StoredLoads>, url: string): StoredLoads {
  let loads = map.get(url);
  if (!loads) map.set(url, (loads = { noCors: [], cors: [] }));
  return loads;
}

/** The URL a request reached, after its redirects (whose stored copy it could have been handed). */
export function reachedUrl(ex: Exchange): string {
  return ex.redirects.length ? ex.redirects[ex.redirects.length - 1]!.location : ex.request.url;
}

/**
 * Another CORS request's copy matters only to a request that reached the URL and got no answer of its
 * own (a rejected cache hit: status 0) or revalidated one (304); linking it to every repeat of a URL
 * would say nothing. A request whose preflight failed outright (no 2xx answer) was never sent.
 */
function mayUseCorsCopy(ex: Exchange): boolean {
  const p = ex.preflight;
  if (p && (p.error !== undefined || p.redirect !== undefined || !p.response || !isOkStatus(p.response.status))) return false;
  return ex.response ? ex.response.status === 304 : ex.redirects.length === 0 || ex.lastLegRequested === true;
}

/**
 * The load picked among `list` for a request that started at `t`: the latest that started no later
 * (the first listed of equal times), `skip` aside. `untimed`: some entries have no valid time, so
 * "latest" is by file order and the scan is linear; otherwise `list` is sorted by start time (stable)
 * and searched, since a URL polled thousands of times would make a scan per request quadratic.
 */
function latestLoad(list: readonly StoredLeg[], t: number, skip: (s: StoredLeg) => boolean, untimed: TimeOf | undefined): StoredLeg | undefined {
  if (untimed) {
    let best: StoredLeg | undefined;
    for (const s of list) if (!skip(s) && s.leg.startedAt <= t && (!best || untimed(s.leg) > untimed(best.leg))) best = s;
    return best;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.leg.startedAt <= t) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0;) {
    const time = list[i]!.leg.startedAt;
    let first = i;
    while (first > 0 && list[first - 1]!.leg.startedAt === time) first--;
    for (let j = first; j <= i; j++) if (!skip(list[j]!)) return list[j];
    i = first - 1;
  }
  return undefined;
}

/**
 * Links each exchange to the latest load (no-cors, or another CORS request) that started before it and
 * stored a response for the URL the exchange ended at (after its redirects): the HTTP cache may have
 * handed that copy to it.
 */
function linkEarlierLoads(exchanges: Exchange[], loads: Map<string, StoredLoads>, corsChains: readonly CorsChain[], untimed: TimeOf | undefined): void {
  // File the CORS legs of only the URLs some exchange may have been handed a CORS copy of (usually none).
  const wanted = new Set<string>();
  for (const ex of exchanges) if (mayUseCorsCopy(ex)) wanted.add(reachedUrl(ex));
  if (wanted.size > 0) {
    for (const { chain, owner } of corsChains) {
      for (const leg of chain) if (leg.status > 0 && wanted.has(leg.url)) loadsOf(loads, leg.url).cors.push({ leg, owner });
    }
  }
  if (loads.size === 0) return;
  const byTime = (a: StoredLeg, b: StoredLeg): number => a.leg.startedAt - b.leg.startedAt;
  if (!untimed) for (const l of loads.values()) { l.noCors.sort(byTime); l.cors.sort(byTime); }
  const time = untimed ?? ((r: HarRecord): number => r.startedAt);
  for (const ex of exchanges) {
    const list = loads.get(reachedUrl(ex));
    if (!list) continue;
    const corsCopies = mayUseCorsCopy(ex);
    const noCors = latestLoad(list.noCors, ex.startedAt, () => false, untimed);
    const cors = corsCopies ? latestLoad(list.cors, ex.startedAt, (s) => `har-${s.owner}` === ex.id, untimed) : undefined;
    const best = !cors || (noCors && (time(noCors.leg) > time(cors.leg) || (time(noCors.leg) === time(cors.leg) && noCors.leg.index < cors.leg.index))) ? noCors : cors;
    const response = best ? responseOf(best.leg) : undefined;
    if (!best || !response) continue;
    const load: EarlierLoad = { url: best.leg.url, startedAt: Number.isFinite(best.leg.startedAt) ? best.leg.startedAt : 0, response };
    if (best.leg.resourceType) load.resourceType = best.leg.resourceType;
    if (best.owner !== undefined) {
      load.exchangeId = `har-${best.owner}`;
      load.origin = headerValue(best.leg.headers, 'origin') ?? '';
    }
    ex.earlierLoad = load;
  }
}

/** Parses HAR text. Throws HarImportError('not-json') with the parser's reason. */
export function parseHarText(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new HarImportError('not-json', `This file is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Imports a whole HAR document (parsed JSON, or its text). Throws HarImportError on unusable input. */
export function importHar(input: unknown, options: HarImportOptions = {}): HarImportResult {
  const doc = typeof input === 'string' ? parseHarText(input) : input;
  if (!isObject(doc)) throw new HarImportError('not-har', 'This is not a HAR file: expected a JSON object with a "log" property.');
  const log = doc.log;
  if (!isObject(log)) throw new HarImportError('not-har', 'This is not a HAR file: it has no "log" object.');
  if (!Array.isArray(log.entries)) throw new HarImportError('not-har', 'This is not a HAR file: "log.entries" is missing or not an array.');
  const pageUrls = readPages(log.pages);
  const ctx: Context = { pageUrls };
  const pageUrl = options.pageUrl ?? (pageUrls.size === 1 ? [...pageUrls.values()][0] : undefined);
  if (pageUrl) ctx.pageUrl = pageUrl;
  const result = convert(log.entries, ctx, options);
  const creator = isObject(log.creator) && typeof log.creator.name === 'string'
    ? `${log.creator.name}${typeof log.creator.version === 'string' ? ` ${log.creator.version}` : ''}` : undefined;
  if (creator) result.creator = creator;
  return result;
}

/**
 * Imports loose HAR entries, e.g. from `chrome.devtools.network.getHAR()` / `onRequestFinished`
 * (`pageUrl`: the inspected page, used when an entry shows neither Origin nor Referer).
 */
export function importHarEntries(entries: readonly unknown[], options: HarImportOptions = {}): HarImportResult {
  const ctx: Context = { pageUrls: new Map() };
  if (options.pageUrl) ctx.pageUrl = options.pageUrl;
  return convert(entries, ctx, options);
}

/** The exchanges of loose HAR entries (see importHarEntries for counts and warnings). */
export function exchangesFromHarEntries(entries: readonly unknown[], options: HarImportOptions = {}): Exchange[] {
  return importHarEntries(entries, options).exchanges;
}
