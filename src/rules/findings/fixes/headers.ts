/** Platform-neutral fix: the exact headers the server must send, for any stack. */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { plain } from './quote';
import { stack } from './types';

function responseLines(s: CorsSpec): string[] {
  return [
    `  Access-Control-Allow-Origin: ${s.origin}`,
    ...(s.credentials ? ['  Access-Control-Allow-Credentials: true'] : []),
    '  Vary: Origin',
  ];
}

function allow(s: CorsSpec): Fix {
  const preflight = [
    `OPTIONS ${s.path} (the preflight) must answer 2xx, without requiring auth, with:`,
    ...responseLines(s),
    `  Access-Control-Allow-Methods: ${[...s.methods, 'OPTIONS'].join(', ')}`,
    ...(s.headers.length > 0 ? [`  Access-Control-Allow-Headers: ${s.headers.join(', ')}`] : []),
    `  Access-Control-Max-Age: ${s.maxAge}`,
    '',
  ];
  return {
    stack: 'headers',
    title: 'The headers your server must send',
    language: 'text',
    snippet: plain([
      ...preflight,
      `${s.method} ${s.path} and every error response for it must include:`,
      ...responseLines(s),
      ...(s.origins.length > 1 ? ['', `Several origins (${s.origins.join(', ')}): send the one that matches the request's Origin, never a list.`] : []),
    ].join('\n')),
  };
}

function errors(s: CorsSpec): Fix {
  return {
    stack: 'headers',
    title: 'Error responses need the CORS headers too',
    language: 'text',
    snippet: plain([`Every response for ${s.path} — 401, 403, 404, 429, 500, 502, 504 included — must carry:`, ...responseLines(s)].join('\n')),
  };
}

export const headersStack = stack('headers', {
  allow,
  'preflight-no-auth': allow,
  errors,
  backend: errors,
  vary: (s) => ({
    stack: 'headers',
    title: 'Send Vary: Origin on every response of this URL',
    language: 'text',
    snippet: plain([
      `Send "Vary: Origin" on every response of ${s.path}, with or without a CORS match, so caches keep`,
      'the copy for one origin (or for no origin) apart from the copy for another.',
    ].join('\n')),
  }),
});
