/**
 * Fix stack for Go's net/http: rs/cors around the whole router. It answers preflights itself, before any
 * handler or auth middleware inside it, and sets its headers before the handler runs, so a handler's
 * error answers carry them too (checked in e2e/fixes.spec.ts against rs/cors 1.7).
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { jsStr } from './quote';
import { stack } from './types';

/** A Go string literal: JSON's escapes are Go's for the characters safe values can hold. */
const goStr = jsStr;
const list = (xs: readonly string[]): string => `[]string{${xs.map(goStr).join(', ')}}`;

function allow(s: CorsSpec): Fix {
  return {
    stack: 'go',
    title: 'Go: rs/cors around the whole router',
    language: 'go',
    snippet: [
      'package main',
      '',
      'import (',
      '\t"net/http"',
      '',
      '\t"github.com/rs/cors"',
      ')',
      '',
      '// withCORS wraps the whole router: http.ListenAndServe(addr, withCORS(mux)). rs/cors answers preflights',
      '// before any handler or auth middleware inside it, and refuses one silently (no CORS header at all) when',
      '// the origin, the method or a header is not listed below: list everything the page sends.',
      '// (gorilla/handlers: handlers.CORS(handlers.AllowedOrigins(…), handlers.AllowedMethods(…),',
      '// handlers.AllowedHeaders(…), handlers.AllowCredentials())(router) takes the same lists.)',
      'func withCORS(h http.Handler) http.Handler {',
      '\treturn cors.New(cors.Options{',
      `\t\tAllowedOrigins:   ${list(s.origins)},`,
      `\t\tAllowedMethods:   ${list([...s.methods, 'OPTIONS'])},`,
      ...(s.headers.length > 0 ? [`\t\tAllowedHeaders:   ${list(s.headers)},`] : []),
      ...(s.exposeHeaders.length > 0 ? [`\t\tExposedHeaders:   ${list(s.exposeHeaders)},`] : []),
      ...(s.credentials ? ['\t\tAllowCredentials: true,'] : []),
      `\t\tMaxAge:           ${s.maxAge},`,
      '\t}).Handler(h)',
      '}',
    ].join('\n'),
  };
}

export const goStack = stack('go', {
  allow,
  'preflight-no-auth': allow,
  errors: allow,
  backend: allow,
  vary: allow,
});
