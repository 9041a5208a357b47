/**
 * The devtools page: runs as soon as DevTools opens for a tab, before the panel is ever shown.
 * It tells the worker to start capturing this tab (an open port = "DevTools is open"), reconnects
 * when the MV3 worker restarts, and creates the CORS Lens panel.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { portName, type ToWorker } from '../messaging/protocol';

const tabId = browser.devtools.inspectedWindow.tabId;

function connect(): void {
  let port: Runtime.Port;
  try {
    port = browser.runtime.connect({ name: portName('devtools', tabId) });
  } catch {
    setTimeout(connect, 250);
    return;
  }
  const hello: ToWorker = { type: 'hello', tabId };
  port.postMessage(hello);
  // The worker went away (stopped after idling, or updated): connecting again wakes a new one.
  port.onDisconnect.addListener(() => setTimeout(connect, 50));
}

connect();
void browser.devtools.panels.create('CORS Lens', '/icons/icon-32.png', 'src/panel/panel.html');
