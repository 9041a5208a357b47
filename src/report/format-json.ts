/**
 * The report as JSON (docs/report-schema.json), in three pieces so the CLI can stream a report of
 * 100k exchanges without holding it: head (opens "exchanges"), one piece per exchange, tail
 * (closes it and adds "summary"). Head and summary are indented; each exchange is one compact
 * line (grep- and jq-friendly, and a third of the size of indented JSON).
 */
import type { Report, ReportExchange, ReportHead, ReportSummary } from './model';

export function jsonHead(head: ReportHead): string {
  const text = JSON.stringify(head, null, 2);
  // Reopen the object: drop the closing brace and continue with the exchanges array.
  return `${text.slice(0, -2)},\n  "exchanges": [`;
}

export function jsonExchange(x: ReportExchange, first: boolean): string {
  return `${first ? '\n' : ',\n'}    ${JSON.stringify(x)}`;
}

export function jsonTail(summary: ReportSummary, empty: boolean): string {
  return `${empty ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}

export function* jsonChunks(report: Report): Generator<string> {
  const { exchanges, summary, ...head } = report;
  yield jsonHead(head);
  let first = true;
  for (const x of exchanges) {
    yield jsonExchange(x, first);
    first = false;
  }
  yield jsonTail(summary, first);
}

export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}
