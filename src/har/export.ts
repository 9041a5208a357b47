/**
 * Exchanges → a sanitized HAR 1.2 (Chrome's flavour: preflights are their own entries with
 * `_resourceType: "preflight"`, failures carry `response._error`). Redacted by default with the same
 * rules as every report (src/report/redact.ts). Importing the export gives the exchanges back: the
 * preflight's `_initiator.requestId` names the actual entry's `_requestId`.
 */
import type { Exchange, Header, ResponseRecord } from '../model';
import { createRedactor, redactExchange, REDACTION_NOTE, SENSITIVE_WARNING } from '../report/redact';
import { reachedUrl } from './import';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarExportEntry {
  _initiator: { type: string; url?: string; lineNumber?: number; requestId?: string };
  _resourceType: string;
  _requestId: string;
  _fromCache?: 'memory' | 'disk';
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string; url: string; httpVersion: string; headers: HarNameValue[]; queryString: HarNameValue[];
    cookies: never[]; headersSize: number; bodySize: number;
  };
  response: {
    status: number; statusText: string; httpVersion: string; headers: HarNameValue[]; cookies: never[];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string; headersSize: number; bodySize: number; _transferSize: number; _error: string | null;
    _fetchedViaServiceWorker: boolean;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: number; ssl: number; connect: number; send: number; wait: number; receive: number };
  serverIPAddress?: string;
}

export interface HarExportDocument {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    comment: string;
    pages: { startedDateTime: string; id: string; title: string; pageTimings: { onContentLoad: number; onLoad: number } }[];
    entries: HarExportEntry[];
  };
}

export interface HarExportOptions {
  /** Default false: values are redacted like every report. */
  includeSensitive?: boolean;
  toolVersion?: string;
}

function iso(ms: number | undefined): string {
  return new Date(ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : 0).toISOString();
}

function queryString(url: string): HarNameValue[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const query = url.slice(q + 1).split('#')[0] ?? '';
  return query.split('&').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? { name: pair, value: '' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
}

const copy = (headers: readonly Header[]): HarNameValue[] => headers.map((h) => ({ name: h.name, value: h.value }));

function mimeOf(r: ResponseRecord | undefined): string {
  return r?.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value.split(';')[0]?.trim() || 'x-unknown';
}

function entry(
  id: string, method: string, url: string, headers: readonly Header[], startedAt: number | undefined, resourceType: string,
  response: ResponseRecord | undefined, extra: { redirectURL?: string; error?: string | null; initiator?: HarExportEntry['_initiator']; pageref?: string; bodyRedacted: boolean },
): HarExportEntry {
  const content: HarExportEntry['response']['content'] = { size: response?.body?.length ?? 0, mimeType: mimeOf(response) };
  if (response?.body !== undefined) content.text = response.body;
  else if (extra.bodyRedacted && response) content.comment = 'body not exported (redacted)';
  const out: HarExportEntry = {
    _initiator: extra.initiator ?? { type: 'other' },
    _resourceType: resourceType,
    _requestId: id,
    startedDateTime: iso(startedAt),
    time: 0,
    request: { method, url, httpVersion: '', headers: copy(headers), queryString: queryString(url), cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: response?.status ?? 0, statusText: response?.statusText ?? '', httpVersion: '', headers: copy(response?.headers ?? []), cookies: [],
      content, redirectURL: extra.redirectURL ?? '', headersSize: -1, bodySize: -1, _transferSize: 0, _error: extra.error ?? null,
      _fetchedViaServiceWorker: response?.fromCache === 'service-worker',
    },
    cache: {},
    timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 0, receive: 0 },
  };
  if (response?.fromCache === 'memory' || response?.fromCache === 'disk') out._fromCache = response.fromCache;
  if (response?.remoteAddress) out.serverIPAddress = response.remoteAddress;
  if (extra.pageref) out.pageref = extra.pageref;
  return out;
}

/** Back from the importer's display form ("script http://app/main.js:12") to Chrome's `_initiator`. */
function initiatorOf(shown: string | undefined): HarExportEntry['_initiator'] {
  const m = shown ? /^([a-z]+) (\S+?)(?::(\d+))?$/.exec(shown) : null;
  if (!m) return { type: 'other' };
  const out: HarExportEntry['_initiator'] = { type: m[1]!, url: m[2]! };
  if (m[3]) out.lineNumber = Number(m[3]) - 1;
  return out;
}

export function exportHar(exchanges: readonly Exchange[], options: HarExportOptions = {}): HarExportDocument {
  const includeSensitive = options.includeSensitive === true;
  const pages = new Map<string, { id: string; startedAt: number }>();
  const entries: HarExportEntry[] = [];
  const earlierSeen = new Set<string>();
  // An earlier CORS load that is itself exported needs no entry of its own: the importer links it again.
  const exported = new Set(exchanges.map((x) => x.id));
  for (const original of exchanges) {
    const ex = includeSensitive ? original : redactExchange(original, createRedactor(original, false));
    let pageref: string | undefined;
    if (ex.pageUrl) {
      let page = pages.get(ex.pageUrl);
      if (!page) pages.set(ex.pageUrl, (page = { id: `page_${pages.size + 1}`, startedAt: ex.startedAt }));
      pageref = page.id;
    }
    const common = { bodyRedacted: !includeSensitive, ...(pageref ? { pageref } : {}) };
    const resourceType = ex.resourceType ?? 'fetch';
    // The earlier load that may have filled the HTTP cache (evidence for the verdict and for cache
    // findings), kept once: a no-cors one, or a CORS one (with its Origin) not exported in its own right.
    const e = ex.earlierLoad;
    if (e && !(e.exchangeId !== undefined && exported.has(e.exchangeId)) && !earlierSeen.has(`${e.url} ${e.startedAt}`)) {
      earlierSeen.add(`${e.url} ${e.startedAt}`);
      const headers = e.origin !== undefined
        ? [{ name: 'Origin', value: e.origin }, { name: 'Sec-Fetch-Mode', value: 'cors' }]
        : [{ name: 'Sec-Fetch-Mode', value: 'no-cors' }];
      const earlierType = e.resourceType ?? (e.origin !== undefined ? 'fetch' : 'other');
      entries.push(entry(`${ex.id}.earlier`, 'GET', e.url, headers, e.startedAt, earlierType, e.response, { ...common }));
    }
    const p = ex.preflight;
    if (p) {
      entries.push(entry(`${ex.id}.preflight`, p.request.method, p.request.url, p.request.headers, p.startedAt ?? ex.startedAt, 'preflight', p.response, {
        ...common, redirectURL: p.redirect?.location ?? '', error: p.error ?? null,
        initiator: { type: 'preflight', url: ex.request.url, requestId: ex.id },
      }));
    }
    const initiator = initiatorOf(ex.initiator);
    // The legs of the chain as entries: each redirect hop, then the final request (when it has a
    // response, or was requested without one: a rejected cache hit is status 0 in DevTools' HAR too).
    const legs = ex.redirects.map((hop, i) => ({ id: i === 0 ? ex.id : `${ex.id}.redirect-${i}`, url: hop.url }));
    const finalUrl = reachedUrl(ex);
    const hasFinal = ex.redirects.length === 0 || ex.response !== undefined || ex.lastLegRequested === true;
    if (hasFinal) legs.push({ id: ex.redirects.length === 0 ? ex.id : `${ex.id}.final`, url: finalUrl });
    // Preflights a redirect brought (one per restarted leg), each linked to the leg sent to its URL.
    const linked = new Set<string>();
    (ex.redirectPreflights ?? []).forEach((rp, n) => {
      const leg = legs.find((l, i) => i > 0 && !linked.has(l.id) && l.url === rp.request.url) ?? legs[legs.length - 1];
      if (leg) linked.add(leg.id);
      entries.push(entry(`${ex.id}.preflight-${n + 2}`, rp.request.method, rp.request.url, rp.request.headers, rp.startedAt ?? ex.startedAt, 'preflight', rp.response, {
        ...common, redirectURL: rp.redirect?.location ?? '', error: rp.error ?? null,
        initiator: { type: 'preflight', url: rp.request.url, requestId: leg?.id ?? ex.id },
      }));
    });
    ex.redirects.forEach((hop, i) => {
      const last = i === ex.redirects.length - 1 && !hasFinal;
      entries.push(entry(legs[i]!.id, ex.request.method, hop.url, ex.request.headers, ex.startedAt, resourceType, hop.response, {
        ...common, redirectURL: hop.location, initiator, error: last ? ex.observed.errorText ?? 'net::ERR_FAILED' : null,
      }));
    });
    if (hasFinal) {
      const error = ex.observed.failed ? ex.observed.errorText ?? 'net::ERR_FAILED' : null;
      entries.push(entry(legs[legs.length - 1]!.id, ex.request.method, finalUrl, ex.request.headers, ex.startedAt, resourceType, ex.response, {
        ...common, error, initiator,
      }));
    }
  }
  return {
    log: {
      version: '1.2',
      creator: { name: 'CORS Lens', version: options.toolVersion ?? (typeof __CORS_LENS_VERSION__ === 'string' ? __CORS_LENS_VERSION__ : '0.0.0') },
      comment: includeSensitive ? SENSITIVE_WARNING : REDACTION_NOTE,
      pages: [...pages].map(([title, p]) => ({ startedDateTime: iso(p.startedAt), id: p.id, title, pageTimings: { onContentLoad: -1, onLoad: -1 } })),
      entries,
    },
  };
}
