/**
 * FastAPI with Starlette's CORSMiddleware, configured the usual ways, and its traps: credentials not
 * allowed, an origin not on the list (the preflight gets 400 "Disallowed CORS origin"), a method or header
 * not on the list (400 with Allow-Origin present), a regex that does not match, an unhandled exception
 * (the 500 comes from outside CORSMiddleware, with no CORS headers), no middleware at all (405 to OPTIONS).
 */
import type { FastapiCase } from './fastapi';
import type { MiddlewareCase } from './servers';

export interface FastapiLab {
  config: Record<string, FastapiCase>;
  cases: MiddlewareCase[];
}

export function fastapiLab(page: string): FastapiLab {
  const config: Record<string, FastapiCase> = {};
  const cases: MiddlewareCase[] = [];
  const add = (id: string, text: string, c: FastapiCase): void => {
    config[id] = c;
    cases.push({ id: `fastapi-${id}`, framework: 'fastapi', path: `/p/${id}/r`, config: text, ...(c.fails ? { fails: true } : {}) });
  };
  const all = { allow_methods: ['*'], allow_headers: ['*'] };
  add('list', 'CORSMiddleware(allow_origins=[page], allow_methods=["*"], allow_headers=["*"])', { cors: { allow_origins: [page], ...all } });
  add('star-credentials', 'CORSMiddleware(allow_origins=["*"], allow_credentials=True, …["*"])', { cors: { allow_origins: ['*'], allow_credentials: true, ...all } });
  add('other-origin', 'CORSMiddleware(allow_origins=["https://other.example"], …)', { cors: { allow_origins: ['https://other.example'], ...all } });
  add('methods-get', 'CORSMiddleware(allow_origins=[page], allow_methods=["GET"], allow_headers=["*"], allow_credentials=True)', { cors: { allow_origins: [page], allow_methods: ['GET'], allow_headers: ['*'], allow_credentials: true } });
  add('headers-content-type', 'CORSMiddleware(allow_origins=[page], allow_methods=["*"], allow_headers=["Content-Type"], allow_credentials=True)', { cors: { allow_origins: [page], allow_methods: ['*'], allow_headers: ['Content-Type'], allow_credentials: true } });
  add('regex', 'CORSMiddleware(allow_origin_regex=r"https://.*\\.example\\.com", …)', { cors: { allow_origin_regex: 'https://.*\\.example\\.com', ...all } });
  add('error', 'CORSMiddleware(allow_origins=[page], allow_credentials=True, …); the route raises', { cors: { allow_origins: [page], allow_credentials: true, ...all }, fails: true });
  add('none', 'no CORSMiddleware', { cors: null });
  return { config, cases };
}
