/**
 * The report as JSON (docs/report-schema.json). Streamed exchange by exchange so a report of 60k
 * exchanges is never one giant string; the concatenated chunks equal JSON.stringify(report, null, 2).
 */
import type { Report } from './model';

export function* jsonChunks(report: Report): Generator<string> {
  if (report.exchanges.length === 0) {
    yield `${JSON.stringify(report, null, 2)}\n`;
    return;
  }
  // `exchanges` is the last property: stringify the rest and open the array by hand.
  const head = JSON.stringify({ ...report, exchanges: [] }, null, 2);
  const tail = '"exchanges": []\n}';
  if (!head.endsWith(tail)) throw new Error('report JSON layout changed: "exchanges" must stay the last property');
  yield `${head.slice(0, -tail.length)}"exchanges": [\n`;
  let first = true;
  for (const x of report.exchanges) {
    yield `${first ? '' : ',\n'}    ${JSON.stringify(x, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield '\n  ]\n}\n';
}

export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}
