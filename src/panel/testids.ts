/**
 * `data-testid` values of the panel, the contract with the e2e suite (which drives the real DevTools panel).
 * Change one only together with its users in e2e/.
 *
 * Shell
 *   app                 root element; `data-theme` = "light" | "dark", `data-view` = "requests" | "learn"
 *                       `data-tour-step` = the part the first-run tour points at, while it shows
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
 *   toolbar-export (menu button), export-menu, export-item (`data-format` markdown|html|json|har, `data-scope` one|all),
 *   export-sensitive (checkbox "Include sensitive values", off by default), export-sensitive-warning
 *
 * List
 *   exchange-list       role="grid"; `aria-rowcount`; `data-count` = visible exchanges
 *   exchange-row        `data-exchange-id`, `data-blocked` "true"|"false", `data-cors-error` (empty when none),
 *                       `data-status` blocked|allowed|warning|pending|same-origin, aria-selected
 *   row-status, row-method, row-url, row-page-origin, row-codes, row-reason   cells of a row
 *   platform-badge      `data-platform` = PlatformId (in rows and in the detail headline)
 *   empty-state         no exchanges captured yet; `empty-learn` (opens Learn), `empty-reload` (reloads the page)
 *   no-matches          exchanges exist but the filters hide all of them; `reset-filters`
 *   filtering           nothing listed yet, but a filter is still being decided in the background
 *   status-bar, connection-status (`data-status` = connecting|connected|reconnecting|static)
 *
 * Detail
 *   split-handle        role="separator" between list and detail (drag, or arrow keys when focused)
 *   detail-pane, detail-close
 *   detail-headline, detail-cors-error (`data-cors-error`), detail-failed-parameter,
 *   verdict-alternative (another verdict the same evidence supports; `data-cors-error`, empty = not a CORS block)
 *   flow-diagram (<svg>), flow-step (`data-step` kind, `data-state` ok|fail|skipped|cached|pending)
 *   asked-allowed (table), asked-allowed-row (`data-check-id`, `data-result` pass|fail|skip)
 *   findings, finding (`data-finding-id`, `data-kind`, `data-severity`)
 *   fixes, fix-tab (`data-stack`, role="tab"), fix-panel, fix-snippet, copy-button
 *   raw-headers, header-block (`data-part` preflight-request|preflight-response|request|response|redirect-N),
 *   header-row (`data-cors` "true" on CORS-relevant headers), copy-curl-preflight, copy-curl-actual
 *   recheck-button, recheck-include-actual (checkbox), recheck-result (`data-outcome` fixed|still-failing|error,
 *                       `data-cors-error`)
 *   explain-toggle      "Explain like I'm new" (aria-pressed; remembered); explain (the expanded glossary),
 *                       explain-term (`data-term` origin|cors|preflight|acao|…), explain-learn-link (`data-step` = Learn step id:
 *                       switches to the Learn tab at that step)
 *   open-in-simulator   opens the Learn tab's simulator with this exchange carried over
 *
 * First-run tour (shown once for a live capture; the App's `tour` prop asks for it in tests)
 *   tour                the tip strip under the view tabs, `data-step` toolbar|list|detail|learn; never takes focus
 *   tour-next, tour-back, tour-dismiss   (Escape inside the strip dismisses too)
 *
 * Learn tab (inside learn-view, which has `data-section` walkthrough|simulator)
 *   learn-tab-walkthrough, learn-tab-simulator   its two tabs (role="tab", aria-selected)
 *   learn-steps         the step list (nav); learn-step-link (`data-step`, aria-current="step" on the current one)
 *   learn-step          the current step (`data-step`); learn-next, learn-back
 *   learn-example       the step's example (`data-variant`); learn-variant (role="radio", `data-variant`, aria-checked)
 *   learn-verdict       the example's verdict, computed by the rules: `data-verdict` blocked|allowed|not-cors|undecided,
 *                       `data-blocked`, `data-cors-error` (empty when none)
 *   learn-open-simulator   opens the example in the simulator
 *   learn-link          an external documentation link (MDN, AWS; target=_blank rel=noopener)
 *   learn-origin-result (`data-same` true|false), learn-preflight-result (`data-preflight` true|false),
 *   learn-max-age-result (`data-seconds`)   results of the steps' small widgets
 *   learn-tour          shows the first-run tour again
 *
 * Simulator (in the Learn tab)
 *   simulator           root; sim-preset (select; option values = preset ids, "" = custom), sim-source (`data-from` preset|capture|edited)
 *   sim-origin, sim-url, sim-method, sim-credentials (select omit|same-origin|include), sim-request-headers (textarea)
 *   sim-preflight-need  `data-preflight` true|false (whether an OPTIONS request is needed), `data-cross-origin`
 *   sim-preflight-cached   checkbox: the preflight is answered from the browser's preflight cache
 *   sim-preflight-answer   the preflight answer editor, present only when a preflight is sent: sim-preflight-request (the
 *                       OPTIONS request the browser sends), sim-preflight-status, sim-preflight-headers, sim-preflight-body
 *   sim-response-status, sim-response-headers, sim-response-body   the actual answer
 *   sim-input-error     a problem with what was typed (a line that is not `Name: value`, a bad status, a bad origin)
 *   sim-verdict         like learn-verdict, for the simulated exchange (flow-diagram, asked-allowed, findings and
 *                       fixes follow it, with the detail pane's test ids)
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
  exportSensitive: 'export-sensitive',
  exportSensitiveWarning: 'export-sensitive-warning',

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
  /** The list is empty so far, but a filter is still being decided in the background. */
  filtering: 'filtering',
  resetFilters: 'reset-filters',
  statusBar: 'status-bar',
  connection: 'connection-status',

  splitHandle: 'split-handle',
  detail: 'detail-pane',
  detailClose: 'detail-close',
  headline: 'detail-headline',
  corsError: 'detail-cors-error',
  failedParameter: 'detail-failed-parameter',
  verdictAlternative: 'verdict-alternative',
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
  recheckButton: 'recheck-button',
  recheckIncludeActual: 'recheck-include-actual',
  recheckResult: 'recheck-result',
  explainToggle: 'explain-toggle',
  explain: 'explain',
  explainTerm: 'explain-term',
  explainLearnLink: 'explain-learn-link',
  openInSimulator: 'open-in-simulator',

  tour: 'tour',
  tourNext: 'tour-next',
  tourBack: 'tour-back',
  tourDismiss: 'tour-dismiss',

  learnTabWalkthrough: 'learn-tab-walkthrough',
  learnTabSimulator: 'learn-tab-simulator',
  learnSteps: 'learn-steps',
  learnStepLink: 'learn-step-link',
  learnStep: 'learn-step',
  learnNext: 'learn-next',
  learnBack: 'learn-back',
  learnExample: 'learn-example',
  learnVariant: 'learn-variant',
  learnVerdict: 'learn-verdict',
  learnOpenSimulator: 'learn-open-simulator',
  learnLink: 'learn-link',
  learnOriginResult: 'learn-origin-result',
  learnPreflightResult: 'learn-preflight-result',
  learnMaxAgeResult: 'learn-max-age-result',
  learnTour: 'learn-tour',

  simulator: 'simulator',
  simPreset: 'sim-preset',
  simSource: 'sim-source',
  simOrigin: 'sim-origin',
  simUrl: 'sim-url',
  simMethod: 'sim-method',
  simCredentials: 'sim-credentials',
  simRequestHeaders: 'sim-request-headers',
  simPreflightNeed: 'sim-preflight-need',
  simPreflightCached: 'sim-preflight-cached',
  simPreflightAnswer: 'sim-preflight-answer',
  simPreflightRequest: 'sim-preflight-request',
  simPreflightStatus: 'sim-preflight-status',
  simPreflightHeaders: 'sim-preflight-headers',
  simPreflightBody: 'sim-preflight-body',
  simResponseStatus: 'sim-response-status',
  simResponseHeaders: 'sim-response-headers',
  simResponseBody: 'sim-response-body',
  simInputError: 'sim-input-error',
  simVerdict: 'sim-verdict',
} as const;

export type TestId = (typeof TID)[keyof typeof TID];
