/**
 * The virtualized request list (role="grid"). Only the rows in view (plus a few) are in the DOM;
 * every row has the same height, so a row's position is index × ROW_HEIGHT.
 *
 * Focus stays on the grid element and aria-activedescendant names the selected row: a roving
 * tabindex would break as soon as the focused row scrolls out and is removed.
 */
import { useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { UiContext } from '../services';
import { useStore } from '../state/use-store';
import { TID } from '../testids';
import { EmptyState, NoMatches } from './empty-state';
import { ExchangeRow, ListHeader, ROW_HEIGHT, rowDomId } from './exchange-row';
import { pageSize, rowWindow, scrollToReveal } from './virtual';

const HEADER_HEIGHT = ROW_HEIGHT;
const OVERSCAN = 10;

export function ExchangeList({ gridRef }: { gridRef?: { current: HTMLDivElement | null } }) {
  const store = useStore();
  const ui = useContext(UiContext);
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = gridRef ?? ownRef;
  const ids = store.visibleIds();
  const total = store.total;
  const selectedId = store.selectedId;
  const selectedIndex = store.visibleIndex(selectedId);

  // Before the first measurement, assume the window's height: rows show on the first paint.
  const [viewport, setViewport] = useState(() => (typeof window !== 'undefined' && window.innerHeight) || 600);
  // Re-render only when the first visible row changes, not on every scroll pixel.
  const [firstRow, setFirstRow] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver(() => { if (el.clientHeight > 0) setViewport(el.clientHeight); });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);

  const rowsViewport = Math.max(ROW_HEIGHT, viewport - HEADER_HEIGHT);
  const win = rowWindow({ scrollTop: firstRow * ROW_HEIGHT, viewportHeight: rowsViewport, rowHeight: ROW_HEIGHT, count: ids.length, overscan: OVERSCAN });

  const reveal = useCallback((index: number) => {
    const el = ref.current;
    if (!el || index < 0) return;
    const h = el.clientHeight > 0 ? el.clientHeight - HEADER_HEIGHT : rowsViewport;
    const next = scrollToReveal(index, el.scrollTop, h, ROW_HEIGHT);
    if (next !== null) {
      el.scrollTop = next;
      setFirstRow(Math.floor(next / ROW_HEIGHT));
    }
  }, [ref, rowsViewport]);

  // Rows inserted above the viewport (an earlier start time arriving late) must not push the rows
  // the user is looking at: keep the first visible row where it was.
  const anchor = useRef<{ id: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const a = anchor.current;
    if (el && a && el.scrollTop > 0) {
      const now = store.visibleIndex(a.id);
      if (now >= 0 && now !== a.index) {
        el.scrollTop += (now - a.index) * ROW_HEIGHT;
        setFirstRow(Math.floor(el.scrollTop / ROW_HEIGHT));
      }
    }
    const top = el ? Math.floor(el.scrollTop / ROW_HEIGHT) : 0;
    const id = ids[top];
    anchor.current = id === undefined ? null : { id, index: top };
  }, [ids, ref, store]);

  // Filters changed: bring the selection back into view if it is still listed.
  const filterKey = `${store.filters.text}|${store.filters.scope}|${store.filters.platform}`;
  useLayoutEffect(() => { reveal(store.visibleIndex(store.selectedId)); }, [filterKey]);

  const select = useCallback((id: string) => store.select(id), [store]);
  const activate = useCallback((id: string) => { store.select(id); ui.focusDetail(); }, [store, ui]);

  const onKeyDown = (e: KeyboardEvent) => {
    const n = ids.length;
    if (n === 0) return;
    const cur = selectedIndex;
    const page = pageSize(ref.current && ref.current.clientHeight > 0 ? ref.current.clientHeight - HEADER_HEIGHT : rowsViewport, ROW_HEIGHT);
    let next: number;
    switch (e.key) {
      case 'ArrowDown': next = cur < 0 ? 0 : Math.min(n - 1, cur + 1); break;
      case 'ArrowUp': next = cur < 0 ? 0 : Math.max(0, cur - 1); break;
      case 'Home': next = 0; break;
      case 'End': next = n - 1; break;
      case 'PageDown': next = Math.min(n - 1, Math.max(cur, 0) + page); break;
      case 'PageUp': next = Math.max(0, cur - page); break;
      case 'Enter':
        if (cur >= 0) { e.preventDefault(); ui.focusDetail(); }
        return;
      default:
        return;
    }
    e.preventDefault();
    const id = ids[next];
    if (id !== undefined) store.select(id);
    reveal(next);
  };

  const rows = [];
  for (let i = win.start; i < win.end; i++) {
    const id = ids[i];
    const ex = id === undefined ? undefined : store.exchange(id);
    if (!ex) continue;
    rows.push(<ExchangeRow key={ex.id} row={store.row(ex)} index={i} selected={ex.id === selectedId} onSelect={select} onActivate={activate} />);
  }

  return (
    <div class="cl-list">
      <div ref={ref} class="cl-grid" role="grid" tabIndex={0} aria-label="Cross-origin requests"
        aria-rowcount={ids.length + 1} aria-colcount={7} aria-multiselectable={false}
        aria-activedescendant={selectedIndex >= 0 && selectedId !== null ? rowDomId(selectedId) : undefined}
        data-testid={TID.list} data-count={ids.length}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          const r = Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT);
          if (r !== firstRow) setFirstRow(r);
          const id = ids[r];
          anchor.current = id === undefined ? null : { id, index: r };
        }}>
        <div role="rowgroup" class="cl-grid-head"><ListHeader /></div>
        <div role="rowgroup" class="cl-grid-body" style={{ height: `${win.totalHeight}px` }}>{rows}</div>
      </div>
      {total === 0 ? <EmptyState /> : ids.length === 0 ? <NoMatches /> : null}
    </div>
  );
}
