/**
 * Reports: one model (model.ts, docs/report-schema.json), four formats, redaction by default.
 * Pure: runs in the panel, the worker and the CLI.
 */
export * from './model';
export * from './redact';
export { renderText, textChunks, textExchange, textHead, textSummary, type TextOptions } from './format-text';
export { renderMarkdown, markdownChunks } from './format-markdown';
export { renderHtml, htmlChunks } from './format-html';
export { jsonChunks, jsonExchange, jsonHead, jsonTail, renderJson } from './format-json';
export { escapeHtml, html, mdCode, mdFence, mdText, oneLine, SafeHtml } from './escape';
export { FORMATS, isReportFormat, renderChunks, renderReport, type ReportFormat } from './render';
