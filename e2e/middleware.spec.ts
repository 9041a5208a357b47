/**
 * Real server middleware as the referee's opponent: Express + cors, Fastify + @fastify/cors, Koa +
 * @koa/cors, FastAPI, Flask-CORS, django-cors-headers, rack-cors, Go's rs/cors and gorilla/handlers, PHP
 * scripts' own header() calls, Tomcat's CorsFilter, Jetty's CrossOriginFilter (and servlet filters) and a real nginx, Apache httpd and Caddy
 * (e2e/middleware/servers.ts), each configured the usual ways, called from a page in real Chromium inspected
 * by the built extension. For every fetch, the rules' verdict — from the extension's capture and from
 * DevTools' HAR — must be Chromium's own (Network.loadingFailed.corsErrorStatus), and the rules must name
 * the server that answered (Koa and Go only from their preflight answers), and a web server in front of an app that
 * shows itself as the layer in front.
 */
import { test, expect } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Exchange } from '../src/model';
import { importHarEntries } from '../src/har';
import { diagnose, evaluate } from '../src/rules';
import { agreement, capturedExchanges, engineView, referee, type Agreement, type EngineView } from './corpus/differential';
import type { ChromiumVerdict } from './lab/chromium-verdicts';
import { startMiddlewareLab, type MiddlewareCase } from './middleware/servers';
import { measure, openLabPage, VARIANTS } from './middleware/variants';
import { waitFor } from './support/cdp';
import { getHar } from './support/devtools-panel';
import { launchWithExtension } from './support/launch';

interface Run {
  c: MiddlewareCase;
  variant: string;
  url: string;
  chromium: ChromiumVerdict;
}

const show = (v: EngineView | 'missing'): string => (v === 'missing' ? 'no exchange' : `${v.blocked ? 'blocked' : 'allowed'} ${v.corsError ?? ''} ${v.failedParameter ?? ''}`.trim());

test('real CORS middleware: the rules agree with Chromium, from capture and from HAR', async () => {
  test.setTimeout(240_000);
  const lab = await startMiddlewareLab();
  const ext = await launchWithExtension();
  try {
    const { page, tabId, devtools, watch } = await openLabPage(ext, lab.app);
    const runs: Run[] = [];
    try {
      const nonce = Date.now().toString(36);
      for (const c of lab.cases) {
        for (const v of VARIANTS) {
          const url = `${lab.origins[c.framework]}${c.path}?v=${v.id}&n=${nonce}`;
          runs.push({ c, variant: v.id, url, chromium: await measure(page, watch, url, v) });
        }
      }

      const captured = await waitFor(async () => {
        const xs = await capturedExchanges(ext, tabId);
        return runs.every((r) => xs.some((x) => x.request.url === r.url && x.observed.failed !== undefined)) ? xs : null;
      }, 'the extension to capture every request', 30_000);
      const fromHar = importHarEntries((await getHar(devtools)).entries, { pageUrl: `${lab.app}/` }).exchanges;

      const rows: string[] = ['| case | configuration | request | Chromium | capture | HAR | platform | findings (capture) |', '|---|---|---|---|---|---|---|---|'];
      const problems: string[] = [];
      const verdicts = new Set<string>();
      const undecided: string[] = [];
      for (const r of runs) {
        const judge = (xs: readonly Exchange[]): { view: EngineView | 'missing'; agree: Agreement; x?: Exchange } => {
          const x = xs.find((e) => e.request.url === r.url);
          if (!x) return { view: 'missing', agree: 'disagree' };
          const view = engineView(evaluate(x));
          return { view, agree: agreement(view, r.chromium), x };
        };
        const cap = judge(captured);
        const har = judge(fromHar);
        const d = cap.x ? diagnose(cap.x) : undefined;
        const platform = d?.platform.id ?? '—';
        const chromium = show(referee(r.chromium));
        verdicts.add(chromium);
        rows.push(`| ${r.c.id} | \`${r.c.config}\` | ${r.variant} | ${chromium} | ${show(cap.view)} (${cap.agree}) | ${show(har.view)} (${har.agree}) | ${platform} | ${d?.findings.map((f) => f.id).join(', ') ?? ''} |`);
        // Neither a capture nor a HAR records fetch's credentials mode, and a request stopped at its
        // preflight never carries the Cookie that would show it: when the two modes fail at different
        // checks the evidence cannot decide, and the engine must say so by naming Chromium's verdict as
        // the other reading ('ambiguous'). Anything else is a disagreement.
        for (const [src, j] of [['capture', cap], ['HAR', har]] as const) {
          if (j.agree === 'disagree') problems.push(`${r.c.id} ${r.variant} [${src}]: Chromium ${chromium} — engine ${show(j.view)}`);
          if (j.agree === 'ambiguous') undecided.push(`${r.c.id} ${r.variant} [${src}]`);
        }
        // Express says so (X-Powered-By), Fastify by its keep-alive timeout, nginx, httpd and Caddy by their
        // Server header; Koa and Go only in their CORS package's preflight answers.
        const byPreflight = r.c.framework === 'koa' || r.c.framework === 'go';
        const expected = r.c.platforms ?? (byPreflight ? (cap.x?.preflight ? [r.c.framework] : null) : [r.c.framework]);
        if (expected && !expected.includes(platform)) problems.push(`${r.c.id} ${r.variant}: platform ${platform}, expected ${expected.join(' or ')}`);
        // A web server in front of an app that shows itself is named as the layer in front.
        const proxy = (['nginx', 'apache', 'caddy'] as const).find((f) => f === r.c.framework);
        if (proxy && platform !== proxy && d?.cdn?.id !== proxy) problems.push(`${r.c.id} ${r.variant}: ${proxy} not named (platform ${platform})`);
      }
      await mkdir(resolve(import.meta.dirname, 'artifacts'), { recursive: true });
      await writeFile(resolve(import.meta.dirname, 'artifacts/middleware-agreement.md'), `${rows.join('\n')}\n`);
      // The captured exchanges with Chromium's verdict, for building unit fixtures from real middleware.
      await writeFile(resolve(import.meta.dirname, 'artifacts/middleware-exchanges.json'), JSON.stringify(runs.map((r) => ({
        case: r.c.id, variant: r.variant, config: r.c.config, chromium: referee(r.chromium), exchange: captured.find((x) => x.request.url === r.url) ?? null,
      })), null, 1));
      expect(problems, rows.join('\n')).toEqual([]);
      // Undecidable rows are the exception: a request stopped at its preflight, with credentials.
      expect(undecided.length, undecided.join('\n')).toBeLessThanOrEqual(Math.ceil(runs.length * 0.05));
      // The configurations really differ: allowed requests and several kinds of block were measured.
      expect(verdicts.has('allowed')).toBe(true);
      expect(verdicts.size).toBeGreaterThanOrEqual(6);
    } finally {
      devtools.close();
      await page.close();
    }
  } finally {
    await ext.close();
    await lab.close();
  }
});
