/** HAR in and out. Pure: used by the CLI, the panel (file import/export) and the devtools page (live entries). */
export { HarImportError, isHarImportError, type HarImportErrorCode } from './errors';
export {
  exchangesFromHarEntries, importHar, importHarEntries, NO_OUTCOME_WARNING, parseHarText,
  type HarImportOptions, type HarImportResult, type HarImportStats,
} from './import';
export { exportHar, type HarExportDocument, type HarExportEntry, type HarExportOptions } from './export';
export { BODY_SNIPPET_LIMIT } from './record';
