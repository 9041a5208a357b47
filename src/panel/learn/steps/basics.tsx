/** Steps 1–2: what an origin is, and the same-origin policy that CORS relaxes. */
import { corsHeaders } from '../../../rules/cors/test-support';
import { Code } from '../ui';
import { OriginCompare } from '../widgets/origin-compare';
import { APP, API, variant } from './build';
import type { LearnStep } from './types';

const MDN = 'https://developer.mozilla.org/en-US/docs';

export const originStep: LearnStep = {
  id: 'origin',
  title: 'What an origin is',
  short: 'Origins',
  Body: () => (
    <>
      <p>
        An <strong>origin</strong> is three parts of a URL: the <strong>scheme</strong> (<Code>https</Code>), the{' '}
        <strong>host</strong> (<Code>app.example.com</Code>) and the <strong>port</strong> (<Code>443</Code>, implied by{' '}
        <Code>https</Code>). Path, query and fragment are not part of it.
      </p>
      <p>
        Two URLs have the <strong>same origin</strong> only when all three parts are equal. A subdomain is another host
        (<Code>app.example.com</Code> ≠ <Code>api.example.com</Code>), another port is another origin
        (<Code>localhost:3000</Code> ≠ <Code>localhost:8080</Code>), and so is <Code>http</Code> against{' '}
        <Code>https</Code>. Even <Code>localhost</Code> and <Code>127.0.0.1</Code> are different hosts.
      </p>
      <p>
        On every cross-origin request the browser tells the server who is asking, in the <Code>Origin</Code> request
        header: <Code>Origin: https://app.example.com</Code>.
      </p>
      <OriginCompare />
    </>
  ),
  variants: [
    variant('origin', 'subdomain', 'A subdomain', 'The page on app.example.com calls api.example.com, which sends no CORS headers.', {
      origin: APP, url: `${API}/items`, response: { status: 200, headers: { 'Content-Type': 'application/json' } },
    }),
    variant('origin', 'port', 'Another port', 'A dev server on port 3000 calls an API on port 8080 — another origin — and the API names the page’s origin.', {
      origin: 'http://localhost:3000', url: 'http://localhost:8080/api/items',
      response: { status: 200, headers: [...corsHeaders({ origin: 'http://localhost:3000' }), { name: 'Content-Type', value: 'application/json' }] },
    }),
    variant('origin', 'same', 'Same origin', 'Same scheme, host and port; only the path differs.', {
      origin: APP, url: `${APP}/api/items`, response: { status: 200, headers: { 'Content-Type': 'application/json' } },
    }),
  ],
  links: [
    { label: 'MDN: Origin', href: `${MDN}/Glossary/Origin` },
    { label: 'MDN: Same-origin policy', href: `${MDN}/Web/Security/Same-origin_policy` },
    { label: 'MDN: Origin request header', href: `${MDN}/Web/HTTP/Reference/Headers/Origin` },
  ],
};

export const sameOriginPolicyStep: LearnStep = {
  id: 'same-origin-policy',
  title: 'The same-origin policy, and CORS',
  short: 'Same-origin policy',
  Body: () => (
    <>
      <p>
        A page may <em>send</em> requests to any origin — links, forms and images always could. What the{' '}
        <strong>same-origin policy</strong> forbids is <em>reading</em> the answer: script from one origin cannot see a
        response from another.
      </p>
      <p>
        <strong>CORS</strong> (Cross-Origin Resource Sharing) is how a server relaxes that for its own responses: by
        answering with <Code>Access-Control-Allow-Origin</Code> naming the page’s origin (or <Code>*</Code> for any
        origin), it tells the browser that this page may read the response.
      </p>
      <ul>
        <li>
          <strong>The browser enforces CORS, not the server.</strong> The server usually ran the request and answered;
          the browser then hid the answer from your code and logged a CORS error. That is why a request that works in
          curl or Postman can fail in the page: those tools do not enforce CORS.
        </li>
        <li>
          <strong>So the fix is on the server side</strong> — the API, the gateway or the proxy in front of it — not in
          the front-end code (unless the page asks for more than it needs, such as credentials or a custom header).
          Sending <Code>Access-Control-Allow-Origin</Code> as a <em>request</em> header only makes the request need a
          preflight.
        </li>
        <li>
          <strong>Your code gets no details:</strong> <Code>fetch()</Code> rejects with “TypeError: Failed to fetch”. The
          reason is only in DevTools — the Console, the Issues panel, and this panel.
        </li>
      </ul>
    </>
  ),
  variants: [
    variant('same-origin-policy', 'none', 'No CORS headers', 'The API answers 200 with its data but no CORS headers.', {
      response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"items":[]}' },
    }),
    variant('same-origin-policy', 'exact', 'Names the origin', 'The API answers Access-Control-Allow-Origin: https://app.example.com.', {
      response: { status: 200, headers: [...corsHeaders({ origin: APP }), { name: 'Vary', value: 'Origin' }] },
    }),
    variant('same-origin-policy', 'any', 'Any origin (*)', 'The API answers Access-Control-Allow-Origin: *.', {
      response: { status: 200, headers: corsHeaders({ origin: '*' }) },
    }),
    variant('same-origin-policy', 'other', 'Another origin', 'The API allows its admin site, not this page.', {
      response: { status: 200, headers: corsHeaders({ origin: 'https://admin.example.com' }) },
    }),
    variant('same-origin-policy', 'slash', 'Trailing slash', 'The API’s configuration has the origin with a trailing slash.', {
      response: { status: 200, headers: corsHeaders({ origin: `${APP}/` }) },
    }),
  ],
  links: [
    { label: 'MDN: Cross-Origin Resource Sharing (CORS)', href: `${MDN}/Web/HTTP/Guides/CORS` },
    { label: 'MDN: CORS errors', href: `${MDN}/Web/HTTP/Guides/CORS/Errors` },
    { label: 'MDN: Access-Control-Allow-Origin', href: `${MDN}/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin` },
  ],
};
