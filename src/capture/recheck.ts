/**
 * Re-check: sends a fresh preflight (and, when asked or when no preflight is needed, the actual
 * request) for a captured exchange, exactly as the page would — same Origin, same
 * Access-Control-Request-* values — past every cache, and returns what came back as a new exchange
 * for the rules to judge. "Did my deploy fix it?" without reloading the app.
 *
 * A worker's fetch may not set Origin or Access-Control-Request-*, so a declarativeNetRequest session
 * rule scoped to that one URL, method and the worker's own requests (tabId -1) sets them, and is
 * removed right after. The worker's fetch is not subject to CORS, so every response header is
 * readable.
 *
 * Permission: declarativeNetRequestWithHostAccess, declared up front. It reaches no further than the
 * host access capture already has and shows no install warning. It is not optional because, in
 * Chromium 156, updateSessionRules never settles when that permission was granted at run time
 * (verified on this project's machines), so an on-demand prompt would leave "Re-check" hanging.
 * Re-measured with a minimal extension: after a run-time grant the reads (getSessionRules,
 * getDynamicRules, isRegexSupported) answer but every update (session or dynamic) hangs — in the worker,
 * in pages open before the grant and in pages opened after it. Only reloading the extension would
 * help, which closes the panel and clears the capture; declaring the permission costs nothing visible.
 */
import browser, { type WebRequest } from 'webextension-polyfill';
import type { CredentialsMode, Exchange, Header, PreflightRecord, RedirectHop, ResponseRecord } from '../model';
import { getHeader, preflightRequestHeaders } from '../rules/cors';
import { evaluate } from '../rules';

const BODY_LIMIT = 2048;
const DNR_METHODS = new Set(['connect', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put']);

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sets `headers` on the worker's own next request to `url` with `method`; returns a remover. */
async function withHeaders(url: string, method: string, headers: Header[], remove: string[]): Promise<() => Promise<void>> {
  const id = 900_000 + Math.floor(Math.random() * 99_999);
  const m = method.toLowerCase();
  const rule: chrome.declarativeNetRequest.Rule = {
    id,
    priority: 1,
    action: {
      type: chrome.declarativeNetRequest.RuleActionType.MODIFY_HEADERS,
      requestHeaders: [
        ...headers.map((h) => ({ header: h.name, operation: chrome.declarativeNetRequest.HeaderOperation.SET, value: h.value })),
        ...remove.map((name) => ({ header: name, operation: chrome.declarativeNetRequest.HeaderOperation.REMOVE })),
      ],
    },
    condition: {
      regexFilter: `^${escapeRegex(url)}$`,
      tabIds: [-1],
      requestMethods: [(DNR_METHODS.has(m) ? m : 'other') as chrome.declarativeNetRequest.RequestMethod],
    },
  };
  await chrome.declarativeNetRequest.updateSessionRules({ addRules: [rule], removeRuleIds: [id] });
  return () => chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: [id] });
}

/** Watches the worker's own request to `url` for a redirect, which fetch(redirect: 'manual') hides. */
function watchRedirect(url: string): { hop: () => RedirectHop | undefined; stop: () => void } {
  let hop: RedirectHop | undefined;
  const listener = (d: WebRequest.OnBeforeRedirectDetailsType) => {
    if (d.tabId !== -1 || d.url !== url || hop) return;
    hop = {
      url,
      location: d.redirectUrl,
      response: { status: d.statusCode, headers: (d.responseHeaders ?? []).map((h) => ({ name: h.name, value: h.value ?? '' })) },
    };
  };
  browser.webRequest.onBeforeRedirect.addListener(listener, { urls: [url.split('#')[0] ?? url] }, ['responseHeaders', 'extraHeaders']);
  return { hop: () => hop, stop: () => browser.webRequest.onBeforeRedirect.removeListener(listener) };
}

async function send(url: string, init: RequestInit, set: Header[], remove: string[]): Promise<{ response?: ResponseRecord; redirect?: RedirectHop; error?: string }> {
  const removeRule = await withHeaders(url, init.method ?? 'GET', set, remove);
  const redirect = watchRedirect(url);
  try {
    const res = await fetch(url, { ...init, cache: 'no-store', redirect: 'manual' });
    const hop = redirect.hop();
    if (res.type === 'opaqueredirect' || hop) return hop ? { redirect: hop } : { error: 'redirected (details not available)' };
    const headers: Header[] = [];
    res.headers.forEach((value, name) => headers.push({ name, value }));
    const body = (await res.text()).slice(0, BODY_LIMIT);
    return { response: { status: res.status, statusText: res.statusText, headers, ...(body ? { body } : {}) } };
  } catch (e) {
    return { error: `net::ERR_FAILED (${e instanceof Error ? e.message : String(e)})` };
  } finally {
    redirect.stop();
    await removeRule();
  }
}

export async function recheck(original: Exchange, credentials: CredentialsMode, includeActual: boolean): Promise<Exchange> {
  const { url, method } = original.request;
  const origin = original.pageOrigin;
  // Only what a script could have set is sent again; the browser adds the rest itself.
  const scriptHeaders = original.request.headers.filter((h) => !/^(origin|referer|host|connection|content-length|cookie|user-agent|accept-encoding|sec-|proxy-)/i.test(h.name));
  const exchange: Exchange = {
    id: `recheck-${original.id}-${Date.now()}`,
    source: 'probe',
    pageOrigin: origin,
    ...(original.pageUrl ? { pageUrl: original.pageUrl } : {}),
    startedAt: Date.now(),
    request: { method, url, headers: [...scriptHeaders, { name: 'Origin', value: origin }] },
    credentials,
    mode: 'cors',
    redirects: [],
    observed: {},
    initiator: 'CORS Lens re-check',
  };

  // The same Access-Control-Request-* the browser sent, when the preflight was captured.
  const asked = original.preflight?.request.headers;
  const preflightHeaders: Header[] = asked
    ? [{ name: 'Origin', value: origin }, ...asked.filter((h) => /^access-control-request-/i.test(h.name))]
    : preflightRequestHeaders(origin, method, scriptHeaders);
  if (preflightHeaders.length) {
    const set = preflightHeaders.filter((h) => /^(origin|access-control-request-)/i.test(h.name));
    const remove = getHeader(set, 'access-control-request-headers') === null ? ['access-control-request-headers'] : [];
    const preflight: PreflightRecord = { request: { method: 'OPTIONS', url, headers: preflightHeaders }, startedAt: Date.now() };
    const result = await send(url, { method: 'OPTIONS', credentials: 'omit' }, set, remove);
    if (result.response) preflight.response = result.response;
    if (result.redirect) preflight.redirect = result.redirect;
    if (result.error) preflight.error = result.error;
    exchange.preflight = preflight;
    if (result.error) return { ...exchange, observed: { failed: true, errorText: result.error } };
    if (!includeActual || evaluate(exchange).blocked) return exchange;
  }

  const init: RequestInit = {
    method,
    credentials: credentials === 'include' ? 'include' : 'omit',
    headers: scriptHeaders.filter((h) => h.value !== '' || h.name.toLowerCase() === 'content-type').map((h) => [h.name, h.value] as [string, string]),
  };
  const result = await send(url, init, [{ name: 'Origin', value: origin }], []);
  if (result.response) exchange.response = result.response;
  if (result.redirect) exchange.redirects = [result.redirect];
  if (result.error) exchange.observed = { failed: true, errorText: result.error };
  return exchange;
}
