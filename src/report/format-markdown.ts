/**
 * Markdown that pastes cleanly into GitHub issues and Jira: every wire value goes through mdText,
 * mdCode or mdFence (escape.ts), never raw; header dumps are fenced blocks whose fence cannot be
 * closed from inside.
 */
import { mdCode, mdFence, mdText } from './escape';
import type { Report, ReportExchange } from './model';
import { alternativeLine, corsErrorLabel, countsLine, credentialsLine, headerLines, phaseLabel, platformLine, sourceLine, statusLine, summaryLine } from './present';

function* wire(x: ReportExchange): Generator<string> {
  const lines: string[] = [];
  if (x.preflight) {
    const p = x.preflight;
    lines.push(`${p.method} ${p.url}`, ...headerLines(p.requestHeaders), '');
    if (p.response) lines.push(`HTTP ${statusLine(p.response)}`, ...headerLines(p.response.headers), '');
    else lines.push(`(no response${p.error ? `: ${p.error}` : ''})`, '');
    if (p.redirectLocation) lines.push(`(redirected to ${p.redirectLocation})`, '');
  }
  lines.push(`${x.method} ${x.url}`, ...headerLines(x.requestHeaders), '');
  for (const hop of x.redirects) lines.push(`HTTP ${hop.status} (redirect from ${hop.url})`, ...headerLines(hop.headers), '');
  if (x.response) {
    lines.push(`HTTP ${statusLine(x.response)}`, ...headerLines(x.response.headers));
    if (x.response.body !== undefined) lines.push('', x.response.body);
  } else {
    lines.push(`(no response${x.observed.errorText ? `: ${x.observed.errorText}` : ''})`);
  }
  yield '<details><summary>Requests and responses</summary>\n\n';
  yield `${mdFence(lines.join('\n'), 'http')}\n\n`;
  yield '</details>\n\n';
}

function* exchangeMarkdown(x: ReportExchange, n: number): Generator<string> {
  yield `## ${n}. ${x.blocked ? '❌ Blocked' : '✅ Allowed'}: ${mdCode(x.method)} ${mdCode(x.url)}\n\n`;
  yield `${mdText(x.headline)}\n\n`;
  yield `- **Page origin:** ${mdCode(x.pageOrigin)}\n`;
  if (x.blocked) {
    const param = x.failedParameter ? ` — ${mdCode(x.failedParameter)}` : '';
    yield `- **Failed check:** ${x.corsError ? mdCode(x.corsError) : 'not a CORS error'} at ${mdText(phaseLabel(x))}${param}\n`;
  }
  yield `- **Credentials:** ${mdText(credentialsLine(x))}\n`;
  yield `- **Platform:** ${mdText(platformLine(x))}\n`;
  for (const a of x.alternatives ?? []) yield `- **Could also be:** ${mdText(alternativeLine(a))}\n`;
  if (x.preflightReasons.length) yield `- **Preflight needed because:** ${x.preflightReasons.map(mdText).join('; ')}\n`;
  if (x.preflightFromCache) yield '- **Preflight:** answered from the browser\'s preflight cache\n';
  if (x.observed.errorText) yield `- **Browser error:** ${mdCode(x.observed.errorText)}\n`;
  if (x.inconsistent) yield '- **Note:** the rules could not explain what the browser reported\n';
  for (const note of x.notes) yield `- ${mdText(note)}\n`;
  yield '\n';

  if (x.checks.length) {
    yield '| Phase | Check | Asked | Allowed | Result |\n|---|---|---|---|---|\n';
    for (const c of x.checks) {
      const cell = (v: string | null): string => (v === null ? '—' : mdCode(v, true));
      yield `| ${mdText(c.phase)} | ${mdText(c.label)} | ${cell(c.asked)} | ${cell(c.allowed)} | ${c.result === 'fail' ? '❌ fail' : c.result === 'pass' ? '✅ pass' : 'skip'} |\n`;
    }
    yield '\n';
  }

  for (const f of x.findings) {
    const icon = f.severity === 'error' ? '❗' : f.severity === 'warning' ? '⚠️' : 'ℹ️';
    yield `### ${icon} ${mdText(f.title)}\n\n`;
    for (const para of f.explanation.split(/\n{2,}/)) if (para.trim()) yield `${mdText(para.replace(/\n/g, ' '))}\n\n`;
    if (f.evidence.length) {
      yield '**Evidence:**\n\n';
      for (const e of f.evidence) yield `- ${mdCode(e)}\n`;
      yield '\n';
    }
    for (const fix of f.fixes) {
      yield `**Fix (${mdText(fix.stack)}):** ${mdText(fix.title)}\n\n${fix.note ? `_${mdText(fix.note)}_\n\n` : ''}${mdFence(fix.snippet, fix.language)}\n\n`;
    }
  }
  yield* wire(x);
}

export function* markdownChunks(report: Report): Generator<string> {
  yield '# CORS Lens report\n\n';
  yield report.redaction.redacted ? `> ${mdText(report.redaction.notice)}\n\n` : `> ⚠️ **${mdText(report.redaction.notice)}**\n\n`;
  yield `**Source:** ${mdText(sourceLine(report))}  \n`;
  yield `**Generated:** ${mdText(report.generatedAt)} by ${mdText(`${report.tool.name} ${report.tool.version}`)}  \n`;
  yield `**Summary:** ${mdText(summaryLine(report.summary))}\n\n`;
  const counts = countsLine(report);
  if (counts) yield `Input: ${mdText(counts)}.\n\n`;
  const errors = Object.entries(report.summary.corsErrors).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (errors.length) {
    yield '| CORS error | Requests |\n|---|---|\n';
    for (const [error, count] of errors) yield `| ${error === 'unknown' ? mdText(corsErrorLabel(error)) : mdCode(error, true)} | ${count} |\n`;
    yield '\n';
  }
  for (const w of report.warnings) yield `> Warning: ${mdText(w)}\n\n`;
  let n = 0;
  for (const x of report.exchanges) yield* exchangeMarkdown(x, ++n);
}

export function renderMarkdown(report: Report): string {
  return [...markdownChunks(report)].join('');
}
