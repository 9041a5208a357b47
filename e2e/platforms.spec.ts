/**
 * Platform knowledge through the real extension: every seed cause of the lab answers like the real
 * platform, under its real host name (e2e/lab/hosts.ts); the panel must name that platform (and the CDN
 * in front) and report the expected findings — from what a live capture has: status, headers and host,
 * never the body of a preflight or of a blocked response (DevTools does not hand those over).
 */
import { test, expect, runScenario, waitFor } from './support/fixtures';
import type { PanelDriver } from './support/panel-driver';

/** Types into the panel's filter box, as a user would, so the scenario's row is rendered by the virtual list. */
async function filterList(panel: PanelDriver, text: string): Promise<void> {
  await panel.evaluate(`(() => {
    const input = document.querySelector('[data-testid="toolbar-filter"]');
    input.value = ${JSON.stringify(text)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

test('each seed cause is recognised: platform, CDN and finding ids, in the real panel', async ({ inspectLab, lab }) => {
  test.setTimeout(180_000);
  const { page, panel } = await inspectLab();
  const seeds = lab.scenarios.filter((s) => s.platform);
  expect(seeds.length).toBeGreaterThanOrEqual(25);
  for (const s of seeds) await runScenario(page, s.id);

  const problems: string[] = [];
  for (const s of seeds) {
    const expected = s.platform!;
    await filterList(panel, `/s/${s.id}/`);
    const row = await panel.waitForScenarioRow(s.id);
    await panel.clickRow(row.id);
    await waitFor(async () => (await panel.attr('[data-testid="detail-pane"]', 'data-exchange-id'))[0] === row.id, `the detail of ${s.id}`);
    const platforms = await panel.attr('[data-testid="detail-pane"] [data-testid="platform-badge"]', 'data-platform');
    const findings = await panel.attr('[data-testid="finding"]', 'data-finding-id');
    if (platforms[0] !== expected.id) problems.push(`${s.id}: platform ${platforms.join('+')} (expected ${expected.id})`);
    if (expected.cdn && !platforms.includes(expected.cdn)) problems.push(`${s.id}: CDN ${expected.cdn} not shown (${platforms.join('+')})`);
    if (!expected.cdn && platforms.length > 1) problems.push(`${s.id}: unexpected CDN (${platforms.join('+')})`);
    for (const f of expected.findings) if (!findings.includes(f)) problems.push(`${s.id}: finding ${f} missing (got ${findings.join(', ')})`);
  }
  expect(problems).toEqual([]);
});
