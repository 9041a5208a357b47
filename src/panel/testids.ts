/**
 * `data-testid` values of the panel, the contract with the e2e suite (which drives the real DevTools panel).
 * Change one only together with its users in e2e/.
 *
 * Shell
 *   app                 root element; `data-theme` = "light" | "dark", `data-view` = "requests" | "learn"
 *   tab-requests, tab-learn   the view tabs (role="tab", aria-selected)
 *   learn-view          the Learn tab's content
 *   notice              transient message (import/export/copy errors), role="status"
 *   drop-overlay        shown while a file is dragged over the panel
 *   import-banner       shown while an imported HAR is displayed; `back-to-live` returns to capture
 *
 * Toolbar
 *   toolbar, toolbar-clear, toolbar-preserve-log (the checkbox input), toolbar-filter (text input),
 *   toolbar-scope (segmented group) with scope-all / scope-blocked / scope-cross-origin (aria-pressed),
 *   toolbar-platform (select; option values are PlatformId or "all"),
 *   toolbar-import (button), toolbar-import-input (the hidden <input type=file>: setInputFiles on it),
 *   toolbar-export (menu button), export-menu, export-item (`data-format` markdown|html|json|har, `data-scope` one|all)
 *
 * List
 *   exchange-list       role="grid"; `aria-rowcount`; `data-count` = visible exchanges
 *   exchange-row        `data-exchange-id`, `data-blocked` "true"|"false", `data-cors-error` (empty when none),
 *                       `data-status` blocked|allowed|warning|pending|same-origin, aria-selected
 *   row-status, row-method, row-url, row-page-origin, row-codes, row-reason   cells of a row
 *   platform-badge      `data-platform` = PlatformId (in rows and in the detail headline)
 *   empty-state         no exchanges captured yet; `empty-learn` (opens Learn), `empty-reload` (reloads the page)
 *   no-matches          exchanges exist but the filters hide all of them; `reset-filters`
 *   status-bar, connection-status (`data-status` = connecting|connected|reconnecting|static)
 *
 * Detail
 *   split-handle        role="separator" between list and detail (drag, or arrow keys when focused)
 *   detail-pane, detail-close
 *   detail-headline, detail-cors-error (`data-cors-error`), detail-failed-parameter
 *   flow-diagram (<svg>), flow-step (`data-step` kind, `data-state` ok|fail|skipped|cached|pending)
 *   asked-allowed (table), asked-allowed-row (`data-check-id`, `data-result` pass|fail|skip)
 *   findings, finding (`data-finding-id`, `data-kind`, `data-severity`)
 *   fixes, fix-tab (`data-stack`, role="tab"), fix-panel, fix-snippet, copy-button
 *   raw-headers, header-block (`data-part` preflight-request|preflight-response|request|response|redirect-N),
 *   header-row (`data-cors` "true" on CORS-relevant headers), copy-curl-preflight, copy-curl-actual
 */
export const TID = {
  app: 'app',
  tabRequests: 'tab-requests',
  tabLearn: 'tab-learn',
  learnView: 'learn-view',
  notice: 'notice',
  dropOverlay: 'drop-overlay',
  importBanner: 'import-banner',
  backToLive: 'back-to-live',

  toolbar: 'toolbar',
  clear: 'toolbar-clear',
  preserveLog: 'toolbar-preserve-log',
  filterText: 'toolbar-filter',
  scope: 'toolbar-scope',
  scopeAll: 'scope-all',
  scopeBlocked: 'scope-blocked',
  scopeCrossOrigin: 'scope-cross-origin',
  platformFilter: 'toolbar-platform',
  importHar: 'toolbar-import',
  importInput: 'toolbar-import-input',
  exportButton: 'toolbar-export',
  exportMenu: 'export-menu',
  exportItem: 'export-item',

  list: 'exchange-list',
  row: 'exchange-row',
  rowStatus: 'row-status',
  rowMethod: 'row-method',
  rowUrl: 'row-url',
  rowPageOrigin: 'row-page-origin',
  rowCodes: 'row-codes',
  rowReason: 'row-reason',
  platformBadge: 'platform-badge',
  emptyState: 'empty-state',
  emptyLearn: 'empty-learn',
  emptyReload: 'empty-reload',
  noMatches: 'no-matches',
  resetFilters: 'reset-filters',
  statusBar: 'status-bar',
  connection: 'connection-status',

  splitHandle: 'split-handle',
  detail: 'detail-pane',
  detailClose: 'detail-close',
  headline: 'detail-headline',
  corsError: 'detail-cors-error',
  failedParameter: 'detail-failed-parameter',
  flow: 'flow-diagram',
  flowStep: 'flow-step',
  askedAllowed: 'asked-allowed',
  askedAllowedRow: 'asked-allowed-row',
  findings: 'findings',
  finding: 'finding',
  fixes: 'fixes',
  fixTab: 'fix-tab',
  fixPanel: 'fix-panel',
  fixSnippet: 'fix-snippet',
  copyButton: 'copy-button',
  rawHeaders: 'raw-headers',
  headerBlock: 'header-block',
  headerRow: 'header-row',
  copyCurlPreflight: 'copy-curl-preflight',
  copyCurlActual: 'copy-curl-actual',
} as const;

export type TestId = (typeof TID)[keyof typeof TID];
