/**
 * The real DevTools panel: details of lab scenarios, keyboard navigation, hostile values shown as text,
 * re-check after a deploy.
 */
import { test, expect, runScenario, waitFor } from './support/fixtures';

test('re-check after a deploy: the old verdict beside a fresh one, "fixed"', async ({ inspectLab }) => {
  const { page, panel } = await inspectLab();
  const run = await runScenario(page, 'seed-fixed-after-deploy');
  expect(run.ok).toBe(false);
  const row = await panel.waitForScenarioRow('seed-fixed-after-deploy');
  expect(row.corsError).toBe('PreflightMissingAllowOriginHeader');
  await panel.clickRow(row.id);
  await waitFor(() => panel.text('recheck-button'), 'the re-check button');
  // A real click, through CDP input events.
  await panel.clickTestId('recheck-button');
  const outcome = await waitFor(() => panel.evaluate<string | null>(`document.querySelector('[data-testid="recheck-result"]')?.getAttribute('data-outcome') ?? null`), 'the re-check result');
  expect(outcome, (await panel.text('recheck-result')) ?? '').toBe('fixed');
  expect(await panel.text('recheck-result')).toContain('before: blocked (PreflightMissingAllowOriginHeader)');
});
