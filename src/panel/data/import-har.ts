/**
 * Import a HAR file into the panel: parse the JSON here, turn entries into exchanges with the HAR
 * importer of src/har (one implementation shared with the CLI).
 */
import type { Exchange } from '../../model';

export interface ImportResult {
  exchanges: Exchange[];
  /** Shown in the import banner, e.g. the file name. */
  label: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

export async function importHarFile(file: Blob & { name?: string }): Promise<ImportResult> {
  return importHarText(await file.text(), file.name ?? 'HAR file');
}

export function importHarText(text: string, label: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportError(`${label} is not a HAR file (it is not valid JSON).`);
  }
  const entries = (json as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new ImportError(`${label} is not a HAR file (no log.entries).`);
  return { exchanges: exchangesFromHar(json), label };
}

/**
 * The one call into src/har. PENDING: src/har (the HAR importer, another engineer's task) has not
 * landed yet; until it does the panel reports that import is unavailable instead of guessing.
 */
function exchangesFromHar(_har: unknown): Exchange[] {
  throw new ImportError('HAR import is not available in this build yet.');
}
