/**
 * Playwright fixtures: a lab (three origins on 127.0.0.1, OS-assigned ports) and a real Chromium
 * with the built extension, DevTools auto-opened, and helpers to open the real CORS Lens panel.
 */
import { test as base, type Page } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startLab, type Lab } from '../lab/server';
import { launchWithExtension, type LaunchedBrowser } from './launch';
import { openPanel, screenshotDevtools, type DevtoolsHandle } from './devtools-panel';
import { tabIdOf } from './tabs';
import { waitFor } from './cdp';
import { PanelDriver } from './panel-driver';

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

export interface Inspected {
  page: Page;
  tabId: number;
  devtools: DevtoolsHandle;
  panel: PanelDriver;
  screenshot: (name: string) => Promise<string>;
}

interface Fixtures {
  /** Opens the lab app page in a tab whose DevTools is open, and shows the CORS Lens panel. */
  inspectLab: (opts?: { page?: Page }) => Promise<Inspected>;
}

interface WorkerFixtures {
  lab: Lab;
  ext: LaunchedBrowser;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  lab: [async ({}, use) => {
    const lab = await startLab();
    await use(lab);
    await lab.close();
  }, { scope: 'worker' }],
  // eslint-disable-next-line no-empty-pattern -- as above
  ext: [async ({}, use) => {
    const b = await launchWithExtension();
    await use(b);
    await b.close();
  }, { scope: 'worker' }],
  inspectLab: async ({ ext: browser, lab }, use) => {
    const opened: DevtoolsHandle[] = [];
    await use(async (opts = {}) => {
      const page = opts.page ?? (await browser.context.newPage());
      // A unique URL per tab: tabs are told apart by URL when asking the worker for their id.
      const url = `${lab.origins.app}/?tab=${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      await page.goto(url);
      await page.waitForFunction(() => typeof (window as unknown as { corsLab?: unknown }).corsLab === 'object');
      const tabId = await tabIdOf(browser.serviceWorker, url);
      const devtools = await openPanel(browser.cdpPort, browser.extensionId, tabId);
      opened.push(devtools);
      const panel = new PanelDriver(devtools.panel);
      await panel.waitReady();
      return {
        page,
        tabId,
        devtools,
        panel,
        screenshot: async (name: string) => {
          await mkdir(ARTIFACTS, { recursive: true });
          const file = resolve(ARTIFACTS, `${name}.png`);
          await writeFile(file, await screenshotDevtools(devtools));
          return file;
        },
      };
    });
    for (const d of opened) d.close();
  },
});

export { expect } from '@playwright/test';
export { waitFor };

/** Runs a lab scenario from the page (as a user clicking its button would) and returns the page's view of it. */
export async function runScenario(page: Page, id: string): Promise<{ ok: boolean; status?: number; error?: string; url: string }> {
  return page.evaluate((sid) => (window as unknown as { corsLab: { run: (id: string) => Promise<{ ok: boolean; status?: number; error?: string; url: string }> } }).corsLab.run(sid), id);
}
