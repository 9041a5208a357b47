/**
 * The walking skeleton, end to end: the built extension in real Chromium, the real DevTools panel,
 * lab requests fired after DevTools opened. No chrome.* is stubbed.
 */
import { test, expect, runScenario } from './support/fixtures';

test('a request blocked by its preflight shows in the panel with its reason; an allowed one as allowed', async ({ inspectLab }) => {
  const { page, panel, screenshot } = await inspectLab();

  const blocked = await runScenario(page, 'seed-apigw-rest-options-not-configured');
  expect(blocked.ok).toBe(false);
  const allowed = await runScenario(page, 'seed-works');
  expect(allowed.ok).toBe(true);

  const blockedRow = await panel.waitForScenarioRow('seed-apigw-rest-options-not-configured');
  expect(blockedRow.blocked).toBe(true);
  expect(blockedRow.corsError).toBe('PreflightMissingAllowOriginHeader');
  expect(blockedRow.text).toMatch(/Access-Control-Allow-Origin|preflight/i);

  const allowedRow = await panel.waitForScenarioRow('seed-works');
  expect(allowedRow.blocked).toBe(false);
  expect(allowedRow.corsError).toBeNull();

  await screenshot('skeleton-panel');
});
