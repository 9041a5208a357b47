import type { Worker } from 'playwright';
import { waitFor } from './cdp';

/** The chrome tab id of the tab whose URL starts with `urlPrefix`, asked from the extension's worker. */
export async function tabIdOf(sw: () => Promise<Worker>, urlPrefix: string): Promise<number> {
  return waitFor(async () => {
    const worker = await sw();
    const id = await worker.evaluate(async (prefix: string) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => (t.url ?? t.pendingUrl ?? '').startsWith(prefix))?.id ?? null;
    }, urlPrefix);
    return id ?? null;
  }, `a tab at ${urlPrefix}`);
}
