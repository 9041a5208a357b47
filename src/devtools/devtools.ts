/**
 * The devtools page: runs as soon as DevTools opens for a tab, before the panel is ever shown.
 * - tells the worker to capture this tab (an open port means "DevTools is open"), and reconnects
 *   when the MV3 worker restarts;
 * - hands the worker what DevTools itself recorded (getHAR once, then onRequestFinished), which
 *   covers requests made before capture began, initiators, and the bodies of error responses
 *   (platform signatures such as {"message":"Missing Authentication Token"} live there);
 * - creates the CORS Lens panel.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { DevtoolsNetwork } from 'webextension-polyfill/namespaces/devtools_network';
import { portName, type HarEntryJson, type ToWorker } from '../messaging/protocol';

const tabId = browser.devtools.inspectedWindow.tabId;
/** Bodies are only read for responses that may carry a platform's error signature, and only this much. */
const BODY_LIMIT = 2048;
const BATCH_MS = 150;

let port: Runtime.Port | undefined;
let pageUrl: string | undefined;
let pending: HarEntryJson[] = [];
let batchTimer: ReturnType<typeof setTimeout> | undefined;

function send(msg: ToWorker): void {
  try {
    port?.postMessage(msg);
  } catch {
    // The worker is restarting; the reconnect re-sends what matters (DevTools' HAR).
  }
}

function connect(): void {
  try {
    port = browser.runtime.connect({ name: portName('devtools', tabId) });
  } catch {
    setTimeout(connect, 250);
    return;
  }
  send({ type: 'hello', tabId });
  // The worker went away (stopped after idling, or updated): connecting again wakes a new one,
  // and DevTools' own log fills anything the worker missed meanwhile.
  port.onDisconnect.addListener(() => {
    port = undefined;
    setTimeout(() => {
      connect();
      void sendWholeHar();
    }, 50);
  });
}

/** A plain-data copy of a HAR entry (drops getContent and other functions). */
function plain(entry: unknown): HarEntryJson {
  return JSON.parse(JSON.stringify(entry)) as HarEntryJson;
}

function wantsBody(entry: DevtoolsNetwork.Request): boolean {
  const e = entry as unknown as { response?: { status?: number }; _resourceType?: string };
  const status = e.response?.status ?? 0;
  return status >= 400 || e._resourceType === 'preflight';
}

async function withBody(entry: DevtoolsNetwork.Request): Promise<HarEntryJson> {
  const data = plain(entry);
  if (!wantsBody(entry)) return data;
  try {
    const [content] = (await entry.getContent()) as [string | null, string];
    const response = data.response as { content?: { text?: string } } | undefined;
    if (content && response) response.content = { ...(response.content ?? {}), text: content.slice(0, BODY_LIMIT) };
  } catch {
    // No body available (blocked responses often have none): the headers still tell most.
  }
  return data;
}

function queue(entry: HarEntryJson): void {
  pending.push(entry);
  batchTimer ??= setTimeout(() => {
    batchTimer = undefined;
    const entries = pending;
    pending = [];
    send({ type: 'har-entries', tabId, entries, ...(pageUrl ? { pageUrl } : {}) });
  }, BATCH_MS);
}

async function sendWholeHar(): Promise<void> {
  const log = (await browser.devtools.network.getHAR()) as unknown as { entries?: unknown[]; pages?: Array<{ title?: string }> };
  pageUrl ??= log.pages?.at(-1)?.title;
  const entries = (log.entries ?? []).map(plain);
  if (entries.length) send({ type: 'har-entries', tabId, entries, ...(pageUrl ? { pageUrl } : {}) });
}

connect();
void sendWholeHar();
browser.devtools.network.onNavigated.addListener((url) => {
  pageUrl = url;
});
browser.devtools.network.onRequestFinished.addListener((entry) => {
  void withBody(entry).then(queue);
});
void browser.devtools.panels.create('CORS Lens', '/icons/icon-32.png', 'src/panel/panel.html');
