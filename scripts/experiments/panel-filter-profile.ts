/**
 * CPU profile of the panel's first text filter after a HAR import (the case `npm run bench` measures:
 * the filter is typed before the background analysis has diagnosed every exchange), in the real
 * DevTools of headless Chromium. Needs a built extension (`npx vite build`).
 *   npx tsx scripts/experiments/panel-filter-profile.ts [requests=10000] [out=/tmp/panel-filter.cpuprofile]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLab } from '../../e2e/lab/server';
import { waitFor } from '../../e2e/support/cdp';
import { openPanel, undock } from '../../e2e/support/devtools-panel';
import { launchWithExtension } from '../../e2e/support/launch';
import { PanelDriver } from '../../e2e/support/panel-driver';
import { tabIdOf } from '../../e2e/support/tabs';

const root = resolve(import.meta.dirname, '../..');
const n = Number(process.argv[2] ?? 10000);
const out = process.argv[3] ?? '/tmp/panel-filter.cpuprofile';
const file = `/tmp/cors-lens-bench-${n}.har`;
if (!existsSync(file)) execFileSync('npx', ['tsx', resolve(root, 'test/fixtures/har/make-large.ts'), file, String(n)], { stdio: 'inherit' });

const lab = await startLab();
const ext = await launchWithExtension();
try {
  const page = await ext.context.newPage();
  const url = `${lab.origins.app}/?bench`;
  await page.goto(url);
  const devtools = await openPanel(ext.cdpPort, ext.extensionId, await tabIdOf(ext.serviceWorker, url));
  await undock(devtools);
  const panel = new PanelDriver(devtools.panel);
  await panel.waitReady();
  await devtools.panel.send('Profiler.enable');
  await devtools.panel.send('Profiler.setSamplingInterval', { interval: 100 });
  await panel.importFile(file);
  await waitFor(async () => ((await panel.count()) >= n * 0.9 ? true : null), `${n} imported exchanges`, 120_000);
  await devtools.panel.send('Profiler.start');
  const ms = await panel.evaluate<number>(`(async () => {
    const input = document.querySelector('[data-testid="toolbar-filter"]');
    const t = performance.now();
    input.value = 'a';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return Math.round(performance.now() - t);
  })()`);
  const { profile } = await devtools.panel.send<{ profile: unknown }>('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  console.log(`first filter → paint ${ms} ms; profile in ${out}`);
  devtools.close();
} finally {
  await ext.close();
  await lab.close();
}
