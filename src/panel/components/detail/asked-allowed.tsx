/** "Asked vs allowed": each check the browser made, what it asked, what the server allowed, ✓/✕. */
import type { Check, Phase, Verdict } from '../../../model';
import { TID } from '../../testids';
import { ResultIcon } from '../icons';

const PHASE_LABEL: Record<Phase, string> = {
  request: 'Before sending',
  preflight: 'Preflight (OPTIONS) response',
  actual: 'Actual response',
  redirect: 'Redirect',
};
const RESULT_WORD = { pass: 'allowed', fail: 'not allowed', skip: 'not checked' } as const;

function Value({ value, absent }: { value: string | null; absent: string }) {
  return value === null ? <span class="cl-absent">{absent}</span> : <code class="cl-code">{value}</code>;
}

function CheckRow({ check }: { check: Check }) {
  return (
    <>
      <tr class={`is-${check.result}`} data-testid={TID.askedAllowedRow} data-check-id={check.id} data-result={check.result}
        title={check.note}>
        <th scope="row" class="cl-check-label">{check.label}</th>
        <td><Value value={check.asked} absent="—" /></td>
        <td><Value value={check.allowed} absent="(header absent)" /></td>
        <td class="cl-check-result"><ResultIcon result={check.result} /><span class="cl-sr-only">{RESULT_WORD[check.result]}</span></td>
      </tr>
      {check.result === 'fail' && check.note ? (
        <tr class="cl-check-note"><td colSpan={4}>{check.note}</td></tr>
      ) : null}
    </>
  );
}

export function AskedAllowed({ verdict }: { verdict: Verdict }) {
  const phases: Phase[] = [];
  for (const c of verdict.checks) if (!phases.includes(c.phase)) phases.push(c.phase);
  return (
    <div class="cl-asked">
      {verdict.preflightReasons.length ? (
        <p class="cl-explain">
          <strong>Why a preflight was needed:</strong> {verdict.preflightReasons.join('; ')}.
        </p>
      ) : verdict.crossOrigin ? (
        <p class="cl-explain">A simple request: no preflight was needed.</p>
      ) : null}
      {verdict.checks.length ? (
        <table class="cl-table cl-checks" data-testid={TID.askedAllowed}>
          <thead>
            <tr><th scope="col">Check</th><th scope="col">Browser asked</th><th scope="col">Server allowed</th><th scope="col"><span class="cl-sr-only">Result</span></th></tr>
          </thead>
          {phases.map((phase) => (
            <tbody key={phase}>
              <tr class="cl-phase-row"><th colSpan={4} scope="rowgroup">{PHASE_LABEL[phase] ?? phase}</th></tr>
              {verdict.checks.filter((c) => c.phase === phase).map((c, i) => <CheckRow key={`${c.id}-${i}`} check={c} />)}
            </tbody>
          ))}
        </table>
      ) : (
        <p class="cl-muted" data-testid={TID.askedAllowed}>No checks were recorded for this request.</p>
      )}
      {verdict.notes.length ? (
        <ul class="cl-notes">{verdict.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
      ) : null}
    </div>
  );
}
