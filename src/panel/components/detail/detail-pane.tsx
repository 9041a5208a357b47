/**
 * Everything about one exchange, top to bottom in the order a reader needs it: what happened, how
 * the messages went, what was asked and allowed, why (findings), how to fix it, and the raw proof.
 * Memoized on the exchange and diagnosis objects: streaming rows do not redraw it.
 */
import { memo } from '../../lib/memo';
import { useContext, useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { Diagnosis, Exchange } from '../../../model';
import { Explain } from '../../learn/explain';
import { LearnNavContext } from '../../learn/nav';
import { ServicesContext } from '../../services';
import { rowStatus } from '../../state/row-model';
import { TID } from '../../testids';
import { CloseIcon } from '../icons';
import { Section } from '../section';
import { AskedAllowed } from './asked-allowed';
import { Findings } from './findings';
import { FixTabs, fixesByStack } from './fix-tabs';
import { FlowDiagram } from './flow-diagram';
import { Headline } from './headline';
import { RawHeaders } from './raw-headers';
import { Recheck } from './recheck';

interface DetailProps {
  exchange: Exchange;
  diagnosis: Diagnosis;
  onClose: () => void;
  onEscape: () => void;
  paneRef?: Ref<HTMLDivElement>;
}

export const DetailPane = memo(function DetailPane({ exchange, diagnosis, onClose, onEscape, paneRef }: DetailProps) {
  const status = rowStatus(exchange, diagnosis);
  const fixCount = [...fixesByStack(diagnosis.findings).values()].reduce((n, l) => n + l.length, 0);
  const idBase = `cl-detail-${exchange.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const { prefs } = useContext(ServicesContext);
  const learn = useContext(LearnNavContext);
  const [explain, setExplain] = useState(() => prefs.get('explain') === 'on');
  return (
    <div ref={paneRef} class="cl-detail" role="region" aria-label="Request details" tabIndex={-1} data-testid={TID.detail}
      data-exchange-id={exchange.id}
      // Handled here, Escape must not also reach DevTools, which would open its console drawer.
      onKeyDown={(e) => { if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); e.stopPropagation(); onEscape(); } }}>
      <div class="cl-detail-bar">
        <button type="button" class="cl-icon-button" aria-label="Close details" title="Close" data-testid={TID.detailClose} onClick={onClose}>
          <CloseIcon />
        </button>
        <span class="cl-detail-method">{exchange.request.method}</span>
        <span class="cl-detail-url" title={exchange.request.url}>{exchange.request.url}</span>
        <span class="cl-detail-actions">
          <button type="button" class="cl-button is-small" aria-pressed={explain} data-testid={TID.explainToggle}
            title="Spell out the jargon of this request in plain words" onClick={() => { setExplain(!explain); prefs.set('explain', explain ? 'off' : 'on'); }}>
            Explain like I’m new
          </button>
          <button type="button" class="cl-button is-small" data-testid={TID.openInSimulator} title="Try a change to these headers before deploying it"
            onClick={() => learn.openSimulator(exchange, diagnosis.verdict.credentials.mode)}>
            Open in simulator
          </button>
        </span>
      </div>
      <div class="cl-detail-scroll">
        <Headline exchange={exchange} diagnosis={diagnosis} status={status} />
        {explain ? <Explain exchange={exchange} diagnosis={diagnosis} /> : null}
        <Section id="flow" title="What happened">
          <FlowDiagram exchange={exchange} diagnosis={diagnosis} />
        </Section>
        <Section id="asked" title="Asked vs allowed">
          <AskedAllowed verdict={diagnosis.verdict} />
        </Section>
        <Section id="findings" title={`Findings${diagnosis.findings.length ? ` (${diagnosis.findings.length})` : ''}`}>
          <Findings findings={diagnosis.findings} />
        </Section>
        <Section id="fixes" title={`How to fix${fixCount ? ` (${fixCount})` : ''}`}>
          <FixTabs key={exchange.id} findings={diagnosis.findings} idBase={idBase} />
        </Section>
        <Section id="recheck" title="Re-check against the server">
          <Recheck key={exchange.id} exchange={exchange} diagnosis={diagnosis} />
        </Section>
        <Section id="headers" title="Headers">
          <RawHeaders exchange={exchange} />
        </Section>
      </div>
    </div>
  );
});
