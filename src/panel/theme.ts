/** DevTools' theme for the panel: chrome.devtools.panels.themeName is "dark" or "default". */
import type { Theme } from './app';

export function themeFromName(name: string | undefined | null): Theme {
  return name === 'dark' ? 'dark' : 'light';
}

/** The theme DevTools reports now, and a way to hear about changes (Chrome ≥ 99). */
export function devtoolsTheme(onChange: (theme: Theme) => void): Theme {
  const panels = globalThis.chrome?.devtools?.panels;
  try {
    panels?.setThemeChangeHandler?.((name) => onChange(themeFromName(name)));
  } catch {
    // older Chrome: the theme is fixed for the panel's life
  }
  return themeFromName(panels?.themeName);
}

/** Mirror the theme on <html> so the page background and native controls (color-scheme) follow. */
export function applyDocumentTheme(theme: Theme, doc: Document = document): void {
  doc.documentElement.dataset.theme = theme;
}
