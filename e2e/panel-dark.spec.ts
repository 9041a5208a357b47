/**
 * The dark theme: DevTools follows the system's dark mode, the panel follows DevTools
 * (chrome.devtools.panels.themeName). Own browser, launched with --force-dark-mode.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { startLab } from './lab/server';
import { launchWithExtension } from './support/launch';
import { openPanel, screenshotDevtools, undock } from './support/devtools-panel';
import { PanelDriver } from './support/panel-driver';
import { tabIdOf } from './support/tabs';
import { waitFor } from './support/cdp';

test('the panel follows the dark DevTools theme (screenshot for README and guide)', async () => {
  const lab = await startLab();
  const ext = await launchWithExtension({ extraArgs: ['--force-dark-mode'] });
  try {
    const page = await ext.context.newPage();
    const url = `${lab.origins.app}/?dark`;
    await page.goto(url);
    const tabId = await tabIdOf(ext.serviceWorker, url);
    const devtools = await openPanel(ext.cdpPort, ext.extensionId, tabId);
    const panel = new PanelDriver(devtools.panel);
    await panel.waitReady();
    expect(await panel.evaluate<string>('chrome.devtools.panels.themeName')).toBe('dark');
    expect(await panel.attr('[data-testid="app"]', 'data-theme')).toEqual(['dark']);
    for (const s of ['seed-apigw-rest-options-not-configured', 'seed-lambda-proxy-missing-acao', 'seed-authorization-not-allowed', 'seed-works', 'seed-wildcard-with-credentials', 'seed-cloudfront-cached-without-acao']) {
      await page.evaluate((id) => (window as unknown as { corsLab: { run: (id: string) => Promise<unknown> } }).corsLab.run(id), s);
    }
    await panel.waitForCount(6);
    await undock(devtools);
    if ((await panel.attr('[data-testid="tour"]', 'data-step')).length) await panel.clickTestId('tour-dismiss');
    const row = await panel.waitForScenarioRow('seed-authorization-not-allowed');
    await panel.clickRow(row.id);
    await waitFor(() => panel.text('detail-headline'), 'the detail');
    const png = await screenshotDevtools(devtools);
    const artifacts = resolve(import.meta.dirname, 'artifacts');
    await mkdir(artifacts, { recursive: true });
    await writeFile(resolve(artifacts, 'panel-dark.png'), png);
    await mkdir(resolve(import.meta.dirname, '../docs/images'), { recursive: true });
    await copyFile(resolve(artifacts, 'panel-dark.png'), resolve(import.meta.dirname, '../docs/images/panel-dark.png'));
    devtools.close();
  } finally {
    await ext.close();
    await lab.close();
  }
});
