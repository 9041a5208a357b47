/**
 * Fix stack for Flask with Flask-CORS: one CORS resource for the API's path prefix. Flask-CORS answers
 * preflights through Flask's automatic OPTIONS and, by default, puts the headers on the 500 of an
 * exception too (checked in e2e/fixes.spec.ts against Flask 2.2 / Flask-CORS 3.0).
 */
import type { Fix } from '../../../model';
import { pathPrefix, type CorsSpec } from '../spec';
import { pyStr } from './quote';
import { stack } from './types';

/** The resource pattern: the request path's first segment, as Flask-CORS's regex. */
function resource(s: CorsSpec): string {
  const first = pathPrefix(s);
  // A dot would be "any character" in the pattern: then the whole app.
  return first && !first.includes('.') ? `/${first}/*` : '/*';
}

function allow(s: CorsSpec): Fix {
  const list = (xs: readonly string[]): string => `[${xs.map(pyStr).join(', ')}]`;
  return {
    stack: 'flask',
    title: 'Flask: Flask-CORS for the API\'s paths',
    language: 'python',
    snippet: [
      'from flask import Flask',
      'from flask_cors import CORS',
      '',
      'app = Flask(__name__)',
      '# Before the routes: it answers preflights (Flask\'s automatic OPTIONS) and adds the headers to every',
      '# response of these paths, the 500 of an exception included.',
      `CORS(app, resources={${pyStr(resource(s))}: {`,
      `    "origins": ${list(s.origins)},`,
      `    "methods": ${list(s.methods)},`,
      ...(s.headers.length > 0 ? [`    "allow_headers": ${list(s.headers)},`] : []),
      ...(s.exposeHeaders.length > 0 ? [`    "expose_headers": ${list(s.exposeHeaders)},`] : []),
      ...(s.credentials ? ['    "supports_credentials": True,'] : []),
      `    "max_age": ${s.maxAge},`,
      '}})',
      '',
      '# ... routes after this line',
    ].join('\n'),
  };
}

export const flaskStack = stack('flask', {
  allow,
  'preflight-no-auth': allow,
  errors: allow,
  backend: allow,
  vary: allow,
});
