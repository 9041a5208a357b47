/**
 * Merges what DevTools itself knows (chrome.devtools.network.getHAR / onRequestFinished entries)
 * into a tab's store. PROVISIONAL no-op until the HAR importer (src/har) lands: see issue 4.
 */
import type { HarEntryJson } from '../messaging/protocol';
import type { TabStore } from './tab-store';

export function mergeHarEntries(_store: TabStore, _entries: HarEntryJson[], _pageUrl?: string): boolean {
  return false;
}
