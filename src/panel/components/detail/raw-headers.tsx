/** The raw headers of every message in the exchange, CORS headers highlighted, with "Copy as curl". */
import type { Exchange, Header, ResponseRecord } from '../../../model';
import { isCorsHeader } from '../../lib/cors-headers';
import { actualCurl, preflightCurl } from '../../lib/curl';
import { TID } from '../../testids';
import { CopyButton } from '../copy-button';

interface Block {
  part: string;
  title: string;
  line: string;
  headers: readonly Header[];
  response?: ResponseRecord;
  curl?: { text: () => string; testId: string; label: string };
}

const CACHE_WORD = { memory: 'memory cache', disk: 'disk cache', 'service-worker': 'service worker', prefetch: 'prefetch cache' } as const;

function statusLine(r: ResponseRecord): string {
  return r.status === 0 ? '(no status)' : `${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
}

export function headerBlocks(exchange: Exchange): Block[] {
  const blocks: Block[] = [];
  const p = exchange.preflight;
  if (p) {
    blocks.push({
      part: 'preflight-request', title: 'Preflight request', line: `${p.request.method} ${p.request.url}`, headers: p.request.headers,
      curl: { text: () => preflightCurl(exchange) ?? '', testId: TID.copyCurlPreflight, label: 'Copy as curl' },
    });
    if (p.redirect) {
      blocks.push({ part: 'preflight-redirect', title: 'Preflight redirect', line: `${statusLine(p.redirect.response)} → ${p.redirect.location}`, headers: p.redirect.response.headers, response: p.redirect.response });
    }
    if (p.response) {
      blocks.push({ part: 'preflight-response', title: 'Preflight response', line: statusLine(p.response), headers: p.response.headers, response: p.response });
    } else if (p.error) {
      blocks.push({ part: 'preflight-response', title: 'Preflight response', line: `no response: ${p.error}`, headers: [] });
    }
  }
  blocks.push({
    part: 'request', title: 'Request', line: `${exchange.request.method} ${exchange.request.url}`, headers: exchange.request.headers,
    curl: { text: () => actualCurl(exchange), testId: TID.copyCurlActual, label: 'Copy as curl' },
  });
  exchange.redirects.forEach((hop, i) => {
    blocks.push({ part: `redirect-${i + 1}`, title: `Redirect ${i + 1}`, line: `${statusLine(hop.response)} → ${hop.location}`, headers: hop.response.headers, response: hop.response });
  });
  if (exchange.response) {
    blocks.push({ part: 'response', title: 'Response', line: statusLine(exchange.response), headers: exchange.response.headers, response: exchange.response });
  } else {
    blocks.push({ part: 'response', title: 'Response', line: exchange.observed.errorText ? `no response: ${exchange.observed.errorText}` : 'no response recorded', headers: [] });
  }
  return blocks;
}

function HeaderBlock({ block }: { block: Block }) {
  const r = block.response;
  return (
    <div class="cl-hblock" data-testid={TID.headerBlock} data-part={block.part}>
      <div class="cl-hblock-head">
        <span class="cl-hblock-title">{block.title}</span>
        <code class="cl-hblock-line" title={block.line}>{block.line}</code>
        {block.curl ? <CopyButton text={block.curl.text} label={block.curl.label} title="Copy this request as a curl command" testId={block.curl.testId} /> : null}
      </div>
      {r?.fromCache || r?.remoteAddress ? (
        <div class="cl-hblock-facts">
          {r.fromCache ? <span>served from the {CACHE_WORD[r.fromCache] ?? r.fromCache}</span> : null}
          {r.remoteAddress ? <span>remote address {r.remoteAddress}</span> : null}
        </div>
      ) : null}
      {block.headers.length ? (
        <dl class="cl-headers">
          {block.headers.map((h, i) => {
            const cors = isCorsHeader(h.name);
            return (
              <div key={i} class={`cl-hrow ${cors ? 'is-cors' : ''}`} data-testid={TID.headerRow} data-cors={String(cors)}>
                <dt class="cl-hname">{h.name}</dt>
                <dd class="cl-hvalue">{h.value}</dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p class="cl-muted cl-hempty">No headers recorded.</p>
      )}
      {r?.body ? (
        <details class="cl-body">
          <summary>Response body (first {r.body.length} characters)</summary>
          <pre class="cl-snippet">{r.body}</pre>
        </details>
      ) : null}
    </div>
  );
}

export function RawHeaders({ exchange }: { exchange: Exchange }) {
  return (
    <div class="cl-raw" data-testid={TID.rawHeaders}>
      {headerBlocks(exchange).map((b) => <HeaderBlock key={b.part} block={b} />)}
    </div>
  );
}
