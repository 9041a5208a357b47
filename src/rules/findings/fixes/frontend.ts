/** Fixes on the page's side, for the causes that live in the calling code. */
import type { CorsSpec } from '../spec';
import { jsStr } from './quote';
import { stack } from './types';

const url = (s: CorsSpec): string => jsStr(s.api.host ? `https://${s.api.host}${s.path}` : s.path);

export const frontendStack = stack('frontend', {
  'client-credentials': (s) => ({
    stack: 'frontend',
    title: 'Page: do not send credentials if the API does not need cookies',
    language: 'javascript',
    snippet: [
      '// fetch sends no cookies cross-origin by default ("same-origin"); "include" requires the server to',
      '// name your origin exactly and send Access-Control-Allow-Credentials: true.',
      `const response = await fetch(${url(s)}, { method: ${jsStr(s.method)}, credentials: "same-origin" });`,
      '// axios: withCredentials: false (the default). XMLHttpRequest: xhr.withCredentials = false.',
    ].join('\n'),
  }),
  'client-remove-header': (s) => ({
    stack: 'frontend',
    title: 'Page: remove CORS response headers from the request',
    language: 'javascript',
    snippet: [
      '// Access-Control-Allow-* are RESPONSE headers: only the server can send them. Sent by the page they',
      '// only make the request non-simple and need to be allowed by the preflight.',
      `const response = await fetch(${url(s)}, {`,
      `  method: ${jsStr(s.method)},`,
      '  headers: { "Content-Type": "application/json" }, // no Access-Control-Allow-Origin here',
      '});',
      '// axios: delete axios.defaults.headers.common["Access-Control-Allow-Origin"];',
    ].join('\n'),
  }),
  'client-method-case': (s) => ({
    stack: 'frontend',
    title: 'Page: send the method in upper case',
    language: 'javascript',
    snippet: [
      '// fetch upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT; other methods are sent as written',
      '// and compared case-sensitively with Access-Control-Allow-Methods.',
      `const response = await fetch(${url(s)}, { method: ${jsStr(s.method.toUpperCase())} });`,
    ].join('\n'),
  }),
  'client-final-url': (s) => ({
    stack: 'frontend',
    title: 'Page: call the final URL directly',
    language: 'javascript',
    snippet: [
      '// Use the URL the redirect points to (scheme, host, trailing slash), so no redirect is needed.',
      `const response = await fetch(${url(s)}, { method: ${jsStr(s.method)} });`,
    ].join('\n'),
  }),
  'client-crossorigin': () => ({
    stack: 'frontend',
    title: 'Page: make every request for this URL a CORS request',
    language: 'text',
    snippet: [
      'Requests without Origin store a copy without CORS headers. Load the same URL in CORS mode everywhere:',
      '  <img src="..." crossorigin="anonymous">   <link rel="preload" href="..." as="fetch" crossorigin="anonymous">',
      'Short-term workaround in fetch: { cache: "no-store" } (bypasses the HTTP cache).',
    ].join('\n'),
  }),
  'client-private-api': () => ({
    stack: 'frontend',
    title: 'Page: call the private API by its endpoint-specific host name',
    language: 'text',
    snippet: [
      'Instead of adding an x-apigw-api-id header (a custom header forces a preflight that cannot carry it), call',
      '  https://{rest-api-id}-{vpce-id}.execute-api.{region}.amazonaws.com/{stage}/...',
      'or a Route 53 alias / custom domain that maps to the private API.',
    ].join('\n'),
  }),
});
