/**
 * Fix stack for Ruby's Rack and Rails: rack-cors, first in the middleware stack. It answers preflights
 * itself and puts its headers on every answer of the app behind it (checked in e2e/fixes.spec.ts against
 * rack-cors 1.1 on WEBrick, the snippet built as rackup builds config.ru).
 */
import type { Fix } from '../../../model';
import { pathPrefix, type CorsSpec } from '../spec';
import { rbStr } from './quote';
import { stack } from './types';

function resource(s: CorsSpec): string {
  const first = pathPrefix(s);
  return first ? `/${first}/*` : '*';
}

const list = (xs: readonly string[]): string => `[${xs.map(rbStr).join(', ')}]`;

function allow(s: CorsSpec): Fix {
  // rack-cors compares the request's method lowercased; without `methods:` it allows GET only.
  const methods = [...new Set([...s.methods, 'OPTIONS'].map((m) => m.toLowerCase()))];
  return {
    stack: 'rack',
    title: 'Rack / Rails: rack-cors, first in the middleware stack',
    language: 'ruby',
    snippet: [
      '# config.ru, before `run`. Rails: config/initializers/cors.rb, the same block after',
      '# Rails.application.config.middleware.insert_before 0, Rack::Cors do … end (first, before any auth).',
      '# rack-cors refuses a preflight silently (an empty 200) when the origin, the path, the method or a',
      '# header is not listed: list everything the page sends.',
      'require "rack/cors"',
      '',
      'use Rack::Cors do',
      '  allow do',
      `    origins ${s.origins.map(rbStr).join(', ')}`,
      `    resource ${rbStr(resource(s))},`,
      `      headers: ${s.headers.length > 0 ? list(s.headers) : '[]'},`,
      `      methods: ${list(methods)},`,
      ...(s.exposeHeaders.length > 0 ? [`      expose: ${list(s.exposeHeaders)},`] : []),
      ...(s.credentials ? ['      credentials: true,'] : []),
      `      max_age: ${s.maxAge}`,
      '  end',
      'end',
    ].join('\n'),
  };
}

export const rackStack = stack('rack', {
  allow,
  'preflight-no-auth': allow,
  errors: allow,
  backend: allow,
  vary: allow,
});
