/** The Network-panel-like toolbar: Clear, Preserve log, filter, scope, platform, Import, Export. */
import { useContext, useRef } from 'preact/hooks';
import { PLATFORM_FILTER_OPTIONS } from '../lib/platforms';
import { UiContext } from '../services';
import { SCOPES, type Scope } from '../state/filters';
import { useStore } from '../state/use-store';
import { TID } from '../testids';
import { ExportMenu } from './export-menu';
import { ClearIcon, CloseIcon, FilterIcon, ImportIcon } from './icons';

const SCOPE_LABEL: Record<Scope, string> = { all: 'All', blocked: 'Blocked', 'cross-origin': 'Cross-origin' };
const SCOPE_TITLE: Record<Scope, string> = {
  all: 'Show every captured request',
  blocked: 'Show only requests the browser blocked',
  'cross-origin': 'Hide requests that CORS does not apply to (same-origin, no-cors)',
};
const SCOPE_TID: Record<Scope, string> = { all: TID.scopeAll, blocked: TID.scopeBlocked, 'cross-origin': TID.scopeCrossOrigin };

export function Toolbar() {
  const store = useStore();
  const ui = useContext(UiContext);
  const fileInput = useRef<HTMLInputElement>(null);
  const filterInput = useRef<HTMLInputElement>(null);
  const live = store.source?.kind === 'live';
  const { text, scope, platform } = store.filters;

  return (
    <div class="cl-toolbar" role="toolbar" aria-label="Request list controls" data-testid={TID.toolbar}>
      <button type="button" class="cl-icon-button" title="Clear" aria-label="Clear" data-testid={TID.clear}
        onClick={() => store.clear()}>
        <ClearIcon />
      </button>
      <span class="cl-toolbar-divider" />
      <label class="cl-checkbox" title={live ? 'Keep the list when the page navigates or reloads' : 'Only for live capture'}>
        <input type="checkbox" data-testid={TID.preserveLog} checked={store.preserveLog} disabled={!live}
          onChange={(e) => store.setPreserveLog(e.currentTarget.checked)} />
        Preserve log
      </label>
      <span class="cl-toolbar-divider" />
      <div class={`cl-filter ${text ? 'has-text' : ''}`}>
        <FilterIcon class="cl-filter-icon" />
        <input ref={filterInput} type="text" class="cl-filter-input" placeholder="Filter" spellcheck={false}
          aria-label="Filter requests (words, -word to exclude, method:PUT, status:403, host:…, error:…, is:blocked)"
          title="Words must all match. -word excludes. Keys: method: status: host: origin: error: platform: is:blocked|warning|preflight|cached|redirect"
          data-testid={TID.filterText} value={text}
          onInput={(e) => store.setFilters({ text: e.currentTarget.value })}
          onKeyDown={(e) => { if (e.key === 'Escape' && text) { e.stopPropagation(); store.setFilters({ text: '' }); } }} />
        {text ? (
          <button type="button" class="cl-filter-clear" aria-label="Clear filter" title="Clear filter"
            onClick={() => { store.setFilters({ text: '' }); filterInput.current?.focus(); }}>
            <CloseIcon size={12} />
          </button>
        ) : null}
      </div>
      <div class="cl-segmented" role="group" aria-label="Show" data-testid={TID.scope}>
        {SCOPES.map((s) => (
          <button type="button" key={s} class="cl-segment" aria-pressed={scope === s} title={SCOPE_TITLE[s]}
            data-testid={SCOPE_TID[s]} onClick={() => store.setFilters({ scope: s })}>
            {SCOPE_LABEL[s]}
          </button>
        ))}
      </div>
      <select class="cl-select" aria-label="Platform" title="Show only requests answered by this platform"
        data-testid={TID.platformFilter} value={platform}
        onChange={(e) => store.setFilters({ platform: e.currentTarget.value })}>
        {PLATFORM_FILTER_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <span class="cl-toolbar-divider" />
      <button type="button" class="cl-icon-button" title="Import HAR file… (or drop it on the panel)" aria-label="Import HAR file"
        data-testid={TID.importHar} onClick={() => fileInput.current?.click()}>
        <ImportIcon />
      </button>
      <input ref={fileInput} type="file" accept=".har,.json,application/json" hidden data-testid={TID.importInput}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // the same file again must fire change again
          if (file) ui.importFile(file);
        }} />
      <ExportMenu />
    </div>
  );
}

/** Opens a file picker for a HAR (the empty state's "Import a HAR file" button). */
export function useImportPicker(): () => void {
  const ui = useContext(UiContext);
  return () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.har,.json,application/json';
    input.onchange = () => { const f = input.files?.[0]; if (f) ui.importFile(f); };
    input.click();
  };
}
