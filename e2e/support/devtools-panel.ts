/**
 * Drives the REAL DevTools front end and the CORS Lens panel inside it over CDP.
 *
 * DevTools internals used here (verified on Chromium 156, see ../shared/reference/chromium-testing.md):
 * `ui/legacy/legacy.js` → `InspectorView.InspectorView.instance()`, its `tabbedPane.tabIds()` and
 * `showPanel(id)`. They are kept in this one file; when Chromium changes them, the error says so.
 */
import { CdpSession, listTargets, waitFor, type TargetInfo } from './cdp';

export const PANEL_TITLE = 'CORS Lens';
export const PANEL_PATH = 'src/panel/panel.html';
export const DEVTOOLS_PAGE_PATH = 'src/devtools/devtools.html';

export interface DevtoolsHandle {
  /** The DevTools front-end page target (devtools://devtools/bundled/devtools_app.html). */
  frontEnd: CdpSession;
  /** The panel iframe (chrome-extension://<id>/src/panel/panel.html), available after showPanel(). */
  panel: CdpSession;
  /** The extension's devtools page of this tab (has chrome.devtools.network, e.g. getHAR). */
  devtoolsPage: CdpSession;
  tabId: number;
  close: () => void;
}

async function connectTo(target: TargetInfo): Promise<CdpSession> {
  if (!target.webSocketDebuggerUrl) throw new Error(`Target ${target.url} has no webSocketDebuggerUrl`);
  return CdpSession.connect(target.webSocketDebuggerUrl);
}

/** Waits for the extension page target at `url` (one per DevTools window) whose inspected tab is `tabId`. */
function extensionTargetFor(cdpPort: number, url: string, tabId: number, what: string, timeoutMs: number): Promise<TargetInfo> {
  return waitFor(async () => {
    for (const t of await listTargets(cdpPort)) {
      if (!t.url.startsWith(url)) continue;
      const s = await connectTo(t);
      try {
        if ((await s.evaluate<number>('chrome.devtools.inspectedWindow.tabId')) === tabId) return t;
      } finally {
        s.close();
      }
    }
    return null;
  }, what, timeoutMs);
}

/**
 * Finds the DevTools window whose devtools page inspects `tabId` (one window per tab), shows the
 * CORS Lens panel in it and attaches to the panel's iframe.
 */
export async function openPanel(cdpPort: number, extensionId: string, tabId: number, timeoutMs = 20_000): Promise<DevtoolsHandle> {
  const devtoolsPageUrl = `chrome-extension://${extensionId}/${DEVTOOLS_PAGE_PATH}`;
  const panelUrl = `chrome-extension://${extensionId}/${PANEL_PATH}`;

  // 1. The extension's devtools page of that tab: the devtools page itself knows its inspected tab.
  const devtoolsPage = await extensionTargetFor(cdpPort, devtoolsPageUrl, tabId, `the CORS Lens devtools page for tab ${tabId}`, timeoutMs);

  // 2. The front-end page hosting it: the devtools page target's parent. /json/list has no parent
  //    field, so ask the browser target via Target.getTargets (it has openerId/parent info).
  const version = (await (await fetch(`http://127.0.0.1:${cdpPort}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const browser = await CdpSession.connect(version.webSocketDebuggerUrl);
  let frontEndTarget: TargetInfo;
  try {
    const { targetInfos } = await browser.send<{ targetInfos: Array<{ targetId: string; type: string; url: string; parentId?: string; openerId?: string }> }>(
      'Target.getTargets',
    );
    const dp = targetInfos.find((t) => t.targetId === devtoolsPage.id);
    const parentId = dp?.parentId;
    const fe = (await listTargets(cdpPort)).find((t) => t.id === parentId)
      ?? (await listTargets(cdpPort)).find((t) => t.url.startsWith('devtools://devtools/') && t.type === 'page');
    if (!fe) throw new Error('DevTools front-end target not found (was --auto-open-devtools-for-tabs passed?)');
    frontEndTarget = fe;
  } finally {
    browser.close();
  }

  const frontEnd = await connectTo(frontEndTarget);
  // 3. Show our panel through DevTools' own InspectorView.
  // DevTools names an extension panel's tab "chrome-extension://<id><title without spaces>".
  const panelTabId = `chrome-extension://${extensionId}${PANEL_TITLE.replace(/\s+/g, '')}`;
  await waitFor(async () => {
    const result = await frontEnd.evaluate<{ ok: boolean; ids?: string[]; error?: string }>(`(async () => {
      try {
        const UI = await import('./ui/legacy/legacy.js');
        const view = UI.InspectorView.InspectorView.instance();
        const ids = view.tabbedPane.tabIds();
        if (!ids.includes(${JSON.stringify(panelTabId)})) return { ok: false, ids };
        await view.showPanel(${JSON.stringify(panelTabId)});
        return { ok: true, ids };
      } catch (e) {
        return { ok: false, error: 'DevTools internals changed (ui/legacy/legacy.js InspectorView): ' + String(e) };
      }
    })()`);
    if (result.error) throw new Error(result.error);
    return result.ok;
  }, `the "${PANEL_TITLE}" panel tab in DevTools`, timeoutMs);

  // 4. The panel iframe target appears once the panel is shown. Several DevTools windows may each
  //    have one: pick the one whose inspected tab is ours.
  const panelTarget = await extensionTargetFor(cdpPort, panelUrl, tabId, 'the CORS Lens panel iframe', timeoutMs);
  const panel = await connectTo(panelTarget);
  await panel.send('Runtime.enable');
  const devtoolsPageSession = await connectTo(devtoolsPage);
  return { frontEnd, panel, devtoolsPage: devtoolsPageSession, tabId, close: () => { frontEnd.close(); panel.close(); devtoolsPageSession.close(); } };
}

/** A PNG of the whole DevTools window (with the panel in it). */
export async function screenshotDevtools(handle: DevtoolsHandle): Promise<Buffer> {
  const r = await handle.frontEnd.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
  return Buffer.from(r.data, 'base64');
}

/** The HAR DevTools itself recorded for the inspected tab (chrome.devtools.network.getHAR). */
export async function getHar(handle: DevtoolsHandle): Promise<{ entries: unknown[]; pages?: unknown[] }> {
  return handle.devtoolsPage.evaluate<{ entries: unknown[] }>(
    'new Promise((resolve) => chrome.devtools.network.getHAR((log) => resolve(JSON.parse(JSON.stringify(log)))))',
  );
}

/**
 * Undocks DevTools, closes its console drawer and gives its window a fixed size, so screenshots show
 * the panel alone, at a size that reads well in docs. (DevTools internals: `ui/legacy/legacy.js`
 * DockController and InspectorView.)
 */
export async function undock(handle: DevtoolsHandle, size = { width: 1200, height: 760 }): Promise<void> {
  await handle.frontEnd.evaluate(`(async () => {
    const UI = await import('./ui/legacy/legacy.js');
    UI.DockController.DockController.instance().setDockSide('undocked');
    // The console drawer (Escape toggles it, and DevTools remembers) would cover half the panel.
    UI.InspectorView.InspectorView.instance().closeDrawer();
  })()`);
  await handle.frontEnd.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1, mobile: false });
  await waitFor(() => handle.panel.evaluate<boolean>(`innerWidth === ${size.width}`), 'DevTools to take its new size');
}
