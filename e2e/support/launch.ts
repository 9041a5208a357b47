/**
 * Launches real Chromium with the BUILT extension (dist/) and DevTools auto-opened for every tab,
 * following ../shared/reference/chromium-testing.md. Used by the e2e suite, `npm start` and the corpus.
 */
import { chromium, type BrowserContext, type Worker } from 'playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChrome } from '../../scripts/chrome-path.mjs';
import { hostResolverArg } from '../lab/hosts';

export const DIST = resolve(import.meta.dirname, '../../dist');

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The --remote-debugging-port, for raw CDP to DevTools targets. */
  cdpPort: number;
  serviceWorker: () => Promise<Worker>;
  close: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export function chromePathOrThrow(): string {
  const p = findChrome();
  if (!p) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
  return p;
}

export async function launchWithExtension(opts: { headless?: boolean; devtools?: boolean; extraArgs?: string[] } = {}): Promise<LaunchedBrowser> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`No built extension in ${DIST}: run \`npm run build\` first.`);
  const profile = await mkdtemp(join(tmpdir(), 'cors-lens-profile-'));
  const cdpPort = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePathOrThrow(),
    headless: opts.headless ?? true,
    viewport: { width: 1400, height: 900 },
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // The lab's realistic host names (*.execute-api…amazonaws.com, *.on.aws …) resolve to 127.0.0.1.
      hostResolverArg(),
      `--remote-debugging-port=${cdpPort}`,
      ...(opts.devtools === false ? [] : ['--auto-open-devtools-for-tabs']),
      ...(opts.extraArgs ?? []),
    ],
  });
  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const sw = await serviceWorker();
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    cdpPort,
    serviceWorker,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
