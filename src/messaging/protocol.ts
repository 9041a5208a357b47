/**
 * Every message between the background worker, the devtools page and the panel, typed in one place.
 *
 * Transport: long-lived `chrome.runtime.connect` ports. A port's name says who is talking and for
 * which inspected tab, so the worker can scope everything per tab. Ports also tell the worker when
 * DevTools closes (disconnect) and tell the panel when the worker restarts (disconnect → reconnect).
 */
import type { CredentialsMode, Exchange } from '../model';

export const PORT_PREFIX = 'cors-lens';
export type PortRole = 'devtools' | 'panel';

export function portName(role: PortRole, tabId: number): string {
  return `${PORT_PREFIX}:${role}:${tabId}`;
}

export function parsePortName(name: string): { role: PortRole; tabId: number } | null {
  const m = /^cors-lens:(devtools|panel):(\d+)$/.exec(name);
  if (!m) return null;
  return { role: m[1] as PortRole, tabId: Number(m[2]) };
}

/** A HAR entry as handed to the devtools page by chrome.devtools.network (kept loose: it is foreign data). */
export type HarEntryJson = Record<string, unknown>;

/** devtools page / panel → worker */
export type ToWorker =
  | { type: 'hello'; tabId: number }
  /** Entries DevTools knew (getHAR on open, then onRequestFinished), merged into the tab's store. */
  | { type: 'har-entries'; tabId: number; entries: HarEntryJson[]; pageUrl?: string }
  | { type: 'clear'; tabId: number }
  /**
   * Re-check: send a fresh preflight (and optionally the actual request) for this exchange, as the page
   * would, past every cache. Needs the optional declarativeNetRequestWithHostAccess permission.
   */
  | { type: 'recheck'; tabId: number; requestId: string; exchange: Exchange; credentials: CredentialsMode; includeActual: boolean }
  | { type: 'set-preserve-log'; tabId: number; value: boolean };

/** worker → panel */
export type ToPanel =
  /** Full state, sent on connect (and after a worker restart the panel reconnects and gets it again). */
  | { type: 'snapshot'; tabId: number; exchanges: Exchange[]; dropped: number; preserveLog: boolean }
  /** New or updated exchanges (same id replaces), streamed as capture progresses; `removed` ids leave the list (dropped by the bound, or not CORS after all). */
  | { type: 'upsert'; tabId: number; exchanges: Exchange[]; removed?: string[]; dropped: number }
  | { type: 'cleared'; tabId: number; reason: 'navigation' | 'user' }
  /** The answer to a re-check: a new exchange (source 'probe') to diagnose, or why it could not be sent. */
  | { type: 'recheck-result'; tabId: number; requestId: string; exchange?: Exchange; error?: string };

export function isToWorker(value: unknown): value is ToWorker {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
    && typeof (value as { tabId?: unknown }).tabId === 'number';
}

export function isToPanel(value: unknown): value is ToPanel {
  return isToWorker(value);
}
