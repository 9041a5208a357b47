/**
 * Import a HAR file into the panel with the shared importer of src/har (the CLI uses the same one),
 * so a HAR shows exactly the exchanges `cors-lens analyze` would report.
 */
import { importHar, NO_OUTCOME_WARNING } from '../../har';
import type { Exchange } from '../../model';

export interface ImportResult {
  exchanges: Exchange[];
  /** Shown in the import banner, e.g. the file name. */
  label: string;
  /** One sentence on what was left out, e.g. "40 entries were not cross-origin CORS requests". */
  note?: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * Beyond this a HAR cannot become one JavaScript string in the panel (V8's limit is ~512 Mi
 * characters), and parsing it would hold DevTools for many seconds: the CLI handles such files.
 */
export const PANEL_MAX_HAR_BYTES = 512 * 1024 * 1024;

/** From this size on the panel says "Importing …" before it parses (that takes a second or more). */
export const LARGE_IMPORT_BYTES = 8 * 1024 * 1024;

const MiB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export async function importHarFile(file: Blob & { name?: string }): Promise<ImportResult> {
  const label = file.name ?? 'HAR file';
  if (file.size > PANEL_MAX_HAR_BYTES) {
    throw new ImportError(`${label} is ${MiB(file.size)}: the panel imports HAR files up to ${MiB(PANEL_MAX_HAR_BYTES)}. Run \`npx cors-lens analyze ${label}\` for larger recordings, or export a shorter one.`);
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    throw new ImportError(`${label}: the file could not be read (${err instanceof Error ? err.message : String(err)}).`);
  }
  return importHarText(text, label);
}

export function importHarText(text: string, label: string): ImportResult {
  let result;
  try {
    result = importHar(text);
  } catch (err) {
    throw new ImportError(`${label}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const s = result.stats;
  const left = s.sameOrigin + s.notCors + s.unknownOrigin;
  const notes: string[] = [];
  if (left) notes.push(left === 1 ? '1 other entry was not a cross-origin CORS request' : `${left} other entries were not cross-origin CORS requests`);
  if (s.invalidEntries) notes.push(`${s.invalidEntries} could not be read`);
  // Firefox's or a proxy's HAR: say once why "allowed" may be a reading, not the browser's word.
  if (result.warnings.includes(NO_OUTCOME_WARNING)) notes.push('the file does not record which requests the browser blocked: verdicts come from the headers');
  return { exchanges: result.exchanges, label, ...(notes.length ? { note: notes.join('; ') } : {}) };
}
