/** What the list shows when there is nothing to list: say what the panel does and how to get data. */
import { useContext } from 'preact/hooks';
import { UiContext } from '../services';
import { filtersActive } from '../state/filters';
import { useStore } from '../state/use-store';
import { TID } from '../testids';
import { ImportIcon, LearnIcon, ReloadIcon } from './icons';
import { useImportPicker } from './toolbar';

export function EmptyState() {
  const store = useStore();
  const ui = useContext(UiContext);
  const pickFile = useImportPicker();
  const source = store.source;
  const live = source?.kind === 'live';
  return (
    <div class="cl-empty" data-testid={TID.emptyState}>
      <div class="cl-empty-inner">
        <h2 class="cl-empty-title">{live ? 'Recording cross-origin requests' : 'No requests in this list'}</h2>
        <p>
          CORS Lens explains why the browser blocked a cross-origin request — in plain words — and what to change
          on the server (API Gateway, Lambda, CloudFront, S3, nginx, Express…) to fix it.
        </p>
        {live ? (
          <p>Requests are captured while DevTools is open. Reload the page to capture the requests it makes on load.</p>
        ) : null}
        <div class="cl-empty-actions">
          {live && source?.reloadPage ? (
            <button type="button" class="cl-button is-primary" data-testid={TID.emptyReload} onClick={() => source.reloadPage?.()}>
              <ReloadIcon size={14} /> Reload page
            </button>
          ) : null}
          <button type="button" class="cl-button" onClick={pickFile}><ImportIcon size={14} /> Import a HAR file</button>
          <button type="button" class="cl-button" data-testid={TID.emptyLearn} onClick={() => ui.openLearn()}>
            <LearnIcon size={14} /> Learn how CORS works
          </button>
        </div>
      </div>
    </div>
  );
}

export function NoMatches() {
  const store = useStore();
  if (store.filterPending) {
    // Not "no match" yet: exchanges not analysed so far may still match.
    const c = store.counts();
    return (
      <div class="cl-empty is-compact" data-testid={TID.filtering} role="status">
        <div class="cl-empty-inner">
          <p>Filtering… {c.analysed} of {c.total} requests analysed so far.</p>
        </div>
      </div>
    );
  }
  return (
    <div class="cl-empty is-compact" data-testid={TID.noMatches}>
      <div class="cl-empty-inner">
        <p>
          No request matches the filters ({store.total} hidden).
          {filtersActive(store.filters) ? (
            <>
              {' '}
              <button type="button" class="cl-link" data-testid={TID.resetFilters}
                onClick={() => store.setFilters({ text: '', scope: 'all', platform: 'all' })}>Show all requests</button>
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}
