/**
 * Django with django-cors-headers, configured the usual ways, and its traps: installed but no origin
 * listed (the preflight still gets an empty 200), credentials not allowed, CORS_ALLOW_ALL_ORIGINS ("*",
 * which credentials refuse), an origin not on the list with credentials allowed (Allow-Credentials without
 * Allow-Origin), a header or method not on the lists, a CORS_URLS_REGEX that leaves the path out (Django's
 * own OPTIONS answer), an auth middleware listed above CorsMiddleware, an exception in the view, a URL
 * without its trailing slash (CommonMiddleware's redirect) with CorsMiddleware above or below
 * CommonMiddleware, a view that is not CSRF-exempt.
 */
import { pythonLab, type PythonLab } from './python-lab';

export function djangoLab(page: string): PythonLab {
  const listed = { CORS_ALLOWED_ORIGINS: [page], CORS_ALLOW_CREDENTIALS: true };
  return pythonLab('django', 'd', [
    ['default', 'INSTALLED_APPS += ["corsheaders"], CorsMiddleware; no CORS_ALLOWED_ORIGINS', { cors: {} }, 'r/'],
    ['allowed-origins', 'CORS_ALLOWED_ORIGINS = [page]', { cors: { CORS_ALLOWED_ORIGINS: [page] } }, 'r/'],
    ['credentials', 'CORS_ALLOWED_ORIGINS = [page]; CORS_ALLOW_CREDENTIALS = True', { cors: listed }, 'r/'],
    ['allow-all', 'CORS_ALLOW_ALL_ORIGINS = True', { cors: { CORS_ALLOW_ALL_ORIGINS: true } }, 'r/'],
    ['allow-all-credentials', 'CORS_ALLOW_ALL_ORIGINS = True; CORS_ALLOW_CREDENTIALS = True', { cors: { CORS_ALLOW_ALL_ORIGINS: true, CORS_ALLOW_CREDENTIALS: true } }, 'r/'],
    ['other-origin', 'CORS_ALLOWED_ORIGINS = ["https://other.example"]; CORS_ALLOW_CREDENTIALS = True', { cors: { CORS_ALLOWED_ORIGINS: ['https://other.example'], CORS_ALLOW_CREDENTIALS: true } }, 'r/'],
    ['lists', 'CORS_ALLOW_HEADERS = [*default_headers, "x-api-key"]; CORS_ALLOW_METHODS = ["GET", "POST"]', {
      cors: { ...listed, CORS_ALLOW_HEADERS: ['accept', 'accept-encoding', 'authorization', 'content-type', 'dnt', 'origin', 'user-agent', 'x-csrftoken', 'x-requested-with', 'x-api-key'], CORS_ALLOW_METHODS: ['GET', 'POST'] },
    }, 'r/'],
    ['urls-regex', 'CORS_URLS_REGEX = r"^/api/.*$"; this path is outside it', { cors: { ...listed, CORS_URLS_REGEX: '^/api/.*$' } }, 'r/'],
    ['auth-above', 'MIDDLEWARE = [AuthMiddleware (refuses), …, CorsMiddleware, …]', { cors: listed, auth: 'above' }, 'r/'],
    ['error', 'CORS_ALLOWED_ORIGINS = [page]; the view raises (DEBUG = False)', { cors: listed, fails: true }, 'r/'],
    ['no-slash', 'CORS_ALLOWED_ORIGINS = [page]; the URL lacks its trailing slash (APPEND_SLASH)', { cors: listed }, 'r'],
    ['below-common', 'MIDDLEWARE = [CommonMiddleware, CorsMiddleware, …]; the URL lacks its trailing slash', { cors: listed, cors_below_common: true }, 'r'],
    ['csrf', 'CORS_ALLOWED_ORIGINS = [page]; the view is not csrf_exempt', { cors: listed }, 'csrf/'],
  ]);
}
