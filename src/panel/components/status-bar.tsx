/** The summary bar under the list, like the Network panel's ("12 requests | …"). */
import type { ConnectionStatus } from '../data/source';
import { useStore } from '../state/use-store';
import { TID } from '../testids';

const CONNECTION_WORD: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Recording',
  reconnecting: 'Reconnecting…',
  static: '',
};

export function StatusBar() {
  const store = useStore();
  const c = store.counts();
  const source = store.source;
  const filtered = c.visible !== c.total;
  return (
    <div class="cl-status-bar" data-testid={TID.statusBar} role="status" aria-live="off">
      <span>{filtered ? `${c.visible}${store.filterPending ? '+' : ''} / ${c.total} requests` : `${c.total} request${c.total === 1 ? '' : 's'}`}</span>
      {c.analysed < c.total ? (
        <span title="CORS Lens diagnoses requests in the background; counts follow">
          analysing… {Math.floor((c.analysed / Math.max(1, c.total)) * 100)}%
        </span>
      ) : (
        <>
          {c.blocked ? <span class="is-blocked">{c.blocked} blocked</span> : null}
          {c.warnings ? <span class="is-warning">{c.warnings} with warnings</span> : null}
        </>
      )}
      {store.dropped ? <span title="The capture keeps a bounded number of requests per tab">{store.dropped} dropped (oldest)</span> : null}
      <span class="cl-status-spacer" />
      <span class={`cl-connection is-${store.connection}`} data-testid={TID.connection} data-status={store.connection}>
        {source?.kind === 'static' ? source.label : CONNECTION_WORD[store.connection]}
      </span>
    </div>
  );
}
