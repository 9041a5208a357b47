/**
 * Navigation into the Learn tab from anywhere in the panel: a Learn step ("Explain like I'm new"
 * links), the simulator seeded with a captured exchange ("Open in simulator"), the first-run tour.
 * The state lives at the App level so the simulator keeps its edits while the user goes back to the
 * request list to compare.
 */
import { createContext } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { CredentialsMode, Exchange } from '../../model';
import type { PrefStore } from '../lib/prefs';
import { fromExchange, type SimState } from './simulator/state';
import { DEFAULT_PRESET } from './simulator/presets';
import { FIRST_STEP, isStepId, type StepId } from './steps/ids';
import { TOUR_STEPS, type TourStepId } from './tour-steps';

export type LearnSection = 'walkthrough' | 'simulator';

export interface LearnNav {
  section: LearnSection;
  step: StepId;
  sim: SimState;
  /** The Learn tab, walk-through, at this step. */
  openStep(step: StepId): void;
  /** The Learn tab, simulator; with an exchange, start from it (its credentials mode made explicit). */
  openSimulator(exchange?: Exchange, credentials?: CredentialsMode): void;
  showSection(section: LearnSection): void;
  setStep(step: StepId): void;
  setSim(next: SimState): void;
  /** Shows the first-run tour again (from the Learn tab). */
  startTour(): void;
}

const noop = () => undefined;

export const LearnNavContext = createContext<LearnNav>({
  section: 'walkthrough',
  step: FIRST_STEP,
  sim: DEFAULT_PRESET.state,
  openStep: noop,
  openSimulator: noop,
  showSection: noop,
  setStep: noop,
  setSim: noop,
  startTour: noop,
});

export const TOUR_PREF = 'tour';
const STEP_PREF = 'learn.step';

export interface TourControl {
  /** The tour step on screen, null when the tour is not showing. */
  step: TourStepId | null;
  index: number;
  next(): void;
  back(): void;
  dismiss(): void;
}

/**
 * The Learn navigation state plus the first-run tour. `tour` says whether this panel may show the
 * tour at all (the App shows it for a live capture, tests ask for it explicitly); once dismissed or
 * finished it is remembered in prefs and never shown again unless the user asks.
 */
export function useLearnNav({ openLearnView, openRequestsView, prefs, tour }: {
  openLearnView: () => void;
  openRequestsView: () => void;
  prefs: PrefStore;
  tour: boolean;
}): { nav: LearnNav; tour: TourControl } {
  const [section, setSection] = useState<LearnSection>('walkthrough');
  const [step, setStepState] = useState<StepId>(() => {
    const saved = prefs.get(STEP_PREF);
    return isStepId(saved) ? saved : FIRST_STEP;
  });
  const [sim, setSim] = useState<SimState>(() => DEFAULT_PRESET.state);
  const [tourIndex, setTourIndex] = useState<number | null>(() => (tour && prefs.get(TOUR_PREF) !== 'done' ? 0 : null));

  const setStep = useCallback((s: StepId) => { setStepState(s); prefs.set(STEP_PREF, s); }, [prefs]);

  const nav = useMemo<LearnNav>(() => ({
    section,
    step,
    sim,
    openStep: (s) => { setStep(s); setSection('walkthrough'); openLearnView(); },
    openSimulator: (exchange, credentials) => {
      if (exchange) setSim(fromExchange(exchange, credentials));
      setSection('simulator');
      openLearnView();
    },
    showSection: setSection,
    setStep,
    setSim,
    startTour: () => { setTourIndex(0); openRequestsView(); },
  }), [section, step, sim, setStep, openLearnView, openRequestsView]);

  const finish = useCallback(() => { setTourIndex(null); prefs.set(TOUR_PREF, 'done'); }, [prefs]);
  const tourControl = useMemo<TourControl>(() => ({
    step: tourIndex === null ? null : TOUR_STEPS[tourIndex]?.id ?? null,
    index: tourIndex ?? 0,
    next: () => {
      if (tourIndex === null) return;
      if (tourIndex + 1 >= TOUR_STEPS.length) finish();
      else setTourIndex(tourIndex + 1);
    },
    back: () => { if (tourIndex !== null && tourIndex > 0) setTourIndex(tourIndex - 1); },
    dismiss: finish,
  }), [tourIndex, finish]);

  return { nav, tour: tourControl };
}
