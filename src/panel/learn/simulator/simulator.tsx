/**
 * The simulator: describe a request and the server's answers (or start from a platform preset or a
 * captured exchange) and see, live, what Chromium would do — judged by the same rules module as
 * captured requests: verdict, flow, asked vs allowed, findings and fixes.
 */
import { useContext, useMemo } from 'preact/hooks';
import type { CredentialsMode, Exchange, ExchangeSource } from '../../../model';
import { diagnose } from '../../../rules';
import { normalizeOrigin } from '../../../rules/cors';
import { AskedAllowed } from '../../components/detail/asked-allowed';
import { Findings } from '../../components/detail/findings';
import { FixTabs, fixesByStack } from '../../components/detail/fix-tabs';
import { FlowDiagram } from '../../components/detail/flow-diagram';
import { Section } from '../../components/section';
import { safeDiagnose } from '../../state/safe-diagnose';
import { TID } from '../../testids';
import { LearnNavContext } from '../nav';
import { VerdictBanner } from '../ui';
import { AnswerEditor } from './answer-editor';
import { PRESETS, presetById } from './presets';
import { editRequest, editSimAnswer, headerLines, parseHeaderLines, preflightSent, simPreflight, simPreflightRequest, toExchange, type SimState } from './state';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const CREDENTIALS: { value: CredentialsMode; label: string }[] = [
  { value: 'same-origin', label: 'same-origin (fetch default: no cookies to other origins)' },
  { value: 'omit', label: 'omit' },
  { value: 'include', label: 'include (cookies, HTTP auth)' },
];

function originProblem(value: string): string | null {
  const o = normalizeOrigin(value);
  if (o === 'null') return value.trim() === 'null' ? null : 'The page origin should look like https://app.example.com (scheme, host and an optional port).';
  return o !== value.trim() ? `Only the origin counts: ${o}.` : null;
}

function urlProblem(value: string): string | null {
  try {
    new URL(value);
    return null;
  } catch {
    return 'The URL should be absolute, e.g. https://api.example.com/items.';
  }
}

const SOURCE_WORD: Record<ExchangeSource, string> = {
  live: 'the captured request', har: 'the imported HAR file', probe: 'the CLI probe', simulator: 'the Learn example',
};

/**
 * Everything the simulator shows, from the rules. Typed text is hostile input: should a rule throw on
 * it, the simulator says so instead of going blank, and the fields stay editable.
 */
function judge(sim: SimState) {
  try {
    const exchange = toExchange(sim);
    const sent = preflightSent(sim);
    return { exchange, diagnosis: safeDiagnose(diagnose, exchange), pf: simPreflight(sim), sent, optionsRequest: sent ? simPreflightRequest(sim) : null, error: null };
  } catch (err) {
    const exchange: Exchange = { id: 'simulator', source: 'simulator', pageOrigin: sim.pageOrigin, startedAt: 0, request: { method: sim.method, url: sim.url, headers: [] }, redirects: [], observed: {} };
    const diagnosis = safeDiagnose(() => { throw err; }, exchange);
    return { exchange, diagnosis, pf: { crossOrigin: true, needed: false, reasons: [] as string[] }, sent: false, optionsRequest: null, error: err instanceof Error ? err.message : String(err) };
  }
}

function SourceNote({ sim }: { sim: SimState }) {
  const from = sim.from;
  let text: string;
  if (from.kind === 'preset') text = presetById(from.id)?.models ?? '';
  else if (from.kind === 'capture') {
    text = `Carried over from ${SOURCE_WORD[from.source]}. What the browser reported at the time is not used: the simulator judges these headers alone.`;
    if (sim.redirects.length) text += ` Its ${sim.redirects.length} redirect${sim.redirects.length === 1 ? '' : 's'} stay as captured; changing the URL drops them.`;
  } else text = 'Your own exchange. Pick a preset to start again.';
  return <p class="cl-sim-source" data-testid={TID.simSource} data-from={from.kind}>{text}</p>;
}

export function Simulator() {
  const nav = useContext(LearnNavContext);
  const sim = nav.sim;
  const set = nav.setSim;
  const judged = useMemo(() => judge(sim), [sim]);
  const { exchange, diagnosis, pf, sent } = judged;
  const requestInvalid = useMemo(() => parseHeaderLines(sim.requestHeadersText).invalid, [sim.requestHeadersText]);
  const originIssue = originProblem(sim.pageOrigin);
  const urlIssue = urlProblem(sim.url);
  const fixCount = [...fixesByStack(diagnosis.findings).values()].reduce((n, l) => n + l.length, 0);
  const presetValue = sim.from.kind === 'preset' ? sim.from.id : '';
  const optionsRequest = judged.optionsRequest;

  return (
    <div class="cl-sim" data-testid={TID.simulator}>
      <div class="cl-sim-bar">
        <label class="cl-field is-inline" for="cl-sim-preset">Start from</label>
        <select id="cl-sim-preset" class="cl-select" value={presetValue} data-testid={TID.simPreset}
          onChange={(e) => { const p = presetById(e.currentTarget.value); if (p) set(p.state); }}>
          <option value="">{sim.from.kind === 'capture' ? 'the captured request' : 'your own exchange'}</option>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <SourceNote sim={sim} />
      {judged.error !== null ? <p class="cl-input-error" data-testid={TID.simInputError}>The rules could not judge this input: {judged.error}</p> : null}
      {/* Stays in view while the answers are edited: the point is to watch it change. */}
      <div class="cl-sim-verdict">
        <VerdictBanner exchange={exchange} diagnosis={diagnosis} testId={TID.simVerdict} platform />
      </div>
      <div class="cl-sim-grid">
        <div class="cl-sim-inputs">
          <fieldset class="cl-fieldset">
            <legend>The request your page makes</legend>
            <div class="cl-field-grid">
              <label for="cl-sim-origin">Page origin</label>
              <input id="cl-sim-origin" class="cl-input" spellcheck={false} value={sim.pageOrigin} data-testid={TID.simOrigin}
                onInput={(e) => set(editRequest(sim, { pageOrigin: e.currentTarget.value }))} />
              <label for="cl-sim-url">URL</label>
              <input id="cl-sim-url" class="cl-input" spellcheck={false} value={sim.url} data-testid={TID.simUrl}
                onInput={(e) => set(editRequest(sim, { url: e.currentTarget.value }))} />
              <label for="cl-sim-method">Method</label>
              <div class="cl-field-row">
                <input id="cl-sim-method" class="cl-input is-short" list="cl-sim-methods" spellcheck={false} value={sim.method}
                  data-testid={TID.simMethod} onInput={(e) => set(editRequest(sim, { method: e.currentTarget.value }))} />
                <datalist id="cl-sim-methods">{METHODS.map((m) => <option key={m} value={m} />)}</datalist>
              </div>
              <label for="cl-sim-credentials">Credentials</label>
              <div class="cl-field-row">
                <select id="cl-sim-credentials" class="cl-select" value={sim.credentials} data-testid={TID.simCredentials}
                  onChange={(e) => set(editRequest(sim, { credentials: e.currentTarget.value as CredentialsMode }))}>
                  {CREDENTIALS.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
                </select>
              </div>
            </div>
            {originIssue ? <p class="cl-input-error" data-testid={TID.simInputError}>{originIssue}</p> : null}
            {urlIssue ? <p class="cl-input-error" data-testid={TID.simInputError}>{urlIssue}</p> : null}
            <label class="cl-label" for="cl-sim-request-headers">
              Request headers your code sets <span class="cl-muted">— one per line, Name: value</span>
            </label>
            <textarea id="cl-sim-request-headers" class="cl-textarea" spellcheck={false} wrap="off"
              rows={Math.min(10, Math.max(2, sim.requestHeadersText.split('\n').length + 1))} value={sim.requestHeadersText}
              data-testid={TID.simRequestHeaders} onInput={(e) => set(editRequest(sim, { requestHeadersText: e.currentTarget.value }))} />
            {requestInvalid.length ? (
              <p class="cl-input-error" data-testid={TID.simInputError}>
                Line{requestInvalid.length === 1 ? '' : 's'} {requestInvalid.join(', ')} {requestInvalid.length === 1 ? 'is' : 'are'} not “Name: value” and ignored.
              </p>
            ) : null}
            <div class={`cl-sim-need ${pf.needed ? 'is-preflight' : ''}`} data-testid={TID.simPreflightNeed}
              data-preflight={String(pf.needed)} data-cross-origin={String(pf.crossOrigin)} role="status">
              {!pf.crossOrigin ? 'Same origin: the browser applies no CORS checks and sends no preflight.'
                : pf.reasons.length ? <>A preflight is needed: {pf.reasons.join('; ')}.</>
                  : pf.needed ? 'A preflight is sent although no method or header needs one (kept from the capture).'
                    : 'No preflight: a simple request (GET, HEAD or POST with only safelisted headers) goes out at once.'}
            </div>
            {pf.needed ? (
              <label class="cl-checkbox">
                <input type="checkbox" checked={sim.preflightFromCache} data-testid={TID.simPreflightCached}
                  onChange={(e) => set(editRequest(sim, { preflightFromCache: e.currentTarget.checked }))} />
                Answered from the browser’s preflight cache (no OPTIONS request)
              </label>
            ) : null}
            {sim.forcePreflight && !pf.reasons.length && pf.crossOrigin ? (
              <label class="cl-checkbox">
                <input type="checkbox" checked onChange={() => set(editRequest(sim, { forcePreflight: false }))} />
                Keep the captured preflight
              </label>
            ) : null}
          </fieldset>

          {sent && optionsRequest ? (
            <fieldset class="cl-fieldset" data-testid={TID.simPreflightAnswer}>
              <legend>The server’s answer to the preflight</legend>
              <p class="cl-sim-sends">The browser sends:</p>
              <pre class="cl-snippet cl-sim-options" data-testid={TID.simPreflightRequest}>
                {`${optionsRequest.method} ${optionsRequest.url}\n${headerLines(optionsRequest.headers)}`}
              </pre>
              <AnswerEditor answer={sim.preflight} what="preflight" idBase="cl-sim-preflight"
                ids={{ status: TID.simPreflightStatus, headers: TID.simPreflightHeaders, body: TID.simPreflightBody }}
                onChange={(patch) => set(editSimAnswer(sim, 'preflight', patch))} />
            </fieldset>
          ) : pf.needed ? (
            <p class="cl-muted cl-sim-skip">The preflight cache answers: no OPTIONS request goes out, so there is no preflight answer to edit.</p>
          ) : null}

          <fieldset class="cl-fieldset">
            <legend>The server’s answer to the {sim.method || 'actual'} request</legend>
            {sent && diagnosis.verdict.blocked && diagnosis.verdict.phase === 'preflight' ? (
              <p class="cl-muted">The preflight fails, so the browser would never send this request. Fix the preflight first; this answer counts once it passes.</p>
            ) : null}
            <AnswerEditor answer={sim.response} what="actual request" idBase="cl-sim-response"
              ids={{ status: TID.simResponseStatus, headers: TID.simResponseHeaders, body: TID.simResponseBody }}
              onChange={(patch) => set(editSimAnswer(sim, 'response', patch))} />
          </fieldset>
        </div>

        <div class="cl-sim-results" aria-label="Simulation result" role="region">
          <Section id="sim-flow" title="What would happen">
            <FlowDiagram exchange={exchange} diagnosis={diagnosis} />
          </Section>
          <Section id="sim-asked" title="Asked vs allowed">
            <AskedAllowed verdict={diagnosis.verdict} />
          </Section>
          <Section id="sim-findings" title={`Findings${diagnosis.findings.length ? ` (${diagnosis.findings.length})` : ''}`}>
            <Findings findings={diagnosis.findings} />
          </Section>
          <Section id="sim-fixes" title={`How to fix${fixCount ? ` (${fixCount})` : ''}`}>
            <FixTabs findings={diagnosis.findings} idBase="cl-sim" />
          </Section>
        </div>
      </div>
      <p class="cl-muted cl-sim-foot">
        Judged by the same rules as captured requests. <button type="button" class="cl-link" onClick={() => nav.openStep('checks')}>What does the browser check?</button>
      </p>
    </div>
  );
}
