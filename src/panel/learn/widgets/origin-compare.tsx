/**
 * "Are these the same origin?" — two URLs, their scheme/host/port side by side, and the rules'
 * own answer (isSameOrigin, the url::Origin comparison the engine uses).
 */
import { useState } from 'preact/hooks';
import { isSameOrigin, originOf } from '../../../rules/cors';
import { TID } from '../../testids';
import { Code } from '../ui';

interface Parts { scheme: string; host: string; port: string }

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };

function parts(url: string): Parts | null {
  try {
    const u = new URL(url);
    return { scheme: u.protocol.replace(/:$/, ''), host: u.hostname, port: u.port || (DEFAULT_PORT[u.protocol] ? `${DEFAULT_PORT[u.protocol]} (default)` : '—') };
  } catch {
    return null;
  }
}

const PAIRS: [string, string, string][] = [
  ['Another path', 'https://app.example.com/orders', 'https://app.example.com/api/orders?id=7'],
  ['A subdomain', 'https://app.example.com/', 'https://api.example.com/orders'],
  ['Another port', 'http://localhost:3000/', 'http://localhost:8080/api'],
  ['http vs https', 'http://app.example.com/', 'https://app.example.com/api'],
  ['localhost vs 127.0.0.1', 'http://localhost:5173/', 'http://127.0.0.1:5173/api'],
  ['Explicit default port', 'https://app.example.com/', 'https://app.example.com:443/api'],
];

export function OriginCompare() {
  const [a, setA] = useState(PAIRS[1]![1]);
  const [b, setB] = useState(PAIRS[1]![2]);
  const pa = parts(a);
  const pb = parts(b);
  const same = isSameOrigin(originOf(a), b);
  const row = (label: string, key: keyof Parts) => {
    const x = pa?.[key] ?? '—';
    const y = pb?.[key] ?? '—';
    const equal = pa !== null && pb !== null && x.replace(' (default)', '') === y.replace(' (default)', '');
    return (
      <tr class={equal ? 'is-pass' : 'is-fail'}>
        <th scope="row">{label}</th><td><Code>{x}</Code></td><td><Code>{y}</Code></td><td>{equal ? 'same' : 'differs'}</td>
      </tr>
    );
  };
  return (
    <div class="cl-widget" aria-label="Compare two origins" role="group">
      <div class="cl-widget-title">Compare two URLs</div>
      <div class="cl-widget-picks">
        {PAIRS.map(([label, x, y]) => (
          <button type="button" key={label} class="cl-button is-small" onClick={() => { setA(x); setB(y); }}>{label}</button>
        ))}
      </div>
      <label class="cl-field"><span>Page URL</span>
        <input class="cl-input" value={a} spellcheck={false} onInput={(e) => setA(e.currentTarget.value)} />
      </label>
      <label class="cl-field"><span>Request URL</span>
        <input class="cl-input" value={b} spellcheck={false} onInput={(e) => setB(e.currentTarget.value)} />
      </label>
      <table class="cl-table cl-origin-table">
        <thead><tr><th scope="col">Part</th><th scope="col">Page</th><th scope="col">Request</th><th scope="col"><span class="cl-sr-only">Result</span></th></tr></thead>
        <tbody>{row('Scheme', 'scheme')}{row('Host', 'host')}{row('Port', 'port')}</tbody>
      </table>
      <p class={`cl-widget-result ${same ? 'is-ok' : 'is-differs'}`} data-testid={TID.learnOriginResult} data-same={String(same)} role="status">
        {pa === null || pb === null ? <>Type two full URLs, with <Code>http://</Code> or <Code>https://</Code>.</> : same
          ? <>Same origin (<Code>{originOf(a)}</Code>): the browser applies no CORS checks.</>
          : <>Cross-origin: <Code>{originOf(a)}</Code> calling <Code>{originOf(b)}</Code> — the server must allow it with CORS headers.</>}
      </p>
    </div>
  );
}
