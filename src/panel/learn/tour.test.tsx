// @vitest-environment happy-dom
/** The first-run tour: shown once, remembered, never in the way of the keyboard or the list. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../app';
import type { DataSource } from '../data/source';
import { StaticSource } from '../data/static-source';
import { fixtureDiagnose, sampleSet } from '../fixtures/sample';
import { memoryPrefs, type PrefStore } from '../lib/prefs';
import { TID } from '../testids';
import { TOUR_PREF } from './nav';
import { TOUR_STEPS } from './tour-steps';

afterEach(() => cleanup());

const samples = sampleSet();
const diagnose = fixtureDiagnose(samples);

/** A live-looking source with the sample data (the tour's default audience is the live capture). */
function liveSource(): DataSource {
  const inner = new StaticSource(samples.map((s) => s.exchange), 'live');
  return { kind: 'live', label: 'Live capture', subscribe: (l) => inner.subscribe(l), clear: () => inner.clear(), setPreserveLog: () => undefined };
}

function setup(opts: { prefs?: PrefStore; tour?: boolean; source?: DataSource } = {}) {
  const prefs = opts.prefs ?? memoryPrefs();
  const source = opts.source ?? new StaticSource(samples.map((s) => s.exchange), 'test');
  render(<App source={source} diagnose={diagnose} services={{ prefs }} {...(opts.tour !== undefined ? { tour: opts.tour } : {})} />);
  return prefs;
}

const tour = () => screen.queryByTestId(TID.tour);
const app = () => screen.getByTestId(TID.app);
const click = (id: string) => act(() => { fireEvent.click(screen.getByTestId(id)); });

describe('the first-run tour', () => {
  it('is not shown in tests or previews unless asked, and shows on a live capture', () => {
    setup();
    expect(tour()).toBeNull();
    cleanup();
    setup({ source: liveSource() });
    expect(tour()).not.toBeNull();
  });

  it('walks through its tips, pointing at each part, and shows only once', () => {
    const prefs = setup({ tour: true });
    expect(tour()!.dataset.step).toBe('toolbar');
    expect(app().dataset.tourStep).toBe('toolbar');
    const seen = [tour()!.dataset.step];
    for (let i = 1; i < TOUR_STEPS.length; i++) {
      click(TID.tourNext);
      seen.push(tour()!.dataset.step);
      expect(app().dataset.tourStep).toBe(tour()!.dataset.step);
    }
    expect(seen).toEqual(TOUR_STEPS.map((s) => s.id));
    click(TID.tourBack);
    expect(tour()!.dataset.step).toBe(TOUR_STEPS.at(-2)!.id);
    click(TID.tourNext);
    expect(screen.getByTestId(TID.tourNext).textContent).toBe('Done');
    click(TID.tourNext);
    expect(tour()).toBeNull();
    expect(app().dataset.tourStep).toBeUndefined();
    expect(prefs.get(TOUR_PREF)).toBe('done');

    cleanup();
    setup({ prefs, tour: true });
    expect(tour()).toBeNull();
  });

  it('is dismissed by its close button or Escape, and remembered', () => {
    const prefs = setup({ tour: true });
    click(TID.tourDismiss);
    expect(tour()).toBeNull();
    expect(prefs.get(TOUR_PREF)).toBe('done');

    cleanup();
    const fresh = setup({ tour: true });
    act(() => { fireEvent.keyDown(screen.getByTestId(TID.tourNext), { key: 'Escape' }); });
    expect(tour()).toBeNull();
    expect(fresh.get(TOUR_PREF)).toBe('done');
  });

  it('never takes focus, covers no row, and leaves the keyboard to the list', () => {
    setup({ tour: true });
    expect(tour()).not.toBeNull();
    expect(document.activeElement).toBe(document.body);
    // It is a strip in the layout above the list, not an overlay inside it.
    const list = screen.getByTestId(TID.list);
    expect(list.contains(tour())).toBe(false);
    expect(tour()!.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const grid = screen.getByTestId(TID.list);
    grid.focus();
    act(() => { fireEvent.keyDown(grid, { key: 'ArrowDown' }); });
    const selected = screen.getAllByTestId(TID.row).find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected?.dataset.exchangeId).toBe(samples[0]!.exchange.id);
    expect(tour()).not.toBeNull();
  });

  it('can be shown again from the Learn tab', () => {
    const prefs = setup({ tour: true });
    click(TID.tourDismiss);
    click(TID.tabLearn);
    click(TID.learnTour);
    expect(app().dataset.view).toBe('requests');
    expect(tour()!.dataset.step).toBe('toolbar');
    click(TID.tourDismiss);
    expect(prefs.get(TOUR_PREF)).toBe('done');
  });
});
