/**
 * "Will this request be preflighted?" — a method and a few typical headers; the answer and its
 * reasons come from the rules' preflightNeed (Chromium's NeedsCorsPreflight).
 */
import { useState } from 'preact/hooks';
import type { Header } from '../../../model';
import { preflightNeed } from '../../../rules/cors';
import { TID } from '../../testids';
import { Code } from '../ui';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

const CHOICES: { id: string; header: Header }[] = [
  { id: 'accept', header: { name: 'Accept', value: 'application/json' } },
  { id: 'form', header: { name: 'Content-Type', value: 'application/x-www-form-urlencoded' } },
  { id: 'text', header: { name: 'Content-Type', value: 'text/plain' } },
  { id: 'json', header: { name: 'Content-Type', value: 'application/json' } },
  { id: 'auth', header: { name: 'Authorization', value: 'Bearer eyJhbGciOi…' } },
  { id: 'key', header: { name: 'X-Api-Key', value: 'k-123' } },
  { id: 'lang', header: { name: 'Accept-Language', value: 'en-GB,en;q=0.9' } },
];

export function PreflightCheck() {
  const [method, setMethod] = useState('POST');
  const [picked, setPicked] = useState<string[]>(['json']);
  const headers = CHOICES.filter((c) => picked.includes(c.id)).map((c) => c.header);
  const need = preflightNeed(method, headers);
  const toggle = (id: string, on: boolean) => {
    // One Content-Type at a time, as a request has one.
    const isType = (x: string) => CHOICES.find((c) => c.id === x)?.header.name === 'Content-Type';
    setPicked((p) => (on ? [...p.filter((x) => !(isType(id) && isType(x))), id] : p.filter((x) => x !== id)));
  };
  const preflight = need.reasons.length > 0;
  return (
    <div class="cl-widget" role="group" aria-label="Will this request be preflighted?">
      <div class="cl-widget-title">Will this request be preflighted?</div>
      <label class="cl-field is-inline"><span>Method</span>
        <select class="cl-select" value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
          {METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <fieldset class="cl-checks-list">
        <legend>Headers your code sets</legend>
        {CHOICES.map((c) => (
          <label key={c.id} class="cl-checkbox">
            <input type="checkbox" checked={picked.includes(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
            <code class="cl-code">{c.header.name}: {c.header.value}</code>
          </label>
        ))}
      </fieldset>
      <div class={`cl-widget-result ${preflight ? 'is-differs' : 'is-ok'}`} data-testid={TID.learnPreflightResult} data-preflight={String(preflight)} role="status">
        {preflight ? (
          <>
            <strong>Preflighted.</strong> The browser first sends <Code>OPTIONS</Code>, because:
            <ul>{need.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
          </>
        ) : (
          <><strong>Simple request.</strong> It goes out at once; only its answer is checked.</>
        )}
      </div>
    </div>
  );
}
