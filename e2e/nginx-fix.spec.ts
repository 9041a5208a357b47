/**
 * The advice, checked: every request that a real nginx's CORS trap got blocked (e2e/middleware/nginx-cases.ts)
 * is captured by the built extension and diagnosed; the nginx fix the diagnosis offers is pasted, as it is,
 * into a fresh real nginx in front of the same app; the same request from the same page must then pass
 * Chromium's CORS checks. The fix is judged by Chromium alone: the app's own answer may still be an error
 * (a 401 the page can now read is what `always` is for).
 */
import { test, expect } from '@playwright/test';
import type { Fix } from '../src/model';
import { diagnose } from '../src/rules';
import { capturedExchanges } from './corpus/differential';
import { watchPage, type ChromiumVerdict } from './lab/chromium-verdicts';
import { startNginx, type Nginx } from './middleware/nginx';
import { startMiddlewareLab, type MiddlewareCase } from './middleware/servers';
import { measure, VARIANTS, type Variant } from './middleware/variants';
import { waitFor } from './support/cdp';
import { openPanel } from './support/devtools-panel';
import { launchWithExtension } from './support/launch';
import { tabIdOf } from './support/tabs';

interface Blocked {
  c: MiddlewareCase;
  v: Variant;
  url: string;
  chromium: ChromiumVerdict;
}

test('the nginx fix CORS Lens gives, pasted into a real nginx, makes Chromium allow the request', async () => {
  test.setTimeout(240_000);
  const lab = await startMiddlewareLab();
  const ext = await launchWithExtension();
  const fixed: Nginx[] = [];
  try {
    await ext.context.addCookies([{ name: 'session', value: 'lab', domain: '127.0.0.1', path: '/' }]);
    const page = await ext.context.newPage();
    await page.goto(`${lab.app}/`);
    const tabId = await tabIdOf(ext.serviceWorker, lab.app);
    const devtools = await openPanel(ext.cdpPort, ext.extensionId, tabId);
    const watch = await watchPage(page);
    try {
      const nonce = Date.now().toString(36);
      const blocked: Blocked[] = [];
      let measured = 0;
      for (const c of lab.cases.filter((x) => x.framework === 'nginx')) {
        for (const v of VARIANTS) {
          const url = `${lab.origins.nginx}${c.path}?v=${v.id}&n=${nonce}`;
          const chromium = await measure(page, watch, url, v);
          measured++;
          if (chromium.corsError) blocked.push({ c, v, url, chromium });
        }
      }
      // The traps really trap: most cases block some request, a few block none.
      expect(new Set(blocked.map((b) => b.c.id)).size).toBeGreaterThanOrEqual(6);
      expect(blocked.length).toBeLessThan(measured);

      const captured = await waitFor(async () => {
        const xs = await capturedExchanges(ext, tabId);
        return blocked.every((b) => xs.some((x) => x.request.url === b.url && x.observed.failed !== undefined)) ? xs : null;
      }, 'the extension to capture every blocked request', 30_000);

      const rows: string[] = [];
      const problems: string[] = [];
      // One nginx per distinct fix and app: requests that get the same snippet share it.
      const servers = new Map<string, Promise<Nginx>>();
      for (const b of blocked) {
        const what = `${b.c.id} ${b.v.id} (${b.chromium.corsError})`;
        const x = captured.find((e) => e.request.url === b.url);
        if (!x) { problems.push(`${what}: not captured`); continue; }
        const fix: Fix | undefined = diagnose(x).findings.flatMap((f) => f.fixes).find((f) => f.stack === 'nginx');
        if (!fix) { problems.push(`${what}: no nginx fix offered`); continue; }
        const app = new URL(b.c.upstream!).host;
        const key = `${app}\n${fix.snippet}`;
        if (!servers.has(key)) {
          const started = startNginx(() => fix.snippet, { http: `  upstream backend { server ${app}; }` });
          started.then((n) => fixed.push(n), () => undefined);
          servers.set(key, started);
        }
        let nginx: Nginx;
        try {
          nginx = await servers.get(key)!;
        } catch (e) {
          problems.push(`${what}: nginx refused the fix: ${String(e)}\n${fix.snippet}`);
          continue;
        }
        const again = await measure(page, watch, `${nginx.origin}${b.c.path}?v=${b.v.id}&n=${nonce}`, b.v);
        rows.push(`${what} → ${again.corsError ?? (again.failed ? 'failed (not CORS)' : 'allowed')}`);
        if (again.corsError || again.failed) problems.push(`${what}: still ${again.corsError ?? 'failing'} ${again.failedParameter ?? ''} with the fix:\n${fix.snippet}`);
      }
      expect(problems, rows.join('\n')).toEqual([]);
    } finally {
      devtools.close();
      await page.close();
    }
  } finally {
    await Promise.all(fixed.map((n) => n.close()));
    await ext.close();
    await lab.close();
  }
});
