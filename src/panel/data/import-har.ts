/**
 * Import a HAR file into the panel with the shared importer of src/har (the CLI uses the same one),
 * so a HAR shows exactly the exchanges `cors-lens analyze` would report.
 */
import { importHar } from '../../har';
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

export async function importHarFile(file: Blob & { name?: string }): Promise<ImportResult> {
  return importHarText(await file.text(), file.name ?? 'HAR file');
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
  return { exchanges: result.exchanges, label, ...(notes.length ? { note: notes.join('; ') } : {}) };
}
