/**
 * The Learn tab: the walk-through of how CORS works (each step with a live example judged by the
 * rules module) and the simulator. Its state lives in LearnNavContext (src/panel/learn/nav.ts), so
 * "Explain like I'm new" and "Open in simulator" can open it at the right place.
 */
import { useContext } from 'preact/hooks';
import { LearnNavContext, type LearnSection } from '../learn/nav';
import { Simulator } from '../learn/simulator/simulator';
import { Walkthrough } from '../learn/walkthrough';
import { TID } from '../testids';

const SECTIONS: { id: LearnSection; label: string; testId: string }[] = [
  { id: 'walkthrough', label: 'How CORS works', testId: TID.learnTabWalkthrough },
  { id: 'simulator', label: 'Simulator', testId: TID.learnTabSimulator },
];

export function LearnView({ onBack }: { onBack: () => void }) {
  const nav = useContext(LearnNavContext);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = SECTIONS.findIndex((s) => s.id === nav.section);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (at + 1) % SECTIONS.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + SECTIONS.length) % SECTIONS.length;
    if (next === null) return;
    e.preventDefault();
    const s = SECTIONS[next]!;
    nav.showSection(s.id);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#cl-learn-tab-${s.id}`)?.focus();
  };
  return (
    <div class="cl-learn" data-testid={TID.learnView} data-section={nav.section}>
      <div class="cl-learn-bar">
        <div class="cl-tabs is-small cl-learn-tabs" role="tablist" aria-label="Learn" onKeyDown={onKeyDown}>
          {SECTIONS.map((s) => (
            <button type="button" role="tab" key={s.id} id={`cl-learn-tab-${s.id}`} class="cl-tab" aria-selected={nav.section === s.id}
              aria-controls="cl-learn-panel" tabIndex={nav.section === s.id ? 0 : -1} data-testid={s.testId} onClick={() => nav.showSection(s.id)}>
              {s.label}
            </button>
          ))}
        </div>
        <span class="cl-learn-bar-spacer" />
        <button type="button" class="cl-link" data-testid={TID.learnTour} onClick={nav.startTour}>Show the panel tour</button>
        <button type="button" class="cl-link" onClick={onBack}>Back to requests</button>
      </div>
      <div id="cl-learn-panel" class="cl-learn-body" role="tabpanel" aria-labelledby={`cl-learn-tab-${nav.section}`}>
        {nav.section === 'walkthrough' ? <Walkthrough /> : <Simulator />}
      </div>
    </div>
  );
}
