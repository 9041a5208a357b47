/** One server answer in the simulator: status, header lines, optional body. Typed text is shown as text only. */
import { useMemo } from 'preact/hooks';
import { TID } from '../../testids';
import { parseHeaderLines, parseStatus, type AnswerPatch, type AnswerState } from './state';

export interface AnswerIds { status: string; headers: string; body: string }

function rows(text: string, min: number): number {
  return Math.min(14, Math.max(min, text.split('\n').length + 1));
}

export function AnswerEditor({ answer, onChange, ids, idBase, what }: {
  answer: AnswerState;
  onChange: (patch: AnswerPatch) => void;
  ids: AnswerIds;
  idBase: string;
  /** "preflight" or "actual request", for the messages. */
  what: string;
}) {
  const invalid = useMemo(() => parseHeaderLines(answer.headersText).invalid, [answer.headersText]);
  const statusOk = answer.none || answer.error !== undefined || parseStatus(answer.status) !== null;
  return (
    <div class="cl-sim-answer">
      {answer.error !== undefined ? (
        <p class="cl-inline-warning">The captured {what} got no answer ({answer.error}). Type an answer below to simulate one.</p>
      ) : answer.none ? (
        <p class="cl-muted">No answer yet. Type a status and headers to simulate one.</p>
      ) : answer.redirect ? (
        <p class="cl-muted">Captured as a redirect to <code class="cl-code">{answer.redirect.location}</code>.</p>
      ) : null}
      <div class="cl-field is-inline">
        <label for={`${idBase}-status`}>Status</label>
        <input id={`${idBase}-status`} class={`cl-input is-short ${statusOk ? '' : 'is-invalid'}`} inputMode="numeric" spellcheck={false}
          value={answer.status} data-testid={ids.status} aria-invalid={!statusOk}
          onInput={(e) => onChange({ status: e.currentTarget.value })} />
        {answer.extra?.statusText ? <span class="cl-muted">{answer.extra.statusText}</span> : null}
      </div>
      {!statusOk ? <p class="cl-input-error" data-testid={TID.simInputError}>The status must be a number such as 200, 204 or 403.</p> : null}
      <label class="cl-label" for={`${idBase}-headers`}>Response headers <span class="cl-muted">— one per line, Name: value (curl -i output pastes too)</span></label>
      <textarea id={`${idBase}-headers`} class="cl-textarea" spellcheck={false} rows={rows(answer.headersText, 4)} wrap="off"
        value={answer.headersText} data-testid={ids.headers} onInput={(e) => onChange({ headersText: e.currentTarget.value })} />
      {invalid.length ? (
        <p class="cl-input-error" data-testid={TID.simInputError}>
          {invalid.length === 1 ? `Line ${invalid[0]} is` : `Lines ${invalid.join(', ')} are`} not “Name: value” and {invalid.length === 1 ? 'is' : 'are'} ignored.
        </p>
      ) : null}
      <details class="cl-disclosure" open={answer.body !== ''}>
        <summary>Body <span class="cl-muted">(optional: error bodies tell platforms apart)</span></summary>
        <textarea aria-label={`Body of the ${what} answer`} class="cl-textarea" spellcheck={false} rows={rows(answer.body, 2)}
          value={answer.body} data-testid={ids.body} onInput={(e) => onChange({ body: e.currentTarget.value })} />
      </details>
    </div>
  );
}
