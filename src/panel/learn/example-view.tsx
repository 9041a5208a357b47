/**
 * A Learn step's live example: a few variants of one exchange, each judged by the rules module when
 * shown (verdict, Chromium's CorsError, the flow diagram and the checks of the detail pane). Nothing
 * here states an outcome: change the exchange and everything shown changes with it.
 */
import { useContext, useMemo, useRef, useState } from 'preact/hooks';
import type { Exchange } from '../../model';
import { diagnose } from '../../rules';
import { AskedAllowed } from '../components/detail/asked-allowed';
import { FlowDiagram } from '../components/detail/flow-diagram';
import { RawHeaders } from '../components/detail/raw-headers';
import { safeDiagnose } from '../state/safe-diagnose';
import { TID } from '../testids';
import { LearnNavContext } from './nav';
import type { Variant } from './steps/types';
import { VerdictBanner } from './ui';

/** One exchange, judged and drawn (also used directly by tests with an edited exchange). */
export function JudgedExchange({ exchange, showChecks = false, showWire = false }: { exchange: Exchange; showChecks?: boolean; showWire?: boolean }) {
  const nav = useContext(LearnNavContext);
  const diagnosis = useMemo(() => safeDiagnose(diagnose, exchange), [exchange]);
  return (
    <div class="cl-judged">
      <VerdictBanner exchange={exchange} diagnosis={diagnosis} testId={TID.learnVerdict} />
      <FlowDiagram exchange={exchange} diagnosis={diagnosis} />
      <details class="cl-disclosure" open={showChecks}>
        <summary>What the browser checked</summary>
        <AskedAllowed verdict={diagnosis.verdict} />
      </details>
      <details class="cl-disclosure" open={showWire}>
        <summary>The messages on the wire</summary>
        <RawHeaders exchange={exchange} />
      </details>
      <div class="cl-example-actions">
        <button type="button" class="cl-button" data-testid={TID.learnOpenSimulator}
          onClick={() => nav.openSimulator(exchange, diagnosis.verdict.credentials.mode)}>
          Open in simulator
        </button>
        <span class="cl-muted">to change its headers and see what the browser would do</span>
      </div>
    </div>
  );
}

export function ExampleView({ variants, showChecks, showWire, idBase }: { variants: readonly Variant[]; showChecks?: boolean; showWire?: boolean; idBase: string }) {
  const [chosen, setChosen] = useState(0);
  const radios = useRef<(HTMLButtonElement | null)[]>([]);
  const current = variants[chosen] ?? variants[0]!;
  const exchange = useMemo(() => current.exchange(), [current]);

  const choose = (i: number, focus: boolean) => {
    setChosen(i);
    if (focus) radios.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    let next: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (chosen + 1) % variants.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (chosen - 1 + variants.length) % variants.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = variants.length - 1;
    if (next === null) return;
    e.preventDefault();
    choose(next, true);
  };

  return (
    <figure class="cl-example" data-testid={TID.learnExample} data-variant={current.id} aria-labelledby={`${idBase}-caption`}>
      <figcaption id={`${idBase}-caption`} class="cl-example-caption">Try it</figcaption>
      {variants.length > 1 ? (
        <div class="cl-variants" role="radiogroup" aria-label="Example variants" onKeyDown={onKeyDown}>
          {variants.map((v, i) => (
            <button type="button" role="radio" key={v.id} ref={(el) => { radios.current[i] = el; }} class="cl-segment"
              aria-checked={i === chosen} tabIndex={i === chosen ? 0 : -1}
              data-testid={TID.learnVariant} data-variant={v.id} onClick={() => choose(i, false)}>
              {v.label}
            </button>
          ))}
        </div>
      ) : null}
      <p class="cl-example-note">{current.note}</p>
      <JudgedExchange exchange={exchange} showChecks={showChecks} showWire={showWire} />
    </figure>
  );
}
