/**
 * The Python frameworks of the middleware lab, on Debian's Python (see web-server.ts): FastAPI with
 * Starlette's CORSMiddleware (fastapi_lab.py, a sub-application per case) and Flask with Flask-CORS
 * (flask_lab.py, a CORS resource per case). Both scripts read {port, cases} from a JSON file.
 */
import { resolve } from 'node:path';
import type { MiddlewareCase } from './servers';
import { startWebServer, type WebServer } from './web-server';

export type PythonFramework = 'fastapi' | 'flask';

/** CORSMiddleware's keyword arguments or a Flask-CORS resource's options, as JSON (null: no CORS). */
export type CorsKwargs = Record<string, string | boolean | number | readonly string[]> | null;

export interface PythonCase {
  cors: CorsKwargs;
  /** The route raises. */
  fails?: boolean;
}

export interface PythonLab {
  config: Record<string, PythonCase>;
  cases: MiddlewareCase[];
}

const SCRIPTS: Record<PythonFramework, string> = {
  fastapi: resolve(import.meta.dirname, 'fastapi_lab.py'),
  flask: resolve(import.meta.dirname, 'flask_lab.py'),
};

/** The cases of one framework, each at `/<prefix>/<id>/r`: [id, configuration in its words, case]. */
export function pythonLab(framework: PythonFramework, prefix: string, defs: ReadonlyArray<readonly [string, string, PythonCase]>): PythonLab {
  const config: Record<string, PythonCase> = {};
  const cases: MiddlewareCase[] = [];
  for (const [id, text, c] of defs) {
    config[id] = c;
    cases.push({ id: `${framework}-${id}`, framework, path: `/${prefix}/${id}/r`, config: text, ...(c.fails ? { fails: true } : {}) });
  }
  return { config, cases };
}

export function startPythonLab(framework: PythonFramework, cases: Record<string, PythonCase>): Promise<WebServer> {
  return startWebServer({
    server: framework,
    config: (_dir, port) => JSON.stringify({ port, cases }),
    args: (_dir, conf) => [SCRIPTS[framework], conf],
  });
}
