/** Step 7: credentials (cookies, HTTP auth, client certificates) and what they demand of the server. */
import { corsHeaders } from '../../../rules/cors/test-support';
import { Code } from '../ui';
import { APP, API, variant } from './build';
import type { LearnStep } from './types';

const MDN = 'https://developer.mozilla.org/en-US/docs';
const request = { url: `${API}/me`, credentials: 'include' as const };

export const credentialsStep: LearnStep = {
  id: 'credentials',
  title: 'Credentials: cookies and HTTP authentication',
  short: 'Credentials',
  Body: () => (
    <>
      <p>
        <strong>Credentials</strong> are what the browser attaches by itself: cookies, HTTP authentication and TLS client
        certificates. To another origin it sends them only when your code asks —{' '}
        <Code>fetch(url, {'{'} credentials: 'include' {'}'})</Code> or <Code>xhr.withCredentials = true</Code>. The fetch
        default, <Code>same-origin</Code>, sends none to other origins.
      </p>
      <p>With credentials included the server must opt in more precisely:</p>
      <ul>
        <li><Code>Access-Control-Allow-Origin</Code> must name the origin exactly — <Code>*</Code> is refused;</li>
        <li>
          <Code>Access-Control-Allow-Credentials: true</Code> must be present — exactly <Code>true</Code>, lower-case — on
          the preflight answer and on the actual answer;
        </li>
        <li>in the preflight answer, <Code>*</Code> in Allow-Methods or Allow-Headers no longer means “any”: list them.</li>
      </ul>
      <p>
        Two traps. The preflight itself never carries cookies or your <Code>Authorization</Code> header, so an API that
        demands authentication on <Code>OPTIONS</Code> rejects every preflight. And an <Code>Authorization</Code> header
        set by your code is not a credential in this sense: it is a non-safelisted header, so it needs a preflight and
        must be listed in <Code>Access-Control-Allow-Headers</Code> (Chromium 156 also accepts <Code>*</Code> for it on
        requests without credentials, although the Fetch standard says it should not — list it by name).
      </p>
    </>
  ),
  variants: [
    variant('credentials', 'star', 'Allow-Origin *', 'A cookie-authenticated GET; the API answers Allow-Origin * with Allow-Credentials: true.', {
      ...request, response: { status: 200, headers: corsHeaders({ origin: '*', credentials: true }), body: '{"name":"ada"}' },
    }),
    variant('credentials', 'no-flag', 'No Allow-Credentials', 'The API names the origin but does not send Access-Control-Allow-Credentials.', {
      ...request, response: { status: 200, headers: [...corsHeaders({ origin: APP }), { name: 'Vary', value: 'Origin' }], body: '{"name":"ada"}' },
    }),
    variant('credentials', 'capital', '“True”', 'The API sends Access-Control-Allow-Credentials: True (capital T).', {
      ...request, response: { status: 200, headers: [...corsHeaders({ origin: APP, credentials: 'True' }), { name: 'Vary', value: 'Origin' }], body: '{"name":"ada"}' },
    }),
    variant('credentials', 'ok', 'Origin + true', 'The API names the origin and sends Access-Control-Allow-Credentials: true.', {
      ...request, response: { status: 200, headers: [...corsHeaders({ origin: APP, credentials: true }), { name: 'Vary', value: 'Origin' }], body: '{"name":"ada"}' },
    }),
  ],
  showChecks: true,
  links: [
    { label: 'MDN: Requests with credentials', href: `${MDN}/Web/HTTP/Guides/CORS#requests_with_credentials` },
    { label: 'MDN: Access-Control-Allow-Credentials', href: `${MDN}/Web/HTTP/Reference/Headers/Access-Control-Allow-Credentials` },
    { label: 'MDN: fetch() credentials option', href: `${MDN}/Web/API/RequestInit#credentials` },
  ],
};
