/**
 * The real DevTools panel: details of lab scenarios, keyboard navigation, hostile values shown as text,
 * re-check after a deploy, and screenshots of both themes (saved as artifacts and for the docs).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test, expect, runScenario, waitFor } from './support/fixtures';
import { undock } from './support/devtools-panel';
import type { PanelDriver } from './support/panel-driver';

const DOCS_IMAGES = resolve(import.meta.dirname, '../docs/images');

/** The first-run tour shows once per profile; screenshots are taken without it. */
async function dismissTour(panel: PanelDriver): Promise<void> {
  if ((await panel.attr('[data-testid="tour"]', 'data-step')).length === 0) return;
  await panel.clickTestId('tour-dismiss');
  await waitFor(async () => (await panel.attr('[data-testid="tour"]', 'data-step')).length === 0, 'the tour to close');
}

async function detailOf(panel: PanelDriver, scenarioId: string) {
  const row = await panel.waitForScenarioRow(scenarioId);
  await panel.clickRow(row.id);
  await waitFor(async () => (await panel.attr('[data-testid="detail-pane"]', 'data-exchange-id'))[0] === row.id, `the detail of ${scenarioId}`);
  return {
    row,
    headline: (await panel.text('detail-headline')) ?? '',
    corsError: (await panel.attr('[data-testid="detail-cors-error"]', 'data-cors-error'))[0] ?? null,
    checks: await panel.evaluate<Array<{ id: string; result: string; text: string }>>(`[...document.querySelectorAll('[data-testid="asked-allowed-row"]')].map((r) => ({ id: r.getAttribute('data-check-id'), result: r.getAttribute('data-result'), text: r.textContent }))`),
    flow: await panel.evaluate<Array<{ step: string; state: string }>>(`[...document.querySelectorAll('[data-testid="flow-step"]')].map((s) => ({ step: s.getAttribute('data-step'), state: s.getAttribute('data-state') }))`),
    findings: await panel.attr('[data-testid="finding"]', 'data-finding-id'),
    platform: (await panel.attr('[data-testid="detail-pane"] [data-testid="platform-badge"]', 'data-platform'))[0] ?? null,
  };
}

test('clicking rows of three lab scenarios shows what happened, asked vs allowed, and the failing step', async ({ inspectLab }) => {
  const { page, panel } = await inspectLab();
  for (const id of ['seed-apigw-rest-options-not-configured', 'seed-method-not-allowed', 'seed-works']) await runScenario(page, id);

  const options = await detailOf(panel, 'seed-apigw-rest-options-not-configured');
  expect(options.corsError).toBe('PreflightMissingAllowOriginHeader');
  expect(options.headline).toMatch(/preflight|OPTIONS/i);
  expect(options.checks.find((c) => c.id === 'allow-origin')?.result).toBe('fail');
  expect(options.flow.some((s) => s.state === 'fail')).toBe(true);
  expect(options.platform).toBe('aws-apigateway-rest');

  const method = await detailOf(panel, 'seed-method-not-allowed');
  expect(method.corsError).toBe('MethodDisallowedByPreflightResponse');
  const methodRow = method.checks.find((c) => c.id === 'allow-method');
  expect(methodRow?.result).toBe('fail');
  expect(methodRow?.text).toContain('DELETE');

  const works = await detailOf(panel, 'seed-works');
  expect(works.row.blocked).toBe(false);
  expect(works.corsError ?? '').toBe('');
  expect(works.checks.every((c) => c.result !== 'fail')).toBe(true);
  expect(works.flow.every((s) => s.state !== 'fail')).toBe(true);
});

test('the list is keyboard-navigable: arrows move the selection, Enter opens the detail', async ({ inspectLab }) => {
  const { page, panel, devtools } = await inspectLab();
  for (const id of ['seed-works', 'acao-absent', 'acao-exact']) await runScenario(page, id);
  await panel.waitForCount(3);
  await panel.evaluate(`document.querySelector('[data-testid="exchange-list"]').focus()`);
  const selected = async () => (await panel.rows()).findIndex((r) => r.selected);
  await panel.press('Home');
  await waitFor(async () => (await selected()) === 0, 'the first row selected');
  await panel.press('ArrowDown');
  await waitFor(async () => (await selected()) === 1, 'the second row selected');
  await panel.press('End');
  await waitFor(async () => (await selected()) === 2, 'the last row selected');
  await panel.press('ArrowUp');
  await waitFor(async () => (await selected()) === 1, 'back to the second row');
  const rows = await panel.rows();
  await panel.press('Enter');
  await waitFor(async () => (await panel.attr('[data-testid="detail-pane"]', 'data-exchange-id'))[0] === rows[1]?.id, 'the detail of the selected row');
  // Enter moves focus into the detail pane; Escape returns it to the list.
  await waitFor(() => panel.evaluate<boolean>(`!!document.activeElement?.closest('[data-testid="detail-pane"]')`), 'focus in the detail pane');
  await panel.press('Escape');
  await waitFor(() => panel.evaluate<boolean>(`document.activeElement?.getAttribute('data-testid') === 'exchange-list'`), 'focus back on the list');
  // The panel handled that Escape: DevTools must not also open its console drawer over the panel.
  expect(await devtools.frontEnd.evaluate<boolean>(`(async () => (await import('./ui/legacy/legacy.js')).InspectorView.InspectorView.instance().drawerVisible())()`)).toBe(false);
});

test('hostile header values are shown as text and never executed', async ({ inspectLab }) => {
  const { page, panel } = await inspectLab();
  await runScenario(page, 'seed-hostile-header-values');
  const detail = await detailOf(panel, 'seed-hostile-header-values');
  expect(detail.row.blocked).toBe(true);
  const headersText = (await panel.text('raw-headers')) ?? '';
  expect(headersText).toContain('<img src=x onerror="window.__pwned=1">');
  expect(headersText).toContain('</script><script>window.__pwned=2</script>');
  expect(await panel.evaluate<unknown>('window.__pwned ?? null')).toBeNull();
  expect(await panel.evaluate<number>(`document.querySelectorAll('img[onerror], svg[onload], script:not([src])').length`)).toBe(0);
});

test('re-check after a deploy: the old verdict beside a fresh one, "fixed"', async ({ inspectLab }) => {
  const { page, panel } = await inspectLab();
  const run = await runScenario(page, 'seed-fixed-after-deploy');
  expect(run.ok).toBe(false);
  const row = await panel.waitForScenarioRow('seed-fixed-after-deploy');
  expect(row.corsError).toBe('PreflightMissingAllowOriginHeader');
  await panel.clickRow(row.id);
  await waitFor(() => panel.text('recheck-button'), 'the re-check button');
  await panel.clickTestId('recheck-button');
  const outcome = await waitFor(() => panel.evaluate<string | null>(`document.querySelector('[data-testid="recheck-result"]')?.getAttribute('data-outcome') ?? null`), 'the re-check result');
  expect(outcome, (await panel.text('recheck-result')) ?? '').toBe('fixed');
  expect(await panel.text('recheck-result')).toContain('before: blocked (PreflightMissingAllowOriginHeader)');
});

test('screenshot of the panel in the light theme (README and guide)', async ({ inspectLab }) => {
  const { page, panel, devtools, screenshot } = await inspectLab();
  for (const s of ['seed-apigw-rest-options-not-configured', 'seed-lambda-proxy-missing-acao', 'seed-authorization-not-allowed', 'seed-works', 'seed-wildcard-with-credentials', 'seed-cloudfront-cached-without-acao']) await runScenario(page, s);
  await panel.waitForCount(6);
  expect(await panel.attr('[data-testid="app"]', 'data-theme')).toEqual(['light']);
  await undock(devtools);
  await dismissTour(panel);
  await detailOf(panel, 'seed-apigw-rest-options-not-configured');
  const file = await screenshot('panel-light');
  await mkdir(DOCS_IMAGES, { recursive: true });
  await copyFile(file, resolve(DOCS_IMAGES, 'panel-light.png'));
});

test('first-run tour, Learn and the simulator in the real panel (screenshots for the guide)', async ({ inspectLab }) => {
  const { page, panel, devtools, screenshot } = await inspectLab();
  await runScenario(page, 'seed-lambda-proxy-missing-acao');
  await panel.waitForCount(1);
  await undock(devtools);
  await mkdir(DOCS_IMAGES, { recursive: true });
  // The tour was already dismissed in this browser profile by an earlier test, or shows now: either
  // way it can be shown again from Learn, and it steps through its tips.
  await panel.clickTestId('tab-learn');
  await panel.clickTestId('learn-tour');
  await waitFor(async () => (await panel.attr('[data-testid="tour"]', 'data-step'))[0] === 'toolbar', 'the tour');
  await copyFile(await screenshot('tour'), resolve(DOCS_IMAGES, 'tour.png'));
  await panel.clickTestId('tour-next');
  await waitFor(async () => (await panel.attr('[data-testid="tour"]', 'data-step'))[0] === 'list', 'the second tip');
  await dismissTour(panel);

  await panel.clickTestId('tab-learn');
  await panel.evaluate(`document.querySelector('[data-testid="learn-step-link"][data-step="preflight"]').click()`);
  await waitFor(async () => (await panel.attr('[data-testid="learn-step"]', 'data-step'))[0] === 'preflight', 'the preflight step');
  const variant = await panel.evaluate<boolean>(`(() => { const v = document.querySelector('[data-testid="learn-variant"][data-variant="not-found"]'); v?.click(); return !!v; })()`);
  expect(variant).toBe(true);
  await waitFor(async () => (await panel.attr('[data-testid="learn-verdict"]', 'data-cors-error'))[0] === 'PreflightMissingAllowOriginHeader', 'the example verdict, computed by the rules');
  await copyFile(await screenshot('learn'), resolve(DOCS_IMAGES, 'learn.png'));

  // "Open in simulator" from a captured exchange carries it over; the simulator judges it the same way.
  await panel.clickTestId('tab-requests');
  const row = await panel.waitForScenarioRow('seed-lambda-proxy-missing-acao');
  await panel.clickRow(row.id);
  await waitFor(() => panel.text('open-in-simulator'), 'the open-in-simulator button');
  await panel.clickTestId('open-in-simulator');
  await waitFor(async () => (await panel.attr('[data-testid="sim-verdict"]', 'data-cors-error'))[0] === 'MissingAllowOriginHeader', 'the simulated verdict');
  expect((await panel.attr('[data-testid="sim-source"]', 'data-from'))[0]).toBe('capture');
  await copyFile(await screenshot('simulator'), resolve(DOCS_IMAGES, 'simulator.png'));
});
