/**
 * Experiment harness: runs small CORS scenarios in the real Chromium and prints what Chromium
 * reported (CDP Network.loadingFailed → corsErrorStatus) next to what the server received.
 * Used to settle doubts while writing src/rules/cors (failedParameter formats, header order …).
 *
 *   npx tsx scripts/experiments/cors-probe.ts scripts/experiments/scenarios/basics.json [--compare]
 *
 * A scenario file is a JSON array of Scenario objects (see below). Without --compare it prints
 * Chromium's verdict and the headers the server received; with --compare it builds the exchange a
 * capture would hold (wire headers, no credentials mode) and prints SAME/DIFF against evaluate().
 * Env: OBSERVED_CORS=1 also hands the rules Chromium's CorsError (as live CDP capture would),
 * WITH_CREDENTIALS=1 records the credentials mode, VERBOSE=1 prints the checks of every case,
 * SHOW_HEADERS=1 the request and preflight headers the rules were given.
 * Servers listen on 127.0.0.1:4640 (page), :4641 and :4642 (targets) only.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import type { Exchange, Header } from '../../src/model';
import { evaluate } from '../../src/rules/evaluate';

/** With --compare: build the exchange a capture would record and print the rules' verdict next to Chromium's. */
const compare = process.argv.includes('--compare');

function pairs(raw: string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i] ?? '', value: raw[i + 1] ?? '' });
  return out;
}

/** What a capture (HAR / webRequest) would hold: wire headers, replies, no credentials mode. */
function toExchange(sc: Scenario, url: string, log: Seen[], failure: { errorText: string; cors?: { corsError: string; failedParameter: string } } | undefined, rendererHeaders: Header[] | undefined): Exchange {
  const options = log.filter((r) => r.method === 'OPTIONS');
  const actual = log.filter((r) => r.method !== 'OPTIONS');
  const first = actual[0];
  const ex: Exchange = {
    id: sc.name, source: 'probe', pageOrigin: `http://127.0.0.1:${PAGE_PORT}`, startedAt: 0,
    // Like a HAR: wire headers when the request went out, else the renderer's (CDP requestWillBeSent).
    request: { method: sc.method ?? 'GET', url, headers: first ? pairs(first.raw) : rendererHeaders ?? [] },
    redirects: [],
    observed: failure ? { failed: true, errorText: failure.errorText } : { failed: false },
    resourceType: sc.client === 'xhr' ? 'xmlhttprequest' : 'fetch',
  };
  if (sc.mode) ex.mode = sc.mode;
  // OBSERVED_CORS=1: also give the rules Chromium's CorsError (as live CDP capture would).
  if (process.env.OBSERVED_CORS && failure?.cors) ex.observed.corsError = failure.cors.corsError;
  if (process.env.WITH_CREDENTIALS) ex.credentials = sc.credentials ?? 'same-origin';
  const pf = options[0];
  if (pf) {
    ex.preflight = { request: { method: 'OPTIONS', url: pf.url, headers: pairs(pf.raw) } };
    const resp = { status: pf.reply.status, headers: pf.reply.headers.map(([name, value]) => ({ name, value })) };
    const loc = resp.headers.find((h) => h.name.toLowerCase() === 'location');
    if (resp.status >= 300 && resp.status < 400 && loc) ex.preflight.redirect = { url: pf.url, location: new URL(loc.value, pf.url).href, response: resp };
    else ex.preflight.response = resp;
  }
  actual.forEach((r, i) => {
    const resp = { status: r.reply.status, headers: r.reply.headers.map(([name, value]) => ({ name, value })) };
    const loc = resp.headers.find((h) => h.name.toLowerCase() === 'location');
    if (i < actual.length - 1 || (loc && resp.status >= 300 && resp.status < 400)) {
      ex.redirects.push({ url: r.url, location: new URL(loc?.value ?? r.url, r.url).href, response: resp });
    } else {
      ex.response = resp;
    }
  });
  return ex;
}

interface Reply { status: number; headers: [string, string][] }
export interface Scenario {
  name: string;
  client?: 'fetch' | 'xhr';
  method?: string;
  headers?: [string, string][];
  credentials?: 'omit' | 'same-origin' | 'include';
  mode?: 'cors' | 'no-cors' | 'same-origin';
  /** Absolute URL override; default: the target server. */
  url?: string;
  preflight?: Reply;
  actual?: Reply;
  /** Chain of redirects answered before `actual` (each: status + Location + headers). */
  redirects?: Reply[];
  body?: string;
  cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache';
  /** Print header values received by the server, not only names. */
  showValues?: boolean;
}

const PAGE_PORT = 4640;
const TARGET_PORT = 4641;
/** A second cross-origin server with the same behaviour, for cross-origin redirects. */
const OTHER_PORT = 4642;
interface Seen { method: string; url: string; raw: string[]; reply: Reply; label: string }
const seen = new Map<string, Seen[]>();

function startServer(port: number, handler: http.RequestListener): Promise<http.Server> {
  return new Promise((resolve) => {
    const s = http.createServer(handler);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}

const scenarios = new Map<string, Scenario>();

async function main(): Promise<void> {
  const file = process.argv[2];
  const list: Scenario[] = file ? JSON.parse(readFileSync(file, 'utf8')) : [];
  for (const s of list) scenarios.set(s.name, s);

  const page = await startServer(PAGE_PORT, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>probe</title>');
  });
  const handler: http.RequestListener = (req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const name = u.searchParams.get('s') ?? '';
    const hop = Number(u.searchParams.get('hop') ?? '0');
    const sc = scenarios.get(name);
    let reply: Reply | undefined;
    if (req.method === 'OPTIONS' && sc?.preflight) reply = sc.preflight;
    else if (sc?.redirects && hop < sc.redirects.length) reply = sc.redirects[hop];
    else reply = sc?.actual;
    reply ??= { status: 200, headers: [] };
    const flat: string[] = [];
    // `{next}` / `{next:PORT}` / `{next:PORT:userinfo}` in a header value: the URL of the next hop.
    const nextUrl = (_m: string, port?: string, userinfo?: string): string =>
      `http://${userinfo ? `${userinfo}@` : ''}127.0.0.1:${port ?? TARGET_PORT}/r?s=${encodeURIComponent(name)}&hop=${hop + 1}`;
    for (const [k, v] of reply.headers) flat.push(k, v.replace(/\{next(?::(\d+))?(?::([^}]+))?\}/, nextUrl));
    const log = seen.get(name) ?? [];
    const sent: Reply = { status: reply.status, headers: [] };
    for (let i = 0; i < flat.length; i += 2) sent.headers.push([flat[i] ?? '', flat[i + 1] ?? '']);
    log.push({ method: req.method ?? '', url: `http://127.0.0.1:${req.socket.localPort ?? ''}${req.url ?? ''}`, raw: req.rawHeaders, reply: sent, label: `${req.method ?? ''} ${req.socket.localPort ?? ''} hop${hop} origin=${String(req.headers.origin)}` });
    seen.set(name, log);
    res.writeHead(reply.status, flat);
    res.end('ok');
  };
  const target = await startServer(TARGET_PORT, handler);
  const other = await startServer(OTHER_PORT, handler);

  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
  const ctx = await browser.newContext();
  const pg = await ctx.newPage();
  const cdp = await ctx.newCDPSession(pg);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const failures = new Map<string, unknown>();
  const urls = new Map<string, string>();
  const cdpHeaders = new Map<string, Header[]>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string; method: string; headers: Record<string, string> } }) => {
    urls.set(e.requestId, e.request.url);
    if (e.request.method !== 'OPTIONS' && !cdpHeaders.has(e.request.url)) cdpHeaders.set(e.request.url, Object.entries(e.request.headers).map(([name, value]) => ({ name, value })));
  });
  cdp.on('Network.loadingFailed', (e: { requestId: string; errorText: string; corsErrorStatus?: unknown }) => {
    failures.set(urls.get(e.requestId) ?? e.requestId, { errorText: e.errorText, cors: e.corsErrorStatus });
  });
  await pg.goto(`http://127.0.0.1:${PAGE_PORT}/`);

  for (const sc of scenarios.values()) {
    const url = sc.url ?? `http://127.0.0.1:${TARGET_PORT}/x?s=${encodeURIComponent(sc.name)}`;
    const result = await pg.evaluate(async ({ sc, url }) => {
      try {
        if (sc.client === 'xhr') {
          return await new Promise<string>((resolve) => {
            const x = new XMLHttpRequest();
            x.open(sc.method ?? 'GET', url);
            x.withCredentials = sc.credentials === 'include';
            for (const [k, v] of sc.headers ?? []) x.setRequestHeader(k, v);
            x.onload = () => resolve(`ok ${x.status}`);
            x.onerror = () => resolve('error');
            x.send(sc.body ?? null);
          });
        }
        const r = await fetch(url, { method: sc.method ?? 'GET', headers: sc.headers ?? [], credentials: sc.credentials ?? 'same-origin', mode: sc.mode ?? 'cors', body: sc.body, cache: sc.cache ?? 'no-store' });
        return `ok ${r.status} ${r.type}`;
      } catch (e) {
        return `error ${String(e)}`;
      }
    }, { sc, url });
    await new Promise((r) => setTimeout(r, 50)); // let CDP events arrive (experiment only)
    const failed = [...failures.entries()].filter(([u]) => u.includes(`s=${encodeURIComponent(sc.name)}`)).map(([, f]) => f);
    const wire = (seen.get(sc.name) ?? []).map((r) => `${r.label}: ${(sc.showValues ? r.raw.map((x, i) => (i % 2 ? `=${x}` : x)).join('').replace(/=/g, ': ') : r.raw.filter((_, i) => i % 2 === 0).join(','))}`);
    const failure = failed[0] as { errorText: string; cors?: { corsError: string; failedParameter: string } } | undefined;
    if (compare) {
      const ex = toExchange(sc, url, seen.get(sc.name) ?? [], failure, cdpHeaders.get(url));
      const v = evaluate(ex);
      if (process.env.SHOW_HEADERS) console.log(JSON.stringify(ex.request.headers), JSON.stringify(ex.preflight?.request.headers));
      const chromium = failure ? `${failure.cors?.corsError ?? failure.errorText}|${failure.cors?.failedParameter ?? ''}` : 'allowed';
      const ours = v.blocked ? `${v.corsError ?? ex.observed.errorText ?? '?'}|${v.failedParameter ?? ''}` : 'allowed';
      console.log(`${chromium === ours ? 'SAME' : 'DIFF'} ${sc.name}: chromium=${chromium} rules=${ours} credentials=${v.credentials.mode}${v.credentials.inferred ? '(inferred)' : ''}${v.inconsistent ? ' INCONSISTENT' : ''}`);
      if (chromium !== ours || process.env.VERBOSE) console.log(JSON.stringify({ checks: v.checks, notes: v.notes }, null, 1));
    } else {
      console.log(JSON.stringify({ name: sc.name, result, failed, wire }));
    }
  }
  await browser.close();
  page.close();
  target.close();
  other.close();
}

main().catch((e) => { console.error(e); process.exit(1); });
