/** Steps 5–6: each CORS response header, and the order in which Chromium checks them. */
import type { ComponentChildren } from 'preact';
import { corsHeaders, type ExchangeSpec } from '../../../rules/cors/test-support';
import { Code } from '../ui';
import { APP, API, variant } from './build';
import type { LearnStep } from './types';

const MDN = 'https://developer.mozilla.org/en-US/docs';

function HeaderTerm({ name, where, children }: { name: string; where: string; children: ComponentChildren }) {
  return (
    <>
      <dt><Code>{name}</Code> <span class="cl-muted">{where}</span></dt>
      <dd>{children}</dd>
    </>
  );
}

/** A preflighted PUT with a custom header, answered well unless the variant says otherwise. */
const put = (preflightHeaders: ExchangeSpec['headers'], status = 204, response: ExchangeSpec['response'] = { status: 200, headers: corsHeaders({ origin: APP }) }): ExchangeSpec => ({
  method: 'PUT', url: `${API}/items/7`, headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k-123' },
  preflight: { status, headers: preflightHeaders }, response,
});

export const responseHeadersStep: LearnStep = {
  id: 'response-headers',
  title: 'The response headers, one by one',
  short: 'Response headers',
  Body: () => (
    <>
      <p>The server grants access with these response headers. Each has one job:</p>
      <dl class="cl-deflist">
        <HeaderTerm name="Access-Control-Allow-Origin" where="preflight and actual answer">
          The page’s origin exactly as the browser writes it — <Code>scheme://host[:port]</Code>, no trailing slash, no
          path, compared byte for byte — or <Code>*</Code> for any origin. One value only: a list, or the header sent
          twice, fails. To allow several origins, the server compares the <Code>Origin</Code> request header with its
          list and echoes the match.
        </HeaderTerm>
        <HeaderTerm name="Access-Control-Allow-Methods" where="preflight answer">
          The methods the real request may use, comma-separated. <Code>GET</Code>, <Code>HEAD</Code> and{' '}
          <Code>POST</Code> always pass; others must be listed, and the comparison is case-sensitive: <Code>put</Code>{' '}
          does not allow <Code>PUT</Code>. <Code>*</Code> means any method, but only without credentials.
        </HeaderTerm>
        <HeaderTerm name="Access-Control-Allow-Headers" where="preflight answer">
          The request header names allowed, compared case-insensitively. <Code>*</Code> means any header, but only
          without credentials.
        </HeaderTerm>
        <HeaderTerm name="Access-Control-Allow-Credentials" where="preflight and actual answer">
          Must be exactly <Code>true</Code> when the request carries credentials (cookies) — see “Credentials”.
        </HeaderTerm>
        <HeaderTerm name="Access-Control-Max-Age" where="preflight answer">
          How many seconds the browser may reuse this preflight answer — see “Caches”.
        </HeaderTerm>
        <HeaderTerm name="Access-Control-Expose-Headers" where="actual answer">
          Which response headers your script may read besides the always-visible ones (<Code>Cache-Control</Code>,{' '}
          <Code>Content-Language</Code>, <Code>Content-Length</Code>, <Code>Content-Type</Code>, <Code>Expires</Code>,{' '}
          <Code>Last-Modified</Code>, <Code>Pragma</Code>). It never blocks a request; an unexposed header just reads as
          null.
        </HeaderTerm>
        <HeaderTerm name="Vary: Origin" where="any answer that depends on Origin">
          Not a CORS header, but needed whenever the answer changes with <Code>Origin</Code>, so that caches keep one
          copy per origin.
        </HeaderTerm>
      </dl>
    </>
  ),
  variants: [
    variant('response-headers', 'ok', 'All allowed', 'The preflight answer lists the origin, PUT, and both request headers.',
      put(corsHeaders({ origin: APP, methods: 'GET, PUT, DELETE', headers: 'Content-Type, X-Api-Key' }))),
    variant('response-headers', 'method-case', 'Methods in lower case', 'The server lists its methods as “get, put”.',
      put(corsHeaders({ origin: APP, methods: 'get, put', headers: 'Content-Type, X-Api-Key' }))),
    variant('response-headers', 'header-missing', 'A header not listed', 'Allow-Headers lists Content-Type only, not X-Api-Key.',
      put(corsHeaders({ origin: APP, methods: 'GET, PUT, DELETE', headers: 'Content-Type' }))),
    variant('response-headers', 'two-origins', 'A list of origins', 'The server puts its whole allow-list into Allow-Origin.',
      put(corsHeaders({ origin: `${APP}, https://admin.example.com`, methods: 'GET, PUT, DELETE', headers: 'Content-Type, X-Api-Key' }))),
  ],
  showChecks: true,
  links: [
    { label: 'MDN: Access-Control-Allow-Origin', href: `${MDN}/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin` },
    { label: 'MDN: Access-Control-Allow-Methods', href: `${MDN}/Web/HTTP/Reference/Headers/Access-Control-Allow-Methods` },
    { label: 'MDN: Access-Control-Allow-Headers', href: `${MDN}/Web/HTTP/Reference/Headers/Access-Control-Allow-Headers` },
    { label: 'MDN: Access-Control-Expose-Headers', href: `${MDN}/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers` },
  ],
};

export const checksStep: LearnStep = {
  id: 'checks',
  title: 'What the browser checks, in order',
  short: 'The checks, in order',
  Body: () => (
    <>
      <p>Chromium checks in this order and stops at the first failure:</p>
      <ol class="cl-steps-list">
        <li>
          <strong>Before sending:</strong> the URL must be <Code>http:</Code> or <Code>https:</Code>; then the browser
          decides whether a preflight is needed.
        </li>
        <li>
          <strong>The preflight answer:</strong> not a redirect → <Code>Access-Control-Allow-Origin</Code> matches →{' '}
          <Code>Access-Control-Allow-Credentials: true</Code> when credentials are included → status 2xx →{' '}
          <Code>Allow-Methods</Code> and <Code>Allow-Headers</Code> are well-formed lists → the method is allowed → each
          non-safelisted header is allowed (the first missing one is reported).
        </li>
        <li>
          <strong>Each redirect</strong> of the real request: the origin and credentials checks again, and no{' '}
          <Code>user:password@</Code> in the new URL.
        </li>
        <li>
          <strong>The actual answer:</strong> <Code>Access-Control-Allow-Origin</Code>, then{' '}
          <Code>Access-Control-Allow-Credentials</Code>. Its status does not matter: a 500 with the right headers is
          readable by your code.
        </li>
      </ol>
      <p>
        The first failing check names the error — the <Code>CorsError</Code> DevTools reports, such as{' '}
        <Code>PreflightMissingAllowOriginHeader</Code>. The order explains a common puzzle: a preflight answered 403
        without CORS headers is reported as a <em>missing Allow-Origin</em>, not as a bad status, because the origin is
        checked first.
      </p>
    </>
  ),
  variants: [
    variant('checks', 'pass', 'Every check passes', 'A well-configured API.',
      put(corsHeaders({ origin: APP, methods: 'PUT', headers: 'content-type, x-api-key' }))),
    variant('checks', 'forbidden-bare', '403, no headers', 'An authorizer rejects the preflight with a bare 403.',
      put([{ name: 'Content-Type', value: 'application/json' }], 403, null)),
    variant('checks', 'forbidden-cors', '403 with Allow-Origin', 'The same 403, now carrying Access-Control-Allow-Origin.',
      put(corsHeaders({ origin: '*' }), 403, null)),
    variant('checks', 'method-and-header', 'Method and header missing', 'Allow-Methods lacks PUT and Allow-Headers lacks X-Api-Key.',
      put(corsHeaders({ origin: APP, methods: 'GET, POST', headers: 'Content-Type' }))),
    variant('checks', 'actual-500', 'Actual answer 500', 'The preflight passes; the PUT fails on the server with 500, CORS headers included.',
      put(corsHeaders({ origin: APP, methods: 'PUT', headers: 'content-type, x-api-key' }), 204, { status: 500, headers: corsHeaders({ origin: APP }), body: '{"error":"db down"}' })),
  ],
  showChecks: true,
  links: [
    { label: 'Fetch standard: CORS check', href: 'https://fetch.spec.whatwg.org/#cors-check' },
    { label: 'Chrome DevTools Protocol: Network.CorsError', href: 'https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-CorsError' },
    { label: 'MDN: CORS errors', href: `${MDN}/Web/HTTP/Guides/CORS/Errors` },
  ],
};
