/**
 * List + detail, split side by side when the panel is wide (DevTools docked at the bottom) and
 * stacked when it is narrow (docked to the side), like DevTools' own sidebars. The detail's size is
 * remembered per orientation; the handle can be dragged or moved with the arrow keys.
 */
import type { ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { readNumber } from '../lib/prefs';
import { ServicesContext } from '../services';
import { TID } from '../testids';

type Orientation = 'horizontal' | 'vertical';

const WIDE = 720;
const MIN_DETAIL = 220;
const MIN_LIST = 140;
const STEP = 16;
const BIG_STEP = 64;

export function clampSize(size: number, total: number): { size: number; min: number; max: number } {
  const min = Math.min(MIN_DETAIL, Math.max(0, total / 2));
  const max = Math.max(min, total - MIN_LIST);
  return { size: Math.round(Math.min(max, Math.max(min, size))), min: Math.round(min), max: Math.round(max) };
}

export function SplitView({ first, second }: { first: ComponentChildren; second: ComponentChildren | null }) {
  const { prefs } = useContext(ServicesContext);
  const root = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState(() => ({
    w: (typeof window !== 'undefined' && window.innerWidth) || 1000,
    h: (typeof window !== 'undefined' && window.innerHeight) || 600,
  }));
  const [saved, setSaved] = useState(() => ({
    horizontal: readNumber(prefs, 'split.horizontal', Number.NaN),
    vertical: readNumber(prefs, 'split.vertical', Number.NaN),
  }));
  const drag = useRef<{ start: number; size: number } | null>(null);

  useEffect(() => {
    const el = root.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0) setBox({ w: el.clientWidth, h: el.clientHeight });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const orientation: Orientation = box.w >= WIDE ? 'horizontal' : 'vertical';
  const total = orientation === 'horizontal' ? box.w : box.h;
  const wanted = saved[orientation];
  const { size, min, max } = clampSize(Number.isFinite(wanted) ? wanted : total * (orientation === 'horizontal' ? 0.5 : 0.55), total);

  const setSize = (next: number) => {
    const clamped = clampSize(next, total).size;
    setSaved((s) => ({ ...s, [orientation]: clamped }));
    prefs.set(`split.${orientation}`, String(clamped));
  };

  const pos = (e: PointerEvent) => (orientation === 'horizontal' ? e.clientX : e.clientY);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    // The detail pane is after the handle: moving the handle towards the start grows it.
    const grow = orientation === 'horizontal' ? 'ArrowLeft' : 'ArrowUp';
    const shrink = orientation === 'horizontal' ? 'ArrowRight' : 'ArrowDown';
    let next: number | null = null;
    if (e.key === grow) next = size + step;
    else if (e.key === shrink) next = size - step;
    else if (e.key === 'Home') next = max;
    else if (e.key === 'End') next = min;
    if (next === null) return;
    e.preventDefault();
    setSize(next);
  };

  return (
    <div ref={root} class={`cl-split is-${orientation}`}>
      <div class="cl-split-first">{first}</div>
      {second ? (
        <>
          <div class="cl-split-handle" role="separator" tabIndex={0}
            aria-orientation={orientation === 'horizontal' ? 'vertical' : 'horizontal'}
            aria-label="Resize the details pane" aria-valuemin={min} aria-valuemax={max} aria-valuenow={size}
            title="Drag, or use the arrow keys, to resize" data-testid={TID.splitHandle}
            onKeyDown={onKeyDown}
            onPointerDown={(e) => {
              e.preventDefault();
              e.currentTarget.setPointerCapture?.(e.pointerId);
              drag.current = { start: pos(e), size };
            }}
            onPointerMove={(e) => {
              const d = drag.current;
              if (d) setSize(d.size - (pos(e) - d.start));
            }}
            onPointerUp={(e) => {
              drag.current = null;
              e.currentTarget.releasePointerCapture?.(e.pointerId);
            }} />
          <div class="cl-split-second" style={{ flexBasis: `${size}px` }}>{second}</div>
        </>
      ) : null}
    </div>
  );
}
