/** Steps 3–4: simple and preflighted requests, and the preflight itself. */
import { corsHeaders } from '../../../rules/cors/test-support';
import { Code } from '../ui';
import { PreflightCheck } from '../widgets/preflight-check';
import { APP, API, variant } from './build';
import type { LearnStep } from './types';

const MDN = 'https://developer.mozilla.org/en-US/docs';

export const simpleRequestsStep: LearnStep = {
  id: 'simple-requests',
  title: 'Simple requests and preflighted requests',
  short: 'Simple or preflighted',
  Body: () => (
    <>
      <p>
        The browser sends some cross-origin requests straight away and only checks the answer; for the others it first
        asks the server for permission with a <strong>preflight</strong>. A request goes straight out — a “simple
        request” — when:
      </p>
      <ul>
        <li>its method is <Code>GET</Code>, <Code>HEAD</Code> or <Code>POST</Code>, and</li>
        <li>
          every header your code sets is CORS-safelisted: <Code>Accept</Code>, <Code>Accept-Language</Code>,{' '}
          <Code>Content-Language</Code>, <Code>Content-Type</Code> with <Code>application/x-www-form-urlencoded</Code>,{' '}
          <Code>multipart/form-data</Code> or <Code>text/plain</Code>, and <Code>Range</Code> with a simple byte range —
          each value at most 128 bytes.
        </li>
      </ul>
      <p>
        Anything else is preflighted: <Code>PUT</Code>, <Code>PATCH</Code>, <Code>DELETE</Code>, a JSON body
        (<Code>Content-Type: application/json</Code>), <Code>Authorization</Code>, <Code>X-Api-Key</Code> or any other
        custom header. Headers the browser adds by itself (<Code>User-Agent</Code>, <Code>Cookie</Code>,{' '}
        <Code>Origin</Code>, <Code>Referer</Code>, <Code>Sec-Fetch-*</Code>) never count.
      </p>
      <p>
        A simple request still needs <Code>Access-Control-Allow-Origin</Code> on its answer to be readable — and by then
        the server has already run it: a blocked simple <Code>POST</Code> may still have changed data.
      </p>
      <PreflightCheck />
    </>
  ),
  variants: [
    variant('simple-requests', 'get', 'GET with Accept', 'GET with Accept: application/json — only safelisted headers.', {
      headers: { Accept: 'application/json' },
      response: { status: 200, headers: corsHeaders({ origin: '*' }) },
    }),
    variant('simple-requests', 'post-text', 'POST text/plain', 'A form-like POST with Content-Type: text/plain to a server that sends no CORS headers.', {
      method: 'POST', headers: { 'Content-Type': 'text/plain' },
      response: { status: 201, headers: { 'Content-Type': 'application/json' }, body: '{"saved":true}' },
    }),
    variant('simple-requests', 'post-json', 'POST JSON', 'The same POST with Content-Type: application/json, to a server that answers preflights.', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      preflight: { status: 204, headers: corsHeaders({ origin: APP, methods: 'GET, POST', headers: 'Content-Type' }) },
      response: { status: 201, headers: corsHeaders({ origin: APP }), body: '{"saved":true}' },
    }),
  ],
  links: [
    { label: 'MDN: Simple requests', href: `${MDN}/Web/HTTP/Guides/CORS#simple_requests` },
    { label: 'MDN: CORS-safelisted request header', href: `${MDN}/Glossary/CORS-safelisted_request_header` },
    { label: 'Fetch standard: CORS-safelisted request-header', href: 'https://fetch.spec.whatwg.org/#cors-safelisted-request-header' },
  ],
};

export const preflightStep: LearnStep = {
  id: 'preflight',
  title: 'The preflight request',
  short: 'The preflight',
  Body: () => (
    <>
      <p>
        The <strong>preflight</strong> is an <Code>OPTIONS</Code> request to the same URL that the browser sends before
        the real one. It carries no cookies and no body, only the question:
      </p>
      <ul>
        <li><Code>Origin</Code> — who is asking;</li>
        <li><Code>Access-Control-Request-Method</Code> — the method the real request will use;</li>
        <li>
          <Code>Access-Control-Request-Headers</Code> — the names of its non-safelisted headers, lower-case, sorted,
          comma-separated.
        </li>
      </ul>
      <p>
        The server must answer with a <strong>2xx status</strong> and headers that allow all of it (the next steps).
        Only then does the browser send the real request. If the preflight fails, the real request is{' '}
        <strong>never sent</strong>: the server’s logs show only the <Code>OPTIONS</Code>, and your handler never runs. A
        preflight answered with a redirect fails too.
      </p>
      <p>Open “The messages on the wire” below to see the exact <Code>OPTIONS</Code> request the browser builds.</p>
    </>
  ),
  variants: [
    variant('preflight', 'ok', 'Answered', 'PUT with X-Api-Key and a JSON body; the server answers the preflight with 204 and the Allow-* headers.', {
      method: 'PUT', url: `${API}/items/7`, headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k-123' },
      preflight: { status: 204, headers: corsHeaders({ origin: APP, methods: 'GET, PUT, DELETE', headers: 'Content-Type, X-Api-Key', maxAge: 600 }) },
      response: { status: 200, headers: corsHeaders({ origin: APP }), body: '{"id":7}' },
    }),
    variant('preflight', 'not-found', 'OPTIONS not handled', 'The server has no route for OPTIONS and answers 404 without CORS headers.', {
      method: 'PUT', url: `${API}/items/7`, headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k-123' },
      preflight: { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not Found' },
      response: null,
    }),
    variant('preflight', 'redirect', 'Redirected', 'The API redirects every request to a new host, the preflight included.', {
      method: 'PUT', url: `${API}/items/7`, headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k-123' },
      preflight: { status: 301, redirectTo: 'https://api-v2.example.com/items/7', headers: corsHeaders({ origin: APP }) },
      response: null,
    }),
    variant('preflight', 'error-status', 'Headers, but 500', 'A framework adds the CORS headers, but the OPTIONS handler itself fails with 500.', {
      method: 'PUT', url: `${API}/items/7`, headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'k-123' },
      preflight: { status: 500, headers: corsHeaders({ origin: APP, methods: 'PUT', headers: 'content-type, x-api-key' }) },
      response: null,
    }),
  ],
  showWire: true,
  links: [
    { label: 'MDN: Preflight request', href: `${MDN}/Glossary/Preflight_request` },
    { label: 'MDN: Access-Control-Request-Headers', href: `${MDN}/Web/HTTP/Reference/Headers/Access-Control-Request-Headers` },
    { label: 'MDN: OPTIONS', href: `${MDN}/Web/HTTP/Reference/Methods/OPTIONS` },
  ],
};
