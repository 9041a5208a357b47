/**
 * Live capture in real Chromium: complete, bounded, survives worker restarts, scoped per tab.
 * Everything is observed through the real DevTools panel (and, for grouping details, through what
 * the worker stored): nothing of chrome.* is stubbed.
 */
import { test, expect, runScenario, waitFor } from './support/fixtures';
import { closeTarget, listTargets } from './support/cdp';
import { capturedExchanges } from './corpus/differential';

test('a burst of 1,000 cross-origin fetches gives exactly 1,000 exchanges, none dropped or doubled', async ({ inspectLab, lab, ext }) => {
  const { page, panel, tabId } = await inspectLab();
  const results = await page.evaluate(async (api) => {
    const urls = Array.from({ length: 1000 }, (_, i) => `${api}/s/acao-star/burst${i}/r`);
    return Promise.all(urls.map((u) => fetch(u).then((r) => r.ok, () => false)));
  }, lab.origins.api);
  expect(results.filter(Boolean)).toHaveLength(1000);
  await panel.waitForCount(1000, 60_000);
  const stored = await waitFor(async () => {
    const xs = await capturedExchanges(ext, tabId);
    return xs.every((x) => x.observed.failed !== undefined) ? xs : null;
  }, 'every exchange to settle');
  expect(stored).toHaveLength(1000);
  expect(new Set(stored.map((x) => x.request.url)).size).toBe(1000);
  expect(stored.every((x) => x.observed.failed === false && x.response?.status === 200)).toBe(true);
});

test('stopping the service worker mid-session loses nothing, and new exchanges keep arriving', async ({ inspectLab, ext }) => {
  const { page, panel } = await inspectLab();
  const first = ['seed-works', 'seed-apigw-rest-options-not-configured', 'acao-absent'];
  for (const id of first) await runScenario(page, id);
  await panel.waitForCount(first.length);

  const worker = (await listTargets(ext.cdpPort)).find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId));
  expect(worker, 'the extension service worker target').toBeDefined();
  // A marker in the worker's globals: a fresh worker (new globals) does not have it.
  await (await ext.serviceWorker()).evaluate('self.__corsLensTestMarker = true');
  await closeTarget(ext.cdpPort, worker!.id);
  // The devtools page and the panel reconnect at once, which starts a fresh worker: wait until the
  // worker answering is a new one.
  await waitFor(async () => (await (await ext.serviceWorker()).evaluate('self.__corsLensTestMarker')) === undefined, 'a fresh worker');

  // It restored everything from chrome.storage.session, and keeps capturing.
  await runScenario(page, 'acao-exact');
  await panel.waitForCount(first.length + 1);
  for (const id of [...first, 'acao-exact']) await panel.waitForScenarioRow(id);
});

test('navigation clears the log; with Preserve log it stays', async ({ inspectLab }) => {
  const { page, panel } = await inspectLab();
  await runScenario(page, 'seed-works');
  await panel.waitForCount(1);
  await page.reload();
  await page.waitForFunction(() => 'corsLab' in window);
  await panel.waitForCount(0);

  await panel.evaluate(`document.querySelector('[data-testid="toolbar-preserve-log"]').click()`);
  expect(await panel.evaluate<boolean>(`document.querySelector('[data-testid="toolbar-preserve-log"]').checked`)).toBe(true);
  await runScenario(page, 'seed-works');
  await panel.waitForCount(1);
  await page.reload();
  await page.waitForFunction(() => 'corsLab' in window);
  await runScenario(page, 'acao-exact');
  await panel.waitForCount(2);
});

test('two tabs with DevTools open each see only their own traffic', async ({ inspectLab }) => {
  const a = await inspectLab();
  const b = await inspectLab();
  await runScenario(a.page, 'seed-works');
  await runScenario(b.page, 'acao-absent');
  await runScenario(b.page, 'acao-exact');
  await a.panel.waitForCount(1);
  await b.panel.waitForCount(2);
  expect((await a.panel.rows()).map((r) => r.text).join(' ')).toContain('/s/seed-works/');
  const bText = (await b.panel.rows()).map((r) => r.text).join(' ');
  expect(bText).not.toContain('/s/seed-works/');
  expect(bText).toContain('/s/acao-absent/');
});

test('cached preflights, redirect chains, HTTP-cache hits and iframe requests are grouped correctly', async ({ inspectLab, ext, lab }) => {
  const { page, panel, tabId } = await inspectLab();
  const cached = await runScenario(page, 'preflight-cache-max-age-600');
  const redirect = await runScenario(page, 'redirect-api-third-final-star');
  const httpCache = await runScenario(page, 'http-cache-img-then-cors');
  const frameUrl = `${lab.origins.api}/s/acao-star/frame1/r`;
  await page.evaluate(({ third, url }) => new Promise<void>((resolve) => {
    addEventListener('message', (e) => { if ((e.data as { labFrame?: boolean }).labFrame) resolve(); });
    const f = document.createElement('iframe');
    f.src = `${third}/frame?fetch=${encodeURIComponent(url)}`;
    document.body.append(f);
  }), { third: lab.origins.third, url: frameUrl });

  const stored = await waitFor(async () => {
    const xs = await capturedExchanges(ext, tabId);
    const byUrl = (u: string) => xs.filter((x) => x.request.url === u);
    const ready = [cached.url, redirect.url, httpCache.url, frameUrl].every((u) => byUrl(u).some((x) => x.observed.failed !== undefined));
    return ready ? byUrl : null;
  }, 'the grouped exchanges');

  // Preflight cache: two identical PUTs, the first preflighted, the second answered from the preflight cache.
  const puts = stored(cached.url).sort((x, y) => x.startedAt - y.startedAt);
  expect(puts).toHaveLength(2);
  expect(puts[0]?.preflight?.response?.status).toBeGreaterThanOrEqual(200);
  expect(puts[1]?.preflight).toBeUndefined();
  expect(puts[1]?.preflightFromCache).toBe(true);

  // Redirect chain: one exchange, first URL kept, every hop recorded.
  const [chain] = stored(redirect.url);
  expect(chain?.redirects.length).toBeGreaterThanOrEqual(1);
  expect(chain?.redirects[0]?.url).toBe(redirect.url);
  expect(new URL(chain!.redirects.at(-1)!.location).origin).toBe(lab.origins.third);

  // HTTP cache: the no-cors <img> load is not listed; the CORS fetch that reused its response is, from cache.
  const cacheHits = stored(httpCache.url).filter((x) => x.mode !== 'no-cors');
  expect(cacheHits.map((x) => x.response?.fromCache)).toContain('disk');

  // A cross-origin iframe's request belongs to the tab, with the frame's origin as its page origin.
  const [framed] = stored(frameUrl);
  expect(framed?.pageOrigin).toBe(lab.origins.third);
  expect(framed?.frameId).not.toBe(0);

  await panel.waitForScenarioRow('preflight-cache-max-age-600');
  await panel.waitForScenarioRow('redirect-api-third-final-star');
});
