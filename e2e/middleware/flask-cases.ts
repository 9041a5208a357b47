/**
 * Flask with Flask-CORS, configured the usual ways, and its traps: its default echoes any origin but
 * allows no credentials, an origin not on the list gets no CORS header at all (Flask's own OPTIONS
 * answer still says 200), a method not on the list gets no Allow-Methods, `send_wildcard` ("*", which
 * credentials refuse), a path that is not a CORS resource, an exception in the route.
 */
import type { FlaskCase } from './flask';
import type { MiddlewareCase } from './servers';

export interface FlaskLab {
  config: Record<string, FlaskCase>;
  cases: MiddlewareCase[];
}

export function flaskLab(page: string): FlaskLab {
  const config: Record<string, FlaskCase> = {};
  const cases: MiddlewareCase[] = [];
  const add = (id: string, text: string, c: FlaskCase): void => {
    config[id] = c;
    cases.push({ id: `flask-${id}`, framework: 'flask', path: `/f/${id}/r`, config: text, ...(c.fails ? { fails: true } : {}) });
  };
  add('default', 'CORS(app) (defaults)', { cors: {} });
  add('credentials', 'CORS(app, supports_credentials=True)', { cors: { supports_credentials: true } });
  add('other-origin', 'CORS(app, origins=["https://other.example"])', { cors: { origins: ['https://other.example'] } });
  add('methods-get', 'CORS(app, origins=[page], methods=["GET"], supports_credentials=True)', { cors: { origins: [page], methods: ['GET'], supports_credentials: true } });
  add('headers-content-type', 'CORS(app, origins=[page], allow_headers=["Content-Type"], supports_credentials=True)', { cors: { origins: [page], allow_headers: ['Content-Type'], supports_credentials: true } });
  add('send-wildcard', 'CORS(app, send_wildcard=True)', { cors: { send_wildcard: true } });
  add('error', 'CORS(app, origins=[page], supports_credentials=True); the route raises', { cors: { origins: [page], supports_credentials: true }, fails: true });
  add('not-a-resource', 'CORS(app, resources={r"/api/*": …}); this path is outside it', { cors: null });
  return { config, cases };
}
