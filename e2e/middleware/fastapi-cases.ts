/**
 * FastAPI with Starlette's CORSMiddleware, configured the usual ways, and its traps: credentials not
 * allowed, an origin not on the list (the preflight gets 400 "Disallowed CORS origin"), a method or header
 * not on the list (400 with Allow-Origin present), a regex that does not match, an unhandled exception
 * (the 500 comes from outside CORSMiddleware, with no CORS headers), no middleware at all (405 to OPTIONS).
 */
import { pythonLab, type PythonLab } from './python-lab';

export function fastapiLab(page: string): PythonLab {
  const all = { allow_methods: ['*'], allow_headers: ['*'] };
  return pythonLab('fastapi', 'p', [
    ['list', 'CORSMiddleware(allow_origins=[page], allow_methods=["*"], allow_headers=["*"])', { cors: { allow_origins: [page], ...all } }],
    ['star-credentials', 'CORSMiddleware(allow_origins=["*"], allow_credentials=True, …["*"])', { cors: { allow_origins: ['*'], allow_credentials: true, ...all } }],
    ['other-origin', 'CORSMiddleware(allow_origins=["https://other.example"], …)', { cors: { allow_origins: ['https://other.example'], ...all } }],
    ['methods-get', 'CORSMiddleware(allow_origins=[page], allow_methods=["GET"], allow_headers=["*"], allow_credentials=True)', { cors: { allow_origins: [page], allow_methods: ['GET'], allow_headers: ['*'], allow_credentials: true } }],
    ['headers-content-type', 'CORSMiddleware(allow_origins=[page], allow_methods=["*"], allow_headers=["Content-Type"], allow_credentials=True)', { cors: { allow_origins: [page], allow_methods: ['*'], allow_headers: ['Content-Type'], allow_credentials: true } }],
    ['regex', 'CORSMiddleware(allow_origin_regex=r"https://.*\\.example\\.com", …)', { cors: { allow_origin_regex: 'https://.*\\.example\\.com', ...all } }],
    ['error', 'CORSMiddleware(allow_origins=[page], allow_credentials=True, …); the route raises', { cors: { allow_origins: [page], allow_credentials: true, ...all }, fails: true }],
    ['none', 'no CORSMiddleware', { cors: null }],
  ]);
}
