/**
 * A self-contained HTML report: inline CSS, no external assets, no script. Every value is
 * interpolated through the `html` tagged template (escape.ts), which escapes by default; a
 * Content-Security-Policy that forbids scripts is a second line of defence, not the first.
 */
import { html, rawHtml, type SafeHtml } from './escape';
import type { Report, ReportExchange, ReportResponse } from './model';
import { alternativeLine, corsErrorLabel, countsLine, credentialsLine, headerLines, phaseLabel, platformLine, sourceLine, statusLine, summaryLine, failedNotCors } from './present';

const CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #59636e; --bg: #fff; --card: #f6f8fa; --line: #d1d9e0; --bad: #cf222e; --ok: #1a7f37; --warn: #9a6700; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --line: #3d444d; --bad: #f85149; --ok: #3fb950; --warn: #d29922; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 70rem; padding: 1.5rem; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.1rem; margin: 0; word-break: break-all; } h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.notice { padding: .5rem .75rem; border-radius: 6px; border: 1px solid var(--line); background: var(--card); }
.notice.warn { border-color: var(--warn); color: var(--warn); font-weight: 600; }
.meta { color: var(--muted); }
.exchange { border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.exchange.blocked { border-left: 4px solid var(--bad); } .exchange.allowed { border-left: 4px solid var(--ok); } .exchange.failed { border-left: 4px solid #b06000; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-weight: 600; font-size: 12px; margin-right: .5rem; }
.blocked .badge { background: var(--bad); color: #fff; } .allowed .badge { background: var(--ok); color: #fff; } .failed .badge { background: #b06000; color: #fff; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; word-break: break-all; }
td.fail { color: var(--bad); font-weight: 600; } td.pass { color: var(--ok); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; } dt { color: var(--muted); } dd { margin: 0; word-break: break-all; }
.finding { border-top: 1px solid var(--line); margin-top: .75rem; } .sev-error { color: var(--bad); } .sev-warning { color: var(--warn); }
summary { cursor: pointer; color: var(--muted); }
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function headersBlock(title: string, start: string, headers: readonly { name: string; value: string }[]): SafeHtml {
  return html`<h3>${title}</h3><pre>${[start, ...headerLines(headers)].join('\n')}</pre>`;
}

function responseBlock(title: string, r: ReportResponse): SafeHtml {
  return html`${headersBlock(title, `HTTP ${statusLine(r)}`, r.headers)}${r.body !== undefined ? html`<pre>${r.body}</pre>` : ''}`;
}

function exchangeHtml(x: ReportExchange, n: number): SafeHtml {
  const state = x.blocked ? 'blocked' : failedNotCors(x) ? 'failed' : 'allowed';
  const checks = x.checks.length === 0 ? '' : html`<table><thead><tr><th>Phase</th><th>Check</th><th>Asked</th><th>Allowed</th><th>Result</th></tr></thead><tbody>${
    x.checks.map((c) => html`<tr><td>${c.phase}</td><td>${c.label}</td><td><code>${c.asked ?? '—'}</code></td><td><code>${c.allowed ?? '—'}</code></td><td class="${c.result}">${c.result}</td></tr>`)
  }</tbody></table>`;
  const findings = x.findings.map((f) => html`<section class="finding"><h3 class="sev-${f.severity}">${f.severity}: ${f.title}</h3>${
    f.explanation.split(/\n{2,}/).filter((p) => p.trim()).map((p) => html`<p>${p}</p>`)
  }${f.evidence.length ? html`<p class="meta">Evidence:</p><ul>${f.evidence.map((e) => html`<li><code>${e}</code></li>`)}</ul>` : ''}${
    f.fixes.map((fix) => html`<details open><summary>Fix (${fix.stack}): ${fix.title}</summary>${fix.note ? html`<p class="meta">${fix.note}</p>` : ''}<pre><code>${fix.snippet}</code></pre></details>`)
  }</section>`);
  const p = x.preflight;
  const wire = html`<details><summary>Requests and responses</summary>${
    p ? html`${headersBlock('Preflight request', `${p.method} ${p.url}`, p.requestHeaders)}${
      p.response ? responseBlock('Preflight response', p.response) : html`<p class="meta">No preflight response${p.error ? html`: <code>${p.error}</code>` : ''}.</p>`}${
      p.redirectLocation ? html`<p class="meta">Preflight redirected to <code>${p.redirectLocation}</code>.</p>` : ''}` : ''
  }${headersBlock('Request', `${x.method} ${x.url}`, x.requestHeaders)}${
    x.redirects.map((h) => headersBlock(`Redirect from ${h.url}`, `HTTP ${h.status}`, h.headers))
  }${x.response ? responseBlock('Response', x.response) : html`<p class="meta">No response${x.observed.errorText ? html`: <code>${x.observed.errorText}</code>` : ''}.</p>`}</details>`;
  return html`<article class="exchange ${state}" id="exchange-${n}">
<h2><span class="badge">${x.blocked ? 'Blocked' : state === 'failed' ? 'Failed (not CORS)' : 'Allowed'}</span><code>${x.method}</code> <code>${x.url}</code></h2>
<p>${x.headline}</p>
<dl><dt>Page origin</dt><dd><code>${x.pageOrigin}</code></dd>${
  x.blocked ? html`<dt>Failed check</dt><dd>${x.corsError ? html`<code>${x.corsError}</code>` : 'not a CORS error'} at ${phaseLabel(x)}${x.failedParameter ? html` — <code>${x.failedParameter}</code>` : ''}</dd>` : ''
}<dt>Credentials</dt><dd>${credentialsLine(x)}</dd><dt>Platform</dt><dd>${platformLine(x)}</dd>${
  (x.alternatives ?? []).map((a) => html`<dt>Could also be</dt><dd>${alternativeLine(a)}</dd>`)
}${
  x.preflightReasons.length ? html`<dt>Preflight needed</dt><dd>${x.preflightReasons.join('; ')}</dd>` : ''
}${x.preflightFromCache ? html`<dt>Preflight</dt><dd>answered from the browser's preflight cache</dd>` : ''}${
  x.observed.errorText ? html`<dt>Browser error</dt><dd><code>${x.observed.errorText}</code></dd>` : ''
}</dl>${x.notes.length ? html`<ul class="meta">${x.notes.map((note) => html`<li>${note}</li>`)}</ul>` : ''}
${checks}${findings}${wire}
</article>
`;
}

export function* htmlChunks(report: Report): Generator<string> {
  const errors = Object.entries(report.summary.corsErrors).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const counts = countsLine(report);
  yield html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>CORS Lens report — ${sourceLine(report)}</title>
<style>${rawHtml(CSS)}</style></head><body>
<h1>CORS Lens report</h1>
<p class="notice${report.redaction.redacted ? '' : ' warn'}">${report.redaction.notice}</p>
<p class="meta">${sourceLine(report)} · generated ${report.generatedAt} by ${report.tool.name} ${report.tool.version}</p>
<p><strong>${summaryLine(report.summary)}</strong></p>
${counts ? html`<p class="meta">Input: ${counts}.</p>` : ''}
${errors.length ? html`<table><thead><tr><th>CORS error</th><th>Requests</th></tr></thead><tbody>${errors.map(([e, c]) => html`<tr><td>${e === 'unknown' ? corsErrorLabel(e) : html`<code>${e}</code>`}</td><td>${c}</td></tr>`)}</tbody></table>` : ''}
${report.warnings.map((w) => html`<p class="notice warn">Warning: ${w}</p>`)}
`.value;
  let n = 0;
  for (const x of report.exchanges) yield exchangeHtml(x, ++n).value;
  yield '</body></html>\n';
}

export function renderHtml(report: Report): string {
  return [...htmlChunks(report)].join('');
}
