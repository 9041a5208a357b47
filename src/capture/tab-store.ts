/**
 * What the worker knows about one inspected tab: its exchanges in time order (bounded), the grouping
 * state, and the Preserve-log flag. Plain data, persisted in chrome.storage.session by persistence.ts
 * so that a stopped MV3 worker loses nothing. Pure: unit-tested without chrome.*.
 */
import type { Exchange } from '../model';
import { emptyGroupingState, type ExchangeSink, type GroupingState } from './grouping';

export const DEFAULT_LIMIT = 5000;

export interface TabState {
  tabId: number;
  /** Ids of visible (cross-origin) exchanges, oldest first. */
  order: string[];
  exchanges: Record<string, Exchange>;
  dropped: number;
  preserveLog: boolean;
  grouping: GroupingState;
  /** HAR entries from DevTools already merged (request key → exchange id), so repeats are ignored. */
  harKeys: Record<string, string>;
  /** When the log was last cleared (epoch ms): DevTools' HAR may still deliver older requests, which stay out. */
  clearedAt?: number;
}

export function emptyTab(tabId: number, preserveLog = false): TabState {
  return { tabId, order: [], exchanges: {}, dropped: 0, preserveLog, grouping: emptyGroupingState(), harKeys: {} };
}

/** Changes since the last flush: what to persist, what to remove, what to stream to the panel. */
export interface TabChanges {
  changed: Set<string>;
  /** Deleted: gone from storage and from the panel. */
  removed: Set<string>;
  /** Taken out of the list but kept (turned out not to be CORS): gone from the panel only. */
  unlisted: Set<string>;
  metaChanged: boolean;
}

export class TabStore implements ExchangeSink {
  readonly changes: TabChanges = { changed: new Set(), removed: new Set(), unlisted: new Set(), metaChanged: false };
  private visible: Set<string>;

  constructor(
    public state: TabState,
    private limit = DEFAULT_LIMIT,
  ) {
    this.visible = new Set(state.order);
  }

  get(id: string): Exchange | undefined {
    return this.state.exchanges[id];
  }

  put(exchange: Exchange, visible: boolean): void {
    const s = this.state;
    s.exchanges[exchange.id] = exchange;
    this.changes.changed.add(exchange.id);
    if (visible && !this.visible.has(exchange.id)) {
      this.visible.add(exchange.id);
      s.order.push(exchange.id);
      this.changes.metaChanged = true;
      this.enforceLimit();
    }
  }

  hide(id: string): void {
    if (!this.visible.delete(id)) return;
    this.state.order = this.state.order.filter((x) => x !== id);
    this.changes.unlisted.add(id);
    this.changes.metaChanged = true;
  }

  isVisible(id: string): boolean {
    return this.visible.has(id);
  }

  private enforceLimit(): void {
    const s = this.state;
    while (s.order.length > this.limit) {
      const oldest = s.order.shift();
      if (oldest === undefined) break;
      this.remove(oldest);
      s.dropped++;
    }
  }

  private remove(id: string): void {
    this.visible.delete(id);
    delete this.state.exchanges[id];
    this.changes.changed.delete(id);
    this.changes.removed.add(id);
  }

  /** Drops hidden exchanges that no in-flight request refers to (same-origin requests that finished). */
  sweepHidden(): void {
    const live = new Set(Object.values(this.state.grouping.requests).map((r) => r.exchangeId));
    for (const id of Object.keys(this.state.exchanges)) {
      if (!this.visible.has(id) && !live.has(id)) this.remove(id);
    }
  }

  clear(now = Date.now()): void {
    this.state.clearedAt = now;
    for (const id of Object.keys(this.state.exchanges)) this.remove(id);
    this.state.order = [];
    this.state.dropped = 0;
    this.state.grouping = emptyGroupingState();
    this.state.harKeys = {};
    this.visible.clear();
    this.changes.metaChanged = true;
  }

  setPreserveLog(value: boolean): void {
    this.state.preserveLog = value;
    this.changes.metaChanged = true;
  }

  /** Visible exchanges changed since the last call, in time order; resets the change set. */
  takeChanges(): { upserts: Exchange[]; removed: string[]; unlisted: string[]; metaChanged: boolean } {
    const upserts = this.state.order.filter((id) => this.changes.changed.has(id)).map((id) => this.state.exchanges[id]).filter((x): x is Exchange => !!x);
    const unlisted = [...this.changes.removed, ...this.changes.unlisted].filter((id) => !this.visible.has(id));
    return { upserts, removed: [...this.changes.removed], unlisted, metaChanged: this.changes.metaChanged };
  }

  resetChanges(): void {
    this.changes.changed.clear();
    this.changes.removed.clear();
    this.changes.unlisted.clear();
    this.changes.metaChanged = false;
  }

  visibleExchanges(): Exchange[] {
    return this.state.order.map((id) => this.state.exchanges[id]).filter((x): x is Exchange => !!x);
  }
}
