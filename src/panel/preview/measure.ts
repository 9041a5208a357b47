/**
 * Rough timings of the preview with many exchanges, in real Chromium (not a test: no thresholds).
 *   npx vite -c src/panel/preview/vite.config.ts &   then   npx tsx src/panel/preview/measure.ts [n] [baseUrl]
 * The project's bench script measures the real panel; this is for working on the UI.
 */
import { chromium } from 'playwright';

const n = Number(process.argv[2] ?? 10_000);
const base = process.argv[3] ?? 'http://127.0.0.1:4800/';
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const engine of ['fixtures', 'rules']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}?n=${n}&engine=${engine}`);
    await page.waitForFunction(() => (window as unknown as { __firstRenderMs?: number }).__firstRenderMs !== undefined);
    const first = await page.evaluate(() => (window as unknown as { __firstRenderMs: number }).__firstRenderMs);
    // Time from a filter change to the next painted frame.
    const filterMs = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="toolbar-filter"]')!;
      const times: number[] = [];
      for (const value of ['l', 'la', 'lam', 'lambda', '', 'is:blocked', '']) {
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        times.push(performance.now() - t0);
      }
      return times.map((t) => Math.round(t));
    });
    const blockedMs = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector<HTMLElement>('[data-testid="scope-blocked"]')!.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return Math.round(performance.now() - t0);
    });
    // Scroll through the list: the longest frame while scrolling.
    const scroll = await page.evaluate(async () => {
      document.querySelector<HTMLElement>('[data-testid="scope-all"]')!.click();
      await new Promise((r) => requestAnimationFrame(r));
      const grid = document.querySelector<HTMLElement>('[data-testid="exchange-list"]')!;
      const frames: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        grid.scrollTop += 120;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      frames.sort((a, b) => a - b);
      const pick = [0.5, 0.95, 1].map((q) => Math.round(frames[Math.min(frames.length - 1, Math.floor(q * frames.length))]!));
      return { scrollFrameMs: { median: pick[0], p95: pick[1], worst: pick[2] }, rowsInDom: document.querySelectorAll('[data-testid="exchange-row"]').length };
    });
    const keys = await page.evaluate(async () => {
      const grid = document.querySelector<HTMLElement>('[data-testid="exchange-list"]')!;
      grid.focus();
      const t0 = performance.now();
      for (let i = 0; i < 50; i++) {
        grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
        await new Promise((r) => requestAnimationFrame(r));
      }
      return Math.round((performance.now() - t0) / 50);
    });
    console.log(JSON.stringify({ engine, n, firstRenderMs: Math.round(first), filterMs, blockedScopeMs: blockedMs, ...scroll, msPerPageDown: keys }));
    await page.close();
  }
} finally {
  await browser.close();
}
