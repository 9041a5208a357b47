/** The panel's top tab strip (Requests, Learn — room for Simulator later), DevTools tabbed-pane style. */
import { TID } from '../testids';

export type View = 'requests' | 'learn';

const TABS: { view: View; label: string; testId: string }[] = [
  { view: 'requests', label: 'Requests', testId: TID.tabRequests },
  { view: 'learn', label: 'Learn', testId: TID.tabLearn },
];

export function ViewTabs({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.view === view);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (at + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[next]!;
    onChange(t.view);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#cl-tab-${t.view}`)?.focus();
  };
  return (
    <div class="cl-tabs cl-view-tabs" role="tablist" aria-label="CORS Lens" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button type="button" role="tab" key={t.view} id={`cl-tab-${t.view}`} class="cl-tab" aria-selected={view === t.view}
          aria-controls={`cl-view-${t.view}`} tabIndex={view === t.view ? 0 : -1} data-testid={t.testId} onClick={() => onChange(t.view)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
