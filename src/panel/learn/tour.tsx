/**
 * The first-run tour: a one-line tip strip under the view tabs (an infobar, as DevTools shows its
 * own), pointing at one part of the panel at a time. It never overlays the list, never takes focus,
 * and Escape inside it dismisses it; dismissing or finishing is remembered (see useLearnNav).
 */
import { CloseIcon, LearnIcon } from '../components/icons';
import { TID } from '../testids';
import type { TourControl } from './nav';
import { TOUR_STEPS } from './tour-steps';

export function Tour({ tour }: { tour: TourControl }) {
  const step = TOUR_STEPS[tour.index];
  if (tour.step === null || !step) return null;
  const last = tour.index === TOUR_STEPS.length - 1;
  return (
    <div class="cl-tour" role="region" aria-label="Panel tour" data-testid={TID.tour} data-step={step.id}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); tour.dismiss(); } }}>
      <LearnIcon size={14} />
      <span class="cl-tour-count">Tip {tour.index + 1} of {TOUR_STEPS.length}</span>
      <span class="cl-tour-text"><strong>{step.title}.</strong> {step.text}</span>
      <span class="cl-tour-actions">
        {tour.index > 0 ? (
          <button type="button" class="cl-button is-small" data-testid={TID.tourBack} onClick={tour.back}>Back</button>
        ) : null}
        <button type="button" class="cl-button is-small is-primary" data-testid={TID.tourNext} onClick={tour.next}>
          {last ? 'Done' : 'Next'}
        </button>
        <button type="button" class="cl-icon-button" aria-label="Close the tour" title="Close the tour (it will not show again)"
          data-testid={TID.tourDismiss} onClick={tour.dismiss}>
          <CloseIcon size={12} />
        </button>
      </span>
    </div>
  );
}
