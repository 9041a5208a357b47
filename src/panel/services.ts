/**
 * What the UI needs from the outside world besides exchanges: clipboard, files in and out.
 * Injected through context so component tests can observe them without a browser's permissions.
 */
import { createContext } from 'preact';
import type { CredentialsMode, Exchange } from '../model';
import { copyText } from './lib/clipboard';
import { buildExport, downloadFile, type ExportFile, type ExportRequest } from './data/export';
import { importHarFile, type ImportResult } from './data/import-har';
import { localPrefs, type PrefStore } from './lib/prefs';

export interface PanelServices {
  copyText(text: string): Promise<boolean>;
  importHar(file: File): Promise<ImportResult>;
  buildExport(request: ExportRequest): ExportFile;
  download(file: ExportFile): void;
  prefs: PrefStore;
  /** Re-checks an exchange against the live server (from the live data source); absent when impossible. */
  recheck?: (exchange: Exchange, credentials: CredentialsMode, includeActual: boolean) => Promise<Exchange>;
}

export const defaultServices: PanelServices = {
  copyText: (text) => copyText(text),
  importHar: (file) => importHarFile(file),
  buildExport,
  download: (file) => downloadFile(file),
  prefs: localPrefs,
};

export const ServicesContext = createContext<PanelServices>(defaultServices);

export type NoticeKind = 'info' | 'error';

/** UI actions any component may trigger. */
export interface UiActions {
  notify(message: string, kind?: NoticeKind): void;
  openLearn(): void;
  /** Move keyboard focus into the detail pane (Enter on a row). */
  focusDetail(): void;
  /** Move keyboard focus back to the list (Escape in the detail pane). */
  focusList(): void;
  importFile(file: File): void;
}

export const UiContext = createContext<UiActions>({
  notify: () => undefined,
  openLearn: () => undefined,
  focusDetail: () => undefined,
  focusList: () => undefined,
  importFile: () => undefined,
});
