/**
 * "Re-check": after a fix is deployed, ask the server again — a fresh preflight with the page's
 * Origin and the same Access-Control-Request-* values (and, if wanted, the actual request), past
 * every cache — and show the new verdict beside the old one. The worker sends the requests; the
 * verdict comes from the same rules as everything else.
 */
import { useContext, useState } from 'preact/hooks';
import type { Diagnosis, Exchange } from '../../../model';
import { diagnose } from '../../../rules';
import { ServicesContext } from '../../services';
import { TID } from '../../testids';

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; diagnosis: Diagnosis; at: number }
  | { kind: 'error'; message: string };

function verdictText(d: Diagnosis): string {
  return d.verdict.blocked ? `blocked${d.verdict.corsError ? ` (${d.verdict.corsError})` : ''}` : 'allowed';
}

export function Recheck({ exchange, diagnosis }: { exchange: Exchange; diagnosis: Diagnosis }) {
  const services = useContext(ServicesContext);
  const [includeActual, setIncludeActual] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const recheck = services.recheck;
  if (!recheck) {
    return <p class="cl-muted">Re-check works on live captures: open this request in the panel of the tab that made it.</p>;
  }
  const run = async () => {
    setState({ kind: 'running' });
    try {
      const fresh = await recheck(exchange, diagnosis.verdict.credentials.mode, includeActual);
      setState({ kind: 'done', diagnosis: diagnose(fresh), at: Date.now() });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const wasBlocked = diagnosis.verdict.blocked;
  return (
    <div class="cl-recheck">
      <p class="cl-muted">
        Deployed a fix? Send a fresh {exchange.preflight || diagnosis.verdict.preflightReasons.length ? 'preflight' : 'request'} from {exchange.pageOrigin} to the server,
        bypassing the browser's preflight and HTTP caches, and judge the answer with the same rules.
      </p>
      <div class="cl-recheck-controls">
        <button type="button" class="cl-button" data-testid={TID.recheckButton} disabled={state.kind === 'running'} onClick={() => void run()}>
          {state.kind === 'running' ? 'Checking…' : 'Re-check now'}
        </button>
        <label>
          <input type="checkbox" data-testid={TID.recheckIncludeActual} checked={includeActual}
            onChange={(e) => setIncludeActual((e.currentTarget as HTMLInputElement).checked)} />
          also send the actual {exchange.request.method} (it may change data on the server)
        </label>
      </div>
      {state.kind === 'done' && (
        <div class={`cl-recheck-result ${state.diagnosis.verdict.blocked ? 'is-failing' : 'is-fixed'}`} role="status"
          data-testid={TID.recheckResult} data-outcome={state.diagnosis.verdict.blocked ? 'still-failing' : 'fixed'}
          data-cors-error={state.diagnosis.verdict.corsError ?? ''}>
          <strong>{state.diagnosis.verdict.blocked ? (wasBlocked ? '✕ Still failing' : '✕ Now failing') : wasBlocked ? '✓ Fixed' : '✓ Still allowed'}</strong>
          <span> — before: {verdictText(diagnosis)}; now: {verdictText(state.diagnosis)}.</span>
          <div>{state.diagnosis.headline}</div>
          <div class="cl-muted">Checked at {new Date(state.at).toLocaleTimeString()}.</div>
        </div>
      )}
      {state.kind === 'error' && <div class="cl-recheck-result is-error" role="alert" data-testid={TID.recheckResult} data-outcome="error">{state.message}</div>}
    </div>
  );
}
