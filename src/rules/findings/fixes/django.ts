/**
 * Fix stack for Django with django-cors-headers: settings appended to the end of settings.py, so that they
 * win over whatever is set above, with CorsMiddleware moved to the top of MIDDLEWARE. There it answers
 * every preflight before authentication or CommonMiddleware's trailing-slash redirect can, and puts its
 * headers on every answer, the 500 of an exception included (checked in e2e/fixes.spec.ts against
 * Django 3.2 / django-cors-headers 3.14).
 */
import type { Fix } from '../../../model';
import { pathPrefix, type CorsSpec } from '../spec';
import { pyStr } from './quote';
import { stack } from './types';

/** django-cors-headers' defaults (corsheaders.defaults), in its order: the snippet adds to them rather than replacing them. */
export const DJANGO_DEFAULT_HEADERS = ['accept', 'accept-encoding', 'authorization', 'content-type', 'dnt', 'origin', 'user-agent', 'x-csrftoken', 'x-requested-with'] as const;
export const DJANGO_DEFAULT_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;
const DEFAULT_HEADERS = new Set<string>(DJANGO_DEFAULT_HEADERS);
const DEFAULT_METHODS = new Set<string>(DJANGO_DEFAULT_METHODS);

/** CORS_URLS_REGEX for the API's first path segment (re.match on the path), or every path. */
function urlsRegex(s: CorsSpec): string {
  const first = pathPrefix(s);
  return first ? `^/${first.replace(/[.~-]/g, (c) => `\\${c}`)}/.*$` : '^.*$';
}

const list = (xs: readonly string[]): string => xs.map(pyStr).join(', ');

function allow(s: CorsSpec): Fix {
  const headers = s.headers.filter((h) => !DEFAULT_HEADERS.has(h.toLowerCase()));
  const methods = s.methods.filter((m) => !DEFAULT_METHODS.has(m));
  return {
    stack: 'django',
    title: 'Django: django-cors-headers, with CorsMiddleware first',
    language: 'python',
    snippet: [
      '# At the end of settings.py (pip install django-cors-headers).',
      'from corsheaders.defaults import default_headers, default_methods',
      '',
      'if "corsheaders" not in INSTALLED_APPS:',
      '    INSTALLED_APPS = [*INSTALLED_APPS, "corsheaders"]',
      '# First: above CommonMiddleware (its trailing-slash redirects) and anything that answers on its own',
      '# (authentication), so that it answers every preflight and its headers reach every answer.',
      'MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *(m for m in MIDDLEWARE if m != "corsheaders.middleware.CorsMiddleware")]',
      '',
      '# An allow-list (keep the other origins your sites need): never every origin, least of all with credentials.',
      'CORS_ALLOW_ALL_ORIGINS = False',
      `CORS_ALLOWED_ORIGINS = [${list(s.origins)}]`,
      `CORS_URLS_REGEX = ${pyStr(urlsRegex(s))}`,
      `CORS_ALLOW_METHODS = [*default_methods${methods.length > 0 ? `, ${list(methods)}` : ''}]`,
      `CORS_ALLOW_HEADERS = [*default_headers${headers.length > 0 ? `, ${list(headers)}` : ''}]`,
      ...(s.exposeHeaders.length > 0 ? [`CORS_EXPOSE_HEADERS = [${list(s.exposeHeaders)}]`] : []),
      ...(s.credentials ? ['CORS_ALLOW_CREDENTIALS = True'] : []),
      `CORS_PREFLIGHT_MAX_AGE = ${s.maxAge}`,
    ].join('\n'),
  };
}

export const djangoStack = stack('django', {
  allow,
  'preflight-no-auth': allow,
  errors: allow,
  backend: allow,
  vary: allow,
});
