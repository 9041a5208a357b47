/**
 * What the page asks each middleware endpoint (fetch's defaults, credentials, requests that need a
 * preflight), and one such fetch measured in real Chromium: the page's outcome plus Chromium's own
 * verdict (Network.loadingFailed.corsErrorStatus).
 */
import type { Page } from 'playwright';
import { watchPage, type ChromiumVerdict, type NetworkWatch } from '../lab/chromium-verdicts';
import { openPanel, type DevtoolsHandle } from '../support/devtools-panel';
import type { LaunchedBrowser } from '../support/launch';
import { tabIdOf } from '../support/tabs';

export const VARIANTS = [
  { id: 'get', method: 'GET', headers: {}, credentials: 'same-origin' },
  { id: 'get-include', method: 'GET', headers: {}, credentials: 'include' },
  { id: 'put-json-auth', method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not-a-secret' }, credentials: 'same-origin' },
  { id: 'put-include', method: 'PUT', headers: { 'Content-Type': 'application/json' }, credentials: 'include' },
  { id: 'post-api-key', method: 'POST', headers: { 'X-Api-Key': 'k' }, credentials: 'same-origin' },
] as const;

export type Variant = (typeof VARIANTS)[number];

/** Fetches `url` from the page as `v` says and waits for Chromium's verdict on it. */
export async function measure(page: Page, watch: NetworkWatch, url: string, v: Variant): Promise<ChromiumVerdict> {
  const result = await page.evaluate(async ({ url: u, method, headers, credentials }) => {
    try {
      const r = await fetch(u, { method, headers, credentials, ...(method === 'GET' ? {} : { body: '{}' }) });
      await r.text();
      return { ok: true };
    } catch (e) {
      return { ok: false, error: String(e) };
    }
  }, { url, method: v.method, headers: v.headers, credentials: v.credentials });
  const main = await watch.until(() => watch.requests(url).find((t) => t.done), 15_000, `the request to ${url}`);
  const done = main.done!;
  return { failed: !result.ok, corsError: done.corsError, failedParameter: done.failedParameter, preflights: 0, fromCache: false, sent: true };
}

export interface LabPage {
  page: Page;
  tabId: number;
  devtools: DevtoolsHandle;
  watch: NetworkWatch;
}

/** The lab's page in a tab, inspected by CORS Lens's panel and watched over CDP. */
export async function openLabPage(ext: LaunchedBrowser, app: string): Promise<LabPage> {
  // A session cookie for the loopback host (cookies ignore ports): a credentialed request carries it,
  // as on a real site, and that is how a capture tells credentials: "include" from the default.
  await ext.context.addCookies([{ name: 'session', value: 'lab', domain: '127.0.0.1', path: '/' }]);
  const page = await ext.context.newPage();
  await page.goto(`${app}/`);
  const tabId = await tabIdOf(ext.serviceWorker, app);
  const devtools = await openPanel(ext.cdpPort, ext.extensionId, tabId);
  const watch = await watchPage(page);
  return { page, tabId, devtools, watch };
}
