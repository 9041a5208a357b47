/**
 * Ground truth: what real Chromium decides for each lab scenario.
 *
 *   const lab = await startLab();
 *   const verdicts = await runInChromium(lab, ['seed-works', 'acao-star'], { executablePath });
 *   verdicts.get('seed-works') // { failed: false, corsError: null, failedParameter: null, status: 201, … }
 *
 * It opens the lab page in headless Chromium (Playwright, system Chromium: `executablePath` option, else
 * env CHROME_PATH, else /usr/bin/chromium), enables CDP Network on the page, runs each scenario through
 * `corsLab.run` (setup steps, then the measured fetch) one after the other, and reads
 * `Network.loadingFailed.corsErrorStatus` of the MEASURED request. Matching: every run uses a fresh nonce,
 * so all of its requests share the URL prefix `/s/<id>/<nonce>/`; preflights (initiator type "preflight")
 * are counted apart; the measured request is the (setup steps + 1)-th non-preflight request of the run,
 * because the page issues setup requests one after the other before it. Nothing is hard-coded: a scenario
 * that never settles yields `runnerError`, never a guessed verdict.
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright';
import type { Lab } from './server';
import type { Scenario } from './scenario';

export interface ChromiumVerdict {
  /** The measured request failed (CORS or another network error). */
  failed: boolean;
  /** `Network.loadingFailed.corsErrorStatus.corsError`, null when not a CORS failure. */
  corsError: string | null;
  failedParameter: string | null;
  /** HTTP status of the last response Chromium got for the request (from network or cache), if any. */
  status?: number;
  /** `Network.loadingFailed.errorText`, e.g. "net::ERR_FAILED". */
  errorText?: string;
  /** Preflights Chromium sent for the measured request (0 = none needed, or served from the preflight cache). */
  preflights: number;
  /** The final response came from Chromium's HTTP cache. */
  fromCache: boolean;
  /** What `corsLab.run` returned in the page. */
  page?: PageResult;
  /** Set when the scenario could not be measured (timeout, no matching request): a lab bug, not a verdict. */
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
  /** Per-scenario limit; default 15 s. Only guards against hangs, never a timing assertion. */
  timeoutMs?: number;
  /** Called after each scenario (progress output). */
  onResult?: (id: string, verdict: ChromiumVerdict) => void;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export function chromiumPath(explicit?: string): string {
  return explicit ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

interface Tracked {
  id: string;
  url: string;
  preflightOf?: string;
  status?: number;
  fromCache: boolean;
  done?: { failed: boolean; corsError: string | null; failedParameter: string | null; errorText?: string };
}

/** Collects CDP Network events per requestId and wakes waiters on every event. */
class NetworkWatch {
  readonly byId = new Map<string, Tracked>();
  /** Non-preflight requests in order of their first requestWillBeSent. */
  readonly order: Tracked[] = [];
  private waiters = new Set<() => void>();

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      let t = this.byId.get(e.requestId);
      if (!t) {
        t = { id: e.requestId, url: e.request.url, fromCache: false };
        if (e.initiator.type === 'preflight') t.preflightOf = e.initiator.requestId ?? '';
        this.byId.set(e.requestId, t);
        if (t.preflightOf === undefined) this.order.push(t);
      }
      if (e.redirectResponse) t.status = e.redirectResponse.status;
      this.wake();
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      const t = this.byId.get(e.requestId);
      if (t && t.status === undefined) t.status = e.statusCode;
      else if (t) t.status = e.statusCode;
      this.wake();
    });
    cdp.on('Network.responseReceived', (e) => {
      const t = this.byId.get(e.requestId);
      if (t) {
        t.status = e.response.status;
        t.fromCache = Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache);
      }
      this.wake();
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const t = this.byId.get(e.requestId);
      if (t) t.fromCache = true;
      this.wake();
    });
    cdp.on('Network.loadingFinished', (e) => {
      const t = this.byId.get(e.requestId);
      if (t) t.done = { failed: false, corsError: null, failedParameter: null };
      this.wake();
    });
    cdp.on('Network.loadingFailed', (e) => {
      const t = this.byId.get(e.requestId);
      if (t) {
        t.done = {
          failed: true,
          corsError: e.corsErrorStatus?.corsError ?? null,
          failedParameter: e.corsErrorStatus?.failedParameter || null,
          errorText: e.errorText,
        };
      }
      this.wake();
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves once `test` returns a value; re-tested after every network event. */
  until<T>(test: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const v = test();
        if (v === undefined) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
      const cleanup = (): void => { clearTimeout(timer); this.waiters.delete(waiter); };
      const waiter = (): void => { check(); };
      if (!check()) this.waiters.add(waiter);
    });
  }

  /** Requests of one run, split into main-line requests (in order) and preflights. */
  run(prefix: string): { requests: Tracked[]; preflights: Tracked[] } {
    const requests = this.order.filter((t) => t.url.includes(prefix));
    const preflights = [...this.byId.values()].filter((t) => t.preflightOf !== undefined && t.url.includes(prefix));
    return { requests, preflights };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function newNonce(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

async function openLabPage(browser: Browser, lab: Lab): Promise<{ page: Page; watch: NetworkWatch }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const watch = new NetworkWatch(cdp);
  await cdp.send('Network.enable');
  await page.goto(`${lab.origins.app}/`);
  await page.waitForFunction(() => 'corsLab' in window);
  return { page, watch };
}

async function measure(page: Page, watch: NetworkWatch, s: Scenario, timeoutMs: number): Promise<ChromiumVerdict> {
  const nonce = newNonce();
  const prefix = `/s/${s.id}/${nonce}/`;
  const expected = (s.request.setup?.length ?? 0) + 1;
  const result = await withTimeout(
    page.evaluate(([id, n]) => (window as unknown as { corsLab: { run(id: string, o: { nonce: string }): Promise<PageResult> } }).corsLab.run(id, { nonce: n }), [s.id, nonce] as const),
    timeoutMs, `corsLab.run(${s.id})`);
  const main = await watch.until(() => {
    const r = watch.run(prefix).requests;
    const m = r[expected - 1];
    return r.length >= expected && m?.done ? m : undefined;
  }, timeoutMs, `the measured request of ${s.id}`);
  const done = main.done ?? { failed: true, corsError: null, failedParameter: null };
  const preflights = watch.run(prefix).preflights.filter((p) => p.preflightOf === main.id || p.preflightOf === '').length;
  const verdict: ChromiumVerdict = {
    failed: done.failed,
    corsError: done.corsError,
    failedParameter: done.failedParameter,
    preflights,
    fromCache: main.fromCache,
    page: result,
  };
  if (main.status !== undefined) verdict.status = main.status;
  if (done.errorText !== undefined) verdict.errorText = done.errorText;
  if (result.ok === done.failed) verdict.runnerError = `page says ok=${result.ok} but CDP says failed=${done.failed}`;
  return verdict;
}

export async function runInChromium(
  lab: Lab,
  scenarioIds: readonly string[],
  options: RunInChromiumOptions = {},
): Promise<Map<string, ChromiumVerdict>> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const byId = new Map(lab.scenarios.map((s) => [s.id, s]));
  const browser = await chromium.launch({ executablePath: chromiumPath(options.executablePath), headless: true, args: CHROMIUM_ARGS });
  const out = new Map<string, ChromiumVerdict>();
  try {
    let { page, watch } = await openLabPage(browser, lab);
    for (const id of scenarioIds) {
      const s = byId.get(id);
      if (!s) throw new Error(`unknown scenario ${id}`);
      let verdict: ChromiumVerdict;
      try {
        verdict = await measure(page, watch, s, timeoutMs);
      } catch (err) {
        verdict = { failed: true, corsError: null, failedParameter: null, preflights: 0, fromCache: false, runnerError: String(err) };
        // A hung page must not poison the next scenarios.
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
