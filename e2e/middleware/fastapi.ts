/**
 * FastAPI + Starlette's CORSMiddleware on uvicorn, on Debian's Python (see web-server.ts): each case a
 * sub-application with its own CORSMiddleware configuration (fastapi_lab.py).
 */
import { resolve } from 'node:path';
import { startWebServer, type WebServer } from './web-server';

/** CORSMiddleware's keyword arguments, as JSON (null: no CORSMiddleware). */
export type CorsKwargs = Record<string, string | boolean | number | readonly string[]> | null;

export interface FastapiCase {
  cors: CorsKwargs;
  fails?: boolean;
}

const SCRIPT = resolve(import.meta.dirname, 'fastapi_lab.py');

export function startFastapi(cases: Record<string, FastapiCase>): Promise<WebServer> {
  return startWebServer({
    server: 'fastapi',
    config: (_dir, port) => JSON.stringify({ port, cases }),
    args: (_dir, conf) => [SCRIPT, conf],
  });
}
