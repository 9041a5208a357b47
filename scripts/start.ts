/**
 * `npm start`: the lab on 127.0.0.1:4310-4312 and Chromium with CORS Lens loaded and DevTools open
 * on the lab page. With a display it is headed and stays open until you close the browser. Without
 * one (or with --headless) it clicks through the lab's seed scenarios, prints what the panel shows
 * for each, and saves a screenshot — so a newcomer on a server still sees the product work.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLab, type Lab } from '../e2e/lab/server';
import { launchWithExtension } from '../e2e/support/launch';
import { openPanel, screenshotDevtools, undock } from '../e2e/support/devtools-panel';
import { tabIdOf } from '../e2e/support/tabs';
import { PanelDriver } from '../e2e/support/panel-driver';
import { waitFor } from '../e2e/support/cdp';

const { values } = parseArgs({ options: { headless: { type: 'boolean', default: false }, port: { type: 'string', default: '4310' } } });
const headless = values.headless || !process.env.DISPLAY;
const base = Number(values.port);

async function startLabOnPorts(): Promise<Lab> {
  try {
    return await startLab({ ports: { app: base, api: base + 1, third: base + 2 } });
  } catch (e) {
    console.warn(`Ports ${base}-${base + 2} are busy (${String(e)}); using free ports instead.`);
    return startLab();
  }
}

const lab = await startLabOnPorts();
console.log(`CORS lab:\n  app page  ${lab.origins.app}/\n  API       ${lab.origins.api}\n  third     ${lab.origins.third}`);
if (headless && !values.headless) console.log('No display found: running headless (npm start -- --headless does the same on purpose).');

const browser = await launchWithExtension({ headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(`${lab.origins.app}/`);
const tabId = await tabIdOf(browser.serviceWorker, `${lab.origins.app}/`);
const devtools = await openPanel(browser.cdpPort, browser.extensionId, tabId);
const panel = new PanelDriver(devtools.panel);
await panel.waitReady();

if (!headless) {
  console.log('\nChromium is open with DevTools on the lab page: click a scenario button and watch the CORS Lens panel.');
  console.log('Close the browser window (or press Ctrl-C) to stop.');
  const stop = async () => {
    devtools.close();
    await browser.close();
    await lab.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  browser.context.on('close', () => void stop());
} else {
  const seeds = lab.scenarios.filter((s) => s.dimension === 'seed');
  console.log(`\nRunning ${seeds.length} seed scenarios in headless Chromium with DevTools open…\n`);
  for (const s of seeds) {
    await page.evaluate((id) => (window as unknown as { corsLab: { run: (id: string) => Promise<unknown> } }).corsLab.run(id), s.id);
  }
  await undock(devtools);
  const rows = await Promise.all(seeds.map((s) => panel.waitForScenarioRow(s.id).catch(() => null)));
  const width = Math.max(...seeds.map((s) => s.id.length));
  for (const [i, s] of seeds.entries()) {
    const row = rows[i];
    const mark = !row ? '?' : row.blocked ? '✕ blocked' : '✓ allowed';
    const reason = row ? `${row.corsError ?? ''}${row.corsError ? ' — ' : ''}${row.reason}` : 'not shown in the panel';
    console.log(`${s.id.padEnd(width)}  ${mark.padEnd(9)}  ${reason}`);
  }
  // The detail headline of the first blocked row, as a taste of the explanation.
  const i = rows.findIndex((r) => r?.blocked);
  const firstBlocked = rows[i];
  if (firstBlocked) {
    await panel.clickRow(firstBlocked.id);
    const headline = await waitFor(() => panel.text('detail-headline'), 'the detail headline').catch(() => null);
    if (headline) console.log(`\nDetail of ${seeds[i]?.id}:\n  ${headline}`);
  }
  const dir = resolve(import.meta.dirname, '../e2e/artifacts');
  await mkdir(dir, { recursive: true });
  const file = resolve(dir, 'start-headless.png');
  await writeFile(file, await screenshotDevtools(devtools));
  console.log(`\nScreenshot of DevTools with the CORS Lens panel: ${file}`);
  devtools.close();
  await browser.close();
  await lab.close();
}
