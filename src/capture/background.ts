/**
 * The background service worker: captures the requests of tabs whose DevTools is open, groups them
 * into exchanges, keeps them (bounded, persisted) and streams them to that tab's panel.
 *
 * MV3 rules it lives by: listeners are registered synchronously at top level (so events wake a
 * stopped worker); all state is rebuilt from chrome.storage.session before any event is handled;
 * nothing is kept only in memory for longer than one flush.
 */
import browser, { type Runtime, type WebRequest } from 'webextension-polyfill';
import { parsePortName, type ToPanel, type ToWorker, isToWorker } from '../messaging/protocol';
import { needsPreflight } from './needs-preflight';
import { Grouper } from './grouping';
import type { CaptureEvent } from './events';
import { flushTab, forgetTab, loadAll, saveInspected } from './persistence';
import { emptyTab, TabStore } from './tab-store';
import { mergeHarEntries } from './har-merge';
import { recheck } from './recheck';
import * as wr from './webrequest-events';

const FLUSH_DELAY_MS = 40;

const inspected = new Set<number>();
const stores = new Map<number, TabStore>();
const panelPorts = new Map<number, Set<Runtime.Port>>();
const dirty = new Set<number>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

const ready: Promise<void> = loadAll().then(({ inspected: ids, tabs }) => {
  for (const id of ids) inspected.add(id);
  for (const t of tabs) stores.set(t.tabId, new TabStore(t));
}).catch((e: unknown) => console.error('CORS Lens: could not restore state', e));

/** Events are handled strictly in arrival order, after the state is restored. */
let queue: Promise<void> = ready;
function enqueue(fn: () => void | Promise<void>): void {
  queue = queue.then(fn).catch((e: unknown) => console.error('CORS Lens:', e));
}

function storeFor(tabId: number): TabStore {
  let s = stores.get(tabId);
  if (!s) {
    s = new TabStore(emptyTab(tabId));
    stores.set(tabId, s);
  }
  return s;
}

function markDirty(tabId: number): void {
  dirty.add(tabId);
  flushTimer ??= setTimeout(() => {
    flushTimer = undefined;
    enqueue(flush);
  }, FLUSH_DELAY_MS);
}

async function flush(): Promise<void> {
  const tabs = [...dirty];
  dirty.clear();
  for (const tabId of tabs) {
    const store = stores.get(tabId);
    if (!store) continue;
    store.sweepHidden();
    const { upserts, removed, unlisted } = store.takeChanges();
    await flushTab(store, removed);
    store.resetChanges();
    if (upserts.length || unlisted.length) {
      post(tabId, { type: 'upsert', tabId, exchanges: upserts, removed: unlisted, dropped: store.state.dropped });
    }
  }
}

function post(tabId: number, msg: ToPanel): void {
  for (const port of panelPorts.get(tabId) ?? []) {
    try {
      port.postMessage(msg);
    } catch {
      panelPorts.get(tabId)?.delete(port);
    }
  }
}

function handle(tabId: number, event: CaptureEvent): void {
  enqueue(() => {
    if (!inspected.has(tabId)) return;
    const store = storeFor(tabId);
    new Grouper(store.state.grouping, store, { needsPreflight }).handle(event);
    markDirty(tabId);
  });
}

function clearTab(tabId: number, reason: 'navigation' | 'user'): void {
  const store = storeFor(tabId);
  store.clear();
  markDirty(tabId);
  post(tabId, { type: 'cleared', tabId, reason });
}

// ---- webRequest: observe only (MV3 has no blocking webRequest for normal extensions) ----------
const filter: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

browser.webRequest.onBeforeRequest.addListener((d) => {
  if (d.tabId < 0) return;
  if (d.type === 'main_frame') {
    enqueue(() => {
      if (inspected.has(d.tabId) && !storeFor(d.tabId).state.preserveLog) clearTab(d.tabId, 'navigation');
    });
    return;
  }
  handle(d.tabId, wr.startEvent(d));
}, filter);
browser.webRequest.onSendHeaders.addListener((d) => { if (d.tabId >= 0) handle(d.tabId, wr.sendHeadersEvent(d)); }, filter, ['requestHeaders', 'extraHeaders']);
browser.webRequest.onHeadersReceived.addListener((d) => { if (d.tabId >= 0) handle(d.tabId, wr.headersReceivedEvent(d)); }, filter, ['responseHeaders', 'extraHeaders']);
browser.webRequest.onBeforeRedirect.addListener((d) => { if (d.tabId >= 0) handle(d.tabId, wr.redirectEvent(d)); }, filter, ['responseHeaders', 'extraHeaders']);
browser.webRequest.onCompleted.addListener((d) => { if (d.tabId >= 0) handle(d.tabId, wr.completedEvent(d)); }, filter, ['responseHeaders', 'extraHeaders']);
browser.webRequest.onErrorOccurred.addListener((d) => { if (d.tabId >= 0) handle(d.tabId, wr.errorEvent(d)); }, filter, ['extraHeaders']);

browser.tabs.onRemoved.addListener((tabId) => {
  enqueue(async () => {
    const store = stores.get(tabId);
    stores.delete(tabId);
    inspected.delete(tabId);
    await saveInspected(inspected);
    await forgetTab(tabId, store ? Object.keys(store.state.exchanges) : []);
  });
});

// ---- ports: the devtools page marks a tab inspected; the panel subscribes to its exchanges ------
browser.runtime.onConnect.addListener((port) => {
  const parsed = parsePortName(port.name);
  if (!parsed) return;
  const { role, tabId } = parsed;
  if (role === 'devtools') {
    enqueue(async () => {
      inspected.add(tabId);
      await saveInspected(inspected);
    });
    port.onDisconnect.addListener(() => {
      // DevTools closed (or this worker is going away): stop capturing this tab; its log stays until the tab closes.
      enqueue(async () => {
        inspected.delete(tabId);
        await saveInspected(inspected);
      });
    });
  } else {
    const set = panelPorts.get(tabId) ?? new Set();
    set.add(port);
    panelPorts.set(tabId, set);
    port.onDisconnect.addListener(() => panelPorts.get(tabId)?.delete(port));
    enqueue(() => {
      const store = storeFor(tabId);
      const snapshot: ToPanel = { type: 'snapshot', tabId, exchanges: store.visibleExchanges(), dropped: store.state.dropped, preserveLog: store.state.preserveLog };
      port.postMessage(snapshot);
    });
  }
  port.onMessage.addListener((msg: unknown) => {
    if (!isToWorker(msg) || msg.tabId !== tabId) return;
    if (msg.type === 'recheck') {
      // Network round trips: not in the event queue, answered on the asking port.
      recheck(msg.exchange, msg.credentials, msg.includeActual).then(
        (exchange) => port.postMessage({ type: 'recheck-result', tabId, requestId: msg.requestId, exchange } satisfies ToPanel),
        (e: unknown) => port.postMessage({ type: 'recheck-result', tabId, requestId: msg.requestId, error: e instanceof Error ? e.message : String(e) } satisfies ToPanel),
      );
      return;
    }
    onMessage(msg);
  });
});

function onMessage(msg: Exclude<ToWorker, { type: 'recheck' }>): void {
  enqueue(() => {
    switch (msg.type) {
      case 'hello':
        return;
      case 'clear':
        return clearTab(msg.tabId, 'user');
      case 'set-preserve-log':
        storeFor(msg.tabId).setPreserveLog(msg.value);
        markDirty(msg.tabId);
        return;
      case 'har-entries': {
        const store = storeFor(msg.tabId);
        if (mergeHarEntries(store, msg.entries, msg.pageUrl)) markDirty(msg.tabId);
        return;
      }
    }
  });
}
