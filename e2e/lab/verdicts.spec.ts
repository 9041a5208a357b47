/**
 * Every lab scenario runs in real Chromium and yields a verdict (a scenario that never settles is a lab
 * bug), and the runner reads the right request on each of its matching paths. These checks are about the
 * lab and the runner, not about our rules engine (the differential test compares those).
 */
import { expect, test } from '@playwright/test';
import { chromium } from 'playwright';
import { startLab, type Lab } from './server';
import { CHROMIUM_ARGS, chromiumPath, runInChromium, type ChromiumVerdict } from './chromium-verdicts';

let lab: Lab;
let verdicts: Map<string, ChromiumVerdict>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  lab = await startLab();
  verdicts = await runInChromium(lab, lab.scenarios.map((s) => s.id));
});

test.afterAll(async () => {
  await lab?.close();
});

test('every scenario yields a verdict', () => {
  const broken = lab.scenarios.filter((s) => !verdicts.get(s.id) || verdicts.get(s.id)?.runnerError)
    .map((s) => `${s.id}: ${verdicts.get(s.id)?.runnerError ?? 'missing'}`);
  expect(broken).toEqual([]);
  expect(verdicts.size).toBe(lab.scenarios.length);
});

test('CDP and the page agree: a CORS error only for a fetch the page saw fail', () => {
  for (const [id, v] of verdicts) if (v.corsError) expect(v.page?.ok, id).toBe(false);
  // And most blocked fetches carry a CORS error (the few exceptions are net errors such as too many redirects).
  const blocked = [...verdicts.values()].filter((v) => v.failed);
  expect(blocked.filter((v) => v.corsError).length).toBeGreaterThan(blocked.length * 0.9);
});

test('setup steps are measured apart from the fetch they prepare', () => {
  // The preflight cache path: the first preflight was allowed, a second one would be refused.
  const cached = verdicts.get('preflight-cache-max-age-600');
  expect(cached?.preflights).toBe(0);
  expect(cached?.failed).toBe(false);
  const expired = verdicts.get('preflight-cache-max-age-zero');
  expect(expired?.preflights).toBe(1);
  expect(expired?.failed).toBe(true);
  // The HTTP-cache path: the measured fetch never reached the server.
  expect(verdicts.get('http-cache-img-then-cors')?.fromCache).toBe(true);
  expect(verdicts.get('http-cache-img-then-cors-reload')?.fromCache).toBe(false);
});

test('a request refused before it is sent is read from the DevTools issue', () => {
  const v = verdicts.get('mode-same-origin-get');
  expect(v?.sent).toBe(false);
  expect(v?.corsError).toBe('DisallowedByMode');
  expect(lab.requestsFor('mode-same-origin-get')).toEqual([]);
});

test('the page: a click on a scenario button shows its result; #id opens its group', async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${lab.origins.app}/#acao-star`);
    await expect(page.locator('button[data-scenario="acao-star"]')).toBeVisible();
    await expect(page.locator('button[data-scenario="range-closed"]')).toBeHidden(); // other groups stay closed
    await page.click('button[data-scenario="acao-star"]');
    await expect(page.locator('output[data-result-for="acao-star"]')).toHaveClass('ok');
    await page.goto(`${lab.origins.app}/?open=all`);
    await page.click('button[data-scenario="acao-absent"]');
    await expect(page.locator('output[data-result-for="acao-absent"]')).toHaveClass('blocked');
    await expect(page.locator('output[data-result-for="acao-absent"]')).toContainText('Failed to fetch');
  } finally {
    await browser.close();
  }
});
