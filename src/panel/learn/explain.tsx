/** "Explain like I'm new" for one exchange: its jargon in plain words, each with a link to its Learn step. */
import { useContext } from 'preact/hooks';
import type { Diagnosis, Exchange } from '../../model';
import { TID } from '../testids';
import { explainTerms } from './glossary';
import { LearnNavContext } from './nav';
import { stepById } from './steps';

export function Explain({ exchange, diagnosis }: { exchange: Exchange; diagnosis: Diagnosis }) {
  const nav = useContext(LearnNavContext);
  const terms = explainTerms(exchange, diagnosis);
  return (
    <div class="cl-explain-box" data-testid={TID.explain}>
      <dl class="cl-glossary">
        {terms.map((t) => (
          <div class="cl-glossary-item" key={t.id} data-testid={TID.explainTerm} data-term={t.id}>
            <dt>{t.term}</dt>
            <dd>
              {t.text}{' '}
              <button type="button" class="cl-link" data-testid={TID.explainLearnLink} data-step={t.step} onClick={() => nav.openStep(t.step)}>
                Learn: {stepById(t.step).short} →
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
