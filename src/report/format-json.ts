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

/** JSON of frozen (shared) check lists: written once, however many entries share them. */
const checksJson = new WeakMap<readonly unknown[], string>();
const CHECKS_SLOT = ',"checks":0,';

/** JSON.stringify(x), with a shared check list's JSON reused instead of written again. */
function exchangeJson(x: ReportExchange): string {
  if (!Object.isFrozen(x.checks) || x.checks.length === 0) return JSON.stringify(x);
  let checks = checksJson.get(x.checks);
  if (checks === undefined) {
    checks = JSON.stringify(x.checks);
    checksJson.set(x.checks, checks);
  }
  // The entry with a placeholder in the same place (spread keeps the key order). In JSON a quote is
  // unescaped only around a string, and no other object in an entry has a "checks" key: the first
  // `,"checks":0,` is the placeholder.
  const line = JSON.stringify({ ...x, checks: 0 });
  const at = line.indexOf(CHECKS_SLOT);
  return `${line.slice(0, at + CHECKS_SLOT.length - 2)}${checks}${line.slice(at + CHECKS_SLOT.length - 1)}`;
}

export function jsonExchange(x: ReportExchange, first: boolean): string {
  return `${first ? '\n' : ',\n'}    ${exchangeJson(x)}`;
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
