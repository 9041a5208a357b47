/**
 * Screenshots of the preview page in light and dark, for design review:
 *   npx vite -c src/panel/preview/vite.config.ts &   then   npx tsx src/panel/preview/screenshot.ts [outDir] [baseUrl]
 * Uses the system Chromium (CHROME_PATH overrides). Not a test: it asserts nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';

const outDir = process.argv[2] ?? '.tmp/panel-preview';
const base = process.argv[3] ?? 'http://127.0.0.1:4800/';
mkdirSync(outDir, { recursive: true });

const shots: { name: string; query: string; width: number; height: number }[] = [
  { name: 'bottom-dock-selected', query: 'select=rest-403', width: 1280, height: 560 },
  { name: 'side-dock-selected', query: 'select=rest-403', width: 560, height: 900 },
  { name: 'list-only', query: '', width: 1280, height: 400 },
  { name: 'empty', query: 'empty=1', width: 1000, height: 400 },
  { name: 'allowed-selected', query: 'select=http-ok', width: 1280, height: 700 },
  { name: 'redirect-selected', query: 'select=redirect-blocked', width: 1280, height: 560 },
  { name: 'scale-10k', query: 'n=10000', width: 1280, height: 500 },
  { name: 'detail-tall', query: 'select=rest-403', width: 1280, height: 1500 },
  { name: 'hostile', query: 'hostile=1&select=hostile', width: 1280, height: 900 },
  { name: 'learn', query: 'view=learn', width: 1000, height: 500 },
  { name: 'rules-engine-detail', query: 'engine=rules&select=rest-403', width: 1280, height: 1600 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const theme of ['light', 'dark'] as const) {
    for (const s of shots) {
      const page = await browser.newPage({ viewport: { width: s.width, height: s.height } });
      await page.goto(`${base}?theme=${theme}&${s.query}`);
      await page.waitForSelector('[data-testid="app"]');
      if (s.query.includes('select=')) await page.waitForSelector('[data-testid="detail-pane"]');
      if (s.query.includes('select=')) await page.focus('[data-testid="exchange-list"]');
      if (s.query.includes('view=learn')) await page.click('[data-testid="tab-learn"]');
      const file = join(outDir, `${s.name}-${theme}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
