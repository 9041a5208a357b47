/**
 * Boot the panel inside DevTools: live capture for the inspected tab, DevTools' theme.
 * (src/panel/preview/ boots the same App with a StaticSource outside DevTools.)
 */
import { render } from 'preact';
import { App, type Theme } from './app';
import { ExtensionSource } from './data/extension-source';
import { StaticSource } from './data/static-source';
import type { DataSource } from './data/source';
import { applyDocumentTheme, devtoolsTheme } from './theme';

const root = document.getElementById('app');
if (!root) throw new Error('panel.html has no #app element');

const devtools = globalThis.chrome?.devtools;
const source: DataSource = devtools
  ? new ExtensionSource({
    tabId: devtools.inspectedWindow.tabId,
    reloadPage: () => devtools.inspectedWindow.reload({}),
  })
  : new StaticSource([], 'Not running in DevTools');

function show(theme: Theme): void {
  applyDocumentTheme(theme);
  render(<App source={source} theme={theme} />, root!);
}

show(devtoolsTheme(show));
