import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportHar, importHarEntries } from '../har';
import type { HarEntryJson } from '../messaging/protocol';
import { buildExchange } from '../rules/cors/test-support';
import type { Exchange } from '../model';
import { mergeHarEntries } from './har-merge';
import { TabStore, emptyTab } from './tab-store';

// A real HAR from chrome.devtools.network.getHAR() in Chromium 156 (recorded by test/fixtures/har/record.ts).
const har = JSON.parse(readFileSync(new URL('../../test/fixtures/har/chrome-gethar.har', import.meta.url), 'utf8')) as { log: { entries: Record<string, unknown>[]; pages?: Array<{ title: string }> } };
const entries = har.log.entries;
const pageUrl = har.log.pages?.[0]?.title;
const fromHar = importHarEntries(entries, pageUrl ? { pageUrl } : {}).exchanges;

describe('merging DevTools HAR entries into the live store', () => {
  it('adds requests the worker never saw, once, however often DevTools repeats them', () => {
    expect(fromHar.length).toBeGreaterThan(3);
    const store = new TabStore(emptyTab(1));
    expect(mergeHarEntries(store, entries, pageUrl)).toBe(true);
    const finished = fromHar.filter((x) => x.observed.failed !== undefined).length;
    expect(store.visibleExchanges()).toHaveLength(finished);
    expect(mergeHarEntries(store, entries, pageUrl)).toBe(false);
    expect(store.visibleExchanges()).toHaveLength(finished);
  });

  it('keeps out requests DevTools reports after the log was cleared, if they started before', () => {
    const store = new TabStore(emptyTab(1));
    const latest = Math.max(...fromHar.map((x) => x.startedAt));
    store.clear(latest + 1);
    expect(mergeHarEntries(store, entries, pageUrl)).toBe(false);
    store.clear(Math.min(...fromHar.map((x) => x.startedAt)) + 1);
    mergeHarEntries(store, entries, pageUrl);
    expect(store.visibleExchanges().length).toBeGreaterThan(0);
    expect(store.visibleExchanges().length).toBeLessThan(fromHar.length);
  });

  it('waits for the request of a preflight DevTools reported alone, instead of adding a reconstruction', () => {
    const preflightEntries = entries.filter((e) => e._resourceType === 'preflight');
    expect(preflightEntries.length).toBeGreaterThan(0);
    const store = new TabStore(emptyTab(1));
    expect(mergeHarEntries(store, preflightEntries, pageUrl)).toBe(false);
    expect(store.visibleExchanges()).toHaveLength(0);
    mergeHarEntries(store, entries, pageUrl);
    expect(store.visibleExchanges().length).toBe(fromHar.filter((x) => x.observed.failed !== undefined).length);
  });

  it('enriches the live exchange of the same request instead of adding a second one', () => {
    const blocked = fromHar.find((x) => x.preflight && x.request.headers.some((h) => h.value !== ''));
    expect(blocked, 'the fixture has a preflighted request').toBeDefined();
    const target = blocked as Exchange;
    const unsafe = target.preflight?.request.headers.find((h) => h.name.toLowerCase() === 'access-control-request-headers')?.value ?? '';
    // What webRequest alone knows of a request blocked at its preflight: names from the preflight, no values.
    const live: Exchange = {
      ...target,
      id: 'wr-42',
      source: 'live',
      startedAt: target.startedAt + 12,
      request: { ...target.request, headers: unsafe.split(',').filter(Boolean).map((name) => ({ name, value: '' })) },
    };
    const store = new TabStore(emptyTab(1));
    store.put(live, true);
    mergeHarEntries(store, entries, pageUrl);
    const all = store.visibleExchanges();
    expect(all).toHaveLength(fromHar.length);
    const merged = store.get('wr-42');
    expect(merged?.request.headers).toEqual(target.request.headers);
    expect(all.filter((x) => x.request.url === target.request.url && x.request.method === target.request.method && Math.abs(x.startedAt - target.startedAt) < 3000)).toHaveLength(1);
  });

  it('tells apart two requests to one URL moments apart by their preflights, not only by time', () => {
    // A request that needed a preflight which failed, then a simple one to the same URL (the random lab
    // scenarios' setup fetch, then the measured one): DevTools' start time of the first can be closer to
    // the second's live start time than to its own.
    const url = 'https://api.example.net/orders';
    const base = { origin: 'https://app.example.com', url, method: 'POST' };
    const first = buildExchange({
      ...base, id: 'wr-1', headers: { 'X-Api-Key': 'k1' },
      preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': 'https://app.example.com/' } },
      response: null, observed: { failed: true, errorText: 'net::ERR_FAILED' },
    });
    const second = buildExchange({
      ...base, id: 'wr-2', headers: { 'Content-Type': 'text/plain' },
      response: { status: 500, headers: { 'Access-Control-Allow-Origin': 'https://app.example.com, https://app.example.com' } },
      observed: { failed: true, errorText: 'net::ERR_FAILED' },
    });
    const live = [{ ...first, source: 'live' as const, startedAt: 1_000 }, { ...second, source: 'live' as const, startedAt: 1_100 }];
    const devtools = [{ ...first, startedAt: 1_090 }, { ...second, startedAt: 1_102 }];
    const entries = exportHar(devtools, { includeSensitive: true }).log.entries as unknown as HarEntryJson[];
    const store = new TabStore(emptyTab(1));
    for (const x of live) store.put(x, true);
    mergeHarEntries(store, entries);
    expect(store.visibleExchanges()).toHaveLength(2);
    expect(store.get('wr-2')?.preflight).toBeUndefined();
    expect(store.get('wr-1')?.preflight).toBeDefined();
    expect(store.get('wr-1')?.response).toBeUndefined();

    // The same, with the first request's preflight not yet seen by the worker (its events came after the
    // request failed): the second one went out with headers that need no preflight, so it is not the first.
    const early = new TabStore(emptyTab(1));
    const { preflight: _late, ...withoutPreflight } = live[0]!;
    early.put({ ...withoutPreflight, request: { ...first.request, headers: [] } }, true);
    early.put(live[1]!, true);
    mergeHarEntries(early, entries);
    expect(early.visibleExchanges()).toHaveLength(2);
    expect(early.get('wr-2')?.preflight).toBeUndefined();
    expect(early.get('wr-1')?.preflight).toBeDefined();

    // The same, with neither the first one's preflight nor the second one's headers seen yet, and DevTools
    // reporting the first alone: the second started after the first one's preflight, so it is not the first.
    const earlier = new TabStore(emptyTab(1));
    earlier.put({ ...withoutPreflight, request: { ...first.request, headers: [] } }, true);
    earlier.put({ ...live[1]!, request: { ...second.request, headers: [] } }, true);
    const firstAlone = [{ ...devtools[0]!, preflight: { ...first.preflight!, startedAt: 1_091 } }];
    mergeHarEntries(earlier, exportHar(firstAlone, { includeSensitive: true }).log.entries as unknown as HarEntryJson[]);
    expect(earlier.get('wr-2')?.preflight).toBeUndefined();
    expect(earlier.get('wr-1')?.preflight).toBeDefined();
  });
});
