/** Flask + Flask-CORS on Werkzeug's server, on Debian's Python (see web-server.ts and flask_lab.py). */
import { resolve } from 'node:path';
import type { CorsKwargs, FastapiCase } from './fastapi';
import { startWebServer, type WebServer } from './web-server';

/** Flask-CORS resource options (null: the case's path is not a CORS resource). */
export type FlaskCase = FastapiCase;
export type { CorsKwargs };

const SCRIPT = resolve(import.meta.dirname, 'flask_lab.py');

export function startFlask(cases: Record<string, FlaskCase>): Promise<WebServer> {
  return startWebServer({
    server: 'flask',
    config: (_dir, port) => JSON.stringify({ port, cases }),
    args: (_dir, conf) => [SCRIPT, conf],
  });
}
