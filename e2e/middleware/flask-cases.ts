/**
 * Flask with Flask-CORS, configured the usual ways, and its traps: its default echoes any origin but
 * allows no credentials, an origin not on the list gets no CORS header at all (Flask's own OPTIONS
 * answer still says 200), a method not on the list gets no Allow-Methods, `send_wildcard` ("*", which
 * credentials refuse), a path that is not a CORS resource, an exception in the route.
 */
import { pythonLab, type PythonLab } from './python-lab';

export function flaskLab(page: string): PythonLab {
  return pythonLab('flask', 'f', [
    ['default', 'CORS(app) (defaults)', { cors: {} }],
    ['credentials', 'CORS(app, supports_credentials=True)', { cors: { supports_credentials: true } }],
    ['other-origin', 'CORS(app, origins=["https://other.example"])', { cors: { origins: ['https://other.example'] } }],
    ['methods-get', 'CORS(app, origins=[page], methods=["GET"], supports_credentials=True)', { cors: { origins: [page], methods: ['GET'], supports_credentials: true } }],
    ['headers-content-type', 'CORS(app, origins=[page], allow_headers=["Content-Type"], supports_credentials=True)', { cors: { origins: [page], allow_headers: ['Content-Type'], supports_credentials: true } }],
    ['send-wildcard', 'CORS(app, send_wildcard=True)', { cors: { send_wildcard: true } }],
    ['error', 'CORS(app, origins=[page], supports_credentials=True); the route raises', { cors: { origins: [page], supports_credentials: true }, fails: true }],
    ['not-a-resource', 'CORS(app, resources={r"/api/*": …}); this path is outside it', { cors: null }],
  ]);
}
