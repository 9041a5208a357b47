/**
 * Export reports (Markdown, HTML, JSON, HAR) for one exchange or all listed ones. The formats come
 * from src/report (and src/har for HAR), shared with the CLI; reports are redacted by default.
 */
import type { Diagnosis, Exchange, ExchangeSource } from '../../model';
import { exportHar } from '../../har';
import { buildReport, renderReport, type ReportFormat } from '../../report';

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
  /** Where the exchanges came from (live capture, an imported file …), for the report's header. */
  source: { kind: ExchangeSource; name?: string; pageUrl?: string };
  /** Keep secrets (Authorization, cookies, tokens, bodies) instead of redacting them. Off by default. */
  includeSensitive?: boolean;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export class ExportError extends Error {
  override name = 'ExportError';
}

const EXT: Record<ExportFormat, string> = { markdown: 'md', html: 'html', json: 'json', har: 'har' };
const MIME: Record<ExportFormat, string> = {
  markdown: 'text/markdown', html: 'text/html', json: 'application/json', har: 'application/json',
};

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** A file name from foreign text: letters, digits and dashes only. */
export function exportFileName(request: Pick<ExportRequest, 'format' | 'scope' | 'items'>, now: Date): string {
  let what = 'report';
  const first = request.items[0]?.exchange;
  if (request.scope === 'one' && first) {
    let host = '';
    try { host = new URL(first.request.url).host; } catch { /* keep empty */ }
    what = `${first.request.method}-${host}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'request';
  }
  return `cors-lens-${what}-${stamp(now)}.${EXT[request.format]}`;
}

export function buildExport(request: ExportRequest, now = new Date()): ExportFile {
  if (request.items.length === 0) throw new ExportError('Nothing to export.');
  const fileName = exportFileName(request, now);
  if (request.format === 'har') {
    const doc = exportHar(request.items.map((i) => i.exchange), { includeSensitive: request.includeSensitive === true });
    return { fileName, mimeType: MIME.har, content: `${JSON.stringify(doc, null, 2)}\n` };
  }
  const report = buildReport(request.items, { source: request.source, generatedAt: now, includeSensitive: request.includeSensitive === true });
  if (report.exchanges.length === 0) throw new ExportError('Nothing to export: these requests are not cross-origin CORS requests.');
  const format: ReportFormat = request.format;
  return { fileName, mimeType: MIME[request.format], content: renderReport(report, format) };
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
