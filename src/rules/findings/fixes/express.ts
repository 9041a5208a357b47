/** Fix stack for Express with the `cors` middleware (defaults: origin `*`, preflight answered with 204). */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { jsStr } from './quote';
import { stack } from './types';

function options(s: CorsSpec): string[] {
  const origin = s.origins.length > 1 ? `[${s.origins.map(jsStr).join(', ')}]` : jsStr(s.origin);
  return [
    'const corsOptions = {',
    `  origin: ${origin},`,
    `  methods: [${s.methods.map(jsStr).join(', ')}],`,
    ...(s.headers.length > 0 ? [`  allowedHeaders: [${s.headers.map(jsStr).join(', ')}],`] : []),
    ...(s.credentials ? ['  credentials: true,'] : []),
    `  maxAge: ${s.maxAge},`,
    '};',
  ];
}

function allow(s: CorsSpec): Fix {
  return {
    stack: 'express',
    title: 'Express: the cors middleware, registered before routes and auth',
    language: 'javascript',
    snippet: [
      'import express from "express";',
      'import cors from "cors";',
      '',
      'const app = express();',
      ...options(s),
      '// First middleware: it answers OPTIONS preflights itself (204) before any auth runs,',
      '// and adds the headers to every later response, errors included.',
      'app.use(cors(corsOptions));',
      '',
      '// ... your auth middleware and routes come after this line',
    ].join('\n'),
  };
}

function errors(s: CorsSpec): Fix {
  return {
    stack: 'express',
    title: 'Express: CORS headers on error responses too',
    language: 'javascript',
    snippet: [
      'import express from "express";',
      'import cors from "cors";',
      '',
      'const app = express();',
      ...options(s),
      'app.use(cors(corsOptions)); // before auth and routes, so 401/403/404 answers carry the headers',
      '',
      '// ... routes ...',
      '',
      '// Error handler last: the headers set by cors() are still on the response here.',
      'app.use((err, req, res, next) => {',
      '  if (res.headersSent) return next(err);',
      '  res.status(err.status ?? 500).json({ message: "Internal error" });',
      '});',
    ].join('\n'),
  };
}

function singleSource(): Fix {
  return {
    stack: 'express',
    title: 'Express: one CORS layer',
    language: 'javascript',
    snippet: [
      '// Keep app.use(cors(corsOptions)) and delete hand-written headers such as',
      '//   res.setHeader("Access-Control-Allow-Origin", "*");',
      '// — or remove cors() and the add_header lines in a proxy in front (nginx, API gateway) that add them again.',
    ].join('\n'),
  };
}

export const expressStack = stack('express', {
  allow,
  'preflight-no-auth': allow,
  errors,
  backend: errors,
  'single-source': singleSource,
  vary: allow,
});
