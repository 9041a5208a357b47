/**
 * The Learn walk-through: a step list on the left, one step at a time on the right, Back/Next
 * below. ↑/↓ (Home/End) move through the step list; the step is remembered across visits.
 */
import { useContext, useEffect, useRef } from 'preact/hooks';
import { TID } from '../testids';
import { ExampleView } from './example-view';
import { LearnNavContext } from './nav';
import { STEPS, stepById } from './steps';
import { ExtLink } from './ui';

export function Walkthrough() {
  const nav = useContext(LearnNavContext);
  const step = stepById(nav.step);
  const index = STEPS.indexOf(step);
  const links = useRef<(HTMLButtonElement | null)[]>([]);
  const content = useRef<HTMLDivElement | null>(null);

  // A new step starts at its top.
  useEffect(() => { if (content.current) content.current.scrollTop = 0; }, [step.id]);

  const go = (i: number, focusList: boolean) => {
    const target = STEPS[Math.max(0, Math.min(STEPS.length - 1, i))]!;
    nav.setStep(target.id);
    if (focusList) links.current[STEPS.indexOf(target)]?.focus();
  };

  const onListKey = (e: KeyboardEvent) => {
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = index + 1;
    else if (e.key === 'ArrowUp') next = index - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = STEPS.length - 1;
    if (next === null) return;
    e.preventDefault();
    go(next, true);
  };

  const prev = STEPS[index - 1];
  const next = STEPS[index + 1];
  const { Body } = step;
  return (
    <div class="cl-walk">
      <nav class="cl-walk-nav" aria-label="Learn steps" data-testid={TID.learnSteps}>
        <ol onKeyDown={onListKey}>
          {STEPS.map((s, i) => (
            <li key={s.id}>
              <button type="button" ref={(el) => { links.current[i] = el; }} class="cl-walk-link"
                aria-current={s.id === step.id ? 'step' : undefined} tabIndex={s.id === step.id ? 0 : -1}
                data-testid={TID.learnStepLink} data-step={s.id} onClick={() => go(i, false)}>
                <span class="cl-walk-num">{i + 1}</span>{s.short}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div class="cl-walk-content" ref={content}>
        <article class="cl-walk-step" data-testid={TID.learnStep} data-step={step.id} aria-labelledby={`cl-learn-${step.id}`}>
          <p class="cl-walk-count">Step {index + 1} of {STEPS.length}</p>
          <h2 class="cl-learn-title" id={`cl-learn-${step.id}`}>{step.title}</h2>
          <div class="cl-prose"><Body /></div>
          <ExampleView key={step.id} variants={step.variants} showChecks={step.showChecks} showWire={step.showWire} idBase={`cl-learn-${step.id}`} />
          <div class="cl-learn-links">
            <span class="cl-learn-links-title">Read more</span>
            <ul>
              {step.links.map((l) => (
                <li key={l.href}><ExtLink href={l.href} testId={TID.learnLink}>{l.label}</ExtLink></li>
              ))}
            </ul>
          </div>
          <div class="cl-walk-buttons">
            <button type="button" class="cl-button" data-testid={TID.learnBack} disabled={!prev} onClick={() => go(index - 1, false)}>
              ← {prev ? prev.short : 'Back'}
            </button>
            <button type="button" class="cl-button is-primary" data-testid={TID.learnNext} disabled={!next} onClick={() => go(index + 1, false)}>
              {next ? next.short : 'Next'} →
            </button>
          </div>
        </article>
      </div>
    </div>
  );
}
