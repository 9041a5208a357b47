/**
 * Ground truth: what real Chromium decides for each lab scenario.
 *
 *   const lab = await startLab();
 *   const verdicts = await runInChromium(lab, ['seed-works', 'acao-star'], { executablePath });
 *   verdicts.get('seed-works') // { failed: false, corsError: null, failedParameter: null, status: 201, … }
 *
 * How: headless Chromium (Playwright; `executablePath` option, else env CHROME_PATH, else
 * /usr/bin/chromium) opens the lab page; CDP Network and Audits are enabled on the page. Scenarios run
 * one after the other, each with a fresh nonce, so every request of a run shares the URL prefix
 * `/s/<id>/<nonce>/` and runs never share browser caches. Per scenario the page first performs the
 * setup steps (`corsLab.setup`), then the measured fetch (`corsLab.run(id, { setup: false })`).
 *
 * Matching the measured request: preflights (initiator type "preflight") have their own requestIds and
 * are counted apart; among the run's other requests the measured one is the (setup steps + 1)-th, since
 * each setup step makes exactly one request and the page awaits it before the next. Its verdict is
 * `Network.loadingFailed.corsErrorStatus`. A request refused before it was sent (DisallowedByMode) has
 * no network events: its verdict comes from the DevTools issue (`Audits.issueAdded`) for its URL.
 * Wire facts (`status`, `preflights`, `fromCache`) come from the lab server's log of the run, which is
 * deterministic; CDP's extra-info events may trail the failure event.
 *
 * Nothing is guessed: a scenario that never settles yields `runnerError`, which is a lab bug.
 * An empty `failedParameter` from CDP is reported as null.
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright';
import type { Lab, ServerLogEntry } from './server';
import type { Scenario } from './scenario';
import { hostResolverArg } from './hosts';

export interface ChromiumVerdict {
  /** The measured fetch rejected in the page (CORS or another network error). */
  failed: boolean;
  /** Chromium's `corsErrorStatus.corsError`; null when the failure was not a CORS one, or no failure. */
  corsError: string | null;
  failedParameter: string | null;
  /** Status of the last answer the server wrote for the request (or, from the HTTP cache, the page's), if any. */
  status?: number;
  /** `Network.loadingFailed.errorText`, e.g. "net::ERR_FAILED". */
  errorText?: string;
  /** Preflights the server received for the measured request (0 = none needed, or the preflight cache answered). */
  preflights: number;
  /** The request was sent but never reached the server: Chromium's HTTP cache answered it. */
  fromCache: boolean;
  /** False when Chromium refused the request before sending anything (e.g. DisallowedByMode). */
  sent: boolean;
  /** What `corsLab.run` returned in the page. */
  page?: PageResult;
  /** Set when the scenario could not be measured (timeout, inconsistent signals): a lab bug, not a verdict. */
  runnerError?: string;
}

export interface PageResult {
  ok: boolean;
  status?: number;
  error?: string;
  url: string;
  nonce: string;
}

export interface RunInChromiumOptions {
  /** Chromium binary; default env CHROME_PATH, else /usr/bin/chromium. */
  executablePath?: string;
  /** Per-scenario guard against hangs (default 15 s); never a timing assertion. */
  timeoutMs?: number;
  /** Called after each scenario (progress output). */
  onResult?: (id: string, verdict: ChromiumVerdict) => void;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
  // Scenarios with a realistic host name (hosts.ts) reach the lab on 127.0.0.1, as in launch.ts.
  hostResolverArg(),
];

export function chromiumPath(explicit?: string): string {
  return explicit ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

interface Tracked {
  id: string;
  url: string;
  /** Set on preflights: the requestId they guard ('' when Chromium did not say). */
  preflightOf?: string;
  done?: { failed: boolean; corsError: string | null; failedParameter: string | null; errorText?: string };
  /** Its response said Cache-Control: no-store (nothing of it reaches the HTTP cache). */
  noStore?: boolean;
}

interface Unsent {
  url: string;
  corsError: string;
  failedParameter: string | null;
}

/** Collects CDP Network/Audits events per requestId and re-checks waiters on every event. */
export class NetworkWatch {
  private readonly byId = new Map<string, Tracked>();
  /** Non-preflight requests in order of their first requestWillBeSent. */
  private readonly order: Tracked[] = [];
  /** CORS issues about requests that never reached the network. */
  private readonly unsent: Unsent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly early = new Map<string, NonNullable<Tracked['done']>>();

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!this.byId.has(e.requestId)) {
        const t: Tracked = { id: e.requestId, url: e.request.url };
        if (e.initiator.type === 'preflight') t.preflightOf = e.initiator.requestId ?? '';
        const early = this.early.get(e.requestId);
        if (early) t.done = early;
        this.byId.set(e.requestId, t);
        if (t.preflightOf === undefined) this.order.push(t);
      }
      this.wake();
    });
    cdp.on('Network.responseReceived', (e) => {
      const t = this.byId.get(e.requestId);
      const cacheControl = Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === 'cache-control')?.[1] ?? '';
      if (t && /(^|,)\s*no-store\s*(,|$)/i.test(cacheControl)) { t.noStore = true; this.wake(); }
    });
    cdp.on('Network.loadingFinished', (e) => this.finish(e.requestId, { failed: false, corsError: null, failedParameter: null }));
    cdp.on('Network.loadingFailed', (e) => this.finish(e.requestId, {
      failed: true,
      corsError: e.corsErrorStatus?.corsError ?? null,
      failedParameter: e.corsErrorStatus?.failedParameter || null,
      errorText: e.errorText,
    }));
    cdp.on('Audits.issueAdded', (e) => {
      const cors = e.issue.details.corsIssueDetails;
      if (cors && !cors.request.requestId) {
        this.unsent.push({ url: cors.request.url, corsError: cors.corsErrorStatus.corsError, failedParameter: cors.corsErrorStatus.failedParameter || null });
      }
      this.wake();
    });
  }

  /** Terminal events are kept even when they overtake their requestWillBeSent. */
  private finish(requestId: string, done: NonNullable<Tracked['done']>): void {
    const t = this.byId.get(requestId);
    if (t) t.done = done;
    else this.early.set(requestId, done);
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves once `test` returns a value; re-tested after every event. */
  until<T>(test: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const waiter = (): void => {
        const v = test();
        if (v === undefined) return;
        cleanup();
        resolve(v);
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
      const cleanup = (): void => { clearTimeout(timer); this.waiters.delete(waiter); };
      this.waiters.add(waiter);
      waiter();
    });
  }

  /** Non-preflight requests of one run, in order. */
  requests(prefix: string): Tracked[] {
    return this.order.filter((t) => t.url.includes(prefix));
  }

  unsentFor(url: string): Unsent | undefined {
    return this.unsent.find((u) => u.url === url);
  }
}

interface LabWindow {
  corsLab: {
    run(id: string, o: { nonce: string; setup: false }): Promise<PageResult>;
    setup(id: string, o: { nonce: string }): Promise<unknown>;
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function newNonce(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Starts watching a page's network over CDP (Network + Audits, for requests refused before sending). */
export async function watchPage(page: Page): Promise<NetworkWatch> {
  const cdp = await page.context().newCDPSession(page);
  const watch = new NetworkWatch(cdp);
  await cdp.send('Network.enable');
  await cdp.send('Audits.enable');
  return watch;
}

async function openLabPage(browser: Browser, lab: Lab): Promise<{ page: Page; watch: NetworkWatch }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(`${lab.origins.app}/`);
  await page.waitForFunction(() => 'corsLab' in window);
  return { page, watch };
}

/** CorsError names of the preflight stage (the actual request is never sent after one of these). */
function isPreflightError(corsError: string | null): boolean {
  return corsError !== null && (corsError.startsWith('Preflight') || corsError.endsWith('PreflightResponse'));
}

/** What the lab server logged for one run, split by preflight / other. */
function logged(lab: Lab, id: string, nonce: string): { preflights: ServerLogEntry[]; others: ServerLogEntry[] } {
  const all = lab.requestsFor(id, nonce);
  return { preflights: all.filter((e) => e.role === 'preflight'), others: all.filter((e) => e.role !== 'preflight') };
}

/**
 * Runs one scenario on a lab page already open (and watched through `watchPage`) and returns
 * Chromium's own verdict for its measured request. Exported for the differential corpus, which runs
 * scenarios in a page inspected by the extension.
 */
export async function measure(lab: Lab, page: Page, watch: NetworkWatch, s: Scenario, timeoutMs: number): Promise<ChromiumVerdict> {
  const nonce = newNonce();
  const prefix = `/s/${s.id}/${nonce}/`;
  const setupCount = s.request.setup?.length ?? 0;
  if (setupCount > 0) {
    await withTimeout(page.evaluate(([id, n]) => (window as unknown as LabWindow).corsLab.setup(id, { nonce: n }), [s.id, nonce] as const),
      timeoutMs, `setup of ${s.id}`);
    // A setup load is over once its answer is in the HTTP cache (done), or once it said no-store: Chromium
    // never reports the end of a no-store body that a no-cors fetch cannot read (measured), and nothing of
    // it is cached anyway.
    await watch.until(() => {
      const r = watch.requests(prefix);
      return r.length >= setupCount && r.slice(0, setupCount).every((t) => t.done || t.noStore) ? true : undefined;
    }, timeoutMs, `the setup requests of ${s.id}`);
  }
  const before = logged(lab, s.id, nonce);
  const result = await withTimeout(
    page.evaluate(([id, n]) => (window as unknown as LabWindow).corsLab.run(id, { nonce: n, setup: false }), [s.id, nonce] as const),
    timeoutMs, `corsLab.run(${s.id})`);

  type Outcome = { main: Tracked } | { unsent: Unsent };
  const outcome = await watch.until((): Outcome | undefined => {
    const r = watch.requests(prefix);
    const main = r[setupCount];
    if (main?.done) return { main };
    // Refused before it was sent: no network request, only a DevTools issue for its URL.
    const unsent = !result.ok && r.length === setupCount ? watch.unsentFor(result.url) : undefined;
    return unsent ? { unsent } : undefined;
  }, timeoutMs, `the measured request of ${s.id}`);
  if ('unsent' in outcome) {
    return { failed: true, corsError: outcome.unsent.corsError, failedParameter: outcome.unsent.failedParameter, preflights: 0, fromCache: false, sent: false, page: result };
  }
  const { main } = outcome;
  // What went on the wire is read from the lab server's log, not from CDP's extra-info events, which
  // may trail (or, past 20 redirects, never come): the server logs a request before answering it, so by
  // the time the page has its result the log is complete.
  const after = logged(lab, s.id, nonce);
  const answers = after.others.slice(before.others.length);
  const done = main.done ?? { failed: true, corsError: null, failedParameter: null };
  const verdict: ChromiumVerdict = {
    // The page decides "failed": a manual redirect resolves in the page (opaque-redirect) while CDP
    // reports the load as cancelled.
    failed: !result.ok,
    corsError: done.corsError,
    failedParameter: done.failedParameter,
    preflights: after.preflights.length - before.preflights.length,
    // Sent and past its preflight, yet the server never saw it: the HTTP cache answered.
    fromCache: answers.length === 0 && !isPreflightError(done.corsError),
    sent: true,
    page: result,
  };
  const status = answers.at(-1)?.answer.status ?? result.status;
  if (status !== undefined) verdict.status = status;
  if (done.errorText !== undefined) verdict.errorText = done.errorText;
  if (result.ok && done.corsError) verdict.runnerError = `page read the response but CDP reports ${done.corsError}`;
  if (!result.ok && !done.failed) verdict.runnerError = 'page saw a failure but CDP reports the load finished';
  return verdict;
}

export async function runInChromium(
  lab: Lab,
  scenarioIds: readonly string[],
  options: RunInChromiumOptions = {},
): Promise<Map<string, ChromiumVerdict>> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const byId = new Map(lab.scenarios.map((s) => [s.id, s]));
  const unknown = scenarioIds.filter((id) => !byId.has(id));
  if (unknown.length) throw new Error(`unknown scenario ids: ${unknown.join(', ')}`);
  const browser = await chromium.launch({ executablePath: chromiumPath(options.executablePath), headless: true, args: CHROMIUM_ARGS });
  const out = new Map<string, ChromiumVerdict>();
  try {
    let { page, watch } = await openLabPage(browser, lab);
    for (const id of scenarioIds) {
      const s = byId.get(id) as Scenario;
      let verdict: ChromiumVerdict;
      try {
        verdict = await measure(lab, page, watch, s, timeoutMs);
      } catch (err) {
        verdict = { failed: true, corsError: null, failedParameter: null, preflights: 0, fromCache: false, sent: false, runnerError: String(err) };
        // A hung page must not poison the scenarios after it.
        await page.context().close();
        ({ page, watch } = await openLabPage(browser, lab));
      }
      out.set(id, verdict);
      options.onResult?.(id, verdict);
    }
  } finally {
    await browser.close();
  }
  return out;
}
