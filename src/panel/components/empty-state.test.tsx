// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { StaticSource } from '../data/static-source';
import { fixtureDiagnose, manyExchanges, sampleSet } from '../fixtures/sample';
import { memoryPrefs } from '../lib/prefs';
import { StoreContext } from '../state/use-store';
import { PanelStore, type IdleScheduler } from '../state/store';
import { TID } from '../testids';
import { NoMatches } from './empty-state';

afterEach(() => cleanup());

describe('NoMatches', () => {
  it('says "filtering" while a filter is still decided in the background, and "no match" only once it is', () => {
    const samples = sampleSet();
    const slices: ((timeLeft: () => number) => void)[] = [];
    const idle: IdleScheduler = (work) => { slices.push(work); return () => undefined; };
    let t = 0;
    const store = new PanelStore({ diagnose: fixtureDiagnose(samples), prefs: memoryPrefs(), idle, now: () => (t += 1) });
    store.attach(new StaticSource(manyExchanges(samples, 400)));
    store.setFilters({ text: 'no-row-has-this' });
    render(<StoreContext.Provider value={store}><NoMatches /></StoreContext.Provider>);
    expect(screen.getByTestId(TID.filtering).textContent).toMatch(/^Filtering… \d+ of 400 requests analysed so far\.$/);
    expect(screen.queryByTestId(TID.noMatches)).toBeNull();
    act(() => { for (let guard = 0; slices.length && guard < 10_000; guard++) slices.shift()!(() => 10); });
    expect(screen.queryByTestId(TID.filtering)).toBeNull();
    expect(screen.getByTestId(TID.noMatches).textContent).toContain('No request matches the filters (400 hidden).');
  });
});
