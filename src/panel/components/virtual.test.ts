import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageSize, rowWindow, scrollToReveal } from './virtual';

describe('rowWindow', () => {
  it('draws every row that intersects the viewport, within bounds', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2_000 }),
      fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 20 }),
      (count, rowHeight, viewportHeight, scrollTop, overscan) => {
        const w = rowWindow({ count, rowHeight, viewportHeight, scrollTop, overscan });
        expect(w.totalHeight).toBe(count * rowHeight);
        expect(w.start).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(count);
        expect(w.start).toBeLessThanOrEqual(w.end);
        // The browser clamps scrollTop to [0, total - viewport]; every row visible there must be drawn.
        const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - viewportHeight));
        for (let i = 0; i < count; i++) {
          const visible = i * rowHeight < top + viewportHeight && (i + 1) * rowHeight > top;
          if (visible) expect(i >= w.start && i < w.end).toBe(true);
        }
        // …and not many more than fit, plus the overscan on each side.
        if (count > 0) expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 2 + 2 * overscan);
      },
    ), { numRuns: 300 });
  });

  it('draws nothing for an empty list', () => {
    expect(rowWindow({ count: 0, rowHeight: 22, viewportHeight: 500, scrollTop: 0, overscan: 5 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
  });
});

describe('scrollToReveal', () => {
  it('brings the row fully into view, and leaves a visible row alone', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 22, max: 1_000 }),
      (index, scrollTop, viewport) => {
        const rowH = 22;
        const next = scrollToReveal(index, scrollTop, viewport, rowH);
        const fullyVisible = (st: number) => index * rowH >= st && (index + 1) * rowH <= st + viewport;
        if (fullyVisible(scrollTop)) expect(next).toBeNull();
        else {
          expect(next).not.toBeNull();
          expect(fullyVisible(next!)).toBe(true);
        }
      },
    ));
  });
});

describe('pageSize', () => {
  it('is one row less than fits, and at least 1', () => {
    expect(pageSize(220, 22)).toBe(9);
    expect(pageSize(10, 22)).toBe(1);
  });
});
