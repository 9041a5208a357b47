/**
 * Differential check of the CORS rules against real Chromium on the lab's scenario corpus
 * (e2e/lab), capturing each measured request the way DevTools does (CDP Network events, as a HAR
 * would hold them) and comparing evaluate() with Chromium's own corsErrorStatus.
 *
 *   npx tsx scripts/experiments/lab-differential.ts [--dimension=<d>] [ids…] [--verbose]
 *
 * The exchange gets no credentials mode and no CorsError (like a HAR): the rules must infer both.
 * OBSERVED_CORS=1 hands them Chromium's CorsError too (as live CDP capture could).
 * Ports 4650–4652 (the lab's three origins), 127.0.0.1 only.
 */
import { chromium, type CDPSession } from 'playwright';
import type { Exchange, Header, ResponseRecord } from '../../src/model';
import { evaluate } from '../../src/rules/evaluate';
import { startLab } from '../../e2e/lab/server';

type Headers = Record<string, string>;
interface Req {
  id: string;
  url: string;
  method: string;
  headers: Headers;
  wireHeaders?: Headers;
  preflightOf?: string;
  redirects: { url: string; status: number; headers: Headers }[];
  response?: { status: number; headers: Headers; fromCache: boolean };
  /** One per response that reached the network (redirect hops first), from responseReceivedExtraInfo. */
  rawResponses: { status: number; headers: Headers }[];
  done?: { failed: boolean; errorText?: string; corsError?: string; failedParameter?: string };
  seq: number;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dimension = args.find((a) => a.startsWith('--dimension='))?.slice('--dimension='.length);
const ids = args.filter((a) => !a.startsWith('--'));

/** CDP joins repeated header lines with "\n"; a capture keeps them as separate lines. */
function lines(h: Headers | undefined): Header[] {
  const out: Header[] = [];
  for (const [name, value] of Object.entries(h ?? {})) for (const v of value.split('\n')) out.push({ name, value: v });
  return out;
}

function watch(cdp: CDPSession): { reqs: Map<string, Req>; unsent: { url: string; corsError: string; failedParameter: string }[]; seq: () => number } {
  const reqs = new Map<string, Req>();
  const unsent: { url: string; corsError: string; failedParameter: string }[] = [];
  let seq = 0;
  const get = (id: string): Req => {
    let r = reqs.get(id);
    if (!r) {
      r = { id, url: '', method: '', headers: {}, redirects: [], rawResponses: [], seq: seq++ };
      reqs.set(id, r);
    }
    return r;
  };
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string; method: string; headers: Headers }; initiator: { type: string; requestId?: string }; redirectResponse?: { status: number; headers: Headers } }) => {
    const r = get(e.requestId);
    if (e.redirectResponse) r.redirects.push({ url: r.url, status: e.redirectResponse.status, headers: e.redirectResponse.headers });
    if (!r.url) {
      r.method = e.request.method;
      r.headers = e.request.headers;
    }
    r.url = e.request.url;
    if (e.initiator.type === 'preflight') r.preflightOf = e.initiator.requestId ?? '';
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e: { requestId: string; headers: Headers }) => {
    const r = get(e.requestId);
    r.wireHeaders ??= e.headers;
  });
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { status: number; headers: Headers; fromDiskCache?: boolean } }) => {
    get(e.requestId).response = { status: e.response.status, headers: e.response.headers, fromCache: !!e.response.fromDiskCache };
  });
  cdp.on('Network.responseReceivedExtraInfo', (e: { requestId: string; statusCode: number; headers: Headers }) => {
    get(e.requestId).rawResponses.push({ status: e.statusCode, headers: e.headers });
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string }) => { get(e.requestId).done = { failed: false }; });
  cdp.on('Network.loadingFailed', (e: { requestId: string; errorText: string; corsErrorStatus?: { corsError: string; failedParameter: string } }) => {
    get(e.requestId).done = { failed: true, errorText: e.errorText, corsError: e.corsErrorStatus?.corsError, failedParameter: e.corsErrorStatus?.failedParameter };
  });
  cdp.on('Audits.issueAdded', (e: { issue: { details: { corsIssueDetails?: { request: { requestId?: string; url: string }; corsErrorStatus: { corsError: string; failedParameter: string } } } } }) => {
    const c = e.issue.details.corsIssueDetails;
    if (c && !c.request.requestId) unsent.push({ url: c.request.url, corsError: c.corsErrorStatus.corsError, failedParameter: c.corsErrorStatus.failedParameter });
  });
  return { reqs, unsent, seq: () => seq };
}

/** The final response: a blocked one reaches DevTools only as raw (ExtraInfo) headers, which HAR uses too. */
function finalResponse(r: Req): { status: number; headers: Headers } | undefined {
  return r.response ?? r.rawResponses[r.redirects.length];
}

function toExchange(r: Req, preflight: Req | undefined, pageOrigin: string, cached?: { status: number; headers: Headers }): Exchange {
  const resp = finalResponse(r) ?? cached;
  const ex: Exchange = {
    id: r.id, source: 'probe', pageOrigin, startedAt: 0, resourceType: 'fetch',
    request: { method: r.method, url: r.redirects[0]?.url ?? r.url, headers: lines(r.wireHeaders ?? r.headers) },
    redirects: r.redirects.map((h, i) => ({ url: h.url, location: r.redirects[i + 1]?.url ?? r.url, response: { status: h.status, headers: lines(h.headers) } })),
    observed: r.done?.failed ? { failed: true, ...(r.done.errorText ? { errorText: r.done.errorText } : {}) } : { failed: false },
  };
  if (process.env.OBSERVED_CORS && r.done?.corsError) ex.observed.corsError = r.done.corsError;
  if (resp) {
    const response: ResponseRecord = { status: resp.status, headers: lines(resp.headers) };
    if (r.response?.fromCache || (!finalResponse(r) && cached)) response.fromCache = 'disk';
    ex.response = response;
  }
  if (preflight) {
    const presp = finalResponse(preflight);
    ex.preflight = { request: { method: 'OPTIONS', url: preflight.redirects[0]?.url ?? preflight.url, headers: lines(preflight.wireHeaders ?? preflight.headers) } };
    if (preflight.redirects[0]) {
      const h = preflight.redirects[0];
      ex.preflight.redirect = { url: h.url, location: preflight.url, response: { status: h.status, headers: lines(h.headers) } };
    } else if (presp) {
      ex.preflight.response = { status: presp.status, headers: lines(presp.headers) };
      const loc = ex.preflight.response.headers.find((x) => x.name.toLowerCase() === 'location');
      if (presp.status >= 300 && presp.status < 400 && loc) {
        ex.preflight.redirect = { url: ex.preflight.request.url, location: new URL(loc.value, ex.preflight.request.url).href, response: ex.preflight.response };
        delete ex.preflight.response;
      }
    } else if (preflight.done?.failed) {
      ex.preflight.error = preflight.done.errorText ?? 'net::ERR_FAILED';
    }
  } else if (!process.env.NO_CACHE_HINT && !resp && !r.done?.failed) {
    ex.preflightFromCache = true;
  }
  return ex;
}

async function main(): Promise<void> {
  const lab = await startLab({ ports: { app: 4650, api: 4651, third: 4652 } });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
  const page = await (await browser.newContext()).newPage();
  const cdp = await page.context().newCDPSession(page);
  const w = watch(cdp);
  await cdp.send('Network.enable');
  await cdp.send('Audits.enable');
  await page.goto(lab.origins.app);
  const chosen = lab.scenarios.filter((s) => (ids.length === 0 || ids.includes(s.id)) && (!dimension || s.dimension === dimension));
  const tally = { same: 0, diff: 0 };
  const diffs: string[] = [];
  for (const s of chosen) {
    const nonce = `n${Math.random().toString(36).slice(2, 10)}`;
    await page.evaluate(({ id, nonce }) => (window as unknown as { corsLab: { setup(id: string, o: object): Promise<unknown> } }).corsLab.setup(id, { nonce }), { id: s.id, nonce });
    await new Promise((r) => setTimeout(r, 150)); // experiment only: let the setup's CDP events land
    const mark = w.seq();
    const unsentMark = w.unsent.length;
    await page.evaluate(({ id, nonce }) => (window as unknown as { corsLab: { run(id: string, o: object): Promise<unknown> } }).corsLab.run(id, { nonce, setup: false }), { id: s.id, nonce });
    const prefix = `/s/${s.id}/${nonce}/r`;
    let measured: Req | undefined;
    for (let i = 0; i < 100; i++) {
      measured = [...w.reqs.values()].find((r) => r.seq >= mark && !r.preflightOf && (r.redirects[0]?.url ?? r.url).includes(prefix));
      if ((measured?.done) || w.unsent.length > unsentMark) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const unsent = w.unsent.slice(unsentMark).find((u) => u.url.includes(prefix));
    let chromiumSays: string;
    let ours: string;
    let detail = '';
    if (!measured) {
      chromiumSays = unsent ? `${unsent.corsError}|${unsent.failedParameter}` : 'NOT-MEASURED';
      const ex = toExchange({ id: s.id, url: `${lab.origins[s.request.target]}${prefix}${s.request.path ?? ''}`, method: s.request.method, headers: Object.fromEntries(s.request.headers ?? []), redirects: [], rawResponses: [], seq: 0, done: { failed: true, errorText: 'net::ERR_FAILED' } }, undefined, lab.origins.app);
      if (s.request.mode) ex.mode = s.request.mode;
      const v = evaluate(ex);
      ours = v.blocked ? `${v.corsError ?? 'null'}|${v.failedParameter ?? ''}` : 'allowed';
    } else {
      const preflight = [...w.reqs.values()].filter((r) => r.preflightOf === measured?.id).sort((a, b) => a.seq - b.seq)[0];
      const d = measured.done;
      chromiumSays = !d?.failed ? 'allowed' : `${d.corsError ?? d.errorText ?? 'null'}|${d.failedParameter ?? ''}`;
      // Like the HAR importer's cache links: a response served from the HTTP cache is the one an earlier request stored.
      const measuredUrl = measured.url;
      const earlier = [...w.reqs.values()].filter((r) => r.seq < mark && !r.preflightOf && r.url === measuredUrl && finalResponse(r)).sort((a, b) => b.seq - a.seq)[0];
      const ex = toExchange(measured, preflight, lab.origins.app, earlier ? finalResponse(earlier) : undefined);
      const v = evaluate(ex);
      ours = v.blocked ? `${v.corsError ?? ex.observed.errorText ?? 'null'}|${v.failedParameter ?? ''}` : 'allowed';
      detail = JSON.stringify({ credentials: v.credentials, inconsistent: v.inconsistent, notes: v.notes, checks: v.checks.map((c) => `${c.phase}:${c.id}:${c.result}:${c.asked}→${c.allowed}`), exchange: { req: ex.request.headers.map((h) => h.name), pf: !!ex.preflight, resp: ex.response?.status, redirects: ex.redirects.length, fromCache: ex.preflightFromCache } });
    }
    const same = chromiumSays === ours;
    tally[same ? 'same' : 'diff']++;
    const line = `${same ? 'SAME' : 'DIFF'} ${s.dimension}/${s.id}: chromium=${chromiumSays} rules=${ours}`;
    if (!same) diffs.push(line);
    console.log(line);
    if ((!same || verbose) && detail) console.log(`  ${detail}`);
  }
  console.log(`\n${tally.same} same, ${tally.diff} different of ${chosen.length}`);
  for (const d of diffs) console.log(d);
  await browser.close();
  await lab.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
