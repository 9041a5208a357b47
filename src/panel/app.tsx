/**
 * The CORS Lens panel. Renders the same with any DataSource: the live capture in DevTools, a fixed
 * list in tests and the preview page, an imported HAR.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DataSource } from './data/source';
import { LARGE_IMPORT_BYTES } from './data/import-har';
import { StaticSource } from './data/static-source';
import { DetailPane } from './components/detail/detail-pane';
import { ExchangeList } from './components/exchange-list';
import { LearnView } from './components/learn-view';
import { LearnNavContext, useLearnNav } from './learn/nav';
import { Tour } from './learn/tour';
import { SplitView } from './components/split-view';
import { StatusBar } from './components/status-bar';
import { Toolbar } from './components/toolbar';
import { ViewTabs, type View } from './components/view-tabs';
import { CloseIcon } from './components/icons';
import { defaultServices, ServicesContext, UiContext, type NoticeKind, type PanelServices, type UiActions } from './services';
import type { DiagnoseFn } from './state/safe-diagnose';
import { PanelStore } from './state/store';
import { StoreContext, useStore } from './state/use-store';
import { TID } from './testids';
import './styles/panel.css';

export type Theme = 'light' | 'dark';

export interface AppProps {
  source: DataSource;
  theme?: Theme;
  /** The rules engine's diagnose (default: src/rules). Tests pass their own to control the content. */
  diagnose?: DiagnoseFn;
  services?: Partial<PanelServices>;
  /** Show the first-run tour (once: dismissing it is remembered in prefs). Default: only for a live capture. */
  tour?: boolean;
}

interface Notice { id: number; message: string; kind: NoticeKind }

export function App({ source, theme = 'light', diagnose, services: overrides, tour }: AppProps) {
  // Services are fixed for the panel's life (tests pass them once).
  const [baseServices] = useState<PanelServices>(() => ({ ...defaultServices, ...overrides }));
  // Re-check goes through the live source (the worker sends the requests); tests may inject their own.
  const services = useMemo<PanelServices>(() => (baseServices.recheck || !source.recheck ? baseServices
    : { ...baseServices, recheck: source.recheck.bind(source) }), [baseServices, source]);
  // Attach during the first render so a source that already has data paints it at once.
  const [store] = useState(() => {
    const s = new PanelStore({ diagnose, prefs: services.prefs });
    s.attach(source);
    return s;
  });
  const [view, setView] = useState<View>('requests');
  const openLearnView = useCallback(() => setView('learn'), []);
  const openRequestsView = useCallback(() => setView('requests'), []);
  const [tourAllowed] = useState(() => tour ?? source.kind === 'live');
  const learn = useLearnNav({ openLearnView, openRequestsView, prefs: services.prefs, tour: tourAllowed });
  const [imported, setImported] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const detailRef = useRef<HTMLDivElement | null>(null);
  const pendingFocus = useRef<'detail' | 'list' | null>(null);
  const [focusTick, setFocusTick] = useState(0);

  useEffect(() => {
    if (store.source !== source) { store.attach(source); setImported(null); }
  }, [source, store]);
  useEffect(() => () => store.detach(), [store]);

  useEffect(() => {
    if (!notice) return undefined;
    const t = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), notice.kind === 'error' ? 8000 : 4000);
    return () => clearTimeout(t);
  }, [notice]);

  useEffect(() => {
    const target = pendingFocus.current === 'detail' ? detailRef.current : pendingFocus.current === 'list' ? gridRef.current : null;
    if (target) { target.focus(); pendingFocus.current = null; }
  }, [focusTick]);

  const notify = useCallback((message: string, kind: NoticeKind = 'info') => {
    setNotice((n) => ({ id: (n?.id ?? 0) + 1, message, kind }));
  }, []);

  const importFile = useCallback(async (file: File) => {
    try {
      // Big recordings take seconds to parse: say so first, and let that paint.
      if (file.size >= LARGE_IMPORT_BYTES) {
        notify(`Importing ${file.name} (${(file.size / 1024 / 1024).toFixed(1)} MiB)…`);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      }
      const result = await services.importHar(file);
      store.attach(new StaticSource(result.exchanges, result.label));
      setImported(result.label);
      setView('requests');
      const n = result.exchanges.length;
      notify(`Imported ${n} cross-origin request${n === 1 ? '' : 's'} from ${result.label}${result.note ? ` (${result.note})` : ''}.`);
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  }, [services, store, notify]);

  const ui = useMemo<UiActions>(() => ({
    notify,
    openLearn: () => setView('learn'),
    focusDetail: () => { pendingFocus.current = 'detail'; setFocusTick((t) => t + 1); },
    focusList: () => { pendingFocus.current = 'list'; setFocusTick((t) => t + 1); },
    importFile: (file) => { void importFile(file); },
  }), [notify, importFile]);

  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

  return (
    <ServicesContext.Provider value={services}>
      <StoreContext.Provider value={store}>
        <UiContext.Provider value={ui}><LearnNavContext.Provider value={learn.nav}>
          <div class="cl-app" data-theme={theme} data-view={view} data-tour-step={learn.tour.step ?? undefined} data-testid={TID.app}
            onKeyDown={(e) => {
              // Ctrl/⌘+F: the filter box, as in the Network panel.
              if (e.key.toLowerCase() === 'f' && (e.ctrlKey || e.metaKey) && !e.altKey && view === 'requests') {
                const input = (e.currentTarget as HTMLElement).querySelector<HTMLInputElement>(`[data-testid="${TID.filterText}"]`);
                if (input) { e.preventDefault(); input.focus(); input.select(); }
              }
            }}
            onDragEnter={(e) => { if (hasFiles(e)) { e.preventDefault(); dragDepth.current++; setDragging(true); } }}
            onDragOver={(e) => { if (hasFiles(e)) { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; } }}
            onDragLeave={() => { dragDepth.current = Math.max(0, dragDepth.current - 1); if (dragDepth.current === 0) setDragging(false); }}
            onDrop={(e) => {
              if (!hasFiles(e)) return;
              e.preventDefault();
              dragDepth.current = 0;
              setDragging(false);
              const file = e.dataTransfer?.files?.[0];
              if (file) void importFile(file);
            }}>
            <ViewTabs view={view} onChange={setView} />
            <Tour tour={learn.tour} />
            {view === 'requests' ? (
              <div class="cl-view" role="tabpanel" id="cl-view-requests" aria-labelledby="cl-tab-requests">
                <Toolbar />
                {imported !== null ? (
                  <div class="cl-banner" data-testid={TID.importBanner}>
                    <span>Showing requests imported from <strong>{imported}</strong>.</span>
                    <button type="button" class="cl-link" data-testid={TID.backToLive}
                      onClick={() => { store.attach(source); setImported(null); }}>
                      {source.kind === 'live' ? 'Back to live capture' : 'Close import'}
                    </button>
                  </div>
                ) : null}
                <RequestsBody gridRef={gridRef} detailRef={detailRef} />
                <StatusBar />
              </div>
            ) : (
              <div class="cl-view" role="tabpanel" id="cl-view-learn" aria-labelledby="cl-tab-learn">
                <LearnView onBack={() => setView('requests')} />
              </div>
            )}
            {dragging ? (
              <div class="cl-drop" data-testid={TID.dropOverlay}><div class="cl-drop-inner">Drop a HAR file to import it</div></div>
            ) : null}
            {notice ? (
              <div class={`cl-notice is-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={TID.notice}>
                <span>{notice.message}</span>
                <button type="button" class="cl-icon-button" aria-label="Dismiss" onClick={() => setNotice(null)}><CloseIcon size={12} /></button>
              </div>
            ) : null}
          </div>
        </LearnNavContext.Provider></UiContext.Provider>
      </StoreContext.Provider>
    </ServicesContext.Provider>
  );
}

function RequestsBody({ gridRef, detailRef }: { gridRef: { current: HTMLDivElement | null }; detailRef: { current: HTMLDivElement | null } }) {
  const store = useStore();
  const selected = store.selected;
  const onClose = useCallback(() => { store.select(null); gridRef.current?.focus(); }, [store, gridRef]);
  const onEscape = useCallback(() => gridRef.current?.focus(), [gridRef]);
  return (
    <SplitView
      first={<ExchangeList gridRef={gridRef} />}
      second={selected ? (
        <DetailPane exchange={selected} diagnosis={store.diagnosis(selected)} onClose={onClose} onEscape={onEscape}
          paneRef={detailRef} />
      ) : null} />
  );
}
