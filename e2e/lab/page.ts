/**
 * The lab page served at the app origin's `/`: a button per scenario grouped by dimension, and the data
 * `page/client.js` needs (origins + each scenario's request, templates already expanded) embedded as JSON.
 * Everything from the data is escaped: scenario text and header values are treated as hostile.
 */
import { DIMENSIONS, type Dimension, type Scenario } from './scenario';
import { expandLines, type LabOrigins } from './template';

const DIMENSION_NOTES: Record<Dimension, string> = {
  seed: 'Real-world causes, answered the way the real platform answers (API Gateway, Lambda, CloudFront, S3, nginx …).',
  'acao-form': 'Forms of Access-Control-Allow-Origin: exact, *, null, lists, case, ports, repeated lines.',
  credentials: 'Credentials modes against Access-Control-Allow-Credentials values.',
  methods: 'Methods against Access-Control-Allow-Methods: case, wildcards, custom methods.',
  headers: 'Request headers against Access-Control-Allow-Headers.',
  safelist: 'When a "safelisted" request header stops being safe (bytes, lengths).',
  'content-type': 'Content-Type values that keep a POST simple, or not.',
  range: 'Range values that keep a GET simple, or not.',
  mode: 'Request modes other than cors.',
  'preflight-status': 'Preflights answered with various statuses.',
  'preflight-redirect': 'Preflights answered with a redirect.',
  'redirect-chain': 'Actual requests redirected across the three origins.',
  'preflight-cache': 'Two identical requests: does the second reuse the cached preflight?',
  'http-cache': 'A response stored by a no-cors load, reused by a CORS fetch.',
  'error-status': 'Real error statuses, with and without CORS headers.',
};

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

/** JSON safe inside a <script> element: no `<` (so no `</script>`), no U+2028/2029 surprises. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function renderPage(origins: LabOrigins, scenarios: readonly Scenario[]): string {
  const data = {
    origins,
    scenarios: scenarios.map((s) => ({
      id: s.id,
      request: {
        ...s.request,
        headers: expandLines(s.request.headers, origins, 'app'),
        setup: (s.request.setup ?? []).map((step) =>
          step.kind === 'cors-fetch' && step.headers ? { ...step, headers: expandLines(step.headers, origins, 'app') } : step),
      },
    })),
  };
  const sections = DIMENSIONS.map((dim) => {
    const group = scenarios.filter((s) => s.dimension === dim);
    if (group.length === 0) return '';
    const items = group.map((s) => {
      const desc = dim === 'seed' ? `<p class="desc">${escapeHtml(s.description)}</p>` : '';
      return `<li><button type="button" data-scenario="${escapeHtml(s.id)}" title="${escapeHtml(s.description)}">${escapeHtml(s.title)}</button>` +
        `<output data-result-for="${escapeHtml(s.id)}"></output>${desc}</li>`;
    }).join('\n');
    return `<details ${dim === 'seed' ? 'open ' : ''}data-dimension="${dim}"><summary><h2>${escapeHtml(dim)}</h2> <span class="count">${group.length}</span> <span class="note">${escapeHtml(DIMENSION_NOTES[dim])}</span></summary>
<p><button type="button" class="run-group" data-group="${dim}">Run all ${group.length}</button></p>
<ul class="${dim === 'seed' ? 'seed' : 'grid'}">${items}</ul></details>`;
  }).join('\n');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CORS Lens lab</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2433; }
  h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { display: inline; font-size: 1rem; margin: 0; }
  code { background: #eef1f6; padding: 0 .25em; border-radius: 3px; }
  .intro { color: #3c4657; max-width: 52rem; }
  details { border: 1px solid #d9dee8; border-radius: 6px; margin: .6rem 0; padding: .3rem .7rem; }
  summary { cursor: pointer; } .count { color: #667; font-size: .85em; } .note { color: #556; font-size: .85em; }
  ul { list-style: none; padding: 0; margin: .3rem 0; }
  ul.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: .2rem .8rem; }
  ul.seed li { margin: .35rem 0; } .desc { margin: .1rem 0 0; color: #556; font-size: .85em; }
  button { font: inherit; font-size: .85rem; padding: .15rem .5rem; border: 1px solid #b8c0cf; border-radius: 4px; background: #f7f8fb; cursor: pointer; text-align: left; }
  button:hover { background: #e8ecf4; }
  output { margin-left: .5rem; font-size: .8rem; font-family: ui-monospace, monospace; }
  output.ok { color: #17692b; } output.blocked { color: #b3261e; } output.busy { color: #667; }
</style></head>
<body>
<h1>CORS Lens lab</h1>
<p class="intro">This page lives at <code>${escapeHtml(origins.app)}</code>. Each button makes one cross-origin request to
<code>${escapeHtml(origins.api)}</code> (or <code>${escapeHtml(origins.third)}</code>), whose server answers exactly as the scenario says,
including the way real platforms (API Gateway, Lambda, CloudFront, S3 …) answer when they are misconfigured.
Open DevTools (F12), pick the <b>CORS Lens</b> panel, click a button and read why the browser allowed or blocked it.
A green result means the page could read the response; red means the browser blocked it (the page only sees <code>TypeError: Failed to fetch</code>).</p>
${sections}
<script id="lab-data" type="application/json">${scriptJson(data)}</script>
<script src="/lab.js"></script>
</body></html>`;
}
