/**
 * Plain text for terminals. Concise: the verdict, the headline, the checks, the findings and the
 * CORS-relevant headers; full header lists are in the JSON/Markdown/HTML formats. Colour only when
 * asked (the CLI decides from the TTY); every wire value goes through oneLine/multiLine so that no
 * header can move the cursor or recolour the terminal.
 */
import { COLORS, multiLine, NO_COLORS, oneLine, type Paint } from './escape';
import type { Report, ReportExchange, ReportHead, ReportSummary } from './model';
import {
  alternativeLine, corsErrorLabel, corsHeaders, countsLine, credentialsLine, headerLines, phaseLabel, platformLine, sourceLine, statusLine, summaryLine, failedNotCors } from './present';

export interface TextOptions {
  color?: boolean;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((l) => (l ? prefix + l : l)).join('\n');
}

function* exchangeText(x: ReportExchange, n: number, p: Paint): Generator<string> {
  const mark = x.blocked ? p.red(p.bold('✗ BLOCKED')) : failedNotCors(x) ? p.yellow(`! failed, not CORS${x.observed.errorText ? ` (${oneLine(x.observed.errorText)})` : ''}`) : p.green('✓ allowed');
  yield `${n}. ${mark}  ${oneLine(x.method)} ${oneLine(x.url)}\n`;
  yield `   ${multiLine(x.headline).replace(/\n/g, ' ')}\n`;
  const meta = [`from ${oneLine(x.pageOrigin)}`, `credentials ${credentialsLine(x)}`];
  if (x.blocked) meta.push(`${x.corsError ?? 'not a CORS error'} at ${phaseLabel(x)}${x.failedParameter ? ` (${oneLine(x.failedParameter)})` : ''}`);
  yield p.dim(`   ${meta.join(' · ')}\n`);
  yield p.dim(`   platform: ${oneLine(platformLine(x))}\n`);
  for (const a of x.alternatives ?? []) yield p.yellow(`   could also be ${oneLine(alternativeLine(a))}\n`);
  if (x.preflightFromCache) yield p.dim('   preflight: answered from the browser\'s preflight cache\n');
  if (x.observed.errorText) yield p.dim(`   browser error: ${oneLine(x.observed.errorText)}\n`);
  if (x.inconsistent) yield p.yellow('   note: the rules could not explain what the browser reported\n');

  const failing = x.checks.filter((c) => c.result === 'fail');
  for (const c of failing) {
    yield `   ${p.red('✗')} ${oneLine(c.label)} (${c.phase}): asked ${oneLine(c.asked ?? '(none)')}, allowed ${oneLine(c.allowed ?? '(none)')}\n`;
    if (c.note) yield p.dim(`     ${oneLine(c.note)}\n`);
  }

  if (x.preflight) {
    const pr = x.preflight;
    const asked = pr.requestHeaders.filter((h) => /^(origin|access-control-request-)/i.test(h.name));
    yield p.cyan(`   preflight ${oneLine(pr.method)} → ${pr.response ? oneLine(statusLine(pr.response)) : oneLine(pr.error ?? 'no response')}\n`);
    for (const l of headerLines(asked)) yield `     > ${oneLine(l)}\n`;
    for (const l of headerLines(pr.response ? corsHeaders(pr.response.headers) : [])) yield `     < ${oneLine(l)}\n`;
  }
  for (const hop of x.redirects) {
    yield p.cyan(`   redirect ${hop.status} → ${oneLine(hop.location)}\n`);
    for (const l of headerLines(corsHeaders(hop.headers).filter((h) => h.name.toLowerCase() !== 'location'))) yield `     < ${oneLine(l)}\n`;
  }
  if (x.response) {
    yield p.cyan(`   response ${oneLine(statusLine(x.response))}\n`);
    const cors = corsHeaders(x.response.headers);
    if (cors.length === 0) yield p.dim('     (no CORS headers)\n');
    for (const l of headerLines(cors)) yield `     < ${oneLine(l)}\n`;
  }

  for (const f of x.findings) {
    const sev = f.severity === 'error' ? p.red('error') : f.severity === 'warning' ? p.yellow('warning') : p.dim('info');
    yield `   [${sev}] ${p.bold(oneLine(f.title))}\n`;
    yield `${indent(multiLine(f.explanation), '     ')}\n`;
    for (const e of f.evidence) yield p.dim(`     evidence: ${oneLine(e)}\n`);
    for (const fix of f.fixes) {
      yield `     fix (${oneLine(fix.stack)}): ${oneLine(fix.title)}\n`;
      if (fix.note) yield p.dim(`       note: ${oneLine(fix.note)}\n`);
      yield `${indent(multiLine(fix.snippet), '       | ')}\n`;
    }
  }
  yield '\n';
}

/** The first lines: what was analysed and whether values are redacted. */
export function* textHead(head: ReportHead, options: TextOptions = {}): Generator<string> {
  const p = options.color ? COLORS : NO_COLORS;
  yield `${p.bold('CORS Lens report')} — ${oneLine(sourceLine(head))}\n`;
  yield p.dim(`generated ${head.generatedAt} by ${head.tool.name} ${head.tool.version}\n`);
  yield `${head.redaction.redacted ? p.dim(head.redaction.notice) : p.yellow(p.bold(head.redaction.notice))}\n`;
  for (const w of head.warnings) yield p.yellow(`warning: ${oneLine(w)}\n`);
  yield '\n';
}

export function textExchange(x: ReportExchange, n: number, options: TextOptions = {}): Generator<string> {
  return exchangeText(x, n, options.color ? COLORS : NO_COLORS);
}

/**
 * The summary comes last: in a terminal the last lines are the ones left on screen, and a CLI can
 * stream a 100k-request report without holding it.
 */
export function* textSummary(head: ReportHead, summary: ReportSummary, options: TextOptions = {}): Generator<string> {
  const p = options.color ? COLORS : NO_COLORS;
  const line = summaryLine(summary);
  yield `${p.bold('Summary:')} ${summary.blocked > 0 ? p.red(line) : p.green(line)}\n`;
  const errors = Object.entries(summary.corsErrors).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [error, count] of errors) yield `  ${count} × ${corsErrorLabel(error)}\n`;
  const counts = countsLine(head);
  if (counts) yield p.dim(`input: ${oneLine(counts)}\n`);
  if (!head.redaction.redacted) yield `${p.yellow(p.bold(head.redaction.notice))}\n`;
}

export function* textChunks(report: Report, options: TextOptions = {}): Generator<string> {
  yield* textHead(report, options);
  let n = 0;
  for (const x of report.exchanges) yield* textExchange(x, ++n, options);
  yield* textSummary(report, report.summary, options);
}

export function renderText(report: Report, options: TextOptions = {}): string {
  return [...textChunks(report, options)].join('');
}
