/**
 * A small sequence diagram: the page on the left, the server on the right, one arrow per message in
 * time order. Coordinates are percentages so the text keeps its size whatever the pane's width.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Diagnosis, Exchange } from '../../../model';
import { urlParts } from '../../lib/url';
import { TID } from '../../testids';
import { flowSteps, type FlowStep } from './flow-model';

const HEAD = 38;
const ROW = 36;
const LEFT = 15; // % — page lifeline
const RIGHT = 85; // % — server lifeline

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const STATE_WORD: Record<FlowStep['state'], string> = {
  ok: 'ok', fail: 'failed here', skipped: 'not sent', cached: 'from cache', pending: 'in progress',
};

/** How many characters fit in `percent` of a `width`-px diagram (11px text averages ~6.4px a character). */
function fits(width: number, percent: number, charPx = 6.4): number {
  return Math.max(8, Math.floor((width * percent) / 100 / charPx));
}

function Step({ step, y, markerId, width }: { step: FlowStep; y: number; markerId: string; width: number }) {
  const labelMax = fits(width, RIGHT - LEFT - 4, 6.8);
  const detailMax = fits(width, RIGHT - LEFT + 8, 6.1);
  const cls = `cl-flow-step is-${step.state}`;
  const mid = y + ROW / 2 + 2;
  if (step.dir === 'note') {
    return (
      <g class={cls} data-testid={TID.flowStep} data-step={step.kind} data-state={step.state}>
        <title>{`${step.label}. ${step.detail}`}</title>
        <rect x={`${LEFT + 3}%`} y={y + 4} width={`${RIGHT - LEFT - 6}%`} height={ROW - 8} rx="4" class="cl-flow-note" />
        <text x="50%" y={y + 16} text-anchor="middle" class="cl-flow-label">{clip(step.label, labelMax)}</text>
        <text x="50%" y={y + 28} text-anchor="middle" class="cl-flow-detail">{clip(step.detail, detailMax)}</text>
      </g>
    );
  }
  const [x1, x2] = step.dir === 'out' ? [LEFT, RIGHT] : [RIGHT, LEFT];
  const end = step.dir === 'out' ? RIGHT - 1.5 : LEFT + 1.5;
  return (
    <g class={cls} data-testid={TID.flowStep} data-step={step.kind} data-state={step.state}>
      <title>{`${step.label}${step.detail ? ` — ${step.detail}` : ''} (${STATE_WORD[step.state]})`}</title>
      <text x="50%" y={mid - 5} text-anchor="middle" class="cl-flow-label">{clip(step.label, labelMax)}</text>
      <line x1={`${x1}%`} y1={mid} x2={`${end}%`} y2={mid} class="cl-flow-arrow" marker-end={`url(#${markerId}-${step.state})`} />
      {step.detail ? <text x="50%" y={mid + 12} text-anchor="middle" class="cl-flow-detail">{clip(step.detail, detailMax)}</text> : null}
      {step.state === 'fail' ? (
        <g class="cl-flow-x">
          <circle cx={`${x2}%`} cy={mid} r="7" />
          <text x={`${x2}%`} y={mid + 3.5} text-anchor="middle">✕</text>
        </g>
      ) : null}
    </g>
  );
}

export function FlowDiagram({ exchange, diagnosis }: { exchange: Exchange; diagnosis: Diagnosis }) {
  const steps = flowSteps(exchange, diagnosis);
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(560);
  useEffect(() => {
    const el = svg.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver(() => { const w = el.getBoundingClientRect().width; if (w > 0) setWidth(w); });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const actorMax = fits(width, 27, 6.1);
  const height = HEAD + steps.length * ROW + 10;
  const host = urlParts(exchange.request.url).host || 'server';
  const markerId = `cl-arrow-${exchange.id.replace(/[^A-Za-z0-9]/g, '')}`;
  const summary = steps.map((s) => `${s.label} (${STATE_WORD[s.state]})`).join('; then ');
  return (
    <svg ref={svg} class="cl-flow" width="100%" height={height} role="img" aria-label={`Request flow: ${summary}`} data-testid={TID.flow}>
      <defs>
        {(['ok', 'fail', 'skipped', 'cached', 'pending'] as const).map((s) => (
          <marker key={s} id={`${markerId}-${s}`} class={`cl-flow-marker is-${s}`} viewBox="0 0 10 10" refX="9" refY="5"
            markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 10 5 0 10z" />
          </marker>
        ))}
      </defs>
      <g class="cl-flow-actor">
        <title>{`The page: ${exchange.pageOrigin || 'unknown origin'}`}</title>
        <rect x={`${LEFT - 14}%`} y="2" width="28%" height="30" rx="4" />
        <text x={`${LEFT}%`} y="14" text-anchor="middle" class="cl-flow-actor-name">Page</text>
        <text x={`${LEFT}%`} y="27" text-anchor="middle" class="cl-flow-actor-sub">{clip(exchange.pageOrigin || 'unknown origin', actorMax)}</text>
      </g>
      <g class="cl-flow-actor">
        <title>{`The server: ${host}`}</title>
        <rect x={`${RIGHT - 14}%`} y="2" width="28%" height="30" rx="4" />
        <text x={`${RIGHT}%`} y="14" text-anchor="middle" class="cl-flow-actor-name">Server</text>
        <text x={`${RIGHT}%`} y="27" text-anchor="middle" class="cl-flow-actor-sub">{clip(host, actorMax)}</text>
      </g>
      <line x1={`${LEFT}%`} y1="32" x2={`${LEFT}%`} y2={height - 4} class="cl-flow-lifeline" />
      <line x1={`${RIGHT}%`} y1="32" x2={`${RIGHT}%`} y2={height - 4} class="cl-flow-lifeline" />
      {steps.map((s, i) => <Step key={i} step={s} y={HEAD + i * ROW} markerId={markerId} width={width} />)}
    </svg>
  );
}
