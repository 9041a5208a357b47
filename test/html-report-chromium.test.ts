// The HTML report with hostile wire values, rendered in real Chromium: no script runs, no element is
// injected, and the values are shown as text. Checked with the report's CSP and, to prove the
// escaping itself, again with the CSP removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright';
import type { AnalyzedExchange } from '../src/report/model';
import { buildReport, renderHtml } from '../src/report';
import { SAMPLE, SAMPLE_OPTIONS } from './golden/sample';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '</script><script>window.__pwned=(window.__pwned||0)+1</script>',
  '"><svg onload="window.__pwned=(window.__pwned||0)+1">',
  "' onmouseover='window.__pwned=1' x='",
  '</style><script>window.__pwned=1</script><style>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '`${window.__pwned=1}` <!-- --> ]]> &lt;b&gt;',
];
const hostile = PAYLOADS.join(' ');

function hostileItem(): AnalyzedExchange {
  const base = structuredClone(SAMPLE[0]!);
  const ex = base.exchange;
  ex.request.url = `https://api.example.com/x?q=${encodeURIComponent('<b>')}&h=${hostile}`;
  ex.request.method = 'PUT<script>';
  ex.pageOrigin = hostile;
  ex.request.headers.push({ name: 'X-Evil<img src=x onerror=alert(1)>', value: hostile });
  ex.preflight!.response!.headers.push({ name: 'Access-Control-Allow-Origin', value: hostile }, { name: 'x-amzn-ErrorType', value: hostile });
  const d = base.diagnosis;
  d.headline = hostile;
  d.summary = hostile;
  d.verdict.failedParameter = hostile;
  d.verdict.checks[0]!.asked = hostile;
  d.verdict.checks[0]!.label = hostile;
  d.verdict.notes.push(hostile);
  d.platform.name = hostile;
  d.platform.evidence = [hostile];
  const f = d.findings[0]!;
  f.title = hostile;
  f.explanation = `${hostile}\n\n${hostile}`;
  f.evidence = [hostile];
  f.fixes[0] = { stack: hostile, title: hostile, language: hostile, snippet: hostile };
  return base;
}

describe('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  const html = renderHtml(buildReport([hostileItem(), ...SAMPLE.slice(1)], { ...SAMPLE_OPTIONS, includeSensitive: true }));

  for (const variant of ['with its CSP', 'without CSP (escaping alone)']) {
    it(`runs no script and injects no element (${variant})`, async () => {
      const doc = variant.startsWith('with ') ? html : html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      expect(doc.includes('Content-Security-Policy')).toBe(variant.startsWith('with '));
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.addInitScript(() => {
        (window as unknown as { __violations: number }).__violations = 0;
        document.addEventListener('securitypolicyviolation', () => {
          (window as unknown as { __violations: number }).__violations++;
        });
      });
      // A real navigation (not setContent) so the init script and the CSP apply as for a downloaded file.
      await page.route('http://report.invalid/', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: doc }));
      await page.goto('http://report.invalid/', { waitUntil: 'load' });
      await page.hover('h2').catch(() => undefined);
      const result = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        violations: (window as unknown as { __violations: number }).__violations,
        injected: document.querySelectorAll('script, img, svg, iframe, object, embed, [onerror], [onload], [onmouseover], [srcdoc]').length,
        text: document.body.innerText,
      }));
      await page.close();
      expect(result.pwned).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(result.injected).toBe(0);
      expect(result.violations).toBe(0);
      for (const p of PAYLOADS) expect(result.text).toContain(p.replace(/\s+/g, ' ').trim());
    }, 30_000);
  }
});
