/**
 * Fix stack for FastAPI / Starlette: CORSMiddleware added last (it then wraps everything and answers
 * preflights before any dependency or auth), and, for errors, a middleware inside it that turns an
 * unhandled exception into a response: Starlette answers those from ServerErrorMiddleware, outside
 * CORSMiddleware, with no CORS headers (checked in e2e/fixes.spec.ts against FastAPI 0.92).
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { pyStr } from './quote';
import { stack } from './types';

function middleware(s: CorsSpec): string[] {
  return [
    '# Added last, so it wraps everything: it answers preflights itself, before any dependency or auth.',
    'app.add_middleware(',
    '    CORSMiddleware,',
    `    allow_origins=[${s.origins.map(pyStr).join(', ')}],`,
    `    allow_methods=[${s.methods.map(pyStr).join(', ')}],`,
    ...(s.headers.length > 0 ? [`    allow_headers=[${s.headers.map(pyStr).join(', ')}],`] : []),
    ...(s.exposeHeaders.length > 0 ? [`    expose_headers=[${s.exposeHeaders.map(pyStr).join(', ')}],`] : []),
    ...(s.credentials ? ['    allow_credentials=True,'] : []),
    `    max_age=${s.maxAge},`,
    ')',
  ];
}

function allow(s: CorsSpec): Fix {
  return {
    stack: 'fastapi',
    title: 'FastAPI: CORSMiddleware, added after every other middleware',
    language: 'python',
    snippet: [
      'from fastapi import FastAPI',
      'from fastapi.middleware.cors import CORSMiddleware',
      '',
      'app = FastAPI()',
      ...middleware(s),
      '',
      '# ... routes after this line',
    ].join('\n'),
  };
}

function errors(s: CorsSpec): Fix {
  return {
    stack: 'fastapi',
    title: 'FastAPI: CORS headers on the 500 of an unhandled exception too',
    language: 'python',
    snippet: [
      'from fastapi import FastAPI, Request',
      'from fastapi.middleware.cors import CORSMiddleware',
      'from fastapi.responses import JSONResponse',
      '',
      'app = FastAPI()',
      '',
      '# An exception nothing handles becomes a 500 in ServerErrorMiddleware, outside CORSMiddleware, so it',
      '# has no CORS headers. Caught here, inside CORSMiddleware (added below, so it wraps this one).',
      '@app.middleware("http")',
      'async def errors_inside_cors(request: Request, call_next):',
      '    try:',
      '        return await call_next(request)',
      '    except Exception:',
      '        return JSONResponse({"detail": "Internal Server Error"}, status_code=500)',
      '',
      ...middleware(s),
      '',
      '# ... routes after this line',
    ].join('\n'),
  };
}

export const fastapiStack = stack('fastapi', {
  allow,
  'preflight-no-auth': allow,
  errors,
  backend: allow,
  vary: allow,
});
