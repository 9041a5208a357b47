/**
 * Reads and drives the real CORS Lens panel (inside DevTools) over CDP, through the panel's
 * data-testid attributes (src/panel/testids.ts).
 */
import { CdpSession, waitFor } from './cdp';

export interface RowInfo {
  id: string;
  blocked: boolean;
  corsError: string | null;
  text: string;
  /** The row's one-line reason, in plain words. */
  reason: string;
  platform: string | null;
  selected: boolean;
}

export class PanelDriver {
  constructor(readonly cdp: CdpSession) {}

  /** Imports a file (a HAR) through the panel's own file input, as the toolbar's Import button does. */
  async importFile(file: string): Promise<void> {
    await this.cdp.send('DOM.enable');
    const { root } = await this.cdp.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: -1 });
    const { nodeId } = await this.cdp.send<{ nodeId: number }>('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-testid="toolbar-import-input"]' });
    await this.cdp.send('DOM.setFileInputFiles', { nodeId, files: [file] });
  }

  async waitReady(): Promise<void> {
    await waitFor(() => this.cdp.evaluate<boolean>(`document.readyState === 'complete' && !!document.querySelector('[data-testid="app"]')`), 'the panel to render');
  }

  rows(): Promise<RowInfo[]> {
    return this.cdp.evaluate<RowInfo[]>(`[...document.querySelectorAll('[data-testid="exchange-row"]')].map((r) => ({
      id: r.getAttribute('data-exchange-id'),
      blocked: r.getAttribute('data-blocked') === 'true',
      corsError: r.getAttribute('data-cors-error') || null,
      text: r.textContent,
      reason: r.querySelector('[data-testid="row-reason"]')?.textContent ?? '',
      platform: r.querySelector('[data-testid="platform-badge"]')?.getAttribute('data-platform') ?? null,
      selected: r.getAttribute('aria-selected') === 'true',
    }))`);
  }

  /** Waits for the row of a lab scenario (its URL path holds /s/<scenario id>/). */
  async waitForScenarioRow(scenarioId: string, timeoutMs = 15_000): Promise<RowInfo> {
    return waitFor(async () => (await this.rows()).find((r) => r.text.includes(`/s/${scenarioId}/`)), `a panel row for scenario ${scenarioId}`, timeoutMs);
  }

  /** How many exchanges the list shows (all of them, not only the rows rendered by the virtual list). */
  count(): Promise<number> {
    return this.cdp.evaluate<number>(`Number(document.querySelector('[data-testid="exchange-list"]')?.getAttribute('data-count') ?? 0)`);
  }

  async waitForCount(n: number, timeoutMs = 30_000): Promise<void> {
    let last = -1;
    await waitFor(async () => (last = await this.count()) === n, `the panel to list ${n} exchanges`, timeoutMs).catch((e: unknown) => {
      throw new Error(`${String(e)} (it lists ${last})`);
    });
  }

  async clickRow(exchangeId: string): Promise<void> {
    await this.cdp.evaluate(`document.querySelector('[data-testid="exchange-row"][data-exchange-id=${JSON.stringify(exchangeId)}]').click()`);
  }

  /** A real mouse click (CDP Input events, so it counts as a user gesture) in the middle of an element. */
  async clickTestId(testid: string): Promise<void> {
    const box = await this.cdp.evaluate<{ x: number; y: number } | null>(`(() => {
      const el = document.querySelector('[data-testid=${JSON.stringify(testid)}]');
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    if (!box) throw new Error(`no element with data-testid=${testid}`);
    for (const type of ['mousePressed', 'mouseReleased'] as const) {
      await this.cdp.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
    }
  }

  /** Text of an element by testid, or null when absent. */
  text(testid: string): Promise<string | null> {
    return this.cdp.evaluate<string | null>(`document.querySelector('[data-testid=${JSON.stringify(testid)}]')?.textContent ?? null`);
  }

  attr(selector: string, name: string): Promise<string[]> {
    return this.cdp.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getAttribute(${JSON.stringify(name)}))`);
  }

  evaluate<T>(expression: string): Promise<T> {
    return this.cdp.evaluate<T>(expression);
  }

  /** Sends a real key press to the panel (CDP Input), e.g. 'ArrowDown', 'Enter'. */
  async press(key: string): Promise<void> {
    const codes: Record<string, number> = { ArrowDown: 40, ArrowUp: 38, Enter: 13, Home: 36, End: 35, PageDown: 34, PageUp: 33, Escape: 27 };
    const windowsVirtualKeyCode = codes[key] ?? 0;
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code: key, windowsVirtualKeyCode });
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode });
  }
}
