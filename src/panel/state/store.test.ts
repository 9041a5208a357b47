import { describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../model';
import { StaticSource } from '../data/static-source';
import { fixtureDiagnose, manyExchanges, sampleSet } from '../fixtures/sample';
import { memoryPrefs } from '../lib/prefs';
import { defaultIdle, PanelStore, type IdleScheduler } from './store';

const samples = sampleSet();
const ex = (id: string, startedAt: number, base = samples[0]!.exchange): Exchange => ({ ...base, id, startedAt });

/** A clock that stands still: the synchronous filtering budget never runs out (deterministic tests). */
const frozen = () => 0;

function storeWith(exchanges: Exchange[], diagnose = fixtureDiagnose(samples, () => samples[1]!.diagnosis), idle: IdleScheduler | null = null, now: () => number = frozen) {
  const source = new StaticSource(exchanges);
  const store = new PanelStore({ diagnose, prefs: memoryPrefs(), idle, now });
  store.attach(source);
  return { store, source };
}

describe('PanelStore', () => {
  it('keeps exchanges in time order, arrival order breaking ties, whatever order they come in', () => {
    const { store, source } = storeWith([ex('c', 30), ex('a', 10)]);
    source.push([ex('b', 20), ex('d', 30), ex('e', 5)]);
    expect(store.visibleIds()).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('an upsert with a known id replaces the exchange (and moves it if its time changed)', () => {
    const { store, source } = storeWith([ex('a', 10), ex('b', 20)]);
    const updated = { ...ex('a', 10), observed: { failed: false } };
    source.push([updated]);
    expect(store.total).toBe(2);
    expect(store.exchange('a')).toBe(updated);
    source.push([ex('a', 30)]);
    expect(store.visibleIds()).toEqual(['b', 'a']);
  });

  it('diagnoses lazily, once per exchange object', () => {
    const diagnose = vi.fn(fixtureDiagnose(samples, () => samples[1]!.diagnosis));
    const { store, source } = storeWith(samples.map((s) => s.exchange), diagnose);
    expect(diagnose).not.toHaveBeenCalled(); // no filter: the list does not need diagnoses
    const first = store.exchange('rest-403')!;
    store.diagnosis(first);
    store.diagnosis(first);
    store.row(first);
    expect(diagnose).toHaveBeenCalledTimes(1);
    source.push([{ ...first }]); // new object, same id: a new diagnosis
    store.diagnosis(store.exchange('rest-403')!);
    expect(diagnose).toHaveBeenCalledTimes(2);
  });

  it('removed ids leave the list (and the selection, if it was one of them)', () => {
    const { store } = storeWith([ex('a', 10), ex('b', 20), ex('c', 30)]);
    store.select('b');
    store.apply({ type: 'upsert', exchanges: [ex('d', 40)], removed: ['b', 'nope'], dropped: 1 });
    expect(store.visibleIds()).toEqual(['a', 'c', 'd']);
    expect(store.selectedId).toBeNull();
    expect(store.dropped).toBe(1);
  });

  it('explains a cached-preflight exchange with the exchange that made the preflight, and follows its updates', () => {
    const calls: { id: string; related: string[] }[] = [];
    const diagnose = (e: Exchange, o?: { related?: readonly Exchange[] }) => {
      calls.push({ id: e.id, related: (o?.related ?? []).map((r) => r.id) });
      return samples[1]!.diagnosis;
    };
    const origin = ex('pre', 10);
    const cached = { ...ex('cached', 20), preflightFromCache: true, cachedPreflightId: 'pre' };
    const { store, source } = storeWith([origin, cached], diagnose);
    store.diagnosis(store.exchange('cached')!);
    expect(calls).toEqual([{ id: 'cached', related: ['pre'] }]);
    store.diagnosis(store.exchange('cached')!);
    expect(calls).toHaveLength(1);
    source.push([{ ...origin, observed: { failed: false } }]);
    store.diagnosis(store.exchange('cached')!);
    expect(calls).toHaveLength(2);
  });

  it('a snapshot equal to what it holds keeps the old objects (a reconnect redraws nothing)', () => {
    const { store } = storeWith([ex('a', 10), ex('b', 20)]);
    const before = store.exchange('a');
    store.apply({ type: 'snapshot', exchanges: JSON.parse(JSON.stringify([ex('a', 10), ex('b', 20), ex('c', 30)])) as Exchange[], dropped: 0 });
    expect(store.exchange('a')).toBe(before);
    expect(store.visibleIds()).toEqual(['a', 'b', 'c']);
  });

  it('keeps the selection across a snapshot that still has it, and drops it when it is gone', () => {
    const { store } = storeWith([ex('a', 10), ex('b', 20)]);
    store.select('b');
    store.apply({ type: 'snapshot', exchanges: [ex('a', 10), ex('b', 20), ex('c', 5)], dropped: 0 });
    expect(store.selectedId).toBe('b');
    store.apply({ type: 'snapshot', exchanges: [ex('c', 5)], dropped: 0 });
    expect(store.selectedId).toBeNull();
  });

  it('clear empties the list at once and asks the source to forget', () => {
    const { store, source } = storeWith([ex('a', 10)]);
    const clear = vi.spyOn(source, 'clear');
    store.select('a');
    store.clear();
    expect(store.total).toBe(0);
    expect(store.selectedId).toBeNull();
    expect(clear).toHaveBeenCalledOnce();
  });

  it('skips wire entries that cannot be shown, and fills missing optional parts', () => {
    const { store } = storeWith([]);
    const partial = { id: 'p', request: { method: 'GET', url: 'https://x.test/', headers: [] } };
    store.apply({ type: 'upsert', exchanges: [null, { id: 5 }, partial] as unknown as Exchange[], dropped: 0 });
    expect(store.visibleIds()).toEqual(['p']);
    expect(store.exchange('p')).toMatchObject({ redirects: [], observed: {}, pageOrigin: '', startedAt: 0 });
  });

  it('an engine that throws gives a diagnosis that says so instead of breaking the panel', () => {
    const { store } = storeWith([ex('a', 10)], () => { throw new Error('boom'); });
    const d = store.diagnosis(store.exchange('a')!);
    expect(d.summary).toMatch(/could not analyse/i);
    expect(d.findings[0]?.explanation).toContain('boom');
  });

  it('remembers the scope and platform filters in prefs', () => {
    const prefs = memoryPrefs();
    const store = new PanelStore({ prefs, diagnose: fixtureDiagnose(samples) });
    store.setFilters({ scope: 'blocked', platform: 'aws-s3' });
    const again = new PanelStore({ prefs, diagnose: fixtureDiagnose(samples) });
    expect(again.filters).toMatchObject({ scope: 'blocked', platform: 'aws-s3', text: '' });
  });

  it('diagnoses in the background, a slice at a time, and counts what it has diagnosed', () => {
    const slices: ((timeLeft: () => number) => void)[] = [];
    const idle: IdleScheduler = (work) => { slices.push(work); return () => undefined; };
    const diagnose = vi.fn(fixtureDiagnose(samples));
    const { store } = storeWith(samples.map((s) => s.exchange), diagnose, idle);
    const notified = vi.fn();
    store.subscribe(notified);
    expect(store.counts()).toMatchObject({ total: samples.length, analysed: 0, blocked: 0 });
    // Each slice works while it has time left: give the first one time for 3 exchanges.
    let budget = 3;
    slices.shift()!(() => (budget-- > 0 ? 10 : 0));
    expect(diagnose).toHaveBeenCalledTimes(3);
    expect(store.counts().analysed).toBe(3);
    while (slices.length) slices.shift()!(() => 10);
    expect(store.counts()).toEqual({
      total: samples.length, visible: samples.length, analysed: samples.length,
      blocked: samples.filter((s) => s.diagnosis.verdict.blocked).length, warnings: 1,
    });
    expect(diagnose).toHaveBeenCalledTimes(samples.length); // each once: the memo holds
    expect(notified).toHaveBeenCalled();
  });

  it('asks for urgent slices while a filtered list waits for the analysis, idle time otherwise', () => {
    const asked: boolean[] = [];
    const cancelled: number[] = [];
    const slices: ((timeLeft: () => number) => void)[] = [];
    const idle: IdleScheduler = (work, urgent = false) => {
      const n = asked.push(urgent) - 1;
      slices.push(work);
      return () => cancelled.push(n);
    };
    const { store } = storeWith(manyExchanges(samples, 300), fixtureDiagnose(samples), idle, () => 0);
    expect(store.counts().total).toBe(300);
    expect(asked).toEqual([false]);
    // A budget that runs out at once: the list is left pending, and the idle-time slice is replaced.
    let t = 0;
    const clock = () => (t += 100);
    const pending = new PanelStore({ diagnose: fixtureDiagnose(samples), prefs: memoryPrefs(), idle, now: clock });
    pending.attach(new StaticSource(manyExchanges(samples, 300)));
    pending.setFilters({ text: 'no such text anywhere' });
    expect(pending.visibleIds()).toEqual([]);
    expect(pending.filterPending).toBe(true);
    expect(asked.slice(-2)).toEqual([false, true]);
    expect(cancelled).toContain(asked.length - 2);
    // Each later slice stays urgent until the list is complete.
    slices.at(-1)!(() => 0.5);
    expect(asked.at(-1)).toBe(true);
  });

  it('defaultIdle: a callback fired by its timeout still gets a slice of work (no idle time is ever given to some pages)', () => {
    const g = globalThis as unknown as { requestIdleCallback?: unknown; cancelIdleCallback?: unknown };
    const saved = { r: g.requestIdleCallback, c: g.cancelIdleCallback };
    g.requestIdleCallback = (cb: (d: { didTimeout: boolean; timeRemaining: () => number }) => void) => { cb({ didTimeout: true, timeRemaining: () => 0 }); return 1; };
    g.cancelIdleCallback = () => undefined;
    try {
      let left = -1;
      defaultIdle((timeLeft) => { left = timeLeft(); });
      expect(left).toBeGreaterThan(5);
    } finally {
      g.requestIdleCallback = saved.r;
      g.cancelIdleCallback = saved.c;
    }
  });

  describe('a filter typed before the background analysis has finished', () => {
    const many = manyExchanges(samples, 600);
    function pendingStore(now: () => number = frozen) {
      const slices: ((timeLeft: () => number) => void)[] = [];
      const idle: IdleScheduler = (work) => { slices.push(work); return () => undefined; };
      const diagnose = vi.fn(fixtureDiagnose(samples));
      const { store } = storeWith(many, diagnose, idle, now);
      return { store, diagnose, slices };
    }
    /** The list a store without background analysis computes at once. */
    const exact = (text: string, scope: 'all' | 'blocked' = 'all') => {
      const { store } = storeWith(many, fixtureDiagnose(samples));
      store.setFilters({ text, scope });
      return store.visibleIds();
    };

    it('decides from the exchange alone where it can, without diagnosing', () => {
      const { store, diagnose } = pendingStore();
      store.setFilters({ text: 'execute-api method:put' });
      expect(store.visibleIds()).toEqual(exact('execute-api method:put'));
      expect(store.visibleIds().length).toBeGreaterThan(0);
      expect(store.filterPending).toBe(false);
      expect(diagnose).not.toHaveBeenCalled();
    });

    it('lists a screenful at once, then grows only at its end as diagnoses arrive, to the exact result', () => {
      const { store, diagnose, slices } = pendingStore();
      const notified = vi.fn();
      store.subscribe(notified);
      store.setFilters({ text: 'allowed' }); // only the diagnosis' summary says so
      const final = exact('allowed');
      let shown = store.visibleIds();
      expect(shown.length).toBeGreaterThanOrEqual(100);
      expect(shown.length).toBeLessThan(final.length);
      expect(store.filterPending).toBe(true);
      expect(diagnose.mock.calls.length).toBeLessThan(many.length);
      expect(final.slice(0, shown.length)).toEqual(shown);
      let budget = 0;
      for (let guard = 0; slices.length && guard < 10_000; guard++) {
        budget = 25;
        slices.shift()!(() => (budget-- > 0 ? 10 : 0));
        const now = store.visibleIds();
        expect(now.slice(0, shown.length)).toEqual(shown); // never a row removed or inserted above
        expect(final.slice(0, now.length)).toEqual(now); // never a row that does not match
        shown = now;
      }
      expect(shown).toEqual(final);
      expect(store.filterPending).toBe(false);
      expect(store.visibleIndex(final[final.length - 1]!)).toBe(final.length - 1);
      expect(notified).toHaveBeenCalled();
      expect(diagnose).toHaveBeenCalledTimes(many.length); // each exchange once
    });

    it('never lists nothing while a match may still come: a filter matching nothing, or little, is decided at once', () => {
      const { store } = pendingStore();
      store.setFilters({ text: 'no-row-has-this' });
      expect(store.visibleIds()).toEqual([]);
      expect(store.filterPending).toBe(false);
      store.setFilters({ text: 'DELETE not in', scope: 'blocked' }); // fewer matches than a screenful
      expect(store.visibleIds()).toEqual(exact('DELETE not in', 'blocked'));
      expect(store.visibleIds().length).toBeGreaterThan(0);
      expect(store.filterPending).toBe(false);
    });

    it('completes the list on demand for "export all listed": every match, in list order', () => {
      const { store } = pendingStore();
      store.setFilters({ text: 'allowed' });
      const shown = store.visibleIds();
      expect(store.filterPending).toBe(true);
      const all = store.completeVisibleIds();
      expect(all).toEqual(exact('allowed'));
      expect(all.length).toBeGreaterThan(shown.length);
      expect(all.slice(0, shown.length)).toEqual(shown);
      expect(store.filterPending).toBe(false);
      expect(store.visibleIds()).toEqual(all);
    });

    it('stops diagnosing after its time budget: a filter matching nothing says "filtering", then completes in the background', () => {
      let t = 0;
      const { store, diagnose, slices } = pendingStore(() => (t += 1)); // every reading of the clock: 1 ms later
      store.setFilters({ text: 'no-row-has-this' });
      expect(store.visibleIds()).toEqual([]);
      expect(store.filterPending).toBe(true); // not "no match" yet
      const synchronously = diagnose.mock.calls.length;
      expect(synchronously).toBeGreaterThan(0);
      expect(synchronously).toBeLessThan(100); // ~50 ms of a 1-ms-per-diagnosis clock, not all 600
      for (let guard = 0; slices.length && guard < 10_000; guard++) slices.shift()!(() => 10);
      expect(store.visibleIds()).toEqual([]);
      expect(store.filterPending).toBe(false);
      expect(diagnose).toHaveBeenCalledTimes(many.length);
    });

    it('starts over when the data changes while the list is still growing', () => {
      const { store, slices } = pendingStore();
      store.setFilters({ text: 'allowed' });
      expect(store.filterPending).toBe(true);
      store.apply({ type: 'upsert', exchanges: [{ ...many[0]!, id: 'late', startedAt: 0 }], dropped: 0 });
      for (let guard = 0; slices.length && guard < 10_000; guard++) slices.shift()!(() => 10);
      const { store: full } = storeWith([...many, { ...many[0]!, id: 'late', startedAt: 0 }], fixtureDiagnose(samples, () => samples[0]!.diagnosis));
      full.setFilters({ text: 'allowed' });
      expect(store.visibleIds()).toEqual(full.visibleIds());
      expect(store.filterPending).toBe(false);
    });
  });
});

