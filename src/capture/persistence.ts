/**
 * Persists each inspected tab's store in chrome.storage.session, incrementally: one key per exchange
 * (`x:<tab>:<id>`) plus one small meta key per tab (`tab:<tab>`), so a burst of requests rewrites only
 * what changed. Session storage survives a stopped MV3 worker, and is gone when the browser closes.
 */
import browser from 'webextension-polyfill';
import type { Exchange } from '../model';
import type { GroupingState } from './grouping';
import { emptyTab, type TabState, type TabStore } from './tab-store';

const INSPECTED_KEY = 'inspected';
const metaKey = (tabId: number) => `tab:${tabId}`;
const exchangeKey = (tabId: number, id: string) => `x:${tabId}:${id}`;

interface TabMeta {
  order: string[];
  dropped: number;
  preserveLog: boolean;
  grouping: GroupingState;
  harKeys: Record<string, string>;
  clearedAt?: number;
}

export async function loadAll(): Promise<{ inspected: number[]; tabs: TabState[] }> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  const tabs = new Map<number, TabState>();
  for (const [key, value] of Object.entries(all)) {
    const meta = /^tab:(\d+)$/.exec(key);
    if (meta) {
      const tabId = Number(meta[1]);
      const m = value as TabMeta;
      const t = tabs.get(tabId) ?? emptyTab(tabId);
      Object.assign(t, { order: m.order, dropped: m.dropped, preserveLog: m.preserveLog, grouping: m.grouping, harKeys: m.harKeys ?? {}, ...(m.clearedAt ? { clearedAt: m.clearedAt } : {}) });
      tabs.set(tabId, t);
      continue;
    }
    const x = /^x:(\d+):(.+)$/.exec(key);
    if (x) {
      const tabId = Number(x[1]);
      const t = tabs.get(tabId) ?? emptyTab(tabId);
      t.exchanges[x[2] as string] = value as Exchange;
      tabs.set(tabId, t);
    }
  }
  const inspected = Array.isArray(all[INSPECTED_KEY]) ? (all[INSPECTED_KEY] as number[]) : [];
  // An id in `order` whose exchange key is missing (a write cut short) is dropped rather than shown empty.
  for (const t of tabs.values()) t.order = t.order.filter((id) => t.exchanges[id]);
  return { inspected, tabs: [...tabs.values()] };
}

export async function saveInspected(tabIds: Iterable<number>): Promise<void> {
  await browser.storage.session.set({ [INSPECTED_KEY]: [...tabIds] });
}

/** Writes what changed in `store` since its last flush. */
export async function flushTab(store: TabStore, removed: string[]): Promise<void> {
  const s = store.state;
  const items: Record<string, unknown> = {};
  for (const id of store.changes.changed) {
    const x = s.exchanges[id];
    if (x) items[exchangeKey(s.tabId, id)] = x;
  }
  const meta: TabMeta = { order: s.order, dropped: s.dropped, preserveLog: s.preserveLog, grouping: s.grouping, harKeys: s.harKeys, ...(s.clearedAt ? { clearedAt: s.clearedAt } : {}) };
  items[metaKey(s.tabId)] = meta;
  await browser.storage.session.set(items);
  if (removed.length) await browser.storage.session.remove(removed.map((id) => exchangeKey(s.tabId, id)));
}

export async function forgetTab(tabId: number, ids: string[]): Promise<void> {
  await browser.storage.session.remove([metaKey(tabId), ...ids.map((id) => exchangeKey(tabId, id))]);
}
