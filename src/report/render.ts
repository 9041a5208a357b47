/** One entry point for "render this report in format X" (panel exports, CLI). */
import { htmlChunks } from './format-html';
import { jsonChunks } from './format-json';
import { markdownChunks } from './format-markdown';
import { textChunks } from './format-text';
import type { Report } from './model';

export const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (FORMATS as readonly string[]).includes(value);
}

export function renderChunks(report: Report, format: ReportFormat, options: { color?: boolean } = {}): Iterable<string> {
  switch (format) {
    case 'text':
      return textChunks(report, options);
    case 'json':
      return jsonChunks(report);
    case 'markdown':
      return markdownChunks(report);
    case 'html':
      return htmlChunks(report);
  }
}

export function renderReport(report: Report, format: ReportFormat, options: { color?: boolean } = {}): string {
  return [...renderChunks(report, format, options)].join('');
}
