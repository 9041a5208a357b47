/**
 * The Python frameworks of the middleware lab, on Debian's Python (see web-server.ts): FastAPI with
 * Starlette's CORSMiddleware (fastapi_lab.py, a sub-application per case), Flask with Flask-CORS
 * (flask_lab.py, a CORS resource per case) and Django with django-cors-headers (django_lab.py, CORS_*
 * settings per case). The scripts read {port, cases} from a JSON file.
 */
import { resolve } from 'node:path';
import type { MiddlewareCase } from './servers';
import { startWebServer, type WebServer } from './web-server';

export type PythonFramework = 'fastapi' | 'flask' | 'django';

/** CORSMiddleware's keyword arguments, a Flask-CORS resource's options or Django's CORS_* settings, as JSON (null: no CORS). */
export type CorsKwargs = Record<string, string | boolean | number | readonly string[]> | null;

export interface PythonCase {
  cors: CorsKwargs;
  /** The route raises. */
  fails?: boolean;
  /** Django: an auth middleware above CorsMiddleware refuses every request, the preflight too. */
  auth?: 'above';
  /** Django: CorsMiddleware listed below CommonMiddleware (whose trailing-slash redirect then has no CORS headers). */
  cors_below_common?: boolean;
}

export interface PythonLab {
  config: Record<string, PythonCase>;
  cases: MiddlewareCase[];
}

const SCRIPTS: Record<PythonFramework, string> = {
  fastapi: resolve(import.meta.dirname, 'fastapi_lab.py'),
  flask: resolve(import.meta.dirname, 'flask_lab.py'),
  django: resolve(import.meta.dirname, 'django_lab.py'),
};

/**
 * The cases of one framework, each at `/<prefix>/<id>/<route>`: [id, configuration in its words, case,
 * route (default `r`; Django's routes end in a slash)].
 */
export function pythonLab(framework: PythonFramework, prefix: string, defs: ReadonlyArray<readonly [string, string, PythonCase, string?]>): PythonLab {
  const config: Record<string, PythonCase> = {};
  const cases: MiddlewareCase[] = [];
  for (const [id, text, c, route = 'r'] of defs) {
    config[id] = c;
    cases.push({
      id: `${framework}-${id}`, framework, path: `/${prefix}/${id}/${route}`, config: text,
      ...(c.fails ? { fails: true } : {}), ...(framework === 'django' ? { django: c } : {}),
    });
  }
  return { config, cases };
}

/** `settingsPy` (Django): Python run at the end of the lab's settings, as if appended to settings.py (a fix). */
export function startPythonLab(framework: PythonFramework, cases: Record<string, PythonCase>, settingsPy?: string): Promise<WebServer> {
  return startWebServer({
    server: framework,
    config: (_dir, port) => JSON.stringify({ port, cases, ...(settingsPy === undefined ? {} : { settings_py: settingsPy }) }),
    args: (_dir, conf) => [SCRIPTS[framework], conf],
  });
}
