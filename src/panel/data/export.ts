/**
 * Export reports (Markdown, HTML, JSON, HAR) for one exchange or all of them. The formats are
 * produced by src/report (shared with the CLI); this file only asks for one and saves it.
 */
import type { Diagnosis, Exchange } from '../../model';

export const EXPORT_FORMATS = ['markdown', 'html', 'json', 'har'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportScope = 'one' | 'all';

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  markdown: 'Markdown',
  html: 'HTML',
  json: 'JSON',
  har: 'HAR',
};

export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  items: { exchange: Exchange; diagnosis: Diagnosis }[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export class ExportError extends Error {
  override name = 'ExportError';
}

/**
 * The one call into src/report. PENDING: src/report (another engineer's task) has not landed yet;
 * until it does the menu reports that export is unavailable.
 */
export function buildExport(_request: ExportRequest): ExportFile {
  throw new ExportError('Export is not available in this build yet.');
}

/** Save a file from the panel (a blob URL and a download link: no extra permission needed). */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
