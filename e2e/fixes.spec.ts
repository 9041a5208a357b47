/**
 * The advice, checked: every request that real middleware blocked (e2e/middleware: Express + cors,
 * Fastify + @fastify/cors, Koa + @koa/cors, FastAPI, Flask-CORS, django-cors-headers, rack-cors, Go, PHP, Tomcat, Jetty,
 * nginx's, httpd's and Caddy's traps) is captured by the built extension and diagnosed; the fix the diagnosis offers for that server is
 * run as it is (e2e/middleware/fixed-app.ts: a config snippet in a fresh nginx or httpd in front of the same
 * app, a Node or Python snippet as a program with the case's route appended, Django settings appended to
 * the case's own); the same request from the same page must then pass Chromium's CORS checks.
 * Chromium alone judges: the app's own answer may still be an error (a 401 or 500 the page can now read
 * is the point of `always` and of CORS headers on errors).
 */
import { test, expect } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Fix } from '../src/model';
import { diagnose } from '../src/rules';
import { capturedExchanges } from './corpus/differential';
import type { ChromiumVerdict } from './lab/chromium-verdicts';
import { runnable, startFixedApp, type FixedApp } from './middleware/fixed-app';
import { startMiddlewareLab, type MiddlewareCase } from './middleware/servers';
import { measure, openLabPage, VARIANTS, type Variant } from './middleware/variants';
import { waitFor } from './support/cdp';
import { launchWithExtension } from './support/launch';

interface Blocked {
  c: MiddlewareCase;
  v: Variant;
  url: string;
  chromium: ChromiumVerdict;
}

test('the fix CORS Lens gives for the server that answered, run as it is, makes Chromium allow the request', async () => {
  test.setTimeout(300_000);
  const lab = await startMiddlewareLab();
  const ext = await launchWithExtension();
  const fixed: FixedApp[] = [];
  try {
    const { page, tabId, devtools, watch } = await openLabPage(ext, lab.app);
    try {
      const nonce = Date.now().toString(36);
      const blocked: Blocked[] = [];
      for (const c of lab.cases) {
        for (const v of VARIANTS) {
          const url = `${lab.origins[c.framework]}${c.path}?v=${v.id}&n=${nonce}`;
          const chromium = await measure(page, watch, url, v);
          if (chromium.corsError) blocked.push({ c, v, url, chromium });
        }
      }

      const captured = await waitFor(async () => {
        const xs = await capturedExchanges(ext, tabId);
        return blocked.every((b) => xs.some((x) => x.request.url === b.url && x.observed.failed !== undefined)) ? xs : null;
      }, 'the extension to capture every blocked request', 30_000);

      const rows: string[] = [];
      const problems: string[] = [];
      const checked = new Set<string>();
      // One app per distinct fix, app behind it and route behaviour: requests that get the same snippet share
      // it. A Django fix is appended to its own case's settings (and auth), a PHP one runs before its own case's
      // script, a Tomcat or Jetty one goes into its own case's web.xml: each such case gets its own app.
      const apps = new Map<string, Promise<FixedApp>>();
      for (const b of blocked) {
        const what = `${b.c.id} ${b.v.id} (${b.chromium.corsError})`;
        const x = captured.find((e) => e.request.url === b.url);
        if (!x) { problems.push(`${what}: not captured`); continue; }
        const d = diagnose(x);
        // The server's own fix is owed only where the diagnosis could name the server (Koa shows itself
        // only in @koa/cors's preflight answers).
        if (d.platform.id !== b.c.framework && d.cdn?.id !== b.c.framework) { rows.push(`${what}: ${b.c.framework} not named (${d.platform.id})`); continue; }
        const fix: Fix | undefined = d.findings.flatMap((f) => f.fixes).find((f) => runnable(b.c.framework, f));
        if (!fix) {
          // "Keep one layer" is advice in words: nothing to run.
          if (!d.findings.some((f) => f.id === 'duplicate-cors-headers')) problems.push(`${what}: no ${b.c.framework} fix to run`);
          continue;
        }
        const key = `${b.c.framework}\n${b.c.upstream ?? ''}\n${b.c.fails === true}\n${b.c.django || b.c.php || b.c.servlet ? b.c.id : ''}\n${fix.snippet}`;
        if (!apps.has(key)) {
          const started = startFixedApp(fix, b.c);
          started.then((a) => fixed.push(a), () => undefined);
          apps.set(key, started);
        }
        let app: FixedApp;
        try {
          app = await apps.get(key)!;
        } catch (e) {
          problems.push(`${what}: the fix does not run: ${String(e)}\n${fix.snippet}`);
          continue;
        }
        const again = await measure(page, watch, `${app.origin}${b.c.path}?v=${b.v.id}&n=${nonce}`, b.v);
        checked.add(b.c.framework);
        rows.push(`${what} → ${again.corsError ?? (again.failed ? 'failed (not CORS)' : 'allowed')}`);
        if (again.corsError || again.failed) problems.push(`${what}: still ${again.corsError ?? 'failing'} ${again.failedParameter ?? ''} with the fix:\n${fix.snippet}`);
      }
      await mkdir(resolve(import.meta.dirname, 'artifacts'), { recursive: true });
      await writeFile(resolve(import.meta.dirname, 'artifacts/fixes.md'), `${rows.map((r) => `- ${r}`).join('\n')}\n`);
      expect(problems, rows.join('\n')).toEqual([]);
      // Every framework's fixes were run, on most blocked requests.
      expect([...checked].sort()).toEqual(['apache', 'caddy', 'django', 'express', 'fastapi', 'fastify', 'flask', 'go', 'jetty', 'koa', 'nginx', 'php', 'rack', 'tomcat']);
      expect(rows.filter((r) => r.includes(' → ')).length).toBeGreaterThan(blocked.length / 2);
    } finally {
      devtools.close();
      await page.close();
    }
  } finally {
    await Promise.all(fixed.map((a) => a.close()));
    await ext.close();
    await lab.close();
  }
});
