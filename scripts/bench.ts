/**
 * `npm run bench`: performance measured in one run, printed as numbers and ratios (no thresholds:
 * the machine is shared, tests never assert timings).
 *   1. The REAL DevTools panel in headless Chromium: HARs of 1,000 and 10,000 cross-origin exchanges
 *      imported through the panel's own file input; time to list them all (first render), then the
 *      time from a filter change to the next painted frame; ratio 10k / 1k. Then, on a fresh import,
 *      the time until a filter that matches nothing has been decided for every exchange (every
 *      exchange diagnosed, which the panel otherwise does in idle time).
 *   2. `cors-lens analyze` on a 60,000-request HAR vs plain JSON.parse (test/bench/analyze-bench.ts).
 *   npm run bench -- [--panel-only | --cli-only]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLab } from '../e2e/lab/server';
import { launchWithExtension } from '../e2e/support/launch';
import { openPanel, undock } from '../e2e/support/devtools-panel';
import { PanelDriver } from '../e2e/support/panel-driver';
import { tabIdOf } from '../e2e/support/tabs';
import { waitFor } from '../e2e/support/cdp';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function har(n: number): string {
  const file = `/tmp/cors-lens-bench-${n}.har`;
  if (!existsSync(file)) execFileSync('npx', ['tsx', resolve(root, 'test/fixtures/har/make-large.ts'), file, String(n)], { stdio: 'inherit' });
  return file;
}

async function panelBench(): Promise<void> {
  const lab = await startLab();
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    const url = `${lab.origins.app}/?bench`;
    await page.goto(url);
    const tabId = await tabIdOf(ext.serviceWorker, url);
    const devtools = await openPanel(ext.cdpPort, ext.extensionId, tabId);
    await undock(devtools);
    const panel = new PanelDriver(devtools.panel);
    await panel.waitReady();
    const results: Record<number, { render: number; filter: number[]; decided: number }> = {};
    const importHar = async (file: string, n: number): Promise<{ listed: number; ms: number }> => {
      const t0 = Date.now();
      await panel.importFile(file);
      // The HAR holds n cross-origin requests plus same-origin ones and images, which are not listed.
      const listed = await waitFor(async () => { const c = await panel.count(); return c >= n * 0.9 ? c : null; }, `${n} imported exchanges`, 120_000);
      return { listed, ms: Date.now() - t0 };
    };
    const back = (): Promise<unknown> => panel.evaluate(`document.querySelector('[data-testid="back-to-live"]')?.click()`);
    for (const n of [1000, 10000]) {
      const file = har(n);
      const { listed, ms: render } = await importHar(file, n);
      const filter = await panel.evaluate<number[]>(`(async () => {
        const input = document.querySelector('[data-testid="toolbar-filter"]');
        const times = [];
        for (const value of ['a', 'ap', 'api', 'orders', '', 'PUT', '']) {
          const t = performance.now();
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          times.push(Math.round(performance.now() - t));
        }
        return times;
      })()`);
      await back();
      await importHar(file, n);
      const decided = await panel.evaluate<number>(`(async () => {
        const input = document.querySelector('[data-testid="toolbar-filter"]');
        const t = performance.now();
        input.value = 'orders';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (!document.querySelector('[data-testid="no-matches"]')) await new Promise((r) => setTimeout(r, 5));
        const ms = Math.round(performance.now() - t);
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return ms;
      })()`);
      results[n] = { render, filter, decided };
      console.log(`panel, ${listed} exchanges listed: import + first render ${render} ms; filter → paint ${filter.join(', ')} ms; every exchange diagnosed (no-match filter decided) ${decided} ms after a fresh import`);
      await back();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const small = results[1000]!;
    const large = results[10000]!;
    console.log(`ratio 10k/1k: first render ${(large.render / small.render).toFixed(2)}×, median filter ${(median(large.filter) / Math.max(1, median(small.filter))).toFixed(2)}×, all diagnosed ${(large.decided / Math.max(1, small.decided)).toFixed(2)}× (10× the rows)`);
    devtools.close();
  } finally {
    await ext.close();
    await lab.close();
  }
}

if (!args.includes('--cli-only')) {
  console.log('== DevTools panel (real Chromium) ==');
  await panelBench();
}
if (!args.includes('--panel-only')) {
  console.log('\n== cors-lens analyze vs JSON.parse ==');
  const r = spawnSync('npx', ['tsx', resolve(root, 'test/bench/analyze-bench.ts'), '60000', '3'], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
